import { createElement } from 'lwc';
import CheckoutOrderSummary from 'c/checkoutOrderSummary';
import { CheckoutStateAdapter, getCheckoutStore, resetFakeStore } from 'c/checkoutStore';
import { snapshotFor, flushPromises } from 'checkoutKitTest/snapshots';
import { cleanUpDom, describedText } from 'checkoutKitTest/dom';

jest.mock(
    '@salesforce/label/c.CheckoutKit_TermsRequired',
    () => require('checkoutKitTest/labels').labelModule('CheckoutKit_TermsRequired'),
    { virtual: true }
);
jest.mock('c/checkoutStore', () =>
    require('checkoutKitTest/fakeCheckoutStore').createCheckoutStoreModule()
);

const WITH_TERMS = {
    showPlaceOrder: true,
    submissionStrategy: 'commerce',
    showTerms: true,
    termsUrl: '/terms'
};

async function render(props = WITH_TERMS) {
    const snapshot = snapshotFor('ready');
    getCheckoutStore().setSnapshot(snapshot);
    const element = createElement('c-checkout-order-summary', { is: CheckoutOrderSummary });
    Object.assign(element, props);
    document.body.appendChild(element);
    CheckoutStateAdapter.emit(snapshot);
    await flushPromises();
    return element;
}

const checkbox = (element) => element.shadowRoot.querySelector('[data-id="terms"]');
const placeOrder = (element) => element.shadowRoot.querySelector('.summary-place-order');

function check(element, checked) {
    checkbox(element).checked = checked;
    checkbox(element).dispatchEvent(new CustomEvent('change'));
}

describe('c-checkout-order-summary terms acceptance', () => {
    beforeEach(() => resetFakeStore());
    afterEach(cleanUpDom);

    it('shows the checkbox with a link to the terms, unchecked', async () => {
        const element = await render();
        expect(checkbox(element).checked).toBe(false);
        const link = element.shadowRoot.querySelector('.summary-terms-link');
        expect(link.getAttribute('href')).toBe('/terms');
        expect(link.getAttribute('target')).toBe('_blank');
        await expect(element).toBeAccessible();
    });

    it('blocks Place Order while unchecked, says why on the checkbox and moves focus to it', async () => {
        const element = await render();
        placeOrder(element).click();
        await flushPromises();
        await flushPromises();
        expect(getCheckoutStore().placeOrder).not.toHaveBeenCalled();
        const box = checkbox(element);
        expect(box.getAttribute('aria-invalid')).toBe('true');
        expect(describedText(element.shadowRoot, box)).toBe(
            'Accept the terms and conditions to place your order.'
        );
        expect(element.shadowRoot.activeElement).toBe(box);
        await expect(element).toBeAccessible();
    });

    it('places the order once accepted, and sends the answer nowhere without a field', async () => {
        const element = await render();
        check(element, true);
        placeOrder(element).click();
        await flushPromises();
        expect(getCheckoutStore().placeOrder).toHaveBeenCalledTimes(1);
        expect(getCheckoutStore().updateCustomFields).not.toHaveBeenCalled();
    });

    it('records the answer in the WebCart field the admin named', async () => {
        const element = await render({ ...WITH_TERMS, termsField: 'TermsAccepted__c' });
        check(element, true);
        check(element, false);
        expect(getCheckoutStore().updateCustomFields.mock.calls).toEqual([
            [{ type: 'WebCart' }, { TermsAccepted__c: true }],
            [{ type: 'WebCart' }, { TermsAccepted__c: false }]
        ]);
    });

    it('asks for nothing when the admin leaves the terms off', async () => {
        const element = await render({ ...WITH_TERMS, showTerms: false });
        expect(checkbox(element)).toBeNull();
        placeOrder(element).click();
        await flushPromises();
        expect(getCheckoutStore().placeOrder).toHaveBeenCalledTimes(1);
    });
});
