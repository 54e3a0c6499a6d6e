/**
 * Field keys and value comparison. A FieldKey names one editable value (see types.ts `FieldKey`).
 */
import type { CheckoutAddress, ContactInfo, FieldKey } from './types';

export const SHIPPING_FIELDS = [
    'deliveryAddress',
    'desiredDeliveryDate',
    'shippingInstructions'
] as const;
export type ShippingField = (typeof SHIPPING_FIELDS)[number];
export type GroupField = ShippingField | 'deliveryMethodId';

export const CONTACT_FIELDS: ReadonlyArray<keyof ContactInfo> = [
    'firstName',
    'lastName',
    'email',
    'phoneNumber',
    'isoCountryCodeForPhoneNumber'
];

export type ParsedKey =
    | { area: 'contact'; field: keyof ContactInfo }
    | { area: 'group'; groupId: string; field: GroupField }
    | { area: 'custom'; sObject: 'WebCart'; field: string }
    | { area: 'custom'; sObject: 'CartDeliveryGroup'; groupId: string; field: string };

export const contactKey = (field: keyof ContactInfo): FieldKey => `contact.${field}`;
export const groupKey = (groupId: string, field: GroupField): FieldKey =>
    `group.${groupId}.${field}`;
export const webCartKey = (field: string): FieldKey => `custom.WebCart.${field}`;
export const groupCustomKey = (groupId: string, field: string): FieldKey =>
    `custom.CartDeliveryGroup.${groupId}.${field}`;
/** A validation key for one part of a group's address (`validateAddress` reports under these). */
export const addressPartKey = (groupId: string, field: keyof CheckoutAddress): FieldKey =>
    `${groupKey(groupId, 'deliveryAddress')}.${field}`;

export function parseKey(key: FieldKey): ParsedKey | null {
    const parts = key.split('.');
    if (parts[0] === 'contact' && parts.length === 2) {
        return { area: 'contact', field: parts[1] as keyof ContactInfo };
    }
    if (parts[0] === 'group' && parts.length === 3) {
        return { area: 'group', groupId: parts[1], field: parts[2] as GroupField };
    }
    if (parts[0] === 'custom' && parts[1] === 'WebCart' && parts.length === 3) {
        return { area: 'custom', sObject: 'WebCart', field: parts[2] };
    }
    if (parts[0] === 'custom' && parts[1] === 'CartDeliveryGroup' && parts.length === 4) {
        return { area: 'custom', sObject: 'CartDeliveryGroup', groupId: parts[2], field: parts[3] };
    }
    return null;
}

/**
 * The address fields a new address is sent with, in the order forms show them. Not `name`: Salesforce's own
 * checkout sends none and the platform composes it (docs/contract-decisions.md, "Addresses").
 */
export const ADDRESS_FIELDS: ReadonlyArray<keyof CheckoutAddress> = [
    'firstName',
    'lastName',
    'companyName',
    'street',
    'city',
    'region',
    'postalCode',
    'country',
    'shipToPhoneNumber'
];

/** The address as the PATCH sends it: only the input fields, blanks dropped. */
export function addressInput(address: CheckoutAddress | null | undefined): CheckoutAddress {
    const input: CheckoutAddress = {};
    for (const field of ADDRESS_FIELDS) {
        const value = address?.[field];
        if (typeof value === 'string' && value.trim() !== '') {
            (input as Record<string, unknown>)[field] = value;
        }
    }
    return input;
}

function blank(value: unknown): boolean {
    return value === undefined || value === null || value === '';
}

/** Equality as the server sees it: blank strings, null and undefined are the same; key order ignored. */
export function sameValue(a: unknown, b: unknown): boolean {
    if (blank(a) && blank(b)) return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a === b;
    if (Array.isArray(a) || Array.isArray(b)) {
        if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
        return a.every((item, index) => sameValue(item, b[index]));
    }
    const left = a as Record<string, unknown>;
    const right = b as Record<string, unknown>;
    const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
    for (const key of keys) {
        if (!sameValue(left[key], right[key])) return false;
    }
    return true;
}

export function sameAddress(
    a: CheckoutAddress | null | undefined,
    b: CheckoutAddress | null | undefined
): boolean {
    return sameValue(addressInput(a), addressInput(b));
}

/** Equality for the value of `key`: addresses compare by their input fields. */
export function sameForKey(key: FieldKey, a: unknown, b: unknown): boolean {
    return key.endsWith('.deliveryAddress') ? sameAddress(a as never, b as never) : sameValue(a, b);
}
