/**
 * The store's own public types: its snapshot, its options and the CheckoutStore API (docs/engine-api.md). The
 * wire shapes they use are in types.ts, which re-exports these, so importers keep one path.
 */
import type { CustomFieldType } from 'c/checkoutValidation';
import type {
    AccountAddress,
    CheckoutAddress,
    Checkout,
    CheckoutSessionRecord,
    CheckoutTransport,
    ContactInfo,
    DeliveryGroup,
    Money,
    SubmitOutcome
} from './types';

// ---------------------------------------------------------------------------------------------------------
// The store's snapshot: one immutable object per change, delivered to every subscriber.
// ---------------------------------------------------------------------------------------------------------

export type CheckoutPhase =
    'loading' | 'ready' | 'saving' | 'processing' | 'error' | 'submitting' | 'complete';

/**
 * Names one editable value. Contact: `contact.firstName` … `contact.isoCountryCodeForPhoneNumber`.
 * Shipping, per delivery group: `group.{groupId}.deliveryAddress`, `group.{groupId}.desiredDeliveryDate`,
 * `group.{groupId}.shippingInstructions`, `group.{groupId}.deliveryMethodId`.
 * Custom fields: `custom.WebCart.{FieldName}`, `custom.CartDeliveryGroup.{groupId}.{FieldName}`.
 */
export type FieldKey = string;

export type EditStatus = 'pending' | 'saving' | 'failed';

export interface FieldEdit {
    status: EditStatus;
    /** What the shopper entered: kept until the server has it, also after a failure. */
    value: unknown;
    /** Labelled reason when `status` is `failed`. */
    message?: string;
}

export type MessageScope =
    'checkout' | 'contact' | 'shipping' | 'deliveryMethod' | 'payment' | 'order' | 'session';

export interface CheckoutMessage {
    /** Stable across snapshots, for keys in templates. */
    id: string;
    severity: 'error' | 'warning' | 'info';
    scope: MessageScope;
    /** Set when the message belongs to one delivery group. */
    groupId?: string;
    /** Set when the message belongs to one field. */
    field?: FieldKey;
    /** Machine-readable: an engine code (e.g. `CONFLICT_RETRY_EXHAUSTED`), a server errorCode or error type. */
    code: string;
    /** Shopper-facing text, from Custom Labels (or the server's localized detail). */
    message: string;
}

/** A purchase-order payment: the PO number, and the billing address or "same as shipping". */
export interface PaymentValues {
    purchaseOrderNumber: string;
    /** A saved account address carries its `id`. */
    billingAddress: 'shipping' | CheckoutAddress;
}

/**
 * `pending`: waiting to be sent (again, after a write that cleared it); `invalid`: kept, never sent, see
 * `validation`; `failed`: the store refused it (`message`).
 */
export type PaymentStatus = 'pending' | 'saving' | 'saved' | 'failed' | 'invalid';

export interface PaymentState {
    values: PaymentValues;
    status: PaymentStatus;
    message?: string;
}

/** The checkout's calculations, as their failures are reported (promotions are part of pricing). */
export type Calculation = 'shipping' | 'tax' | 'pricing' | 'inventory';

/** A calculation whose last run failed: until a run succeeds, the totals are not to be trusted. */
export interface CalculationFailure {
    calculation: Calculation;
    /** The delivery group whose calculation failed, when the failure was reported for one. */
    groupId?: string;
    message: string;
}

export type PlaceOrderBlocker =
    | 'not-loaded'
    | 'pending-edits'
    | 'invalid-input'
    | 'processing'
    | 'session-error'
    | 'calculation-failed'
    | 'missing-payment'
    | 'payment-pending'
    | 'missing-contact'
    | 'missing-address'
    | 'missing-delivery-method'
    | 'submitting'
    | 'complete';

export interface OrderResult {
    strategy: 'commerce' | 'cpq';
    outcome: SubmitOutcome;
    orderReferenceNumber?: string;
    orderId?: string;
    /** The CPQ SUBMIT-100N code, when the strategy is `cpq`. */
    code?: string;
    /** The text of the outcome; a failure is also the snapshot's `order` message, which is what to show. */
    message: string;
    /**
     * Whether placing the order again can help. Set by the engine on every result: false after success, after
     * CPQ `rejected`, `configuration` and `unknown` outcomes (placeOrder then returns this result unchanged).
     */
    canRetry?: boolean;
}

export interface CheckoutTotals {
    currencyIsoCode: string;
    subtotal: Money;
    promotions: Money;
    shipping: Money;
    tax: Money;
    grandTotal: Money;
    /** Industries CPQ carts: one-time and recurring charges. */
    oneTimeTotal?: Money;
    recurringTotal?: Money;
}

/** A delivery group as the shopper should see it: the server's values with pending edits laid over them. */
export interface DeliveryGroupView extends DeliveryGroup {
    /** The delivery method id shown as chosen: the pending choice if any, else the server's selection. */
    selectedDeliveryMethodId: string | null;
    requiresShipping: boolean;
}

export interface CheckoutSnapshot {
    phase: CheckoutPhase;
    checkoutId: string | null;
    /** The last Checkout the server answered with 200 or 422. */
    checkout: Checkout | null;
    /** Contact info with pending edits laid over the server's. */
    contactInfo: ContactInfo;
    deliveryGroups: DeliveryGroupView[];
    totals: CheckoutTotals | null;
    session: CheckoutSessionRecord | null;
    isGuest: boolean;
    /** Edits not yet confirmed by the server, by field. */
    edits: Readonly<Record<FieldKey, FieldEdit>>;
    /** Client-side validation messages, by field (labelled). Invalid values are kept and not sent. */
    validation: Readonly<Record<FieldKey, string>>;
    /** Every message to show: server errors, calculator errors, conflicts, session errors. */
    messages: readonly CheckoutMessage[];
    accountAddresses: readonly AccountAddress[];
    /** Signed-in buyers: the account's billing addresses, once `loadBillingAddresses()` read them. */
    billingAddresses: readonly AccountAddress[];
    order: OrderResult | null;
    canPlaceOrder: boolean;
    placeOrderBlockers: readonly PlaceOrderBlocker[];
    /** Calculations whose last run failed; `retryCalculation()` runs them again. */
    failedCalculations: readonly CalculationFailure[];
    /** The shopper's payment, as the store holds it; null before any. */
    payment: Readonly<PaymentState> | null;
    paymentRequired: boolean;
}

// ---------------------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------------------

export interface SubmissionSettings {
    strategy: 'commerce' | 'cpq';
    /** Industries CPQ cart (the header object id); defaults to StoreOptions.cpq.cartId. Never the WebCart. */
    cartId?: string;
}

/** The custom-field types the checkout PATCH accepts: defined with the validation that checks them. */
export type { CustomFieldType };

/** Operation kinds the readiness poller learns durations for. */
export type OperationKind =
    | 'start'
    | 'startWithAddress'
    | 'contact'
    | 'shipping'
    | 'deliveryMethod'
    | 'customFields'
    | 'conflict';

/**
 * Readiness polling constants (benchmarks tune them). Times are send offsets in ms from the moment the write's
 * answer arrived. The poller places its GETs where the operation most likely finishes, within the window
 * learned from this store's past waits of the same kind, else the prior for that kind.
 */
export interface PollTuning {
    /** Expected finish window [earliest, latest] per kind before anything was learned. */
    priors: Record<OperationKind, [number, number]>;
    /** How much the waits gather in the window's middle: the belief's shape is focus × middle ÷ width. */
    focus: number;
    /** The first poll goes where this share of the waits is expected to be over. */
    firstPollAt: number;
    /** A poll is worth this much lag (ms) saved: lower polls more often. */
    pollCostMs: number;
    minIntervalMs: number;
    maxIntervalMs: number;
    /** Polls may overlap (GETs are reads): at most this many in flight at once. */
    maxPollsInFlight: number;
    /** Give up (labelled timeout message) after this long. */
    maxWaitMs: number;
    /** How many past waits per kind the estimate remembers. */
    memory: number;
    /**
     * Custom fields waiting for a carrier (nothing in this store's view of the checkout can carry them): the
     * checkout is read again this often while someone listens (or the store is headless), so a contact or
     * address another tab saved meanwhile carries them; at most `maxWaitingReads` times per shopper edit.
     */
    waitingReadMs: number;
    maxWaitingReads: number;
}

/** Retry bounds for conflicts (409) and faults (5xx, network). */
export interface RetryTuning {
    maxConflictRetries: number;
    maxFaultRetries: number;
    baseDelayMs: number;
    maxDelayMs: number;
    /** A request without an answer by then is abandoned and counts as a network failure. */
    requestTimeoutMs: number;
}

/** Time as the engine sees it: the real clock in a page, a fake one in tests and benchmarks. */
export interface Clock {
    now(): number;
    setTimeout(fn: () => void, ms: number): unknown;
    clearTimeout(id: unknown): void;
}

export interface StoreOptions {
    transport: CheckoutTransport;
    effectiveAccountId?: string;
    /** Market language, e.g. `en-US`: sent as the `language` query parameter. */
    language?: string;
    isGuest?: boolean;
    /** Injected for tests and benchmarks: defaults to the real clock and `Math.random`. */
    clock?: Clock;
    random?: () => number;
    /** Custom-field types by sObject and field name, for validation; unknown fields are typed by their value. */
    customFieldTypes?: {
        WebCart?: Record<string, CustomFieldType>;
        CartDeliveryGroup?: Record<string, CustomFieldType>;
    };
    /** Resolved once before the first start: the LWR session context (effective account, guest or not). */
    resolveContext?: () => Promise<{ effectiveAccountId?: string | null; isGuest?: boolean }>;
    /** Connectivity: defaults to `navigator.onLine` and the window's `online` event. */
    connectivity?: { isOnline(): boolean; onOnline(listener: () => void): () => void };
    /** Industries CPQ: when set, load() also reads the CPQ cart summary (one-time and recurring totals). */
    cpq?: { cartId?: string };
    polling?: Partial<PollTuning>;
    retry?: Partial<RetryTuning>;
    /**
     * Keep the learned poll timings across page loads, per webstore, in `storage` (the page's localStorage when
     * omitted; null keeps nothing). Without this option nothing is read or kept.
     */
    learnedTimings?: { webstoreId: string; storage?: Pick<Storage, 'getItem' | 'setItem'> | null };
    /**
     * Tabs of this browser on the same checkout tell each other what the shopper edited and when a save landed,
     * on the BroadcastChannel `name` (`channel` injected for tests; null shares nothing). Without it, or where
     * the runtime has no BroadcastChannel, a tab sees another's changes on its next read only.
     */
    tabs?: { name: string; channel?: TabChannel | null };
    /**
     * Keep what the shopper entered and the checkout does not hold yet across reloads of this tab, per webstore,
     * in `storage` (the tab's sessionStorage when omitted; null keeps nothing): signing in again reloads the
     * page. Without this option nothing is read or kept.
     */
    unsavedEdits?: {
        webstoreId: string;
        storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
    };
}

/** The part of BroadcastChannel the engine uses. */
export interface TabChannel {
    postMessage(message: unknown): void;
    onmessage: ((event: { data: unknown }) => void) | null;
    close(): void;
}

// ---------------------------------------------------------------------------------------------------------
// The store (docs/engine-api.md)
// ---------------------------------------------------------------------------------------------------------

export interface ShippingValues {
    deliveryAddress?: CheckoutAddress;
    desiredDeliveryDate?: string;
    shippingInstructions?: string;
}

export type CustomFieldTarget =
    { type: 'WebCart' } | { type: 'CartDeliveryGroup'; groupId: string };

export interface CheckoutStore {
    /** Immutable; a new object on every change. */
    getSnapshot(): CheckoutSnapshot;
    /** Calls `listener` at once, then after every change; returns unsubscribe. */
    subscribe(listener: (snapshot: CheckoutSnapshot) => void): () => void;
    /** Start or resume the active checkout, then poll to ready. Idempotent while loading or loaded. */
    load(): Promise<void>;
    updateContact(values: Partial<ContactInfo>): void;
    updateShipping(groupId: string, values: ShippingValues): void;
    selectDeliveryMethod(groupId: string, deliveryMethodId: string): void;
    updateCustomFields(target: CustomFieldTarget, values: Record<string, unknown>): void;
    loadAccountAddresses(): Promise<void>;
    loadBillingAddresses(): Promise<void>;
    /** Industries CPQ: the cart whose one-time and recurring totals the snapshot shows. */
    useCpqCart(cart: { cartId?: string }): Promise<void>;
    /** Retries every failed write and runs every failed calculation again. */
    retryFailed(): void;
    /** Runs every failed calculation again (`snapshot.failedCalculations`). */
    retryCalculation(): void;
    /** A purchase-order payment: validated, sent when the checkout is free, sent again after what clears it. */
    updatePayment(values: Partial<PaymentValues>): void;
    /** The admin's setting: no order without a payment. */
    requirePayment(required: boolean): void;
    placeOrder(settings?: SubmissionSettings): Promise<OrderResult>;
    whenIdle(): Promise<void>;
    dispose(): void;
}
