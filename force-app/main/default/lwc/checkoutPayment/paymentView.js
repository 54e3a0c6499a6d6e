/**
 * The payment form's values and view, free of the DOM and of component state: the store's keys of its fields,
 * the purchase order number's check (required, the admin's pattern), which billing address is chosen, the
 * address it hands to the store, and the radios a buyer chooses from. The address fields themselves are
 * c/checkoutAddressFields', the same as the shipping form's.
 */
import { formatLabel } from 'c/checkoutKitSupport';
import { filledAddress, savedAddressText, toCheckoutAddress } from 'c/checkoutAddressFields';
import PO_REQUIRED from '@salesforce/label/c.CheckoutKit_PaymentNumberRequired';
import PO_PATTERN from '@salesforce/label/c.CheckoutKit_PurchaseOrderPattern';
import PO_PATTERN_EXAMPLE from '@salesforce/label/c.CheckoutKit_PurchaseOrderPatternExample';
import DEFAULT_ADDRESS from '@salesforce/label/c.CheckoutKit_DefaultAddress';

/** The store's keys (snapshot.validation) of the purchase order number and of a billing address part. */
export const PO_KEY = 'payment.purchaseOrderNumber';
export function billingKey(field) {
    return `payment.billingAddress.${field}`;
}

/** The billing choices besides a saved address's id. */
export const SAME_AS_SHIPPING = 'shipping';
export const NEW_ADDRESS = 'new';

/** The admin's pattern as a whole-value regular expression; null when none or when it does not compile. */
export function poPattern(source) {
    const text = String(source || '').trim();
    if (!text) {
        return null;
    }
    try {
        return new RegExp(`^(?:${text})$`);
    } catch {
        // A pattern the browser cannot read must not stop shoppers from ordering.
        return null;
    }
}

/** What the form says about a purchase order number ('' when it can go). */
export function checkPurchaseOrder(value, { required, pattern, example }) {
    const number = String(value || '').trim();
    if (!number) {
        return required ? PO_REQUIRED : '';
    }
    if (pattern && !pattern.test(number)) {
        return example ? formatLabel(PO_PATTERN_EXAMPLE, example) : PO_PATTERN;
    }
    return '';
}

/** The choice the store's payment holds: same as shipping, a saved address (its id), or a new one. */
export function storedChoice(payment) {
    const billing = payment && payment.values && payment.values.billingAddress;
    if (!billing || billing === SAME_AS_SHIPPING) {
        return SAME_AS_SHIPPING;
    }
    return billing.id || NEW_ADDRESS;
}

/** The new billing address the store holds, as the form's fields show it. */
export function storedNewAddress(payment, defaultCountry) {
    const billing = payment && payment.values && payment.values.billingAddress;
    const typed = billing && billing !== SAME_AS_SHIPPING && !billing.id ? billing : null;
    return filledAddress(typed, defaultCountry);
}

/** The billing address a choice hands to the store: 'shipping', a saved one with its id, or the typed one. */
export function billingFor(choice, saved, typedAddress) {
    if (choice === SAME_AS_SHIPPING) {
        return SAME_AS_SHIPPING;
    }
    if (choice === NEW_ADDRESS) {
        return toCheckoutAddress(typedAddress);
    }
    const item = saved.find((address) => address.addressId === choice);
    return item ? { ...toCheckoutAddress(item), id: item.addressId } : SAME_AS_SHIPPING;
}

/** The radios of the billing choice: same as shipping, each saved billing address, a new address. */
export function billingOptions({ choice, saved, shippingLines, sameLabel, newLabel }) {
    return [
        {
            id: SAME_AS_SHIPPING,
            inputId: 'billing-same',
            title: sameLabel,
            lines: shippingLines,
            checked: choice === SAME_AS_SHIPPING
        },
        ...saved.map((item) => ({
            id: item.addressId,
            inputId: `billing-saved-${item.addressId}`,
            ...savedAddressText(item),
            isDefault: Boolean(item.isDefault),
            defaultLabel: DEFAULT_ADDRESS,
            checked: choice === item.addressId
        })),
        {
            id: NEW_ADDRESS,
            inputId: 'billing-new',
            title: newLabel,
            lines: '',
            checked: choice === NEW_ADDRESS
        }
    ];
}

/** The shipping address "same as shipping" stands for, in one line ('' before there is one). */
export function shippingAddressText(group) {
    const address = group && group.deliveryAddress;
    return address && address.street ? savedAddressText(address).lines : '';
}
