/**
 * A purchase-order payment with its billing address: validated, sent like every write (never beside another),
 * and sent again after a delivery-method change clears it, so the shopper never enters it twice.
 */
import { DEFAULT_GROUP, EXPRESS, SAMPLE_ADDRESS, setup } from './support/fakeCheckout';

const readyToOrder = () =>
    setup({
        withAddress: true,
        contactInfo: { email: 'ada@example.com', lastName: 'Lovelace' }
    }).loaded();

describe('a purchase-order payment', () => {
    it('is sent with the shipping address as billing address, then the order may go', async () => {
        const harness = await readyToOrder();
        const { server, store, clock } = harness;
        store.requirePayment(true);
        expect(store.getSnapshot().placeOrderBlockers).toEqual(['missing-payment']);
        store.updatePayment({ purchaseOrderNumber: ' PO-1234 ' });
        await harness.idle();
        const [request] = server.requestsOf('POST', '/payments');
        const billing: Record<string, unknown> = { ...SAMPLE_ADDRESS };
        delete billing.name; // the platform composes it
        expect(request.body).toEqual({
            requestType: 'SimplePurchaseOrder',
            paymentToken: 'PO-1234',
            billingAddress: billing
        });
        expect(store.getSnapshot().payment?.status).toBe('saved');
        expect(store.getSnapshot().canPlaceOrder).toBe(true);
        expect((await clock.resolve(store.placeOrder())).outcome).toBe('success');
    });

    it('is sent again after a delivery-method change cleared it, before the order goes', async () => {
        const harness = await readyToOrder();
        const { server, store, clock } = harness;
        store.requirePayment(true);
        store.updatePayment({ purchaseOrderNumber: 'PO-1' });
        await harness.idle();
        store.selectDeliveryMethod(DEFAULT_GROUP, EXPRESS);
        await harness.idle();
        const sequence = server.requests
            .filter((request) => request.method !== 'GET' && request.method !== 'APEX')
            .map((request) => `${request.method} ${request.path.split('/').pop()}`);
        expect(sequence.filter((entry) => entry === 'POST payments')).toHaveLength(2);
        expect(sequence.lastIndexOf('POST payments')).toBeGreaterThan(
            sequence.lastIndexOf(`PATCH ${server.checkoutId}`)
        );
        expect(server.payment).toMatchObject({ paymentToken: 'PO-1' });
        expect((await clock.resolve(store.placeOrder())).outcome).toBe('success');
        expect(server.maxWritesInFlight).toBe(1);
    });

    it('keeps an invalid value, says why on its field, and sends nothing', async () => {
        const harness = await readyToOrder();
        const { server, store } = harness;
        store.requirePayment(true);
        store.updatePayment({
            purchaseOrderNumber: '   ',
            billingAddress: { ...SAMPLE_ADDRESS, postalCode: '' }
        });
        await harness.idle();
        const snapshot = store.getSnapshot();
        expect(server.requestsOf('POST', '/payments')).toEqual([]);
        expect(snapshot.payment).toMatchObject({ status: 'invalid' });
        expect(snapshot.validation['payment.purchaseOrderNumber']).toBe(
            'c.CheckoutKit_PaymentNumberRequired'
        );
        expect(snapshot.validation['payment.billingAddress.postalCode']).toBeDefined();
        expect(snapshot.placeOrderBlockers).toContain('missing-payment');
    });

    it('says a refused payment in the store’s words for shoppers, never its detail', async () => {
        const harness = await readyToOrder();
        const { server, store } = harness;
        server.scriptNext('POST', '/payments', {
            status: 400,
            body: [{ errorCode: 'INVALID_API_INPUT', message: 'paymentToken: bad value {0}' }]
        });
        store.updatePayment({ purchaseOrderNumber: 'PO-9' });
        await harness.idle();
        expect(store.getSnapshot().payment).toMatchObject({
            status: 'failed',
            message: 'c.CheckoutKit_ErrorPayment'
        });
        expect(store.getSnapshot().messages.map((message) => message.scope)).toContain('payment');
    });
});

describe("a buyer's billing addresses", () => {
    it('are read as the account addresses of type Billing, apart from the shipping ones', async () => {
        const harness = await setup({
            guest: false,
            store: { isGuest: false, effectiveAccountId: '001000000000001AAA' }
        }).loaded();
        const { server, store, clock } = harness;
        await clock.resolve(store.loadBillingAddresses());
        const [read] = server.requests.filter((request) => request.path.includes('/addresses'));
        expect(read.query).toMatchObject({ addressType: 'Billing' });
        expect(store.getSnapshot().billingAddresses.length).toBeGreaterThan(0);
        expect(store.getSnapshot().accountAddresses).toEqual([]);
    });
});
