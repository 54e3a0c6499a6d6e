/**
 * After one soak checkout: every invariant, judged from the shopper's intent log against what the server
 * holds (its orders, its checkout, its request log), what the clients sent (the journal) and what the tabs
 * showed. Definitions: README "The soak".
 */
import type { Checkout } from '../../force-app/main/default/lwc/checkoutStore/types';
import type { OrderRecord } from './emulator';
import { forbiddenBodies, isLabelled, overlappingWrites, type Violation } from './invariants';
import { defaultGroup } from './shopper';
import { MAX_ROUNDS, type SoakCheckoutRun } from './soak-checkout';
import {
    checkoutValue,
    sameAddress,
    sameAsIntent,
    unsavedEdit,
    type IntentEntry
} from './soak-intents';
import type { ReferencePrices } from './soak-totals';

/** Where a clean total comes from (soak-totals.ts; a stand-in in tests). */
export type CleanTotals = Pick<ReferencePrices, 'total'>;

export interface SoakCheckoutVerdict {
    violations: Violation[];
    /** The server holds an order for this checkout. */
    ordered: boolean;
    /** Edits not on the server at the end but still shown (unsaved, or failed with a label), no order placed. */
    keptEdits: number;
}

/** The checkout an order was placed on, as the server holds it (an ordered checkout can't change). */
function orderedCheckout(run: SoakCheckoutRun, order: OrderRecord): Checkout | null {
    return run.final.checkoutId === order.checkoutId ? (run.final.checkout ?? null) : null;
}

export async function judgeSoakCheckout(
    run: SoakCheckoutRun,
    prices: CleanTotals
): Promise<SoakCheckoutVerdict> {
    const ordered = run.final.orders.length > 0;
    const lost = lostEdits(run);
    return {
        violations: [
            ...forbiddenBodies(run.serverLog),
            ...overlappingWrites(run.journal.entries),
            ...lost.violations,
            ...duplicateOrders(run),
            ...unlabelledFailures(run),
            ...(await wrongTotals(run, prices)),
            ...stuck(run),
            ...lostPayments(run)
        ],
        ordered,
        keptEdits: lost.keptEdits
    };
}

const show = (value: unknown): string => JSON.stringify(value ?? null);

/**
 * Lost edits, for every field the shopper set (its last entry): with an order, the order's checkout holds
 * it; without one, the server holds it, or the tab it was last entered in still shows it unsaved (waiting, or
 * failed with a labelled message).
 */
function lostEdits(run: SoakCheckoutRun): { violations: Violation[]; keptEdits: number } {
    const violations: Violation[] = [];
    let keptEdits = 0;
    const order = run.final.orders[0];
    const lose = (entry: IntentEntry, why: string): void => {
        violations.push({
            invariant: 'lostEdits',
            detail: `${run.scenario} ${entry.field}: wanted ${show(entry.value)} (${entry.tab}), ${why}`
        });
    };
    for (const [field, entry] of run.intents.last()) {
        if (field === 'payment.purchaseOrderNumber') continue; // lostPayments
        if (order) {
            const actual = checkoutValue(orderedCheckout(run, order), field);
            if (!sameAsIntent(field, entry.value, actual))
                lose(entry, `the order was placed with ${show(actual)}`);
            continue;
        }
        const actual = checkoutValue(run.final.checkout, field);
        if (sameAsIntent(field, entry.value, actual)) continue;
        const snapshot = run.snapshots.get(entry.tab);
        const edit = snapshot && unsavedEdit(snapshot, field);
        const kept = edit !== undefined && sameAsIntent(field, entry.value, edit.value);
        if (kept && (edit.status !== 'failed' || isLabelled(edit.message))) {
            keptEdits++;
            continue;
        }
        lose(
            entry,
            `no order; the server has ${show(actual)}, the tab shows ${show(edit)}${snapshot ? '' : ' (closed)'}`
        );
    }
    return { violations, keptEdits };
}

/**
 * Duplicate orders: every order beyond the first (the emulator places one per order POST that reaches it),
 * and click answers naming more than one order reference.
 */
function duplicateOrders(run: SoakCheckoutRun): Violation[] {
    const references = new Set(run.orders.flatMap((order) => order.orderReferenceNumber ?? []));
    const extra = Math.max(run.final.orders.length - 1, references.size > 1 ? 1 : 0);
    if (extra === 0) return [];
    const origin = run.journal.entries[0]?.sentAt ?? 0;
    const posts = run.journal.entries
        .filter((entry) => entry.method === 'POST' && entry.path.endsWith('/orders'))
        .map(
            (entry) =>
                `${entry.client} +${Math.round(entry.sentAt - origin)}ms → ${entry.status ?? entry.error}`
        );
    const faults = run.serverLog
        .filter((request) => request.method === 'POST' && request.path.endsWith('/orders'))
        .map((request) => `${request.status}${request.fault ? ` ${request.fault}` : ''}`);
    const detail = `${run.final.orders.length} orders, ${references.size} references seen; order POSTs [${posts.join('; ')}], the server answered [${faults.join('; ')}]`;
    return Array.from({ length: extra }, () => ({ invariant: 'duplicateOrders', detail }));
}

/**
 * Every message the shopper was shown along the way (in every tab and reload), every failed edit's and
 * payment's message, and every failed order answer is a Custom Label or an allowed server text.
 */
function unlabelledFailures(run: SoakCheckoutRun): Violation[] {
    const shown = new Map<string, string>();
    for (const { tab, snapshot } of run.seen) {
        for (const message of snapshot.messages)
            shown.set(message.message, `${tab} ${message.code}`);
        for (const [key, edit] of Object.entries(snapshot.edits)) {
            if (edit.status === 'failed') shown.set(edit.message ?? '', `${tab} ${key} failed`);
        }
        if (snapshot.payment?.status === 'failed')
            shown.set(snapshot.payment.message ?? '', `${tab} payment failed`);
    }
    for (const order of run.orders) {
        if (order.outcome !== 'success') shown.set(order.message, `order ${order.outcome}`);
    }
    return [...shown]
        .filter(([text]) => !isLabelled(text))
        .map(([text, where]) => ({
            invariant: 'unlabelledFailures',
            detail: `${where}: ${show(text)}`
        }));
}

/** Every order's total is the clean total of its cart, address and delivery method (soak-totals.ts). */
async function wrongTotals(run: SoakCheckoutRun, prices: CleanTotals): Promise<Violation[]> {
    const violations: Violation[] = [];
    for (const order of run.final.orders) {
        const group = defaultGroup(orderedCheckout(run, order)?.deliveryGroups.items ?? []);
        const address = group?.deliveryAddress;
        const methodName = group?.selectedDeliveryMethod?.name;
        let expected: string;
        try {
            if (!address || !methodName) throw new Error('its checkout has no address or method');
            expected = await prices.total({ scenario: run.scenario, address, methodName });
        } catch (error) {
            expected = `unknown (${error instanceof Error ? error.message : String(error)})`;
        }
        if (order.grandTotalAmount !== expected) {
            violations.push({
                invariant: 'wrongTotals',
                detail: `${run.scenario} order ${order.orderReferenceNumber}: ${order.grandTotalAmount}, clean total ${expected} (${methodName} to ${address?.postalCode} ${address?.country})`
            });
        }
    }
    return violations;
}

/**
 * Stuck: the shopper could not place the order within the bound: a wait that never ended, or no order
 * after MAX_ROUNDS rounds of doing what the page said and pressing Place Order (every checkout in the soak
 * can be placed: its addresses are deliverable and no fault lasts).
 */
function stuck(run: SoakCheckoutRun): Violation[] {
    if (run.hung) return [{ invariant: 'stuck', detail: `${run.scenario}: ${run.hung}` }];
    // Told by a Place Order answer, or by a tab showing the order (its confirmation, after a lost answer).
    const confirmed =
        run.orders.some((order) => order.outcome === 'success') ||
        [...run.snapshots.values()].some((snapshot) => snapshot.order?.outcome === 'success');
    if (confirmed && run.final.orders.length > 0) return [];
    const last = [...run.snapshots].map(([tab, snapshot]) => {
        const messages = snapshot.messages.map(
            (message) => `${message.code}${isLabelled(message.message) ? '' : ' (unlabelled)'}`
        );
        return `${tab} [${messages.join(', ')}] blockers [${snapshot.placeOrderBlockers.join(', ')}]`;
    });
    const what = confirmed
        ? 'an order was confirmed but the server has none'
        : run.final.orders.length > 0
          ? 'the server placed an order the shopper was never told of'
          : `no order after ${MAX_ROUNDS} rounds`;
    return [
        {
            invariant: 'stuck',
            detail: `${run.scenario}: ${what}; last answer ${run.orders.at(-1)?.outcome ?? 'none'}; ${last.join('; ')}`
        }
    ];
}

/**
 * Lost payments: an order placed without the shopper's last purchase-order number, or billed to another
 * address than the order's shipping address (the shopper chose "same as shipping").
 */
function lostPayments(run: SoakCheckoutRun): Violation[] {
    const intent = run.intents.last().get('payment.purchaseOrderNumber');
    if (!intent) return [];
    return run.final.orders.flatMap((order) => {
        const shipping = defaultGroup(
            orderedCheckout(run, order)?.deliveryGroups.items ?? []
        )?.deliveryAddress;
        const paid = order.payment;
        const billedRight = !!paid && sameAddress(shipping, paid.billingAddress);
        if (paid?.paymentToken === intent.value && billedRight) return [];
        return [
            {
                invariant: 'lostPayments',
                detail: `${run.scenario} order ${order.orderReferenceNumber}: wanted ${show(intent.value)} billed to the shipping address, the order has ${show(paid)} (shipping to ${show(shipping)})`
            }
        ];
    });
}
