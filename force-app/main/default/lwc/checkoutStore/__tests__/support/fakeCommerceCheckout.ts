/**
 * The Commerce checkout the fake server holds: its delivery groups, contact, custom fields, payment and session
 * record, and how it answers each request that reaches it (the transport around it: fakeCheckoutServer.ts).
 */
import type {
    CheckoutAddress,
    CheckoutSessionRecord,
    ContactInfo,
    DeliveryMethod,
    HttpMethod,
    HttpResponse
} from '../../types';
import { contractRejects } from './contractRules';
import type { FakeClock } from './fakeClock';
import { SAMPLE_ADDRESS, SAVED_ADDRESS_ID } from './fakeFixtures';

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

export class FakeCommerceCheckout {
    readonly forbiddenBodies: Array<{ body: unknown; reason: string }> = [];
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
    /** Method ids the shipping calculator no longer offers (e.g. a carrier withdrawn meanwhile). */
    readonly withdrawnMethods = new Set<string>();
    /** Set to give the methods new ids from the next shipping run on (see `methodsFor`). */
    methodIdVariant = '';
    readonly processingMs: Required<NonNullable<FakeServerOptions['processingMs']>>;
    readonly guest: boolean;

    constructor(
        protected readonly clock: FakeClock,
        options: FakeServerOptions = {}
    ) {
        checkoutCounter += 1;
        this.checkoutId = `2z9000000000${String(checkoutCounter).padStart(3, '0')}AAA`;
        this.guest = options.guest ?? true;
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
    protected handle(method: HttpMethod, path: string, body: unknown): HttpResponse {
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
}
