import {
    FIELD_LIMITS,
    customFieldMessage,
    hasRegions,
    isIsoDate,
    isValidPostalCode,
    isValidRegion,
    needsPostalCode,
    phoneCountriesOf,
    phoneProblem,
    postalCodeExample,
    regionsOf,
    validateAddress,
    validateContact,
    validateShippingDetail
} from 'c/checkoutValidation';

describe('country data shared by the engine and the forms', () => {
    it('lists the regions of a country with their names, in display order', () => {
        expect(regionsOf('CA')[0]).toEqual({ code: 'AB', name: 'Alberta' });
        expect(regionsOf('US').map((region) => region.code)).toContain('GU');
        expect(regionsOf('GB')).toEqual([]);
        expect(hasRegions('AU')).toBe(true);
        expect(hasRegions('GB')).toBe(false);
    });

    it('accepts exactly the listed region codes where a country has a list', () => {
        for (const country of ['US', 'CA', 'AU']) {
            for (const { code } of regionsOf(country)) {
                expect(isValidRegion(country, code)).toBe(true);
            }
        }
        expect(isValidRegion('US', 'ON')).toBe(false);
        expect(isValidRegion('GB', 'ENG')).toBe(true);
    });

    it('gives every country that needs a postal code an example its own format accepts', () => {
        for (const country of ['US', 'CA', 'GB', 'DE', 'FR', 'AU', 'NL', 'JP', 'IT', 'ES']) {
            expect(needsPostalCode(country)).toBe(true);
            expect(isValidPostalCode(country, postalCodeExample(country))).toBe(true);
        }
        expect(needsPostalCode('HK')).toBe(false);
        expect(postalCodeExample('HK')).toBe('');
    });

    it('requires and checks an Italian postal code like the form does', () => {
        const base = { name: 'A', street: 'Via Roma 1', country: 'IT' };
        expect(validateAddress(base)).toEqual({ postalCode: 'c.CheckoutKit_ValidationRequired' });
        expect(validateAddress({ ...base, postalCode: '0018' })).toEqual({
            postalCode: 'c.CheckoutKit_ValidationPostalCode'
        });
        expect(validateAddress({ ...base, postalCode: '00184' })).toEqual({});
    });

    it('reads yyyy-MM-dd calendar dates only', () => {
        expect(isIsoDate('2024-02-29')).toBe(true);
        expect(isIsoDate('2023-02-29')).toBe(false);
        expect(isIsoDate('2024-2-9')).toBe(false);
    });

    it('checks a delivery date the browser can read and instructions of 255 characters at most', () => {
        expect(validateShippingDetail('desiredDeliveryDate', '2030-05-01')).toBeUndefined();
        expect(validateShippingDetail('desiredDeliveryDate', '')).toBeUndefined();
        expect(validateShippingDetail('desiredDeliveryDate', 'soon')).toBe(
            'c.CheckoutKit_ValidationDate'
        );
        expect(validateShippingDetail('shippingInstructions', 'x'.repeat(255))).toBeUndefined();
        expect(validateShippingDetail('shippingInstructions', 'x'.repeat(256))).toBe(
            'c.CheckoutKit_ValidationTooLong'
        );
    });
});

describe('the platform field limits', () => {
    const TOO_LONG = 'c.CheckoutKit_ValidationTooLong';

    it('refuses a contact value longer than the platform stores, naming nothing the server said', () => {
        const values = {
            firstName: 'A'.repeat(41),
            lastName: 'B'.repeat(81),
            email: `${'c'.repeat(75)}@example.com`,
            phoneNumber: '4'.repeat(41),
            isoCountryCodeForPhoneNumber: 'US'
        };
        expect(validateContact(values)).toEqual({
            'contact.firstName': TOO_LONG,
            'contact.lastName': TOO_LONG,
            'contact.email': TOO_LONG,
            'contact.phoneNumber': TOO_LONG
        });
        expect(
            validateContact({
                firstName: 'A'.repeat(40),
                lastName: 'B'.repeat(80),
                email: `${'c'.repeat(68)}@example.com`
            })
        ).toEqual({});
    });

    it('checks every address part against its field, the limit before any other rule', () => {
        const address = {
            name: 'Ada Lovelace',
            firstName: 'A'.repeat(41),
            lastName: 'L'.repeat(81),
            companyName: 'C'.repeat(256),
            street: 'S'.repeat(300),
            city: 'C'.repeat(41),
            region: 'R'.repeat(81),
            postalCode: '9'.repeat(21),
            country: 'US'
        };
        expect(validateAddress(address, 'p')).toEqual({
            'p.firstName': TOO_LONG,
            'p.lastName': TOO_LONG,
            'p.companyName': TOO_LONG,
            'p.street': TOO_LONG,
            'p.city': TOO_LONG,
            'p.region': TOO_LONG,
            'p.postalCode': TOO_LONG
        });
        const fits = Object.fromEntries(
            Object.entries(FIELD_LIMITS.address).map(([field, limit]) => [field, 'x'.repeat(limit)])
        );
        const errors = validateAddress(fits);
        expect(Object.values(errors)).not.toContain(TOO_LONG);
    });

    it('says the limit in the message', () => {
        expect(FIELD_LIMITS.contact.firstName).toBe(40);
        expect(FIELD_LIMITS.address.city).toBe(40);
        expect(FIELD_LIMITS.address.postalCode).toBe(20);
        expect(customFieldMessage('Phone', '1'.repeat(41))).toBe(TOO_LONG);
    });
});

describe('a phone number and its country agree', () => {
    const PHONE = 'c.CheckoutKit_ValidationPhone';
    const OTHER_COUNTRY = 'c.CheckoutKit_ValidationPhoneOtherCountry';
    const CHOOSE_COUNTRY = 'c.CheckoutKit_ValidationPhoneCountry';
    const phoneError = (phoneNumber: string, country?: string) =>
        validateContact({ phoneNumber, isoCountryCodeForPhoneNumber: country });

    it('refuses a British number, international or national, for the United States', () => {
        expect(phoneError('+44 20 7946 0958', 'US')).toEqual({
            'contact.phoneNumber': OTHER_COUNTRY
        });
        expect(phoneError('020 7946 0958', 'US')).toEqual({ 'contact.phoneNumber': PHONE });
    });

    it('accepts the same numbers with their own country', () => {
        expect(phoneError('+44 20 7946 0958', 'GB')).toEqual({});
        expect(phoneError('020 7946 0958', 'GB')).toEqual({});
        expect(phoneError('(415) 555-0100', 'US')).toEqual({});
        expect(phoneError('1 415 555 0100', 'US')).toEqual({});
        expect(phoneError('+1 604 555 0100', 'CA')).toEqual({});
        expect(phoneError('030 1234567', 'DE')).toEqual({});
        expect(phoneError('01 23 45 67 89', 'FR')).toEqual({});
        expect(phoneError('06 1234 5678', 'IT')).toEqual({});
    });

    it('reads a national number by its country rules', () => {
        expect(phoneError('0415 555 0100', 'US')).toEqual({ 'contact.phoneNumber': PHONE });
        expect(phoneError('415 555 010', 'US')).toEqual({ 'contact.phoneNumber': PHONE });
        expect(phoneError('01 23 45 67', 'FR')).toEqual({ 'contact.phoneNumber': PHONE });
    });

    it('asks for the country of a national number, and for digits in anything else', () => {
        expect(phoneError('020 7946 0958')).toEqual({
            'contact.isoCountryCodeForPhoneNumber': CHOOSE_COUNTRY
        });
        expect(phoneError('abc', 'US')).toEqual({ 'contact.phoneNumber': PHONE });
        expect(phoneError('+999 1234 5678', 'US')).toEqual({ 'contact.phoneNumber': PHONE });
    });

    it('knows which countries an international number belongs to, its main country first', () => {
        expect(phoneCountriesOf('+44 20 7946 0958')).toEqual(['GB', 'GG', 'IM', 'JE']);
        expect(phoneCountriesOf('+1 604 555 0100').slice(0, 1)).toEqual(['US']);
        expect(phoneCountriesOf('+1 604 555 0100')).toContain('CA');
        expect(phoneCountriesOf('020 7946 0958')).toEqual([]);
        expect(phoneProblem('+44 20 7946 0958', undefined)).toBeNull();
    });

    it('keeps a plausible number for a country without numbering data', () => {
        expect(phoneError('12345678', 'AQ')).toEqual({});
    });
});
