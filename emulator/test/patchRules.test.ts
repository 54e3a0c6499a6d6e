/** Which field combinations one checkout PATCH may carry (the contract's table), and the seed's bodies. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GUEST_CONTACT, SF_ADDRESS } from './helpers';
import {
    checkoutId,
    expectAccepted,
    expectRejected,
    h,
    ids,
    useReadyBuyerCheckout
} from './patchFixture';
import { seedBodies } from './seedBodies';

useReadyBuyerCheckout();

const webCartFields = () => [
    { attributes: { type: 'WebCart' }, Id: ids.cartId, MyCustomTextField__c: 'Foo' }
];
const groupFields = () => [
    { attributes: { type: 'CartDeliveryGroup' }, Id: ids.groupId, MyCustomTextField__c: 'Bar' }
];
const date = '2026-06-01';
const instructions = 'Leave at the loading dock';

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
