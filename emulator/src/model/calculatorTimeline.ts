/**
 * The calculator timeline. A write schedules its calculator steps (seeded durations and failures, drawn in
 * step order); every read settles the steps whose time has come, so answers depend only on the clock and the
 * seed, never on how often a client polls. A failure leaves its calculations due: the next write that triggers
 * any calculation runs them again, first (faults are rates, so that run usually recovers).
 */
import { CALCULATORS, type Calculator, type Faults } from '../faults';
import { PREFIX } from '../ids';
import { calculatePromotions, calculateShipping, calculateTax } from './calculators';
import { CALCULATOR_ERROR } from './errorCatalogue';
import type { Org } from './org';
import type { CheckoutState, Job, Step } from './records';

/** How long a phase takes this time: a seeded draw from its `processingMs` range, times `timeScale`. */
export function phaseDuration(org: Org, phase: keyof Faults['processingMs']): number {
    const [min, max] = org.faults().processingMs[phase];
    return org.calcRandom.between(min, max) * org.options.timeScale;
}

export function settleCheckout(org: Org, checkout: CheckoutState, now: number): void {
    const job = checkout.job;
    if (!job) return;
    while (job.applied < job.steps.length && job.steps[job.applied].endsAt <= now) {
        const step = job.steps[job.applied];
        job.applied++;
        const ok = step.fails
            ? failStep(org, checkout, job, step)
            : applyStep(org, checkout, job, step);
        if (!ok) {
            finishJob(org, checkout, job, step.endsAt, 'error');
            return;
        }
    }
    if (job.applied === job.steps.length)
        finishJob(org, checkout, job, job.steps[job.steps.length - 1].endsAt, 'ready');
}

function finishJob(
    org: Org,
    checkout: CheckoutState,
    job: Job,
    readyAt: number,
    outcome: 'ready' | 'error'
): void {
    checkout.job = null;
    org.history.push({
        checkoutId: checkout.id,
        kind: job.kind,
        calculators: job.steps.map((s) => s.calculator),
        startedAt: job.startedAt,
        readyAt,
        outcome
    });
    if (org.history.length > 1000) org.history.splice(0, org.history.length - 1000);
}

/**
 * Schedules the calculators a write triggered, with any a failure left due, in calculation order;
 * `triggeredGroupIds` are the groups whose shipping the write changed.
 */
export function startJob(
    org: Org,
    checkout: CheckoutState,
    kind: string,
    triggered: Calculator[],
    triggeredGroupIds: string[]
): void {
    if (triggered.length === 0) return;
    const due = checkout.due;
    const wanted = new Set([...due.calculators, ...triggered]);
    const calculators = CALCULATORS.filter((c) => wanted.has(c));
    const shippingGroupIds = wanted.has('shipping')
        ? [...new Set([...due.shippingGroupIds, ...triggeredGroupIds])]
        : [];
    checkout.due = { calculators: [], shippingGroupIds: [] };
    const startedAt = org.now();
    const failureRate = org.faults().calculatorFailureRate;
    let at = startedAt;
    const steps: Step[] = calculators.map((calculator) => {
        at += phaseDuration(org, calculator);
        return { calculator, endsAt: at, fails: org.calcRandom.chance(failureRate) };
    });
    checkout.jobErrors = [];
    for (const group of org.groupsById(checkout, shippingGroupIds)) group.errors = [];
    checkout.job = {
        id: org.ids.next(PREFIX.backgroundOperation),
        kind,
        startedAt,
        steps,
        applied: 0,
        shippingGroupIds
    };
}

function failStep(org: Org, checkout: CheckoutState, job: Job, step: Step): boolean {
    // Shipping's error belongs to the (first) group it failed for; the others' to the checkout.
    const instance =
        step.calculator === 'shipping' ? (job.shippingGroupIds[0] ?? checkout.id) : checkout.id;
    checkout.jobErrors = [{ ...CALCULATOR_ERROR[step.calculator], instance }];
    const undone = job.steps.slice(job.applied - 1).map((s) => s.calculator);
    checkout.due = {
        calculators: undone,
        shippingGroupIds: undone.includes('shipping') ? job.shippingGroupIds : []
    };
    if (step.calculator === 'shipping') {
        for (const group of org.groupsById(checkout, job.shippingGroupIds)) {
            group.methods = [];
            group.selectedMethodId = null;
        }
    }
    return false;
}

function applyStep(org: Org, checkout: CheckoutState, job: Job, step: Step): boolean {
    switch (step.calculator) {
        case 'inventory':
        case 'pricing':
            return true;
        case 'promotions':
            calculatePromotions(org, checkout);
            return true;
        case 'shipping': {
            let ok = true;
            for (const group of org.groupsById(checkout, job.shippingGroupIds)) {
                if (!calculateShipping(org, group)) ok = false;
            }
            return ok;
        }
        case 'tax':
            calculateTax(checkout);
            return true;
    }
}
