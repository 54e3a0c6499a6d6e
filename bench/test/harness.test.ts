/** A tiny run of the benchmark harness: it must produce well-formed figures (never asserts a time). */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
    REALISTIC_LATENCY,
    SECOND_VISIT,
    STRATEGIES,
    runBench,
    type BenchReport
} from '../lib/bench';
import { startEmulator, type Emulator } from '../lib/emulator';
import { measureBundle } from '../lib/sizes';

let emulator: Emulator;
let report: BenchReport;
const SCENARIOS = ['d2c-guest', 'b2b-buyer'];

before(async () => {
    emulator = await startEmulator();
    report = await runBench({
        emulator,
        scenarios: [...SCENARIOS, `d2c-guest${SECOND_VISIT}`],
        runs: 1,
        seed: 7,
        timeScale: 0.05,
        latency: REALISTIC_LATENCY,
        burstRuns: 1,
        sizes: false
    });
});

after(() => emulator.close());

test('every strategy completes every scenario and reports each figure', () => {
    // Each first-visit scenario: the engine, the baselines, the oracle; the second visit: the engine, the oracle.
    assert.equal(report.runs.length, (STRATEGIES.length + 1) * SCENARIOS.length + 2);
    for (const row of report.runs) {
        const label = `${row.scenario} ${row.strategy}`;
        assert.ok([...STRATEGIES, 'oracle'].includes(row.strategy), label);
        assert.equal(row.failures, 0, `${label}: ${row.errors?.join('; ')}`);
        for (const key of [
            'wallOverLowerBound',
            'requests',
            'patches',
            'gets',
            'pollsPerWait',
            'lagP50Ms',
            'lagP95Ms'
        ] as const) {
            assert.ok(Number.isFinite(row[key]), `${label} ${key} = ${row[key]}`);
        }
        // Client and server stamp times in two processes: allow a few ms of clock difference.
        assert.ok(row.lowerBoundMs > 0, `${label}: no lower bound`);
        assert.ok(row.wallMs >= row.lowerBoundMs - 10, `${label}: wall below the lower bound`);
        assert.ok(row.lagP95Ms >= row.lagP50Ms, `${label}: p95 below p50`);
        assert.ok(row.requests >= row.patches + row.gets, `${label}: requests undercounted`);
        assert.ok(row.patches >= 1 && row.pollsPerWait >= 1, `${label}: no writes or no polls`);
    }
});

test('each engine row carries the oracle beside it, and the oracle its model', () => {
    for (const engine of report.runs.filter((row) => row.strategy === 'engine')) {
        const oracle = report.runs.find(
            (row) => row.strategy === 'oracle' && row.scenario === engine.scenario
        );
        assert.ok(oracle, engine.scenario);
        assert.equal(engine.oracleLagP50AtEnginePolls, oracle.lagP50Ms);
        assert.equal(engine.oracleLagP95AtEnginePolls, oracle.lagP95Ms);
        assert.ok(Number.isFinite(engine.lagP95OverOracle), engine.scenario);
        assert.equal(oracle.oracleModel?.givenPollsPerWait, engine.pollsPerWait);
    }
});

test('the report names the latency model and checks every target', () => {
    assert.equal(report.settings.latency.name, 'realistic');
    const targets = new Set(report.targets.map((target) => target.target));
    assert.equal(targets.size, 4); // the bundle is not measured in this run
    assert.ok(report.targets.every((target) => typeof target.met === 'boolean'));
});

test('the scripted clients send the same writes as the shopper script implies', () => {
    for (const row of report.runs.filter((candidate) => candidate.strategy !== 'engine')) {
        assert.equal(row.patches, 2, `${row.scenario} ${row.strategy}`);
    }
});

test('the burst reports its edits, PATCHes and lost edits', () => {
    assert.equal(report.burst.edits, 20);
    assert.equal(report.burst.runs, 1);
    assert.ok(Number.isInteger(report.burst.patches) && report.burst.patches >= 1);
    assert.ok(Number.isInteger(report.burst.lost) && report.burst.lost >= 0);
});

test('the platform compiler measures the engine bundle', async () => {
    const size = await measureBundle('checkoutStore');
    assert.ok(size.gzipBytes > 1000 && size.gzipBytes < size.minifiedBytes);
});
