/**
 * The CSRF rule of a signed-in storefront session (platform-evidence §1): Salesforce's own components send
 * every write with a `CSRF-Token` header from `@app/csrfToken`. Whether the platform refuses a write without
 * it, and with which status, is not observed: the emulator assumes it does (401) for signed-in buyers, and
 * asks nothing of guests.
 */
import type { ApiResult, OrgModel } from '../model';
import { isConnectPath, WRITE_METHODS } from './connectRoutes';

/** The 401 a signed-in Connect write without the session's token gets, or undefined when it may pass. */
export function csrfRefusal(
    model: OrgModel,
    method: string,
    path: string,
    header: string | string[] | undefined
): ApiResult | undefined {
    if (model.scenario.isGuest || !WRITE_METHODS.has(method) || !isConnectPath(path))
        return undefined;
    if (header === model.csrfToken) return undefined;
    return {
        status: 401,
        body: [
            {
                errorCode: 'INVALID_CSRF_TOKEN',
                message:
                    header === undefined
                        ? 'This request needs the CSRF-Token header of the signed-in session.'
                        : "The CSRF-Token header doesn't match the signed-in session's token."
            }
        ]
    };
}
