/**
 * The golden run's machinery (golden.test.ts): the script's clock in place of `performance`'s, one request per
 * connection, the recorder of each step's answer, log entries and state changes, and what the runs enter.
 */
import { request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { startEmulatorServer, type EmulatorServer } from '../src/index';

const TIME_ORIGIN = Date.UTC(2026, 0, 1);
const TODAY = '2026-01-05';

let clock = 0;
function advance(ms: number): void {
    clock += ms;
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Outcome = { status: number; body: Json; warning?: string } | { dropped: string };

let server: EmulatorServer;

/** Puts the script's clock in place of `performance`'s, then starts the emulator. */
export async function startGoldenServer(): Promise<void> {
    Object.defineProperty(performance, 'now', { value: () => clock, configurable: true });
    Object.defineProperty(performance, 'timeOrigin', { value: TIME_ORIGIN, configurable: true });
    server = await startEmulatorServer({ port: 0 });
}

export async function stopGoldenServer(): Promise<void> {
    await server.close();
    delete (performance as { now?: unknown }).now;
    delete (performance as { timeOrigin?: unknown }).timeOrigin;
}

/** The emulator the runs call: a run may change its faults in process. */
export function goldenServer(): EmulatorServer {
    return server;
}

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

export function isDropped(o: Outcome): o is { dropped: string } {
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
export class Run {
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

export function methodsOf(
    answer: Outcome,
    group = 0
): { id: string; adjustedShippingFee: string }[] {
    if (isDropped(answer) || answer.status !== 200) return [];
    const body = answer.body as {
        deliveryGroups?: {
            items: { availableDeliveryMethods: { id: string; adjustedShippingFee: string }[] }[];
        };
    };
    return body.deliveryGroups?.items[group]?.availableDeliveryMethods ?? [];
}

export function groupIds(state: Json): string[] {
    const checkout = (state as { checkout: { deliveryGroups: { items: { id: string }[] } } | null })
        .checkout;
    return checkout?.deliveryGroups.items.map((g) => g.id) ?? [];
}

export function currentState(): Promise<Json> {
    return adminRead<Json>('/__emulator/state');
}

// What the runs enter: the faults a run has unless its reset says otherwise, a guest's contact, addresses.
export const FAULTS = {
    conflictRate: 0.12,
    serverErrorRate: 0.08,
    dropRate: 0.07,
    calculatorFailureRate: 0.12,
    sessionErrorRate: 0.25,
    lockRate: 0.04
};

export const GUEST = {
    firstName: 'Alan',
    lastName: 'Johnson',
    email: 'alan@example.com',
    phoneNumber: '4155550123'
};
export const SF = {
    name: 'Alan Johnson',
    firstName: 'Alan',
    lastName: 'Johnson',
    street: '415 Mission St',
    city: 'San Francisco',
    region: 'CA',
    postalCode: '94105',
    country: 'US'
};
export const TORONTO = {
    name: 'Alan Johnson',
    street: '100 King St W',
    city: 'Toronto',
    region: 'ON',
    postalCode: 'M5X 1A9',
    country: 'CA'
};
export const ANCHORAGE = {
    name: 'Alan Johnson',
    street: '1 Main St',
    city: 'Anchorage',
    region: 'AK',
    postalCode: '99501',
    country: 'US'
};
