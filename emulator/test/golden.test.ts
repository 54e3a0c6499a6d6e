/**
 * Golden run: seeded checkouts in every kind of store, with faults on, driven over HTTP step by step. After
 * each
 * step it records the answer, the new request-log entries and what changed in `GET /__emulator/state`, and
 * compares the whole recording, as text, with `golden/emulator-run.jsonl`. It pins the emulator's behaviour
 * (seeded draw order, money, ids, timings) so that a refactoring can show it changed nothing.
 * `UPDATE_GOLDEN=1 npm run test:emulator` rewrites the file after an intended change.
 *
 * The emulator reads its clock through `performance`, so the test replaces `performance.now` (and fixes
 * `timeOrigin`) with a clock that moves only when the script says: time stamps, calculator windows and the
 * 202/200 answers of polls are then the same on every run. Real time only paces the latency sleeps.
 * The clock and the recorder are in goldenRecorder.ts, the runs in golden*Runs.ts.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { b2bRun, guestRun, realisticRun } from './goldenCheckoutRuns';
import { adminRun, platformRun } from './goldenPlatformRuns';
import { type Run, startGoldenServer, stopGoldenServer } from './goldenRecorder';
import { cpqRun, digitalRun, multiGroupRun } from './goldenScenarioRuns';

const GOLDEN = new URL('./golden/emulator-run.jsonl', import.meta.url);

before(startGoldenServer);
after(stopGoldenServer);

describe('golden run', () => {
    it('answers, logs and states are exactly those recorded in golden/emulator-run.jsonl', async () => {
        const runs: Run[] = [];
        for (const play of [
            guestRun,
            realisticRun,
            b2bRun,
            multiGroupRun,
            digitalRun,
            cpqRun,
            adminRun,
            platformRun
        ]) {
            runs.push(await play());
        }
        // JSON Lines, one step a line: a change shows as the lines it touches (and Prettier leaves .jsonl alone).
        const lines = runs.flatMap((r) =>
            [{ run: r.name }, ...r.steps].map((s) => JSON.stringify(s))
        );
        const text = `${lines.join('\n')}\n`;
        if (process.env.UPDATE_GOLDEN === '1') {
            writeFileSync(GOLDEN, text);
            return;
        }
        const expected = readFileSync(GOLDEN, 'utf8');
        if (text === expected) return;
        const got = text.split('\n');
        const want = expected.split('\n');
        const line = got.findIndex((l, i) => l !== want[i]);
        assert.fail(
            `The run differs from golden/emulator-run.jsonl from line ${line + 1} (UPDATE_GOLDEN=1 rewrites it):\n` +
                `expected ${want[line]?.slice(0, 2000)}\n` +
                `actual   ${got[line]?.slice(0, 2000)}`
        );
    });
});
