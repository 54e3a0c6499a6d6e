/**
 * Order submission outcomes: the Industries CPQ answers (docs/contract-decisions.md) turned into an
 * OrderResult with a labelled message, and the one rule for trying an order again.
 */
import { isObject, shopperSafe } from './answers';
import { ENGINE_CODES } from './engineCodes';
import * as labels from './labels';
import type { CpqSubmission, OrderResult, SubmitOutcome } from './types';

/** Each Industries CPQ submit code with its outcome and the label that says it. */
const SUBMIT_CODES: Record<string, [SubmitOutcome, string]> = {
    'SUBMIT-1001': ['success', labels.cpqSubmit1001],
    'SUBMIT-1002': ['success', labels.cpqSubmit1002],
    'SUBMIT-1003': ['rejected', labels.cpqSubmit1003],
    'SUBMIT-1004': ['retryable', labels.cpqSubmit1004],
    'SUBMIT-1005': ['configuration', labels.cpqSubmit1005],
    'SUBMIT-1006': ['unknown', labels.cpqSubmit1006],
    'SUBMIT-1007': ['rejected', labels.cpqSubmit1007],
    'SUBMIT-1008': ['success', labels.cpqSubmit1008],
    'SUBMIT-1009': ['retryable', labels.cpqSubmit1009]
};

/** Maps a CPQ submit code to its outcome; an unrecognised code is `unknown` (never resubmitted blindly). */
export function submitOutcomeFor(code: string): SubmitOutcome {
    return SUBMIT_CODES[code]?.[0] ?? 'unknown';
}

/** The result a CPQ submit code stands for, with its labelled message. */
export function cpqSubmitResult(code: string): OrderResult {
    return {
        strategy: 'cpq',
        outcome: submitOutcomeFor(code),
        code,
        message: SUBMIT_CODES[code]?.[1] ?? labels.orderUnknown
    };
}

/**
 * Reads a CPQ submission in the Industries CPQ shapes: a SUBMIT code decides when one is present (its place is
 * a guess, docs/contract-decisions.md); otherwise an `ERROR` message is a refusal, written for people, and
 * `records` are what the submission created (an Opportunity gives a Quote, a Quote an Order, an Order an
 * Account).
 */
export function cpqResult(response: CpqSubmission): OrderResult {
    const messages = (Array.isArray(response?.messages) ? response.messages : []).filter(isObject);
    const records = (Array.isArray(response?.records) ? response.records : []).filter(isObject);
    const created = records.find((record) => typeof record.id === 'string' && record.id !== '');
    const orderId = created?.objectType === 'Order' ? { orderId: created.id } : {};
    const submit = messages.find((message) => SUBMIT_CODES[message.code] !== undefined);
    if (submit) return { ...cpqSubmitResult(submit.code), ...orderId };
    const refusal = messages.find((message) => message.severity === 'ERROR');
    if (refusal) {
        return {
            strategy: 'cpq',
            outcome: 'rejected',
            code: refusal.code,
            message: shopperSafe(refusal.message) ?? labels.orderFailed
        };
    }
    if (created) {
        return {
            strategy: 'cpq',
            outcome: 'success',
            code: created.objectType,
            message: created.objectType === 'Quote' ? labels.cpqQuoteCreated : labels.orderPlaced,
            ...orderId
        };
    }
    return { strategy: 'cpq', outcome: 'unknown', message: labels.orderUnknown };
}

/** A placed Commerce order: here, in another tab, or before a reload. */
export function placedOrder(orderReferenceNumber: string, orderId?: string | null): OrderResult {
    return {
        strategy: 'commerce',
        outcome: 'success',
        orderReferenceNumber,
        ...(orderId ? { orderId } : {}),
        message: labels.orderPlaced
    };
}

/**
 * The one rule for trying an order again: a Commerce failure may always be retried (the server is idempotent
 * per checkout); an Industries CPQ failure only when its outcome is `retryable` (rejected and configuration
 * outcomes cannot change by retrying, and after `unknown` the order may exist). Success is final.
 */
export function orderResult(result: OrderResult): OrderResult {
    const canRetry =
        result.outcome !== 'success' &&
        (result.strategy === 'commerce' || result.outcome === 'retryable');
    return { ...result, canRetry };
}

/**
 * A CPQ submission that threw. Without a server answer (no status) the answer was lost and the order may
 * exist: it is sent again only when the admin's policy refuses an active order (`checkOrderStatus`),
 * otherwise it is `unknown`. With an answer, the Apex refused it; only an AuraHandledException's message is
 * written for shoppers.
 */
export function cpqFailure(error: unknown, canResend: boolean): OrderResult {
    const failure = (isObject(error) ? error : {}) as {
        status?: unknown;
        body?: { message?: unknown; exceptionType?: unknown } | null;
    };
    const status = typeof failure.status === 'number' ? failure.status : 0;
    const outcome = canResend ? 'retryable' : status > 0 ? 'rejected' : 'unknown';
    if (status <= 0) {
        const message = canResend ? labels.errorNetwork : labels.orderUnknown;
        return { strategy: 'cpq', outcome, code: ENGINE_CODES.network, message };
    }
    const body = failure.body ?? {};
    const safe =
        body.exceptionType === 'AuraHandledException' ? shopperSafe(body.message) : undefined;
    return {
        strategy: 'cpq',
        outcome,
        code: `HTTP_${status}`,
        message: safe ?? labels.orderFailed
    };
}
