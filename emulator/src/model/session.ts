/**
 * The CartCheckoutSession record (API field names) as the clock says it stands: calculators, order steps,
 * errors.
 */
import type { Calculator } from '../faults';
import { settleCheckout } from './calculatorTimeline';
import type { Org } from './org';
import { missingForOrder } from './orders';
import type { CheckoutState } from './records';
import { errorsOf } from './responseBodies';

/** The session `State` while each calculator runs (pricing and promotions share one). */
const SESSION_STATE: Record<Calculator, string> = {
    inventory: 'Inventory',
    pricing: 'Confirm Price',
    promotions: 'Confirm Price',
    shipping: 'Shipping Cost',
    tax: 'Taxes'
};

/** The CartCheckoutSession record, with its API field names, as the clock says it stands now. */
export function sessionRecord(org: Org, idOrActive: string): Record<string, unknown> | null {
    let checkout: CheckoutState;
    try {
        checkout = idOrActive === 'active' ? org.checkoutFor('active') : org.findAny(idOrActive);
    } catch {
        return null;
    }
    settleCheckout(org, checkout, org.now());
    const now = org.now();
    let state = 'Start';
    let nextState: string | null = null;
    let isProcessing = false;
    let isError = false;
    let isArchived = checkout.deleted;
    let orderId: string | null = null;
    let backgroundOperationId: string | null = null;
    const order = checkout.order;
    if (order && order.orderCreatedAt !== undefined && order.completedAt !== undefined) {
        if (now < order.orderCreatedAt) {
            state = 'Cart To Order';
            nextState = 'Order Confirmation';
            isProcessing = true;
        } else if (now < order.completedAt) {
            state = 'Order Confirmation';
            nextState = 'Complete';
            isProcessing = true;
            orderId = order.orderId;
        } else {
            state = 'Complete';
            orderId = order.orderId;
            isArchived = true;
        }
    } else if (checkout.job) {
        const job = checkout.job;
        const current = job.steps[job.applied];
        state = SESSION_STATE[current.calculator];
        const following = job.steps
            .slice(job.applied + 1)
            .find((s) => SESSION_STATE[s.calculator] !== state);
        nextState = following ? SESSION_STATE[following.calculator] : 'Checkout Summary';
        isProcessing = true;
        backgroundOperationId = job.id;
    } else if (errorsOf(checkout).length > 0) {
        state = 'Error';
        isError = true;
    } else if (missingForOrder(checkout).length === 0) {
        state = 'Checkout Summary';
    }
    return {
        Id: checkout.id,
        Name: checkout.name,
        WebCartId: org.cartId,
        CurrencyIsoCode: org.scenario.currencyIsoCode,
        State: state,
        NextState: nextState,
        IsProcessing: isProcessing,
        IsError: isError,
        IsArchived: isArchived,
        BackgroundOperationId: backgroundOperationId,
        OrderId: orderId,
        OrderReferenceNumber: order?.orderReferenceNumber ?? null
    };
}
