/**
 * The soak's verdict on made-up checkouts: each invariant fires on the case it names and stays quiet on a
 * clean checkout, judged from the intent log against the server's orders.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type {
    Checkout,
    CheckoutSnapshot,
    OrderResult
} from '../../force-app/main/default/lwc/checkoutStore/types';
import type { EmulatorState, OrderRecord } from '../lib/emulator';
import { labelText } from '../lib/invariants';
import { Journal } from '../lib/node-transport';
import type { SoakCheckoutRun } from '../lib/soak-checkout';
import { IntentLog } from '../lib/soak-intents';
import type { PricedCheckout } from '../lib/soak-totals';
import { judgeSoakCheckout } from '../lib/soak-verdict';

const ADDRESS = {
    firstName: 'Alan',
    lastName: 'Johnson',
    street: '415 Mission St',
    city: 'San Francisco',
    region: 'CA',
    postalCode: '94105',
    country: 'US'
};
const TWO_DAY = { id: '2Dm000000000002', name: 'Two-Day', shippingFee: '14.99' };

function checkout(instructions: string | null): Checkout {
    return {
        checkoutId: '2z9000000000001',
        contactInfo: { email: 'alan@example.com' },
        deliveryGroups: {
            count: 1,
            items: [
                {
                    id: '0a7000000000001',
                    isDefault: true,
                    deliveryAddress: { ...ADDRESS, id: '8lW000000000001' },
                    shippingInstructions: instructions,
                    availableDeliveryMethods: [TWO_DAY],
                    selectedDeliveryMethod: TWO_DAY
                }
            ]
        }
    };
}

function order(reference: string, payment: OrderRecord['payment'] = null): OrderRecord {
    return {
        source: 'commerce',
        checkoutId: '2z9000000000001',
        orderReferenceNumber: reference,
        grandTotalAmount: '155.50',
        placedAt: 0,
        payment
    };
}

const placed: OrderResult = {
    strategy: 'commerce',
    outcome: 'success',
    orderReferenceNumber: 'AAAAA',
    message: labelText('CheckoutKit_OrderPlaced')
};

/** A checkout the shopper finished: Two-Day, instructions "Ring twice", one order for 155.50. */
function run(
    changes: Partial<SoakCheckoutRun> = {},
    held = checkout('Ring twice')
): SoakCheckoutRun {
    const intents = new IntentLog();
    intents.record('tab1', 'shipping.deliveryAddress', ADDRESS);
    intents.record('tab1', 'shipping.deliveryMethod', 'Two-Day');
    intents.record('tab1', 'shipping.shippingInstructions', 'Ring twice');
    return {
        seed: 1,
        scenario: 'd2c-guest',
        timeScale: 1,
        rounds: 1,
        orders: [placed],
        intents,
        snapshots: new Map(),
        seen: [],
        journal: new Journal(),
        final: {
            checkoutId: held.checkoutId,
            checkout: held,
            orders: [order('AAAAA')]
        } as unknown as EmulatorState,
        serverLog: [],
        tabsOpened: 1,
        reloads: 0,
        offlineSpells: 0,
        reenteredAfterReload: 0,
        ...changes
    };
}

const cleanTotal = { total: async (_: PricedCheckout) => '155.50' };

async function counts(checkoutRun: SoakCheckoutRun): Promise<Record<string, number>> {
    const verdict = await judgeSoakCheckout(checkoutRun, cleanTotal);
    const found: Record<string, number> = {};
    for (const { invariant } of verdict.violations) found[invariant] = (found[invariant] ?? 0) + 1;
    return found;
}

test('a clean checkout breaks nothing', async () => {
    assert.deepEqual(await counts(run()), {});
});

test('an order placed without a field the shopper set is a lost edit', async () => {
    assert.deepEqual(await counts(run({}, checkout(null))), { lostEdits: 1 });
});

test('without an order, an edit the tab still shows failed with a label is kept, not lost', async () => {
    const snapshot = {
        deliveryGroups: [{ id: '0a7000000000001', isDefault: true, availableDeliveryMethods: [] }],
        edits: {
            'group.0a7000000000001.shippingInstructions': {
                status: 'failed',
                value: 'Ring twice',
                message: labelText('CheckoutKit_ErrorServer')
            }
        },
        validation: {},
        messages: [],
        placeOrderBlockers: []
    } as unknown as CheckoutSnapshot;
    const noOrder = (snapshots: Map<string, CheckoutSnapshot>) =>
        run(
            {
                orders: [],
                snapshots,
                final: {
                    checkoutId: '2z9000000000001',
                    checkout: checkout(null),
                    orders: []
                } as unknown as EmulatorState
            },
            checkout(null)
        );
    assert.deepEqual(await counts(noOrder(new Map([['tab1', snapshot]]))), { stuck: 1 });
    // The same edit with no trace on the page: silently dropped.
    assert.deepEqual(await counts(noOrder(new Map())), { lostEdits: 1, stuck: 1 });
});

test('an order whose total differs from the clean one is a wrong total', async () => {
    const dearer = { total: async () => '144.79' };
    const verdict = await judgeSoakCheckout(run(), dearer);
    assert.deepEqual(
        verdict.violations.map((violation) => violation.invariant),
        ['wrongTotals']
    );
    assert.match(verdict.violations[0].detail, /155\.50, clean total 144\.79/);
});

test('a second order for one checkout is a duplicate', async () => {
    const twice = run();
    twice.final.orders.push(order('BBBBB'));
    assert.deepEqual(await counts(twice), { duplicateOrders: 1 });
});

test("an order without the shopper's PO, or billed elsewhere, is a lost payment", async () => {
    const paying = (payment: OrderRecord['payment']) => {
        const checkoutRun = run();
        checkoutRun.intents.record('tab1', 'payment.purchaseOrderNumber', 'PO-1');
        checkoutRun.final.orders = [order('AAAAA', payment)];
        return checkoutRun;
    };
    const billedTo = (street: string) => ({
        requestType: 'SimplePurchaseOrder',
        paymentToken: 'PO-1',
        billingAddress: { ...ADDRESS, street }
    });
    assert.deepEqual(await counts(paying(billedTo(ADDRESS.street))), {});
    assert.deepEqual(await counts(paying(null)), { lostPayments: 1 });
    assert.deepEqual(await counts(paying(billedTo('1 Main St'))), { lostPayments: 1 });
});

test('a message that is no label is an unlabelled failure', async () => {
    const snapshot = {
        messages: [{ code: 'X', message: 'System.CalloutException: Read timed out' }],
        edits: {},
        payment: null
    } as unknown as CheckoutSnapshot;
    assert.deepEqual(await counts(run({ seen: [{ tab: 'tab1', snapshot }] })), {
        unlabelledFailures: 1
    });
});

test('a wait that never ended is stuck, even after an order', async () => {
    assert.deepEqual(await counts(run({ hung: 'tab1: whenIdle did not resolve' })), {
        stuck: 1
    });
});

test('an order the server placed is told when a tab shows it, even though no press answered success', async () => {
    const retryable: OrderResult = {
        ...placed,
        outcome: 'retryable',
        orderReferenceNumber: undefined
    };
    const shown = { order: placed, messages: [], edits: {}, placeOrderBlockers: ['complete'] };
    const notShown = { order: retryable, messages: [], edits: {}, placeOrderBlockers: [] };
    const tabs = (snapshot: unknown) => new Map([['tab1', snapshot as CheckoutSnapshot]]);
    assert.deepEqual(await counts(run({ orders: [retryable], snapshots: tabs(shown) })), {});
    assert.deepEqual(await counts(run({ orders: [retryable], snapshots: tabs(notShown) })), {
        stuck: 1
    });
});
