/**
 * A short fault soak (40 seeded checkouts): the machinery runs as the full soak does, with every fault of the
 * soak injected and every shopper behaviour exercised. The invariants' targets (all 0) are `npm run soak`'s.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startEmulator, type Emulator } from '../lib/emulator';
import { INVARIANTS, runSoak, type SoakReport } from '../lib/soak';

let emulator: Emulator;
let report: SoakReport;

before(async () => {
    emulator = await startEmulator();
    report = await runSoak({ emulator, checkouts: 40, seed: 101, timeScale: 0.02 });
});

after(() => emulator.close());

test('every checkout ran, and most placed their order', () => {
    assert.equal(report.checkouts, 40);
    assert.ok(report.ordersPlaced >= 30, `only ${report.ordersPlaced} orders`);
});

test('the soak injected every fault it is meant to', () => {
    const injected = Object.keys(report.faultsInjected);
    for (const fault of ['conflict', 'server-error', 'session-error', 'locked']) {
        assert.ok(injected.includes(fault), `no ${fault} was injected: ${injected.join(', ')}`);
    }
    assert.ok(
        injected.some((fault) => fault.startsWith('session-ended-')),
        'no site session ended'
    );
    assert.ok(
        injected.some((fault) => fault.startsWith('hang-')),
        'no request hung'
    );
    assert.ok(report.calculatorFailures > 0, 'no calculator failed');
});

test('the shopper used a second tab, reloaded after the session ended, and went offline', () => {
    assert.ok(report.secondTabs > 0, 'no second tab');
    assert.ok(report.reloads > 0, 'no reload');
    assert.ok(report.offlineSpells > 0, 'never offline');
});

test('the report counts every invariant, with samples of those that were broken', () => {
    for (const invariant of INVARIANTS) {
        assert.equal(typeof report[invariant], 'number', invariant);
        assert.equal((report.samples[invariant] ?? []).length, Math.min(report[invariant], 10));
    }
});
