/**
 * When the site session ends, the site answers with its login page, a redirect, 401 or 403. None of these is
 * a saved checkout: what the shopper typed is kept, they are told to sign in (or start) again, polling stops.
 */
import { DEFAULT_GROUP, SAMPLE_ADDRESS, setup } from './support/fakeCheckout';

const LOGIN_PAGE = '<!DOCTYPE html><html><body><form action="/login">Sign in</form></body></html>';

describe('an ended site session', () => {
    it.each([
        ['a 200 login page', { status: 200, body: LOGIN_PAGE }],
        [
            'a 401',
            {
                status: 401,
                body: [{ errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid' }]
            }
        ],
        ['a 403', { status: 403, body: [{ errorCode: 'FORBIDDEN', message: 'Forbidden' }] }],
        ['a redirect', { status: 302, body: null }]
    ])(
        'is never read as a save (%s): the edit is kept, failed, with a labelled way forward',
        async (_, answer) => {
            const harness = await setup().loaded();
            const { server, store } = harness;
            server.scriptNext('PATCH', `/checkouts/${server.checkoutId}`, answer);
            store.updateContact({ email: 'ada@example.com' });
            await harness.idle();
            const snapshot = store.getSnapshot();
            expect(server.contactInfo?.email).toBeUndefined();
            expect(snapshot.edits['contact.email']).toMatchObject({
                status: 'failed',
                value: 'ada@example.com',
                message: 'c.CheckoutKit_ErrorGuestSessionEnded'
            });
            expect(snapshot.messages.map((message) => message.message)).toContain(
                'c.CheckoutKit_ErrorGuestSessionEnded'
            );
            expect(server.patches).toHaveLength(1);
        }
    );

    it('stops polling at once when a GET finds the session ended, and tells a buyer to sign in again', async () => {
        const harness = await setup({ guest: false, store: { isGuest: false } }).loaded();
        const { server, store } = harness;
        const checkoutPath = `/checkouts/${server.checkoutId}`;
        server.scriptNext(
            'GET',
            checkoutPath,
            { status: 401, body: [{ errorCode: 'INVALID_SESSION_ID', message: 'x' }] },
            50
        );
        const getsBefore = server.requestsOf('GET', checkoutPath).length;
        // An address change answers 202: the calculators run, and the GETs find the session ended.
        store.updateShipping(DEFAULT_GROUP, { deliveryAddress: { ...SAMPLE_ADDRESS } });
        await harness.idle();
        expect(server.requestsOf('GET', checkoutPath).length - getsBefore).toBe(1);
        expect(store.getSnapshot().edits[`group.${DEFAULT_GROUP}.deliveryAddress`]).toMatchObject({
            status: 'failed',
            message: 'c.CheckoutKit_ErrorSignedOut'
        });
        expect(store.getSnapshot().messages.map((message) => message.code)).toContain(
            'SITE_SESSION_ENDED'
        );
    });

    it('fails the start with the same way forward when the first answer is a login page', async () => {
        const harness = setup();
        const { server, store, clock } = harness;
        server.scriptNext('PUT', '/checkouts', { status: 200, body: LOGIN_PAGE });
        await clock.resolve(store.load());
        expect(store.getSnapshot().messages.map((message) => message.message)).toEqual([
            'c.CheckoutKit_ErrorGuestSessionEnded'
        ]);
        expect(server.requestsOf('GET', '/checkouts')).toEqual([]);
    });
});
