/**
 * Loading and restarts: resolve who is shopping, start (or resume) the active checkout and wait until it is
 * ready; when the checkout is gone (404/410), start again keeping every edit the shopper made.
 */
import { isCheckoutBody, isObject } from './answers';
import { readCpqSummary } from './accountData';
import { recordCalculations } from './calculations';
import { carryOver } from './carryOver';
import { applyCheckout } from './checkoutState';
import { answerWithin, changed, engineMessage } from './context';
import type { EngineContext } from './context';
import type { Checkout, OperationKind } from './types';
import { ENGINE_CODES } from './engineCodes';
import * as labels from './labels';
import { afterRestart } from './payment';
import { refreshSessionAfterReady, sessionInDoubt, waitUntilReady } from './readiness';
import { connectQuery } from './connectQuery';
import { send, signedOutMessage } from './request';
import { restoreUnsavedEdits } from './unsavedEdits';

const MAX_RESTARTS = 3;

/** One load at a time: callers share the run; after a failed start, the next call starts again. */
export function load(ctx: EngineContext): Promise<void> {
    if (ctx.disposed) return Promise.resolve();
    ctx.loadRun ??= runLoad(ctx);
    return ctx.loadRun;
}

async function runLoad(ctx: EngineContext): Promise<void> {
    ctx.restarts = 0;
    ctx.loadActive = true;
    try {
        await resolveContextAndStart(ctx);
    } finally {
        // Cleared after the write queue was scheduled: whenIdle never resolves in between.
        ctx.loadActive = false;
        changed(ctx);
    }
}

async function resolveContextAndStart(ctx: EngineContext): Promise<void> {
    if (ctx.options.resolveContext && !ctx.contextResolved) {
        try {
            const resolve = ctx.options.resolveContext;
            const context = await answerWithin(ctx, () => resolve());
            ctx.effectiveAccountId ??= context.effectiveAccountId ?? undefined;
            if (context.isGuest !== undefined) ctx.isGuest = context.isGuest;
            ctx.contextResolved = true;
        } catch {
            // Without the session context the API falls back to the context user's account.
        }
    }
    if (!(await startCheckout(ctx))) return;
    if (ctx.options.cpq) void readCpqSummary(ctx);
    ctx.scheduleWrites();
}

/**
 * PUT …/checkouts {cartId: 'active'}: "create or get", as the platform's own checkout starts today; one request
 * whether or not the cart already has a checkout (docs/contract-decisions.md, "Starting a checkout").
 */
/** `expired`: the checkout held answered 404/410, so the one started is new whatever its id. */
async function startCheckout(ctx: EngineContext, expired = false): Promise<boolean> {
    const before = ctx.checkout;
    ctx.renewing = expired;
    try {
        const started = await putCheckout(ctx, before);
        // "Create or get" may answer with a new checkout (the old one expired): what the shopper set follows.
        const renewed = expired || ctx.checkout?.checkoutId !== before?.checkoutId;
        if (started && before && renewed) {
            engineMessage(
                ctx,
                ENGINE_CODES.restarted,
                'checkout',
                labels.checkoutRestarted,
                'info'
            );
            afterRestart(ctx);
            carryOver(ctx, before);
        }
        // The first start that succeeds, whichever path led to it (a load, Try again, a restart).
        if (started) restoreUnsavedEdits(ctx);
        return started;
    } finally {
        ctx.renewing = false;
    }
}

/** `before`: the checkout held; an answer naming another one means the edits belong to the one replaced. */
async function putCheckout(ctx: EngineContext, before: Checkout | null): Promise<boolean> {
    ctx.starting = true;
    ctx.startFailed = false;
    ctx.engineMessages.delete(ENGINE_CODES.load);
    changed(ctx);
    try {
        const sent = await send(
            ctx,
            'PUT',
            '/checkouts',
            { body: { cartId: 'active' }, query: connectQuery(ctx, true) },
            false
        );
        if ('failure' in sent) {
            if (sent.failure === 'cancelled') return failStart(ctx);
            return failStart(
                ctx,
                sent.failure === 'signed-out' ? signedOutMessage(ctx) : labels.errorLoad
            );
        }
        const { status, body } = sent.response;
        const answered = isObject(body) ? body.checkoutId : undefined;
        if (before && answered !== before.checkoutId) ctx.renewing = true;
        if (status === 200 && isCheckoutBody(body)) {
            applyCheckout(ctx, body);
            recordCalculations(ctx, startKind(ctx));
            if (sessionInDoubt(ctx)) await refreshSessionAfterReady(ctx);
            return true;
        }
        if ((status !== 200 && status !== 202) || typeof answered !== 'string') {
            return failStart(ctx, labels.errorLoad);
        }
        ctx.checkoutId = answered;
        const readiness = await waitUntilReady(ctx, startKind(ctx));
        if (readiness === 'gone' && ctx.restarts < MAX_RESTARTS) {
            ctx.restarts += 1;
            ctx.starting = false;
            return putCheckout(ctx, before);
        }
        if (readiness === 'ready' || readiness === 'calculator-error') return true;
        if (readiness === 'cancelled') return failStart(ctx);
        return failStart(
            ctx,
            readiness === 'signed-out' ? signedOutMessage(ctx) : labels.errorLoad
        );
    } finally {
        ctx.starting = false;
        changed(ctx);
    }
}

/** Buyers usually have a saved address, so their start also runs shipping and tax. */
function startKind(ctx: EngineContext): OperationKind {
    return ctx.isGuest ? 'start' : 'startWithAddress';
}

/**
 * Starts the existing checkout again (PUT is "create or get"): the one request that runs pricing, promotions
 * and inventory again after one of them failed. Edits stay in the ledger meanwhile.
 */
export function startAgain(ctx: EngineContext): Promise<boolean> {
    return startCheckout(ctx);
}

/** `message`: what the shopper is told; none when the start was cancelled. */
function failStart(ctx: EngineContext, message?: string): false {
    ctx.startFailed = true;
    ctx.loadRun = null; // a later load() or retryFailed() starts again
    if (message) engineMessage(ctx, ENGINE_CODES.load, 'checkout', message);
    return false;
}

/** The checkout is gone (404/410): start again, keeping every edit the shopper made. */
export async function restart(ctx: EngineContext): Promise<boolean> {
    ctx.restarts += 1;
    for (const edit of ctx.edits.values()) {
        if (edit.status === 'saving') edit.status = 'pending';
    }
    ctx.checkoutId = null;
    afterRestart(ctx);
    if (ctx.restarts > MAX_RESTARTS) return failStart(ctx, labels.errorLoad);
    engineMessage(ctx, ENGINE_CODES.restarted, 'checkout', labels.checkoutRestarted, 'info');
    const started = await startCheckout(ctx, true);
    // What was carried goes at once: another tab may order the new checkout before this one is pressed again.
    if (started) ctx.scheduleWrites();
    return started;
}
