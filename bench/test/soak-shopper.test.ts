/**
 * The soak's shopper writes its intent log from its own choices: pressing "Try again" adds nothing to it, a
 * reload enters again (from the log) only what the page lost, and it does what the page's messages say.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type {
    CheckoutSnapshot,
    CheckoutStore
} from '../../force-app/main/default/lwc/checkoutStore/types';
import { labelText } from '../lib/invariants';
import { seededRandom } from '../lib/random';
import type { SoakTab } from '../lib/soak-page';
import { Shopper } from '../lib/soak-shopper';

const GROUP = '0a7000000000001';
const METHODS = [
    { id: '2Dm000000000001', name: 'Standard Ground', shippingFee: '7.99' },
    { id: '2Dm000000000002', name: 'Two-Day', shippingFee: '14.99' }
];

/** A page as the shopper reads it: one delivery group, Standard Ground selected, `changes` laid over. */
function page(changes: Partial<CheckoutSnapshot> = {}): CheckoutSnapshot {
    return {
        contactInfo: {},
        deliveryGroups: [
            {
                id: GROUP,
                isDefault: true,
                availableDeliveryMethods: METHODS,
                selectedDeliveryMethodId: METHODS[0].id,
                shippingInstructions: null,
                requiresShipping: true
            }
        ],
        edits: {},
        validation: {},
        messages: [],
        placeOrderBlockers: [],
        failedCalculations: [],
        payment: null,
        accountAddresses: [],
        checkout: null,
        ...changes
    } as unknown as CheckoutSnapshot;
}

/** A store that records the intents it is given and shows `snapshot`. */
function tab(snapshot: CheckoutSnapshot): SoakTab & { calls: string[] } {
    const calls: string[] = [];
    const record =
        (name: string) =>
        (...args: unknown[]) => {
            calls.push(`${name} ${JSON.stringify(args)}`);
        };
    const store = {
        getSnapshot: () => snapshot,
        updateContact: record('updateContact'),
        updateShipping: record('updateShipping'),
        selectDeliveryMethod: record('selectDeliveryMethod'),
        updateCustomFields: record('updateCustomFields'),
        updatePayment: record('updatePayment'),
        retryFailed: record('retryFailed'),
        retryCalculation: record('retryCalculation')
    } as unknown as CheckoutStore;
    return { name: 'tab1', base: 'tab1', store, calls };
}

const shopper = () => new Shopper(seededRandom(1), 0, false);

test('"Try again" on a failed edit sends the kept value again and writes no intent', () => {
    const buyer = shopper();
    const failed = page({
        edits: {
            [`group.${GROUP}.shippingInstructions`]: {
                status: 'failed',
                value: 'what the store kept',
                message: labelText('CheckoutKit_ErrorServer')
            }
        }
    });
    const open = tab(failed);
    buyer.enter(open, 'shipping.shippingInstructions', 'Ring twice');
    assert.equal(buyer.react(open, failed), 'acted');
    assert.deepEqual(open.calls.at(-1), 'retryFailed []');
    assert.deepEqual(
        buyer.intents.entries.map((entry) => entry.value),
        ['Ring twice']
    );
});

test('a failed calculation is run again with its Try again', () => {
    const failed = page({
        failedCalculations: [{ calculation: 'tax', message: 'x' }]
    });
    const open = tab(failed);
    assert.equal(shopper().react(open, failed), 'acted');
    assert.deepEqual(open.calls, ['retryCalculation []']);
});

test('an ended session means a reload; a method reset means choosing it again', () => {
    const signedOut = page({
        messages: [
            {
                id: '1',
                severity: 'error',
                scope: 'checkout',
                code: 'SITE_SESSION_ENDED',
                message: labelText('CheckoutKit_ErrorSignedOut')
            }
        ]
    });
    assert.equal(shopper().react(tab(signedOut), signedOut), 'reload');
    const reset = page({
        messages: [
            {
                id: '2',
                severity: 'info',
                scope: 'deliveryMethod',
                code: `DELIVERY_METHOD_RESET|${GROUP}`,
                message: labelText('CheckoutKit_DeliveryMethodReset')
            }
        ]
    });
    const buyer = shopper();
    const open = tab(reset);
    buyer.enter(open, 'shipping.deliveryMethod', 'Two-Day');
    buyer.react(open, reset);
    assert.equal(open.calls.at(-1), `selectDeliveryMethod ["${GROUP}","${METHODS[1].id}"]`);
    assert.equal(buyer.intents.entries.at(-1)?.again, true);
});

test('after a reload the shopper enters again what the page lost, from the log', () => {
    const buyer = shopper();
    const before = tab(page());
    buyer.enter(before, 'shipping.shippingInstructions', 'Ring twice');
    buyer.enter(before, 'payment.purchaseOrderNumber', 'PO-1');
    buyer.enter(before, 'shipping.deliveryMethod', 'Standard Ground');
    // The reloaded page still has the method (saved) but neither the instructions nor the payment.
    const reloaded = tab(page());
    buyer.reenter(reloaded, reloaded.store.getSnapshot());
    buyer.reenterMethod(reloaded, reloaded.store.getSnapshot());
    assert.deepEqual(reloaded.calls, [
        `updateShipping ["${GROUP}",{"shippingInstructions":"Ring twice"}]`,
        'updatePayment [{"purchaseOrderNumber":"PO-1","billingAddress":"shipping"}]'
    ]);
});
