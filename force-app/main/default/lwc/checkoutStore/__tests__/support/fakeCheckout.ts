/**
 * The one shared test helper for the engine: a fake clock and a scripted fake Commerce checkout server
 * behind the CheckoutTransport interface. The server's PATCH rules are written here independently of
 * patchRules.ts (from the contract's table), so a bug in one is caught by the other.
 */
import { createCheckoutStore } from '../../store';
import type {
    CheckoutAddress,
    CheckoutSessionRecord,
    CheckoutStore,
    CheckoutTransport,
    ContactInfo,
    CpqCartSummary,
    CpqSubmission,
    CpqSubmitRequest,
    DeliveryMethod,
    HttpMethod,
    HttpResponse,
    StoreOptions
} from '../../types';

// ---------------------------------------------------------------------------------------------------------
// Clock
// ---------------------------------------------------------------------------------------------------------

interface Timer {
    at: number;
    order: number;
    fn: () => void;
}

/** Drains pending microtasks (promise chains) without moving fake time. */
export async function flushMicrotasks(rounds = 40): Promise<void> {
    for (let i = 0; i < rounds; i += 1) await Promise.resolve();
}

export class FakeClock {
    private current = 1_000_000;
    private order = 0;
    private readonly timers = new Map<number, Timer>();

    now(): number {
        return this.current;
    }

    setTimeout(fn: () => void, ms: number): unknown {
        const id = ++this.order;
        this.timers.set(id, { at: this.current + Math.max(0, ms), order: id, fn });
        return id;
    }

    clearTimeout(id: unknown): void {
        this.timers.delete(id as number);
    }

    get pendingTimers(): number {
        return this.timers.size;
    }

    private nextTimer(): [number, Timer] | undefined {
        let best: [number, Timer] | undefined;
        for (const entry of this.timers) {
            const [, timer] = entry;
            if (
                !best ||
                timer.at < best[1].at ||
                (timer.at === best[1].at && timer.order < best[1].order)
            ) {
                best = entry;
            }
        }
        return best;
    }

    private async runNext(limit: number): Promise<boolean> {
        const next = this.nextTimer();
        if (!next || next[1].at > limit) return false;
        this.timers.delete(next[0]);
        this.current = Math.max(this.current, next[1].at);
        next[1].fn();
        await flushMicrotasks();
        return true;
    }

    /** Moves time forward by `ms`, running every timer due on the way, in order. */
    async advance(ms: number): Promise<void> {
        const target = this.current + ms;
        await flushMicrotasks();
        while (await this.runNext(target)) {
            // keep running due timers
        }
        this.current = target;
        await flushMicrotasks();
    }

    /** Runs timers until `condition` holds; throws when time runs out first (so a hang fails the test). */
    async runUntil(condition: () => boolean, limitMs = 10 * 60 * 1000): Promise<void> {
        const limit = this.current + limitMs;
        await flushMicrotasks();
        while (!condition()) {
            if (!(await this.runNext(limit))) {
                await new Promise((resolve) => setTimeout(resolve, 0));
                if (condition()) return;
                throw new Error(`condition not met by ${limitMs} ms of fake time`);
            }
        }
    }

    /** Runs until `promise` settles. */
    async resolve<T>(promise: Promise<T>, limitMs?: number): Promise<T> {
        let settled = false;
        const tracked = promise.finally(() => {
            settled = true;
        });
        await this.runUntil(() => settled, limitMs);
        return tracked;
    }
}

// ---------------------------------------------------------------------------------------------------------
// The contract's PATCH rules, written independently of patchRules.ts
// ---------------------------------------------------------------------------------------------------------

const FORBIDDEN_PAIRS = [
    'deliveryAddress+deliveryMethodId',
    'desiredDeliveryDate+deliveryMethodId',
    'shippingInstructions+deliveryMethodId',
    'desiredDeliveryDate+contactInfo',
    'shippingInstructions+contactInfo',
    'deliveryMethodId+contactInfo'
];

export function contractRejects(
    body: Record<string, unknown>,
    resource: 'checkout' | 'group'
): string | null {
    const keys = Object.keys(body).filter((key) => body[key] !== undefined);
    const known =
        resource === 'checkout'
            ? [
                  'contactInfo',
                  'deliveryAddress',
                  'desiredDeliveryDate',
                  'shippingInstructions',
                  'deliveryMethodId',
                  'customFields'
              ]
            : [
                  'deliveryAddress',
                  'desiredDeliveryDate',
                  'shippingInstructions',
                  'deliveryMethodId'
              ];
    if (keys.length === 0) return 'empty';
    const unknown = keys.find((key) => !known.includes(key));
    if (unknown) return `unknown property ${unknown}`;
    for (const pair of FORBIDDEN_PAIRS) {
        const [a, b] = pair.split('+');
        if (keys.includes(a) && keys.includes(b)) return pair;
    }
    if (keys.includes('customFields')) {
        const others = keys.filter((key) => key !== 'customFields');
        const items = body.customFields as Array<{ attributes?: { type?: string } }>;
        if (others.length === 0) return 'customFields alone';
        if (others.length === 1 && others[0] === 'shippingInstructions')
            return 'customFields with shippingInstructions only';
        if (!Array.isArray(items) || items.length === 0 || items.length > 21)
            return 'customFields size';
        const types = items.map((item) => item.attributes?.type);
        if (types.filter((type) => type === 'WebCart').length > 1) return 'two WebCarts';
        if (types.some((type) => type !== 'WebCart' && type !== 'CartDeliveryGroup'))
            return 'bad type';
        if (keys.includes('contactInfo') && types.includes('CartDeliveryGroup'))
            return 'contactInfo with CartDeliveryGroup fields';
    }
    return null;
}

// ---------------------------------------------------------------------------------------------------------
// The fake server
// ---------------------------------------------------------------------------------------------------------

export interface RecordedRequest {
    method: HttpMethod | 'APEX';
    path: string;
    query?: Record<string, string>;
    body?: unknown;
    status: number | 'network';
    sentAt: number;
    answeredAt: number;
}

/** `hang`: no answer ever comes, until the caller aborts (as fetch rejects on its AbortSignal). */
export type ScriptedAnswer = { status: number; body?: unknown } | 'network' | 'hang';

interface ScriptEntry {
    method: HttpMethod;
    pathIncludes: string;
    answer: ScriptedAnswer;
}

interface FakeGroup {
    id: string;
    isDefault: boolean;
    isAllDigitalCartItems: boolean;
    deliveryAddress: CheckoutAddress | null;
    desiredDeliveryDate: string | null;
    shippingInstructions: string | null;
    selectedMethodId: string | null;
    customFields: Record<string, unknown>;
}

export interface FakeServerOptions {
    guest?: boolean;
    groups?: number;
    /** Default group starts with an address and a selected method (a returning buyer). */
    withAddress?: boolean;
    contactInfo?: ContactInfo | null;
    latencyMs?: number;
    processingMs?: {
        start?: number;
        shipping?: number;
        deliveryMethod?: number;
        customFields?: number;
    };
}

let checkoutCounter = 0;

/** `variant`: the shipping calculator's new records for a new address (the same methods, new ids). */
const methodsFor = (groupId: string, variant = ''): DeliveryMethod[] => [
    {
        id: `2Dm-std-${groupId}${variant}`,
        name: 'Standard',
        carrier: 'UPS',
        shippingFee: '5.00',
        currencyIsoCode: 'USD'
    },
    {
        id: `2Dm-exp-${groupId}${variant}`,
        name: 'Express',
        carrier: 'UPS',
        shippingFee: '15.00',
        currencyIsoCode: 'USD'
    }
];

/** The account's one saved shipping address. */
export const SAVED_ADDRESS_ID = '8lW1';

/** The default delivery group's id, and its standard and express methods' ids (no id variant). */
export const DEFAULT_GROUP = '0a70000000000AAA';
export const STANDARD = `2Dm-std-${DEFAULT_GROUP}`;
export const EXPRESS = `2Dm-exp-${DEFAULT_GROUP}`;
/** The answer to a request on an expired checkout. */
export const GONE = {
    status: 410,
    body: [{ errorCode: 'GONE', message: 'This checkout expired.' }]
};

export const SAMPLE_ADDRESS: CheckoutAddress = {
    name: 'Alan Johnson',
    firstName: 'Alan',
    lastName: 'Johnson',
    street: '415 Mission St',
    city: 'San Francisco',
    region: 'CA',
    postalCode: '94105',
    country: 'US'
};

export class FakeCheckoutServer implements CheckoutTransport {
    readonly requests: RecordedRequest[] = [];
    readonly forbiddenBodies: Array<{ body: unknown; reason: string }> = [];
    readonly script: ScriptEntry[] = [];
    checkoutId: string;
    readonly cartId = '0a6000000000001AAA';
    contactInfo: ContactInfo | null;
    readonly groups: FakeGroup[] = [];
    webCartFields: Record<string, unknown> = {};
    busyUntil = 0;
    /** When set, the next readiness answers 422 with this error, and the session goes into error. */
    failNextCalculation: { type: string; title?: string; detail: string } | null = null;
    lastErrors: Array<{ type: string; title: string; detail: string }> = [];
    session: CheckoutSessionRecord;
    orderReferenceNumber: string | null = null;
    orderPosts = 0;
    /** The payment the checkout holds (cleared by a delivery-method PATCH). */
    payment: Record<string, unknown> | null = null;
    /** Requests answered `hang`: never answered by the server. */
    hungRequests = 0;
    sessionReads = 0;
    cpqCalls: CpqSubmitRequest[] = [];
    /** When set, the CPQ checkout rejects with it (an Apex error object, or a network failure). */
    cpqRejection: unknown = null;
    /** Method ids the shipping calculator no longer offers (e.g. a carrier withdrawn meanwhile). */
    readonly withdrawnMethods = new Set<string>();
    /** Set to give the methods new ids from the next shipping run on (see `methodsFor`). */
    methodIdVariant = '';
    cpqAnswer: CpqSubmission = {
        messages: [{ code: 'SUBMIT-1001', severity: 'INFO', message: 'ok' }],
        records: []
    };
    /** The admin's CPQ policy the cart summary reports (Custom Metadata in an org). */
    cpqCheckOrderStatus = true;
    /** Called on every request before it is answered: lets a test inject random faults. */
    faultInjector: ((method: HttpMethod, path: string) => ScriptedAnswer | null) | null = null;
    private writesInFlight = 0;
    maxWritesInFlight = 0;
    readonly latencyMs: number;
    readonly processingMs: Required<NonNullable<FakeServerOptions['processingMs']>>;
    readonly guest: boolean;

    constructor(
        private readonly clock: FakeClock,
        options: FakeServerOptions = {}
    ) {
        checkoutCounter += 1;
        this.checkoutId = `2z9000000000${String(checkoutCounter).padStart(3, '0')}AAA`;
        this.guest = options.guest ?? true;
        this.latencyMs = options.latencyMs ?? 20;
        this.processingMs = {
            start: 300,
            shipping: 400,
            deliveryMethod: 200,
            customFields: 300,
            ...options.processingMs
        };
        this.contactInfo = options.contactInfo === undefined ? null : options.contactInfo;
        const count = options.groups ?? 1;
        for (let index = 0; index < count; index += 1) {
            const id = `0a7000000000${index}AAA`;
            this.groups.push({
                id,
                isDefault: index === 0,
                isAllDigitalCartItems: false,
                deliveryAddress: options.withAddress
                    ? { ...SAMPLE_ADDRESS, id: `8lW${index}` }
                    : null,
                desiredDeliveryDate: null,
                shippingInstructions: null,
                selectedMethodId: options.withAddress ? methodsFor(id)[0].id : null,
                customFields: {}
            });
        }
        this.session = {
            checkoutId: this.checkoutId,
            isProcessing: false,
            isError: false,
            state: 'Start',
            nextState: null,
            orderId: null,
            orderReferenceNumber: null,
            backgroundOperationId: null
        };
    }

    /** Answers the next request matching `method` and a path fragment with `answer`, once. */
    scriptNext(method: HttpMethod, pathIncludes: string, answer: ScriptedAnswer, times = 1): void {
        for (let i = 0; i < times; i += 1) this.script.push({ method, pathIncludes, answer });
    }

    requestsOf(method: HttpMethod, pathIncludes = ''): RecordedRequest[] {
        return this.requests.filter(
            (request) => request.method === method && request.path.includes(pathIncludes)
        );
    }

    get patches(): RecordedRequest[] {
        return this.requests.filter((request) => request.method === 'PATCH');
    }

    private busy(): boolean {
        return this.clock.now() < this.busyUntil;
    }

    checkoutBody(): Record<string, unknown> {
        const customFields: unknown[] = [];
        if (Object.keys(this.webCartFields).length > 0) {
            customFields.push({
                attributes: { type: 'WebCart' },
                Id: this.cartId,
                ...this.webCartFields
            });
        }
        for (const group of this.groups) {
            if (Object.keys(group.customFields).length > 0) {
                customFields.push({
                    attributes: { type: 'CartDeliveryGroup' },
                    Id: group.id,
                    ...group.customFields
                });
            }
        }
        const fee = this.groups.reduce((sum, group) => {
            const method = methodsFor(group.id, this.methodIdVariant).find(
                (entry) => entry.id === group.selectedMethodId
            );
            return sum + Number(method?.shippingFee ?? 0);
        }, 0);
        return {
            checkoutId: this.checkoutId,
            cartSummary: {
                cartId: this.cartId,
                currencyIsoCode: 'USD',
                totalProductAmount: '100.00',
                totalChargeAmount: fee.toFixed(2),
                totalTaxAmount: '8.00',
                grandTotalAmount: (108 + fee).toFixed(2)
            },
            contactInfo: this.contactInfo ? { ...this.contactInfo } : null,
            deliveryGroups: {
                count: this.groups.length,
                items: this.groups.map((group) => ({
                    id: group.id,
                    isDefault: group.isDefault,
                    isAllDigitalCartItems: group.isAllDigitalCartItems,
                    deliveryAddress: group.deliveryAddress ? { ...group.deliveryAddress } : null,
                    desiredDeliveryDate: group.desiredDeliveryDate,
                    shippingInstructions: group.shippingInstructions,
                    availableDeliveryMethods: group.deliveryAddress
                        ? methodsFor(group.id, this.methodIdVariant).filter(
                              (method) => !this.withdrawnMethods.has(method.id)
                          )
                        : [],
                    selectedDeliveryMethod:
                        methodsFor(group.id, this.methodIdVariant).find(
                            (method) => method.id === group.selectedMethodId
                        ) ?? null
                }))
            },
            customFields,
            errors: this.lastErrors.map((error) => ({ ...error }))
        };
    }

    private startProcessing(ms: number, state: string): void {
        this.busyUntil = Math.max(this.busyUntil, this.clock.now() + ms);
        this.session = {
            ...this.session,
            isProcessing: true,
            state,
            nextState: 'Checkout Summary'
        };
    }

    /** Runs when a request reaches the server (half the latency after it was sent). */
    private handle(method: HttpMethod, path: string, body: unknown): HttpResponse {
        const conflict = {
            status: 409,
            body: [{ errorCode: 'CHECKOUT_CONFLICT', message: 'busy' }]
        };
        if (method === 'GET' && path === '/session-context') {
            return {
                status: 200,
                body: {
                    effectiveAccountId: this.guest ? null : '001000000000001AAA',
                    isLoggedIn: !this.guest
                }
            };
        }
        // Start: PUT is "create or get"; POST, the older form, does the same.
        if ((method === 'PUT' || method === 'POST') && path === '/checkouts') {
            if (this.busy()) return conflict;
            this.startProcessing(this.processingMs.start, 'Inventory');
            return { status: 202, body: { checkoutId: this.checkoutId } };
        }
        if (method === 'GET' && path.startsWith('/accounts/')) {
            return {
                status: 200,
                body: {
                    count: 1,
                    items: [
                        {
                            addressId: SAVED_ADDRESS_ID,
                            addressType: 'Shipping',
                            ...SAMPLE_ADDRESS,
                            isDefault: true
                        }
                    ]
                }
            };
        }
        const checkoutPath = `/checkouts/${this.checkoutId}`;
        if (method === 'GET' && path === checkoutPath) {
            if (this.busy()) return { status: 202, body: this.checkoutBody() };
            if (this.session.isProcessing) {
                if (this.failNextCalculation) {
                    this.lastErrors = [
                        { title: 'Calculation failed', ...this.failNextCalculation }
                    ];
                    this.failNextCalculation = null;
                    this.session = {
                        ...this.session,
                        isProcessing: false,
                        isError: true,
                        state: 'Error',
                        nextState: null
                    };
                } else {
                    this.lastErrors = [];
                    this.session = {
                        ...this.session,
                        isProcessing: false,
                        isError: false,
                        state: 'Checkout Summary',
                        nextState: null
                    };
                }
            }
            return { status: this.lastErrors.length > 0 ? 422 : 200, body: this.checkoutBody() };
        }
        if (method === 'PATCH' && path === checkoutPath) {
            return this.patchCheckout(body as Record<string, unknown>, conflict);
        }
        const groupMatch = /^\/carts\/([^/]+)\/delivery-groups\/([^/]+)$/.exec(path);
        if (method === 'PATCH' && groupMatch) {
            const group = this.groups.find((entry) => entry.id === groupMatch[2]);
            if (!group)
                return { status: 404, body: [{ errorCode: 'NOT_FOUND', message: 'group' }] };
            const reason = contractRejects(body as Record<string, unknown>, 'group');
            if (reason) return this.reject(body, reason);
            if (this.busy()) return conflict;
            this.applyGroupFields(group, body as Record<string, unknown>);
            return { status: 202, body: { id: group.id } };
        }
        if (method === 'POST' && path === `${checkoutPath}/payments`) {
            if (this.busy()) return conflict;
            this.payment = body as Record<string, unknown>;
            return { status: 200, body: { salesforceResultCode: 'Success', errors: [] } };
        }
        if (method === 'POST' && path === `${checkoutPath}/orders`) {
            this.orderPosts += 1;
            if (this.busy()) return conflict;
            const missing: string[] = [];
            if (this.guest && !this.contactInfo?.email) missing.push('email');
            for (const group of this.groups) {
                if (!group.deliveryAddress) missing.push('address');
                if (!group.selectedMethodId) missing.push('delivery method');
            }
            if (missing.length > 0) {
                return {
                    status: 412,
                    body: {
                        errors: missing.map((what) => ({
                            type: '/commerce/errors/checkout-failure',
                            detail: `Missing ${what}`
                        }))
                    }
                };
            }
            this.orderReferenceNumber ??= `ORN-${this.checkoutId}`;
            this.session = {
                ...this.session,
                state: 'Complete',
                orderId: '801000000000001AAA',
                orderReferenceNumber: this.orderReferenceNumber
            };
            return {
                status: 201,
                body: { orderReferenceNumber: this.orderReferenceNumber, errors: [] }
            };
        }
        return { status: 404, body: [{ errorCode: 'NOT_FOUND', message: path }] };
    }

    private reject(body: unknown, reason: string): HttpResponse {
        this.forbiddenBodies.push({ body, reason });
        return { status: 400, body: [{ errorCode: 'INVALID_INPUT', message: reason }] };
    }

    private applyGroupFields(group: FakeGroup, body: Record<string, unknown>): void {
        let shippingChanged = false;
        if (body.deliveryAddress !== undefined) {
            const sent = body.deliveryAddress as CheckoutAddress;
            // A saved account address goes by id alone; the platform copies its fields.
            const fields = sent.id === SAVED_ADDRESS_ID ? SAMPLE_ADDRESS : sent;
            group.deliveryAddress = { ...fields, id: '8lWnew' };
            shippingChanged = true;
        }
        if (body.desiredDeliveryDate !== undefined) {
            group.desiredDeliveryDate = body.desiredDeliveryDate as string;
            shippingChanged = true;
        }
        if (body.shippingInstructions !== undefined) {
            group.shippingInstructions = body.shippingInstructions as string;
            shippingChanged = true;
        }
        if (shippingChanged) {
            // The shipping calculator regenerates methods and selects the cheapest one.
            group.selectedMethodId = group.deliveryAddress
                ? methodsFor(group.id, this.methodIdVariant)[0].id
                : null;
            this.startProcessing(this.processingMs.shipping, 'Shipping Cost');
        }
        if (body.deliveryMethodId !== undefined) {
            // The contract: a deliveryMethodId PATCH clears payment and billing address.
            this.payment = null;
            group.selectedMethodId = body.deliveryMethodId as string;
            this.startProcessing(this.processingMs.deliveryMethod, 'Taxes');
        }
    }

    private patchCheckout(body: Record<string, unknown>, conflict: HttpResponse): HttpResponse {
        const reason = contractRejects(body, 'checkout');
        if (reason) return this.reject(body, reason);
        if (this.busy()) return conflict;
        if (body.contactInfo !== undefined)
            this.contactInfo = { ...(body.contactInfo as ContactInfo) };
        const defaultGroup = this.groups.find((group) => group.isDefault) as FakeGroup;
        this.applyGroupFields(defaultGroup, body);
        for (const item of (body.customFields as Array<Record<string, unknown>>) ?? []) {
            const { attributes, Id, ...fields } = item as {
                attributes: { type: string };
                Id?: string;
            };
            if (attributes.type === 'WebCart') Object.assign(this.webCartFields, fields);
            else
                Object.assign(
                    (this.groups.find((group) => group.id === Id) ?? defaultGroup).customFields,
                    fields
                );
        }
        if (body.customFields !== undefined && !this.busy())
            this.startProcessing(this.processingMs.customFields, 'Confirm Price');
        if (this.busy()) return { status: 202, body: this.checkoutBody() };
        return { status: 200, body: this.checkoutBody() };
    }

    private record(entry: Omit<RecordedRequest, 'answeredAt'>): RecordedRequest {
        const recorded = { ...entry, answeredAt: Number.NaN };
        this.requests.push(recorded);
        return recorded;
    }

    private delayed<T>(work: () => T): Promise<T> {
        return new Promise((resolve, reject) => {
            this.clock.setTimeout(() => {
                let result: T;
                try {
                    result = work();
                } catch (error) {
                    reject(error);
                    return;
                }
                this.clock.setTimeout(() => resolve(result), this.latencyMs / 2);
            }, this.latencyMs / 2);
        });
    }

    connect(
        method: HttpMethod,
        path: string,
        options: { query?: Record<string, string>; body?: unknown; signal?: AbortSignal } = {}
    ): Promise<HttpResponse> {
        const isWrite = method !== 'GET';
        const recorded = this.record({
            method,
            path,
            query: options.query,
            body: options.body,
            status: 0,
            sentAt: this.clock.now()
        });
        if (isWrite) {
            this.writesInFlight += 1;
            this.maxWritesInFlight = Math.max(this.maxWritesInFlight, this.writesInFlight);
        }
        const body =
            options.body === undefined ? undefined : JSON.parse(JSON.stringify(options.body));
        const answer = new Promise<HttpResponse>((resolve, reject) => {
            this.clock.setTimeout(() => {
                const index = this.script.findIndex(
                    (entry) => entry.method === method && path.includes(entry.pathIncludes)
                );
                let scripted: ScriptedAnswer | null =
                    index >= 0 ? this.script.splice(index, 1)[0].answer : null;
                scripted ??= this.faultInjector?.(method, path) ?? null;
                if (scripted === 'hang') {
                    this.hungRequests += 1;
                    options.signal?.addEventListener('abort', () => {
                        recorded.status = 'network';
                        if (isWrite) this.writesInFlight -= 1;
                        reject(new DOMException('The operation was aborted.', 'AbortError'));
                    });
                    return;
                }
                let outcome: HttpResponse | 'network';
                if (scripted === 'network') outcome = 'network';
                else if (scripted)
                    outcome = { status: scripted.status, body: scripted.body ?? null };
                else outcome = this.handle(method, path, body);
                this.clock.setTimeout(() => {
                    recorded.answeredAt = this.clock.now();
                    if (isWrite) this.writesInFlight -= 1;
                    if (outcome === 'network') {
                        recorded.status = 'network';
                        reject(new TypeError('Failed to fetch'));
                    } else {
                        recorded.status = outcome.status;
                        resolve(outcome);
                    }
                }, this.latencyMs / 2);
            }, this.latencyMs / 2);
        });
        return answer;
    }

    getSession(checkoutId: string): Promise<CheckoutSessionRecord | null> {
        this.sessionReads += 1;
        const recorded = this.record({
            method: 'APEX',
            path: 'getSession',
            body: { checkoutId },
            status: 200,
            sentAt: this.clock.now()
        });
        return this.delayed(() => {
            recorded.answeredAt = this.clock.now();
            return checkoutId === this.checkoutId ? { ...this.session } : null;
        });
    }

    readonly cpqSummaryCalls: CpqSubmitRequest[] = [];

    submitCpq(request: CpqSubmitRequest): Promise<CpqSubmission> {
        this.cpqCalls.push(request);
        return this.delayed(() => {
            if (this.cpqRejection) throw this.cpqRejection;
            return JSON.parse(JSON.stringify(this.cpqAnswer)) as CpqSubmission;
        });
    }

    getCpqCartSummary(request: CpqSubmitRequest): Promise<CpqCartSummary> {
        this.cpqSummaryCalls.push(request);
        return this.delayed(() => ({
            oneTimeTotal: 120.5,
            recurringTotal: 30,
            currencyIsoCode: 'USD',
            checkOrderStatus: this.cpqCheckOrderStatus
        }));
    }
}

// ---------------------------------------------------------------------------------------------------------
// Setup
// ---------------------------------------------------------------------------------------------------------

export interface Harness {
    clock: FakeClock;
    server: FakeCheckoutServer;
    store: CheckoutStore;
    /** Creates another store on the same server (a second instance on the page). */
    anotherStore(): CheckoutStore;
    /** The options the harness builds stores with (fake server, fake clock, always online). */
    storeOptions(): StoreOptions;
    /** Loads the checkout and runs until it is ready. */
    loaded(): Promise<Harness>;
    /** Runs fake time until the store is idle. */
    idle(): Promise<void>;
}

export function setup(
    options: FakeServerOptions & { store?: Partial<StoreOptions> } = {}
): Harness {
    const clock = new FakeClock();
    const server = new FakeCheckoutServer(clock, options);
    let seed = 42;
    const storeOptions = (): StoreOptions => ({
        transport: server,
        clock,
        isGuest: options.guest ?? true,
        // Deterministic jitter.
        random: () => {
            seed = (seed * 16807) % 2147483647;
            return seed / 2147483647;
        },
        connectivity: { isOnline: () => true, onOnline: () => () => undefined },
        ...options.store
    });
    const store = createCheckoutStore(storeOptions());
    const harness: Harness = {
        clock,
        server,
        store,
        anotherStore: () => createCheckoutStore(storeOptions()),
        storeOptions,
        loaded: async () => {
            await clock.resolve(store.load());
            await harness.idle();
            return harness;
        },
        idle: () => clock.resolve(store.whenIdle())
    };
    return harness;
}

/** A checkout with an address and the contact details an order needs. */
export function readyToOrder(): Harness {
    return setup({
        withAddress: true,
        contactInfo: { email: 'ada@example.com', lastName: 'Lovelace' }
    });
}
