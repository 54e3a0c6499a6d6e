/**
 * Industries CPQ (Vlocity) REST: the order a `cpq` scenario holds, its cart summary, and the checkout
 * submission (`checkOrderStatus`, `validateSubmittedXLI`, then the next SUBMIT code the `cpqOutcome` knob
 * plays). Answers in the shapes the CPQ API documents: a success is `{totalSize, records: [{id, objectType}]}`
 * with no `messages`; a refusal `{totalSize: 0, messages: [{code, severity: "ERROR", message}]}`. Where the
 * SUBMIT-1001…1009 codes of Order Management sit in a body isn't public: they come as `messages[].code`, a
 * guess (INFO beside a success's records, ERROR in a refusal).
 */
import { invalidInput, notFound } from '../errors';
import { PREFIX, makeId, sameId, type IdFactory } from '../ids';
import { formatMoney } from '../money';
import type { Scenario } from '../scenarios';
import { requireObject, rejectUnknownKeys, type JsonObject } from '../validation/json';
import { SUBMIT_MESSAGES } from './errorCatalogue';
import type { Org } from './org';
import type { ApiResult, CpqLineState, CpqOrderOverrides, CpqSettings, CpqState } from './records';

export const DEFAULT_CPQ_SETTINGS: CpqSettings = {
    namespace: 'vlocity_cmt',
    checkOrderStatus: true,
    validateSubmittedXLI: false
};

/** The code the CPQ API refuses unactivated line items and incomplete bundles with. */
const LINE_ITEMS_REFUSED = '214';

interface CpqMessage {
    code: string;
    message: string;
}

/**
 * The scenario's CPQ order, with the reset's overrides (to make active orders and failed validations
 * reachable).
 */
export function buildCpq(
    ids: IdFactory,
    scenario: Scenario,
    overrides: CpqOrderOverrides | undefined,
    settings: Partial<CpqSettings> | undefined
): CpqState {
    const data = scenario.cpq!;
    const lines: CpqLineState[] = data.lines.map((line) => ({
        Id: ids.next(PREFIX.orderItem),
        Name: line.name,
        bundle: line.bundle,
        isRoot: line.isRoot === true,
        requiredChildren: line.requiredChildren ?? 0,
        oneTime: line.oneTime,
        recurring: line.recurring,
        quantity: line.quantity,
        FulfilmentStatus__c: line.fulfilmentStatus
    }));
    if (overrides?.incompleteBundle) {
        const child = lines.findIndex((l) => l.bundle && !l.isRoot);
        if (child >= 0) lines.splice(child, 1);
    }
    const notActivated = overrides?.notActivatedLines ?? 0;
    for (let i = 0; i < Math.min(notActivated, lines.length); i++)
        lines[lines.length - 1 - i].FulfilmentStatus__c = 'Draft';
    return {
        cartId: makeId(PREFIX.order, 7100),
        settings: { ...DEFAULT_CPQ_SETTINGS, ...settings },
        orderNumber: '00000217',
        Status: overrides?.Status ?? data.status,
        OrderStatus__c:
            overrides?.OrderStatus__c !== undefined ? overrides.OrderStatus__c : data.orderStatus,
        SupersededOrderId__c:
            overrides?.SupersededOrderId__c !== undefined
                ? overrides.SupersededOrderId__c
                : data.supersededOrderId,
        isMultiSite: overrides?.isMultiSite ?? data.isMultiSite,
        sites: overrides?.isMultiSite ? ['San Francisco HQ', 'Portland Warehouse'] : data.sites,
        lines
    };
}

export function setCpqOutcomes(org: Org, outcomes: string[] | undefined): void {
    if (outcomes !== undefined) org.cpqOutcomes = [...outcomes];
}

function cpqCart(org: Org, namespace: string, cartId: string): CpqState {
    const cpq = org.cpq;
    if (!cpq)
        throw notFound('This store has no Industries CPQ cart (reset with the "cpq" scenario).');
    if (namespace !== cpq.settings.namespace)
        throw notFound(`No Apex REST service is installed under the namespace "${namespace}".`);
    if (!sameId(cartId, cpq.cartId)) throw notFound(`CPQ cart "${cartId}" was not found.`);
    return cpq;
}

export function cpqSummary(org: Org, namespace: string, cartId: string, href: string): ApiResult {
    const cpq = cpqCart(org, namespace, cartId);
    const oneTime = round2(cpq.lines.reduce((s, l) => s + l.oneTime * l.quantity, 0));
    const recurring = round2(cpq.lines.reduce((s, l) => s + l.recurring * l.quantity, 0));
    return {
        status: 200,
        body: {
            records: [
                {
                    Id: cpq.cartId,
                    AccountId: org.accountId,
                    AccountName: org.scenario.accountName,
                    OrderNumber: cpq.orderNumber,
                    Status: cpq.Status,
                    OrderStatus__c: cpq.OrderStatus__c,
                    EffectiveOneTimeTotal__c: oneTime,
                    EffectiveRecurringTotal__c: recurring,
                    CurrencyIsoCode: org.scenario.currencyIsoCode,
                    IsMultiSite: cpq.isMultiSite,
                    Sites: cpq.sites
                }
            ],
            actions: {
                checkout: { method: 'POST', href, rest: { method: 'POST', link: href } }
            },
            messages: [],
            totalSize: 1
        }
    };
}

export function cpqCheckout(org: Org, namespace: string, cartId: string, body: unknown): ApiResult {
    const cpq = cpqCart(org, namespace, cartId);
    const obj = body === undefined ? {} : requireObject(body, 'The request body');
    rejectUnknownKeys(
        obj,
        [
            'methodName',
            'cartId',
            'ContextId',
            'validateSubmittedXLI',
            'assetizeFullBundlePerRoot',
            'checkOrderStatus',
            'provisioningStatus',
            'skipCheckoutValidation'
        ],
        'the CPQ checkout input'
    );
    if (obj.methodName !== undefined && obj.methodName !== 'checkout') {
        throw invalidInput(
            `methodName "${String(obj.methodName)}" isn't supported here; use "checkout".`
        );
    }
    if (
        obj.cartId !== undefined &&
        (typeof obj.cartId !== 'string' || !sameId(obj.cartId, cpq.cartId))
    ) {
        throw invalidInput('cartId in the body must match the cart in the URL.');
    }
    if (obj.ContextId !== undefined && typeof obj.ContextId !== 'string')
        throw invalidInput('ContextId must be a string.');
    const checkOrderStatus = flag(obj, 'checkOrderStatus', DEFAULT_CPQ_SETTINGS.checkOrderStatus);
    const validateSubmittedXLI = flag(
        obj,
        'validateSubmittedXLI',
        DEFAULT_CPQ_SETTINGS.validateSubmittedXLI
    );
    flag(obj, 'assetizeFullBundlePerRoot', false);
    flag(obj, 'skipCheckoutValidation', false);

    if (checkOrderStatus && isActiveOrder(cpq)) {
        return refusal([
            {
                code: 'CPQ-ORDER-ACTIVE',
                message: `Order ${cpq.orderNumber} is already active (Status ${cpq.Status}, OrderStatus__c ${cpq.OrderStatus__c ?? 'none'}) and can't be submitted again.`
            }
        ]);
    }
    if (validateSubmittedXLI) {
        const problems: CpqMessage[] = [];
        const incomplete = incompleteBundles(cpq);
        if (incomplete.length > 0) {
            problems.push({
                code: LINE_ITEMS_REFUSED,
                message: `Submit each bundle whole; these are missing items: ${incomplete.join(', ')}.`
            });
        }
        const notActivated = cpq.lines.filter((l) => l.FulfilmentStatus__c !== 'Activated');
        if (notActivated.length > 0) {
            problems.push({
                code: LINE_ITEMS_REFUSED,
                message: `These line items aren't activated yet: ${notActivated.map((l) => l.Name).join(', ')}.`
            });
        }
        if (problems.length > 0) return refusal(problems);
    }

    const code =
        obj.ContextId === undefined || obj.ContextId === '' ? 'SUBMIT-1005' : nextCpqOutcome(org);
    const accepted =
        code === undefined ||
        code === 'SUBMIT-1001' ||
        code === 'SUBMIT-1002' ||
        code === 'SUBMIT-1008';
    if (accepted || code === 'SUBMIT-1006') {
        // 1006: Order Management's answer is unknown, but the order may exist: it is marked as submitted.
        cpq.OrderStatus__c = code === 'SUBMIT-1008' ? 'Complete' : 'In Progress';
        if (code === 'SUBMIT-1008') cpq.Status = 'Activated';
    }
    if (!accepted) return refusal([{ code, message: SUBMIT_MESSAGES[code] }]);
    org.orders.push({
        source: 'cpq',
        checkoutId: null,
        orderId: cpq.cartId,
        orderNumber: cpq.orderNumber,
        orderReferenceNumber: null,
        grandTotalAmount: formatMoney(
            Math.round(cpq.lines.reduce((s, l) => s + l.oneTime * l.quantity, 0) * 100)
        ),
        currencyIsoCode: org.scenario.currencyIsoCode,
        placedAt: org.now(),
        ...(code === undefined ? {} : { code })
    });
    // Submitting an order yields the order in fulfilment, or the account once it is assetized.
    const record =
        code === 'SUBMIT-1008'
            ? { id: org.accountId, objectType: 'Account' }
            : { id: cpq.cartId, objectType: 'Order' };
    return {
        status: 200,
        body: {
            totalSize: 1,
            records: [record],
            ...(code === undefined
                ? {}
                : { messages: [{ code, severity: 'INFO', message: SUBMIT_MESSAGES[code] }] })
        }
    };
}

function refusal(messages: CpqMessage[]): ApiResult {
    return {
        status: 200,
        body: { totalSize: 0, messages: messages.map((m) => ({ ...m, severity: 'ERROR' })) }
    };
}

/** The next SUBMIT code the `cpqOutcome` knob plays (the last one repeats); none: a plain success. */
function nextCpqOutcome(org: Org): string | undefined {
    if (org.cpqOutcomes.length > 1) return org.cpqOutcomes.shift()!;
    return org.cpqOutcomes[0];
}

/** The seed's definition of an active order. */
function isActiveOrder(cpq: CpqState): boolean {
    return (
        cpq.Status === 'Activated' ||
        ['In Progress', 'Cancelled', 'Cancel Requested', 'Complete'].includes(
            cpq.OrderStatus__c ?? ''
        ) ||
        (cpq.SupersededOrderId__c !== null && cpq.SupersededOrderId__c !== '')
    );
}

function incompleteBundles(cpq: CpqState): string[] {
    const result: string[] = [];
    for (const root of cpq.lines.filter((l) => l.isRoot && l.bundle)) {
        const children = cpq.lines.filter((l) => l.bundle === root.bundle && !l.isRoot).length;
        if (children < root.requiredChildren) result.push(root.Name);
    }
    return result;
}

/** CPQ flags arrive as booleans, or as "true"/"false" strings in Vlocity style. */
function flag(obj: JsonObject, key: string, fallback: boolean): boolean {
    const value = obj[key];
    if (value === undefined || value === null) return fallback;
    if (value === true || value === 'true') return true;
    if (value === false || value === 'false') return false;
    throw invalidInput(`${key} must be true or false.`);
}

function round2(n: number): number {
    return Math.round(n * 100) / 100;
}
