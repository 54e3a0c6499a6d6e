/**
 * The fault soak: seeded checkouts through the engine against the emulator with every fault knob on (the
 * emulator placing an order for every order POST), a scripted shopper (edits while processing, address
 * changes after the delivery method, a purchase-order payment, double clicks, a second tab in its own
 * realm, reloads after the session ended, the device offline and back), and the invariants judged after every
 * checkout.
 */
import type { Emulator, FaultSettings } from './emulator';
import type { Violation } from './invariants';
import { runSoakCheckout, type SoakCheckoutRun } from './soak-checkout';
import { ReferencePrices } from './soak-totals';
import { judgeSoakCheckout } from './soak-verdict';

export const SOAK_FAULTS: FaultSettings = {
    conflictRate: 0.08,
    serverErrorRate: 0.05,
    dropRate: 0.03,
    calculatorFailureRate: 0.05,
    sessionErrorRate: 0.2,
    lockRate: 0.03,
    authExpiryRate: 0.01,
    goneRate: 0.005,
    hangRate: 0.01,
    latencyMs: [20, 300]
};

/**
 * The engine's request timeout in the soak (its 20 s default scaled down with the rest): four times the
 * slowest round trip, so only a write that never answers reaches it.
 */
export const SOAK_REQUEST_TIMEOUT_MS = 4_000;

/** The invariants, in report order; each must be 0. */
export const INVARIANTS = [
    'lostEdits',
    'duplicateOrders',
    'forbiddenBodies',
    'overlappingWrites',
    'unlabelledFailures',
    'wrongTotals',
    'stuck',
    'lostPayments'
] as const;
export type Invariant = (typeof INVARIANTS)[number];

/** How many violations of each invariant the report keeps as samples. */
const SAMPLES_PER_INVARIANT = 10;

export interface SoakOptions {
    emulator: Emulator;
    checkouts: number;
    seed: number;
    /** The emulator's timeScale (it multiplies every delay): 0.05 runs 20× faster than real time. */
    timeScale: number;
    faults?: FaultSettings;
    scenarios?: string[];
    onCheckout?: (index: number, violations: Violation[], run: SoakCheckoutRun) => void;
}

export type SoakReport = { checkouts: number } & Record<Invariant, number> & {
        /** Up to SAMPLES_PER_INVARIANT violations of each invariant, with the checkout's seed. */
        samples: Partial<Record<Invariant, Array<{ seed: number; detail: string }>>>;
        ordersPlaced: number;
        /** Checkouts the shopper finished with a second tab, a reload, an offline spell. */
        secondTabs: number;
        reloads: number;
        offlineSpells: number;
        /** Values the shopper had to enter again after a reload (the rest came back from the tab's storage). */
        reenteredAfterReload: number;
        /** Rounds of "do what the page says, press Place Order" the placed orders took, by count. */
        roundsToOrder: Record<string, number>;
        /** Edits not on the server in a checkout without an order, still shown to the shopper. */
        keptEdits: number;
        requests: number;
        /** Faults the emulator injected (its request log's `fault` field), by kind. */
        faultsInjected: Record<string, number>;
        /** Calculator failures the clients saw (422 answers). */
        calculatorFailures: number;
        wallMs: number;
        settings: Record<string, unknown>;
    };

function emptyReport(options: SoakOptions, faults: FaultSettings): SoakReport {
    return {
        checkouts: 0,
        ...(Object.fromEntries(INVARIANTS.map((name) => [name, 0])) as Record<Invariant, number>),
        samples: {},
        ordersPlaced: 0,
        secondTabs: 0,
        reloads: 0,
        offlineSpells: 0,
        reenteredAfterReload: 0,
        roundsToOrder: {},
        keptEdits: 0,
        requests: 0,
        faultsInjected: {},
        calculatorFailures: 0,
        wallMs: 0,
        settings: {
            seed: options.seed,
            timeScale: options.timeScale,
            requestTimeoutMs: SOAK_REQUEST_TIMEOUT_MS,
            idempotentOrders: false,
            faults
        }
    };
}

const increment = (counts: Record<string, number>, key: string): void => {
    counts[key] = (counts[key] ?? 0) + 1;
};

export async function runSoak(options: SoakOptions): Promise<SoakReport> {
    const started = Date.now();
    const faults = options.faults ?? SOAK_FAULTS;
    const settings = {
        emulator: options.emulator,
        timeScale: options.timeScale,
        faults,
        scenarios: options.scenarios ?? ['d2c-guest', 'b2b-buyer'],
        requestTimeoutMs: SOAK_REQUEST_TIMEOUT_MS
    };
    const report = emptyReport(options, faults);
    const prices = new ReferencePrices();
    try {
        for (let index = 0; index < options.checkouts; index++) {
            const seed = options.seed + index;
            const run = await runSoakCheckout(settings, seed);
            const verdict = await judgeSoakCheckout(run, prices);
            report.checkouts++;
            if (verdict.ordered) {
                report.ordersPlaced++;
                increment(report.roundsToOrder, String(run.rounds));
            }
            if ([...run.snapshots.keys()].some((tab) => tab.startsWith('tab2')))
                report.secondTabs++;
            report.reloads += run.reloads;
            report.offlineSpells += run.offlineSpells;
            report.reenteredAfterReload += run.reenteredAfterReload;
            report.keptEdits += verdict.keptEdits;
            for (const violation of verdict.violations) {
                const invariant = violation.invariant as Invariant;
                report[invariant]++;
                const samples = (report.samples[invariant] ??= []);
                if (samples.length < SAMPLES_PER_INVARIANT)
                    samples.push({ seed, detail: violation.detail });
            }
            for (const request of run.serverLog) {
                report.requests++;
                if (request.fault) increment(report.faultsInjected, request.fault);
                if (request.status === 422) report.calculatorFailures++;
            }
            options.onCheckout?.(index, verdict.violations, run);
        }
    } finally {
        await prices.close();
    }
    report.wallMs = Date.now() - started;
    return report;
}
