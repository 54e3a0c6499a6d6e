import assert from 'node:assert/strict';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createEmulator } from '../src/index';
import { INSTANT, SF_ADDRESS, startHarness, startReady, type Harness } from './helpers';

let h: Harness;
let checkoutId: string;
before(async () => {
    h = await startHarness();
});
after(async () => {
    await h.close();
});
beforeEach(async () => {
    await h.reset({ scenario: 'b2b-buyer', seed: 3, ...INSTANT });
    checkoutId = await startReady(h);
});

/** Sends the request and checks a 4xx with a Connect error body and no state change. */
async function expectRefused(
    send: () => Promise<{ status: number; body: unknown }>,
    status: number
): Promise<void> {
    const before = await h.state();
    const answer = await send();
    assert.equal(answer.status, status, JSON.stringify(answer.body));
    const body = answer.body as { errorCode: string; message: string }[];
    assert.ok(
        Array.isArray(body) && typeof body[0].errorCode === 'string' && body[0].message.length > 10
    );
    const afterState = await h.state();
    assert.deepEqual(afterState.checkout, before.checkout);
    assert.deepEqual(afterState.payments, before.payments);
    assert.deepEqual(afterState.orders, before.orders);
}

function webstorePath(rest: string, webstoreId?: string): Promise<string> {
    return h
        .state()
        .then(
            (s) => `/services/data/v66.0/commerce/webstores/${webstoreId ?? s.webstoreId}${rest}`
        );
}

describe('bad input gets a clear 4xx and changes nothing', () => {
    it('malformed JSON', async () => {
        const path = await webstorePath(`/checkouts/${checkoutId}`);
        await expectRefused(
            () => h.call('PATCH', path, undefined, { raw: '{"contactInfo": {' }),
            400
        );
        const start = await webstorePath('/checkouts');
        await expectRefused(() => h.call('POST', start, undefined, { raw: 'cartId=active' }), 400);
    });

    it('a body that is not an object', async () => {
        await expectRefused(
            () => h.connect('PATCH', `/checkouts/${checkoutId}`, [{ contactInfo: {} }]),
            400
        );
        await expectRefused(
            () => h.connect('PATCH', `/checkouts/${checkoutId}`, 'contactInfo'),
            400
        );
        await expectRefused(() => h.connect('POST', '/checkouts', null), 400);
    });

    it('unknown properties', async () => {
        await expectRefused(
            () => h.connect('POST', '/checkouts', { cartId: 'active', rush: true }),
            400
        );
        await expectRefused(
            () =>
                h.connect('POST', '/checkouts/active/payments', {
                    requestType: 'Auth',
                    paymentToken: 't',
                    cvv: '123'
                }),
            400
        );
        await expectRefused(
            () =>
                h.connect('POST', '/checkouts', {
                    cartId: 'active',
                    deliveryAddressInput: { ...SF_ADDRESS, planet: 'Mars' }
                }),
            400
        );
    });

    it('wrong types', async () => {
        await expectRefused(() => h.connect('POST', '/checkouts', { cartId: 42 }), 400);
        await expectRefused(
            () =>
                h.connect('POST', '/checkouts', {
                    cartId: 'active',
                    deliveryAddressInput: { shouldUseDefaultAddress: 'yes' }
                }),
            400
        );
        await expectRefused(
            () =>
                h.connect('POST', '/checkouts', {
                    cartId: 'active',
                    deliveryAddressInput: { ...SF_ADDRESS, id: 7 }
                }),
            400
        );
        await expectRefused(
            () => h.connect('PATCH', `/checkouts/${checkoutId}`, { shippingInstructions: ['a'] }),
            400
        );
        await expectRefused(
            () =>
                h.connect('PATCH', `/checkouts/${checkoutId}`, {
                    deliveryAddress: { ...SF_ADDRESS, isDefault: 'yes' }
                }),
            400
        );
        await expectRefused(
            () =>
                h.connect('POST', '/checkouts/active/payments', {
                    requestType: 'Cash',
                    paymentToken: 't'
                }),
            400
        );
        await expectRefused(
            () => h.connect('POST', '/checkouts/active/orders', { rush: true }),
            400
        );
    });

    it('a start whose custom fields name an unknown group creates no checkout', async () => {
        await h.reset({ scenario: 'd2c-guest', seed: 3, ...INSTANT });
        const answer = await h.connect('POST', '/checkouts', {
            cartId: 'active',
            customFields: [
                {
                    attributes: { type: 'CartDeliveryGroup' },
                    Id: '0a7SG0000000000AAA',
                    MyCustomTextField__c: 'x'
                }
            ]
        });
        assert.equal(answer.status, 404);
        assert.equal((await h.state()).checkoutId, null);
        const accepted = await h.connect('POST', '/checkouts', {
            cartId: 'active',
            customFields: [{ attributes: { type: 'CartDeliveryGroup' }, MyCustomTextField__c: 'x' }]
        });
        assert.equal(accepted.status, 202);
    });

    it('unknown ids', async () => {
        await expectRefused(() => h.connect('GET', '/checkouts/2z9SG0000000000AAA'), 404);
        await expectRefused(
            () => h.connect('PATCH', '/checkouts/not-an-id', { contactInfo: {} }),
            404
        );
        await expectRefused(
            () => h.connect('POST', '/checkouts', { cartId: '0a6SG0000000000AAA' }),
            404
        );
        await expectRefused(() => h.connect('GET', '/accounts/001SG0000000000AAA/addresses'), 404);
    });

    it('a wrong webstore', async () => {
        await expectRefused(
            async () =>
                h.call('GET', await webstorePath('/checkouts/active', '0ZESG0000000000AAA')),
            404
        );
        await expectRefused(
            async () => h.call('GET', await webstorePath('/checkouts/active', 'x')),
            404
        );
    });

    it('an oversize body (more than 1 MB) answers 413', async () => {
        const huge = JSON.stringify({ shippingInstructions: 'x'.repeat(1024 * 1024 + 10) });
        await expectRefused(
            async () =>
                h.call('PATCH', await webstorePath(`/checkouts/${checkoutId}`), undefined, {
                    raw: huge
                }),
            413
        );
        const logged = (await h.call('GET', '/__emulator/requests')).body.at(-1);
        assert.equal(logged.status, 413);
        // The log keeps the beginning of the body as text, and says it is not all of it.
        assert.equal(logged.bodyTruncated, true);
        assert.equal(logged.bodyBytes, Buffer.byteLength(huge));
        assert.ok(huge.startsWith(logged.body) && logged.body.length >= 1024);
    });

    it('unsupported methods and unknown resources', async () => {
        await expectRefused(() => h.connect('PUT', '/checkouts/active', {}), 405);
        await expectRefused(() => h.connect('GET', '/checkouts'), 405);
        await expectRefused(() => h.connect('GET', '/wishlists'), 404);
        await expectRefused(() => h.call('GET', '/services/data/v66.0/sobjects/Account'), 404);
        await expectRefused(
            async () => h.call('GET', await webstorePath('/checkouts/%E0%A4%A')),
            400
        );
    });

    it('bad admin requests', async () => {
        assert.equal(
            (await h.call('POST', '/__emulator/reset', { scenario: 'no-such-store' })).status,
            400
        );
        assert.equal(
            (await h.call('POST', '/__emulator/reset', undefined, { raw: '{' })).status,
            400
        );
        assert.equal((await h.call('POST', '/__emulator/reset', { timeScale: -1 })).status, 400);
        // timeScale multiplies delays; a speed-up factor like 20 is refused rather than run 20× slower.
        const speedUp = await h.call('POST', '/__emulator/reset', { timeScale: 20 });
        assert.equal(speedUp.status, 400);
        assert.match(speedUp.body[0].message, /multiplies every delay/);
        assert.equal((await h.call('DELETE', '/__emulator/state')).status, 405);
        assert.equal((await h.call('GET', '/__emulator/nothing')).status, 404);
        // Still the same store after all that.
        assert.equal((await h.state()).scenario, 'b2b-buyer');
    });

    it('the server keeps answering after all of it', async () => {
        assert.equal((await h.connect('GET', '/checkouts/active')).status, 200);
    });
});

describe('mounting on another server', () => {
    it('handle() answers only the emulator’s paths and returns false for the rest', async () => {
        const emulator = createEmulator({ scenario: 'd2c-guest', seed: 1, timeScale: 0 });
        const server = createServer((req, res) => {
            void emulator.handle(req, res).then((handled) => {
                if (!handled) {
                    res.writeHead(200, { 'content-type': 'text/plain' });
                    res.end('host page');
                }
            });
        });
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        const port = (server.address() as AddressInfo).port;
        const get = (path: string) =>
            new Promise<{ status: number; text: string }>((resolve, reject) => {
                request({ host: '127.0.0.1', port, path }, (res) => {
                    let text = '';
                    res.on('data', (c: Buffer) => (text += c.toString()));
                    res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
                })
                    .on('error', reject)
                    .end();
            });
        try {
            assert.deepEqual(await get('/index.html'), { status: 200, text: 'host page' });
            const state = await get('/__emulator/state');
            assert.equal(JSON.parse(state.text).scenario, 'd2c-guest');
            const ws = JSON.parse(state.text).webstoreId;
            // An LWR site's base path in front of /webruntime/api is accepted.
            const context = await get(
                `/mystore/webruntime/api/services/data/v66.0/commerce/webstores/${ws}/session-context`
            );
            assert.equal(context.status, 200);
        } finally {
            emulator.close();
            server.closeAllConnections();
            await new Promise((resolve) => server.close(resolve));
        }
    });
});
