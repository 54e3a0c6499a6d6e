/**
 * A record of the requests the emulator answered (admin calls under /__emulator are not recorded), bounded
 * both in entries and in bytes. Everything in an entry is flat text, never the parsed body: however deep or
 * large a request was, `GET /__emulator/requests` can always serialise the log.
 */
import type { IncomingMessage } from 'node:http';

export interface RequestLogEntry {
    seq: number;
    method: string;
    path: string;
    /** The query parameters, decoded; a repeated name keeps its first value (`queryString` has them all). */
    query: Record<string, string>;
    /** The query string exactly as it arrived, without the `?` (truncated past LOGGED_TEXT_LIMIT). */
    queryString: string;
    /** The request headers by lower-case name; credentials redacted, long values truncated. */
    headers: Record<string, string>;
    /** The HTTP status answered; 0 when the connection was dropped or hung without an answer. */
    status: number;
    /** The request body as text (null when empty), its first LOGGED_BODY_LIMIT characters at most. */
    body: string | null;
    /** The body's size as received, in bytes. */
    bodyBytes: number;
    /** Present when `body` is not the whole body. */
    bodyTruncated?: true;
    /** Epoch milliseconds (fractional): when the request arrived and when the answer was written. */
    startedAt: number;
    endedAt: number;
    errorCode?: string;
    /**
     * An injected fault: drop-before, drop-after, hang-before, hang-after, server-error, conflict, locked,
     * gone, session-error, session-ended-login-page, session-ended-redirect, session-ended-unauthorized; or
     * client-aborted.
     */
    fault?: string;
    warnings?: string[];
}

export const LOGGED_BODY_LIMIT = 16 * 1024;
/** Header values and the query string: enough to read, bounded like bodies. */
export const LOGGED_TEXT_LIMIT = 2 * 1024;
const REDACTED_HEADERS = new Set(['cookie', 'authorization']);

export function truncate(text: string, limit: number): string {
    return text.length > limit ? text.slice(0, limit) : text;
}

/** The headers worth logging: every one by its lower-case name, credentials replaced by a marker. */
export function loggedHeaders(
    headers: Record<string, string | string[] | undefined>
): Record<string, string> {
    const logged: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
        if (value === undefined) continue;
        const text = Array.isArray(value) ? value.join(', ') : value;
        logged[name.toLowerCase()] = REDACTED_HEADERS.has(name.toLowerCase())
            ? '(redacted)'
            : truncate(text, LOGGED_TEXT_LIMIT);
    }
    return logged;
}

/**
 * A logged body as JSON, for readers that check what was sent: undefined when there was none or when the log
 * kept only its beginning (`bodyTruncated`); the text itself when it isn't JSON.
 */
export function loggedJson(entry: Pick<RequestLogEntry, 'body' | 'bodyTruncated'>): unknown {
    if (entry.body === null || entry.bodyTruncated) return undefined;
    try {
        return JSON.parse(entry.body);
    } catch {
        return entry.body;
    }
}

/** A new request's entry, before its body and answer are known. */
export function startEntry(
    req: IncomingMessage,
    url: URL,
    path: string,
    startedAt: number
): Omit<RequestLogEntry, 'seq'> {
    const query: Record<string, string> = {};
    for (const [k, v] of url.searchParams) if (!(k in query)) query[k] = v;
    const rawUrl = req.url ?? '';
    const queryStart = rawUrl.indexOf('?');
    return {
        method: (req.method ?? 'GET').toUpperCase(),
        path,
        query,
        queryString:
            queryStart < 0 ? '' : truncate(rawUrl.slice(queryStart + 1), LOGGED_TEXT_LIMIT),
        headers: loggedHeaders(req.headers),
        status: 0,
        body: null,
        bodyBytes: 0,
        startedAt,
        endedAt: startedAt
    };
}

/** What an entry costs to keep and to serve, roughly: its text plus a fixed overhead per entry. */
function sizeOf(entry: RequestLogEntry): number {
    let bytes = 256 + entry.path.length + entry.queryString.length + (entry.body?.length ?? 0);
    for (const [k, v] of Object.entries(entry.query)) bytes += k.length + v.length;
    for (const [k, v] of Object.entries(entry.headers)) bytes += k.length + v.length;
    for (const w of entry.warnings ?? []) bytes += w.length;
    return bytes;
}

export class RequestLog {
    private entries: RequestLogEntry[] = [];
    private sizes: number[] = [];
    /** Index of the oldest kept entry: eviction moves it instead of shifting the arrays. */
    private head = 0;
    private bytes = 0;
    private seq = 0;

    constructor(
        readonly capacity = 20000,
        readonly maxBytes = 16 * 1024 * 1024
    ) {}

    add(entry: Omit<RequestLogEntry, 'seq'>): void {
        const full = { ...entry, seq: ++this.seq };
        const size = sizeOf(full);
        this.entries.push(full);
        this.sizes.push(size);
        this.bytes += size;
        // The newest entry always stays, even alone over the byte budget.
        while (this.size > this.capacity || (this.bytes > this.maxBytes && this.size > 1)) {
            this.bytes -= this.sizes[this.head];
            this.head++;
        }
        if (this.head > 1024 && this.head * 2 > this.entries.length) {
            this.entries = this.entries.slice(this.head);
            this.sizes = this.sizes.slice(this.head);
            this.head = 0;
        }
    }

    /** Oldest first. */
    list(): RequestLogEntry[] {
        return this.entries.slice(this.head);
    }

    get size(): number {
        return this.entries.length - this.head;
    }

    /** The bytes the kept entries account for (see sizeOf). */
    get keptBytes(): number {
        return this.bytes;
    }

    clear(): void {
        this.entries = [];
        this.sizes = [];
        this.head = 0;
        this.bytes = 0;
    }
}
