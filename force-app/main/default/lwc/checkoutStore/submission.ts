/**
 * Order submission outcomes: the Industries CPQ SUBMIT-100N codes (docs/contract-decisions.md) and the
 * Commerce place-order answers, turned into an OrderResult with a labelled message.
 */
import * as labels from './labels';
import type { CheckoutError, CpqResponse, OrderResult, SubmitOutcome } from './types';

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

/** Pre-submit refusals (checkOrderStatus / validateSubmittedXLI): the order was not submitted. */
const CPQ_REFUSALS: Record<string, string> = {
    'CPQ-ORDER-ACTIVE': labels.cpqOrderActive,
    'CPQ-XLI-NOT-ACTIVATED': labels.cpqNotActivated,
    'CPQ-BUNDLE-INCOMPLETE': labels.cpqBundleIncomplete
};

/** Maps a CPQ submit code to its outcome; an unrecognised code is `unknown` (never resubmitted blindly). */
export function submitOutcomeFor(code: string): SubmitOutcome {
    return SUBMIT_CODES[code]?.[0] ?? 'unknown';
}

export function submitMessageFor(code: string): string {
    return SUBMIT_CODES[code]?.[1] ?? CPQ_REFUSALS[code] ?? labels.orderUnknown;
}

/** The result a CPQ submit code stands for, with its labelled message. */
export function cpqSubmitResult(code: string): OrderResult {
    return {
        strategy: 'cpq',
        outcome: submitOutcomeFor(code),
        code,
        message: submitMessageFor(code)
    };
}

function stringField(
    record: Record<string, unknown> | undefined,
    name: string
): string | undefined {
    const value = record?.[name];
    return typeof value === 'string' && value ? value : undefined;
}

/** Reads a CPQ checkout response: the SUBMIT code decides; a refusal code means nothing was submitted. */
export function cpqResult(response: CpqResponse): OrderResult {
    const messages = Array.isArray(response?.messages) ? response.messages : [];
    const submit = messages.find((message) => SUBMIT_CODES[message.code] !== undefined);
    const record = Array.isArray(response?.records) ? response.records[0] : undefined;
    if (submit) {
        const result = cpqSubmitResult(submit.code);
        const orderId = stringField(record, 'orderId');
        const orderNumber = stringField(record, 'orderNumber');
        if (orderId) result.orderId = orderId;
        if (orderNumber) result.orderReferenceNumber = orderNumber;
        return result;
    }
    const refusal = messages.find((message) => CPQ_REFUSALS[message.code] !== undefined);
    if (refusal) {
        return {
            strategy: 'cpq',
            outcome: 'rejected',
            code: refusal.code,
            message: CPQ_REFUSALS[refusal.code]
        };
    }
    const error = messages.find((message) => message.severity === 'ERROR');
    return {
        strategy: 'cpq',
        outcome: 'unknown',
        code: error?.code,
        message: labels.orderUnknown
    };
}

/** The shopper-facing text of a server error: its localized detail or title, else a label. */
export function errorText(error: CheckoutError | undefined, fallback: string): string {
    return error?.detail || error?.title || fallback;
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

/** Only an Apex exception says something meant for the shopper (AuraHandledException). */
const SHOPPER_SAFE_EXCEPTIONS = ['AuraHandledException'];

/**
 * A rejected CPQ submission: with a server answer (an Apex error: `{status, body: {message, exceptionType}}`)
 * the order failed there; without one (no status) it is a network failure, coded `NETWORK_ERROR` (the
 * caller labels it).
 */
export function cpqFailure(error: unknown): OrderResult {
    const failure = (typeof error === 'object' && error !== null ? error : {}) as {
        status?: unknown;
        body?: { message?: unknown; exceptionType?: unknown } | null;
    };
    const status = typeof failure.status === 'number' ? failure.status : 0;
    if (status <= 0) {
        return { strategy: 'cpq', outcome: 'retryable', code: 'NETWORK_ERROR', message: '' };
    }
    const body = failure.body ?? {};
    const safe =
        typeof body.message === 'string' &&
        body.message.trim() !== '' &&
        SHOPPER_SAFE_EXCEPTIONS.includes(String(body.exceptionType));
    return {
        strategy: 'cpq',
        outcome: 'retryable',
        code: `HTTP_${status}`,
        message: safe ? (body.message as string) : labels.orderFailed
    };
}
