/** The values a checkout PATCH carries: custom fields by type and format, addresses, contact and ids. */
import { describe, it } from 'node:test';
import { SF_ADDRESS } from './helpers';
import { expectAccepted, expectRejected, useReadyBuyerCheckout } from './patchFixture';

useReadyBuyerCheckout();

describe('custom fields are validated by type and format', () => {
    const patchWith = (type: 'WebCart' | 'CartDeliveryGroup', field: string, value: unknown) => ({
        deliveryAddress: SF_ADDRESS,
        customFields: [{ attributes: { type }, [field]: value }]
    });
    const invalid: [string, string, unknown, 'WebCart' | 'CartDeliveryGroup'][] = [
        ['Text given a number', 'MyCustomTextField__c', 12, 'WebCart'],
        ['Text too long', 'MyCustomTextField__c', 'x'.repeat(256), 'WebCart'],
        ['Number given a string', 'MyCustomNumberField__c', '12.34', 'WebCart'],
        ['Percent given a string', 'MyCustomPercentField__c', '23%', 'WebCart'],
        ['Location missing longitude', 'MyCustomGeolocationField__c', { latitude: 1 }, 'WebCart'],
        [
            'Location out of range',
            'MyCustomGeolocationField__c',
            { latitude: 91, longitude: 0 },
            'WebCart'
        ],
        ['Checkbox given a string', 'GiftReceipt__c', 'yes', 'WebCart'],
        ['Email without a domain', 'InvoiceEmail__c', 'ap@', 'WebCart'],
        ['Url with spaces', 'ProjectUrl__c', 'not a url', 'WebCart'],
        ['Currency given a string', 'BudgetAmount__c', '10.00', 'WebCart'],
        ['Date in another format', 'RequestedOn__c', '05/28/2026', 'WebCart'],
        ['Date that does not exist', 'RequestedOn__c', '2026-02-30', 'WebCart'],
        ['DateTime without milliseconds', 'ApprovedAt__c', '2026-05-28T16:41:41Z', 'WebCart'],
        ['Time out of range', 'PreferredTime__c', '25:00.00.000Z', 'WebCart'],
        ['Phone with letters', 'MyCustomPhoneField__c', 'call me', 'CartDeliveryGroup'],
        [
            'Address with an unknown subfield',
            'MyCustomAddressField__c',
            { street: '1 Main', planet: 'Earth' },
            'CartDeliveryGroup'
        ],
        [
            'Address with a bad country code',
            'MyCustomAddressField__c',
            { countryCode: 'Narnia' },
            'CartDeliveryGroup'
        ],
        ['an undefined field', 'NoSuchField__c', 'x', 'WebCart'],
        ['a WebCart field on a delivery group', 'GiftReceipt__c', true, 'CartDeliveryGroup']
    ];
    for (const [name, field, value, type] of invalid) {
        it(`rejects ${name}`, async () => {
            await expectRejected(patchWith(type, field, value));
        });
    }

    it('rejects an sObject type other than WebCart or CartDeliveryGroup', async () => {
        await expectRejected({
            deliveryAddress: SF_ADDRESS,
            customFields: [{ attributes: { type: 'Account' }, Name: 'x' }]
        });
    });
    it('rejects an Id that is not this checkout’s cart or group (404)', async () => {
        await expectRejected(
            {
                deliveryAddress: SF_ADDRESS,
                customFields: [
                    {
                        attributes: { type: 'WebCart' },
                        Id: '0a6SG0000000000AAA',
                        MyCustomTextField__c: 'x'
                    }
                ]
            },
            404
        );
        await expectRejected(
            {
                deliveryAddress: SF_ADDRESS,
                customFields: [
                    {
                        attributes: { type: 'CartDeliveryGroup' },
                        Id: '0a7SG0000000000AAA',
                        MyCustomTextField__c: 'x'
                    }
                ]
            },
            404
        );
    });

    it('accepts every allowed type in its documented format', async () => {
        await expectAccepted({
            deliveryAddress: SF_ADDRESS,
            customFields: [
                {
                    attributes: { type: 'WebCart' },
                    GiftReceipt__c: true,
                    InvoiceEmail__c: 'ap@example.com',
                    ProjectUrl__c: 'https://example.com/p/1',
                    BudgetAmount__c: 1200.5,
                    RequestedOn__c: '2026-05-28',
                    ApprovedAt__c: '2026-05-28T16:41:41.090+02:00',
                    PreferredTime__c: '16:41.41.090Z',
                    PurchaseOrderNote__c: 'Net 30',
                    DeliveryNotes__c: 'n'.repeat(5000)
                },
                {
                    attributes: { type: 'CartDeliveryGroup' },
                    MyCustomPhoneField__c: '+1 (415) 555-0123',
                    DockNumber__c: 'D4'
                }
            ]
        });
    });
});

describe('address and value validation', () => {
    const cases: [string, Record<string, unknown>][] = [
        ['an address without street', { deliveryAddress: { name: 'A', country: 'US' } }],
        ['an address without country', { deliveryAddress: { name: 'A', street: '1 Main St' } }],
        ['an unknown country code', { deliveryAddress: { ...SF_ADDRESS, country: 'XX' } }],
        ['a region not of the country', { deliveryAddress: { ...SF_ADDRESS, region: 'ZZ' } }],
        ['a malformed US postal code', { deliveryAddress: { ...SF_ADDRESS, postalCode: '9410' } }],
        [
            'a ship-to phone without country code',
            { deliveryAddress: { ...SF_ADDRESS, shipToPhoneNumber: '4155550123' } }
        ],
        ['an unknown address property', { deliveryAddress: { ...SF_ADDRESS, county: 'SF' } }],
        ['a desired delivery date that is not a date', { desiredDeliveryDate: 'next Tuesday' }],
        ['a malformed email', { contactInfo: { email: 'not-an-email' } }],
        ['an unknown contact property', { contactInfo: { nickname: 'Al' } }],
        ['a contact name that is not a string', { contactInfo: { firstName: 42 } }],
        ['a delivery method id that is not an id', { deliveryMethodId: 'cheapest please' }],
        ['an unknown top-level property', { deliveryAddress: SF_ADDRESS, giftWrap: true }]
    ];
    for (const [name, body] of cases) {
        it(`rejects ${name}`, async () => {
            await expectRejected(body);
        });
    }
    it('rejects an unknown delivery method id with 404', async () => {
        await expectRejected({ deliveryMethodId: '2DmSG0000000000AAA' }, 404);
    });
});
