/**
 * Failures the fault soak (bench/soak.ts) found, each reduced to the fake server: every test failed on the engine
 * before its fix and names the behaviour the fix has. Expired checkouts: soakExpiry.test.ts.
 */
import {
    DEFAULT_GROUP,
    EXPRESS,
    GONE,
    SAMPLE_ADDRESS,
    STANDARD,
    readyToOrder
} from './support/fakeCheckout';
import type { FakeCheckoutServer, Harness } from './support/fakeCheckout';

describe('soak: the delivery method the shopper chose', () => {
    it('F4: is not replaced silently when place order meets a conflict and finds another method selected (another tab recalculated)', async () => {
        const harness = await readyToOrder().loaded();
        const { server, store, clock } = harness;
        store.selectDeliveryMethod(DEFAULT_GROUP, EXPRESS);
        await harness.idle();
        let once = false;
        server.faultInjector = (method, path) => {
            if (once || method !== 'POST' || !path.endsWith('/orders')) return null;
            once = true;
            // Another tab's shipping recalculation reset the method meanwhile, and still runs.
            server.groups[0].selectedMethodId = STANDARD;
            return { status: 409, body: [{ errorCode: 'CHECKOUT_CONFLICT', message: 'busy' }] };
        };
        const result = await clock.resolve(store.placeOrder());
        const placedWith = server.groups[0].selectedMethodId;
        expect(result.outcome === 'success' ? placedWith : 'not placed').not.toBe(STANDARD);
    });

    it('F5: stops the order when the recalculation place order runs first drops it (no longer offered), and says so', async () => {
        const harness = await readyToOrder().loaded();
        const { server, store, clock } = harness;
        store.selectDeliveryMethod(DEFAULT_GROUP, EXPRESS);
        await harness.idle();
        server.failNextCalculation = { type: '/commerce/errors/shipping-failure', detail: 'x' };
        store.updateShipping(DEFAULT_GROUP, {
            deliveryAddress: { ...SAMPLE_ADDRESS, street: '1 Market St' }
        });
        await harness.idle();
        // For the new address the carrier no longer offers Express.
        server.withdrawnMethods.add(EXPRESS);
        const result = await clock.resolve(store.placeOrder());
        expect(result.outcome).not.toBe('success');
        expect(server.orderPosts).toBe(0);
    });
    it('F18: brings the chosen method back by its name when a new address gave the methods new ids and a calculation failed on the way', async () => {
        const harness = await readyToOrder().loaded();
        const { server, store, clock } = harness;
        store.selectDeliveryMethod(DEFAULT_GROUP, EXPRESS);
        await harness.idle();
        // The shipping calculator makes new method records for the new address; tax fails after it.
        server.methodIdVariant = '-2';
        server.failNextCalculation = { type: '/commerce/errors/tax-failure', detail: 'x' };
        store.updateShipping(DEFAULT_GROUP, {
            deliveryAddress: { ...SAMPLE_ADDRESS, street: '1 Market St' }
        });
        await harness.idle();
        store.retryCalculation();
        await harness.idle();
        const result = await clock.resolve(store.placeOrder());
        expect(result.outcome).toBe('success');
        expect(server.groups[0].selectedMethodId).toBe(`${EXPRESS}-2`);
    });
    it('F19: stops the order and says so when the new address no longer offers the chosen method and a calculation failed on the way', async () => {
        const harness = await readyToOrder().loaded();
        const { server, store, clock } = harness;
        store.selectDeliveryMethod(DEFAULT_GROUP, EXPRESS);
        await harness.idle();
        server.withdrawnMethods.add(EXPRESS);
        server.failNextCalculation = { type: '/commerce/errors/tax-failure', detail: 'x' };
        store.updateShipping(DEFAULT_GROUP, {
            deliveryAddress: { ...SAMPLE_ADDRESS, street: '1 Market St' }
        });
        await harness.idle();
        store.retryCalculation();
        await harness.idle();
        const result = await clock.resolve(store.placeOrder());
        expect(result.outcome).not.toBe('success');
        expect(server.orderPosts).toBe(0);
        const snapshot = store.getSnapshot();
        expect(snapshot.placeOrderBlockers).toContain('missing-delivery-method');
        expect(snapshot.messages.map((message) => message.message)).toContain(
            'c.CheckoutKit_DeliveryMethodUnavailable'
        );
    });
    it('F20: keeps the method the checkout holds when running shipping again re-sends the address (chosen before a reload)', async () => {
        const harness = readyToOrder();
        const { server, store, clock } = harness;
        // Chosen in an earlier page load: this page's store never saw the choice being made.
        server.groups[0].selectedMethodId = EXPRESS;
        await harness.loaded();
        server.failNextCalculation = { type: '/commerce/errors/shipping-failure', detail: 'x' };
        store.updateShipping(DEFAULT_GROUP, { desiredDeliveryDate: '2030-01-15' });
        await harness.idle();
        store.retryCalculation();
        await harness.idle();
        expect(server.groups[0].selectedMethodId).toBe(EXPRESS);
        const result = await clock.resolve(store.placeOrder());
        expect(result.outcome).toBe('success');
        expect(server.groups[0].selectedMethodId).toBe(EXPRESS);
    });
});

describe('soak: a stale session error', () => {
    it('F6: does not block the order for ever once the checkout answered ready, when the session read after it failed', async () => {
        const harness = await readyToOrder().loaded();
        const { server, store, clock } = harness;
        server.failNextCalculation = { type: '/commerce/errors/shipping-failure', detail: 'x' };
        store.updateShipping(DEFAULT_GROUP, {
            deliveryAddress: { ...SAMPLE_ADDRESS, street: '1 Market St' }
        });
        await harness.idle();
        // The session now says Error; from here on every session read fails.
        const read = server.getSession.bind(server);
        server.getSession = () => Promise.reject(new Error('Unable to read the checkout session'));
        store.retryFailed();
        await harness.idle();
        expect(server.lastErrors).toEqual([]); // the checkout answered 200: nothing is in error
        const result = await clock.resolve(store.placeOrder());
        server.getSession = read;
        expect(result.outcome).toBe('success');
    });
    it('F14: does not block the order for ever when a start answered ready at once and the session read after it failed', async () => {
        const harness = readyToOrder();
        const { server, store, clock } = harness;
        server.failNextCalculation = { type: '/commerce/errors/pricing-failure', detail: 'x' };
        await clock.resolve(store.load());
        await harness.idle();
        expect(store.getSnapshot().failedCalculations.map((f) => f.calculation)).toEqual([
            'pricing'
        ]);
        // Pricing ran meanwhile: the start answers 200 with the checkout, and the session read after it fails.
        server.lastErrors = [];
        server.session = { ...server.session, isError: false, state: 'Checkout Summary' };
        server.scriptNext('PUT', '/checkouts', { status: 200, body: server.checkoutBody() });
        const read = server.getSession.bind(server);
        server.getSession = () => Promise.reject(new Error('Unable to read the checkout session'));
        store.retryCalculation();
        await harness.idle();
        const result = await clock.resolve(store.placeOrder());
        server.getSession = read;
        expect(store.getSnapshot().placeOrderBlockers).not.toContain('session-error');
        expect(result.outcome).toBe('success');
    });
    it('F21: does not keep the order waiting on a session read as processing once the checkout answered ready and the next read failed', async () => {
        const harness = await readyToOrder().loaded();
        const { server, store, clock } = harness;
        server.failNextCalculation = { type: '/commerce/errors/tax-failure', detail: 'x' };
        // The session read after the failure catches a run that started meanwhile; later reads fail.
        const read = server.getSession.bind(server);
        let reads = 0;
        server.getSession = async (checkoutId) => {
            reads += 1;
            if (reads > 1) throw new Error('Unable to read the checkout session');
            const session = await read(checkoutId);
            return session && { ...session, isProcessing: true, state: 'Tax' };
        };
        store.updateShipping(DEFAULT_GROUP, { shippingInstructions: 'Ring twice' });
        await harness.idle();
        store.retryCalculation();
        await harness.idle();
        const result = await clock.resolve(store.placeOrder());
        server.getSession = read;
        expect(store.getSnapshot().placeOrderBlockers).not.toContain('processing');
        expect(result.outcome).toBe('success');
    });
});

/**
 * The server places the order at the first order POST, and the device goes offline before its answer arrives:
 * every request and session read fails until `online()`. `afterOrder` answers requests once the order exists.
 */
function placeOrderThenGoOffline(
    { server }: Harness,
    afterOrder: NonNullable<FakeCheckoutServer['faultInjector']> = () => null
) {
    let offline = false;
    let placed = false;
    server.faultInjector = (method, path) => {
        if (offline) return 'network';
        if (placed) return afterOrder(method, path);
        if (method !== 'POST' || !path.endsWith('/orders')) return null;
        offline = placed = true;
        server.orderReferenceNumber = 'ORN-LOST';
        server.session = {
            ...server.session,
            state: 'Cart To Order',
            orderReferenceNumber: 'ORN-LOST'
        };
        return 'network';
    };
    const read = server.getSession.bind(server);
    server.getSession = (checkoutId) =>
        offline ? Promise.reject(new TypeError('Failed to fetch')) : read(checkoutId);
    return { online: () => void (offline = false) };
}

/** An ordered checkout refuses a payment. */
const refusesPayments: NonNullable<FakeCheckoutServer['faultInjector']> = (method, path) =>
    method === 'POST' && path.endsWith('/payments')
        ? { status: 400, body: [{ errorCode: 'INVALID_STATE', message: 'x' }] }
        : null;

describe('soak: an order POST whose answer was lost', () => {
    it('F7: is not sent again before the checkout or session says no order exists (the server may have placed it)', async () => {
        const harness = await readyToOrder().loaded();
        const { server, store, clock } = harness;
        let lost = false;
        server.faultInjector = (method, path) => {
            if (lost || method !== 'POST' || !path.endsWith('/orders')) return null;
            lost = true;
            // The server placed the order; its answer never arrived.
            server.orderReferenceNumber = 'ORN-LOST';
            server.session = {
                ...server.session,
                state: 'Cart To Order',
                orderReferenceNumber: 'ORN-LOST'
            };
            return 'network';
        };
        const result = await clock.resolve(store.placeOrder());
        expect(server.requestsOf('POST', '/orders')).toHaveLength(1);
        expect(result.orderReferenceNumber).toBe('ORN-LOST');
    });
    it('F13: is not sent again while no read can say whether the server placed it (offline right after the POST)', async () => {
        const harness = await readyToOrder().loaded();
        const { server, store, clock } = harness;
        const device = placeOrderThenGoOffline(harness);
        const first = await clock.resolve(store.placeOrder());
        device.online();
        const second =
            first.outcome === 'success' ? first : await clock.resolve(store.placeOrder());
        expect(server.requestsOf('POST', '/orders')).toHaveLength(1);
        expect(second.orderReferenceNumber).toBe('ORN-LOST');
    });

    it('F25: is looked for before the payment goes again, which the checkout refuses once it has the order', async () => {
        const harness = await readyToOrder().loaded();
        const { server, store, clock } = harness;
        store.updatePayment({ purchaseOrderNumber: 'PO-1' });
        await harness.idle();
        const device = placeOrderThenGoOffline(harness, refusesPayments);
        const first = await clock.resolve(store.placeOrder());
        device.online();
        const second =
            first.outcome === 'success' ? first : await clock.resolve(store.placeOrder());
        expect(second.outcome).toBe('success');
        expect(second.orderReferenceNumber).toBe('ORN-LOST');
        expect(server.requestsOf('POST', '/orders')).toHaveLength(1);
    });

    it('F27: starts a new checkout and places the order when the checkout it looks on is gone and the session has no order', async () => {
        const harness = await readyToOrder().loaded();
        const { server, store, clock } = harness;
        // The order POST's answer is lost and the checkout expires: every read of it answers 410 from then on.
        const expired = server.checkoutId;
        let gone = false;
        server.faultInjector = (method, path) => {
            if (method === 'POST' && path.endsWith('/orders') && !gone) {
                gone = true;
                return 'network';
            }
            if (method === 'PUT') server.checkoutId = '2z9000000000999AAA';
            return gone && path.includes(expired) ? GONE : null;
        };
        const first = await clock.resolve(store.placeOrder());
        const second =
            first.outcome === 'success' ? first : await clock.resolve(store.placeOrder());
        const third =
            second.outcome === 'success' ? second : await clock.resolve(store.placeOrder());
        expect(third.outcome).toBe('success');
        expect(server.requestsOf('PUT', '/checkouts').length).toBeGreaterThan(1);
    });

    it('F28: once the order is known, shows it alone: no payment failure from before, nothing sent to the ordered checkout', async () => {
        const harness = await readyToOrder().loaded();
        const { server, store, clock } = harness;
        store.updatePayment({ purchaseOrderNumber: 'PO-1' });
        await harness.idle();
        const device = placeOrderThenGoOffline(harness, refusesPayments);
        const first = await clock.resolve(store.placeOrder());
        expect(first.outcome).toBe('retryable');
        device.online();
        // The shopper enters the payment again before pressing again: the ordered checkout refuses it.
        store.updatePayment({ purchaseOrderNumber: 'PO-1' });
        await harness.idle();
        const second = await clock.resolve(store.placeOrder());
        expect(second.orderReferenceNumber).toBe('ORN-LOST');
        const payments = server.requestsOf('POST', '/payments').length;
        store.updatePayment({ purchaseOrderNumber: 'PO-2' });
        await harness.idle();
        const snapshot = store.getSnapshot();
        expect(snapshot.placeOrderBlockers).toEqual(['complete']);
        expect(snapshot.messages.filter((message) => message.severity === 'error')).toEqual([]);
        expect(server.requestsOf('POST', '/payments')).toHaveLength(payments);
    });
});

describe('soak: the purchase-order payment', () => {
    it('F8: a payment that failed (the session ended) keeps the order from going without it', async () => {
        const harness = await readyToOrder().loaded();
        const { server, store, clock } = harness;
        server.scriptNext('POST', '/payments', { status: 200, body: '<html>Login</html>' });
        store.updatePayment({ purchaseOrderNumber: 'PO-1' });
        const result = await clock.resolve(store.placeOrder());
        expect(result.outcome === 'success' ? server.payment : 'not placed').not.toBeNull();
    });

    it('F15: a payment answered 410 starts a new checkout and goes to it, instead of going to the expired one again and again', async () => {
        const harness = await readyToOrder().loaded();
        const { server, store, clock } = harness;
        server.scriptNext('POST', '/payments', GONE);
        server.scriptNext('PUT', '/checkouts', {
            status: 202,
            body: { checkoutId: server.checkoutId }
        });
        store.updatePayment({ purchaseOrderNumber: 'PO-1' });
        await harness.idle();
        expect(server.requestsOf('POST', '/payments')).toHaveLength(2);
        expect(store.getSnapshot().payment?.status).toBe('saved');
        const result = await clock.resolve(store.placeOrder());
        expect(result.outcome).toBe('success');
        expect(server.payment).toMatchObject({ paymentToken: 'PO-1' });
    });

    it('F9: billed "same as shipping" is sent again when the shipping address changes', async () => {
        const harness = await readyToOrder().loaded();
        const { server, store, clock } = harness;
        store.updatePayment({ purchaseOrderNumber: 'PO-1' });
        await harness.idle();
        store.updateShipping(DEFAULT_GROUP, {
            deliveryAddress: { ...SAMPLE_ADDRESS, street: '1 Market St' }
        });
        await harness.idle();
        await clock.resolve(store.placeOrder());
        expect(server.payment).toMatchObject({
            billingAddress: expect.objectContaining({ street: '1 Market St' })
        });
    });

    it('F10: is sent again when another tab’s delivery-method change cleared it', async () => {
        const harness = await readyToOrder().loaded();
        const { server, store, clock } = harness;
        store.updatePayment({ purchaseOrderNumber: 'PO-1' });
        await harness.idle();
        // Another tab (its own page registry, its own store) picks a method: the contract clears the payment.
        server.groups[0].selectedMethodId = EXPRESS;
        server.payment = null;
        const result = await clock.resolve(store.placeOrder());
        expect(result.outcome).toBe('success');
        expect(server.payment).toMatchObject({ paymentToken: 'PO-1' });
    });

    it('F24: goes again before the order is sent again after a conflict, since the change behind it may have cleared it', async () => {
        const harness = await readyToOrder().loaded();
        const { server, store, clock } = harness;
        store.updatePayment({ purchaseOrderNumber: 'PO-1' });
        await harness.idle();
        // The first order POST meets another tab's delivery-method write: the payment is gone, the checkout busy.
        const heldAtOrders: unknown[] = [];
        server.faultInjector = (method, path) => {
            if (method !== 'POST' || !path.endsWith('/orders')) return null;
            heldAtOrders.push(server.payment);
            if (heldAtOrders.length > 1) return null;
            server.payment = null;
            return { status: 409, body: [{ errorCode: 'CHECKOUT_CONFLICT', message: 'busy' }] };
        };
        const result = await clock.resolve(store.placeOrder());
        expect(result.outcome).toBe('success');
        expect(heldAtOrders.at(-1)).toMatchObject({ paymentToken: 'PO-1' });
    });
});
