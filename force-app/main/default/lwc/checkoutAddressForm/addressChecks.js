/**
 * What the address form tells before the store answers: the fields it asks for, the delivery-date window and
 * the instructions' length. Every value rule comes from c/checkoutValidation, shared with the engine, so the
 * form and the store never disagree.
 */
import { formatDate, formatLabel } from 'c/checkoutKitSupport';
import { hasRegions, isIsoDate, needsPostalCode, validateAddress } from 'c/checkoutValidation';
import { toCheckoutAddress } from './addressView';
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
