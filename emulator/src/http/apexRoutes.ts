/**
 * Apex, as `@salesforce/apex/{Class}.{method}` reaches it (`POST /apex/{Class}/{method}`): the
 * CartCheckoutSession read and the Industries CPQ controller. A failure is an AuraHandledException (500).
 */
import { ApiError, invalidInput } from '../errors';
import { looksLikeId, sameId } from '../ids';
import type { ApiResult, OrgModel } from '../model';
import type { CpqSettings } from '../model/records';
import { isObject, rejectUnknownKeys, type JsonObject } from '../validation/json';

/** No such Apex class or method: not an Apex exception, so not a 500. */
export class ApexRouteError extends ApiError {}

/** Parameters older clients send that are admin settings now: accepted and ignored. */
const RETIRED_CPQ_PARAMETERS = ['namespace', 'checkOrderStatus', 'validateSubmittedXLI'];

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
    if (key === 'CpqCheckoutController.checkout') {
        const { cartId, namespace, settings } = cpqCall(model, params, m[2]);
        const answer = model.cpqCheckout(namespace, cartId, {
            methodName: 'checkout',
            cartId,
            ContextId: cartId,
            checkOrderStatus: settings.checkOrderStatus,
            validateSubmittedXLI: settings.validateSubmittedXLI
        });
        return { status: 200, body: cpqCheckoutDto(answer.body) };
    }
    if (key === 'CpqCheckoutController.getCartSummary') {
        const { cartId, href, namespace, settings } = cpqCall(model, params, m[2]);
        const summary = model.cpqSummary(namespace, cartId, href).body;
        const record =
            isObject(summary) && Array.isArray(summary.records) ? summary.records[0] : null;
        const header = isObject(record) ? record : {};
        return {
            status: 200,
            body: {
                oneTimeTotal: numberOrNull(header.EffectiveOneTimeTotal__c),
                recurringTotal: numberOrNull(header.EffectiveRecurringTotal__c),
                currencyIsoCode:
                    typeof header.CurrencyIsoCode === 'string' ? header.CurrencyIsoCode : null,
                checkOrderStatus: settings.checkOrderStatus
            }
        };
    }
    throw new ApexRouteError(404, 'NOT_FOUND', `No Apex method ${key} in this org.`);
}

/**
 * The CPQ controller's checks before its callout: a cart id the shopper may use (the Apex answers every
 * failure here with one message), and the admin's settings.
 */
function cpqCall(
    model: OrgModel,
    params: JsonObject,
    method: string
): { cartId: string; namespace: string; settings: CpqSettings; href: string } {
    rejectUnknownKeys(params, ['cartId', ...RETIRED_CPQ_PARAMETERS], `${method} parameters`);
    const cpq = model.cpq;
    const cartId = typeof params.cartId === 'string' ? params.cartId.trim() : '';
    if (!cpq || !looksLikeId(cartId) || !sameId(cartId, cpq.cartId))
        throw invalidInput('Provide a valid cart id.');
    const { namespace } = cpq.settings;
    return {
        cartId,
        namespace,
        settings: cpq.settings,
        href: `/services/apexrest/${namespace}/v2/cpq/carts/${cartId}/items/checkout`
    };
}

/** `CpqCheckoutController.checkout`'s DTO of the CPQ answer: every list present, never null. */
function cpqCheckoutDto(body: unknown): Record<string, unknown> {
    const answer = isObject(body) ? body : {};
    const records = Array.isArray(answer.records) ? answer.records.filter(isObject) : [];
    const messages = Array.isArray(answer.messages) ? answer.messages.filter(isObject) : [];
    return {
        totalSize: typeof answer.totalSize === 'number' ? answer.totalSize : records.length,
        records: records.map((r) => ({ id: r.id ?? null, objectType: r.objectType ?? null })),
        messages: messages.map((m) => ({
            code: m.code ?? null,
            severity: m.severity ?? null,
            message: m.message ?? null
        }))
    };
}

function numberOrNull(value: unknown): number | null {
    return typeof value === 'number' ? value : null;
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
