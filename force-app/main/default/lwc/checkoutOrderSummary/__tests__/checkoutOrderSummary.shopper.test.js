import { createElement } from 'lwc';
import CheckoutOrderSummary from 'c/checkoutOrderSummary';
import { CheckoutStateAdapter, resetFakeStore } from 'c/checkoutStore';
import { registerForm } from 'c/checkoutKitSupport';
import { deliveryGroup, snapshotFor, flushPromises } from 'checkoutKitTest/snapshots';
import { cleanUpDom } from 'checkoutKitTest/dom';

jest.mock(
    '@salesforce/label/c.CheckoutKit_BlockedAddressFor',
    () => require('checkoutKitTest/labels').labelModule('CheckoutKit_BlockedAddressFor'),
    { virtual: true }
);
jest.mock('c/checkoutStore', () =>
    require('checkoutKitTest/fakeCheckoutStore').createCheckoutStoreModule()
);

const BUILDER_DEFAULTS = {
    showPromotions: true,
    showShipping: true,
    showTax: true,
    showRecurringCharges: true,
    showPlaceOrder: true,
    submissionStrategy: 'commerce'
};

let store;

async function render(snapshot, props = BUILDER_DEFAULTS) {
    store.setSnapshot(snapshot);
    const element = createElement('c-checkout-order-summary', { is: CheckoutOrderSummary });
    Object.assign(element, props);
    document.body.appendChild(element);
    CheckoutStateAdapter.emit(snapshot);
    await flushPromises();
    return element;
}

function emit(snapshot) {
    store.setSnapshot(snapshot);
    CheckoutStateAdapter.emit(snapshot);
    return flushPromises();
}

const button = (element) => element.shadowRoot.querySelector('button.summary-place-order');
const shownMessages = (element) =>
    element.shadowRoot.querySelector('c-checkout-status').messages.map((item) => item.message);

function blocked(blockers, overrides = {}) {
    return snapshotFor('ready', {
        canPlaceOrder: false,
        placeOrderBlockers: blockers,
        ...overrides
    });
}

describe('c-checkout-order-summary, as a shopper meets it', () => {
    let unregister = [];

    beforeEach(() => {
        store = resetFakeStore();
    });

    afterEach(() => {
        unregister.forEach((remove) => remove());
        unregister = [];
        cleanUpDom();
    });

    it('asks the forms to mark what is missing, the first taking focus', async () => {
        const contact = { reportValidity: jest.fn(() => false) };
        const address = { reportValidity: jest.fn(() => false) };
        unregister = [registerForm(contact), registerForm(address)];
        const element = await render(blocked(['missing-contact', 'missing-address']));

        button(element).click();
        await flushPromises();

        expect(contact.reportValidity).toHaveBeenCalledWith({ focus: true });
        expect(address.reportValidity).toHaveBeenCalledWith({ focus: false });
        expect(store.placeOrder).not.toHaveBeenCalled();
    });

    it('does not send the shopper to the forms for a reason they cannot fix there', async () => {
        const contact = { reportValidity: jest.fn(() => false) };
        unregister = [registerForm(contact)];
        const element = await render(blocked(['session-error']));

        button(element).click();
        await flushPromises();

        expect(contact.reportValidity).not.toHaveBeenCalled();
        expect(shownMessages(element)).toEqual(['c.CheckoutKit_BlockedSession']);
    });

    it('drops each reason as soon as the shopper fixes it, not at the next click', async () => {
        const element = await render(blocked(['missing-address', 'missing-delivery-method']));
        button(element).click();
        await flushPromises();
        expect(shownMessages(element)).toEqual([
            'c.CheckoutKit_OrderBlocked',
            'c.CheckoutKit_BlockedAddress',
            'c.CheckoutKit_BlockedDeliveryMethod'
        ]);

        await emit(blocked(['missing-delivery-method']));
        expect(shownMessages(element)).toEqual([
            'c.CheckoutKit_OrderBlocked',
            'c.CheckoutKit_BlockedDeliveryMethod'
        ]);

        await emit(snapshotFor('ready'));
        expect(shownMessages(element)).toEqual([]);
        await expect(element).toBeAccessible();
    });

    it('names the delivery group that lacks an address where there are several', async () => {
        const groups = [
            deliveryGroup('g1', { name: 'Head Office' }),
            deliveryGroup('g2', { name: 'Warehouse', deliveryAddress: null })
        ];
        const element = await render(blocked(['missing-address'], { deliveryGroups: groups }));

        button(element).click();
        await flushPromises();

        expect(shownMessages(element)).toEqual([
            'c.CheckoutKit_OrderBlocked',
            'Add a shipping address for Warehouse.'
        ]);
    });

    it('moves focus to the confirmation once the order it placed is placed', async () => {
        const element = await render(snapshotFor('ready'));
        button(element).focus();

        button(element).click();
        await emit(snapshotFor('complete', { canPlaceOrder: false }));
        await flushPromises();

        const confirmation = element.shadowRoot.querySelector('.summary-confirmation');
        expect(button(element)).toBeNull();
        expect(element.shadowRoot.activeElement).toBe(confirmation);
        await expect(element).toBeAccessible();
    });

    it('keeps the button focusable while the order is placed, unavailable and announced so', async () => {
        const element = await render(snapshotFor('submitting', { canPlaceOrder: false }));

        expect(button(element).disabled).toBe(false);
        expect(button(element).getAttribute('aria-disabled')).toBe('true');
        button(element).click();
        await flushPromises();
        expect(store.placeOrder).not.toHaveBeenCalled();
    });

    it('after a refusal that cannot change, says what the shopper can do instead', async () => {
        const element = await render(
            snapshotFor('error', {
                order: {
                    strategy: 'cpq',
                    outcome: 'rejected',
                    code: 'SUBMIT-1003',
                    message: "Your order can't be changed any more, so it was rejected.",
                    canRetry: false
                }
            })
        );

        const next = element.shadowRoot.querySelector('.summary-next-step');
        expect(next.textContent.trim()).toBe('c.CheckoutKit_OrderRejectedNextStep');
        expect(button(element).getAttribute('aria-disabled')).toBe('true');
        expect(button(element).getAttribute('aria-describedby')).toBe(next.id);
        await expect(element).toBeAccessible();
    });

    it('says the shipping and tax shown are for the previous address while it changes', async () => {
        const saved = deliveryGroup('g1');
        const element = await render(
            snapshotFor('ready', {
                checkout: { deliveryGroups: { items: [saved] } },
                deliveryGroups: [{ ...saved, deliveryAddress: { country: 'US' } }]
            })
        );

        expect(element.shadowRoot.querySelector('.summary-note').textContent.trim()).toBe(
            'c.CheckoutKit_TotalsForPreviousAddress'
        );
        await emit(snapshotFor('ready', { checkout: { deliveryGroups: { items: [saved] } } }));
        expect(element.shadowRoot.querySelector('.summary-note')).toBeNull();
    });
});
