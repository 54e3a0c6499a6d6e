import { carrierText, emptyText, estimateText, methodGroup, methodOption } from '../methodView';
import { ADDRESS, EXPRESS, STANDARD, deliveryGroup, snapshotFor } from 'checkoutKitTest/snapshots';

jest.mock(
    '@salesforce/label/c.CheckoutKit_FieldMessage',
    () => require('checkoutKitTest/labels').labelModule('CheckoutKit_FieldMessage'),
    { virtual: true }
);

const GROUP_ID = '0a7SB0000000001';
const ALL_SHOWN = { showCarrier: true, showEstimate: true, showOriginalFee: true };

function group(snapshot) {
    return snapshot.deliveryGroups[0];
}

function view(snapshot, overrides = {}) {
    return methodGroup({
        snapshot,
        group: group(snapshot),
        several: false,
        heading: 'Delivery',
        calculatingOrPlacing: false,
        chosenFor: undefined,
        settings: ALL_SHOWN,
        ...overrides
    });
}

function resetMessage() {
    return {
        id: `DELIVERY_METHOD_RESET|${GROUP_ID}`,
        scope: 'deliveryMethod',
        severity: 'info',
        groupId: GROUP_ID,
        code: 'DELIVERY_METHOD_RESET',
        message: 'c.CheckoutKit_DeliveryMethodReset'
    };
}

describe('methodView', () => {
    describe('a method', () => {
        it('names the carrier once', () => {
            expect(carrierText(STANDARD)).toBe('UPS · Ground');
            expect(carrierText({ carrier: 'UPS', classOfService: 'ups ground' })).toBe(
                'ups ground'
            );
            expect(carrierText({ classOfService: 'Ground' })).toBe('Ground');
            expect(carrierText({})).toBe('');
        });

        it('estimates by dates, else by transit time', () => {
            expect(estimateText(EXPRESS)).toBe('c.CheckoutKit_ArrivesBetween');
            expect(estimateText({ ...EXPRESS, earliestEstimatedDeliveryTime: undefined })).toBe(
                'c.CheckoutKit_ArrivesBy'
            );
            expect(estimateText(STANDARD)).toBe('c.CheckoutKit_TransitDays');
            expect(estimateText({ ...STANDARD, transitTimeUnit: 'Hours' })).toBe(
                'c.CheckoutKit_TransitHours'
            );
            expect(estimateText({ ...STANDARD, transitTimeMin: null })).toBe('');
        });

        it('charges the adjusted fee, with the original struck through only when lower', () => {
            const option = methodOption(GROUP_ID, EXPRESS, {
                selectedId: EXPRESS.id,
                currency: 'USD',
                settings: ALL_SHOWN
            });
            expect(option).toMatchObject({
                inputId: `method-${GROUP_ID}-${EXPRESS.id}`,
                detailsId: `method-details-${GROUP_ID}-${EXPRESS.id}`,
                fee: '$19.00',
                originalFee: '$24.00',
                wasText: 'c.CheckoutKit_FeeWas',
                carrier: 'FedEx · Overnight',
                checked: true
            });

            const hidden = methodOption(GROUP_ID, EXPRESS, {
                selectedId: STANDARD.id,
                currency: 'USD',
                settings: { showCarrier: false, showEstimate: false, showOriginalFee: false }
            });
            expect(hidden).toMatchObject({
                fee: '$19.00',
                originalFee: '',
                wasText: '',
                carrier: '',
                estimate: '',
                checked: false
            });
        });

        it("calls a zero fee free and uses the checkout's currency when the method names none", () => {
            const free = { ...STANDARD, shippingFee: '0', adjustedShippingFee: null };
            expect(methodOption(GROUP_ID, free, { currency: 'EUR', settings: ALL_SHOWN }).fee).toBe(
                'c.CheckoutKit_Free'
            );
            const euro = { ...STANDARD, currencyIsoCode: undefined };
            expect(methodOption(GROUP_ID, euro, { currency: 'EUR', settings: ALL_SHOWN }).fee).toBe(
                '€9.99'
            );
        });
    });

    describe('a group without methods', () => {
        const noMethods = (overrides = {}) =>
            snapshotFor('ready', {
                deliveryGroups: [deliveryGroup(GROUP_ID, { availableDeliveryMethods: [] })],
                ...overrides
            });

        it('asks for an address first', () => {
            const snapshot = snapshotFor('ready', {
                deliveryGroups: [deliveryGroup(GROUP_ID, { deliveryAddress: null })]
            });
            expect(emptyText(snapshot, group(snapshot), false)).toBe(
                'c.CheckoutKit_DeliveryNeedsAddress'
            );
        });

        it('is finding methods while the checkout calculates or an address is saved', () => {
            const snapshot = noMethods();
            expect(emptyText(snapshot, group(snapshot), true)).toBe(
                'c.CheckoutKit_DeliveryFinding'
            );

            const saving = noMethods({
                edits: { [`group.${GROUP_ID}.deliveryAddress`]: { status: 'saving', value: {} } }
            });
            expect(emptyText(saving, group(saving), false)).toBe('c.CheckoutKit_DeliveryFinding');

            const invalid = noMethods({
                edits: { [`group.${GROUP_ID}.deliveryAddress`]: { status: 'pending', value: {} } },
                validation: { [`group.${GROUP_ID}.deliveryAddress.street`]: 'Required' }
            });
            expect(emptyText(invalid, group(invalid), false)).toBe(
                'c.CheckoutKit_DeliveryNoMethods'
            );
        });

        it('says methods are unavailable when a calculator failed', () => {
            ['CALCULATION_FAILED', 'PROCESSING_TIMEOUT', '/commerce/integrations/shipping'].forEach(
                (code) => {
                    const snapshot = noMethods({
                        messages: [{ id: 'x', severity: 'error', code, message: 'failed' }]
                    });
                    expect(emptyText(snapshot, group(snapshot), false)).toBe(
                        'c.CheckoutKit_DeliveryUnavailable'
                    );
                }
            );
        });

        it('asks for an address while the server has none saved, else says there are none', () => {
            const unsaved = noMethods({
                checkout: { deliveryGroups: { items: [{ id: GROUP_ID, deliveryAddress: null }] } }
            });
            expect(emptyText(unsaved, group(unsaved), false)).toBe(
                'c.CheckoutKit_DeliveryNeedsAddress'
            );
            const snapshot = noMethods();
            expect(emptyText(snapshot, group(snapshot), false)).toBe(
                'c.CheckoutKit_DeliveryNoMethods'
            );
        });
    });

    describe('methodGroup', () => {
        it('lists the methods with the selection checked and the field error tied', () => {
            const key = `group.${GROUP_ID}.deliveryMethodId`;
            const snapshot = snapshotFor('ready', { validation: { [key]: 'Choose a method.' } });

            const result = view(snapshot);
            expect(result).toMatchObject({
                id: GROUP_ID,
                legend: 'Delivery',
                radioName: `delivery-method-${GROUP_ID}`,
                fieldError: 'Delivery: Choose a method.',
                invalid: 'true',
                describedBy: `delivery-error-${GROUP_ID}`,
                hasMethods: true
            });
            expect(result.methods.map((method) => method.checked)).toEqual([true, false]);
            expect(view(snapshot, { several: true }).legend).toBe(
                'c.CheckoutKit_DeliveryGroupLegend'
            );
        });

        it('keeps the choice open while the checkout calculates; closes it while placing', () => {
            const snapshot = snapshotFor('processing');
            expect(view(snapshot).locked).toBe(false);
            expect(view(snapshot, { placing: true }).locked).toBe(true);
        });

        it('says the methods are for the previous address while the address changes, and closes the choice', () => {
            const saved = deliveryGroup(GROUP_ID);
            const typing = deliveryGroup(GROUP_ID, { deliveryAddress: { country: 'US' } });
            const snapshot = snapshotFor('ready', {
                checkout: { deliveryGroups: { items: [saved] } },
                deliveryGroups: [typing]
            });

            expect(view(snapshot)).toMatchObject({
                locked: true,
                note: 'c.CheckoutKit_DeliveryForPreviousAddress',
                describedBy: `delivery-note-${GROUP_ID}`
            });
            const same = snapshotFor('ready', {
                checkout: { deliveryGroups: { items: [saved] } },
                deliveryGroups: [saved]
            });
            expect(view(same)).toMatchObject({ locked: false, note: '', describedBy: null });
        });

        it('asks for a method once Place Order asked, until one is chosen', () => {
            const none = snapshotFor('ready', {
                deliveryGroups: [deliveryGroup(GROUP_ID, { selectedDeliveryMethodId: null })]
            });
            expect(view(none).fieldError).toBe('');
            expect(view(none, { askedToChoose: true }).fieldError).toBe(
                'Delivery: c.CheckoutKit_BlockedDeliveryMethod'
            );
            expect(view(snapshotFor('ready'), { askedToChoose: true }).fieldError).toBe('');
        });

        it('says a method was reset only when the address changed since the choice', () => {
            const snapshot = snapshotFor('ready', { messages: [resetMessage()] });
            const shown = (chosenFor) =>
                view(snapshot, { chosenFor }).messages.map((item) => item.code);

            expect(shown(undefined)).toEqual(['DELIVERY_METHOD_RESET']);
            expect(shown({ ...ADDRESS, firstName: 'Someone' })).toEqual([]);
            expect(shown({ ...ADDRESS, street: '2 Market St' })).toEqual(['DELIVERY_METHOD_RESET']);
            expect(shown(null)).toEqual(['DELIVERY_METHOD_RESET']);
        });
    });
});
