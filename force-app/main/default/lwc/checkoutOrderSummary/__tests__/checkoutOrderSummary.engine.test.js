import { createElement } from 'lwc';
import CheckoutOrderSummary from 'c/checkoutOrderSummary';
import { useRealEngine } from 'checkoutKitTest/engineHarness';
import { cleanUpDom } from 'checkoutKitTest/dom';
import { flushPromises } from 'checkoutKitTest/snapshots';

/** A guest whose contact and address are complete: the summary can place the order. */
function guestReadyToOrder() {
    return useRealEngine({
        guest: true,
        withAddress: true,
        contactInfo: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' }
    });
}

function mountSummary(properties) {
    const element = createElement('c-checkout-order-summary', { is: CheckoutOrderSummary });
    Object.assign(element, properties);
    document.body.appendChild(element);
    return element;
}

describe('c-checkout-order-summary with the real engine', () => {
    afterEach(cleanUpDom);

    it('shows the server totals and places exactly one order on a double click', async () => {
        const engine = guestReadyToOrder();
        const element = mountSummary({ showShipping: true, showTax: true, showPlaceOrder: true });
        await engine.settle();

        const total = element.shadowRoot.querySelector('.summary-row_total dd');
        expect(total.textContent).toBe('$113.00');

        const button = element.shadowRoot.querySelector('button.summary-place-order');
        button.click();
        button.click();
        await flushPromises();
        await engine.settle();

        expect(engine.server.orderPosts).toBe(1);
        expect(element.shadowRoot.querySelector('button.summary-place-order')).toBeNull();
        expect(element.shadowRoot.querySelector('.summary-reference')).not.toBeNull();
        await expect(element).toBeAccessible();
    });

    it('submits the bound Industries CPQ cart and confirms it with the outcome message', async () => {
        const engine = guestReadyToOrder();
        const element = mountSummary({
            showPlaceOrder: true,
            submissionStrategy: 'cpq',
            cpqCartId: '801SG00000001qWYAQ'
        });
        await engine.settle();

        element.shadowRoot.querySelector('button.summary-place-order').click();
        await flushPromises();
        await engine.settle();

        expect(engine.server.cpqCalls).toEqual([{ cartId: '801SG00000001qWYAQ' }]);
        expect(element.shadowRoot.querySelector('.summary-confirmation').textContent).toContain(
            'c.CheckoutKit_CpqSubmit1001'
        );
        await expect(element).toBeAccessible();
    });
    it.each([
        ['SUBMIT-1003', false],
        ['SUBMIT-1007', false],
        ['SUBMIT-1006', false],
        ['SUBMIT-1004', true],
        ['SUBMIT-1009', true]
    ])(
        'after %s offers to try again only when it can help (%s), saying it once',
        async (code, retry) => {
            const engine = guestReadyToOrder();
            engine.server.cpqAnswer = {
                messages: [{ code, severity: 'ERROR', message: 'raw' }],
                records: []
            };
            const element = mountSummary({
                showPlaceOrder: true,
                submissionStrategy: 'cpq',
                cpqCartId: `801CART-${code}` // a cart of its own: orders are remembered per cart
            });
            await engine.settle();

            element.shadowRoot.querySelector('button.summary-place-order').click();
            await flushPromises();
            await engine.settle();

            const button = element.shadowRoot.querySelector('button.summary-place-order');
            expect(button.textContent.trim() === 'c.CheckoutKit_PlaceOrderAgain').toBe(retry);
            expect(button.getAttribute('aria-disabled')).toBe(String(!retry));
            const text = `c.CheckoutKit_CpqSubmit${code.slice(-4)}`;
            const shown = element.shadowRoot
                .querySelector('c-checkout-status')
                .messages.map((item) => item.message);
            expect(shown.filter((message) => message === text)).toHaveLength(1);
        }
    );

    it('without a bound CPQ cart says an admin must act and offers no retry', async () => {
        const engine = guestReadyToOrder();
        const element = mountSummary({
            showPlaceOrder: true,
            submissionStrategy: 'cpq'
        });
        await engine.settle();

        element.shadowRoot.querySelector('button.summary-place-order').click();
        await flushPromises();
        await engine.settle();

        expect(engine.server.cpqCalls).toEqual([]);
        const button = element.shadowRoot.querySelector('button.summary-place-order');
        expect(button.getAttribute('aria-disabled')).toBe('true');
        expect(button.textContent.trim()).not.toBe('c.CheckoutKit_PlaceOrderAgain');
        expect(
            element.shadowRoot
                .querySelector('c-checkout-status')
                .messages.map((item) => item.message)
        ).toContain('c.CheckoutKit_CpqSubmit1005');
    });
});
