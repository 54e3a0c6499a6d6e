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
            const preflight = await fetch(`${url}/__emulator/state`, { method: 'OPTIONS' });
            assert.equal(preflight.status, 204);
            assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
        } finally {
            child.kill('SIGTERM');
            await once(child, 'exit');
        }
    });
});
