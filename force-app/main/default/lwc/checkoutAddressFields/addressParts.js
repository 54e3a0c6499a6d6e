/**
 * An address as the forms hold it: the parts the shopper types, the address after one part changed, the address
 * handed to the store, and a saved address's one-line text.
 */
import { ADDRESS_FIELDS } from 'c/checkoutStore';
import { countryName } from 'c/checkoutKitSupport';
import { hasRegions, isValidRegion } from 'c/checkoutValidation';

/** The address parts the shopper types: the engine's, but the name (made from first and last name) and phone. */
export const TYPED_ADDRESS_FIELDS = ADDRESS_FIELDS.filter(
    (field) => field !== 'name' && field !== 'shipToPhoneNumber'
);

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

/** An address whose every typed part is a string ('' where it has none), the country defaulted. */
export function filledAddress(address, defaultCountry) {
    const filled = {};
    TYPED_ADDRESS_FIELDS.forEach((field) => {
        filled[field] = (address && address[field]) || '';
    });
    if (!filled.country) {
        filled.country = defaultCountry;
    }
    return filled;
}

/** A saved account address's one-line title and details. */
export function savedAddressText(item) {
    return {
        title: item.name || [item.firstName, item.lastName].filter(Boolean).join(' '),
        lines: [
            item.companyName,
            item.street,
            [item.city, item.region, item.postalCode].filter(Boolean).join(', '),
            countryName(item.country)
        ]
            .filter(Boolean)
            .join(' · ')
    };
}
