/** The emulator's clock, the latency sleeps that closing the emulator cuts short, and the hung requests. */
import type { ServerResponse } from 'node:http';
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

/** Requests held unanswered (the hangRate fault): each until its client goes away, or until released. */
export class Hangs {
    private readonly waiting = new Set<() => void>();

    wait(res: ServerResponse): Promise<void> {
        // The client may have gone during the latency already.
        if (!res.socket || res.socket.destroyed) return Promise.resolve();
        return new Promise((resolve) => {
            const done = (): void => {
                this.waiting.delete(done);
                res.off('close', done);
                resolve();
            };
            this.waiting.add(done);
            // A response that is never ended closes only when its connection does: the client gave up.
            res.on('close', done);
        });
    }

    /** Ends every hang (a reset, or the emulator closing). */
    releaseAll(): void {
        for (const done of [...this.waiting]) done();
    }
}
