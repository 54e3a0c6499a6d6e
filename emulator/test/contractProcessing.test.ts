/**
 * The emulator against the Connect REST contract while it works: 202 and 409 while calculators run, the
 * CartCheckoutSession's states, payments, DELETE, and what a delivery method change clears.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { GUEST_CONTACT, HELD, INSTANT, startHarness, startReady, type Harness } from './helpers';

let h: Harness;
before(async () => {
    h = await startHarness();
});
after(async () => {
    await h.close();
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
