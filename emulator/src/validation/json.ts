/**
 * JSON request bodies as they arrive, and the structural checks every body shares. Pure: never touches
 * state.
 */
import { invalidInput } from '../errors';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isObject(value: unknown): value is JsonObject {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function requireObject(value: unknown, what: string): JsonObject {
    if (!isObject(value)) throw invalidInput(`${what} must be a JSON object.`);
    return value;
}

export function rejectUnknownKeys(
    value: JsonObject,
    allowed: readonly string[],
    what: string
): void {
    for (const key of Object.keys(value)) {
        if (!allowed.includes(key)) {
            throw invalidInput(
                `Unrecognized field "${key}" in ${what}. Allowed: ${allowed.join(', ')}.`
            );
        }
    }
}

export function optionalString(
    obj: JsonObject,
    key: string,
    what: string,
    maxLength: number
): string | undefined {
    const value = obj[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') throw invalidInput(`${what}.${key} must be a string.`);
    if (value.length > maxLength)
        throw invalidInput(`${what}.${key} is longer than ${maxLength} characters.`);
    return value;
}

export function optionalBoolean(obj: JsonObject, key: string, what: string): boolean | undefined {
    const value = obj[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'boolean') throw invalidInput(`${what}.${key} must be true or false.`);
    return value;
}

/** Drops the keys a validator left undefined, so an output lists only what the body set. */
export function stripUndefined<T extends object>(value: T): T {
    for (const key of Object.keys(value) as (keyof T)[]) {
        if (value[key] === undefined) delete value[key];
    }
    return value;
}
