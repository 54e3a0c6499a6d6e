import { ADDRESS_FIELDS } from 'c/checkoutStore';
import { FieldDrafts } from 'c/checkoutKitSupport';
import { regionsOf } from 'c/checkoutValidation';
import { TYPED_ADDRESS_FIELDS, changedAddress, toCheckoutAddress } from 'c/checkoutAddressFields';
import { addressDrafts, fieldKey, groupFieldKeys, shownAddress } from '../addressValues';
import { groupSection, shownMessage, wholeAddressMessage } from '../addressView';
import { accountAddress, deliveryGroup, snapshotFor, ADDRESS } from 'checkoutKitTest/snapshots';

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

const GROUP_ID = 'g1';
const SETTINGS = {
    countries: ['US', 'GB'],
    defaultCountry: 'US',
    showCompanyName: false,
    showDeliveryDate: true,
    requireDeliveryDate: false,
    dateMin: '2026-01-02',
    dateMax: '2026-04-01',
    showShippingInstructions: true,
    instructionsLimit: 255,
    savedLimit: 3
};

function section(overrides = {}) {
    return groupSection({
        group: deliveryGroup(GROUP_ID, { name: 'Home' }),
        several: false,
        heading: 'Shipping',
        saved: [],
        settings: SETTINGS,
        drafts: new FieldDrafts(),
        choseNew: false,
        expanded: false,
        messageOf: () => '',
        ...overrides
    });
}

function fieldNamed(view, name) {
    return view.fields.find((field) => field.name === name);
}

describe('addressView', () => {
    describe('fields and keys', () => {
        it('types every address part the engine takes but the name and the ship-to phone', () => {
            expect(TYPED_ADDRESS_FIELDS).toEqual(
                ADDRESS_FIELDS.filter((field) => !['name', 'shipToPhoneNumber'].includes(field))
            );
            expect([...TYPED_ADDRESS_FIELDS].sort()).toEqual(
                [
                    'city',
                    'companyName',
                    'country',
                    'firstName',
                    'lastName',
                    'postalCode',
                    'region',
                    'street'
                ].sort()
            );
        });

        it('keys each field as the store does', () => {
            expect(fieldKey(GROUP_ID, 'city')).toBe('group.g1.deliveryAddress.city');
            expect(fieldKey(GROUP_ID, 'desiredDeliveryDate')).toBe('group.g1.desiredDeliveryDate');
            expect(fieldKey(GROUP_ID, 'shippingInstructions')).toBe(
                'group.g1.shippingInstructions'
            );
            expect(groupFieldKeys(GROUP_ID)).toHaveLength(TYPED_ADDRESS_FIELDS.length + 2);
            expect(groupFieldKeys(GROUP_ID)).toContain('group.g1.deliveryAddress.postalCode');
        });

        it('turns an address into one draft per part, blank where it has none', () => {
            const drafts = addressDrafts(GROUP_ID, { country: 'CA', city: 'Toronto' });

            expect(Object.keys(drafts)).toHaveLength(TYPED_ADDRESS_FIELDS.length);
            expect(drafts['group.g1.deliveryAddress.country']).toBe('CA');
            expect(drafts['group.g1.deliveryAddress.city']).toBe('Toronto');
            expect(drafts['group.g1.deliveryAddress.street']).toBe('');
        });
    });

    describe('addresses', () => {
        it('shows the drafts over the store address, blanks as empty, in the default country', () => {
            const group = deliveryGroup(GROUP_ID);
            const drafts = new FieldDrafts().setDrafts({ 'group.g1.deliveryAddress.city': '' });

            const shown = shownAddress(group, drafts, 'CA');
            expect(shown).toMatchObject({ street: ADDRESS.street, city: '', country: 'US' });
            expect(shown.companyName).toBe('');
            expect(
                shownAddress(deliveryGroup(GROUP_ID, { deliveryAddress: null }), drafts, 'CA')
            ).toMatchObject({ street: '', country: 'CA' });
        });

        it('keeps the region when the new country lists it, and drops it otherwise', () => {
            const address = { country: 'US', region: 'CA', city: 'Oakland' };

            expect(changedAddress(address, 'city', 'Fresno')).toEqual({
                country: 'US',
                region: 'CA',
                city: 'Fresno'
            });
            expect(changedAddress(address, 'country', 'CA').region).toBe('');
            expect(changedAddress({ ...address, region: 'ON' }, 'country', 'CA').region).toBe('ON');
            expect(changedAddress(address, 'country', 'GB').region).toBe('');
            expect(address.region).toBe('CA');
        });

        it('sends the typed parts with a name made from first and last name', () => {
            expect(
                toCheckoutAddress({ ...ADDRESS, name: 'Someone Else', companyName: '', region: '' })
            ).toEqual({
                firstName: 'Ada',
                lastName: 'Lovelace',
                street: '1 Market St',
                city: 'San Francisco',
                postalCode: '94105',
                country: 'US',
                name: 'Ada Lovelace'
            });
        });

        it('sends a saved address under its own name, without its ship-to phone', () => {
            expect(toCheckoutAddress({ ...accountAddress(2), shipToPhoneNumber: '555' })).toEqual({
                street: '2 Industrial Way',
                city: 'Austin',
                region: 'TX',
                postalCode: '73301',
                country: 'US',
                name: 'Warehouse 2'
            });
        });
    });

    describe('messages', () => {
        const key = 'group.g1.deliveryAddress.street';

        it("shows the form's own message first", () => {
            const snapshot = snapshotFor('ready', { validation: { [key]: 'store' } });
            expect(shownMessage(snapshot, key, { local: 'local', left: false })).toBe('local');
        });

        it('shows a store message once the field is left, or at once when its edit failed', () => {
            const snapshot = snapshotFor('ready', { validation: { [key]: 'store' } });
            expect(shownMessage(snapshot, key, { local: '', left: false })).toBe('');
            expect(shownMessage(snapshot, key, { local: '', left: true })).toBe('store');

            const failed = snapshotFor('ready', {
                edits: { [key]: { status: 'failed', message: 'Could not save.' } }
            });
            expect(shownMessage(failed, key, { local: undefined, left: false })).toBe(
                'Could not save.'
            );
        });
    });

    describe('wholeAddressMessage', () => {
        const key = 'group.g1.deliveryAddress';

        it('never repeats at the address what a part of it says', () => {
            const invalid = snapshotFor('ready', {
                edits: { [key]: { status: 'failed', message: 'Complete this field.' } },
                validation: { [`${key}.street`]: 'Complete this field.' }
            });
            expect(wholeAddressMessage(invalid, key, true)).toBe('');
        });

        it('says a failure of the whole address', () => {
            const failed = snapshotFor('ready', {
                edits: { [key]: { status: 'failed', message: 'The store could not save it.' } }
            });
            expect(wholeAddressMessage(failed, key, false)).toBe('The store could not save it.');
        });
    });

    describe('groupSection', () => {
        it('lays out the address fields in display order, each tied to its message and hint', () => {
            const messageOf = jest.fn((field) => (field === 'city' ? 'Complete this field.' : ''));
            const view = section({ messageOf });

            expect(view.showForm).toBe(true);
            expect(view.fields.map((field) => field.name)).toEqual([
                'country',
                'firstName',
                'lastName',
                'street',
                'city',
                'region',
                'postalCode'
            ]);
            expect(messageOf).toHaveBeenCalledWith('city', 'group.g1.deliveryAddress.city');
            expect(messageOf).toHaveBeenCalledWith('address', 'group.g1.deliveryAddress');
            expect(fieldNamed(view, 'city')).toMatchObject({
                inputId: 'city-g1',
                value: ADDRESS.city,
                required: true,
                message: 'c.CheckoutKit_City: Complete this field.',
                invalid: 'true',
                describedBy: 'city-error-g1',
                className: 'slds-form-element slds-has-error',
                autocomplete: 'section-g1 shipping address-level2'
            });
            expect(fieldNamed(view, 'street')).toMatchObject({
                invalid: 'false',
                describedBy: null,
                className: 'slds-form-element checkout-span'
            });
            expect(fieldNamed(view, 'postalCode')).toMatchObject({
                hint: 'c.CheckoutKit_PostalCodeHint',
                describedBy: 'postalCode-hint-g1'
            });
        });

        it('names the delivery group in every message where several groups show', () => {
            const messageOf = (field) => (field === 'city' ? 'Complete this field.' : '');
            const view = section({ messageOf, several: true });

            expect(fieldNamed(view, 'city').message).toBe(
                'c.CheckoutKit_City for Home: Complete this field.'
            );
        });

        it('offers the allowed countries and the regions of a country that has them', () => {
            const view = section({ settings: { ...SETTINGS, showCompanyName: true } });

            expect(fieldNamed(view, 'companyName')).toBeDefined();
            expect(fieldNamed(view, 'country').options.map((option) => option.value)).toEqual([
                'US',
                'GB'
            ]);
            const region = fieldNamed(view, 'region');
            expect(region.isSelect).toBe(true);
            expect(region.options.map((option) => option.value)).toEqual([
                '',
                ...regionsOf('US').map((option) => option.code)
            ]);
            expect(region.options.find((option) => option.selected).value).toBe('CA');

            const britain = section({
                drafts: new FieldDrafts().setDrafts(addressDrafts(GROUP_ID, { country: 'GB' }))
            });
            expect(fieldNamed(britain, 'region')).toMatchObject({
                isSelect: false,
                required: false
            });
        });

        it('says the group in the legend only when there are several', () => {
            expect(section()).toMatchObject({
                legend: 'Shipping',
                legendClass: 'slds-form-element__legend slds-assistive-text'
            });
            expect(section({ several: true })).toMatchObject({
                legend: 'c.CheckoutKit_AddressLegend',
                legendClass: 'slds-form-element__legend checkout-subheading'
            });
        });

        it('chooses the saved address the group ships to and hides the form', () => {
            const saved = [1, 2, 3, 4, 5].map((index) => accountAddress(index));
            const group = deliveryGroup(GROUP_ID, { deliveryAddress: accountAddress(5) });

            const view = section({ group, saved });
            expect(view.showForm).toBe(false);
            expect(view.fields).toEqual([]);
            // The first three, and the chosen one beyond the limit.
            expect(view.savedOptions.map((option) => option.id)).toEqual(
                [1, 2, 3, 5].map((index) => accountAddress(index).addressId)
            );
            expect(view.savedOptions.find((option) => option.checked).id).toBe(
                accountAddress(5).addressId
            );
            expect(view.showMore).toEqual({
                expanded: 'false',
                label: 'c.CheckoutKit_ShowMoreAddresses'
            });

            const expanded = section({ group, saved, expanded: true });
            expect(expanded.savedOptions).toHaveLength(5);
            expect(expanded.showMore).toEqual({
                expanded: 'true',
                label: 'c.CheckoutKit_ShowFewerAddresses'
            });
        });

        it('shows the form, with no saved address checked, for a new address', () => {
            const saved = [accountAddress(1)];
            const group = deliveryGroup(GROUP_ID, { deliveryAddress: accountAddress(1) });

            const view = section({ group, saved, choseNew: true });
            expect(view.showForm).toBe(true);
            expect(view.newAddressChecked).toBe(true);
            expect(view.savedOptions.some((option) => option.checked)).toBe(false);
            expect(view.showMore).toBeNull();
        });

        it('shows the delivery date and instructions from the drafts, else the store', () => {
            const group = deliveryGroup(GROUP_ID, {
                desiredDeliveryDate: '2026-03-01T00:00:00.000Z',
                shippingInstructions: 'Ring twice'
            });
            const stored = section({ group });
            expect(stored.date).toMatchObject({
                value: '2026-03-01',
                required: false,
                label: 'c.CheckoutKit_DeliveryDateOptional',
                describedBy: 'date-hint-g1'
            });
            expect(stored.instructions).toMatchObject({
                value: 'Ring twice',
                maxLength: 255,
                className: 'slds-form-element checkout-span'
            });

            const typed = section({
                group,
                drafts: new FieldDrafts()
                    .setDraft('group.g1.desiredDeliveryDate', '2026-03-05')
                    .setDraft('group.g1.shippingInstructions', ''),
                messageOf: (field) => (field === 'desiredDeliveryDate' ? 'Out of range.' : ''),
                settings: { ...SETTINGS, requireDeliveryDate: true }
            });
            expect(typed.date).toMatchObject({
                value: '2026-03-05',
                required: true,
                label: 'c.CheckoutKit_DeliveryDate',
                invalid: 'true',
                describedBy: 'date-error-g1 date-hint-g1'
            });
            expect(typed.instructions.value).toBe('');
        });

        it('leaves out the delivery date and instructions when switched off', () => {
            const view = section({
                settings: { ...SETTINGS, showDeliveryDate: false, showShippingInstructions: false }
            });
            expect(view.date).toBeNull();
            expect(view.instructions).toBeNull();
        });
    });
});
