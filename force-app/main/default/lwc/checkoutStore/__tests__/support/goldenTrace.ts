/**
 * Golden traces: records one scripted session on the fake clock (what the script did, every request the
 * fake server received, every snapshot a subscriber was given, every settled public promise) and serialises
 * it to one stable string, so a refactoring of the engine can be checked to change nothing at all.
 *
 * Wraps the shared fake server (never edits it): the CPQ Apex calls are added to `server.requests` with
 * their fake send and answer times, as the fake already does for `getSession`.
 */
import { setup } from './fakeCheckout';
import type { FakeServerOptions, Harness, RecordedRequest } from './fakeCheckout';
import type {
    CheckoutSnapshot,
    CheckoutStore,
    ContactInfo,
    CpqCartSummary,
    CpqSubmission,
    CpqSubmitRequest,
    CustomFieldTarget,
    OrderResult,
    ShippingValues,
    StoreOptions,
    SubmissionSettings
} from '../../types';

/** The fake server numbers checkout ids per module; the traces name it by this placeholder instead. */
export const CHECKOUT_ID_PLACEHOLDER = '{checkoutId}';

const clone = <T>(value: T): T =>
    value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);

export class GoldenTrace {
    private harnessCreated: Harness | null = null;
    private readonly script: unknown[] = [];
    private readonly snapshots: unknown[] = [];
    private readonly results: unknown[] = [];
    private readonly shoppers: Shopper[] = [];

    constructor(readonly name: string) {}

    /** The session's fake clock and server: one per trace, the shared `setup` with its seeded jitter. */
    setup(options: FakeServerOptions & { store?: Partial<StoreOptions> } = {}): Harness {
        if (this.harnessCreated) throw new Error('one harness per golden session');
        const harness = setup(options);
        this.harnessCreated = harness;
        const { server } = harness;
        const submitCpq = server.submitCpq.bind(server);
        const getCpqCartSummary = server.getCpqCartSummary.bind(server);
        server.submitCpq = (request: CpqSubmitRequest): Promise<CpqSubmission> =>
            this.recordApex('submitCpq', request, () => submitCpq(request));
        server.getCpqCartSummary = (request): Promise<CpqCartSummary> =>
            this.recordApex('getCpqCartSummary', request, () => getCpqCartSummary(request));
        return harness;
    }

    get harness(): Harness {
        if (!this.harnessCreated) throw new Error('call setup() first');
        return this.harnessCreated;
    }

    now(): number {
        return this.harness.clock.now();
    }

    /** A store the script drives: every intent and public promise is recorded under `label`. */
    shopper(store: CheckoutStore, label: string): Shopper {
        const shopper = new Shopper(this, store, label);
        this.shoppers.push(shopper);
        return shopper;
    }

    /** Logs a step of the script: an intent, a wait, or a change of the fake server's behaviour. */
    log(store: string | null, step: string, args?: unknown[]): void {
        const entry: Record<string, unknown> = { at: this.now() };
        if (store) entry.store = store;
        entry.step = step;
        if (args && args.length > 0) entry.args = clone(args);
        this.script.push(entry);
    }

    /** Changes how the fake server behaves, saying so in the script. */
    serverDoes(description: string, change: () => void): void {
        this.log(null, `server: ${description}`);
        change();
    }

    recordSnapshot(store: string, via: 'subscriber' | 'getSnapshot', snapshot: CheckoutSnapshot) {
        this.snapshots.push({ at: this.now(), store, via, snapshot: clone(snapshot) });
    }

    /** Records how a public promise settled, without delaying whoever awaits it. */
    recordResult<T>(store: string, call: string, args: unknown[], promise: Promise<T>): Promise<T> {
        const settled = (outcome: 'resolved' | 'rejected', value: unknown): void => {
            const entry: Record<string, unknown> = { at: this.now(), store, call };
            if (args.length > 0) entry.args = clone(args);
            entry[outcome] = value instanceof Error ? String(value) : clone(value);
            this.results.push(entry);
        };
        promise.then(
            (value) => settled('resolved', value ?? null),
            (error: unknown) => settled('rejected', error)
        );
        return promise;
    }

    private recordApex<T>(path: string, body: unknown, call: () => Promise<T>): Promise<T> {
        const recorded: RecordedRequest = {
            method: 'APEX',
            path,
            body: clone(body),
            status: 0,
            sentAt: this.now(),
            answeredAt: Number.NaN
        };
        this.harness.server.requests.push(recorded);
        const promise = call();
        promise.then(
            () => {
                recorded.status = 200;
                recorded.answeredAt = this.now();
            },
            (error: { status?: unknown } | null) => {
                recorded.status = typeof error?.status === 'number' ? error.status : 'network';
                recorded.answeredAt = this.now();
            }
        );
        return promise;
    }

    /** Moves fake time forward, running every timer due on the way. */
    async wait(ms: number): Promise<void> {
        this.log(null, 'wait', [ms]);
        await this.harness.clock.advance(ms);
    }

    /** Runs fake time until `promise` settles. */
    settle<T>(promise: Promise<T>): Promise<T> {
        return this.harness.clock.resolve(promise);
    }

    /** Runs fake time until `condition` holds. */
    async until(description: string, condition: () => boolean): Promise<void> {
        this.log(null, `until ${description}`);
        await this.harness.clock.runUntil(condition);
    }

    /** Disposes every store, lets the requests still travelling land, and serialises the trace. */
    async finish(): Promise<string> {
        const { clock, server, store } = this.harness;
        for (const shopper of this.shoppers) shopper.dispose();
        store.dispose();
        await clock.advance(1000);
        const requests = server.requests.map((request) => ({
            method: request.method,
            path: request.path,
            query: request.query,
            body: request.body,
            status: request.status,
            sentAt: request.sentAt,
            answeredAt: request.answeredAt
        }));
        const trace = {
            session: this.name,
            script: this.script,
            requests,
            snapshots: this.snapshots,
            results: this.results
        };
        return JSON.stringify(trace, null, 1)
            .split(server.checkoutId)
            .join(CHECKOUT_ID_PLACEHOLDER);
    }
}

/** One store on the page, driven like a component would: each call is logged before it is made. */
export class Shopper {
    private stopListening: (() => void) | null = null;
    private disposed = false;

    constructor(
        private readonly trace: GoldenTrace,
        readonly store: CheckoutStore,
        readonly label: string
    ) {}

    snapshot(): CheckoutSnapshot {
        return this.store.getSnapshot();
    }

    /** A component connects: every snapshot it is given goes into the trace. */
    subscribe(): void {
        this.trace.log(this.label, 'subscribe');
        this.stopListening = this.store.subscribe((snapshot) =>
            this.trace.recordSnapshot(this.label, 'subscriber', snapshot)
        );
    }

    /** Every component disconnects (the store keeps running; polling may pause). */
    unsubscribe(): void {
        this.trace.log(this.label, 'unsubscribe');
        this.stopListening?.();
        this.stopListening = null;
    }

    /** Reads the snapshot without subscribing (a headless caller), into the trace. */
    peek(): void {
        this.trace.log(this.label, 'getSnapshot');
        this.trace.recordSnapshot(this.label, 'getSnapshot', this.store.getSnapshot());
    }

    updateContact(values: Partial<ContactInfo>): void {
        this.trace.log(this.label, 'updateContact', [values]);
        this.store.updateContact(values);
    }

    updateShipping(groupId: string, values: ShippingValues): void {
        this.trace.log(this.label, 'updateShipping', [groupId, values]);
        this.store.updateShipping(groupId, values);
    }

    selectDeliveryMethod(groupId: string, deliveryMethodId: string): void {
        this.trace.log(this.label, 'selectDeliveryMethod', [groupId, deliveryMethodId]);
        this.store.selectDeliveryMethod(groupId, deliveryMethodId);
    }

    updateCustomFields(target: CustomFieldTarget, values: Record<string, unknown>): void {
        this.trace.log(this.label, 'updateCustomFields', [target, values]);
        this.store.updateCustomFields(target, values);
    }

    retryFailed(): void {
        this.trace.log(this.label, 'retryFailed');
        this.store.retryFailed();
    }

    load(): Promise<void> {
        return this.call('load', [], () => this.store.load());
    }

    loadAccountAddresses(): Promise<void> {
        return this.call('loadAccountAddresses', [], () => this.store.loadAccountAddresses());
    }

    useCpqCart(cart: { cartId?: string }): Promise<void> {
        return this.call('useCpqCart', [cart], () => this.store.useCpqCart(cart));
    }

    placeOrder(settings?: SubmissionSettings): Promise<OrderResult> {
        const args = settings ? [settings] : [];
        return this.call('placeOrder', args, () => this.store.placeOrder(settings));
    }

    /** Runs fake time until this store is idle. */
    async idle(): Promise<void> {
        this.trace.log(this.label, 'whenIdle');
        await this.trace.settle(this.store.whenIdle());
    }

    dispose(): void {
        if (this.disposed) return;
        this.disposed = true;
        this.trace.log(this.label, 'dispose');
        this.store.dispose();
    }

    private call<T>(name: string, args: unknown[], run: () => Promise<T>): Promise<T> {
        this.trace.log(this.label, name, args);
        return this.trace.recordResult(this.label, name, args, run());
    }
}

// ---------------------------------------------------------------------------------------------------------
// Comparing a trace to its golden file: a short account of the first difference, not the whole dump
// ---------------------------------------------------------------------------------------------------------

const MISSING = Symbol('missing');

function show(value: unknown, limit = 300): string {
    if (value === MISSING) return '(absent)';
    const text = JSON.stringify(value) ?? String(value);
    return text.length > limit ? `${text.slice(0, limit)}… (${text.length} chars)` : text;
}

function firstDifference(
    expected: unknown,
    actual: unknown,
    path: string
): { path: string; expected: unknown; actual: unknown } | null {
    const bothObjects =
        typeof expected === 'object' &&
        typeof actual === 'object' &&
        expected !== null &&
        actual !== null &&
        Array.isArray(expected) === Array.isArray(actual);
    if (!bothObjects) {
        return JSON.stringify(expected) === JSON.stringify(actual)
            ? null
            : { path, expected, actual };
    }
    if (Array.isArray(expected) && Array.isArray(actual)) {
        for (let index = 0; index < Math.max(expected.length, actual.length); index += 1) {
            const found = firstDifference(
                index < expected.length ? expected[index] : MISSING,
                index < actual.length ? actual[index] : MISSING,
                `${path}[${index}]`
            );
            if (found) return found;
        }
        return null;
    }
    const left = expected as Record<string, unknown>;
    const right = actual as Record<string, unknown>;
    for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) {
        const found = firstDifference(
            key in left ? left[key] : MISSING,
            key in right ? right[key] : MISSING,
            path ? `${path}.${key}` : key
        );
        if (found) return found;
    }
    // Same values, different text (e.g. key order or formatting).
    return JSON.stringify(left) === JSON.stringify(right)
        ? null
        : { path: path || '(root)', expected, actual };
}

/** The sections of a trace, in the order a difference is reported: what the server saw comes first. */
const SECTIONS = ['requests', 'snapshots', 'results', 'script'];

/**
 * Where a trace departs from its golden file: per section, the first differing entry and field, with the
 * whole first differing request (or snapshot, or result) shortened; and the entry counts.
 */
export function describeDifference(name: string, expectedText: string, actualText: string): string {
    const lines = [`golden trace ${name} differs from the engine's trace now`];
    let expected: Record<string, unknown[]>;
    try {
        expected = JSON.parse(expectedText) as Record<string, unknown[]>;
    } catch {
        return `${lines[0]}: the golden file is not valid JSON (rewrite it with UPDATE_GOLDEN=1)`;
    }
    const actual = JSON.parse(actualText) as Record<string, unknown[]>;
    const counts = SECTIONS.map(
        (section) =>
            `${section} ${expected[section]?.length ?? 0} → ${actual[section]?.length ?? 0}`
    );
    lines.push(`entries (golden → now): ${counts.join(', ')}`);
    let shownEntry = false;
    for (const section of SECTIONS) {
        const found = firstDifference(expected[section], actual[section], section);
        if (!found) continue;
        lines.push(`first difference in ${section}: ${found.path}`);
        lines.push(`  golden: ${show(found.expected)}`);
        lines.push(`  now:    ${show(found.actual)}`);
        const entry = /^[a-z]+\[(\d+)\]/.exec(found.path);
        if (entry && entry[0] !== found.path && !shownEntry) {
            shownEntry = true;
            const index = Number(entry[1]);
            const [before, after] = [expected[section], actual[section]].map((list) =>
                index < (list?.length ?? 0) ? list[index] : MISSING
            );
            lines.push(`  golden ${entry[0]}: ${show(before, 600)}`);
            lines.push(`  now    ${entry[0]}: ${show(after, 600)}`);
        }
    }
    if (lines.length === 2) {
        const found = firstDifference(expected, actual, '');
        lines.push(
            found
                ? `first difference at ${found.path}: golden ${show(found.expected)}, now ${show(found.actual)}`
                : 'same values, different text (formatting or key order)'
        );
    }
    lines.push('Intended? Rewrite the goldens with UPDATE_GOLDEN=1 and review their diff.');
    return lines.join('\n');
}

/** One scripted session: `run` drives it on a fresh harness from `trace.setup()`. */
export interface GoldenSession {
    name: string;
    run(trace: GoldenTrace): Promise<void>;
}

/** Runs a session from scratch and returns its serialised trace. */
export async function traceOf(session: GoldenSession): Promise<string> {
    const trace = new GoldenTrace(session.name);
    await session.run(trace);
    return trace.finish();
}
