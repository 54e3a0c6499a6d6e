/** The engine tests' fake clock: time moves only when a test says, running due timers in order. */
interface Timer {
    at: number;
    order: number;
    fn: () => void;
}

/** Drains pending microtasks (promise chains) without moving fake time. */
export async function flushMicrotasks(rounds = 40): Promise<void> {
    for (let i = 0; i < rounds; i += 1) await Promise.resolve();
}

export class FakeClock {
    private current = 1_000_000;
    private order = 0;
    private readonly timers = new Map<number, Timer>();

    now(): number {
        return this.current;
    }

    setTimeout(fn: () => void, ms: number): unknown {
        const id = ++this.order;
        this.timers.set(id, { at: this.current + Math.max(0, ms), order: id, fn });
        return id;
    }

    clearTimeout(id: unknown): void {
        this.timers.delete(id as number);
    }

    get pendingTimers(): number {
        return this.timers.size;
    }

    private nextTimer(): [number, Timer] | undefined {
        let best: [number, Timer] | undefined;
        for (const entry of this.timers) {
            const [, timer] = entry;
            if (
                !best ||
                timer.at < best[1].at ||
                (timer.at === best[1].at && timer.order < best[1].order)
            ) {
                best = entry;
            }
        }
        return best;
    }

    private async runNext(limit: number): Promise<boolean> {
        const next = this.nextTimer();
        if (!next || next[1].at > limit) return false;
        this.timers.delete(next[0]);
        this.current = Math.max(this.current, next[1].at);
        next[1].fn();
        await flushMicrotasks();
        return true;
    }

    /** Moves time forward by `ms`, running every timer due on the way, in order. */
    async advance(ms: number): Promise<void> {
        const target = this.current + ms;
        await flushMicrotasks();
        while (await this.runNext(target)) {
            // keep running due timers
        }
        this.current = target;
        await flushMicrotasks();
    }

    /** Runs timers until `condition` holds; throws when time runs out first (so a hang fails the test). */
    async runUntil(condition: () => boolean, limitMs = 10 * 60 * 1000): Promise<void> {
        const limit = this.current + limitMs;
        await flushMicrotasks();
        while (!condition()) {
            if (!(await this.runNext(limit))) {
                await new Promise((resolve) => setTimeout(resolve, 0));
                if (condition()) return;
                throw new Error(`condition not met by ${limitMs} ms of fake time`);
            }
        }
    }

    /** Runs until `promise` settles. */
    async resolve<T>(promise: Promise<T>, limitMs?: number): Promise<T> {
        let settled = false;
        const tracked = promise.finally(() => {
            settled = true;
        });
        await this.runUntil(() => settled, limitMs);
        return tracked;
    }
}
