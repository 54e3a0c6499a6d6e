/**
 * Writing answers: JSON with its length, and the error shapes: Connect `[{errorCode, message}]`, Apex
 * exceptions.
 */
import type { ServerResponse } from 'node:http';
import { ApiError } from '../errors';
import type { ApiResult } from '../model';
import { isObject } from '../validation/json';
import { ApexRouteError } from './apexRoutes';
import { RequestBodyError } from './body';

export function send(
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {}
): void {
    if (res.headersSent || res.destroyed) return;
    if (status === 204 || body === undefined) {
        res.writeHead(status, headers);
        res.end();
        return;
    }
    const text = JSON.stringify(body);
    res.writeHead(status, {
        'content-type': 'application/json;charset=UTF-8',
        'content-length': String(Buffer.byteLength(text)),
        'cache-control': 'no-store',
        ...headers
    });
    res.end(text);
}

/** A result as it goes on the wire: an HTML page, JSON, or no body; with its headers and warnings. */
export function sendResult(res: ServerResponse, result: ApiResult): void {
    const headers = { ...warningHeaders(result.warnings), ...result.headers };
    if (result.page === undefined) {
        send(res, result.status, result.body, headers);
        return;
    }
    if (res.headersSent || res.destroyed) return;
    res.writeHead(result.status, {
        'content-type': 'text/html;charset=UTF-8',
        'content-length': String(Buffer.byteLength(result.page)),
        'cache-control': 'no-store',
        ...headers
    });
    res.end(result.page);
}

export function connectError(error: ApiError): ApiResult {
    return { status: error.status, body: [{ errorCode: error.errorCode, message: error.message }] };
}

/**
 * What a failed request answers. On an Apex path every failure is an AuraHandledException (500), except a
 * missing class or method (its own status) and a body the request got wrong (a Connect error).
 */
export function errorResult(error: unknown, path: string, isApex: boolean): ApiResult {
    if (error instanceof ApiError) {
        return isApex && !(error instanceof RequestBodyError)
            ? {
                  status: error instanceof ApexRouteError ? error.status : 500,
                  body: { message: error.message, exceptionType: 'AuraHandledException' }
              }
            : connectError(error);
    }
    if (error instanceof URIError) {
        return connectError(
            new ApiError(400, 'INVALID_INPUT', `The URL isn't properly encoded: ${path}`)
        );
    }
    return connectError(new ApiError(500, 'UNKNOWN_EXCEPTION', `Emulator error: ${String(error)}`));
}

/** Warnings (e.g. ignored custom-field subfields) travel as one HTTP `Warning: 299` header. */
function warningHeaders(warnings: string[] | undefined): Record<string, string> {
    if (!warnings || warnings.length === 0) return {};
    return { warning: warnings.map((w) => `299 - "${w.replace(/"/g, "'")}"`).join(', ') };
}

export function errorCodeOf(body: unknown): string | undefined {
    if (Array.isArray(body) && isObject(body[0]) && typeof body[0].errorCode === 'string')
        return body[0].errorCode;
    return undefined;
}
