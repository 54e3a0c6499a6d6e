/**
 * Failures a real store has: a calculator that failed, stale totals, an order placed before a reload, malformed
 * answers, requests that never answer, ids that need encoding. The shopper is never stuck and never charged
 * wrong.
 */
import { DEFAULT_GROUP, SAMPLE_ADDRESS, setup } from './support/fakeCheckout';

const readyToOrder = () =>
    setup({ withAddress: true, contactInfo: { email: 'ada@example.com', lastName: 'Lovelace' } });

describe('a calculator that failed', () => {
    it('names the failed calculation as the reason place order is blocked, not missing information', async () => {
        const harness = await readyToOrder().loaded();
        const { server, store } = harness;
        server.failNextCalculation = { type: '/commerce/errors/tax-failure', detail: 'x' };
        server.failNextCalculation.title = 'Failed {0}'; // not for shoppers: the label says it
        store.updateShipping(DEFAULT_GROUP, { shippingInstructions: 'Ring twice' });
        await harness.idle();
        const snapshot = store.getSnapshot();
        expect(snapshot.failedCalculations).toEqual([
            { calculation: 'tax', message: 'c.CheckoutKit_ErrorTaxCalculation' }
        ]);
        expect(snapshot.placeOrderBlockers).toEqual(['calculation-failed']);
        expect(snapshot.messages.map((message) => [message.scope, message.message])).toEqual([
            ['checkout', 'c.CheckoutKit_ErrorTaxCalculation']
        ]);
    });

    it('runs a failed tax calculation again with the delivery method alone, and then the order goes', async () => {
        const harness = await readyToOrder().loaded();
        const { server, store, clock } = harness;
        const method = server.groups[0].selectedMethodId;
        server.failNextCalculation = { type: '/commerce/errors/tax-failure', detail: 'x' };
        store.updateShipping(DEFAULT_GROUP, { shippingInstructions: 'Ring twice' });
        await harness.idle();
        const patchesBefore = server.patches.length;
        store.retryCalculation();
        await harness.idle();
        expect(server.patches.slice(patchesBefore).map((patch) => patch.body)).toEqual([
            { deliveryMethodId: method }
        ]);
        expect(store.getSnapshot().failedCalculations).toEqual([]);
        expect((await clock.resolve(store.placeOrder())).outcome).toBe('success');
    });

    it('runs a failed shipping calculation again by sending the same address', async () => {
        const harness = await readyToOrder().loaded();
        const { server, store } = harness;
        server.failNextCalculation = { type: '/commerce/errors/shipping-failure', detail: 'x' };
        store.updateShipping(DEFAULT_GROUP, {
            deliveryAddress: { ...SAMPLE_ADDRESS, street: '1 Market St' }
        });
        await harness.idle();
        expect(store.getSnapshot().failedCalculations.map((f) => f.calculation)).toEqual([
            'shipping'
        ]);
        const patchesBefore = server.patches.length;
        store.retryFailed();
        await harness.idle();
        const [again] = server.patches.slice(patchesBefore);
        expect(again.body).toEqual({
            deliveryAddress: expect.objectContaining({ street: '1 Market St' })
        });
        expect(store.getSnapshot().failedCalculations).toEqual([]);
        expect(store.getSnapshot().canPlaceOrder).toBe(true);
    });

    it('never places an order on totals a failed pricing run left stale: it starts again first', async () => {
        const harness = readyToOrder();
        const { server, store, clock } = harness;
        server.failNextCalculation = { type: '/commerce/errors/pricing-failure', detail: 'x' };
        await clock.resolve(store.load());
        await harness.idle();
        // A later write runs shipping and tax, and the server's errors are gone: pricing did not run again.
        store.updateShipping(DEFAULT_GROUP, { shippingInstructions: 'Leave at the door' });
        await harness.idle();
        expect(server.lastErrors).toEqual([]);
        expect(store.getSnapshot().failedCalculations.map((f) => f.calculation)).toEqual([
            'pricing'
        ]);
        const result = await clock.resolve(store.placeOrder());
        expect(result.outcome).toBe('success');
        const methods = server.requests.map((request) => `${request.method} ${request.path}`);
        const restart = methods.lastIndexOf('PUT /checkouts');
        expect(restart).toBeGreaterThan(
            methods.indexOf('PATCH ' + `/checkouts/${server.checkoutId}`)
        );
        expect(restart).toBeLessThan(
            methods.indexOf(`POST /checkouts/${server.checkoutId}/orders`)
        );
    });

    it('refuses the order with the calculation’s own message while it keeps failing', async () => {
        const harness = await readyToOrder().loaded();
        const { server, store, clock } = harness;
        server.failNextCalculation = { type: '/commerce/errors/tax-failure', detail: 'x' };
        store.updateShipping(DEFAULT_GROUP, { shippingInstructions: 'Ring twice' });
        await harness.idle();
        server.failNextCalculation = { type: '/commerce/errors/tax-failure', detail: 'x' };
        const result = await clock.resolve(store.placeOrder());
        expect(result).toMatchObject({ outcome: 'rejected', message: 'Calculation failed' });
        expect(server.orderPosts).toBe(0);
    });
});

describe('a checkout that already has an order', () => {
    it('is shown complete with its order number after a reload, and placing it returns that order', async () => {
        const harness = readyToOrder();
        const { server, store, clock } = harness;
        server.scriptNext('PUT', '/checkouts', {
            status: 200,
            body: { ...server.checkoutBody(), orderReferenceNumber: 'AB12C-DE34F-GH56J-KL78M' }
        });
        await clock.resolve(store.load());
        const snapshot = store.getSnapshot();
        expect(snapshot.phase).toBe('complete');
        expect(snapshot.order).toMatchObject({
            outcome: 'success',
            orderReferenceNumber: 'AB12C-DE34F-GH56J-KL78M'
        });
        expect(snapshot.canPlaceOrder).toBe(false);
        const result = await clock.resolve(store.placeOrder());
        expect(result.orderReferenceNumber).toBe('AB12C-DE34F-GH56J-KL78M');
        expect(server.orderPosts).toBe(0);
    });

    it('is complete once a refused write finds the order in the session (placed in another tab)', async () => {
        const harness = await readyToOrder().loaded();
        const { server, store } = harness;
        server.session = { ...server.session, orderReferenceNumber: 'ZZ999-00000-11111-22222' };
        server.scriptNext('PATCH', `/checkouts/${server.checkoutId}`, {
            status: 400,
            body: [{ errorCode: 'INVALID_INPUT', message: 'The order was already placed.' }]
        });
        store.updateContact({ firstName: 'Ada' });
        await harness.idle();
        const snapshot = store.getSnapshot();
        expect(snapshot.phase).toBe('complete');
        expect(snapshot.order?.orderReferenceNumber).toBe('ZZ999-00000-11111-22222');
        expect(snapshot.messages.filter((message) => message.severity === 'error')).toEqual([]);
    });
});

describe('answers with malformed fields', () => {
    it.each([
        ['errors: "boom"', { errors: 'boom' }],
        ['errors: [null]', { errors: [null] }],
        ['deliveryGroups.items: [null]', { deliveryGroups: { count: 1, items: [null] } }],
        ['a group with errors: {}', 'group-errors-object']
    ])('never break the snapshot (%s), and the store goes on sending', async (_, change) => {
        const harness = await setup().loaded();
        const { server, store } = harness;
        const body = server.checkoutBody() as Record<string, unknown>;
        const malformed =
            change === 'group-errors-object'
                ? {
                      ...body,
                      deliveryGroups: {
                          count: 1,
                          items: [
                              {
                                  ...(body.deliveryGroups as { items: object[] }).items[0],
                                  errors: {}
                              }
                          ]
                      }
                  }
                : { ...body, ...(change as object) };
        server.scriptNext('PATCH', `/checkouts/${server.checkoutId}`, {
            status: 200,
            body: malformed
        });
        store.updateContact({ firstName: 'Ada' });
        await harness.idle();
        expect(() => store.getSnapshot()).not.toThrow();
        store.updateContact({ lastName: 'Lovelace' });
        await harness.idle();
        expect(server.contactInfo?.lastName).toBe('Lovelace');
        expect(() => store.getSnapshot()).not.toThrow();
    });
});

describe('requests that never answer', () => {
    it('abandon a hung write after the timeout, retry it, and settle whenIdle', async () => {
        const harness = await setup().loaded();
        const { server, store } = harness;
        server.scriptNext('PATCH', `/checkouts/${server.checkoutId}`, 'hang');
        store.updateContact({ email: 'ada@example.com' });
        await harness.idle();
        expect(server.hungRequests).toBe(1);
        expect(server.contactInfo?.email).toBe('ada@example.com');
        expect(store.getSnapshot().edits).toEqual({});
    });

    it('settle placeOrder when the order request never answers, and a retry places one order', async () => {
        const harness = await readyToOrder().loaded();
        const { server, store, clock } = harness;
        // The first attempt and its three retries get no answer.
        server.scriptNext('POST', '/orders', 'hang', 4);
        const result = await clock.resolve(store.placeOrder());
        expect(result).toMatchObject({ outcome: 'retryable', canRetry: true });
        const retry = await clock.resolve(store.placeOrder());
        expect(retry.outcome).toBe('success');
        expect(server.orderPosts).toBe(1);
    });
});

describe('ids from answers in paths', () => {
    it('are encoded', async () => {
        const harness = setup();
        const { server, store, clock } = harness;
        server.scriptNext('PUT', '/checkouts', { status: 202, body: { checkoutId: 'a/b?c' } });
        await clock.resolve(store.load());
        const encoded = server.requests.filter((request) => request.path.includes('a%2Fb%3Fc'));
        expect(encoded.length).toBeGreaterThan(0);
        expect(server.requests.some((request) => request.path.includes('a/b?c'))).toBe(false);
    });
});
