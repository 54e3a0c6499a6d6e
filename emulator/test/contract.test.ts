/**
 * The emulator against the Connect REST contract: starting and polling a checkout, its documented output,
 * shipping, tax and promotions, contact information, and the buyer's account addresses and session context.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
    GUEST_CONTACT,
    INSTANT,
    SF_ADDRESS,
    startHarness,
    startReady,
    type Harness
} from './helpers';

let h: Harness;
before(async () => {
    h = await startHarness();
});
after(async () => {
    await h.close();
});

const ID = /^[0-9A-Za-z]{18}$/;

describe('start and poll', () => {
    it('starts with 202 and a 2z9 checkout id, then polls 202 until 200', async () => {
        await h.reset({
            scenario: 'd2c-guest',
            seed: 1,
            timeScale: 1,
            faults: {
                latencyMs: [0, 0],
                processingMs: { inventory: [20, 20], pricing: [20, 20], promotions: [20, 20] }
            }
        });
        const started = await h.connect('POST', '/checkouts', { cartId: 'active' });
        assert.equal(started.status, 202);
        assert.deepEqual(Object.keys(started.body), ['checkoutId']);
        assert.match(started.body.checkoutId, /^2z9/);
        assert.match(started.body.checkoutId, ID);
        const first = await h.connect('GET', '/checkouts/active');
        assert.equal(first.status, 202);
        assert.equal(first.body.statusCode, '202');
        const ready = await h.waitReady();
        assert.equal(ready.status, 200);
        assert.equal(ready.body.statusCode, '200');
        assert.equal(ready.body.checkoutId, started.body.checkoutId);
    });

    it('serves the documented Checkout output: ids, money as strings, delivery groups', async () => {
        await h.reset({ scenario: 'd2c-guest', seed: 1, ...INSTANT });
        const id = await startReady(h);
        const { body } = await h.connect('GET', `/checkouts/${id}`);
        const summary = body.cartSummary;
        assert.match(summary.cartId, /^0a6/);
        assert.match(summary.webstoreId, /^0ZE/);
        for (const key of [
            'grandTotalAmount',
            'totalProductAmount',
            'totalTaxAmount',
            'totalChargeAmount',
            'totalListPrice'
        ]) {
            assert.equal(typeof summary[key], 'string', key);
            assert.match(summary[key], /^-?\d+\.\d{2}$/, key);
        }
        assert.equal(typeof summary.totalProductCount, 'string');
        assert.equal(typeof summary.uniqueProductCount, 'number');
        assert.equal(body.deliveryGroups.count, 1);
        const group = body.deliveryGroups.items[0];
        assert.match(group.id, /^0a7/);
        assert.equal(group.isDefault, true);
        assert.deepEqual(group.availableDeliveryMethods, []);
        assert.deepEqual(body.errors, []);
        assert.equal(body.orderReferenceNumber, null);
        // No address yet: the promotion applies but no shipping or tax.
        assert.equal(summary.totalProductAmount, '150.00');
        assert.equal(summary.totalPromotionalAdjustmentAmount, '-15.00');
        assert.equal(summary.grandTotalAmount, '135.00');
    });

    it('resumes the existing session: a second start answers the same checkout', async () => {
        await h.reset({ scenario: 'd2c-guest', seed: 1, ...INSTANT });
        const id = await startReady(h);
        const again = await h.connect('PUT', '/checkouts', { cartId: 'active' });
        assert.equal(again.status, 200);
        assert.equal(again.body.checkoutId, id);
    });

    it('answers under both path prefixes and any API version from 55.0', async () => {
        await h.reset({ scenario: 'd2c-guest', seed: 1, ...INSTANT });
        const id = await startReady(h);
        const lwr = await h.connect('GET', `/checkouts/${id}`, undefined, { prefix: 'webruntime' });
        assert.equal(lwr.status, 200);
        assert.equal(lwr.body.checkoutId, id);
        const old = await h.connect('GET', '/checkouts/active', undefined, { version: 'v55.0' });
        assert.equal(old.status, 200);
        const tooOld = await h.connect('GET', '/checkouts/active', undefined, { version: 'v54.0' });
        assert.equal(tooOld.status, 404);
        const putTooOld = await h.connect(
            'PUT',
            '/checkouts',
            { cartId: 'active' },
            { version: 'v56.0' }
        );
        assert.equal(putTooOld.status, 405);
    });

    it('accepts the documented query parameters and refuses a foreign effective account', async () => {
        await h.reset({ scenario: 'b2b-buyer', seed: 1, ...INSTANT });
        const state = await h.state();
        const started = await h.connect(
            'POST',
            '/checkouts',
            { cartId: 'active' },
            { query: `effectiveAccountId=${state.accountId}&language=en-US` }
        );
        assert.equal(started.status, 202);
        const ready = await h.waitReady();
        assert.equal(ready.status, 200);
        const foreign = await h.connect('GET', '/checkouts/active', undefined, {
            query: 'effectiveAccountId=001SG0000000000AAA'
        });
        assert.equal(foreign.status, 404);
        const badLanguage = await h.connect('GET', '/checkouts/active', undefined, {
            query: 'language=not a locale'
        });
        assert.equal(badLanguage.status, 400);
    });

    it('applies the buyer default address at start with shouldUseDefaultAddress', async () => {
        await h.reset({ scenario: 'b2b-buyer', seed: 1, ...INSTANT });
        const state = await h.state();
        const addresses = await h.connect(
            'GET',
            `/accounts/${state.accountId}/addresses`,
            undefined,
            { query: 'addressType=Shipping' }
        );
        const saved = addresses.body.items.find((a: { isDefault: boolean }) => a.isDefault);
        await h.connect('POST', '/checkouts', {
            cartId: 'active',
            deliveryAddressInput: { shouldUseDefaultAddress: true }
        });
        const group = (await h.waitReady()).body.deliveryGroups.items[0];
        assert.equal(group.deliveryAddress.id, saved.addressId);
        assert.equal(group.deliveryAddress.street, saved.street);
    });

    it('applies deliveryAddressInput at start and runs shipping and tax', async () => {
        await h.reset({ scenario: 'd2c-guest', seed: 1, ...INSTANT });
        const started = await h.connect('POST', '/checkouts', {
            cartId: 'active',
            deliveryAddressInput: {
                name: 'Alan Johnson',
                street: '1 Main St',
                city: 'Austin',
                region: 'TX',
                postalCode: '78701',
                country: 'US'
            }
        });
        assert.equal(started.status, 202);
        const ready = await h.waitReady();
        const group = ready.body.deliveryGroups.items[0];
        assert.equal(group.deliveryAddress.city, 'Austin');
        assert.ok(group.availableDeliveryMethods.length > 0);
        assert.notEqual(ready.body.cartSummary.totalTaxAmount, '0.00');
    });
});

describe('shipping, tax and promotions', () => {
    it('generates delivery methods for the address and selects the cheapest', async () => {
        await h.reset({ scenario: 'd2c-guest', seed: 1, ...INSTANT });
        const id = await startReady(h);
        const patched = await h.connect('PATCH', `/checkouts/${id}`, {
            deliveryAddress: SF_ADDRESS
        });
        assert.equal(patched.status, 202);
        const ready = await h.waitReady();
        const group = ready.body.deliveryGroups.items[0];
        const methods = group.availableDeliveryMethods;
        assert.ok(methods.length >= 2);
        for (const method of methods) {
            assert.match(method.id, /^2Dm/);
            assert.equal(typeof method.shippingFee, 'string');
            assert.equal(typeof method.adjustedShippingFee, 'string');
            assert.ok(method.carrier);
            assert.ok(
                Date.parse(method.earliestEstimatedDeliveryTime) <=
                    Date.parse(method.latestEstimatedDeliveryTime)
            );
            assert.equal(method.transitTimeUnit, 'Days');
        }
        assert.ok(
            methods.some(
                (m: { shippingFee: string; adjustedShippingFee: string }) =>
                    m.shippingFee !== m.adjustedShippingFee
            ),
            'a promotional fee'
        );
        const cheapest = Math.min(
            ...methods.map((m: { adjustedShippingFee: string }) => Number(m.adjustedShippingFee))
        );
        assert.equal(Number(group.selectedDeliveryMethod.adjustedShippingFee), cheapest);
        // 150.00 − 15.00 promotion + 0.00 shipping, 7.25% California tax on 135.00.
        assert.equal(ready.body.cartSummary.totalTaxAmount, '9.79');
        assert.equal(ready.body.cartSummary.grandTotalAmount, '144.79');
    });

    it('recomputes tax and totals after a delivery method change', async () => {
        await h.reset({ scenario: 'd2c-guest', seed: 1, ...INSTANT });
        const id = await startReady(h);
        await h.connect('PATCH', `/checkouts/${id}`, { deliveryAddress: SF_ADDRESS });
        const before = (await h.waitReady()).body;
        const overnight = before.deliveryGroups.items[0].availableDeliveryMethods.find(
            (m: { name: string }) => m.name === 'Overnight'
        );
        const patched = await h.connect('PATCH', `/checkouts/${id}`, {
            deliveryMethodId: overnight.id
        });
        assert.equal(patched.status, 202);
        const after = (await h.waitReady()).body;
        assert.equal(after.deliveryGroups.items[0].selectedDeliveryMethod.id, overnight.id);
        assert.equal(after.cartSummary.totalChargeAmount, '29.99');
        // (135.00 + 29.99) × 7.25% = 11.96
        assert.equal(after.cartSummary.totalTaxAmount, '11.96');
        assert.equal(after.cartSummary.grandTotalAmount, '176.95');
    });

    it('yields no delivery methods for the test postal code or an unserved country (422 with a shipping error)', async () => {
        for (const address of [
            { ...SF_ADDRESS, postalCode: '00000' },
            { name: 'A B', street: 'Av. Paulista 1000', city: 'São Paulo', country: 'BR' }
        ]) {
            await h.reset({ scenario: 'd2c-guest', seed: 1, ...INSTANT });
            const id = await startReady(h);
            await h.connect('PATCH', `/checkouts/${id}`, { deliveryAddress: address });
            const answer = await h.waitReady();
            assert.equal(answer.status, 422);
            const group = answer.body.deliveryGroups.items[0];
            assert.deepEqual(group.availableDeliveryMethods, []);
            assert.equal(group.selectedDeliveryMethod, null);
            assert.equal(answer.body.errors[0].type, '/commerce/errors/shipping-failure');
            assert.ok(answer.body.errors[0].title && answer.body.errors[0].detail);
            const session = (await h.state()).session!;
            assert.equal(session.IsError, true);
            assert.equal(session.State, 'Error');
            // A better address recovers.
            await h.connect('PATCH', `/checkouts/${id}`, { deliveryAddress: SF_ADDRESS });
            assert.equal((await h.waitReady()).status, 200);
        }
    });

    it('varies methods by country and region (remote US states have no overnight)', async () => {
        await h.reset({ scenario: 'd2c-guest', seed: 1, ...INSTANT });
        const id = await startReady(h);
        await h.connect('PATCH', `/checkouts/${id}`, {
            deliveryAddress: { ...SF_ADDRESS, region: 'HI', city: 'Honolulu', postalCode: '96813' }
        });
        const hawaii = (
            await h.waitReady()
        ).body.deliveryGroups.items[0].availableDeliveryMethods.map(
            (m: { name: string }) => m.name
        );
        assert.ok(!hawaii.includes('Overnight'));
        await h.connect('PATCH', `/checkouts/${id}`, {
            deliveryAddress: {
                name: 'A B',
                street: '1 Rue de Rivoli',
                city: 'Paris',
                postalCode: '75001',
                country: 'FR'
            }
        });
        const france = (await h.waitReady()).body.deliveryGroups.items[0].availableDeliveryMethods;
        assert.ok(france.every((m: { carrier: string }) => m.carrier === 'DHL'));
    });
});

describe('contact information', () => {
    it('saves contactInfo alone with 200 and no calculators', async () => {
        await h.reset({ scenario: 'd2c-guest', seed: 1, ...INSTANT });
        const id = await startReady(h);
        const answer = await h.connect('PATCH', `/checkouts/${id}`, {
            contactInfo: GUEST_CONTACT
        });
        assert.equal(answer.status, 200);
        assert.deepEqual(answer.body.contactInfo, GUEST_CONTACT);
    });

    it('prefills the signed-in buyer and their default address', async () => {
        await h.reset({ scenario: 'b2b-buyer', seed: 1, ...INSTANT });
        const ready = (await h.waitReady(await startReady(h))).body;
        assert.equal(ready.contactInfo.email, 'dana.whitfield@example.com');
        const group = ready.deliveryGroups.items[0];
        assert.equal(group.deliveryAddress.city, 'San Francisco');
        assert.ok(group.selectedDeliveryMethod);
        assert.match(ready.cartSummary.accountId, /^001/);
    });
});

describe('account addresses and session context', () => {
    it('lists the buyer account addresses, paged', async () => {
        await h.reset({ scenario: 'b2b-buyer', seed: 1, ...INSTANT });
        const { accountId } = await h.state();
        const page = await h.connect('GET', `/accounts/${accountId}/addresses`, undefined, {
            query: 'addressType=Shipping&pageSize=2'
        });
        assert.equal(page.status, 200);
        assert.equal(page.body.count, 2);
        assert.ok(page.body.nextPageToken);
        for (const a of page.body.items) {
            assert.match(a.addressId, /^8lW/);
            assert.equal(a.addressType, 'Shipping');
        }
        const next = await h.connect('GET', `/accounts/${accountId}/addresses`, undefined, {
            query: `addressType=Shipping&pageSize=2&pageToken=${page.body.nextPageToken}`
        });
        assert.equal(next.body.count, 1);
        assert.equal(next.body.nextPageToken, null);
        const context = await h.connect('GET', '/session-context');
        assert.deepEqual(context.body, { effectiveAccountId: accountId, isLoggedIn: true });
    });

    it('refuses a guest with 403 and reports a guest session context', async () => {
        await h.reset({ scenario: 'd2c-guest', seed: 1, ...INSTANT });
        assert.equal(
            (await h.connect('GET', '/accounts/001SG00000001ouAAA/addresses')).status,
            403
        );
        assert.deepEqual((await h.connect('GET', '/session-context')).body, {
            effectiveAccountId: null,
            isLoggedIn: false
        });
    });
});
