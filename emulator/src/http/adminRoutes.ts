/**
 * The admin API under `/__emulator` (DESIGN §5): reset, faults, the request log, the state. Admin calls are
 * neither logged nor faulted, and draw nothing from the seeded streams.
 *
 * They reset a running preview, so a page on another origin must not reach them: a browser request that says
 * where it comes from (`Origin`) must come from this host, and a body must be `application/json` (which a
 * cross-origin page can only send after a CORS preflight, which the admin routes never grant).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorOptions, EmulatorState } from '../emulator';
import { ApiError, notFound } from '../errors';
import type { Faults } from '../faults';
import type { RequestLogEntry } from '../requestLog';
import { parseResetBody } from './adminBodies';
import { send } from './answers';
import { parseBody, readBody, type RawBody } from './body';

/** What the admin routes act on: the emulator's own operations. */
export interface AdminApi {
    reset(options: EmulatorOptions): EmulatorState;
    setFaults(body: unknown): Faults;
    faults(): Faults;
    requests(): RequestLogEntry[];
    clearRequests(): void;
    state(): EmulatorState;
}

const ADMIN_PATHS = [
    '/__emulator/reset',
    '/__emulator/faults',
    '/__emulator/requests',
    '/__emulator/state'
];

export function isAdminPath(path: string): boolean {
    return path === '/__emulator' || path.startsWith('/__emulator/');
}

export async function handleAdmin(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    admin: AdminApi
): Promise<void> {
    const method = req.method ?? 'GET';
    try {
        const raw = await readBody(req);
        checkCaller(req, raw);
        const body = parseBody(raw);
        if (path === '/__emulator/reset' && method === 'POST') {
            send(res, 200, admin.reset(parseResetBody(body)));
        } else if (path === '/__emulator/faults' && method === 'PUT') {
            send(res, 200, admin.setFaults(body ?? {}));
        } else if (path === '/__emulator/faults' && method === 'GET') {
            send(res, 200, admin.faults());
        } else if (path === '/__emulator/requests' && method === 'GET') {
            send(res, 200, admin.requests());
        } else if (path === '/__emulator/requests' && method === 'DELETE') {
            admin.clearRequests();
            send(res, 204, undefined);
        } else if (path === '/__emulator/state' && method === 'GET') {
            send(res, 200, admin.state());
        } else if (ADMIN_PATHS.includes(path)) {
            throw new ApiError(405, 'METHOD_NOT_ALLOWED', `${method} isn't supported on ${path}.`);
        } else {
            throw notFound(`No emulator admin resource at ${path}.`);
        }
    } catch (error) {
        const e =
            error instanceof ApiError
                ? error
                : new ApiError(500, 'UNKNOWN_EXCEPTION', String(error));
        send(res, e.status, [{ errorCode: e.errorCode, message: e.message }]);
    }
}

/** Same origin when the request names one, and JSON bodies only. */
function checkCaller(req: IncomingMessage, raw: RawBody): void {
    const origin = req.headers.origin;
    // Behind a forwarding proxy the browser's host is the forwarded one. A page on another origin can't
    // forge that header: it would need a CORS preflight, which these routes never grant.
    const host = origin === undefined ? undefined : hostOf(origin);
    const ours = [req.headers.host, req.headers['x-forwarded-host']];
    if (origin !== undefined && (host === undefined || !ours.includes(host))) {
        throw new ApiError(
            403,
            'FORBIDDEN',
            `The emulator's admin API answers its own origin only, not ${origin}.`
        );
    }
    const type = req.headers['content-type'];
    if (raw.bytes > 0 && !/^application\/json\s*(;|$)/i.test(type ?? '')) {
        throw new ApiError(
            415,
            'UNSUPPORTED_MEDIA_TYPE',
            `Admin request bodies must be application/json, not ${type ?? 'untyped'}.`
        );
    }
}

function hostOf(origin: string): string | undefined {
    try {
        return new URL(origin).host;
    } catch {
        return undefined; // "null" (a sandboxed or file page) or garbage: never this host
    }
}
