/**
 * Request bodies: read with a size limit, then parsed as JSON. The one size check for every path (admin and
 * API),
 * so the limit and its 413 answer are written once.
 */
import type { IncomingMessage } from 'node:http';
import { ApiError } from '../errors';
import { LOGGED_BODY_LIMIT } from '../requestLog';

export const MAX_BODY_BYTES = 1024 * 1024;

export interface RawBody {
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
            if (bytes > MAX_BODY_BYTES) {
                tooLarge = true;
                chunks.length = 0;
            } else {
                chunks.push(chunk);
            }
        });
        req.on('end', () =>
            resolve({
                text: tooLarge ? '' : Buffer.concat(chunks).toString('utf8'),
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

/** What the request log keeps of a body: its JSON, its text when it isn't JSON, or a summary when large. */
export function loggedBody(raw: RawBody): unknown {
    if (raw.tooLarge || raw.bytes > LOGGED_BODY_LIMIT) return { omitted: true, bytes: raw.bytes };
    if (raw.text.trim() === '') return null;
    try {
        return JSON.parse(raw.text);
    } catch {
        return raw.text;
    }
}
