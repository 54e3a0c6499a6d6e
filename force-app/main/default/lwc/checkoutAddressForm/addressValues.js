/**
 * The address form's values, free of the DOM and of component state: which fields it has and the store's keys
 * of them, the address it shows (the shopper's drafts over the store's) and the one it hands to the store, and
 * where focus leaving a field goes.
 */
import { addressPartKey, groupKey } from 'c/checkoutStore';
import { shippingGroup } from 'c/checkoutKitSupport';
import { TYPED_ADDRESS_FIELDS } from 'c/checkoutAddressFields';
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
