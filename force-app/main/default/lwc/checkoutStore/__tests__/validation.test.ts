import { validateAddress, validateContact, validateCustomField } from 'c/checkoutValidation';
import type { CustomFieldType } from '../types';
import { DEFAULT_GROUP, SAMPLE_ADDRESS, setup } from './support/fakeCheckout';

describe('contact validation', () => {
    it('accepts a complete contact', () => {
        expect(
            validateContact({
                firstName: 'Ada',
                lastName: 'Lovelace',
                email: 'ada@example.co.uk',
                phoneNumber: '+44 20 7946 0958'
            })
        ).toEqual({});
    });

    it.each(['ada', 'ada@', '@example.com', 'ada@example', 'ada @example.com', 'ada@exa mple.com'])(
        'rejects the email %p',
        (email) => {
            expect(validateContact({ email })).toEqual({
                'contact.email': 'c.CheckoutKit_ValidationEmail'
            });
        }
    );

    it('requires an email and a last name when they are cleared', () => {
        expect(validateContact({ email: ' ', lastName: '' })).toEqual({
            'contact.email': 'c.CheckoutKit_ValidationRequired',
            'contact.lastName': 'c.CheckoutKit_ValidationRequired'
        });
    });

    it('needs a country for a national phone number and checks it', () => {
        expect(validateContact({ phoneNumber: '415 555 0100' })).toEqual({
            'contact.isoCountryCodeForPhoneNumber': 'c.CheckoutKit_ValidationPhoneCountry'
        });
        expect(
            validateContact({ phoneNumber: '415 555 0100', isoCountryCodeForPhoneNumber: 'US' })
        ).toEqual({});
        expect(
            validateContact({ phoneNumber: '415 555 0100', isoCountryCodeForPhoneNumber: 'XX' })
        ).toEqual({
            'contact.isoCountryCodeForPhoneNumber': 'c.CheckoutKit_ValidationPhoneCountry'
        });
    });

    it.each(['+0123456789', '+1 23', 'call me', '+1234567890123456'])(
        'rejects the phone %p',
        (phoneNumber) => {
            expect(validateContact({ phoneNumber, isoCountryCodeForPhoneNumber: 'US' })).toEqual({
                'contact.phoneNumber': 'c.CheckoutKit_ValidationPhone'
            });
        }
    );
});

describe('address validation', () => {
    it('accepts a complete address', () => {
        expect(validateAddress(SAMPLE_ADDRESS)).toEqual({});
    });

    it('requires name, street and country', () => {
        expect(validateAddress({ city: 'Paris' }, 'group.G.deliveryAddress')).toEqual({
            'group.G.deliveryAddress.name': 'c.CheckoutKit_ValidationRequired',
            'group.G.deliveryAddress.street': 'c.CheckoutKit_ValidationRequired',
            'group.G.deliveryAddress.country': 'c.CheckoutKit_ValidationRequired'
        });
    });

    it('takes ISO codes only for country and region', () => {
        expect(validateAddress({ ...SAMPLE_ADDRESS, country: 'United States' })).toEqual({
            country: 'c.CheckoutKit_ValidationCountry'
        });
        expect(validateAddress({ ...SAMPLE_ADDRESS, region: 'California' })).toEqual({
            region: 'c.CheckoutKit_ValidationRegion'
        });
        expect(
            validateAddress({
                ...SAMPLE_ADDRESS,
                country: 'CA',
                region: 'ON',
                postalCode: 'K1A 0B1'
            })
        ).toEqual({});
    });

    const postalCodes: Array<[string, string, string]> = [
        ['US', '94105-1234', '9410'],
        ['CA', 'M5V 3L9', '12345'],
        ['GB', 'SW1A 1AA', 'SW1A'],
        ['DE', '10115', '1011'],
        ['FR', '75008', '7500A'],
        ['AU', '2000', '20000'],
        ['NL', '1012 AB', '0123 AB'],
        ['JP', '100-0001', '1000'],
        ['BR', '01310-100', '!!']
    ];
    it.each(postalCodes)('checks %s postal codes (%s valid, %s not)', (country, valid, invalid) => {
        const base = { name: 'A', street: '1 Road', country };
        expect(validateAddress({ ...base, postalCode: valid })).toEqual({});
        expect(validateAddress({ ...base, postalCode: invalid })).toEqual({
            postalCode: 'c.CheckoutKit_ValidationPostalCode'
        });
    });

    it('requires a postal code where the country has one', () => {
        expect(validateAddress({ name: 'A', street: '1 Road', country: 'DE' })).toEqual({
            postalCode: 'c.CheckoutKit_ValidationRequired'
        });
        expect(validateAddress({ name: 'A', street: '1 Road', country: 'HK' })).toEqual({});
    });
});

describe('custom field validation', () => {
    const cases: Array<[CustomFieldType, unknown, unknown, string]> = [
        ['Checkbox', true, 'yes', 'ValidationCheckbox'],
        ['Currency', 12.5, '12.50', 'ValidationNumber'],
        ['Number', -3, Number.NaN, 'ValidationNumber'],
        ['Percent', 0.2345, '23%', 'ValidationNumber'],
        ['Date', '2024-02-29', '2023-02-29', 'ValidationDate'],
        ['DateTime', '2021-05-28T16:41:41.090Z', '2021-05-28 16:41', 'ValidationDateTime'],
        [
            'DateTime',
            '2021-05-28T16:41:41.090+02:00',
            '2021-05-28T25:41:41.090Z',
            'ValidationDateTime'
        ],
        ['Time', '16:41.41.090Z', '4pm', 'ValidationTime'],
        ['Email', 'a@example.com', 'a@', 'ValidationEmail'],
        ['Phone', '+1 (415) 555-1212', 'phone', 'ValidationPhone'],
        ['Text', 'Foo', 'x'.repeat(256), 'ValidationTooLong'],
        ['TextArea', 'Foo\nBar', 42, 'ValidationText'],
        ['LongTextArea', 'y'.repeat(5000), { text: 'no' }, 'ValidationText'],
        ['Url', 'https://example.com/a?b=c', 'not a url', 'ValidationUrl'],
        [
            'Location',
            { latitude: 33.345, longitude: 45.567 },
            { latitude: 91, longitude: 0 },
            'ValidationLocation'
        ],
        [
            'Address',
            {
                street: '100 Folsom Street',
                city: 'San Francisco',
                stateCode: 'US_CA',
                countryCode: 'US',
                postalCode: '93555'
            },
            { street: '100 Folsom Street', state: 'California', country: 'United States' },
            'ValidationAddressCodes'
        ]
    ];
    it.each(cases)('checks %s values', (type, valid, invalid, label) => {
        expect(validateCustomField('custom.WebCart.F__c', type, valid)).toEqual({});
        expect(validateCustomField('custom.WebCart.F__c', type, invalid)).toEqual({
            'custom.WebCart.F__c': `c.CheckoutKit_${label}`
        });
    });

    it('accepts null to clear a field', () => {
        expect(validateCustomField('custom.WebCart.F__c', 'Number', null)).toEqual({});
    });
});

describe('invalid input in the store', () => {
    it('keeps invalid values in edits and validation, and never sends them', async () => {
        const harness = await setup({ withAddress: true }).loaded();
        const { server, store } = harness;
        store.updateContact({ email: 'not-an-email', firstName: 'Ada' });
        store.updateShipping(DEFAULT_GROUP, {
            deliveryAddress: { ...SAMPLE_ADDRESS, postalCode: 'ABC' }
        });
        await harness.idle();
        const snapshot = store.getSnapshot();
        expect(snapshot.validation).toEqual({
            'contact.email': 'c.CheckoutKit_ValidationEmail',
            [`group.${DEFAULT_GROUP}.deliveryAddress.postalCode`]:
                'c.CheckoutKit_ValidationPostalCode'
        });
        expect(snapshot.edits['contact.email']).toMatchObject({
            status: 'failed',
            value: 'not-an-email'
        });
        expect(snapshot.contactInfo.email).toBe('not-an-email');
        expect(snapshot.deliveryGroups[0].deliveryAddress?.postalCode).toBe('ABC');
        expect(snapshot.placeOrderBlockers).toContain('invalid-input');
        // The valid first name still goes; the invalid email and address do not.
        expect(server.patches.map((patch) => patch.body)).toEqual([
            { contactInfo: { firstName: 'Ada' } }
        ]);
        store.updateContact({ email: 'ada@example.com' });
        await harness.idle();
        expect(store.getSnapshot().validation).toEqual({
            [`group.${DEFAULT_GROUP}.deliveryAddress.postalCode`]:
                'c.CheckoutKit_ValidationPostalCode'
        });
        expect(server.contactInfo).toEqual({ firstName: 'Ada', email: 'ada@example.com' });
    });

    it('re-checks a national phone number when its country arrives', async () => {
        const harness = await setup().loaded();
        const { server, store } = harness;
        store.updateContact({ phoneNumber: '415 555 0100' });
        expect(store.getSnapshot().validation).toEqual({
            'contact.isoCountryCodeForPhoneNumber': 'c.CheckoutKit_ValidationPhoneCountry'
        });
        store.updateContact({ isoCountryCodeForPhoneNumber: 'US' });
        await harness.idle();
        expect(store.getSnapshot().validation).toEqual({});
        expect(server.contactInfo).toEqual({
            phoneNumber: '415 555 0100',
            isoCountryCodeForPhoneNumber: 'US'
        });
    });

    it('holds a national phone number unsent until its country is valid, saying it once', async () => {
        const harness = await setup().loaded();
        const { server, store } = harness;
        store.updateContact({ phoneNumber: '415 555 0100', isoCountryCodeForPhoneNumber: 'XX' });
        await harness.idle();
        expect(server.patches).toHaveLength(0);
        const snapshot = store.getSnapshot();
        expect(snapshot.validation).toEqual({
            'contact.isoCountryCodeForPhoneNumber': 'c.CheckoutKit_ValidationPhoneCountry'
        });
        expect(snapshot.contactInfo.phoneNumber).toBe('415 555 0100');
        expect(snapshot.edits['contact.phoneNumber']?.message).toBeUndefined();
        store.updateContact({ isoCountryCodeForPhoneNumber: 'US' });
        await harness.idle();
        expect(server.contactInfo).toEqual({
            phoneNumber: '415 555 0100',
            isoCountryCodeForPhoneNumber: 'US'
        });
    });

    it('validates custom fields by their declared type', async () => {
        const harness = await setup({
            withAddress: true,
            store: { customFieldTypes: { WebCart: { MyCustomDate__c: 'Date' } } }
        }).loaded();
        const { server, store } = harness;
        store.updateCustomFields({ type: 'WebCart' }, { MyCustomDate__c: '28/05/2021' });
        await harness.idle();
        expect(store.getSnapshot().validation).toEqual({
            'custom.WebCart.MyCustomDate__c': 'c.CheckoutKit_ValidationDate'
        });
        expect(server.patches).toHaveLength(0);
    });
});
