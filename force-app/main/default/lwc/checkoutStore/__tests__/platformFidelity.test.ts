/**
 * The engine talks to a store the way Salesforce's own storefront does (shared/reference/platform-evidence.md):
 * the query every checkout call carries, the start, saved addresses by id, and whose words reach the shopper.
 */
import { calculationLabel, readRefusal, shopperSafe } from '../answers';
import { DEFAULT_GROUP, SAMPLE_ADDRESS, SAVED_ADDRESS_ID, setup } from './support/fakeCheckout';

const BUYER_ACCOUNT = '001000000000009AAA';

describe('the query of every checkout call', () => {
    it('carries language, asGuest=false, htmlEncode=false and the effective account for a buyer', async () => {
        const harness = await setup({
            withAddress: true,
            contactInfo: { email: 'ada@example.com', lastName: 'Lovelace' },
            store: { isGuest: false, language: 'en-US', effectiveAccountId: BUYER_ACCOUNT }
        }).loaded();
        const { server, store, clock } = harness;
        store.updateContact({ firstName: 'Ada' });
        await harness.idle();
        await clock.resolve(store.placeOrder());
        const checkoutCalls = server.requests.filter((request) =>
            request.path.startsWith('/checkouts')
        );
        expect(new Set(checkoutCalls.map((request) => request.method))).toEqual(
            new Set(['PUT', 'GET', 'PATCH', 'POST'])
        );
        for (const request of checkoutCalls) {
            expect(request.query).toEqual({
                language: 'en-US',
                asGuest: 'false',
                htmlEncode: 'false',
                effectiveAccountId: BUYER_ACCOUNT
            });
        }
    });

    it('says asGuest=true and names no account for a guest', async () => {
        const harness = await setup().loaded();
        const { server, store } = harness;
        store.updateContact({ email: 'ada@example.com' });
        await harness.idle();
        for (const request of server.requests.filter((r) => r.path.startsWith('/checkouts'))) {
            expect(request.query).toEqual({ asGuest: 'true', htmlEncode: 'false' });
        }
    });
});

describe('starting with PUT {cartId: "active"} (create or get)', () => {
    it('uses the checkout the cart already has when the PUT answers with it', async () => {
        const harness = setup({ withAddress: true });
        const { server, store, clock } = harness;
        server.scriptNext('PUT', '/checkouts', { status: 200, body: server.checkoutBody() });
        await clock.resolve(store.load());
        expect(server.requestsOf('PUT', '/checkouts')).toHaveLength(1);
        expect(server.requests.filter((request) => request.method === 'POST')).toEqual([]);
        expect(store.getSnapshot()).toMatchObject({
            phase: 'ready',
            checkoutId: server.checkoutId
        });
    });

    it('polls the new checkout until ready when the PUT creates one (202 with its id)', async () => {
        const { server, store } = await setup().loaded();
        expect(server.requestsOf('PUT', '/checkouts')).toHaveLength(1);
        expect(server.requestsOf('GET', `/checkouts/${server.checkoutId}`).length).toBeGreaterThan(
            0
        );
        expect(store.getSnapshot().phase).toBe('ready');
    });
});

describe('addresses as the platform takes them', () => {
    it('sends a saved account address as {id} alone', async () => {
        const harness = await setup({ guest: false, store: { isGuest: false } }).loaded();
        const { server, store } = harness;
        store.updateShipping(DEFAULT_GROUP, {
            deliveryAddress: { ...SAMPLE_ADDRESS, id: SAVED_ADDRESS_ID }
        });
        await harness.idle();
        const bodies = server.patches.map((patch) => patch.body as Record<string, unknown>);
        expect(bodies).toContainEqual(
            expect.objectContaining({ deliveryAddress: { id: SAVED_ADDRESS_ID } })
        );
        expect(store.getSnapshot().edits).toEqual({});
        expect(store.getSnapshot().checkout?.deliveryGroups.items[0].deliveryAddress?.street).toBe(
            SAMPLE_ADDRESS.street
        );
    });

    it('sends a new address without `name` (the platform composes it)', async () => {
        const harness = await setup().loaded();
        const { server, store } = harness;
        store.updateShipping(DEFAULT_GROUP, { deliveryAddress: { ...SAMPLE_ADDRESS } });
        await harness.idle();
        const sent = (server.patches[0].body as { deliveryAddress: Record<string, unknown> })
            .deliveryAddress;
        expect(sent).not.toHaveProperty('name');
        expect(sent).toMatchObject({ firstName: 'Alan', street: '415 Mission St', country: 'US' });
    });
});

describe('whose words reach the shopper', () => {
    it('shows an integration error by its title, never its technical detail', () => {
        const refusal = readRefusal(
            {
                errors: [
                    {
                        type: '/commerce/errors/shipping-failure',
                        title: "We can't ship to this address.",
                        detail: 'System.CalloutException: Read timed out'
                    }
                ]
            },
            'fallback'
        );
        expect(refusal).toEqual({
            code: '/commerce/errors/shipping-failure',
            message: "We can't ship to this address."
        });
    });

    it.each([
        ['/commerce/errors/shipping-failure', 'c.CheckoutKit_ErrorShippingCalculation'],
        ['/commerce/errors/tax-failure', 'c.CheckoutKit_ErrorTaxCalculation'],
        ['/commerce/errors/pricing-failure', 'c.CheckoutKit_ErrorPricingCalculation'],
        ['/commerce/errors/promotions-failure', 'c.CheckoutKit_ErrorPricingCalculation'],
        ['/commerce/errors/inventory-failure', 'c.CheckoutKit_ErrorInventoryCalculation']
    ])('labels %s by its type when it has no title for shoppers', (type, label) => {
        expect(calculationLabel(type)).toBe(label);
        expect(readRefusal({ type, title: 'Failed {0}', detail: 'x' }, 'fallback').message).toBe(
            label
        );
    });

    it('never shows a platform message as it is: known codes get a label, others the fallback', () => {
        expect(
            readRefusal([{ errorCode: 'CHECKOUT_CONFLICT', message: 'busy' }], 'fallback').message
        ).toBe('c.CheckoutKit_ErrorConflict');
        expect(
            readRefusal(
                [{ errorCode: 'INVALID_API_INPUT', message: "Invalid value '{0}' for field." }],
                'fallback'
            ).message
        ).toBe('fallback');
        expect(shopperSafe("Invalid value '{0}'")).toBeUndefined();
        expect(shopperSafe('Your cart changed.')).toBe('Your cart changed.');
    });

    it("puts a platform field error on the contact field, in our words, and saves the write's other fields", async () => {
        const harness = await setup().loaded();
        const { server, store } = harness;
        server.scriptNext('PATCH', `/checkouts/${server.checkoutId}`, {
            status: 400,
            body: [
                {
                    errorCode: 'INVALID_API_INPUT',
                    message: 'contactInfo.firstName is longer than 30 characters.'
                }
            ]
        });
        const longName = 'A'.repeat(35);
        store.updateContact({ firstName: longName, email: 'ada@example.com' });
        await harness.idle();
        const snapshot = store.getSnapshot();
        expect(snapshot.edits['contact.firstName']).toMatchObject({
            status: 'failed',
            value: longName,
            message: 'c.CheckoutKit_ValidationTooLong'
        });
        expect(snapshot.messages.map((message) => message.message).join(' ')).not.toMatch(
            /contactInfo|30 characters/
        );
        // The email was fine: it went again on its own and was saved.
        expect(server.contactInfo?.email).toBe('ada@example.com');
        expect(snapshot.edits['contact.email']).toBeUndefined();
    });

    it('puts a platform address field error under that address field', async () => {
        const harness = await setup().loaded();
        const { server, store } = harness;
        server.scriptNext('PATCH', `/checkouts/${server.checkoutId}`, {
            status: 400,
            body: [
                {
                    errorCode: 'INVALID_API_INPUT',
                    message: 'deliveryAddress.firstName is longer than 30 characters.'
                }
            ]
        });
        store.updateShipping(DEFAULT_GROUP, {
            deliveryAddress: { ...SAMPLE_ADDRESS, firstName: 'B'.repeat(35) }
        });
        await harness.idle();
        const snapshot = store.getSnapshot();
        expect(snapshot.validation[`group.${DEFAULT_GROUP}.deliveryAddress.firstName`]).toBe(
            'c.CheckoutKit_ValidationTooLong'
        );
        expect(snapshot.edits[`group.${DEFAULT_GROUP}.deliveryAddress`]).toMatchObject({
            status: 'failed',
            value: expect.objectContaining({ firstName: 'B'.repeat(35) })
        });
        // The store refused it (the client let it through: the platform's limit is its own).
        expect(server.patches.some((patch) => 'deliveryAddress' in (patch.body as object))).toBe(
            true
        );
    });
});
