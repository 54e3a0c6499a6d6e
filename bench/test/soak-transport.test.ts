/**
 * The engine's Node transport as the soak uses it: writes carry the session's CSRF token (read from the
 * emulator's state after the reset), and the device's connection can go offline and come back.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startEmulatorServer, type EmulatorServer } from '../../emulator/src/index';
import {
    CLIENT_HEADER,
    Journal,
    createConnectivity,
    createNodeTransport,
    type Connectivity
} from '../lib/node-transport';

let server: EmulatorServer;
before(async () => {
    server = await startEmulatorServer({ port: 0 });
});
after(() => server.close());

function transport(csrfToken?: string, connectivity?: Connectivity) {
    const state = server.emulator.state();
    return createNodeTransport({
        baseUrl: server.url,
        webstoreId: state.webstoreId,
        client: 'tab1',
        journal: new Journal(),
        csrfToken,
        connectivity
    });
}

test('a signed-in write goes through with the token from the state, and is refused without it', async () => {
    const { csrfToken } = server.emulator.reset({ scenario: 'b2b-buyer', seed: 1, timeScale: 0 });
    const refused = await transport().connect('PUT', '/checkouts', { body: { cartId: 'active' } });
    assert.equal(refused.status, 401);
    const started = await transport(csrfToken).connect('PUT', '/checkouts', {
        body: { cartId: 'active' }
    });
    assert.equal(started.status, 202);
    const read = await transport(csrfToken).connect('GET', '/checkouts/active');
    assert.notEqual(read.status, 401);
    const [refusedLog, startedLog, readLog] = server.emulator.requests();
    assert.equal(refusedLog.headers['csrf-token'], undefined);
    assert.equal(startedLog.headers['csrf-token'], csrfToken);
    // Reads need no token, and are sent without one; every request names the tab that sent it.
    assert.equal(readLog.headers['csrf-token'], undefined);
    assert.equal(readLog.headers[CLIENT_HEADER], 'tab1');
});

test('offline, no request leaves; a call in flight when the connection drops fails', async () => {
    server.emulator.reset({
        scenario: 'd2c-guest',
        seed: 1,
        timeScale: 1,
        faults: { latencyMs: [400, 400] }
    });
    const device = createConnectivity();
    const tab = transport(undefined, device);
    const inFlight = tab.connect('PUT', '/checkouts', { body: { cartId: 'active' } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    device.goOffline();
    await assert.rejects(inFlight, /offline/);
    await assert.rejects(tab.connect('GET', '/checkouts/active'), /offline/);
    await assert.rejects(tab.getSession('2z9SG0000000000AAA'), /offline/);
    // The in-flight PUT had reached the server (logged once its latency is over); the calls made offline never did.
    await new Promise((resolve) => setTimeout(resolve, 600));
    assert.deepEqual(
        server.emulator.requests().map((request) => request.method),
        ['PUT']
    );
    let heard = 0;
    device.onOnline(() => heard++);
    assert.equal(device.isOnline(), false);
    device.goOnline();
    assert.equal(heard, 1);
    assert.equal(device.isOnline(), true);
    const answer = await tab.connect('GET', '/checkouts/active');
    assert.notEqual(answer.status, 0);
});
