/**
 * What the address form tells before the store answers: the fields it asks for, the delivery-date window and
 * the instructions' length. Every value rule comes from c/checkoutValidation, shared with the engine, so the
 * form and the store never disagree.
 */
import { addressPartKey, groupKey } from 'c/checkoutStore';
import { formatDate, formatLabel } from 'c/checkoutKitSupport';
import { hasRegions, isIsoDate, needsPostalCode, validateAddress } from 'c/checkoutValidation';
import { TYPED_ADDRESS_FIELDS, changedAddress, toCheckoutAddress } from './addressValues';
import REQUIRED_FIELD from '@salesforce/label/c.CheckoutKit_ValidationRequired';
import INVALID_DATE from '@salesforce/label/c.CheckoutKit_ValidationDate';
import TOO_LONG from '@salesforce/label/c.CheckoutKit_ValidationTooLong';
import DELIVERY_DATE_RANGE from '@salesforce/label/c.CheckoutKit_DeliveryDateRange';

const ALWAYS_REQUIRED = ['country', 'firstName', 'lastName', 'street', 'city'];

/** Today plus `days`, as the yyyy-MM-dd a date input uses, in the shopper's time zone. */
export function isoDateFromToday(days) {
    const date = new Date();
    date.setDate(date.getDate() + days);
    const month = String(date.getMonth() + 1).padStart(2, '0');
    const day = String(date.getDate()).padStart(2, '0');
    return `${date.getFullYear()}-${month}-${day}`;
}

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

/** A desired delivery date: a real date within the form's window (`dateMin`, `dateMax`: yyyy-MM-dd). */
export function checkDate(value, { requireDeliveryDate, dateMin: min, dateMax: max }) {
    if (!value) {
        return requireDeliveryDate ? REQUIRED_FIELD : '';
    }
    if (!isIsoDate(value)) {
        return INVALID_DATE;
    }
    if (value < min || value > max) {
        return formatLabel(DELIVERY_DATE_RANGE, formatDate(min), formatDate(max));
    }
    return '';
}

export function checkInstructions(value, limit) {
    return value.length > limit ? formatLabel(TOO_LONG, limit) : '';
}

/**
 * One part of an address changed: the address with it (a region stays only where the new country lists it)
 * and what the form says about the part at once; a new country clears what it said about region and postal
 * code, which are checked again against it.
 */
export function editedAddress(address, groupId, field, value) {
    const draft = changedAddress(address, field, value);
    const errors = { [addressPartKey(groupId, field)]: checkAddressField(field, draft) };
    if (field === 'country') {
        errors[addressPartKey(groupId, 'region')] = '';
        errors[addressPartKey(groupId, 'postalCode')] = '';
    }
    return { draft, errors };
}

/** The desired delivery date or the shipping instructions, checked with the form's `settings`. */
export function checkShippingValue(field, value, settings) {
    return field === 'desiredDeliveryDate'
        ? checkDate(value, settings)
        : checkInstructions(value, settings.instructionsLimit);
}

/**
 * Every error of a group's fields, by the store's field key: each part of the `address` it shows (null when a
 * saved address is chosen) and the desired delivery `date` when the form asks for one (undefined otherwise).
 */
export function groupErrors(groupId, { address, date, settings }) {
    const errors = {};
    if (address) {
        TYPED_ADDRESS_FIELDS.forEach((field) => {
            errors[addressPartKey(groupId, field)] = checkAddressField(field, address);
        });
    }
    if (date !== undefined && date !== null && date !== false) {
        errors[groupKey(groupId, 'desiredDeliveryDate')] = checkDate(date, settings);
    }
    return errors;
}
