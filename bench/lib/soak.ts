/**
 * The fault soak: seeded checkouts through the engine against the emulator with every fault knob on, random
 * shopper behaviour (edits while processing, address changes after the delivery method, double clicks on place
 * order, a second tab), and the invariants checked after every checkout.
 */
import { loadEngine } from './engine';
import type { Emulator, FaultSettings } from './emulator';
import type { Violation } from './invariants';
import type { Journal } from './node-transport';
import { runSoakCheckout } from './soak-checkout';
import { judgeSoakCheckout } from './soak-verdict';

export const SOAK_FAULTS: FaultSettings = {
    conflictRate: 0.08,
    serverErrorRate: 0.05,
    dropRate: 0.03,
    calculatorFailureRate: 0.05,
    sessionErrorRate: 0.2,
    lockRate: 0.03,
    latencyMs: [20, 300]
};

export interface SoakOptions {
    emulator: Emulator;
    checkouts: number;
    seed: number;
    /** The emulator's timeScale (it multiplies every delay): 0.05 runs 20× faster than real time. */
    timeScale: number;
    faults?: FaultSettings;
    scenarios?: string[];
    onCheckout?: (index: number, violations: Violation[], journal: Journal) => void;
}

export interface SoakReport {
    checkouts: number;
    lostEdits: number;
    duplicateOrders: number;
    forbiddenBodies: number;
    overlappingWrites: number;
    unlabelledFailures: number;
    /** Checkouts that did not settle within the time limit. */
    stuckCheckouts: number;
    ordersPlaced: number;
    /** Checkouts that ended without an order, each with a labelled message (the faults made them fail). */
    failedCheckouts: number;
    /** Those checkouts by how they ended: order outcome / first error code shown. */
    endings: Record<string, number>;
    secondTabs: number;
    /** Edits not on the server at the end but still shown (failed or waiting, value kept) in a checkout without an order. */
    keptEdits: number;
    requests: number;
    /** Faults the emulator injected (its request log's `fault` field), by kind. */
    faultsInjected: Record<string, number>;
    /** Calculator failures the clients saw (422 answers). */
    calculatorFailures: number;
    /** Requests the server refused as malformed (400), and the first few of them. */
    rejectedBodies: number;
    rejectedSamples: Array<Record<string, unknown>>;
    violations: Array<Violation & { seed: number }>;
    settings: Record<string, unknown>;
}

export async function runSoak(options: SoakOptions): Promise<SoakReport> {
    const settings = {
        emulator: options.emulator,
        engine: loadEngine(),
        timeScale: options.timeScale,
        faults: options.faults ?? SOAK_FAULTS,
        scenarios: options.scenarios ?? ['d2c-guest', 'b2b-buyer']
    };
    const report: SoakReport = {
        checkouts: 0,
        lostEdits: 0,
        duplicateOrders: 0,
        forbiddenBodies: 0,
        overlappingWrites: 0,
        unlabelledFailures: 0,
        stuckCheckouts: 0,
        ordersPlaced: 0,
        failedCheckouts: 0,
        endings: {},
        secondTabs: 0,
        keptEdits: 0,
        requests: 0,
        faultsInjected: {},
        calculatorFailures: 0,
        rejectedBodies: 0,
        rejectedSamples: [],
        violations: [],
        settings: {
            seed: options.seed,
            timeScale: options.timeScale,
            faults: settings.faults
        }
    };
    for (let index = 0; index < options.checkouts; index++) {
        const seed = options.seed + index;
        const run = await runSoakCheckout(settings, seed);
        const verdict = judgeSoakCheckout(run);
        report.checkouts++;
        if (run.stuck) report.stuckCheckouts++;
        if (verdict.ordered) report.ordersPlaced++;
        else {
            report.failedCheckouts++;
            report.endings[verdict.ending] = (report.endings[verdict.ending] ?? 0) + 1;
        }
        if (run.snapshots.size > 1) report.secondTabs++;
        report.keptEdits += verdict.keptEdits;
        for (const violation of verdict.violations) {
            const key = violation.invariant as 'lostEdits';
            report[key] = (report[key] as number) + 1;
            if (report.violations.length < 100) report.violations.push({ ...violation, seed });
        }
        for (const request of run.serverLog) {
            report.requests++;
            if (request.fault) {
                report.faultsInjected[request.fault] =
                    (report.faultsInjected[request.fault] ?? 0) + 1;
            }
            if (request.status === 422) report.calculatorFailures++;
            if (request.status === 400) report.rejectedBodies++;
        }
        for (const entry of run.journal.entries) {
            if (entry.status === 400 && report.rejectedSamples.length < 10) {
                const { client, method, path, requestBody, responseBody } = entry;
                report.rejectedSamples.push({
                    seed,
                    client,
                    method,
                    path,
                    requestBody,
                    responseBody
                });
            }
        }
        options.onCheckout?.(index, verdict.violations, run.journal);
    }
    return report;
}
