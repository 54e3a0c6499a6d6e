/**
 * Apex, as `@salesforce/apex/{Class}.{method}` reaches it (`POST /apex/{Class}/{method}`): the
 * CartCheckoutSession read and the Industries CPQ controller. A failure is an AuraHandledException (500).
 */
import { ApiError, invalidInput } from '../errors';
import type { ApiResult, OrgModel } from '../model';
import { isObject, rejectUnknownKeys, type JsonObject } from '../validation/json';

/** No such Apex class or method: not an Apex exception, so not a 500. */
export class ApexRouteError extends ApiError {}

export function dispatchApex(
    model: OrgModel,
    path: string,
    method: string,
    body: unknown,
    sessionError: boolean
): ApiResult {
    const m = /^\/apex\/([A-Za-z_]\w*)\/([A-Za-z_]\w*)$/.exec(path);
    if (!m) throw new ApexRouteError(404, 'NOT_FOUND', `No Apex method at ${path}.`);
    if (method !== 'POST')
        throw new ApexRouteError(405, 'METHOD_NOT_ALLOWED', 'Apex methods are called with POST.');
    const params: JsonObject = body === undefined ? {} : isObject(body) ? body : {};
    if (body !== undefined && !isObject(body))
        throw invalidInput('The Apex parameters must be a JSON object.');
    const key = `${m[1]}.${m[2]}`;
    if (key === 'CheckoutSessionController.getSession') {
        rejectUnknownKeys(params, ['checkoutId'], 'getSession parameters');
        if (typeof params.checkoutId !== 'string' || params.checkoutId === '')
            throw invalidInput('checkoutId is required.');
        if (sessionError) {
            return {
                status: 500,
                body: {
                    message: 'Unable to read the checkout session (injected fault).',
                    exceptionType: 'AuraHandledException'
                }
            };
        }
        const record = model.sessionRecord(params.checkoutId);
        return { status: 200, body: record ? sessionDto(record) : null };
    }
    if (
        key === 'CpqCheckoutController.checkout' ||
        key === 'CpqCheckoutController.getCartSummary'
    ) {
        const isCheckout = key === 'CpqCheckoutController.checkout';
        rejectUnknownKeys(
            params,
            isCheckout
                ? ['cartId', 'namespace', 'checkOrderStatus', 'validateSubmittedXLI']
                : ['cartId', 'namespace'],
            `${m[2]} parameters`
        );
        if (typeof params.cartId !== 'string' || typeof params.namespace !== 'string') {
            throw invalidInput('cartId and namespace are required.');
        }
        const href = `/services/apexrest/${params.namespace}/v2/cpq/carts/${params.cartId}/items/checkout`;
        if (!isCheckout) return model.cpqSummary(params.namespace, params.cartId, href);
        const checkOrderStatus = params.checkOrderStatus ?? true;
        const validateSubmittedXLI = params.validateSubmittedXLI ?? false;
        return model.cpqCheckout(params.namespace, params.cartId, {
            methodName: 'checkout',
            cartId: params.cartId,
            ContextId: params.cartId,
            checkOrderStatus,
            validateSubmittedXLI
        });
    }
    throw new ApexRouteError(404, 'NOT_FOUND', `No Apex method ${key} in this org.`);
}

/** The controller's DTO of the CartCheckoutSession record. */
function sessionDto(record: Record<string, unknown>): Record<string, unknown> {
    return {
        checkoutId: record.Id,
        isProcessing: record.IsProcessing,
        isError: record.IsError,
        isArchived: record.IsArchived,
        state: record.State,
        nextState: record.NextState,
        orderId: record.OrderId,
        orderReferenceNumber: record.OrderReferenceNumber,
        backgroundOperationId: record.BackgroundOperationId
    };
}
