/**
 * The benchmark harness: each scenario, many seeded runs, the engine and both baselines side by side against
 * one emulator with a realistic latency model, plus the edit burst and the bundle sizes.
 */
import type {
    CheckoutStore,
    CheckoutTransport,
    PollTuning
} from '../../force-app/main/default/lwc/checkoutStore/types';
import { mean, percentile, runFigures, type RunFigures } from './analysis';
import { baselineSchedules, runBaselineCheckout, type BaselineName } from './baselines';
import { loadEngine, type EngineModule } from './engine';
import { createStore, runEngineCheckout, settle } from './engine-checkout';
import type { Emulator, EmulatorState, FaultSettings } from './emulator';
import { Journal, createNodeTransport } from './node-transport';
import { seededRandom, sleep, withTimeLimit } from './random';
import { defaultGroup, guestAddress } from './shopper';
import { bundleWithImports, measureAll } from './sizes';

export type Strategy = 'engine' | BaselineName;
export const STRATEGIES: readonly Strategy[] = ['engine', 'uc-backoff', 'fixed-1s'];

export interface LatencyModel {
    latencyMs: [number, number];
    shipping: [number, number];
    tax: [number, number];
    pricing: [number, number];
}

export const REALISTIC_LATENCY: LatencyModel = {
    latencyMs: [50, 150],
    shipping: [600, 1500],
    tax: [200, 600],
    pricing: [200, 500]
};

export interface BenchOptions {
    emulator: Emulator;
    scenarios: string[];
    runs: number;
    seed: number;
    /** The emulator's timeScale: it multiplies every delay (1 = real time, 0.05 = 20× faster). */
    timeScale: number;
    latency: LatencyModel;
    burstRuns: number;
    /** Polling options other than the engine's production defaults, to explore recommendations. */
    enginePolling?: Partial<PollTuning>;
    sizes: boolean;
    /** Called after each checkout, for progress output. */
    onRun?: (line: string) => void;
}

export interface StrategyRow {
    strategy: Strategy;
    scenario: string;
    runs: number;
    failures: number;
    wallOverLowerBound: number;
    wallMs: number;
    lowerBoundMs: number;
    requests: number;
    patches: number;
    gets: number;
    sessionReads: number;
    /** Requests during the run that the run's own client did not send (should be 0). */
    strayRequests: number;
    waits: number;
    pollsPerWait: number;
    lagP50Ms: number;
    lagP95Ms: number;
    lagMaxMs: number;
    /** Lag minus the unavoidable return leg of the GET that saw the server ready. */
    avoidableLagP50Ms: number;
    avoidableLagP95Ms: number;
    errors?: string[];
}

export interface BurstFigures {
    edits: number;
    /** The most PATCHes any burst run sent. */
    patches: number;
    /** Fields whose final server value differs from the shopper's last edit, over all burst runs. */
    lost: number;
    runs: number;
    windowMs: number;
}

export interface BenchReport {
    runs: StrategyRow[];
    burst: BurstFigures;
    sizes: Record<string, number>;
    /** The engine as a page loads it: checkoutStore plus the `c/` modules it imports, gzip bytes summed. */
    engineGzipBytes?: { bundles: string[]; gzipBytes: number };
    sizeDetails: Record<string, unknown>;
    settings: Record<string, unknown>;
}

export function faultsFor(latency: LatencyModel): FaultSettings {
    return {
        conflictRate: 0,
        serverErrorRate: 0,
        dropRate: 0,
        calculatorFailureRate: 0,
        sessionErrorRate: 0,
        lockRate: 0,
        latencyMs: latency.latencyMs,
        processingMs: { shipping: latency.shipping, tax: latency.tax, pricing: latency.pricing }
    };
}

function round(value: number, digits = 3): number {
    return Number.isFinite(value) ? Number(value.toFixed(digits)) : value;
}

/** A fresh emulator checkout under the latency model, and a transport that journals one client's requests. */
export async function startBenchCheckout(
    { emulator, latency, timeScale }: Pick<BenchOptions, 'emulator' | 'latency' | 'timeScale'>,
    scenario: string,
    seed: number,
    client: string
): Promise<{ state: EmulatorState; journal: Journal; transport: CheckoutTransport }> {
    const state = await emulator.reset(scenario, seed, timeScale);
    await emulator.setFaults(faultsFor(latency));
    const journal = new Journal();
    const transport = createNodeTransport({
        baseUrl: emulator.url,
        webstoreId: state.webstoreId,
        client,
        journal
    });
    return { state, journal, transport };
}

export interface StrategyCheckout {
    engine: EngineModule;
    transport: CheckoutTransport;
    scenario: string;
    accountId: string | null;
    seed: number;
    timeScale: number;
    enginePolling?: Partial<PollTuning>;
}

/** One full checkout by `strategy`: the engine through its intent API, or a baseline with its poll schedule. */
export function runStrategyCheckout(
    strategy: Strategy,
    checkout: StrategyCheckout
): Promise<string> {
    const { transport, scenario, accountId } = checkout;
    const random = seededRandom(checkout.seed);
    return strategy === 'engine'
        ? runEngineCheckout({
              engine: checkout.engine,
              transport,
              scenario,
              accountId,
              random,
              polling: checkout.enginePolling
          })
        : runBaselineCheckout({
              transport,
              schedule: baselineSchedules[strategy],
              random,
              scenario,
              accountId,
              timeScale: checkout.timeScale
          });
}

async function runOnce(
    options: BenchOptions,
    engine: EngineModule,
    strategy: Strategy,
    scenario: string,
    seed: number
): Promise<RunFigures> {
    const { emulator, timeScale } = options;
    const { state, journal, transport } = await startBenchCheckout(
        options,
        scenario,
        seed,
        strategy
    );
    const work = runStrategyCheckout(strategy, {
        engine,
        transport,
        scenario,
        accountId: state.accountId,
        seed,
        timeScale,
        enginePolling: options.enginePolling
    });
    await withTimeLimit(work, 180_000, `${strategy} ${scenario}`);
    const figures = runFigures(journal.entries, (await emulator.state()).history);
    // Requests the server saw that this client did not send: leftovers of an earlier, disposed client.
    figures.strayRequests = Math.max(
        0,
        (await emulator.requests()).length - journal.entries.length
    );
    return figures;
}

function summarise(
    strategy: Strategy,
    scenario: string,
    figures: RunFigures[],
    errors: string[]
): StrategyRow {
    const waits = figures.flatMap((run) => run.waits);
    const lags = waits.flatMap((wait) => (wait.lagMs === null ? [] : [wait.lagMs]));
    const avoidable = waits.flatMap((wait) =>
        wait.avoidableLagMs === null ? [] : [wait.avoidableLagMs]
    );
    const avg = (pick: (run: RunFigures) => number) => round(mean(figures.map(pick)), 2);
    return {
        strategy,
        scenario,
        runs: figures.length,
        failures: errors.length,
        wallOverLowerBound: round(mean(figures.map((run) => run.wallOverLowerBound))),
        wallMs: avg((run) => run.wallMs),
        lowerBoundMs: avg((run) => run.lowerBoundMs),
        requests: avg((run) => run.requests),
        patches: avg((run) => run.patches),
        gets: avg((run) => run.gets),
        sessionReads: avg((run) => run.sessionReads),
        strayRequests: avg((run) => run.strayRequests ?? 0),
        waits: waits.length,
        pollsPerWait: round(mean(waits.map((wait) => wait.polls)), 2),
        lagP50Ms: round(percentile(lags, 0.5), 1),
        lagP95Ms: round(percentile(lags, 0.95), 1),
        lagMaxMs: round(Math.max(...lags), 1),
        avoidableLagP50Ms: round(percentile(avoidable, 0.5), 1),
        avoidableLagP95Ms: round(percentile(avoidable, 0.95), 1),
        ...(errors.length > 0 ? { errors } : {})
    };
}

const STREET = '415 Mission Street North';
const INSTRUCTIONS = 'Ring twice, gate 1234';

/** 20 shipping edits within 300 ms (street, then instructions, as typed), then idle: PATCHes and lost edits. */
async function runBurst(
    options: BenchOptions,
    engine: EngineModule,
    seed: number
): Promise<{ patches: number; lost: number }> {
    const { emulator, timeScale } = options;
    const { journal, transport } = await startBenchCheckout(options, 'd2c-guest', seed, 'burst');
    const store: CheckoutStore = createStore({
        engine,
        transport,
        scenario: 'd2c-guest',
        accountId: null
    });
    try {
        await store.load();
        const group = defaultGroup((await settle(store)).deliveryGroups);
        if (!group) throw new Error('No delivery group to edit');
        const burstStart = Date.now();
        let street = '';
        let instructions = '';
        for (let edit = 0; edit < BURST_EDITS; edit++) {
            if (edit < BURST_EDITS / 2) {
                street = STREET.slice(
                    0,
                    Math.ceil(((edit + 1) * STREET.length) / (BURST_EDITS / 2))
                );
                store.updateShipping(group.id, { deliveryAddress: { ...guestAddress, street } });
            } else {
                const typed = edit - BURST_EDITS / 2 + 1;
                instructions = INSTRUCTIONS.slice(
                    0,
                    Math.ceil((typed * INSTRUCTIONS.length) / (BURST_EDITS / 2))
                );
                store.updateShipping(group.id, { shippingInstructions: instructions });
            }
            await sleep((BURST_WINDOW_MS * timeScale) / (BURST_EDITS - 1));
        }
        await settle(store);
        const saved = defaultGroup((await emulator.state()).checkout?.deliveryGroups.items ?? []);
        const lost =
            Number(saved?.deliveryAddress?.street !== street) +
            Number((saved?.shippingInstructions ?? '') !== instructions);
        const patches = journal.entries.filter(
            (entry) => entry.method === 'PATCH' && entry.sentAt >= burstStart
        ).length;
        return { patches, lost };
    } finally {
        store.dispose();
    }
}

export const BURST_EDITS = 20;
export const BURST_WINDOW_MS = 300;

export async function runBench(options: BenchOptions): Promise<BenchReport> {
    const engine = loadEngine();
    const rows: StrategyRow[] = [];
    for (const scenario of options.scenarios) {
        const figures = new Map<Strategy, RunFigures[]>(STRATEGIES.map((s) => [s, []]));
        const errors = new Map<Strategy, string[]>(STRATEGIES.map((s) => [s, []]));
        for (let run = 0; run < options.runs; run++) {
            for (const strategy of STRATEGIES) {
                const seed = options.seed + run;
                try {
                    const result = await runOnce(options, engine, strategy, scenario, seed);
                    figures.get(strategy)?.push(result);
                    options.onRun?.(
                        `${scenario} ${strategy} seed ${seed}: ${Math.round(result.wallMs)} ms, ` +
                            `bound ${Math.round(result.lowerBoundMs)} ms, ${result.requests} requests` +
                            (result.strayRequests ? `, ${result.strayRequests} stray` : '')
                    );
                } catch (error) {
                    const message = error instanceof Error ? error.message : String(error);
                    errors.get(strategy)?.push(`seed ${seed}: ${message}`);
                    options.onRun?.(`${scenario} ${strategy} seed ${seed}: FAILED ${message}`);
                }
            }
        }
        for (const strategy of STRATEGIES) {
            rows.push(
                summarise(
                    strategy,
                    scenario,
                    figures.get(strategy) ?? [],
                    errors.get(strategy) ?? []
                )
            );
        }
    }
    const bursts: Array<{ patches: number; lost: number }> = [];
    for (let run = 0; run < options.burstRuns; run++) {
        bursts.push(await runBurst(options, engine, options.seed + 1000 + run));
    }
    const sizeDetails = options.sizes ? await measureAll() : {};
    const sizes: Record<string, number> = {};
    for (const [name, detail] of Object.entries(sizeDetails)) {
        if ('gzipBytes' in detail) sizes[name] = detail.gzipBytes;
    }
    const engineBundles = bundleWithImports('checkoutStore');
    const engineGzipBytes = engineBundles.every((name) => sizes[name] !== undefined)
        ? {
              bundles: engineBundles,
              gzipBytes: engineBundles.reduce((sum, name) => sum + sizes[name], 0)
          }
        : undefined;
    return {
        runs: rows,
        burst: {
            edits: BURST_EDITS,
            patches: Math.max(0, ...bursts.map((burst) => burst.patches)),
            lost: bursts.reduce((sum, burst) => sum + burst.lost, 0),
            runs: bursts.length,
            windowMs: BURST_WINDOW_MS
        },
        sizes,
        engineGzipBytes,
        sizeDetails,
        settings: {
            scenarios: options.scenarios,
            runsPerScenario: options.runs,
            seed: options.seed,
            timeScale: options.timeScale,
            latency: options.latency,
            enginePolling: options.enginePolling ?? 'production defaults'
        }
    };
}
