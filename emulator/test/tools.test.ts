/**
 * The emulator as a tool (issue 11): a request log bounded in bytes that any body can't break, admin routes
 * only this origin can use, and a mode in which a duplicate order POST shows as a second order.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loggedJson, startEmulatorServer, type EmulatorServer } from '../src/index';
import { LOGGED_BODY_LIMIT } from '../src/requestLog';
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

describe('the request log', () => {
    let small: EmulatorServer;
    const MAX_BYTES = 256 * 1024;
    before(async () => {
        small = await startEmulatorServer({ port: 0, requestLogMaxBytes: MAX_BYTES });
        small.emulator.reset({ scenario: 'd2c-guest', seed: 1, timeScale: 0 });
        small.emulator.setFaults({ latencyMs: [0, 0] });
    });
    after(async () => {
        await small.close();
    });

    function patch(body: string): Promise<Response> {
        const { webstoreId } = small.emulator.state();
        return fetch(
            `${small.url}/services/data/v66.0/commerce/webstores/${webstoreId}/checkouts/2z9SG0000000000AAA`,
            { method: 'PATCH', headers: { 'content-type': 'application/json' }, body }
        );
    }

    it('keeps bodies as text, truncated past the limit, with their size', async () => {
        const text = JSON.stringify({ shippingInstructions: 'y'.repeat(LOGGED_BODY_LIMIT * 2) });
        await (await patch(text)).arrayBuffer();
        const [entry] = small.emulator.requests().slice(-1);
        assert.equal(typeof entry.body, 'string');
        assert.equal(entry.body!.length, LOGGED_BODY_LIMIT);
        assert.ok(text.startsWith(entry.body!));
        assert.equal(entry.bodyTruncated, true);
        assert.equal(entry.bodyBytes, Buffer.byteLength(text));
        await (await patch('{"contactInfo":{}}')).arrayBuffer();
        const [whole] = small.emulator.requests().slice(-1);
        assert.equal(whole.body, '{"contactInfo":{}}');
        assert.equal(whole.bodyTruncated, undefined);
    });

    it('stays within its byte budget, dropping the oldest entries first', async () => {
        const big = JSON.stringify({ shippingInstructions: 'z'.repeat(LOGGED_BODY_LIMIT) });
        for (let i = 0; i < 60; i++) await (await patch(big)).arrayBuffer();
        const list = small.emulator.requests();
        const kept = JSON.stringify(list).length;
        assert.ok(kept <= MAX_BYTES * 1.1, `${kept} bytes served`);
        assert.ok(list.length < 60);
        const seqs = list.map((e) => e.seq);
        assert.deepEqual(
            seqs,
            [...seqs].sort((a, b) => a - b),
            'oldest first, newest kept'
        );
        assert.equal(seqs.at(-1), Math.max(...seqs));
    });

    it('a deeply nested or a huge body cannot break GET /__emulator/requests', async () => {
        const deep = '['.repeat(400_000) + ']'.repeat(400_000);
        const huge = JSON.stringify({ x: 'w'.repeat(3 * 1024 * 1024) });
        for (const body of [deep, huge, '{"a":'.repeat(100_000)]) {
            const res = await patch(body);
            assert.ok(res.status >= 400 && res.status < 500, String(res.status));
            await res.arrayBuffer();
        }
        const res = await fetch(`${small.url}/__emulator/requests`);
        assert.equal(res.status, 200);
        const list = (await res.json()) as { body: string | null; bodyBytes: number }[];
        const last = list.slice(-3);
        assert.deepEqual(
            last.map((e) => e.bodyBytes),
            [deep.length, huge.length, 500_000]
        );
        assert.ok(
            last.every((e) => typeof e.body === 'string' && e.body.length <= LOGGED_BODY_LIMIT)
        );
    });
});

describe('the admin routes', () => {
    it('refuse a body that is not application/json (415) and change nothing', async () => {
        await h.reset({ scenario: 'd2c-guest', seed: 1, ...INSTANT });
        for (const type of ['text/plain', 'application/x-www-form-urlencoded', undefined]) {
            const answer = await h.call('POST', '/__emulator/reset', undefined, {
                raw: JSON.stringify({ scenario: 'cpq' }),
                headers: type ? { 'content-type': type } : { 'content-type': '' }
            });
            assert.equal(answer.status, 415, String(type));
            assert.equal(answer.body[0].errorCode, 'UNSUPPORTED_MEDIA_TYPE');
        }
        assert.equal(
            (
                await h.call('PUT', '/__emulator/faults', undefined, {
                    raw: '{"dropRate":1}',
                    headers: { 'content-type': 'text/plain' }
                })
            ).status,
            415
        );
        const state = await h.state();
        assert.equal(state.scenario, 'd2c-guest');
        assert.equal(state.faults.dropRate, 0);
        // JSON with a charset is JSON; no body needs no type.
        const json = await h.call('POST', '/__emulator/reset', undefined, {
            raw: JSON.stringify({ scenario: 'cpq' }),
            headers: { 'content-type': 'application/json; charset=utf-8' }
        });
        assert.equal(json.status, 200);
        assert.equal((await h.call('POST', '/__emulator/reset')).status, 200);
    });

    it('answer only their own origin (403 otherwise), and never with Access-Control-Allow-Origin', async () => {
        await h.reset({ scenario: 'd2c-guest', seed: 1, ...INSTANT });
        const own = new URL(h.url).origin;
        for (const origin of ['http://evil.example', 'null', 'http://127.0.0.1:1']) {
            const reset = await h.call(
                'POST',
                '/__emulator/reset',
                { scenario: 'cpq' },
                { headers: { origin } }
            );
            assert.equal(reset.status, 403, origin);
            assert.equal(reset.body[0].errorCode, 'FORBIDDEN');
            const read = await h.call('GET', '/__emulator/requests', undefined, {
                headers: { origin }
            });
            assert.equal(read.status, 403);
        }
        assert.equal((await h.state()).scenario, 'd2c-guest');
        const same = await h.call(
            'POST',
            '/__emulator/reset',
            { scenario: 'cpq' },
            { headers: { origin: own } }
        );
        assert.equal(same.status, 200);
        assert.equal(same.headers.get('access-control-allow-origin'), null);
        // Behind a forwarding proxy, the host the browser used.
        const forwarded = await h.call(
            'POST',
            '/__emulator/reset',
            {},
            {
                headers: {
                    origin: 'https://preview.example',
                    'x-forwarded-host': 'preview.example'
                }
            }
        );
        assert.equal(forwarded.status, 200);
        // The API itself stays open to a page on another origin (a dev server), without credentials.
        const api = await h.connect('GET', '/session-context');
        assert.equal(api.headers.get('access-control-allow-origin'), '*');
        assert.equal(api.headers.get('x-content-type-options'), 'nosniff');
    });
});

describe('orders that are not idempotent', () => {
    async function readyToOrder(options: Record<string, unknown>): Promise<string> {
        await h.reset({ scenario: 'd2c-guest', seed: 1, ...INSTANT, ...options });
        const id = await startReady(h);
        await h.connect('PATCH', `/checkouts/${id}`, {
            contactInfo: GUEST_CONTACT,
            deliveryAddress: SF_ADDRESS
        });
        await h.waitReady(id);
        return id;
    }

    it('by default a second order POST answers the same order', async () => {
        const id = await readyToOrder({});
        const first = await h.connect('POST', `/checkouts/${id}/orders`);
        const second = await h.connect('POST', `/checkouts/${id}/orders`);
        assert.equal(second.body.orderReferenceNumber, first.body.orderReferenceNumber);
        const state = await h.state();
        assert.equal(state.orders.length, 1);
        assert.equal(state.idempotentOrders, true);
    });

    it('with idempotentOrders: false every order POST places a new order, until a reset says true', async () => {
        const id = await readyToOrder({ idempotentOrders: false });
        const first = await h.connect('POST', `/checkouts/${id}/orders`);
        const second = await h.connect('POST', `/checkouts/${id}/orders`);
        assert.equal(first.status, 201);
        assert.equal(second.status, 201);
        assert.notEqual(second.body.orderReferenceNumber, first.body.orderReferenceNumber);
        const orders = (await h.state()).orders as { checkoutId: string }[];
        assert.deepEqual(
            orders.map((o) => o.checkoutId),
            [id, id]
        );
        // Like the scenario, the mode lasts across resets that leave it out.
        const kept = await readyToOrder({});
        assert.equal((await h.state()).idempotentOrders, false);
        await h.connect('POST', `/checkouts/${kept}/orders`);
        await h.connect('POST', `/checkouts/${kept}/orders`);
        assert.equal((await h.state()).orders.length, 2);
        await h.reset({ idempotentOrders: true });
        assert.equal((await h.state()).idempotentOrders, true);
        assert.equal(
            (await h.call('POST', '/__emulator/reset', { idempotentOrders: 'no' })).status,
            400
        );
    });
});

describe('loggedJson', () => {
    it('reads a whole logged body back as JSON, and nothing from a truncated one', () => {
        assert.deepEqual(loggedJson({ body: '{"a":1}' }), { a: 1 });
        assert.equal(loggedJson({ body: 'cartId=active' }), 'cartId=active');
        assert.equal(loggedJson({ body: null }), undefined);
        assert.equal(loggedJson({ body: '{"a":', bodyTruncated: true }), undefined);
    });
});
