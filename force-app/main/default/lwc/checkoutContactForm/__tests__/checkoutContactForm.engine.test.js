import { createElement } from 'lwc';
import CheckoutContactForm from 'c/checkoutContactForm';
import { useRealEngine } from 'checkoutKitTest/engineHarness';
import {
    cleanUpDom,
    commitValue,
    describedText,
    focusField,
    leaveField,
    typeValue
} from 'checkoutKitTest/dom';

jest.mock(
    '@salesforce/label/c.CheckoutKit_FieldMessage',
    () => require('checkoutKitTest/labels').labelModule('CheckoutKit_FieldMessage'),
    { virtual: true }
);

describe('c-checkout-contact-form with the real engine', () => {
    afterEach(cleanUpDom);

    it('saves what the shopper types and shows the engine validation message', async () => {
        const engine = useRealEngine({ guest: true });
        const element = createElement('c-checkout-contact-form', { is: CheckoutContactForm });
        Object.assign(element, { showPhone: true, requireName: true });
        document.body.appendChild(element);
        await engine.settle();

        const email = element.shadowRoot.querySelector('input[data-field="email"]');
        commitValue(email, 'not-an-email');
        await engine.settle();

        expect(describedText(element.shadowRoot, email)).toBe(
            'c.CheckoutKit_Email: c.CheckoutKit_ValidationEmail'
        );
        expect(email.getAttribute('aria-invalid')).toBe('true');
        expect(engine.server.requestsOf('PATCH')).toHaveLength(0);

        commitValue(
            element.shadowRoot.querySelector('input[data-field="email"]'),
            'ada@example.com'
        );
        commitValue(element.shadowRoot.querySelector('input[data-field="lastName"]'), 'Lovelace');
        await engine.settle();

        expect(engine.server.contactInfo).toEqual(
            expect.objectContaining({ email: 'ada@example.com', lastName: 'Lovelace' })
        );
        expect(element.shadowRoot.querySelector('input[data-field="email"]').value).toBe(
            'ada@example.com'
        );
        expect(
            element.shadowRoot
                .querySelector('input[data-field="email"]')
                .getAttribute('aria-invalid')
        ).toBe('false');
        await expect(element).toBeAccessible();
    });

    it('keeps the next field being typed while the previous one saves, on screen and on the server', async () => {
        const engine = useRealEngine({ guest: true });
        const element = createElement('c-checkout-contact-form', { is: CheckoutContactForm });
        Object.assign(element, { showPhone: true, requireName: true });
        document.body.appendChild(element);
        await engine.settle();
        const field = (name) => element.shadowRoot.querySelector(`input[data-field="${name}"]`);

        const entries = [
            ['firstName', 'Ada'],
            ['lastName', 'Lovelace'],
            ['email', 'ada@example.com'],
            ['phoneNumber', '4155550100']
        ];
        for (const [name, value] of entries) {
            // Typed while the previous field's save is in flight; its answer arrives mid-typing.
            focusField(field(name));
            typeValue(field(name), value.slice(0, 3));
            // eslint-disable-next-line no-await-in-loop
            await engine.settle();
            expect(field(name).value).toBe(value.slice(0, 3));
            typeValue(field(name), value);
            commitValue(field(name), value);
            leaveField(field(name));
        }
        await engine.settle();

        expect(engine.server.contactInfo).toEqual(
            expect.objectContaining({
                firstName: 'Ada',
                lastName: 'Lovelace',
                email: 'ada@example.com',
                phoneNumber: '4155550100'
            })
        );
        entries.forEach(([name, value]) => expect(field(name).value).toBe(value));
        await expect(element).toBeAccessible();
    });

    it('keeps a first name longer than the platform stores, says the limit and sends nothing', async () => {
        const engine = useRealEngine({ guest: true });
        const element = createElement('c-checkout-contact-form', { is: CheckoutContactForm });
        Object.assign(element, { showPhone: true, requireName: true });
        document.body.appendChild(element);
        await engine.settle();
        const patches = engine.server.requests.filter((request) => request.method === 'PATCH');
        const before = patches.length;

        const firstName = element.shadowRoot.querySelector('input[data-field="firstName"]');
        commitValue(firstName, 'A'.repeat(41));
        await engine.settle();

        expect(firstName.value).toBe('A'.repeat(41));
        expect(describedText(element.shadowRoot, firstName)).toBe(
            'c.CheckoutKit_FirstName: c.CheckoutKit_ValidationTooLong'
        );
        expect(engine.server.requests.filter((request) => request.method === 'PATCH')).toHaveLength(
            before
        );
        expect(engine.store.getSnapshot().edits['contact.firstName']).toMatchObject({
            status: 'failed',
            value: 'A'.repeat(41)
        });
    });
});
