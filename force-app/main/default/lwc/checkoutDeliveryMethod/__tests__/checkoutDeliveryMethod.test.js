/** c-checkout-delivery-method: the methods of each group, their fees, the choice sent and when it is closed. */
import { CheckoutStateAdapter, resetFakeStore } from 'c/checkoutStore';
import {
    snapshotFor,
    deliveryGroup,
    flushPromises,
    STANDARD,
    EXPRESS
} from 'checkoutKitTest/snapshots';
import { cleanUpDom, describedText } from 'checkoutKitTest/dom';
import { BUILDER_DEFAULTS, radios, render } from './support/renderDeliveryMethod';

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

describe('c-checkout-delivery-method', () => {
    let store;

    beforeEach(() => {
        store = resetFakeStore();
    });

    afterEach(cleanUpDom);

    it('shows a busy placeholder while loading', async () => {
        const element = await render(snapshotFor('loading'));

        expect(element.shadowRoot.querySelector('[aria-busy="true"]')).not.toBeNull();
        expect(radios(element)).toHaveLength(0);
        await expect(element).toBeAccessible();
    });

    it('lists the methods of a group as a radio group with the selection checked', async () => {
        const element = await render(snapshotFor('ready'));

        const fieldset = element.shadowRoot.querySelector('fieldset');
        expect(fieldset.querySelector('legend').textContent).toBe('c.CheckoutKit_DeliveryHeading');
        expect(radios(element).map((radio) => radio.value)).toEqual([STANDARD.id, EXPRESS.id]);
        expect(radios(element)[0].checked).toBe(true);
        expect(radios(element)[1].checked).toBe(false);
        const labels = [...element.shadowRoot.querySelectorAll('.delivery-name')];
        expect(labels.map((label) => label.textContent)).toEqual(['Standard', 'Express']);
        await expect(element).toBeAccessible();
    });

    it('shows fee, carrier and estimate, tied to the radio', async () => {
        const element = await render(snapshotFor('ready'));

        const [standard, express] = radios(element);
        expect(describedText(element.shadowRoot, standard)).toContain('UPS · Ground');
        expect(describedText(element.shadowRoot, standard)).toContain('c.CheckoutKit_TransitDays');
        expect(describedText(element.shadowRoot, express)).toContain('FedEx · Overnight');
        expect(describedText(element.shadowRoot, express)).toContain(
            'c.CheckoutKit_ArrivesBetween'
        );
        const fees = [...element.shadowRoot.querySelectorAll('.delivery-fee')];
        expect(fees[0].textContent).toContain('$9.99');
        expect(fees[1].textContent).toContain('$19.00');
    });

    it('shows an adjusted fee against the struck-through original with a "was" text', async () => {
        const element = await render(snapshotFor('ready'));

        const original = element.shadowRoot.querySelector('s.delivery-fee-original');
        expect(original.textContent).toBe('$24.00');
        expect(original.getAttribute('aria-hidden')).toBe('true');
        expect(
            element.shadowRoot.querySelector('.delivery-fee .slds-assistive-text').textContent
        ).toBe('c.CheckoutKit_FeeWas');
    });

    it('does not repeat the carrier when the class of service names it', async () => {
        const ground = { ...STANDARD, carrier: 'UPS', classOfService: 'UPS Ground' };
        const element = await render(
            snapshotFor('ready', {
                deliveryGroups: [deliveryGroup('g1', { availableDeliveryMethods: [ground] })]
            })
        );

        expect(element.shadowRoot.querySelector('.delivery-carrier').textContent).toBe(
            'UPS Ground'
        );
    });

    it('calls a zero fee free', async () => {
        const free = { ...STANDARD, shippingFee: '0.00', adjustedShippingFee: '0.00' };
        const element = await render(
            snapshotFor('ready', {
                deliveryGroups: [deliveryGroup('g1', { availableDeliveryMethods: [free] })]
            })
        );

        expect(element.shadowRoot.querySelector('.delivery-fee').textContent).toContain(
            'c.CheckoutKit_Free'
        );
    });

    it('selecting a method sends the intent for its group', async () => {
        const element = await render(snapshotFor('ready'));

        const express = radios(element)[1];
        express.checked = true;
        express.dispatchEvent(new CustomEvent('change'));

        expect(store.selectDeliveryMethod).toHaveBeenCalledWith('0a7SB0000000001', EXPRESS.id);
    });

    it('keeps the choice open and announces processing while the checkout calculates', async () => {
        const element = await render(snapshotFor('processing'));

        // A disabled radio loses focus: a keyboard shopper's next arrow key would scroll the page.
        expect(radios(element).some((radio) => radio.disabled)).toBe(false);
        const status = element.shadowRoot.querySelector('section > c-checkout-status');
        expect(status.processing).toBe(true);
        expect(status.announceProcessing).toBe(true);
        await expect(element).toBeAccessible();
    });

    it('disables the choice while submitting and after the order is placed', async () => {
        for (const phase of ['submitting', 'complete']) {
            cleanUpDom();
            // eslint-disable-next-line no-await-in-loop
            const element = await render(snapshotFor(phase));
            expect(radios(element).every((radio) => radio.disabled)).toBe(true);
        }
    });

    it('closes the choice and says why while the group gets a new address', async () => {
        const saved = deliveryGroup('0a7SB0000000001');
        const element = await render(
            snapshotFor('ready', {
                checkout: { deliveryGroups: { items: [saved] } },
                deliveryGroups: [{ ...saved, deliveryAddress: { country: 'US' } }]
            })
        );

        expect(radios(element).every((radio) => radio.disabled)).toBe(true);
        const fieldset = element.shadowRoot.querySelector('fieldset');
        expect(describedText(element.shadowRoot, fieldset)).toBe(
            'c.CheckoutKit_DeliveryForPreviousAddress'
        );
        await expect(element).toBeAccessible();
    });

    it('when Place Order asks, marks a group without a method and focuses its first radio', async () => {
        const element = await render(
            snapshotFor('ready', {
                deliveryGroups: [
                    deliveryGroup('0a7SB0000000001', { selectedDeliveryMethodId: null })
                ]
            })
        );

        expect(element.reportValidity()).toBe(false);
        await flushPromises();
        const [first] = radios(element);
        expect(first.getAttribute('aria-invalid')).toBe('true');
        expect(element.shadowRoot.activeElement).toBe(first);
        const fieldset = element.shadowRoot.querySelector('fieldset');
        expect(describedText(element.shadowRoot, fieldset)).toBe(
            'c.CheckoutKit_DeliveryHeading: c.CheckoutKit_BlockedDeliveryMethod'
        );
        await expect(element).toBeAccessible();

        // Chosen: the message goes at once, not at the next Place Order.
        CheckoutStateAdapter.emit(snapshotFor('ready'));
        await flushPromises();
        expect(first.getAttribute('aria-invalid')).toBe('false');
        expect(describedText(element.shadowRoot, fieldset)).toBe('');
    });

    it('is enabled when ready', async () => {
        const element = await render(snapshotFor('ready'));

        expect(radios(element).some((radio) => radio.disabled)).toBe(false);
    });

    it('says plainly when an address yields no delivery methods', async () => {
        const element = await render(
            snapshotFor('ready', {
                deliveryGroups: [
                    deliveryGroup('g1', {
                        availableDeliveryMethods: [],
                        selectedDeliveryMethodId: null
                    })
                ]
            })
        );

        expect(radios(element)).toHaveLength(0);
        expect(element.shadowRoot.querySelector('.delivery-empty').textContent).toBe(
            'c.CheckoutKit_DeliveryNoMethods'
        );
        await expect(element).toBeAccessible();
    });

    it('asks for an address first when the group has none', async () => {
        const element = await render(
            snapshotFor('ready', {
                deliveryGroups: [
                    deliveryGroup('g1', {
                        deliveryAddress: null,
                        availableDeliveryMethods: [],
                        selectedDeliveryMethodId: null
                    })
                ]
            })
        );

        expect(element.shadowRoot.querySelector('.delivery-empty').textContent).toBe(
            'c.CheckoutKit_DeliveryNeedsAddress'
        );
    });

    it('renders one fieldset per shipping group and skips digital-only groups', async () => {
        const element = await render(
            snapshotFor('ready', {
                deliveryGroups: [
                    deliveryGroup('g1', { name: 'Home' }),
                    deliveryGroup('g2', { name: 'Office', selectedDeliveryMethodId: EXPRESS.id }),
                    deliveryGroup('g3', {
                        name: 'Downloads',
                        isAllDigitalCartItems: true,
                        requiresShipping: false
                    })
                ]
            })
        );

        const fieldsets = [...element.shadowRoot.querySelectorAll('fieldset')];
        expect(fieldsets.map((fieldset) => fieldset.dataset.group)).toEqual(['g1', 'g2']);
        expect(fieldsets[1].querySelector('input[type="radio"]:checked').value).toBe(EXPRESS.id);
        const ids = radios(element).map((radio) => radio.id);
        expect(new Set(ids).size).toBe(ids.length);

        const officeExpress = fieldsets[1].querySelectorAll('input[type="radio"]')[1];
        officeExpress.dispatchEvent(new CustomEvent('change'));
        expect(store.selectDeliveryMethod).toHaveBeenCalledWith('g2', EXPRESS.id);
        await expect(element).toBeAccessible();
    });

    it('tells a digital-only order that nothing ships', async () => {
        const element = await render(
            snapshotFor('ready', {
                deliveryGroups: [
                    deliveryGroup('g1', { isAllDigitalCartItems: true, requiresShipping: false })
                ]
            })
        );

        expect(element.shadowRoot.querySelector('fieldset')).toBeNull();
        expect(element.shadowRoot.querySelector('.delivery-empty').textContent).toBe(
            'c.CheckoutKit_NoShippingNeeded'
        );
    });

    it('shows a failed selection under its group, tied to the fieldset, and every group message', async () => {
        const element = await render(
            snapshotFor('error', {
                edits: {
                    'group.0a7SB0000000001.deliveryMethodId': {
                        status: 'failed',
                        value: EXPRESS.id,
                        message: 'Could not save the delivery method.'
                    }
                },
                messages: [
                    {
                        id: 'm1',
                        severity: 'error',
                        scope: 'deliveryMethod',
                        groupId: '0a7SB0000000001',
                        code: '/commerce/integrations/shipping',
                        message: 'Shipping calculation failed.'
                    },
                    {
                        id: 'm2',
                        severity: 'warning',
                        scope: 'deliveryMethod',
                        groupId: '0a7SB0000000001',
                        code: 'RESET',
                        message: 'Your delivery method changed.'
                    }
                ]
            })
        );

        const fieldset = element.shadowRoot.querySelector('fieldset');
        expect(describedText(element.shadowRoot, fieldset)).toBe(
            'c.CheckoutKit_DeliveryHeading: Could not save the delivery method.'
        );
        expect(radios(element).map((radio) => radio.getAttribute('aria-invalid'))).toEqual([
            'true',
            'true'
        ]);
        const groupStatus = fieldset.querySelector('c-checkout-status');
        expect(groupStatus.messages.map((item) => item.id)).toEqual(['m1', 'm2']);
        await expect(element).toBeAccessible();
    });

    describe('Builder properties', () => {
        it('uses the heading property', async () => {
            const element = await render(snapshotFor('ready'), {
                ...BUILDER_DEFAULTS,
                headingLabel: 'Shipping speed'
            });

            expect(element.shadowRoot.querySelector('h2').textContent).toBe('Shipping speed');
            expect(element.shadowRoot.querySelector('legend').textContent).toBe('Shipping speed');
        });

        it('hides carrier and estimate when switched off', async () => {
            const element = await render(snapshotFor('ready'), {
                showCarrier: false,
                showEstimate: false,
                showOriginalFee: true
            });

            expect(element.shadowRoot.querySelector('.delivery-carrier')).toBeNull();
            expect(element.shadowRoot.querySelector('.delivery-estimate')).toBeNull();
        });

        it('hides the original fee when showOriginalFee is off', async () => {
            const element = await render(snapshotFor('ready'), {
                ...BUILDER_DEFAULTS,
                showOriginalFee: false
            });

            expect(element.shadowRoot.querySelector('s')).toBeNull();
            expect(element.shadowRoot.querySelectorAll('.delivery-fee')[1].textContent).toContain(
                '$19.00'
            );
        });
    });
});
