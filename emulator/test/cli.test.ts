import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, it } from 'node:test';

describe('command line', () => {
    it('`emulator/src/cli.ts --port 0` prints its address and serves until SIGTERM', async () => {
        const child = spawn(
            process.execPath,
            ['--import', 'tsx', 'emulator/src/cli.ts', '--port', '0', '--scenario', 'cpq'],
            {
                stdio: ['ignore', 'pipe', 'inherit']
            }
        );
        try {
            let output = '';
            const url = await new Promise<string>((resolve, reject) => {
                child.stdout.on('data', (chunk: Buffer) => {
                    output += chunk.toString();
                    const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
                    if (match) resolve(match[1]);
                });
                child.once('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
            });
            const state = await (await fetch(`${url}/__emulator/state`)).json();
            assert.equal(state.scenario, 'cpq');
            // A page on another origin (a dev server) may call the API, never the admin routes.
            const api = `${url}/services/data/v66.0/commerce/webstores/${state.webstoreId}/checkouts`;
            const preflight = await fetch(api, { method: 'OPTIONS' });
            assert.equal(preflight.status, 204);
            assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
            const admin = await fetch(`${url}/__emulator/state`, { method: 'OPTIONS' });
            assert.equal(admin.status, 403);
            assert.equal(admin.headers.get('access-control-allow-origin'), null);
            const read = await fetch(`${url}/__emulator/state`);
            assert.equal(read.headers.get('access-control-allow-origin'), null);
        } finally {
            child.kill('SIGTERM');
            await once(child, 'exit');
        }
    });
});
