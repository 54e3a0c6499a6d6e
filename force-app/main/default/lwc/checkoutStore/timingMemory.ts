/**
 * Learned poll timings kept across page loads (`StoreOptions.learnedTimings`): the readiness estimator's samples
 * of the kinds it keeps, under one storage key per webstore, so a returning shopper's waits start from what this
 * store took before. Storage may be missing or throw on any access (blocked, private mode, quota): then nothing
 * is kept and the engine starts from its priors. What is read is checked, and ignored unless it passes.
 */
import type { OperationKind, StoreOptions } from './types';

export type LearnedTimings = NonNullable<StoreOptions['learnedTimings']>;
/** Offsets in ms per operation kind, and `keep()`, which stores those of the kept kinds after a change. */
export interface TimingMemory {
    samples: Partial<Record<OperationKind, number[]>>;
    keep(): void;
}

/** Part of the key: a version that stores another shape never reads this one's entries, nor they its. */
const VERSION = 1;

/** Starts from the samples stored for each of `kinds` that is a list of at most `memory` offsets in [0, maxMs]. */
export function openTimingMemory(
    learned: LearnedTimings | undefined,
    kinds: OperationKind[],
    memory: number,
    maxMs: number
): TimingMemory {
    const samples: TimingMemory['samples'] = {};
    const key = `checkoutKit.pollTimings.v${VERSION}.${learned?.webstoreId}`;
    let storage: LearnedTimings['storage'];
    try {
        if (learned) {
            // Reading `localStorage` itself throws where storage is blocked.
            storage = learned.storage === undefined ? localStorage : learned.storage;
            const stored = JSON.parse(storage?.getItem(key) as string);
            for (const kind of kinds) {
                const list: unknown = stored[kind];
                if (
                    Array.isArray(list) &&
                    list.length <= memory &&
                    list.every((ms) => Number.isFinite(ms) && ms >= 0 && ms <= maxMs)
                )
                    samples[kind] = list;
            }
        }
    } catch {
        // Blocked storage, or text that is not JSON (or JSON null): the priors it is.
    }
    return {
        samples,
        keep() {
            try {
                storage?.setItem(key, JSON.stringify(samples, kinds));
            } catch {
                // Quota or blocked storage: the timings last for this page only.
            }
        }
    };
}
