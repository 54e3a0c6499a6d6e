/**
 * Request bodies: read with a size limit, then parsed as JSON. The one size check for every path (admin and
 * API), so the limit and its 413 answer are written once.
 */
import type { IncomingMessage } from 'node:http';
import { ApiError } from '../errors';
import { LOGGED_BODY_LIMIT, truncate, type RequestLogEntry } from '../requestLog';

export const MAX_BODY_BYTES = 1024 * 1024;

export interface RawBody {
    /** The body; when too large, only its first LOGGED_BODY_LIMIT bytes (for the log). */
    text: string;
    tooLarge: boolean;
    bytes: number;
}

/** A body the request got wrong (too large, not JSON): answered as a Connect error even on an Apex path. */
export class RequestBodyError extends ApiError {}

/**
 * Reads the body, refusing more than MAX_BODY_BYTES (it keeps draining, so the answer still reaches the
 * client).
 */
export function readBody(req: IncomingMessage): Promise<RawBody> {
    return new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        let bytes = 0;
        let tooLarge = false;
        req.on('data', (chunk: Buffer) => {
            bytes += chunk.length;
            if (tooLarge) return;
            if (bytes > MAX_BODY_BYTES) {
                tooLarge = true;
                // A copy of the first bytes only: the rest of the body is not retained.
                const head = Buffer.concat([...chunks, chunk], LOGGED_BODY_LIMIT);
                chunks.length = 0;
                chunks.push(head);
            } else {
                chunks.push(chunk);
            }
        });
        req.on('end', () =>
            resolve({
                text: Buffer.concat(chunks).toString('utf8'),
                tooLarge,
                bytes
            })
        );
        req.on('error', reject);
    });
}

/** The body as JSON (undefined when empty); 413 when it was too large, 400 when it isn't JSON. */
export function parseBody(raw: RawBody): unknown {
    if (raw.tooLarge)
        throw new RequestBodyError(
            413,
            'REQUEST_TOO_LARGE',
            `The request body is larger than ${MAX_BODY_BYTES} bytes.`
        );
    if (raw.text.trim() === '') return undefined;
    try {
        return JSON.parse(raw.text);
    } catch (error) {
        throw new RequestBodyError(
            400,
            'JSON_PARSER_ERROR',
            `The request body isn't valid JSON: ${(error as Error).message}`
        );
    }
}

/** What the request log keeps of a body: its text, truncated; never the parsed value. */
export function loggedBody(
    raw: RawBody
): Pick<RequestLogEntry, 'body' | 'bodyBytes' | 'bodyTruncated'> {
    const body = raw.text === '' ? null : truncate(raw.text, LOGGED_BODY_LIMIT);
    const whole = !raw.tooLarge && body?.length === raw.text.length;
    return {
        body,
        bodyBytes: raw.bytes,
        ...(whole || body === null ? {} : { bodyTruncated: true as const })
    };
}
