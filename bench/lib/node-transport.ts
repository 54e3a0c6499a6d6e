/**
 * The engine's transport for Node: Connect REST and the Apex endpoints of the emulator over HTTP, with a
 * journal of every call (send and receive times, bodies) that the analyses read.
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

export interface NodeTransportOptions {
    baseUrl: string;
    webstoreId: string;
    client: string;
    journal: Journal;
    timeoutMs?: number;
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
    const { baseUrl, webstoreId, client, journal } = options;
    const timeoutMs = options.timeoutMs ?? 30_000;

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
                httpJson('POST', `${baseUrl}/apex/${className}/${method}`, {
                    body: params,
                    timeoutMs
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
                    httpJson(method, connectUrl(baseUrl, webstoreId, path, callOptions.query), {
                        body: callOptions.body,
                        signal: callOptions.signal,
                        timeoutMs
                    }),
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
