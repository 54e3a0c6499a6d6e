/**
 * The emulated org: one webstore, one buyer, one cart and its checkout sessions. Calculators run on a
 * timeline: a write schedules its steps, and every read settles the steps whose time has come, so answers
 * depend only on the clock (and the seeded draws), never on how often a client polls.
 */
import { ApiError, conflict, invalidInput, notFound } from './errors';
import type { Calculator, Faults } from './faults';
import { methodTemplatesFor, taxPercentFor } from './geography';
import { IdFactory, PREFIX, makeId, sameId } from './ids';
import { formatMoney, percentOf, type Cents } from './money';
import { Random, deriveSeed, hashString } from './random';
import { SCENARIOS, type Scenario, type ScenarioAddress } from './scenarios';
import { validateAddress, type AddressInput } from './validation/address';
import { validateContactInfo, type ContactInput } from './validation/contact';
import { validateCustomFields, type CustomFieldItem } from './validation/customFields';
import { validateId } from './validation/formats';
import { validateGroupChanges, type GroupChangesInput } from './validation/groupChanges';
import {
    isObject,
    rejectUnknownKeys,
    requireObject,
    type Json,
    type JsonObject
} from './validation/json';

export interface ApiResult {
    status: number;
    body?: unknown;
    warnings?: string[];
}

export interface CheckoutErrorOut {
    type: string;
    title: string;
    detail: string;
    instance?: string;
}

interface AddressOut extends AddressInput {
    id: string;
}

interface DeliveryMethodOut {
    id: string;
    name: string;
    carrier: string;
    classOfService: string;
    currencyIsoCode: string;
    shippingFee: string;
    adjustedShippingFee: string;
    totalAdjustmentAmount: string;
    earliestEstimatedDeliveryTime: string;
    latestEstimatedDeliveryTime: string;
    processTime: number;
    processTimeUnit: 'Days';
    transitTimeMin: number;
    transitTimeMax: number;
    transitTimeUnit: 'Days';
    /** Not on the wire: used to pick the cheapest. */
    adjustedCents: Cents;
}

interface ItemState {
    id: string;
    productId: string;
    name: string;
    sku: string;
    quantity: number;
    listPrice: Cents;
    unitPrice: Cents;
    isDigital: boolean;
}

interface GroupState {
    id: string;
    name: string;
    isDefault: boolean;
    items: ItemState[];
    deliveryAddress: AddressOut | null;
    desiredDeliveryDate: string | null;
    shippingInstructions: string | null;
    methods: DeliveryMethodOut[];
    selectedMethodId: string | null;
    customFields: Record<string, Json>;
    errors: CheckoutErrorOut[];
    taxCents: Cents;
}

interface Step {
    calculator: Calculator;
    endsAt: number;
    fails: boolean;
}

interface Job {
    id: string;
    kind: string;
    startedAt: number;
    steps: Step[];
    applied: number;
    shippingGroupIds: string[];
}

export interface ProcessingRecord {
    checkoutId: string;
    kind: string;
    calculators: Calculator[];
    startedAt: number;
    readyAt: number;
    outcome: 'ready' | 'error';
}

export interface PaymentRecord {
    id: string;
    checkoutId: string;
    requestType: string;
    paymentToken: string;
    paymentsData?: string;
    billingAddress: AddressOut | null;
    amount: string;
    currencyIsoCode: string;
    salesforceResultCode: string;
    status: 'Authorized' | 'Declined' | 'Reversed' | 'Refunded' | 'Replaced';
    createdAt: number;
}

export interface OrderRecord {
    source: 'commerce' | 'cpq';
    checkoutId: string | null;
    orderId: string;
    orderNumber: string;
    orderReferenceNumber: string | null;
    grandTotalAmount: string;
    currencyIsoCode: string;
    placedAt: number;
    /** Commerce: when the cart-to-order step ends and when the session completes. */
    orderCreatedAt?: number;
    completedAt?: number;
    /** CPQ: the SUBMIT code that accepted it. */
    code?: string;
}

interface CheckoutState {
    id: string;
    name: string;
    createdAt: number;
    contactInfo: ContactInput | null;
    groups: GroupState[];
    cartCustomFields: Record<string, Json>;
    billingAddress: AddressOut | null;
    payments: PaymentRecord[];
    promotionCents: Cents;
    jobErrors: CheckoutErrorOut[];
    job: Job | null;
    order: OrderRecord | null;
    deleted: boolean;
}

export interface CpqLineState {
    Id: string;
    Name: string;
    bundle?: string;
    isRoot: boolean;
    requiredChildren: number;
    oneTime: number;
    recurring: number;
    quantity: number;
    FulfilmentStatus__c: string;
}

export interface CpqState {
    cartId: string;
    namespace: string;
    orderNumber: string;
    Status: string;
    OrderStatus__c: string | null;
    SupersededOrderId__c: string | null;
    isMultiSite: boolean;
    sites: string[];
    lines: CpqLineState[];
}

export interface ModelOptions {
    scenario: string;
    seed: number;
    timeScale: number;
    /** The shipping calendar's "today" (yyyy-MM-dd); defaults to the current UTC date. */
    today?: string;
    /** SUBMIT codes the next CPQ submissions answer with, in order; the last one repeats. */
    cpqOutcome?: string[];
    /** Overrides of the CPQ order header and lines (to make active orders and failed validations reachable). */
    cpqOrder?: CpqOrderOverrides;
}

export interface CpqOrderOverrides {
    Status?: string;
    OrderStatus__c?: string | null;
    SupersededOrderId__c?: string | null;
    incompleteBundle?: boolean;
    notActivatedLines?: number;
    isMultiSite?: boolean;
}

const MAX_CHECKOUTS = 200;

const SESSION_STATE: Record<Calculator, string> = {
    inventory: 'Inventory',
    pricing: 'Confirm Price',
    promotions: 'Confirm Price',
    shipping: 'Shipping Cost',
    tax: 'Taxes'
};

const CALCULATOR_ERROR: Record<Calculator, CheckoutErrorOut> = {
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

const NO_DELIVERY_METHODS: CheckoutErrorOut = {
    type: '/commerce/errors/shipping-failure',
    title: 'No delivery methods are available for this address',
    detail: "We can't deliver to this address. Enter a different shipping address."
};

export const CHECKOUT_PATCH_KEYS = [
    'contactInfo',
    'customFields',
    'deliveryAddress',
    'deliveryMethodId',
    'desiredDeliveryDate',
    'shippingInstructions'
] as const;

const FORBIDDEN_PAIRS: [string, string][] = [
    ['deliveryAddress', 'deliveryMethodId'],
    ['desiredDeliveryDate', 'deliveryMethodId'],
    ['shippingInstructions', 'deliveryMethodId'],
    ['desiredDeliveryDate', 'contactInfo'],
    ['shippingInstructions', 'contactInfo'],
    ['deliveryMethodId', 'contactInfo']
];

const SHIPPING_KEYS = ['deliveryAddress', 'desiredDeliveryDate', 'shippingInstructions'];

/** The §1.4 combination rules. Throws a 400 naming the rule a body breaks. */
export function checkPatchCombination(
    keys: string[],
    customFields: CustomFieldItem[] | undefined
): void {
    const present = new Set(keys.filter((k) => k !== 'customFields'));
    if (present.size === 0) {
        if (customFields) {
            throw invalidInput(
                "customFields can't be updated on their own: send them with contactInfo, shipping information or deliveryMethodId."
            );
        }
        throw invalidInput('The request body must include at least one property to update.');
    }
    for (const [a, b] of FORBIDDEN_PAIRS) {
        if (present.has(a) && present.has(b)) {
            throw invalidInput(
                `${a} and ${b} can't be updated in the same request: send one sub-resource per request.`
            );
        }
    }
    if (!customFields) return;
    if (present.size === 1 && present.has('shippingInstructions')) {
        throw invalidInput(
            "customFields can't be sent with shippingInstructions as the only other property."
        );
    }
    if (
        present.has('contactInfo') &&
        customFields.some((item) => item.type === 'CartDeliveryGroup')
    ) {
        throw invalidInput(
            "CartDeliveryGroup custom fields can't be sent with contactInfo; only WebCart custom fields can accompany contact information."
        );
    }
}

export class OrgModel {
    readonly scenario: Scenario;
    readonly webstoreId: string;
    readonly cartId: string;
    readonly accountId: string;
    readonly ownerId: string;
    readonly cartName = 'Cart';
    readonly accountAddresses: (ScenarioAddress & {
        addressId: string;
        addressType: string;
        isDefault: boolean;
    })[];
    readonly cpq: CpqState | null;
    readonly history: ProcessingRecord[] = [];
    readonly orders: OrderRecord[] = [];
    private readonly checkouts: CheckoutState[] = [];
    private readonly ids: IdFactory;
    private readonly calcRandom: Random;
    private readonly orderRandom: Random;
    private readonly today: number;
    private activeCheckout: CheckoutState | null = null;
    private cpqOutcomes: string[];

    constructor(
        readonly options: ModelOptions,
        private readonly faults: () => Faults,
        private readonly now: () => number
    ) {
        const scenario = SCENARIOS[options.scenario];
        if (!scenario)
            throw invalidInput(
                `Unknown scenario "${options.scenario}". Known: ${Object.keys(SCENARIOS).join(', ')}.`
            );
        this.scenario = scenario;
        this.ids = new IdFactory(1000 + (deriveSeed(options.seed, 0) % 50000) * 100);
        this.calcRandom = new Random(deriveSeed(options.seed, 1));
        this.orderRandom = new Random(deriveSeed(options.seed, 2));
        this.today = parseToday(options.today);
        // Fixed per scenario so that a page reload after a reset still finds the same store.
        this.webstoreId = makeId(PREFIX.webstore, 7001);
        this.accountId = makeId(PREFIX.account, 7002);
        this.ownerId = makeId('005', 7003);
        this.cartId = this.ids.next(PREFIX.cart);
        this.accountAddresses = scenario.accountAddresses.map((a) => ({
            ...a,
            addressId: this.ids.next(PREFIX.address)
        }));
        this.cpq = scenario.cpq ? this.buildCpq(scenario, options.cpqOrder) : null;
        this.cpqOutcomes = [...(options.cpqOutcome ?? [])];
    }

    // ------------------------------------------------------------------------------------------------------
    // Time
    // ------------------------------------------------------------------------------------------------------

    private duration(phase: keyof Faults['processingMs']): number {
        const [min, max] = this.faults().processingMs[phase];
        return this.calcRandom.between(min, max) * this.options.timeScale;
    }

    /** Applies every calculator step whose time has come, for every checkout. */
    settle(): void {
        const now = this.now();
        for (const checkout of this.checkouts) this.settleCheckout(checkout, now);
    }

    private settleCheckout(checkout: CheckoutState, now: number): void {
        const job = checkout.job;
        if (!job) return;
        while (job.applied < job.steps.length && job.steps[job.applied].endsAt <= now) {
            const step = job.steps[job.applied];
            job.applied++;
            const ok = step.fails
                ? this.failStep(checkout, job, step)
                : this.applyStep(checkout, job, step);
            if (!ok) {
                this.finishJob(checkout, job, step.endsAt, 'error');
                return;
            }
        }
        if (job.applied === job.steps.length)
            this.finishJob(checkout, job, job.steps[job.steps.length - 1].endsAt, 'ready');
    }

    private finishJob(
        checkout: CheckoutState,
        job: Job,
        readyAt: number,
        outcome: 'ready' | 'error'
    ): void {
        checkout.job = null;
        this.history.push({
            checkoutId: checkout.id,
            kind: job.kind,
            calculators: job.steps.map((s) => s.calculator),
            startedAt: job.startedAt,
            readyAt,
            outcome
        });
        if (this.history.length > 1000) this.history.splice(0, this.history.length - 1000);
    }

    private startJob(
        checkout: CheckoutState,
        kind: string,
        calculators: Calculator[],
        shippingGroupIds: string[]
    ): void {
        if (calculators.length === 0) return;
        const startedAt = this.now();
        const failureRate = this.faults().calculatorFailureRate;
        let at = startedAt;
        const steps: Step[] = calculators.map((calculator) => {
            at += this.duration(calculator);
            return { calculator, endsAt: at, fails: this.calcRandom.chance(failureRate) };
        });
        checkout.jobErrors = [];
        for (const group of this.groupsById(checkout, shippingGroupIds)) group.errors = [];
        checkout.job = {
            id: this.ids.next(PREFIX.backgroundOperation),
            kind,
            startedAt,
            steps,
            applied: 0,
            shippingGroupIds
        };
    }

    private failStep(checkout: CheckoutState, job: Job, step: Step): boolean {
        checkout.jobErrors = [{ ...CALCULATOR_ERROR[step.calculator] }];
        if (step.calculator === 'shipping') {
            for (const group of this.groupsById(checkout, job.shippingGroupIds)) {
                group.methods = [];
                group.selectedMethodId = null;
            }
        }
        return false;
    }

    private applyStep(checkout: CheckoutState, job: Job, step: Step): boolean {
        switch (step.calculator) {
            case 'inventory':
            case 'pricing':
                return true;
            case 'promotions': {
                const promotion = this.scenario.promotion;
                const product = productCents(checkout.groups);
                checkout.promotionCents =
                    promotion && product >= promotion.threshold
                        ? -percentOf(product, promotion.percent)
                        : 0;
                return true;
            }
            case 'shipping': {
                let ok = true;
                for (const group of this.groupsById(checkout, job.shippingGroupIds)) {
                    if (!this.calculateShipping(group)) ok = false;
                }
                return ok;
            }
            case 'tax':
                this.calculateTax(checkout);
                return true;
        }
    }

    private calculateShipping(group: GroupState): boolean {
        group.errors = [];
        const address = group.deliveryAddress;
        if (isAllDigital(group) || !address || !address.country) {
            group.methods = [];
            group.selectedMethodId = null;
            return true;
        }
        const product = group.items.reduce((sum, i) => sum + i.unitPrice * i.quantity, 0);
        const templates = methodTemplatesFor(address.country, address.region, address.postalCode);
        const key = [
            address.country,
            address.region ?? '',
            address.postalCode ?? '',
            address.street ?? ''
        ].join('|');
        group.methods = templates.map((t) => {
            let off = 0;
            if (t.promotion?.amountOff) off = Math.min(t.fee, t.promotion.amountOff);
            if (t.promotion?.freeFrom !== undefined && product >= t.promotion.freeFrom) off = t.fee;
            const adjusted = t.fee - off;
            return {
                id: makeId(PREFIX.deliveryMethod, hashString(`${group.id}|${t.code}|${key}`)),
                name: t.name,
                carrier: t.carrier,
                classOfService: t.classOfService,
                currencyIsoCode: this.scenario.currencyIsoCode,
                shippingFee: formatMoney(t.fee),
                adjustedShippingFee: formatMoney(adjusted),
                totalAdjustmentAmount: formatMoney(-off),
                earliestEstimatedDeliveryTime: this.estimate(t.processDays + t.transitMin),
                latestEstimatedDeliveryTime: this.estimate(t.processDays + t.transitMax),
                processTime: t.processDays,
                processTimeUnit: 'Days',
                transitTimeMin: t.transitMin,
                transitTimeMax: t.transitMax,
                transitTimeUnit: 'Days',
                adjustedCents: adjusted
            };
        });
        if (group.methods.length === 0) {
            group.selectedMethodId = null;
            group.errors = [{ ...NO_DELIVERY_METHODS }];
            return false;
        }
        // Same address, same method ids: a kept choice survives; otherwise the cheapest is selected.
        if (!group.methods.some((m) => m.id === group.selectedMethodId)) {
            const cheapest = [...group.methods].sort(
                (a, b) => a.adjustedCents - b.adjustedCents
            )[0];
            group.selectedMethodId = cheapest.id;
        }
        return true;
    }

    private estimate(days: number): string {
        return new Date(this.today + days * 86400000 + 17 * 3600000).toISOString();
    }

    private calculateTax(checkout: CheckoutState): void {
        const product = productCents(checkout.groups);
        for (const group of checkout.groups) {
            const address = group.deliveryAddress;
            if (!address?.country) {
                group.taxCents = 0;
                continue;
            }
            const groupProduct = group.items.reduce((sum, i) => sum + i.unitPrice * i.quantity, 0);
            const promotionShare =
                product === 0 ? 0 : Math.round((checkout.promotionCents * groupProduct) / product);
            const base =
                groupProduct + promotionShare + (selectedMethod(group)?.adjustedCents ?? 0);
            group.taxCents = percentOf(base, taxPercentFor(address.country, address.region));
        }
    }

    private groupsById(checkout: CheckoutState, ids: string[]): GroupState[] {
        return checkout.groups.filter((g) => ids.includes(g.id));
    }

    // ------------------------------------------------------------------------------------------------------
    // Lookups
    // ------------------------------------------------------------------------------------------------------

    private resolveCheckout(idOrActive: string): CheckoutState {
        if (idOrActive === 'active') {
            if (!this.activeCheckout)
                throw notFound('There is no active checkout for this cart. Start one first.');
            return this.activeCheckout;
        }
        const checkout = this.checkouts.find((c) => sameId(c.id, idOrActive));
        if (!checkout) throw notFound(`Checkout "${idOrActive}" was not found.`);
        if (checkout.deleted)
            throw new ApiError(
                410,
                'GONE',
                `Checkout "${idOrActive}" was deleted. Start a new checkout.`
            );
        return checkout;
    }

    /** The checkout a request targets, with its due steps applied. */
    private checkoutFor(idOrActive: string): CheckoutState {
        const checkout = this.resolveCheckout(idOrActive);
        this.settleCheckout(checkout, this.now());
        return checkout;
    }

    private defaultGroup(checkout: CheckoutState): GroupState {
        return checkout.groups.find((g) => g.isDefault) ?? checkout.groups[0];
    }

    checkCart(cartIdOrActive: string): void {
        if (cartIdOrActive !== 'active' && !sameId(cartIdOrActive, this.cartId)) {
            throw notFound(`Cart "${cartIdOrActive}" was not found for this buyer.`);
        }
    }

    checkEffectiveAccount(effectiveAccountId: string | undefined): void {
        if (effectiveAccountId === undefined || effectiveAccountId === '') return;
        if (this.scenario.isGuest || !sameId(effectiveAccountId, this.accountId)) {
            throw notFound(
                `Effective account "${effectiveAccountId}" was not found or isn't accessible to this user.`
            );
        }
    }

    get currentCheckoutId(): string | null {
        return this.activeCheckout?.id ?? this.checkouts[this.checkouts.length - 1]?.id ?? null;
    }

    // ------------------------------------------------------------------------------------------------------
    // Connect REST
    // ------------------------------------------------------------------------------------------------------

    startCheckout(body: unknown, apiVersion: number): ApiResult {
        const obj = requireObject(body, 'The request body');
        rejectUnknownKeys(
            obj,
            ['cartId', 'customFields', 'deliveryAddressInput'],
            'Checkout Start Input'
        );
        if (typeof obj.cartId !== 'string' || obj.cartId === '')
            throw invalidInput('cartId is required: a cart id or "active".');
        if (obj.cartId !== 'active') validateId(obj.cartId, 'cartId');
        const warnings: string[] = [];
        let customFields: CustomFieldItem[] | undefined;
        if (obj.customFields !== undefined) {
            if (apiVersion < 62)
                throw invalidInput('customFields on start is available from API version 62.0.');
            customFields = validateCustomFields(
                obj.customFields,
                this.scenario.customFields,
                warnings
            );
        }
        let address: AddressOut | null = null;
        if (obj.deliveryAddressInput !== undefined) {
            if (apiVersion < 61)
                throw invalidInput('deliveryAddressInput is available from API version 61.0.');
            address = this.startAddress(obj.deliveryAddressInput);
        }
        this.checkCart(obj.cartId);

        const existing = this.activeCheckout;
        if (existing) {
            this.settleCheckout(existing, this.now());
            if (existing.job) return { status: 202, body: { checkoutId: existing.id }, warnings };
            if (existing.order)
                return { status: 200, body: this.checkoutBody(existing, 200), warnings };
            if (customFields) this.applyCustomFields(existing, customFields, true);
            if (!address && !customFields) {
                // Resuming an idle session: it answers as GET would (422 while it is in error).
                const status = this.statusOf(existing);
                return { status, body: this.checkoutBody(existing, status), warnings };
            }
            const calculators: Calculator[] = [];
            if (address) {
                this.defaultGroup(existing).deliveryAddress = address;
                calculators.push('shipping', 'tax');
            } else {
                calculators.push('tax');
            }
            this.startJob(
                existing,
                'start',
                calculators,
                address ? [this.defaultGroup(existing).id] : []
            );
            return { status: 202, body: { checkoutId: existing.id }, warnings };
        }

        if (customFields) this.precheckNewCheckoutCustomFields(customFields);
        const checkout = this.createCheckout();
        if (customFields) this.applyCustomFields(checkout, customFields, true);
        if (address) this.defaultGroup(checkout).deliveryAddress = address;
        const withAddress = checkout.groups.filter((g) => g.deliveryAddress && !isAllDigital(g));
        const calculators: Calculator[] = ['inventory', 'pricing', 'promotions'];
        if (withAddress.length > 0) calculators.push('shipping', 'tax');
        this.startJob(
            checkout,
            'start',
            calculators,
            withAddress.map((g) => g.id)
        );
        return { status: 202, body: { checkoutId: checkout.id }, warnings };
    }

    /** Before a checkout exists its delivery groups have no ids a client could know: only the default one is reachable. */
    private precheckNewCheckoutCustomFields(items: CustomFieldItem[]): void {
        let defaultGroupItems = 0;
        for (const item of items) {
            if (item.type === 'WebCart') {
                if (item.id !== undefined && !sameId(item.id, this.cartId)) {
                    throw notFound(`WebCart "${item.id}" isn't the cart of this checkout.`);
                }
            } else if (item.id !== undefined) {
                throw notFound(
                    `CartDeliveryGroup "${item.id}" isn't a delivery group of this checkout.`
                );
            } else if (++defaultGroupItems > 1) {
                throw invalidInput(
                    'customFields lists the default CartDeliveryGroup more than once.'
                );
            }
        }
    }

    private startAddress(value: unknown): AddressOut | null {
        const obj = requireObject(value, 'deliveryAddressInput');
        if (
            obj.shouldUseDefaultAddress !== undefined &&
            typeof obj.shouldUseDefaultAddress !== 'boolean'
        ) {
            throw invalidInput(
                'deliveryAddressInput.shouldUseDefaultAddress must be true or false.'
            );
        }
        if (obj.id !== undefined) validateId(obj.id, 'deliveryAddressInput.id');
        if (obj.shouldUseDefaultAddress === true) {
            rejectUnknownKeys(
                obj,
                ['shouldUseDefaultAddress', 'id'],
                'deliveryAddressInput with shouldUseDefaultAddress'
            );
            const saved = this.accountAddresses.find(
                (a) => a.addressType === 'Shipping' && a.isDefault
            );
            if (!saved)
                throw invalidInput(
                    'shouldUseDefaultAddress is true but the buyer has no default shipping address.'
                );
            return this.savedAddressOut(saved);
        }
        if (typeof obj.id === 'string') {
            const saved = this.accountAddresses.find((a) => sameId(a.addressId, obj.id as string));
            if (!saved) throw notFound(`Address "${obj.id}" was not found in the buyer's account.`);
        }
        const input = validateAddress(obj, 'deliveryAddressInput', {
            extraKeys: ['id', 'shouldUseDefaultAddress'],
            shipToPhone: false
        });
        return {
            ...input,
            id: typeof obj.id === 'string' ? obj.id : this.ids.next(PREFIX.address)
        };
    }

    private savedAddressOut(saved: OrgModel['accountAddresses'][number]): AddressOut {
        return {
            id: saved.addressId,
            name: saved.name,
            firstName: saved.firstName,
            lastName: saved.lastName,
            companyName: saved.companyName,
            street: saved.street,
            city: saved.city,
            region: saved.region,
            postalCode: saved.postalCode,
            country: saved.country,
            isDefault: saved.isDefault
        };
    }

    private createCheckout(): CheckoutState {
        const scenario = this.scenario;
        const groups: GroupState[] = scenario.groups.map((g, index) => ({
            id: this.ids.next(PREFIX.deliveryGroup),
            name: g.name,
            isDefault: index === 0,
            items: g.items.map((item) => ({
                id: this.ids.next(PREFIX.cartItem),
                productId: makeId(PREFIX.product, hashString(item.sku)),
                name: item.name,
                sku: item.sku,
                quantity: item.quantity,
                listPrice: item.listPrice,
                unitPrice: item.unitPrice,
                isDigital: item.isDigital === true
            })),
            deliveryAddress: null,
            desiredDeliveryDate: null,
            shippingInstructions: null,
            methods: [],
            selectedMethodId: null,
            customFields: {},
            errors: [],
            taxCents: 0
        }));
        for (const [index, group] of scenario.groups.entries()) {
            if (!group.useDefaultAddress) continue;
            const saved = this.accountAddresses.find(
                (a) => a.addressType === 'Shipping' && a.isDefault
            );
            if (saved) groups[index].deliveryAddress = this.savedAddressOut(saved);
        }
        const checkout: CheckoutState = {
            id: this.ids.next(PREFIX.checkout),
            name: `Checkout ${this.checkouts.length + 1}`,
            createdAt: this.now(),
            contactInfo: scenario.buyer ? { ...scenario.buyer } : null,
            groups,
            cartCustomFields: {},
            billingAddress: null,
            payments: [],
            promotionCents: 0,
            jobErrors: [],
            job: null,
            order: null,
            deleted: false
        };
        this.checkouts.push(checkout);
        this.activeCheckout = checkout;
        // Long sessions restart many times: forget the oldest deleted checkouts (their ids then answer 404).
        while (this.checkouts.length > MAX_CHECKOUTS) {
            const oldest = this.checkouts.findIndex((c) => c.deleted);
            if (oldest < 0) break;
            this.checkouts.splice(oldest, 1);
        }
        return checkout;
    }

    getCheckout(idOrActive: string): ApiResult {
        const checkout = this.checkoutFor(idOrActive);
        const status = this.statusOf(checkout);
        return { status, body: this.checkoutBody(checkout, status) };
    }

    private statusOf(checkout: CheckoutState): number {
        if (checkout.job) return 202;
        return this.errorsOf(checkout).length > 0 ? 422 : 200;
    }

    patchCheckout(idOrActive: string, body: unknown, apiVersion: number): ApiResult {
        const obj = requireObject(body, 'The request body');
        rejectUnknownKeys(obj, [...CHECKOUT_PATCH_KEYS], 'Checkout Input');
        const warnings: string[] = [];
        const keys = Object.keys(obj);
        const contact =
            obj.contactInfo !== undefined ? validateContactInfo(obj.contactInfo) : undefined;
        const changes = validateGroupChanges(obj);
        const { methodId } = changes;
        let customFields: CustomFieldItem[] | undefined;
        if (obj.customFields !== undefined) {
            if (apiVersion < 60)
                throw invalidInput('customFields is available from API version 60.0.');
            customFields = validateCustomFields(
                obj.customFields,
                this.scenario.customFields,
                warnings
            );
        }
        checkPatchCombination(keys, customFields);

        const checkout = this.checkoutFor(idOrActive);
        this.assertWritable(checkout);
        const group = this.defaultGroup(checkout);
        if (methodId !== undefined) this.assertMethodSelectable(group, methodId);
        if (customFields) this.resolveCustomFieldIds(checkout, customFields);

        // Everything is valid: apply.
        if (contact) checkout.contactInfo = { ...(checkout.contactInfo ?? {}), ...contact };
        const calculators = this.applyGroupChanges(checkout, group, changes);
        if (customFields) {
            this.applyCustomFields(checkout, customFields, false);
            calculators.add('tax');
        }
        this.startGroupJob(checkout, 'patch', group, calculators);
        const status = checkout.job ? 202 : 200;
        return { status, body: this.checkoutBody(checkout, status), warnings };
    }

    deleteCheckout(idOrActive: string): ApiResult {
        const checkout = this.checkoutFor(idOrActive);
        this.assertWritable(checkout);
        this.clearPayment(checkout);
        checkout.deleted = true;
        if (this.activeCheckout === checkout) this.activeCheckout = null;
        return { status: 204 };
    }

    /** Cart delivery-group PATCH (59.0): the shipping fields of any group, or its delivery method alone. */
    patchDeliveryGroup(cartIdOrActive: string, groupId: string, body: unknown): ApiResult {
        this.checkCart(cartIdOrActive);
        const obj = requireObject(body, 'The request body');
        rejectUnknownKeys(
            obj,
            [
                'deliveryAddress',
                'deliveryMethodId',
                'desiredDeliveryDate',
                'shippingInstructions',
                'name',
                'id'
            ],
            'Delivery Group Input'
        );
        const changes = validateGroupChanges(obj);
        const { methodId } = changes;
        let name: string | undefined;
        if (obj.name !== undefined) {
            if (typeof obj.name !== 'string' || obj.name.trim() === '' || obj.name.length > 255) {
                throw invalidInput('name must be a non-empty string of at most 255 characters.');
            }
            name = obj.name;
        }
        if (obj.id !== undefined && (typeof obj.id !== 'string' || !sameId(obj.id, groupId))) {
            throw invalidInput('id, when given, must equal the delivery group id in the path.');
        }
        const keys = Object.keys(obj).filter((k) => k !== 'id' && k !== 'name');
        if (keys.length === 0 && name === undefined)
            throw invalidInput('The request body must include at least one property to update.');
        if (methodId !== undefined && keys.some((k) => SHIPPING_KEYS.includes(k))) {
            throw invalidInput(
                'deliveryMethodId must be updated on its own, without shipping information.'
            );
        }

        if (!this.activeCheckout)
            throw notFound('There is no active checkout for this cart. Start one first.');
        const checkout = this.checkoutFor(this.activeCheckout.id);
        const group = checkout.groups.find((g) => sameId(g.id, groupId));
        if (!group) throw notFound(`Delivery group "${groupId}" was not found in this cart.`);
        this.assertWritable(checkout);
        if (methodId !== undefined) this.assertMethodSelectable(group, methodId);

        if (name !== undefined) group.name = name;
        const calculators = this.applyGroupChanges(checkout, group, changes);
        this.startGroupJob(checkout, 'delivery-group', group, calculators);
        const status = checkout.job ? 202 : 200;
        return { status, body: this.groupBody(group) };
    }

    getDeliveryGroup(cartIdOrActive: string, groupId: string): ApiResult {
        this.checkCart(cartIdOrActive);
        if (!this.activeCheckout)
            throw notFound('There is no active checkout for this cart. Start one first.');
        const checkout = this.checkoutFor(this.activeCheckout.id);
        const group = checkout.groups.find((g) => sameId(g.id, groupId));
        if (!group) throw notFound(`Delivery group "${groupId}" was not found in this cart.`);
        return { status: 200, body: this.groupBody(group) };
    }

    /**
     * Applies shipping fields or a delivery method to a group; returns the calculators they trigger. Shipping is
     * off for an all-digital group, but its address still drives tax. A new method clears payment.
     */
    private applyGroupChanges(
        checkout: CheckoutState,
        group: GroupState,
        changes: GroupChangesInput
    ): Set<Calculator> {
        const calculators = new Set<Calculator>();
        const shippingChanged = (): void => {
            if (!isAllDigital(group)) calculators.add('shipping');
            calculators.add('tax');
        };
        if (changes.address) {
            group.deliveryAddress = { ...changes.address, id: this.ids.next(PREFIX.address) };
            shippingChanged();
        }
        if (changes.date !== undefined) {
            group.desiredDeliveryDate = changes.date;
            shippingChanged();
        }
        if (changes.instructions !== undefined) {
            group.shippingInstructions = changes.instructions;
            shippingChanged();
        }
        if (changes.methodId !== undefined) {
            const methodId = changes.methodId;
            group.selectedMethodId =
                group.methods.find((m) => sameId(m.id, methodId))?.id ?? methodId;
            this.clearPayment(checkout);
            calculators.add('tax');
        }
        return calculators;
    }

    /** Starts the calculators a group change triggered, shipping before tax; shipping for that group only. */
    private startGroupJob(
        checkout: CheckoutState,
        kind: string,
        group: GroupState,
        calculators: Set<Calculator>
    ): void {
        const ordered = (['shipping', 'tax'] as Calculator[]).filter((c) => calculators.has(c));
        this.startJob(checkout, kind, ordered, calculators.has('shipping') ? [group.id] : []);
    }

    private assertWritable(checkout: CheckoutState): void {
        if (checkout.order) {
            throw invalidInput(
                'The order for this checkout was already placed; the checkout can no longer be changed.'
            );
        }
        if (checkout.job) throw conflict();
    }

    private assertMethodSelectable(group: GroupState, methodId: string): void {
        if (isAllDigital(group)) {
            throw invalidInput(
                `Delivery group "${group.id}" has only digital items: shipping is off, so its delivery method can't be updated.`
            );
        }
        if (!group.methods.some((m) => sameId(m.id, methodId))) {
            throw notFound(
                `Delivery method "${methodId}" isn't available for delivery group "${group.id}".`
            );
        }
    }

    private resolveCustomFieldIds(checkout: CheckoutState, items: CustomFieldItem[]): void {
        const seen = new Set<string>();
        for (const item of items) {
            if (item.type === 'WebCart') {
                if (item.id !== undefined && !sameId(item.id, this.cartId)) {
                    throw notFound(`WebCart "${item.id}" isn't the cart of this checkout.`);
                }
                continue;
            }
            const group =
                item.id === undefined
                    ? this.defaultGroup(checkout)
                    : checkout.groups.find((g) => sameId(g.id, item.id));
            if (!group)
                throw notFound(
                    `CartDeliveryGroup "${item.id}" isn't a delivery group of this checkout.`
                );
            if (seen.has(group.id))
                throw invalidInput(
                    `customFields lists CartDeliveryGroup "${group.id}" more than once.`
                );
            seen.add(group.id);
        }
    }

    private applyCustomFields(
        checkout: CheckoutState,
        items: CustomFieldItem[],
        resolve: boolean
    ): void {
        if (resolve) this.resolveCustomFieldIds(checkout, items);
        for (const item of items) {
            if (item.type === 'WebCart') {
                Object.assign(checkout.cartCustomFields, item.values);
            } else {
                const group =
                    item.id === undefined
                        ? this.defaultGroup(checkout)
                        : checkout.groups.find((g) => sameId(g.id, item.id));
                if (group) Object.assign(group.customFields, item.values);
            }
        }
    }

    private clearPayment(checkout: CheckoutState): void {
        checkout.payments = [];
        checkout.billingAddress = null;
    }

    postPayment(idOrActive: string, body: unknown): ApiResult {
        const obj = requireObject(body, 'The request body');
        rejectUnknownKeys(
            obj,
            ['billingAddress', 'paymentToken', 'paymentsData', 'requestType'],
            'Checkout Payment Input'
        );
        const requestType = obj.requestType;
        if (
            requestType !== 'Auth' &&
            requestType !== 'PostAuth' &&
            requestType !== 'SimplePurchaseOrder'
        ) {
            throw invalidInput('requestType is required: Auth, PostAuth or SimplePurchaseOrder.');
        }
        if (typeof obj.paymentToken !== 'string' || obj.paymentToken.trim() === '') {
            throw invalidInput(`paymentToken is required for ${requestType}.`);
        }
        if (obj.paymentToken.length > 255)
            throw invalidInput('paymentToken is longer than 255 characters.');
        let paymentsData: string | undefined;
        if (obj.paymentsData !== undefined && obj.paymentsData !== null) {
            if (requestType === 'SimplePurchaseOrder')
                throw invalidInput('paymentsData is only for Auth and PostAuth.');
            if (typeof obj.paymentsData !== 'string')
                throw invalidInput('paymentsData must be a string.');
            paymentsData = obj.paymentsData;
        }
        let billing: AddressInput | null = null;
        if (obj.billingAddress !== undefined && obj.billingAddress !== null) {
            // shipToPhoneNumber is ignored by the payments API rather than refused.
            const raw = { ...requireObject(obj.billingAddress, 'billingAddress') };
            delete raw.shipToPhoneNumber;
            billing = validateAddress(raw, 'billingAddress', { shipToPhone: false });
        }
        const checkout = this.checkoutFor(idOrActive);
        this.assertWritable(checkout);
        const previous = checkout.payments[checkout.payments.length - 1];
        if (previous && previous.status === 'Authorized' && previous.requestType !== requestType) {
            throw invalidInput(
                `The payment type can't change from ${previous.requestType} to ${requestType}; only the billing address can.`
            );
        }
        const declined = obj.paymentToken.toLowerCase() === 'decline';
        for (const p of checkout.payments) {
            if (p.status === 'Authorized')
                p.status = p.requestType === 'SimplePurchaseOrder' ? 'Replaced' : 'Reversed';
        }
        if (billing) checkout.billingAddress = { ...billing, id: this.ids.next(PREFIX.address) };
        const payment: PaymentRecord = {
            id: this.ids.next(PREFIX.payment),
            checkoutId: checkout.id,
            requestType,
            paymentToken: obj.paymentToken,
            paymentsData,
            billingAddress: checkout.billingAddress,
            amount: formatMoney(this.totals(checkout).grand),
            currencyIsoCode: this.scenario.currencyIsoCode,
            salesforceResultCode: declined ? 'Decline' : 'Success',
            status: declined ? 'Declined' : 'Authorized',
            createdAt: this.now()
        };
        checkout.payments.push(payment);
        const errors = declined
            ? [
                  {
                      type: '/commerce/payment',
                      title: 'Your payment was declined',
                      detail: 'The payment method was declined. Use a different payment method.'
                  }
              ]
            : [];
        const result: Record<string, unknown> = {
            salesforceResultCode: payment.salesforceResultCode,
            errors
        };
        if (paymentsData !== undefined) result.paymentData = paymentsData;
        return { status: 200, body: result };
    }

    placeOrder(idOrActive: string, body: unknown): ApiResult {
        if (body !== undefined && !(isObject(body) && Object.keys(body).length === 0)) {
            throw invalidInput('Place order takes no request body.');
        }
        const checkout = this.checkoutFor(idOrActive);
        if (checkout.order) {
            return {
                status: 201,
                body: { orderReferenceNumber: checkout.order.orderReferenceNumber, errors: [] }
            };
        }
        if (checkout.job) throw conflict();
        const errors = this.errorsOf(checkout);
        if (errors.length > 0) return { status: 422, body: { orderReferenceNumber: null, errors } };
        const missing = this.missingForOrder(checkout);
        if (missing.length > 0)
            return { status: 412, body: { orderReferenceNumber: null, errors: missing } };

        const placedAt = this.now();
        const cartToOrder = this.duration('order');
        const confirmation = this.duration('order') / 2;
        const order: OrderRecord = {
            source: 'commerce',
            checkoutId: checkout.id,
            orderId: this.ids.next(PREFIX.order),
            orderNumber: String(100 + this.orders.length + 1).padStart(8, '0'),
            orderReferenceNumber: this.orderReference(),
            grandTotalAmount: formatMoney(this.totals(checkout).grand),
            currencyIsoCode: this.scenario.currencyIsoCode,
            placedAt,
            orderCreatedAt: placedAt + cartToOrder,
            completedAt: placedAt + cartToOrder + confirmation
        };
        checkout.order = order;
        this.orders.push(order);
        return {
            status: 201,
            body: { orderReferenceNumber: order.orderReferenceNumber, errors: [] }
        };
    }

    /** What place order needs and the checkout lacks: contact email, and per shipping group an address and a method. */
    private missingForOrder(checkout: CheckoutState): CheckoutErrorOut[] {
        const missing: CheckoutErrorOut[] = [];
        const type = '/commerce/global/place-order';
        if (!checkout.contactInfo?.email) {
            missing.push({
                type,
                title: 'Contact information is incomplete',
                detail: 'Enter an email address.'
            });
        }
        for (const group of checkout.groups) {
            if (isAllDigital(group)) continue;
            if (!group.deliveryAddress) {
                missing.push({
                    type,
                    title: 'A shipping address is missing',
                    detail: `Enter a shipping address for ${group.name}.`,
                    instance: group.id
                });
            } else if (!selectedMethod(group)) {
                missing.push({
                    type,
                    title: 'A delivery method is missing',
                    detail: `Choose a delivery method for ${group.name}.`,
                    instance: group.id
                });
            }
        }
        return missing;
    }

    /** Order reference numbers look like `ER37G-VYS2M-6GPHH-HG4DE`. */
    private orderReference(): string {
        const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
        const blocks: string[] = [];
        for (let b = 0; b < 4; b++) {
            let block = '';
            for (let i = 0; i < 5; i++)
                block += alphabet.charAt(this.orderRandom.index(alphabet.length));
            blocks.push(block);
        }
        return blocks.join('-');
    }

    accountAddressesPage(accountId: string, query: URLSearchParams): ApiResult {
        if (this.scenario.isGuest) {
            throw new ApiError(403, 'FORBIDDEN', 'A guest shopper has no account addresses.');
        }
        if (!sameId(accountId, this.accountId))
            throw notFound(`Account "${accountId}" was not found or isn't accessible.`);
        const type = query.get('addressType');
        if (type !== null && type !== 'Shipping' && type !== 'Billing') {
            throw invalidInput('addressType must be Shipping or Billing.');
        }
        const pageSize = query.has('pageSize') ? Number(query.get('pageSize')) : 25;
        if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100)
            throw invalidInput('pageSize must be an integer from 1 to 100.');
        const token = query.get('pageToken');
        const start = token === null ? 0 : Number(token);
        if (!Number.isInteger(start) || start < 0)
            throw invalidInput(`pageToken "${token}" isn't valid.`);
        const all = this.accountAddresses.filter((a) => type === null || a.addressType === type);
        const page = all.slice(start, start + pageSize);
        return {
            status: 200,
            body: {
                count: page.length,
                currentPageToken: String(start),
                nextPageToken: start + pageSize < all.length ? String(start + pageSize) : null,
                items: page.map((a) => ({
                    addressId: a.addressId,
                    addressType: a.addressType,
                    name: a.name,
                    firstName: a.firstName ?? null,
                    lastName: a.lastName ?? null,
                    companyName: a.companyName ?? null,
                    street: a.street,
                    city: a.city,
                    region: a.region ?? null,
                    country: a.country,
                    postalCode: a.postalCode ?? null,
                    isDefault: a.isDefault
                }))
            }
        };
    }

    sessionContext(): ApiResult {
        return {
            status: 200,
            body: this.scenario.isGuest
                ? { effectiveAccountId: null, isLoggedIn: false }
                : { effectiveAccountId: this.accountId, isLoggedIn: true }
        };
    }

    // ------------------------------------------------------------------------------------------------------
    // Output shapes
    // ------------------------------------------------------------------------------------------------------

    private errorsOf(checkout: CheckoutState): CheckoutErrorOut[] {
        return [...checkout.jobErrors, ...checkout.groups.flatMap((g) => g.errors)];
    }

    private totals(checkout: CheckoutState): {
        product: Cents;
        list: Cents;
        promotion: Cents;
        charges: Cents;
        tax: Cents;
        grand: Cents;
    } {
        const product = productCents(checkout.groups);
        const list = checkout.groups.reduce(
            (s, g) => s + g.items.reduce((t, i) => t + i.listPrice * i.quantity, 0),
            0
        );
        const charges = checkout.groups.reduce(
            (s, g) => s + (selectedMethod(g)?.adjustedCents ?? 0),
            0
        );
        const tax = checkout.groups.reduce((s, g) => s + g.taxCents, 0);
        const promotion = checkout.promotionCents;
        return {
            product,
            list,
            promotion,
            charges,
            tax,
            grand: product + promotion + charges + tax
        };
    }

    checkoutBody(checkout: CheckoutState, status: number): Record<string, unknown> {
        const t = this.totals(checkout);
        const itemCount = checkout.groups.reduce(
            (s, g) => s + g.items.reduce((n, i) => n + i.quantity, 0),
            0
        );
        const uniqueProducts = new Set(checkout.groups.flatMap((g) => g.items.map((i) => i.sku)))
            .size;
        const customFields: Record<string, unknown>[] = [];
        if (Object.keys(checkout.cartCustomFields).length > 0) {
            customFields.push({
                attributes: { type: 'WebCart' },
                Id: this.cartId,
                ...checkout.cartCustomFields
            });
        }
        for (const group of checkout.groups) {
            if (Object.keys(group.customFields).length > 0) {
                customFields.push({
                    attributes: { type: 'CartDeliveryGroup' },
                    Id: group.id,
                    ...group.customFields
                });
            }
        }
        return {
            checkoutId: checkout.id,
            cartSummary: {
                accountId: this.scenario.isGuest ? null : this.accountId,
                cartId: this.cartId,
                currencyIsoCode: this.scenario.currencyIsoCode,
                name: this.cartName,
                ownerId: this.ownerId,
                webstoreId: this.webstoreId,
                grandTotalAmount: formatMoney(t.grand),
                totalChargeAmount: formatMoney(t.charges),
                totalListPrice: formatMoney(t.list),
                totalProductAmount: formatMoney(t.product),
                totalProductAmountAfterAdjustments: formatMoney(t.product + t.promotion),
                totalPromotionalAdjustmentAmount: formatMoney(t.promotion),
                totalTaxAmount: formatMoney(t.tax),
                totalProductCount: String(itemCount),
                uniqueProductCount: uniqueProducts,
                status: checkout.order ? 'PendingClosed' : 'Checkout',
                type: 'Cart',
                isSecondary: false,
                taxType: 'Net',
                asyncOperationStatus: checkout.job
                    ? 'Processing'
                    : this.errorsOf(checkout).length > 0
                      ? 'Errored'
                      : 'Completed'
            },
            contactInfo: checkout.contactInfo ? { ...checkout.contactInfo } : null,
            customFields,
            deliveryGroups: {
                count: checkout.groups.length,
                items: checkout.groups.map((g) => this.groupBody(g))
            },
            errors: this.errorsOf(checkout),
            orderReferenceNumber: checkout.order?.orderReferenceNumber ?? null,
            statusCode: String(status)
        };
    }

    private groupBody(group: GroupState): Record<string, unknown> {
        const selected = selectedMethod(group);
        return {
            id: group.id,
            name: group.name,
            cartId: this.cartId,
            isDefault: group.isDefault,
            isAllDigitalCartItems: isAllDigital(group),
            isGift: false,
            giftMessage: null,
            giftToName: null,
            deliveryAddress: group.deliveryAddress ? { ...group.deliveryAddress } : null,
            desiredDeliveryDate: group.desiredDeliveryDate,
            shippingInstructions: group.shippingInstructions,
            availableDeliveryMethods: group.methods.map(methodBody),
            selectedDeliveryMethod: selected ? methodBody(selected) : null,
            totalCartItemCount: group.items.reduce((n, i) => n + i.quantity, 0),
            totalProductAmount: formatMoney(
                group.items.reduce((s, i) => s + i.unitPrice * i.quantity, 0)
            ),
            cartItems: {
                count: group.items.length,
                items: group.items.map((i) => ({
                    cartItemId: i.id,
                    productId: i.productId,
                    name: i.name,
                    sku: i.sku,
                    quantity: String(i.quantity),
                    listPrice: formatMoney(i.listPrice),
                    unitAdjustedPrice: formatMoney(i.unitPrice),
                    totalAmount: formatMoney(i.unitPrice * i.quantity),
                    type: 'Product'
                }))
            },
            errors: [...group.errors]
        };
    }

    /** The CartCheckoutSession record, with its API field names, as the clock says it stands now. */
    sessionRecord(idOrActive: string): Record<string, unknown> | null {
        let checkout: CheckoutState;
        try {
            checkout =
                idOrActive === 'active' ? this.checkoutFor('active') : this.findAny(idOrActive);
        } catch {
            return null;
        }
        this.settleCheckout(checkout, this.now());
        const now = this.now();
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
        } else if (this.errorsOf(checkout).length > 0) {
            state = 'Error';
            isError = true;
        } else if (this.missingForOrder(checkout).length === 0) {
            state = 'Checkout Summary';
        }
        return {
            Id: checkout.id,
            Name: checkout.name,
            WebCartId: this.cartId,
            CurrencyIsoCode: this.scenario.currencyIsoCode,
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

    private findAny(id: string): CheckoutState {
        const checkout = this.checkouts.find((c) => sameId(c.id, id));
        if (!checkout) throw notFound(`Checkout "${id}" was not found.`);
        return checkout;
    }

    /** The current checkout as GET would answer it (a deleted one: 410, no body), or null when there is none. */
    currentCheckout(): { status: number; body: Record<string, unknown> | null } | null {
        const id = this.currentCheckoutId;
        if (!id) return null;
        const checkout = this.findAny(id);
        if (checkout.deleted) return { status: 410, body: null };
        this.settleCheckout(checkout, this.now());
        const status = this.statusOf(checkout);
        return { status, body: this.checkoutBody(checkout, status) };
    }

    currentPayments(): PaymentRecord[] {
        const id = this.currentCheckoutId;
        return id ? this.findAny(id).payments.map((p) => ({ ...p })) : [];
    }

    /** When the current checkout's calculators finish (or finished), for readiness measurements. */
    processing(): { running: boolean; readyAt: number | null; calculators: Calculator[] } {
        const id = this.currentCheckoutId;
        const checkout = id ? this.findAny(id) : null;
        if (checkout) this.settleCheckout(checkout, this.now());
        const job = checkout?.job;
        if (job) {
            return {
                running: true,
                readyAt: job.steps[job.steps.length - 1].endsAt,
                calculators: job.steps.map((s) => s.calculator)
            };
        }
        const last = [...this.history].reverse().find((h) => h.checkoutId === id);
        return {
            running: false,
            readyAt: last?.readyAt ?? null,
            calculators: last?.calculators ?? []
        };
    }

    // ------------------------------------------------------------------------------------------------------
    // Industries CPQ
    // ------------------------------------------------------------------------------------------------------

    private buildCpq(scenario: Scenario, overrides: CpqOrderOverrides | undefined): CpqState {
        const data = scenario.cpq!;
        const lines: CpqLineState[] = data.lines.map((line) => ({
            Id: this.ids.next(PREFIX.orderItem),
            Name: line.name,
            bundle: line.bundle,
            isRoot: line.isRoot === true,
            requiredChildren: line.requiredChildren ?? 0,
            oneTime: line.oneTime,
            recurring: line.recurring,
            quantity: line.quantity,
            FulfilmentStatus__c: line.fulfilmentStatus
        }));
        if (overrides?.incompleteBundle) {
            const child = lines.findIndex((l) => l.bundle && !l.isRoot);
            if (child >= 0) lines.splice(child, 1);
        }
        const notActivated = overrides?.notActivatedLines ?? 0;
        for (let i = 0; i < Math.min(notActivated, lines.length); i++)
            lines[lines.length - 1 - i].FulfilmentStatus__c = 'Draft';
        return {
            cartId: makeId(PREFIX.order, 7100),
            namespace: 'vlocity_cmt',
            orderNumber: '00000217',
            Status: overrides?.Status ?? data.status,
            OrderStatus__c:
                overrides?.OrderStatus__c !== undefined
                    ? overrides.OrderStatus__c
                    : data.orderStatus,
            SupersededOrderId__c:
                overrides?.SupersededOrderId__c !== undefined
                    ? overrides.SupersededOrderId__c
                    : data.supersededOrderId,
            isMultiSite: overrides?.isMultiSite ?? data.isMultiSite,
            sites: overrides?.isMultiSite ? ['San Francisco HQ', 'Portland Warehouse'] : data.sites,
            lines
        };
    }

    setCpqOutcomes(outcomes: string[] | undefined): void {
        if (outcomes !== undefined) this.cpqOutcomes = [...outcomes];
    }

    cpqCart(namespace: string, cartId: string): CpqState {
        const cpq = this.cpq;
        if (!cpq)
            throw notFound(
                'This store has no Industries CPQ cart (reset with the "cpq" scenario).'
            );
        if (namespace !== cpq.namespace)
            throw notFound(`No Apex REST service is installed under the namespace "${namespace}".`);
        if (!sameId(cartId, cpq.cartId)) throw notFound(`CPQ cart "${cartId}" was not found.`);
        return cpq;
    }

    cpqSummary(namespace: string, cartId: string, href: string): ApiResult {
        const cpq = this.cpqCart(namespace, cartId);
        const oneTime = round2(cpq.lines.reduce((s, l) => s + l.oneTime * l.quantity, 0));
        const recurring = round2(cpq.lines.reduce((s, l) => s + l.recurring * l.quantity, 0));
        return {
            status: 200,
            body: {
                records: [
                    {
                        Id: cpq.cartId,
                        AccountId: this.accountId,
                        AccountName: this.scenario.accountName,
                        OrderNumber: cpq.orderNumber,
                        Status: cpq.Status,
                        OrderStatus__c: cpq.OrderStatus__c,
                        EffectiveOneTimeTotal__c: oneTime,
                        EffectiveRecurringTotal__c: recurring,
                        CurrencyIsoCode: this.scenario.currencyIsoCode,
                        IsMultiSite: cpq.isMultiSite,
                        Sites: cpq.sites
                    }
                ],
                actions: {
                    checkout: { method: 'POST', href, rest: { method: 'POST', link: href } }
                },
                messages: [],
                totalSize: 1
            }
        };
    }

    cpqCheckout(namespace: string, cartId: string, body: unknown): ApiResult {
        const cpq = this.cpqCart(namespace, cartId);
        const obj = body === undefined ? {} : requireObject(body, 'The request body');
        rejectUnknownKeys(
            obj,
            [
                'methodName',
                'cartId',
                'ContextId',
                'validateSubmittedXLI',
                'assetizeFullBundlePerRoot',
                'checkOrderStatus',
                'provisioningStatus',
                'skipCheckoutValidation'
            ],
            'the CPQ checkout input'
        );
        if (obj.methodName !== undefined && obj.methodName !== 'checkout') {
            throw invalidInput(
                `methodName "${String(obj.methodName)}" isn't supported here; use "checkout".`
            );
        }
        if (
            obj.cartId !== undefined &&
            (typeof obj.cartId !== 'string' || !sameId(obj.cartId, cpq.cartId))
        ) {
            throw invalidInput('cartId in the body must match the cart in the URL.');
        }
        if (obj.ContextId !== undefined && typeof obj.ContextId !== 'string')
            throw invalidInput('ContextId must be a string.');
        const checkOrderStatus = flag(obj, 'checkOrderStatus', true);
        const validateSubmittedXLI = flag(obj, 'validateSubmittedXLI', false);
        flag(obj, 'assetizeFullBundlePerRoot', false);
        flag(obj, 'skipCheckoutValidation', false);

        const refusal = (messages: { code: string; message: string }[]): ApiResult => ({
            status: 200,
            body: {
                messages: messages.map((m) => ({ ...m, severity: 'ERROR' })),
                records: [],
                totalSize: 0,
                actions: {}
            }
        });
        if (checkOrderStatus && isActiveOrder(cpq)) {
            return refusal([
                {
                    code: 'CPQ-ORDER-ACTIVE',
                    message: `Order ${cpq.orderNumber} is already active (Status ${cpq.Status}, OrderStatus__c ${cpq.OrderStatus__c ?? 'none'}) and can't be submitted again.`
                }
            ]);
        }
        if (validateSubmittedXLI) {
            const problems: { code: string; message: string }[] = [];
            const incomplete = incompleteBundles(cpq);
            if (incomplete.length > 0) {
                problems.push({
                    code: 'CPQ-BUNDLE-INCOMPLETE',
                    message: `Incomplete bundles: ${incomplete.join(', ')}.`
                });
            }
            const notActivated = cpq.lines.filter((l) => l.FulfilmentStatus__c !== 'Activated');
            if (notActivated.length > 0) {
                problems.push({
                    code: 'CPQ-XLI-NOT-ACTIVATED',
                    message: `Line items not activated: ${notActivated.map((l) => l.Name).join(', ')}.`
                });
            }
            if (problems.length > 0) return refusal(problems);
        }

        const code =
            obj.ContextId === undefined || obj.ContextId === ''
                ? 'SUBMIT-1005'
                : this.nextCpqOutcome();
        const accepted = code === 'SUBMIT-1001' || code === 'SUBMIT-1002' || code === 'SUBMIT-1008';
        if (accepted || code === 'SUBMIT-1006') {
            // 1006: Order Management's answer is unknown, but the order may exist: it is marked as submitted.
            cpq.OrderStatus__c = code === 'SUBMIT-1008' ? 'Complete' : 'In Progress';
            if (code === 'SUBMIT-1008') cpq.Status = 'Activated';
        }
        if (accepted) {
            this.orders.push({
                source: 'cpq',
                checkoutId: null,
                orderId: cpq.cartId,
                orderNumber: cpq.orderNumber,
                orderReferenceNumber: null,
                grandTotalAmount: formatMoney(
                    Math.round(cpq.lines.reduce((s, l) => s + l.oneTime * l.quantity, 0) * 100)
                ),
                currencyIsoCode: this.scenario.currencyIsoCode,
                placedAt: this.now(),
                code
            });
        }
        return {
            status: 200,
            body: {
                messages: [
                    { code, severity: accepted ? 'INFO' : 'ERROR', message: SUBMIT_MESSAGES[code] }
                ],
                records: accepted
                    ? [
                          {
                              orderId: cpq.cartId,
                              orderNumber: cpq.orderNumber,
                              status: cpq.OrderStatus__c ?? 'In Progress'
                          }
                      ]
                    : [],
                totalSize: accepted ? 1 : 0,
                actions: {}
            }
        };
    }

    private nextCpqOutcome(): string {
        if (this.cpqOutcomes.length > 1) return this.cpqOutcomes.shift()!;
        return this.cpqOutcomes[0] ?? 'SUBMIT-1001';
    }
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

/** The seed's definition of an active order. */
function isActiveOrder(cpq: CpqState): boolean {
    return (
        cpq.Status === 'Activated' ||
        ['In Progress', 'Cancelled', 'Cancel Requested', 'Complete'].includes(
            cpq.OrderStatus__c ?? ''
        ) ||
        (cpq.SupersededOrderId__c !== null && cpq.SupersededOrderId__c !== '')
    );
}

function incompleteBundles(cpq: CpqState): string[] {
    const result: string[] = [];
    for (const root of cpq.lines.filter((l) => l.isRoot && l.bundle)) {
        const children = cpq.lines.filter((l) => l.bundle === root.bundle && !l.isRoot).length;
        if (children < root.requiredChildren) result.push(root.Name);
    }
    return result;
}

/** CPQ flags arrive as booleans, or as "true"/"false" strings in Vlocity style. */
function flag(obj: JsonObject, key: string, fallback: boolean): boolean {
    const value = obj[key];
    if (value === undefined || value === null) return fallback;
    if (value === true || value === 'true') return true;
    if (value === false || value === 'false') return false;
    throw invalidInput(`${key} must be true or false.`);
}

function round2(n: number): number {
    return Math.round(n * 100) / 100;
}

function productCents(groups: GroupState[]): Cents {
    return groups.reduce(
        (s, g) => s + g.items.reduce((t, i) => t + i.unitPrice * i.quantity, 0),
        0
    );
}

function isAllDigital(group: GroupState): boolean {
    return group.items.length > 0 && group.items.every((i) => i.isDigital);
}

function selectedMethod(group: GroupState): DeliveryMethodOut | undefined {
    return group.methods.find((m) => m.id === group.selectedMethodId);
}

function methodBody(method: DeliveryMethodOut): Record<string, unknown> {
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const { adjustedCents, ...wire } = method;
    return wire;
}

function parseToday(today: string | undefined): number {
    if (today !== undefined) {
        const t = Date.parse(`${today}T00:00:00.000Z`);
        if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(t))
            throw invalidInput('today must be yyyy-MM-dd.');
        return t;
    }
    const now = new Date();
    return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
}
