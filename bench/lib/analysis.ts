/**
 * Turns one run's client journal and the server's readiness events into the bench figures.
 *
 * Lower bound of a run: the time an ideal client that knows the exact moment the server becomes ready (the
 * emulator's processing record) would need for the same writes. For each write on the checkout's critical path (start, PATCHes, place order):
 * - no wait (200/201): the write's round trip;
 * - a wait (202): max(the write's round trip, time from sending the write until the server was ready plus the
 *   return leg of the one GET the contract requires after every write).
 * The lower bound is the sum of those steps; requests off the critical path (address book, session reads) do
 * not count. wallOverLowerBound = wall time (first request sent → order answer received) ÷ lower bound.
 */
import type { JournalEntry } from './node-transport';
import type { ProcessingRecord } from './emulator';

export interface Wait {
    /** What the write was: the start, an address (shipping), a delivery method, or another write. */
    kind: 'start' | 'shipping' | 'deliveryMethod' | 'other';
    write: JournalEntry;
    end: JournalEntry;
    polls: number;
    sessionReads: number;
    /** When the emulator's calculators finished (its processing record), or null if none ran. */
    readyAt: number | null;
    /** end.receivedAt − readyAt: server ready → client knows. */
    lagMs: number | null;
    /** lagMs minus the GET's unavoidable return leg: the part a better poll schedule could save. */
    avoidableLagMs: number | null;
}

export interface RunFigures {
    wallMs: number;
    lowerBoundMs: number;
    wallOverLowerBound: number;
    requests: number;
    patches: number;
    gets: number;
    sessionReads: number;
    waits: Wait[];
    /** Filled in by the harness from the server's log. */
    strayRequests?: number;
}

/**
 * The part of a GET's round trip after the server decided its status. The emulator splits each request's
 * latency evenly before and after the work, so it is half the round trip: no client can avoid it.
 */
export function returnLeg(get: JournalEntry): number {
    return rtt(get) / 2;
}

/** Slack when matching client and server timestamps (two processes reading the same system clock). */
const CLOCK_SLACK_MS = 3;

const rtt = (entry: JournalEntry): number => (entry.receivedAt ?? entry.sentAt) - entry.sentAt;

export function isCheckoutGet(entry: JournalEntry): boolean {
    return (
        entry.kind === 'connect' &&
        entry.method === 'GET' &&
        /^\/checkouts\/[^/]+$/.test(entry.path)
    );
}

export function isWrite(entry: JournalEntry): boolean {
    if (entry.kind !== 'connect') return false;
    if (entry.method === 'POST')
        return /^\/checkouts(\/[^/]+\/(orders|payments))?$/.test(entry.path);
    return entry.method === 'PATCH' || entry.method === 'DELETE' || entry.method === 'PUT';
}

const isSessionRead = (entry: JournalEntry): boolean =>
    entry.kind === 'apex' && entry.path === 'CheckoutSessionController.getSession';

function waitKind(write: JournalEntry): Wait['kind'] {
    // The engine starts with PUT (create or get), the oracle and the baselines with POST.
    if ((write.method === 'POST' || write.method === 'PUT') && write.path === '/checkouts')
        return 'start';
    const body = write.requestBody as Record<string, unknown> | undefined;
    if (body?.deliveryAddress !== undefined) return 'shipping';
    if (body?.deliveryMethodId !== undefined) return 'deliveryMethod';
    return 'other';
}

export function findWaits(
    entries: readonly JournalEntry[],
    processing: readonly ProcessingRecord[]
): Wait[] {
    const waits: Wait[] = [];
    for (const write of entries) {
        if (!isWrite(write) || write.status !== 202 || write.receivedAt === undefined) continue;
        const end = entries.find(
            (entry) =>
                isCheckoutGet(entry) &&
                entry.sentAt >= write.sentAt &&
                (entry.status === 200 || entry.status === 422)
        );
        if (!end || end.receivedAt === undefined) continue;
        const within = (entry: JournalEntry) =>
            entry.sentAt >= write.sentAt && entry.sentAt <= end.sentAt;
        const job = processing.find(
            (record) =>
                record.startedAt >= write.sentAt - CLOCK_SLACK_MS &&
                record.startedAt <= (write.receivedAt ?? write.sentAt) + CLOCK_SLACK_MS
        );
        const readyAt = job ? job.readyAt : null;
        waits.push({
            kind: waitKind(write),
            write,
            end,
            polls: entries.filter((entry) => isCheckoutGet(entry) && within(entry)).length,
            sessionReads: entries.filter((entry) => isSessionRead(entry) && within(entry)).length,
            readyAt,
            lagMs: readyAt === null ? null : end.receivedAt - readyAt,
            avoidableLagMs: readyAt === null ? null : end.receivedAt - readyAt - returnLeg(end)
        });
    }
    return waits;
}

export function runFigures(
    entries: readonly JournalEntry[],
    processing: readonly ProcessingRecord[]
): RunFigures {
    const waits = findWaits(entries, processing);
    const first = Math.min(...entries.map((entry) => entry.sentAt));
    const last = Math.max(...entries.map((entry) => entry.receivedAt ?? entry.sentAt));
    let lowerBoundMs = 0;
    for (const write of entries.filter(isWrite)) {
        const wait = waits.find((candidate) => candidate.write === write);
        if (!wait || wait.readyAt === null) {
            lowerBoundMs += rtt(write);
            continue;
        }
        lowerBoundMs += Math.max(rtt(write), wait.readyAt - write.sentAt + returnLeg(wait.end));
    }
    const connect = entries.filter((entry) => entry.kind === 'connect');
    const wallMs = last - first;
    return {
        wallMs,
        lowerBoundMs,
        wallOverLowerBound: lowerBoundMs > 0 ? wallMs / lowerBoundMs : Number.NaN,
        requests: entries.length,
        patches: connect.filter((entry) => entry.method === 'PATCH').length,
        gets: connect.filter((entry) => entry.method === 'GET').length,
        sessionReads: entries.filter(isSessionRead).length,
        waits
    };
}

/** Nearest-rank percentile of a non-empty list. */
export function percentile(values: readonly number[], fraction: number): number {
    if (values.length === 0) return Number.NaN;
    const sorted = [...values].sort((a, b) => a - b);
    const rank = Math.max(1, Math.ceil(fraction * sorted.length));
    return sorted[rank - 1];
}

export function mean(values: readonly number[]): number {
    return values.length === 0
        ? Number.NaN
        : values.reduce((sum, value) => sum + value, 0) / values.length;
}
