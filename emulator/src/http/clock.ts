/** The emulator's clock, and the latency sleeps that closing the emulator cuts short. */
import { performance } from 'node:perf_hooks';

/** Epoch milliseconds with sub-millisecond precision, on one clock for the log and the calculators. */
export function now(): number {
    return performance.timeOrigin + performance.now();
}

export class Sleeps {
    private readonly timers = new Map<NodeJS.Timeout, () => void>();
    private closed = false;

    sleep(ms: number): Promise<void> {
        if (ms <= 0 || this.closed) return Promise.resolve();
        return new Promise((resolve) => {
            const timer = setTimeout(() => {
                this.timers.delete(timer);
                resolve();
            }, ms);
            this.timers.set(timer, resolve);
        });
    }

    /** Ends every pending sleep now, and makes later ones instant: a closing server answers at once. */
    close(): void {
        this.closed = true;
        for (const [timer, resolve] of this.timers) {
            clearTimeout(timer);
            resolve();
        }
        this.timers.clear();
    }
}
