import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { after, before, describe, test } from 'node:test';
import { REPO_ROOT } from '../preview/src/build';
import { startE2ePreview, type E2ePreview } from './support/preview';

/** The preview server without a browser: what `npm start` serves on its one origin. */
describe('the preview server', () => {
    let preview: E2ePreview;

    before(async () => {
        preview = await startE2ePreview();
    });

    after(async () => {
        await preview?.close();
    });

    const get = (path: string): Promise<Response> => fetch(`${preview.url}${path}`);

    test('serves the page with SLDS as its stylesheet and the built components', async () => {
        const response = await get('/');
        assert.equal(response.status, 200);
        const html = await response.text();
        assert.match(
            html,
            /<link rel="stylesheet" href="\/assets\/styles\/salesforce-lightning-design-system\.min\.css">/
        );
        assert.match(html, /<script type="module" src="\/dist\/main\.js"><\/script>/);
        const bundle = await get('/dist/main.js');
        assert.equal(bundle.status, 200);
        assert.match(bundle.headers.get('content-type') ?? '', /javascript/);
        const slds = await get('/assets/styles/salesforce-lightning-design-system.min.css');
        assert.equal(slds.status, 200);
    });

    test('every Custom Label a component imports exists in the labels file', async () => {
        const build = (await (await get('/__preview/build')).json()) as {
            ok: boolean;
            missingLabels: string[];
        };
        assert.equal(build.ok, true);
        assert.deepEqual(build.missingLabels, []);
    });

    test('the site context follows the emulator scenario: guest or signed-in buyer', async () => {
        const context = async (): Promise<string> => (await get('/__preview/context.js')).text();
        const guest = await preview.reset({ scenario: 'd2c-guest' });
        assert.match(await context(), /export const isGuest = true;/);
        assert.match(
            await context(),
            new RegExp(`export const webstoreId = "${guest.webstoreId}";`)
        );

        const buyer = await preview.reset({ scenario: 'b2b-buyer' });
        const buyerContext = await context();
        assert.match(buyerContext, /export const isGuest = false;/);
        assert.match(
            buyerContext,
            new RegExp(`export const effectiveAccountId = "${buyer.accountId}";`)
        );
    });

    test('Connect REST and Apex answer on the same origin, as in an LWR site', async () => {
        const state = await preview.reset({ scenario: 'd2c-guest' });
        const base = `/webruntime/api/services/data/v66.0/commerce/webstores/${state.webstoreId}`;
        const started = await fetch(`${preview.url}${base}/checkouts`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ cartId: 'active' })
        });
        assert.ok([200, 202].includes(started.status));
        const { checkoutId } = (await started.json()) as { checkoutId: string };
        const session = await fetch(`${preview.url}/apex/CheckoutSessionController/getSession`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ checkoutId })
        });
        assert.equal(session.status, 200);
        assert.equal(((await session.json()) as { checkoutId: string }).checkoutId, checkoutId);
    });

    test('serves files from its own folders only', async () => {
        assert.equal((await get('/dist/%2e%2e/%2e%2e/package.json')).status, 404);
        assert.equal((await get('/assets/%2e%2e/package.json')).status, 404);
        assert.equal((await get('/no-such-page')).status, 404);
    });

    test('npm start prints its URL once the page answers, reusing the build of the same sources', async () => {
        // The suite's own server (before) stored the bundle for these sources: npm start shares that cache.
        const server = spawn(process.execPath, ['--import', 'tsx', 'preview/server.ts'], {
            cwd: REPO_ROOT,
            env: { ...process.env, PORT: '0' },
            stdio: ['ignore', 'pipe', 'inherit']
        });
        try {
            const printed: string[] = [];
            let url: string | undefined;
            for await (const line of createInterface({ input: server.stdout })) {
                printed.push(line);
                url = /checkout preview on (http\S+)/.exec(line)?.[1];
                if (url) break;
            }
            assert.ok(url, `npm start printed no URL:\n${printed.join('\n')}`);
            // Asked the moment the URL is printed: the first build is already served.
            const build = (await (await fetch(`${url}/__preview/build`)).json()) as {
                buildId: number;
                ok?: boolean;
                fromCache?: boolean;
            };
            assert.equal(build.ok, true);
            assert.ok(build.buildId >= 1, 'the first build is done');
            assert.equal(build.fromCache, true, printed.join('\n'));
            assert.equal((await fetch(`${url}/`)).status, 200);
        } finally {
            server.kill('SIGTERM');
            if (server.exitCode === null) await once(server, 'exit');
        }
    });
});
