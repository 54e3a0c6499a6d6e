import {
    DEFAULT_POLL_TUNING,
    ReadinessEstimator,
    firstPollOffset,
    nextPollOffset,
    planFor
} from '../polling';
import { DEFAULT_GROUP, SAMPLE_ADDRESS, setup } from './support/fakeCheckout';
import type { CheckoutSnapshot } from '../types';

const address = (street: string) => ({ deliveryAddress: { ...SAMPLE_ADDRESS, street } });

function pollsAfter(server: ReturnType<typeof setup>['server'], sentAfter: number): number {
    return server.requestsOf('GET', '/checkouts/').filter((get) => get.sentAt >= sentAfter).length;
}

describe('readiness polling', () => {
    it('polls through 202 answers until 200, showing processing meanwhile', async () => {
        const harness = await setup({ processingMs: { shipping: 1500 } }).loaded();
        const { server, store, clock } = harness;
        const phases: string[] = [];
        store.subscribe((snapshot) => phases.push(snapshot.phase));
        store.updateShipping(DEFAULT_GROUP, address('1 Main St'));
        await clock.advance(100);
        expect(store.getSnapshot().phase).toBe('processing');
        await harness.idle();
        const gets = server
            .requestsOf('GET', '/checkouts/')
            .filter((get) => get.sentAt > server.patches[0].sentAt);
        expect(gets.some((get) => get.status === 202)).toBe(true);
        expect(gets[gets.length - 1].status).toBe(200);
        expect(phases).toContain('processing');
        expect(store.getSnapshot().phase).toBe('ready');
    });

    it('learns how long an operation takes and needs fewer polls the next time', async () => {
        const harness = await setup({ processingMs: { shipping: 1900 } }).loaded();
        const { server, store } = harness;
        const counts: number[] = [];
        for (let i = 0; i < 4; i += 1) {
            const before = server.requests.length
                ? server.requests[server.requests.length - 1].sentAt + 1
                : 0;
            store.updateShipping(DEFAULT_GROUP, address(`${i} Main St`));
            await harness.idle();
            counts.push(pollsAfter(server, before));
        }
        expect(counts[3]).toBeLessThan(counts[0]);
        expect(counts[3]).toBeLessThanOrEqual(3);
    });

    it('gives up after the maximum wait with a labelled message and keeps the edit', async () => {
        const harness = await setup({
            processingMs: { shipping: 10 * 60 * 1000 },
            store: { polling: { maxWaitMs: 5000 } }
        }).loaded();
        const { store } = harness;
        store.updateShipping(DEFAULT_GROUP, address('1 Slow St'));
        await harness.idle();
        const snapshot = store.getSnapshot();
        const edit = snapshot.edits[`group.${DEFAULT_GROUP}.deliveryAddress`];
        expect(edit.status).toBe('failed');
        expect(edit.value).toMatchObject({ street: '1 Slow St' });
        expect(snapshot.messages.map((message) => message.message)).toContain(
            'c.CheckoutKit_ErrorTimeout'
        );
        expect(snapshot.phase).toBe('error');
    });

    it('pauses when every subscriber has gone and resumes when one comes back', async () => {
        const harness = setup({ processingMs: { start: 5000 } });
        const { server, store, clock } = harness;
        const unsubscribe = store.subscribe(() => undefined);
        void store.load();
        await clock.advance(1000);
        unsubscribe();
        await clock.advance(1000);
        const pollsWhileAway = server.requestsOf('GET', '/checkouts/').length;
        await clock.advance(10_000);
        expect(server.requestsOf('GET', '/checkouts/').length).toBeLessThanOrEqual(
            pollsWhileAway + 1
        );
        let latest: CheckoutSnapshot | undefined;
        store.subscribe((snapshot) => {
            latest = snapshot;
        });
        await clock.runUntil(() => latest?.phase === 'ready');
        expect(server.requestsOf('GET', '/checkouts/').pop()?.status).toBe(200);
    });

    it('stops polling on dispose', async () => {
        const harness = setup({ processingMs: { start: 5000 } });
        const { server, store, clock } = harness;
        void store.load();
        await clock.advance(500);
        store.dispose();
        const polls = server.requestsOf('GET', '/checkouts/').length;
        await clock.advance(20_000);
        expect(server.requestsOf('GET', '/checkouts/').length).toBeLessThanOrEqual(polls + 1);
        expect(clock.pendingTimers).toBe(0);
    });
});

describe('the poll schedule', () => {
    const tuning = DEFAULT_POLL_TUNING;
    const prior = tuning.priors.start;

    /** The send offsets of a wait's polls up to `untilMs`. */
    function schedule(estimator: ReadinessEstimator, untilMs: number): number[] {
        const plan = planFor(estimator, 'start', tuning);
        const offsets = [firstPollOffset(plan, tuning)];
        while (offsets[offsets.length - 1] < untilMs)
            offsets.push(nextPollOffset(offsets[offsets.length - 1], plan, tuning));
        return offsets;
    }

    it('starts from the prior window of the kind before anything was learned', () => {
        const estimator = new ReadinessEstimator(8);
        expect(estimator.window('deliveryMethod', [150, 600])).toEqual([150, 600]);
        expect(planFor(estimator, 'deliveryMethod', tuning)[0]).toBe(375);
    });

    it('widens a learned window by the prior: one sample is not a window of zero width', () => {
        const estimator = new ReadinessEstimator(8);
        estimator.record('start', 600);
        expect(estimator.window('start', prior)).toEqual([300, 900]);
        const offsets = schedule(estimator, 900);
        expect(offsets[0]).toBeLessThan(600);
        // A start slower than the sample is still caught with polls spaced as inside the window.
        const after = offsets.filter((offset) => offset > 600 && offset <= 900);
        expect(after.length).toBeGreaterThanOrEqual(2);
    });

    it('narrows the window as samples agree', () => {
        const estimator = new ReadinessEstimator(8);
        [600, 620, 640].forEach((ms) => estimator.record('start', ms));
        expect(estimator.window('start', prior)).toEqual([450, 790]);
    });

    it('polls most densely where waits most likely end, and spreads out past the window', () => {
        const offsets = schedule(new ReadinessEstimator(8), 6000);
        const intervals = offsets.slice(1).map((offset, index) => offset - offsets[index]);
        const densest = offsets[intervals.indexOf(Math.min(...intervals))];
        expect(densest).toBeGreaterThan(prior[0]);
        expect(densest).toBeLessThan(prior[1]);
        const pastWindow = intervals.filter((_, index) => offsets[index] > prior[1]);
        pastWindow
            .slice(1)
            .forEach((interval, index) =>
                expect(interval).toBeGreaterThanOrEqual(pastWindow[index])
            );
    });

    it('keeps every interval within its bounds', () => {
        const plan = planFor(new ReadinessEstimator(8), 'start', tuning);
        expect(nextPollOffset(1_000_000, plan, tuning) - 1_000_000).toBe(tuning.maxIntervalMs);
        const cheap = { ...tuning, pollCostMs: 0.01 };
        expect(nextPollOffset(900, plan, cheap) - 900).toBe(tuning.minIntervalMs);
    });

    it('forgets the oldest waits beyond its memory', () => {
        const estimator = new ReadinessEstimator(2);
        estimator.record('start', 100);
        estimator.record('start', 900);
        estimator.record('start', 500);
        expect(estimator.window('start', prior)).toEqual([300, 1100]);
    });
});

describe('conflicts and faults', () => {
    it('waits for readiness and retries a 409 caused elsewhere', async () => {
        const harness = await setup().loaded();
        const { server, store } = harness;
        server.scriptNext(
            'PATCH',
            '/checkouts/',
            { status: 409, body: [{ errorCode: 'CHECKOUT_CONFLICT' }] },
            2
        );
        store.updateContact({ email: 'ada@example.com' });
        await harness.idle();
        expect(server.patches.map((patch) => patch.status)).toEqual([409, 409, 200]);
        expect(server.contactInfo?.email).toBe('ada@example.com');
        expect(store.getSnapshot().edits).toEqual({});
        // Repeated conflicts: the session is read to learn whether something else is processing.
        expect(server.sessionReads).toBeGreaterThan(0);
    });

    it('surfaces a labelled message after bounded 409 retries and keeps the edit for retryFailed', async () => {
        const harness = await setup({ store: { retry: { maxConflictRetries: 2 } } }).loaded();
        const { server, store } = harness;
        server.scriptNext(
            'PATCH',
            '/checkouts/',
            { status: 409, body: [{ errorCode: 'CHECKOUT_CONFLICT' }] },
            3
        );
        store.updateContact({ email: 'ada@example.com' });
        await harness.idle();
        expect(server.patches).toHaveLength(3);
        const snapshot = store.getSnapshot();
        expect(snapshot.edits['contact.email']).toEqual({
            status: 'failed',
            value: 'ada@example.com',
            message: 'c.CheckoutKit_ErrorConflict'
        });
        expect(
            snapshot.messages.some((message) => message.code === 'CONFLICT_RETRY_EXHAUSTED')
        ).toBe(true);
        expect(snapshot.placeOrderBlockers).toContain('pending-edits');
        store.retryFailed();
        await harness.idle();
        expect(server.contactInfo?.email).toBe('ada@example.com');
        expect(store.getSnapshot().edits).toEqual({});
        expect(store.getSnapshot().messages).toEqual([]);
    });

    it('retries a 423 (cart row locked) like a conflict', async () => {
        const harness = await setup().loaded();
        const { server, store } = harness;
        server.scriptNext('PATCH', '/checkouts/', { status: 423 });
        store.updateContact({ email: 'ada@example.com' });
        await harness.idle();
        expect(server.patches.map((patch) => patch.status)).toEqual([423, 200]);
        expect(store.getSnapshot().edits).toEqual({});
    });

    it('keeps a value a failed calculation left unapplied, for retryFailed', async () => {
        const harness = await setup({ withAddress: true }).loaded();
        const { server, store } = harness;
        const stale = server.checkoutBody();
        server.scriptNext('GET', '/checkouts/', {
            status: 422,
            body: {
                ...stale,
                errors: [{ type: '/commerce/errors/checkout-failure', detail: 'Tax failed.' }]
            }
        });
        const key = `group.${DEFAULT_GROUP}.deliveryMethodId`;
        store.selectDeliveryMethod(DEFAULT_GROUP, `2Dm-exp-${DEFAULT_GROUP}`);
        await harness.idle();
        expect(store.getSnapshot().edits[key]).toEqual({
            status: 'failed',
            value: `2Dm-exp-${DEFAULT_GROUP}`,
            message: 'c.CheckoutKit_ErrorCalculation'
        });
        expect(store.getSnapshot().deliveryGroups[0].selectedDeliveryMethodId).toBe(
            `2Dm-exp-${DEFAULT_GROUP}`
        );
        store.retryFailed();
        await harness.idle();
        expect(store.getSnapshot().edits).toEqual({});
        expect(server.groups[0].selectedMethodId).toBe(`2Dm-exp-${DEFAULT_GROUP}`);
    });

    it('keeps the edit after network failures and sends it again on retryFailed', async () => {
        const harness = await setup().loaded();
        const { server, store } = harness;
        server.scriptNext('PATCH', '/checkouts/', 'network', 4);
        store.updateContact({ firstName: 'Ada' });
        await harness.idle();
        expect(store.getSnapshot().edits['contact.firstName']).toEqual({
            status: 'failed',
            value: 'Ada',
            message: 'c.CheckoutKit_ErrorNetwork'
        });
        expect(store.getSnapshot().contactInfo.firstName).toBe('Ada');
        store.retryFailed();
        await harness.idle();
        expect(server.contactInfo?.firstName).toBe('Ada');
    });

    it('retries 5xx answers with back-off', async () => {
        const harness = await setup().loaded();
        const { server, store } = harness;
        server.scriptNext('PATCH', '/checkouts/', { status: 503 }, 2);
        store.updateContact({ firstName: 'Ada' });
        await harness.idle();
        const [first, second, third] = server.patches;
        expect([first.status, second.status, third.status]).toEqual([503, 503, 200]);
        expect(third.sentAt - second.answeredAt).toBeGreaterThan(second.sentAt - first.answeredAt);
        expect(server.contactInfo?.firstName).toBe('Ada');
    });

    it('waits for the online event while offline', async () => {
        let online = false;
        let notify: () => void = () => undefined;
        const harness = await setup({
            store: {
                connectivity: {
                    isOnline: () => online,
                    onOnline: (listener) => {
                        notify = listener;
                        return () => undefined;
                    }
                }
            }
        });
        const { server, store, clock } = harness;
        online = true;
        await harness.loaded();
        online = false;
        store.updateContact({ firstName: 'Ada' });
        await clock.advance(60_000);
        expect(server.patches).toHaveLength(0);
        expect(store.getSnapshot().messages.map((message) => message.code)).toContain('OFFLINE');
        online = true;
        notify();
        await harness.idle();
        expect(server.contactInfo?.firstName).toBe('Ada');
        expect(store.getSnapshot().messages).toEqual([]);
    });

    it('surfaces a calculator error of a 422 once, as the real reason for the session error state', async () => {
        const harness = await setup().loaded();
        const { server, store } = harness;
        server.failNextCalculation = {
            type: '/commerce/errors/shipping-failure',
            title: 'No carrier serves this address.',
            detail: 'System.CalloutException: Read timed out'
        };
        store.updateShipping(DEFAULT_GROUP, address('1 Nowhere Rd'));
        await harness.idle();
        const snapshot = store.getSnapshot();
        expect(snapshot.phase).toBe('error');
        expect(snapshot.session?.isError).toBe(true);
        // The title is written for shoppers; the technical detail never shows.
        expect(snapshot.messages.map((message) => message.message)).toEqual([
            'No carrier serves this address.'
        ]);
        expect(snapshot.placeOrderBlockers).toContain('calculation-failed');
        expect(snapshot.placeOrderBlockers).not.toContain('session-error');
        expect(snapshot.failedCalculations).toEqual([
            { calculation: 'shipping', message: 'No carrier serves this address.' }
        ]);
        expect(snapshot.canPlaceOrder).toBe(false);
        // The address landed; fixing it clears the error.
        store.updateShipping(DEFAULT_GROUP, address('1 Main St'));
        await harness.idle();
        expect(store.getSnapshot().phase).toBe('ready');
        expect(store.getSnapshot().messages).toEqual([]);
    });

    it('turns an IsError session seen after repeated conflicts into the error state', async () => {
        const harness = await setup().loaded();
        const { server, store } = harness;
        server.session = { ...server.session, isError: true, state: 'Error' };
        server.scriptNext('PATCH', '/checkouts/', { status: 409 }, 2);
        store.updateContact({ firstName: 'Ada' });
        await harness.idle();
        expect(store.getSnapshot().session?.isError).toBe(true);
        expect(store.getSnapshot().phase).toBe('error');
        expect(store.getSnapshot().placeOrderBlockers).toContain('session-error');
    });

    it('shows a labelled message when the checkout cannot be loaded', async () => {
        const harness = setup();
        const { server, store, clock } = harness;
        server.scriptNext('PUT', '/checkouts', { status: 500 }, 10);
        await clock.resolve(store.load());
        expect(store.getSnapshot().phase).toBe('error');
        expect(store.getSnapshot().messages.map((message) => message.message)).toEqual([
            'c.CheckoutKit_ErrorLoad'
        ]);
    });
});
