/** c-checkout-address-form's Builder properties: heading, countries, optional fields, dates, saved addresses. */
import { resetFakeStore } from 'c/checkoutStore';
import { snapshotFor, deliveryGroup, accountAddress } from 'checkoutKitTest/snapshots';
import { cleanUpDom } from 'checkoutKitTest/dom';
import { isoDateFromToday } from '../addressChecks';
import {
    BUILDER_DEFAULTS,
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

    describe('Builder properties', () => {
        it('uses the heading property', async () => {
            const element = await render(snapshotFor('ready'), {
                ...BUILDER_DEFAULTS,
                headingLabel: 'Where should we ship?'
            });

            expect(element.shadowRoot.querySelector('h2').textContent).toBe(
                'Where should we ship?'
            );
        });

        it('offers only the configured countries and preselects the default', async () => {
            const element = await render(emptyGroupSnapshot(), {
                ...BUILDER_DEFAULTS,
                allowedCountries: 'CA,US',
                defaultCountry: 'CA'
            });

            const options = [...field(element, 'country').querySelectorAll('option')];
            expect(options.map((option) => option.value)).toEqual(['CA', 'US']);
            expect(field(element, 'country').value).toBe('CA');
            expect(field(element, 'region').querySelectorAll('option')).toHaveLength(14);
        });

        it('shows the company field, date and instructions only when switched on', async () => {
            const on = await render(snapshotFor('ready'), {
                ...BUILDER_DEFAULTS,
                showCompanyName: true
            });
            expect(field(on, 'companyName')).not.toBeNull();
            cleanUpDom();

            const off = await render(snapshotFor('ready'), {
                showSavedAddresses: true,
                showDeliveryDate: false,
                showShippingInstructions: false
            });
            expect(field(off, 'companyName')).toBeNull();
            expect(off.shadowRoot.querySelector('input[type="date"]')).toBeNull();
            expect(off.shadowRoot.querySelector('textarea')).toBeNull();
        });

        it('applies the delivery date window and requirement', async () => {
            const element = await render(snapshotFor('ready'), {
                ...BUILDER_DEFAULTS,
                requireDeliveryDate: true,
                deliveryDateMinDays: 3,
                deliveryDateMaxDays: 10
            });

            const date = element.shadowRoot.querySelector('input[type="date"]');
            expect(date.required).toBe(true);
            expect(
                element.shadowRoot.querySelector(`label[for="${date.id}"]`).textContent
            ).toContain('c.CheckoutKit_DeliveryDate');
            expect(
                element.shadowRoot.querySelector(`label[for="${date.id}"]`).textContent
            ).not.toContain('Optional');
            expect(date.min).toBe(isoDateFromToday(3));
            expect(date.max).toBe(isoDateFromToday(10));
        });

        it('limits shipping instructions to the configured length', async () => {
            const element = await render(snapshotFor('ready'), {
                ...BUILDER_DEFAULTS,
                shippingInstructionsMaxLength: 40
            });

            expect(element.shadowRoot.querySelector('textarea').maxLength).toBe(40);
        });

        it('does not offer saved addresses when switched off', async () => {
            const element = await render(buyerSnapshot(2), {
                ...BUILDER_DEFAULTS,
                showSavedAddresses: false
            });

            expect(element.shadowRoot.querySelector('.address-saved-list')).toBeNull();
            expect(store.loadAccountAddresses).not.toHaveBeenCalled();
        });

        it('honours the saved address limit', async () => {
            const element = await render(
                buyerSnapshot(4, {
                    deliveryGroups: [
                        deliveryGroup(GROUP_ID, { deliveryAddress: accountAddress(1) })
                    ]
                }),
                { ...BUILDER_DEFAULTS, savedAddressLimit: 1 }
            );

            expect(element.shadowRoot.querySelectorAll('.address-saved-list input')).toHaveLength(
                1
            );
        });
    });
});
