/** What a store uses in the browser when its options inject nothing else (tests and benchmarks do). */
import type { Clock, StoreOptions } from './types';

export const realClock: Clock = {
    now: () => Date.now(),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>)
};

export function browserConnectivity(): NonNullable<StoreOptions['connectivity']> {
    return {
        isOnline: () => typeof navigator === 'undefined' || navigator.onLine !== false,
        onOnline: (listener) => {
            if (typeof window === 'undefined') return () => undefined;
            window.addEventListener('online', listener);
            return () => window.removeEventListener('online', listener);
        }
    };
}
