/**
 * What the shopper entered and the checkout does not hold yet outlives a reload of the tab (signing in again
 * after the site session ended reloads the page): `StoreOptions.unsavedEdits`, kept in the tab's sessionStorage.
 */
import type { CheckoutStore } from '../types';
import { DEFAULT_GROUP, EXPRESS, SAMPLE_ADDRESS, setup } from './support/fakeCheckout';

const SIGNED_OUT = { status: 401, body: [{ errorCode: 'INVALID_SESSION_ID', message: 'x' }] };
const KEY = 'checkoutKit.unsavedEdits.v1.0ZE000000000001';

/** A tab's sessionStorage: it outlives the page, not the tab. */
function tabStorage() {
    const items = new Map<string, string>();
    return {
        items,
        getItem: (key: string) => items.get(key) ?? null,
        setItem: (key: string, value: string) => void items.set(key, value),
        removeItem: (key: string) => void items.delete(key)
    };
}

async function loadedTab(storage: ReturnType<typeof tabStorage> | null = tabStorage()) {
    const harness = setup({
        withAddress: true,
        contactInfo: { email: 'ada@example.com', lastName: 'Lovelace' },
        store: { unsavedEdits: { webstoreId: '0ZE000000000001', storage } }
    });
    /** Signs in again: the page reloads, with a new store on the same checkout and the same tab storage. */
    const reload = async (): Promise<CheckoutStore> => {
        harness.store.dispose();
        const store = harness.anotherStore();
        await harness.clock.resolve(store.load());
        await harness.clock.resolve(store.whenIdle());
        return store;
    };
    await harness.loaded();
    return { ...harness, storage, reload };
}

/** The shopper edits while the site session has ended: the write is refused, the value kept with its message. */
async function refusedBySignedOut(
    harness: Awaited<ReturnType<typeof loadedTab>>,
    edit: () => void
) {
    harness.server.scriptNext('PATCH', harness.server.checkoutId, SIGNED_OUT);
    edit();
    await harness.idle();
}

describe('unsaved edits across a reload', () => {
    it('brings back a value the ended session refused and saves it once signed in again', async () => {
        const harness = await loadedTab();
        const { server, store } = harness;
        await refusedBySignedOut(harness, () => store.updateContact({ firstName: 'Ada' }));
        expect(store.getSnapshot().edits['contact.firstName']).toMatchObject({ status: 'failed' });
        expect(server.contactInfo?.firstName).toBeUndefined();
        const reloaded = await harness.reload();
        expect(server.contactInfo?.firstName).toBe('Ada');
        expect(reloaded.getSnapshot().contactInfo.firstName).toBe('Ada');
        expect(reloaded.getSnapshot().edits['contact.firstName']).toBeUndefined();
    });

    it('brings back a shipping address and a custom field the same way', async () => {
        const harness = await loadedTab();
        const { server, store } = harness;
        const boston = {
            ...SAMPLE_ADDRESS,
            street: '1 Main St',
            city: 'Boston',
            postalCode: '02110'
        };
        await refusedBySignedOut(harness, () => {
            store.updateShipping(DEFAULT_GROUP, { deliveryAddress: boston });
            store.updateCustomFields({ type: 'WebCart' }, { MyCustomTextField__c: 'Gift for Sam' });
        });
        await harness.reload();
        expect(server.groups[0].deliveryAddress).toMatchObject({
            street: '1 Main St',
            city: 'Boston'
        });
        expect(server.webCartFields.MyCustomTextField__c).toBe('Gift for Sam');
    });

    it('brings back a delivery method the ended session refused', async () => {
        const harness = await loadedTab();
        const { server, store } = harness;
        await refusedBySignedOut(harness, () => store.selectDeliveryMethod(DEFAULT_GROUP, EXPRESS));
        expect(server.groups[0].selectedMethodId).not.toBe(EXPRESS);
        const reloaded = await harness.reload();
        expect(server.groups[0].selectedMethodId).toBe(EXPRESS);
        expect(reloaded.getSnapshot().deliveryGroups[0].selectedDeliveryMethodId).toBe(EXPRESS);
    });

    it('keeps what was entered while the page could not start the checkout (the session had ended), and shows it again at once', async () => {
        const harness = setup({
            withAddress: true,
            store: { unsavedEdits: { webstoreId: '0ZE000000000001', storage: tabStorage() } }
        });
        const { server, store, clock } = harness;
        server.scriptNext('PUT', '/checkouts', SIGNED_OUT);
        const loading = clock.resolve(store.load());
        store.updateContact({ firstName: 'Ada' });
        store.updatePayment({ purchaseOrderNumber: 'PO-1' });
        await loading;
        await harness.idle();
        expect(server.contactInfo?.firstName).toBeUndefined();
        store.dispose();
        // The reloaded page cannot start the checkout either, at first: what was typed shows all the same.
        server.scriptNext('PUT', '/checkouts', SIGNED_OUT);
        const reloaded = harness.anotherStore();
        await clock.resolve(reloaded.load());
        expect(reloaded.getSnapshot().contactInfo.firstName).toBe('Ada');
        expect(reloaded.getSnapshot().payment?.values.purchaseOrderNumber).toBe('PO-1');
        await clock.resolve(reloaded.load());
        await clock.resolve(reloaded.whenIdle());
        expect(server.contactInfo?.firstName).toBe('Ada');
        expect(server.payment).toMatchObject({ paymentToken: 'PO-1' });
    });

    it('gives way to a value another tab saved since: the newer value stays', async () => {
        const harness = await loadedTab();
        const { server, store } = harness;
        await refusedBySignedOut(harness, () => store.updateContact({ firstName: 'Ada' }));
        server.contactInfo = { ...server.contactInfo, firstName: 'Grace' };
        const reloaded = await harness.reload();
        expect(server.contactInfo?.firstName).toBe('Grace');
        expect(reloaded.getSnapshot().edits['contact.firstName']).toBeUndefined();
    });

    it('shows the purchase-order payment again after a reload and sends it again', async () => {
        const harness = await loadedTab();
        const { server, store } = harness;
        store.updatePayment({ purchaseOrderNumber: 'PO-1' });
        await harness.idle();
        server.payment = null;
        const reloaded = await harness.reload();
        expect(reloaded.getSnapshot().payment).toMatchObject({
            status: 'saved',
            values: { purchaseOrderNumber: 'PO-1', billingAddress: 'shipping' }
        });
        expect(server.payment).toMatchObject({ paymentToken: 'PO-1' });
    });

    it('moves the default group’s values to the new checkout when the old one expired before the reload', async () => {
        const harness = await loadedTab();
        const { server, store } = harness;
        await refusedBySignedOut(harness, () =>
            store.updateShipping(DEFAULT_GROUP, { shippingInstructions: 'Ring twice' })
        );
        server.checkoutId = '2z9000000000999AAA';
        server.groups[0].id = '0a70000000009AAA';
        server.groups[0].selectedMethodId = '2Dm-std-0a70000000009AAA';
        await harness.reload();
        expect(server.groups[0].shippingInstructions).toBe('Ring twice');
    });

    it('keeps nothing once the order is placed, and nothing when the shopper has nothing unsaved', async () => {
        const harness = await loadedTab();
        const { storage, store, clock } = harness;
        expect(storage?.items.has(KEY)).toBe(false);
        await refusedBySignedOut(harness, () => store.updateContact({ firstName: 'Ada' }));
        expect(JSON.parse(storage?.items.get(KEY) ?? 'null')).toMatchObject({
            edits: [['contact.firstName', 'Ada', null]]
        });
        store.retryFailed();
        await harness.idle();
        expect(storage?.items.has(KEY)).toBe(false);
        store.updatePayment({ purchaseOrderNumber: 'PO-1' });
        await harness.idle();
        expect(storage?.items.has(KEY)).toBe(true);
        expect((await clock.resolve(store.placeOrder())).outcome).toBe('success');
        await harness.idle();
        expect(storage?.items.has(KEY)).toBe(false);
    });

    it('ignores what it cannot read, and works without storage or with storage that throws', async () => {
        const broken = tabStorage();
        broken.items.set(KEY, '{"checkoutId":7,"edits":"boom"}');
        const harness = await loadedTab(broken);
        expect(harness.store.getSnapshot().edits).toEqual({});
        const none = await loadedTab(null);
        await refusedBySignedOut(none, () => none.store.updateContact({ firstName: 'Ada' }));
        await none.reload();
        expect(none.server.contactInfo?.firstName).toBeUndefined();
        const throwing = {
            ...tabStorage(),
            getItem: () => {
                throw new Error('blocked');
            },
            setItem: () => {
                throw new Error('quota');
            }
        };
        const blocked = await loadedTab(throwing);
        blocked.store.updateContact({ firstName: 'Ada' });
        await blocked.idle();
        expect(blocked.server.contactInfo?.firstName).toBe('Ada');
    });
});
