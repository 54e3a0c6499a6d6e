/**
 * The errors a checkout answer can carry in `errors[]` (`{type, title, detail, instance?}`), and the CPQ
 * SUBMIT
 * messages: one place for every text a shopper may read from the emulator's checkout.
 */
import type { Calculator } from '../faults';
import type { CheckoutErrorOut, GroupState } from './records';

export const CALCULATOR_ERROR: Record<Calculator, CheckoutErrorOut> = {
    inventory: {
        type: '/commerce/integrations/inventory',
        title: "We couldn't check inventory",
        detail: "The inventory service didn't respond. Try again in a moment."
    },
    pricing: {
        type: '/commerce/integrations/other',
        title: "We couldn't price your cart",
        detail: "The pricing service didn't respond. Try again in a moment."
    },
    promotions: {
        type: '/commerce/integrations/other',
        title: "We couldn't apply promotions",
        detail: "The promotions service didn't respond. Try again in a moment."
    },
    shipping: {
        type: '/commerce/integrations/shipping',
        title: "We couldn't calculate shipping",
        detail: "The shipping service didn't respond. Try again in a moment."
    },
    tax: {
        type: '/commerce/integrations/other',
        title: "We couldn't calculate tax",
        detail: "The tax service didn't respond. Try again in a moment."
    }
};

export const NO_DELIVERY_METHODS: CheckoutErrorOut = {
    type: '/commerce/errors/shipping-failure',
    title: 'No delivery methods are available for this address',
    detail: "We can't deliver to this address. Enter a different shipping address."
};

export const PAYMENT_DECLINED: CheckoutErrorOut = {
    type: '/commerce/payment',
    title: 'Your payment was declined',
    detail: 'The payment method was declined. Use a different payment method.'
};

const PLACE_ORDER = '/commerce/global/place-order';

export const CONTACT_INCOMPLETE: CheckoutErrorOut = {
    type: PLACE_ORDER,
    title: 'Contact information is incomplete',
    detail: 'Enter an email address.'
};

const MISSING_FOR_GROUP = {
    shippingAddress: ['A shipping address is missing', 'Enter a shipping address for'],
    deliveryMethod: ['A delivery method is missing', 'Choose a delivery method for']
} as const;

/** A shipping group lacks what place order needs (412). */
export function missingForGroup(
    what: keyof typeof MISSING_FOR_GROUP,
    group: GroupState
): CheckoutErrorOut {
    const [title, detail] = MISSING_FOR_GROUP[what];
    return { type: PLACE_ORDER, title, detail: `${detail} ${group.name}.`, instance: group.id };
}

export const SUBMIT_MESSAGES: Record<string, string> = {
    'SUBMIT-1001': 'Order submission is accepted by OM.',
    'SUBMIT-1002': 'Order submission is provisionally accepted.',
    'SUBMIT-1003': 'Order submission was rejected for PONR.',
    'SUBMIT-1004': 'Order submission was rejected because queue is full.',
    'SUBMIT-1005': 'Order submission is done without a required parameter.',
    'SUBMIT-1006': 'Order Management responded with an unknown response code.',
    'SUBMIT-1007': 'Order Management responded with "rejected" and without a reason code.',
    'SUBMIT-1008': 'Auto-assetization is successful.',
    'SUBMIT-1009': 'Order submission ran into an exception that may not be reproducible.'
};
