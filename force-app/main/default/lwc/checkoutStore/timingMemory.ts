/**
 * Learned poll timings kept across page loads (`StoreOptions.learnedTimings`): the readiness estimator's samples
 * per operation kind, under one storage key per webstore, so a returning shopper's waits start from what this
 * store took before. Storage may be missing or throw on any access (blocked, private mode, quota): then nothing
 * is kept and the engine starts from its priors. What is read is checked, and ignored unless it passes.
 */
import type { OperationKind, StoreOptions } from './types';

export type LearnedTimings = NonNullable<StoreOptions['learnedTimings']>;
export type TimingSamples = Map<OperationKind, number[]>;

/** Bump when the stored shape or meaning changes: entries of another version are ignored. */
const VERSION = 1;

const keyOf = (learned: LearnedTimings): string => `checkoutKit.pollTimings.${learned.webstoreId}`;

/** Only ever called inside `try`: reading `localStorage` itself throws where storage is blocked. */
const storageOf = (learned: LearnedTimings): LearnedTimings['storage'] =>
    learned.storage === undefined ? localStorage : learned.storage;

/** The stored samples of `kinds` that are lists of at most `memory` offsets within [0, maxMs]. */
export function readTimings(
    learned: LearnedTimings | undefined,
    kinds: string[],
    memory: number,
    maxMs: number
): TimingSamples {
    const samples: TimingSamples = new Map();
    try {
        const stored = learned && JSON.parse(storageOf(learned)?.getItem(keyOf(learned)) ?? '0');
        if (stored?.v !== VERSION) return samples;
        for (const kind of kinds) {
            const list: unknown = stored.samples[kind];
            if (
                Array.isArray(list) &&
                list.length <= memory &&
                list.every((ms) => Number.isFinite(ms) && ms >= 0 && ms <= maxMs)
            )
                samples.set(kind as OperationKind, list);
        }
    } catch {
        // Blocked storage or unreadable text: the priors it is.
    }
    return samples;
}

export function writeTimings(learned: LearnedTimings | undefined, samples: TimingSamples): void {
    try {
        if (learned) {
            const value = JSON.stringify({ v: VERSION, samples: Object.fromEntries(samples) });
            storageOf(learned)?.setItem(keyOf(learned), value);
        }
    } catch {
        // Quota or blocked storage: the timings last for this page only.
    }
}
