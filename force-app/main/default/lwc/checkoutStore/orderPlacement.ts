/**
 * Order placement: single-flight per store and per page, blocked while anything is unsaved, through
 * Commerce (`POST …/orders`) or Industries CPQ. Outcomes are read in `submission.ts`.
 */
import { nameCpqCart, readCpqSummary } from './accountData';
import { requestRecalculation } from './calculations';
import { isObject, readRefusal } from './answers';
import { answerWithin, changed, delay, engineMessage, whenIdle } from './context';
import type { EngineContext } from './context';
import { sendWaitingCustomFields } from './customFieldsWaiting';
import { ENGINE_CODES } from './engineCodes';
import * as labels from './labels';
import { load } from './loading';
import { placedOrders, storesOfCheckout, submissionsInFlight } from './pageRegistry';
import { readSession, waitUntilReady } from './readiness';
import { connectQuery } from './connectQuery';
import { send, signedOutMessage } from './request';
import { placeOrderBlockers } from './snapshot';
import { cpqFailure, cpqResult, cpqSubmitResult, orderResult, placedOrder } from './submission';
import type { OrderResult, SubmissionSettings } from './types';

export async function runPlaceOrder(
    ctx: EngineContext,
    settings: SubmissionSettings
): Promise<OrderResult> {
    if (!ctx.checkoutId && !ctx.starting) await load(ctx);
    await whenIdle(ctx);
    // Custom fields waiting here or in another store of this checkout on the page go first, if they can.
    await Promise.all(storesOfCheckout(ctx).map((store) => sendWaitingCustomFields(store)));
    const cpqCartId = settings.cartId ?? ctx.options.cpq?.cartId;
    if (settings.strategy === 'cpq' && !cpqCartId) {
        // The checkout's WebCart is not a CPQ cart: without a named one an admin must act.
        const result = orderResult(cpqSubmitResult('SUBMIT-1005'));
        clearOrderMessages(ctx);
        reportOrderFailure(ctx, result);
        return setOrder(ctx, result);
    }
    const key = settings.strategy === 'cpq' ? `cpq:${cpqCartId}` : `commerce:${ctx.checkoutId}`;
    const placed = placedOrders.get(key);
    if (placed) return setOrder(ctx, placed);
    const running = submissionsInFlight.get(key);
    if (running) return setOrder(ctx, await running);

    // Never on totals a failed calculation left stale: run it again first.
    if (ctx.failedCalculations.size > 0) {
        requestRecalculation(ctx);
        ctx.scheduleWrites();
        await whenIdle(ctx);
    }
    const blockers = placeOrderBlockers(ctx).filter((blocker) => blocker !== 'submitting');
    if (blockers.length > 0) {
        // The real reason: a calculation that still fails says so itself.
        const failed = [...ctx.failedCalculations.values()][0];
        const message = failed?.message ?? labels.orderBlocked;
        engineMessage(ctx, ENGINE_CODES.orderBlocked, 'order', message);
        return orderResult({
            strategy: settings.strategy,
            outcome: 'rejected',
            code: ENGINE_CODES.orderBlocked,
            message
        });
    }
    ctx.engineMessages.delete(ENGINE_CODES.orderBlocked);
    clearOrderMessages(ctx);
    const submission =
        settings.strategy === 'cpq' ? submitCpq(ctx, cpqCartId as string) : submitCommerce(ctx);
    submissionsInFlight.set(key, submission);
    ctx.submitting = true;
    changed(ctx);
    try {
        const result = await submission;
        if (result.outcome === 'success') placedOrders.set(key, result);
        return setOrder(ctx, result);
    } finally {
        submissionsInFlight.delete(key);
        ctx.submitting = false;
        changed(ctx);
    }
}

function setOrder(ctx: EngineContext, result: OrderResult): OrderResult {
    ctx.order = orderResult(result);
    changed(ctx);
    return ctx.order;
}

/**
 * A failed order is said once, as an `order` message (several for a 412 that lists several errors); the
 * OrderResult carries the same text for callers of placeOrder(), not for display.
 */
function reportOrderFailure(ctx: EngineContext, result: OrderResult): void {
    engineMessage(
        ctx,
        ENGINE_CODES.orderFailed,
        'order',
        result.message,
        'error',
        undefined,
        result.code
    );
}

function clearOrderMessages(ctx: EngineContext): void {
    for (const [id, message] of ctx.engineMessages) {
        if (message.scope === 'order') ctx.engineMessages.delete(id);
    }
}

/** POST …/orders: 201 with the order reference number; 412/422 say what is missing. */
async function submitCommerce(ctx: EngineContext): Promise<OrderResult> {
    const sent = await send(
        ctx,
        'POST',
        `/checkouts/${encodeURIComponent(ctx.checkoutId as string)}/orders`,
        { query: connectQuery(ctx, true) },
        true
    );
    if ('failure' in sent) {
        // The server is idempotent per checkout, so trying again can never place a second order.
        const message =
            sent.failure === 'signed-out'
                ? signedOutMessage(ctx)
                : sent.failure === 'network'
                  ? labels.errorNetwork
                  : labels.orderFailed;
        const failed: OrderResult = {
            strategy: 'commerce',
            outcome: 'retryable',
            code: ENGINE_CODES.orderFailed,
            message
        };
        reportOrderFailure(ctx, failed);
        return failed;
    }
    const { status, body } = sent.response;
    const reference = isObject(body) ? body.orderReferenceNumber : undefined;
    if ((status === 200 || status === 201) && typeof reference === 'string' && reference) {
        void learnOrderId(ctx);
        return placedOrder(reference);
    }
    if (status === 404 || status === 410) {
        // The session may already be complete (another tab placed the order).
        await readSession(ctx);
        const existing = ctx.session?.orderReferenceNumber;
        if (existing) return placedOrder(existing, ctx.session?.orderId ?? undefined);
    }
    // Refused: refresh the checkout so the snapshot shows what the server holds now (another tab may have
    // changed it), then show every error.
    if (status !== 404 && status !== 410) await waitUntilReady(ctx, 'conflict');
    const errors =
        isObject(body) && Array.isArray(body.errors) && body.errors.length > 0
            ? body.errors
            : [body];
    const refusals = errors
        .map((error) => readRefusal(error, labels.orderFailed))
        .filter(
            (refusal, index, all) => all.findIndex((r) => r.message === refusal.message) === index
        );
    refusals.forEach((refusal, index) =>
        engineMessage(
            ctx,
            `${ENGINE_CODES.orderFailed}|${index}`,
            'order',
            refusal.message,
            'error',
            undefined,
            refusal.code ?? `HTTP_${status}`
        )
    );
    return {
        strategy: 'commerce',
        outcome: 'rejected',
        code: `HTTP_${status}`,
        message: refusals[0].message
    };
}

/**
 * After place order the session learns the Order id: read it a few times, without holding the shopper. Every
 * read waits on a timer first, so a store disposed as soon as the order is placed sends none.
 */
async function learnOrderId(ctx: EngineContext): Promise<void> {
    for (const wait of [250, 500, 1500]) {
        await delay(ctx, wait);
        if (ctx.disposed) return;
        await readSession(ctx);
        const orderId = ctx.session?.orderId;
        if (orderId && ctx.order?.outcome === 'success') {
            setOrder(ctx, { ...ctx.order, orderId });
            return;
        }
    }
}

/**
 * Submits the named CPQ cart; the Apex applies the admin's namespace and policy. The policy is read first
 * (with the cart's totals) when this cart was not named before, so a lost answer is handled as it allows.
 */
async function submitCpq(ctx: EngineContext, cartId: string): Promise<OrderResult> {
    if (nameCpqCart(ctx, { cartId })) await readCpqSummary(ctx);
    let result: OrderResult;
    try {
        result = cpqResult(await answerWithin(ctx, () => ctx.transport.submitCpq({ cartId })));
    } catch (error) {
        result = cpqFailure(error, ctx.cpqCheckOrderStatus);
    }
    if (result.outcome !== 'success') reportOrderFailure(ctx, result);
    return result;
}
