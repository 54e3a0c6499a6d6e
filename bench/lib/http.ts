/** One bounded HTTP call to a loopback server: every request has a time limit. */

export interface HttpAnswer {
    status: number;
    body: unknown;
}

export const API_VERSION = '66.0';

/** Refuses any target that is not the loopback interface. */
export function assertLoopback(url: string): void {
    const host = new URL(url).hostname;
    if (host !== '127.0.0.1' && host !== 'localhost' && host !== '[::1]') {
        throw new Error(`The bench only talks to loopback, not ${host}`);
    }
}

export async function httpJson(
    method: string,
    url: string,
    options: {
        body?: unknown;
        timeoutMs?: number;
        signal?: AbortSignal;
        headers?: Record<string, string>;
    } = {}
): Promise<HttpAnswer> {
    assertLoopback(url);
    const timeout = AbortSignal.timeout(options.timeoutMs ?? 30_000);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    const response = await fetch(url, {
        method,
        headers: {
            ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
            ...options.headers
        },
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal
    });
    const text = await response.text();
    let body: unknown = null;
    if (text.length > 0) {
        try {
            body = JSON.parse(text);
        } catch {
            body = text;
        }
    }
    return { status: response.status, body };
}
