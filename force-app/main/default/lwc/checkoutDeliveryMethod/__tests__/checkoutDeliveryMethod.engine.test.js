import { createElement } from 'lwc';
import CheckoutDeliveryMethod from 'c/checkoutDeliveryMethod';
import { useRealEngine } from 'checkoutKitTest/engineHarness';
import { cleanUpDom } from 'checkoutKitTest/dom';

describe('c-checkout-delivery-method with the real engine', () => {
    afterEach(cleanUpDom);

    it('lists the server methods and saves the one the shopper picks, per group', async () => {
        const engine = useRealEngine({ guest: true, withAddress: true, groups: 2 });
        const element = createElement('c-checkout-delivery-method', { is: CheckoutDeliveryMethod });
        Object.assign(element, { showCarrier: true, showEstimate: true, showOriginalFee: true });
        document.body.appendChild(element);
        await engine.settle();

        const fieldsets = element.shadowRoot.querySelectorAll('fieldset');
        expect(fieldsets).toHaveLength(2);
        const secondGroup = engine.server.groups[1];
        const express = fieldsets[1].querySelectorAll('input[type="radio"]')[1];
        expect(express.value).toBe(`2Dm-exp-${secondGroup.id}`);

        express.checked = true;
        express.dispatchEvent(new CustomEvent('change'));
        await engine.settle();

        expect(engine.server.groups[1].selectedMethodId).toBe(`2Dm-exp-${secondGroup.id}`);
        expect(engine.server.groups[0].selectedMethodId).toBe(
            `2Dm-std-${engine.server.groups[0].id}`
        );
        const checked = element.shadowRoot
            .querySelectorAll('fieldset')[1]
            .querySelector('input[type="radio"]:checked');
        expect(checked.value).toBe(`2Dm-exp-${secondGroup.id}`);
        expect(engine.server.forbiddenBodies).toEqual([]);
        await expect(element).toBeAccessible();
    });
});
