import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
    GUEST_CONTACT,
    INSTANT,
    SF_ADDRESS,
    startHarness,
    startReady,
    type Harness
} from './helpers';
import { seedBodies, type SeedIds } from './seedBodies';

let h: Harness;
let ids: SeedIds;
let checkoutId: string;
before(async () => {
    h = await startHarness();
});
after(async () => {
    await h.close();
});

/** A signed-in buyer's ready checkout: it has an address and delivery methods to choose from. */
beforeEach(async () => {
    await h.reset({ scenario: 'b2b-buyer', seed: 7, ...INSTANT });
    checkoutId = await startReady(h);
    const checkout = (await h.waitReady()).body;
    const group = checkout.deliveryGroups.items[0];
    const other = group.availableDeliveryMethods.find(
        (m: { id: string }) => m.id !== group.selectedDeliveryMethod.id
    );
    ids = { cartId: checkout.cartSummary.cartId, groupId: group.id, deliveryMethodId: other.id };
});

const webCartFields = () => [
    { attributes: { type: 'WebCart' }, Id: ids.cartId, MyCustomTextField__c: 'Foo' }
];
const groupFields = () => [
    { attributes: { type: 'CartDeliveryGroup' }, Id: ids.groupId, MyCustomTextField__c: 'Bar' }
];
const date = '2026-06-01';
const instructions = 'Leave at the loading dock';

async function expectRejected(body: Record<string, unknown>, status = 400): Promise<string> {
    const before = await h.state();
    const answer = await h.connect('PATCH', `/checkouts/${checkoutId}`, body);
    assert.equal(answer.status, status, JSON.stringify(answer.body));
    assert.ok(Array.isArray(answer.body));
    assert.equal(typeof answer.body[0].errorCode, 'string');
    assert.ok(answer.body[0].message.length > 10, 'a clear message');
    const afterState = await h.state();
    assert.deepEqual(afterState.checkout, before.checkout, 'a rejected request changes nothing');
    assert.deepEqual(afterState.session, before.session);
    return answer.body[0].message as string;
}

async function expectAccepted(body: Record<string, unknown>): Promise<number> {
    const answer = await h.connect('PATCH', `/checkouts/${checkoutId}`, body);
    assert.ok(
        answer.status === 200 || answer.status === 202,
        `${answer.status} ${JSON.stringify(answer.body)}`
    );
    assert.equal(answer.body.checkoutId, (await h.state()).checkoutId);
    assert.equal((await h.waitReady()).status, 200);
    return answer.status;
}

describe('forbidden PATCH combinations answer 400 INVALID_INPUT and change nothing', () => {
    const forbidden: [string, () => Record<string, unknown>][] = [
        [
            'deliveryAddress + deliveryMethodId',
            () => ({ deliveryAddress: SF_ADDRESS, deliveryMethodId: ids.deliveryMethodId })
        ],
        [
            'desiredDeliveryDate + deliveryMethodId',
            () => ({ desiredDeliveryDate: date, deliveryMethodId: ids.deliveryMethodId })
        ],
        [
            'shippingInstructions + deliveryMethodId',
            () => ({ shippingInstructions: instructions, deliveryMethodId: ids.deliveryMethodId })
        ],
        [
            'desiredDeliveryDate + contactInfo',
            () => ({ desiredDeliveryDate: date, contactInfo: GUEST_CONTACT })
        ],
        [
            'shippingInstructions + contactInfo',
            () => ({ shippingInstructions: instructions, contactInfo: GUEST_CONTACT })
        ],
        [
            'deliveryMethodId + contactInfo',
            () => ({ deliveryMethodId: ids.deliveryMethodId, contactInfo: GUEST_CONTACT })
        ],
        ['customFields alone', () => ({ customFields: webCartFields() })],
        [
            'shippingInstructions alone + WebCart customFields',
            () => ({ shippingInstructions: instructions, customFields: webCartFields() })
        ],
        [
            'shippingInstructions alone + CartDeliveryGroup customFields',
            () => ({ shippingInstructions: instructions, customFields: groupFields() })
        ],
        [
            'contactInfo + CartDeliveryGroup customFields',
            () => ({ contactInfo: GUEST_CONTACT, customFields: groupFields() })
        ],
        [
            'contactInfo + WebCart and CartDeliveryGroup customFields',
            () => ({
                contactInfo: GUEST_CONTACT,
                customFields: [...webCartFields(), ...groupFields()]
            })
        ],
        [
            'deliveryAddress + desiredDeliveryDate + deliveryMethodId',
            () => ({
                deliveryAddress: SF_ADDRESS,
                desiredDeliveryDate: date,
                deliveryMethodId: ids.deliveryMethodId
            })
        ],
        ['an empty body', () => ({})],
        [
            'two WebCart sObjects',
            () => ({
                contactInfo: GUEST_CONTACT,
                customFields: [...webCartFields(), ...webCartFields()]
            })
        ],
        [
            'the same delivery group twice',
            () => ({
                deliveryAddress: SF_ADDRESS,
                customFields: [...groupFields(), ...groupFields()]
            })
        ],
        [
            'more than 21 sObjects',
            () => ({
                deliveryAddress: SF_ADDRESS,
                customFields: [
                    ...webCartFields(),
                    ...Array.from({ length: 21 }, () => ({
                        attributes: { type: 'CartDeliveryGroup' },
                        MyCustomTextField__c: 'x'
                    }))
                ]
            })
        ]
    ];
    for (const [name, body] of forbidden) {
        it(name, async () => {
            const answer = await h.connect('PATCH', `/checkouts/${checkoutId}`, body());
            assert.equal(answer.body[0].errorCode, 'INVALID_INPUT');
            await expectRejected(body());
        });
    }

    it('names the offending pair in the message', async () => {
        const message = await expectRejected({
            desiredDeliveryDate: date,
            contactInfo: GUEST_CONTACT
        });
        assert.match(message, /desiredDeliveryDate/);
        assert.match(message, /contactInfo/);
    });
});

describe('allowed PATCH combinations are accepted', () => {
    const shippingSubsets: Record<string, unknown>[] = [
        { deliveryAddress: SF_ADDRESS },
        { desiredDeliveryDate: date },
        { shippingInstructions: instructions },
        { deliveryAddress: SF_ADDRESS, desiredDeliveryDate: date },
        { deliveryAddress: SF_ADDRESS, shippingInstructions: instructions },
        { desiredDeliveryDate: date, shippingInstructions: instructions },
        {
            deliveryAddress: SF_ADDRESS,
            desiredDeliveryDate: date,
            shippingInstructions: instructions
        }
    ];
    for (const subset of shippingSubsets) {
        it(`${Object.keys(subset).join(' + ')} (calculators run: 202)`, async () => {
            assert.equal(await expectAccepted(subset), 202);
        });
        if (!(Object.keys(subset).length === 1 && 'shippingInstructions' in subset)) {
            it(`${Object.keys(subset).join(' + ')} + WebCart and CartDeliveryGroup customFields`, async () => {
                assert.equal(
                    await expectAccepted({
                        ...subset,
                        customFields: [...webCartFields(), ...groupFields()]
                    }),
                    202
                );
            });
        }
    }

    it('contactInfo alone answers 200 (no calculator)', async () => {
        assert.equal(await expectAccepted({ contactInfo: GUEST_CONTACT }), 200);
    });
    it('contactInfo + WebCart customFields', async () => {
        await expectAccepted({ contactInfo: GUEST_CONTACT, customFields: webCartFields() });
    });
    it('contactInfo + deliveryAddress (the guest example)', async () => {
        assert.equal(
            await expectAccepted({ contactInfo: GUEST_CONTACT, deliveryAddress: SF_ADDRESS }),
            202
        );
    });
    it('deliveryMethodId alone (tax only: 202)', async () => {
        assert.equal(await expectAccepted({ deliveryMethodId: ids.deliveryMethodId }), 202);
        const selected = (await h.state()).checkout!.deliveryGroups as {
            items: { selectedDeliveryMethod: { id: string } }[];
        };
        assert.equal(selected.items[0].selectedDeliveryMethod.id, ids.deliveryMethodId);
    });
    it('deliveryMethodId + customFields', async () => {
        await expectAccepted({
            deliveryMethodId: ids.deliveryMethodId,
            customFields: [...webCartFields(), ...groupFields()]
        });
    });
    it('customFields items without Id go to the cart and the default group', async () => {
        await expectAccepted({
            deliveryAddress: SF_ADDRESS,
            customFields: [
                { attributes: { type: 'WebCart' }, MyCustomTextField__c: 'cart' },
                { attributes: { type: 'CartDeliveryGroup' }, MyCustomTextField__c: 'group' }
            ]
        });
        const custom = (await h.state()).checkout!.customFields as Record<string, unknown>[];
        assert.deepEqual(custom, [
            { attributes: { type: 'WebCart' }, Id: ids.cartId, MyCustomTextField__c: 'cart' },
            {
                attributes: { type: 'CartDeliveryGroup' },
                Id: ids.groupId,
                MyCustomTextField__c: 'group'
            }
        ]);
    });
});

describe("the seed's request bodies are accepted as written", () => {
    for (const [name, body] of Object.entries(seedBodies)) {
        it(name, async () => {
            const answer = await h.connect('PATCH', `/checkouts/${checkoutId}`, body(ids));
            assert.ok(answer.status === 200 || answer.status === 202, JSON.stringify(answer.body));
            const ready = (await h.waitReady()).body;
            const sent = body(ids);
            if (sent.customFields) {
                const cart = ready.customFields.find(
                    (c: { attributes: { type: string } }) => c.attributes.type === 'WebCart'
                );
                assert.equal(cart.MyCustomTextField__c, 'Foo');
                assert.deepEqual(cart.MyCustomGeolocationField__c, {
                    latitude: 33.345,
                    longitude: 45.567
                });
            }
            if (JSON.stringify(sent).includes('MyCustomAddressField__c')) {
                // The address names the API can't set are ignored, with a warning.
                assert.match(answer.headers.get('warning') ?? '', /state.*ignored/);
                const group = ready.customFields.find(
                    (c: { attributes: { type: string } }) =>
                        c.attributes.type === 'CartDeliveryGroup'
                );
                assert.equal(group.MyCustomAddressField__c.stateCode, 'US_CA');
                assert.equal(group.MyCustomAddressField__c.state, undefined);
                assert.equal(group.MyCustomAddressField__c.country, undefined);
                const logged = (await h.call('GET', '/__emulator/requests')).body.at(-2);
                assert.equal(logged.method, 'PATCH');
                assert.equal(logged.warnings.length, 2);
            }
        });
    }
});

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
