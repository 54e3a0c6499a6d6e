import { configureCheckoutStore } from '../checkoutStore';
import { DEFAULT_POLL_TUNING, ReadinessEstimator, firstPollOffset, planFor } from '../polling';
import { SAMPLE_ADDRESS, setup } from './support/fakeCheckout';
import type { StoreOptions } from '../types';

type TimingStorage = NonNullable<NonNullable<StoreOptions['learnedTimings']>['storage']>;

const WEBSTORE = '0ZE000000000001';
const KEY = `checkoutKit.pollTimings.v1.${WEBSTORE}`;

/** Where the first poll of a wait of `kind` goes after these samples (none: as the prior says). */
function firstPollFrom(samples: number[] = [], kind: 'start' | 'shipping' = 'start'): number {
    const estimator = new ReadinessEstimator(DEFAULT_POLL_TUNING.memory);
    samples.forEach((ms) => estimator.record(kind, ms));
    return firstPollOffset(planFor(estimator, kind, DEFAULT_POLL_TUNING), DEFAULT_POLL_TUNING);
}
const PRIOR_FIRST_POLL = firstPollFrom();

function memoryStorage(entries: Record<string, string> = {}): TimingStorage & {
    items: Map<string, string>;
} {
    const items = new Map(Object.entries(entries));
    return {
        items,
        getItem: (key) => items.get(key) ?? null,
        setItem: (key, value) => void items.set(key, value)
    };
}

const stored = (samples: unknown) => JSON.stringify(samples);

/** Loads a guest checkout; resolves with how long after the start's answer the first poll went. */
async function firstPollAfterStart(learnedTimings?: StoreOptions['learnedTimings']) {
    const harness = await setup({ store: { learnedTimings } }).loaded();
    const start = harness.server.requestsOf('PUT', '/checkouts')[0];
    const firstPoll = harness.server.requestsOf('GET', '/checkouts/')[0];
    return firstPoll.sentAt - start.answeredAt;
}

describe('learned timings across page loads', () => {
    it('without the option behaves as the priors say', async () => {
        expect(await firstPollAfterStart()).toBe(PRIOR_FIRST_POLL);
    });

    it('starts from the stored estimates of its webstore', async () => {
        const storage = memoryStorage({ [KEY]: stored({ start: [800] }) });
        const firstPoll = await firstPollAfterStart({ webstoreId: WEBSTORE, storage });
        expect(firstPoll).toBe(firstPollFrom([800]));
        expect(firstPoll).not.toBe(PRIOR_FIRST_POLL);
    });

    it('keeps what a page load learned for the next one', async () => {
        const storage = memoryStorage();
        await firstPollAfterStart({ webstoreId: WEBSTORE, storage });
        const kept = JSON.parse(storage.items.get(KEY) ?? 'null');
        expect(kept.start).toHaveLength(1);
        const nextPageLoad = await firstPollAfterStart({ webstoreId: WEBSTORE, storage });
        expect(nextPageLoad).toBe(firstPollFrom(kept.start));
    });

    it('keeps the start only: later waits learn again within the page', async () => {
        const storage = memoryStorage({ [KEY]: stored({ start: [800], shipping: [100] }) });
        const harness = await setup({
            processingMs: { shipping: 400 },
            store: { learnedTimings: { webstoreId: WEBSTORE, storage } }
        }).loaded();
        const { server, store } = harness;
        store.updateShipping('0a70000000000AAA', { deliveryAddress: SAMPLE_ADDRESS });
        await harness.idle();
        const patch = server.patches[0];
        const firstShippingPoll = server
            .requestsOf('GET', '/checkouts/')
            .find((get) => get.sentAt > patch.sentAt);
        expect((firstShippingPoll?.sentAt ?? 0) - patch.answeredAt).toBe(
            firstPollFrom([], 'shipping')
        );
        expect(Object.keys(JSON.parse(storage.items.get(KEY) ?? '{}'))).toEqual(['start']);
    });

    it("keeps each webstore's timings under its own key", async () => {
        const storage = memoryStorage({ [KEY]: stored({ start: [800] }) });
        const other = { webstoreId: '0ZE000000000002', storage };
        expect(await firstPollAfterStart(other)).toBe(PRIOR_FIRST_POLL);
        expect(storage.items.get(KEY)).toBe(stored({ start: [800] }));
        expect(storage.items.has('checkoutKit.pollTimings.v1.0ZE000000000002')).toBe(true);
    });

    it('uses the page localStorage when no storage is given', async () => {
        window.localStorage.setItem(KEY, stored({ start: [600] }));
        try {
            expect(await firstPollAfterStart({ webstoreId: WEBSTORE })).toBe(firstPollFrom([600]));
        } finally {
            window.localStorage.clear();
        }
    });

    it("the page's default store reads the localStorage entry of its LWR webstore", () => {
        const getItem = jest.spyOn(Storage.prototype, 'getItem');
        try {
            configureCheckoutStore({}).dispose();
            expect(getItem).toHaveBeenCalledWith('checkoutKit.pollTimings.v1.0ZEJ000000000001AA');
        } finally {
            getItem.mockRestore();
        }
    });

    describe('falls back to its priors, silently', () => {
        it.each([
            ['storage that throws on every access', () => ({ getItem: blocked, setItem: blocked })],
            ['a full storage (writes throw)', () => ({ ...memoryStorage(), setItem: blocked })],
            ['no storage', () => null]
        ])('with %s', async (_name, storage) => {
            expect(await firstPollAfterStart({ webstoreId: WEBSTORE, storage: storage() })).toBe(
                PRIOR_FIRST_POLL
            );
        });

        it('where reading localStorage itself throws (blocked cookies, some private modes)', async () => {
            const descriptor = Object.getOwnPropertyDescriptor(window, 'localStorage');
            Object.defineProperty(window, 'localStorage', { configurable: true, get: blocked });
            try {
                expect(await firstPollAfterStart({ webstoreId: WEBSTORE })).toBe(PRIOR_FIRST_POLL);
            } finally {
                if (descriptor) Object.defineProperty(window, 'localStorage', descriptor);
            }
        });
    });

    it("ignores what another version stored (under that version's key)", async () => {
        const otherVersion = `checkoutKit.pollTimings.v2.${WEBSTORE}`;
        const storage = memoryStorage({ [otherVersion]: stored({ start: [800] }) });
        expect(await firstPollAfterStart({ webstoreId: WEBSTORE, storage })).toBe(PRIOR_FIRST_POLL);
        expect(storage.items.get(otherVersion)).toBe(stored({ start: [800] }));
    });

    it.each([
        ['text that is not JSON', '{"start":'],
        ['JSON null', 'null'],
        ['a list instead of an object', stored([[800]])],
        ['a negative offset', stored({ start: [-800] })],
        [
            'an offset beyond the longest wait',
            stored({ start: [DEFAULT_POLL_TUNING.maxWaitMs + 1] })
        ],
        ['a number as text', stored({ start: ['800'] })],
        ['not a list', stored({ start: 800 })],
        ['more samples than the memory holds', stored({ start: new Array(9).fill(800) })]
    ])('ignores %s', async (_name, text) => {
        const storage = memoryStorage({ [KEY]: text });
        expect(await firstPollAfterStart({ webstoreId: WEBSTORE, storage })).toBe(PRIOR_FIRST_POLL);
    });
});

function blocked(): never {
    throw new DOMException('The operation is insecure.', 'SecurityError');
}
