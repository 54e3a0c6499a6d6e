/**
 * Watches when the server becomes ready. It reads `CartCheckoutSession.IsProcessing` from the emulator's admin
 * state every few milliseconds (admin calls are not part of the checkout traffic), and records each moment
 * processing ends. Precision: half the sampling interval plus one loopback call, a few milliseconds.
 */
import { httpJson } from './http';
import { sleep } from './random';

export interface ReadyEvent {
    /** When processing was last seen running. */
    lastBusyAt: number;
    /** Best estimate of the moment processing ended: midway between the two samples. */
    readyAt: number;
    /** When it was first seen finished. */
    firstIdleAt: number;
}

export interface ReadinessWatcher {
    events: ReadyEvent[];
    samples: number;
    stop(): Promise<void>;
}

export function watchReadiness(
    baseUrl: string,
    options: { intervalMs?: number; maxMs?: number } = {}
): ReadinessWatcher {
    const intervalMs = options.intervalMs ?? 4;
    const deadline = Date.now() + (options.maxMs ?? 10 * 60_000);
    const controller = new AbortController();
    const watcher: ReadinessWatcher = {
        events: [],
        samples: 0,
        stop: async () => {
            controller.abort();
            await loop;
        }
    };
    async function sampleLoop(): Promise<void> {
        let lastBusyAt: number | null = null;
        while (!controller.signal.aborted && Date.now() < deadline) {
            let processing: boolean | undefined;
            try {
                const answer = await httpJson('GET', `${baseUrl}/__emulator/state`, {
                    timeoutMs: 5_000,
                    signal: controller.signal
                });
                const session = (answer.body as { session?: { IsProcessing?: boolean } | null })
                    .session;
                processing = session?.IsProcessing === true;
            } catch {
                processing = undefined;
            }
            const seenAt = Date.now();
            watcher.samples++;
            if (processing === true) {
                lastBusyAt = seenAt;
            } else if (processing === false && lastBusyAt !== null) {
                watcher.events.push({
                    lastBusyAt,
                    readyAt: (lastBusyAt + seenAt) / 2,
                    firstIdleAt: seenAt
                });
                lastBusyAt = null;
            }
            await sleep(intervalMs, controller.signal);
        }
    }
    const loop = sampleLoop();
    return watcher;
}
