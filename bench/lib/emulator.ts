/** Starts the emulator in a child process and speaks its admin API (`/__emulator/*`). */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { Checkout } from '../../force-app/main/default/lwc/checkoutStore/types';
import type { Faults, ProcessingPhase, Range, RequestLogEntry } from '../../emulator/src/index';
import { httpJson } from './http';

/** `PUT /__emulator/faults`: the emulator's knobs (see its README section), any of them left out. */
export type FaultSettings = Partial<Omit<Faults, 'processingMs'>> & {
    processingMs?: Partial<Record<ProcessingPhase, Range>>;
};

/**
 * One request as the emulator logged it: its body is text (`loggedJson` from emulator/src/index parses it),
 * `status` 0 when no answer went out (dropped, hung).
 */
export type ServerRequest = RequestLogEntry;

export interface SessionSObject {
    IsProcessing?: boolean;
    IsError?: boolean;
    State?: string;
    NextState?: string | null;
    OrderId?: string | null;
    [field: string]: unknown;
}

/** One finished calculator run, as the emulator records it (same clock as its request log). */
export interface ProcessingRecord {
    checkoutId: string;
    kind: string;
    calculators: string[];
    startedAt: number;
    readyAt: number;
    outcome: 'ready' | 'error';
}

/** An order as `/__emulator/state` lists it (the fields the bench reads). */
export interface OrderRecord {
    source: 'commerce' | 'cpq';
    checkoutId: string | null;
    orderReferenceNumber: string | null;
    grandTotalAmount: string;
    placedAt: number;
    /** The payment the checkout held when the order was placed (Commerce), null without one. */
    payment?: {
        requestType: string;
        paymentToken: string;
        billingAddress: Record<string, unknown> | null;
    } | null;
    [field: string]: unknown;
}

/** What a reset may set besides the scenario, seed and time scale. */
export interface ResetOptions {
    /** False: every order POST places a new order, so a client's duplicate shows as two orders. */
    idempotentOrders?: boolean;
    /** Replaces the faults along with the reset. */
    faults?: FaultSettings;
}

export interface EmulatorState {
    webstoreId: string;
    cartId: string;
    accountId: string | null;
    checkoutId: string | null;
    checkout: Checkout | null;
    session: SessionSObject | null;
    payments: unknown[];
    orders: OrderRecord[];
    history: ProcessingRecord[];
    /** The session's CSRF token: signed-in scenarios refuse a Connect write without it (401). */
    csrfToken: string;
    idempotentOrders: boolean;
    cpqCartId?: string;
    cpqNamespace?: string;
}

export interface Emulator {
    url: string;
    reset(
        scenario: string,
        seed: number,
        timeScale: number,
        options?: ResetOptions
    ): Promise<EmulatorState>;
    setFaults(faults: FaultSettings): Promise<void>;
    requests(): Promise<ServerRequest[]>;
    state(): Promise<EmulatorState>;
    close(): Promise<void>;
}

async function admin(method: string, url: string, body?: unknown): Promise<unknown> {
    const answer = await httpJson(method, url, { body, timeoutMs: 10_000 });
    if (answer.status >= 300) {
        throw new Error(
            `${method} ${url} answered ${answer.status}: ${JSON.stringify(answer.body)}`
        );
    }
    return answer.body;
}

function extractRequests(body: unknown): ServerRequest[] {
    const list = Array.isArray(body) ? body : (body as { requests?: unknown })?.requests;
    if (!Array.isArray(list)) throw new Error('GET /__emulator/requests did not answer a list');
    return (list as ServerRequest[]).filter((request) => !request.path.startsWith('/__emulator'));
}

export async function startEmulator(): Promise<Emulator> {
    const child = fork(join(__dirname, 'emulator-child.ts'), [], {
        execArgv: ['--import', 'tsx'],
        stdio: ['ignore', 'ignore', 'inherit', 'ipc']
    });
    const url = await new Promise<string>((resolve, reject) => {
        const limit = setTimeout(
            () => reject(new Error('The emulator did not start in 30 s')),
            30_000
        );
        child.once('message', (message) => {
            clearTimeout(limit);
            resolve((message as { url: string }).url.replace(/\/$/, ''));
        });
        child.once('exit', (code) => {
            clearTimeout(limit);
            reject(new Error(`The emulator exited with ${code}`));
        });
    });
    return {
        url,
        async reset(scenario, seed, timeScale, options = {}) {
            return (await admin('POST', `${url}/__emulator/reset`, {
                scenario,
                seed,
                timeScale,
                // The bench's baselines and the soak's shopper do not always pay: orders without a payment are
                // allowed unless a caller asks (the soak checks the payments its shopper did enter).
                paymentRequired: false,
                ...options
            })) as EmulatorState;
        },
        async setFaults(faults) {
            await admin('PUT', `${url}/__emulator/faults`, faults);
        },
        async requests() {
            return extractRequests(await admin('GET', `${url}/__emulator/requests`));
        },
        async state() {
            return (await admin('GET', `${url}/__emulator/state`)) as EmulatorState;
        },
        close() {
            return new Promise<void>((resolve) => {
                if (child.exitCode !== null) return resolve();
                child.once('exit', () => resolve());
                child.disconnect();
                setTimeout(() => child.kill(), 5_000).unref();
            });
        }
    };
}
