/** Fault injection and the latency model, as `PUT /__emulator/faults` sets them. */
import { invalidInput } from './errors';
import { isObject, rejectUnknownKeys, type JsonObject } from './validation/json';

export type Range = [number, number];

export const CALCULATORS = ['inventory', 'pricing', 'promotions', 'shipping', 'tax'] as const;
export type Calculator = (typeof CALCULATORS)[number];
/** Processing phases with a configurable duration: the calculators, plus order placement. */
export type ProcessingPhase = Calculator | 'order';

export interface Faults {
    /** A write answers 409 CHECKOUT_CONFLICT as if custom code held the cart. */
    conflictRate: number;
    /** Any request answers 500. */
    serverErrorRate: number;
    /** The socket is destroyed without an answer (before or after the request took effect: a coin toss). */
    dropRate: number;
    /** Each calculator run fails (the checkout answers 422, the session goes to Error). */
    calculatorFailureRate: number;
    /** `CheckoutSessionController.getSession` throws (500, AuraHandledException). */
    sessionErrorRate: number;
    /** A Connect request answers 423 UNABLE_TO_LOCK_ROW (the record is locked), without effect. */
    lockRate: number;
    /**
     * The site session ended: a Connect request answers as an expired LWR site does (a 200 HTML login page, a
     * 302 to the login page, or 401 INVALID_SESSION_ID; a seeded pick), without effect.
     */
    authExpiryRate: number;
    /** A request on a checkout finds it expired: the checkout is really gone (410), a start makes a new one. */
    goneRate: number;
    /** The request is never answered, until the client gives up or the emulator is reset. */
    hangRate: number;
    /** Round trip added to every request, split evenly before and after the work. */
    latencyMs: Range;
    processingMs: Record<ProcessingPhase, Range>;
}

export function defaultFaults(): Faults {
    return {
        conflictRate: 0,
        serverErrorRate: 0,
        dropRate: 0,
        calculatorFailureRate: 0,
        sessionErrorRate: 0,
        lockRate: 0,
        authExpiryRate: 0,
        goneRate: 0,
        hangRate: 0,
        latencyMs: [50, 150],
        processingMs: {
            inventory: [100, 250],
            pricing: [200, 500],
            promotions: [100, 250],
            shipping: [600, 1500],
            tax: [200, 600],
            order: [300, 800]
        }
    };
}

const RATES = [
    'conflictRate',
    'serverErrorRate',
    'dropRate',
    'calculatorFailureRate',
    'sessionErrorRate',
    'lockRate',
    'authExpiryRate',
    'goneRate',
    'hangRate'
] as const;

function parseRange(value: unknown, what: string): Range {
    if (
        !Array.isArray(value) ||
        value.length !== 2 ||
        !value.every((n) => typeof n === 'number' && Number.isFinite(n) && n >= 0) ||
        value[0] > value[1]
    ) {
        throw invalidInput(`${what} must be [min, max] with 0 <= min <= max.`);
    }
    return [value[0], value[1]];
}

/** Builds faults from a body: the given fields over the defaults (PUT replaces the whole setting). */
export function parseFaults(body: unknown, base: Faults = defaultFaults()): Faults {
    if (!isObject(body)) throw invalidInput('The faults body must be a JSON object.');
    rejectUnknownKeys(body, [...RATES, 'latencyMs', 'processingMs', 'cpqOutcome'], 'faults');
    const faults: Faults = { ...base, processingMs: { ...base.processingMs } };
    for (const rate of RATES) {
        const value = body[rate];
        if (value === undefined) continue;
        if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
            throw invalidInput(`${rate} must be a number between 0 and 1.`);
        }
        faults[rate] = value;
    }
    if (body.latencyMs !== undefined) faults.latencyMs = parseRange(body.latencyMs, 'latencyMs');
    if (body.processingMs !== undefined) {
        if (!isObject(body.processingMs))
            throw invalidInput('processingMs must be an object of [min, max] ranges.');
        const processing: JsonObject = body.processingMs;
        rejectUnknownKeys(processing, [...CALCULATORS, 'order'], 'processingMs');
        for (const [phase, range] of Object.entries(processing)) {
            faults.processingMs[phase as ProcessingPhase] = parseRange(
                range,
                `processingMs.${phase}`
            );
        }
    }
    return faults;
}
