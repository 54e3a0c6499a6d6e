/** One row of the bench per scenario and strategy: the runs' figures summed up, and the engine beside the oracle. */
import { mean, percentile, type RunFigures, type Wait } from './analysis';
import type { BaselineName } from './baselines';
import type { OraclePlan } from './oracle-client';

export type Strategy = 'engine' | BaselineName | 'oracle';

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
    /** The same figures per kind of wait (start, shipping, deliveryMethod), to tell where lag comes from. */
    byWait: Record<string, WaitFigures>;
    /** Engine rows: the oracle's measured lag in the same scenario, given the engine's polls per wait. */
    oracleLagP50AtEnginePolls?: number;
    oracleLagP95AtEnginePolls?: number;
    /** Engine lag p95 ÷ oracleLagP95AtEnginePolls (target ≤ 1.15). */
    lagP95OverOracle?: number;
    /** Engine lag p95 ÷ the oracle's p95 as its model predicts it: the same ratio without the oracle's noise. */
    lagP95OverOracleModel?: number;
    /** Oracle rows: the polls per wait it was given and what its model predicts for them. */
    oracleModel?: OraclePlan['model'] & { givenPollsPerWait: number };
    errors?: string[];
}

export interface WaitFigures {
    waits: number;
    pollsPerWait: number;
    lagP50Ms: number;
    lagP95Ms: number;
    avoidableLagMeanMs: number;
}

function waitFigures(waits: readonly Wait[]): WaitFigures {
    const lags = waits.flatMap((wait) => (wait.lagMs === null ? [] : [wait.lagMs]));
    const avoidable = waits.flatMap((wait) =>
        wait.avoidableLagMs === null ? [] : [wait.avoidableLagMs]
    );
    return {
        waits: waits.length,
        pollsPerWait: round(mean(waits.map((wait) => wait.polls)), 2),
        lagP50Ms: round(percentile(lags, 0.5), 1),
        lagP95Ms: round(percentile(lags, 0.95), 1),
        avoidableLagMeanMs: round(mean(avoidable), 1)
    };
}

export function round(value: number, digits = 3): number {
    return Number.isFinite(value) ? Number(value.toFixed(digits)) : value;
}

export function summarise(
    strategy: Strategy,
    scenario: string,
    figures: RunFigures[],
    errors: string[]
): StrategyRow {
    const waits = figures.flatMap((run) => run.waits);
    const all = waitFigures(waits);
    const avoidable = waits.flatMap((wait) =>
        wait.avoidableLagMs === null ? [] : [wait.avoidableLagMs]
    );
    const kinds = [...new Set(waits.map((wait) => wait.kind))];
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
        waits: all.waits,
        pollsPerWait: all.pollsPerWait,
        lagP50Ms: all.lagP50Ms,
        lagP95Ms: all.lagP95Ms,
        lagMaxMs: round(Math.max(...waits.flatMap((wait) => wait.lagMs ?? [])), 1),
        avoidableLagP50Ms: round(percentile(avoidable, 0.5), 1),
        avoidableLagP95Ms: round(percentile(avoidable, 0.95), 1),
        byWait: Object.fromEntries(
            kinds.map((kind) => [kind, waitFigures(waits.filter((wait) => wait.kind === kind))])
        ),
        ...(errors.length > 0 ? { errors } : {})
    };
}

/** The engine's row with the oracle's lag beside it, and the oracle's row with what its model predicted. */
export function besideOracle(
    engine: StrategyRow,
    oracle: StrategyRow,
    plan: OraclePlan
): [StrategyRow, StrategyRow] {
    return [
        {
            ...engine,
            oracleLagP50AtEnginePolls: oracle.lagP50Ms,
            oracleLagP95AtEnginePolls: oracle.lagP95Ms,
            lagP95OverOracle: round(engine.lagP95Ms / oracle.lagP95Ms),
            lagP95OverOracleModel: round(engine.lagP95Ms / plan.model.lagP95Ms)
        },
        {
            ...oracle,
            oracleModel: {
                givenPollsPerWait: plan.pollsPerWait,
                pollsPerWait: round(plan.model.pollsPerWait, 2),
                lagP50Ms: plan.model.lagP50Ms,
                lagP95Ms: plan.model.lagP95Ms
            }
        }
    ];
}
