/**
 * The public types of Checkout Kit's engine. Components, the preview, benchmarks and tests depend on these
 * names: extend them, do not rename them.
 *
 * Wire shapes follow the Connect REST Checkout family (shared/reference/checkout-api.md) and
 * docs/contract-decisions.md. Money is a decimal string, as the API sends it.
 */

export type Money = string;

// ---------------------------------------------------------------------------------------------------------
// Connect REST shapes (what the server sends and accepts)
// ---------------------------------------------------------------------------------------------------------

export interface ContactInfo {
    firstName?: string;
    lastName?: string;
    email?: string;
    phoneNumber?: string;
    isoCountryCodeForPhoneNumber?: string;
}

export interface CheckoutAddress {
    id?: string;
    name?: string;
    firstName?: string;
    lastName?: string;
    companyName?: string;
    street?: string;
    city?: string;
    region?: string;
    postalCode?: string;
    country?: string;
    shipToPhoneNumber?: string;
    isDefault?: boolean;
}

export interface DeliveryMethod {
    id: string;
    name: string;
    carrier?: string;
    classOfService?: string;
    currencyIsoCode?: string;
    shippingFee: Money;
    adjustedShippingFee?: Money;
    totalAdjustmentAmount?: Money;
    earliestEstimatedDeliveryTime?: string;
    latestEstimatedDeliveryTime?: string;
    processTime?: number;
    processTimeUnit?: 'Hours' | 'Days' | 'Weeks';
    transitTimeMin?: number;
    transitTimeMax?: number;
    transitTimeUnit?: 'Hours' | 'Days' | 'Weeks';
}

export interface CheckoutError {
    type?: string;
    title?: string;
    detail?: string;
    instance?: string;
}

export interface DeliveryGroup {
    id: string;
    name?: string;
    isDefault?: boolean;
    isAllDigitalCartItems?: boolean;
    deliveryAddress?: CheckoutAddress | null;
    desiredDeliveryDate?: string | null;
    shippingInstructions?: string | null;
    availableDeliveryMethods: DeliveryMethod[];
    selectedDeliveryMethod?: DeliveryMethod | null;
    totalCartItemCount?: number;
    totalProductAmount?: Money;
    errors?: CheckoutError[];
}

export interface CartSummary {
    cartId: string;
    accountId?: string;
    webstoreId?: string;
    currencyIsoCode: string;
    grandTotalAmount: Money;
    totalChargeAmount?: Money;
    totalListPrice?: Money;
    totalProductAmount: Money;
    totalProductAmountAfterAdjustments?: Money;
    totalPromotionalAdjustmentAmount?: Money;
    totalTaxAmount: Money;
    totalProductCount?: string;
    uniqueProductCount?: number;
    status?: string;
    taxType?: 'Gross' | 'Net';
}

/** A custom-field carrier item, as `customFields` sends it: `attributes.type` names the sObject. */
export interface SObjectAttributes {
    attributes: { type: 'WebCart' | 'CartDeliveryGroup' };
    Id?: string;
    [fieldName: string]: unknown;
}

export interface Checkout {
    checkoutId: string;
    cartSummary?: CartSummary;
    contactInfo?: ContactInfo | null;
    deliveryGroups: { count: number; items: DeliveryGroup[] };
    customFields?: SObjectAttributes[];
    errors?: CheckoutError[];
    orderReferenceNumber?: string | null;
    statusCode?: string;
}

/** One account address, as the Commerce Address Collection returns it. */
export interface AccountAddress {
    addressId: string;
    addressType?: string;
    name?: string;
    firstName?: string;
    lastName?: string;
    companyName?: string;
    street?: string;
    city?: string;
    region?: string;
    country?: string;
    postalCode?: string;
    isDefault?: boolean;
}

/** The CartCheckoutSession DTO that `CheckoutSessionController.getSession` returns. */
export interface CheckoutSessionRecord {
    checkoutId: string;
    isProcessing: boolean;
    isError: boolean;
    isArchived?: boolean;
    state: string;
    nextState?: string | null;
    orderId?: string | null;
    orderReferenceNumber?: string | null;
    backgroundOperationId?: string | null;
}

// ---------------------------------------------------------------------------------------------------------
// Transport: the only way the engine reaches a server. Production, preview and tests each supply one.
// ---------------------------------------------------------------------------------------------------------

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpResponse {
    status: number;
    body: unknown;
}

export interface CheckoutTransport {
    /**
     * Calls Connect REST. `path` is relative to `/commerce/webstores/{webstoreId}`, e.g. `/checkouts/active`.
     * Resolves with any HTTP status; rejects only when no answer arrived (network failure, abort).
     */
    connect(
        method: HttpMethod,
        path: string,
        options?: { query?: Record<string, string>; body?: unknown; signal?: AbortSignal }
    ): Promise<HttpResponse>;
    /** `CheckoutSessionController.getSession`: the CartCheckoutSession, or null when there is none. */
    getSession(checkoutId: string): Promise<CheckoutSessionRecord | null>;
    /** `CpqCheckoutController.checkout`: the Apex submits the cart under the admin's CPQ settings. */
    submitCpq(request: CpqSubmitRequest): Promise<CpqSubmission>;
    /** `CpqCheckoutController.getCartSummary`: the CPQ cart's totals and the admin's submission policy. */
    getCpqCartSummary(request: CpqSubmitRequest): Promise<CpqCartSummary>;
}

// ---------------------------------------------------------------------------------------------------------
// Industries CPQ, as CpqCheckoutController returns it (the namespace and policy are the admin's Custom
// Metadata, never the client's).
// ---------------------------------------------------------------------------------------------------------

export interface CpqSubmitRequest {
    cartId: string;
}

export interface CpqMessage {
    code: string;
    severity: 'INFO' | 'WARNING' | 'ERROR';
    message: string;
}

/** The Vlocity answer's shape, only what the components show: success has `records`, a refusal `messages`. */
export interface CpqSubmission {
    totalSize?: number;
    records: Array<{ id: string; objectType?: string }>;
    messages: CpqMessage[];
}

export interface CpqCartSummary {
    oneTimeTotal?: number | string | null;
    recurringTotal?: number | string | null;
    currencyIsoCode?: string | null;
    /** The admin's policy: an active order is refused, so a submission whose answer was lost may be resent. */
    checkOrderStatus?: boolean;
}

export type SubmitOutcome = 'success' | 'retryable' | 'rejected' | 'configuration' | 'unknown';

// The store's own types (snapshot, options, the CheckoutStore API) live in storeTypes.ts.
export * from './storeTypes';
