/**
 * The framework-free checkout engine: intents → validated edits → one sequenced write at a time → readiness
 * polling → an immutable snapshot for every subscriber. No LWC or platform imports here: the transport is
 * injected (production, preview and tests each supply one).
 */
import {
    CONTACT_FIELDS,
    SHIPPING_FIELDS,
    addressInput,
    contactKey,
    groupCustomKey,
    groupKey,
    parseKey,
    sameAddress,
    sameValue,
    webCartKey
} from './fields';
import type { ShippingField } from './fields';
import { ENGINE_CODES } from './engineCodes';
import { labels } from './labels';
import { MAX_CUSTOM_FIELD_OBJECTS, isPatchAllowed, patchBodyViolations } from './patchRules';
import type { PatchBody, PatchResource } from './patchRules';
import { DEFAULT_POLL_TUNING, ReadinessEstimator, pollUntilSettled } from './polling';
import type { Clock } from './polling';
import { cpqFailure, cpqResult, errorText, orderResult } from './submission';
import type {
    AccountAddress,
    Checkout,
    CheckoutError,
    CheckoutMessage,
    CheckoutSessionRecord,
    CheckoutSnapshot,
    CheckoutStore,
    CheckoutTotals,
    ContactInfo,
    CpqResponse,
    CustomFieldTarget,
    CustomFieldType,
    DeliveryGroup,
    DeliveryGroupView,
    EditStatus,
    FieldEdit,
    FieldKey,
    HttpMethod,
    HttpResponse,
    MessageScope,
    OperationKind,
    OrderResult,
    PlaceOrderBlocker,
    PollTuning,
    RetryTuning,
    ShippingValues,
    SObjectAttributes,
    StoreOptions,
    SubmissionSettings
} from './types';
import {
    customFieldMessage,
    inferCustomFieldType,
    validateAddress,
    validateContact
} from 'c/checkoutValidation';

export const DEFAULT_RETRY_TUNING: RetryTuning = {
    maxConflictRetries: 4,
    maxFaultRetries: 3,
    baseDelayMs: 250,
    maxDelayMs: 4000
};

const MAX_RESTARTS = 3;

interface EditRecord {
    value: unknown;
    status: EditStatus;
    revision: number;
    message?: string;
    code?: string;
    /** Client-side validation failed: never sent, not retried until the value changes. */
    invalid?: boolean;
}

interface PlannedWrite {
    kind: OperationKind;
    resource: PatchResource;
    path: string;
    body: PatchBody;
    /** The edits this write carries, with the revision and value sent. */
    carried: Map<FieldKey, { revision: number; value: unknown }>;
    groupId?: string;
}

type SendResult =
    | { response: HttpResponse }
    | { failure: 'network' | 'server' | 'conflict' | 'cancelled'; response?: HttpResponse };

type Readiness = 'ready' | 'calculator-error' | 'gone' | 'timeout' | 'cancelled';

/**
 * Orders placed or being placed on this page, by checkout (Commerce) or cart (CPQ): a second store instance
 * reuses the first one's submission instead of sending its own. The server is idempotent per checkout too.
 */
const submissionsInFlight = new Map<string, Promise<OrderResult>>();
const placedOrders = new Map<string, OrderResult>();
/** Live store instances on the page: before an order goes out, the others carry their waiting custom fields. */
const pageStores = new Set<Store>();

const realClock: Clock = {
    now: () => Date.now(),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>)
};

function defaultConnectivity(): NonNullable<StoreOptions['connectivity']> {
    return {
        isOnline: () => typeof navigator === 'undefined' || navigator.onLine !== false,
        onOnline: (listener) => {
            if (typeof window === 'undefined') return () => undefined;
            window.addEventListener('online', listener);
            return () => window.removeEventListener('online', listener);
        }
    };
}

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCheckoutBody(body: unknown): body is Checkout {
    return isObject(body) && typeof body.checkoutId === 'string' && isObject(body.deliveryGroups);
}

/** `[{errorCode, message}]`, `{errors: [{detail}]}` or `{message}`: the first readable server message. */
function serverMessage(body: unknown): { code?: string; message?: string } {
    const first = Array.isArray(body)
        ? body[0]
        : isObject(body) && Array.isArray(body.errors)
          ? body.errors[0]
          : body;
    if (!isObject(first)) return {};
    const message = [first.message, first.detail, first.title].find(
        (text) => typeof text === 'string'
    );
    const code = [first.errorCode, first.type].find((text) => typeof text === 'string');
    return { code: code as string | undefined, message: message as string | undefined };
}

function addMoney(values: Array<string | undefined>): string {
    const cents = values.reduce((sum, value) => sum + Math.round(Number(value ?? 0) * 100), 0);
    return (cents / 100).toFixed(2);
}

function scopeOf(key: FieldKey): { scope: MessageScope; groupId?: string } {
    const parsed = parseKey(key);
    if (!parsed) return { scope: 'checkout' };
    if (parsed.area === 'contact') return { scope: 'contact' };
    if (parsed.area === 'group') {
        return {
            scope: parsed.field === 'deliveryMethodId' ? 'deliveryMethod' : 'shipping',
            groupId: parsed.groupId
        };
    }
    return parsed.sObject === 'CartDeliveryGroup'
        ? { scope: 'shipping', groupId: parsed.groupId }
        : { scope: 'checkout' };
}

class Store implements CheckoutStore {
    private readonly transport: StoreOptions['transport'];
    private readonly clock: Clock;
    private readonly random: () => number;
    private readonly polling: PollTuning;
    private readonly retry: RetryTuning;
    private readonly connectivity: NonNullable<StoreOptions['connectivity']>;
    private readonly estimator: ReadinessEstimator;

    private effectiveAccountId: string | undefined;
    private isGuest: boolean;
    private contextResolved = false;

    private checkoutId: string | null = null;
    private checkout: Checkout | null = null;
    private session: CheckoutSessionRecord | null = null;
    private accountAddresses: AccountAddress[] = [];
    private cpqTotals: { oneTime?: string; recurring?: string } = {};
    private order: OrderResult | null = null;

    private readonly edits = new Map<FieldKey, EditRecord>();
    private readonly validation = new Map<FieldKey, string>();
    private readonly engineMessages = new Map<string, CheckoutMessage>();
    /** The shopper's last delivery-method choice per group: re-applied if an address change resets it. */
    private readonly methodIntent = new Map<string, string>();
    private revision = 0;

    private loadPromise: Promise<void> | null = null;
    private loading = false;
    /** From load() until the write loop was kicked for the edits made while loading. */
    private loadRunning = false;
    private loadFailed = false;
    private restarts = 0;
    private inFlight: PlannedWrite | null = null;
    private awaitingReadiness = false;
    private pumping = false;
    private pumpScheduled = false;
    private submitPromise: Promise<OrderResult> | null = null;
    private submitting = false;
    private sessionRead: Promise<void> | null = null;
    private disposed = false;
    /** Custom fields pending that no write can carry in this store's view of the checkout. */
    private customWaiting = false;
    private waitingReadTimer: (() => void) | null = null;
    private waitingReads = 0;
    private waitingRead: Promise<void> | null = null;

    private readonly listeners = new Set<(snapshot: CheckoutSnapshot) => void>();
    private readonly idleWaiters: Array<() => void> = [];
    private readonly interestWaiters: Array<() => void> = [];
    /** Pending delays and waits: dispose() settles them so no loop hangs on a disposed store. */
    private readonly cancelers = new Set<() => void>();
    /** Placing an order, reading addresses: polling never pauses under these callers. */
    private pendingCallers = 0;
    private everSubscribed = false;
    private snapshot: CheckoutSnapshot | null = null;
    private notifyScheduled = false;

    constructor(private readonly options: StoreOptions) {
        this.transport = options.transport;
        this.clock = options.clock ?? realClock;
        this.random = options.random ?? Math.random;
        this.polling = { ...DEFAULT_POLL_TUNING, ...options.polling };
        this.retry = { ...DEFAULT_RETRY_TUNING, ...options.retry };
        this.connectivity = options.connectivity ?? defaultConnectivity();
        this.estimator = new ReadinessEstimator(this.polling.memory);
        this.effectiveAccountId = options.effectiveAccountId;
        this.isGuest = options.isGuest ?? false;
        pageStores.add(this);
    }

    // -----------------------------------------------------------------------------------------------------
    // Subscription surface
    // -----------------------------------------------------------------------------------------------------

    getSnapshot(): CheckoutSnapshot {
        if (!this.snapshot) this.snapshot = this.buildSnapshot();
        return this.snapshot;
    }

    subscribe(listener: (snapshot: CheckoutSnapshot) => void): () => void {
        this.listeners.add(listener);
        this.everSubscribed = true;
        this.wakeInterest();
        this.scheduleWaitingRead();
        listener(this.getSnapshot());
        return () => {
            this.listeners.delete(listener);
        };
    }

    /** Marks the snapshot stale and notifies subscribers once per microtask burst. */
    private changed(): void {
        this.snapshot = null;
        if (this.notifyScheduled) return;
        this.notifyScheduled = true;
        void Promise.resolve().then(() => {
            this.notifyScheduled = false;
            if (this.disposed) return;
            const snapshot = this.getSnapshot();
            this.listeners.forEach((listener) => listener(snapshot));
            if (this.isIdle()) this.idleWaiters.splice(0).forEach((resolve) => resolve());
        });
    }

    // -----------------------------------------------------------------------------------------------------
    // Loading and restarting
    // -----------------------------------------------------------------------------------------------------

    load(): Promise<void> {
        if (this.disposed) return Promise.resolve();
        if (!this.loadPromise) {
            this.loadPromise = this.runLoad();
        }
        return this.loadPromise;
    }

    private async runLoad(): Promise<void> {
        this.restarts = 0;
        this.loadRunning = true;
        try {
            await this.resolveContextAndStart();
        } finally {
            // Cleared after kick() marked the write loop as scheduled: whenIdle never resolves in between.
            this.loadRunning = false;
            this.changed();
        }
    }

    private async resolveContextAndStart(): Promise<void> {
        if (this.options.resolveContext && !this.contextResolved) {
            try {
                const context = await this.options.resolveContext();
                this.effectiveAccountId ??= context.effectiveAccountId ?? undefined;
                if (context.isGuest !== undefined) this.isGuest = context.isGuest;
                this.contextResolved = true;
            } catch {
                // Without the session context the API falls back to the context user's account.
            }
        }
        if (!(await this.startCheckout())) return;
        if (this.options.cpq) void this.readCpqSummary();
        this.kick();
    }

    /** POST …/checkouts {cartId: 'active'} resumes the session for the cart or creates one. */
    private async startCheckout(): Promise<boolean> {
        this.loading = true;
        this.loadFailed = false;
        this.engineMessages.delete(ENGINE_CODES.load);
        this.changed();
        try {
            const sent = await this.send(
                'POST',
                '/checkouts',
                { body: { cartId: 'active' }, query: this.query(true) },
                'start'
            );
            if ('failure' in sent) return this.failLoad(sent.failure !== 'cancelled');
            const { status, body } = sent.response;
            if (status === 200 && isCheckoutBody(body)) {
                this.applyCheckout(body);
                return true;
            }
            const checkoutId = isObject(body) ? body.checkoutId : undefined;
            if ((status !== 200 && status !== 202) || typeof checkoutId !== 'string') {
                return this.failLoad(true);
            }
            this.checkoutId = checkoutId;
            // Buyers usually have a saved address, so their start also runs shipping and tax.
            const readiness = await this.waitUntilReady(
                this.isGuest ? 'start' : 'startWithAddress'
            );
            if (readiness === 'gone' && this.restarts < MAX_RESTARTS) {
                this.restarts += 1;
                this.loading = false;
                return this.startCheckout();
            }
            if (readiness === 'ready' || readiness === 'calculator-error') return true;
            return this.failLoad(readiness !== 'cancelled');
        } finally {
            this.loading = false;
            this.changed();
        }
    }

    private failLoad(withMessage: boolean): false {
        this.loadFailed = true;
        this.loadPromise = null; // a later load() or retryFailed() starts again
        if (withMessage) this.engineMessage(ENGINE_CODES.load, 'checkout', labels.errorLoad);
        return false;
    }

    /** The checkout is gone (404/410): start again, keeping every edit the shopper made. */
    private async restart(): Promise<boolean> {
        this.restarts += 1;
        for (const edit of this.edits.values()) {
            if (edit.status === 'saving') edit.status = 'pending';
        }
        this.checkoutId = null;
        if (this.restarts > MAX_RESTARTS) return this.failLoad(true);
        this.engineMessage(ENGINE_CODES.restarted, 'checkout', labels.checkoutRestarted, 'info');
        return this.startCheckout();
    }

    private query(withAccount: boolean): Record<string, string> {
        const query: Record<string, string> = {};
        if (withAccount && this.effectiveAccountId)
            query.effectiveAccountId = this.effectiveAccountId;
        if (this.options.language) query.language = this.options.language;
        return query;
    }

    private applyCheckout(body: Checkout): void {
        const items = Array.isArray(body.deliveryGroups?.items) ? body.deliveryGroups.items : [];
        this.checkout = { ...body, deliveryGroups: { count: items.length, items } };
        this.checkoutId = body.checkoutId || this.checkoutId;
        this.dropEditsMatchingServer();
        this.changed();
    }

    // -----------------------------------------------------------------------------------------------------
    // Intents
    // -----------------------------------------------------------------------------------------------------

    updateContact(values: Partial<ContactInfo>): void {
        if (this.disposed) return;
        const edited: Partial<ContactInfo> = { ...values };
        // The phone and its country are checked together: editing one re-checks the other.
        const phonePair = ['phoneNumber', 'isoCountryCodeForPhoneNumber'] as const;
        if (phonePair.some((field) => field in values)) {
            const shown = this.getSnapshot().contactInfo;
            for (const field of phonePair) {
                if (!(field in edited))
                    edited[field] = (this.edits.get(contactKey(field))?.value ??
                        shown[field]) as string;
            }
        }
        const errors = validateContact(edited);
        for (const field of CONTACT_FIELDS) {
            if (!(field in edited)) continue;
            const value = edited[field];
            const key = contactKey(field);
            if (!(field in values) && !this.edits.has(key)) {
                if (errors[key]) this.validation.set(key, errors[key]);
                else this.validation.delete(key);
                continue;
            }
            const trimmed = typeof value === 'string' ? value.trim() : value;
            // A national number means nothing without its country: hold it unsent while the country is
            // wrong (the country field carries the message, so it is said once).
            const countryError = errors[contactKey('isoCountryCodeForPhoneNumber')];
            if (
                field === 'phoneNumber' &&
                !errors[key] &&
                countryError &&
                typeof trimmed === 'string' &&
                trimmed !== '' &&
                !trimmed.startsWith('+')
            ) {
                this.clearValidation(key);
                this.edits.set(key, {
                    value: trimmed,
                    status: 'failed',
                    revision: ++this.revision,
                    code: ENGINE_CODES.rejected,
                    invalid: true
                });
                continue;
            }
            this.setEdit(key, trimmed, errors[key]);
        }
        this.afterIntent();
    }

    updateShipping(groupId: string, values: ShippingValues): void {
        if (this.disposed) return;
        for (const field of SHIPPING_FIELDS) {
            if (!(field in values)) continue;
            const key = groupKey(groupId, field);
            if (field === 'deliveryAddress') {
                const address = values.deliveryAddress ?? {};
                const errors = validateAddress(address, key);
                this.clearValidation(key);
                for (const [errorKey, message] of Object.entries(errors))
                    this.validation.set(errorKey, message);
                const first = Object.values(errors)[0];
                this.setEdit(key, addressInput(address), first, true);
            } else {
                const value = values[field];
                const error =
                    field === 'desiredDeliveryDate' && value && Number.isNaN(Date.parse(value))
                        ? labels.validationDate
                        : field === 'shippingInstructions' &&
                            typeof value === 'string' &&
                            value.length > 255
                          ? labels.validationTooLong
                          : undefined;
                this.setEdit(key, value, error);
            }
        }
        this.afterIntent();
    }

    selectDeliveryMethod(groupId: string, deliveryMethodId: string): void {
        if (this.disposed) return;
        this.methodIntent.set(groupId, deliveryMethodId);
        this.engineMessages.delete(`${ENGINE_CODES.methodReset}|${groupId}`);
        this.engineMessages.delete(`${ENGINE_CODES.methodUnavailable}|${groupId}`);
        this.setEdit(groupKey(groupId, 'deliveryMethodId'), deliveryMethodId, undefined);
        this.afterIntent();
    }

    updateCustomFields(target: CustomFieldTarget, values: Record<string, unknown>): void {
        if (this.disposed) return;
        const types = this.options.customFieldTypes?.[target.type] ?? {};
        for (const [field, value] of Object.entries(values)) {
            const key =
                target.type === 'WebCart'
                    ? webCartKey(field)
                    : groupCustomKey(target.groupId, field);
            const type: CustomFieldType = types[field] ?? inferCustomFieldType(value);
            this.setEdit(key, value, customFieldMessage(type, value) ?? undefined);
        }
        this.afterIntent();
    }

    retryFailed(): void {
        if (this.disposed) return;
        for (const edit of this.edits.values()) {
            if (edit.status === 'failed' && !edit.invalid) {
                edit.status = 'pending';
                edit.message = undefined;
                edit.code = undefined;
            }
        }
        for (const code of [ENGINE_CODES.timeout, ENGINE_CODES.conflict, ENGINE_CODES.network]) {
            this.engineMessages.delete(code);
        }
        // A shipping write whose calculation failed may have reset the method; the choice was kept silently
        // (confirm): trying again re-applies it when still offered.
        for (const [groupId, intended] of this.methodIntent) {
            const group = this.group(groupId);
            const key = groupKey(groupId, 'deliveryMethodId');
            if (!group || this.edits.has(key) || group.selectedDeliveryMethod?.id === intended)
                continue;
            if (group.availableDeliveryMethods?.some((method) => method.id === intended))
                this.edits.set(key, {
                    value: intended,
                    status: 'pending',
                    revision: ++this.revision
                });
        }
        this.afterIntent();
        if (!this.checkoutId && !this.loading) void this.load();
    }

    private afterIntent(): void {
        this.waitingReads = 0;
        this.wakeInterest();
        this.changed();
        this.kick();
    }

    /**
     * Records the shopper's value for `key`. Latest wins; a value equal to what the server will hold once the
     * write in flight lands is dropped; an invalid value is kept (shown, never sent).
     */
    private setEdit(
        key: FieldKey,
        value: unknown,
        invalidMessage: string | undefined,
        keepValidation = false
    ): void {
        if (!keepValidation) this.clearValidation(key);
        const existing = this.edits.get(key);
        if (invalidMessage) {
            if (!keepValidation) this.validation.set(key, invalidMessage);
            this.edits.set(key, {
                value,
                status: 'failed',
                revision: ++this.revision,
                message: invalidMessage,
                code: ENGINE_CODES.rejected,
                invalid: true
            });
            return;
        }
        const sending = this.inFlight?.carried.get(key);
        const base = sending ? sending.value : this.serverValue(key);
        if (this.equalForKey(key, value, base)) {
            if (sending) {
                // Back to the value in flight: the edit is that write's again, so its failure or a restart
                // still keeps it (a later edit in between had replaced its record).
                this.edits.set(key, { value, status: 'saving', revision: sending.revision });
            } else if (existing?.status !== 'saving') {
                this.edits.delete(key);
            }
            return;
        }
        this.edits.set(key, { value, status: 'pending', revision: ++this.revision });
    }

    private clearValidation(key: FieldKey): void {
        for (const existing of [...this.validation.keys()]) {
            if (existing === key || existing.startsWith(`${key}.`))
                this.validation.delete(existing);
        }
    }

    private equalForKey(key: FieldKey, a: unknown, b: unknown): boolean {
        return key.endsWith('.deliveryAddress')
            ? sameAddress(a as never, b as never)
            : sameValue(a, b);
    }

    /** What the server holds for `key` in the last checkout it answered with. */
    private serverValue(key: FieldKey): unknown {
        const parsed = parseKey(key);
        const checkout = this.checkout;
        if (!parsed || !checkout) return undefined;
        if (parsed.area === 'contact') return checkout.contactInfo?.[parsed.field];
        if (parsed.area === 'group') {
            const group = this.group(parsed.groupId);
            if (!group) return undefined;
            return parsed.field === 'deliveryMethodId'
                ? group.selectedDeliveryMethod?.id
                : group[parsed.field];
        }
        const items = checkout.customFields ?? [];
        const item =
            parsed.sObject === 'WebCart'
                ? items.find((entry) => entry.attributes?.type === 'WebCart')
                : items.find(
                      (entry) =>
                          entry.attributes?.type === 'CartDeliveryGroup' &&
                          (entry.Id === parsed.groupId ||
                              (!entry.Id && this.defaultGroup()?.id === parsed.groupId))
                  );
        return item?.[parsed.field];
    }

    /**
     * Drops edits the server already holds. A key the write in flight carries is left alone until that write
     * lands (`confirm` passes `landed`): a checkout read meanwhile (a 409's readiness wait) shows the value from
     * before it, so a newer edit equal to that older value is still needed.
     */
    private dropEditsMatchingServer(landed = false): void {
        const sending = landed ? undefined : this.inFlight?.carried;
        for (const [key, edit] of this.edits) {
            if (edit.status === 'saving' || edit.invalid || sending?.has(key)) continue;
            if (this.equalForKey(key, edit.value, this.serverValue(key))) this.edits.delete(key);
        }
    }

    private group(groupId: string): DeliveryGroup | undefined {
        return this.checkout?.deliveryGroups.items.find((group) => group.id === groupId);
    }

    /** The group the checkout PATCH's shipping fields apply to. */
    private defaultGroup(): DeliveryGroup | undefined {
        const items = this.checkout?.deliveryGroups.items ?? [];
        return (
            items.find((group) => group.isDefault) ?? (items.length === 1 ? items[0] : undefined)
        );
    }

    // -----------------------------------------------------------------------------------------------------
    // The write sequencer
    // -----------------------------------------------------------------------------------------------------

    /** Starts the write loop on the next microtask, so a burst of synchronous intents merges into one write. */
    private kick(): void {
        if (this.pumpScheduled || this.disposed) return;
        this.pumpScheduled = true;
        void Promise.resolve().then(() => {
            this.pumpScheduled = false;
            void this.pump();
        });
    }

    /** One write in flight, always: the loop sends the next planned write only after the last one settled. */
    private async pump(): Promise<void> {
        if (this.pumping || this.disposed || this.loading || !this.checkout || !this.checkoutId) {
            this.changed();
            return;
        }
        this.pumping = true;
        let waiting = false;
        try {
            while (!this.disposed && this.checkoutId && !this.loading) {
                const write = this.planNextWrite();
                if (!write) {
                    waiting = this.pendingCustomKeys().length > 0;
                    break;
                }
                this.setCustomWaiting(false);
                const done = await this.executeWrite(write);
                if (!done) break;
            }
        } finally {
            this.pumping = false;
            this.setCustomWaiting(waiting);
            this.changed();
        }
    }

    private pendingCustomKeys(): FieldKey[] {
        return [...this.edits.entries()]
            .filter(([key, edit]) => edit.status === 'pending' && parseKey(key)?.area === 'custom')
            .map(([key]) => key);
    }

    // -----------------------------------------------------------------------------------------------------
    // Custom fields waiting for a carrier
    // -----------------------------------------------------------------------------------------------------

    /**
     * Custom fields never travel alone. When nothing in this store's view of the checkout can carry them, they
     * wait, said with a labelled message; the checkout may have a carrier already (another tab saved a contact
     * or an address), so it is read again on a modest interval, and before an order goes out.
     */
    private setCustomWaiting(waiting: boolean): void {
        if (waiting !== this.customWaiting) {
            this.customWaiting = waiting;
            this.changed();
        }
        if (waiting) {
            this.scheduleWaitingRead();
        } else {
            this.waitingReadTimer?.();
            this.waitingReads = 0;
        }
    }

    /** Bounded: `maxWaitingReads` per shopper edit, and only while someone listens (or no one ever subscribed). */
    private scheduleWaitingRead(): void {
        if (this.disposed || !this.customWaiting || this.waitingReadTimer) return;
        if (this.waitingReads >= this.polling.maxWaitingReads) return;
        if (this.everSubscribed && this.listeners.size === 0 && this.pendingCallers === 0) return;
        const cancel = (): void => {
            this.clock.clearTimeout(id);
            this.cancelers.delete(cancel);
            this.waitingReadTimer = null;
        };
        const id = this.clock.setTimeout(() => {
            cancel();
            this.waitingReads += 1;
            void this.readForWaitingFields();
        }, this.polling.waitingReadMs);
        this.cancelers.add(cancel);
        this.waitingReadTimer = cancel;
    }

    /** GET the checkout (single-flight) and plan again: a carrier may exist now. */
    private readForWaitingFields(): Promise<void> {
        if (!this.waitingRead) {
            this.waitingRead = this.readCheckoutForCarrier().finally(() => {
                this.waitingRead = null;
            });
        }
        return this.waitingRead;
    }

    private async readCheckoutForCarrier(): Promise<void> {
        const checkoutId = this.checkoutId;
        const busy = (): boolean => this.pumping || !!this.inFlight || this.loading;
        if (!checkoutId || this.disposed || !this.customWaiting || busy()) return;
        let response: HttpResponse | null = null;
        try {
            response = await this.transport.connect('GET', `/checkouts/${checkoutId}`, {
                query: this.query(true)
            });
        } catch {
            // Read again on the next interval.
        }
        if (this.disposed) return;
        if (
            response &&
            (response.status === 200 || response.status === 422) &&
            isCheckoutBody(response.body) &&
            checkoutId === this.checkoutId &&
            !busy()
        ) {
            this.applyCheckout(response.body);
        }
        this.kick();
    }

    /** Before an order: read the checkout and send the waiting custom fields if a carrier exists now. */
    private async carryWaitingCustomFields(): Promise<void> {
        if (this.disposed || !this.customWaiting) return;
        await this.readForWaitingFields();
        await this.whenIdle();
    }

    /**
     * Chooses the next write. Order follows the dependencies: contact → shipping (default group on the checkout
     * PATCH, other groups on their delivery-group PATCH) → delivery method. Custom fields ride on a write that is
     * going anyway when the rules allow it; see `attachCustomFields` and `customFieldCarrier`.
     */
    private planNextWrite(): PlannedWrite | null {
        const checkout = this.checkout;
        if (!checkout) return null;
        const pendingKeys = [...this.edits.entries()].filter(
            ([, edit]) => edit.status === 'pending'
        );
        if (pendingKeys.length === 0) return null;

        const contactKeys: FieldKey[] = [];
        const shipping = new Map<string, FieldKey[]>();
        const methods = new Map<string, FieldKey>();
        let hasCustom = false;
        for (const [key] of pendingKeys) {
            const parsed = parseKey(key);
            if (!parsed) continue;
            const groupId =
                parsed.area === 'contact' ||
                (parsed.area === 'custom' && parsed.sObject === 'WebCart')
                    ? null
                    : parsed.groupId;
            if (groupId !== null && !this.group(groupId)) {
                this.failEdit(key, labels.deliveryGroupGone, ENGINE_CODES.groupGone);
                continue;
            }
            if (parsed.area === 'contact') contactKeys.push(key);
            else if (parsed.area === 'custom') hasCustom = true;
            else if (parsed.field === 'deliveryMethodId') methods.set(parsed.groupId, key);
            else shipping.set(parsed.groupId, [...(shipping.get(parsed.groupId) ?? []), key]);
        }
        const defaultGroup = this.defaultGroup();

        if (contactKeys.length > 0) return this.planContact(contactKeys, defaultGroup, shipping);

        for (const [groupId, keys] of shipping) {
            const isDefault = groupId === defaultGroup?.id;
            const write = this.newWrite(
                'shipping',
                isDefault ? 'checkout' : 'deliveryGroup',
                groupId
            );
            for (const key of keys) this.carry(write, key);
            // Custom fields never ride with `shippingInstructions` alone: `attachCustomFields` checks the rules.
            if (isDefault) this.attachCustomFields(write, true);
            return write;
        }

        for (const [groupId, key] of methods) {
            // Never choose a method before a pending address change of that group lands: it may reset it.
            if (this.hasUnsettledShipping(groupId)) continue;
            const group = this.group(groupId) as DeliveryGroup;
            const methodId = this.edits.get(key)?.value;
            if (!group.availableDeliveryMethods?.some((method) => method.id === methodId)) {
                this.failEdit(
                    key,
                    labels.deliveryMethodUnavailable,
                    ENGINE_CODES.methodUnavailable
                );
                continue;
            }
            const isDefault = groupId === defaultGroup?.id;
            const write = this.newWrite(
                'deliveryMethod',
                isDefault ? 'checkout' : 'deliveryGroup',
                groupId
            );
            this.carry(write, key);
            // The method PATCH clears payment and billing address anyway: custom fields add no side effect.
            if (isDefault) this.attachCustomFields(write, true);
            return write;
        }

        return hasCustom ? this.customFieldCarrier(defaultGroup) : null;
    }

    private planContact(
        contactKeys: FieldKey[],
        defaultGroup: DeliveryGroup | undefined,
        shipping: Map<string, FieldKey[]>
    ): PlannedWrite {
        const write = this.newWrite('contact', 'checkout');
        for (const key of contactKeys) this.carry(write, key);
        const defaultShipping = defaultGroup ? shipping.get(defaultGroup.id) : undefined;
        const addressKey = defaultGroup ? groupKey(defaultGroup.id, 'deliveryAddress') : '';
        // The guest example: contactInfo + deliveryAddress in one PATCH (never with date or instructions,
        // which the API rejects with contactInfo).
        if (this.isGuest && defaultShipping?.length === 1 && defaultShipping[0] === addressKey) {
            this.carry(write, addressKey);
            write.kind = 'shipping';
            write.groupId = defaultGroup?.id;
        } else {
            // contactInfo runs no calculator and clears nothing: the cheapest carrier for WebCart fields.
            this.attachCustomFields(write, false);
        }
        return write;
    }

    private hasUnsettledShipping(groupId: string): boolean {
        return SHIPPING_FIELDS.some((field) => {
            const status = this.edits.get(groupKey(groupId, field))?.status;
            return status === 'pending' || status === 'saving';
        });
    }

    private newWrite(kind: OperationKind, resource: PatchResource, groupId?: string): PlannedWrite {
        const path =
            resource === 'checkout'
                ? `/checkouts/${this.checkoutId}`
                : `/carts/${this.checkout?.cartSummary?.cartId ?? 'active'}/delivery-groups/${groupId}`;
        return { kind, resource, path, body: {}, carried: new Map(), groupId };
    }

    /** Adds one pending edit to a write's body. */
    private carry(write: PlannedWrite, key: FieldKey): void {
        const edit = this.edits.get(key) as EditRecord;
        const parsed = parseKey(key);
        write.carried.set(key, { revision: edit.revision, value: edit.value });
        if (!parsed) return;
        if (parsed.area === 'contact') {
            const contact = write.body.contactInfo ?? this.serverContact();
            write.body.contactInfo = { ...contact, [parsed.field]: edit.value };
        } else if (parsed.area === 'group') {
            (write.body as Record<string, unknown>)[parsed.field] = edit.value;
        }
    }

    private serverContact(): ContactInfo {
        const contact: ContactInfo = {};
        for (const field of CONTACT_FIELDS) {
            const value = this.checkout?.contactInfo?.[field];
            if (value !== undefined && value !== null && value !== '') contact[field] = value;
        }
        return contact;
    }

    /** Pending custom fields as `customFields` items: one WebCart, then CartDeliveryGroups, 21 at most. */
    private customFieldItems(
        withGroups: boolean
    ): Array<{ item: SObjectAttributes; keys: FieldKey[] }> {
        const items: Array<{ item: SObjectAttributes; keys: FieldKey[] }> = [];
        const byGroup = new Map<string, { item: SObjectAttributes; keys: FieldKey[] }>();
        let webCart: { item: SObjectAttributes; keys: FieldKey[] } | undefined;
        for (const [key, edit] of this.edits) {
            if (edit.status !== 'pending') continue;
            const parsed = parseKey(key);
            if (parsed?.area !== 'custom') continue;
            if (parsed.sObject === 'WebCart') {
                if (!webCart) {
                    const cartId = this.checkout?.cartSummary?.cartId;
                    webCart = {
                        item: {
                            attributes: { type: 'WebCart' },
                            ...(cartId ? { Id: cartId } : {})
                        },
                        keys: []
                    };
                }
                webCart.item[parsed.field] = edit.value;
                webCart.keys.push(key);
            } else if (withGroups) {
                let entry = byGroup.get(parsed.groupId);
                if (!entry) {
                    entry = {
                        item: { attributes: { type: 'CartDeliveryGroup' }, Id: parsed.groupId },
                        keys: []
                    };
                    byGroup.set(parsed.groupId, entry);
                }
                entry.item[parsed.field] = edit.value;
                entry.keys.push(key);
            }
        }
        if (webCart) items.push(webCart);
        for (const entry of byGroup.values()) {
            if (items.length >= MAX_CUSTOM_FIELD_OBJECTS) break;
            items.push(entry);
        }
        return items;
    }

    /** Adds pending custom fields to a write when the PATCH rules allow that body; otherwise leaves it. */
    private attachCustomFields(write: PlannedWrite, withGroups: boolean): boolean {
        const entries = this.customFieldItems(withGroups);
        if (entries.length === 0) return false;
        const body: PatchBody = { ...write.body, customFields: entries.map((entry) => entry.item) };
        if (!isPatchAllowed(body, write.resource)) return false;
        write.body = body;
        for (const entry of entries) {
            for (const key of entry.keys) {
                write.carried.set(key, {
                    revision: this.edits.get(key)?.revision ?? 0,
                    value: this.edits.get(key)?.value
                });
            }
        }
        return true;
    }

    /**
     * Custom fields pending with nothing else to carry them (the API refuses `customFields` alone). The carrier
     * with the fewest side effects re-sends a value the server already holds:
     *  1. WebCart fields only: the current contactInfo — no calculator runs, nothing is cleared;
     *  2. the default group's current deliveryMethodId — only the tax calculator runs, but payment and billing
     *     address are cleared (none exist before the payment step);
     *  3. the default group's current deliveryAddress, only when no method is selected yet — shipping and tax
     *     recalculate, which could otherwise reset the shopper's method.
     * With none available the fields wait (pending) for the next write.
     */
    private customFieldCarrier(defaultGroup: DeliveryGroup | undefined): PlannedWrite | null {
        const contact = this.serverContact();
        const onlyWebCart = this.customFieldItems(true).every(
            (entry) => entry.item.attributes.type === 'WebCart'
        );
        const candidates: Array<() => PlannedWrite | null> = [
            () => {
                if (!onlyWebCart || Object.keys(contact).length === 0) return null;
                const write = this.newWrite('customFields', 'checkout');
                write.body.contactInfo = contact;
                return write;
            },
            () => {
                const methodId = defaultGroup?.selectedDeliveryMethod?.id;
                if (!methodId) return null;
                const write = this.newWrite('customFields', 'checkout', defaultGroup?.id);
                write.body.deliveryMethodId = methodId;
                return write;
            },
            () => {
                if (!defaultGroup?.deliveryAddress || defaultGroup.selectedDeliveryMethod)
                    return null;
                const write = this.newWrite('customFields', 'checkout', defaultGroup.id);
                write.body.deliveryAddress = addressInput(defaultGroup.deliveryAddress);
                return write;
            }
        ];
        for (const candidate of candidates) {
            const write = candidate();
            if (write && this.attachCustomFields(write, true)) return write;
        }
        return null;
    }

    /** Sends one planned write and waits for the checkout to be ready. False stops the write loop. */
    private async executeWrite(write: PlannedWrite): Promise<boolean> {
        // The last line of defence: a body the API would reject for its structure is never sent. Reaching
        // this means a planner bug; the edits fail visibly (values kept) instead of the request going out.
        if (patchBodyViolations(write.body, write.resource).length > 0) {
            this.failCarried(write, labels.errorRejected, ENGINE_CODES.forbiddenBody);
            return true;
        }
        for (const [key] of write.carried) {
            const edit = this.edits.get(key);
            if (edit) edit.status = 'saving';
        }
        this.inFlight = write;
        this.changed();
        try {
            const sent = await this.send(
                'PATCH',
                write.path,
                { body: write.body, query: this.query(false) },
                write.kind
            );
            if ('failure' in sent) {
                if (sent.failure === 'cancelled') return false;
                this.failWrite(write, sent.failure);
                return true;
            }
            const { status, body } = sent.response;
            let readiness: Readiness;
            if (status === 200 && write.resource === 'checkout' && isCheckoutBody(body)) {
                this.applyCheckout(body);
                readiness = 'ready';
            } else if (status === 200 || status === 202) {
                readiness = await this.waitUntilReady(write.kind);
            } else if (status === 404 || status === 410) {
                readiness = 'gone';
            } else {
                const { code, message } = serverMessage(body);
                this.failCarried(
                    write,
                    message || labels.errorRejected,
                    code || ENGINE_CODES.rejected
                );
                return true;
            }
            if (readiness === 'gone') {
                this.inFlight = null;
                return this.restart();
            }
            if (readiness === 'cancelled') return false;
            if (readiness === 'timeout') {
                this.failCarried(write, labels.errorTimeout, ENGINE_CODES.timeout);
                return true;
            }
            this.confirm(write, readiness === 'calculator-error');
            return true;
        } finally {
            this.inFlight = null;
            this.changed();
        }
    }

    /** The server has the carried values: forget the edits that were not replaced meanwhile. */
    private confirm(write: PlannedWrite, calculatorFailed: boolean): void {
        this.restarts = 0;
        for (const code of [
            ENGINE_CODES.conflict,
            ENGINE_CODES.network,
            ENGINE_CODES.server,
            ENGINE_CODES.restarted
        ]) {
            this.engineMessages.delete(code);
        }
        for (const [key, carried] of write.carried) {
            const edit = this.edits.get(key);
            if (!edit) continue;
            if (edit.revision !== carried.revision) {
                if (edit.status === 'saving') edit.status = 'pending';
            } else if (
                calculatorFailed &&
                !this.equalForKey(key, carried.value, this.serverValue(key))
            ) {
                // A failed calculation may leave the value unapplied: keep it, shown as failed, for retryFailed.
                Object.assign(edit, {
                    status: 'failed',
                    message: labels.errorCalculation,
                    code: ENGINE_CODES.calculation
                });
            } else {
                this.edits.delete(key);
            }
        }
        // A failed calculation says nothing reliable about the methods: keep the shopper's choice silently.
        if (!calculatorFailed && write.kind === 'shipping' && write.groupId) {
            const addressKey = groupKey(write.groupId, 'deliveryAddress');
            this.reapplyMethodIntent(write.groupId, write.carried.has(addressKey));
        }
        this.dropEditsMatchingServer(true);
    }

    /**
     * A shipping write can reset the delivery method: bring back the shopper's choice when still offered. Only
     * a changed address explains a vanished method; otherwise the method is just no longer offered.
     */
    private reapplyMethodIntent(groupId: string, addressChanged: boolean): void {
        const intended = this.methodIntent.get(groupId);
        const group = this.group(groupId);
        const key = groupKey(groupId, 'deliveryMethodId');
        // No methods offered (e.g. the shipping calculator failed): keep the intent for the next answer.
        if (!intended || !group || this.edits.has(key) || !group.availableDeliveryMethods?.length)
            return;
        if (group.selectedDeliveryMethod?.id === intended) return;
        if (group.availableDeliveryMethods?.some((method) => method.id === intended)) {
            this.edits.set(key, { value: intended, status: 'pending', revision: ++this.revision });
        } else {
            this.methodIntent.delete(groupId);
            const [code, message] = addressChanged
                ? [ENGINE_CODES.methodReset, labels.deliveryMethodReset]
                : [ENGINE_CODES.methodUnavailable, labels.deliveryMethodUnavailable];
            this.engineMessage(`${code}|${groupId}`, 'deliveryMethod', message, 'info', groupId);
        }
    }

    private failWrite(write: PlannedWrite, failure: 'network' | 'server' | 'conflict'): void {
        const [code, message] =
            failure === 'conflict'
                ? [ENGINE_CODES.conflict, labels.errorConflict]
                : failure === 'server'
                  ? [ENGINE_CODES.server, labels.errorServer]
                  : [ENGINE_CODES.network, labels.errorNetwork];
        this.failCarried(write, message, code);
        this.engineMessage(code, 'checkout', message);
    }

    /** The carried edits become `failed` with their values kept; newer edits of the same fields stay pending. */
    private failCarried(write: PlannedWrite, message: string, code: string): void {
        for (const [key, carried] of write.carried) {
            const edit = this.edits.get(key);
            if (!edit) continue;
            if (edit.revision === carried.revision)
                Object.assign(edit, { status: 'failed', message, code });
            else if (edit.status === 'saving') edit.status = 'pending';
        }
        this.changed();
    }

    private failEdit(key: FieldKey, message: string, code: string): void {
        const edit = this.edits.get(key);
        if (edit) Object.assign(edit, { status: 'failed', message, code });
        this.changed();
    }

    // -----------------------------------------------------------------------------------------------------
    // Requests, retries and readiness
    // -----------------------------------------------------------------------------------------------------

    /**
     * One mutating request with its bounded retries: 5xx and network failures back off and retry; a 409
     * (someone else's write still running) waits for readiness, then retries after a jittered back-off.
     * Offline, it waits for the `online` event first.
     */
    private async send(
        method: HttpMethod,
        path: string,
        options: { body?: unknown; query?: Record<string, string> },
        kind: OperationKind
    ): Promise<SendResult> {
        let faults = 0;
        let conflicts = 0;
        for (;;) {
            if (this.disposed) return { failure: 'cancelled' };
            await this.whenOnline();
            if (this.disposed) return { failure: 'cancelled' };
            let response: HttpResponse;
            try {
                response = await this.transport.connect(method, path, options);
            } catch {
                if (this.disposed) return { failure: 'cancelled' };
                if (!this.connectivity.isOnline()) continue; // wait for `online`, not a fault
                faults += 1;
                if (faults > this.retry.maxFaultRetries) return { failure: 'network' };
                await this.delay(this.backoff(faults));
                continue;
            }
            if (this.disposed) return { failure: 'cancelled' };
            if (response.status >= 500) {
                faults += 1;
                if (faults > this.retry.maxFaultRetries) return { failure: 'server', response };
                await this.delay(this.backoff(faults));
                continue;
            }
            // 409: someone else's write is running; 423: the cart row is locked. Both clear by themselves.
            if (response.status === 409 || response.status === 423) {
                conflicts += 1;
                if (conflicts > this.retry.maxConflictRetries)
                    return { failure: 'conflict', response };
                // Repeated conflicts: the session tells whether something else is processing.
                if (conflicts >= 2) await this.readSession();
                if (this.checkoutId && kind !== 'start') {
                    const readiness = await this.waitUntilReady('conflict');
                    if (readiness === 'cancelled') return { failure: 'cancelled' };
                    if (readiness === 'gone') return { response: { status: 404, body: null } };
                }
                await this.delay(this.backoff(conflicts));
                continue;
            }
            return { response };
        }
    }

    /** Full jitter on an exponential step: spreads retries from several tabs apart. */
    private backoff(attempt: number): number {
        const ceiling = Math.min(
            this.retry.maxDelayMs,
            this.retry.baseDelayMs * 2 ** (attempt - 1)
        );
        return Math.round(ceiling / 2 + (this.random() * ceiling) / 2);
    }

    private delay(ms: number): Promise<void> {
        if (this.disposed) return Promise.resolve();
        return new Promise((resolve) => {
            const done = (): void => {
                this.cancelers.delete(cancel);
                resolve();
            };
            const id = this.clock.setTimeout(done, ms);
            const cancel = (): void => {
                this.clock.clearTimeout(id);
                done();
            };
            this.cancelers.add(cancel);
        });
    }

    private async whenOnline(): Promise<void> {
        if (this.connectivity.isOnline() || this.disposed) return;
        this.engineMessage(ENGINE_CODES.offline, 'checkout', labels.errorOffline, 'warning');
        await new Promise<void>((resolve) => {
            const done = (): void => {
                stop();
                this.cancelers.delete(done);
                resolve();
            };
            const stop = this.connectivity.onOnline(done);
            this.cancelers.add(done);
        });
        this.engineMessages.delete(ENGINE_CODES.offline);
        this.changed();
    }

    /** GET the checkout until 200 or 422 (202 means the calculators still run). */
    private async waitUntilReady(kind: OperationKind): Promise<Readiness> {
        const checkoutId = this.checkoutId;
        if (!checkoutId) return 'gone';
        this.awaitingReadiness = true;
        this.changed();
        try {
            const result = await pollUntilSettled<HttpResponse>({
                kind,
                clock: this.clock,
                tuning: this.polling,
                estimator: this.estimator,
                probe: async (signal) => {
                    const response = await this.transport.connect(
                        'GET',
                        `/checkouts/${checkoutId}`,
                        {
                            query: this.query(true),
                            signal
                        }
                    );
                    const settled = [200, 404, 410, 422].includes(response.status);
                    return settled ? { settled: true, value: response } : { settled: false };
                },
                isCancelled: () => this.disposed,
                isInterested: () => this.isInterested(),
                whenInterested: () =>
                    new Promise<void>((resolve) => this.interestWaiters.push(resolve))
            });
            if (result.outcome !== 'settled') {
                if (result.outcome === 'cancelled') return 'cancelled';
                this.engineMessage(ENGINE_CODES.timeout, 'checkout', labels.errorTimeout);
                return 'timeout';
            }
            const { status, body } = result.value;
            if (status === 404 || status === 410) return 'gone';
            if (isCheckoutBody(body)) this.applyCheckout(body);
            this.engineMessages.delete(ENGINE_CODES.timeout);
            if (status === 422) {
                // A calculator failed: the session tells whether the checkout is in error.
                await this.readSession();
                return 'calculator-error';
            }
            if (this.session?.isError || this.session?.isProcessing) await this.readSession();
            return 'ready';
        } finally {
            this.awaitingReadiness = false;
            this.changed();
        }
    }

    /** Reads CartCheckoutSession once (single-flight). A failed read keeps the last known session. */
    private readSession(): Promise<void> {
        const checkoutId = this.checkoutId;
        if (!checkoutId || this.disposed) return Promise.resolve();
        if (!this.sessionRead) {
            this.sessionRead = this.transport
                .getSession(checkoutId)
                .then(
                    (session) => {
                        if (!this.disposed) this.session = session;
                    },
                    () => undefined
                )
                .finally(() => {
                    this.sessionRead = null;
                    this.changed();
                });
        }
        return this.sessionRead;
    }

    /**
     * Polling pauses only when components subscribed and all have gone (nothing listens) and no shopper input
     * or order depends on the answer. A headless store (no subscriber ever) never pauses.
     */
    private isInterested(): boolean {
        if (!this.everSubscribed || this.listeners.size > 0) return true;
        if (this.pendingCallers > 0 || this.idleWaiters.length > 0) return true;
        return [...this.edits.values()].some(
            (edit) => edit.status === 'pending' || edit.status === 'saving'
        );
    }

    private wakeInterest(): void {
        this.interestWaiters.splice(0).forEach((resolve) => resolve());
    }

    /** Counts a public promise as interest while it is pending. */
    private hold<T>(promise: Promise<T>): Promise<T> {
        this.pendingCallers += 1;
        this.wakeInterest();
        return promise.finally(() => {
            this.pendingCallers -= 1;
        });
    }

    // -----------------------------------------------------------------------------------------------------
    // Account addresses and CPQ totals
    // -----------------------------------------------------------------------------------------------------

    loadAccountAddresses(): Promise<void> {
        return this.hold(this.readAccountAddresses());
    }

    private async readAccountAddresses(): Promise<void> {
        if (this.isGuest) return;
        const accountId = this.effectiveAccountId ?? this.checkout?.cartSummary?.accountId;
        if (!accountId) return;
        try {
            const response = await this.transport.connect(
                'GET',
                `/accounts/${accountId}/addresses`,
                {
                    query: { ...this.query(false), addressType: 'Shipping', pageSize: '100' }
                }
            );
            const items = isObject(response.body) ? response.body.items : undefined;
            if (response.status === 200 && Array.isArray(items)) {
                this.accountAddresses = items as AccountAddress[];
                this.changed();
            }
        } catch {
            // Saved addresses are a convenience: the shopper can still type an address.
        }
    }

    /**
     * Industries CPQ carts: names the CPQ cart (Order, Quote or Opportunity) and its namespace, then reads the
     * one-time and recurring totals. Components call it from their admin settings; load() reads them again.
     */
    useCpqCart(cart: { namespace: string; cartId?: string }): Promise<void> {
        const current = this.options.cpq;
        if (current?.namespace === cart.namespace && current?.cartId === cart.cartId) {
            return Promise.resolve();
        }
        this.options.cpq = { ...cart };
        this.cpqTotals = {};
        this.changed();
        return this.checkout ? this.hold(this.readCpqSummary()) : Promise.resolve();
    }

    private async readCpqSummary(): Promise<void> {
        const cpq = this.options.cpq;
        // Only a named CPQ cart: the checkout's WebCart is not one.
        const cartId = cpq?.cartId;
        if (!cpq || !cartId) return;
        try {
            const response: CpqResponse = await this.transport.getCpqCartSummary({
                cartId,
                namespace: cpq.namespace
            });
            const record = response?.records?.[0];
            const money = (value: unknown): string | undefined =>
                typeof value === 'number' || typeof value === 'string'
                    ? Number(value).toFixed(2)
                    : undefined;
            this.cpqTotals = {
                oneTime: money(record?.EffectiveOneTimeTotal__c),
                recurring: money(record?.EffectiveRecurringTotal__c)
            };
            this.changed();
        } catch {
            // Totals from the checkout still show; only the CPQ split is missing.
        }
    }

    // -----------------------------------------------------------------------------------------------------
    // Order submission
    // -----------------------------------------------------------------------------------------------------

    placeOrder(settings: SubmissionSettings = { strategy: 'commerce' }): Promise<OrderResult> {
        // Success, and failures that trying again cannot help (or that may have placed the order), are final.
        if (this.order && !this.order.canRetry) return Promise.resolve(this.order);
        if (!this.submitPromise) {
            this.submitPromise = this.hold(this.runPlaceOrder(settings)).finally(() => {
                this.submitPromise = null;
            });
        }
        return this.submitPromise;
    }

    private async runPlaceOrder(settings: SubmissionSettings): Promise<OrderResult> {
        if (!this.checkoutId && !this.loading) await this.load();
        await this.whenIdle();
        // Custom fields waiting here or in another store of this checkout on the page go first, if they can.
        await Promise.all(
            [...pageStores]
                .filter((store) => store === this || store.checkoutId === this.checkoutId)
                .map((store) => store.carryWaitingCustomFields())
        );
        const cpqCartId = settings.cartId ?? this.options.cpq?.cartId;
        if (settings.strategy === 'cpq' && (!cpqCartId || !this.cpqNamespace(settings))) {
            // The checkout's WebCart is not a CPQ cart: without a named one an admin must act.
            const result = orderResult({
                strategy: 'cpq',
                outcome: 'configuration',
                code: 'SUBMIT-1005',
                message: labels.cpqSubmit1005
            });
            this.clearOrderMessages();
            this.reportOrderFailure(result);
            return this.setOrder(result);
        }
        const key =
            settings.strategy === 'cpq' ? `cpq:${cpqCartId}` : `commerce:${this.checkoutId}`;
        const placed = placedOrders.get(key);
        if (placed) return this.setOrder(placed);
        const running = submissionsInFlight.get(key);
        if (running) return this.setOrder(await running);

        const blockers = this.blockers().filter((blocker) => blocker !== 'submitting');
        if (blockers.length > 0) {
            this.engineMessage(ENGINE_CODES.orderBlocked, 'order', labels.orderBlocked);
            return orderResult({
                strategy: settings.strategy,
                outcome: 'rejected',
                code: ENGINE_CODES.orderBlocked,
                message: labels.orderBlocked
            });
        }
        this.engineMessages.delete(ENGINE_CODES.orderBlocked);
        this.clearOrderMessages();
        const submission =
            settings.strategy === 'cpq' ? this.submitCpq(settings) : this.submitCommerce();
        submissionsInFlight.set(key, submission);
        this.submitting = true;
        this.changed();
        try {
            const result = await submission;
            if (result.outcome === 'success') placedOrders.set(key, result);
            return this.setOrder(result);
        } finally {
            submissionsInFlight.delete(key);
            this.submitting = false;
            this.changed();
        }
    }

    private setOrder(result: OrderResult): OrderResult {
        this.order = orderResult(result);
        this.changed();
        return this.order;
    }

    /**
     * A failed order is said once, as an `order` message (several for a 412 that lists several errors); the
     * OrderResult carries the same text for callers of placeOrder(), not for display.
     */
    private reportOrderFailure(result: OrderResult): void {
        this.engineMessage(
            ENGINE_CODES.orderFailed,
            'order',
            result.message,
            'error',
            undefined,
            result.code
        );
    }

    private cpqNamespace(settings: SubmissionSettings): string | undefined {
        return settings.namespace ?? this.options.cpq?.namespace;
    }

    private clearOrderMessages(): void {
        for (const [id, message] of this.engineMessages) {
            if (message.scope === 'order') this.engineMessages.delete(id);
        }
    }

    /** POST …/orders: 201 with the order reference number; 412/422 say what is missing. */
    private async submitCommerce(): Promise<OrderResult> {
        const sent = await this.send(
            'POST',
            `/checkouts/${this.checkoutId}/orders`,
            { query: this.query(true) },
            'conflict'
        );
        if ('failure' in sent) {
            // The server is idempotent per checkout, so trying again can never place a second order.
            const message = sent.failure === 'network' ? labels.errorNetwork : labels.orderFailed;
            const failed: OrderResult = {
                strategy: 'commerce',
                outcome: 'retryable',
                code: ENGINE_CODES.orderFailed,
                message
            };
            this.reportOrderFailure(failed);
            return failed;
        }
        const { status, body } = sent.response;
        const reference = isObject(body) ? body.orderReferenceNumber : undefined;
        if ((status === 200 || status === 201) && typeof reference === 'string' && reference) {
            void this.learnOrderId();
            return {
                strategy: 'commerce',
                outcome: 'success',
                orderReferenceNumber: reference,
                message: labels.orderPlaced
            };
        }
        if (status === 404 || status === 410) {
            // The session may already be complete (another tab placed the order).
            await this.readSession();
            const existing = this.session?.orderReferenceNumber;
            if (existing) {
                return {
                    strategy: 'commerce',
                    outcome: 'success',
                    orderReferenceNumber: existing,
                    orderId: this.session?.orderId ?? undefined,
                    message: labels.orderPlaced
                };
            }
        }
        // Refused: refresh the checkout so the snapshot shows what the server holds now (another tab may have
        // changed it), then show every error.
        if (status !== 404 && status !== 410) await this.waitUntilReady('conflict');
        const errors: CheckoutError[] =
            isObject(body) && Array.isArray(body.errors) ? (body.errors as CheckoutError[]) : [];
        if (errors.length === 0) errors.push({ detail: serverMessage(body).message });
        errors.forEach((error, index) =>
            this.engineMessage(
                `${ENGINE_CODES.orderFailed}|${index}`,
                'order',
                errorText(error, labels.orderFailed),
                'error',
                undefined,
                error.type ?? `HTTP_${status}`
            )
        );
        return {
            strategy: 'commerce',
            outcome: 'rejected',
            code: `HTTP_${status}`,
            message: errorText(errors[0], labels.orderFailed)
        };
    }

    /**
     * After place order the session learns the Order id: read it a few times, without holding the shopper. Every
     * read waits on a timer first, so a store disposed as soon as the order is placed sends none.
     */
    private async learnOrderId(): Promise<void> {
        for (const wait of [250, 500, 1500]) {
            await this.delay(wait);
            if (this.disposed) return;
            await this.readSession();
            const orderId = this.session?.orderId;
            if (orderId && this.order?.outcome === 'success') {
                this.setOrder({ ...this.order, orderId });
                return;
            }
        }
    }

    private async submitCpq(settings: SubmissionSettings): Promise<OrderResult> {
        // runPlaceOrder refuses a CPQ submission without a named cart and namespace.
        const namespace = this.cpqNamespace(settings) as string;
        const cartId = (settings.cartId ?? this.options.cpq?.cartId) as string;
        let result: OrderResult;
        try {
            const response = await this.transport.submitCpq({
                cartId,
                namespace,
                // An active order is refused, so a retry after a lost answer cannot submit twice.
                checkOrderStatus: settings.checkOrderStatus ?? true,
                validateSubmittedXLI: settings.validateSubmittedXLI ?? false
            });
            result = cpqResult(response);
        } catch (error) {
            result = cpqFailure(error);
            if (result.code === ENGINE_CODES.network) result.message = labels.errorNetwork;
        }
        if (result.outcome !== 'success') this.reportOrderFailure(result);
        return result;
    }

    // -----------------------------------------------------------------------------------------------------
    // Idle, dispose
    // -----------------------------------------------------------------------------------------------------

    private isIdle(): boolean {
        return (
            !this.loading &&
            !this.loadRunning &&
            !this.pumping &&
            !this.pumpScheduled &&
            !this.inFlight &&
            !this.awaitingReadiness &&
            !this.submitting
        );
    }

    whenIdle(): Promise<void> {
        if (this.disposed || this.isIdle()) return Promise.resolve();
        return new Promise((resolve) => {
            this.idleWaiters.push(resolve);
            this.wakeInterest();
        });
    }

    dispose(): void {
        if (this.disposed) return;
        this.disposed = true;
        pageStores.delete(this);
        this.listeners.clear();
        [...this.cancelers].forEach((cancel) => cancel());
        this.wakeInterest();
        this.idleWaiters.splice(0).forEach((resolve) => resolve());
    }

    // -----------------------------------------------------------------------------------------------------
    // Snapshot
    // -----------------------------------------------------------------------------------------------------

    private engineMessage(
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
        this.engineMessages.set(id, entry);
        this.changed();
    }

    private blockers(): PlaceOrderBlocker[] {
        const blockers: PlaceOrderBlocker[] = [];
        const checkout = this.checkout;
        if (this.order?.outcome === 'success') blockers.push('complete');
        if (this.submitting) blockers.push('submitting');
        if (!checkout || !this.checkoutId || this.loading) {
            blockers.push('not-loaded');
            return blockers;
        }
        const edits = [...this.edits.values()];
        if (this.inFlight || edits.some((edit) => !edit.invalid)) blockers.push('pending-edits');
        if (this.validation.size > 0 || edits.some((edit) => edit.invalid))
            blockers.push('invalid-input');
        if (this.awaitingReadiness || this.session?.isProcessing) blockers.push('processing');
        if (this.session?.isError || (checkout.errors?.length ?? 0) > 0)
            blockers.push('session-error');
        if (this.isGuest && !checkout.contactInfo?.email) blockers.push('missing-contact');
        const shipped = checkout.deliveryGroups.items.filter(
            (group) => !group.isAllDigitalCartItems
        );
        if (shipped.some((group) => !group.deliveryAddress?.street))
            blockers.push('missing-address');
        if (shipped.some((group) => !group.selectedDeliveryMethod?.id))
            blockers.push('missing-delivery-method');
        return blockers;
    }

    private phase(): CheckoutSnapshot['phase'] {
        if (this.order?.outcome === 'success') return 'complete';
        if (this.submitting) return 'submitting';
        if (this.loading || (!this.checkout && !this.loadFailed)) return 'loading';
        if (this.loadFailed && !this.checkout) return 'error';
        if (this.inFlight && !this.awaitingReadiness) return 'saving';
        if (this.awaitingReadiness || this.session?.isProcessing) return 'processing';
        const failedWrite = [...this.edits.values()].some(
            (edit) => edit.status === 'failed' && !edit.invalid
        );
        if (
            this.session?.isError ||
            (this.checkout?.errors?.length ?? 0) > 0 ||
            failedWrite ||
            this.loadFailed
        ) {
            return 'error';
        }
        if ([...this.edits.values()].some((edit) => edit.status === 'pending')) return 'saving';
        return 'ready';
    }

    private messages(): CheckoutMessage[] {
        const messages: CheckoutMessage[] = [];
        const checkout = this.checkout;
        (checkout?.errors ?? []).forEach((error, index) => {
            const scope: MessageScope = error.type?.includes('shipping') ? 'shipping' : 'checkout';
            messages.push({
                id: `server:${index}:${error.type ?? ''}`,
                severity: 'error',
                scope,
                code: error.type ?? 'CHECKOUT_ERROR',
                message: errorText(error, labels.errorCalculation)
            });
        });
        for (const group of checkout?.deliveryGroups.items ?? []) {
            (group.errors ?? []).forEach((error, index) => {
                messages.push({
                    id: `server:${group.id}:${index}:${error.type ?? ''}`,
                    severity: 'error',
                    scope: 'shipping',
                    groupId: group.id,
                    code: error.type ?? 'CHECKOUT_ERROR',
                    message: errorText(error, labels.errorCalculation)
                });
            });
        }
        if (this.session?.isError) {
            messages.push({
                id: 'session:error',
                severity: 'error',
                scope: 'session',
                code: ENGINE_CODES.session,
                message: labels.errorSession
            });
        }
        for (const [key, edit] of this.edits) {
            if (edit.status !== 'failed' || edit.invalid || !edit.message) continue;
            const { scope, groupId } = scopeOf(key);
            const message: CheckoutMessage = {
                id: `edit:${key}`,
                severity: 'error',
                scope,
                field: key,
                code: edit.code ?? ENGINE_CODES.rejected,
                message: edit.message
            };
            if (groupId) message.groupId = groupId;
            messages.push(message);
        }
        for (const key of this.waitingKeys()) {
            const { scope, groupId } = scopeOf(key);
            const message: CheckoutMessage = {
                id: `edit:${key}`,
                severity: 'info',
                scope,
                field: key,
                code: ENGINE_CODES.customFieldsWaiting,
                message: labels.customFieldsWaiting
            };
            if (groupId) message.groupId = groupId;
            messages.push(message);
        }
        messages.push(...this.engineMessages.values());
        return messages;
    }

    /** The custom fields shown as waiting for a carrier. */
    private waitingKeys(): Set<FieldKey> {
        return new Set(this.customWaiting && !this.pumping ? this.pendingCustomKeys() : []);
    }

    private totals(): CheckoutTotals | null {
        const summary = this.checkout?.cartSummary;
        if (!summary) return null;
        const fees = (this.checkout?.deliveryGroups.items ?? []).map(
            (group) =>
                group.selectedDeliveryMethod?.adjustedShippingFee ??
                group.selectedDeliveryMethod?.shippingFee
        );
        const totals: CheckoutTotals = {
            currencyIsoCode: summary.currencyIsoCode,
            subtotal: summary.totalProductAmount,
            promotions: summary.totalPromotionalAdjustmentAmount ?? '0.00',
            shipping: summary.totalChargeAmount ?? addMoney(fees),
            tax: summary.totalTaxAmount,
            grandTotal: summary.grandTotalAmount
        };
        if (this.cpqTotals.oneTime !== undefined) totals.oneTimeTotal = this.cpqTotals.oneTime;
        if (this.cpqTotals.recurring !== undefined)
            totals.recurringTotal = this.cpqTotals.recurring;
        return totals;
    }

    private buildSnapshot(): CheckoutSnapshot {
        const editValue = (key: FieldKey): { value: unknown } | undefined => {
            const edit = this.edits.get(key);
            return edit ? { value: edit.value } : undefined;
        };
        const contactInfo: ContactInfo = { ...(this.checkout?.contactInfo ?? {}) };
        for (const field of CONTACT_FIELDS) {
            const edit = editValue(contactKey(field));
            if (edit) (contactInfo as Record<string, unknown>)[field] = edit.value;
        }
        const deliveryGroups: DeliveryGroupView[] = (this.checkout?.deliveryGroups.items ?? []).map(
            (group) => {
                const view: DeliveryGroupView = {
                    ...group,
                    availableDeliveryMethods: group.availableDeliveryMethods ?? [],
                    selectedDeliveryMethodId: group.selectedDeliveryMethod?.id ?? null,
                    requiresShipping: !group.isAllDigitalCartItems
                };
                for (const field of SHIPPING_FIELDS) {
                    const edit = editValue(groupKey(group.id, field));
                    if (edit)
                        (view as unknown as Record<ShippingField, unknown>)[field] = edit.value;
                }
                const method = editValue(groupKey(group.id, 'deliveryMethodId'));
                if (method && typeof method.value === 'string')
                    view.selectedDeliveryMethodId = method.value;
                return Object.freeze(view);
            }
        );
        const edits: Record<FieldKey, FieldEdit> = {};
        const waiting = this.waitingKeys();
        for (const [key, edit] of this.edits) {
            const message = waiting.has(key) ? labels.customFieldsWaiting : edit.message;
            edits[key] = Object.freeze(
                message
                    ? { status: edit.status, value: edit.value, message }
                    : { status: edit.status, value: edit.value }
            );
        }
        const blockers = this.blockers();
        return Object.freeze({
            phase: this.phase(),
            checkoutId: this.checkoutId,
            checkout: this.checkout,
            contactInfo: Object.freeze(contactInfo),
            deliveryGroups: Object.freeze(deliveryGroups) as DeliveryGroupView[],
            totals: this.totals(),
            session: this.session,
            isGuest: this.isGuest,
            edits: Object.freeze(edits),
            validation: Object.freeze(Object.fromEntries(this.validation)),
            messages: Object.freeze(this.messages()),
            accountAddresses: Object.freeze([...this.accountAddresses]),
            order: this.order,
            canPlaceOrder: blockers.length === 0,
            placeOrderBlockers: Object.freeze(blockers)
        });
    }
}

/** A store instance: one per checkout on a page (components share the page's default one). */
export function createCheckoutStore(options: StoreOptions): CheckoutStore {
    return new Store(options);
}
