import { createElement } from 'lwc';
import CheckoutPayment from 'c/checkoutPayment';
import { useRealEngine } from 'checkoutKitTest/engineHarness';
import { cleanUpDom, commitValue, describedText, moveFocus } from 'checkoutKitTest/dom';

jest.mock(
    '@salesforce/label/c.CheckoutKit_FieldMessage',
    () => require('checkoutKitTest/labels').labelModule('CheckoutKit_FieldMessage'),
    { virtual: true }
);
jest.mock(
    '@salesforce/label/c.CheckoutKit_PostalCode',
    () => require('checkoutKitTest/labels').labelModule('CheckoutKit_PostalCode'),
    { virtual: true }
);

const DEFAULT_GROUP = '0a70000000000AAA';

async function renderForm(engine, properties = {}) {
    const element = createElement('c-checkout-payment', { is: CheckoutPayment });
    Object.assign(element, {
        showPurchaseOrderNumber: true,
        requirePurchaseOrderNumber: true,
        ...properties
    });
    document.body.appendChild(element);
    await engine.settle();
    return element;
}

const poInput = (element) => element.shadowRoot.querySelector('[data-field="purchaseOrderNumber"]');
const addressField = (element, name) =>
    element.shadowRoot.querySelector(`[data-scope="billing"][data-field="${name}"]`);

describe('c-checkout-payment with the real engine', () => {
    afterEach(cleanUpDom);

    it('blocks the order until the number is saved, then sends it with the shipping address', async () => {
        const engine = useRealEngine({
            withAddress: true,
            contactInfo: { email: 'ada@example.com', lastName: 'Lovelace' }
        });
        const element = await renderForm(engine);
        expect(engine.store.getSnapshot().placeOrderBlockers).toEqual(['missing-payment']);

        commitValue(poInput(element), 'PO-77');
        await engine.settle();

        const [request] = engine.server.requestsOf('POST', '/payments');
        expect(request.body).toMatchObject({
            requestType: 'SimplePurchaseOrder',
            paymentToken: 'PO-77',
            billingAddress: expect.objectContaining({ street: expect.any(String) })
        });
        expect(engine.store.getSnapshot().canPlaceOrder).toBe(true);
        await expect(element).toBeAccessible();
    });

    it('sends the payment again after the delivery method changes', async () => {
        const engine = useRealEngine({
            withAddress: true,
            contactInfo: { email: 'ada@example.com', lastName: 'Lovelace' }
        });
        const element = await renderForm(engine);
        commitValue(poInput(element), 'PO-78');
        await engine.settle();
        engine.store.selectDeliveryMethod(DEFAULT_GROUP, `2Dm-exp-${DEFAULT_GROUP}`);
        await engine.settle();
        expect(engine.server.requestsOf('POST', '/payments')).toHaveLength(2);
        expect(engine.server.payment).toMatchObject({ paymentToken: 'PO-78' });
        expect(poInput(element).value).toBe('PO-78');
    });

    it("keeps an invalid new billing address unsent and shows the store's message on its field", async () => {
        const engine = useRealEngine({
            withAddress: true,
            contactInfo: { email: 'ada@example.com', lastName: 'Lovelace' }
        });
        const element = await renderForm(engine);
        commitValue(poInput(element), 'PO-79');
        await engine.settle();
        const choice = element.shadowRoot.querySelector('input[value="new"]');
        choice.checked = true;
        choice.dispatchEvent(new CustomEvent('change'));
        await engine.settle();
        [
            ['firstName', 'Ada'],
            ['lastName', 'Lovelace'],
            ['street', '1 Main St'],
            ['city', 'Springfield'],
            ['region', 'IL'],
            ['postalCode', 'ABCDE']
        ].forEach(([name, value]) => commitValue(addressField(element, name), value));
        moveFocus(addressField(element, 'postalCode'), null);
        await engine.settle();

        expect(engine.server.requestsOf('POST', '/payments')).toHaveLength(1);
        const postal = addressField(element, 'postalCode');
        expect(postal.value).toBe('ABCDE');
        expect(postal.getAttribute('aria-invalid')).toBe('true');
        expect(describedText(element.shadowRoot, postal)).toMatch(/^Postal code: /);
        expect(engine.store.getSnapshot().canPlaceOrder).toBe(false);

        commitValue(addressField(element, 'postalCode'), '62701');
        moveFocus(addressField(element, 'postalCode'), null);
        await engine.settle();
        const last = engine.server.requestsOf('POST', '/payments').pop();
        expect(last.body.billingAddress).toMatchObject({
            postalCode: '62701',
            city: 'Springfield'
        });
        expect(engine.store.getSnapshot().canPlaceOrder).toBe(true);
        await expect(element).toBeAccessible();
    });
});
