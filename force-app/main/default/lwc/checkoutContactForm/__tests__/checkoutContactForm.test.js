/** c-checkout-contact-form: the fields from the snapshot, the intents it sends, its checks and messages. */
import { CheckoutStateAdapter, resetFakeStore } from 'c/checkoutStore';
import { snapshotFor, flushPromises } from 'checkoutKitTest/snapshots';
import { cleanUpDom, commitValue, describedText } from 'checkoutKitTest/dom';
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
    let store;

    beforeEach(() => {
        store = resetFakeStore();
    });

    afterEach(() => {
        cleanUpDom();
    });

    it('shows a named busy placeholder while the checkout loads', async () => {
        const element = render();
        CheckoutStateAdapter.emit(snapshotFor('loading'));
        await flushPromises();

        const stencil = element.shadowRoot.querySelector('[aria-busy="true"]');
        expect(stencil).not.toBeNull();
        expect(stencil.textContent).toContain('c.CheckoutKit_Loading');
        expect(input(element, 'email')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('fills the fields from the snapshot when ready', async () => {
        const element = render();
        CheckoutStateAdapter.emit(snapshotFor('ready'));
        await flushPromises();

        expect(input(element, 'firstName').value).toBe('Ada');
        expect(input(element, 'email').value).toBe('ada@example.com');
        expect(input(element, 'phoneNumber').value).toBe('4155550100');
        const label = element.shadowRoot.querySelector(
            `label[for="${input(element, 'email').id}"]`
        );
        expect(label.textContent).toContain('c.CheckoutKit_Email');
        await expect(element).toBeAccessible();
    });

    it('sends a committed change to the store as a contact intent', async () => {
        const element = render();
        CheckoutStateAdapter.emit(snapshotFor('ready'));
        await flushPromises();

        commitValue(input(element, 'email'), '  grace@example.com ');

        expect(store.updateContact).toHaveBeenCalledWith({ email: 'grace@example.com' });
    });

    it('registers with the page so Place Order can ask it what is missing', async () => {
        const { showWhatIsMissing } = jest.requireActual('c/checkoutKitSupport');
        const element = render();
        CheckoutStateAdapter.emit(snapshotFor('ready', { contactInfo: {} }));
        await flushPromises();

        expect(showWhatIsMissing()).toBe(true);
        await flushPromises();
        expect(element.shadowRoot.activeElement).toBe(input(element, 'firstName'));
        cleanUpDom();
        expect(showWhatIsMissing()).toBe(false);
    });

    it('sends the phone country with the phone number when none was chosen yet', async () => {
        const element = render({ ...BUILDER_DEFAULTS, defaultPhoneCountry: 'CA' });
        CheckoutStateAdapter.emit(snapshotFor('ready', { contactInfo: {} }));
        await flushPromises();

        commitValue(input(element, 'phoneNumber'), '6045550100');

        expect(store.updateContact).toHaveBeenCalledWith({
            phoneNumber: '6045550100',
            isoCountryCodeForPhoneNumber: 'CA'
        });
    });

    it('sends a phone country change', async () => {
        const element = render();
        CheckoutStateAdapter.emit(snapshotFor('ready'));
        await flushPromises();

        const select = element.shadowRoot.querySelector('select');
        select.value = 'GB';
        select.dispatchEvent(new CustomEvent('change'));

        expect(store.updateContact).toHaveBeenCalledWith({ isoCountryCodeForPhoneNumber: 'GB' });
    });

    it('keeps forms usable while the checkout processes and announces it', async () => {
        const element = render();
        CheckoutStateAdapter.emit(snapshotFor('processing'));
        await flushPromises();

        expect(input(element, 'email').disabled).toBe(false);
        const status = element.shadowRoot.querySelector('c-checkout-status');
        expect(status.processing).toBe(true);
        expect(status.processingText).toBe('c.CheckoutKit_Processing');
        commitValue(input(element, 'lastName'), 'Hopper');
        expect(store.updateContact).toHaveBeenCalledWith({ lastName: 'Hopper' });
        await expect(element).toBeAccessible();
    });

    it('locks the fields while the order is placed and after it is', async () => {
        const element = render();
        CheckoutStateAdapter.emit(snapshotFor('submitting', { canPlaceOrder: false }));
        await flushPromises();
        expect(input(element, 'email').disabled).toBe(true);
        expect(element.shadowRoot.querySelector('select').disabled).toBe(true);

        CheckoutStateAdapter.emit(snapshotFor('complete', { canPlaceOrder: false }));
        await flushPromises();
        expect(input(element, 'firstName').disabled).toBe(true);
        await expect(element).toBeAccessible();
    });

    it('shows the engine validation message under its field, tied by aria-describedby', async () => {
        const element = render();
        CheckoutStateAdapter.emit(
            snapshotFor('ready', {
                contactInfo: { email: 'not-an-email' },
                validation: { 'contact.email': 'Enter a valid email address.' }
            })
        );
        await flushPromises();

        const email = input(element, 'email');
        expect(email.getAttribute('aria-invalid')).toBe('true');
        expect(describedText(element.shadowRoot, email)).toBe(
            'c.CheckoutKit_Email: Enter a valid email address.'
        );
        await expect(element).toBeAccessible();
    });

    it('shows a failed edit message with the value kept', async () => {
        const element = render();
        CheckoutStateAdapter.emit(
            snapshotFor('error', {
                contactInfo: { firstName: 'Grace' },
                edits: {
                    'contact.firstName': {
                        status: 'failed',
                        value: 'Grace',
                        message: 'We could not save your name.'
                    }
                }
            })
        );
        await flushPromises();

        const firstName = input(element, 'firstName');
        expect(firstName.value).toBe('Grace');
        expect(element.shadowRoot.querySelector('.slds-form-element__help').textContent).toContain(
            'We could not save your name.'
        );
    });

    it('lists every contact message that no field shows, not only the first', async () => {
        const element = render();
        CheckoutStateAdapter.emit(
            snapshotFor('error', {
                messages: [
                    { id: 'm1', severity: 'error', scope: 'contact', code: 'A', message: 'First' },
                    { id: 'm2', severity: 'error', scope: 'contact', code: 'B', message: 'Second' },
                    { id: 'm3', severity: 'error', scope: 'order', code: 'C', message: 'Elsewhere' }
                ]
            })
        );
        await flushPromises();

        const status = element.shadowRoot.querySelector('c-checkout-status');
        expect(status.messages.map((item) => item.message)).toEqual(['First', 'Second']);
    });

    it('on submit shows required messages and focuses the first invalid field', async () => {
        const element = render({ ...BUILDER_DEFAULTS, showSaveButton: true });
        CheckoutStateAdapter.emit(snapshotFor('ready', { contactInfo: {} }));
        await flushPromises();

        element.shadowRoot.querySelector('button[type="submit"]').click();
        await flushPromises();

        const firstName = input(element, 'firstName');
        expect(firstName.getAttribute('aria-invalid')).toBe('true');
        expect(element.shadowRoot.activeElement).toBe(firstName);
        expect(describedText(element.shadowRoot, firstName)).toBe(
            'c.CheckoutKit_FirstName: c.CheckoutKit_ValidationRequired'
        );
        expect(input(element, 'phoneNumber').getAttribute('aria-invalid')).toBe('false');
        await expect(element).toBeAccessible();
    });

    it('reportValidity passes for a complete contact', async () => {
        const element = render();
        CheckoutStateAdapter.emit(snapshotFor('ready'));
        await flushPromises();

        expect(element.reportValidity()).toBe(true);
    });

    it('flags a malformed email as soon as the field is left', async () => {
        const element = render();
        CheckoutStateAdapter.emit(snapshotFor('ready'));
        await flushPromises();

        commitValue(input(element, 'email'), 'ada@');
        await flushPromises();

        expect(input(element, 'email').getAttribute('aria-invalid')).toBe('true');
        expect(store.updateContact).toHaveBeenCalledWith({ email: 'ada@' });
    });

    it.each([
        ['email', 'ada@exa_mple.com', 'c.CheckoutKit_ValidationEmail'],
        ['email', 'ada@example.com', ''],
        ['phoneNumber', '+0415555', 'c.CheckoutKit_ValidationPhone'],
        ['phoneNumber', '(415) 555-0100', ''],
        ['phoneNumber', '020 7946 0958', 'c.CheckoutKit_ValidationPhone'],
        ['phoneNumber', 'abc', 'c.CheckoutKit_ValidationPhone'],
        ['firstName', 'A'.repeat(41), 'c.CheckoutKit_ValidationTooLong']
    ])('judges %s %s as the engine does', async (field, value, expected) => {
        const { validateContact } = jest.requireActual('c/checkoutValidation');
        const element = render();
        CheckoutStateAdapter.emit(snapshotFor('ready'));
        await flushPromises();

        commitValue(input(element, field), value);
        await flushPromises();

        const engine = validateContact({ [field]: value, isoCountryCodeForPhoneNumber: 'US' });
        expect(engine[`contact.${field}`] || '').toBe(expected);
        const label = field === 'email' ? 'c.CheckoutKit_Email' : 'c.CheckoutKit_Phone';
        expect(describedText(element.shadowRoot, input(element, field))).toBe(
            expected && `${field === 'firstName' ? 'c.CheckoutKit_FirstName' : label}: ${expected}`
        );
    });

    describe('a phone number and its country', () => {
        it('sets the phone country from an international number of an offered country', async () => {
            const element = render();
            CheckoutStateAdapter.emit(snapshotFor('ready'));
            await flushPromises();

            commitValue(input(element, 'phoneNumber'), '+44 20 7946 0958');
            await flushPromises();

            expect(store.updateContact).toHaveBeenCalledWith({
                phoneNumber: '+44 20 7946 0958',
                isoCountryCodeForPhoneNumber: 'GB'
            });
            expect(input(element, 'phoneNumber').getAttribute('aria-invalid')).toBe('false');
        });

        it('says the number is for another country when that country is not offered', async () => {
            const element = render({ ...BUILDER_DEFAULTS, phoneCountries: 'US,CA' });
            CheckoutStateAdapter.emit(snapshotFor('ready'));
            await flushPromises();

            commitValue(input(element, 'phoneNumber'), '+44 20 7946 0958');
            await flushPromises();

            expect(store.updateContact).toHaveBeenCalledWith({ phoneNumber: '+44 20 7946 0958' });
            expect(describedText(element.shadowRoot, input(element, 'phoneNumber'))).toBe(
                'c.CheckoutKit_Phone: c.CheckoutKit_ValidationPhoneOtherCountry'
            );
            await expect(element).toBeAccessible();
        });

        it('checks the number again when the shopper chooses its country', async () => {
            const element = render();
            CheckoutStateAdapter.emit(snapshotFor('ready'));
            await flushPromises();
            commitValue(input(element, 'phoneNumber'), '020 7946 0958');
            await flushPromises();
            expect(input(element, 'phoneNumber').getAttribute('aria-invalid')).toBe('true');

            const select = element.shadowRoot.querySelector('select');
            select.value = 'GB';
            select.dispatchEvent(new CustomEvent('change'));
            await flushPromises();

            expect(input(element, 'phoneNumber').getAttribute('aria-invalid')).toBe('false');
            expect(store.updateContact).toHaveBeenLastCalledWith({
                isoCountryCodeForPhoneNumber: 'GB'
            });
        });
    });

    it('keeps a name longer than the platform stores, saying the limit', async () => {
        const element = render();
        CheckoutStateAdapter.emit(snapshotFor('ready'));
        await flushPromises();
        const longName = 'A'.repeat(45);

        commitValue(input(element, 'firstName'), longName);
        await flushPromises();

        expect(input(element, 'firstName').value).toBe(longName);
        expect(describedText(element.shadowRoot, input(element, 'firstName'))).toBe(
            'c.CheckoutKit_FirstName: c.CheckoutKit_ValidationTooLong'
        );
        await expect(element).toBeAccessible();
    });

    it('when Place Order asks, marks the empty required fields without taking focus unless told', async () => {
        const element = render();
        CheckoutStateAdapter.emit(snapshotFor('ready', { contactInfo: {} }));
        await flushPromises();

        expect(element.reportValidity({ focus: false })).toBe(false);
        await flushPromises();

        expect(
            ['firstName', 'lastName', 'email'].map((name) =>
                input(element, name).getAttribute('aria-invalid')
            )
        ).toEqual(['true', 'true', 'true']);
        expect(input(element, 'email').closest('.slds-form-element').className).toContain(
            'slds-has-error'
        );
        expect(element.shadowRoot.activeElement).toBeNull();
        await expect(element).toBeAccessible();
    });
});
