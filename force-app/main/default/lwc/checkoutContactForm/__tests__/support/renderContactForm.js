/** Renders c-checkout-contact-form for its suites, and finds its inputs. */
import { createElement } from 'lwc';
import CheckoutContactForm from 'c/checkoutContactForm';

export const BUILDER_DEFAULTS = { showPhone: true, requireName: true, buyerFieldsReadOnly: true };

export function render(props = BUILDER_DEFAULTS) {
    const element = createElement('c-checkout-contact-form', { is: CheckoutContactForm });
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

export function input(element, field) {
    return element.shadowRoot.querySelector(`input[data-field="${field}"]`);
}
