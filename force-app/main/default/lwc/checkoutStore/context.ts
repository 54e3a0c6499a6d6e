/**
 * The engine's shared state: one explicit object that every step of the pipeline reads and writes, created by
 * the façade (`store.ts`). Beside it, the primitives every step uses: change notification, engine messages,
 * cancellable delays, interest (does anyone need an answer?) and idleness.
 */
import { DEFAULT_POLL_TUNING, ReadinessEstimator } from './polling';
import { browserConnectivity, realClock } from './browserDefaults';
import { projectSnapshot } from './snapshot';
import type { PatchBody, PatchResource } from './patchRules';
import { parseKey } from './fields';
import type { EditRecord } from './editLedger';
import { keepUnsavedEdits } from './unsavedEdits';
import type {
    AccountAddress,
    CalculationFailure,
    Checkout,
    CheckoutMessage,
    CheckoutSessionRecord,
    CheckoutSnapshot,
    Clock,
    FieldKey,
    MessageScope,
    OperationKind,
    OrderResult,
    PaymentState,
    PollTuning,
    RetryTuning,
    StoreOptions,
    TabChannel
} from './types';

export const DEFAULT_RETRY_TUNING: RetryTuning = {
    maxConflictRetries: 4,
    maxFaultRetries: 3,
    baseDelayMs: 250,
    maxDelayMs: 4000,
    requestTimeoutMs: 20_000
};

/** One shopper edit in the ledger, until the server holds its value. */
/** The value and revision of an edit as a write sent it. */
export interface SentEdit {
    revision: number;
    value: unknown;
}

/** One PATCH the planner chose: its body and the edits it sends. */
export interface PlannedWrite {
    kind: OperationKind;
    resource: PatchResource;
    path: string;
    body: PatchBody;
    edits: Map<FieldKey, SentEdit>;
    groupId?: string;
}

export interface EngineContext {
    readonly options: StoreOptions;
    readonly transport: StoreOptions['transport'];
    readonly clock: Clock;
    readonly random: () => number;
    readonly polling: PollTuning;
    readonly retry: RetryTuning;
    readonly connectivity: NonNullable<StoreOptions['connectivity']>;
    readonly estimator: ReadinessEstimator;
    /**
     * Starts the write queue on the next microtask. Wired by the façade: loading and custom-field waiting call it
     * here because the write queue imports them (a direct import would be a cycle); other steps import it.
     */
    scheduleWrites: () => void;

    // Who is shopping
    effectiveAccountId: string | undefined;
    isGuest: boolean;
    contextResolved: boolean;

    // What the server holds
    checkoutId: string | null;
    checkout: Checkout | null;
    session: CheckoutSessionRecord | null;
    accountAddresses: AccountAddress[];
    billingAddresses: AccountAddress[];
    cpqTotals: { oneTime?: string; recurring?: string };
    /** The admin's CPQ policy, from the cart summary: may a submission whose answer was lost be sent again? */
    cpqCheckOrderStatus: boolean;
    /** The shopper's payment (payment.ts), and whether the admin requires one. */
    payment: PaymentState | null;
    paymentRequired: boolean;
    order: OrderResult | null;

    // The shopper's edits and what the engine says about them
    readonly edits: Map<FieldKey, EditRecord>;
    readonly validation: Map<FieldKey, string>;
    readonly engineMessages: Map<string, CheckoutMessage>;
    /** Calculations whose last run failed (calculations.ts), and those the shopper asked to run again. */
    readonly failedCalculations: Map<string, CalculationFailure>;
    readonly recalculations: Set<string>;
    /** The shopper's last delivery-method choice per group: re-applied if an address change resets it. */
    readonly methodIntent: Map<string, string>;
    /** The name of every delivery method seen, by id: a choice survives new ids for the same method. */
    readonly methodNames: Map<string, string>;
    /** Groups whose intent only keeps the checkout's method through one shipping write (writeQueue.ts). */
    readonly keptMethods: Set<string>;
    revision: number;

    // Loading: `load()` is one run (shared by its callers); a run starts the checkout, restarts start it again.
    loadRun: Promise<void> | null;
    /** From load() until the write queue was scheduled for the edits made while loading. */
    loadActive: boolean;
    /** A start request or its readiness wait is running. */
    starting: boolean;
    /** That start replaces an expired checkout: the edits are judged once carryOver moved them to the new one. */
    renewing: boolean;
    /** The last start failed: a later load() or retryFailed() starts again. */
    startFailed: boolean;
    restarts: number;

    // Writing
    inFlight: PlannedWrite | null;
    awaitingReadiness: boolean;
    writeQueueRunning: boolean;
    writeQueueScheduled: boolean;
    sessionRead: Promise<void> | null;

    // Ordering
    submission: Promise<OrderResult> | null;
    submitting: boolean;
    /** An order POST's answer was lost and no read has said since whether the server placed it. */
    orderInDoubt: boolean;

    // Other tabs on this checkout (tabSync.ts)
    tabChannel: TabChannel | null;
    /** Another tab saved since this tab last read the checkout. */
    otherTabSaved: boolean;
    /** Values other tabs' shoppers entered (until this tab's shopper edits the field): newer than its view. */
    readonly heardEdits: Map<FieldKey, unknown>;
    catchingUp: Promise<void> | null;

    // Custom fields pending that no write can send in this store's view of the checkout
    customWaiting: boolean;
    cancelWaitingRead: (() => void) | null;
    waitingReads: number;
    waitingRead: Promise<void> | null;

    // Subscribers and waiters
    disposed: boolean;
    readonly listeners: Set<(snapshot: CheckoutSnapshot) => void>;
    readonly idleWaiters: Array<() => void>;
    readonly interestWaiters: Array<() => void>;
    /** Pending delays and waits: dispose() settles them so no loop hangs on a disposed store. */
    readonly cancelers: Set<() => void>;
    /** Public promises pending (placing an order, reading addresses): polling never pauses under them. */
    awaitedCalls: number;
    everSubscribed: boolean;
    snapshot: CheckoutSnapshot | null;
    notifyScheduled: boolean;
}

export function createContext(options: StoreOptions): EngineContext {
    const polling = { ...DEFAULT_POLL_TUNING, ...options.polling };
    return {
        options,
        transport: options.transport,
        clock: options.clock ?? realClock,
        random: options.random ?? Math.random,
        polling,
        retry: { ...DEFAULT_RETRY_TUNING, ...options.retry },
        connectivity: options.connectivity ?? browserConnectivity(),
        estimator: new ReadinessEstimator(polling.memory, options.learnedTimings),
        scheduleWrites: () => undefined,
        effectiveAccountId: options.effectiveAccountId,
        isGuest: options.isGuest ?? false,
        contextResolved: false,
        checkoutId: null,
        checkout: null,
        session: null,
        accountAddresses: [],
        billingAddresses: [],
        cpqTotals: {},
        cpqCheckOrderStatus: false,
        payment: null,
        paymentRequired: false,
        order: null,
        edits: new Map(),
        validation: new Map(),
        engineMessages: new Map(),
        failedCalculations: new Map(),
        recalculations: new Set(),
        methodIntent: new Map(),
        methodNames: new Map(),
        keptMethods: new Set(),
        revision: 0,
        loadRun: null,
        loadActive: false,
        starting: false,
        renewing: false,
        startFailed: false,
        restarts: 0,
        inFlight: null,
        awaitingReadiness: false,
        writeQueueRunning: false,
        writeQueueScheduled: false,
        sessionRead: null,
        submission: null,
        submitting: false,
        orderInDoubt: false,
        tabChannel: null,
        otherTabSaved: false,
        heardEdits: new Map(),
        catchingUp: null,
        customWaiting: false,
        cancelWaitingRead: null,
        waitingReads: 0,
        waitingRead: null,
        disposed: false,
        listeners: new Set(),
        idleWaiters: [],
        interestWaiters: [],
        cancelers: new Set(),
        awaitedCalls: 0,
        everSubscribed: false,
        snapshot: null,
        notifyScheduled: false
    };
}

// ---------------------------------------------------------------------------------------------------------
// Change notification
// ---------------------------------------------------------------------------------------------------------

/** Pending custom fields (their keys): what waits for a carrier when no write can send them. */
export function pendingCustomKeys(ctx: EngineContext): FieldKey[] {
    return [...ctx.edits.entries()]
        .filter(([key, edit]) => edit.status === 'pending' && parseKey(key)?.area === 'custom')
        .map(([key]) => key);
}

export function getSnapshot(ctx: EngineContext): CheckoutSnapshot {
    if (!ctx.snapshot) {
        const waiting = ctx.customWaiting && !ctx.writeQueueRunning ? pendingCustomKeys(ctx) : [];
        ctx.snapshot = projectSnapshot(ctx, new Set(waiting));
    }
    return ctx.snapshot;
}

/** Marks the snapshot stale and notifies subscribers once per microtask burst. */
export function changed(ctx: EngineContext): void {
    ctx.snapshot = null;
    if (ctx.notifyScheduled) return;
    ctx.notifyScheduled = true;
    void Promise.resolve().then(() => {
        ctx.notifyScheduled = false;
        if (ctx.disposed) return;
        const snapshot = getSnapshot(ctx);
        keepUnsavedEdits(ctx);
        ctx.listeners.forEach((listener) => listener(snapshot));
        if (isIdle(ctx)) ctx.idleWaiters.splice(0).forEach((resolve) => resolve());
    });
}

/** Sets an engine message, keyed by `id` (`CODE` or `CODE|group`); the code is the id's first part. */
export function engineMessage(
    ctx: EngineContext,
    id: string,
    scope: MessageScope,
    message: string,
    severity: CheckoutMessage['severity'] = 'error',
    groupId?: string,
    code?: string
): void {
    const entry: CheckoutMessage = {
        id: `engine:${id}`,
        severity,
        scope,
        code: code ?? id.split('|')[0],
        message
    };
    if (groupId) entry.groupId = groupId;
    ctx.engineMessages.set(id, entry);
    changed(ctx);
}

export function dropEngineMessages(ctx: EngineContext, ids: readonly string[]): void {
    for (const id of ids) ctx.engineMessages.delete(id);
}

// ---------------------------------------------------------------------------------------------------------
// Delays, interest and idleness
// ---------------------------------------------------------------------------------------------------------

/** A wait that ends when `start` calls it back, or early on dispose(); `start` returns its own clean-up. */
export function cancellableWait(
    ctx: EngineContext,
    start: (done: () => void) => () => void
): Promise<void> {
    return new Promise((resolve) => {
        const done = (): void => {
            stop();
            ctx.cancelers.delete(done);
            resolve();
        };
        const stop = start(done);
        ctx.cancelers.add(done);
    });
}

/**
 * A call's answer, or a rejection once `retry.requestTimeoutMs` has passed (the call is aborted where it can be):
 * a request that never answers becomes a failure the retry path knows, and nothing waits on it forever.
 */
export function answerWithin<T>(
    ctx: EngineContext,
    call: (signal: AbortSignal | undefined) => Promise<T>
): Promise<T> {
    const controller = typeof AbortController === 'function' ? new AbortController() : undefined;
    return new Promise<T>((resolve, reject) => {
        const timer = ctx.clock.setTimeout(() => {
            controller?.abort();
            reject(new Error('no answer in time'));
        }, ctx.retry.requestTimeoutMs);
        const settle = (): void => ctx.clock.clearTimeout(timer);
        call(controller?.signal).then(
            (value) => {
                settle();
                resolve(value);
            },
            (error: unknown) => {
                settle();
                reject(error);
            }
        );
    });
}

export function delay(ctx: EngineContext, ms: number): Promise<void> {
    if (ctx.disposed) return Promise.resolve();
    return cancellableWait(ctx, (done) => {
        const id = ctx.clock.setTimeout(done, ms);
        return () => ctx.clock.clearTimeout(id);
    });
}

/**
 * Polling pauses only when components subscribed and all have gone (nothing listens) and no shopper input
 * or order depends on the answer. A headless store (no subscriber ever) never pauses.
 */
export function isInterested(ctx: EngineContext): boolean {
    if (!ctx.everSubscribed || ctx.listeners.size > 0) return true;
    if (ctx.awaitedCalls > 0 || ctx.idleWaiters.length > 0) return true;
    return [...ctx.edits.values()].some(
        (edit) => edit.status === 'pending' || edit.status === 'saving'
    );
}

export function wakeInterest(ctx: EngineContext): void {
    ctx.interestWaiters.splice(0).forEach((resolve) => resolve());
}

/** Counts a public promise as interest while it is pending. */
export function whileAwaited<T>(ctx: EngineContext, promise: Promise<T>): Promise<T> {
    ctx.awaitedCalls += 1;
    wakeInterest(ctx);
    return promise.finally(() => {
        ctx.awaitedCalls -= 1;
    });
}

export function isIdle(ctx: EngineContext): boolean {
    return (
        !ctx.starting &&
        !ctx.loadActive &&
        !ctx.writeQueueRunning &&
        !ctx.writeQueueScheduled &&
        !ctx.inFlight &&
        !ctx.awaitingReadiness &&
        !ctx.submitting &&
        !ctx.catchingUp
    );
}

export function whenIdle(ctx: EngineContext): Promise<void> {
    if (ctx.disposed || isIdle(ctx)) return Promise.resolve();
    return new Promise((resolve) => {
        ctx.idleWaiters.push(resolve);
        wakeInterest(ctx);
    });
}
