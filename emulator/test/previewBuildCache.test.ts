/**
 * The preview's build cache (issue 13): a start with the same inputs reuses the stored bundle instead of
 * building again, and any change to an input builds anew. Uses a small entry in a temporary folder (an input
 * like any component), so the tests can change it without touching the repository.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { buildPreviewCached } from '../../preview/src/buildCache';
import { startPreviewServer, type PreviewServer } from '../../preview/src/previewServer';

const WAIT_FOR_REBUILD_MS = 30_000;

let dir: string;
let cacheDir: string;
let entry: string;

const writeEntry = (greeting: string): void =>
    writeFileSync(entry, `window.greeting = ${JSON.stringify(greeting)};\n`);

beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'checkout-kit-build-cache-'));
    cacheDir = path.join(dir, 'cache');
    entry = path.join(dir, 'app', 'entry.js');
    // The entry's folder is an input of the build, as the preview's own app folder is.
    mkdirSync(path.dirname(entry));
});

afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
});

describe('buildPreviewCached', () => {
    it('reuses the stored bundle for unchanged inputs and builds again when one changes', async () => {
        writeEntry('first');
        const first = await buildPreviewCached(cacheDir, entry);
        assert.equal(first.ok, true, first.errors.join('\n'));
        assert.equal(first.fromCache, false);
        const firstBundle = path.join(first.outDir, 'main.js');
        const builtAt = statSync(firstBundle).mtimeMs;

        const second = await buildPreviewCached(cacheDir, entry);
        assert.equal(second.fromCache, true);
        assert.equal(second.outDir, first.outDir);
        assert.equal(statSync(firstBundle).mtimeMs, builtAt, 'the bundle was not written again');

        writeEntry('changed');
        const third = await buildPreviewCached(cacheDir, entry);
        assert.equal(third.fromCache, false);
        assert.notEqual(third.outDir, first.outDir);
        assert.match(readFileSync(path.join(third.outDir, 'main.js'), 'utf8'), /changed/);
    });
});

describe('npm start (the watching server)', () => {
    let servers: PreviewServer[] = [];

    afterEach(async () => {
        await Promise.all(servers.map((server) => server.close()));
        servers = [];
    });

    const start = async (): Promise<PreviewServer> => {
        const server = await startPreviewServer({ port: 0, watch: true, cacheDir, entry });
        servers.push(server);
        return server;
    };

    const bundleOf = async (server: PreviewServer): Promise<string> =>
        (await fetch(`${server.url}/dist/main.js`)).text();

    it('serves the stored bundle on a second start, and rebuilds when an input changes', async () => {
        writeEntry('first');
        const first = await start();
        assert.equal((await first.firstBuild).fromCache, false);
        await first.close();
        servers = [];

        const second = await start();
        const reused = await second.firstBuild;
        assert.equal(reused.ok, true, reused.errors.join('\n'));
        assert.equal(reused.fromCache, true);
        assert.match(await bundleOf(second), /first/);

        writeEntry('edited while running');
        await waitFor(async () => /edited while running/.test(await bundleOf(second)));
        await second.close();
        servers = [];

        // The rebuild was stored too: the next start builds nothing.
        const third = await start();
        assert.equal((await third.firstBuild).fromCache, true);
        assert.match(await bundleOf(third), /edited while running/);
    });
});

/** Waits for a state, not for a time: the deadline only bounds a broken build. */
async function waitFor(condition: () => Promise<boolean>): Promise<void> {
    const deadline = Date.now() + WAIT_FOR_REBUILD_MS;
    while (!(await condition())) {
        if (Date.now() > deadline) {
            throw new Error('the server did not rebuild');
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
}
