/**
 * What a form tells about an address before the store answers. Every value rule comes from c/checkoutValidation,
 * shared with the engine, so a form and the store never disagree; this adds what is required where.
 */
import { hasRegions, needsPostalCode, validateAddress } from 'c/checkoutValidation';
import { TYPED_ADDRESS_FIELDS, changedAddress, toCheckoutAddress } from './addressParts';
import REQUIRED_FIELD from '@salesforce/label/c.CheckoutKit_ValidationRequired';

const ALWAYS_REQUIRED = ['country', 'firstName', 'lastName', 'street', 'city'];

/** An address part: required (names, street, city, a listed region, a needed postal code), then the rules. */
export function checkAddressField(field, address) {
    const value = String(address[field] || '').trim();
    const country = address.country;
    const required =
        ALWAYS_REQUIRED.includes(field) ||
        (field === 'region' && hasRegions(country)) ||
        (field === 'postalCode' && needsPostalCode(country));
    if (!value) {
        return required ? REQUIRED_FIELD : '';
    }
    return validateAddress(toCheckoutAddress(address))[field] || '';
}

/** Every part's message ('' when fine), by the key `keyOf(part)` names it with. */
export function addressErrors(address, keyOf) {
    return Object.fromEntries(
        TYPED_ADDRESS_FIELDS.map((field) => [keyOf(field), checkAddressField(field, address)])
    );
}

/**
 * One part of an address changed: the address with it (a region stays only where the new country lists it)
 * and what the form says about the part at once, by `keyOf(part)`; a new country clears what it said about
 * region and postal code, which are checked again against it.
 */
export function editedAddress(address, field, value, keyOf) {
    const draft = changedAddress(address, field, value);
    const errors = { [keyOf(field)]: checkAddressField(field, draft) };
    if (field === 'country') {
        errors[keyOf('region')] = '';
        errors[keyOf('postalCode')] = '';
    }
    return { draft, errors };
}
