import getSession from '@salesforce/apex/CheckoutSessionController.getSession';
import cpqCheckout from '@salesforce/apex/CpqCheckoutController.checkout';
import {
    CheckoutStateAdapter,
    configureCheckoutStore,
    getCheckoutStore,
    submitOutcomeFor,
    validateAddress,
    validateContact,
    validateCustomField
} from '../checkoutStore';
import type { CheckoutSnapshot } from '../checkoutStore';
import { connectUrl, createLwrTransport } from '../transport';
import { setup } from './support/fakeCheckout';

jest.mock('@salesforce/apex/CheckoutSessionController.getSession', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/CpqCheckoutController.checkout', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/CpqCheckoutController.getCartSummary', () => ({ default: jest.fn() }), {
    virtual: true
});

function jsonResponse(status: number, body: unknown): Response {
    return {
        status,
        text: () => Promise.resolve(body === null ? '' : JSON.stringify(body))
    } as Response;
}

describe('the wire adapter', () => {
    it('delivers snapshots of the default store until disconnected', async () => {
        const harness = setup({ withAddress: true });
        harness.store.dispose();
        const store = configureCheckoutStore(harness.storeOptions());
        const received: CheckoutSnapshot[] = [];
        const adapter = new CheckoutStateAdapter((snapshot) => received.push(snapshot));
        adapter.connect();
        adapter.update({});
        expect(received[0].phase).toBe('loading');
        await harness.clock.resolve(store.whenIdle());
        await harness.clock.runUntil(() => received[received.length - 1].phase === 'ready');
        expect(received[received.length - 1].checkoutId).toBe(harness.server.checkoutId);
        expect(Object.isFrozen(received[received.length - 1])).toBe(true);
        const count = received.length;
        adapter.disconnect();
        store.updateContact({ firstName: 'Ada' });
        await harness.clock.resolve(store.whenIdle());
        expect(received).toHaveLength(count);
    });

    it('moves connected adapters to a store that replaces the default', async () => {
        const first = setup();
        first.store.dispose();
        configureCheckoutStore(first.storeOptions());
        const received: CheckoutSnapshot[] = [];
        const adapter = new CheckoutStateAdapter((snapshot) => received.push(snapshot));
        adapter.connect();
        const second = setup();
        second.store.dispose();
        const replacement = configureCheckoutStore(second.storeOptions());
        expect(getCheckoutStore()).toBe(replacement);
        await second.clock.resolve(replacement.whenIdle());
        await second.clock.runUntil(
            () => received[received.length - 1].checkoutId === second.server.checkoutId
        );
        adapter.disconnect();
    });

    it('exports the pure helpers', () => {
        expect(submitOutcomeFor('SUBMIT-1008')).toBe('success');
        expect(validateContact({ email: 'x' })).toEqual({
            'contact.email': 'c.CheckoutKit_ValidationEmail'
        });
        expect(
            validateAddress({ name: 'A', street: 'B', country: 'US', postalCode: '12345' })
        ).toEqual({});
        expect(validateCustomField('k', 'Checkbox', 1)).toEqual({
            k: 'c.CheckoutKit_ValidationCheckbox'
        });
    });
});

describe('the production transport', () => {
    afterEach(() => {
        delete (globalThis as { fetch?: unknown }).fetch;
    });

    it('calls Connect REST same-origin through /webruntime/api, writes with the CSRF token', async () => {
        const fetchMock = jest.fn().mockResolvedValue(jsonResponse(202, { checkoutId: '2z9x' }));
        (globalThis as { fetch?: unknown }).fetch = fetchMock;
        const transport = createLwrTransport({
            basePath: '/store',
            webstoreId: '0ZE1',
            csrfToken: 'tok-1'
        });
        const response = await transport.connect('PUT', '/checkouts', {
            body: { cartId: 'active' },
            query: { language: 'en-US' }
        });
        expect(response).toEqual({ status: 202, body: { checkoutId: '2z9x' } });
        expect(fetchMock).toHaveBeenCalledWith(
            '/store/webruntime/api/services/data/v66.0/commerce/webstores/0ZE1/checkouts?language=en-US',
            expect.objectContaining({
                method: 'PUT',
                credentials: 'same-origin',
                body: '{"cartId":"active"}',
                headers: expect.objectContaining({ 'CSRF-Token': 'tok-1' })
            })
        );
        await transport.connect('GET', '/checkouts/2z9x');
        expect(fetchMock.mock.calls[1][1].headers).not.toHaveProperty('CSRF-Token');
    });

    it('still sends a write without the token where the runtime has none', async () => {
        const fetchMock = jest.fn().mockResolvedValue(jsonResponse(200, {}));
        (globalThis as { fetch?: unknown }).fetch = fetchMock;
        const transport = createLwrTransport({ basePath: '', webstoreId: '0ZE1' });
        await transport.connect('PATCH', '/checkouts/2z9x', { body: { contactInfo: {} } });
        expect(fetchMock).toHaveBeenCalledTimes(1);
        expect(fetchMock.mock.calls[0][1].headers).not.toHaveProperty('CSRF-Token');
    });

    it('reads an empty body as null', async () => {
        (globalThis as { fetch?: unknown }).fetch = jest
            .fn()
            .mockResolvedValue(jsonResponse(204, null));
        const transport = createLwrTransport({ basePath: '', webstoreId: '0ZE1' });
        expect(await transport.connect('DELETE', '/checkouts/2z9')).toEqual({
            status: 204,
            body: null
        });
    });

    it('builds URLs without a query when there is none', () => {
        expect(connectUrl('', 'W', '/checkouts/active')).toBe(
            '/webruntime/api/services/data/v66.0/commerce/webstores/W/checkouts/active'
        );
    });

    it('reaches CartCheckoutSession and Industries CPQ through Apex', async () => {
        (getSession as jest.Mock).mockResolvedValue({ checkoutId: '2z9', isError: true });
        (cpqCheckout as jest.Mock).mockResolvedValue({ messages: [], records: [] });
        const transport = createLwrTransport({ basePath: '', webstoreId: 'W' });
        expect(await transport.getSession('2z9')).toEqual({ checkoutId: '2z9', isError: true });
        expect(getSession).toHaveBeenCalledWith({ checkoutId: '2z9' });
        // Only the cart id: the namespace and policy are the admin's Custom Metadata.
        await transport.submitCpq({ cartId: 'C' });
        expect(cpqCheckout).toHaveBeenCalledWith({ cartId: 'C' });
    });

    it('builds the default store on the LWR context: session context first, then the checkout', async () => {
        const fetchMock = jest
            .fn()
            .mockResolvedValueOnce(
                jsonResponse(200, { effectiveAccountId: '001A', isLoggedIn: true })
            )
            .mockResolvedValueOnce(jsonResponse(500, null));
        (globalThis as { fetch?: unknown }).fetch = fetchMock;
        const store = configureCheckoutStore({ retry: { maxFaultRetries: 0 } });
        await store.load();
        expect(fetchMock.mock.calls[0][0]).toBe(
            '/store/webruntime/api/services/data/v66.0/commerce/webstores/0ZEJ000000000001AA/session-context'
        );
        expect(fetchMock.mock.calls[1][0]).toBe(
            '/store/webruntime/api/services/data/v66.0/commerce/webstores/0ZEJ000000000001AA/checkouts?language=en&asGuest=false&htmlEncode=false&effectiveAccountId=001A'
        );
        // The start is a write: it carries the LWR runtime's CSRF token.
        expect(fetchMock.mock.calls[1][1].headers['CSRF-Token']).toBe('jest-csrf-token');
        expect(store.getSnapshot().messages.map((message) => message.code)).toEqual([
            'LOAD_FAILED'
        ]);
        store.dispose();
    });
});
