/**
 * Contract tests for issue 10: the emulator behaves like a real LWR store, and is strict where the platform is.
 * Each `describe` is one bullet of the list of exact interfaces.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { EmulatorState, RequestLogEntry } from '../src/index';
import {
    GUEST_CONTACT,
    INSTANT,
    SF_ADDRESS,
    startHarness,
    startReady,
    type Answer,
    type Harness
} from './helpers';

let h: Harness;
before(async () => {
    h = await startHarness();
});
after(async () => {
    await h.close();
});

/** The state a refused request must leave as it was. */
function essentials(state: EmulatorState): unknown {
    return { checkout: state.checkout, payments: state.payments, orders: state.orders };
}

function assertConnectError(answer: Answer, status: number, errorCode?: string): void {
    assert.equal(answer.status, status, JSON.stringify(answer.body));
    assert.ok(Array.isArray(answer.body), 'a Connect error array');
    assert.deepEqual(Object.keys(answer.body[0]).sort(), ['errorCode', 'message']);
    if (errorCode) assert.equal(answer.body[0].errorCode, errorCode);
    assert.ok(answer.body[0].message.length > 10);
}

async function lastLogged(): Promise<RequestLogEntry> {
    return (await h.call('GET', '/__emulator/requests')).body.at(-1);
}

describe('the CSRF token of a signed-in session', () => {
    it('is in GET /__emulator/state: seeded per reset, another for another scenario or seed', async () => {
        const a = await h.reset({ scenario: 'b2b-buyer', seed: 5, ...INSTANT });
        const again = await h.reset({ scenario: 'b2b-buyer', seed: 5, ...INSTANT });
        const otherSeed = await h.reset({ scenario: 'b2b-buyer', seed: 6, ...INSTANT });
        const otherStore = await h.reset({ scenario: 'cpq', seed: 6, ...INSTANT });
        assert.match(a.csrfToken, /^[A-Za-z0-9]{40}$/);
        assert.equal(again.csrfToken, a.csrfToken);
        assert.notEqual(otherSeed.csrfToken, a.csrfToken);
        assert.notEqual(otherStore.csrfToken, otherSeed.csrfToken);
        assert.equal((await h.state()).csrfToken, otherStore.csrfToken);
    });

    it('a signed-in Connect write without it, or with another, answers 401 and changes nothing', async () => {
        const { csrfToken } = await h.reset({ scenario: 'b2b-buyer', seed: 5, ...INSTANT });
        const id = await startReady(h);
        const groupId = (await h.connect('GET', `/checkouts/${id}`)).body.deliveryGroups.items[0]
            .id;
        const before = essentials(await h.state());
        const writes: [string, string, unknown][] = [
            ['POST', '/checkouts', { cartId: 'active' }],
            ['PUT', '/checkouts', { cartId: 'active' }],
            ['PATCH', `/checkouts/${id}`, { contactInfo: GUEST_CONTACT }],
            ['DELETE', `/checkouts/${id}`, undefined],
            [
                'POST',
                `/checkouts/${id}/payments`,
                { requestType: 'SimplePurchaseOrder', paymentToken: 'PO-1' }
            ],
            ['POST', `/checkouts/${id}/orders`, undefined],
            [
                'PATCH',
                `/carts/active/delivery-groups/${groupId}`,
                { shippingInstructions: 'Dock 4' }
            ]
        ];
        for (const token of [null, `${csrfToken}x`, '']) {
            for (const [method, rest, body] of writes) {
                const answer = await h.connect(method, rest, body, { csrfToken: token });
                assertConnectError(answer, 401, 'INVALID_CSRF_TOKEN');
            }
        }
        assert.deepEqual(essentials(await h.state()), before);
        // The log says which header came (lower-case names).
        const logged = await lastLogged();
        assert.equal(logged.status, 401);
        assert.equal(logged.headers['csrf-token'], '');
        // Reads need no token; with it, the same write goes through.
        const read = await h.connect('GET', `/checkouts/${id}`, undefined, { csrfToken: null });
        assert.equal(read.status, 200);
        const write = await h.connect('PATCH', `/checkouts/${id}`, { contactInfo: GUEST_CONTACT });
        assert.equal(write.status, 200);
    });

    it('guests need none; Apex and the CPQ REST resource (server-side callouts) need none', async () => {
        await h.reset({ scenario: 'd2c-guest', seed: 5, ...INSTANT });
        const id = await startReady(h);
        const guest = await h.connect(
            'PATCH',
            `/checkouts/${id}`,
            { contactInfo: GUEST_CONTACT },
            { csrfToken: null }
        );
        assert.equal(guest.status, 200);
        const cpq = await h.reset({ scenario: 'cpq', seed: 5, ...INSTANT });
        const apex = await h.apex('CpqCheckoutController.checkout', { cartId: cpq.cpqCartId });
        assert.equal(apex.status, 200);
        const rest = `/services/apexrest/${cpq.cpqNamespace}/v2/cpq/carts/${cpq.cpqCartId}/items/checkout`;
        const submitted = await h.call('POST', rest, {
            cartId: cpq.cpqCartId,
            ContextId: cpq.cpqCartId
        });
        assert.equal(submitted.status, 200);
    });
});

describe('the request log records headers and the query as sent', () => {
    it('keeps lower-case header names (csrf-token, content-type) and the query string exactly', async () => {
        const { csrfToken, accountId } = await h.reset({
            scenario: 'b2b-buyer',
            seed: 5,
            ...INSTANT
        });
        const id = await startReady(h);
        const query = `language=en-US&asGuest=false&htmlEncode=false&effectiveAccountId=${accountId}&x=%20a&x=b`;
        const answer = await h.connect(
            'PATCH',
            `/checkouts/${id}`,
            { contactInfo: GUEST_CONTACT },
            {
                query
            }
        );
        assert.equal(answer.status, 200);
        const logged = await lastLogged();
        assert.equal(logged.headers['csrf-token'], csrfToken);
        assert.equal(logged.headers['content-type'], 'application/json');
        assert.equal(logged.queryString, query);
        assert.deepEqual(logged.query, {
            language: 'en-US',
            asGuest: 'false',
            htmlEncode: 'false',
            effectiveAccountId: accountId,
            x: ' a'
        });
    });

    it('accepts asGuest, language, htmlEncode and effectiveAccountId, and never requires them', async () => {
        const { accountId } = await h.reset({ scenario: 'b2b-buyer', seed: 5, ...INSTANT });
        const id = await startReady(h);
        for (const query of [
            undefined,
            'asGuest=false',
            'language=en-US',
            'htmlEncode=false',
            `effectiveAccountId=${accountId}`,
            `language=fr-CA&asGuest=false&htmlEncode=true&effectiveAccountId=${accountId}`
        ]) {
            assert.equal(
                (await h.connect('GET', `/checkouts/${id}`, undefined, { query })).status,
                200
            );
            const logged = await lastLogged();
            assert.equal(logged.queryString, query ?? '');
        }
    });
});

describe('writes name the checkout; addresses as Salesforce sends them', () => {
    it('PATCH or DELETE on checkouts/active answers 400 with a Connect error array and changes nothing', async () => {
        await h.reset({ scenario: 'b2b-buyer', seed: 5, ...INSTANT });
        await startReady(h);
        const before = essentials(await h.state());
        assertConnectError(
            await h.connect('PATCH', '/checkouts/active', { contactInfo: GUEST_CONTACT }),
            400
        );
        assertConnectError(await h.connect('DELETE', '/checkouts/active'), 400);
        assert.deepEqual(essentials(await h.state()), before);
        assert.equal((await h.connect('GET', '/checkouts/active')).status, 200);
    });

    it('deliveryAddress {id} sets one of the buyer’s saved addresses and recalculates shipping', async () => {
        const { accountId } = await h.reset({ scenario: 'b2b-buyer', seed: 5, ...INSTANT });
        const id = await startReady(h);
        const saved = (
            await h.connect('GET', `/accounts/${accountId}/addresses`, undefined, {
                query: 'addressType=Shipping'
            })
        ).body.items;
        const target = saved.find((a: { isDefault: boolean }) => !a.isDefault);
        const answer = await h.connect('PATCH', `/checkouts/${id}`, {
            deliveryAddress: { id: target.addressId }
        });
        assert.equal(answer.status, 202, 'shipping and tax run again');
        const group = (await h.waitReady(id)).body.deliveryGroups.items[0];
        assert.equal(group.deliveryAddress.id, target.addressId);
        for (const key of ['street', 'city', 'country', 'postalCode'])
            assert.equal(group.deliveryAddress[key], target[key]);
        assert.ok(group.availableDeliveryMethods.length > 0);
    });

    it('an unknown saved address id, or an id with fields, answers 400 and changes nothing', async () => {
        await h.reset({ scenario: 'b2b-buyer', seed: 5, ...INSTANT });
        const id = await startReady(h);
        const before = essentials(await h.state());
        for (const deliveryAddress of [
            { id: '8lWSG0000000000AAA' },
            { id: 'not an id' },
            { id: '8lWSG0000000000AAA', city: 'Portland' }
        ]) {
            assertConnectError(
                await h.connect('PATCH', `/checkouts/${id}`, { deliveryAddress }),
                400,
                'INVALID_INPUT'
            );
        }
        assert.deepEqual(essentials(await h.state()), before);
        // A guest has no saved addresses at all.
        await h.reset({ scenario: 'd2c-guest', seed: 5, ...INSTANT });
        const guestId = await startReady(h);
        assertConnectError(
            await h.connect('PATCH', `/checkouts/${guestId}`, {
                deliveryAddress: { id: '8lWSG0000000000AAA' }
            }),
            400
        );
    });

    it('a new address without name is accepted, as Salesforce’s checkout sends it', async () => {
        await h.reset({ scenario: 'd2c-guest', seed: 5, ...INSTANT });
        const id = await startReady(h);
        const { name, ...unnamed } = SF_ADDRESS;
        assert.ok(name);
        assert.equal(
            (await h.connect('PATCH', `/checkouts/${id}`, { deliveryAddress: unnamed })).status,
            202
        );
        const group = (await h.waitReady(id)).body.deliveryGroups.items[0];
        assert.equal(group.deliveryAddress.street, SF_ADDRESS.street);
        assert.equal(group.deliveryAddress.name, undefined);
    });
});

describe('start: create or get', () => {
    it('GET checkouts/active before any start answers 404 CHECKOUT_NOT_FOUND', async () => {
        await h.reset({ scenario: 'b2b-buyer', seed: 5, ...INSTANT });
        assertConnectError(await h.connect('GET', '/checkouts/active'), 404, 'CHECKOUT_NOT_FOUND');
        assertConnectError(
            await h.connect('GET', '/checkouts/2z9SG0000000000AAA'),
            404,
            'CHECKOUT_NOT_FOUND'
        );
    });

    for (const method of ['POST', 'PUT']) {
        it(`${method} {cartId: "active"} while a checkout exists returns that checkout`, async () => {
            await h.reset({ scenario: 'b2b-buyer', seed: 5, ...INSTANT });
            const id = await startReady(h);
            const again = await h.connect(method, '/checkouts', { cartId: 'active' });
            assert.equal(again.status, 200, JSON.stringify(again.body));
            assert.equal(again.body.checkoutId, id);
            assert.ok(again.body.deliveryGroups, 'the whole checkout');
            const state = await h.state();
            assert.equal(state.checkoutId, id);
            assert.equal((state.history as unknown[]).length, 1, 'nothing recalculated');
        });
    }
});

describe('place order', () => {
    it('answers {orderReferenceNumber: "XXXXX-XXXXX-XXXXX-XXXXX", errors: []}, seeded', async () => {
        const references: string[] = [];
        for (const seed of [9, 9, 10]) {
            await h.reset({ scenario: 'd2c-guest', seed, ...INSTANT });
            const id = await startReady(h);
            await h.connect('PATCH', `/checkouts/${id}`, {
                contactInfo: GUEST_CONTACT,
                deliveryAddress: SF_ADDRESS
            });
            await h.waitReady(id);
            const placed = await h.connect('POST', `/checkouts/${id}/orders`);
            assert.equal(placed.status, 201);
            assert.deepEqual(Object.keys(placed.body).sort(), ['errors', 'orderReferenceNumber']);
            assert.match(placed.body.orderReferenceNumber, /^[A-Z0-9]{5}(-[A-Z0-9]{5}){3}$/);
            assert.deepEqual(placed.body.errors, []);
            references.push(placed.body.orderReferenceNumber);
        }
        assert.equal(references[0], references[1], 'the same seed, the same reference');
        assert.notEqual(references[0], references[2]);
    });
});
