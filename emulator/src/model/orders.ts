/**
 * `POST …/checkouts/{id}/orders`: idempotent per checkout (the same reference again), refused while
 * calculators run (409), while in error (422) or with information missing (412), a payment included where the
 * store requires one (`paymentRequired`). Order placement then runs on
 * the clock: Cart To Order, then Order Confirmation, each a seeded `processingMs.order` draw. Answers
 * `{orderReferenceNumber, errors: []}`.
 *
 * With `idempotentOrders: false` (a reset option) every POST on a checkout with an order places another one,
 * so that a client's duplicate submission shows as two orders instead of being absorbed.
 */
import { conflict, invalidInput } from '../errors';
import { PREFIX } from '../ids';
import { formatMoney } from '../money';
import { isObject } from '../validation/json';
import { phaseDuration } from './calculatorTimeline';
import { CONTACT_INCOMPLETE, PAYMENT_MISSING, missingForGroup } from './errorCatalogue';
import type { Org } from './org';
import {
    isAllDigital,
    selectedMethod,
    type ApiResult,
    type CheckoutErrorOut,
    type CheckoutState,
    type OrderPayment,
    type OrderRecord
} from './records';
import { errorsOf, totals } from './responseBodies';

export function placeOrder(org: Org, idOrActive: string, body: unknown): ApiResult {
    if (body !== undefined && !(isObject(body) && Object.keys(body).length === 0)) {
        throw invalidInput('Place order takes no request body.');
    }
    const checkout = org.checkoutFor(idOrActive);
    if (checkout.order && org.options.idempotentOrders !== false) {
        return {
            status: 201,
            body: { orderReferenceNumber: checkout.order.orderReferenceNumber, errors: [] }
        };
    }
    if (checkout.job) throw conflict();
    if (checkout.order) return { status: 201, body: place(org, checkout) };
    const errors = errorsOf(checkout);
    if (errors.length > 0) return { status: 422, body: { orderReferenceNumber: null, errors } };
    const missing = missingForOrder(checkout);
    // The store requires payment: an authorized payment must be on the checkout (a method change cleared it).
    if (org.paymentRequired && !checkout.payments.some((p) => p.status === 'Authorized'))
        missing.push({ ...PAYMENT_MISSING });
    if (missing.length > 0)
        return { status: 412, body: { orderReferenceNumber: null, errors: missing } };
    return { status: 201, body: place(org, checkout) };
}

/** Creates the order and schedules its processing; the answer's body. */
function place(
    org: Org,
    checkout: CheckoutState
): { orderReferenceNumber: string; errors: CheckoutErrorOut[] } {
    const placedAt = org.now();
    const cartToOrder = phaseDuration(org, 'order');
    const confirmation = phaseDuration(org, 'order') / 2;
    const orderId = org.ids.next(PREFIX.order);
    const orderReferenceNumber = orderReference(org);
    const order: OrderRecord = {
        source: 'commerce',
        checkoutId: checkout.id,
        orderId,
        orderNumber: String(100 + org.orders.length + 1).padStart(8, '0'),
        orderReferenceNumber,
        grandTotalAmount: formatMoney(totals(checkout).grand),
        currencyIsoCode: org.scenario.currencyIsoCode,
        placedAt,
        orderCreatedAt: placedAt + cartToOrder,
        completedAt: placedAt + cartToOrder + confirmation,
        payment: heldPayment(checkout)
    };
    checkout.order = order;
    org.orders.push(order);
    return { orderReferenceNumber, errors: [] };
}

/** The checkout's authorized payment, as the order records it; null when it holds none. */
function heldPayment(checkout: CheckoutState): OrderPayment | null {
    // A new payment replaces the previous one, so at most one is authorized.
    const held = checkout.payments.find((payment) => payment.status === 'Authorized');
    if (!held) return null;
    const { requestType, paymentToken, billingAddress } = held;
    return { requestType, paymentToken, billingAddress: billingAddress && { ...billingAddress } };
}

/**
 * What place order needs and the checkout lacks: contact email, and per shipping group an address and a
 * method.
 */
export function missingForOrder(checkout: CheckoutState): CheckoutErrorOut[] {
    const missing: CheckoutErrorOut[] = [];
    if (!checkout.contactInfo?.email) missing.push({ ...CONTACT_INCOMPLETE });
    for (const group of checkout.groups) {
        if (isAllDigital(group)) continue;
        if (!group.deliveryAddress) {
            missing.push(missingForGroup('shippingAddress', group));
        } else if (!selectedMethod(group)) {
            missing.push(missingForGroup('deliveryMethod', group));
        }
    }
    return missing;
}

/** Order reference numbers look like `ER37G-VYS2M-6GPHH-HG4DE`. */
function orderReference(org: Org): string {
    const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
    const blocks: string[] = [];
    for (let b = 0; b < 4; b++) {
        let block = '';
        for (let i = 0; i < 5; i++)
            block += alphabet.charAt(org.orderRandom.index(alphabet.length));
        blocks.push(block);
    }
    return blocks.join('-');
}
