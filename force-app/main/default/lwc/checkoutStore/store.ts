/**
 * The checkout engine's façade: one store per checkout on a page. It creates the shared state and wires the
 * pipeline's steps behind the public `CheckoutStore` API. No LWC or platform imports here: the transport is
 * injected (production, preview and tests each supply one).
 *
 *   intents → editLedger → writePlanner (writeBody, customFieldCarrier) → writeQueue → request (retries)
 *   → readiness (polling) → checkoutState → snapshot
 *   beside them: loading (and restarts), customFieldsWaiting, orderPlacement, pageRegistry, accountData
 */
import { nameCpqCart, readAccountAddresses, readCpqSummary } from './accountData';
import {
    changed,
    createContext,
    getSnapshot,
    wakeInterest,
    whenIdle,
    whileAwaited
} from './context';
import { scheduleWaitingRead } from './customFieldsWaiting';
import {
    retryCalculation,
    retryFailed,
    selectDeliveryMethod,
    updateContact,
    updateCustomFields,
    updateShipping
} from './intents';
import { load } from './loading';
import { updatePayment } from './payment';
import { runPlaceOrder } from './orderPlacement';
import { liveStores } from './pageRegistry';
import { closeTabChannel, openTabChannel } from './tabSync';
import { restoreUnsavedEdits } from './unsavedEdits';
import { scheduleWrites } from './writeQueue';
import type { CheckoutStore, OrderResult, StoreOptions } from './types';

/** A store instance: one per checkout on a page (components share the page's default one). */
export function createCheckoutStore(options: StoreOptions): CheckoutStore {
    const ctx = createContext(options);
    ctx.scheduleWrites = () => scheduleWrites(ctx);
    liveStores.add(ctx);
    openTabChannel(ctx);
    restoreUnsavedEdits(ctx);
    /** Intents after dispose() are ignored: the store sends nothing more. */
    const unlessDisposed =
        <A extends unknown[]>(intent: (...args: A) => void) =>
        (...args: A): void => {
            if (!ctx.disposed) intent(...args);
        };

    return {
        getSnapshot: () => getSnapshot(ctx),

        subscribe(listener) {
            ctx.listeners.add(listener);
            ctx.everSubscribed = true;
            wakeInterest(ctx);
            scheduleWaitingRead(ctx);
            listener(getSnapshot(ctx));
            return () => {
                ctx.listeners.delete(listener);
            };
        },

        load: () => load(ctx),

        updateContact: unlessDisposed((values) => updateContact(ctx, values)),
        updateShipping: unlessDisposed((groupId, values) => updateShipping(ctx, groupId, values)),
        selectDeliveryMethod: unlessDisposed((groupId, methodId) =>
            selectDeliveryMethod(ctx, groupId, methodId)
        ),
        updateCustomFields: unlessDisposed((target, values) =>
            updateCustomFields(ctx, target, values)
        ),
        retryFailed: unlessDisposed(() => retryFailed(ctx)),
        retryCalculation: unlessDisposed(() => retryCalculation(ctx)),
        updatePayment: unlessDisposed((values) => updatePayment(ctx, values)),
        requirePayment: unlessDisposed((required) => {
            ctx.paymentRequired = required;
            changed(ctx);
        }),

        loadAccountAddresses: () => whileAwaited(ctx, readAccountAddresses(ctx)),
        loadBillingAddresses: () => whileAwaited(ctx, readAccountAddresses(ctx, 'Billing')),

        /**
         * Industries CPQ carts: names the CPQ cart, then reads the one-time and recurring
         * totals. Components call it from their admin settings; load() reads them again.
         */
        useCpqCart(cart) {
            if (!nameCpqCart(ctx, cart) || !ctx.checkout) return Promise.resolve();
            return whileAwaited(ctx, readCpqSummary(ctx));
        },

        placeOrder(settings = { strategy: 'commerce' }): Promise<OrderResult> {
            // Success, and failures that trying again cannot help (or that may have placed the order), are
            // final.
            if (ctx.order && !ctx.order.canRetry) return Promise.resolve(ctx.order);
            ctx.submission ??= whileAwaited(ctx, runPlaceOrder(ctx, settings)).finally(() => {
                ctx.submission = null;
            });
            return ctx.submission;
        },

        whenIdle: () => whenIdle(ctx),

        dispose() {
            if (ctx.disposed) return;
            ctx.disposed = true;
            liveStores.delete(ctx);
            closeTabChannel(ctx);
            ctx.listeners.clear();
            [...ctx.cancelers].forEach((cancel) => cancel());
            wakeInterest(ctx);
            ctx.idleWaiters.splice(0).forEach((resolve) => resolve());
        }
    };
}
