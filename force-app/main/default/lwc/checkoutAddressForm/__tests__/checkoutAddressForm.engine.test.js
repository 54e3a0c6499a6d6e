import { createElement } from 'lwc';
import CheckoutAddressForm from 'c/checkoutAddressForm';
import { useRealEngine } from 'checkoutKitTest/engineHarness';
import {
    cleanUpDom,
    commitValue,
    describedText,
    focusField,
    leaveField,
    moveFocus,
    typeValue
} from 'checkoutKitTest/dom';

jest.mock(
    '@salesforce/label/c.CheckoutKit_FieldMessage',
    () => require('checkoutKitTest/labels').labelModule('CheckoutKit_FieldMessage'),
    { virtual: true }
);
jest.mock(
    '@salesforce/label/c.CheckoutKit_ValidationTooLong',
    () => require('checkoutKitTest/labels').labelModule('CheckoutKit_ValidationTooLong'),
    { virtual: true }
);

function field(element, name) {
    return element.shadowRoot.querySelector(`[data-field="${name}"]`);
}

/** The shopper enters a value, then focus goes to `next` (null: out of the address). */
function enter(element, name, value, next) {
    commitValue(field(element, name), value);
    moveFocus(field(element, name), next ? field(element, next) : null);
}

async function renderForm(engine) {
    const element = createElement('c-checkout-address-form', { is: CheckoutAddressForm });
    Object.assign(element, { showShippingInstructions: true });
    document.body.appendChild(element);
    await engine.settle();
    return element;
}

describe('c-checkout-address-form with the real engine', () => {
    afterEach(cleanUpDom);

    it('sends nothing until the address is complete, then saves all of it', async () => {
        const engine = useRealEngine({ guest: true });
        const element = createElement('c-checkout-address-form', { is: CheckoutAddressForm });
        Object.assign(element, { showShippingInstructions: true });
        document.body.appendChild(element);
        await engine.settle();

        const entries = [
            ['firstName', 'Grace', 'lastName'],
            ['lastName', 'Hopper', 'street'],
            ['street', '1 Navy Way', 'city'],
            ['city', 'Arlington', 'region'],
            ['region', 'VA', 'postalCode']
        ];
        for (const [name, value, next] of entries) {
            enter(element, name, value, next);
            // eslint-disable-next-line no-await-in-loop
            await engine.settle();
        }
        expect(engine.server.requestsOf('PATCH')).toHaveLength(0);
        expect(field(element, 'street').value).toBe('1 Navy Way');

        enter(element, 'postalCode', '22202', null);
        await engine.settle();

        expect(engine.server.groups[0].deliveryAddress).toEqual(
            expect.objectContaining({
                firstName: 'Grace',
                lastName: 'Hopper',
                street: '1 Navy Way',
                city: 'Arlington',
                region: 'VA',
                postalCode: '22202',
                country: 'US'
            })
        );
        expect(engine.server.forbiddenBodies).toEqual([]);
        // A new address goes without `name`, as Salesforce's checkout sends it.
        expect(engine.server.requestsOf('PATCH')[0].body.deliveryAddress).not.toHaveProperty(
            'name'
        );
        expect(field(element, 'postalCode').getAttribute('aria-invalid')).toBe('false');
        await expect(element).toBeAccessible();
    });

    it('keeps the instructions being typed while the address saves, on screen and on the server', async () => {
        const engine = useRealEngine({ guest: true, withAddress: true });
        const element = createElement('c-checkout-address-form', { is: CheckoutAddressForm });
        Object.assign(element, { showShippingInstructions: true });
        document.body.appendChild(element);
        await engine.settle();

        const textarea = element.shadowRoot.querySelector('textarea');
        commitValue(field(element, 'city'), 'Oakland');
        moveFocus(field(element, 'city'), textarea);
        focusField(textarea);
        typeValue(textarea, 'Leave it');
        // The address save answers while the shopper types.
        await engine.settle();
        expect(element.shadowRoot.querySelector('textarea').value).toBe('Leave it');

        typeValue(textarea, 'Leave it at the back door');
        leaveField(textarea);
        await engine.settle();

        expect(engine.server.groups[0].deliveryAddress).toEqual(
            expect.objectContaining({ city: 'Oakland' })
        );
        expect(engine.server.groups[0].shippingInstructions).toBe('Leave it at the back door');
        expect(element.shadowRoot.querySelector('textarea').value).toBe(
            'Leave it at the back door'
        );
        expect(engine.server.forbiddenBodies).toEqual([]);
        await expect(element).toBeAccessible();
    });

    it('changes city, state and postal code with one save, never the new city with the old postal code', async () => {
        const engine = useRealEngine({ guest: true, withAddress: true });
        const element = await renderForm(engine);
        const before = engine.server.requestsOf('PATCH').length;

        enter(element, 'city', 'Arlington', 'region');
        await engine.settle();
        enter(element, 'region', 'VA', 'postalCode');
        await engine.settle();
        expect(engine.server.requestsOf('PATCH')).toHaveLength(before);
        enter(element, 'postalCode', '22202', null);
        await engine.settle();

        const patches = engine.server.requestsOf('PATCH').slice(before);
        expect(patches).toHaveLength(1);
        expect(patches[0].body.deliveryAddress).toMatchObject({
            city: 'Arlington',
            region: 'VA',
            postalCode: '22202'
        });
    });

    it('keeps a street longer than the platform stores, says the limit once and sends nothing', async () => {
        const engine = useRealEngine({ guest: true, withAddress: true });
        const element = await renderForm(engine);
        const before = engine.server.requestsOf('PATCH').length;
        const street = 'S'.repeat(300);

        enter(element, 'street', street, null);
        await engine.settle();

        expect(field(element, 'street').value).toBe(street);
        expect(describedText(element.shadowRoot, field(element, 'street'))).toBe(
            'c.CheckoutKit_Street: Use 255 characters or fewer.'
        );
        const fieldset = element.shadowRoot.querySelector('fieldset');
        expect(describedText(element.shadowRoot, fieldset)).toBe('');
        expect(element.shadowRoot.textContent.match(/255 characters or fewer/g)).toHaveLength(1);
        expect(engine.server.requestsOf('PATCH')).toHaveLength(before);
        await expect(element).toBeAccessible();
    });

    it('says nothing about the fields the shopper has not reached, under them or under the address', async () => {
        const engine = useRealEngine({ guest: true });
        const element = await renderForm(engine);

        enter(element, 'firstName', 'Grace', null);
        await engine.settle();

        expect(field(element, 'postalCode').getAttribute('aria-invalid')).toBe('false');
        const fieldset = element.shadowRoot.querySelector('fieldset');
        expect(describedText(element.shadowRoot, fieldset)).toBe('');
        expect(element.shadowRoot.textContent).not.toContain('c.CheckoutKit_ValidationRequired');
        await expect(element).toBeAccessible();
    });
});
