/**
 * The checkout's calculations (shipping, tax, pricing with promotions, inventory): which failed, and the write
 * that runs a failed one again. The platform reports a failure in the answers after the run that failed; a
 * later run of other calculators clears `errors` without running the failed one again (pricing runs only at a
 * start). So a failure is kept until a run of that calculation succeeds, and no order is placed on totals a
 * failed calculation left stale (docs/contract-decisions.md, "Calculations").
 */
import { calculationOf, readRefusal } from './answers';
import { defaultGroupOf, findGroup } from './checkoutState';
import type { EngineContext, PlannedWrite } from './context';
import { addressInput } from './fields';
import * as labels from './labels';
import { newWrite } from './writeBody';
import type { Calculation, CalculationFailure, CheckoutError, OperationKind } from './types';

/** What each operation runs (contract §1.4 rule 9; a start always runs pricing, promotions and inventory). */
const RUNS: Partial<Record<OperationKind, Calculation[]>> = {
    start: ['pricing', 'inventory'],
    startWithAddress: ['pricing', 'inventory', 'shipping', 'tax'],
    shipping: ['shipping', 'tax'],
    deliveryMethod: ['tax']
};

const keyOf = (failure: Pick<CalculationFailure, 'calculation' | 'groupId'>): string =>
    `${failure.calculation}|${failure.groupId ?? ''}`;

/**
 * Takes in a settled answer of `kind` (for the delivery group `groupId`): what it ran and did not report as
 * failed succeeded; what the answer reports failed.
 */
export function recordCalculations(
    ctx: EngineContext,
    kind: OperationKind,
    groupId?: string
): void {
    const ran = RUNS[kind] ?? [];
    for (const [key, failure] of ctx.failedCalculations) {
        const sameGroup = !groupId || !failure.groupId || failure.groupId === groupId;
        if (ran.includes(failure.calculation) && sameGroup) ctx.failedCalculations.delete(key);
    }
    const report = (error: CheckoutError, inGroup?: string): void => {
        const calculation = calculationOf(error.type);
        if (!calculation) return;
        const failure: CalculationFailure = {
            calculation,
            message: readRefusal(error, labels.errorCalculation).message
        };
        if (inGroup) failure.groupId = inGroup;
        ctx.failedCalculations.set(keyOf(failure), failure);
    };
    ctx.checkout?.errors?.forEach((error) => report(error));
    for (const group of ctx.checkout?.deliveryGroups.items ?? []) {
        group.errors?.forEach((error) => report(error, group.id));
    }
}

/** Asks the write queue to run every failed calculation again. */
export function requestRecalculation(ctx: EngineContext): void {
    for (const key of ctx.failedCalculations.keys()) ctx.recalculations.add(key);
}

/**
 * The next recalculation to run, as the write of fewest side effects that runs it: pricing and inventory
 * only run at a start (`'start'`: the caller starts again); shipping runs again when the group's address is
 * sent again; tax when its delivery method is (else its address). Null when none is left to run.
 */
export function nextRecalculation(ctx: EngineContext): PlannedWrite | 'start' | null {
    for (const key of ctx.recalculations) {
        ctx.recalculations.delete(key);
        const failure = ctx.failedCalculations.get(key);
        if (!failure) continue;
        if (failure.calculation === 'pricing' || failure.calculation === 'inventory')
            return 'start';
        const write = recalculationWrite(ctx, failure);
        if (write) return write;
    }
    return null;
}

function recalculationWrite(ctx: EngineContext, failure: CalculationFailure): PlannedWrite | null {
    const checkout = ctx.checkout;
    if (!checkout) return null;
    const group = findGroup(checkout, failure.groupId) ?? defaultGroupOf(checkout);
    if (!group) return null;
    const input = {
        checkout,
        checkoutId: ctx.checkoutId,
        isGuest: ctx.isGuest,
        pending: new Map()
    };
    const resource = group.id === defaultGroupOf(checkout)?.id ? 'checkout' : 'deliveryGroup';
    const methodId = group.selectedDeliveryMethod?.id;
    if (failure.calculation === 'tax' && methodId) {
        const write = newWrite(input, 'deliveryMethod', resource, group.id);
        write.body = { deliveryMethodId: methodId };
        return write;
    }
    if (!group.deliveryAddress) return null;
    const write = newWrite(input, 'shipping', resource, group.id);
    write.body = { deliveryAddress: addressInput(group.deliveryAddress) };
    return write;
}
