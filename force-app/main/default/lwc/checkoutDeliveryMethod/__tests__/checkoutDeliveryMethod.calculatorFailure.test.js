/** c-checkout-delivery-method after a calculator failure: what it says, and Try again in the failed group. */
import { CheckoutStateAdapter, resetFakeStore } from 'c/checkoutStore';
import { snapshotFor, deliveryGroup, flushPromises } from 'checkoutKitTest/snapshots';
import { cleanUpDom } from 'checkoutKitTest/dom';
import { radios, render } from './support/renderDeliveryMethod';

jest.mock(
    '@salesforce/label/c.CheckoutKit_FieldMessage',
    () => require('checkoutKitTest/labels').labelModule('CheckoutKit_FieldMessage'),
    { virtual: true }
);
// Not virtual: c/checkoutStore resolves, and a virtual mock of a resolvable module is missed when another suite
// in the same worker loaded the real one first.
jest.mock('c/checkoutStore', () =>
    require('checkoutKitTest/fakeCheckoutStore').createCheckoutStoreModule()
);

describe('c-checkout-delivery-method', () => {
    let store;

    beforeEach(() => {
        store = resetFakeStore();
    });

    afterEach(cleanUpDom);

    describe('after a calculator failure', () => {
        const GROUP_ID = '0a7SB0000000001';
        const SHIPPING_FAILED = {
            id: 'server:0:/commerce/integrations/shipping',
            severity: 'error',
            scope: 'shipping',
            code: '/commerce/integrations/shipping',
            message: "The shipping service didn't respond. Try again in a moment."
        };
        const METHOD_RESET = {
            id: `DELIVERY_METHOD_RESET|${GROUP_ID}`,
            severity: 'info',
            scope: 'deliveryMethod',
            groupId: GROUP_ID,
            code: 'DELIVERY_METHOD_RESET',
            message: 'Your delivery method changed because the address changed.'
        };
        const savedCheckout = (groups) => ({
            checkoutId: '2z9SB0000000001',
            deliveryGroups: { count: groups.length, items: groups }
        });

        it('does not claim the address cannot be delivered to', async () => {
            const failed = deliveryGroup(GROUP_ID, {
                availableDeliveryMethods: [],
                selectedDeliveryMethod: null,
                selectedDeliveryMethodId: null,
                shippingInstructions: 'Leave it at the front desk.'
            });
            const element = await render(
                snapshotFor('error', {
                    checkout: savedCheckout([failed]),
                    deliveryGroups: [failed],
                    messages: [SHIPPING_FAILED]
                })
            );

            expect(element.shadowRoot.querySelector('.delivery-empty').textContent).toBe(
                'c.CheckoutKit_DeliveryUnavailable'
            );
            await expect(element).toBeAccessible();
        });

        it('offers Try again in the group whose shipping calculation failed, and runs it again', async () => {
            const failed = deliveryGroup(GROUP_ID, {
                availableDeliveryMethods: [],
                selectedDeliveryMethod: null,
                selectedDeliveryMethodId: null
            });
            const message = {
                id: `calculation:shipping:${GROUP_ID}`,
                severity: 'error',
                scope: 'deliveryMethod',
                groupId: GROUP_ID,
                code: 'CALCULATION_FAILED',
                message: 'c.CheckoutKit_ErrorShippingCalculation'
            };
            const element = await render(
                snapshotFor('error', {
                    checkout: savedCheckout([failed]),
                    deliveryGroups: [failed],
                    messages: [message],
                    failedCalculations: [
                        { calculation: 'shipping', groupId: GROUP_ID, message: message.message }
                    ]
                })
            );

            const groupStatus = element.shadowRoot.querySelector('fieldset c-checkout-status');
            expect(groupStatus.messages.map((item) => item.message)).toEqual([message.message]);
            expect(groupStatus.showRetry).toBe(true);
            groupStatus.dispatchEvent(new CustomEvent('retry'));
            expect(store.retryCalculation).toHaveBeenCalledTimes(1);
            await expect(element).toBeAccessible();
        });

        it('says the methods are being found while a new address saves', async () => {
            const element = await render(
                snapshotFor('saving', {
                    deliveryGroups: [
                        deliveryGroup(GROUP_ID, {
                            availableDeliveryMethods: [],
                            selectedDeliveryMethodId: null
                        })
                    ],
                    edits: {
                        [`group.${GROUP_ID}.deliveryAddress`]: { status: 'saving', value: {} }
                    }
                })
            );

            expect(element.shadowRoot.querySelector('.delivery-empty').textContent).toBe(
                'c.CheckoutKit_DeliveryFinding'
            );
        });

        it('says the method changed because of the address only when the address changed', async () => {
            const group = deliveryGroup(GROUP_ID);
            const element = await render(
                snapshotFor('ready', { checkout: savedCheckout([group]), deliveryGroups: [group] })
            );
            const express = radios(element)[1];
            express.checked = true;
            express.dispatchEvent(new CustomEvent('change'));

            // An instructions-only change: the engine reports a reset, the address is the same.
            const sameAddress = deliveryGroup(GROUP_ID, { shippingInstructions: 'Ring twice' });
            CheckoutStateAdapter.emit(
                snapshotFor('ready', {
                    checkout: savedCheckout([sameAddress]),
                    deliveryGroups: [sameAddress],
                    messages: [METHOD_RESET]
                })
            );
            await flushPromises();
            const groupStatus = () =>
                element.shadowRoot.querySelector('fieldset c-checkout-status');
            expect(groupStatus().messages).toEqual([]);

            const moved = deliveryGroup(GROUP_ID, {
                deliveryAddress: { ...group.deliveryAddress, city: 'Oakland', postalCode: '94607' }
            });
            CheckoutStateAdapter.emit(
                snapshotFor('ready', {
                    checkout: savedCheckout([moved]),
                    deliveryGroups: [moved],
                    messages: [METHOD_RESET]
                })
            );
            await flushPromises();
            expect(groupStatus().messages.map((item) => item.code)).toEqual([
                'DELIVERY_METHOD_RESET'
            ]);
            await expect(element).toBeAccessible();
        });
    });
});
