import {
    hasRegions,
    isIsoDate,
    isValidPostalCode,
    isValidRegion,
    needsPostalCode,
    postalCodeExample,
    regionsOf,
    validateAddress,
    validateShippingDetail
} from 'c/checkoutValidation';

describe('country data shared by the engine and the forms', () => {
    it('lists the regions of a country with their names, in display order', () => {
        expect(regionsOf('CA')[0]).toEqual({ code: 'AB', name: 'Alberta' });
        expect(regionsOf('US').map((region) => region.code)).toContain('GU');
        expect(regionsOf('GB')).toEqual([]);
        expect(hasRegions('AU')).toBe(true);
        expect(hasRegions('GB')).toBe(false);
    });

    it('accepts exactly the listed region codes where a country has a list', () => {
        for (const country of ['US', 'CA', 'AU']) {
            for (const { code } of regionsOf(country)) {
                expect(isValidRegion(country, code)).toBe(true);
            }
        }
        expect(isValidRegion('US', 'ON')).toBe(false);
        expect(isValidRegion('GB', 'ENG')).toBe(true);
    });

    it('gives every country that needs a postal code an example its own format accepts', () => {
        for (const country of ['US', 'CA', 'GB', 'DE', 'FR', 'AU', 'NL', 'JP', 'IT', 'ES']) {
            expect(needsPostalCode(country)).toBe(true);
            expect(isValidPostalCode(country, postalCodeExample(country))).toBe(true);
        }
        expect(needsPostalCode('HK')).toBe(false);
        expect(postalCodeExample('HK')).toBe('');
    });

    it('requires and checks an Italian postal code like the form does', () => {
        const base = { name: 'A', street: 'Via Roma 1', country: 'IT' };
        expect(validateAddress(base)).toEqual({ postalCode: 'c.CheckoutKit_ValidationRequired' });
        expect(validateAddress({ ...base, postalCode: '0018' })).toEqual({
            postalCode: 'c.CheckoutKit_ValidationPostalCode'
        });
        expect(validateAddress({ ...base, postalCode: '00184' })).toEqual({});
    });

    it('reads yyyy-MM-dd calendar dates only', () => {
        expect(isIsoDate('2024-02-29')).toBe(true);
        expect(isIsoDate('2023-02-29')).toBe(false);
        expect(isIsoDate('2024-2-9')).toBe(false);
    });

    it('checks a delivery date the browser can read and instructions of 255 characters at most', () => {
        expect(validateShippingDetail('desiredDeliveryDate', '2030-05-01')).toBeUndefined();
        expect(validateShippingDetail('desiredDeliveryDate', '')).toBeUndefined();
        expect(validateShippingDetail('desiredDeliveryDate', 'soon')).toBe(
            'c.CheckoutKit_ValidationDate'
        );
        expect(validateShippingDetail('shippingInstructions', 'x'.repeat(255))).toBeUndefined();
        expect(validateShippingDetail('shippingInstructions', 'x'.repeat(256))).toBe(
            'c.CheckoutKit_ValidationTooLong'
        );
    });
});
