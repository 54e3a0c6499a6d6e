/**
 * Golden sessions, part 1: shoppers getting to an order (guest, signed-in buyer, a burst of edits, custom
 * fields waiting for a carrier, two stores on one page, Industries CPQ). Failures are in
 * goldenFailureScenarios.ts. Each session is a realistic script on the fake clock; see goldenTrace.ts.
 */
import { readSessionContext } from '../../lwrContext';
import { createCheckoutStore } from '../../store';
import { SAMPLE_ADDRESS } from './fakeCheckout';
import type { GoldenSession } from './goldenTrace';

export const GROUP = '0a70000000000AAA';
export const SECOND_GROUP = '0a70000000001AAA';
export const standard = (groupId: string): string => `2Dm-std-${groupId}`;
export const express = (groupId: string): string => `2Dm-exp-${groupId}`;
export const MARKET_ST = { ...SAMPLE_ADDRESS, street: '1 Market St', postalCode: '94103' };
export const READY_GUEST = {
    withAddress: true,
    contactInfo: { email: 'ada@example.com', lastName: 'Lovelace' }
};

const guestCheckout: GoldenSession = {
    name: '01-guest-checkout',
    async run(trace) {
        const harness = trace.setup({ guest: true });
        const main = trace.shopper(harness.store, 'main');
        main.subscribe();
        const loading = main.load();
        await trace.wait(50);
        // Typed while the checkout is still loading: sent once it is ready.
        main.updateContact({ firstName: 'Ada', lastName: 'Lovelace' });
        await trace.settle(loading);
        await main.idle();
        // An invalid email is kept and shown, never sent; the order is refused meanwhile.
        main.updateContact({ email: 'ada@example' });
        await main.idle();
        await trace.settle(main.placeOrder());
        // The guest pair: contactInfo and deliveryAddress in one PATCH.
        main.updateContact({ email: 'ada@example.com' });
        main.updateShipping(GROUP, { deliveryAddress: SAMPLE_ADDRESS });
        await main.idle();
        main.selectDeliveryMethod(GROUP, express(GROUP));
        await main.idle();
        // A double click: one order, the same result twice.
        await trace.settle(Promise.all([main.placeOrder(), main.placeOrder()]));
        await trace.until('the Order id is learned', () => !!main.snapshot().order?.orderId);
        await trace.settle(main.placeOrder());
    }
};

const signedInBuyer: GoldenSession = {
    name: '02-signed-in-buyer',
    async run(trace) {
        const harness = trace.setup({
            guest: false,
            groups: 2,
            withAddress: true,
            contactInfo: { firstName: 'Alan', lastName: 'Johnson', email: 'alan@example.com' },
            processingMs: { start: 2500 },
            store: {
                language: 'en-US',
                resolveContext: () => readSessionContext(harness.server)
            }
        });
        const main = trace.shopper(harness.store, 'main');
        main.subscribe();
        const loading = main.load();
        await trace.wait(1000);
        // The shopper switches tabs: nothing listens, readiness polling pauses until a component returns.
        main.unsubscribe();
        await trace.wait(5000);
        main.subscribe();
        await trace.settle(loading);
        await main.idle();
        await trace.settle(main.loadAccountAddresses());
        main.selectDeliveryMethod(GROUP, express(GROUP));
        await main.idle();
        // A new address resets the method on the server; the shopper's choice is applied again.
        main.updateShipping(GROUP, { deliveryAddress: MARKET_ST });
        await main.idle();
        // Back to the saved account address, with a date and instructions: one shipping PATCH.
        const [saved] = main.snapshot().accountAddresses;
        main.updateShipping(GROUP, {
            deliveryAddress: saved,
            desiredDeliveryDate: '2030-05-28',
            shippingInstructions: 'Leave at reception'
        });
        await main.idle();
        // The second group goes through the cart delivery-group PATCH.
        main.updateShipping(SECOND_GROUP, { deliveryAddress: MARKET_ST });
        main.selectDeliveryMethod(SECOND_GROUP, express(SECOND_GROUP));
        // A buyer's contact carries the WebCart custom field.
        main.updateContact({ phoneNumber: '+14155550100' });
        main.updateCustomFields({ type: 'WebCart' }, { PoNumber__c: 'PO-2030-17' });
        await main.idle();
        // Express does not serve the next address: the method resets, and the shopper is told why.
        trace.serverDoes('Express withdrawn for the second group', () =>
            harness.server.withdrawnMethods.add(express(SECOND_GROUP))
        );
        main.updateShipping(SECOND_GROUP, { deliveryAddress: SAMPLE_ADDRESS });
        await main.idle();
        // The order waits for the shopper's own choice: the method the server picked is not it.
        await trace.settle(main.placeOrder());
        main.selectDeliveryMethod(SECOND_GROUP, standard(SECOND_GROUP));
        await main.idle();
        await trace.settle(main.placeOrder());
        await trace.until('the Order id is learned', () => !!main.snapshot().order?.orderId);
    }
};

const rapidEditBurst: GoldenSession = {
    name: '03-rapid-edit-burst',
    async run(trace) {
        const harness = trace.setup({ guest: true, groups: 2 });
        const main = trace.shopper(harness.store, 'main');
        main.subscribe();
        await trace.settle(main.load());
        await main.idle();
        // 20 address edits, 10 ms apart: merged, the last one wins.
        for (let i = 1; i <= 20; i += 1) {
            main.updateShipping(GROUP, {
                deliveryAddress: { ...SAMPLE_ADDRESS, street: `${i} Mission St` }
            });
            await trace.wait(10);
        }
        await main.idle();
        // 20 synchronous contact edits: one PATCH with the last values.
        for (let i = 1; i <= 20; i += 1) {
            main.updateContact({ firstName: `Ada${i}`, email: `ada${i}@example.com` });
        }
        await main.idle();
        // A change and its revert while the change is in flight: the revert is sent after it lands.
        main.updateContact({ email: 'ada@example.com' });
        await trace.wait(1);
        main.updateContact({ email: 'ada20@example.com' });
        await main.idle();
        // Back to the saved value before anything was sent: nothing is sent.
        main.updateContact({ firstName: 'Augusta' });
        main.updateContact({ firstName: 'Ada20' });
        await main.idle();
        // Every resource at once, with an invalid date first: one write in flight at a time, in order.
        main.updateShipping(GROUP, { desiredDeliveryDate: 'next tuesday' });
        main.updateShipping(GROUP, {
            desiredDeliveryDate: '2030-05-28',
            shippingInstructions: 'Gate code 1234'
        });
        main.selectDeliveryMethod(GROUP, express(GROUP));
        main.updateShipping(SECOND_GROUP, { deliveryAddress: SAMPLE_ADDRESS });
        main.selectDeliveryMethod(SECOND_GROUP, express(SECOND_GROUP));
        main.updateCustomFields({ type: 'WebCart' }, { MyCustomTextField__c: 'Foo' });
        main.updateCustomFields(
            { type: 'CartDeliveryGroup', groupId: SECOND_GROUP },
            { MyCustomNumberField__c: 4.55 }
        );
        await trace.wait(5);
        await main.idle();
        // A method the group does not offer is refused without a request; choosing the saved one clears it.
        main.selectDeliveryMethod(GROUP, '2Dm-unknown');
        await main.idle();
        // A group the checkout does not have (e.g. removed in another tab): the edit fails, nothing is sent.
        main.updateShipping('0a7000000000009AAA', { shippingInstructions: 'Side door' });
        await main.idle();
        main.selectDeliveryMethod(GROUP, express(GROUP));
        await main.idle();
        await trace.settle(main.placeOrder());
    }
};

const customFieldsWaiting: GoldenSession = {
    name: '10-custom-fields-waiting',
    async run(trace) {
        const harness = trace.setup({
            guest: true,
            store: {
                customFieldTypes: {
                    WebCart: { CostCenter__c: 'Text' },
                    CartDeliveryGroup: { DeliverBy__c: 'Date' }
                }
            }
        });
        const main = trace.shopper(harness.store, 'main');
        main.subscribe();
        await trace.settle(main.load());
        await main.idle();
        // Another store of the checkout (a second tab), headless: it never subscribes.
        const other = trace.shopper(harness.anotherStore(), 'other');
        await trace.settle(other.load());
        await other.idle();
        // No contact, address or method yet: nothing can carry custom fields, so they wait.
        main.updateCustomFields(
            { type: 'CartDeliveryGroup', groupId: GROUP },
            { DeliverBy__c: 'tomorrow', GiftMessage__c: 'Happy birthday' }
        );
        await main.idle();
        main.updateCustomFields(
            { type: 'CartDeliveryGroup', groupId: GROUP },
            { DeliverBy__c: '2030-06-01' }
        );
        main.updateCustomFields({ type: 'WebCart' }, { CostCenter__c: 'CC-42' });
        await main.idle();
        // Waiting, the checkout is read again on an interval, while someone listens.
        await trace.wait(3020);
        main.unsubscribe();
        await trace.wait(9000);
        // The other tab saves a contact, an address and a method meanwhile.
        other.updateContact({ email: 'ada@example.com', lastName: 'Lovelace' });
        other.updateShipping(GROUP, { deliveryAddress: SAMPLE_ADDRESS });
        await other.idle();
        other.selectDeliveryMethod(GROUP, express(GROUP));
        await other.idle();
        other.peek();
        main.subscribe();
        // The other store places the order: first this store reads the checkout and sends its fields.
        await trace.settle(other.placeOrder());
        other.peek();
        await trace.until('the Order id is learned', () => !!other.snapshot().order?.orderId);
        other.peek();
    }
};

const twoStoresOneOrder: GoldenSession = {
    name: '11-two-stores-one-order',
    async run(trace) {
        const harness = trace.setup(READY_GUEST);
        const main = trace.shopper(harness.store, 'main');
        main.subscribe();
        await trace.settle(main.load());
        await main.idle();
        const other = trace.shopper(harness.anotherStore(), 'other');
        other.subscribe();
        await trace.settle(other.load());
        await other.idle();
        other.updateShipping(GROUP, { shippingInstructions: 'Ring twice' });
        await other.idle();
        // Both instances submit at once, and the first is clicked twice: one order for all three.
        await trace.settle(Promise.all([main.placeOrder(), other.placeOrder(), main.placeOrder()]));
        await trace.until('the Order id is learned', () => !!main.snapshot().order?.orderId);
        await trace.settle(other.placeOrder());
        other.dispose();
        // A component torn down while its store still loads: the polling stops with it.
        const late = trace.shopper(harness.anotherStore(), 'late');
        late.subscribe();
        void late.load();
        await trace.wait(320);
        late.dispose();
        await trace.wait(5000);
        await trace.settle(main.placeOrder());
    }
};

const industriesCpq: GoldenSession = {
    name: '12-industries-cpq',
    async run(trace) {
        const harness = trace.setup({
            ...READY_GUEST,
            store: { cpq: { cartId: '801CPQ0000000001' } }
        });
        const { server } = harness;
        const main = trace.shopper(harness.store, 'main');
        main.subscribe();
        await trace.settle(main.load());
        await main.idle();
        await trace.until('the CPQ totals are read', () => !!main.snapshot().totals?.oneTimeTotal);
        await trace.settle(main.useCpqCart({ cartId: '801CPQ0000000002' }));
        const cpq = { strategy: 'cpq' as const };
        trace.serverDoes('CPQ checkout throws an AuraHandledException', () => {
            server.cpqRejection = {
                status: 500,
                body: { message: 'The cart is locked.', exceptionType: 'AuraHandledException' }
            };
        });
        await trace.settle(main.placeOrder(cpq));
        trace.serverDoes('CPQ checkout unreachable', () => {
            server.cpqRejection = new TypeError('Failed to fetch');
        });
        await trace.settle(main.placeOrder(cpq));
        trace.serverDoes('CPQ checkout answers SUBMIT-1004', () => {
            server.cpqRejection = null;
            server.cpqAnswer = {
                messages: [{ code: 'SUBMIT-1004', severity: 'ERROR', message: 'raw' }],
                records: []
            };
        });
        await trace.settle(main.placeOrder(cpq));
        trace.serverDoes('CPQ checkout creates an Order (Industries CPQ success shape)', () => {
            server.cpqAnswer = {
                totalSize: 1,
                records: [{ id: '801CPQ', objectType: 'Order' }],
                messages: []
            };
        });
        await trace.settle(Promise.all([main.placeOrder(cpq), main.placeOrder(cpq)]));
        await trace.settle(main.placeOrder(cpq));
        // A second store without a named CPQ cart: the WebCart is never submitted as one.
        const second = trace.shopper(
            createCheckoutStore({ ...harness.storeOptions(), cpq: undefined }),
            'second'
        );
        second.subscribe();
        await trace.settle(second.placeOrder({ strategy: 'cpq' }));
        // A third, headless store names its cart and is refused: final, never submitted again.
        const third = trace.shopper(harness.anotherStore(), 'third');
        await trace.settle(third.load());
        await trace.settle(third.useCpqCart({ cartId: '801CPQ0000000003' }));
        trace.serverDoes('CPQ checkout answers SUBMIT-1003', () => {
            server.cpqAnswer = {
                messages: [{ code: 'SUBMIT-1003', severity: 'ERROR', message: 'raw' }],
                records: []
            };
        });
        await trace.settle(third.placeOrder(cpq));
        await trace.settle(third.placeOrder(cpq));
        third.peek();
    }
};

export const ORDER_SESSIONS: GoldenSession[] = [guestCheckout, signedInBuyer, rapidEditBurst];
export const PAGE_SESSIONS: GoldenSession[] = [
    customFieldsWaiting,
    twoStoresOneOrder,
    industriesCpq
];
