/**
 * The emulator's shape: it depends on nothing but Node and itself (never on the engine under force-app, so a
 * misreading of the contract in one shows up against the other, DESIGN §5), and no source file exceeds 400
 * lines.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../src');
const MAX_LINES = 400;

function sources(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory()
            ? sources(join(dir, e.name))
            : e.name.endsWith('.ts')
              ? [join(dir, e.name)]
              : []
    );
}

const IMPORT = /(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;

describe('emulator structure', () => {
    it('imports only node: modules and its own files', () => {
        const outside: string[] = [];
        for (const file of sources(SRC)) {
            for (const [, spec] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
                const own =
                    spec.startsWith('.') &&
                    !relative(SRC, resolve(dirname(file), spec)).startsWith('..');
                if (!own && !spec.startsWith('node:'))
                    outside.push(`${relative(SRC, file)}: ${spec}`);
            }
        }
        assert.deepEqual(outside, []);
    });

    it(`has no source file over ${MAX_LINES} lines`, () => {
        const long = sources(SRC)
            .map((file) => ({
                file: relative(SRC, file),
                lines: readFileSync(file, 'utf8').split('\n').length - 1
            }))
            .filter((f) => f.lines > MAX_LINES);
        assert.deepEqual(long, []);
    });
});
