/** c-checkout-address-form while the shopper types: a snapshot keeps the draft; leaving hands it over. */
import { CheckoutStateAdapter, resetFakeStore } from 'c/checkoutStore';
import {
    snapshotFor,
    deliveryGroup,
    accountAddress,
    flushPromises
} from 'checkoutKitTest/snapshots';
import {
    cleanUpDom,
    commitValue,
    focusField,
    leaveField,
    moveFocus,
    typeValue
} from 'checkoutKitTest/dom';
import { isoDateFromToday } from '../addressChecks';
import {
    GROUP_ID,
    buyerSnapshot,
    emptyGroupSnapshot,
    field,
    render
} from './support/renderAddressForm';

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

    describe('while the shopper types', () => {
        it.each(['lastName', 'street', 'postalCode'])(
            'keeps what is being typed in %s when a snapshot arrives, then hands it over on leaving',
            async (name) => {
                const element = await render(emptyGroupSnapshot());
                const typed = {
                    lastName: 'Lovelace',
                    street: '415 Mission St',
                    postalCode: '94105'
                }[name];

                focusField(field(element, name));
                typeValue(field(element, name), typed.slice(0, 3));
                CheckoutStateAdapter.emit(emptyGroupSnapshot({ phase: 'processing' }));
                await flushPromises();
                expect(field(element, name).value).toBe(typed.slice(0, 3));

                typeValue(field(element, name), typed);
                CheckoutStateAdapter.emit(emptyGroupSnapshot());
                await flushPromises();
                expect(field(element, name).value).toBe(typed);
                expect(store.updateShipping).not.toHaveBeenCalled();

                leaveField(field(element, name));
                moveFocus(field(element, name));
                expect(store.updateShipping).toHaveBeenCalledTimes(1);
                expect(store.updateShipping.mock.calls[0][1].deliveryAddress).toMatchObject({
                    [name]: typed
                });
                await expect(element).toBeAccessible();
            }
        );

        it('hands nothing over when a field of a new address is only passed through', async () => {
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

            store.updateShipping.mockClear();
            focusField(field(element, 'street'));
            leaveField(field(element, 'street'));
            moveFocus(field(element, 'street'), field(element, 'city'));
            await flushPromises();

            expect(store.updateShipping).not.toHaveBeenCalled();
            expect(field(element, 'street').getAttribute('aria-invalid')).toBe('false');
        });

        it('hands a field over once when change and blur both come', async () => {
            const element = await render(emptyGroupSnapshot());

            focusField(field(element, 'city'));
            typeValue(field(element, 'city'), 'Denver');
            commitValue(field(element, 'city'), 'Denver');
            leaveField(field(element, 'city'));
            moveFocus(field(element, 'city'));

            expect(store.updateShipping).toHaveBeenCalledTimes(1);
        });

        it('shows the stored shipping instructions and keeps the ones being typed', async () => {
            const withInstructions = (phase) =>
                snapshotFor(phase, {
                    deliveryGroups: [
                        deliveryGroup(GROUP_ID, { shippingInstructions: 'Ring twice' })
                    ]
                });
            const element = await render(withInstructions('ready'));
            const textarea = element.shadowRoot.querySelector('textarea');
            expect(textarea.value).toBe('Ring twice');

            focusField(textarea);
            typeValue(textarea, 'Ring twice, then leave it');
            CheckoutStateAdapter.emit(withInstructions('processing'));
            await flushPromises();
            expect(element.shadowRoot.querySelector('textarea').value).toBe(
                'Ring twice, then leave it'
            );

            leaveField(textarea);
            expect(store.updateShipping).toHaveBeenCalledWith(GROUP_ID, {
                shippingInstructions: 'Ring twice, then leave it'
            });
            await expect(element).toBeAccessible();
        });

        it('keeps a desired delivery date being entered and hands it over on leaving', async () => {
            const element = await render(snapshotFor('ready'));
            const date = element.shadowRoot.querySelector('input[type="date"]');

            focusField(date);
            typeValue(date, isoDateFromToday(7));
            CheckoutStateAdapter.emit(snapshotFor('processing'));
            await flushPromises();
            expect(element.shadowRoot.querySelector('input[type="date"]').value).toBe(
                isoDateFromToday(7)
            );

            leaveField(date);
            expect(store.updateShipping).toHaveBeenCalledWith(GROUP_ID, {
                desiredDeliveryDate: isoDateFromToday(7)
            });
        });
    });
});
