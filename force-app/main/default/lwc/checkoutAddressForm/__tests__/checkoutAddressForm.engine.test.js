import { createElement } from 'lwc';
import CheckoutAddressForm from 'c/checkoutAddressForm';
import { useRealEngine } from 'checkoutKitTest/engineHarness';
import { cleanUpDom, commitValue } from 'checkoutKitTest/dom';

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
                name: 'Grace Hopper',
                street: '1 Navy Way',
                city: 'Arlington',
                region: 'VA',
                postalCode: '22202',
                country: 'US'
            })
        );
        expect(engine.server.forbiddenBodies).toEqual([]);
        expect(field(element, 'postalCode').getAttribute('aria-invalid')).toBe('false');
        await expect(element).toBeAccessible();
    });
});
