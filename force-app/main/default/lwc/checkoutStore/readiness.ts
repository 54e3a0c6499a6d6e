/**
 * Readiness: after a write the calculators run (GET answers 202) until the checkout is ready (200) or a
 * calculator failed (422). The poller (`polling.ts`) spreads the GETs; this step reads what they found, and
 * the CartCheckoutSession when it tells something the checkout does not.
 */
import { recordCalculations } from './calculations';
import { adoptPlacedOrder, applyCheckout } from './checkoutState';
import { answerWithin, changed, engineMessage, isInterested } from './context';
import type { EngineContext } from './context';
import { connectQuery } from './connectQuery';
import { isCheckoutBody, isSignedOut } from './answers';
import { ENGINE_CODES } from './engineCodes';
import * as labels from './labels';
import { pollUntilSettled } from './polling';
import type { HttpResponse, OperationKind } from './types';

export type Readiness =
    'ready' | 'calculator-error' | 'gone' | 'timeout' | 'cancelled' | 'signed-out';

/**
 * GET the checkout until 200 or 422 with a checkout in the answer (202 means the calculators still run; 404 and
 * 410: it is gone). An answer that says the site session ended stops the polling; it confirms nothing.
 */
export async function waitUntilReady(
    ctx: EngineContext,
    kind: OperationKind,
    groupId?: string
): Promise<Readiness> {
    const checkoutId = ctx.checkoutId;
    if (!checkoutId) return 'gone';
    ctx.awaitingReadiness = true;
    changed(ctx);
    try {
        const result = await pollUntilSettled<HttpResponse>({
            kind,
            clock: ctx.clock,
            tuning: ctx.polling,
            estimator: ctx.estimator,
            probe: async (signal) => {
                const response = await getCheckout(ctx, checkoutId, signal);
                const settled =
                    isSignedOut(response) ||
                    [404, 410].includes(response.status) ||
                    ([200, 422].includes(response.status) && isCheckoutBody(response.body));
                return settled ? { settled: true, value: response } : { settled: false };
            },
            isCancelled: () => ctx.disposed,
            isInterested: () => isInterested(ctx),
            whenInterested: () => new Promise<void>((resolve) => ctx.interestWaiters.push(resolve))
        });
        if (result.outcome !== 'settled') {
            if (result.outcome === 'cancelled') return 'cancelled';
            engineMessage(ctx, ENGINE_CODES.timeout, 'checkout', labels.errorTimeout);
            return 'timeout';
        }
        const { status, body } = result.value;
        if (isSignedOut(result.value)) return 'signed-out';
        if (status === 404 || status === 410) return 'gone';
        if (isCheckoutBody(body)) {
            applyCheckout(ctx, body);
            recordCalculations(ctx, kind, groupId);
        }
        ctx.engineMessages.delete(ENGINE_CODES.timeout);
        if (status === 422) {
            // A calculator failed: the session tells whether the checkout is in error.
            await readSession(ctx);
            return 'calculator-error';
        }
        if (sessionInDoubt(ctx)) await refreshSessionAfterReady(ctx);
        return 'ready';
    } finally {
        ctx.awaitingReadiness = false;
        changed(ctx);
    }
}

/**
 * The checkout answered ready: a session remembered as in error or processing is read again. When that read
 * fails, the checkout's answer is newer than what the session last said: nothing runs, and no error stands
 * that no failed calculation explains.
 */
export async function refreshSessionAfterReady(ctx: EngineContext): Promise<void> {
    const stale = ctx.session;
    await readSession(ctx);
    if (ctx.session !== stale || !stale) return;
    const isError = stale.isError && ctx.failedCalculations.size > 0;
    ctx.session = { ...stale, isProcessing: false, isError };
}

/** Checked before `refreshSessionAfterReady`, so an answer with nothing to refresh takes no extra tick. */
export const sessionInDoubt = (ctx: EngineContext): boolean =>
    Boolean(ctx.session?.isError || ctx.session?.isProcessing);

/** One GET of the checkout. */
export function getCheckout(
    ctx: EngineContext,
    checkoutId: string,
    signal?: AbortSignal
): Promise<HttpResponse> {
    return answerWithin(ctx, (own) =>
        ctx.transport.connect('GET', `/checkouts/${encodeURIComponent(checkoutId)}`, {
            query: connectQuery(ctx, true),
            signal: signal ?? own
        })
    );
}

/** Reads CartCheckoutSession once (single-flight). A failed read keeps the last known session. */
export function readSession(ctx: EngineContext): Promise<void> {
    const checkoutId = ctx.checkoutId;
    if (!checkoutId || ctx.disposed) return Promise.resolve();
    if (!ctx.sessionRead) {
        ctx.sessionRead = answerWithin(ctx, () => ctx.transport.getSession(checkoutId))
            .then(
                (session) => {
                    if (ctx.disposed) return;
                    ctx.session = session;
                    const reference = session?.orderReferenceNumber;
                    if (reference) adoptPlacedOrder(ctx, reference, session?.orderId);
                },
                () => undefined
            )
            .finally(() => {
                ctx.sessionRead = null;
                changed(ctx);
            });
    }
    return ctx.sessionRead;
}
