/**
 * Value formats the Connect API checks: email, phone, ids, ISO dates, date-times and times.
 * Independent of the engine's checkoutValidation on purpose (DESIGN §5): two readings of one contract.
 */
import { invalidInput } from '../errors';

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Digits and the usual separators; `*` is allowed because the seed's examples mask digits with it. */
export const PHONE = /^[0-9+()\-.\s*x]{3,40}$/;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
    /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/;
/** The documented time format is `HH:mm.ss.SSS[Z]`; the usual `HH:mm:ss.SSS[Z]` is accepted as well. */
export const TIME = /^([01]\d|2[0-3]):([0-5]\d)[.:]([0-5]\d)(\.\d{1,3})?Z?$/;

function isRealDate(year: string, month: string, day: string): boolean {
    const d = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
    return (
        d.getUTCFullYear() === Number(year) &&
        d.getUTCMonth() === Number(month) - 1 &&
        d.getUTCDate() === Number(day)
    );
}

export function isIsoDate(value: string): boolean {
    const m = DATE.exec(value);
    return !!m && isRealDate(m[1], m[2], m[3]);
}

export function isIsoDateTime(value: string): boolean {
    const m = DATE_TIME.exec(value);
    return (
        !!m &&
        isRealDate(m[1], m[2], m[3]) &&
        Number(m[4]) < 24 &&
        Number(m[5]) < 60 &&
        Number(m[6]) < 60
    );
}

export function validateId(value: unknown, what: string): string {
    if (typeof value !== 'string' || value === '')
        throw invalidInput(`${what} must be a non-empty string.`);
    if (!/^[0-9A-Za-z]{15}([0-9A-Za-z]{3})?$/.test(value))
        throw invalidInput(`${what} "${value}" isn't a valid id.`);
    return value;
}
