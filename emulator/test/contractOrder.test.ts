/** The emulator against the Connect REST contract: place order, and a checkout with several delivery groups. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { GUEST_CONTACT, INSTANT, startHarness, startReady, type Harness } from './helpers';

let h: Harness;
before(async () => {
    h = await startHarness();
});
after(async () => {
    await h.close();
});

describe('place order', () => {
    it('is idempotent per checkout: a second call returns the same order reference', async () => {
        await h.reset({ scenario: 'b2b-buyer', paymentRequired: false, seed: 1, ...INSTANT });
        const id = await startReady(h);
        const first = await h.connect('POST', '/checkouts/active/orders');
        assert.equal(first.status, 201);
        assert.match(first.body.orderReferenceNumber, /^[A-Z0-9]{5}(-[A-Z0-9]{5}){3}$/);
        const second = await h.connect('POST', '/checkouts/active/orders');
        assert.equal(second.status, 201);
        assert.equal(second.body.orderReferenceNumber, first.body.orderReferenceNumber);
        const state = await h.state();
        assert.equal(state.orders.length, 1);
        assert.equal(
            (await h.connect('GET', '/checkouts/active')).body.orderReferenceNumber,
            first.body.orderReferenceNumber
        );
        // The checkout can't change after the order.
        assert.equal(
            (await h.connect('PATCH', `/checkouts/${id}`, { contactInfo: GUEST_CONTACT })).status,
            400
        );
    });

    it('records on the order the payment the checkout held', async () => {
        const billingAddress = {
            street: '500 Market St',
            city: 'San Francisco',
            region: 'CA',
            postalCode: '94104',
            country: 'US'
        };
        await h.reset({ scenario: 'b2b-buyer', seed: 1, ...INSTANT });
        await startReady(h);
        for (const paymentToken of ['PO-1', 'PO-2']) {
            const paid = await h.connect('POST', '/checkouts/active/payments', {
                requestType: 'SimplePurchaseOrder',
                paymentToken,
                billingAddress
            });
            assert.equal(paid.status, 200);
        }
        assert.equal((await h.connect('POST', '/checkouts/active/orders')).status, 201);
        const [order] = (await h.state()).orders as Array<{ payment: Record<string, unknown> }>;
        // The replaced PO-1 is not what the order was placed with.
        assert.equal(order.payment.paymentToken, 'PO-2');
        assert.equal(order.payment.requestType, 'SimplePurchaseOrder');
        assert.deepEqual(
            { ...(order.payment.billingAddress as object), id: undefined },
            { ...billingAddress, id: undefined }
        );
    });

    it('records no payment on an order placed without one', async () => {
        // A store that takes orders without a payment (b2b-buyer requires one by default).
        await h.reset({ scenario: 'b2b-buyer', seed: 1, ...INSTANT, paymentRequired: false });
        await startReady(h);
        assert.equal((await h.connect('POST', '/checkouts/active/orders')).status, 201);
        const [order] = (await h.state()).orders as Array<{ payment: unknown }>;
        assert.equal(order.payment, null);
    });

    it('answers 412 saying what is missing', async () => {
        await h.reset({ scenario: 'd2c-guest', seed: 1, ...INSTANT });
        await startReady(h);
        const answer = await h.connect('POST', '/checkouts/active/orders');
        assert.equal(answer.status, 412);
        const titles = answer.body.errors.map((e: { title: string }) => e.title).join(' | ');
        assert.match(titles, /Contact/);
        assert.match(titles, /shipping address/);
        assert.deepEqual((await h.state()).orders, []);
    });

    it('places a digital-only order without address or delivery method', async () => {
        await h.reset({ scenario: 'digital-only', seed: 1, ...INSTANT });
        const id = await startReady(h);
        const ready = (await h.waitReady(id)).body;
        assert.equal(ready.deliveryGroups.items[0].isAllDigitalCartItems, true);
        const method = await h.connect('PATCH', `/checkouts/${id}`, {
            deliveryMethodId: '2DmSG0000000000AAA'
        });
        assert.equal(method.status, 400);
        await h.connect('PATCH', `/checkouts/${id}`, { contactInfo: GUEST_CONTACT });
        const placed = await h.connect('POST', '/checkouts/active/orders');
        assert.equal(placed.status, 201);
    });
});

describe('multiple delivery groups', () => {
    it('updates a non-default group through the cart delivery-group resource', async () => {
        await h.reset({ scenario: 'multi-group', seed: 1, ...INSTANT });
        await startReady(h);
        const state = await h.state();
        const groups = state.checkout!.deliveryGroups as {
            count: number;
            items: { id: string; deliveryAddress: unknown }[];
        };
        assert.ok(groups.count >= 2);
        const second = groups.items[1];
        assert.equal(second.deliveryAddress, null);
        const missing = await h.connect('POST', '/checkouts/active/orders');
        assert.equal(missing.status, 412);

        const path = `/carts/${state.cartId}/delivery-groups/${second.id}`;
        const patched = await h.connect('PATCH', path, {
            deliveryAddress: {
                name: 'Warehouse',
                street: '1200 Harbor Blvd',
                city: 'Portland',
                region: 'OR',
                postalCode: '97209',
                country: 'US'
            }
        });
        assert.equal(patched.status, 202);
        assert.equal(patched.body.id, second.id);
        const ready = (await h.waitReady()).body;
        const updated = ready.deliveryGroups.items[1];
        assert.equal(updated.deliveryAddress.city, 'Portland');
        assert.ok(updated.selectedDeliveryMethod);
        // Only deliveryMethodId alone on the group resource.
        const mixed = await h.connect('PATCH', path, {
            deliveryMethodId: updated.availableDeliveryMethods[0].id,
            shippingInstructions: 'dock 4'
        });
        assert.equal(mixed.status, 400);
        const alone = await h.connect('PATCH', path, {
            deliveryMethodId: updated.availableDeliveryMethods[1].id
        });
        assert.equal(alone.status, 202);
        assert.equal(
            (
                await h.connect(
                    'PATCH',
                    `/carts/${state.cartId}/delivery-groups/0a7SG0000000000AAA`,
                    { shippingInstructions: 'x' }
                )
            ).status,
            404
        );
        assert.equal((await h.connect('POST', '/checkouts/active/orders')).status, 201);
    });
});
