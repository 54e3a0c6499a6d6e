/**
 * Start or resume a checkout (`POST`/`PUT …/checkouts`): a new session, or the active one answering as it
 * stands.
 */
import type { Calculator } from '../faults';
import { invalidInput } from '../errors';
import { PREFIX, makeId } from '../ids';
import { hashString } from '../random';
import { validateAddress } from '../validation/address';
import { validateCustomFields, type CustomFieldItem } from '../validation/customFields';
import { validateId } from '../validation/formats';
import { rejectUnknownKeys, requireObject } from '../validation/json';
import { savedAddressById, savedAddressOut } from './accounts';
import { settleCheckout, startJob } from './calculatorTimeline';
import { applyCustomFields, precheckNewCheckoutCustomFields } from './customFieldTargets';
import type { Org } from './org';
import {
    isAllDigital,
    type AddressOut,
    type ApiResult,
    type CheckoutState,
    type GroupState
} from './records';
import { checkoutBody, statusOf } from './responseBodies';

/**
 * Long sessions restart many times: at most this many checkouts are kept (the oldest deleted ones go
 * first).
 */
const MAX_CHECKOUTS = 200;

export function startCheckout(org: Org, body: unknown, apiVersion: number): ApiResult {
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
        customFields = validateCustomFields(obj.customFields, org.scenario.customFields, warnings);
    }
    let address: AddressOut | null = null;
    if (obj.deliveryAddressInput !== undefined) {
        if (apiVersion < 61)
            throw invalidInput('deliveryAddressInput is available from API version 61.0.');
        address = startAddress(org, obj.deliveryAddressInput);
    }
    org.checkCart(obj.cartId);

    const existing = org.activeCheckout;
    if (existing) {
        settleCheckout(org, existing, org.now());
        if (existing.job) return { status: 202, body: { checkoutId: existing.id }, warnings };
        if (existing.order)
            return { status: 200, body: checkoutBody(org, existing, 200), warnings };
        if (customFields) applyCustomFields(org, existing, customFields, true);
        const failedBefore = existing.due.calculators.length > 0;
        if (!address && !customFields && !failedBefore) {
            // Resuming an idle session: it answers as GET would; nothing it runs would change.
            const status = statusOf(existing);
            return { status, body: checkoutBody(org, existing, status), warnings };
        }
        const calculators: Calculator[] = [];
        if (address) {
            org.defaultGroup(existing).deliveryAddress = address;
            calculators.push('shipping', 'tax');
        } else if (customFields) {
            calculators.push('tax');
        }
        // A start runs pricing, promotions and inventory (dev guide): after a failed calculation, a resume is
        // how a client runs pricing or inventory again.
        if (failedBefore) calculators.push('inventory', 'pricing', 'promotions');
        startJob(
            org,
            existing,
            'start',
            calculators,
            address ? [org.defaultGroup(existing).id] : []
        );
        return { status: 202, body: { checkoutId: existing.id }, warnings };
    }

    if (customFields) precheckNewCheckoutCustomFields(org, customFields);
    const checkout = createCheckout(org);
    if (customFields) applyCustomFields(org, checkout, customFields, true);
    if (address) org.defaultGroup(checkout).deliveryAddress = address;
    const withAddress = checkout.groups.filter((g) => g.deliveryAddress && !isAllDigital(g));
    const calculators: Calculator[] = ['inventory', 'pricing', 'promotions'];
    if (withAddress.length > 0) calculators.push('shipping', 'tax');
    startJob(
        org,
        checkout,
        'start',
        calculators,
        withAddress.map((g) => g.id)
    );
    return { status: 202, body: { checkoutId: checkout.id }, warnings };
}

function startAddress(org: Org, value: unknown): AddressOut | null {
    const obj = requireObject(value, 'deliveryAddressInput');
    if (
        obj.shouldUseDefaultAddress !== undefined &&
        typeof obj.shouldUseDefaultAddress !== 'boolean'
    ) {
        throw invalidInput('deliveryAddressInput.shouldUseDefaultAddress must be true or false.');
    }
    if (obj.id !== undefined) validateId(obj.id, 'deliveryAddressInput.id');
    if (obj.shouldUseDefaultAddress === true) {
        rejectUnknownKeys(
            obj,
            ['shouldUseDefaultAddress', 'id'],
            'deliveryAddressInput with shouldUseDefaultAddress'
        );
        const saved = org.accountAddresses.find((a) => a.addressType === 'Shipping' && a.isDefault);
        if (!saved)
            throw invalidInput(
                'shouldUseDefaultAddress is true but the buyer has no default shipping address.'
            );
        return savedAddressOut(saved);
    }
    if (typeof obj.id === 'string') {
        const saved = savedAddressById(org, obj.id, 'deliveryAddressInput');
        // `{id}` alone is the saved address; with fields, those fields under that id.
        if (Object.keys(obj).length === 1) return saved;
    }
    const input = validateAddress(obj, 'deliveryAddressInput', {
        extraKeys: ['id', 'shouldUseDefaultAddress'],
        shipToPhone: false
    });
    return {
        ...input,
        id: typeof obj.id === 'string' ? obj.id : org.ids.next(PREFIX.address)
    };
}

function createCheckout(org: Org): CheckoutState {
    const scenario = org.scenario;
    const groups: GroupState[] = scenario.groups.map((g, index) => ({
        id: org.ids.next(PREFIX.deliveryGroup),
        name: g.name,
        isDefault: index === 0,
        items: g.items.map((item) => ({
            id: org.ids.next(PREFIX.cartItem),
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
        const saved = org.accountAddresses.find((a) => a.addressType === 'Shipping' && a.isDefault);
        if (saved) groups[index].deliveryAddress = savedAddressOut(saved);
    }
    const checkout: CheckoutState = {
        id: org.ids.next(PREFIX.checkout),
        name: `Checkout ${org.checkouts.length + 1}`,
        createdAt: org.now(),
        contactInfo: scenario.buyer ? { ...scenario.buyer } : null,
        groups,
        cartCustomFields: {},
        billingAddress: null,
        payments: [],
        promotionCents: 0,
        jobErrors: [],
        job: null,
        due: { calculators: [], shippingGroupIds: [] },
        order: null,
        deleted: false
    };
    org.checkouts.push(checkout);
    org.activeCheckout = checkout;
    // Long sessions restart many times: forget the oldest deleted checkouts (their ids then answer 404).
    while (org.checkouts.length > MAX_CHECKOUTS) {
        const oldest = org.checkouts.findIndex((c) => c.deleted);
        if (oldest < 0) break;
        org.checkouts.splice(oldest, 1);
    }
    return checkout;
}
