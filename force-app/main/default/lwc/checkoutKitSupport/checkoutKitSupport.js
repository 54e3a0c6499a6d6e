/**
 * Helpers the Checkout Kit components share: label formatting, money and date formatting, finding the
 * messages that belong to a field or a section, the forms' drafts (immutable FieldDrafts) and the page's
 * forms that show what the shopper still has to do (attention.js).
 */
import LOCALE from '@salesforce/i18n/locale';
import FIELD_MESSAGE from '@salesforce/label/c.CheckoutKit_FieldMessage';
import GROUP_FIELD_MESSAGE from '@salesforce/label/c.CheckoutKit_GroupFieldMessage';

export { FieldDrafts } from './fieldDrafts';
export { registerForm, showWhatIsMissing } from './attention';

/** Replaces {0}, {1}… in a Custom Label with the given values. */
export function formatLabel(template, ...values) {
    return String(template).replace(/\{(\d+)\}/g, (match, index) => {
        const value = values[index];
        return value === undefined || value === null ? match : String(value);
    });
}

const moneyFormats = new Map();

/** Formats a decimal string in the cart currency and the shopper's locale; '' when there is no amount. */
export function formatMoney(amount, currencyIsoCode) {
    if (amount === undefined || amount === null || amount === '') {
        return '';
    }
    const number = Number(amount);
    if (!Number.isFinite(number)) {
        return String(amount);
    }
    const currency = currencyIsoCode || 'USD';
    let format = moneyFormats.get(currency);
    if (!format) {
        format = new Intl.NumberFormat(LOCALE, { style: 'currency', currency });
        moneyFormats.set(currency, format);
    }
    return format.format(number);
}

/** True when the decimal string is a non-zero amount. */
export function isNonZero(amount) {
    const number = Number(amount);
    return Number.isFinite(number) && number !== 0;
}

/** Formats an ISO-8601 date or date-time as a date in the shopper's locale (date-only values stay on their day). */
export function formatDate(isoValue) {
    if (!isoValue) {
        return '';
    }
    const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(isoValue);
    const date = new Date(dateOnly ? `${isoValue}T00:00:00Z` : isoValue);
    if (Number.isNaN(date.getTime())) {
        return String(isoValue);
    }
    return new Intl.DateTimeFormat(LOCALE, {
        dateStyle: 'medium',
        timeZone: dateOnly ? 'UTC' : undefined
    }).format(date);
}

/** A country's name in the shopper's language, from its ISO code. */
export function countryName(isoCode) {
    try {
        return new Intl.DisplayNames([LOCALE], { type: 'region' }).of(isoCode) || isoCode;
    } catch {
        return isoCode;
    }
}

/** Splits a comma-separated Builder property into trimmed, non-empty values. */
export function splitList(value) {
    return String(value || '')
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item.length > 0);
}

/**
 * The message to show under one field: the engine's validation message, else a failed edit's message,
 * else a server message addressed to that field.
 */
export function fieldMessage(snapshot, fieldKey) {
    if (!snapshot) {
        return '';
    }
    const validation = snapshot.validation && snapshot.validation[fieldKey];
    if (validation) {
        return validation;
    }
    const edit = snapshot.edits && snapshot.edits[fieldKey];
    if (edit && edit.status === 'failed' && edit.message) {
        return edit.message;
    }
    const message = (snapshot.messages || []).find((item) => item.field === fieldKey);
    return message ? message.message : '';
}

/**
 * A field's message naming the field (`label`) and, in a checkout with several delivery groups, the group
 * (`groupName`): read in a list, or by a screen reader after the field, it still says what to fix where.
 */
export function namedMessage(message, label, groupName) {
    if (!message || !label) {
        return message || '';
    }
    return groupName
        ? formatLabel(GROUP_FIELD_MESSAGE, label, groupName, message)
        : formatLabel(FIELD_MESSAGE, label, message);
}

/**
 * How a form field shows its message: aria-invalid, aria-describedby (the error, then the hint) and the SLDS
 * error class after `className`; `wide` fields span both columns. With `label` (and `groupName` where several
 * delivery groups show) the message names its field.
 */
export function fieldState({
    message,
    label,
    groupName,
    errorId,
    hintId = null,
    className,
    wide = false
}) {
    return {
        message: namedMessage(message, label, groupName),
        invalid: message ? 'true' : 'false',
        describedBy: [message ? errorId : null, hintId].filter(Boolean).join(' ') || null,
        className: `${className}${message ? ' slds-has-error' : ''}${wide ? ' checkout-span' : ''}`
    };
}

/** Messages in the given scopes that no field of the component shows itself. */
export function sectionMessages(snapshot, scopes, { groupId, shownFields = [] } = {}) {
    if (!snapshot || !snapshot.messages) {
        return [];
    }
    return snapshot.messages.filter(
        (item) =>
            scopes.includes(item.scope) &&
            (groupId === undefined || item.groupId === groupId) &&
            !(item.field && shownFields.includes(item.field))
    );
}

/** True until the first snapshot arrives and while the checkout is being loaded. */
export function isLoading(snapshot) {
    return !snapshot || snapshot.phase === 'loading';
}

/** Placing or placed: the order is being made from the checkout's values, so they no longer change. */
export function isPlacingOrPlaced(snapshot) {
    return Boolean(snapshot && (snapshot.phase === 'submitting' || snapshot.phase === 'complete'));
}

/** True while the server works on the checkout (calculators running) or an order is being placed. */
export function isProcessing(snapshot) {
    return Boolean(
        snapshot &&
        (snapshot.phase === 'processing' ||
            snapshot.phase === 'saving' ||
            snapshot.phase === 'submitting')
    );
}

/** Delivery groups that need a shipping address and method; never assumes there is only one. */
export function shippingGroups(snapshot) {
    return ((snapshot && snapshot.deliveryGroups) || []).filter(
        (group) => group.requiresShipping !== false && !group.isAllDigitalCartItems
    );
}

/**
 * A delivery group's legend: with one group, the section heading for screen readers only; with several, a
 * visible subheading naming the group (`groupLabel` takes the group name as {0}).
 */
export function groupLegend(several, heading, groupLabel, group) {
    return several
        ? {
              legend: formatLabel(groupLabel, group.name || ''),
              legendClass: 'slds-form-element__legend checkout-subheading'
          }
        : { legend: heading, legendClass: 'slds-form-element__legend slds-assistive-text' };
}

/** The address parts that say where a parcel goes, unlike the engine's ADDRESS_FIELDS not who receives it. */
const DESTINATION_FIELDS = ['street', 'city', 'region', 'postalCode', 'country'];

/** Whether two addresses (either may be missing) send a parcel to the same place; blank parts are alike. */
export function sameDestination(left, right) {
    if (!left || !right) {
        return !left && !right;
    }
    return DESTINATION_FIELDS.every((field) => (left[field] || '') === (right[field] || ''));
}

export function shippingGroup(snapshot, groupId) {
    return shippingGroups(snapshot).find((group) => group.id === groupId);
}

/** The group as the server last answered it (the snapshot lays pending edits over it). */
export function savedGroup(snapshot, group) {
    const checkout = snapshot && snapshot.checkout;
    const items = (checkout && checkout.deliveryGroups && checkout.deliveryGroups.items) || null;
    return (items && items.find((item) => item.id === group.id)) || (items ? {} : group);
}

/**
 * The shopper is changing the group's saved address (typing a new one, or an edit not saved yet): the
 * delivery methods and totals still shown were calculated for the previous address.
 */
export function isAddressChanging(snapshot, group) {
    const saved = savedGroup(snapshot, group).deliveryAddress;
    return Boolean(saved && saved.street) && !sameDestination(group.deliveryAddress, saved);
}

/** Moves focus to the first element of the list that reports itself invalid; returns whether one did. */
export function focusFirstInvalid(template) {
    const invalid = template.querySelector('[aria-invalid="true"]');
    if (invalid) {
        invalid.focus();
        return true;
    }
    return false;
}
