/**
 * Reading the server's answers: what a body is, and what a refusal says to the shopper. Pure.
 *
 * Whose words reach the shopper (docs/contract-decisions.md, "Error texts"): an integration error's `title`
 * is written for shoppers; its `detail` can be an exception text and is never shown. A platform
 * `{errorCode, message}` is for developers: it becomes a Custom Label by code, or by the field its message
 * names; its text is never shown. Text with an unfilled `{0}` placeholder is never shown.
 */
import { tooLongMessage } from 'c/checkoutValidation';
import * as labels from './labels';
import type { Calculation, Checkout, HttpResponse } from './types';

export function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isCheckoutBody(body: unknown): body is Checkout {
    return isObject(body) && typeof body.checkoutId === 'string' && isObject(body.deliveryGroups);
}

/**
 * The site session ended: the site answers with its login page (HTML, also where a redirect was followed), a
 * redirect, 401 or 403 instead of an API answer. Nothing in such an answer confirms anything.
 */
export function isSignedOut(response: HttpResponse): boolean {
    const { status, body } = response;
    return (
        status === 401 ||
        status === 403 ||
        (status >= 300 && status < 400) ||
        (status < 300 && typeof body === 'string')
    );
}

/** A refusal in the shopper's words, and the field it is about when the server named one. */
export interface Refusal {
    code?: string;
    message: string;
    /** `contactInfo.firstName` → `{area: 'contactInfo', name: 'firstName'}`. */
    field?: { area: 'contactInfo' | 'deliveryAddress'; name: string };
}

/** Text meant for people, as long as nothing is left unfilled in it. */
export function shopperSafe(text: unknown): string | undefined {
    return typeof text === 'string' && text.trim() !== '' && !/\{\d+\}/.test(text)
        ? text
        : undefined;
}

/**
 * The calculators' integration error types, by the word in `/commerce/errors/<word>-failure`: the calculation it
 * reports (promotions are part of pricing) and the label that says it.
 */
const CALCULATIONS: Record<string, [Calculation, string]> = {
    shipping: ['shipping', labels.errorShippingCalculation],
    tax: ['tax', labels.errorTaxCalculation],
    pricing: ['pricing', labels.errorPricingCalculation],
    promotions: ['pricing', labels.errorPricingCalculation],
    inventory: ['inventory', labels.errorInventoryCalculation]
};

function calculationEntry(type: unknown): [Calculation, string] | undefined {
    const word = typeof type === 'string' ? /\/([a-z]+)-failure$/.exec(type)?.[1] : undefined;
    return word ? CALCULATIONS[word] : undefined;
}

/** The calculation an integration error `type` reports (`/commerce/errors/tax-failure` → tax). */
export function calculationOf(type: unknown): Calculation | undefined {
    return calculationEntry(type)?.[0];
}

/** The label for an integration error `type`, when it names a calculator. */
export function calculationLabel(type: unknown): string | undefined {
    return calculationEntry(type)?.[1];
}

/** Platform codes whose meaning we can say better than the generic fallback. */
const CODE_LABELS: Record<string, string> = { CHECKOUT_CONFLICT: labels.errorConflict };

const FIELD_PATH = /^(contactInfo|deliveryAddress)\.(\w+)\b/;

/**
 * What a refusal says to the shopper: `[{errorCode, message}]`, `{errors: [{type, title, detail}]}` or
 * `{type, title, detail}`; `fallback` when nothing in it is for shoppers.
 */
export function readRefusal(body: unknown, fallback: string): Refusal {
    const first = Array.isArray(body)
        ? body[0]
        : isObject(body) && Array.isArray(body.errors)
          ? body.errors[0]
          : body;
    if (!isObject(first)) return { message: fallback };
    if (typeof first.type === 'string') {
        return {
            code: first.type,
            message: shopperSafe(first.title) ?? calculationLabel(first.type) ?? fallback
        };
    }
    const code = typeof first.errorCode === 'string' ? first.errorCode : undefined;
    const text = typeof first.message === 'string' ? first.message : '';
    const path = FIELD_PATH.exec(text);
    if (path) {
        const limit = /longer than (\d+) characters/.exec(text)?.[1];
        return {
            code,
            message: limit ? tooLongMessage(Number(limit)) : labels.errorRejected,
            field: { area: path[1] as 'contactInfo' | 'deliveryAddress', name: path[2] }
        };
    }
    return { code, message: (code && CODE_LABELS[code]) || fallback };
}
