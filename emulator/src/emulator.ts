/**
 * The emulator as a request handler: `handle` answers the paths the emulator owns (admin, Connect REST, Apex)
 * and resolves false for any other, so it can share a server. This file wires the pieces: the org model
 * (./model.ts), the admin routes, and the request pipeline with its fault injection (./http/).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { defaultFaults, parseFaults, type Faults } from './faults';
import { checkTimeScale, parseCpqOutcome } from './http/adminBodies';
import { handleAdmin, isAdminPath, type AdminApi } from './http/adminRoutes';
import { send } from './http/answers';
import { handleApiRequest, type Runtime } from './http/apiRequest';
import { Hangs, now, Sleeps } from './http/clock';
import { isLoginPath, serveLoginPage } from './http/sessionEnded';
import { OrgModel, type CpqOrderOverrides } from './model';
import type { CpqSettings } from './model/records';
import { Random, deriveSeed } from './random';
import { RequestLog, type RequestLogEntry } from './requestLog';
import { isObject } from './validation/json';

export { MAX_BODY_BYTES } from './http/body';

export interface EmulatorOptions {
    scenario?: string;
    seed?: number;
    timeScale?: number;
    /** The shipping calendar's today (yyyy-MM-dd); defaults to the current UTC date. */
    today?: string;
    /** SUBMIT codes the next CPQ submissions answer with; the last one repeats. */
    cpqOutcome?: string | string[];
    cpqOrder?: CpqOrderOverrides;
    /** The admin's Industries CPQ checkout settings (namespace, checkOrderStatus, validateSubmittedXLI). */
    cpqSettings?: Partial<CpqSettings>;
    /**
     * False: every order POST places a new order, so a client's duplicate shows as two orders. True by
     * default; like the scenario, kept across resets that leave it out.
     */
    idempotentOrders?: boolean;
    /**
     * Place order refuses a checkout without a payment (412). The scenario's setting (on for b2b-buyer) when left
     * out; unlike idempotentOrders, not kept across resets.
     */
    paymentRequired?: boolean;
    /** Replace the faults along with the reset (otherwise the current faults are kept). */
    faults?: Partial<Faults>;
    /** How many requests the log keeps (oldest dropped first); 20,000 by default. Creation only. */
    requestLogCapacity?: number;
    /** How many bytes of text the log keeps (oldest dropped first); 16 MiB by default. Creation only. */
    requestLogMaxBytes?: number;
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
    /** The checkout's billing address (WebCart.BillingAddress) as the last payment set it, or null. */
    billingAddress: unknown;
    /** Place order refuses a checkout without a payment. */
    paymentRequired: boolean;
    orders: unknown[];
    cpqCartId: string | null;
    cpqNamespace: string | null;
    cpq: unknown;
    /** The session's CSRF token: signed-in scenarios refuse a Connect write without it (401). */
    csrfToken: string;
    idempotentOrders: boolean;
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

export function isEmulatorPath(pathname: string): boolean {
    return (
        pathname.startsWith('/services/') ||
        pathname.startsWith('/apex/') ||
        pathname === '/__emulator' ||
        pathname.startsWith('/__emulator/') ||
        isLoginPath(pathname) ||
        /^(\/[^/]+)*\/webruntime\/api\/services\//.test(pathname)
    );
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
    let faults: Faults = defaultFaults();
    if (options.faults) faults = parseFaults(options.faults);
    let settings = {
        scenario: options.scenario ?? 'd2c-guest',
        seed: options.seed ?? 1,
        timeScale: options.timeScale ?? 1,
        idempotentOrders: options.idempotentOrders ?? true
    };
    let model!: OrgModel;
    let faultRandom!: Random;
    /** Counts the resets: a request begun in an earlier session ends there (apiRequest.ts). */
    let session = 0;
    const log = new RequestLog(options.requestLogCapacity, options.requestLogMaxBytes);
    const sleeps = new Sleeps();
    const hangs = new Hangs();

    function build(opts: EmulatorOptions): void {
        // Omitted fields keep the current setting, so `{}` restarts the same scenario.
        settings = {
            scenario: opts.scenario ?? settings.scenario,
            seed: opts.seed ?? settings.seed,
            timeScale: checkTimeScale(opts.timeScale ?? settings.timeScale),
            idempotentOrders: opts.idempotentOrders ?? settings.idempotentOrders
        };
        if (opts.faults) faults = parseFaults(opts.faults);
        const cpqOutcome =
            typeof opts.cpqOutcome === 'string' ? [opts.cpqOutcome] : opts.cpqOutcome;
        model = new OrgModel(
            {
                ...settings,
                today: opts.today,
                cpqOutcome,
                cpqOrder: opts.cpqOrder,
                cpqSettings: opts.cpqSettings,
                paymentRequired: opts.paymentRequired
            },
            () => faults,
            now
        );
        // Requests held by the hang fault belong to the old session: they end now, unanswered.
        hangs.releaseAll();
        session += 1;
        // Its own stream (3): fault draws never shift the org's calculator (1) or order (2) draws.
        faultRandom = new Random(deriveSeed(settings.seed, 3));
        log.clear();
    }
    build({ ...options, faults: undefined });

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
            billingAddress: model.currentBillingAddress(),
            paymentRequired: model.paymentRequired,
            orders: model.orders.map((o) => ({ ...o })),
            cpqCartId: model.cpq?.cartId ?? null,
            cpqNamespace: model.cpq?.settings.namespace ?? null,
            cpq: model.cpq ? structuredClone(model.cpq) : null,
            csrfToken: model.csrfToken,
            idempotentOrders: model.idempotentOrders,
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

    const reset = (opts: EmulatorOptions = {}): EmulatorState => {
        build(opts);
        return state();
    };
    const admin: AdminApi = {
        reset,
        setFaults,
        faults: () => faults,
        requests: () => log.list(),
        clearRequests: () => log.clear(),
        state
    };
    const runtime: Runtime = {
        get model() {
            return model;
        },
        get faults() {
            return faults;
        },
        get faultRandom() {
            return faultRandom;
        },
        get timeScale() {
            return settings.timeScale;
        },
        get session() {
            return session;
        },
        log,
        sleep: (ms) => sleeps.sleep(ms),
        hang: (res) => hangs.wait(res)
    };

    async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
        const url = new URL(req.url ?? '/', 'http://emulator.local');
        const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
        if (!isEmulatorPath(path)) return false;
        if (isAdminPath(path)) await handleAdmin(req, res, path, admin);
        else if (isLoginPath(path)) serveLoginPage(req, res, path, log);
        else await handleApiRequest(req, res, url, path, runtime);
        return true;
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
        reset,
        setFaults: (f) => setFaults(f),
        state,
        requests: () => log.list(),
        clearRequests: () => log.clear(),
        close: () => {
            sleeps.close();
            hangs.releaseAll();
        }
    };
}
