/**
 * One Connect or Apex request, end to end: log entry, body, fault draws, the first half of the latency, an
 * early drop, the answer (injected or real), the second half, a late drop or the answer written, the log.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Faults } from '../faults';
import type { ApiResult, OrgModel } from '../model';
import type { Random } from '../random';
import type { RequestLog, RequestLogEntry } from '../requestLog';
import { errorCodeOf, errorResult, send, warningHeaders } from './answers';
import { dispatchApex } from './apexRoutes';
import { loggedBody, parseBody, readBody, type RawBody } from './body';
import { now } from './clock';
import { dispatchConnect } from './connectRoutes';
import { drawFaults, injectedFault } from './faultInjection';

/**
 * The emulator's live parts, read when each is needed: a reset during a request's latency replaces the model,
 * the faults and the fault stream, and the rest of that request then sees the new ones.
 */
export interface Runtime {
    readonly model: OrgModel;
    readonly faults: Faults;
    readonly faultRandom: Random;
    readonly timeScale: number;
    readonly log: RequestLog;
    sleep(ms: number): Promise<void>;
}

const GET_SESSION = '/apex/CheckoutSessionController/getSession';

export async function handleApiRequest(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    path: string,
    runtime: Runtime
): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const startedAt = now();
    const query: Record<string, string> = {};
    for (const [k, v] of url.searchParams) if (!(k in query)) query[k] = v;
    const entry: Omit<RequestLogEntry, 'seq'> = {
        method,
        path,
        query,
        status: 0,
        body: null,
        startedAt,
        endedAt: startedAt
    };
    const finish = (status: number, extra: Partial<RequestLogEntry> = {}): void => {
        Object.assign(entry, extra, { status, endedAt: now() });
        runtime.log.add(entry);
    };

    let raw: RawBody;
    try {
        raw = await readBody(req);
    } catch {
        finish(0, { fault: 'client-aborted' });
        return;
    }
    entry.body = loggedBody(raw);

    const draws = drawFaults(runtime.faultRandom, runtime.faults, runtime.timeScale);
    await runtime.sleep(draws.latencyMs / 2);
    if (draws.drop && !draws.dropAfter) {
        req.socket.destroy();
        finish(0, { fault: 'drop-before' });
        return;
    }

    let result: ApiResult;
    let fault: string | undefined;
    const isApex = path.startsWith('/apex/');
    try {
        const body = parseBody(raw);
        const injected = injectedFault(draws, method, path, isApex);
        if (injected) {
            ({ fault, result } = injected);
        } else if (isApex) {
            result = dispatchApex(runtime.model, path, method, body, draws.sessionError);
            if (draws.sessionError && path === GET_SESSION) fault = 'session-error';
        } else {
            result = dispatchConnect(runtime.model, path, method, url.searchParams, body);
        }
    } catch (error) {
        result = errorResult(error, path, isApex);
    }
    const headers = warningHeaders(result.warnings);

    await runtime.sleep(draws.latencyMs / 2);
    const errorCode = errorCodeOf(result.body);
    if (draws.drop && draws.dropAfter) {
        req.socket.destroy();
        finish(0, {
            fault: 'drop-after',
            warnings: result.warnings?.length ? result.warnings : undefined
        });
        return;
    }
    send(res, result.status, result.body, headers);
    finish(result.status, {
        fault,
        errorCode,
        warnings: result.warnings?.length ? result.warnings : undefined
    });
}
