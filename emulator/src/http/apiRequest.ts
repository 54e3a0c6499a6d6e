/**
 * One Connect or Apex request, end to end: log entry, body, fault draws, the first half of the latency, an
 * early drop or hang, the answer (injected, refused for its CSRF token, or real), the second half, a late drop
 * or hang, or the answer written; the log.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from '../errors';
import type { Faults } from '../faults';
import type { ApiResult, OrgModel } from '../model';
import type { Random } from '../random';
import { startEntry, type RequestLog, type RequestLogEntry } from '../requestLog';
import { connectError, errorCodeOf, errorResult, sendResult } from './answers';
import { dispatchApex } from './apexRoutes';
import { loggedBody, parseBody, readBody, type RawBody } from './body';
import { now } from './clock';
import { dispatchConnect } from './connectRoutes';
import { csrfRefusal } from './csrf';
import { drawFaults, injectedFault, type FaultDraws } from './faultInjection';

/**
 * The emulator's live parts, read when each is needed. A reset replaces the model, the faults, the fault stream
 * and the log: a request begun before it ends unanswered and unlogged at its next step, so it never draws from
 * the new session's faults nor changes its checkout (a client's straggler would make seeded runs differ).
 */
export interface Runtime {
    readonly model: OrgModel;
    readonly faults: Faults;
    readonly faultRandom: Random;
    readonly timeScale: number;
    /** Changes at every reset. */
    readonly session: number;
    readonly log: RequestLog;
    sleep(ms: number): Promise<void>;
    /** Holds a request unanswered until its client goes away or the emulator resets or closes. */
    hang(res: ServerResponse): Promise<void>;
}

const GET_SESSION = '/apex/CheckoutSessionController/getSession';
const CHECKOUT_PATH = /\/commerce\/webstores\/[^/]+\/checkouts\/([^/]+)/;

export async function handleApiRequest(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    path: string,
    runtime: Runtime
): Promise<void> {
    const entry = startEntry(req, url, path, now());
    const method = entry.method;
    const session = runtime.session;
    /** A reset since the request began: it ends in the old session, unanswered and unlogged. */
    const outlived = (): boolean => {
        if (runtime.session === session) return false;
        req.socket.destroy();
        return true;
    };
    const finish = (status: number, extra: Partial<RequestLogEntry> = {}): void => {
        Object.assign(entry, extra, { status, endedAt: now() });
        runtime.log.add(entry);
    };

    let raw: RawBody;
    try {
        raw = await readBody(req);
    } catch {
        if (!outlived()) finish(0, { fault: 'client-aborted' });
        return;
    }
    Object.assign(entry, loggedBody(raw));
    if (outlived()) return;

    const draws = drawFaults(runtime.faultRandom, runtime.faults, runtime.timeScale);
    await runtime.sleep(draws.latencyMs / 2);
    if (outlived()) return;
    if (draws.drop && !draws.dropAfter) {
        req.socket.destroy();
        finish(0, { fault: 'drop-before' });
        return;
    }
    if (draws.hang && !draws.dropAfter) {
        await hangUp(res, runtime);
        if (!outlived()) finish(0, { fault: 'hang-before' });
        return;
    }

    const { result, fault } = answer(req, method, path, url, raw, draws, runtime.model);
    const warnings = result.warnings?.length ? result.warnings : undefined;
    if (draws.hang) {
        await hangUp(res, runtime);
        if (!outlived()) finish(0, { fault: 'hang-after', warnings });
        return;
    }
    await runtime.sleep(draws.latencyMs / 2);
    if (outlived()) return;
    if (draws.drop && draws.dropAfter) {
        req.socket.destroy();
        finish(0, { fault: 'drop-after', warnings });
        return;
    }
    sendResult(res, result);
    finish(result.status, { fault, errorCode: errorCodeOf(result.body), warnings });
}

/** The answer the request gets: an injected fault, a CSRF refusal, an expired checkout, or the real one. */
function answer(
    req: IncomingMessage,
    method: string,
    path: string,
    url: URL,
    raw: RawBody,
    draws: FaultDraws,
    model: OrgModel
): { result: ApiResult; fault?: string } {
    const isApex = path.startsWith('/apex/');
    try {
        const body = parseBody(raw);
        const injected = injectedFault(draws, method, path, isApex);
        if (injected) return injected;
        const refused = csrfRefusal(model, method, path, req.headers['csrf-token']);
        if (refused) return { result: refused };
        if (draws.gone && expire(model, path)) {
            return {
                fault: 'gone',
                result: connectError(
                    new ApiError(
                        410,
                        'GONE',
                        'This checkout expired (injected fault). Start a new checkout.'
                    )
                )
            };
        }
        if (isApex) {
            const result = dispatchApex(model, path, method, body, draws.sessionError);
            return {
                result,
                fault: draws.sessionError && path === GET_SESSION ? 'session-error' : undefined
            };
        }
        return { result: dispatchConnect(model, path, method, url.searchParams, body) };
    } catch (error) {
        return { result: errorResult(error, path, isApex) };
    }
}

/** Expires the checkout a request names, if it has one that can expire. */
function expire(model: OrgModel, path: string): boolean {
    const id = CHECKOUT_PATH.exec(path)?.[1];
    return id !== undefined && model.expireCheckout(decodeURIComponent(id));
}

/** Waits out a hang, then closes the connection without an answer (if the client hasn't already). */
async function hangUp(res: ServerResponse, runtime: Runtime): Promise<void> {
    await runtime.hang(res);
    if (!res.destroyed) res.destroy();
}
