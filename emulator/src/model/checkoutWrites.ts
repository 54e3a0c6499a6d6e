/**
 * Checkout writes: PATCH of the checkout, PATCH of a cart delivery group, DELETE (and the expiry the goneRate
 * fault plays). Each validates everything first, then applies and schedules the calculators it triggers; a
 * write while calculators run answers 409.
 */
import type { Calculator } from '../faults';
import { conflict, invalidInput, notFound } from '../errors';
import { PREFIX, sameId } from '../ids';
import { validateContactInfo } from '../validation/contact';
import { validateCustomFields, type CustomFieldItem } from '../validation/customFields';
import { validateGroupChanges, type GroupChangesInput } from '../validation/groupChanges';
import { rejectUnknownKeys, requireObject } from '../validation/json';
import { savedAddressById } from './accounts';
import { startJob } from './calculatorTimeline';
import { applyCustomFields, resolveCustomFieldIds } from './customFieldTargets';
import type { Org } from './org';
import {
    CHECKOUT_PATCH_KEYS,
    checkDeliveryGroupCombination,
    checkPatchCombination
} from './patchRules';
import {
    isAllDigital,
    type AddressOut,
    type ApiResult,
    type CheckoutState,
    type GroupState
} from './records';
import { checkoutBody, groupBody } from './responseBodies';

export function patchCheckout(
    org: Org,
    idOrActive: string,
    body: unknown,
    apiVersion: number
): ApiResult {
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
        if (apiVersion < 60) throw invalidInput('customFields is available from API version 60.0.');
        customFields = validateCustomFields(obj.customFields, org.scenario.customFields, warnings);
    }
    checkPatchCombination(keys, customFields);

    const checkout = org.checkoutFor(idOrActive);
    assertWritable(checkout);
    const group = org.defaultGroup(checkout);
    if (methodId !== undefined) assertMethodSelectable(group, methodId);
    if (customFields) resolveCustomFieldIds(org, checkout, customFields);
    const saved = savedAddressOf(org, changes);

    // Everything is valid: apply.
    if (contact) checkout.contactInfo = { ...(checkout.contactInfo ?? {}), ...contact };
    const calculators = applyGroupChanges(org, checkout, group, changes, saved);
    if (customFields) {
        applyCustomFields(org, checkout, customFields, false);
        calculators.add('tax');
    }
    startGroupJob(org, checkout, 'patch', group, calculators);
    const status = checkout.job ? 202 : 200;
    return { status, body: checkoutBody(org, checkout, status), warnings };
}

export function deleteCheckout(org: Org, idOrActive: string): ApiResult {
    const checkout = org.checkoutFor(idOrActive);
    assertWritable(checkout);
    endCheckout(org, checkout);
    return { status: 204 };
}

/**
 * Ends a checkout as an expired session would (the goneRate fault): like a DELETE, it answers 410 from now on
 * and a start makes a new one. A checkout with an order, or already gone, doesn't expire: false then.
 */
export function expireCheckout(org: Org, idOrActive: string): boolean {
    const checkout =
        idOrActive === 'active'
            ? org.activeCheckout
            : org.checkouts.find((c) => sameId(c.id, idOrActive));
    if (!checkout || checkout.deleted || checkout.order) return false;
    checkout.job = null;
    endCheckout(org, checkout);
    return true;
}

function endCheckout(org: Org, checkout: CheckoutState): void {
    clearPayment(checkout);
    checkout.deleted = true;
    if (org.activeCheckout === checkout) org.activeCheckout = null;
}

/** Cart delivery-group PATCH (59.0): the shipping fields of any group, or its delivery method alone. */
export function patchDeliveryGroup(
    org: Org,
    cartIdOrActive: string,
    groupId: string,
    body: unknown
): ApiResult {
    org.checkCart(cartIdOrActive);
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
    checkDeliveryGroupCombination(keys, name !== undefined, methodId !== undefined);

    if (!org.activeCheckout)
        throw notFound('There is no active checkout for this cart. Start one first.');
    const checkout = org.checkoutFor(org.activeCheckout.id);
    const group = checkout.groups.find((g) => sameId(g.id, groupId));
    if (!group) throw notFound(`Delivery group "${groupId}" was not found in this cart.`);
    assertWritable(checkout);
    if (methodId !== undefined) assertMethodSelectable(group, methodId);
    const saved = savedAddressOf(org, changes);

    if (name !== undefined) group.name = name;
    const calculators = applyGroupChanges(org, checkout, group, changes, saved);
    startGroupJob(org, checkout, 'delivery-group', group, calculators);
    const status = checkout.job ? 202 : 200;
    return { status, body: groupBody(org, group) };
}

/**
 * Applies shipping fields or a delivery method to a group; returns the calculators they trigger. Shipping is
 * off for an all-digital group, but its address still drives tax. A new method clears payment.
 */
function applyGroupChanges(
    org: Org,
    checkout: CheckoutState,
    group: GroupState,
    changes: GroupChangesInput,
    saved: AddressOut | undefined
): Set<Calculator> {
    const calculators = new Set<Calculator>();
    const shippingChanged = (): void => {
        if (!isAllDigital(group)) calculators.add('shipping');
        calculators.add('tax');
    };
    if (changes.address || saved) {
        group.deliveryAddress = saved ?? { ...changes.address, id: org.ids.next(PREFIX.address) };
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
        group.selectedMethodId = group.methods.find((m) => sameId(m.id, methodId))?.id ?? methodId;
        clearPayment(checkout);
        calculators.add('tax');
    }
    return calculators;
}

/** The saved address a `deliveryAddress: {id}` names (checked before anything changes), if it names one. */
function savedAddressOf(org: Org, changes: GroupChangesInput): AddressOut | undefined {
    return changes.savedAddressId === undefined
        ? undefined
        : savedAddressById(org, changes.savedAddressId, 'deliveryAddress');
}

/** Starts the calculators a group change triggered, shipping before tax; shipping for that group only. */
function startGroupJob(
    org: Org,
    checkout: CheckoutState,
    kind: string,
    group: GroupState,
    calculators: Set<Calculator>
): void {
    const ordered = (['shipping', 'tax'] as Calculator[]).filter((c) => calculators.has(c));
    startJob(org, checkout, kind, ordered, calculators.has('shipping') ? [group.id] : []);
}

/** A checkout with an order, or with calculators running, takes no more writes. */
export function assertWritable(checkout: CheckoutState): void {
    if (checkout.order) {
        throw invalidInput(
            'The order for this checkout was already placed; the checkout can no longer be changed.'
        );
    }
    if (checkout.job) throw conflict();
}

function assertMethodSelectable(group: GroupState, methodId: string): void {
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

/** A new delivery method, a DELETE: the payment and billing address go (the shopper pays again). */
export function clearPayment(checkout: CheckoutState): void {
    checkout.payments = [];
    checkout.billingAddress = null;
}
