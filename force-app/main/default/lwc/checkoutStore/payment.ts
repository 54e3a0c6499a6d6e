/**
 * The shopper's purchase-order payment and billing address. It goes through `POST …/checkouts/{id}/payments`
 * inside the write queue (never beside another write), is validated first, and is sent again after any write the
 * contract says clears payment and billing address (a `deliveryMethodId` PATCH; a new checkout after a restart),
 * so the shopper never enters it twice (docs/contract-decisions.md, "Payment").
 */
import { validateAddress } from 'c/checkoutValidation';
import { isObject, readRefusal } from './answers';
import { defaultGroupOf } from './checkoutState';
import { connectQuery } from './connectQuery';
import { changed, engineMessage } from './context';
import type { EngineContext, PlannedWrite } from './context';
import { clearValidation } from './editLedger';
import { ENGINE_CODES } from './engineCodes';
import { addressInput } from './fields';
import * as labels from './labels';
import { send, signedOutMessage } from './request';
import { tellTabs } from './tabSync';
import type { CheckoutAddress, PaymentValues } from './types';

/** WebCart.PoNumber's length. */
const PO_NUMBER_LIMIT = 255;
const PO_KEY = 'payment.purchaseOrderNumber';
const BILLING_KEY = 'payment.billingAddress';

/** Records the shopper's payment; it is sent once the checkout is free (validated first, values kept). */
export function updatePayment(ctx: EngineContext, values: Partial<PaymentValues>): void {
    const current = ctx.payment?.values ?? { purchaseOrderNumber: '', billingAddress: 'shipping' };
    const next = { ...current, ...values };
    clearValidation(ctx, PO_KEY);
    clearValidation(ctx, BILLING_KEY);
    const number = next.purchaseOrderNumber.trim();
    if (!number) ctx.validation.set(PO_KEY, labels.paymentNumberRequired);
    else if (number.length > PO_NUMBER_LIMIT)
        ctx.validation.set(PO_KEY, labels.paymentNumberTooLong);
    if (next.billingAddress !== 'shipping') {
        for (const [key, message] of Object.entries(
            validateAddress(next.billingAddress, BILLING_KEY)
        ))
            ctx.validation.set(key, message);
    }
    const invalid = [...ctx.validation.keys()].some((key) => key.startsWith('payment.'));
    ctx.payment = { values: next, status: invalid ? 'invalid' : 'pending' };
    // The other tabs send it again before their own orders: their delivery-method writes clear it.
    if (!invalid) tellTabs(ctx, { payment: next });
    ctx.engineMessages.delete(ENGINE_CODES.paymentFailed);
    changed(ctx);
    ctx.scheduleWrites();
}

/** A write the contract says clears payment landed: the shopper's payment goes again. */
export function afterWriteLanded(ctx: EngineContext, write: PlannedWrite): void {
    const payment = ctx.payment;
    if (payment?.status !== 'saved') return;
    // "Same as shipping" follows a new address of the group it is billed like.
    const billedLikeThis =
        payment.values.billingAddress === 'shipping' &&
        'deliveryAddress' in write.body &&
        write.groupId === defaultGroupOf(ctx.checkout)?.id;
    if ('deliveryMethodId' in write.body || billedLikeThis) payment.status = 'pending';
}

/**
 * Right before an order: a payment the shopper entered goes again, since another tab's delivery-method change
 * clears it where this store cannot see. Nothing to do without one.
 */
export function resendBeforeOrder(ctx: EngineContext): void {
    if (ctx.payment?.status === 'saved') ctx.payment.status = 'pending';
}

/**
 * An order about to go again after a conflict: the write behind it may have been a delivery-method change that
 * cleared the payment unseen, so the shopper's goes again first (the order waits; no write of this store is in
 * flight meanwhile). False when it did not land: the order must not go without it.
 */
export async function resendAfterConflict(ctx: EngineContext): Promise<boolean> {
    if (!ctx.payment) return true;
    if (ctx.writeQueueRunning || ctx.inFlight) return false;
    resendBeforeOrder(ctx);
    if (hasPaymentToSend(ctx)) await sendPayment(ctx);
    return ctx.payment?.status === 'saved';
}

/**
 * The shopper entered this payment in another tab, which sends it: this tab holds it as saved, so its own
 * delivery-method writes and orders send it again (the contract clears it on every method change).
 */
export function takePaymentFromTab(ctx: EngineContext, values: PaymentValues): void {
    ctx.payment = { values, status: 'saved' };
    clearValidation(ctx, PO_KEY);
    clearValidation(ctx, BILLING_KEY);
    ctx.engineMessages.delete(ENGINE_CODES.paymentFailed);
    changed(ctx);
}

/** Payment values as the engine writes them (a tab's message, a kept entry), checked before they are used. */
export function isPaymentValues(value: unknown): value is PaymentValues {
    if (!isObject(value) || typeof value.purchaseOrderNumber !== 'string') return false;
    return value.billingAddress === 'shipping' || isObject(value.billingAddress);
}

/** A new checkout holds no payment: the shopper's goes again. */
export function afterRestart(ctx: EngineContext): void {
    if (ctx.payment && ctx.payment.status !== 'invalid') ctx.payment.status = 'pending';
}

/** The billing address as the payment sends it (no ship-to phone); null while "same as shipping" has none. */
function billingAddress(ctx: EngineContext): CheckoutAddress | null {
    const choice = ctx.payment?.values.billingAddress;
    const address = choice === 'shipping' ? defaultGroupOf(ctx.checkout)?.deliveryAddress : choice;
    if (!address) return null;
    const fields = addressInput(address);
    delete fields.shipToPhoneNumber;
    return fields;
}

/** True when a payment is waiting and can go now (never to a checkout that has its order). */
export function hasPaymentToSend(ctx: EngineContext): boolean {
    return (
        ctx.payment?.status === 'pending' &&
        ctx.order?.outcome !== 'success' &&
        !!ctx.checkoutId &&
        billingAddress(ctx) !== null
    );
}

/**
 * Sends the shopper's payment. `gone`: the checkout expired (404/410) and the payment waits for the new one
 * the caller starts; `cancelled` stops the write queue.
 */
export async function sendPayment(ctx: EngineContext): Promise<'sent' | 'gone' | 'cancelled'> {
    const payment = ctx.payment;
    const billing = billingAddress(ctx);
    if (!payment || !billing || !ctx.checkoutId) return 'sent';
    const sentValues = payment.values;
    payment.status = 'saving';
    changed(ctx);
    const sent = await send(
        ctx,
        'POST',
        `/checkouts/${encodeURIComponent(ctx.checkoutId)}/payments`,
        {
            body: {
                requestType: 'SimplePurchaseOrder',
                paymentToken: sentValues.purchaseOrderNumber.trim(),
                billingAddress: billing
            },
            query: connectQuery(ctx, true)
        },
        true
    );
    if ('failure' in sent && sent.failure === 'cancelled') return 'cancelled';
    const status = 'response' in sent ? sent.response?.status : undefined;
    if (status === 404 || status === 410) {
        payment.status = 'pending';
        return 'gone';
    }
    // Changed while it was in flight: the newer values go next.
    if (ctx.payment !== payment || payment.values !== sentValues) return 'sent';
    const body = 'response' in sent ? sent.response?.body : undefined;
    const accepted =
        !('failure' in sent) &&
        sent.response.status < 300 &&
        isObject(body) &&
        body.salesforceResultCode === 'Success';
    if (accepted) {
        payment.status = 'saved';
        payment.message = undefined;
        tellTabs(ctx, { saved: true });
    } else {
        payment.status = 'failed';
        payment.message =
            'failure' in sent && sent.failure === 'signed-out'
                ? signedOutMessage(ctx)
                : readRefusal(
                      isObject(body) && Array.isArray(body.errors) ? body.errors : body,
                      labels.paymentFailed
                  ).message;
        engineMessage(ctx, ENGINE_CODES.paymentFailed, 'payment', payment.message);
    }
    changed(ctx);
    return 'sent';
}
