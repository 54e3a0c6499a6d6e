/**
 * Latency models: the emulator's round trip and calculator durations the bench runs under. Named models can be
 * adjusted from the command line (`--latency`, `--shipping`, `--tax`, `--pricing`); the report records the model
 * that ran, with the durations the emulator keeps at its defaults (inventory, promotions).
 */
import { defaultFaults, type Calculator } from '../../emulator/src/faults';
import type { ParsedArgs } from './args';
import type { FaultSettings } from './emulator';

export interface LatencyModel {
    latencyMs: [number, number];
    shipping: [number, number];
    tax: [number, number];
    pricing: [number, number];
}

export const REALISTIC_LATENCY: LatencyModel = {
    latencyMs: [50, 150],
    shipping: [600, 1500],
    tax: [200, 600],
    pricing: [200, 500]
};

/** A second model, so the engine is not tuned to one: slower and more variable networks and shipping. */
export const WIDE_LATENCY: LatencyModel = {
    ...REALISTIC_LATENCY,
    latencyMs: [30, 300],
    shipping: [300, 3000]
};

export const LATENCY_MODELS: Record<string, LatencyModel> = {
    realistic: REALISTIC_LATENCY,
    wide: WIDE_LATENCY
};

/**
 * What the report records: the model's name (the named model it equals, so `--latency 30,300 --shipping
 * 300,3000` is "wide"; else "custom") and every duration range.
 */
export interface LatencyModelRecord extends LatencyModel {
    name: string;
    inventory: [number, number];
    promotions: [number, number];
}

export function faultsFor(latency: LatencyModel): FaultSettings {
    return {
        conflictRate: 0,
        serverErrorRate: 0,
        dropRate: 0,
        calculatorFailureRate: 0,
        sessionErrorRate: 0,
        lockRate: 0,
        latencyMs: latency.latencyMs,
        processingMs: { shipping: latency.shipping, tax: latency.tax, pricing: latency.pricing }
    };
}

/** Every calculator's duration range under the model (inventory and promotions: the emulator's defaults). */
export function calculatorRanges(latency: LatencyModel): Record<Calculator, [number, number]> {
    const { inventory, promotions } = defaultFaults().processingMs;
    const { shipping, tax, pricing } = latency;
    return { inventory, promotions, shipping, tax, pricing };
}

/** A model's name: the named model it equals, else "custom". */
export function modelName(latency: LatencyModel): string {
    const same = (model: LatencyModel) =>
        (Object.keys(model) as Array<keyof LatencyModel>).every(
            (key) => model[key].join() === latency[key].join()
        );
    return Object.keys(LATENCY_MODELS).find((name) => same(LATENCY_MODELS[name])) ?? 'custom';
}

export function describeModel(latency: LatencyModel): LatencyModelRecord {
    const { inventory, promotions } = calculatorRanges(latency);
    const { latencyMs, shipping, tax, pricing } = latency;
    return { name: modelName(latency), latencyMs, shipping, tax, pricing, inventory, promotions };
}

/** The model the command line asks for: `--model NAME` (realistic by default), then any range flag over it. */
export function modelFromArgs(args: Pick<ParsedArgs, 'get' | 'range'>): LatencyModel {
    const base = LATENCY_MODELS[args.get('model') ?? 'realistic'];
    if (!base) throw new Error(`--model is one of ${Object.keys(LATENCY_MODELS).join(', ')}`);
    return {
        latencyMs: args.range('latency', base.latencyMs),
        shipping: args.range('shipping', base.shipping),
        tax: args.range('tax', base.tax),
        pricing: args.range('pricing', base.pricing)
    };
}
