/**
 * The errors a checkout answer can carry in `errors[]` (`{type, title, detail, instance?}`), and the CPQ
 * SUBMIT messages: one place for every text a shopper may read from the emulator's checkout.
 */
import type { Calculator } from '../faults';
import type { CheckoutErrorOut, GroupState } from './records';

/**
 * A failed calculator's error, as integrations report it: `type` names the calculation, `title` is for the
 * shopper, `detail` is the technical text an integration passes on (an Apex exception), which no shopper should
 * read. Pricing and promotions are one calculation to the shopper, so they share a type. The `instance` is
 * added where it fails.
 */
export const CALCULATOR_ERROR: Record<Calculator, CheckoutErrorOut> = {
    inventory: {
        type: '/commerce/errors/inventory-failure',
        title: "We couldn't check that your items are in stock. Try again.",
        detail: 'System.CalloutException: Read timed out (InventoryCalculator, reserve)'
    },
    pricing: {
        type: '/commerce/errors/pricing-failure',
        title: "We couldn't confirm your prices. Try again.",
        detail: 'System.CalloutException: Unexpected end of file from server (PricingCalculator)'
    },
    promotions: {
        type: '/commerce/errors/pricing-failure',
        title: "We couldn't apply your promotions. Try again.",
        detail: 'System.LimitException: Apex CPU time limit exceeded (PromotionsCalculator)'
    },
    shipping: {
        type: '/commerce/errors/shipping-failure',
        title: "We couldn't calculate shipping. Try again.",
        detail: 'System.CalloutException: Read timed out (ShippingCalculator, rate quote)'
    },
    tax: {
        type: '/commerce/errors/tax-failure',
        title: "We couldn't calculate tax. Try again.",
        detail: 'System.CalloutException: Service Unavailable, HTTP 503 (TaxCalculator)'
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

export const PAYMENT_MISSING: CheckoutErrorOut = {
    type: PLACE_ORDER,
    title: 'Payment information is missing',
    detail: 'Enter a payment method and a billing address.'
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
