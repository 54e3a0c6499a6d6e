/** c-checkout-address-form: the address from the snapshot, when and what it sends, its checks and groups. */
import { CheckoutStateAdapter, resetFakeStore } from 'c/checkoutStore';
import { snapshotFor, deliveryGroup, flushPromises, ADDRESS } from 'checkoutKitTest/snapshots';
import { cleanUpDom, commitValue, describedText, moveFocus } from 'checkoutKitTest/dom';
import { isoDateFromToday } from '../addressChecks';
import {
    BUILDER_DEFAULTS,
    GROUP_ID,
    emptyGroupSnapshot,
    enterAndLeave,
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

    it('shows a busy placeholder while loading', async () => {
        const element = await render(snapshotFor('loading'));

        expect(element.shadowRoot.querySelector('[aria-busy="true"]')).not.toBeNull();
        expect(element.shadowRoot.querySelector('form')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('fills a guest address form from the delivery group', async () => {
        const element = await render(snapshotFor('ready'));

        expect(field(element, 'street').value).toBe(ADDRESS.street);
        expect(field(element, 'city').value).toBe(ADDRESS.city);
        expect(field(element, 'country').value).toBe('US');
        expect(field(element, 'region').tagName).toBe('SELECT');
        expect(field(element, 'region').value).toBe('CA');
        await expect(element).toBeAccessible();
    });

    it('sends the whole address with a composed name when the shopper leaves it', async () => {
        const element = await render(snapshotFor('ready'));

        enterAndLeave(field(element, 'city'), 'Oakland');

        expect(store.updateShipping).toHaveBeenCalledWith(GROUP_ID, {
            deliveryAddress: {
                country: 'US',
                firstName: 'Ada',
                lastName: 'Lovelace',
                street: '1 Market St',
                city: 'Oakland',
                region: 'CA',
                postalCode: '94105',
                name: 'Ada Lovelace'
            }
        });
    });

    it('hands the address to the store once, when the shopper leaves its fields', async () => {
        const element = await render(snapshotFor('ready'));

        commitValue(field(element, 'city'), 'Arlington');
        moveFocus(field(element, 'city'), field(element, 'region'));
        commitValue(field(element, 'region'), 'VA');
        moveFocus(field(element, 'region'), field(element, 'postalCode'));
        commitValue(field(element, 'postalCode'), '22202');
        expect(store.updateShipping).not.toHaveBeenCalled();

        moveFocus(field(element, 'postalCode'), element.shadowRoot.querySelector('textarea'));
        expect(store.updateShipping).toHaveBeenCalledTimes(1);
        expect(store.updateShipping.mock.calls[0][1].deliveryAddress).toMatchObject({
            city: 'Arlington',
            region: 'VA',
            postalCode: '22202'
        });
    });

    it('when Place Order asks, marks every missing field, taking focus only when told', async () => {
        const element = await render(emptyGroupSnapshot());

        expect(element.reportValidity({ focus: false })).toBe(false);
        await flushPromises();

        expect(
            ['firstName', 'lastName', 'street', 'city', 'region', 'postalCode'].map((name) =>
                field(element, name).getAttribute('aria-invalid')
            )
        ).toEqual(['true', 'true', 'true', 'true', 'true', 'true']);
        expect(field(element, 'city').closest('.slds-form-element').className).toContain(
            'slds-has-error'
        );
        expect(element.shadowRoot.activeElement).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('keeps what was typed in other fields when another field changes', async () => {
        const element = await render(emptyGroupSnapshot());

        commitValue(field(element, 'street'), '5 Elm St');
        await flushPromises();
        enterAndLeave(field(element, 'city'), 'Denver');
        await flushPromises();

        expect(field(element, 'street').value).toBe('5 Elm St');
        const lastCall = store.updateShipping.mock.calls.pop();
        expect(lastCall[1].deliveryAddress).toMatchObject({ street: '5 Elm St', city: 'Denver' });
    });

    it('shows a region picker only for countries with regions and resets the region on change', async () => {
        const element = await render(snapshotFor('ready'), {
            ...BUILDER_DEFAULTS,
            allowedCountries: 'US,GB'
        });

        enterAndLeave(field(element, 'country'), 'GB');
        await flushPromises();

        expect(field(element, 'region').tagName).toBe('INPUT');
        expect(field(element, 'region').value).toBe('');
        const sent = store.updateShipping.mock.calls[0][1].deliveryAddress;
        expect(sent.country).toBe('GB');
        expect(sent.region).toBeUndefined();
    });

    it('gives a postal code hint for the country and checks its format', async () => {
        const element = await render(snapshotFor('ready'));

        const postal = field(element, 'postalCode');
        expect(describedText(element.shadowRoot, postal)).toBe('c.CheckoutKit_PostalCodeHint');

        enterAndLeave(postal, 'ABC');
        await flushPromises();

        const invalid = field(element, 'postalCode');
        expect(invalid.getAttribute('aria-invalid')).toBe('true');
        expect(describedText(element.shadowRoot, invalid)).toBe(
            'c.CheckoutKit_PostalCode: c.CheckoutKit_ValidationPostalCode c.CheckoutKit_PostalCodeHint'
        );
        expect(store.updateShipping).toHaveBeenCalled();
        await expect(element).toBeAccessible();
    });

    it.each([
        ['CA', 'D1A 1A1'],
        ['NL', '0123 AB']
    ])('judges a %s postal code %s as the engine does', async (country, postalCode) => {
        const { validateAddress } = jest.requireActual('c/checkoutValidation');
        const element = await render(snapshotFor('ready'), {
            ...BUILDER_DEFAULTS,
            allowedCountries: 'US,CA,NL'
        });
        commitValue(field(element, 'country'), country);
        await flushPromises();

        commitValue(field(element, 'postalCode'), postalCode);
        await flushPromises();

        const engine = validateAddress({ name: 'A', street: '1 Road', country, postalCode });
        expect(engine.postalCode).toBe('c.CheckoutKit_ValidationPostalCode');
        expect(describedText(element.shadowRoot, field(element, 'postalCode'))).toContain(
            'c.CheckoutKit_ValidationPostalCode'
        );
    });

    it('offers every region the engine accepts, with its name', async () => {
        const { regionsOf } = jest.requireActual('c/checkoutValidation');
        const element = await render(snapshotFor('ready'));

        const options = [...field(element, 'region').querySelectorAll('option')]
            .map((option) => option.value)
            .filter(Boolean);
        expect(options).toEqual(regionsOf('US').map((region) => region.code));
        expect(options).toContain('GU');
        expect(
            [...field(element, 'region').querySelectorAll('option')].find(
                (option) => option.value === 'GU'
            ).textContent
        ).toBe('Guam');
    });

    it('shows the store validation of a field once the shopper has left it', async () => {
        const key = `group.${GROUP_ID}.deliveryAddress.street`;
        const element = await render(
            snapshotFor('ready', { validation: { [key]: 'Complete this field.' } })
        );
        expect(field(element, 'street').getAttribute('aria-invalid')).toBe('false');

        commitValue(field(element, 'street'), '   ');
        await flushPromises();

        expect(describedText(element.shadowRoot, field(element, 'street'))).toContain(
            'c.CheckoutKit_ValidationRequired'
        );
    });

    it('on submit shows every missing field and focuses the first one', async () => {
        const element = await render(emptyGroupSnapshot(), {
            ...BUILDER_DEFAULTS,
            showSaveButton: true
        });

        element.shadowRoot.querySelector('button[type="submit"]').click();
        await flushPromises();

        const firstName = field(element, 'firstName');
        expect(firstName.getAttribute('aria-invalid')).toBe('true');
        expect(field(element, 'street').getAttribute('aria-invalid')).toBe('true');
        expect(field(element, 'region').getAttribute('aria-invalid')).toBe('true');
        expect(element.shadowRoot.activeElement).toBe(firstName);
        expect(describedText(element.shadowRoot, firstName)).toBe(
            'c.CheckoutKit_FirstName: c.CheckoutKit_ValidationRequired'
        );
        await expect(element).toBeAccessible();
    });

    it('keeps the form usable while the checkout processes', async () => {
        const element = await render(snapshotFor('processing'));

        expect(field(element, 'city').disabled).toBe(false);
        enterAndLeave(field(element, 'city'), 'Oakland');
        expect(store.updateShipping).toHaveBeenCalledTimes(1);
        const status = element.shadowRoot.querySelector('section > c-checkout-status');
        expect(status.processing).toBe(true);
    });

    it('locks the fields while the order is placed and after it is', async () => {
        const element = await render(snapshotFor('submitting', { canPlaceOrder: false }));
        expect(field(element, 'street').disabled).toBe(true);
        expect(element.shadowRoot.querySelector('textarea').disabled).toBe(true);

        CheckoutStateAdapter.emit(snapshotFor('complete', { canPlaceOrder: false }));
        await flushPromises();
        expect(field(element, 'country').disabled).toBe(true);
        expect(element.shadowRoot.querySelector('input[type="date"]').disabled).toBe(true);
        await expect(element).toBeAccessible();
    });

    it('renders one section per shipping group with unique ids and sends edits to the right group', async () => {
        const element = await render(
            snapshotFor('ready', {
                deliveryGroups: [
                    deliveryGroup('g1', { name: 'Home' }),
                    deliveryGroup('g2', { name: 'Office', deliveryAddress: null }),
                    deliveryGroup('g3', { isAllDigitalCartItems: true, requiresShipping: false })
                ]
            })
        );

        const groups = [...element.shadowRoot.querySelectorAll('.address-group')];
        expect(groups.map((group) => group.dataset.group)).toEqual(['g1', 'g2']);
        const ids = [...element.shadowRoot.querySelectorAll('[id]')].map((node) => node.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(groups[1].querySelector('legend').textContent).toBe('c.CheckoutKit_AddressLegend');

        enterAndLeave(field(element, 'street', 'g2'), '9 Office Park');
        expect(store.updateShipping).toHaveBeenCalledWith(
            'g2',
            expect.objectContaining({
                deliveryAddress: expect.objectContaining({ street: '9 Office Park' })
            })
        );
        await expect(element).toBeAccessible();
    });

    it('sends a valid desired delivery date and refuses one out of range', async () => {
        const element = await render(snapshotFor('ready'));
        const date = element.shadowRoot.querySelector('input[type="date"]');
        expect(element.shadowRoot.querySelector(`label[for="${date.id}"]`).textContent).toBe(
            'c.CheckoutKit_DeliveryDateOptional'
        );
        expect(date.min).toBe(isoDateFromToday(1));
        expect(date.max).toBe(isoDateFromToday(90));

        commitValue(date, isoDateFromToday(5));
        expect(store.updateShipping).toHaveBeenCalledWith(GROUP_ID, {
            desiredDeliveryDate: isoDateFromToday(5)
        });

        store.updateShipping.mockClear();
        commitValue(date, isoDateFromToday(400));
        await flushPromises();

        expect(store.updateShipping).not.toHaveBeenCalled();
        const shown = element.shadowRoot.querySelector('input[type="date"]');
        expect(shown.getAttribute('aria-invalid')).toBe('true');
        expect(describedText(element.shadowRoot, shown)).toContain(
            'c.CheckoutKit_DeliveryDateRange'
        );
        await expect(element).toBeAccessible();
    });

    it('sends shipping instructions', async () => {
        const element = await render(snapshotFor('ready'));

        commitValue(element.shadowRoot.querySelector('textarea'), 'Leave at the back door');

        expect(store.updateShipping).toHaveBeenCalledWith(GROUP_ID, {
            shippingInstructions: 'Leave at the back door'
        });
    });

    it('shows a failed address edit with its message under the address', async () => {
        const key = `group.${GROUP_ID}.deliveryAddress`;
        const element = await render(
            snapshotFor('error', {
                edits: { [key]: { status: 'failed', value: ADDRESS, message: 'Could not save.' } }
            })
        );

        const fieldset = element.shadowRoot.querySelector('fieldset');
        expect(describedText(element.shadowRoot, fieldset)).toBe(
            'c.CheckoutKit_AddressHeading: Could not save.'
        );
    });
    it("puts each group's delivery date and instructions in that group's fieldset", async () => {
        const element = await render(
            snapshotFor('ready', {
                deliveryGroups: [
                    deliveryGroup('g1', { name: 'Home' }),
                    deliveryGroup('g2', { name: 'Office' })
                ]
            })
        );

        const groups = [...element.shadowRoot.querySelectorAll('.address-group')];
        expect(groups).toHaveLength(2);
        groups.forEach((group) => {
            const fieldset = group.querySelector('fieldset');
            const date = group.querySelector('input[type="date"]');
            const textarea = group.querySelector('textarea');
            // The group's legend names them: "Shipping address for Home", then the field label.
            expect(fieldset.contains(date)).toBe(true);
            expect(fieldset.contains(textarea)).toBe(true);
            expect(date.dataset.group).toBe(group.dataset.group);
        });
        await expect(element).toBeAccessible();
    });
});
