/**
 * Renders c-checkout-order-summary for its suites and reads its rows, button and status. The fake store holds the
 * snapshot the component is given (getCheckoutStore(): the one the suite's last resetFakeStore() made).
 */
import { createElement } from 'lwc';
import CheckoutOrderSummary from 'c/checkoutOrderSummary';
import { CheckoutStateAdapter, getCheckoutStore } from 'c/checkoutStore';
import { flushPromises } from 'checkoutKitTest/snapshots';

export const BUILDER_DEFAULTS = {
    showPromotions: true,
    showShipping: true,
    showTax: true,
    showRecurringCharges: true,
    showPlaceOrder: true,
    submissionStrategy: 'commerce'
};

export async function render(snapshot, props = BUILDER_DEFAULTS) {
    getCheckoutStore().setSnapshot(snapshot);
    const element = createElement('c-checkout-order-summary', { is: CheckoutOrderSummary });
    Object.assign(element, props);
    document.body.appendChild(element);
    CheckoutStateAdapter.emit(snapshot);
    await flushPromises();
    return element;
}

export function emit(snapshot) {
    getCheckoutStore().setSnapshot(snapshot);
    CheckoutStateAdapter.emit(snapshot);
    return flushPromises();
}

export function rows(element) {
    return [...element.shadowRoot.querySelectorAll('.summary-row')].map((row) => [
        row.querySelector('dt').textContent,
        row.querySelector('dd').textContent
    ]);
}

export function button(element) {
    return element.shadowRoot.querySelector('button.summary-place-order');
}

export function status(element) {
    return element.shadowRoot.querySelector('c-checkout-status');
}
