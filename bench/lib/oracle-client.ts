/**
 * The oracle as a strategy: the scripted checkout, waiting on the schedules `oracle.ts` derives from the true
 * duration distribution of each wait under the run's latency model, for a given number of polls per wait.
 */
import type { Calculator } from '../../emulator/src/faults';
import { timedWaiter, type WaitKind, type Waiter } from './baselines';
import { calculatorRanges, type LatencyModel } from './latency';
import {
    atLeastZero,
    avoidableLag,
    convolve,
    mixture,
    plansForPollBudget,
    quantile,
    sumOf,
    uniform,
    type Distribution,
    type MixedPlan
} from './oracle';
import type { Random } from './random';

/** The calculators each write runs in the emulator (`checkoutStart.ts`, `checkoutWrites.ts`), in order. */
const CALCULATORS: Partial<Record<WaitKind, Calculator[]>> = {
    start: ['inventory', 'pricing', 'promotions'],
    startWithAddress: ['inventory', 'pricing', 'promotions', 'shipping', 'tax'],
    shipping: ['shipping', 'tax'],
    deliveryMethod: ['tax']
};

/** The waits of one scripted checkout: the start (a buyer's has a saved address), the address, the method. */
export function checkoutWaits(buyer: boolean): WaitKind[] {
    return [buyer ? 'startWithAddress' : 'start', 'shipping', 'deliveryMethod'];
}

/** Grid of the discretised distributions, in ms. */
const GRID_MS = 5;

/**
 * When, after the write's answer, a GET sent would first see the result: X = D − Lw/2 − Lg/2 (see oracle.ts),
 * D the sum of the write's calculator durations, Lw and Lg round trips.
 */
export function waitDistribution(kind: WaitKind, latency: LatencyModel): Distribution {
    const ranges = calculatorRanges(latency);
    const [fastest, slowest] = latency.latencyMs;
    const halfTripEarlier = uniform(-slowest / 2, -fastest / 2, GRID_MS);
    const durations = (CALCULATORS[kind] ?? []).map((calculator) =>
        uniform(...ranges[calculator], GRID_MS)
    );
    return atLeastZero(sumOf([...durations, halfTripEarlier, halfTripEarlier]));
}

export interface OraclePlan {
    /** The polls per wait the oracle was given (the engine's in the same scenario). */
    pollsPerWait: number;
    plans: Partial<Record<WaitKind, MixedPlan>>;
    /** What the model predicts for these schedules (no run-to-run noise): polls per wait, lag percentiles. */
    model: { pollsPerWait: number; lagP50Ms: number; lagP95Ms: number };
}

/** The oracle's schedules for one scenario's waits at `pollsPerWait` polls per wait, and their predicted lag. */
export function planOracle(
    buyer: boolean,
    latency: LatencyModel,
    pollsPerWait: number
): OraclePlan {
    const kinds = checkoutWaits(buyer);
    const waits = Object.fromEntries(
        kinds.map((kind) => [kind, waitDistribution(kind, latency)])
    ) as Record<WaitKind, Distribution>;
    const plans = plansForPollBudget(waits, pollsPerWait);
    // Lag as the bench measures it: the avoidable part plus the deciding GET's return leg.
    const returnLeg = uniform(latency.latencyMs[0] / 2, latency.latencyMs[1] / 2, GRID_MS);
    const weighted = kinds.flatMap((kind) => {
        const { denser, sparser, denserShare } = plans[kind];
        return [
            { plan: denser, weight: denserShare / kinds.length, kind },
            { plan: sparser, weight: (1 - denserShare) / kinds.length, kind }
        ];
    });
    const lag = mixture(
        weighted.map(({ plan, weight, kind }) => ({
            dist: convolve(avoidableLag(waits[kind], plan.offsets), returnLeg),
            weight
        }))
    );
    const predictedPolls = weighted.reduce(
        (sum, { plan, weight }) => sum + weight * plan.expectedPolls,
        0
    );
    return {
        pollsPerWait,
        plans,
        model: {
            pollsPerWait: predictedPolls,
            lagP50Ms: quantile(lag, 0.5),
            lagP95Ms: quantile(lag, 0.95)
        }
    };
}

/** The oracle's waiter: per wait, the denser or the sparser schedule of its kind, drawn with the plan's share. */
export function oracleWaiter(oracle: OraclePlan, random: Random, timeScale: number): Waiter {
    return timedWaiter((kind) => {
        const plan = oracle.plans[kind];
        if (!plan) return [];
        return (random() < plan.denserShare ? plan.denser : plan.sparser).offsets;
    }, timeScale);
}
