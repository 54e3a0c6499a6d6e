/**
 * Golden run: seeded checkouts in every kind of store, with faults on, driven over HTTP step by step. After
 * each
 * step it records the answer, the new request-log entries and what changed in `GET /__emulator/state`, and
 * compares the whole recording, as text, with `golden/emulator-run.jsonl`. It pins the emulator's behaviour
 * (seeded draw order, money, ids, timings) so that a refactoring can show it changed nothing.
 * `UPDATE_GOLDEN=1 npm run test:emulator` rewrites the file after an intended change.
 *
 * The emulator reads its clock through `performance`, so the test replaces `performance.now` (and fixes
 * `timeOrigin`) with a clock that moves only when the script says: time stamps, calculator windows and the
 * 202/200 answers of polls are then the same on every run. Real time only paces the latency sleeps.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { after, before, describe, it } from 'node:test';
import { startEmulatorServer, type EmulatorServer } from '../src/index';

const GOLDEN = new URL('./golden/emulator-run.jsonl', import.meta.url);
const TIME_ORIGIN = Date.UTC(2026, 0, 1);
const TODAY = '2026-01-05';

let clock = 0;
function advance(ms: number): void {
    clock += ms;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Outcome = { status: number; body: Json; warning?: string } | { dropped: string };

let server: EmulatorServer;

before(async () => {
    Object.defineProperty(performance, 'now', { value: () => clock, configurable: true });
    Object.defineProperty(performance, 'timeOrigin', { value: TIME_ORIGIN, configurable: true });
    server = await startEmulatorServer({ port: 0 });
});

after(async () => {
    await server.close();
    delete (performance as { now?: unknown }).now;
    delete (performance as { timeOrigin?: unknown }).timeOrigin;
});

/** One request on its own connection (no keep-alive, so a dropped socket never affects the next request). */
function send(
    method: string,
    path: string,
    body?: unknown,
    raw?: string,
    headers: Record<string, string> = {}
): Promise<Outcome> {
    const payload = raw ?? (body === undefined ? undefined : JSON.stringify(body));
    return new Promise((resolve) => {
        const req = request(
            `${server.url}${path}`,
            {
                method,
                agent: false,
                headers: {
                    ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
                    ...headers
                }
            },
            (res) => {
                const chunks: Buffer[] = [];
                res.on('data', (c: Buffer) => chunks.push(c));
                res.on('end', () => {
                    const text = Buffer.concat(chunks).toString('utf8');
                    let parsed: Json = text;
                    try {
                        parsed = text === '' ? null : (JSON.parse(text) as Json);
                    } catch {
                        // Not JSON: kept as text.
                    }
                    const warning = res.headers.warning;
                    resolve({
                        status: res.statusCode ?? 0,
                        body: parsed,
                        ...(warning ? { warning } : {})
                    });
                });
                res.on('error', (e) => resolve({ dropped: e.message }));
            }
        );
        req.on('error', () => resolve({ dropped: 'connection closed without an answer' }));
        req.end(payload);
    });
}

function isDropped(o: Outcome): o is { dropped: string } {
    return 'dropped' in o;
}

/** An admin read: never faulted, never logged. */
async function adminRead<T>(path: string): Promise<T> {
    const answer = await send('GET', path);
    if (isDropped(answer)) throw new Error(`${path}: ${answer.dropped}`);
    return answer.body as T;
}

/** The paths and values that differ between two states; a removed key is recorded as `{"$removed": true}`. */
function changes(
    before: Json,
    after: Json,
    path = '',
    out: [string, Json][] = []
): [string, Json][] {
    if (JSON.stringify(before) === JSON.stringify(after)) return out;
    const plain = (v: Json): v is { [key: string]: Json } =>
        typeof v === 'object' && v !== null && !Array.isArray(v);
    if (plain(before) && plain(after)) {
        for (const key of Object.keys(after)) {
            if (key in before) changes(before[key], after[key], `${path}.${key}`, out);
            else out.push([`${path}.${key}`, after[key]]);
        }
        for (const key of Object.keys(before))
            if (!(key in after)) out.push([`${path}.${key}`, { $removed: true }]);
    } else if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
        after.forEach((v, i) => changes(before[i], v, `${path}[${i}]`, out));
    } else {
        out.push([path || '.', after]);
    }
    return out;
}

interface ResetState {
    accountId: string;
    cpqCartId: string;
    cpqNamespace: string;
}

/** Records one run: every step's answer, the log entries it added, and the state it left. */
class Run {
    readonly steps: Json[] = [];
    private lastSeq = 0;
    private lastState: Json = null;
    webstoreId = '';
    query = '';
    /** The session's CSRF token: every Connect write carries it, as a storefront page's do. */
    csrfToken = '';

    constructor(readonly name: string) {}

    async record(step: string, answer: Outcome | Json): Promise<void> {
        const log =
            await adminRead<{ seq: number; headers: { host?: string } }[]>('/__emulator/requests');
        // The Host header names the test server's ephemeral port: left out, so runs compare.
        const added = log
            .filter((e) => e.seq > this.lastSeq)
            .map((e) => ({ ...e, headers: { ...e.headers, host: undefined } }));
        if (added.length > 0) this.lastSeq = added[added.length - 1].seq;
        const state = await adminRead<Json>('/__emulator/state');
        // A checkout answer is usually the state's checkout too: say so rather than record it twice.
        const checkout = (state as { checkout?: Json }).checkout;
        const body = (answer as { body?: Json } | null)?.body;
        const same =
            body !== undefined &&
            body !== null &&
            JSON.stringify(body) === JSON.stringify(checkout);
        const recorded = same ? { ...(answer as object), body: "(the state's checkout)" } : answer;
        const entry: { [key: string]: Json } = { step, clock, answer: recorded as Json };
        if (added.length > 0) entry.log = added as unknown as Json;
        if (this.lastState === null) entry.state = state;
        else entry.stateChanges = changes(this.lastState, state) as unknown as Json;
        this.lastState = state;
        this.steps.push(entry);
    }

    /** An admin call (not in the request log, no fault draws). */
    async admin(
        step: string,
        method: string,
        path: string,
        body?: unknown,
        raw?: string,
        headers?: Record<string, string>
    ): Promise<Outcome> {
        const answer = await send(method, path, body, raw, headers);
        if (path === '/__emulator/reset' && !isDropped(answer) && answer.status === 200) {
            this.webstoreId = (answer.body as { webstoreId: string }).webstoreId;
            this.csrfToken = (answer.body as { csrfToken: string }).csrfToken;
            this.lastState = null;
        }
        await this.record(step, answer);
        return answer;
    }

    async call(
        step: string,
        method: string,
        path: string,
        body?: unknown,
        options: { raw?: string; headers?: Record<string, string> } = {}
    ): Promise<Outcome> {
        const write = method !== 'GET' && path.includes('/commerce/webstores/');
        const headers = options.headers ?? (write ? { 'csrf-token': this.csrfToken } : {});
        const answer = await send(method, path, body, options.raw, headers);
        await this.record(step, answer);
        return answer;
    }

    /** A fresh store, faults on unless the body says otherwise; answers the state. */
    async reset(body: Record<string, unknown>): Promise<ResetState> {
        const answer = await this.admin('reset', 'POST', '/__emulator/reset', {
            timeScale: 0.05,
            today: TODAY,
            faults: FAULTS,
            ...body
        });
        if (isDropped(answer) || answer.status !== 200)
            throw new Error(`${this.name}: reset failed`);
        return answer.body as unknown as ResetState;
    }

    /** Starts or resumes the checkout, retrying transient failures: its id, or `active` if none came back. */
    async start(
        step: string,
        body: unknown = { cartId: 'active' },
        method = 'POST'
    ): Promise<string> {
        const answer = await this.attempt(step, method, this.connect('/checkouts'), body);
        if (isDropped(answer)) return 'active';
        return (answer.body as { checkoutId?: string }).checkoutId ?? 'active';
    }

    /** A Connect path under the webstore, with the query a storefront sends. */
    connect(rest: string, version = 'v66.0'): string {
        return `/services/data/${version}/commerce/webstores/${this.webstoreId}${rest}${this.query}`;
    }

    /** Sends until the answer is not a transient failure (drop, 409, 423, 5xx), as a client would. */
    async attempt(step: string, method: string, path: string, body?: unknown): Promise<Outcome> {
        let answer: Outcome = { dropped: 'never sent' };
        for (let i = 0; i < 10; i++) {
            answer = await this.call(i === 0 ? step : `${step} (retry ${i})`, method, path, body);
            if (!isDropped(answer) && ![409, 423].includes(answer.status) && answer.status < 500)
                return answer;
            advance(25);
        }
        return answer;
    }

    /** GETs the checkout until it is no longer processing, reading the session on the way. */
    async waitReady(step: string, pollMs: number, id = 'active'): Promise<Outcome> {
        for (let i = 1; i <= 80; i++) {
            const answer = await this.call(
                `${step}: poll ${i}`,
                'GET',
                this.connect(`/checkouts/${id}`)
            );
            if (
                !isDropped(answer) &&
                ![202, 409, 423].includes(answer.status) &&
                answer.status < 500
            )
                return answer;
            if (i % 2 === 1) await this.session(`${step}: session ${i}`, id);
            advance(pollMs);
        }
        throw new Error(`${this.name}: ${step} never became ready`);
    }

    session(step: string, checkoutId: string): Promise<Outcome> {
        return this.call(step, 'POST', '/apex/CheckoutSessionController/getSession', {
            checkoutId
        });
    }

    /** A write, then readiness; after a calculator failure (422) the same write is sent again. */
    async write(
        step: string,
        method: string,
        path: string,
        body: unknown,
        pollMs: number
    ): Promise<Outcome> {
        for (let round = 1; round <= 4; round++) {
            const label = round === 1 ? step : `${step} (again after 422, round ${round})`;
            const answer = await this.attempt(label, method, path, body);
            if (isDropped(answer) || answer.status >= 300) return answer;
            const ready = await this.waitReady(label, pollMs);
            if (isDropped(ready) || ready.status !== 422) return ready;
        }
        return this.waitReady(`${step}: final`, pollMs);
    }

    /** Places the order, then watches the session through Cart To Order and Order Confirmation. */
    async order(step: string, checkoutId: string, pollMs: number): Promise<Outcome> {
        const placed = await this.attempt(step, 'POST', this.connect('/checkouts/active/orders'));
        for (let i = 1; i <= 8; i++) {
            await this.session(`${step}: session ${i}`, checkoutId);
            advance(pollMs);
        }
        return placed;
    }
}

function methodsOf(answer: Outcome, group = 0): { id: string; adjustedShippingFee: string }[] {
    if (isDropped(answer) || answer.status !== 200) return [];
    const body = answer.body as {
        deliveryGroups?: {
            items: { availableDeliveryMethods: { id: string; adjustedShippingFee: string }[] }[];
        };
    };
    return body.deliveryGroups?.items[group]?.availableDeliveryMethods ?? [];
}

function groupIds(state: Json): string[] {
    const checkout = (state as { checkout: { deliveryGroups: { items: { id: string }[] } } | null })
        .checkout;
    return checkout?.deliveryGroups.items.map((g) => g.id) ?? [];
}

function currentState(): Promise<Json> {
    return adminRead<Json>('/__emulator/state');
}

const FAULTS = {
    conflictRate: 0.12,
    serverErrorRate: 0.08,
    dropRate: 0.07,
    calculatorFailureRate: 0.12,
    sessionErrorRate: 0.25,
    lockRate: 0.04
};

const GUEST = {
    firstName: 'Alan',
    lastName: 'Johnson',
    email: 'alan@example.com',
    phoneNumber: '4155550123'
};
const SF = {
    name: 'Alan Johnson',
    firstName: 'Alan',
    lastName: 'Johnson',
    street: '415 Mission St',
    city: 'San Francisco',
    region: 'CA',
    postalCode: '94105',
    country: 'US'
};
const TORONTO = {
    name: 'Alan Johnson',
    street: '100 King St W',
    city: 'Toronto',
    region: 'ON',
    postalCode: 'M5X 1A9',
    country: 'CA'
};
const ANCHORAGE = {
    name: 'Alan Johnson',
    street: '1 Main St',
    city: 'Anchorage',
    region: 'AK',
    postalCode: '99501',
    country: 'US'
};

async function guestRun(): Promise<Run> {
    const run = new Run('d2c-guest with faults');
    run.query = '?language=en-US&asGuest=true&htmlEncode=false';
    await run.reset({ scenario: 'd2c-guest', seed: 11 });
    const firstId = await run.start('start');
    await run.waitReady('start', 20);
    await run.attempt('delete', 'DELETE', run.connect(`/checkouts/${firstId}`));
    await run.call('deleted id', 'GET', run.connect(`/checkouts/${firstId}`));
    await run.call('no active', 'GET', run.connect('/checkouts/active'));
    await run.session('deleted session', firstId);
    const id = await run.start('restart');
    await run.waitReady('restart', 20);
    await run.attempt('order before contact', 'POST', run.connect('/checkouts/active/orders'));
    await run.attempt('order with a body', 'POST', run.connect('/checkouts/active/orders'), {
        force: true
    });
    await run.attempt('start with the default address', 'POST', run.connect('/checkouts'), {
        cartId: 'active',
        deliveryAddressInput: { shouldUseDefaultAddress: true }
    });
    await run.attempt('start naming a delivery group', 'POST', run.connect('/checkouts'), {
        cartId: 'active',
        customFields: [
            {
                attributes: { type: 'CartDeliveryGroup' },
                Id: '0a7SG0000000001AAA',
                DockNumber__c: '1'
            }
        ]
    });
    await run.attempt(
        'guest addresses',
        'GET',
        run.connect('/accounts/001SG0000000000AAA/addresses')
    );
    await run.attempt(
        'guest with an effective account',
        'GET',
        `${run.connect('/checkouts/active')}&effectiveAccountId=001SG0000000000AAA`
    );
    await run.call(
        'session without an id',
        'POST',
        '/apex/CheckoutSessionController/getSession',
        {}
    );
    await run.call('session context', 'GET', run.connect('/session-context'));
    await run.call('forbidden pair', 'PATCH', run.connect(`/checkouts/${id}`), {
        deliveryAddress: SF,
        deliveryMethodId: '2DmSG0000000000AAA'
    });
    await run.call('broken JSON', 'PATCH', run.connect(`/checkouts/${id}`), undefined, {
        raw: '{"contactInfo": '
    });
    await run.call('too large', 'PATCH', run.connect(`/checkouts/${id}`), undefined, {
        raw: JSON.stringify({ shippingInstructions: 'x'.repeat(1024 * 1024) })
    });
    const ready = await run.write(
        'contact and address',
        'PATCH',
        run.connect(`/checkouts/${id}`),
        { contactInfo: GUEST, deliveryAddress: SF },
        20
    );
    const methods = methodsOf(ready);
    if (methods.length > 0)
        await run.write(
            'dearest method',
            'PATCH',
            run.connect(`/checkouts/${id}`),
            { deliveryMethodId: methods[methods.length - 1].id },
            20
        );
    await run.write(
        'contact and cart fields',
        'PATCH',
        run.connect(`/checkouts/${id}`),
        {
            contactInfo: { ...GUEST, lastName: 'Johnston' },
            customFields: [
                {
                    attributes: { type: 'WebCart' },
                    MyCustomTextField__c: 'Foo',
                    MyCustomNumberField__c: 12.34
                }
            ]
        },
        20
    );
    await run.write(
        'date and instructions',
        'PATCH',
        run.connect(`/checkouts/${id}`),
        { desiredDeliveryDate: '2026-01-20', shippingInstructions: 'Leave at the door' },
        20
    );
    await run.write(
        'unserved postal code',
        'PATCH',
        run.connect(`/checkouts/${id}`),
        { deliveryAddress: { ...SF, postalCode: '00000' } },
        20
    );
    await run.call('order on failed shipping', 'POST', run.connect('/checkouts/active/orders'));
    await run.write(
        'Anchorage',
        'PATCH',
        run.connect(`/checkouts/${id}`),
        { deliveryAddress: ANCHORAGE },
        20
    );
    await run.attempt('declined payment', 'POST', run.connect('/checkouts/active/payments'), {
        requestType: 'SimplePurchaseOrder',
        paymentToken: 'decline'
    });
    await run.attempt('purchase order', 'POST', run.connect('/checkouts/active/payments'), {
        requestType: 'SimplePurchaseOrder',
        paymentToken: 'PO-1001',
        billingAddress: { ...SF, shipToPhoneNumber: '+14155550123' }
    });
    await run.call('payment type change', 'POST', run.connect('/checkouts/active/payments'), {
        requestType: 'Auth',
        paymentToken: 'tok_1'
    });
    await run.order('place order', id, 8);
    await run.attempt('place order again', 'POST', run.connect('/checkouts/active/orders'));
    await run.attempt('edit after order', 'PATCH', run.connect(`/checkouts/${id}`), {
        contactInfo: GUEST
    });
    await run.attempt('delete after order', 'DELETE', run.connect(`/checkouts/${id}`));
    await run.attempt('resume after order', 'POST', run.connect('/checkouts'), {
        cartId: 'active'
    });
    return run;
}

async function realisticRun(): Promise<Run> {
    const run = new Run('d2c-guest, realistic time, no latency, calculator failures');
    run.query = '?language=en-US';
    await run.reset({
        scenario: 'd2c-guest',
        seed: 7,
        timeScale: 1,
        faults: { calculatorFailureRate: 0.2, latencyMs: [0, 0] }
    });
    const id = await run.start('start');
    await run.call('resume while processing', 'PUT', run.connect('/checkouts'), {
        cartId: 'active'
    });
    await run.call('write while processing', 'PATCH', run.connect(`/checkouts/${id}`), {
        contactInfo: GUEST
    });
    await run.waitReady('start', 150);
    await run.write(
        'contact and Toronto',
        'PATCH',
        run.connect(`/checkouts/${id}`),
        { contactInfo: GUEST, deliveryAddress: TORONTO },
        150
    );
    const ready = await run.write(
        'back to San Francisco',
        'PATCH',
        run.connect(`/checkouts/${id}`),
        { deliveryAddress: SF },
        150
    );
    const methods = methodsOf(ready);
    if (methods.length > 1)
        await run.write(
            'second method',
            'PATCH',
            run.connect(`/checkouts/${id}`),
            { deliveryMethodId: methods[1].id },
            150
        );
    await run.attempt('payment', 'POST', run.connect('/checkouts/active/payments'), {
        requestType: 'SimplePurchaseOrder',
        paymentToken: 'PO-7'
    });
    await run.order('place order', id, 200);
    return run;
}

async function b2bRun(): Promise<Run> {
    const run = new Run('b2b-buyer with faults');
    const { accountId } = await run.reset({ scenario: 'b2b-buyer', seed: 22 });
    run.query = `?language=en-US&effectiveAccountId=${accountId}&htmlEncode=false`;
    const page1 = await run.attempt(
        'saved addresses page 1',
        'GET',
        `${run.connect(`/accounts/${accountId}/addresses`)}&addressType=Shipping&pageSize=2`
    );
    await run.attempt(
        'saved addresses page 2',
        'GET',
        `${run.connect(`/accounts/${accountId}/addresses`)}&pageSize=2&pageToken=2`
    );
    await run.call(
        'bad page size',
        'GET',
        `${run.connect(`/accounts/${accountId}/addresses`)}&pageSize=500`
    );
    await run.call(
        'wrong account',
        'GET',
        run.connect('/checkouts/active').replace(accountId, '001SG0000000000AAA')
    );
    await run.call(
        'bad language',
        'GET',
        run.connect('/checkouts/active').replace('en-US', 'english!')
    );
    await run.call('old API version', 'POST', run.connect('/checkouts', 'v54.0'), {
        cartId: 'active'
    });
    await run.attempt('PUT before 57.0', 'PUT', run.connect('/checkouts', 'v56.0'), {
        cartId: 'active'
    });
    const items = isDropped(page1)
        ? []
        : ((page1.body as { items?: { addressId: string }[] }).items ?? []);
    const second = items[1]?.addressId;
    const id = await run.start('start at a saved address', {
        cartId: 'active',
        deliveryAddressInput: second ? { id: second, ...SF } : { shouldUseDefaultAddress: true },
        customFields: [{ attributes: { type: 'WebCart' }, PurchaseOrderNote__c: 'Dock 4' }]
    });
    const ready = await run.waitReady('start', 20);
    await run.write(
        'resume with cart fields',
        'POST',
        run.connect('/checkouts'),
        {
            cartId: 'active',
            customFields: [
                {
                    attributes: { type: 'WebCart' },
                    BudgetAmount__c: 1200.5,
                    PreferredTime__c: '09:30.00.000Z'
                }
            ]
        },
        20
    );
    await run.write(
        'resume at another address',
        'PUT',
        run.connect('/checkouts'),
        {
            cartId: 'active',
            deliveryAddressInput: TORONTO
        },
        20
    );
    await run.attempt(
        'purchase order with data',
        'POST',
        run.connect(`/checkouts/${id}/payments`),
        {
            requestType: 'SimplePurchaseOrder',
            paymentToken: 'PO-1',
            paymentsData: '{}'
        }
    );
    await run.call(
        'LWR path with a site prefix',
        'GET',
        `/mystore/webruntime/api${run.connect('/checkouts/active')}`
    );
    const methods = methodsOf(ready);
    if (methods.length > 0)
        await run.write(
            'cheapest method',
            'PATCH',
            run.connect(`/checkouts/${id}`),
            { deliveryMethodId: methods[0].id },
            20
        );
    const moved = await run.write(
        'group fields with an address',
        'PATCH',
        run.connect(`/checkouts/${id}`),
        {
            deliveryAddress: { ...SF, companyName: 'Northwind Supply' },
            customFields: [
                {
                    attributes: { type: 'CartDeliveryGroup' },
                    DockNumber__c: 'D-12',
                    MyCustomAddressField__c: {
                        street: '100 Folsom Street',
                        state: 'California',
                        countryCode: 'US',
                        stateCode: 'US_CA'
                    }
                }
            ]
        },
        20
    );
    const offered = methodsOf(moved);
    if (offered.length > 1)
        await run.write(
            'second method',
            'PATCH',
            run.connect(`/checkouts/${id}`),
            { deliveryMethodId: offered[1].id },
            20
        );
    await run.attempt('auth payment', 'POST', run.connect(`/checkouts/${id}/payments`), {
        requestType: 'Auth',
        paymentToken: 'tok_visa',
        paymentsData: '{"card":"4242"}',
        billingAddress: { ...SF, name: 'Northwind Accounts Payable' }
    });
    await run.attempt('second auth', 'POST', run.connect(`/checkouts/${id}/payments`), {
        requestType: 'Auth',
        paymentToken: 'tok_visa_2'
    });
    const groupId = groupIds(await currentState())[0];
    await run.call(
        'delivery group',
        'GET',
        run.connect(`/carts/active/delivery-groups/${groupId}`)
    );
    await run.order('place order', id, 8);
    await run.attempt('place order again', 'POST', run.connect(`/checkouts/${id}/orders`));
    return run;
}

async function multiGroupRun(): Promise<Run> {
    const run = new Run('multi-group with faults');
    const { accountId } = await run.reset({ scenario: 'multi-group', seed: 33 });
    run.query = `?effectiveAccountId=${accountId}`;
    const id = await run.start(
        'start',
        {
            cartId: 'active'
        },
        'PUT'
    );
    await run.waitReady('start', 20);
    await run.write(
        'contact with cart fields',
        'PATCH',
        run.connect(`/checkouts/${id}`),
        {
            contactInfo: { email: 'dana@example.com' },
            customFields: [
                {
                    attributes: { type: 'WebCart' },
                    GiftReceipt__c: true,
                    RequestedOn__c: '2026-02-01'
                }
            ]
        },
        20
    );
    await run.attempt(
        'order with a group missing its address',
        'POST',
        run.connect(`/checkouts/${id}/orders`)
    );
    const [, other] = groupIds(await currentState());
    const groupPath = run.connect(`/carts/active/delivery-groups/${other}`);
    await run.call('group: method with address', 'PATCH', groupPath, {
        deliveryAddress: TORONTO,
        deliveryMethodId: '2DmSG0000000000AAA'
    });
    await run.write(
        'group: Toronto',
        'PATCH',
        groupPath,
        { deliveryAddress: TORONTO, name: 'Toronto office', id: other },
        20
    );
    const group = await run.attempt('group: read', 'GET', groupPath);
    const methods = isDropped(group)
        ? []
        : ((group.body as { availableDeliveryMethods?: { id: string }[] })
              .availableDeliveryMethods ?? []);
    if (methods.length > 0)
        await run.write(
            'group: last method',
            'PATCH',
            groupPath,
            { deliveryMethodId: methods[methods.length - 1].id },
            20
        );
    await run.attempt('group fields with contact', 'PATCH', run.connect(`/checkouts/${id}`), {
        contactInfo: { email: 'dana@example.com' },
        customFields: [{ attributes: { type: 'CartDeliveryGroup' }, DockNumber__c: '7' }]
    });
    await run.write(
        'second group fields by id',
        'PATCH',
        run.connect(`/checkouts/${id}`),
        {
            shippingInstructions: 'Dock 7',
            desiredDeliveryDate: '2026-01-21',
            customFields: [
                { attributes: { type: 'CartDeliveryGroup' }, Id: other, DockNumber__c: '7' }
            ]
        },
        20
    );
    await run.attempt('purchase order', 'POST', run.connect(`/checkouts/${id}/payments`), {
        requestType: 'SimplePurchaseOrder',
        paymentToken: 'PO-33'
    });
    await run.order('place order', id, 8);
    return run;
}

async function digitalRun(): Promise<Run> {
    const run = new Run('digital-only with faults');
    run.query = '?asGuest=true';
    await run.reset({ scenario: 'digital-only', seed: 55 });
    const id = await run.start('start');
    await run.waitReady('start', 20);
    await run.write(
        'contact and address for tax',
        'PATCH',
        run.connect(`/checkouts/${id}`),
        { contactInfo: GUEST, deliveryAddress: TORONTO },
        20
    );
    await run.attempt('method on a digital group', 'PATCH', run.connect(`/checkouts/${id}`), {
        deliveryMethodId: '2DmSG0000000000AAA'
    });
    await run.order('place order', id, 8);
    return run;
}

async function cpqRun(): Promise<Run> {
    const run = new Run('cpq with faults');
    const { cpqCartId: cartId, cpqNamespace: namespace } = await run.reset({
        scenario: 'cpq',
        seed: 44,
        cpqOutcome: ['SUBMIT-1004', 'SUBMIT-1006', 'SUBMIT-1001']
    });
    const rest = `/services/apexrest/${namespace}/v2/cpq/carts/${cartId}/items/checkout`;
    await run.attempt('summary (Apex)', 'POST', '/apex/CpqCheckoutController/getCartSummary', {
        cartId,
        namespace
    });
    await run.attempt('summary (REST)', 'GET', rest);
    await run.attempt('submit without ContextId', 'POST', rest, { methodName: 'checkout', cartId });
    await run.attempt('submit (Apex): queue full', 'POST', '/apex/CpqCheckoutController/checkout', {
        cartId,
        namespace,
        checkOrderStatus: true,
        validateSubmittedXLI: false
    });
    await run.attempt('submit: unknown answer', 'POST', rest, {
        cartId,
        ContextId: cartId,
        checkOrderStatus: 'false'
    });
    await run.attempt('submit: accepted', 'POST', rest, {
        cartId,
        ContextId: cartId,
        checkOrderStatus: 'false'
    });
    await run.attempt('submit again: active', 'POST', rest, { cartId, ContextId: cartId });
    await run.call('unknown Apex method', 'POST', '/apex/CpqCheckoutController/cancel', {});
    await run.call('Apex by GET', 'GET', '/apex/CheckoutSessionController/getSession');
    await run.call('wrong namespace', 'GET', rest.replace(namespace, 'acme'));
    await run.admin('reset: incomplete order', 'POST', '/__emulator/reset', {
        seed: 45,
        cpqOrder: { incompleteBundle: true, notActivatedLines: 2, isMultiSite: true }
    });
    await run.attempt('validate lines', 'POST', rest, {
        cartId,
        ContextId: cartId,
        validateSubmittedXLI: true
    });
    await run.attempt('wrong methodName', 'POST', rest, {
        methodName: 'cancel',
        cartId,
        ContextId: cartId
    });
    await run.attempt('another cart in the body', 'POST', rest, {
        cartId: '801SG0000000000AAA',
        ContextId: cartId
    });
    await run.attempt('flag not a boolean', 'POST', rest, {
        cartId,
        ContextId: cartId,
        checkOrderStatus: 'yes'
    });
    await run.attempt('summary by PATCH', 'PATCH', rest, {});
    server.emulator.setFaults({ ...FAULTS, cpqOutcome: 'SUBMIT-1008' });
    await run.record('faults set in process', null);
    await run.attempt('submit: auto-assetized', 'POST', rest, { cartId, ContextId: cartId });
    return run;
}

/**
 * How a real LWR store is called and where the emulator is strict (issue 10), and the tools' modes (issue 11):
 * CSRF, `active` only for reading, saved addresses by id, calculator failures and their retry, the order
 * answer, the ended site session, the expired checkout, and non-idempotent orders. Recorded after every other
 * run, so that none of their seeded draws moves.
 */
async function platformRun(): Promise<Run> {
    const run = new Run('platform fidelity: b2b-buyer and d2c-guest, faults off');
    const quiet = { latencyMs: [0, 0] };
    // Payment is not the subject here: the store takes orders without one.
    const { accountId } = await run.reset({
        scenario: 'b2b-buyer',
        seed: 66,
        faults: quiet,
        paymentRequired: false
    });
    run.query = `?language=en-US&asGuest=false&htmlEncode=false&effectiveAccountId=${accountId}`;
    await run.call('no checkout yet', 'GET', run.connect('/checkouts/active'));
    const id = await run.start('start (PUT: create or get)', { cartId: 'active' }, 'PUT');
    await run.waitReady('start', 20);
    await run.call('start again (POST) while it exists', 'POST', run.connect('/checkouts'), {
        cartId: 'active'
    });
    const contact = { contactInfo: { email: 'dana@example.com' } };
    await run.call(
        'a write without the CSRF token',
        'PATCH',
        run.connect(`/checkouts/${id}`),
        contact,
        {
            headers: {}
        }
    );
    await run.call(
        "a write with another session's token",
        'PATCH',
        run.connect(`/checkouts/${id}`),
        contact,
        { headers: { 'csrf-token': 'not-this-sessions-token' } }
    );
    await run.call('PATCH on active', 'PATCH', run.connect('/checkouts/active'), contact);
    await run.call('DELETE on active', 'DELETE', run.connect('/checkouts/active'));
    await run.call('an unknown saved address', 'PATCH', run.connect(`/checkouts/${id}`), {
        deliveryAddress: { id: '8lWSG0000000000AAA' }
    });
    await run.call('a saved address id with fields', 'PATCH', run.connect(`/checkouts/${id}`), {
        deliveryAddress: { id: '8lWSG0000000000AAA', city: 'Portland' }
    });
    const page = await run.call(
        'saved addresses',
        'GET',
        `${run.connect(`/accounts/${accountId}/addresses`)}&addressType=Shipping`
    );
    const saved = isDropped(page) ? [] : (page.body as { items: { addressId: string }[] }).items;
    await run.write(
        'a saved address by id',
        'PATCH',
        run.connect(`/checkouts/${id}`),
        { deliveryAddress: { id: saved[saved.length - 1].addressId } },
        20
    );
    const ready = await run.write(
        'a new address without name',
        'PATCH',
        run.connect(`/checkouts/${id}`),
        { deliveryAddress: { ...SF, name: undefined } },
        20
    );
    await run.admin('every calculation fails', 'PUT', '/__emulator/faults', {
        ...quiet,
        calculatorFailureRate: 1
    });
    const methods = methodsOf(ready);
    await run.call('choose a method: tax fails', 'PATCH', run.connect(`/checkouts/${id}`), {
        deliveryMethodId: methods[methods.length - 1].id
    });
    await run.waitReady('tax fails', 20);
    await run.call(
        'place order on a failed calculation',
        'POST',
        run.connect(`/checkouts/${id}/orders`)
    );
    await run.call(
        'a contact write does not recalculate',
        'PATCH',
        run.connect(`/checkouts/${id}`),
        contact
    );
    await run.admin('calculations work again', 'PUT', '/__emulator/faults', quiet);
    await run.write(
        'retry: instructions again run the failed tax',
        'PATCH',
        run.connect(`/checkouts/${id}`),
        { shippingInstructions: 'Dock 4' },
        20
    );
    await run.order('place order', id, 8);

    await run.reset({ scenario: 'd2c-guest', seed: 67, faults: quiet, idempotentOrders: false });
    run.query = '?language=en-US&asGuest=true&htmlEncode=false';
    const guestId = await run.start('guest start');
    await run.waitReady('guest start', 20);
    await run.write(
        'a guest writes without a CSRF token',
        'PATCH',
        run.connect(`/checkouts/${guestId}`),
        { contactInfo: GUEST, deliveryAddress: SF },
        20
    );
    await run.call('order', 'POST', run.connect(`/checkouts/${guestId}/orders`));
    await run.call(
        'order again: a second order',
        'POST',
        run.connect(`/checkouts/${guestId}/orders`)
    );

    await run.reset({
        scenario: 'd2c-guest',
        seed: 68,
        faults: { ...quiet, authExpiryRate: 1 },
        idempotentOrders: true
    });
    for (let i = 1; i <= 6; i++)
        await run.call(`the site session ended ${i}`, 'POST', run.connect('/checkouts'), {
            cartId: 'active'
        });
    await run.call('the login page', 'GET', '/login?startURL=%2Fcheckout');
    await run.admin('the session is back', 'PUT', '/__emulator/faults', quiet);
    const goneId = await run.start('start');
    await run.waitReady('start', 20);
    await run.admin('checkouts expire', 'PUT', '/__emulator/faults', { ...quiet, goneRate: 1 });
    await run.call('expired', 'PATCH', run.connect(`/checkouts/${goneId}`), {
        contactInfo: GUEST
    });
    await run.admin('checkouts last', 'PUT', '/__emulator/faults', quiet);
    await run.call('the expired checkout', 'GET', run.connect(`/checkouts/${goneId}`));
    await run.start('a start makes a new one');
    return run;
}

async function adminRun(): Promise<Run> {
    const run = new Run('admin API and routing');
    await run.reset({
        scenario: 'd2c-guest',
        seed: 3,
        timeScale: 0,
        faults: {}
    });
    await run.admin('read faults', 'GET', '/__emulator/faults');
    await run.admin('bad faults', 'PUT', '/__emulator/faults', { conflictRate: 2 });
    await run.admin('bad range', 'PUT', '/__emulator/faults', { latencyMs: [5, 1] });
    await run.admin('unknown knob', 'PUT', '/__emulator/faults', { explodeRate: 0.1 });
    await run.admin(
        'faults as text',
        'PUT',
        '/__emulator/faults',
        undefined,
        JSON.stringify({ dropRate: 1 }),
        { 'content-type': 'text/plain' }
    );
    await run.admin(
        'reset from another origin',
        'POST',
        '/__emulator/reset',
        { scenario: 'cpq' },
        undefined,
        { origin: 'http://evil.example' }
    );
    await run.admin(
        'faults too large',
        'PUT',
        '/__emulator/faults',
        undefined,
        JSON.stringify({ x: 'y'.repeat(1024 * 1024) })
    );
    await run.admin('faults broken JSON', 'PUT', '/__emulator/faults', undefined, '{');
    await run.admin('bad scenario', 'POST', '/__emulator/reset', { scenario: 'nope' });
    await run.admin('time scale above 1', 'POST', '/__emulator/reset', { timeScale: 20 });
    await run.admin('bad cpqOutcome', 'POST', '/__emulator/reset', { cpqOutcome: 'SUBMIT-2000' });
    await run.admin('reset by GET', 'GET', '/__emulator/reset');
    await run.admin('unknown admin path', 'GET', '/__emulator/nothing');
    await run.call('not an emulator path', 'GET', '/favicon.ico');
    await run.call(
        'unknown Connect path',
        'GET',
        `/services/data/v66.0/commerce/webstores/${run.webstoreId}/wishlists`
    );
    await run.call(
        'unknown webstore',
        'GET',
        '/services/data/v66.0/commerce/webstores/0ZESG0000000000AAA/checkouts/active'
    );
    await run.call(
        'badly encoded path',
        'GET',
        `/services/data/v66.0/commerce/webstores/${run.webstoreId}/checkouts/%E0%A4%A`
    );
    await run.call(
        'method not allowed',
        'DELETE',
        `/services/data/v66.0/commerce/webstores/${run.webstoreId}/checkouts`
    );
    await run.admin('clear the log', 'DELETE', '/__emulator/requests');
    await run.admin('set faults', 'PUT', '/__emulator/faults', { dropRate: 1 });
    await run.call(
        'dropped',
        'GET',
        `/services/data/v66.0/commerce/webstores/${run.webstoreId}/session-context`
    );
    await run.admin('reset keeps the faults', 'POST', '/__emulator/reset', {});
    await run.call(
        'dropped again',
        'GET',
        `/services/data/v66.0/commerce/webstores/${run.webstoreId}/session-context`
    );
    return run;
}

describe('golden run', () => {
    it('answers, logs and states are exactly those recorded in golden/emulator-run.jsonl', async () => {
        const runs: Run[] = [];
        for (const play of [
            guestRun,
            realisticRun,
            b2bRun,
            multiGroupRun,
            digitalRun,
            cpqRun,
            adminRun,
            platformRun
        ]) {
            runs.push(await play());
        }
        // JSON Lines, one step a line: a change shows as the lines it touches (and Prettier leaves .jsonl alone).
        const lines = runs.flatMap((r) =>
            [{ run: r.name }, ...r.steps].map((s) => JSON.stringify(s))
        );
        const text = `${lines.join('\n')}\n`;
        if (process.env.UPDATE_GOLDEN === '1') {
            writeFileSync(GOLDEN, text);
            return;
        }
        const expected = readFileSync(GOLDEN, 'utf8');
        if (text === expected) return;
        const got = text.split('\n');
        const want = expected.split('\n');
        const line = got.findIndex((l, i) => l !== want[i]);
        assert.fail(
            `The run differs from golden/emulator-run.jsonl from line ${line + 1} (UPDATE_GOLDEN=1 rewrites it):\n` +
                `expected ${want[line]?.slice(0, 2000)}\n` +
                `actual   ${got[line]?.slice(0, 2000)}`
        );
    });
});
