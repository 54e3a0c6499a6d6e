import { DEFAULT_GROUP, SAMPLE_ADDRESS, setup } from './support/fakeCheckout';

describe('the snapshot', () => {
    it('calls a new subscriber at once and stops after unsubscribe', async () => {
        const harness = setup();
        const { store } = harness;
        const phases: string[] = [];
        const unsubscribe = store.subscribe((snapshot) => phases.push(snapshot.phase));
        expect(phases).toEqual(['loading']);
        await harness.loaded();
        expect(phases[phases.length - 1]).toBe('ready');
        unsubscribe();
        const seen = phases.length;
        store.updateContact({ firstName: 'Ada' });
        await harness.idle();
        expect(phases).toHaveLength(seen);
    });

    it('is a new frozen object on every change and the same object otherwise', async () => {
        const { store } = await setup().loaded();
        const before = store.getSnapshot();
        expect(store.getSnapshot()).toBe(before);
        expect(Object.isFrozen(before)).toBe(true);
        expect(Object.isFrozen(before.deliveryGroups)).toBe(true);
        store.updateContact({ firstName: 'Ada' });
        expect(store.getSnapshot()).not.toBe(before);
        expect(before.contactInfo.firstName).toBeUndefined();
    });

    it('lays pending edits over the server values', async () => {
        const harness = await setup({ withAddress: true }).loaded();
        const { store } = harness;
        store.updateContact({ firstName: 'Ada' });
        store.updateShipping(DEFAULT_GROUP, {
            deliveryAddress: { ...SAMPLE_ADDRESS, street: '9 Pier St' }
        });
        store.selectDeliveryMethod(DEFAULT_GROUP, `2Dm-exp-${DEFAULT_GROUP}`);
        const snapshot = store.getSnapshot();
        expect(snapshot.contactInfo.firstName).toBe('Ada');
        expect(snapshot.deliveryGroups[0].deliveryAddress?.street).toBe('9 Pier St');
        expect(snapshot.deliveryGroups[0].selectedDeliveryMethodId).toBe(
            `2Dm-exp-${DEFAULT_GROUP}`
        );
        expect(snapshot.deliveryGroups[0].requiresShipping).toBe(true);
        expect(snapshot.edits[`group.${DEFAULT_GROUP}.deliveryMethodId`].status).toBe('pending');
        expect(snapshot.phase).toBe('saving');
        expect(snapshot.placeOrderBlockers).toContain('pending-edits');
    });

    it('takes the totals from the cart summary', async () => {
        const { store } = await setup({ withAddress: true }).loaded();
        expect(store.getSnapshot().totals).toEqual({
            currencyIsoCode: 'USD',
            subtotal: '100.00',
            promotions: '0.00',
            shipping: '5.00',
            tax: '8.00',
            grandTotal: '113.00'
        });
    });

    it('loads the saved addresses of a signed-in buyer', async () => {
        const harness = await setup({
            guest: false,
            store: { isGuest: false, effectiveAccountId: '001A' }
        }).loaded();
        const { server, store, clock } = harness;
        await clock.resolve(store.loadAccountAddresses());
        expect(store.getSnapshot().accountAddresses).toEqual([
            expect.objectContaining({
                addressId: '8lW1',
                street: SAMPLE_ADDRESS.street,
                isDefault: true
            })
        ]);
        expect(server.requestsOf('GET', '/accounts/001A/addresses')[0].query).toMatchObject({
            addressType: 'Shipping'
        });
    });

    it('does not ask for saved addresses as a guest', async () => {
        const harness = await setup({ guest: true }).loaded();
        await harness.clock.resolve(harness.store.loadAccountAddresses());
        expect(harness.server.requestsOf('GET', '/accounts/')).toHaveLength(0);
        expect(harness.store.getSnapshot().accountAddresses).toEqual([]);
    });

    it('keeps message ids stable across snapshots', async () => {
        const harness = await setup().loaded();
        const { server, store } = harness;
        server.scriptNext('PATCH', '/checkouts/', 'network', 4);
        store.updateContact({ firstName: 'Ada' });
        await harness.idle();
        const failed = store
            .getSnapshot()
            .messages.find((message) => message.field === 'contact.firstName');
        expect(failed).toMatchObject({
            code: 'NETWORK_ERROR',
            message: 'c.CheckoutKit_ErrorNetwork'
        });
        store.updateContact({ lastName: 'Lovelace' });
        await harness.idle();
        const later = store
            .getSnapshot()
            .messages.find((message) => message.field === 'contact.firstName');
        expect(later?.id).toBe(failed?.id);
    });
});
