/**
 * The fake Commerce server behind the CheckoutTransport interface: the checkout it holds
 * (fakeCommerceCheckout.ts), reached with latency on the fake clock, with scripted answers, injected faults,
 * requests that never answer, a record of every request, and the Apex calls (session, Industries CPQ).
 */
import type {
    CheckoutSessionRecord,
    CheckoutTransport,
    CpqCartSummary,
    CpqSubmission,
    CpqSubmitRequest,
    HttpMethod,
    HttpResponse
} from '../../types';
import type { FakeClock } from './fakeClock';
import { FakeCommerceCheckout, type FakeServerOptions } from './fakeCommerceCheckout';

export interface RecordedRequest {
    method: HttpMethod | 'APEX';
    path: string;
    query?: Record<string, string>;
    body?: unknown;
    status: number | 'network';
    sentAt: number;
    answeredAt: number;
}

/** `hang`: no answer ever comes, until the caller aborts (as fetch rejects on its AbortSignal). */
export type ScriptedAnswer = { status: number; body?: unknown } | 'network' | 'hang';

interface ScriptEntry {
    method: HttpMethod;
    pathIncludes: string;
    answer: ScriptedAnswer;
}

export class FakeCheckoutServer extends FakeCommerceCheckout implements CheckoutTransport {
    readonly requests: RecordedRequest[] = [];
    readonly script: ScriptEntry[] = [];
    /** Requests answered `hang`: never answered by the server. */
    hungRequests = 0;
    sessionReads = 0;
    cpqCalls: CpqSubmitRequest[] = [];
    /** When set, the CPQ checkout rejects with it (an Apex error object, or a network failure). */
    cpqRejection: unknown = null;
    cpqAnswer: CpqSubmission = {
        messages: [{ code: 'SUBMIT-1001', severity: 'INFO', message: 'ok' }],
        records: []
    };
    /** The admin's CPQ policy the cart summary reports (Custom Metadata in an org). */
    cpqCheckOrderStatus = true;
    /** Called on every request before it is answered: lets a test inject random faults. */
    faultInjector: ((method: HttpMethod, path: string) => ScriptedAnswer | null) | null = null;
    private writesInFlight = 0;
    maxWritesInFlight = 0;
    readonly latencyMs: number;
    readonly cpqSummaryCalls: CpqSubmitRequest[] = [];

    constructor(clock: FakeClock, options: FakeServerOptions = {}) {
        super(clock, options);
        this.latencyMs = options.latencyMs ?? 20;
    }

    /** Answers the next request matching `method` and a path fragment with `answer`, once. */
    scriptNext(method: HttpMethod, pathIncludes: string, answer: ScriptedAnswer, times = 1): void {
        for (let i = 0; i < times; i += 1) this.script.push({ method, pathIncludes, answer });
    }

    requestsOf(method: HttpMethod, pathIncludes = ''): RecordedRequest[] {
        return this.requests.filter(
            (request) => request.method === method && request.path.includes(pathIncludes)
        );
    }

    get patches(): RecordedRequest[] {
        return this.requests.filter((request) => request.method === 'PATCH');
    }

    private record(entry: Omit<RecordedRequest, 'answeredAt'>): RecordedRequest {
        const recorded = { ...entry, answeredAt: Number.NaN };
        this.requests.push(recorded);
        return recorded;
    }

    private delayed<T>(work: () => T): Promise<T> {
        return new Promise((resolve, reject) => {
            this.clock.setTimeout(() => {
                let result: T;
                try {
                    result = work();
                } catch (error) {
                    reject(error);
                    return;
                }
                this.clock.setTimeout(() => resolve(result), this.latencyMs / 2);
            }, this.latencyMs / 2);
        });
    }

    connect(
        method: HttpMethod,
        path: string,
        options: { query?: Record<string, string>; body?: unknown; signal?: AbortSignal } = {}
    ): Promise<HttpResponse> {
        const isWrite = method !== 'GET';
        const recorded = this.record({
            method,
            path,
            query: options.query,
            body: options.body,
            status: 0,
            sentAt: this.clock.now()
        });
        if (isWrite) {
            this.writesInFlight += 1;
            this.maxWritesInFlight = Math.max(this.maxWritesInFlight, this.writesInFlight);
        }
        const body =
            options.body === undefined ? undefined : JSON.parse(JSON.stringify(options.body));
        const answer = new Promise<HttpResponse>((resolve, reject) => {
            this.clock.setTimeout(() => {
                const index = this.script.findIndex(
                    (entry) => entry.method === method && path.includes(entry.pathIncludes)
                );
                let scripted: ScriptedAnswer | null =
                    index >= 0 ? this.script.splice(index, 1)[0].answer : null;
                scripted ??= this.faultInjector?.(method, path) ?? null;
                if (scripted === 'hang') {
                    this.hungRequests += 1;
                    options.signal?.addEventListener('abort', () => {
                        recorded.status = 'network';
                        if (isWrite) this.writesInFlight -= 1;
                        reject(new DOMException('The operation was aborted.', 'AbortError'));
                    });
                    return;
                }
                let outcome: HttpResponse | 'network';
                if (scripted === 'network') outcome = 'network';
                else if (scripted)
                    outcome = { status: scripted.status, body: scripted.body ?? null };
                else outcome = this.handle(method, path, body);
                this.clock.setTimeout(() => {
                    recorded.answeredAt = this.clock.now();
                    if (isWrite) this.writesInFlight -= 1;
                    if (outcome === 'network') {
                        recorded.status = 'network';
                        reject(new TypeError('Failed to fetch'));
                    } else {
                        recorded.status = outcome.status;
                        resolve(outcome);
                    }
                }, this.latencyMs / 2);
            }, this.latencyMs / 2);
        });
        return answer;
    }

    getSession(checkoutId: string): Promise<CheckoutSessionRecord | null> {
        this.sessionReads += 1;
        const recorded = this.record({
            method: 'APEX',
            path: 'getSession',
            body: { checkoutId },
            status: 200,
            sentAt: this.clock.now()
        });
        return this.delayed(() => {
            recorded.answeredAt = this.clock.now();
            return checkoutId === this.checkoutId ? { ...this.session } : null;
        });
    }

    submitCpq(request: CpqSubmitRequest): Promise<CpqSubmission> {
        this.cpqCalls.push(request);
        return this.delayed(() => {
            if (this.cpqRejection) throw this.cpqRejection;
            return JSON.parse(JSON.stringify(this.cpqAnswer)) as CpqSubmission;
        });
    }

    getCpqCartSummary(request: CpqSubmitRequest): Promise<CpqCartSummary> {
        this.cpqSummaryCalls.push(request);
        return this.delayed(() => ({
            oneTimeTotal: 120.5,
            recurringTotal: 30,
            currencyIsoCode: 'USD',
            checkOrderStatus: this.cpqCheckOrderStatus
        }));
    }
}
