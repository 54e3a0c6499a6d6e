/** Renders c-checkout-address-form for its suites, finds its fields, and builds the snapshots they start from. */
import { createElement } from 'lwc';
import CheckoutAddressForm from 'c/checkoutAddressForm';
import { CheckoutStateAdapter } from 'c/checkoutStore';
import {
    snapshotFor,
    deliveryGroup,
    accountAddress,
    flushPromises
} from 'checkoutKitTest/snapshots';
import { commitValue, moveFocus } from 'checkoutKitTest/dom';

export const GROUP_ID = '0a7SB0000000001';
export const BUILDER_DEFAULTS = {
    showSavedAddresses: true,
    savedAddressLimit: 3,
    showDeliveryDate: true,
    showShippingInstructions: true
};

export async function render(snapshot, props = BUILDER_DEFAULTS) {
    const element = createElement('c-checkout-address-form', { is: CheckoutAddressForm });
    Object.assign(element, props);
    document.body.appendChild(element);
    CheckoutStateAdapter.emit(snapshot);
    await flushPromises();
    return element;
}

export function field(element, name, groupId = GROUP_ID) {
    return element.shadowRoot.querySelector(`[data-group="${groupId}"][data-field="${name}"]`);
}

/** The shopper enters a value and leaves the address for a field outside it. */
export function enterAndLeave(input, value) {
    commitValue(input, value);
    moveFocus(input);
}

export function emptyGroupSnapshot(overrides = {}) {
    return snapshotFor('ready', {
        deliveryGroups: [
            deliveryGroup(GROUP_ID, {
                deliveryAddress: null,
                availableDeliveryMethods: [],
                selectedDeliveryMethodId: null
            })
        ],
        ...overrides
    });
}

export function buyerSnapshot(count, overrides = {}) {
    return snapshotFor('ready', {
        isGuest: false,
        accountAddresses: Array.from({ length: count }, (unused, index) =>
            accountAddress(index + 1)
        ),
        ...overrides
    });
}
