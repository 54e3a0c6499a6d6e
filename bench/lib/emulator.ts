/** Starts the emulator in a child process and speaks its admin API (`/__emulator/*`). */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { Checkout } from '../../force-app/main/default/lwc/checkoutStore/types';
import { httpJson } from './http';

export interface FaultSettings {
    conflictRate?: number;
    serverErrorRate?: number;
    dropRate?: number;
    calculatorFailureRate?: number;
    sessionErrorRate?: number;
    /** A write answers 423 UNABLE_TO_LOCK_ROW. */
    lockRate?: number;
    latencyMs?: [number, number];
    processingMs?: {
        shipping?: [number, number];
        tax?: [number, number];
        pricing?: [number, number];
    };
}

/** One request as the emulator logged it. */
export interface ServerRequest {
    method: string;
    path: string;
    query?: Record<string, string>;
    status: number;
    body?: unknown;
    startedAt: number;
    endedAt: number;
    /** An injected fault: drop-before, drop-after, server-error, conflict, session-error, … */
    fault?: string;
    errorCode?: string;
}

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

export interface EmulatorState {
    webstoreId: string;
    cartId: string;
    accountId: string | null;
    checkoutId: string | null;
    checkout: Checkout | null;
    session: SessionSObject | null;
    payments: unknown[];
    orders: Array<Record<string, unknown>>;
    history: ProcessingRecord[];
    cpqCartId?: string;
    cpqNamespace?: string;
}

export interface Emulator {
    url: string;
    reset(scenario: string, seed: number, timeScale: number): Promise<EmulatorState>;
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
        async reset(scenario, seed, timeScale) {
            await admin('POST', `${url}/__emulator/reset`, { scenario, seed, timeScale });
            return (await admin('GET', `${url}/__emulator/state`)) as EmulatorState;
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
