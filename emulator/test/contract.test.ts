import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
    GUEST_CONTACT,
    HELD,
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

describe('processing, conflicts and the session record', () => {
    it('answers 202 to GET and 409 CHECKOUT_CONFLICT to writes while calculators run', async () => {
        await h.reset({ scenario: 'd2c-guest', seed: 1, ...HELD });
        const started = await h.connect('POST', '/checkouts', { cartId: 'active' });
        assert.equal(started.status, 202);
        assert.equal((await h.connect('GET', '/checkouts/active')).status, 202);
        const id = started.body.checkoutId as string;
        for (const [method, rest, body] of [
            ['PATCH', `/checkouts/${id}`, { contactInfo: GUEST_CONTACT }],
            ['DELETE', `/checkouts/${id}`, undefined],
            [
                'POST',
                '/checkouts/active/payments',
                { requestType: 'SimplePurchaseOrder', paymentToken: 'PO-1' }
            ],
            ['POST', '/checkouts/active/orders', undefined]
        ] as const) {
            const answer = await h.connect(method, rest, body);
            assert.equal(answer.status, 409, `${method} ${rest}`);
            assert.deepEqual(Object.keys(answer.body[0]), ['errorCode', 'message']);
            assert.equal(answer.body[0].errorCode, 'CHECKOUT_CONFLICT');
        }
        // A start while processing resumes rather than conflicts.
        const again = await h.connect('POST', '/checkouts', { cartId: 'active' });
        assert.equal(again.status, 202);
        assert.equal(again.body.checkoutId, started.body.checkoutId);
    });

    it('moves the CartCheckoutSession through the calculator states', async () => {
        // Payment is not the subject here (paymentRequired.test.ts).
        await h.reset({
            scenario: 'b2b-buyer',
            paymentRequired: false,
            seed: 1,
            timeScale: 1,
            faults: {
                latencyMs: [0, 0],
                processingMs: {
                    inventory: [30, 30],
                    pricing: [30, 30],
                    promotions: [30, 30],
                    shipping: [30, 30],
                    tax: [30, 30],
                    order: [30, 30]
                }
            }
        });
        const { body } = await h.connect('POST', '/checkouts', { cartId: 'active' });
        const seen: string[] = [];
        for (let i = 0; i < 2000; i++) {
            const session = (
                await h.apex('CheckoutSessionController.getSession', {
                    checkoutId: body.checkoutId
                })
            ).body;
            if (seen[seen.length - 1] !== session.state) seen.push(session.state);
            if (!session.isProcessing) break;
            assert.ok(session.nextState, 'processing has a next state');
            assert.match(session.backgroundOperationId, /^0Ya/);
        }
        assert.deepEqual(seen.slice(-1), ['Checkout Summary']);
        // Observed states follow the calculator order; a fast poll may skip one but never reorders.
        const order = ['Inventory', 'Confirm Price', 'Shipping Cost', 'Taxes', 'Checkout Summary'];
        const indexes = seen.map((s) => order.indexOf(s));
        assert.ok(
            indexes.every((v, i) => v >= 0 && (i === 0 || v > indexes[i - 1])),
            seen.join(' → ')
        );

        const record = (await h.state()).session!;
        for (const field of [
            'BackgroundOperationId',
            'CurrencyIsoCode',
            'IsArchived',
            'IsError',
            'IsProcessing',
            'Name',
            'NextState',
            'OrderId',
            'OrderReferenceNumber',
            'State',
            'WebCartId'
        ]) {
            assert.ok(field in record, field);
        }
        assert.equal(record.State, 'Checkout Summary');
        assert.equal(record.IsProcessing, false);

        const placed = await h.connect('POST', '/checkouts/active/orders');
        assert.equal(placed.status, 201);
        const states: string[] = [];
        for (let i = 0; i < 2000; i++) {
            const session = (await h.state()).session!;
            if (states[states.length - 1] !== session.State) states.push(session.State as string);
            if (session.State === 'Complete') {
                assert.match(session.OrderId as string, /^801/);
                assert.equal(session.IsArchived, true);
                assert.equal(session.OrderReferenceNumber, placed.body.orderReferenceNumber);
                break;
            }
        }
        assert.equal(states[states.length - 1], 'Complete');
    });

    it('session for an unknown checkout is null', async () => {
        const answer = await h.apex('CheckoutSessionController.getSession', {
            checkoutId: '2z9SG0000000000AAA'
        });
        assert.equal(answer.status, 200);
        assert.equal(answer.body, null);
    });
});

describe('payments, delete and delivery method side effects', () => {
    async function payWithBilling(): Promise<void> {
        const paid = await h.connect('POST', '/checkouts/active/payments', {
            requestType: 'SimplePurchaseOrder',
            paymentToken: 'PO-12345',
            billingAddress: {
                name: 'Accounts Payable',
                street: '500 Market St',
                city: 'San Francisco',
                region: 'CA',
                postalCode: '94104',
                country: 'US'
            }
        });
        assert.equal(paid.status, 200);
        assert.equal(paid.body.salesforceResultCode, 'Success');
        const state = await h.state();
        assert.equal(state.payments.length, 1);
    }

    it('DELETE answers 204 and clears payment and billing address', async () => {
        await h.reset({ scenario: 'b2b-buyer', seed: 1, ...INSTANT });
        const id = await startReady(h);
        await payWithBilling();
        const deleted = await h.connect('DELETE', `/checkouts/${id}`);
        assert.equal(deleted.status, 204);
        assert.equal(deleted.body, null);
        const state = await h.state();
        assert.deepEqual(state.payments, []);
        assert.equal(state.checkout, null);
        assert.equal(state.checkoutStatus, 410);
        assert.equal(state.session!.IsArchived, true);
        assert.equal((await h.connect('GET', `/checkouts/${id}`)).status, 410);
        assert.equal((await h.connect('GET', '/checkouts/active')).status, 404);
        // A new start makes a new session.
        const restarted = await startReady(h);
        assert.notEqual(restarted, id);
    });

    it('a deliveryMethodId PATCH clears payment and the billing address', async () => {
        await h.reset({ scenario: 'b2b-buyer', seed: 1, ...INSTANT });
        const id = await startReady(h);
        await payWithBilling();
        const ready = (await h.waitReady()).body;
        const other = ready.deliveryGroups.items[0].availableDeliveryMethods.find(
            (m: { id: string }) => m.id !== ready.deliveryGroups.items[0].selectedDeliveryMethod.id
        );
        assert.equal(
            (await h.connect('PATCH', `/checkouts/${id}`, { deliveryMethodId: other.id })).status,
            202
        );
        assert.deepEqual((await h.state()).payments, []);
        // The same PO again is a fresh payment, not a replacement.
        await payWithBilling();
    });

    it('a declined payment token answers Decline with an error', async () => {
        await h.reset({ scenario: 'b2b-buyer', seed: 1, ...INSTANT });
        await startReady(h);
        const answer = await h.connect('POST', '/checkouts/active/payments', {
            requestType: 'Auth',
            paymentToken: 'decline'
        });
        assert.equal(answer.status, 200);
        assert.equal(answer.body.salesforceResultCode, 'Decline');
        assert.equal(answer.body.errors[0].type, '/commerce/payment');
    });

    it('refuses a change of payment type', async () => {
        await h.reset({ scenario: 'b2b-buyer', seed: 1, ...INSTANT });
        await startReady(h);
        await payWithBilling();
        const answer = await h.connect('POST', '/checkouts/active/payments', {
            requestType: 'Auth',
            paymentToken: 'pm_1'
        });
        assert.equal(answer.status, 400);
    });
});

describe('place order', () => {
    it('is idempotent per checkout: a second call returns the same order reference', async () => {
        await h.reset({ scenario: 'b2b-buyer', paymentRequired: false, seed: 1, ...INSTANT });
        const id = await startReady(h);
        const first = await h.connect('POST', '/checkouts/active/orders');
        assert.equal(first.status, 201);
        assert.match(first.body.orderReferenceNumber, /^[A-Z0-9]{5}(-[A-Z0-9]{5}){3}$/);
        const second = await h.connect('POST', '/checkouts/active/orders');
        assert.equal(second.status, 201);
        assert.equal(second.body.orderReferenceNumber, first.body.orderReferenceNumber);
        const state = await h.state();
        assert.equal(state.orders.length, 1);
        assert.equal(
            (await h.connect('GET', '/checkouts/active')).body.orderReferenceNumber,
            first.body.orderReferenceNumber
        );
        // The checkout can't change after the order.
        assert.equal(
            (await h.connect('PATCH', `/checkouts/${id}`, { contactInfo: GUEST_CONTACT })).status,
            400
        );
    });

    it('records on the order the payment the checkout held', async () => {
        const billingAddress = {
            street: '500 Market St',
            city: 'San Francisco',
            region: 'CA',
            postalCode: '94104',
            country: 'US'
        };
        await h.reset({ scenario: 'b2b-buyer', seed: 1, ...INSTANT });
        await startReady(h);
        for (const paymentToken of ['PO-1', 'PO-2']) {
            const paid = await h.connect('POST', '/checkouts/active/payments', {
                requestType: 'SimplePurchaseOrder',
                paymentToken,
                billingAddress
            });
            assert.equal(paid.status, 200);
        }
        assert.equal((await h.connect('POST', '/checkouts/active/orders')).status, 201);
        const [order] = (await h.state()).orders as Array<{ payment: Record<string, unknown> }>;
        // The replaced PO-1 is not what the order was placed with.
        assert.equal(order.payment.paymentToken, 'PO-2');
        assert.equal(order.payment.requestType, 'SimplePurchaseOrder');
        assert.deepEqual(
            { ...(order.payment.billingAddress as object), id: undefined },
            { ...billingAddress, id: undefined }
        );
    });

    it('records no payment on an order placed without one', async () => {
        // A store that takes orders without a payment (b2b-buyer requires one by default).
        await h.reset({ scenario: 'b2b-buyer', seed: 1, ...INSTANT, paymentRequired: false });
        await startReady(h);
        assert.equal((await h.connect('POST', '/checkouts/active/orders')).status, 201);
        const [order] = (await h.state()).orders as Array<{ payment: unknown }>;
        assert.equal(order.payment, null);
    });

    it('answers 412 saying what is missing', async () => {
        await h.reset({ scenario: 'd2c-guest', seed: 1, ...INSTANT });
        await startReady(h);
        const answer = await h.connect('POST', '/checkouts/active/orders');
        assert.equal(answer.status, 412);
        const titles = answer.body.errors.map((e: { title: string }) => e.title).join(' | ');
        assert.match(titles, /Contact/);
        assert.match(titles, /shipping address/);
        assert.deepEqual((await h.state()).orders, []);
    });

    it('places a digital-only order without address or delivery method', async () => {
        await h.reset({ scenario: 'digital-only', seed: 1, ...INSTANT });
        const id = await startReady(h);
        const ready = (await h.waitReady(id)).body;
        assert.equal(ready.deliveryGroups.items[0].isAllDigitalCartItems, true);
        const method = await h.connect('PATCH', `/checkouts/${id}`, {
            deliveryMethodId: '2DmSG0000000000AAA'
        });
        assert.equal(method.status, 400);
        await h.connect('PATCH', `/checkouts/${id}`, { contactInfo: GUEST_CONTACT });
        const placed = await h.connect('POST', '/checkouts/active/orders');
        assert.equal(placed.status, 201);
    });
});

describe('multiple delivery groups', () => {
    it('updates a non-default group through the cart delivery-group resource', async () => {
        await h.reset({ scenario: 'multi-group', seed: 1, ...INSTANT });
        await startReady(h);
        const state = await h.state();
        const groups = state.checkout!.deliveryGroups as {
            count: number;
            items: { id: string; deliveryAddress: unknown }[];
        };
        assert.ok(groups.count >= 2);
        const second = groups.items[1];
        assert.equal(second.deliveryAddress, null);
        const missing = await h.connect('POST', '/checkouts/active/orders');
        assert.equal(missing.status, 412);

        const path = `/carts/${state.cartId}/delivery-groups/${second.id}`;
        const patched = await h.connect('PATCH', path, {
            deliveryAddress: {
                name: 'Warehouse',
                street: '1200 Harbor Blvd',
                city: 'Portland',
                region: 'OR',
                postalCode: '97209',
                country: 'US'
            }
        });
        assert.equal(patched.status, 202);
        assert.equal(patched.body.id, second.id);
        const ready = (await h.waitReady()).body;
        const updated = ready.deliveryGroups.items[1];
        assert.equal(updated.deliveryAddress.city, 'Portland');
        assert.ok(updated.selectedDeliveryMethod);
        // Only deliveryMethodId alone on the group resource.
        const mixed = await h.connect('PATCH', path, {
            deliveryMethodId: updated.availableDeliveryMethods[0].id,
            shippingInstructions: 'dock 4'
        });
        assert.equal(mixed.status, 400);
        const alone = await h.connect('PATCH', path, {
            deliveryMethodId: updated.availableDeliveryMethods[1].id
        });
        assert.equal(alone.status, 202);
        assert.equal(
            (
                await h.connect(
                    'PATCH',
                    `/carts/${state.cartId}/delivery-groups/0a7SG0000000000AAA`,
                    { shippingInstructions: 'x' }
                )
            ).status,
            404
        );
        assert.equal((await h.connect('POST', '/checkouts/active/orders')).status, 201);
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
