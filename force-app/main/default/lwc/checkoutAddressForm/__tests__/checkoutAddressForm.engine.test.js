import { createElement } from 'lwc';
import CheckoutAddressForm from 'c/checkoutAddressForm';
import { useRealEngine } from 'checkoutKitTest/engineHarness';
import { cleanUpDom, commitValue, focusField, leaveField, typeValue } from 'checkoutKitTest/dom';

function field(element, name) {
    return element.shadowRoot.querySelector(`[data-field="${name}"]`);
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
            ['firstName', 'Grace'],
            ['lastName', 'Hopper'],
            ['street', '1 Navy Way'],
            ['city', 'Arlington'],
            ['region', 'VA']
        ];
        for (const [name, value] of entries) {
            commitValue(field(element, name), value);
            // eslint-disable-next-line no-await-in-loop
            await engine.settle();
        }
        expect(engine.server.requestsOf('PATCH')).toHaveLength(0);
        expect(field(element, 'street').value).toBe('1 Navy Way');

        commitValue(field(element, 'postalCode'), '22202');
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

        commitValue(field(element, 'city'), 'Oakland');
        const textarea = element.shadowRoot.querySelector('textarea');
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
});
