/** c-checkout-order-summary: the totals in the cart currency, placing the order once, and its outcome. */
import { resetFakeStore } from 'c/checkoutStore';
import { snapshotFor, flushPromises } from 'checkoutKitTest/snapshots';
import { cleanUpDom } from 'checkoutKitTest/dom';
import { BUILDER_DEFAULTS, button, render, rows, status } from './support/renderOrderSummary';

// Not virtual: c/checkoutStore resolves, and a virtual mock of a resolvable module is missed when another suite
// in the same worker loaded the real one first.
jest.mock(
    '@salesforce/label/c.CheckoutKit_PerMonth',
    () => require('checkoutKitTest/labels').labelModule('CheckoutKit_PerMonth'),
    { virtual: true }
);
jest.mock(
    '@salesforce/label/c.CheckoutKit_PerYear',
    () => require('checkoutKitTest/labels').labelModule('CheckoutKit_PerYear'),
    { virtual: true }
);
jest.mock(
    '@salesforce/label/c.CheckoutKit_BlockedAddressFor',
    () => require('checkoutKitTest/labels').labelModule('CheckoutKit_BlockedAddressFor'),
    { virtual: true }
);
jest.mock('c/checkoutStore', () =>
    require('checkoutKitTest/fakeCheckoutStore').createCheckoutStoreModule()
);

let store;

describe('c-checkout-order-summary', () => {
    beforeEach(() => {
        store = resetFakeStore();
    });

    afterEach(cleanUpDom);

    it('shows a busy placeholder and a disabled button area while loading', async () => {
        const element = await render(snapshotFor('loading'));

        expect(element.shadowRoot.querySelector('[aria-busy="true"]')).not.toBeNull();
        expect(element.shadowRoot.querySelector('dl')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('lists subtotal, promotions, shipping, tax and total in the cart currency', async () => {
        const element = await render(snapshotFor('ready'));

        expect(rows(element)).toEqual([
            ['c.CheckoutKit_Subtotal', '$100.00'],
            ['c.CheckoutKit_Promotions', '-$10.00'],
            ['c.CheckoutKit_Shipping', '$9.99'],
            ['c.CheckoutKit_Tax', '$8.25'],
            ['c.CheckoutKit_Total', '$108.24']
        ]);
        await expect(element).toBeAccessible();
    });

    it('formats another cart currency', async () => {
        const snapshot = snapshotFor('ready');
        const element = await render({
            ...snapshot,
            totals: { ...snapshot.totals, currencyIsoCode: 'EUR', grandTotal: '1234.5' }
        });

        expect(rows(element).pop()).toEqual(['c.CheckoutKit_Total', '€1,234.50']);
    });

    it('shows one-time and recurring charges for Industries CPQ carts', async () => {
        const snapshot = snapshotFor('ready');
        const element = await render({
            ...snapshot,
            totals: { ...snapshot.totals, oneTimeTotal: '50.00', recurringTotal: '19.99' }
        });

        // Recurring charges come after the total that leaves them out, with their period, and it says so.
        expect(rows(element).slice(-3)).toEqual([
            ['c.CheckoutKit_OneTimeCharges', '$50.00'],
            ['c.CheckoutKit_Total', '$108.24'],
            ['c.CheckoutKit_RecurringCharges', '$19.99 per month']
        ]);
        expect(element.shadowRoot.querySelector('.summary-note').textContent.trim()).toBe(
            'c.CheckoutKit_RecurringNotInTotal'
        );
        await expect(element).toBeAccessible();
    });

    it('says the period the admin set for recurring charges', async () => {
        const snapshot = snapshotFor('ready');
        const element = await render(
            { ...snapshot, totals: { ...snapshot.totals, recurringTotal: '240.00' } },
            { ...BUILDER_DEFAULTS, recurringPeriod: 'year' }
        );

        expect(rows(element).pop()).toEqual(['c.CheckoutKit_RecurringCharges', '$240.00 per year']);
    });

    it('places the order once with the Commerce strategy, however often it is clicked', async () => {
        const element = await render(snapshotFor('ready'));

        button(element).click();
        button(element).click();
        await flushPromises();

        expect(store.placeOrder).toHaveBeenCalledTimes(1);
        expect(store.placeOrder).toHaveBeenCalledWith({ strategy: 'commerce' });
    });

    it('shows the submitting state with a disabled, busy button and an announcement', async () => {
        const element = await render(snapshotFor('submitting', { canPlaceOrder: false }));

        expect(button(element).getAttribute('aria-disabled')).toBe('true');
        expect(button(element).getAttribute('aria-busy')).toBe('true');
        expect(button(element).textContent.trim()).toBe('c.CheckoutKit_PlacingOrder');
        expect(status(element).processing).toBe(true);
        expect(status(element).processingText).toBe('c.CheckoutKit_PlacingOrder');
        await expect(element).toBeAccessible();
    });

    it('shows the order reference on success and hides the button', async () => {
        const element = await render(
            snapshotFor('complete', {
                canPlaceOrder: false,
                order: {
                    strategy: 'commerce',
                    outcome: 'success',
                    orderReferenceNumber: 'ORD-42',
                    message: 'Your order was placed.'
                }
            })
        );

        expect(button(element)).toBeNull();
        const confirmation = element.shadowRoot.querySelector('.summary-confirmation');
        expect(confirmation.getAttribute('role')).toBe('status');
        expect(confirmation.textContent).toContain('c.CheckoutKit_OrderPlaced');
        expect(element.shadowRoot.querySelector('.summary-reference').textContent).toBe(
            'c.CheckoutKit_OrderNumber'
        );
        await expect(element).toBeAccessible();
    });

    it('confirms an Industries CPQ order with its outcome message', async () => {
        const element = await render(
            snapshotFor('complete', {
                canPlaceOrder: false,
                order: {
                    strategy: 'cpq',
                    outcome: 'success',
                    code: 'SUBMIT-1002',
                    orderId: '801SG00000001qWYAQ',
                    message: 'Your order was provisionally accepted.'
                }
            })
        );

        const confirmation = element.shadowRoot.querySelector('.summary-confirmation');
        expect(confirmation.textContent).toContain('Your order was provisionally accepted.');
        expect(confirmation.textContent).not.toContain('c.CheckoutKit_OrderPlaced');
        await expect(element).toBeAccessible();
    });

    it('shows a retryable failure and offers to try again', async () => {
        const element = await render(
            snapshotFor('error', {
                order: {
                    strategy: 'cpq',
                    outcome: 'retryable',
                    code: 'SUBMIT-1004',
                    message: 'Try again in a few minutes.',
                    canRetry: true
                }
            })
        );

        expect(button(element).getAttribute('aria-disabled')).toBe('false');
        expect(button(element).textContent.trim()).toBe('c.CheckoutKit_PlaceOrderAgain');
        expect(status(element).messages.map((item) => item.message)).toContain(
            'Try again in a few minutes.'
        );
        await expect(element).toBeAccessible();
    });

    it('says a failed order once when the engine also reports it as an order message', async () => {
        const text = "Your order can't be changed any more, so it was rejected.";
        const element = await render(
            snapshotFor('error', {
                order: { strategy: 'cpq', outcome: 'rejected', code: 'SUBMIT-1003', message: text },
                messages: [
                    {
                        id: 'ORDER_FAILED',
                        severity: 'error',
                        scope: 'order',
                        code: 'SUBMIT-1003',
                        message: text
                    }
                ]
            })
        );

        const shown = status(element).messages.map((item) => item.message);
        expect(shown.filter((message) => message === text)).toHaveLength(1);
        await expect(element).toBeAccessible();
    });

    it.each(['SUBMIT-1003', 'SUBMIT-1007'])(
        'does not offer to try again after %s, which the engine marks final',
        async (code) => {
            const element = await render(
                snapshotFor('error', {
                    order: {
                        strategy: 'cpq',
                        outcome: 'rejected',
                        code,
                        message: 'Rejected',
                        canRetry: false
                    }
                })
            );

            expect(button(element).getAttribute('aria-disabled')).toBe('true');
            expect(button(element).textContent.trim()).toBe('c.CheckoutKit_PlaceOrder');
            await expect(element).toBeAccessible();
        }
    );

    it("shows the engine's order messages instead of the result text", async () => {
        const element = await render(
            snapshotFor('error', {
                order: {
                    strategy: 'commerce',
                    outcome: 'rejected',
                    code: 'HTTP_412',
                    message: 'Inventory is short.',
                    canRetry: true
                },
                messages: [
                    {
                        id: 'o1',
                        severity: 'error',
                        scope: 'order',
                        code: 'A',
                        message: 'Inventory is short.'
                    },
                    {
                        id: 'o2',
                        severity: 'error',
                        scope: 'order',
                        code: 'B',
                        message: 'Reservation failed.'
                    }
                ]
            })
        );

        expect(status(element).messages.map((item) => item.message)).toEqual([
            'Inventory is short.',
            'Reservation failed.'
        ]);
    });

    it('does not offer to resubmit when the outcome is unknown', async () => {
        const element = await render(
            snapshotFor('error', {
                order: {
                    strategy: 'cpq',
                    outcome: 'unknown',
                    code: 'SUBMIT-1006',
                    message: 'Unknown',
                    canRetry: false
                }
            })
        );

        expect(button(element).getAttribute('aria-disabled')).toBe('true');
    });
});
