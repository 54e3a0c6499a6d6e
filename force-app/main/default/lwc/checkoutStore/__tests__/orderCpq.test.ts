/** Placing an Industries CPQ order: each submit code's outcome and message, the totals, failures and retries. */
import { submitOutcomeFor } from '../submission';
import { readyToOrder, setup } from './support/fakeCheckout';

describe('Industries CPQ submission', () => {
    const outcomes: Array<[string, string]> = [
        ['SUBMIT-1001', 'success'],
        ['SUBMIT-1002', 'success'],
        ['SUBMIT-1003', 'rejected'],
        ['SUBMIT-1004', 'retryable'],
        ['SUBMIT-1005', 'configuration'],
        ['SUBMIT-1006', 'unknown'],
        ['SUBMIT-1007', 'rejected'],
        ['SUBMIT-1008', 'success'],
        ['SUBMIT-1009', 'retryable']
    ];

    it.each(outcomes)('maps %s to %s', (code, outcome) => {
        expect(submitOutcomeFor(code)).toBe(outcome);
    });

    it('treats an unrecognised code as unknown', () => {
        expect(submitOutcomeFor('SUBMIT-2000')).toBe('unknown');
    });

    it.each(outcomes)(
        'places a CPQ order answered %s with its outcome and labelled message',
        async (code, outcome) => {
            const harness = await readyToOrder().loaded();
            const { server, store, clock } = harness;
            server.cpqAnswer = {
                messages: [
                    { code, severity: outcome === 'success' ? 'INFO' : 'ERROR', message: 'raw' }
                ],
                records: outcome === 'success' ? [{ id: '801CPQ', objectType: 'Order' }] : []
            };
            const result = await clock.resolve(
                store.placeOrder({ strategy: 'cpq', cartId: `801CART-${code}` })
            );
            expect(result).toMatchObject({
                strategy: 'cpq',
                outcome,
                code,
                message: `c.CheckoutKit_CpqSubmit${code.slice(-4)}`
            });
            // Only the cart id: the namespace and policy are the admin's, applied by the Apex.
            expect(server.cpqCalls).toEqual([{ cartId: `801CART-${code}` }]);
            if (outcome === 'success') expect(result.orderId).toBe('801CPQ');
        }
    );

    it('reads an Industries CPQ refusal: its message is for people, and trying again cannot help', async () => {
        const harness = await readyToOrder().loaded();
        const { server, store, clock } = harness;
        const message = 'The following line items are not activated: Router.';
        server.cpqAnswer = {
            totalSize: 0,
            messages: [{ code: '214', severity: 'ERROR', message }],
            records: []
        };
        const result = await clock.resolve(store.placeOrder({ strategy: 'cpq', cartId: 'X' }));
        expect(result).toMatchObject({
            outcome: 'rejected',
            code: '214',
            message,
            canRetry: false
        });
        expect(store.getSnapshot().messages.map((shown) => shown.message)).toContain(message);
    });

    it('never shows a refusal with an unfilled placeholder as it is', async () => {
        const harness = await readyToOrder().loaded();
        const { server, store, clock } = harness;
        server.cpqAnswer = {
            totalSize: 0,
            messages: [{ code: '214', severity: 'ERROR', message: "Line item '{0}' is invalid." }],
            records: []
        };
        const result = await clock.resolve(
            store.placeOrder({ strategy: 'cpq', cartId: '801-placeholder' })
        );
        expect(result).toMatchObject({ outcome: 'rejected', message: 'c.CheckoutKit_OrderFailed' });
    });

    it.each([
        ['Order', 'c.CheckoutKit_OrderPlaced', '801R'],
        ['Quote', 'c.CheckoutKit_CpqQuoteCreated', undefined],
        ['Account', 'c.CheckoutKit_OrderPlaced', undefined]
    ])(
        'recognises success by its records alone (a %s was created)',
        async (objectType, message, orderId) => {
            const harness = await readyToOrder().loaded();
            const { server, store, clock } = harness;
            server.cpqAnswer = {
                totalSize: 1,
                records: [{ id: '801R', objectType }],
                messages: []
            };
            const cartId = `801-${objectType}`;
            const result = await clock.resolve(store.placeOrder({ strategy: 'cpq', cartId }));
            expect(result).toMatchObject({ outcome: 'success', message, canRetry: false });
            expect(result.orderId).toBe(orderId);
            expect(store.getSnapshot().phase).toBe('complete');
        }
    );

    it('submits a CPQ cart once for a double click', async () => {
        const harness = await readyToOrder().loaded();
        const { server, store, clock } = harness;
        const settings = { strategy: 'cpq' as const, cartId: 'CART-2' };
        await clock.resolve(Promise.all([store.placeOrder(settings), store.placeOrder(settings)]));
        expect(server.cpqCalls).toHaveLength(1);
    });

    it('shows one-time and recurring totals from the CPQ cart summary', async () => {
        const harness = await setup({
            store: { cpq: { cartId: 'CART-3' } }
        }).loaded();
        await harness.clock.runUntil(
            () => harness.store.getSnapshot().totals?.oneTimeTotal !== undefined
        );
        expect(harness.store.getSnapshot().totals).toMatchObject({
            oneTimeTotal: '120.50',
            recurringTotal: '30.00'
        });
    });

    it('reads the CPQ totals of the cart a component names after the checkout loaded', async () => {
        const harness = await setup().loaded();
        expect(harness.store.getSnapshot().totals?.oneTimeTotal).toBeUndefined();
        await harness.clock.resolve(harness.store.useCpqCart({ cartId: '801000000000001AAA' }));
        expect(harness.server.cpqSummaryCalls).toEqual([{ cartId: '801000000000001AAA' }]);
        expect(harness.store.getSnapshot().totals).toMatchObject({
            oneTimeTotal: '120.50',
            recurringTotal: '30.00'
        });
        await harness.clock.resolve(harness.store.useCpqCart({ cartId: '801000000000001AAA' }));
        expect(harness.server.cpqSummaryCalls).toHaveLength(1);
    });
});

describe('CPQ submission failures and retries', () => {
    const cpq = { strategy: 'cpq' as const, cartId: '801CART' };

    it('tells a server failure (an Apex error with a status) apart from a network failure', async () => {
        const harness = await readyToOrder().loaded();
        const { server, store, clock } = harness;
        server.cpqRejection = {
            status: 500,
            body: { message: 'Callout failed: 503', exceptionType: 'System.CalloutException' }
        };
        const result = await clock.resolve(store.placeOrder(cpq));
        expect(result).toMatchObject({
            strategy: 'cpq',
            outcome: 'retryable',
            code: 'HTTP_500',
            message: 'c.CheckoutKit_OrderFailed',
            canRetry: true
        });
    });

    it("shows an AuraHandledException's own message, meant for the shopper", async () => {
        const harness = await readyToOrder().loaded();
        const { server, store, clock } = harness;
        server.cpqRejection = {
            status: 500,
            body: { message: 'The cart is locked.', exceptionType: 'AuraHandledException' }
        };
        const result = await clock.resolve(store.placeOrder(cpq));
        expect(result).toMatchObject({ code: 'HTTP_500', message: 'The cart is locked.' });
    });

    it('labels a lost answer a network failure, safe to retry when the policy refuses active orders', async () => {
        const harness = await readyToOrder().loaded();
        const { server, store, clock } = harness;
        server.cpqRejection = new TypeError('Failed to fetch');
        const result = await clock.resolve(store.placeOrder(cpq));
        expect(result).toMatchObject({
            outcome: 'retryable',
            code: 'NETWORK_ERROR',
            message: 'c.CheckoutKit_ErrorNetwork'
        });
    });

    it('never sends a submission again after a lost answer when the policy does not check order status', async () => {
        const harness = await readyToOrder().loaded();
        const { server, store, clock } = harness;
        server.cpqCheckOrderStatus = false;
        server.cpqRejection = new TypeError('Failed to fetch');
        const result = await clock.resolve(store.placeOrder(cpq));
        expect(result).toMatchObject({
            outcome: 'unknown',
            message: 'c.CheckoutKit_OrderUnknown',
            canRetry: false
        });
        server.cpqRejection = null;
        await clock.resolve(store.placeOrder(cpq));
        expect(server.cpqCalls).toHaveLength(1);
    });

    it('never submits or reads the WebCart as the CPQ cart', async () => {
        const harness = await setup({
            withAddress: true,
            contactInfo: { email: 'ada@example.com', lastName: 'Lovelace' },
            store: { cpq: {} }
        }).loaded();
        const { server, store, clock } = harness;
        expect(server.cpqSummaryCalls).toEqual([]);
        const result = await clock.resolve(store.placeOrder({ strategy: 'cpq' }));
        expect(server.cpqCalls).toEqual([]);
        expect(result).toMatchObject({
            strategy: 'cpq',
            outcome: 'configuration',
            message: 'c.CheckoutKit_CpqSubmit1005',
            canRetry: false
        });
        expect(store.getSnapshot().order).toEqual(result);
    });

    it('reports a failed order once: the order message, with the result carrying the same text', async () => {
        const harness = await readyToOrder().loaded();
        const { server, store, clock } = harness;
        server.cpqAnswer = {
            messages: [{ code: 'SUBMIT-1004', severity: 'ERROR', message: 'raw' }],
            records: []
        };
        await clock.resolve(store.placeOrder(cpq));
        await clock.resolve(store.placeOrder(cpq));
        const snapshot = store.getSnapshot();
        const shown = snapshot.messages.filter((message) => message.scope === 'order');
        expect(shown.map((message) => message.message)).toEqual(['c.CheckoutKit_CpqSubmit1004']);
        expect(snapshot.order?.message).toBe('c.CheckoutKit_CpqSubmit1004');
    });

    it.each([
        ['SUBMIT-1003', false],
        ['SUBMIT-1007', false],
        ['SUBMIT-1005', false],
        ['SUBMIT-1006', false],
        ['SUBMIT-1004', true],
        ['SUBMIT-1009', true]
    ])('after %s says whether trying again can help (%s), and keeps to it', async (code, retry) => {
        const harness = await readyToOrder().loaded();
        const { server, store, clock } = harness;
        server.cpqAnswer = { messages: [{ code, severity: 'ERROR', message: 'raw' }], records: [] };
        const result = await clock.resolve(store.placeOrder(cpq));
        expect(result.canRetry).toBe(retry);
        expect(store.getSnapshot().order?.canRetry).toBe(retry);
        await clock.resolve(store.placeOrder(cpq));
        expect(server.cpqCalls).toHaveLength(retry ? 2 : 1);
    });

    it('lets the shopper try a failed Commerce order again', async () => {
        const harness = await readyToOrder().loaded();
        const { server, store, clock } = harness;
        server.scriptNext('POST', '/orders', {
            status: 412,
            body: { errors: [{ detail: 'No.' }] }
        });
        const result = await clock.resolve(store.placeOrder());
        expect(result).toMatchObject({ outcome: 'rejected', canRetry: true });
        const success = await clock.resolve(store.placeOrder());
        expect(success).toMatchObject({ outcome: 'success', canRetry: false });
    });
});
