/**
 * One soak checkout: a fresh emulator checkout with the soak's faults on, the random shopper working through one
 * or two tabs (store instances) up to placing the order, and what it all left behind for the invariant checks.
 */
import type {
    CheckoutSnapshot,
    OrderResult
} from '../../force-app/main/default/lwc/checkoutStore/types';
import type { EngineModule } from './engine';
import { settle } from './engine-checkout';
import type { Emulator, EmulatorState, FaultSettings, ServerRequest } from './emulator';
import { Journal, createNodeTransport } from './node-transport';
import { pick, seededRandom, withTimeLimit } from './random';
import { isBuyerScenario } from './shopper';
import { Shopper, type Intent, type Tab } from './soak-shopper';

export interface SoakCheckoutSettings {
    emulator: Emulator;
    engine: EngineModule;
    /** The emulator's timeScale (it multiplies every delay): 0.05 runs 20× faster than real time. */
    timeScale: number;
    faults: FaultSettings;
    scenarios: readonly string[];
}

/** What one checkout left behind: the shopper's last intents, and what the tabs, the clients and the server show. */
export interface SoakCheckoutRun {
    scenario: string;
    /** The checkout did not settle within its time limit. */
    stuck: boolean;
    /** Every answer to place order, from every click. */
    orders: OrderResult[];
    intents: ReadonlyMap<string, Intent>;
    /** Each tab's last snapshot, by tab name. */
    snapshots: Map<string, CheckoutSnapshot>;
    /** Every request the tabs sent, with its answer. */
    journal: Journal;
    final: EmulatorState;
    /** The emulator's request log. */
    serverLog: ServerRequest[];
}

/**
 * The engine's clock in the emulator's time: with timeScale 0.05 the server's delays are 20× shorter, so the
 * engine's timers (poll schedule, back-off) run 20× faster too and the whole checkout keeps its proportions.
 */
function scaledClock(timeScale: number) {
    const origin = Date.now();
    return {
        now: () => origin + (Date.now() - origin) / timeScale,
        setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms * timeScale),
        clearTimeout: (id: unknown) => clearTimeout(id as NodeJS.Timeout)
    };
}

/** One seeded checkout; it never throws for a checkout that hangs, it reports it as stuck. */
export async function runSoakCheckout(
    settings: SoakCheckoutSettings,
    seed: number
): Promise<SoakCheckoutRun> {
    const { emulator, engine, timeScale } = settings;
    const random = seededRandom(seed);
    const scenario = pick(random, settings.scenarios);
    const state = await emulator.reset(scenario, seed, timeScale);
    await emulator.setFaults(settings.faults);
    const buyer = isBuyerScenario(scenario, state.accountId);
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
    const serverLog = await emulator.requests();
    const snapshots = new Map(tabs.map((tab) => [tab.name, tab.store.getSnapshot()]));
    tabs.forEach((tab) => tab.store.dispose());
    return {
        scenario,
        stuck,
        orders,
        intents: shopper.intents,
        snapshots,
        journal,
        final,
        serverLog
    };
}
