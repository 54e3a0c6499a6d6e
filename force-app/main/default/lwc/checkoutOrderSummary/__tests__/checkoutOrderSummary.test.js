import { createElement } from 'lwc';
import CheckoutOrderSummary from 'c/checkoutOrderSummary';
import { CheckoutStateAdapter, resetFakeStore } from 'c/checkoutStore';
import { snapshotFor, flushPromises } from 'checkoutKitTest/snapshots';
import { cleanUpDom } from 'checkoutKitTest/dom';

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

function rows(element) {
    return [...element.shadowRoot.querySelectorAll('.summary-row')].map((row) => [
        row.querySelector('dt').textContent,
        row.querySelector('dd').textContent
    ]);
}

function button(element) {
    return element.shadowRoot.querySelector('button.summary-place-order');
}

function status(element) {
    return element.shadowRoot.querySelector('c-checkout-status');
}

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

    describe('Builder properties', () => {
        it('uses the heading and button label properties', async () => {
            const element = await render(snapshotFor('ready'), {
                ...BUILDER_DEFAULTS,
                headingLabel: 'Your order',
                placeOrderLabel: 'Buy now'
            });

            expect(element.shadowRoot.querySelector('h2').textContent).toBe('Your order');
            expect(button(element).textContent.trim()).toBe('Buy now');
        });

        it('hides promotions, shipping and tax lines when switched off', async () => {
            const element = await render(snapshotFor('ready'), {
                ...BUILDER_DEFAULTS,
                showPromotions: false,
                showShipping: false,
                showTax: false
            });

            expect(rows(element).map(([label]) => label)).toEqual([
                'c.CheckoutKit_Subtotal',
                'c.CheckoutKit_Total'
            ]);
        });

        it('hides recurring charges when switched off', async () => {
            const snapshot = snapshotFor('ready');
            const element = await render(
                { ...snapshot, totals: { ...snapshot.totals, recurringTotal: '19.99' } },
                { ...BUILDER_DEFAULTS, showRecurringCharges: false }
            );

            expect(rows(element).map(([label]) => label)).not.toContain(
                'c.CheckoutKit_RecurringCharges'
            );
        });

        it('submits the Industries CPQ cart bound to cpqCartId, not the checkout cart', async () => {
            const element = await render(snapshotFor('ready'), {
                ...BUILDER_DEFAULTS,
                submissionStrategy: 'cpq',
                cpqCartId: ' 801SG00000001qWYAQ '
            });

            button(element).click();
            await flushPromises();

            // Only the cart: the namespace and submission policy are the admin's Custom Metadata.
            expect(store.placeOrder).toHaveBeenCalledWith({
                strategy: 'cpq',
                cartId: '801SG00000001qWYAQ'
            });
        });

        it('sends no cart id when none is bound or the binding did not resolve', async () => {
            for (const cpqCartId of [undefined, '', '{!Route.recordId}']) {
                cleanUpDom();
                store = resetFakeStore();
                // eslint-disable-next-line no-await-in-loop
                const element = await render(snapshotFor('ready'), {
                    ...BUILDER_DEFAULTS,
                    submissionStrategy: 'cpq',
                    cpqCartId
                });
                button(element).click();
                // eslint-disable-next-line no-await-in-loop
                await flushPromises();
                expect(store.placeOrder.mock.calls[0][0]).not.toHaveProperty('cartId');
            }
        });

        it('names the bound Industries CPQ cart to the store for its one-time and recurring totals', async () => {
            await render(snapshotFor('ready'), {
                ...BUILDER_DEFAULTS,
                submissionStrategy: 'cpq',
                cpqCartId: '801SG00000001qWYAQ'
            });

            expect(store.useCpqCart).toHaveBeenCalledWith({ cartId: '801SG00000001qWYAQ' });
        });

        it('names no CPQ cart without a bound one or with the Commerce strategy', async () => {
            await render(snapshotFor('ready'), { ...BUILDER_DEFAULTS, submissionStrategy: 'cpq' });
            cleanUpDom();
            await render(snapshotFor('ready'), {
                ...BUILDER_DEFAULTS,
                cpqCartId: '801SG00000001qWYAQ'
            });

            expect(store.useCpqCart).not.toHaveBeenCalled();
        });

        it('never sends a CPQ cart id with the Commerce strategy', async () => {
            const element = await render(snapshotFor('ready'), {
                ...BUILDER_DEFAULTS,
                cpqCartId: '801SG00000001qWYAQ'
            });

            button(element).click();
            await flushPromises();

            expect(store.placeOrder).toHaveBeenCalledWith({ strategy: 'commerce' });
        });

        it('hides the place order button when showPlaceOrder is off', async () => {
            const element = await render(snapshotFor('ready'), {
                ...BUILDER_DEFAULTS,
                showPlaceOrder: false
            });

            expect(button(element)).toBeNull();
        });
    });
});
