/**
 * Reading the server's answers: what a body is, and the first message a refusal carries. Pure.
 */
import type { Checkout } from './types';

export function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isCheckoutBody(body: unknown): body is Checkout {
    return isObject(body) && typeof body.checkoutId === 'string' && isObject(body.deliveryGroups);
}

/** `[{errorCode, message}]`, `{errors: [{detail}]}` or `{message}`: the first readable server message. */
export function serverMessage(body: unknown): { code?: string; message?: string } {
    const first = Array.isArray(body)
        ? body[0]
        : isObject(body) && Array.isArray(body.errors)
          ? body.errors[0]
          : body;
    if (!isObject(first)) return {};
    const message = [first.message, first.detail, first.title].find(
        (text) => typeof text === 'string'
    );
    const code = [first.errorCode, first.type].find((text) => typeof text === 'string');
    return { code: code as string | undefined, message: message as string | undefined };
}
