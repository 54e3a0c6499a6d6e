/** The shopper's delivery method after a shipping change: re-applied, or reset with the reason said. */
import { DEFAULT_GROUP, SAMPLE_ADDRESS, setup } from './support/fakeCheckout';

describe("keeping the shopper's delivery method", () => {
    const EXPRESS = `2Dm-exp-${DEFAULT_GROUP}`;
    const methodMessages = (harness: Awaited<ReturnType<ReturnType<typeof setup>['loaded']>>) =>
        harness.store
            .getSnapshot()
            .messages.filter((message) => message.scope === 'deliveryMethod')
            .map((message) => [message.code, message.message]);

    it('says the address changed the method only after an address change', async () => {
        const harness = await setup({ withAddress: true }).loaded();
        harness.store.selectDeliveryMethod(DEFAULT_GROUP, EXPRESS);
        await harness.idle();
        harness.server.withdrawnMethods.add(EXPRESS);
        harness.store.updateShipping(DEFAULT_GROUP, {
            deliveryAddress: { ...SAMPLE_ADDRESS, street: '1 Market St' }
        });
        await harness.idle();
        expect(methodMessages(harness)).toEqual([
            ['DELIVERY_METHOD_RESET', 'c.CheckoutKit_DeliveryMethodReset']
        ]);
    });

    it('re-applies the method silently after an instructions-only change', async () => {
        const harness = await setup({ withAddress: true }).loaded();
        harness.store.selectDeliveryMethod(DEFAULT_GROUP, EXPRESS);
        await harness.idle();
        harness.store.updateShipping(DEFAULT_GROUP, { shippingInstructions: 'Back door' });
        await harness.idle();
        expect(harness.server.groups[0].selectedMethodId).toBe(EXPRESS);
        expect(methodMessages(harness)).toEqual([]);
    });

    it('says a withdrawn method is unavailable, not that the address changed, after a date change', async () => {
        const harness = await setup({ withAddress: true }).loaded();
        harness.store.selectDeliveryMethod(DEFAULT_GROUP, EXPRESS);
        await harness.idle();
        harness.server.withdrawnMethods.add(EXPRESS);
        harness.store.updateShipping(DEFAULT_GROUP, { desiredDeliveryDate: '2030-01-15' });
        await harness.idle();
        expect(methodMessages(harness)).toEqual([
            ['DELIVERY_METHOD_UNAVAILABLE', 'c.CheckoutKit_DeliveryMethodUnavailable']
        ]);
    });

    it('keeps the choice silently when the calculation failed', async () => {
        const harness = await setup({ withAddress: true }).loaded();
        harness.store.selectDeliveryMethod(DEFAULT_GROUP, EXPRESS);
        await harness.idle();
        harness.server.withdrawnMethods.add(EXPRESS);
        harness.server.failNextCalculation = {
            type: '/commerce/errors/shipping-failure',
            detail: 'Shipping failed.'
        };
        harness.store.updateShipping(DEFAULT_GROUP, {
            deliveryAddress: { ...SAMPLE_ADDRESS, street: '1 Market St' }
        });
        await harness.idle();
        // Only the failed calculation is said, in the delivery section: no word of a reset method.
        expect(methodMessages(harness)).toEqual([['CALCULATION_FAILED', 'Calculation failed']]);
        // The choice is still the shopper's: once the method is offered again, a good answer brings it back.
        harness.server.withdrawnMethods.delete(EXPRESS);
        harness.store.updateShipping(DEFAULT_GROUP, { shippingInstructions: 'Ring twice' });
        await harness.idle();
        expect(harness.server.groups[0].selectedMethodId).toBe(EXPRESS);
    });

    it('re-applies the choice on retry after a failed calculation reset it', async () => {
        const harness = await setup({ withAddress: true }).loaded();
        harness.store.selectDeliveryMethod(DEFAULT_GROUP, EXPRESS);
        await harness.idle();
        harness.server.failNextCalculation = {
            type: '/commerce/errors/tax-failure',
            detail: 'Tax failed.'
        };
        // A date change runs the shipping calculator, which selects the cheapest method.
        harness.store.updateShipping(DEFAULT_GROUP, { desiredDeliveryDate: '2030-01-15' });
        await harness.idle();
        expect(harness.server.groups[0].selectedMethodId).not.toBe(EXPRESS);
        harness.store.retryFailed();
        await harness.idle();
        expect(harness.server.groups[0].selectedMethodId).toBe(EXPRESS);
        expect(harness.store.getSnapshot().edits).toEqual({});
    });
});
