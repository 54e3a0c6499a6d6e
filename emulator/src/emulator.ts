/**
 * The emulator as a request handler: routing, body parsing, fault injection, latency and the request log.
 * `handle` answers the paths the emulator owns and returns false for any other, so it can share a server.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { ApiError, invalidInput, notFound } from './errors';
import { defaultFaults, parseFaults, type Faults } from './faults';
import { sameId } from './ids';
import { OrgModel, type ApiResult, type CpqOrderOverrides } from './model';
import { Random, deriveSeed } from './random';
import { LOGGED_BODY_LIMIT, RequestLog, type RequestLogEntry } from './requestLog';
import { SCENARIOS } from './scenarios';
import { isObject, rejectUnknownKeys, type JsonObject } from './validation/json';

export const MAX_BODY_BYTES = 1024 * 1024;
export const MIN_API_VERSION = 55;

export interface EmulatorOptions {
    scenario?: string;
    seed?: number;
    timeScale?: number;
    /** The shipping calendar's today (yyyy-MM-dd); defaults to the current UTC date. */
    today?: string;
    /** SUBMIT codes the next CPQ submissions answer with; the last one repeats. */
    cpqOutcome?: string | string[];
    cpqOrder?: CpqOrderOverrides;
    /** Replace the faults along with the reset (otherwise the current faults are kept). */
    faults?: Partial<Faults>;
    /** How many requests the log keeps (oldest dropped first); 20,000 by default. Creation only. */
    requestLogCapacity?: number;
}

export interface EmulatorState {
    scenario: string;
    seed: number;
    timeScale: number;
    webstoreId: string;
    cartId: string;
    accountId: string | null;
    checkoutId: string | null;
    /** The Checkout output as GET would answer it now (null before a checkout starts). */
    checkout: Record<string, unknown> | null;
    /** The HTTP status that GET would answer now (202, 200 or 422), or null. */
    checkoutStatus: number | null;
    /** The CartCheckoutSession record with its API field names. */
    session: Record<string, unknown> | null;
    payments: unknown[];
    orders: unknown[];
    cpqCartId: string | null;
    cpqNamespace: string | null;
    cpq: unknown;
    /** The current checkout's calculator timeline: whether it runs and when it is (or was) ready. */
    processing: unknown;
    /** Every finished calculator run (bounded): kind, calculators, startedAt, readyAt, outcome. */
    history: unknown[];
    faults: Faults;
    requestCount: number;
}

export interface Emulator {
    handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
    reset(options?: EmulatorOptions): EmulatorState;
    setFaults(faults: Partial<Faults> & { cpqOutcome?: string | string[] }): Faults;
    state(): EmulatorState;
    requests(): RequestLogEntry[];
    clearRequests(): void;
    close(): void;
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const LANGUAGE = /^[a-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/;
const SUBMIT_CODES = /^SUBMIT-100[1-9]$/;

/** Epoch milliseconds with sub-millisecond precision, on one clock for the log and the calculators. */
function now(): number {
    return performance.timeOrigin + performance.now();
}

export function isEmulatorPath(pathname: string): boolean {
    return (
        pathname.startsWith('/services/') ||
        pathname.startsWith('/apex/') ||
        pathname === '/__emulator' ||
        pathname.startsWith('/__emulator/') ||
        /^(\/[^/]+)*\/webruntime\/api\/services\//.test(pathname)
    );
}

function parseCpqOutcome(value: unknown): string[] | undefined {
    if (value === undefined) return undefined;
    const list = typeof value === 'string' ? [value] : value;
    if (
        !Array.isArray(list) ||
        list.length === 0 ||
        !list.every((v) => typeof v === 'string' && SUBMIT_CODES.test(v))
    ) {
        throw invalidInput(
            'cpqOutcome must be a SUBMIT code (SUBMIT-1001 … SUBMIT-1009) or a non-empty list of them.'
        );
    }
    return list as string[];
}

function parseCpqOrder(value: unknown): CpqOrderOverrides | undefined {
    if (value === undefined) return undefined;
    if (!isObject(value)) throw invalidInput('cpqOrder must be an object.');
    rejectUnknownKeys(
        value,
        [
            'Status',
            'OrderStatus__c',
            'SupersededOrderId__c',
            'incompleteBundle',
            'notActivatedLines',
            'isMultiSite'
        ],
        'cpqOrder'
    );
    const result: CpqOrderOverrides = {};
    for (const key of ['Status', 'OrderStatus__c', 'SupersededOrderId__c'] as const) {
        const v = value[key];
        if (v === undefined) continue;
        if (v !== null && typeof v !== 'string')
            throw invalidInput(`cpqOrder.${key} must be a string or null.`);
        if (key === 'Status') {
            if (typeof v !== 'string') throw invalidInput('cpqOrder.Status must be a string.');
            result.Status = v;
        } else {
            result[key] = v;
        }
    }
    for (const key of ['incompleteBundle', 'isMultiSite'] as const) {
        const v = value[key];
        if (v === undefined) continue;
        if (typeof v !== 'boolean') throw invalidInput(`cpqOrder.${key} must be true or false.`);
        result[key] = v;
    }
    if (value.notActivatedLines !== undefined) {
        const n = value.notActivatedLines;
        if (typeof n !== 'number' || !Number.isInteger(n) || n < 0)
            throw invalidInput('cpqOrder.notActivatedLines must be a whole number.');
        result.notActivatedLines = n;
    }
    return result;
}

/**
 * `timeScale` multiplies every delay: 1 is realistic, 0.05 runs 20× faster, 0 is instant. Values above 1 are
 * refused so that a speed-up factor (e.g. 20) is not silently taken for a 20× slow-down.
 */
export function checkTimeScale(value: unknown): number {
    if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
        throw invalidInput(
            `timeScale must be a number from 0 to 1: it multiplies every delay (1 = realistic, 0.05 = 20× faster, 0 = instant); got ${String(value)}.`
        );
    }
    return value;
}

/** Validates a reset body into options. */
export function parseResetBody(body: unknown): EmulatorOptions {
    if (body === undefined) return {};
    if (!isObject(body)) throw invalidInput('The reset body must be a JSON object.');
    rejectUnknownKeys(
        body,
        ['scenario', 'seed', 'timeScale', 'today', 'cpqOutcome', 'cpqOrder', 'faults'],
        'reset'
    );
    const options: EmulatorOptions = {};
    if (body.scenario !== undefined) {
        if (typeof body.scenario !== 'string' || !SCENARIOS[body.scenario]) {
            throw invalidInput(`scenario must be one of: ${Object.keys(SCENARIOS).join(', ')}.`);
        }
        options.scenario = body.scenario;
    }
    if (body.seed !== undefined) {
        if (typeof body.seed !== 'number' || !Number.isInteger(body.seed))
            throw invalidInput('seed must be an integer.');
        options.seed = body.seed;
    }
    if (body.timeScale !== undefined) {
        options.timeScale = checkTimeScale(body.timeScale);
    }
    if (body.today !== undefined) {
        if (typeof body.today !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(body.today))
            throw invalidInput('today must be yyyy-MM-dd.');
        options.today = body.today;
    }
    options.cpqOutcome = parseCpqOutcome(body.cpqOutcome);
    options.cpqOrder = parseCpqOrder(body.cpqOrder);
    if (body.faults !== undefined) options.faults = parseFaults(body.faults);
    return options;
}

class RequestBodyError extends ApiError {}

/** No such Apex class or method: not an Apex exception, so not a 500. */
class ApexRouteError extends ApiError {}

/** Reads the body, refusing more than MAX_BODY_BYTES (it keeps draining, so the answer still reaches the client). */
function readBody(
    req: IncomingMessage
): Promise<{ text: string; tooLarge: boolean; bytes: number }> {
    return new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        let bytes = 0;
        let tooLarge = false;
        req.on('data', (chunk: Buffer) => {
            bytes += chunk.length;
            if (bytes > MAX_BODY_BYTES) {
                tooLarge = true;
                chunks.length = 0;
            } else {
                chunks.push(chunk);
            }
        });
        req.on('end', () =>
            resolve({
                text: tooLarge ? '' : Buffer.concat(chunks).toString('utf8'),
                tooLarge,
                bytes
            })
        );
        req.on('error', reject);
    });
}

function parseJson(text: string): unknown {
    if (text.trim() === '') return undefined;
    try {
        return JSON.parse(text);
    } catch (error) {
        throw new RequestBodyError(
            400,
            'JSON_PARSER_ERROR',
            `The request body isn't valid JSON: ${(error as Error).message}`
        );
    }
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
    let faults: Faults = defaultFaults();
    if (options.faults) faults = parseFaults(options.faults);
    let settings = {
        scenario: options.scenario ?? 'd2c-guest',
        seed: options.seed ?? 1,
        timeScale: options.timeScale ?? 1
    };
    let model!: OrgModel;
    let faultRandom!: Random;
    const log = new RequestLog(options.requestLogCapacity);
    const timers = new Map<NodeJS.Timeout, () => void>();
    let closed = false;

    function build(opts: EmulatorOptions): void {
        // Omitted fields keep the current setting, so `{}` restarts the same scenario.
        settings = {
            scenario: opts.scenario ?? settings.scenario,
            seed: opts.seed ?? settings.seed,
            timeScale: checkTimeScale(opts.timeScale ?? settings.timeScale)
        };
        if (opts.faults) faults = parseFaults(opts.faults);
        const cpqOutcome =
            typeof opts.cpqOutcome === 'string' ? [opts.cpqOutcome] : opts.cpqOutcome;
        model = new OrgModel(
            { ...settings, today: opts.today, cpqOutcome, cpqOrder: opts.cpqOrder },
            () => faults,
            now
        );
        faultRandom = new Random(deriveSeed(settings.seed, 3));
        log.clear();
    }
    build({ ...options, faults: undefined });

    function sleep(ms: number): Promise<void> {
        if (ms <= 0 || closed) return Promise.resolve();
        return new Promise((resolve) => {
            const timer = setTimeout(() => {
                timers.delete(timer);
                resolve();
            }, ms);
            timers.set(timer, resolve);
        });
    }

    function state(): EmulatorState {
        const current = model.currentCheckout();
        const checkoutId = model.currentCheckoutId;
        return {
            scenario: settings.scenario,
            seed: settings.seed,
            timeScale: settings.timeScale,
            webstoreId: model.webstoreId,
            cartId: model.cartId,
            accountId: model.scenario.isGuest ? null : model.accountId,
            checkoutId,
            checkout: current?.body ?? null,
            checkoutStatus: current?.status ?? null,
            session: checkoutId ? model.sessionRecord(checkoutId) : null,
            payments: model.currentPayments(),
            orders: model.orders.map((o) => ({ ...o })),
            cpqCartId: model.cpq?.cartId ?? null,
            cpqNamespace: model.cpq?.namespace ?? null,
            cpq: model.cpq ? structuredClone(model.cpq) : null,
            processing: model.processing(),
            history: model.history.map((h) => ({ ...h })),
            faults: structuredClone(faults),
            requestCount: log.size
        };
    }

    function setFaults(body: unknown): Faults {
        const next = parseFaults(body);
        const outcome = isObject(body) ? parseCpqOutcome(body.cpqOutcome) : undefined;
        faults = next;
        model.setCpqOutcomes(outcome);
        return structuredClone(faults);
    }

    // ------------------------------------------------------------------------------------------------------

    function send(
        res: ServerResponse,
        status: number,
        body: unknown,
        headers: Record<string, string> = {}
    ): void {
        if (res.headersSent || res.destroyed) return;
        if (status === 204 || body === undefined) {
            res.writeHead(status, headers);
            res.end();
            return;
        }
        const text = JSON.stringify(body);
        res.writeHead(status, {
            'content-type': 'application/json;charset=UTF-8',
            'content-length': String(Buffer.byteLength(text)),
            'cache-control': 'no-store',
            ...headers
        });
        res.end(text);
    }

    async function handleAdmin(
        req: IncomingMessage,
        res: ServerResponse,
        path: string
    ): Promise<void> {
        const method = req.method ?? 'GET';
        try {
            const raw = await readBody(req);
            if (raw.tooLarge)
                throw new ApiError(
                    413,
                    'REQUEST_TOO_LARGE',
                    `The request body is larger than ${MAX_BODY_BYTES} bytes.`
                );
            const body = parseJson(raw.text);
            if (path === '/__emulator/reset' && method === 'POST') {
                build(parseResetBody(body));
                send(res, 200, state());
            } else if (path === '/__emulator/faults' && method === 'PUT') {
                send(res, 200, setFaults(body ?? {}));
            } else if (path === '/__emulator/faults' && method === 'GET') {
                send(res, 200, faults);
            } else if (path === '/__emulator/requests' && method === 'GET') {
                send(res, 200, log.list());
            } else if (path === '/__emulator/requests' && method === 'DELETE') {
                log.clear();
                send(res, 204, undefined);
            } else if (path === '/__emulator/state' && method === 'GET') {
                send(res, 200, state());
            } else if (
                [
                    '/__emulator/reset',
                    '/__emulator/faults',
                    '/__emulator/requests',
                    '/__emulator/state'
                ].includes(path)
            ) {
                throw new ApiError(
                    405,
                    'METHOD_NOT_ALLOWED',
                    `${method} isn't supported on ${path}.`
                );
            } else {
                throw notFound(`No emulator admin resource at ${path}.`);
            }
        } catch (error) {
            const e =
                error instanceof ApiError
                    ? error
                    : new ApiError(500, 'UNKNOWN_EXCEPTION', String(error));
            send(res, e.status, [{ errorCode: e.errorCode, message: e.message }]);
        }
    }

    async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
        const url = new URL(req.url ?? '/', 'http://emulator.local');
        const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
        if (!isEmulatorPath(path)) return false;
        if (path === '/__emulator' || path.startsWith('/__emulator/')) {
            await handleAdmin(req, res, path);
            return true;
        }
        const method = (req.method ?? 'GET').toUpperCase();
        const startedAt = now();
        const query: Record<string, string> = {};
        for (const [k, v] of url.searchParams) if (!(k in query)) query[k] = v;
        const entry: Omit<RequestLogEntry, 'seq'> = {
            method,
            path,
            query,
            status: 0,
            body: null,
            startedAt,
            endedAt: startedAt
        };
        const finish = (status: number, extra: Partial<RequestLogEntry> = {}): void => {
            Object.assign(entry, extra, { status, endedAt: now() });
            log.add(entry);
        };

        let raw: { text: string; tooLarge: boolean; bytes: number };
        try {
            raw = await readBody(req);
        } catch {
            finish(0, { fault: 'client-aborted' });
            return true;
        }
        entry.body =
            raw.tooLarge || raw.bytes > LOGGED_BODY_LIMIT
                ? { omitted: true, bytes: raw.bytes }
                : safeParse(raw.text);

        // The draws happen for every request, in arrival order, so a seed replays the same faults.
        const drop = faultRandom.chance(faults.dropRate);
        const dropAfter = faultRandom.chance(0.5);
        const serverError = faultRandom.chance(faults.serverErrorRate);
        const injectConflict = faultRandom.chance(faults.conflictRate);
        const sessionError = faultRandom.chance(faults.sessionErrorRate);
        const latency =
            faultRandom.between(faults.latencyMs[0], faults.latencyMs[1]) * settings.timeScale;
        const locked = faultRandom.chance(faults.lockRate);

        await sleep(latency / 2);
        if (drop && !dropAfter) {
            req.socket.destroy();
            finish(0, { fault: 'drop-before' });
            return true;
        }

        let result: ApiResult;
        let headers: Record<string, string> = {};
        let fault: string | undefined;
        const isApex = path.startsWith('/apex/');
        try {
            if (raw.tooLarge)
                throw new RequestBodyError(
                    413,
                    'REQUEST_TOO_LARGE',
                    `The request body is larger than ${MAX_BODY_BYTES} bytes.`
                );
            const body = parseJson(raw.text);
            if (serverError) {
                fault = 'server-error';
                result = isApex
                    ? {
                          status: 500,
                          body: {
                              message: 'An internal server error occurred (injected).',
                              exceptionType: 'System.UnexpectedException'
                          }
                      }
                    : {
                          status: 500,
                          body: [
                              {
                                  errorCode: 'UNKNOWN_EXCEPTION',
                                  message:
                                      'An unexpected error occurred (injected fault). Retry the request.'
                              }
                          ]
                      };
            } else if (
                injectConflict &&
                WRITE_METHODS.has(method) &&
                !isApex &&
                path.includes('/commerce/webstores/')
            ) {
                fault = 'conflict';
                throw new ApiError(
                    409,
                    'CHECKOUT_CONFLICT',
                    'The cart was modified by another process (injected fault). Retry the request.'
                );
            } else if (locked && !isApex && path.includes('/commerce/webstores/')) {
                fault = 'locked';
                throw new ApiError(
                    423,
                    'UNABLE_TO_LOCK_ROW',
                    'unable to obtain exclusive access to this record (injected fault). Retry the request.'
                );
            } else if (isApex) {
                result = dispatchApex(path, method, body, sessionError);
                if (sessionError && path === '/apex/CheckoutSessionController/getSession')
                    fault = 'session-error';
            } else {
                result = dispatchRest(path, method, url.searchParams, body);
            }
        } catch (error) {
            if (error instanceof ApiError) {
                result =
                    isApex && !(error instanceof RequestBodyError)
                        ? {
                              status: error instanceof ApexRouteError ? error.status : 500,
                              body: {
                                  message: error.message,
                                  exceptionType: 'AuraHandledException'
                              }
                          }
                        : {
                              status: error.status,
                              body: [{ errorCode: error.errorCode, message: error.message }]
                          };
            } else if (error instanceof URIError) {
                result = {
                    status: 400,
                    body: [
                        {
                            errorCode: 'INVALID_INPUT',
                            message: `The URL isn't properly encoded: ${path}`
                        }
                    ]
                };
            } else {
                result = {
                    status: 500,
                    body: [
                        {
                            errorCode: 'UNKNOWN_EXCEPTION',
                            message: `Emulator error: ${String(error)}`
                        }
                    ]
                };
            }
        }
        if (result.warnings && result.warnings.length > 0) {
            headers = {
                warning: result.warnings.map((w) => `299 - "${w.replace(/"/g, "'")}"`).join(', ')
            };
        }

        await sleep(latency / 2);
        const errorCode = errorCodeOf(result.body);
        if (drop && dropAfter) {
            req.socket.destroy();
            finish(0, {
                fault: 'drop-after',
                warnings: result.warnings?.length ? result.warnings : undefined
            });
            return true;
        }
        send(res, result.status, result.body, headers);
        finish(result.status, {
            fault,
            errorCode,
            warnings: result.warnings?.length ? result.warnings : undefined
        });
        return true;
    }

    function dispatchApex(
        path: string,
        method: string,
        body: unknown,
        sessionError: boolean
    ): ApiResult {
        const m = /^\/apex\/([A-Za-z_]\w*)\/([A-Za-z_]\w*)$/.exec(path);
        if (!m) throw new ApexRouteError(404, 'NOT_FOUND', `No Apex method at ${path}.`);
        if (method !== 'POST')
            throw new ApexRouteError(
                405,
                'METHOD_NOT_ALLOWED',
                'Apex methods are called with POST.'
            );
        const params: JsonObject = body === undefined ? {} : isObject(body) ? body : {};
        if (body !== undefined && !isObject(body))
            throw invalidInput('The Apex parameters must be a JSON object.');
        const key = `${m[1]}.${m[2]}`;
        if (key === 'CheckoutSessionController.getSession') {
            rejectUnknownKeys(params, ['checkoutId'], 'getSession parameters');
            if (typeof params.checkoutId !== 'string' || params.checkoutId === '')
                throw invalidInput('checkoutId is required.');
            if (sessionError) {
                return {
                    status: 500,
                    body: {
                        message: 'Unable to read the checkout session (injected fault).',
                        exceptionType: 'AuraHandledException'
                    }
                };
            }
            const record = model.sessionRecord(params.checkoutId);
            return { status: 200, body: record ? sessionDto(record) : null };
        }
        if (
            key === 'CpqCheckoutController.checkout' ||
            key === 'CpqCheckoutController.getCartSummary'
        ) {
            const isCheckout = key === 'CpqCheckoutController.checkout';
            rejectUnknownKeys(
                params,
                isCheckout
                    ? ['cartId', 'namespace', 'checkOrderStatus', 'validateSubmittedXLI']
                    : ['cartId', 'namespace'],
                `${m[2]} parameters`
            );
            if (typeof params.cartId !== 'string' || typeof params.namespace !== 'string') {
                throw invalidInput('cartId and namespace are required.');
            }
            const href = `/services/apexrest/${params.namespace}/v2/cpq/carts/${params.cartId}/items/checkout`;
            if (!isCheckout) return model.cpqSummary(params.namespace, params.cartId, href);
            const checkOrderStatus = params.checkOrderStatus ?? true;
            const validateSubmittedXLI = params.validateSubmittedXLI ?? false;
            return model.cpqCheckout(params.namespace, params.cartId, {
                methodName: 'checkout',
                cartId: params.cartId,
                ContextId: params.cartId,
                checkOrderStatus,
                validateSubmittedXLI
            });
        }
        throw new ApexRouteError(404, 'NOT_FOUND', `No Apex method ${key} in this org.`);
    }

    function dispatchRest(
        path: string,
        method: string,
        query: URLSearchParams,
        body: unknown
    ): ApiResult {
        const local = path.replace(/^(\/[^/]+)*?\/webruntime\/api(?=\/services\/)/, '');
        const cpqMatch =
            /^\/services\/apexrest\/([^/]+)\/v2\/cpq\/carts\/([^/]+)\/items\/checkout$/.exec(local);
        if (cpqMatch) {
            const [, namespace, cartId] = cpqMatch;
            if (method === 'GET') return model.cpqSummary(namespace, cartId, local);
            if (method === 'POST') return model.cpqCheckout(namespace, cartId, body);
            throw new ApiError(
                405,
                'METHOD_NOT_ALLOWED',
                `${method} isn't supported on the CPQ checkout resource.`
            );
        }
        const m = /^\/services\/data\/v?(\d+)\.(\d+)\/commerce\/webstores\/([^/]+)(\/.*)?$/.exec(
            local
        );
        if (!m) throw notFound(`The requested resource does not exist: ${path}`);
        const version = Number(`${m[1]}.${m[2]}`);
        if (version < MIN_API_VERSION)
            throw notFound(
                `The Commerce checkout resources aren't available in API version ${m[1]}.${m[2]}.`
            );
        if (!sameId(m[3], model.webstoreId)) {
            throw notFound(`Webstore "${m[3]}" was not found.`);
        }
        const language = query.get('language');
        if (language !== null && !LANGUAGE.test(language))
            throw invalidInput(`language "${language}" isn't a valid locale, e.g. en-US.`);
        const effectiveAccountId = query.get('effectiveAccountId') ?? undefined;
        model.checkEffectiveAccount(effectiveAccountId);
        const rest = m[4] ?? '';
        const segments = rest.split('/').filter(Boolean).map(decodeURIComponent);
        const allow = (...methods: string[]): void => {
            if (!methods.includes(method))
                throw new ApiError(
                    405,
                    'METHOD_NOT_ALLOWED',
                    `${method} isn't supported on ${rest}. Use ${methods.join(', ')}.`
                );
        };
        if (segments[0] === 'checkouts') {
            if (segments.length === 1) {
                allow('POST', 'PUT');
                if (method === 'PUT' && version < 57)
                    throw new ApiError(
                        405,
                        'METHOD_NOT_ALLOWED',
                        'PUT on checkouts is available from API version 57.0.'
                    );
                return model.startCheckout(body, version);
            }
            const id = segments[1];
            if (segments.length === 2) {
                allow('GET', 'PATCH', 'DELETE');
                if (method === 'GET') return model.getCheckout(id);
                if (method === 'PATCH') return model.patchCheckout(id, body, version);
                return model.deleteCheckout(id);
            }
            if (segments.length === 3 && segments[2] === 'payments') {
                allow('POST');
                return model.postPayment(id, body);
            }
            if (segments.length === 3 && segments[2] === 'orders') {
                allow('POST');
                return model.placeOrder(id, body);
            }
        }
        if (segments[0] === 'accounts' && segments.length === 3 && segments[2] === 'addresses') {
            allow('GET');
            return model.accountAddressesPage(segments[1], query);
        }
        if (segments[0] === 'session-context' && segments.length === 1) {
            allow('GET');
            return model.sessionContext();
        }
        if (segments[0] === 'carts' && segments.length === 4 && segments[2] === 'delivery-groups') {
            allow('GET', 'PATCH');
            if (method === 'GET') return model.getDeliveryGroup(segments[1], segments[3]);
            return model.patchDeliveryGroup(segments[1], segments[3], body);
        }
        throw notFound(`The requested resource does not exist: ${path}`);
    }

    return {
        handle: async (req, res) => {
            try {
                return await handle(req, res);
            } catch (error) {
                // Never let a bug take the server down: answer 500 and keep serving.
                send(res, 500, [
                    { errorCode: 'UNKNOWN_EXCEPTION', message: `Emulator error: ${String(error)}` }
                ]);
                return true;
            }
        },
        reset: (opts = {}) => {
            build(opts);
            return state();
        },
        setFaults: (f) => setFaults(f),
        state,
        requests: () => log.list(),
        clearRequests: () => log.clear(),
        close: () => {
            closed = true;
            for (const [timer, resolve] of timers) {
                clearTimeout(timer);
                resolve();
            }
            timers.clear();
        }
    };
}

function safeParse(text: string): unknown {
    if (text.trim() === '') return null;
    try {
        return JSON.parse(text);
    } catch {
        return text;
    }
}

function errorCodeOf(body: unknown): string | undefined {
    if (Array.isArray(body) && isObject(body[0]) && typeof body[0].errorCode === 'string')
        return body[0].errorCode;
    return undefined;
}

function sessionDto(record: Record<string, unknown>): Record<string, unknown> {
    return {
        checkoutId: record.Id,
        isProcessing: record.IsProcessing,
        isError: record.IsError,
        isArchived: record.IsArchived,
        state: record.State,
        nextState: record.NextState,
        orderId: record.OrderId,
        orderReferenceNumber: record.OrderReferenceNumber,
        backgroundOperationId: record.BackgroundOperationId
    };
}
