/**
 * One mutating request with its bounded retries: 5xx and network failures back off and retry; a 409
 * (someone else's write still running) or 423 (the cart row is locked) waits for readiness, then retries
 * after a jittered back-off. Offline, it waits for the `online` event first. An answer that says the site
 * session ended is a failure, never retried.
 */
import { isSignedOut } from './answers';
import { answerWithin, cancellableWait, changed, delay, engineMessage } from './context';
import type { EngineContext } from './context';
import { ENGINE_CODES } from './engineCodes';
import * as labels from './labels';
import { readSession, waitUntilReady } from './readiness';
import type { HttpMethod, HttpResponse } from './types';

export type RequestFailure = 'network' | 'server' | 'conflict' | 'signed-out';

export type SendResult =
    { response: HttpResponse } | { failure: RequestFailure | 'cancelled'; response?: HttpResponse };

/**
 * `awaitReadinessOnConflict`: on a conflict, wait until the checkout is ready before trying again (a start has
 * no checkout to wait for). `request.once`: no retries here (an order must first be looked for before it is
 * sent again); only the wait for `online` remains.
 */
export async function send(
    ctx: EngineContext,
    method: HttpMethod,
    path: string,
    request: { body?: unknown; query?: Record<string, string>; once?: boolean },
    awaitReadinessOnConflict: boolean
): Promise<SendResult> {
    const { once, ...call } = request;
    let faults = 0;
    let conflicts = 0;
    for (;;) {
        if (ctx.disposed) return { failure: 'cancelled' };
        await whenOnline(ctx);
        if (ctx.disposed) return { failure: 'cancelled' };
        let response: HttpResponse;
        try {
            response = await answerWithin(ctx, (signal) =>
                ctx.transport.connect(method, path, { ...call, signal })
            );
        } catch {
            if (ctx.disposed) return { failure: 'cancelled' };
            if (!ctx.connectivity.isOnline()) continue; // wait for `online`, not a fault
            faults += 1;
            if (once || faults > ctx.retry.maxFaultRetries) return { failure: 'network' };
            await delay(ctx, backoff(ctx, faults));
            continue;
        }
        if (ctx.disposed) return { failure: 'cancelled' };
        if (isSignedOut(response)) return { failure: 'signed-out', response };
        if (response.status >= 500) {
            faults += 1;
            if (once || faults > ctx.retry.maxFaultRetries) return { failure: 'server', response };
            await delay(ctx, backoff(ctx, faults));
            continue;
        }
        if (response.status === 409 || response.status === 423) {
            conflicts += 1;
            if (once || conflicts > ctx.retry.maxConflictRetries)
                return { failure: 'conflict', response };
            // Repeated conflicts: the session tells whether something else is processing.
            if (conflicts >= 2) await readSession(ctx);
            if (ctx.checkoutId && awaitReadinessOnConflict) {
                const readiness = await waitUntilReady(ctx, 'conflict');
                if (readiness === 'cancelled') return { failure: 'cancelled' };
                if (readiness === 'gone') return { response: { status: 404, body: null } };
            }
            await delay(ctx, backoff(ctx, conflicts));
            continue;
        }
        return { response };
    }
}

/** Full jitter on an exponential step: spreads retries from several tabs apart. */
function backoff(ctx: EngineContext, attempt: number): number {
    const ceiling = Math.min(ctx.retry.maxDelayMs, ctx.retry.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(ceiling / 2 + (ctx.random() * ceiling) / 2);
}

async function whenOnline(ctx: EngineContext): Promise<void> {
    if (ctx.connectivity.isOnline() || ctx.disposed) return;
    engineMessage(ctx, ENGINE_CODES.offline, 'checkout', labels.errorOffline, 'warning');
    await cancellableWait(ctx, (done) => ctx.connectivity.onOnline(done));
    ctx.engineMessages.delete(ENGINE_CODES.offline);
    changed(ctx);
}

/** What the shopper is told when the site session ended: sign in again, or (a guest) start again. */
export function signedOutMessage(ctx: EngineContext): string {
    return ctx.isGuest ? labels.errorGuestSessionEnded : labels.errorSignedOut;
}
