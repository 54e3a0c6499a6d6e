/**
 * Custom fields never travel alone. When nothing in this store's view of the checkout can send them, they
 * wait, said with a labelled message; the checkout may have a carrier already (another tab saved a contact
 * or an address), so it is read again on a modest interval, and before an order goes out.
 */
import { isCheckoutBody } from './answers';
import { applyCheckout } from './checkoutState';
import { changed, whenIdle } from './context';
import { getCheckout } from './readiness';
import type { EngineContext } from './context';
import type { HttpResponse } from './types';

export function setCustomWaiting(ctx: EngineContext, waiting: boolean): void {
    if (waiting !== ctx.customWaiting) {
        ctx.customWaiting = waiting;
        changed(ctx);
    }
    if (waiting) {
        scheduleWaitingRead(ctx);
    } else {
        ctx.cancelWaitingRead?.();
        ctx.waitingReads = 0;
    }
}

/** Bounded: `maxWaitingReads` per shopper edit, and only while someone listens (or no one ever subscribed). */
export function scheduleWaitingRead(ctx: EngineContext): void {
    if (ctx.disposed || !ctx.customWaiting || ctx.cancelWaitingRead) return;
    if (ctx.waitingReads >= ctx.polling.maxWaitingReads) return;
    if (ctx.everSubscribed && ctx.listeners.size === 0 && ctx.awaitedCalls === 0) return;
    const cancel = (): void => {
        ctx.clock.clearTimeout(id);
        ctx.cancelers.delete(cancel);
        ctx.cancelWaitingRead = null;
    };
    const id = ctx.clock.setTimeout(() => {
        cancel();
        ctx.waitingReads += 1;
        void readForWaitingFields(ctx);
    }, ctx.polling.waitingReadMs);
    ctx.cancelers.add(cancel);
    ctx.cancelWaitingRead = cancel;
}

/** GET the checkout (single-flight) and plan again: a carrier may exist now. */
function readForWaitingFields(ctx: EngineContext): Promise<void> {
    ctx.waitingRead ??= readCheckoutForCarrier(ctx).finally(() => {
        ctx.waitingRead = null;
    });
    return ctx.waitingRead;
}

async function readCheckoutForCarrier(ctx: EngineContext): Promise<void> {
    const checkoutId = ctx.checkoutId;
    const busy = (): boolean => ctx.writeQueueRunning || !!ctx.inFlight || ctx.starting;
    if (!checkoutId || ctx.disposed || !ctx.customWaiting || busy()) return;
    let response: HttpResponse | null = null;
    try {
        response = await getCheckout(ctx, checkoutId);
    } catch {
        // Read again on the next interval.
    }
    if (ctx.disposed) return;
    if (
        response &&
        (response.status === 200 || response.status === 422) &&
        isCheckoutBody(response.body) &&
        checkoutId === ctx.checkoutId &&
        !busy()
    ) {
        applyCheckout(ctx, response.body);
    }
    ctx.scheduleWrites();
}

/** Before an order: read the checkout and send the waiting custom fields if a carrier exists now. */
export async function sendWaitingCustomFields(ctx: EngineContext): Promise<void> {
    if (ctx.disposed || !ctx.customWaiting) return;
    await readForWaitingFields(ctx);
    await whenIdle(ctx);
}
