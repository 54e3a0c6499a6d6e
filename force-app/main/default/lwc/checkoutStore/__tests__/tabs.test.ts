/**
 * Tabs of one browser on the same checkout (BroadcastChannel): the soak found an older value one tab held
 * written over a newer one typed in another, and an order placed on a view another tab had changed.
 */
import { DEFAULT_GROUP, EXPRESS, SAMPLE_ADDRESS, STANDARD, setup } from './support/fakeCheckout';
import { tabChannels } from './support/tabChannels';
import { createCheckoutStore } from '../store';

const CUSTOM_FIELD = 'custom.WebCart.MyCustomTextField__c';

function twoTabs() {
    const channelOf = tabChannels();
    const otherTab = channelOf();
    const harness = setup({
        withAddress: true,
        contactInfo: { email: 'ada@example.com', lastName: 'Lovelace' },
        store: { tabs: { name: 'checkout-kit:test', channel: channelOf() } }
    });
    return { ...harness, otherTab, channelOf };
}

/**
 * At this tab's next write: the other tab does `meanwhile`, says it saved, and the checkout expires (the new
 * one holds no custom fields). Returns whether it happened.
 */
function expireAtNextWrite(tabs: ReturnType<typeof twoTabs>, meanwhile = (): void => undefined) {
    const { server, otherTab } = tabs;
    let expired = false;
    server.faultInjector = (method) => {
        if (expired || method !== 'PATCH') return null;
        expired = true;
        meanwhile();
        otherTab.postMessage({ checkoutId: server.checkoutId, saved: true });
        server.webCartFields = {};
        return { status: 410, body: [{ errorCode: 'GONE', message: 'This checkout expired.' }] };
    };
    return () => expired;
}

describe('tabs of one browser', () => {
    it('places no order on a view another tab changed: it reads the checkout first and brings the shopper’s method back', async () => {
        const tabs = twoTabs();
        const { server, store, clock, otherTab } = tabs;
        await tabs.loaded();
        store.selectDeliveryMethod(DEFAULT_GROUP, EXPRESS);
        await tabs.idle();
        // The other tab ran shipping again (its "Try again"): the carrier reset the method.
        server.groups[0].selectedMethodId = STANDARD;
        otherTab.postMessage({ checkoutId: server.checkoutId, saved: true });
        const result = await clock.resolve(store.placeOrder());
        expect(result.outcome).toBe('success');
        expect(server.groups[0].selectedMethodId).toBe(EXPRESS);
    });

    it('drops a value it could not save once the shopper typed a newer one in another tab', async () => {
        const tabs = twoTabs();
        const { server, store, clock, otherTab } = tabs;
        await tabs.loaded();
        let failing = true;
        server.faultInjector = (method) =>
            failing && method === 'PATCH' ? { status: 503, body: null } : null;
        store.updateCustomFields({ type: 'WebCart' }, { MyCustomTextField__c: 'Foo' });
        await tabs.idle();
        expect(store.getSnapshot().edits[CUSTOM_FIELD]?.status).toBe('failed');
        // The shopper types a newer value in the other tab, which saves it.
        failing = false;
        otherTab.postMessage({
            checkoutId: server.checkoutId,
            edited: [[CUSTOM_FIELD, 'Bar']]
        });
        server.webCartFields.MyCustomTextField__c = 'Bar';
        otherTab.postMessage({ checkoutId: server.checkoutId, saved: true });
        await tabs.idle();
        store.retryFailed();
        await tabs.idle();
        const result = await clock.resolve(store.placeOrder());
        expect(result.outcome).toBe('success');
        expect(server.webCartFields.MyCustomTextField__c).toBe('Bar');
    });

    it('sends the newer value another tab typed after its own older one, still in flight, lands over it', async () => {
        const tabs = twoTabs();
        const { server, store, clock, otherTab } = tabs;
        await tabs.loaded();
        const key = `group.${DEFAULT_GROUP}.shippingInstructions`;
        let overtaken = false;
        server.faultInjector = (method) => {
            if (overtaken || method !== 'PATCH') return null;
            overtaken = true;
            // While this tab's write is on its way, the shopper types a newer value in the other tab, which
            // saves it first; this tab's older value then lands over it.
            otherTab.postMessage({
                checkoutId: server.checkoutId,
                edited: [[key, 'Back entrance']]
            });
            server.groups[0].shippingInstructions = 'Back entrance';
            return null;
        };
        store.updateShipping(DEFAULT_GROUP, { shippingInstructions: 'Ring twice' });
        await tabs.idle();
        const result = await clock.resolve(store.placeOrder());
        expect(overtaken).toBe(true);
        expect(result.outcome).toBe('success');
        expect(server.groups[0].shippingInstructions).toBe('Back entrance');
    });

    it('carries to a new checkout what another tab saved since this tab last read the one that expired', async () => {
        const tabs = twoTabs();
        const { server, store, clock, otherTab } = tabs;
        await tabs.loaded();
        // The other tab saved a custom field while this tab was sending; then the checkout expired.
        const expired = expireAtNextWrite(tabs, () =>
            otherTab.postMessage({
                checkoutId: server.checkoutId,
                edited: [[CUSTOM_FIELD, 'Bar']]
            })
        );
        store.updateShipping(DEFAULT_GROUP, { shippingInstructions: 'Ring twice' });
        await tabs.idle();
        const result = await clock.resolve(store.placeOrder());
        expect(expired()).toBe(true);
        expect(result.outcome).toBe('success');
        expect(server.webCartFields.MyCustomTextField__c).toBe('Bar');
        expect(server.groups[0].shippingInstructions).toBe('Ring twice');
    });

    it('still carries another tab’s value when this tab read the checkout before that tab’s save landed', async () => {
        const tabs = twoTabs();
        const { server, store, clock, otherTab } = tabs;
        await tabs.loaded();
        // The shopper types in the other tab; this tab, idle, reads at once: the save has not landed yet.
        otherTab.postMessage({ checkoutId: server.checkoutId, edited: [[CUSTOM_FIELD, 'Bar']] });
        await tabs.idle();
        const expired = expireAtNextWrite(tabs);
        store.updateShipping(DEFAULT_GROUP, { shippingInstructions: 'Ring twice' });
        await tabs.idle();
        const result = await clock.resolve(store.placeOrder());
        expect(expired()).toBe(true);
        expect(result.outcome).toBe('success');
        expect(server.webCartFields.MyCustomTextField__c).toBe('Bar');
    });

    it('does not bring back, after another tab’s save, a method it only kept through its own shipping write', async () => {
        const tabs = twoTabs();
        const { server, store, clock, otherTab } = tabs;
        await tabs.loaded();
        // This tab's instructions run shipping: the method the checkout holds (Standard) is kept through it.
        store.updateShipping(DEFAULT_GROUP, { shippingInstructions: 'Ring twice' });
        await tabs.idle();
        expect(server.groups[0].selectedMethodId).toBe(STANDARD);
        // The shopper's own choice, made in the other tab, lands there.
        server.groups[0].selectedMethodId = EXPRESS;
        otherTab.postMessage({ checkoutId: server.checkoutId, saved: true });
        await tabs.idle();
        const result = await clock.resolve(store.placeOrder());
        expect(result.outcome).toBe('success');
        expect(server.groups[0].selectedMethodId).toBe(EXPRESS);
    });

    it('takes a newer value typed in another tab that has already moved to a new checkout', async () => {
        const tabs = twoTabs();
        const { server, store, clock, otherTab } = tabs;
        await tabs.loaded();
        let failing = true;
        server.faultInjector = (method) =>
            failing && method === 'PATCH' ? { status: 503, body: null } : null;
        store.updateCustomFields({ type: 'WebCart' }, { MyCustomTextField__c: 'Foo' });
        await tabs.idle();
        // The other tab already restarted on a new checkout, where the shopper typed a newer value.
        otherTab.postMessage({ checkoutId: '2z9000000000777AAA', edited: [[CUSTOM_FIELD, 'Bar']] });
        failing = false;
        server.webCartFields.MyCustomTextField__c = 'Bar';
        store.retryFailed();
        await tabs.idle();
        const result = await clock.resolve(store.placeOrder());
        expect(result.outcome).toBe('success');
        expect(server.webCartFields.MyCustomTextField__c).toBe('Bar');
    });

    it('starts again, carrying what the shopper set, when the read after another tab’s save finds the checkout gone', async () => {
        const tabs = twoTabs();
        const { server, store, otherTab } = tabs;
        await tabs.loaded();
        store.updateShipping(DEFAULT_GROUP, { shippingInstructions: 'Ring twice' });
        await tabs.idle();
        // The checkout expired; the new one the next start gets holds nothing.
        server.scriptNext('GET', server.checkoutId, {
            status: 410,
            body: [{ errorCode: 'GONE', message: 'This checkout expired.' }]
        });
        server.groups[0].shippingInstructions = null;
        otherTab.postMessage({ checkoutId: server.checkoutId, saved: true });
        await Promise.resolve(); // the news arrives a task later, as BroadcastChannel delivers it
        await tabs.idle();
        expect(server.requestsOf('PUT', '/checkouts').length).toBeGreaterThan(1);
        expect(server.groups[0].shippingInstructions).toBe('Ring twice');
    });

    it('tells the other tabs what the shopper edited and when a save landed', async () => {
        const tabs = twoTabs();
        const { server, store, otherTab } = tabs;
        await tabs.loaded();
        const heard: unknown[] = [];
        otherTab.onmessage = (event) => heard.push(event.data);
        store.updateShipping(DEFAULT_GROUP, {
            deliveryAddress: { ...SAMPLE_ADDRESS, street: '1 Market St' }
        });
        await tabs.idle();
        expect(heard).toEqual([
            {
                checkoutId: server.checkoutId,
                edited: [
                    [
                        `group.${DEFAULT_GROUP}.deliveryAddress`,
                        expect.objectContaining({ street: '1 Market St' })
                    ]
                ]
            },
            { checkoutId: server.checkoutId, saved: true }
        ]);
    });

    it('reads nothing again for a save on another checkout, and ignores messages it cannot read', async () => {
        const tabs = twoTabs();
        const { server, store, otherTab } = tabs;
        await tabs.loaded();
        store.updateShipping(DEFAULT_GROUP, { shippingInstructions: 'Ring twice' });
        await tabs.idle();
        const reads = server.requestsOf('GET', server.checkoutId).length;
        otherTab.postMessage({ checkoutId: 'another', saved: true });
        otherTab.postMessage('boom');
        await tabs.idle();
        expect(server.requestsOf('GET', server.checkoutId)).toHaveLength(reads);
        otherTab.postMessage({ checkoutId: server.checkoutId, edited: 'boom' });
        otherTab.postMessage({ checkoutId: server.checkoutId, edited: [null, [1, 2]] });
        await tabs.idle();
        expect(server.groups[0].shippingInstructions).toBe('Ring twice');
        expect(() => store.getSnapshot()).not.toThrow();
    });

    it('places the order with the payment entered in another tab, after a method chosen here cleared it', async () => {
        const tabs = twoTabs();
        const { server, store, clock } = tabs;
        await tabs.loaded();
        // The other tab runs its own engine on the same checkout; the shopper enters the payment there.
        const other = createCheckoutStore({
            ...tabs.storeOptions(),
            tabs: { name: 'checkout-kit:test', channel: tabs.channelOf() }
        });
        await clock.resolve(other.load());
        other.updatePayment({ purchaseOrderNumber: 'PO-1' });
        await clock.resolve(other.whenIdle());
        expect(server.payment).toMatchObject({ paymentToken: 'PO-1' });
        // Here the shopper picks another method: the contract clears the payment.
        store.selectDeliveryMethod(DEFAULT_GROUP, EXPRESS);
        await tabs.idle();
        expect(server.groups[0].selectedMethodId).toBe(EXPRESS);
        let paidAtOrder: unknown = null;
        server.faultInjector = (method, path) => {
            if (method === 'POST' && path.endsWith('/orders')) paidAtOrder = server.payment;
            return null;
        };
        const result = await clock.resolve(store.placeOrder());
        expect(result.outcome).toBe('success');
        expect(paidAtOrder).toMatchObject({ paymentToken: 'PO-1' });
        other.dispose();
    });
});
