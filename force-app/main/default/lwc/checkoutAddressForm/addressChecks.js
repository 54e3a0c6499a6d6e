/**
 * What the address form tells before the store answers about what is its own: the delivery-date window and the
 * instructions' length. The address parts are checked by c/checkoutAddressFields (shared with the billing
 * address); every value rule comes from c/checkoutValidation, shared with the engine.
 */
import { addressPartKey, groupKey } from 'c/checkoutStore';
import { formatDate, formatLabel } from 'c/checkoutKitSupport';
import { addressErrors } from 'c/checkoutAddressFields';
import { isIsoDate } from 'c/checkoutValidation';
import REQUIRED_FIELD from '@salesforce/label/c.CheckoutKit_ValidationRequired';
import INVALID_DATE from '@salesforce/label/c.CheckoutKit_ValidationDate';
import TOO_LONG from '@salesforce/label/c.CheckoutKit_ValidationTooLong';
import DELIVERY_DATE_RANGE from '@salesforce/label/c.CheckoutKit_DeliveryDateRange';

/** Today plus `days`, as the yyyy-MM-dd a date input uses, in the shopper's time zone. */
export function isoDateFromToday(days) {
    const date = new Date();
    date.setDate(date.getDate() + days);
    const month = String(date.getMonth() + 1).padStart(2, '0');
    const day = String(date.getDate()).padStart(2, '0');
    return `${date.getFullYear()}-${month}-${day}`;
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
    const errors = address ? addressErrors(address, (field) => addressPartKey(groupId, field)) : {};
    if (date !== undefined && date !== null && date !== false) {
        errors[groupKey(groupId, 'desiredDeliveryDate')] = checkDate(date, settings);
    }
    return errors;
}
