/**
 * After one soak checkout: every invariant checked from the outside (the emulator's state and request log, the
 * clients' journal, what each tab shows), and how the checkout ended.
 */
import {
    forbiddenBodies,
    isLabelled,
    matchesIntent,
    overlappingWrites,
    serverTexts,
    serverValue,
    type Violation
} from './invariants';
import type { SoakCheckoutRun } from './soak-checkout';

export interface SoakCheckoutVerdict {
    violations: Violation[];
    ordered: boolean;
    /** Why a checkout ended without an order: the last order answer's outcome and the first error shown. */
    ending: string;
    /** Edits not on the server at the end but still shown (failed or waiting, value kept) in a checkout without an order. */
    keptEdits: number;
}

/** Every invariant, in report order, and how the checkout ended. */
export function judgeSoakCheckout(run: SoakCheckoutRun): SoakCheckoutVerdict {
    const { stuck, orders, snapshots, journal, serverLog } = run;
    const texts = serverTexts(journal.entries);
    const ordered = orders.some((order) => order.outcome === 'success');
    const lost = lostEdits(run, texts, ordered);
    return {
        violations: [
            ...forbiddenBodies(serverLog),
            ...overlappingWrites(journal.entries),
            ...lost.violations,
            ...duplicateOrders(run),
            ...unlabelledFailures(run, texts, ordered)
        ],
        ordered,
        ending: stuck
            ? 'stuck'
            : `${orders.at(-1)?.outcome ?? 'no order attempt'} / ${
                  snapshots.get('tab1')?.messages.find((message) => message.severity === 'error')
                      ?.code ?? 'no error shown'
              }`,
        keptEdits: lost.keptEdits
    };
}

/**
 * Lost edits: the server must hold the last intent, or the tab must still show it (failed or waiting, value
 * kept) while no order went out without it.
 */
function lostEdits(
    { scenario, intents, snapshots, final }: SoakCheckoutRun,
    texts: ReadonlySet<string>,
    ordered: boolean
): { violations: Violation[]; keptEdits: number } {
    const violations: Violation[] = [];
    let keptEdits = 0;
    for (const [field, intent] of intents) {
        const actual = serverValue(final.checkout, field);
        if (matchesIntent(field, intent.value, actual)) continue;
        const snapshot = snapshots.get(intent.tab);
        const edit = snapshot?.edits[field];
        const kept = edit !== undefined && matchesIntent(field, intent.value, edit.value);
        const validated = Object.keys(snapshot?.validation ?? {}).some((key) =>
            key.startsWith(field)
        );
        // Kept means still on screen: failed with a labelled message (the shopper was told), or still waiting
        // in a checkout that placed no order without it.
        const toldFailed = kept && edit.status === 'failed' && isLabelled(edit.message, texts);
        if (toldFailed || ((kept || validated) && !ordered)) {
            keptEdits++;
            continue;
        }
        violations.push({
            invariant: 'lostEdits',
            detail: `${scenario} ${field}: wanted ${JSON.stringify(intent.value)}, server has ${JSON.stringify(actual)}, ${intent.tab} shows ${JSON.stringify(edit ?? null)} with messages [${snapshot?.messages.map((message) => message.code).join(', ')}]${ordered ? ', order placed' : ''}`
        });
    }
    return { violations, keptEdits };
}

/** At most one order per checkout: on the server, and in the references the clicks got back. */
function duplicateOrders({ orders, final }: SoakCheckoutRun): Violation[] {
    const violations: Violation[] = [];
    const references = new Set(
        orders.flatMap((order) => (order.orderReferenceNumber ? [order.orderReferenceNumber] : []))
    );
    if (final.orders.length > 1 || references.size > 1) {
        violations.push({
            invariant: 'duplicateOrders',
            detail: `${final.orders.length} orders on the server, ${references.size} references seen`
        });
    }
    return violations;
}

/** Failures must be shown with a labelled message: failed edits, failed orders, and every error message shown. */
function unlabelledFailures(
    { scenario, stuck, orders, snapshots }: SoakCheckoutRun,
    texts: ReadonlySet<string>,
    ordered: boolean
): Violation[] {
    const violations: Violation[] = [];
    for (const [tab, snapshot] of snapshots) {
        for (const [field, edit] of Object.entries(snapshot.edits)) {
            if (edit.status === 'failed' && !isLabelled(edit.message, texts)) {
                violations.push({
                    invariant: 'unlabelledFailures',
                    detail: `${tab} ${field} failed with ${JSON.stringify(edit.message)}`
                });
            }
        }
        for (const message of snapshot.messages) {
            if (!isLabelled(message.message, texts)) {
                violations.push({
                    invariant: 'unlabelledFailures',
                    detail: `${tab} message ${message.code}: ${JSON.stringify(message.message)}`
                });
            }
        }
    }
    for (const order of orders) {
        if (order.outcome !== 'success' && !isLabelled(order.message, texts)) {
            violations.push({
                invariant: 'unlabelledFailures',
                detail: `order ${order.outcome}: ${JSON.stringify(order.message)}`
            });
        }
    }
    if (!ordered && !stuck) {
        const shown = [...snapshots.values()].some((snapshot) =>
            snapshot.messages.some(
                (message) => message.severity === 'error' && isLabelled(message.message, texts)
            )
        );
        const told = orders.some(
            (order) => order.outcome !== 'success' && isLabelled(order.message, texts)
        );
        if (!shown && !told) {
            violations.push({
                invariant: 'unlabelledFailures',
                detail: `${scenario}: no order and no labelled error`
            });
        }
    }
    return violations;
}
