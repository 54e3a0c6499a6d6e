import { createElement } from 'lwc';
import CheckoutPayment from 'c/checkoutPayment';
import { CheckoutStateAdapter, getCheckoutStore, resetFakeStore } from 'c/checkoutStore';
import { accountAddress, flushPromises, snapshotFor } from 'checkoutKitTest/snapshots';
import { cleanUpDom, commitValue, describedText, moveFocus } from 'checkoutKitTest/dom';

jest.mock('c/checkoutStore', () =>
    require('checkoutKitTest/fakeCheckoutStore').createCheckoutStoreModule()
);
jest.mock(
    '@salesforce/label/c.CheckoutKit_FieldMessage',
    () => require('checkoutKitTest/labels').labelModule('CheckoutKit_FieldMessage'),
    { virtual: true }
);
jest.mock(
    '@salesforce/label/c.CheckoutKit_PurchaseOrderNumber',
    () => require('checkoutKitTest/labels').labelModule('CheckoutKit_PurchaseOrderNumber'),
    { virtual: true }
);
jest.mock(
    '@salesforce/label/c.CheckoutKit_PurchaseOrderHint',
    () => require('checkoutKitTest/labels').labelModule('CheckoutKit_PurchaseOrderHint'),
    { virtual: true }
);
jest.mock(
    '@salesforce/label/c.CheckoutKit_PurchaseOrderPatternExample',
    () => require('checkoutKitTest/labels').labelModule('CheckoutKit_PurchaseOrderPatternExample'),
    { virtual: true }
);
jest.mock(
    '@salesforce/label/c.CheckoutKit_PaymentNumberRequired',
    () => require('checkoutKitTest/labels').labelModule('CheckoutKit_PaymentNumberRequired'),
    { virtual: true }
);

const BUILDER_DEFAULTS = {
    showPurchaseOrderNumber: true,
    requirePurchaseOrderNumber: true,
    showSavedAddresses: true
};
const BILLING = accountAddress(9, { addressType: 'Billing', name: 'Accounts Payable' });

async function render(properties = {}, snapshot = snapshotFor('ready')) {
    const element = createElement('c-checkout-payment', { is: CheckoutPayment });
    Object.assign(element, BUILDER_DEFAULTS, properties);
    document.body.appendChild(element);
    CheckoutStateAdapter.emit(snapshot);
    await flushPromises();
    return element;
}

const poInput = (element) => element.shadowRoot.querySelector('[data-field="purchaseOrderNumber"]');
const radio = (element, value) =>
    element.shadowRoot.querySelector(`input[type="radio"][value="${value}"]`);
const addressField = (element, name) =>
    element.shadowRoot.querySelector(`[data-scope="billing"][data-field="${name}"]`);

describe('c-checkout-payment', () => {
    beforeEach(() => resetFakeStore());
    afterEach(cleanUpDom);

    it('asks for a required purchase order number and tells the store payment is required', async () => {
        const element = await render();
        const label = element.shadowRoot.querySelector('label');
        expect(label.textContent).toContain('Purchase order number');
        expect(poInput(element).required).toBe(true);
        expect(getCheckoutStore().requirePayment).toHaveBeenCalledWith(true);
        expect(radio(element, 'shipping').checked).toBe(true);
        await expect(element).toBeAccessible();
    });

    it('sends the number with billing same as shipping once the field is left', async () => {
        const element = await render();
        commitValue(poInput(element), ' PO-2024-17 ');
        expect(getCheckoutStore().updatePayment).toHaveBeenCalledWith({
            purchaseOrderNumber: 'PO-2024-17',
            billingAddress: 'shipping'
        });
    });

    it('keeps a number that does not match the pattern, says why with the example, and sends nothing', async () => {
        const element = await render({
            purchaseOrderPattern: 'PO-[0-9]{6}',
            purchaseOrderExample: 'PO-123456'
        });
        commitValue(poInput(element), '12345');
        await flushPromises();
        const input = poInput(element);
        expect(input.value).toBe('12345');
        expect(input.getAttribute('aria-invalid')).toBe('true');
        expect(describedText(element.shadowRoot, input)).toContain(
            'Purchase order number: Enter the purchase order number in the form PO-123456.'
        );
        expect(getCheckoutStore().updatePayment).not.toHaveBeenCalled();
        await expect(element).toBeAccessible();
    });

    it('uses the admin label and shows the example as a hint', async () => {
        const element = await render({
            purchaseOrderLabel: 'PO reference',
            purchaseOrderExample: 'PO-123456'
        });
        expect(element.shadowRoot.querySelector('label').textContent).toContain('PO reference');
        expect(describedText(element.shadowRoot, poInput(element))).toContain('PO-123456');
    });

    it('hides the number when the admin turns it off, and then requires no payment', async () => {
        const element = await render({ showPurchaseOrderNumber: false });
        expect(poInput(element)).toBeNull();
        expect(getCheckoutStore().requirePayment).toHaveBeenCalledWith(false);
    });

    it("offers a signed-in buyer the account's billing addresses and sends the chosen one with its id", async () => {
        const snapshot = snapshotFor('ready', { isGuest: false, billingAddresses: [BILLING] });
        const element = await render({}, snapshot);
        expect(getCheckoutStore().loadBillingAddresses).toHaveBeenCalled();
        commitValue(poInput(element), 'PO-1');
        const saved = radio(element, BILLING.addressId);
        saved.checked = true;
        saved.dispatchEvent(new CustomEvent('change'));
        expect(getCheckoutStore().updatePayment).toHaveBeenLastCalledWith({
            purchaseOrderNumber: 'PO-1',
            billingAddress: expect.objectContaining({
                id: BILLING.addressId,
                street: BILLING.street
            })
        });
        await expect(element).toBeAccessible();
    });

    it('takes a new billing address with the country-aware fields and sends it when it is left', async () => {
        const element = await render();
        commitValue(poInput(element), 'PO-1');
        const choice = radio(element, 'new');
        choice.checked = true;
        choice.dispatchEvent(new CustomEvent('change'));
        await flushPromises();
        expect(addressField(element, 'region').tagName).toBe('SELECT');
        commitValue(addressField(element, 'country'), 'GB');
        await flushPromises();
        expect(addressField(element, 'region').tagName).toBe('INPUT');
        [
            ['firstName', 'Ada'],
            ['lastName', 'Lovelace'],
            ['street', '12 St James Square'],
            ['city', 'London'],
            ['postalCode', 'SW1Y 4JH']
        ].forEach(([name, value]) => commitValue(addressField(element, name), value));
        moveFocus(addressField(element, 'postalCode'), null);
        expect(getCheckoutStore().updatePayment).toHaveBeenLastCalledWith({
            purchaseOrderNumber: 'PO-1',
            billingAddress: {
                country: 'GB',
                firstName: 'Ada',
                lastName: 'Lovelace',
                name: 'Ada Lovelace',
                street: '12 St James Square',
                city: 'London',
                postalCode: 'SW1Y 4JH'
            }
        });
        await expect(element).toBeAccessible();
    });

    it('shows what is missing and moves focus to the number when asked', async () => {
        const element = await render();
        expect(element.reportValidity()).toBe(false);
        await flushPromises();
        const input = poInput(element);
        expect(input.getAttribute('aria-invalid')).toBe('true');
        expect(describedText(element.shadowRoot, input)).toContain(
            'Enter your purchase order number.'
        );
        expect(element.shadowRoot.activeElement).toBe(input);
        await expect(element).toBeAccessible();
    });

    it("shows the store's failure to save the payment", async () => {
        const snapshot = snapshotFor('ready', {
            payment: {
                values: { purchaseOrderNumber: 'PO-1', billingAddress: 'shipping' },
                status: 'failed',
                message: 'We could not save your payment details.'
            },
            messages: [
                {
                    id: 'payment-failed',
                    scope: 'payment',
                    severity: 'error',
                    code: 'PAYMENT_FAILED',
                    message: 'We could not save your payment details.'
                }
            ]
        });
        const element = await render({}, snapshot);
        expect(poInput(element).value).toBe('PO-1');
        expect(element.shadowRoot.querySelector('c-checkout-status').messages).toEqual([
            expect.objectContaining({ message: 'We could not save your payment details.' })
        ]);
    });
});
