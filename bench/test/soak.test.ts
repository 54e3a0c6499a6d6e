/** A short fault soak: 50 seeded checkouts with every fault on; any invariant violation fails the test. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startEmulator, type Emulator } from '../lib/emulator';
import { runSoak, type SoakReport } from '../lib/soak';

let emulator: Emulator;
let report: SoakReport;

before(async () => {
    emulator = await startEmulator();
    report = await runSoak({ emulator, checkouts: 50, seed: 101, timeScale: 0.04 });
});

after(() => emulator.close());

const details = () =>
    report.violations
        .map((violation) => `${violation.seed} ${violation.invariant}: ${violation.detail}`)
        .join('\n');

test('the soak ran every checkout with faults actually injected', () => {
    assert.equal(report.checkouts, 50);
    for (const fault of ['conflict', 'server-error', 'session-error']) {
        assert.ok((report.faultsInjected[fault] ?? 0) > 0, `no ${fault} was injected`);
    }
    assert.ok(report.calculatorFailures > 0, 'no calculator failed');
});

for (const invariant of [
    'lostEdits',
    'duplicateOrders',
    'forbiddenBodies',
    'overlappingWrites',
    'unlabelledFailures',
    'stuckCheckouts'
] as const) {
    test(`${invariant}: none`, () => {
        assert.equal(report[invariant], 0, details());
    });
}
