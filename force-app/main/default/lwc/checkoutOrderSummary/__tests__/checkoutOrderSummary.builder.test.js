/** c-checkout-order-summary's Builder properties: labels, the lines shown, the Industries CPQ cart binding. */
import { resetFakeStore } from 'c/checkoutStore';
import { snapshotFor, flushPromises } from 'checkoutKitTest/snapshots';
import { cleanUpDom } from 'checkoutKitTest/dom';
import { BUILDER_DEFAULTS, button, render, rows } from './support/renderOrderSummary';

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
