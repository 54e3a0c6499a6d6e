/**
 * Order placement: single-flight per store and per page, blocked while anything is unsaved, through
 * Commerce (`POST …/orders`) or Industries CPQ. Outcomes are read in `submission.ts`.
 */
import { nameCpqCart, readCpqSummary } from './accountData';
import { recordCalculations, requestRecalculation } from './calculations';
import { isCheckoutBody, isObject, readRefusal } from './answers';
import { applyCheckout, applyMethodIntent, reapplyMethodIntent } from './checkoutState';
import { answerWithin, changed, delay, engineMessage, whenIdle } from './context';
import type { EngineContext } from './context';
import { sendWaitingCustomFields } from './customFieldsWaiting';
import { ENGINE_CODES } from './engineCodes';
import * as labels from './labels';
import { load, restart } from './loading';
import { placedOrders, storesOfCheckout, submissionsInFlight } from './pageRegistry';
import { resendAfterConflict, resendBeforeOrder } from './payment';
import { getCheckout, readSession, waitUntilReady } from './readiness';
import { connectQuery } from './connectQuery';
import { send, signedOutMessage } from './request';
import { catchUp, tellTabs } from './tabSync';
import type { RequestFailure } from './request';
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
    const existing = orderOfPage(key);
    if (existing) return setOrder(ctx, await existing);

    const lost = settings.strategy === 'commerce' ? await lookForLostOrder(ctx) : undefined;
    if (lost) return lost;
    await settleBeforeOrder(ctx);
    // Another store of this checkout may have placed or started the order meanwhile, or a read found it.
    const meanwhile = orderOfPage(key);
    if (meanwhile) return setOrder(ctx, await meanwhile);
    if (ctx.order?.outcome === 'success') return ctx.order;
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
        if (result.outcome === 'success') {
            placedOrders.set(key, result);
            tellTabs(ctx, { saved: true });
        }
        return setOrder(ctx, result);
    } finally {
        submissionsInFlight.delete(key);
        ctx.submitting = false;
        changed(ctx);
    }
}

/**
 * Right before an order: a checkout another tab changed is read again, a calculation that failed runs again
 * (never an order on stale totals), the shopper's delivery methods are brought back where another tab or a
 * recalculation changed them, and a payment the shopper entered goes again (another tab's method change clears
 * it unseen).
 */
async function settleBeforeOrder(ctx: EngineContext): Promise<void> {
    await catchUp(ctx);
    if (ctx.failedCalculations.size > 0) requestRecalculation(ctx);
    for (const groupId of ctx.methodIntent.keys()) applyMethodIntent(ctx, groupId);
    resendBeforeOrder(ctx);
    ctx.scheduleWrites();
    await whenIdle(ctx);
    // Calculated: a choice the checkout no longer offers goes, and the shopper is asked (a failed calculation
    // says nothing about the methods; that failure blocks the order itself).
    if (ctx.failedCalculations.size > 0) return;
    const reapplied = [...ctx.methodIntent.keys()].map((groupId) =>
        reapplyMethodIntent(ctx, groupId, false)
    );
    if (reapplied.includes('applied')) {
        ctx.scheduleWrites();
        await whenIdle(ctx);
    }
}

/**
 * An order whose answer was lost is looked for before anything else (shown as submitting): once placed, its
 * checkout refuses the payment that settling would send again, and that refusal would hide the order.
 */
async function lookForLostOrder(ctx: EngineContext): Promise<OrderResult | undefined> {
    if (!ctx.orderInDoubt) return undefined;
    clearOrderMessages(ctx);
    ctx.submitting = true;
    changed(ctx);
    try {
        const found = await findPlacedOrder(ctx);
        if (found !== 'unknown') ctx.orderInDoubt = false;
        // The press goes on with the new checkout.
        if (found === 'gone') await restart(ctx);
        return typeof found === 'object' ? found : undefined;
    } finally {
        ctx.submitting = false;
        changed(ctx);
    }
}

/**
 * After an order answer was lost: the session or the checkout says whether the order exists. `absent` only when
 * the checkout answered without one; `gone` when it answered 404/410 and the session named no order (nothing can
 * be ordered on it: start again, as Salesforce's own client does); `unknown` when no read answered.
 */
async function findPlacedOrder(
    ctx: EngineContext
): Promise<OrderResult | 'absent' | 'gone' | 'unknown'> {
    await readSession(ctx);
    if (ctx.order?.outcome !== 'success' && ctx.checkoutId) {
        const answer = await getCheckout(ctx, ctx.checkoutId).catch(() => null);
        if (answer?.status === 404 || answer?.status === 410) return 'gone';
        if (!answer || !isCheckoutBody(answer.body)) return 'unknown';
        applyCheckout(ctx, answer.body);
        recordCalculations(ctx, 'conflict');
    }
    if (ctx.order?.outcome === 'success') return ctx.order;
    return ctx.checkoutId ? 'absent' : 'unknown';
}

/**
 * The order a store on this page placed, or the submission one has in flight. Undefined synchronously when there
 * is none: the caller registers its own submission before any other store can look.
 */
function orderOfPage(key: string): OrderResult | Promise<OrderResult> | undefined {
    return placedOrders.get(key) ?? submissionsInFlight.get(key);
}

function setOrder(ctx: EngineContext, result: OrderResult): OrderResult {
    // A placed order is final: a press that failed while a read found it returns it.
    if (ctx.order?.outcome === 'success' && result.outcome !== 'success') return ctx.order;
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

/**
 * POST …/orders: 201 with the order reference number; 412/422 say what is missing. A lost answer (network, 5xx,
 * timeout) may hide an order the server placed: nothing is sent again until a read says there is none, in this
 * press or a later one. A conflict waits for the checkout and checks the shopper's choices again; a checkout
 * gone (404/410) is started anew.
 */
async function submitCommerce(ctx: EngineContext): Promise<OrderResult> {
    for (let attempt = 0; ; attempt += 1) {
        let failure: RequestFailure = 'network';
        const found = ctx.orderInDoubt ? await findPlacedOrder(ctx) : 'absent';
        if (found !== 'unknown') ctx.orderInDoubt = false;
        if (typeof found === 'object') return found;
        if (found === 'gone') {
            await restart(ctx);
            return failOrder(ctx, 'network');
        }
        if (found === 'absent') {
            const outcome = await postOrder(ctx);
            if (!('retry' in outcome)) return outcome;
            failure = outcome.retry;
            ctx.orderInDoubt = failure !== 'conflict';
        }
        if (attempt >= ctx.retry.maxFaultRetries || ctx.disposed) return failOrder(ctx, failure);
        if (failure === 'conflict') {
            await waitUntilReady(ctx, 'conflict');
            // Something else changed the checkout meanwhile: the shopper's choices first, then a new try.
            const changedUnderUs = [...ctx.methodIntent.keys()].some(
                (groupId) => applyMethodIntent(ctx, groupId) !== 'selected'
            );
            if (changedUnderUs || !(await resendAfterConflict(ctx))) {
                ctx.scheduleWrites();
                return failOrder(ctx, 'conflict');
            }
        }
        await delay(ctx, ctx.retry.baseDelayMs * (attempt + 1));
    }
}

function failOrder(ctx: EngineContext, failure: RequestFailure | 'cancelled'): OrderResult {
    const message =
        failure === 'signed-out'
            ? signedOutMessage(ctx)
            : failure === 'network'
              ? labels.errorNetwork
              : failure === 'conflict'
                ? labels.errorConflict
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

async function postOrder(ctx: EngineContext): Promise<OrderResult | { retry: RequestFailure }> {
    const sent = await send(
        ctx,
        'POST',
        `/checkouts/${encodeURIComponent(ctx.checkoutId as string)}/orders`,
        { query: connectQuery(ctx, true), once: true },
        false
    );
    if ('failure' in sent) {
        if (sent.failure === 'cancelled' || sent.failure === 'signed-out')
            return failOrder(ctx, sent.failure);
        return { retry: sent.failure };
    }
    const { status, body } = sent.response;
    const reference = isObject(body) ? body.orderReferenceNumber : undefined;
    if ((status === 200 || status === 201) && typeof reference === 'string' && reference) {
        void learnOrderId(ctx);
        return placedOrder(reference);
    }
    if (status === 404 || status === 410) {
        // The session may already be complete (another tab placed the order); else the checkout expired.
        const found = await findPlacedOrder(ctx);
        if (typeof found === 'object') return found;
        await restart(ctx);
        return failOrder(ctx, 'network');
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
