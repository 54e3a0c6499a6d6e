/**
 * The address form's values, free of the DOM and of component state: which fields it has and the store's keys
 * of them, the address it shows (the shopper's drafts over the store's) and the one it hands to the store, and
 * where focus leaving a field goes.
 */
import { ADDRESS_FIELDS, addressPartKey, groupKey } from 'c/checkoutStore';
import { shippingGroup } from 'c/checkoutKitSupport';
import { hasRegions, isValidRegion } from 'c/checkoutValidation';

/** The address parts the shopper types: the engine's, but the name (made from first and last name) and phone. */
export const TYPED_ADDRESS_FIELDS = ADDRESS_FIELDS.filter(
    (field) => field !== 'name' && field !== 'shipToPhoneNumber'
);
/** The group values beside the address: each is an edit of its own. */
export const SHIPPING_VALUE_FIELDS = ['desiredDeliveryDate', 'shippingInstructions'];

/** The store's key of a field of the form: an address part, the delivery date or the instructions. */
export function fieldKey(groupId, field) {
    return SHIPPING_VALUE_FIELDS.includes(field)
        ? groupKey(groupId, field)
        : addressPartKey(groupId, field);
}

/** The keys of every field of a group's section. */
export function groupFieldKeys(groupId) {
    return [...TYPED_ADDRESS_FIELDS, ...SHIPPING_VALUE_FIELDS].map((field) =>
        fieldKey(groupId, field)
    );
}

/** An address as drafts of a group's address parts ('' where it has none). */
export function addressDrafts(groupId, address) {
    return Object.fromEntries(
        TYPED_ADDRESS_FIELDS.map((field) => [addressPartKey(groupId, field), address[field] || ''])
    );
}

/** The address the form shows: the store's (with pending edits) under the shopper's drafts. */
export function shownAddress(group, drafts, defaultCountry) {
    const base = group.deliveryAddress || {};
    const address = {};
    TYPED_ADDRESS_FIELDS.forEach((field) => {
        const draft = drafts.draftOf(addressPartKey(group.id, field));
        address[field] = draft !== undefined ? draft : base[field] || '';
    });
    if (!address.country) {
        address.country = defaultCountry;
    }
    return address;
}

/** The address after the shopper changed one part: a region stays only when the new country lists it. */
export function changedAddress(address, field, value) {
    const changed = { ...address, [field]: value };
    if (
        field === 'country' &&
        !(hasRegions(changed.country) && isValidRegion(changed.country, changed.region))
    ) {
        changed.region = '';
    }
    return changed;
}

/**
 * The address handed to the store for a draft or a saved address: its typed parts, named by first and last name
 * (else its own name). Not the engine's addressInput, which would also send a saved address's ship-to phone.
 */
export function toCheckoutAddress(address) {
    const result = {};
    TYPED_ADDRESS_FIELDS.forEach((field) => {
        if (address[field]) {
            result[field] = address[field];
        }
    });
    const name = [address.firstName, address.lastName].filter(Boolean).join(' ') || address.name;
    if (name) {
        result.name = name;
    }
    return result;
}

/** The shipping instructions a group's text area shows: the shopper's draft, else the store's. */
export function instructionsValue(snapshot, drafts, groupId) {
    const group = shippingGroup(snapshot, groupId);
    return (
        drafts.draftOf(groupKey(groupId, 'shippingInstructions')) ??
        (group && group.shippingInstructions) ??
        ''
    );
}

/** Focus moved from a field of the group's address to `next`: true when `next` is outside the address. */
export function leavesAddress(groupId, next) {
    const dataset = (next && next.dataset) || {};
    return !(dataset.group === groupId && TYPED_ADDRESS_FIELDS.includes(dataset.field));
}
