/** Renders c-checkout-delivery-method on a snapshot for its suites, and finds its radios. */
import { createElement } from 'lwc';
import CheckoutDeliveryMethod from 'c/checkoutDeliveryMethod';
import { CheckoutStateAdapter } from 'c/checkoutStore';
import { flushPromises } from 'checkoutKitTest/snapshots';

export const BUILDER_DEFAULTS = { showCarrier: true, showEstimate: true, showOriginalFee: true };

export async function render(snapshot, props = BUILDER_DEFAULTS) {
    const element = createElement('c-checkout-delivery-method', { is: CheckoutDeliveryMethod });
    Object.assign(element, props);
    document.body.appendChild(element);
    CheckoutStateAdapter.emit(snapshot);
    await flushPromises();
    return element;
}

export function radios(element) {
    return [...element.shadowRoot.querySelectorAll('input[type="radio"]')];
}
