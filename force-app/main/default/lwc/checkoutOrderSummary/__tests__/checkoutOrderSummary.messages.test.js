/** c-checkout-order-summary when the order cannot go yet or failed: what it says, and its Try again. */
import { resetFakeStore } from 'c/checkoutStore';
import { snapshotFor, flushPromises } from 'checkoutKitTest/snapshots';
import { cleanUpDom } from 'checkoutKitTest/dom';
import { button, emit, render, status } from './support/renderOrderSummary';

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

    it('says what is missing when the order cannot be placed', async () => {
        const element = await render(
            snapshotFor('ready', {
                canPlaceOrder: false,
                placeOrderBlockers: ['missing-contact', 'missing-delivery-method']
            })
        );

        button(element).click();
        await flushPromises();

        expect(store.placeOrder).not.toHaveBeenCalled();
        expect(status(element).messages.map((item) => item.message)).toEqual([
            'c.CheckoutKit_OrderBlocked',
            'c.CheckoutKit_BlockedContact',
            'c.CheckoutKit_BlockedDeliveryMethod'
        ]);
    });

    it('says a failed calculation beside missing information, without asking to complete what is complete', async () => {
        const element = await render(
            snapshotFor('ready', {
                canPlaceOrder: false,
                placeOrderBlockers: ['missing-contact', 'calculation-failed'],
                failedCalculations: [
                    { calculation: 'pricing', message: 'c.CheckoutKit_ErrorPricingCalculation' }
                ]
            })
        );
        button(element).click();
        await flushPromises();

        expect(store.placeOrder).not.toHaveBeenCalled();
        expect(status(element).messages.map((item) => item.message)).toEqual([
            'c.CheckoutKit_OrderBlocked',
            'c.CheckoutKit_BlockedContact',
            'c.CheckoutKit_ErrorPricingCalculation'
        ]);
    });

    it('names a failed calculation as the reason, not missing information, and offers to try again', async () => {
        const element = await render(
            snapshotFor('ready', {
                canPlaceOrder: false,
                placeOrderBlockers: ['calculation-failed'],
                failedCalculations: [
                    { calculation: 'tax', message: 'c.CheckoutKit_ErrorTaxCalculation' }
                ]
            })
        );

        expect(status(element).showRetry).toBe(true);
        // Placing the order runs the calculation again first: the engine refuses, in its words, if it still fails.
        button(element).click();
        await flushPromises();
        expect(store.placeOrder).toHaveBeenCalledTimes(1);
        status(element).dispatchEvent(new CustomEvent('retry'));
        expect(store.retryFailed).toHaveBeenCalledTimes(1);
        await expect(element).toBeAccessible();
    });

    it('waits for pending changes to settle, then places the order', async () => {
        const element = await render(
            snapshotFor('saving', { canPlaceOrder: false, placeOrderBlockers: ['pending-edits'] })
        );
        let settle;
        store.whenIdle.mockImplementation(
            () =>
                new Promise((resolve) => {
                    settle = resolve;
                })
        );

        button(element).click();
        await flushPromises();
        expect(status(element).processingText).toBe('c.CheckoutKit_FinishingChanges');
        expect(store.placeOrder).not.toHaveBeenCalled();

        store.setSnapshot(snapshotFor('ready'));
        settle();
        await flushPromises();

        expect(store.placeOrder).toHaveBeenCalledTimes(1);
    });

    it('shows a labelled error when placing the order rejects', async () => {
        const element = await render(snapshotFor('ready'));
        store.placeOrder.mockRejectedValue(new Error('network'));

        button(element).click();
        await flushPromises();

        expect(status(element).messages.map((item) => item.message)).toContain(
            'c.CheckoutKit_OrderFailed'
        );
        expect(button(element).getAttribute('aria-disabled')).toBe('false');
    });

    it('lists every checkout, order and session message, not only the first', async () => {
        const element = await render(
            snapshotFor('error', {
                messages: [
                    {
                        id: 'a',
                        severity: 'error',
                        scope: 'session',
                        code: 'X',
                        message: 'Session failed'
                    },
                    {
                        id: 'b',
                        severity: 'error',
                        scope: 'checkout',
                        code: 'Y',
                        message: 'Tax failed'
                    },
                    { id: 'c', severity: 'error', scope: 'contact', code: 'Z', message: 'Not here' }
                ]
            })
        );

        expect(status(element).messages.map((item) => item.id)).toEqual(['a', 'b']);
    });

    it('offers to retry a save that failed for a passing reason and asks the store to', async () => {
        const element = await render(
            snapshotFor('error', {
                edits: {
                    'contact.email': { status: 'failed', value: 'a@b.co', message: 'Offline' }
                },
                messages: [
                    {
                        id: 'NETWORK_ERROR',
                        severity: 'error',
                        scope: 'checkout',
                        code: 'NETWORK_ERROR',
                        message: 'Offline'
                    }
                ]
            })
        );

        expect(status(element).showRetry).toBe(true);
        status(element).dispatchEvent(new CustomEvent('retry'));
        expect(store.retryFailed).toHaveBeenCalledTimes(1);
    });

    it('offers no Try again for a value that is invalid: trying again would change nothing', async () => {
        const element = await render(
            snapshotFor('ready', {
                edits: {
                    'contact.email': {
                        status: 'failed',
                        value: 'ada@',
                        message: 'Enter a valid email address.'
                    }
                },
                validation: { 'contact.email': 'Enter a valid email address.' },
                canPlaceOrder: false,
                placeOrderBlockers: ['invalid-input']
            })
        );
        button(element).click();
        await flushPromises();

        expect(status(element).messages.length).toBeGreaterThan(0);
        expect(status(element).showRetry).toBe(false);
    });

    it('re-renders when a new snapshot arrives', async () => {
        const element = await render(snapshotFor('processing'));
        expect(status(element).processing).toBe(true);

        await emit(snapshotFor('ready'));

        expect(status(element).processing).toBe(false);
    });
});
