/** Loading and starting again, and the write sequencer: merged edits, dependency order, one write at a time. */
import { readSessionContext } from '../lwrContext';
import { createCheckoutStore } from '../store';
import { DEFAULT_GROUP, SAMPLE_ADDRESS, contractRejects, setup } from './support/fakeCheckout';

const SECOND_GROUP = '0a70000000001AAA';

describe('loading', () => {
    it('starts the active checkout with the market language and polls until ready', async () => {
        const { server, store } = await setup({
            store: { language: 'fr-FR', effectiveAccountId: '001000000000009AAA' }
        }).loaded();
        const [start] = server.requestsOf('PUT', '/checkouts');
        expect(start.body).toEqual({ cartId: 'active' });
        expect(start.query).toEqual({
            language: 'fr-FR',
            asGuest: 'true',
            htmlEncode: 'false',
            effectiveAccountId: '001000000000009AAA'
        });
        const gets = server.requestsOf('GET', `/checkouts/${server.checkoutId}`);
        expect(gets.length).toBeGreaterThan(0);
        expect(gets[gets.length - 1].status).toBe(200);
        expect(gets.slice(0, -1).every((get) => get.status === 202)).toBe(true);
        expect(store.getSnapshot().phase).toBe('ready');
        expect(store.getSnapshot().checkoutId).toBe(server.checkoutId);
    });

    it('reads the effective account from the session context before starting', async () => {
        const harness = setup({ guest: false, store: { isGuest: true } });
        const { server, clock } = harness;
        harness.store.dispose();
        const store = createCheckoutStore({
            transport: server,
            clock,
            resolveContext: () => readSessionContext(server)
        });
        await clock.resolve(store.load());
        expect(server.requestsOf('PUT', '/checkouts')[0].query).toEqual({
            asGuest: 'false',
            htmlEncode: 'false',
            effectiveAccountId: '001000000000001AAA'
        });
        expect(store.getSnapshot().isGuest).toBe(false);
    });

    it('starts again after the checkout is gone (410), keeping pending edits', async () => {
        const harness = await setup().loaded();
        const { server, store } = harness;
        server.scriptNext('PATCH', '/checkouts/', { status: 410, body: null });
        store.updateContact({ email: 'ada@example.com' });
        await harness.idle();
        expect(server.requestsOf('PUT', '/checkouts')).toHaveLength(2);
        expect(server.contactInfo?.email).toBe('ada@example.com');
        expect(store.getSnapshot().edits).toEqual({});
    });

    it('starts again when polling finds the checkout gone (404)', async () => {
        const harness = await setup().loaded();
        const { server, store } = harness;
        server.scriptNext('GET', '/checkouts/', { status: 404, body: null });
        store.updateShipping(DEFAULT_GROUP, { deliveryAddress: SAMPLE_ADDRESS });
        await harness.idle();
        const starts = server
            .requestsOf('PUT', '/checkouts')
            .filter((start) => start.status === 202);
        expect(starts).toHaveLength(2);
        expect(server.groups[0].deliveryAddress?.street).toBe(SAMPLE_ADDRESS.street);
    });
});

describe('the write sequencer', () => {
    it('sends edits made while loading, and is not idle before they are sent', async () => {
        const harness = setup();
        const { server, store, clock } = harness;
        const loading = store.load();
        await clock.advance(50);
        store.updateContact({ email: 'ada@example.com' });
        await clock.resolve(store.whenIdle());
        expect(server.patches).toHaveLength(1);
        expect(store.getSnapshot().edits).toEqual({});
        await clock.resolve(loading);
    });

    it('merges 20 rapid edits to one sub-resource into at most 2 PATCHes and loses none', async () => {
        const harness = await setup().loaded();
        const { server, store, clock } = harness;
        for (let i = 1; i <= 20; i += 1) {
            store.updateShipping(DEFAULT_GROUP, {
                deliveryAddress: { ...SAMPLE_ADDRESS, street: `${i} Mission St` }
            });
            await clock.advance(10);
        }
        await harness.idle();
        expect(server.patches.length).toBeLessThanOrEqual(2);
        expect(server.groups[0].deliveryAddress?.street).toBe('20 Mission St');
        expect(store.getSnapshot().edits).toEqual({});
    });

    it('sends one PATCH for a synchronous burst of contact edits, with the last values', async () => {
        const harness = await setup().loaded();
        const { server, store } = harness;
        for (let i = 1; i <= 20; i += 1) {
            store.updateContact({ firstName: `Ada${i}`, email: `ada${i}@example.com` });
        }
        await harness.idle();
        expect(server.patches).toHaveLength(1);
        expect(server.contactInfo).toMatchObject({
            firstName: 'Ada20',
            email: 'ada20@example.com'
        });
    });

    it('drops an edit that returns a field to its saved value', async () => {
        const harness = await setup({ contactInfo: { email: 'saved@example.com' } }).loaded();
        const { server, store } = harness;
        store.updateContact({ email: 'new@example.com' });
        store.updateContact({ email: 'saved@example.com' });
        await harness.idle();
        expect(server.patches).toHaveLength(0);
        expect(store.getSnapshot().edits).toEqual({});
    });

    it('sends a revert after the write in flight lands', async () => {
        const harness = await setup({ contactInfo: { email: 'saved@example.com' } }).loaded();
        const { server, store, clock } = harness;
        store.updateContact({ email: 'new@example.com' });
        await clock.advance(1);
        expect(store.getSnapshot().edits['contact.email'].status).toBe('saving');
        store.updateContact({ email: 'saved@example.com' });
        await harness.idle();
        expect(server.patches).toHaveLength(2);
        expect(server.contactInfo?.email).toBe('saved@example.com');
    });

    it('keeps an edit that goes back to the value in flight when that write is refused as gone (410)', async () => {
        const harness = await setup().loaded();
        const { server, store, clock } = harness;
        server.scriptNext('PATCH', '/checkouts/', { status: 410, body: null });
        store.updateContact({ firstName: 'Alan' });
        await clock.advance(1);
        store.updateContact({ firstName: 'Ada' });
        store.updateContact({ firstName: 'Alan' });
        await harness.idle();
        expect(server.contactInfo?.firstName).toBe('Alan');
        expect(store.getSnapshot().edits).toEqual({});
    });

    it('keeps a newer edit equal to the saved value while the write in flight waits out a 409', async () => {
        const harness = await setup({ withAddress: true }).loaded();
        const { server, store, clock } = harness;
        server.scriptNext('PATCH', '/checkouts/', {
            status: 409,
            body: [{ errorCode: 'CHECKOUT_CONFLICT', message: 'busy' }]
        });
        store.updateShipping(DEFAULT_GROUP, { shippingInstructions: 'Gate 4' });
        await clock.advance(1);
        // Blank is the saved value (unset), but the write in flight will land 'Gate 4' first.
        store.updateShipping(DEFAULT_GROUP, { shippingInstructions: '' });
        await harness.idle();
        expect(server.groups[0].shippingInstructions ?? '').toBe('');
        expect(store.getSnapshot().edits).toEqual({});
    });

    it('never has two writes in flight and never sends a body the contract rejects', async () => {
        const harness = await setup({ groups: 2 }).loaded();
        const { server, store, clock } = harness;
        store.updateContact({ email: 'ada@example.com', lastName: 'Lovelace' });
        store.updateShipping(DEFAULT_GROUP, {
            deliveryAddress: SAMPLE_ADDRESS,
            desiredDeliveryDate: '2030-05-28',
            shippingInstructions: 'Gate code 1234'
        });
        store.selectDeliveryMethod(DEFAULT_GROUP, `2Dm-exp-${DEFAULT_GROUP}`);
        store.updateShipping(SECOND_GROUP, { deliveryAddress: SAMPLE_ADDRESS });
        store.selectDeliveryMethod(SECOND_GROUP, `2Dm-exp-${SECOND_GROUP}`);
        store.updateCustomFields({ type: 'WebCart' }, { MyCustomTextField__c: 'Foo' });
        store.updateCustomFields(
            { type: 'CartDeliveryGroup', groupId: SECOND_GROUP },
            { MyCustomNumberField__c: 4.55 }
        );
        await clock.advance(5);
        await harness.idle();
        expect(server.maxWritesInFlight).toBe(1);
        expect(server.forbiddenBodies).toEqual([]);
        for (const patch of server.patches) {
            const resource = patch.path.includes('/delivery-groups/') ? 'group' : 'checkout';
            expect(contractRejects(patch.body as Record<string, unknown>, resource)).toBeNull();
        }
        expect(server.contactInfo).toMatchObject({
            email: 'ada@example.com',
            lastName: 'Lovelace'
        });
        expect(server.groups[0]).toMatchObject({
            desiredDeliveryDate: '2030-05-28',
            shippingInstructions: 'Gate code 1234',
            selectedMethodId: `2Dm-exp-${DEFAULT_GROUP}`
        });
        expect(server.groups[1].selectedMethodId).toBe(`2Dm-exp-${SECOND_GROUP}`);
        expect(server.webCartFields).toEqual({ MyCustomTextField__c: 'Foo' });
        expect(server.groups[1].customFields).toEqual({ MyCustomNumberField__c: 4.55 });
        expect(store.getSnapshot().edits).toEqual({});
    });

    it('orders writes by dependency: contact, then shipping, then the delivery method', async () => {
        const harness = await setup({ guest: false }).loaded();
        const { server, store } = harness;
        store.selectDeliveryMethod(DEFAULT_GROUP, `2Dm-exp-${DEFAULT_GROUP}`);
        store.updateShipping(DEFAULT_GROUP, { desiredDeliveryDate: '2030-01-02' });
        store.updateContact({ firstName: 'Ada' });
        store.updateShipping(DEFAULT_GROUP, { deliveryAddress: SAMPLE_ADDRESS });
        await harness.idle();
        const keys = server.patches.map((patch) =>
            Object.keys(patch.body as object)
                .sort()
                .join('+')
        );
        expect(keys).toEqual([
            'contactInfo',
            'deliveryAddress+desiredDeliveryDate',
            'deliveryMethodId'
        ]);
    });

    it('sends a method choice only after the pending address change of its group is ready', async () => {
        const harness = await setup().loaded();
        const { server, store } = harness;
        store.updateShipping(DEFAULT_GROUP, { deliveryAddress: SAMPLE_ADDRESS });
        store.selectDeliveryMethod(DEFAULT_GROUP, `2Dm-exp-${DEFAULT_GROUP}`);
        await harness.idle();
        const [addressPatch, methodPatch] = server.patches;
        expect(Object.keys(addressPatch.body as object)).toEqual(['deliveryAddress']);
        expect(methodPatch.body).toEqual({ deliveryMethodId: `2Dm-exp-${DEFAULT_GROUP}` });
        const readyGet = server
            .requestsOf('GET', '/checkouts/')
            .find((get) => get.status === 200 && get.sentAt > addressPatch.sentAt);
        expect(readyGet).toBeDefined();
        expect(methodPatch.sentAt).toBeGreaterThanOrEqual(readyGet?.answeredAt ?? Infinity);
        expect(server.groups[0].selectedMethodId).toBe(`2Dm-exp-${DEFAULT_GROUP}`);
    });

    it("re-applies the shopper's method when an address change resets it", async () => {
        const harness = await setup({ withAddress: true }).loaded();
        const { server, store } = harness;
        store.selectDeliveryMethod(DEFAULT_GROUP, `2Dm-exp-${DEFAULT_GROUP}`);
        await harness.idle();
        store.updateShipping(DEFAULT_GROUP, {
            deliveryAddress: { ...SAMPLE_ADDRESS, street: '1 Market St' }
        });
        await harness.idle();
        expect(server.groups[0].selectedMethodId).toBe(`2Dm-exp-${DEFAULT_GROUP}`);
        expect(server.patches.map((patch) => Object.keys(patch.body as object)[0])).toEqual([
            'deliveryMethodId',
            'deliveryAddress',
            'deliveryMethodId'
        ]);
    });

    it('refuses a method the group does not offer, without sending it', async () => {
        const harness = await setup({ withAddress: true }).loaded();
        const { server, store } = harness;
        store.selectDeliveryMethod(DEFAULT_GROUP, '2Dm-unknown');
        await harness.idle();
        expect(server.patches).toHaveLength(0);
        expect(store.getSnapshot().edits[`group.${DEFAULT_GROUP}.deliveryMethodId`]).toEqual({
            status: 'failed',
            value: '2Dm-unknown',
            message: 'c.CheckoutKit_DeliveryMethodUnavailable'
        });
    });

    it('sends shipping for a non-default group through the cart delivery-group PATCH', async () => {
        const harness = await setup({ groups: 2 }).loaded();
        const { server, store } = harness;
        store.updateShipping(SECOND_GROUP, { deliveryAddress: SAMPLE_ADDRESS });
        await harness.idle();
        expect(server.patches).toHaveLength(1);
        expect(server.patches[0].path).toBe(
            `/carts/${server.cartId}/delivery-groups/${SECOND_GROUP}`
        );
        expect(server.groups[1].deliveryAddress?.street).toBe(SAMPLE_ADDRESS.street);
        expect(server.groups[0].deliveryAddress).toBeNull();
    });
});
