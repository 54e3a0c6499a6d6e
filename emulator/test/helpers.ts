/** Shared helpers for the emulator's contract tests: a server on an ephemeral loopback port and a small client. */
import { startEmulatorServer, type EmulatorServer, type EmulatorState } from '../src/index';

export interface Answer {
    status: number;
    body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
    headers: Headers;
}

export interface Harness {
    server: EmulatorServer;
    url: string;
    state(): Promise<EmulatorState>;
    reset(body: Record<string, unknown>): Promise<EmulatorState>;
    faults(body: Record<string, unknown>): Promise<Answer>;
    call(
        method: string,
        path: string,
        body?: unknown,
        init?: { raw?: string; headers?: Record<string, string> }
    ): Promise<Answer>;
    /**
     * Connect REST under the webstore: `rest` like `/checkouts/active`. Sends the session's `CSRF-Token`, as a
     * storefront page does, unless `csrfToken` says otherwise (null: no header).
     */
    connect(
        method: string,
        rest: string,
        body?: unknown,
        options?: {
            prefix?: 'services' | 'webruntime';
            version?: string;
            query?: string;
            csrfToken?: string | null;
        }
    ): Promise<Answer>;
    apex(classAndMethod: string, params: unknown): Promise<Answer>;
    /** GET the checkout until it stops answering 202 (bounded). */
    waitReady(id?: string): Promise<Answer>;
    close(): Promise<void>;
}

/** No latency, no processing time: writes still answer 202, and the next GET is ready. */
export const INSTANT = { timeScale: 0 };

/** Calculators that run long enough for a test to observe processing (the test resets to end them). */
export const HELD = {
    timeScale: 1,
    faults: {
        latencyMs: [0, 0],
        processingMs: {
            inventory: [60000, 60000],
            pricing: [60000, 60000],
            promotions: [60000, 60000],
            shipping: [60000, 60000],
            tax: [60000, 60000],
            order: [60000, 60000]
        }
    }
};

export async function startHarness(): Promise<Harness> {
    const server = await startEmulatorServer({ port: 0 });
    const url = server.url;
    let webstoreId = '';
    let csrfToken = '';

    async function call(
        method: string,
        path: string,
        body?: unknown,
        init: { raw?: string; headers?: Record<string, string> } = {}
    ): Promise<Answer> {
        const payload = init.raw ?? (body === undefined ? undefined : JSON.stringify(body));
        const res = await fetch(url + path, {
            method,
            headers: {
                ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
                ...init.headers
            },
            body: payload
        });
        const text = await res.text();
        let parsed: unknown = null;
        if (text !== '') parsed = JSON.parse(text);
        return { status: res.status, body: parsed, headers: res.headers };
    }

    const harness: Harness = {
        server,
        url,
        async state() {
            return (await call('GET', '/__emulator/state')).body as EmulatorState;
        },
        async reset(body) {
            const answer = await call('POST', '/__emulator/reset', body);
            if (answer.status !== 200)
                throw new Error(`reset failed: ${JSON.stringify(answer.body)}`);
            webstoreId = (answer.body as EmulatorState).webstoreId;
            csrfToken = (answer.body as EmulatorState).csrfToken;
            return answer.body as EmulatorState;
        },
        faults(body) {
            return call('PUT', '/__emulator/faults', body);
        },
        call,
        connect(method, rest, body, options = {}) {
            const base =
                options.prefix === 'webruntime'
                    ? '/webruntime/api/services/data'
                    : '/services/data';
            const query = options.query ? `?${options.query}` : '';
            const token = options.csrfToken === undefined ? csrfToken : options.csrfToken;
            return call(
                method,
                `${base}/${options.version ?? 'v66.0'}/commerce/webstores/${webstoreId}${rest}${query}`,
                body,
                { headers: token === null ? {} : { 'csrf-token': token } }
            );
        },
        apex(classAndMethod, params) {
            return call('POST', `/apex/${classAndMethod.replace('.', '/')}`, params);
        },
        async waitReady(id = 'active') {
            for (let i = 0; i < 500; i++) {
                const answer = await harness.connect('GET', `/checkouts/${id}`);
                if (answer.status !== 202) return answer;
                await new Promise((resolve) => setTimeout(resolve, 5));
            }
            throw new Error('the checkout never became ready');
        },
        close: () => server.close()
    };
    await harness.reset({ scenario: 'd2c-guest', seed: 1, ...INSTANT });
    return harness;
}

/** Starts a checkout and waits until its calculators finish. */
export async function startReady(h: Harness): Promise<string> {
    const started = await h.connect('POST', '/checkouts', { cartId: 'active' });
    if (started.status !== 202 && started.status !== 200)
        throw new Error(`start failed: ${JSON.stringify(started.body)}`);
    const ready = await h.waitReady();
    return ready.body.checkoutId as string;
}

export const GUEST_CONTACT = {
    firstName: 'Alan',
    lastName: 'Johnson',
    email: 'al**@jo*****.com',
    phoneNumber: '******3944'
};

export const SF_ADDRESS = {
    name: 'Alan Johnson',
    firstName: 'Alan',
    lastName: 'Johnson',
    region: 'CA',
    country: 'US',
    city: 'San Francisco',
    street: '415 Mission St',
    postalCode: '94105'
};
