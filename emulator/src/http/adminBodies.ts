/** The admin bodies: `POST /__emulator/reset` and the CPQ knobs it shares with `PUT /__emulator/faults`. */
import { invalidInput } from '../errors';
import { parseFaults } from '../faults';
import type { CpqOrderOverrides } from '../model';
import type { CpqSettings } from '../model/records';
import { SCENARIOS } from '../scenarios';
import { isObject, rejectUnknownKeys } from '../validation/json';
import type { EmulatorOptions } from '../emulator';

const SUBMIT_CODES = /^SUBMIT-100[1-9]$/;

export function parseCpqOutcome(value: unknown): string[] | undefined {
    if (value === undefined) return undefined;
    const list = typeof value === 'string' ? [value] : value;
    if (
        !Array.isArray(list) ||
        list.length === 0 ||
        !list.every((v) => typeof v === 'string' && SUBMIT_CODES.test(v))
    ) {
        throw invalidInput(
            'cpqOutcome must be a SUBMIT code (SUBMIT-1001 … SUBMIT-1009) or a non-empty list of them.'
        );
    }
    return list as string[];
}

function parseCpqOrder(value: unknown): CpqOrderOverrides | undefined {
    if (value === undefined) return undefined;
    if (!isObject(value)) throw invalidInput('cpqOrder must be an object.');
    rejectUnknownKeys(
        value,
        [
            'Status',
            'OrderStatus__c',
            'SupersededOrderId__c',
            'incompleteBundle',
            'notActivatedLines',
            'isMultiSite'
        ],
        'cpqOrder'
    );
    const result: CpqOrderOverrides = {};
    for (const key of ['Status', 'OrderStatus__c', 'SupersededOrderId__c'] as const) {
        const v = value[key];
        if (v === undefined) continue;
        if (v !== null && typeof v !== 'string')
            throw invalidInput(`cpqOrder.${key} must be a string or null.`);
        if (key === 'Status') {
            if (typeof v !== 'string') throw invalidInput('cpqOrder.Status must be a string.');
            result.Status = v;
        } else {
            result[key] = v;
        }
    }
    for (const key of ['incompleteBundle', 'isMultiSite'] as const) {
        const v = value[key];
        if (v === undefined) continue;
        if (typeof v !== 'boolean') throw invalidInput(`cpqOrder.${key} must be true or false.`);
        result[key] = v;
    }
    if (value.notActivatedLines !== undefined) {
        const n = value.notActivatedLines;
        if (typeof n !== 'number' || !Number.isInteger(n) || n < 0)
            throw invalidInput('cpqOrder.notActivatedLines must be a whole number.');
        result.notActivatedLines = n;
    }
    return result;
}

/** The admin's Industries CPQ checkout settings (the scenario's defaults for what is left out). */
function parseCpqSettings(value: unknown): Partial<CpqSettings> | undefined {
    if (value === undefined) return undefined;
    if (!isObject(value)) throw invalidInput('cpqSettings must be an object.');
    rejectUnknownKeys(
        value,
        ['namespace', 'checkOrderStatus', 'validateSubmittedXLI'],
        'cpqSettings'
    );
    const settings: Partial<CpqSettings> = {};
    if (value.namespace !== undefined) {
        if (typeof value.namespace !== 'string' || !/^[A-Za-z]\w{0,14}$/.test(value.namespace))
            throw invalidInput(
                'cpqSettings.namespace must be a package namespace, e.g. vlocity_cmt.'
            );
        settings.namespace = value.namespace;
    }
    for (const key of ['checkOrderStatus', 'validateSubmittedXLI'] as const) {
        const v = value[key];
        if (v === undefined) continue;
        if (typeof v !== 'boolean') throw invalidInput(`cpqSettings.${key} must be true or false.`);
        settings[key] = v;
    }
    return settings;
}

/**
 * `timeScale` multiplies every delay: 1 is realistic, 0.05 runs 20× faster, 0 is instant. Values above 1 are
 * refused so that a speed-up factor (e.g. 20) is not silently taken for a 20× slow-down.
 */
export function checkTimeScale(value: unknown): number {
    if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
        throw invalidInput(
            `timeScale must be a number from 0 to 1: it multiplies every delay (1 = realistic, 0.05 = 20× faster, 0 = instant); got ${String(value)}.`
        );
    }
    return value;
}

/** Validates a reset body into options. */
export function parseResetBody(body: unknown): EmulatorOptions {
    if (body === undefined) return {};
    if (!isObject(body)) throw invalidInput('The reset body must be a JSON object.');
    rejectUnknownKeys(
        body,
        [
            'scenario',
            'seed',
            'timeScale',
            'today',
            'cpqOutcome',
            'cpqOrder',
            'cpqSettings',
            'idempotentOrders',
            'paymentRequired',
            'faults'
        ],
        'reset'
    );
    const options: EmulatorOptions = {};
    if (body.scenario !== undefined) {
        if (typeof body.scenario !== 'string' || !SCENARIOS[body.scenario]) {
            throw invalidInput(`scenario must be one of: ${Object.keys(SCENARIOS).join(', ')}.`);
        }
        options.scenario = body.scenario;
    }
    if (body.seed !== undefined) {
        if (typeof body.seed !== 'number' || !Number.isInteger(body.seed))
            throw invalidInput('seed must be an integer.');
        options.seed = body.seed;
    }
    if (body.timeScale !== undefined) {
        options.timeScale = checkTimeScale(body.timeScale);
    }
    if (body.today !== undefined) {
        if (typeof body.today !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(body.today))
            throw invalidInput('today must be yyyy-MM-dd.');
        options.today = body.today;
    }
    options.cpqOutcome = parseCpqOutcome(body.cpqOutcome);
    options.cpqOrder = parseCpqOrder(body.cpqOrder);
    options.cpqSettings = parseCpqSettings(body.cpqSettings);
    if (body.idempotentOrders !== undefined) {
        if (typeof body.idempotentOrders !== 'boolean')
            throw invalidInput('idempotentOrders must be true or false.');
        options.idempotentOrders = body.idempotentOrders;
    }
    if (body.paymentRequired !== undefined) {
        if (typeof body.paymentRequired !== 'boolean')
            throw invalidInput('paymentRequired must be true or false.');
        options.paymentRequired = body.paymentRequired;
    }
    if (body.faults !== undefined) options.faults = parseFaults(body.faults);
    return options;
}
