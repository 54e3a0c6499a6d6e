/**
 * The faults real sites have, beyond the transient ones (issues 10 and 11): the site session ended
 * (`authExpiryRate`), the checkout expired (`goneRate`), and a request never answered (`hangRate`).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { defaultFaults } from '../src/index';
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

const QUIET = { latencyMs: [0, 0] };

/** A fresh store with every fault off (a reset otherwise keeps the faults). */
function fresh(scenario: string) {
    return h.reset({ scenario, seed: 4, ...INSTANT, faults: QUIET });
}

/** A Connect URL under the webstore, optionally behind an LWR site prefix. */
async function connectUrl(rest: string, prefix = ''): Promise<string> {
    const { webstoreId } = await h.state();
    return `${h.url}${prefix}/webruntime/api/services/data/v66.0/commerce/webstores/${webstoreId}${rest}`;
}

async function logged(): Promise<{ fault?: string; status: number; method: string }[]> {
    return (await h.call('GET', '/__emulator/requests')).body;
}

describe('authExpiryRate: the site session ended', () => {
    it('answers a 200 login page, a 302 to it, or a 401 Connect error (seeded), and changes nothing', async () => {
        const { csrfToken } = await fresh('b2b-buyer');
        const id = await startReady(h);
        const before = (await h.state()).checkout;
        await h.faults({ ...QUIET, authExpiryRate: 1 });
        const seen = new Set<string>();
        const url = await connectUrl(`/checkouts/${id}`);
        for (let i = 0; i < 12; i++) {
            const res = await fetch(url, {
                method: 'PATCH',
                redirect: 'manual',
                headers: { 'content-type': 'application/json', 'csrf-token': csrfToken },
                body: JSON.stringify({ contactInfo: { ...GUEST_CONTACT, firstName: `N${i}` } })
            });
            const text = await res.text();
            if (res.status === 200) {
                assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
                assert.match(text, /<form[^>]*>/);
                seen.add('login-page');
            } else if (res.status === 302) {
                const location = res.headers.get('location') ?? '';
                assert.match(location, /^\/login\?startURL=%2Fwebruntime%2Fapi%2F/);
                seen.add('redirect');
            } else {
                assert.equal(res.status, 401);
                assert.deepEqual(JSON.parse(text), [
                    { errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid' }
                ]);
                seen.add('unauthorized');
            }
        }
        assert.deepEqual([...seen].sort(), ['login-page', 'redirect', 'unauthorized']);
        assert.deepEqual((await h.state()).checkout, before, 'nothing was saved');
        const faults = (await logged()).slice(-12).map((e) => e.fault);
        assert.ok(faults.every((f) => f?.startsWith('session-ended-')));
        // Apex is the framework's business, not the site proxy's: untouched.
        const session = await h.apex('CheckoutSessionController.getSession', { checkoutId: id });
        assert.equal(session.status, 200);
    });

    it('a redirected browser lands on the site’s login page (under the site prefix)', async () => {
        await fresh('d2c-guest');
        await h.faults({ ...QUIET, authExpiryRate: 1 });
        for (let i = 0; i < 10; i++) {
            const res = await fetch(await connectUrl('/checkouts/active', '/mystore'));
            assert.equal(res.status === 200 || res.status === 401, true);
            if (res.redirected) {
                assert.match(res.url, /\/mystore\/login\?startURL=/);
                assert.match(await res.text(), /Sign in/);
                return;
            }
            await res.arrayBuffer();
        }
        assert.fail('no redirect in 10 seeded draws');
    });
});

describe('goneRate: the checkout expired', () => {
    it('answers 410 with a Connect error; the checkout is really gone and a start makes a new one', async () => {
        await fresh('d2c-guest');
        const id = await startReady(h);
        await h.connect('POST', `/checkouts/${id}/payments`, {
            requestType: 'SimplePurchaseOrder',
            paymentToken: 'PO-9'
        });
        await h.faults({ ...QUIET, goneRate: 1 });
        // Requests on no checkout are untouched.
        assert.equal((await h.connect('GET', '/session-context')).status, 200);
        const gone = await h.connect('PATCH', `/checkouts/${id}`, { contactInfo: GUEST_CONTACT });
        assert.equal(gone.status, 410);
        assert.equal(gone.body[0].errorCode, 'GONE');
        assert.equal((await logged()).at(-1)!.fault, 'gone');
        await h.faults(QUIET);
        const state = await h.state();
        assert.equal(state.checkoutStatus, 410);
        assert.deepEqual(state.payments, []);
        assert.equal((await h.connect('GET', `/checkouts/${id}`)).status, 410);
        const restarted = await h.connect('POST', '/checkouts', { cartId: 'active' });
        assert.equal(restarted.status, 202);
        assert.notEqual(restarted.body.checkoutId, id);
    });

    it('a checkout with an order does not expire', async () => {
        await fresh('d2c-guest');
        const id = await startReady(h);
        await h.connect('PATCH', `/checkouts/${id}`, {
            contactInfo: GUEST_CONTACT,
            deliveryAddress: SF_ADDRESS
        });
        await h.waitReady(id);
        assert.equal((await h.connect('POST', `/checkouts/${id}/orders`)).status, 201);
        await h.faults({ ...QUIET, goneRate: 1 });
        assert.equal((await h.connect('GET', `/checkouts/${id}`)).status, 200);
    });
});

describe('hangRate: a request never answered', () => {
    it('waits until the client gives up; a hang after the work has saved it, one before has not', async () => {
        await fresh('d2c-guest');
        const id = await startReady(h);
        await h.faults({ ...QUIET, hangRate: 1 });
        const url = await connectUrl(`/checkouts/${id}`);
        const faults = new Set<string>();
        for (let i = 0; i < 8; i++) {
            const firstName = `Hung${i}`;
            const before = (await logged()).length;
            const abort = new AbortController();
            const sent = fetch(url, {
                method: 'PATCH',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ contactInfo: { ...GUEST_CONTACT, firstName } }),
                signal: abort.signal
            }).then(
                () => 'answered',
                () => 'aborted'
            );
            const waited = await Promise.race([
                sent,
                new Promise((resolve) => setTimeout(() => resolve('still waiting'), 100))
            ]);
            assert.equal(waited, 'still waiting');
            abort.abort();
            assert.equal(await sent, 'aborted');
            // The emulator notices the client left, and logs the request unanswered.
            for (let tries = 0; (await logged()).length <= before && tries < 100; tries++)
                await new Promise((resolve) => setTimeout(resolve, 10));
            const last = (await logged()).at(-1)!;
            assert.equal(last.status, 0);
            assert.match(last.fault ?? '', /^hang-(before|after)$/);
            faults.add(last.fault!);
            const checkout = (await h.state()).checkout as { contactInfo: { firstName: string } };
            const saved = checkout.contactInfo.firstName === firstName;
            assert.equal(saved, last.fault === 'hang-after', `${last.fault} saved: ${saved}`);
        }
        assert.deepEqual([...faults].sort(), ['hang-after', 'hang-before']);
    });

    it('a reset ends every hung request without an answer', async () => {
        await fresh('d2c-guest');
        await h.faults({ ...QUIET, hangRate: 1 });
        const hung = fetch(await connectUrl('/session-context')).then(
            () => 'answered',
            () => 'closed'
        );
        await new Promise((resolve) => setTimeout(resolve, 50));
        await fresh('d2c-guest');
        assert.equal(await hung, 'closed');
        assert.equal((await h.connect('GET', '/session-context')).status, 200);
    });

    it('a reset ends a request still in its latency: it never answers, changes, draws from or is logged in the new session', async () => {
        await h.reset({
            scenario: 'd2c-guest',
            seed: 4,
            timeScale: 1,
            faults: { latencyMs: [400, 400] }
        });
        const started = fetch(await connectUrl('/checkouts'), {
            method: 'PUT',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ cartId: 'active' })
        }).then(
            () => 'answered',
            () => 'closed'
        );
        await new Promise((resolve) => setTimeout(resolve, 50));
        await fresh('d2c-guest');
        assert.equal(await started, 'closed');
        assert.equal((await h.state()).checkout, null, 'the new session has no checkout');
        assert.deepEqual(await logged(), []);
    });
});

describe('the developer panel', () => {
    it('lists every rate PUT /__emulator/faults takes', async () => {
        const panel = new URL(
            '../../preview/app/modules/preview/developerPanel/faultSettings.js',
            import.meta.url
        );
        const { PERCENT_FAULTS } = (await import(panel.href)) as {
            PERCENT_FAULTS: { name: string; label: string }[];
        };
        const rates = Object.keys(defaultFaults()).filter((k) => k.endsWith('Rate'));
        assert.deepEqual(PERCENT_FAULTS.map((f) => f.name).sort(), rates.sort());
    });
});
