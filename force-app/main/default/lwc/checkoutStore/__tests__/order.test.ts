/**
 * Placing a Commerce order: once for a double click or two stores, never beside writes or while blocked, and
 * what the shopper is told when it fails.
 */
import { DEFAULT_GROUP, SAMPLE_ADDRESS, readyToOrder, setup } from './support/fakeCheckout';

describe('placing a Commerce order', () => {
    it('places the order once for a double click, with the same result', async () => {
        const harness = await readyToOrder().loaded();
        const { server, store, clock } = harness;
        expect(store.getSnapshot().canPlaceOrder).toBe(true);
        const first = store.placeOrder();
        const second = store.placeOrder();
        const [a, b] = await clock.resolve(Promise.all([first, second]));
        expect(server.requestsOf('POST', '/orders')).toHaveLength(1);
        expect(a).toEqual(b);
        expect(a).toMatchObject({
            strategy: 'commerce',
            outcome: 'success',
            orderReferenceNumber: `ORN-${server.checkoutId}`,
            message: 'c.CheckoutKit_OrderPlaced'
        });
        const again = await clock.resolve(store.placeOrder());
        expect(again.orderReferenceNumber).toBe(a.orderReferenceNumber);
        expect(server.requestsOf('POST', '/orders')).toHaveLength(1);
        expect(store.getSnapshot().phase).toBe('complete');
        expect(store.getSnapshot().placeOrderBlockers).toContain('complete');
    });

    it('places one order when two store instances submit at once', async () => {
        const harness = await readyToOrder().loaded();
        const { server, store, clock } = harness;
        const other = harness.anotherStore();
        await clock.resolve(other.load());
        await clock.resolve(other.whenIdle());
        const results = await clock.resolve(Promise.all([store.placeOrder(), other.placeOrder()]));
        expect(server.requestsOf('POST', '/orders')).toHaveLength(1);
        expect(results[0].orderReferenceNumber).toBe(results[1].orderReferenceNumber);
        expect(other.getSnapshot().order?.outcome).toBe('success');
    });

    it('learns the Order id from the session after placing the order', async () => {
        const harness = await readyToOrder().loaded();
        const { store, clock } = harness;
        await clock.resolve(store.placeOrder());
        await clock.runUntil(() => store.getSnapshot().order?.orderId !== undefined);
        expect(store.getSnapshot().order?.orderId).toBe('801000000000001AAA');
    });

    it('sends no session read after the order once the store is disposed', async () => {
        const harness = await readyToOrder().loaded();
        const { server, store, clock } = harness;
        const readsBefore = server.sessionReads;
        const result = await clock.resolve(store.placeOrder());
        expect(result.outcome).toBe('success');
        store.dispose();
        await clock.advance(10_000);
        expect(server.sessionReads).toBe(readsBefore);
        expect(clock.pendingTimers).toBe(0);
    });

    it('waits for pending writes before submitting, never alongside them', async () => {
        const harness = await readyToOrder().loaded();
        const { server, store, clock } = harness;
        store.updateShipping(DEFAULT_GROUP, {
            deliveryAddress: { ...SAMPLE_ADDRESS, street: '9 Pier St' }
        });
        expect(store.getSnapshot().placeOrderBlockers).toContain('pending-edits');
        const result = await clock.resolve(store.placeOrder());
        expect(result.outcome).toBe('success');
        const [order] = server.requestsOf('POST', '/orders');
        const lastGet = server
            .requestsOf('GET', '/checkouts/')
            .filter((get) => get.sentAt < order.sentAt)
            .pop();
        expect(lastGet?.status).toBe(200);
        expect(order.sentAt).toBeGreaterThanOrEqual(
            server.patches[server.patches.length - 1].answeredAt
        );
        expect(server.maxWritesInFlight).toBe(1);
    });

    it('does not submit while required information is missing', async () => {
        const harness = await setup().loaded();
        const { server, store, clock } = harness;
        expect(store.getSnapshot().placeOrderBlockers).toEqual([
            'missing-contact',
            'missing-address',
            'missing-delivery-method'
        ]);
        const result = await clock.resolve(store.placeOrder());
        expect(result).toMatchObject({
            outcome: 'rejected',
            code: 'PLACE_ORDER_BLOCKED',
            message: 'c.CheckoutKit_OrderBlocked'
        });
        expect(server.requestsOf('POST', '/orders')).toHaveLength(0);
    });

    it('does not submit while the session is in error', async () => {
        const harness = await readyToOrder().loaded();
        const { server, store, clock } = harness;
        server.failNextCalculation = {
            type: '/commerce/errors/checkout-failure',
            detail: 'Tax failed.'
        };
        store.updateShipping(DEFAULT_GROUP, { shippingInstructions: 'Back door' });
        await harness.idle();
        const result = await clock.resolve(store.placeOrder());
        expect(result.outcome).toBe('rejected');
        expect(server.requestsOf('POST', '/orders')).toHaveLength(0);
    });

    it('surfaces every error of a 412 answer', async () => {
        const harness = await readyToOrder().loaded();
        const { server, store, clock } = harness;
        server.scriptNext('POST', '/orders', {
            status: 412,
            body: {
                errors: [
                    {
                        type: '/commerce/errors/checkout-failure',
                        title: 'Some items are no longer available.',
                        detail: 'Inventory is short.'
                    },
                    {
                        type: '/commerce/errors/inventory-failure',
                        detail: 'System.CalloutException: Reservation failed.'
                    }
                ]
            }
        });
        const result = await clock.resolve(store.placeOrder());
        expect(result).toMatchObject({
            outcome: 'rejected',
            message: 'Some items are no longer available.'
        });
        const orderMessages = store
            .getSnapshot()
            .messages.filter((message) => message.scope === 'order');
        // Titles are for shoppers; a detail never shows: without a title the calculator's label does.
        expect(orderMessages.map((message) => message.message)).toEqual([
            'Some items are no longer available.',
            'c.CheckoutKit_ErrorInventoryCalculation'
        ]);
        expect(store.getSnapshot().phase).not.toBe('complete');
        // The shopper may try again; the second attempt succeeds.
        const retry = await clock.resolve(store.placeOrder());
        expect(retry.outcome).toBe('success');
        expect(store.getSnapshot().messages.filter((message) => message.scope === 'order')).toEqual(
            []
        );
    });

    it('retries a lost answer safely: the server returns the same order', async () => {
        const harness = await readyToOrder().loaded();
        const { server, store, clock } = harness;
        server.scriptNext('POST', '/orders', 'network');
        const result = await clock.resolve(store.placeOrder());
        expect(result.outcome).toBe('success');
        expect(server.requestsOf('POST', '/orders').map((request) => request.status)).toEqual([
            'network',
            201
        ]);
    });
});
