import { DEFAULT_POLL_TUNING } from '../polling';
import type { Harness } from './support/fakeCheckout';
import { DEFAULT_GROUP, SAMPLE_ADDRESS, setup } from './support/fakeCheckout';

const FIELD = 'custom.WebCart.MyCustomTextField__c';
const WAITING = ['CUSTOM_FIELDS_WAITING', 'c.CheckoutKit_CustomFieldsWaiting'];

/**
 * A second store (a second tab) loaded before the checkout had a contact or an address: a WebCart custom field
 * set there has no carrier in its view of the checkout. The first store then saves contact, address and method.
 */
async function secondTabWithWaitingField() {
    const harness = await setup().loaded();
    const { clock, server } = harness;
    const second = harness.anotherStore();
    await clock.resolve(second.load());
    await clock.resolve(second.whenIdle());
    second.updateCustomFields({ type: 'WebCart' }, { MyCustomTextField__c: 'PO 4711' });
    await clock.resolve(second.whenIdle());
    const getsBefore = server.requestsOf('GET', `/checkouts/${server.checkoutId}`).length;
    return { ...harness, second, getsBefore };
}

async function firstTabCompletesCheckout(harness: Harness) {
    const { store } = harness;
    store.updateContact({ email: 'ada@example.com', lastName: 'Lovelace' });
    store.updateShipping(DEFAULT_GROUP, { deliveryAddress: SAMPLE_ADDRESS });
    await harness.idle();
    store.selectDeliveryMethod(DEFAULT_GROUP, `2Dm-exp-${DEFAULT_GROUP}`);
    await harness.idle();
}

const waitingMessages = (snapshot: {
    messages: readonly { code: string; message: string; field?: string }[];
}) =>
    snapshot.messages
        .filter((message) => message.field === FIELD)
        .map((message) => [message.code, message.message]);

describe('custom fields waiting for a carrier', () => {
    it('shows a waiting custom field with its labelled message, and blocks the order', async () => {
        const { second, server } = await secondTabWithWaitingField();
        const snapshot = second.getSnapshot();
        expect(server.patches).toHaveLength(0);
        expect(snapshot.edits[FIELD]).toEqual({
            status: 'pending',
            value: 'PO 4711',
            message: WAITING[1]
        });
        expect(waitingMessages(snapshot)).toEqual([WAITING]);
        expect(snapshot.placeOrderBlockers).toContain('pending-edits');
    });

    it('reads the checkout again and sends the field once another tab saved a carrier', async () => {
        const harness = await secondTabWithWaitingField();
        const { clock, server, second } = harness;
        await firstTabCompletesCheckout(harness);
        expect(server.webCartFields).toEqual({});
        await clock.advance(DEFAULT_POLL_TUNING.waitingReadMs);
        await clock.resolve(second.whenIdle());
        expect(server.webCartFields).toEqual({ MyCustomTextField__c: 'PO 4711' });
        expect(server.forbiddenBodies).toEqual([]);
        expect(second.getSnapshot().edits).toEqual({});
        expect(waitingMessages(second.getSnapshot())).toEqual([]);
    });

    it('sends the waiting field of another store on the page before the order goes out', async () => {
        const harness = await secondTabWithWaitingField();
        const { clock, server, store } = harness;
        await firstTabCompletesCheckout(harness);
        // No interval has passed: the order itself makes the waiting store read the checkout first.
        const result = await clock.resolve(store.placeOrder());
        expect(result.outcome).toBe('success');
        expect(server.webCartFields).toEqual({ MyCustomTextField__c: 'PO 4711' });
        const order = server.requests.findIndex((request) => request.path.endsWith('/orders'));
        const carrier = server.requests.findIndex(
            (request) =>
                request.method === 'PATCH' &&
                (request.body as { customFields?: unknown }).customFields !== undefined
        );
        expect(carrier).toBeGreaterThan(-1);
        expect(carrier).toBeLessThan(order);
    });

    it('reads the checkout before its own order and sends the waiting field first', async () => {
        const harness = await secondTabWithWaitingField();
        const { clock, server, second } = harness;
        await firstTabCompletesCheckout(harness);
        const result = await clock.resolve(second.placeOrder());
        expect(result.outcome).toBe('success');
        expect(server.webCartFields).toEqual({ MyCustomTextField__c: 'PO 4711' });
        expect(server.requestsOf('POST', '/orders')).toHaveLength(1);
    });

    it('reads a bounded number of times while nothing changes, and stops on dispose', async () => {
        const { clock, server, second, getsBefore } = await secondTabWithWaitingField();
        const gets = () => server.requestsOf('GET', `/checkouts/${server.checkoutId}`).length;
        // Each read is scheduled once the previous one was answered (20 ms round trip here).
        await clock.advance((DEFAULT_POLL_TUNING.waitingReadMs + 20) * 3);
        expect(gets() - getsBefore).toBe(3);
        expect(waitingMessages(second.getSnapshot())).toEqual([WAITING]);
        await clock.advance(
            DEFAULT_POLL_TUNING.waitingReadMs * (DEFAULT_POLL_TUNING.maxWaitingReads + 5)
        );
        expect(gets() - getsBefore).toBe(DEFAULT_POLL_TUNING.maxWaitingReads);
        second.updateCustomFields({ type: 'WebCart' }, { MyCustomTextField__c: 'PO 4712' });
        await clock.advance(DEFAULT_POLL_TUNING.waitingReadMs);
        expect(gets() - getsBefore).toBe(DEFAULT_POLL_TUNING.maxWaitingReads + 1);
        second.dispose();
        await clock.advance(DEFAULT_POLL_TUNING.waitingReadMs * 5);
        expect(gets() - getsBefore).toBe(DEFAULT_POLL_TUNING.maxWaitingReads + 1);
        expect(clock.pendingTimers).toBe(0);
    });

    it('does not read while its components are gone, and reads again when one subscribes', async () => {
        const harness = await setup().loaded();
        const { clock, server } = harness;
        const second = harness.anotherStore();
        const unsubscribe = second.subscribe(() => undefined);
        await clock.resolve(second.load());
        second.updateCustomFields({ type: 'WebCart' }, { MyCustomTextField__c: 'PO 4711' });
        await clock.resolve(second.whenIdle());
        unsubscribe();
        const gets = () => server.requestsOf('GET', `/checkouts/${server.checkoutId}`).length;
        const before = gets();
        await clock.advance(DEFAULT_POLL_TUNING.waitingReadMs * 3);
        expect(gets()).toBe(before + 1); // the read already scheduled while subscribed
        second.subscribe(() => undefined);
        await clock.advance(DEFAULT_POLL_TUNING.waitingReadMs);
        expect(gets()).toBe(before + 2);
    });
});
