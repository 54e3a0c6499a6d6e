/**
 * The shopper's intent log: every value the scripted shopper typed or chose, in order, written by the
 * shopper from its own choices only (never from what a store holds). The soak judges the checkout against
 * the last entry of each field.
 *
 * Fields are named as the shopper sees them, not by the engine's keys: a delivery group's id changes when an
 * expired checkout is replaced, and a delivery method's id with the address, so the method is its name.
 */
import type {
    Checkout,
    CheckoutAddress,
    CheckoutSnapshot
} from '../../force-app/main/default/lwc/checkoutStore/types';
import {
    contactKey,
    groupKey,
    webCartKey
} from '../../force-app/main/default/lwc/checkoutStore/fields';
import { defaultGroup } from './shopper';

export const CONTACT_INTENTS = ['contact.firstName', 'contact.lastName', 'contact.email'] as const;
export const SHIPPING_INTENTS = [
    'shipping.deliveryAddress',
    'shipping.shippingInstructions',
    'shipping.desiredDeliveryDate'
] as const;
export const CUSTOM_FIELD = 'MyCustomTextField__c';

export type IntentField =
    | (typeof CONTACT_INTENTS)[number]
    | (typeof SHIPPING_INTENTS)[number]
    /** The chosen delivery method's name ("Two-Day"). */
    | 'shipping.deliveryMethod'
    | 'custom.MyCustomTextField__c'
    /** A purchase-order number, billed to the shipping address. */
    | 'payment.purchaseOrderNumber';

export interface IntentEntry {
    /** Epoch ms when the shopper acted. */
    at: number;
    /** The tab (store instance) the shopper acted in. */
    tab: string;
    field: IntentField;
    value: unknown;
    /** Entered again (after a reload, or because the page asked for it): the same value as before. */
    again?: true;
}

export class IntentLog {
    readonly entries: IntentEntry[] = [];

    record(tab: string, field: IntentField, value: unknown, again = false): void {
        this.entries.push({ at: Date.now(), tab, field, value, ...(again ? { again } : {}) });
    }

    /** The shopper's last word on every field it touched. */
    last(): Map<IntentField, IntentEntry> {
        const last = new Map<IntentField, IntentEntry>();
        for (const entry of this.entries) last.set(entry.field, entry);
        return last;
    }

    lastValue(field: IntentField): unknown {
        return this.last().get(field)?.value;
    }
}

/** The address fields the shopper types (or a saved address carries), compared one by one. */
export const TYPED_ADDRESS_FIELDS = [
    'firstName',
    'lastName',
    'street',
    'city',
    'region',
    'postalCode',
    'country'
] as const satisfies ReadonlyArray<keyof CheckoutAddress>;

/** The shopper's address is there: every field they gave has that value (the server adds ids, names). */
export function sameAddress(wanted: unknown, actual: unknown): boolean {
    if (!wanted || typeof wanted !== 'object' || !actual || typeof actual !== 'object')
        return false;
    const given = wanted as CheckoutAddress;
    const held = actual as CheckoutAddress;
    return TYPED_ADDRESS_FIELDS.every(
        (field) => given[field] === undefined || given[field] === held[field]
    );
}

const isBlank = (value: unknown): boolean => value === undefined || value === null || value === '';

/** Whether `actual` is what the shopper asked for in `field`. */
export function sameAsIntent(field: IntentField, intent: unknown, actual: unknown): boolean {
    if (field === 'shipping.deliveryAddress') return sameAddress(intent, actual);
    if (field === 'shipping.desiredDeliveryDate' && typeof actual === 'string')
        return typeof intent === 'string' && actual.startsWith(intent);
    return intent === actual || (isBlank(intent) && isBlank(actual));
}

/**
 * A field's value in a Checkout as the server answered it (the payment is not part of a checkout: see
 * the order's payment). The method is the selected method's name.
 */
export function checkoutValue(checkout: Checkout | null | undefined, field: IntentField): unknown {
    if (!checkout) return undefined;
    const group = defaultGroup(checkout.deliveryGroups?.items ?? []);
    switch (field) {
        case 'contact.firstName':
        case 'contact.lastName':
        case 'contact.email':
            return checkout.contactInfo?.[field.slice('contact.'.length) as 'email'];
        case 'shipping.deliveryAddress':
            return group?.deliveryAddress;
        case 'shipping.shippingInstructions':
            return group?.shippingInstructions;
        case 'shipping.desiredDeliveryDate':
            return group?.desiredDeliveryDate;
        case 'shipping.deliveryMethod':
            return group?.selectedDeliveryMethod?.name;
        case 'custom.MyCustomTextField__c':
            return checkout.customFields?.find((item) => item.attributes.type === 'WebCart')?.[
                CUSTOM_FIELD
            ];
        case 'payment.purchaseOrderNumber':
            return undefined;
    }
}

/** What a tab shows for a field: the server's values with the shopper's unsaved edits laid over them. */
export function shownValue(snapshot: CheckoutSnapshot, field: IntentField): unknown {
    const group = defaultGroup(snapshot.deliveryGroups);
    switch (field) {
        case 'contact.firstName':
        case 'contact.lastName':
        case 'contact.email':
            return snapshot.contactInfo[field.slice('contact.'.length) as 'email'];
        case 'shipping.deliveryAddress':
            return group?.deliveryAddress;
        case 'shipping.shippingInstructions':
            return group?.shippingInstructions;
        case 'shipping.desiredDeliveryDate':
            return group?.desiredDeliveryDate;
        case 'shipping.deliveryMethod':
            return group?.availableDeliveryMethods.find(
                (method) => method.id === group.selectedDeliveryMethodId
            )?.name;
        case 'custom.MyCustomTextField__c': {
            const edit = snapshot.edits[engineKey(snapshot, field) ?? ''];
            return edit ? edit.value : checkoutValue(snapshot.checkout, field);
        }
        case 'payment.purchaseOrderNumber':
            return snapshot.payment?.values.purchaseOrderNumber;
    }
}

/** The engine's key for the field in this tab (`snapshot.edits`, `snapshot.validation`); none for payment. */
export function engineKey(snapshot: CheckoutSnapshot, field: IntentField): string | undefined {
    const groupId = defaultGroup(snapshot.deliveryGroups)?.id;
    switch (field) {
        case 'contact.firstName':
        case 'contact.lastName':
        case 'contact.email':
            return contactKey(field.slice('contact.'.length) as 'email');
        case 'custom.MyCustomTextField__c':
            return webCartKey(CUSTOM_FIELD);
        case 'payment.purchaseOrderNumber':
            return undefined;
        case 'shipping.deliveryMethod':
            return groupId && groupKey(groupId, 'deliveryMethodId');
        default:
            return (
                groupId && groupKey(groupId, field.slice('shipping.'.length) as 'deliveryAddress')
            );
    }
}

/**
 * The tab's unsaved edit of a field, as the page shows it (the method by its name), or undefined; `message` is
 * the text shown with it when it failed or was refused (the field's validation message included).
 */
export function unsavedEdit(
    snapshot: CheckoutSnapshot,
    field: IntentField
): { status: string; value: unknown; message?: string } | undefined {
    const key = engineKey(snapshot, field);
    const edit = key === undefined ? undefined : snapshot.edits[key];
    if (!key || !edit) return undefined;
    const validation = Object.entries(snapshot.validation).find(
        ([part]) => part === key || part.startsWith(`${key}.`)
    )?.[1];
    const value =
        field === 'shipping.deliveryMethod'
            ? defaultGroup(snapshot.deliveryGroups)?.availableDeliveryMethods.find(
                  (method) => method.id === edit.value
              )?.name
            : edit.value;
    const message = edit.message ?? validation;
    return { status: edit.status, value, ...(message ? { message } : {}) };
}
