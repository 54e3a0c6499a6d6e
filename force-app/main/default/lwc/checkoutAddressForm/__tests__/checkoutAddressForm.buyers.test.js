/** c-checkout-address-form for signed-in buyers: their saved addresses, and a new address instead. */
import { CheckoutStateAdapter, resetFakeStore } from 'c/checkoutStore';
import { deliveryGroup, accountAddress, flushPromises } from 'checkoutKitTest/snapshots';
import { cleanUpDom } from 'checkoutKitTest/dom';
import { GROUP_ID, buyerSnapshot, field, render } from './support/renderAddressForm';

jest.mock(
    '@salesforce/label/c.CheckoutKit_FieldMessage',
    () => require('checkoutKitTest/labels').labelModule('CheckoutKit_FieldMessage'),
    { virtual: true }
);
jest.mock(
    '@salesforce/label/c.CheckoutKit_GroupFieldMessage',
    () => require('checkoutKitTest/labels').labelModule('CheckoutKit_GroupFieldMessage'),
    { virtual: true }
);
// Not virtual: c/checkoutStore resolves, and a virtual mock of a resolvable module is missed when another suite
// in the same worker loaded the real one first.
jest.mock('c/checkoutStore', () =>
    require('checkoutKitTest/fakeCheckoutStore').createCheckoutStoreModule()
);

let store;

describe('c-checkout-address-form', () => {
    beforeEach(() => {
        store = resetFakeStore();
    });

    afterEach(cleanUpDom);

    describe('signed-in buyers', () => {
        it('loads the account addresses once', async () => {
            await render(buyerSnapshot(0));
            CheckoutStateAdapter.emit(buyerSnapshot(0));
            await flushPromises();

            expect(store.loadAccountAddresses).toHaveBeenCalledTimes(1);
        });

        it('lists saved addresses up to the limit and shows more on request', async () => {
            const element = await render(
                buyerSnapshot(5, {
                    deliveryGroups: [
                        deliveryGroup(GROUP_ID, { deliveryAddress: accountAddress(1) })
                    ]
                })
            );

            const savedRadios = () => [
                ...element.shadowRoot.querySelectorAll('.address-saved-list input[type="radio"]')
            ];
            expect(savedRadios()).toHaveLength(3);
            expect(savedRadios()[0].checked).toBe(true);
            expect(field(element, 'street')).toBeNull();

            const more = element.shadowRoot.querySelector('.address-show-more');
            expect(more.getAttribute('aria-expanded')).toBe('false');
            more.click();
            await flushPromises();

            expect(savedRadios()).toHaveLength(5);
            expect(
                element.shadowRoot.querySelector('.address-show-more').getAttribute('aria-expanded')
            ).toBe('true');
            await expect(element).toBeAccessible();
        });

        it('choosing a saved address sends it as the delivery address', async () => {
            const element = await render(
                buyerSnapshot(2, {
                    deliveryGroups: [
                        deliveryGroup(GROUP_ID, { deliveryAddress: accountAddress(1) })
                    ]
                })
            );

            const second = element.shadowRoot.querySelectorAll('.address-saved-list input')[1];
            second.checked = true;
            second.dispatchEvent(new CustomEvent('change'));

            expect(store.updateShipping).toHaveBeenCalledWith(GROUP_ID, {
                deliveryAddress: {
                    street: '2 Industrial Way',
                    city: 'Austin',
                    region: 'TX',
                    postalCode: '73301',
                    country: 'US',
                    name: 'Warehouse 2',
                    // The saved address's id: the engine sends it as {id}.
                    id: accountAddress(2).addressId
                }
            });
        });

        it('opens the new address form on request and tells the store the saved one no longer applies', async () => {
            const element = await render(
                buyerSnapshot(2, {
                    deliveryGroups: [
                        deliveryGroup(GROUP_ID, { deliveryAddress: accountAddress(1) })
                    ]
                })
            );

            const newAddress = element.shadowRoot.querySelector('input[value="new"]');
            newAddress.checked = true;
            newAddress.dispatchEvent(new CustomEvent('change'));
            await flushPromises();

            expect(field(element, 'street').value).toBe('');
            expect(field(element, 'country').value).toBe('US');
            // The store hears at once: the saved address's methods and totals no longer apply.
            expect(store.updateShipping).toHaveBeenCalledWith(GROUP_ID, {
                deliveryAddress: { country: 'US' }
            });
        });
    });
});
