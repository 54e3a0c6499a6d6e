/**
 * The preview server as a tool (issues 10 and 11): `nosniff` on every answer, a 400 for a URL that isn't
 * properly encoded, and the LWR stand-ins the engine's adapter imports: `@app/csrfToken` (the emulator
 * session's current token, read when the page loads) and `@salesforce/i18n/lang`. Builds a one-file entry
 * through the real build plugins, not the whole page, to stay quick.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startPreviewServer, type PreviewServer } from '../../preview/src/previewServer';

let preview: PreviewServer;
let dir: string;

before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'checkout-kit-preview-test-'));
    const entry = path.join(dir, 'standIns.js');
    writeFileSync(
        entry,
        [
            "import csrfToken from '@app/csrfToken';",
            "import lang from '@salesforce/i18n/lang';",
            'window.standIns = { csrfToken, lang };',
            ''
        ].join('\n')
    );
    preview = await startPreviewServer({ port: 0, entry });
});

after(async () => {
    await preview.close();
    rmSync(dir, { recursive: true, force: true });
});

/** A raw GET: the path goes out exactly as written (fetch would normalise some). */
function get(
    pathAndQuery: string
): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
    return new Promise((resolve, reject) => {
        request(`${preview.url}${pathAndQuery}`, (res) => {
            let text = '';
            res.on('data', (chunk: Buffer) => (text += chunk.toString()));
            res.on('end', () =>
                resolve({ status: res.statusCode ?? 0, headers: res.headers, text })
            );
        })
            .on('error', reject)
            .end();
    });
}

describe('the preview server', () => {
    it('answers a malformed URL with 400, not a server error', async () => {
        for (const bad of ['/%E0%A4%A', '/dist/%', '/__emulator/%FF%FE']) {
            const answer = await get(bad);
            assert.equal(answer.status, 400, bad);
            assert.equal(answer.headers['x-content-type-options'], 'nosniff');
        }
    });

    it('sends X-Content-Type-Options: nosniff on every answer', async () => {
        const report = await preview.firstBuild;
        assert.equal(report.ok, true, report.errors.join('\n'));
        for (const pathname of [
            '/',
            '/dist/main.js',
            '/__preview/context.js',
            '/__preview/build',
            '/__emulator/state',
            '/assets/styles/salesforce-lightning-design-system.min.css',
            '/no/such/file'
        ]) {
            const answer = await get(pathname);
            assert.equal(answer.headers['x-content-type-options'], 'nosniff', pathname);
        }
    });

    it('resolves @app/csrfToken to the current emulator session’s token, read at page load', async () => {
        const bundle = (await get('/dist/main.js')).text;
        assert.match(bundle, /\/__preview\/context\.js/);
        assert.match(bundle, /csrfToken/);
        const tokenIn = async (): Promise<string | undefined> =>
            /export const csrfToken = "([^"]+)";/.exec(
                (await get('/__preview/context.js')).text
            )?.[1];
        preview.emulator.reset({ scenario: 'b2b-buyer', seed: 1 });
        const first = await tokenIn();
        assert.equal(first, preview.emulator.state().csrfToken);
        // A scenario switch resets the emulator and reloads the page: the page gets the new token.
        preview.emulator.reset({ scenario: 'cpq', seed: 2 });
        const second = await tokenIn();
        assert.equal(second, preview.emulator.state().csrfToken);
        assert.notEqual(second, first);
    });

    it('resolves @salesforce/i18n/lang to en-US', async () => {
        const bundle = (await get('/dist/main.js')).text;
        assert.match(bundle, /["']en-US["']/);
    });
});
