/**
 * A store that requires payment (`paymentRequired`, on for b2b-buyer): place order refuses a checkout without an
 * authorized payment with 412 and a place-order error, as it refuses a missing address; a payment cleared by a
 * delivery-method change must be sent again. `/__emulator/state` shows the payments and the billing address.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { INSTANT, startHarness, startReady, type Harness } from './helpers';

let h: Harness;
before(async () => {
    h = await startHarness();
});
after(async () => {
    await h.close();
});

const BILLING = {
    name: 'Accounts Payable',
    street: '500 Market St',
    city: 'San Francisco',
    region: 'CA',
    postalCode: '94104',
    country: 'US'
};

async function pay(): Promise<void> {
    const paid = await h.connect('POST', '/checkouts/active/payments', {
        requestType: 'SimplePurchaseOrder',
        paymentToken: 'PO-555',
        billingAddress: BILLING
    });
    assert.equal(paid.status, 200);
}

describe('paymentRequired', () => {
    it('is on for b2b-buyer: an order without a payment is refused with 412 and a place-order error', async () => {
        const state = await h.reset({ scenario: 'b2b-buyer', seed: 1, ...INSTANT });
        assert.equal(state.paymentRequired, true);
        await startReady(h);
        const refused = await h.connect('POST', '/checkouts/active/orders');
        assert.equal(refused.status, 412);
        assert.equal(refused.body.orderReferenceNumber, null);
        assert.deepEqual(refused.body.errors, [
            {
                type: '/commerce/global/place-order',
                title: 'Payment information is missing',
                detail: 'Enter a payment method and a billing address.'
            }
        ]);
        assert.deepEqual((await h.state()).orders, []);
    });

    it('lets the order go once a payment is on the checkout, and state shows it with the billing address', async () => {
        await h.reset({ scenario: 'b2b-buyer', seed: 1, ...INSTANT });
        await startReady(h);
        await pay();
        const state = await h.state();
        assert.equal(state.payments.length, 1);
        assert.deepEqual((state.payments[0] as { paymentToken: string }).paymentToken, 'PO-555');
        assert.deepEqual(state.billingAddress, {
            ...BILLING,
            id: (state.billingAddress as { id: string }).id
        });
        const placed = await h.connect('POST', '/checkouts/active/orders');
        assert.equal(placed.status, 201);
    });

    it('refuses again after a delivery-method change cleared the payment and the billing address', async () => {
        await h.reset({ scenario: 'b2b-buyer', seed: 1, ...INSTANT });
        const id = await startReady(h);
        await pay();
        const ready = (await h.waitReady()).body;
        const group = ready.deliveryGroups.items[0];
        const other = group.availableDeliveryMethods.find(
            (m: { id: string }) => m.id !== group.selectedDeliveryMethod.id
        );
        await h.connect('PATCH', `/checkouts/${id}`, { deliveryMethodId: other.id });
        await h.waitReady();
        const cleared = await h.state();
        assert.deepEqual(cleared.payments, []);
        assert.equal(cleared.billingAddress, null);
        assert.equal((await h.connect('POST', '/checkouts/active/orders')).status, 412);
        await pay();
        assert.equal((await h.connect('POST', '/checkouts/active/orders')).status, 201);
    });

    it('can be turned off for b2b-buyer, and is off elsewhere', async () => {
        const off = await h.reset({
            scenario: 'b2b-buyer',
            seed: 1,
            paymentRequired: false,
            ...INSTANT
        });
        assert.equal(off.paymentRequired, false);
        await startReady(h);
        assert.equal((await h.connect('POST', '/checkouts/active/orders')).status, 201);
        assert.equal((await h.reset({ scenario: 'd2c-guest', ...INSTANT })).paymentRequired, false);
        assert.equal(
            (await h.reset({ scenario: 'multi-group', ...INSTANT })).paymentRequired,
            false
        );
    });

    it('can be turned on for another scenario, and a reset that leaves it out takes the scenario default', async () => {
        await h.reset({ scenario: 'multi-group', paymentRequired: true, ...INSTANT });
        assert.equal((await h.state()).paymentRequired, true);
        assert.equal((await h.reset({ ...INSTANT })).paymentRequired, false);
    });

    it('refuses a value that is not a boolean', async () => {
        const answer = await h.call('POST', '/__emulator/reset', { paymentRequired: 'yes' });
        assert.equal(answer.status, 400);
    });
});
