import { REJECTED_PAIRS, isPatchAllowed, patchBodyViolations } from '../patchRules';
import type { PatchBody } from '../patchRules';

const values: Required<Omit<PatchBody, 'customFields'>> = {
    contactInfo: { email: 'ada@example.com' },
    deliveryAddress: { name: 'A', street: '1 Road', country: 'US' },
    desiredDeliveryDate: '2030-01-01',
    shippingInstructions: 'Gate 4',
    deliveryMethodId: '2Dm1'
};
const webCart = { attributes: { type: 'WebCart' as const }, Foo__c: 'x' };
const group = { attributes: { type: 'CartDeliveryGroup' as const }, Id: '0a7', Foo__c: 'y' };

describe('the PATCH rules', () => {
    it.each(REJECTED_PAIRS.map(([a, b]) => [a, b]))('rejects %s with %s', (a, b) => {
        expect(
            isPatchAllowed(
                { [a]: values[a as keyof typeof values], [b]: values[b as keyof typeof values] },
                'checkout'
            )
        ).toBe(false);
    });

    it('lists exactly the six documented pairs', () => {
        expect(REJECTED_PAIRS).toHaveLength(6);
    });

    it.each([
        [['deliveryAddress', 'desiredDeliveryDate', 'shippingInstructions']],
        [['deliveryAddress', 'shippingInstructions']],
        [['contactInfo', 'deliveryAddress']],
        [['contactInfo']],
        [['deliveryMethodId']]
    ])('allows %j', (keys) => {
        const body = Object.fromEntries(
            keys.map((key: string) => [key, values[key as keyof typeof values]])
        );
        expect(patchBodyViolations(body, 'checkout')).toEqual([]);
    });

    it('allows customFields only with another property, never with shippingInstructions alone', () => {
        expect(isPatchAllowed({ customFields: [webCart] }, 'checkout')).toBe(false);
        expect(
            isPatchAllowed({ shippingInstructions: 'x', customFields: [webCart] }, 'checkout')
        ).toBe(false);
        expect(
            isPatchAllowed(
                {
                    shippingInstructions: 'x',
                    deliveryAddress: values.deliveryAddress,
                    customFields: [webCart, group]
                },
                'checkout'
            )
        ).toBe(true);
        expect(
            isPatchAllowed({ deliveryMethodId: '2Dm1', customFields: [webCart, group] }, 'checkout')
        ).toBe(true);
    });

    it('allows WebCart custom fields with contactInfo but no CartDeliveryGroup ones', () => {
        expect(
            isPatchAllowed({ contactInfo: values.contactInfo, customFields: [webCart] }, 'checkout')
        ).toBe(true);
        expect(
            isPatchAllowed({ contactInfo: values.contactInfo, customFields: [group] }, 'checkout')
        ).toBe(false);
        expect(
            isPatchAllowed(
                { contactInfo: values.contactInfo, customFields: [webCart, group] },
                'checkout'
            )
        ).toBe(false);
    });

    it('caps customFields at 21 sObjects with one WebCart', () => {
        const groups = (count: number) =>
            Array.from({ length: count }, (_, index) => ({ ...group, Id: `0a7${index}` }));
        expect(
            isPatchAllowed(
                { deliveryMethodId: '2Dm1', customFields: [webCart, ...groups(20)] },
                'checkout'
            )
        ).toBe(true);
        expect(
            isPatchAllowed(
                { deliveryMethodId: '2Dm1', customFields: [webCart, ...groups(21)] },
                'checkout'
            )
        ).toBe(false);
        expect(
            isPatchAllowed(
                { deliveryMethodId: '2Dm1', customFields: [webCart, webCart] },
                'checkout'
            )
        ).toBe(false);
    });

    it('accepts only Delivery Group Input fields on the delivery-group PATCH', () => {
        expect(isPatchAllowed({ deliveryAddress: values.deliveryAddress }, 'deliveryGroup')).toBe(
            true
        );
        expect(isPatchAllowed({ contactInfo: values.contactInfo }, 'deliveryGroup')).toBe(false);
        expect(
            isPatchAllowed({ deliveryMethodId: '2Dm1', customFields: [group] }, 'deliveryGroup')
        ).toBe(false);
        expect(
            isPatchAllowed({ deliveryMethodId: '2Dm1', shippingInstructions: 'x' }, 'deliveryGroup')
        ).toBe(false);
    });

    it('refuses an empty body', () => {
        expect(patchBodyViolations({}, 'checkout')).toEqual(['empty body']);
        expect(patchBodyViolations({ deliveryMethodId: 'x' }, 'checkout')).toEqual([]);
    });
});
