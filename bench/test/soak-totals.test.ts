/**
 * The clean totals wrongTotals compares with: the emulator's prices worked out by hand for the guest cart
 * (89 + 2 × 18.50 + 24 = 150.00, 10 % off from 100.00, California tax 7.25 % on products and shipping).
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { ReferencePrices } from '../lib/soak-totals';

const prices = new ReferencePrices();
after(() => prices.close());

const SAN_FRANCISCO = {
    name: 'Alan Johnson',
    firstName: 'Alan',
    lastName: 'Johnson',
    street: '415 Mission St',
    city: 'San Francisco',
    region: 'CA',
    postalCode: '94105',
    country: 'US',
    id: '8lW000000000001'
};

test('Standard Ground ships free from 75.00: 135.00 + 9.79 tax', async () => {
    const total = await prices.total({
        scenario: 'd2c-guest',
        address: SAN_FRANCISCO,
        methodName: 'Standard Ground'
    });
    assert.equal(total, '144.79');
});

test('Two-Day costs 14.99 less 5.00: 135.00 + 9.99 + 10.51 tax', async () => {
    const total = await prices.total({
        scenario: 'd2c-guest',
        address: SAN_FRANCISCO,
        methodName: 'Two-Day'
    });
    assert.equal(total, '155.50');
});

test('a method the address is not offered cannot be priced', async () => {
    await assert.rejects(
        prices.total({ scenario: 'd2c-guest', address: SAN_FRANCISCO, methodName: 'By Camel' }),
        /no By Camel/
    );
});
