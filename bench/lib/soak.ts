/**
 * The fault soak: seeded checkouts through the engine against the emulator with every fault knob on, random
 * shopper behaviour (edits while processing, address changes after the delivery method, double clicks on place
 * order, a second tab), and the invariants checked after every checkout.
 */
import type {
    CheckoutAddress,
    CheckoutSnapshot,
    CheckoutStore,
    OrderResult
} from '../../force-app/main/default/lwc/checkoutStore/types';
import { loadEngine, type EngineModule } from './engine';
import { defaultGroup, toCheckoutAddress } from './shopper';
import type { Emulator, FaultSettings, ServerRequest } from './emulator';
import {
    forbiddenBodies,
    isLabelled,
    matchesIntent,
    overlappingWrites,
    serverTexts,
    serverValue,
    type Violation
} from './invariants';
import { Journal, createNodeTransport } from './node-transport';
import { between, pick, seededRandom, sleep, withTimeLimit, type Random } from './random';

export const SOAK_FAULTS: FaultSettings = {
    conflictRate: 0.08,
    serverErrorRate: 0.05,
    dropRate: 0.03,
    calculatorFailureRate: 0.05,
    sessionErrorRate: 0.2,
    lockRate: 0.03,
    latencyMs: [20, 300]
};

export interface SoakOptions {
    emulator: Emulator;
    checkouts: number;
    seed: number;
    /** The emulator's timeScale (it multiplies every delay): 0.05 runs 20× faster than real time. */
    timeScale: number;
    faults?: FaultSettings;
    scenarios?: string[];
    onCheckout?: (index: number, violations: Violation[], journal: Journal) => void;
}

export interface SoakReport {
    checkouts: number;
    lostEdits: number;
    duplicateOrders: number;
    forbiddenBodies: number;
    overlappingWrites: number;
    unlabelledFailures: number;
    /** Checkouts that did not settle within the time limit. */
    stuckCheckouts: number;
    ordersPlaced: number;
    /** Checkouts that ended without an order, each with a labelled message (the faults made them fail). */
    failedCheckouts: number;
    /** Those checkouts by how they ended: order outcome / first error code shown. */
    endings: Record<string, number>;
    secondTabs: number;
    /** Edits not on the server at the end but still shown (failed or waiting, value kept) in a checkout without an order. */
    keptEdits: number;
    requests: number;
    /** Faults the emulator injected (its request log's `fault` field), by kind. */
    faultsInjected: Record<string, number>;
    /** Calculator failures the clients saw (422 answers). */
    calculatorFailures: number;
    /** Requests the server refused as malformed (400), and the first few of them. */
    rejectedBodies: number;
    rejectedSamples: Array<Record<string, unknown>>;
    violations: Array<Violation & { seed: number }>;
    settings: Record<string, unknown>;
}

/**
 * The engine's clock in the emulator's time: with timeScale 0.05 the server's delays are 20× shorter, so the
 * engine's timers (poll schedule, back-off) run 20× faster too and the whole checkout keeps its proportions.
 */
export function scaledClock(timeScale: number) {
    const origin = Date.now();
    return {
        now: () => origin + (Date.now() - origin) / timeScale,
        setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms * timeScale),
        clearTimeout: (id: unknown) => clearTimeout(id as NodeJS.Timeout)
    };
}

const ADDRESSES: CheckoutAddress[] = [
    {
        name: 'Alan Johnson',
        firstName: 'Alan',
        lastName: 'Johnson',
        street: '415 Mission St',
        city: 'San Francisco',
        region: 'CA',
        postalCode: '94105',
        country: 'US'
    },
    {
        name: 'Maria Garcia',
        firstName: 'Maria',
        lastName: 'Garcia',
        street: '100 Folsom Street',
        city: 'San Francisco',
        region: 'CA',
        postalCode: '94105',
        country: 'US'
    },
    {
        name: 'Dana Lee',
        firstName: 'Dana',
        lastName: 'Lee',
        street: '1 Main St',
        city: 'Boston',
        region: 'MA',
        postalCode: '02110',
        country: 'US'
    },
    {
        name: 'Sam Roe',
        firstName: 'Sam',
        lastName: 'Roe',
        street: '50 Queen St W',
        city: 'Toronto',
        region: 'ON',
        postalCode: 'M5H 2N2',
        country: 'CA'
    }
];
const FIRST_NAMES = ['Alan', 'Ana', 'Noor', 'Kenji', 'Zoë'];
const INSTRUCTIONS = ['Leave at the door', 'Ring twice', 'Gate code 1234', 'Back entrance'];
const CUSTOM_TEXT = ['Foo', 'Bar', 'Gift for Sam', 'PO 4711'];

interface Intent {
    value: unknown;
    tab: string;
}

interface Tab {
    name: string;
    store: CheckoutStore;
}

class Shopper {
    readonly intents = new Map<string, Intent>();
    private methodAfterAddress = true;

    constructor(
        private readonly random: Random,
        private readonly timeScale: number,
        private readonly buyer: boolean
    ) {}

    pause(maxMs: number): Promise<void> {
        return sleep(between(this.random, 0, maxMs) * this.timeScale);
    }

    groupId(store: CheckoutStore): string | undefined {
        return defaultGroup(store.getSnapshot().deliveryGroups)?.id;
    }

    editContact(tab: Tab): void {
        if (this.buyer) return;
        const first = pick(this.random, FIRST_NAMES);
        const email = `${first.toLowerCase().replace('ë', 'e')}.${Math.floor(this.random() * 1000)}@example.com`;
        // Typed in several steps: every intermediate value is valid, only the last one must survive.
        const steps = 1 + Math.floor(this.random() * 3);
        for (let step = 1; step <= steps; step++) {
            const values = {
                firstName: first,
                lastName: 'Tester',
                email: step === steps ? email : `x${step}${email}`
            };
            tab.store.updateContact(values);
            for (const [key, value] of Object.entries(values))
                this.intents.set(`contact.${key}`, { value, tab: tab.name });
        }
    }

    editAddress(tab: Tab): void {
        const groupId = this.groupId(tab.store);
        if (!groupId) return;
        const snapshot = tab.store.getSnapshot();
        const saved = snapshot.accountAddresses;
        let address: CheckoutAddress;
        if (this.buyer && saved.length > 0 && this.random() < 0.7) {
            address = toCheckoutAddress(pick(this.random, saved));
        } else {
            address = pick(this.random, ADDRESSES);
        }
        tab.store.updateShipping(groupId, { deliveryAddress: address });
        this.intents.set(`group.${groupId}.deliveryAddress`, { value: address, tab: tab.name });
        this.methodAfterAddress = false;
    }

    editInstructions(tab: Tab): void {
        const groupId = this.groupId(tab.store);
        if (!groupId) return;
        const value = `${pick(this.random, INSTRUCTIONS)} #${Math.floor(this.random() * 100)}`;
        tab.store.updateShipping(groupId, { shippingInstructions: value });
        this.intents.set(`group.${groupId}.shippingInstructions`, { value, tab: tab.name });
    }

    editDate(tab: Tab): void {
        const groupId = this.groupId(tab.store);
        if (!groupId) return;
        const day = new Date(
            Date.UTC(2027, Math.floor(this.random() * 12), 1 + Math.floor(this.random() * 28))
        );
        const value = day.toISOString().slice(0, 10);
        tab.store.updateShipping(groupId, { desiredDeliveryDate: value });
        this.intents.set(`group.${groupId}.desiredDeliveryDate`, { value, tab: tab.name });
    }

    editCustomField(tab: Tab): void {
        const value = pick(this.random, CUSTOM_TEXT);
        tab.store.updateCustomFields({ type: 'WebCart' }, { MyCustomTextField__c: value });
        this.intents.set('custom.WebCart.MyCustomTextField__c', { value, tab: tab.name });
    }

    /** Picks a delivery method the server offers now (when the store knows any). */
    selectMethod(tab: Tab): void {
        const group = defaultGroup(tab.store.getSnapshot().deliveryGroups);
        if (!group || group.availableDeliveryMethods.length === 0) return;
        const method = pick(this.random, group.availableDeliveryMethods);
        tab.store.selectDeliveryMethod(group.id, method.id);
        this.intents.set(`group.${group.id}.deliveryMethodId`, { value: method.id, tab: tab.name });
        this.methodAfterAddress = true;
    }

    /**
     * The server no longer shows the method the shopper chose (a failed shipping calculation clears it): a
     * shopper who looks at the page picks one again; with none on offer the choice is void.
     */
    methodWasDropped(tab: Tab): boolean {
        const group = defaultGroup(tab.store.getSnapshot().deliveryGroups);
        if (!group) return false;
        const key = `group.${group.id}.deliveryMethodId`;
        const intent = this.intents.get(key);
        if (!intent || group.selectedDeliveryMethodId === intent.value) return false;
        if (tab.store.getSnapshot().edits[key]) return false; // still on its way
        if (group.availableDeliveryMethods.length === 0) {
            this.intents.delete(key);
            return false;
        }
        return true;
    }

    /** Presses "retry" on the tab's failed edits: their kept values become the shopper's latest word. */
    retryFailed(tab: Tab, snapshot: CheckoutSnapshot): boolean {
        const failed = Object.entries(snapshot.edits).filter(
            ([, edit]) => edit.status === 'failed'
        );
        if (failed.length === 0) return false;
        for (const [field, edit] of failed)
            this.intents.set(field, { value: edit.value, tab: tab.name });
        tab.store.retryFailed();
        return true;
    }

    /**
     * What a shopper does when the button stays blocked: fills in what is missing, and after a failed
     * calculation enters the address again (which runs the calculators again).
     */
    async respondToBlockers(tab: Tab, snapshot: CheckoutSnapshot, limitMs: number): Promise<void> {
        const blockers = new Set(snapshot.placeOrderBlockers);
        if (blockers.has('missing-contact')) this.editContact(tab);
        if (blockers.has('missing-address') || blockers.has('session-error')) this.editAddress(tab);
        await settle(tab.store, limitMs);
        if (
            blockers.has('missing-delivery-method') ||
            this.needsMethod ||
            this.methodWasDropped(tab)
        ) {
            this.selectMethod(tab);
        }
    }

    get needsMethod(): boolean {
        return !this.methodAfterAddress;
    }

    /** A random burst of edits, some of them while the server is still processing the previous ones. */
    async editRandomly(tab: Tab, count: number): Promise<void> {
        const actions = [
            () => this.editContact(tab),
            () => this.editAddress(tab),
            () => this.editInstructions(tab),
            () => this.editDate(tab),
            () => this.editCustomField(tab),
            () => this.selectMethod(tab)
        ];
        for (let index = 0; index < count; index++) {
            pick(this.random, actions)();
            await this.pause(this.random() < 0.5 ? 30 : 600);
        }
    }
}

async function settle(store: CheckoutStore, ms: number): Promise<CheckoutSnapshot> {
    await withTimeLimit(store.whenIdle(), ms, 'whenIdle');
    return store.getSnapshot();
}

interface CheckoutOutcome {
    violations: Violation[];
    stuck: boolean;
    ordered: boolean;
    /** Why a checkout ended without an order: the last order answer's outcome and the first error shown. */
    ending: string;
    secondTab: boolean;
    journal: Journal;
    keptEdits: number;
    serverLog: ServerRequest[];
}

async function soakOne(
    options: SoakOptions,
    engine: EngineModule,
    seed: number
): Promise<CheckoutOutcome> {
    const { emulator, timeScale } = options;
    const random = seededRandom(seed);
    const scenario = pick(random, options.scenarios ?? ['d2c-guest', 'b2b-buyer']);
    const state = await emulator.reset(scenario, seed, timeScale);
    await emulator.setFaults(options.faults ?? SOAK_FAULTS);
    const buyer = scenario !== 'd2c-guest' && state.accountId !== null;
    const journal = new Journal();
    const limitMs = 300_000 * timeScale + 20_000;
    const makeTab = (name: string): Tab => ({
        name,
        store: engine.createCheckoutStore({
            transport: createNodeTransport({
                baseUrl: emulator.url,
                webstoreId: state.webstoreId,
                client: name,
                journal,
                timeoutMs: 20_000
            }),
            isGuest: !buyer,
            effectiveAccountId: buyer ? (state.accountId ?? undefined) : undefined,
            clock: scaledClock(timeScale),
            random: seededRandom(seed * 7 + name.length),
            customFieldTypes: { WebCart: { MyCustomTextField__c: 'Text' } },
            connectivity: { isOnline: () => true, onOnline: () => () => undefined }
        })
    });
    const shopper = new Shopper(random, timeScale, buyer);
    const tabA = makeTab('tab1');
    const tabs: Tab[] = [tabA];
    const orders: OrderResult[] = [];
    let stuck = false;
    try {
        await withTimeLimit(
            (async () => {
                const loading = Promise.all([
                    tabA.store.load(),
                    buyer ? tabA.store.loadAccountAddresses() : undefined
                ]);
                if (random() < 0.5) await loading; // otherwise the first edits land while loading
                await shopper.editRandomly(tabA, 2 + Math.floor(random() * 5));
                await loading;
                await settle(tabA.store, limitMs);
                shopper.selectMethod(tabA);
                if (random() < 0.4) {
                    // An address change after the delivery method: the method may be reset by the server.
                    await shopper.pause(200);
                    shopper.editAddress(tabA);
                }
                if (random() < 0.3) {
                    const tabB = makeTab('tab2');
                    tabs.push(tabB);
                    await settle(tabA.store, limitMs);
                    await tabB.store.load();
                    await settle(tabB.store, limitMs);
                    shopper.editInstructions(tabB);
                    if (random() < 0.5) shopper.editCustomField(tabB);
                    for (let round = 0; round < 3; round++) {
                        const snapshot = await settle(tabB.store, limitMs);
                        if (!shopper.retryFailed(tabB, snapshot)) break;
                    }
                }
                for (let round = 0; round < 4; round++) {
                    await settle(tabA.store, limitMs);
                    if (shopper.needsMethod || shopper.methodWasDropped(tabA))
                        shopper.selectMethod(tabA);
                    const snapshot = await settle(tabA.store, limitMs);
                    if (!shopper.retryFailed(tabA, snapshot)) break;
                }
                // Double click on place order, and the second tab's button too.
                for (let attempt = 0; attempt < 3; attempt++) {
                    const clicks = [tabA.store.placeOrder(), tabA.store.placeOrder()];
                    if (tabs[1]) clicks.push(tabs[1].store.placeOrder());
                    orders.push(...(await Promise.all(clicks)));
                    if (orders.some((order) => order.outcome === 'success')) break;
                    shopper.retryFailed(tabA, await settle(tabA.store, limitMs));
                    if (shopper.methodWasDropped(tabA)) shopper.selectMethod(tabA);
                    await shopper.respondToBlockers(
                        tabA,
                        await settle(tabA.store, limitMs),
                        limitMs
                    );
                }
                await Promise.all(tabs.map((tab) => settle(tab.store, limitMs)));
            })(),
            limitMs * 3,
            `checkout seed ${seed}`
        );
    } catch (error) {
        if (error instanceof Error && /took longer/.test(error.message)) stuck = true;
        else throw error;
    }
    const final = await emulator.state();
    const requests = await emulator.requests();
    const texts = serverTexts(journal.entries);
    const violations: Violation[] = [
        ...forbiddenBodies(requests),
        ...overlappingWrites(journal.entries)
    ];
    const snapshots = new Map(tabs.map((tab) => [tab.name, tab.store.getSnapshot()]));
    tabs.forEach((tab) => tab.store.dispose());

    // Lost edits: the server must hold the last intent, or the tab must still show it (failed or waiting, value
    // kept) while no order went out without it.
    const ordered = orders.some((order) => order.outcome === 'success');
    let keptEdits = 0;
    for (const [field, intent] of shopper.intents) {
        const actual = serverValue(final.checkout, field);
        if (matchesIntent(field, intent.value, actual)) continue;
        const snapshot = snapshots.get(intent.tab);
        const edit = snapshot?.edits[field];
        const kept = edit !== undefined && matchesIntent(field, intent.value, edit.value);
        const validated = Object.keys(snapshot?.validation ?? {}).some((key) =>
            key.startsWith(field)
        );
        // Kept means still on screen: failed with a labelled message (the shopper was told), or still waiting
        // in a checkout that placed no order without it.
        const toldFailed = kept && edit.status === 'failed' && isLabelled(edit.message, texts);
        if (toldFailed || ((kept || validated) && !ordered)) {
            keptEdits++;
            continue;
        }
        violations.push({
            invariant: 'lostEdits',
            detail: `${scenario} ${field}: wanted ${JSON.stringify(intent.value)}, server has ${JSON.stringify(actual)}, ${intent.tab} shows ${JSON.stringify(edit ?? null)} with messages [${snapshot?.messages.map((message) => message.code).join(', ')}]${ordered ? ', order placed' : ''}`
        });
    }

    const references = new Set(
        orders.flatMap((order) => (order.orderReferenceNumber ? [order.orderReferenceNumber] : []))
    );
    if (final.orders.length > 1 || references.size > 1) {
        violations.push({
            invariant: 'duplicateOrders',
            detail: `${final.orders.length} orders on the server, ${references.size} references seen`
        });
    }

    // Failures must be shown with a labelled message: failed edits, failed orders, and every error message shown.
    for (const [tab, snapshot] of snapshots) {
        for (const [field, edit] of Object.entries(snapshot.edits)) {
            if (edit.status === 'failed' && !isLabelled(edit.message, texts)) {
                violations.push({
                    invariant: 'unlabelledFailures',
                    detail: `${tab} ${field} failed with ${JSON.stringify(edit.message)}`
                });
            }
        }
        for (const message of snapshot.messages) {
            if (!isLabelled(message.message, texts)) {
                violations.push({
                    invariant: 'unlabelledFailures',
                    detail: `${tab} message ${message.code}: ${JSON.stringify(message.message)}`
                });
            }
        }
    }
    for (const order of orders) {
        if (order.outcome !== 'success' && !isLabelled(order.message, texts)) {
            violations.push({
                invariant: 'unlabelledFailures',
                detail: `order ${order.outcome}: ${JSON.stringify(order.message)}`
            });
        }
    }
    if (!ordered && !stuck) {
        const shown = [...snapshots.values()].some((snapshot) =>
            snapshot.messages.some(
                (message) => message.severity === 'error' && isLabelled(message.message, texts)
            )
        );
        const told = orders.some(
            (order) => order.outcome !== 'success' && isLabelled(order.message, texts)
        );
        if (!shown && !told) {
            violations.push({
                invariant: 'unlabelledFailures',
                detail: `${scenario}: no order and no labelled error`
            });
        }
    }
    return {
        violations,
        stuck,
        ordered,
        secondTab: tabs.length > 1,
        ending: stuck
            ? 'stuck'
            : `${orders.at(-1)?.outcome ?? 'no order attempt'} / ${
                  snapshots.get('tab1')?.messages.find((message) => message.severity === 'error')
                      ?.code ?? 'no error shown'
              }`,
        journal,
        keptEdits,
        serverLog: requests
    };
}

export async function runSoak(options: SoakOptions): Promise<SoakReport> {
    const engine = loadEngine();
    const report: SoakReport = {
        checkouts: 0,
        lostEdits: 0,
        duplicateOrders: 0,
        forbiddenBodies: 0,
        overlappingWrites: 0,
        unlabelledFailures: 0,
        stuckCheckouts: 0,
        ordersPlaced: 0,
        failedCheckouts: 0,
        endings: {},
        secondTabs: 0,
        keptEdits: 0,
        requests: 0,
        faultsInjected: {},
        calculatorFailures: 0,
        rejectedBodies: 0,
        rejectedSamples: [],
        violations: [],
        settings: {
            seed: options.seed,
            timeScale: options.timeScale,
            faults: options.faults ?? SOAK_FAULTS
        }
    };
    for (let index = 0; index < options.checkouts; index++) {
        const seed = options.seed + index;
        const outcome = await soakOne(options, engine, seed);
        report.checkouts++;
        if (outcome.stuck) report.stuckCheckouts++;
        if (outcome.ordered) report.ordersPlaced++;
        else {
            report.failedCheckouts++;
            report.endings[outcome.ending] = (report.endings[outcome.ending] ?? 0) + 1;
        }
        if (outcome.secondTab) report.secondTabs++;
        report.keptEdits += outcome.keptEdits;
        for (const violation of outcome.violations) {
            const key = violation.invariant as 'lostEdits';
            report[key] = (report[key] as number) + 1;
            if (report.violations.length < 100) report.violations.push({ ...violation, seed });
        }
        for (const request of outcome.serverLog) {
            report.requests++;
            if (request.fault) {
                report.faultsInjected[request.fault] =
                    (report.faultsInjected[request.fault] ?? 0) + 1;
            }
            if (request.status === 422) report.calculatorFailures++;
            if (request.status === 400) report.rejectedBodies++;
        }
        for (const entry of outcome.journal.entries) {
            if (entry.status === 400 && report.rejectedSamples.length < 10) {
                const { client, method, path, requestBody, responseBody } = entry;
                report.rejectedSamples.push({
                    seed,
                    client,
                    method,
                    path,
                    requestBody,
                    responseBody
                });
            }
        }
        options.onCheckout?.(index, outcome.violations, outcome.journal);
    }
    return report;
}
