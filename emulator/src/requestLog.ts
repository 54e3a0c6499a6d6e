/** A bounded record of the requests the emulator answered (admin calls under /__emulator are not recorded). */
export interface RequestLogEntry {
    seq: number;
    method: string;
    path: string;
    query: Record<string, string>;
    /** The HTTP status answered; 0 when the connection was dropped without an answer. */
    status: number;
    /** The parsed JSON request body (null when empty); large bodies are summarised, not kept. */
    body: unknown;
    /** Epoch milliseconds (fractional): when the request arrived and when the answer was written. */
    startedAt: number;
    endedAt: number;
    errorCode?: string;
    /** An injected fault: drop-before, drop-after, server-error, conflict, locked or session-error. */
    fault?: string;
    warnings?: string[];
}

export const LOGGED_BODY_LIMIT = 16 * 1024;

export class RequestLog {
    private entries: RequestLogEntry[] = [];
    private start = 0;
    private seq = 0;

    constructor(readonly capacity = 20000) {}

    add(entry: Omit<RequestLogEntry, 'seq'>): void {
        const full = { ...entry, seq: ++this.seq };
        if (this.entries.length < this.capacity) {
            this.entries.push(full);
        } else {
            this.entries[this.start] = full;
            this.start = (this.start + 1) % this.capacity;
        }
    }

    /** Oldest first. */
    list(): RequestLogEntry[] {
        return [...this.entries.slice(this.start), ...this.entries.slice(0, this.start)];
    }

    get size(): number {
        return this.entries.length;
    }

    clear(): void {
        this.entries = [];
        this.start = 0;
    }
}
