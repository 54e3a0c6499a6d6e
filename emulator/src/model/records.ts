/**
 * The records the emulated org keeps (checkouts, groups, jobs, payments, orders, CPQ) and small facts about
 * them.
 */
import type { Calculator } from '../faults';
import type { Cents } from '../money';
import type { ScenarioAddress } from '../scenarios';
import type { AddressInput } from '../validation/address';
import type { ContactInput } from '../validation/contact';
import type { Json } from '../validation/json';

export interface ApiResult {
    status: number;
    /** A JSON answer. */
    body?: unknown;
    /** An HTML answer instead (an ended site session's login page). */
    page?: string;
    headers?: Record<string, string>;
    warnings?: string[];
}

export interface CheckoutErrorOut {
    type: string;
    title: string;
    detail: string;
    instance?: string;
}

export interface AddressOut extends AddressInput {
    id: string;
}

export interface DeliveryMethodOut {
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

export interface ItemState {
    id: string;
    productId: string;
    name: string;
    sku: string;
    quantity: number;
    listPrice: Cents;
    unitPrice: Cents;
    isDigital: boolean;
}

export interface GroupState {
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

export interface Step {
    calculator: Calculator;
    endsAt: number;
    fails: boolean;
}

export interface Job {
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
    /**
     * Commerce: the payment the checkout held when the order was placed (its authorized one), null without
     * one; kept on the order because a later write could never change it, but a reader should not have to know.
     */
    payment?: OrderPayment | null;
}

/** A placed order's payment: what was charged, to which billing address. */
export interface OrderPayment {
    requestType: string;
    paymentToken: string;
    billingAddress: AddressOut | null;
}

export interface CheckoutState {
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
    /**
     * The calculations a failure left undone (the failed one and those after it), and the groups shipping
     * owes: the next write that triggers any calculation runs them too, so a retry recovers the checkout.
     */
    due: { calculators: Calculator[]; shippingGroupIds: string[] };
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
    settings: CpqSettings;
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
    /**
     * Overrides of the CPQ order header and lines (to make active orders and failed validations reachable).
     */
    cpqOrder?: CpqOrderOverrides;
    /** The admin's CPQ checkout settings (the Apex reads them; clients no longer send them). */
    cpqSettings?: Partial<CpqSettings>;
    /** False: every order POST places a new order (default true: the same order again). */
    idempotentOrders?: boolean;
    /** Place order refuses a checkout without a payment; the scenario's setting when left out. */
    paymentRequired?: boolean;
}

/** How the org's Industries CPQ checkout is configured: admin settings, not request parameters. */
export interface CpqSettings {
    namespace: string;
    /** Refuse to submit an order that is already active. */
    checkOrderStatus: boolean;
    /** Validate the submitted line items (activated, complete bundles) first. */
    validateSubmittedXLI: boolean;
}

export interface CpqOrderOverrides {
    Status?: string;
    OrderStatus__c?: string | null;
    SupersededOrderId__c?: string | null;
    incompleteBundle?: boolean;
    notActivatedLines?: number;
    isMultiSite?: boolean;
}

/** A saved account address with the id the org gave it. */
export type SavedAddress = ScenarioAddress & {
    addressId: string;
    addressType: string;
    isDefault: boolean;
};

export function productCents(groups: GroupState[]): Cents {
    return groups.reduce(
        (s, g) => s + g.items.reduce((t, i) => t + i.unitPrice * i.quantity, 0),
        0
    );
}

export function isAllDigital(group: GroupState): boolean {
    return group.items.length > 0 && group.items.every((i) => i.isDigital);
}

export function selectedMethod(group: GroupState): DeliveryMethodOut | undefined {
    return group.methods.find((m) => m.id === group.selectedMethodId);
}
