/** c-checkout-contact-form while the shopper types: a snapshot keeps the draft; leaving hands it over. */
import { CheckoutStateAdapter, resetFakeStore } from 'c/checkoutStore';
import { snapshotFor, flushPromises } from 'checkoutKitTest/snapshots';
import { cleanUpDom, commitValue, focusField, leaveField, typeValue } from 'checkoutKitTest/dom';
import { input, render } from './support/renderContactForm';

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

describe('c-checkout-contact-form', () => {
    let store;

    beforeEach(() => {
        store = resetFakeStore();
    });

    afterEach(() => {
        cleanUpDom();
    });

    describe('while the shopper types', () => {
        // The e2e "guest typing briskly" case: a save's answer re-renders the form mid-typing.
        it.each([
            ['lastName', 'Lovelace'],
            ['email', 'ada@example.com'],
            ['phoneNumber', '4155550100']
        ])(
            'keeps what is being typed in %s when a snapshot arrives, then hands it to the store',
            async (name, typed) => {
                const element = render();
                CheckoutStateAdapter.emit(
                    snapshotFor('ready', { contactInfo: { firstName: 'Ada' } })
                );
                await flushPromises();

                const field = input(element, name);
                focusField(field);
                typeValue(field, typed.slice(0, 4));
                CheckoutStateAdapter.emit(
                    snapshotFor('processing', { contactInfo: { firstName: 'Ada' } })
                );
                await flushPromises();
                expect(input(element, name).value).toBe(typed.slice(0, 4));

                typeValue(field, typed);
                CheckoutStateAdapter.emit(
                    snapshotFor('ready', { contactInfo: { firstName: 'Ada' } })
                );
                await flushPromises();
                expect(input(element, name).value).toBe(typed);
                expect(store.updateContact).not.toHaveBeenCalled();

                // Leaving hands the draft over even when no change event came.
                leaveField(field);
                expect(store.updateContact).toHaveBeenCalledTimes(1);
                expect(store.updateContact.mock.calls[0][0]).toMatchObject({ [name]: typed });
                await expect(element).toBeAccessible();
            }
        );

        it('hands a value over once when change and blur both come', async () => {
            const element = render();
            CheckoutStateAdapter.emit(snapshotFor('ready', { contactInfo: {} }));
            await flushPromises();

            const email = input(element, 'email');
            focusField(email);
            typeValue(email, 'grace@example.com');
            commitValue(email, 'grace@example.com');
            leaveField(email);

            expect(store.updateContact).toHaveBeenCalledTimes(1);
            expect(store.updateContact).toHaveBeenCalledWith({ email: 'grace@example.com' });
        });

        it('shows the snapshot again once the field is left', async () => {
            const element = render();
            CheckoutStateAdapter.emit(snapshotFor('ready', { contactInfo: {} }));
            await flushPromises();

            const firstName = input(element, 'firstName');
            focusField(firstName);
            typeValue(firstName, ' Grace ');
            leaveField(firstName);
            expect(store.updateContact).toHaveBeenCalledWith({ firstName: 'Grace' });
            // The store lays the pending edit over the server's value.
            CheckoutStateAdapter.emit(
                snapshotFor('saving', { contactInfo: { firstName: 'Grace' } })
            );
            await flushPromises();

            expect(input(element, 'firstName').value).toBe('Grace');
        });

        it('keeps the phone country being chosen when a snapshot arrives', async () => {
            const element = render();
            CheckoutStateAdapter.emit(snapshotFor('ready', { contactInfo: {} }));
            await flushPromises();

            const select = element.shadowRoot.querySelector('select');
            focusField(select);
            select.value = 'GB';
            select.dispatchEvent(new CustomEvent('change'));
            CheckoutStateAdapter.emit(snapshotFor('processing', { contactInfo: {} }));
            await flushPromises();

            expect(element.shadowRoot.querySelector('select').value).toBe('GB');
            commitValue(input(element, 'phoneNumber'), '7700900123');
            expect(store.updateContact).toHaveBeenLastCalledWith({
                phoneNumber: '7700900123',
                isoCountryCodeForPhoneNumber: 'GB'
            });
        });
    });
});
