import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createEmulator, startEmulatorServer } from '../src/index';
import {
    GUEST_CONTACT,
    INSTANT,
    SF_ADDRESS,
    startHarness,
    startReady,
    type Harness
} from './helpers';

let h: Harness;
before(async () => {
    h = await startHarness();
});
after(async () => {
    await h.close();
});

const NO_FAULTS = {
    conflictRate: 0,
    serverErrorRate: 0,
    dropRate: 0,
    calculatorFailureRate: 0,
    sessionErrorRate: 0
};

describe('fault knobs', () => {
    it('conflictRate: writes answer 409 CHECKOUT_CONFLICT without effect; reads are untouched', async () => {
        await h.reset({ scenario: 'd2c-guest', seed: 1, ...INSTANT });
        const id = await startReady(h);
        const before = await h.state();
        await h.faults({ conflictRate: 1 });
        const answer = await h.connect('PATCH', `/checkouts/${id}`, {
            contactInfo: GUEST_CONTACT
        });
        assert.equal(answer.status, 409);
        assert.equal(answer.body[0].errorCode, 'CHECKOUT_CONFLICT');
        assert.equal((await h.connect('GET', '/checkouts/active')).status, 200);
        assert.deepEqual((await h.state()).checkout, before.checkout);
        const log = (await h.call('GET', '/__emulator/requests')).body;
        assert.equal(log.find((e: { method: string }) => e.method === 'PATCH').fault, 'conflict');
        await h.faults(NO_FAULTS);
        assert.equal(
            (await h.connect('PATCH', `/checkouts/${id}`, { contactInfo: GUEST_CONTACT })).status,
            200
        );
    });

    it('serverErrorRate: Connect answers 500 with an error body, Apex with an exception body', async () => {
        await h.reset({ scenario: 'd2c-guest', seed: 1, ...INSTANT });
        const id = await startReady(h);
        await h.faults({ serverErrorRate: 1 });
        const rest = await h.connect('GET', '/checkouts/active');
        assert.equal(rest.status, 500);
        assert.equal(rest.body[0].errorCode, 'UNKNOWN_EXCEPTION');
        const apex = await h.apex('CheckoutSessionController.getSession', { checkoutId: id });
        assert.equal(apex.status, 500);
        assert.equal(typeof apex.body.exceptionType, 'string');
        await h.faults(NO_FAULTS);
    });

    it('dropRate: the connection closes without an answer, the server keeps serving and logs the drop', async () => {
        await h.reset({ scenario: 'd2c-guest', seed: 1, ...INSTANT });
        await h.faults({ dropRate: 1 });
        for (let i = 0; i < 6; i++) {
            await assert.rejects(h.connect('POST', '/checkouts', { cartId: 'active' }));
        }
        await h.faults(NO_FAULTS);
        const log = (await h.call('GET', '/__emulator/requests')).body as {
            status: number;
            fault: string;
        }[];
        assert.equal(log.length, 6);
        assert.ok(
            log.every(
                (e) => e.status === 0 && (e.fault === 'drop-before' || e.fault === 'drop-after')
            )
        );
        // A drop after the work took effect leaves the checkout started; before, nothing happened.
        const started = log.some((e) => e.fault === 'drop-after');
        assert.equal((await h.state()).checkoutId !== null, started);
        assert.equal(
            (await h.connect('POST', '/checkouts', { cartId: 'active' })).status,
            started ? 200 : 202
        );
    });

    it('calculatorFailureRate: GET answers 422 with errors and the session goes to Error', async () => {
        await h.reset({ scenario: 'd2c-guest', seed: 1, ...INSTANT });
        const id = await startReady(h);
        await h.faults({ calculatorFailureRate: 1 });
        assert.equal(
            (await h.connect('PATCH', `/checkouts/${id}`, { deliveryAddress: SF_ADDRESS })).status,
            202
        );
        const failed = await h.waitReady();
        assert.equal(failed.status, 422);
        assert.equal(failed.body.statusCode, '422');
        const error = failed.body.errors[0];
        assert.equal(error.type, '/commerce/errors/shipping-failure');
        assert.ok(error.title && error.detail && error.instance);
        const session = (await h.state()).session!;
        assert.deepEqual(
            [session.State, session.IsError, session.NextState, session.IsProcessing],
            ['Error', true, null, false]
        );
        assert.equal((await h.connect('POST', '/checkouts/active/orders')).status, 422);
        // Resuming the session after a failure runs a start's calculations and the failed ones again.
        const resumed = await h.connect('POST', '/checkouts', { cartId: 'active' });
        assert.deepEqual([resumed.status, resumed.body], [202, { checkoutId: id }]);
        assert.equal((await h.waitReady()).status, 422, 'still failing while the fault is on');
        await h.faults(NO_FAULTS);
        // The shopper retries: the write is allowed after a failure and recovers.
        await h.connect('PATCH', `/checkouts/${id}`, { deliveryAddress: SF_ADDRESS });
        assert.equal((await h.waitReady()).status, 200);
        assert.equal((await h.state()).session!.IsError, false);
    });

    it('sessionErrorRate: getSession throws an Apex exception', async () => {
        await h.reset({ scenario: 'd2c-guest', seed: 1, ...INSTANT });
        const id = await startReady(h);
        await h.faults({ sessionErrorRate: 1 });
        const answer = await h.apex('CheckoutSessionController.getSession', { checkoutId: id });
        assert.equal(answer.status, 500);
        assert.equal(answer.body.exceptionType, 'AuraHandledException');
        assert.equal((await h.connect('GET', '/checkouts/active')).status, 200);
        await h.faults(NO_FAULTS);
    });

    it('lockRate: Connect requests answer 423 UNABLE_TO_LOCK_ROW without effect; Apex is untouched', async () => {
        await h.reset({ scenario: 'd2c-guest', seed: 1, ...INSTANT });
        const id = await startReady(h);
        const before = await h.state();
        await h.faults({ lockRate: 1 });
        const write = await h.connect('PATCH', `/checkouts/${id}`, { contactInfo: GUEST_CONTACT });
        assert.equal(write.status, 423);
        assert.equal(write.body[0].errorCode, 'UNABLE_TO_LOCK_ROW');
        assert.equal((await h.connect('GET', '/checkouts/active')).status, 423);
        assert.equal(
            (await h.apex('CheckoutSessionController.getSession', { checkoutId: id })).status,
            200
        );
        assert.deepEqual((await h.state()).checkout, before.checkout);
        await h.faults(NO_FAULTS);
    });

    it('latencyMs delays every answer by at least the configured round trip, scaled by timeScale', async () => {
        await h.reset({
            scenario: 'd2c-guest',
            seed: 1,
            timeScale: 0.5,
            faults: { latencyMs: [80, 80] }
        });
        await h.connect('GET', '/session-context');
        const [entry] = (await h.call('GET', '/__emulator/requests')).body;
        assert.ok(
            entry.endedAt - entry.startedAt >= 40 - 2,
            `${entry.endedAt - entry.startedAt} ms`
        );
    });

    it('processingMs sets each calculator’s duration, scaled by timeScale', async () => {
        await h.reset({
            scenario: 'd2c-guest',
            seed: 1,
            timeScale: 0.001,
            faults: {
                latencyMs: [0, 0],
                processingMs: {
                    inventory: [1000, 1000],
                    pricing: [2000, 2000],
                    promotions: [3000, 3000],
                    shipping: [7000, 7000],
                    tax: [5000, 5000]
                }
            }
        });
        const id = await startReady(h);
        await h.connect('PATCH', `/checkouts/${id}`, { deliveryAddress: SF_ADDRESS });
        await h.waitReady();
        const history = (await h.state()).history as {
            kind: string;
            calculators: string[];
            startedAt: number;
            readyAt: number;
        }[];
        assert.deepEqual(
            history.map((r) => r.calculators),
            [
                ['inventory', 'pricing', 'promotions'],
                ['shipping', 'tax']
            ]
        );
        assert.ok(Math.abs(history[0].readyAt - history[0].startedAt - 6) < 1e-6);
        assert.ok(Math.abs(history[1].readyAt - history[1].startedAt - 12) < 1e-6);
    });

    it('refuses unknown knobs and out-of-range values, and PUT replaces the whole setting', async () => {
        for (const body of [
            { chaos: 1 },
            { dropRate: 2 },
            { latencyMs: [10] },
            { latencyMs: [20, 10] },
            { processingMs: { warp: [1, 2] } }
        ]) {
            assert.equal((await h.faults(body)).status, 400, JSON.stringify(body));
        }
        assert.equal((await h.faults({ conflictRate: 0.5 })).body.conflictRate, 0.5);
        const replaced = (await h.faults({})).body;
        assert.equal(replaced.conflictRate, 0);
        assert.deepEqual(replaced.processingMs.shipping, [600, 1500]);
        assert.deepEqual(replaced.latencyMs, [50, 150]);
    });

    it('keeps the faults across a reset unless the reset body sets them', async () => {
        await h.faults({ conflictRate: 0.25 });
        assert.equal((await h.reset({ scenario: 'b2b-buyer' })).faults.conflictRate, 0.25);
        assert.equal((await h.reset({ scenario: 'b2b-buyer', faults: {} })).faults.conflictRate, 0);
    });
});

describe('seeded determinism', () => {
    /** A fixed sequence of requests with faults on; returns what the client saw. */
    async function run(seed: number): Promise<string[]> {
        const server = await startEmulatorServer({ port: 0 });
        try {
            const e = server.emulator;
            e.reset({ scenario: 'd2c-guest', seed, timeScale: 0 });
            e.setFaults({ conflictRate: 0.3, serverErrorRate: 0.2, calculatorFailureRate: 0.3 });
            const base = `${server.url}/services/data/v66.0/commerce/webstores/${e.state().webstoreId}`;
            const seen: string[] = [];
            const send = async (method: string, path: string, body?: unknown) => {
                const res = await fetch(base + path, {
                    method,
                    body: body === undefined ? undefined : JSON.stringify(body)
                });
                seen.push(`${method} ${path} ${res.status} ${await res.text()}`);
            };
            for (let i = 0; i < 12; i++) {
                await send('POST', '/checkouts', { cartId: 'active' });
                await send('GET', '/checkouts/active');
                await send('PATCH', '/checkouts/active', {
                    deliveryAddress: { ...SF_ADDRESS, street: `${i} Main St` }
                });
                await send('GET', '/checkouts/active');
            }
            await send('POST', '/checkouts/active/orders');
            return seen.map((line) =>
                line.replace(/"(earliest|latest)EstimatedDeliveryTime":"[^"]*"/g, '')
            );
        } finally {
            await server.close();
        }
    }

    it('the same seed and inputs give the same run; another seed another', async () => {
        const first = await run(42);
        const second = await run(42);
        assert.deepEqual(second, first);
        assert.ok(
            first.some((line) => / 409 /.test(line)) && first.some((line) => / 500 /.test(line))
        );
        assert.notDeepEqual(await run(43), first);
    });

    it('createEmulator works without a server and reports its state', () => {
        const e = createEmulator({ scenario: 'multi-group', seed: 5, timeScale: 0 });
        const state = e.state();
        assert.equal(state.scenario, 'multi-group');
        assert.match(state.webstoreId, /^0ZE/);
        assert.match(state.cartId, /^0a6/);
        assert.match(state.accountId!, /^001/);
        assert.equal(state.checkout, null);
        e.close();
    });
});
