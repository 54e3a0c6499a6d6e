/**
 * The codes the engine gives the failures it detects itself (`CheckoutMessage.code`, `FieldEdit` codes).
 * Components read them from `c/checkoutStore`; they never re-type the strings.
 */
export const ENGINE_CODES = {
    conflict: 'CONFLICT_RETRY_EXHAUSTED',
    network: 'NETWORK_ERROR',
    server: 'SERVER_ERROR',
    offline: 'OFFLINE',
    timeout: 'PROCESSING_TIMEOUT',
    session: 'SESSION_ERROR',
    signedOut: 'SITE_SESSION_ENDED',
    rejected: 'INVALID_INPUT',
    load: 'LOAD_FAILED',
    restarted: 'CHECKOUT_RESTARTED',
    groupGone: 'DELIVERY_GROUP_GONE',
    methodUnavailable: 'DELIVERY_METHOD_UNAVAILABLE',
    methodReset: 'DELIVERY_METHOD_RESET',
    orderBlocked: 'PLACE_ORDER_BLOCKED',
    orderFailed: 'ORDER_FAILED',
    paymentFailed: 'PAYMENT_FAILED',
    forbiddenBody: 'FORBIDDEN_BODY',
    calculation: 'CALCULATION_FAILED',
    customFieldsWaiting: 'CUSTOM_FIELDS_WAITING'
} as const;
