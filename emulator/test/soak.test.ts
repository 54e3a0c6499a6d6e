import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { startEmulatorServer, type EmulatorServer } from '../src/index';
import { Random } from '../src/random';
import { GUEST_CONTACT, SF_ADDRESS } from './helpers';

const TOTAL_REQUESTS = 10000;
const WORKERS = 8;
const LOG_CAPACITY = 2000;

/** Collects garbage before a heap reading, so growth means retained memory, not garbage not yet collected. */
function collectGarbage(): void {
    setFlagsFromString('--expose-gc');
    (runInNewContext('gc') as () => void)();
}

let server: EmulatorServer;
before(async () => {
    server = await startEmulatorServer({ port: 0, requestLogCapacity: LOG_CAPACITY });
});
after(async () => {
    await server.close();
});

describe('endurance', () => {
    it(`survives ${TOTAL_REQUESTS} mixed requests with every fault on, without leaking`, async (t) => {
        const e = server.emulator;
        e.reset({ scenario: 'multi-group', seed: 99, timeScale: 0.002 });
        e.setFaults({
            conflictRate: 0.1,
            serverErrorRate: 0.05,
            dropRate: 0.03,
            calculatorFailureRate: 0.1,
            sessionErrorRate: 0.1,
            authExpiryRate: 0.02,
            goneRate: 0.02,
            hangRate: 0.01
        });
        const state = e.state();
        // A signed-in buyer: every write carries the session's token, and names the checkout it writes.
        const headers = { 'csrf-token': state.csrfToken };
        let checkoutId = 'active';
        const base = `${server.url}/services/data/v66.0/commerce/webstores/${state.webstoreId}`;
        const lwrBase = `${server.url}/webruntime/api/services/data/v66.0/commerce/webstores/${state.webstoreId}`;
        const random = new Random(2024);
        const pick = <T>(items: T[]): T => items[random.index(items.length)];

        type Send = () => Promise<Response>;
        const json =
            (method: string, url: string, body?: unknown, raw?: string): Send =>
            () =>
                fetch(url, {
                    method,
                    headers,
                    body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
                    // A hung request is given up on, as a client with a timeout does.
                    signal: AbortSignal.timeout(250)
                });
        const checkout = () => `${base}/checkouts/${checkoutId}`;
        const mix: (() => Send)[] = [
            () => json('POST', `${base}/checkouts`, { cartId: 'active' }),
            () => json('GET', `${pick([base, lwrBase])}/checkouts/active`),
            () => json('GET', `${base}/checkouts/active`),
            () =>
                json('PATCH', checkout(), {
                    contactInfo: { ...GUEST_CONTACT, firstName: `A${random.index(1000)}` }
                }),
            () =>
                json('PATCH', checkout(), {
                    deliveryAddress: { ...SF_ADDRESS, street: `${random.index(500)} Main St` }
                }),
            () =>
                json('PATCH', checkout(), {
                    deliveryAddress: SF_ADDRESS,
                    deliveryMethodId: '2DmSG0000000000AAA'
                }),
            () =>
                json('PATCH', checkout(), {
                    customFields: [{ attributes: { type: 'WebCart' }, MyCustomTextField__c: 'x' }]
                }),
            () => json('PATCH', checkout(), undefined, '{"broken": '),
            () =>
                json('POST', `${base}/checkouts/active/payments`, {
                    requestType: 'SimplePurchaseOrder',
                    paymentToken: `PO-${random.index(99)}`
                }),
            () => json('POST', `${base}/checkouts/active/orders`),
            () => json('DELETE', checkout()),
            () => json('GET', `${base}/accounts/${state.accountId}/addresses?addressType=Shipping`),
            () => json('GET', `${base}/session-context`),
            () =>
                json('POST', `${server.url}/apex/CheckoutSessionController/getSession`, {
                    checkoutId: 'active'
                }),
            () =>
                json(
                    'GET',
                    `${server.url}/services/data/v66.0/commerce/webstores/0ZESG0000000000AAA/checkouts/active`
                )
        ];

        let sent = 0;
        let dropped = 0;
        const statuses = new Map<number, number>();
        /** Sends `n` more requests from the mix, WORKERS at a time. */
        async function sendMore(n: number): Promise<void> {
            const target = sent + n;
            await Promise.all(
                Array.from({ length: WORKERS }, async () => {
                    while (sent < target) {
                        sent++;
                        try {
                            const res = await pick(mix)()();
                            const text = await res.text();
                            statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
                            // A start names the checkout the next writes go to.
                            const started = /^\{"checkoutId":"(\w+)"/.exec(text);
                            if (started) checkoutId = started[1];
                        } catch {
                            dropped++;
                        }
                    }
                })
            );
        }

        // Warm up (JIT, connection pools), then measure the heap over the rest of the run.
        const warmup = TOTAL_REQUESTS / 10;
        await sendMore(warmup);
        collectGarbage();
        const heapBefore = process.memoryUsage().heapUsed;
        await sendMore(TOTAL_REQUESTS - warmup);
        collectGarbage();
        const heapAfter = process.memoryUsage().heapUsed;

        t.diagnostic(
            `heap growth ${((heapAfter - heapBefore) / 1048576).toFixed(1)} MB, dropped ${dropped}, statuses ${JSON.stringify(Object.fromEntries(statuses))}`
        );
        assert.ok(sent >= TOTAL_REQUESTS);
        // Every fault fired, and so did the happy paths.
        for (const status of [200, 202, 400, 401, 404, 409, 410, 422, 500])
            assert.ok((statuses.get(status) ?? 0) > 0, `saw ${status}`);
        assert.ok(dropped > 0, 'some connections were dropped');
        assert.ok(
            e.requests().some((r) => r.fault === 'hang-before' || r.fault === 'hang-after'),
            'some requests hung until the client gave up'
        );
        // Bounded: the log holds its capacity, no more; the heap did not grow by anything like the traffic.
        const log = e.requests();
        assert.equal(log.length, LOG_CAPACITY);
        assert.ok(log[log.length - 1].seq > TOTAL_REQUESTS - LOG_CAPACITY);
        assert.ok(
            heapAfter - heapBefore < 16 * 1024 * 1024,
            `heap grew by ${Math.round((heapAfter - heapBefore) / 1048576)} MB`
        );
        // At most one order per checkout, whatever happened.
        const orders = e.state().orders as { checkoutId: string }[];
        assert.equal(new Set(orders.map((o) => o.checkoutId)).size, orders.length);
        // Still serving normally.
        e.setFaults({});
        const res = await fetch(`${base}/session-context`);
        assert.equal(res.status, 200);
    });
});
