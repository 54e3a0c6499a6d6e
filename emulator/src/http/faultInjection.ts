/**
 * Injected faults, request by request: the seeded draws and the answers they force. Every request makes every
 * draw, in arrival order, so a seed replays the same faults; the order of the draws below is the stream's
 * order.
 */
import { ApiError } from '../errors';
import type { Faults } from '../faults';
import type { ApiResult } from '../model';
import type { Random } from '../random';
import { connectError } from './answers';
import { isConnectPath, WRITE_METHODS } from './connectRoutes';
import { SESSION_ENDED_ANSWERS, sessionEndedResult, type SessionEndedAnswer } from './sessionEnded';

export interface FaultDraws {
    /** Destroy the socket without an answer: before the work, or after it when `dropAfter`. */
    drop: boolean;
    dropAfter: boolean;
    serverError: boolean;
    conflict: boolean;
    sessionError: boolean;
    /** The round trip to add, already scaled; half before the work and half after. */
    latencyMs: number;
    locked: boolean;
    /** How the ended site session shows, or null when it didn't end. */
    sessionEnded: SessionEndedAnswer | null;
    gone: boolean;
    /** Never answer: before the work, or after it when `dropAfter`. */
    hang: boolean;
}

export function drawFaults(random: Random, faults: Faults, timeScale: number): FaultDraws {
    const drop = random.chance(faults.dropRate);
    const dropAfter = random.chance(0.5);
    const serverError = random.chance(faults.serverErrorRate);
    const conflict = random.chance(faults.conflictRate);
    const sessionError = random.chance(faults.sessionErrorRate);
    const latencyMs = random.between(faults.latencyMs[0], faults.latencyMs[1]) * timeScale;
    const locked = random.chance(faults.lockRate);
    // The later knobs draw only when on, so the seeded runs recorded before they existed replay unchanged.
    const sessionEnded =
        faults.authExpiryRate > 0 && random.chance(faults.authExpiryRate)
            ? SESSION_ENDED_ANSWERS[random.index(SESSION_ENDED_ANSWERS.length)]
            : null;
    const gone = faults.goneRate > 0 && random.chance(faults.goneRate);
    const hang = faults.hangRate > 0 && random.chance(faults.hangRate);
    return {
        drop,
        dropAfter,
        serverError,
        conflict,
        sessionError,
        latencyMs,
        locked,
        sessionEnded,
        gone,
        hang
    };
}

/**
 * The answer an injected fault forces instead of the real one, or undefined. An ended site session hits any
 * Connect request first (the site answers before the API does); a server error any request; a conflict only a
 * Connect write; a lock any Connect request. (A session error is the Apex route's to inject, an expired
 * checkout the Connect request's: both need the org.)
 */
export function injectedFault(
    draws: FaultDraws,
    method: string,
    path: string,
    isApex: boolean
): { fault: string; result: ApiResult } | undefined {
    const connect = !isApex && isConnectPath(path);
    if (draws.sessionEnded && connect) {
        return {
            fault: `session-ended-${draws.sessionEnded}`,
            result: sessionEndedResult(draws.sessionEnded, path)
        };
    }
    if (draws.serverError) {
        return {
            fault: 'server-error',
            result: isApex
                ? {
                      status: 500,
                      body: {
                          message: 'An internal server error occurred (injected).',
                          exceptionType: 'System.UnexpectedException'
                      }
                  }
                : connectError(
                      new ApiError(
                          500,
                          'UNKNOWN_EXCEPTION',
                          'An unexpected error occurred (injected fault). Retry the request.'
                      )
                  )
        };
    }
    if (draws.conflict && WRITE_METHODS.has(method) && connect) {
        return {
            fault: 'conflict',
            result: connectError(
                new ApiError(
                    409,
                    'CHECKOUT_CONFLICT',
                    'The cart was modified by another process (injected fault). Retry the request.'
                )
            )
        };
    }
    if (draws.locked && connect) {
        return {
            fault: 'locked',
            result: connectError(
                new ApiError(
                    423,
                    'UNABLE_TO_LOCK_ROW',
                    'unable to obtain exclusive access to this record (injected fault). Retry the request.'
                )
            )
        };
    }
    return undefined;
}
