import { createElement } from 'lwc';
import CheckoutAddressForm from 'c/checkoutAddressForm';
import { CheckoutStateAdapter, resetFakeStore } from 'c/checkoutStore';
import {
    snapshotFor,
    deliveryGroup,
    accountAddress,
    flushPromises,
    ADDRESS
} from 'checkoutKitTest/snapshots';
import {
    cleanUpDom,
    commitValue,
    describedText,
    focusField,
    leaveField,
    moveFocus,
    typeValue
} from 'checkoutKitTest/dom';
import { isoDateFromToday } from '../addressChecks';

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

const GROUP_ID = '0a7SB0000000001';
const BUILDER_DEFAULTS = {
    showSavedAddresses: true,
    savedAddressLimit: 3,
    showDeliveryDate: true,
    showShippingInstructions: true
};

let store;

async function render(snapshot, props = BUILDER_DEFAULTS) {
    const element = createElement('c-checkout-address-form', { is: CheckoutAddressForm });
    Object.assign(element, props);
    document.body.appendChild(element);
    CheckoutStateAdapter.emit(snapshot);
    await flushPromises();
    return element;
}

function field(element, name, groupId = GROUP_ID) {
    return element.shadowRoot.querySelector(`[data-group="${groupId}"][data-field="${name}"]`);
}

/** The shopper enters a value and leaves the address for a field outside it. */
function enterAndLeave(input, value) {
    commitValue(input, value);
    moveFocus(input);
}

function emptyGroupSnapshot(overrides = {}) {
    return snapshotFor('ready', {
        deliveryGroups: [
            deliveryGroup(GROUP_ID, {
                deliveryAddress: null,
                availableDeliveryMethods: [],
                selectedDeliveryMethodId: null
            })
        ],
        ...overrides
    });
}

function buyerSnapshot(count, overrides = {}) {
    return snapshotFor('ready', {
        isGuest: false,
        accountAddresses: Array.from({ length: count }, (unused, index) =>
            accountAddress(index + 1)
        ),
        ...overrides
    });
}

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

    describe('while the shopper types', () => {
        it.each(['lastName', 'street', 'postalCode'])(
            'keeps what is being typed in %s when a snapshot arrives, then hands it over on leaving',
            async (name) => {
                const element = await render(emptyGroupSnapshot());
                const typed = {
                    lastName: 'Lovelace',
                    street: '415 Mission St',
                    postalCode: '94105'
                }[name];

                focusField(field(element, name));
                typeValue(field(element, name), typed.slice(0, 3));
                CheckoutStateAdapter.emit(emptyGroupSnapshot({ phase: 'processing' }));
                await flushPromises();
                expect(field(element, name).value).toBe(typed.slice(0, 3));

                typeValue(field(element, name), typed);
                CheckoutStateAdapter.emit(emptyGroupSnapshot());
                await flushPromises();
                expect(field(element, name).value).toBe(typed);
                expect(store.updateShipping).not.toHaveBeenCalled();

                leaveField(field(element, name));
                moveFocus(field(element, name));
                expect(store.updateShipping).toHaveBeenCalledTimes(1);
                expect(store.updateShipping.mock.calls[0][1].deliveryAddress).toMatchObject({
                    [name]: typed
                });
                await expect(element).toBeAccessible();
            }
        );

        it('hands nothing over when a field of a new address is only passed through', async () => {
            const element = await render(
                buyerSnapshot(2, {
                    deliveryGroups: [
                        deliveryGroup(GROUP_ID, { deliveryAddress: accountAddress(1) })
                    ]
                })
            );
            const newAddress = element.shadowRoot.querySelector('input[value="new"]');
            newAddress.checked = true;
            newAddress.dispatchEvent(new CustomEvent('change'));
            await flushPromises();

            store.updateShipping.mockClear();
            focusField(field(element, 'street'));
            leaveField(field(element, 'street'));
            moveFocus(field(element, 'street'), field(element, 'city'));
            await flushPromises();

            expect(store.updateShipping).not.toHaveBeenCalled();
            expect(field(element, 'street').getAttribute('aria-invalid')).toBe('false');
        });

        it('hands a field over once when change and blur both come', async () => {
            const element = await render(emptyGroupSnapshot());

            focusField(field(element, 'city'));
            typeValue(field(element, 'city'), 'Denver');
            commitValue(field(element, 'city'), 'Denver');
            leaveField(field(element, 'city'));
            moveFocus(field(element, 'city'));

            expect(store.updateShipping).toHaveBeenCalledTimes(1);
        });

        it('shows the stored shipping instructions and keeps the ones being typed', async () => {
            const withInstructions = (phase) =>
                snapshotFor(phase, {
                    deliveryGroups: [
                        deliveryGroup(GROUP_ID, { shippingInstructions: 'Ring twice' })
                    ]
                });
            const element = await render(withInstructions('ready'));
            const textarea = element.shadowRoot.querySelector('textarea');
            expect(textarea.value).toBe('Ring twice');

            focusField(textarea);
            typeValue(textarea, 'Ring twice, then leave it');
            CheckoutStateAdapter.emit(withInstructions('processing'));
            await flushPromises();
            expect(element.shadowRoot.querySelector('textarea').value).toBe(
                'Ring twice, then leave it'
            );

            leaveField(textarea);
            expect(store.updateShipping).toHaveBeenCalledWith(GROUP_ID, {
                shippingInstructions: 'Ring twice, then leave it'
            });
            await expect(element).toBeAccessible();
        });

        it('keeps a desired delivery date being entered and hands it over on leaving', async () => {
            const element = await render(snapshotFor('ready'));
            const date = element.shadowRoot.querySelector('input[type="date"]');

            focusField(date);
            typeValue(date, isoDateFromToday(7));
            CheckoutStateAdapter.emit(snapshotFor('processing'));
            await flushPromises();
            expect(element.shadowRoot.querySelector('input[type="date"]').value).toBe(
                isoDateFromToday(7)
            );

            leaveField(date);
            expect(store.updateShipping).toHaveBeenCalledWith(GROUP_ID, {
                desiredDeliveryDate: isoDateFromToday(7)
            });
        });
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

    describe('signed-in buyers', () => {
        it('loads the account addresses once', async () => {
            await render(buyerSnapshot(0));
            CheckoutStateAdapter.emit(buyerSnapshot(0));
            await flushPromises();

            expect(store.loadAccountAddresses).toHaveBeenCalledTimes(1);
        });

        it('lists saved addresses up to the limit and shows more on request', async () => {
            const element = await render(
                buyerSnapshot(5, {
                    deliveryGroups: [
                        deliveryGroup(GROUP_ID, { deliveryAddress: accountAddress(1) })
                    ]
                })
            );

            const savedRadios = () => [
                ...element.shadowRoot.querySelectorAll('.address-saved-list input[type="radio"]')
            ];
            expect(savedRadios()).toHaveLength(3);
            expect(savedRadios()[0].checked).toBe(true);
            expect(field(element, 'street')).toBeNull();

            const more = element.shadowRoot.querySelector('.address-show-more');
            expect(more.getAttribute('aria-expanded')).toBe('false');
            more.click();
            await flushPromises();

            expect(savedRadios()).toHaveLength(5);
            expect(
                element.shadowRoot.querySelector('.address-show-more').getAttribute('aria-expanded')
            ).toBe('true');
            await expect(element).toBeAccessible();
        });

        it('choosing a saved address sends it as the delivery address', async () => {
            const element = await render(
                buyerSnapshot(2, {
                    deliveryGroups: [
                        deliveryGroup(GROUP_ID, { deliveryAddress: accountAddress(1) })
                    ]
                })
            );

            const second = element.shadowRoot.querySelectorAll('.address-saved-list input')[1];
            second.checked = true;
            second.dispatchEvent(new CustomEvent('change'));

            expect(store.updateShipping).toHaveBeenCalledWith(GROUP_ID, {
                deliveryAddress: {
                    street: '2 Industrial Way',
                    city: 'Austin',
                    region: 'TX',
                    postalCode: '73301',
                    country: 'US',
                    name: 'Warehouse 2',
                    // The saved address's id: the engine sends it as {id}.
                    id: accountAddress(2).addressId
                }
            });
        });

        it('opens the new address form on request and tells the store the saved one no longer applies', async () => {
            const element = await render(
                buyerSnapshot(2, {
                    deliveryGroups: [
                        deliveryGroup(GROUP_ID, { deliveryAddress: accountAddress(1) })
                    ]
                })
            );

            const newAddress = element.shadowRoot.querySelector('input[value="new"]');
            newAddress.checked = true;
            newAddress.dispatchEvent(new CustomEvent('change'));
            await flushPromises();

            expect(field(element, 'street').value).toBe('');
            expect(field(element, 'country').value).toBe('US');
            // The store hears at once: the saved address's methods and totals no longer apply.
            expect(store.updateShipping).toHaveBeenCalledWith(GROUP_ID, {
                deliveryAddress: { country: 'US' }
            });
        });
    });

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
