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
}

export function drawFaults(random: Random, faults: Faults, timeScale: number): FaultDraws {
    const drop = random.chance(faults.dropRate);
    const dropAfter = random.chance(0.5);
    const serverError = random.chance(faults.serverErrorRate);
    const conflict = random.chance(faults.conflictRate);
    const sessionError = random.chance(faults.sessionErrorRate);
    const latencyMs = random.between(faults.latencyMs[0], faults.latencyMs[1]) * timeScale;
    const locked = random.chance(faults.lockRate);
    return { drop, dropAfter, serverError, conflict, sessionError, latencyMs, locked };
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The answer an injected fault forces instead of the real one, or undefined. A server error hits any request;
 * a conflict only a Connect write; a lock any Connect request. (A session error is the Apex route's to
 * inject.)
 */
export function injectedFault(
    draws: FaultDraws,
    method: string,
    path: string,
    isApex: boolean
): { fault: string; result: ApiResult } | undefined {
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
    const connect = !isApex && path.includes('/commerce/webstores/');
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
