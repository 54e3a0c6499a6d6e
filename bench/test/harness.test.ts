/** A tiny run of the benchmark harness: it must produce well-formed figures (never asserts a time). */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { REALISTIC_LATENCY, STRATEGIES, runBench, type BenchReport } from '../lib/bench';
import { startEmulator, type Emulator } from '../lib/emulator';
import { measureBundle } from '../lib/sizes';

let emulator: Emulator;
let report: BenchReport;

before(async () => {
    emulator = await startEmulator();
    report = await runBench({
        emulator,
        scenarios: ['d2c-guest', 'b2b-buyer'],
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
    assert.equal(report.runs.length, STRATEGIES.length * 2);
    for (const row of report.runs) {
        const label = `${row.scenario} ${row.strategy}`;
        assert.ok(STRATEGIES.includes(row.strategy), label);
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

test('the baselines send the same writes as the scripted shopper implies', () => {
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
