/**
 * Golden traces of the engine: scripted sessions on the fake clock, each compared as an exact string with the
 * trace recorded from the engine before a refactoring (what the server received and when, every snapshot a
 * subscriber was given, every order result). Any change in behaviour, however small, shows here.
 *
 * `UPDATE_GOLDEN=1` rewrites the files in __tests__/golden/ instead of comparing (the test then passes):
 * only after a deliberate change of behaviour, and review the diff.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { FAILURE_SESSIONS } from './support/goldenFailureScenarios';
import { ORDER_SESSIONS, PAGE_SESSIONS } from './support/goldenScenarios';
import { describeDifference, traceOf } from './support/goldenTrace';

const GOLDEN_DIR = join(__dirname, 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** In file-name order; each session starts from a fresh fake clock, server and store. */
const SESSIONS = [...ORDER_SESSIONS, ...FAILURE_SESSIONS, ...PAGE_SESSIONS].sort((a, b) =>
    a.name.localeCompare(b.name)
);

describe('golden traces', () => {
    it.each(SESSIONS.map((session) => [session.name, session] as const))(
        '%s replays exactly as recorded',
        async (name, session) => {
            const actual = `${await traceOf(session)}\n`;
            const file = join(GOLDEN_DIR, `${name}.json`);
            if (UPDATE) {
                mkdirSync(GOLDEN_DIR, { recursive: true });
                writeFileSync(file, actual);
                return;
            }
            if (!existsSync(file)) {
                throw new Error(`No golden file ${file}: record it with UPDATE_GOLDEN=1`);
            }
            const expected = readFileSync(file, 'utf8');
            // On a mismatch, a short account of the first difference instead of a diff of two large files.
            if (actual !== expected) throw new Error(describeDifference(name, expected, actual));
            expect(actual).toBe(expected);
        },
        60_000
    );

    it('has a golden file for every session and none for a session that no longer exists', () => {
        if (UPDATE) return;
        const files = readdirSync(GOLDEN_DIR).filter((file) => file.endsWith('.json'));
        expect(files.sort()).toEqual(SESSIONS.map((session) => `${session.name}.json`).sort());
    });
});
