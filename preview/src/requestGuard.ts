import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * What every preview request meets first: `X-Content-Type-Options: nosniff` on whatever answers it (a file, a
 * page, the emulator), and a 400 for a URL that isn't properly encoded. Returns the decoded path, or null when
 * the request has been answered.
 */
export function guardRequest(request: IncomingMessage, response: ServerResponse): string | null {
    response.setHeader('X-Content-Type-Options', 'nosniff');
    try {
        return decodeURIComponent(new URL(request.url ?? '/', 'http://preview.local').pathname);
    } catch {
        response.writeHead(400, {
            'Content-Type': 'text/plain; charset=utf-8',
            'Cache-Control': 'no-store'
        });
        response.end('Bad request: the URL is not properly encoded.');
        return null;
    }
}
