/**
 * Expired checkouts the fault soak (bench/soak.ts) met, each reduced to the fake server: every test failed on
 * the engine before its fix and names the behaviour the fix has. Other findings: soakFindings.test.ts.
 */
import {
    DEFAULT_GROUP,
    EXPRESS,
    GONE,
    SAMPLE_ADDRESS,
    STANDARD,
    readyToOrder
} from './support/fakeCheckout';

describe('soak: an expired checkout (410)', () => {
    it('F1: brings every value the shopper saved on the old checkout to the new one ("Your entries are kept")', async () => {
        const harness = await readyToOrder().loaded();
        const { server, store, clock } = harness;
        store.updateShipping(DEFAULT_GROUP, { shippingInstructions: 'Ring twice' });
        store.selectDeliveryMethod(DEFAULT_GROUP, EXPRESS);
        await harness.idle();
        expect(server.groups[0].shippingInstructions).toBe('Ring twice');
        // The checkout expires; the start that follows makes a new one, without the old one's values.
        server.scriptNext('PATCH', server.checkoutId, GONE);
        server.scriptNext('PUT', '/checkouts', {
            status: 202,
            body: { checkoutId: server.checkoutId }
        });
        const fresh = server.groups[0];
        store.updateContact({ firstName: 'Ada' });
        fresh.shippingInstructions = null;
        fresh.selectedMethodId = STANDARD;
        await harness.idle();
        const result = await clock.resolve(store.placeOrder());
        expect(result.outcome).toBe('success');
        expect(server.groups[0].shippingInstructions).toBe('Ring twice');
        expect(server.groups[0].selectedMethodId).toBe(EXPRESS);
    });

    it('F2: keeps an edit of a delivery group whose id changed with the new checkout, instead of blocking the order for ever', async () => {
        const harness = await readyToOrder().loaded();
        const { server, store, clock } = harness;
        server.scriptNext('PATCH', server.checkoutId, GONE);
        store.updateShipping(DEFAULT_GROUP, { shippingInstructions: 'Ring twice' });
        // The new checkout's default group has a new id (and so have its methods).
        server.groups[0].id = '0a70000000009AAA';
        server.groups[0].selectedMethodId = '2Dm-std-0a70000000009AAA';
        await harness.idle();
        const snapshot = store.getSnapshot();
        expect(snapshot.placeOrderBlockers).not.toContain('pending-edits');
        const result = await clock.resolve(store.placeOrder());
        expect(result.outcome).toBe('success');
        expect(server.groups[0].shippingInstructions).toBe('Ring twice');
    });

    it('F3: starts again when place order finds the checkout gone, instead of posting to it again and again', async () => {
        const harness = await readyToOrder().loaded();
        const { server, store, clock } = harness;
        server.scriptNext('POST', '/orders', GONE, 1);
        server.scriptNext('GET', server.checkoutId, GONE, 1);
        const first = await clock.resolve(store.placeOrder());
        const second =
            first.outcome === 'success' ? first : await clock.resolve(store.placeOrder());
        expect(server.requestsOf('PUT', '/checkouts').length).toBeGreaterThan(1);
        expect(second.outcome).toBe('success');
    });
    it('F11: brings a custom field saved on the expired checkout to the new one', async () => {
        const harness = await readyToOrder().loaded();
        const { server, store, clock } = harness;
        store.updateCustomFields({ type: 'WebCart' }, { MyCustomTextField__c: 'PO 4711' });
        await harness.idle();
        expect(server.webCartFields.MyCustomTextField__c).toBe('PO 4711');
        server.scriptNext('PATCH', server.checkoutId, GONE);
        server.scriptNext('PUT', '/checkouts', {
            status: 202,
            body: { checkoutId: server.checkoutId }
        });
        store.updateShipping(DEFAULT_GROUP, { shippingInstructions: 'Ring twice' });
        server.webCartFields = {};
        await harness.idle();
        const result = await clock.resolve(store.placeOrder());
        expect(result.outcome).toBe('success');
        expect(server.webCartFields.MyCustomTextField__c).toBe('PO 4711');
    });

    it('F12: keeps what the shopper saved when starting again after a failed pricing run meets an expired checkout', async () => {
        const harness = readyToOrder();
        const { server, store, clock } = harness;
        server.failNextCalculation = { type: '/commerce/errors/pricing-failure', detail: 'x' };
        await clock.resolve(store.load());
        await harness.idle();
        store.updateShipping(DEFAULT_GROUP, { shippingInstructions: 'Ring twice' });
        await harness.idle();
        expect(server.groups[0].shippingInstructions).toBe('Ring twice');
        // Meanwhile the checkout expired: the start that runs pricing again gets a new, empty one.
        server.checkoutId = '2z9000000000999AAA';
        server.groups[0].shippingInstructions = null;
        store.retryCalculation();
        await harness.idle();
        const result = await clock.resolve(store.placeOrder());
        expect(result.outcome).toBe('success');
        expect(server.groups[0].shippingInstructions).toBe('Ring twice');
    });

    it('F16: does not write what the expired checkout held over a value another tab set on the new one since', async () => {
        const harness = await readyToOrder().loaded();
        const { server, store, clock } = harness;
        store.updateShipping(DEFAULT_GROUP, { shippingInstructions: 'Ring twice' });
        await harness.idle();
        server.scriptNext('PATCH', server.checkoutId, GONE);
        let started = false;
        let otherTabWrote = false;
        server.faultInjector = (method) => {
            if (method === 'PUT') started = true;
            if (!started || otherTabWrote || method !== 'PATCH') return null;
            // Another tab sets the instructions on the new checkout; this tab's first write meets it.
            otherTabWrote = true;
            server.groups[0].shippingInstructions = 'Back entrance';
            return { status: 409, body: [{ errorCode: 'CHECKOUT_CONFLICT', message: 'busy' }] };
        };
        server.groups[0].shippingInstructions = null;
        store.updateContact({ firstName: 'Ada' });
        await harness.idle();
        const result = await clock.resolve(store.placeOrder());
        expect(otherTabWrote).toBe(true);
        expect(result.outcome).toBe('success');
        expect(server.groups[0].shippingInstructions).toBe('Back entrance');
    });
    it('F17: moves a delivery-group message to the new checkout’s group, or drops it, instead of showing it for ever', async () => {
        const harness = await readyToOrder().loaded();
        const { server, store, clock } = harness;
        store.selectDeliveryMethod(DEFAULT_GROUP, EXPRESS);
        await harness.idle();
        // The new address no longer offers Express: the shopper is told the method was reset.
        server.withdrawnMethods.add(EXPRESS);
        store.updateShipping(DEFAULT_GROUP, {
            deliveryAddress: { ...SAMPLE_ADDRESS, street: '1 Market St' }
        });
        await harness.idle();
        const reset = (groupId: string) =>
            store
                .getSnapshot()
                .messages.filter(
                    (m) => m.code === 'DELIVERY_METHOD_RESET' && m.groupId === groupId
                );
        expect(reset(DEFAULT_GROUP)).toHaveLength(1);
        // The checkout expires; the new one's default group has a new id.
        server.scriptNext('PATCH', server.checkoutId, GONE);
        store.updateShipping(DEFAULT_GROUP, { shippingInstructions: 'Ring twice' });
        const newGroup = '0a70000000009AAA';
        server.groups[0].id = newGroup;
        server.groups[0].selectedMethodId = `2Dm-std-${newGroup}`;
        await harness.idle();
        const shown = store
            .getSnapshot()
            .messages.filter((m) => m.code === 'DELIVERY_METHOD_RESET');
        expect(shown.every((m) => m.groupId === newGroup)).toBe(true);
        // The shopper confirms the method offered: the message goes, and the order can be placed.
        store.selectDeliveryMethod(newGroup, `2Dm-std-${newGroup}`);
        await harness.idle();
        expect(reset(newGroup)).toEqual([]);
        expect((await clock.resolve(store.placeOrder())).outcome).toBe('success');
    });

    it('F22: keeps a value carried to a new checkout when that one expires too before the write lands', async () => {
        const harness = await readyToOrder().loaded();
        const { server, store, clock } = harness;
        const boston = {
            ...SAMPLE_ADDRESS,
            street: '1 Main St',
            city: 'Boston',
            postalCode: '02110'
        };
        store.updateShipping(DEFAULT_GROUP, { deliveryAddress: boston });
        await harness.idle();
        // Each new checkout has a new default group holding the buyer's default address. The first one expires
        // while the write carrying the address to it is still processing.
        let starts = 0;
        let carrying: 'not yet' | 'processing' | 'expired' = 'not yet';
        server.faultInjector = (method) => {
            if (method === 'PUT') {
                starts += 1;
                const group = server.groups[0];
                group.id = `0a7000000000${starts}AAA`;
                group.selectedMethodId = `2Dm-std-${group.id}`;
                group.deliveryAddress = { ...SAMPLE_ADDRESS, id: `8lW${starts}` };
                return null;
            }
            if (starts === 1 && method === 'PATCH' && carrying === 'not yet')
                carrying = 'processing';
            else if (starts === 1 && method === 'GET' && carrying === 'processing') {
                carrying = 'expired';
                return GONE;
            }
            return null;
        };
        server.scriptNext('PATCH', server.checkoutId, GONE);
        store.updateShipping(DEFAULT_GROUP, { shippingInstructions: 'Ring twice' });
        await harness.idle();
        expect(carrying).toBe('expired');
        const result = await clock.resolve(store.placeOrder());
        expect(result.outcome).toBe('success');
        expect(server.groups[0].deliveryAddress).toMatchObject({
            street: '1 Main St',
            city: 'Boston'
        });
        expect(server.groups[0].shippingInstructions).toBe('Ring twice');
    });

    it('F23: does not carry the expired checkout’s older value over the shopper’s newer one that the new checkout already holds', async () => {
        const harness = await readyToOrder().loaded();
        const { server, store, clock } = harness;
        store.updateCustomFields({ type: 'WebCart' }, { MyCustomTextField__c: 'Bar' });
        await harness.idle();
        // The checkout expires as the shopper types a newer value; by the time this tab starts again, another
        // tab has started the new checkout and written that newer value to it.
        server.scriptNext('PATCH', server.checkoutId, GONE);
        server.faultInjector = (method) => {
            if (method === 'PUT') {
                server.checkoutId = '2z9000000000999AAA';
                server.webCartFields = { MyCustomTextField__c: 'Foo' };
            }
            return null;
        };
        store.updateCustomFields({ type: 'WebCart' }, { MyCustomTextField__c: 'Foo' });
        await harness.idle();
        const result = await clock.resolve(store.placeOrder());
        expect(result.outcome).toBe('success');
        expect(server.webCartFields.MyCustomTextField__c).toBe('Foo');
    });

    it('F26: writes what it carried to the new checkout at once when the order POST found the old one gone, before any press', async () => {
        const harness = await readyToOrder().loaded();
        const { server, store, clock } = harness;
        store.updateShipping(DEFAULT_GROUP, { shippingInstructions: 'Ring twice' });
        await harness.idle();
        // The checkout expired unseen; the start the order's 410 leads to gets a new one, without the values.
        server.scriptNext('POST', '/orders', GONE);
        server.faultInjector = (method) => {
            if (method === 'PUT') {
                server.checkoutId = '2z9000000000999AAA';
                server.groups[0].shippingInstructions = null;
            }
            return null;
        };
        const first = await clock.resolve(store.placeOrder());
        expect(first.outcome).toBe('retryable');
        await harness.idle();
        // Another tab may place the order on the new checkout now: this tab's values must be on it already.
        expect(server.groups[0].shippingInstructions).toBe('Ring twice');
    });
});
