/**
 * The engine's transport for Node: Connect REST and the Apex endpoints of the emulator over HTTP, with a
 * journal of every call (send and receive times, bodies) that the analyses read. Writes carry the session's
 * `CSRF-Token`, as a storefront page sends it; a device connection that the soak can take offline and back.
 */
import type {
    CheckoutSessionRecord,
    CheckoutTransport,
    CpqCartSummary,
    CpqSubmission,
    CpqSubmitRequest,
    HttpMethod
} from '../../force-app/main/default/lwc/checkoutStore/types';
import { API_VERSION, httpJson } from './http';

export interface JournalEntry {
    /** Which client sent it: a store instance ("tab") or a baseline. */
    client: string;
    kind: 'connect' | 'apex';
    method: string;
    /** Connect: relative to `/commerce/webstores/{webstoreId}`; Apex: `Class.method`. */
    path: string;
    query?: Record<string, string>;
    requestBody?: unknown;
    sentAt: number;
    receivedAt?: number;
    status?: number;
    responseBody?: unknown;
    /** Set when no answer arrived (dropped connection, abort, time limit). */
    error?: string;
}

/** Epoch milliseconds with sub-millisecond precision: the clock the emulator stamps its log with. */
export function epochNow(): number {
    return performance.timeOrigin + performance.now();
}

export class Journal {
    readonly entries: JournalEntry[] = [];

    async record<T>(
        entry: Omit<JournalEntry, 'sentAt'>,
        call: () => Promise<{ status: number; body: unknown }>,
        toResult: (answer: { status: number; body: unknown }) => T
    ): Promise<T> {
        const logged: JournalEntry = { ...entry, sentAt: epochNow() };
        this.entries.push(logged);
        let answer: { status: number; body: unknown };
        try {
            answer = await call();
        } catch (error) {
            logged.receivedAt = epochNow();
            logged.error = error instanceof Error ? error.message : String(error);
            throw error;
        }
        logged.receivedAt = epochNow();
        logged.status = answer.status;
        logged.responseBody = answer.body;
        return toResult(answer);
    }
}

/**
 * The device's network connection, shaped as the engine's `StoreOptions.connectivity` and shared by every tab
 * of one device. Offline, the transport fails every call at once (no request leaves), and the calls in flight
 * when the connection went fail as a browser's do: their answers are lost, whether or not the server acted.
 */
export interface Connectivity {
    isOnline(): boolean;
    onOnline(listener: () => void): () => void;
    goOffline(): void;
    goOnline(): void;
    /** Aborts when the connection drops; a new one per online period. */
    readonly signal: AbortSignal;
}

export function createConnectivity(): Connectivity {
    let online = new AbortController();
    let offline = false;
    const listeners = new Set<() => void>();
    return {
        isOnline: () => !offline,
        onOnline(listener) {
            listeners.add(listener);
            return () => listeners.delete(listener);
        },
        goOffline() {
            if (offline) return;
            offline = true;
            online.abort(new TypeError('fetch failed: the device went offline'));
        },
        goOnline() {
            if (!offline) return;
            offline = false;
            online = new AbortController();
            for (const listener of [...listeners]) listener();
        },
        get signal() {
            return online.signal;
        }
    };
}

export interface NodeTransportOptions {
    baseUrl: string;
    webstoreId: string;
    client: string;
    journal: Journal;
    timeoutMs?: number;
    /** The session's token (`GET /__emulator/state` → `csrfToken` after each reset): sent on every write. */
    csrfToken?: string;
    /** The device's connection; always online without one. */
    connectivity?: Connectivity;
}

/** The request header naming the client, as the emulator's log shows it (lower case). */
export const CLIENT_HEADER = 'x-checkout-kit-client';

/** The call a browser makes while offline: no request leaves, the promise rejects at once. */
function offlineFailure(): Promise<never> {
    return Promise.reject(new TypeError('fetch failed: the device is offline'));
}

function apexError(body: unknown, status: number): Error {
    const message =
        body && typeof body === 'object' && 'message' in body
            ? String((body as { message: unknown }).message)
            : `Apex call failed with ${status}`;
    return new Error(message);
}

export function connectUrl(
    baseUrl: string,
    webstoreId: string,
    path: string,
    query?: Record<string, string>
): string {
    const url = new URL(
        `${baseUrl}/services/data/v${API_VERSION}/commerce/webstores/${webstoreId}${path}`
    );
    for (const [key, value] of Object.entries(query ?? {})) url.searchParams.set(key, value);
    return url.toString();
}

export function createNodeTransport(options: NodeTransportOptions): CheckoutTransport {
    const { baseUrl, webstoreId, client, journal, connectivity } = options;
    const timeoutMs = options.timeoutMs ?? 30_000;

    /** The call's own signal (the engine's timeout) joined with the connection's. */
    function signalFor(own: AbortSignal | undefined): AbortSignal | undefined {
        const signals = [own, connectivity?.signal].filter(
            (signal): signal is AbortSignal => signal !== undefined
        );
        return signals.length > 1 ? AbortSignal.any(signals) : signals[0];
    }

    /** Every request names its client (the emulator's log then says which tab sent it). */
    const named = { [CLIENT_HEADER]: client };

    /** Connect writes also carry the session's CSRF token, as the storefront's own components send it. */
    function connectHeaders(method: HttpMethod): Record<string, string> {
        return method !== 'GET' && options.csrfToken
            ? { ...named, 'CSRF-Token': options.csrfToken }
            : named;
    }

    function apex<T>(className: string, method: string, params: unknown): Promise<T> {
        return journal.record(
            {
                client,
                kind: 'apex',
                method: 'POST',
                path: `${className}.${method}`,
                requestBody: params
            },
            () =>
                connectivity?.isOnline() === false
                    ? offlineFailure()
                    : httpJson('POST', `${baseUrl}/apex/${className}/${method}`, {
                          body: params,
                          signal: signalFor(undefined),
                          timeoutMs,
                          headers: named
                      }),
            (answer) => {
                if (answer.status !== 200) throw apexError(answer.body, answer.status);
                return answer.body as T;
            }
        );
    }

    return {
        connect(method: HttpMethod, path: string, callOptions = {}) {
            return journal.record(
                {
                    client,
                    kind: 'connect',
                    method,
                    path,
                    query: callOptions.query,
                    requestBody: callOptions.body
                },
                () =>
                    connectivity?.isOnline() === false
                        ? offlineFailure()
                        : httpJson(
                              method,
                              connectUrl(baseUrl, webstoreId, path, callOptions.query),
                              {
                                  body: callOptions.body,
                                  signal: signalFor(callOptions.signal),
                                  timeoutMs,
                                  headers: connectHeaders(method)
                              }
                          ),
                (answer) => answer
            );
        },
        getSession(checkoutId: string) {
            return apex<CheckoutSessionRecord | null>('CheckoutSessionController', 'getSession', {
                checkoutId
            });
        },
        submitCpq(request: CpqSubmitRequest) {
            return apex<CpqSubmission>('CpqCheckoutController', 'checkout', request);
        },
        getCpqCartSummary(request: CpqSubmitRequest) {
            return apex<CpqCartSummary>('CpqCheckoutController', 'getCartSummary', request);
        }
    };
}
