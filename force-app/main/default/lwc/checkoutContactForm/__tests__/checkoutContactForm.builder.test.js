/** c-checkout-contact-form's Builder properties: heading, phone fields, requirements, read-only buyer fields. */
import { CheckoutStateAdapter, resetFakeStore } from 'c/checkoutStore';
import { snapshotFor, flushPromises } from 'checkoutKitTest/snapshots';
import { cleanUpDom } from 'checkoutKitTest/dom';
import { BUILDER_DEFAULTS, input, render } from './support/renderContactForm';

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
    beforeEach(() => {
        resetFakeStore();
    });

    afterEach(() => {
        cleanUpDom();
    });

    describe('Builder properties', () => {
        it('uses the heading property over the default label', async () => {
            const element = render({ ...BUILDER_DEFAULTS, headingLabel: 'Your details' });
            CheckoutStateAdapter.emit(snapshotFor('ready'));
            await flushPromises();

            expect(element.shadowRoot.querySelector('h2').textContent).toBe('Your details');
        });

        it('hides the phone fields when showPhone is off', async () => {
            const element = render({ ...BUILDER_DEFAULTS, showPhone: false });
            CheckoutStateAdapter.emit(snapshotFor('ready'));
            await flushPromises();

            expect(input(element, 'phoneNumber')).toBeNull();
            expect(element.shadowRoot.querySelector('select')).toBeNull();
        });

        it('requires the phone when requirePhone is on and the name only when requireName is on', async () => {
            const element = render({ showPhone: true, requirePhone: true, requireName: false });
            CheckoutStateAdapter.emit(snapshotFor('ready'));
            await flushPromises();

            expect(input(element, 'phoneNumber').required).toBe(true);
            expect(input(element, 'firstName').required).toBe(false);
        });

        it('offers the configured phone countries with the default selected', async () => {
            const element = render({
                ...BUILDER_DEFAULTS,
                phoneCountries: 'DE, FR',
                defaultPhoneCountry: 'FR'
            });
            CheckoutStateAdapter.emit(snapshotFor('ready', { contactInfo: {} }));
            await flushPromises();

            const options = [...element.shadowRoot.querySelectorAll('option')];
            expect(options.map((option) => option.value)).toEqual(['DE', 'FR']);
            expect(options[1].selected).toBe(true);
            expect(options[0].textContent.trim()).toBe('Germany');
        });

        it('makes name and email read-only for a signed-in buyer', async () => {
            const element = render();
            CheckoutStateAdapter.emit(snapshotFor('ready', { isGuest: false }));
            await flushPromises();

            expect(input(element, 'email').readOnly).toBe(true);
            expect(input(element, 'phoneNumber').readOnly).toBe(false);
            expect(element.shadowRoot.querySelector('.checkout-note').textContent).toContain(
                'c.CheckoutKit_ContactManagedByAccount'
            );
            await expect(element).toBeAccessible();
        });

        it('lets signed-in buyers edit everything when buyerFieldsReadOnly is off', async () => {
            const element = render({ ...BUILDER_DEFAULTS, buyerFieldsReadOnly: false });
            CheckoutStateAdapter.emit(snapshotFor('ready', { isGuest: false }));
            await flushPromises();

            expect(input(element, 'email').readOnly).toBe(false);
        });

        it('labels the save button from its property', async () => {
            const element = render({
                ...BUILDER_DEFAULTS,
                showSaveButton: true,
                saveButtonLabel: 'Continue'
            });
            CheckoutStateAdapter.emit(snapshotFor('ready'));
            await flushPromises();

            expect(element.shadowRoot.querySelector('button').textContent.trim()).toBe('Continue');
        });
    });
});
