/** One checkout by one strategy against a freshly reset emulator: the engine, a baseline or the oracle. */
import type {
    CheckoutTransport,
    PollTuning,
    StoreOptions
} from '../../force-app/main/default/lwc/checkoutStore/types';
import {
    baselineSchedules,
    runScriptedCheckout,
    scheduledWaiter,
    type BaselineName,
    type Waiter
} from './baselines';
import type { Emulator, EmulatorState } from './emulator';
import type { EngineModule } from './engine';
import { runEngineCheckout } from './engine-checkout';
import { faultsFor, type LatencyModel } from './latency';
import { Journal, createNodeTransport } from './node-transport';
import { oracleWaiter, type OraclePlan } from './oracle-client';
import { seededRandom } from './random';
import type { Strategy } from './summary';

export const BASELINES: readonly BaselineName[] = ['uc-backoff', 'fixed-1s'];

export interface BenchCheckoutSettings {
    emulator: Emulator;
    latency: LatencyModel;
    /** The emulator's timeScale: it multiplies every delay (1 = real time, 0.05 = 20× faster). */
    timeScale: number;
}

/** A fresh emulator checkout under the latency model, and a transport that journals one client's requests. */
export async function startBenchCheckout(
    { emulator, latency, timeScale }: BenchCheckoutSettings,
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
        csrfToken: state.csrfToken,
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
    /** The engine's stored timings (second visit). */
    learnedTimings?: StoreOptions['learnedTimings'];
    /** The oracle's schedules: required for the oracle. */
    oracle?: OraclePlan;
}

/** One full checkout by `strategy`: the engine through its intent API, else the scripted client's steps. */
export function runStrategyCheckout(
    strategy: Strategy,
    checkout: StrategyCheckout
): Promise<string> {
    const { transport, scenario, accountId, timeScale } = checkout;
    const random = seededRandom(checkout.seed);
    if (strategy === 'engine') {
        return runEngineCheckout({
            engine: checkout.engine,
            transport,
            scenario,
            accountId,
            random,
            polling: checkout.enginePolling,
            learnedTimings: checkout.learnedTimings
        });
    }
    let waiter: Waiter;
    if (strategy === 'oracle') {
        if (!checkout.oracle) throw new Error('The oracle runs after the engine, from its plan');
        waiter = oracleWaiter(checkout.oracle, random, timeScale);
    } else {
        waiter = scheduledWaiter(baselineSchedules[strategy], random, timeScale);
    }
    return runScriptedCheckout({ transport, waiter, scenario, accountId });
}
