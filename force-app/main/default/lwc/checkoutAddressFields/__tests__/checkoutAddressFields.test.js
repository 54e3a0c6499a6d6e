import {
    addressErrors,
    addressFields,
    checkAddressField,
    editedAddress
} from 'c/checkoutAddressFields';

const REQUIRED = 'c.CheckoutKit_ValidationRequired';
const keyOf = (field) => `billing.${field}`;

describe('checkoutAddressFields', () => {
    it('asks for the names, street, city and country', () => {
        ['country', 'firstName', 'lastName', 'street', 'city'].forEach((field) => {
            expect(checkAddressField(field, { country: 'US', [field]: '  ' })).toBe(REQUIRED);
        });
        expect(checkAddressField('companyName', { country: 'US' })).toBe('');
    });

    it('asks for a region and a postal code only where the country has them', () => {
        expect(checkAddressField('region', { country: 'US' })).toBe(REQUIRED);
        expect(checkAddressField('region', { country: 'GB' })).toBe('');
        expect(checkAddressField('postalCode', { country: 'US' })).toBe(REQUIRED);
        expect(checkAddressField('postalCode', { country: 'HK' })).toBe('');
    });

    it("judges a typed value by the engine's rules", () => {
        const address = { firstName: 'Ada', street: '1 Road', country: 'US', postalCode: 'ABC' };
        expect(checkAddressField('postalCode', address)).toBe('c.CheckoutKit_ValidationPostalCode');
        expect(checkAddressField('postalCode', { ...address, postalCode: '94105' })).toBe('');
        expect(checkAddressField('region', { ...address, region: 'XX' })).toBe(
            'c.CheckoutKit_ValidationRegion'
        );
    });

    it('names every part by the key the form gives it', () => {
        const errors = addressErrors({ country: 'US', firstName: 'Ada' }, keyOf);
        expect(errors['billing.firstName']).toBe('');
        expect(errors['billing.street']).toBe(REQUIRED);
        expect(errors['billing.region']).toBe(REQUIRED);
    });

    it('drops a region the new country does not list, and checks region and postal code again', () => {
        const address = { country: 'US', region: 'CA', postalCode: '94105' };
        const { draft, errors } = editedAddress(address, 'country', 'GB', keyOf);
        expect(draft.region).toBe('');
        expect(errors).toEqual({
            'billing.country': '',
            'billing.region': '',
            'billing.postalCode': ''
        });
    });

    it("lists the country's fields, a region picker only where it has regions", () => {
        const fields = (country) =>
            addressFields({
                scopeId: 'billing',
                address: { country },
                countries: ['US', 'GB'],
                showCompanyName: false,
                messages: { city: 'Enter a city.' },
                autocompleteSection: 'section-billing billing'
            });
        const us = fields('US');
        expect(us.map((field) => field.name)).toEqual([
            'country',
            'firstName',
            'lastName',
            'street',
            'city',
            'region',
            'postalCode'
        ]);
        expect(us.find((field) => field.name === 'region').isSelect).toBe(true);
        expect(fields('GB').find((field) => field.name === 'region').isSelect).toBe(false);
        const city = us.find((field) => field.name === 'city');
        expect(city.inputId).toBe('city-billing');
        expect(city.invalid).toBe('true');
        expect(city.describedBy).toBe('city-error-billing');
        expect(city.autocomplete).toBe('section-billing billing address-level2');
    });
});
