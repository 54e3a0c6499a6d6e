import {
    fieldMessage,
    fieldState,
    formatDate,
    formatLabel,
    formatMoney,
    groupLegend,
    isLoading,
    isPlacingOrPlaced,
    isAddressChanging,
    isProcessing,
    namedMessage,
    registerForm,
    sameDestination,
    savedGroup,
    showWhatIsMissing,
    sectionMessages,
    shippingGroup,
    shippingGroups,
    splitList
} from 'c/checkoutKitSupport';
import { snapshotFor, deliveryGroup, ADDRESS } from 'checkoutKitTest/snapshots';

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

describe('checkoutKitSupport', () => {
    it('fills label placeholders and leaves missing ones visible', () => {
        expect(formatLabel('Arrives {0} – {1}', 'Mon', 'Tue')).toBe('Arrives Mon – Tue');
        expect(formatLabel('{0} of {1}', 1)).toBe('1 of {1}');
    });

    it('formats money in the given currency and the shopper locale', () => {
        expect(formatMoney('1234.5', 'USD')).toBe('$1,234.50');
        expect(formatMoney('-10', 'EUR')).toBe('-€10.00');
        expect(formatMoney(null, 'USD')).toBe('');
    });

    it('keeps a date-only value on its day whatever the time zone', () => {
        expect(formatDate('2026-12-01')).toBe('Dec 1, 2026');
    });

    it('splits comma-separated Builder lists', () => {
        expect(splitList(' US, CA ,,GB ')).toEqual(['US', 'CA', 'GB']);
        expect(splitList(undefined)).toEqual([]);
    });

    it('prefers a validation message, then a failed edit, then a server message for a field', () => {
        const key = 'contact.email';
        const base = snapshotFor('ready', {
            messages: [{ id: 'm', scope: 'contact', field: key, message: 'server' }]
        });
        expect(fieldMessage(base, key)).toBe('server');
        const failed = { ...base, edits: { [key]: { status: 'failed', message: 'failed' } } };
        expect(fieldMessage(failed, key)).toBe('failed');
        expect(fieldMessage({ ...failed, validation: { [key]: 'invalid' } }, key)).toBe('invalid');
        expect(fieldMessage(snapshotFor('ready'), key)).toBe('');
    });

    it('selects section messages by scope and group, leaving out those fields show', () => {
        const snapshot = snapshotFor('ready', {
            messages: [
                { id: 'a', scope: 'shipping', groupId: 'g1', message: 'a' },
                { id: 'b', scope: 'shipping', groupId: 'g2', message: 'b' },
                { id: 'c', scope: 'shipping', groupId: 'g1', field: 'x', message: 'c' },
                { id: 'd', scope: 'order', message: 'd' }
            ]
        });

        const ids = sectionMessages(snapshot, ['shipping'], {
            groupId: 'g1',
            shownFields: ['x']
        }).map((item) => item.id);
        expect(ids).toEqual(['a']);
    });

    it('treats saving, processing and submitting as processing', () => {
        expect(
            ['saving', 'processing', 'submitting'].map((phase) => isProcessing(snapshotFor(phase)))
        ).toEqual([true, true, true]);
        expect(isProcessing(snapshotFor('ready'))).toBe(false);
    });

    it('treats no snapshot yet and loading as loading', () => {
        expect(isLoading(undefined)).toBe(true);
        expect(isLoading(null)).toBe(true);
        expect(isLoading(snapshotFor('loading'))).toBe(true);
        expect(
            ['ready', 'saving', 'processing', 'submitting', 'complete'].map((phase) =>
                isLoading(snapshotFor(phase))
            )
        ).toEqual([false, false, false, false, false]);
    });

    it('locks the values while the order is placed and once it is', () => {
        expect(
            ['submitting', 'complete'].map((phase) => isPlacingOrPlaced(snapshotFor(phase)))
        ).toEqual([true, true]);
        expect(
            ['loading', 'ready', 'saving', 'processing'].map((phase) =>
                isPlacingOrPlaced(snapshotFor(phase))
            )
        ).toEqual([false, false, false, false]);
        expect(isPlacingOrPlaced(undefined)).toBe(false);
    });

    it('keeps every group that ships, not only the first', () => {
        const snapshot = snapshotFor('ready', {
            deliveryGroups: [
                deliveryGroup('g1'),
                deliveryGroup('g2', { isAllDigitalCartItems: true, requiresShipping: false }),
                deliveryGroup('g3')
            ]
        });

        expect(shippingGroups(snapshot).map((group) => group.id)).toEqual(['g1', 'g3']);
    });

    it('finds a shipping group by id', () => {
        const snapshot = snapshotFor('ready', {
            deliveryGroups: [
                deliveryGroup('g1'),
                deliveryGroup('g2', { isAllDigitalCartItems: true, requiresShipping: false })
            ]
        });

        expect(shippingGroup(snapshot, 'g1').id).toBe('g1');
        expect(shippingGroup(snapshot, 'g2')).toBeUndefined();
        expect(shippingGroup(null, 'g1')).toBeUndefined();
    });

    it('ties a field to its error and hint and marks it invalid only with a message', () => {
        expect(fieldState({ message: '', errorId: 'e', className: 'slds-form-element' })).toEqual({
            message: '',
            invalid: 'false',
            describedBy: null,
            className: 'slds-form-element'
        });
        expect(
            fieldState({
                message: 'Required',
                errorId: 'e',
                hintId: 'h',
                className: 'slds-form-element',
                wide: true
            })
        ).toEqual({
            message: 'Required',
            invalid: 'true',
            describedBy: 'e h',
            className: 'slds-form-element slds-has-error checkout-span'
        });
        expect(
            fieldState({ message: '', errorId: 'e', hintId: 'h', className: 'x' }).describedBy
        ).toBe('h');
    });

    it('names the group in a visible legend only when there are several', () => {
        const group = deliveryGroup('g1', { name: 'Home' });

        expect(groupLegend(false, 'Shipping', 'For {0}', group)).toEqual({
            legend: 'Shipping',
            legendClass: 'slds-form-element__legend slds-assistive-text'
        });
        expect(groupLegend(true, 'Shipping', 'For {0}', group)).toEqual({
            legend: 'For Home',
            legendClass: 'slds-form-element__legend checkout-subheading'
        });
    });

    it('compares where addresses ship to, not who receives them', () => {
        expect(sameDestination(ADDRESS, { ...ADDRESS, name: 'Someone', companyName: 'Acme' })).toBe(
            true
        );
        expect(sameDestination({ ...ADDRESS, region: '' }, { ...ADDRESS, region: undefined })).toBe(
            true
        );
        expect(sameDestination(ADDRESS, { ...ADDRESS, postalCode: '94107' })).toBe(false);
        expect(sameDestination(null, undefined)).toBe(true);
        expect(sameDestination(ADDRESS, null)).toBe(false);
        expect(sameDestination({}, null)).toBe(false);
    });

    it('names the field, and the delivery group where there are several, in its message', () => {
        expect(namedMessage('Complete this field.', 'Postal code')).toBe(
            'Postal code: Complete this field.'
        );
        expect(namedMessage('Complete this field.', 'Postal code', 'Warehouse')).toBe(
            'Postal code for Warehouse: Complete this field.'
        );
        expect(namedMessage('', 'Postal code')).toBe('');
        expect(
            fieldState({
                message: 'Use 40 characters or fewer.',
                label: 'City',
                errorId: 'e',
                className: 'x'
            }).message
        ).toBe('City: Use 40 characters or fewer.');
    });

    it('reads the saved group from the server answer, else the group itself', () => {
        const snapshot = snapshotFor('ready');
        const [group] = snapshot.deliveryGroups;
        expect(savedGroup(snapshot, group)).toBe(group);
        const answered = snapshotFor('ready', {
            checkout: { deliveryGroups: { items: [{ id: 'other' }] } }
        });
        expect(savedGroup(answered, answered.deliveryGroups[0])).toEqual({});
    });

    it('tells when the shopper is changing a saved address, not when entering a first one', () => {
        const saved = deliveryGroup('g1');
        const withServer = (shown, server = saved) =>
            snapshotFor('ready', {
                checkout: { deliveryGroups: { items: [server] } },
                deliveryGroups: [shown]
            });
        const newAddress = { ...saved, deliveryAddress: { country: 'US' } };
        expect(isAddressChanging(withServer(newAddress), newAddress)).toBe(true);
        expect(isAddressChanging(withServer(saved), saved)).toBe(false);
        const first = withServer(newAddress, { ...saved, deliveryAddress: null });
        expect(isAddressChanging(first, newAddress)).toBe(false);
    });

    describe('what is missing, shown by every form', () => {
        it('asks every registered form in page order; the first with something to fix takes focus', () => {
            const calls = [];
            const form = (name, valid) => ({
                reportValidity: ({ focus }) => {
                    calls.push([name, focus]);
                    return valid;
                }
            });
            const unregister = [
                registerForm(form('contact', true)),
                registerForm(form('address', false)),
                registerForm(form('delivery', false))
            ];

            expect(showWhatIsMissing()).toBe(true);
            expect(calls).toEqual([
                ['contact', true],
                ['address', true],
                ['delivery', false]
            ]);
            unregister.forEach((remove) => remove());
            expect(showWhatIsMissing()).toBe(false);
        });
    });
});
