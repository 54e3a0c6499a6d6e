/**
 * The benchmark harness: each scenario, many seeded runs, the engine and both baselines side by side against
 * one emulator under a latency model, then the oracle at the engine's polls per wait; plus the edit burst, the
 * bundle sizes and the targets.
 */
import type { PollTuning } from '../../force-app/main/default/lwc/checkoutStore/types';
import { runFigures, type RunFigures } from './analysis';
import { measureBurst, type BurstFigures } from './burst';
import { loadEngine, type EngineModule } from './engine';
import { memoryStorage, type TimingStorage } from './engine-checkout';
import { describeModel, type LatencyModelRecord } from './latency';
import { planOracle, type OraclePlan } from './oracle-client';
import { withTimeLimit } from './random';
import { isBuyerScenario } from './shopper';
import { bundleWithImports, measureAll } from './sizes';
import {
    BASELINES,
    runStrategyCheckout,
    startBenchCheckout,
    type BenchCheckoutSettings
} from './strategies';
import { besideOracle, summarise, type Strategy, type StrategyRow } from './summary';
import { evaluateTargets, type TargetResult } from './targets';

export { REALISTIC_LATENCY, WIDE_LATENCY, type LatencyModel } from './latency';
export type { Strategy, StrategyRow } from './summary';

/** Measured side by side in every run; the oracle follows, given the engine's polls per wait. */
export const STRATEGIES: readonly Strategy[] = ['engine', ...BASELINES];

/**
 * `<scenario>-second-visit`: the same shopper's second checkout, the engine starting from the timings the first
 * one stored (the first visit runs on another seed, so its calculator durations are not the second's).
 */
export const SECOND_VISIT = '-second-visit';
const FIRST_VISIT_SEED_OFFSET = 500;

export interface BenchOptions extends BenchCheckoutSettings {
    scenarios: string[];
    runs: number;
    seed: number;
    burstRuns: number;
    /** Polling options other than the engine's production defaults, to explore recommendations. */
    enginePolling?: Partial<PollTuning>;
    sizes: boolean;
    /** Called after each checkout, for progress output. */
    onRun?: (line: string) => void;
}

export interface BenchReport {
    runs: StrategyRow[];
    burst: BurstFigures;
    sizes: Record<string, number>;
    /** The engine as a page loads it: checkoutStore plus the `c/` modules it imports, gzip bytes summed. */
    engineGzipBytes?: { bundles: string[]; gzipBytes: number };
    sizeDetails: Record<string, unknown>;
    targets: TargetResult[];
    settings: Record<string, unknown> & { latency: LatencyModelRecord };
}

interface RunResult {
    figures: RunFigures;
    buyer: boolean;
}

function visitOf(scenario: string): { emulatorScenario: string; secondVisit: boolean } {
    const secondVisit = scenario.endsWith(SECOND_VISIT);
    return {
        emulatorScenario: secondVisit ? scenario.slice(0, -SECOND_VISIT.length) : scenario,
        secondVisit
    };
}

async function runOnce(
    options: BenchOptions,
    engine: EngineModule,
    strategy: Strategy,
    scenario: string,
    seed: number,
    oracle?: OraclePlan
): Promise<RunResult> {
    const { emulator, timeScale, enginePolling } = options;
    const { emulatorScenario, secondVisit } = visitOf(scenario);
    /** One checkout; with `storage`, the engine keeps its timings there (the shopper's browser storage). */
    const run = async (runSeed: number, client: string, storage?: TimingStorage) => {
        const started = await startBenchCheckout(options, emulatorScenario, runSeed, client);
        const { state, transport } = started;
        const work = runStrategyCheckout(strategy, {
            engine,
            transport,
            scenario: emulatorScenario,
            accountId: state.accountId,
            seed: runSeed,
            timeScale,
            enginePolling,
            learnedTimings: storage && { webstoreId: state.webstoreId, storage },
            oracle
        });
        await withTimeLimit(work, 180_000, `${strategy} ${scenario}`);
        return started;
    };
    const storage = secondVisit && strategy === 'engine' ? memoryStorage() : undefined;
    // The first visit (unmeasured) leaves its timings in the storage the second one starts from.
    if (storage) await run(seed + FIRST_VISIT_SEED_OFFSET, 'first visit', storage);
    const { state, journal } = await run(seed, strategy, storage);
    const figures = runFigures(journal.entries, (await emulator.state()).history);
    // Requests the server saw that this client did not send: leftovers of an earlier, disposed client.
    figures.strayRequests = Math.max(
        0,
        (await emulator.requests()).length - journal.entries.length
    );
    return { figures, buyer: isBuyerScenario(emulatorScenario, state.accountId) };
}

/** `options.runs` seeded runs of one strategy in one scenario, summed up in a row. */
async function runStrategy(
    options: BenchOptions,
    engine: EngineModule,
    strategy: Strategy,
    scenario: string,
    oracle?: OraclePlan
): Promise<{ row: StrategyRow; buyer: boolean }> {
    const figures: RunFigures[] = [];
    const errors: string[] = [];
    let buyer = false;
    for (let run = 0; run < options.runs; run++) {
        const seed = options.seed + run;
        try {
            const result = await runOnce(options, engine, strategy, scenario, seed, oracle);
            figures.push(result.figures);
            buyer = result.buyer;
            const { wallMs, lowerBoundMs, requests, strayRequests } = result.figures;
            options.onRun?.(
                `${scenario} ${strategy} seed ${seed}: ${Math.round(wallMs)} ms, ` +
                    `bound ${Math.round(lowerBoundMs)} ms, ${requests} requests` +
                    (strayRequests ? `, ${strayRequests} stray` : '')
            );
        } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            errors.push(`seed ${seed}: ${message}`);
            options.onRun?.(`${scenario} ${strategy} seed ${seed}: FAILED ${message}`);
        }
    }
    return { row: summarise(strategy, scenario, figures, errors), buyer };
}

/**
 * One scenario: the engine and the baselines (the engine alone on a second visit), then the oracle on the same
 * seeds with as many polls per wait as the engine sent.
 */
async function runScenario(
    options: BenchOptions,
    engine: EngineModule,
    scenario: string
): Promise<StrategyRow[]> {
    const strategies = visitOf(scenario).secondVisit ? (['engine'] as const) : STRATEGIES;
    const rows: StrategyRow[] = [];
    let buyer = false;
    for (const strategy of strategies) {
        const result = await runStrategy(options, engine, strategy, scenario);
        rows.push(result.row);
        if (strategy === 'engine') buyer = result.buyer;
    }
    const enginePolls = rows[0].pollsPerWait;
    if (!Number.isFinite(enginePolls)) return rows;
    const plan = planOracle(buyer, options.latency, enginePolls);
    const oracle = await runStrategy(options, engine, 'oracle', scenario, plan);
    const [engineRow, oracleRow] = besideOracle(rows[0], oracle.row, plan);
    return [engineRow, ...rows.slice(1), oracleRow];
}

export async function runBench(options: BenchOptions): Promise<BenchReport> {
    const engine = loadEngine();
    const rows: StrategyRow[] = [];
    for (const scenario of options.scenarios)
        rows.push(...(await runScenario(options, engine, scenario)));
    const burst = await measureBurst(options, engine, options.burstRuns, options.seed + 1000);
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
        burst,
        sizes,
        engineGzipBytes,
        sizeDetails,
        targets: evaluateTargets(rows, sizes),
        settings: {
            scenarios: options.scenarios,
            runsPerScenario: options.runs,
            seed: options.seed,
            timeScale: options.timeScale,
            latency: describeModel(options.latency),
            enginePolling: options.enginePolling ?? 'production defaults'
        }
    };
}
