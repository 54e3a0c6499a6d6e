/**
 * Adaptive readiness polling. After a write the server runs calculators for a while (GET answers 202), then
 * answers 200 or 422. Instead of a fixed schedule, the poller learns when each kind of operation finishes in
 * this store and places a few GETs where, in that window, the wait most likely ends (overlapping GETs are fine:
 * they are reads); past the window their spacing grows.
 * Bounded by `maxWaitMs`; paused while nothing listens; stopped on dispose.
 */
import { openTimingMemory } from './timingMemory';
import type { LearnedTimings, TimingMemory } from './timingMemory';
import type { Clock, OperationKind, PollTuning } from './types';

/**
 * Priors from what each write runs (contract §1.4 rule 9): start runs pricing, promotions and inventory, and
 * shipping and tax too when an address is known (signed-in buyers usually have a saved one); an address, date or instructions change runs shipping then tax; a
 * delivery method runs tax only; contactInfo runs nothing.
 */
export const DEFAULT_POLL_TUNING: PollTuning = {
    priors: {
        start: [300, 1500],
        startWithAddress: [900, 2600],
        contact: [0, 300],
        shipping: [700, 2000],
        deliveryMethod: [150, 600],
        customFields: [150, 1500],
        conflict: [100, 1500]
    },
    focus: 5,
    firstPollAt: 0.18,
    pollCostMs: 30,
    minIntervalMs: 40,
    maxIntervalMs: 1000,
    maxPollsInFlight: 2,
    maxWaitMs: 90000,
    memory: 8,
    waitingReadMs: 3000,
    maxWaitingReads: 40
};

/**
 * Learned across page loads: the start, which runs once per page load, so only earlier loads can teach it. Later
 * waits repeat within a page and learn there; the bench's second visit measured that one stored sample of them
 * (a window of zero width) made their waits slower, where a stored start made its wait shorter.
 */
const KEPT_ACROSS_PAGE_LOADS: OperationKind[] = ['start', 'startWithAddress'];

/**
 * Remembers, per operation kind, when readiness was first observable: measured in send offsets from the end
 * of the write, as the midpoint between the last GET that still saw 202 and the first that saw 200. With
 * `learned`, it starts from the start samples earlier page loads kept and keeps them (`timingMemory.ts`).
 */
export class ReadinessEstimator {
    private readonly timings: TimingMemory;

    constructor(
        private readonly memory: number,
        learned?: LearnedTimings
    ) {
        const { maxWaitMs } = DEFAULT_POLL_TUNING;
        this.timings = openTimingMemory(learned, KEPT_ACROSS_PAGE_LOADS, memory, maxWaitMs);
    }

    record(kind: OperationKind, readyOffsetMs: number): void {
        const list = (this.timings.samples[kind] ??= []);
        list.push(readyOffsetMs);
        if (list.length > this.memory) list.shift();
        this.timings.keep();
    }

    /**
     * The window past waits of this kind finished in (send offsets, never negative), widened on each side by half
     * the prior's width ÷ (samples + 1): one sample is not a window of zero width; many narrow it to their span.
     */
    window(kind: OperationKind, [earliest, latest]: [number, number]): [number, number] {
        const list = this.timings.samples[kind];
        const pad = (latest - earliest) / 2 / ((list?.length ?? 0) + 1);
        return list?.length
            ? [Math.min(...list) - pad, Math.max(...list) + pad]
            : [earliest, latest];
    }
}

/**
 * Where this wait expects readiness, as a log-logistic belief (durations vary by factors, and a sum of several
 * calculators gathers in the middle): [median, shape]. The median is the window's middle; the shape makes the
 * belief as tight as the window is narrow for its position.
 */
export type PollPlan = [number, number];

export function planFor(
    estimator: ReadinessEstimator,
    kind: OperationKind,
    tuning: PollTuning
): PollPlan {
    const [earliest, latest] = estimator.window(kind, tuning.priors[kind]);
    const median = Math.max(1, (earliest + latest) / 2);
    return [median, (tuning.focus * median) / (latest - earliest)];
}

/** Where the belief has `firstPollAt` of the waits over: earlier polls would mostly find it still running. */
export function firstPollOffset([median, shape]: PollPlan, tuning: PollTuning): number {
    const { firstPollAt } = tuning;
    return Math.round(median * (firstPollAt / (1 - firstPollAt)) ** (1 / shape));
}

/**
 * The send offset of the poll after one sent at `offset`: the interval that balances a poll's cost against the
 * lag it saves is √(2 · pollCostMs ÷ hazard), the hazard being how likely the wait ends now if it has not yet;
 * for a log-logistic belief 1 ÷ hazard = t · (1 + (t ÷ median)^−shape) ÷ shape. Polls gather where waits end
 * and spread out past the window, where each one catches less.
 */
export function nextPollOffset(
    offset: number,
    [median, shape]: PollPlan,
    tuning: PollTuning
): number {
    const interval = Math.sqrt(
        (2 * tuning.pollCostMs * offset * (1 + (offset / median) ** -shape)) / shape
    );
    return Math.round(
        offset + Math.min(tuning.maxIntervalMs, Math.max(tuning.minIntervalMs, interval))
    );
}

export type ProbeResult<T> = { settled: true; value: T } | { settled: false };

export type PollOutcome<T> =
    { outcome: 'settled'; value: T } | { outcome: 'timeout' | 'cancelled' };

export interface PollRequest<T> {
    kind: OperationKind;
    clock: Clock;
    tuning: PollTuning;
    estimator: ReadinessEstimator;
    /** One GET. A rejection (network failure) counts as "not ready yet". */
    probe(signal: AbortSignal | undefined): Promise<ProbeResult<T>>;
    /** Stop for good (store disposed). */
    isCancelled(): boolean;
    /** False while nobody needs the answer; the poller then pauses until `whenInterested` resolves. */
    isInterested(): boolean;
    whenInterested(): Promise<void>;
}

function newAbortController(): AbortController | undefined {
    return typeof AbortController === 'undefined' ? undefined : new AbortController();
}

/** Polls until a probe settles, the wait exceeds `maxWaitMs`, or the request is cancelled. */
export function pollUntilSettled<T>(request: PollRequest<T>): Promise<PollOutcome<T>> {
    const { clock, tuning, estimator, kind } = request;
    const plan = planFor(estimator, kind, tuning);
    return new Promise((resolve) => {
        const start = clock.now();
        const controllers = new Set<AbortController | undefined>();
        let inFlight = 0;
        let nextOffset = firstPollOffset(plan, tuning);
        /** The latest poll that still saw the calculators running; −1 before one did. */
        let lastPendingOffset = -1;
        let timer: unknown;
        let finished = false;
        let paused = false;

        const finish = (result: PollOutcome<T>): void => {
            if (finished) return;
            finished = true;
            clock.clearTimeout(timer);
            controllers.forEach((controller) => controller?.abort());
            resolve(result);
        };

        /** Whether the wait is over; a cancelled request or one past `maxWaitMs` finishes it here. */
        const over = (): boolean => {
            if (!finished && request.isCancelled()) finish({ outcome: 'cancelled' });
            if (!finished && clock.now() - start >= tuning.maxWaitMs)
                finish({ outcome: 'timeout' });
            return finished;
        };

        const schedule = (): void => {
            if (timer !== undefined || paused || over()) return;
            const elapsed = clock.now() - start;
            const delay = Math.min(Math.max(0, nextOffset - elapsed), tuning.maxWaitMs - elapsed);
            timer = clock.setTimeout(fire, delay);
        };

        const fire = (): void => {
            timer = undefined;
            if (over()) return;
            if (!request.isInterested()) {
                paused = true;
                void request.whenInterested().then(() => {
                    paused = false;
                    nextOffset = clock.now() - start;
                    schedule();
                });
                return;
            }
            if (inFlight >= tuning.maxPollsInFlight) return; // rescheduled when a poll returns
            const offset = clock.now() - start;
            const controller = newAbortController();
            controllers.add(controller);
            inFlight += 1;
            const settle = (result: ProbeResult<T>): void => {
                inFlight -= 1;
                controllers.delete(controller);
                if (finished) return;
                if (result.settled) {
                    // Ready lies between the last 202 and this poll. When the very first poll was already ready
                    // there is no lower bound: record the poll itself; the next wait's first poll goes below
                    // it, so the estimate walks down to the real duration.
                    estimator.record(
                        kind,
                        lastPendingOffset < 0 ? offset : (lastPendingOffset + offset) / 2
                    );
                    finish({ outcome: 'settled', value: result.value });
                    return;
                }
                lastPendingOffset = Math.max(lastPendingOffset, offset);
                schedule();
            };
            request.probe(controller?.signal).then(settle, () => settle({ settled: false }));
            nextOffset = nextPollOffset(offset, plan, tuning);
            schedule();
        };

        schedule();
    });
}
