/**
 * The shopper's device in one soak checkout: its network connection, the journal of every call its tabs
 * make, and the tabs themselves, each a store in its own engine realm (soak-realm.ts), sharing only the
 * emulator. A reload replaces a tab's realm and store, as a browser does.
 */
import type {
    CheckoutSnapshot,
    CheckoutStore,
    Clock
} from '../../force-app/main/default/lwc/checkoutStore/types';
import type { Emulator, EmulatorState } from './emulator';
import { memoryStorage } from './engine-checkout';
import { Journal, createConnectivity, createNodeTransport } from './node-transport';
import { seededRandom, sleep } from './random';
import { loadEngineRealm } from './soak-realm';

/** One store instance as a browser tab holds it. */
export interface SoakTab {
    /** Unique per realm: `tab1`, then `tab1~2` after its first reload. */
    name: string;
    /** The tab it is, across reloads: `tab1`, `tab2`. */
    base: string;
    store: CheckoutStore;
}

export interface SoakPageSettings {
    emulator: Emulator;
    /** The emulator's timeScale: the engine's clock runs as much faster. */
    timeScale: number;
    /** The emulator's state after the checkout's reset: webstore, account, CSRF token. */
    state: EmulatorState;
    buyer: boolean;
    seed: number;
    /** The engine's request timeout, in the engine's (scaled) milliseconds. */
    requestTimeoutMs: number;
}

/**
 * The engine's clock in the emulator's time: with timeScale 0.05 the server's delays are 20× shorter, so the
 * engine's timers (poll schedule, back-off, request timeout) run 20× faster too and the checkout keeps its
 * proportions.
 */
export function scaledClock(timeScale: number): Clock {
    const origin = Date.now();
    return {
        now: () => origin + (Date.now() - origin) / timeScale,
        setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms * timeScale),
        clearTimeout: (id: unknown) => clearTimeout(id as NodeJS.Timeout)
    };
}

/** Whether `work` ended within `ms` (real time); it keeps running either way. */
export async function endsWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
    const limit = new AbortController();
    const ended = await Promise.race([
        work.then(() => true),
        sleep(ms, limit.signal).then(() => false)
    ]);
    limit.abort();
    return ended;
}

export class SoakPage {
    readonly journal = new Journal();
    readonly device = createConnectivity();
    /** The open tabs, by base name. */
    readonly tabs = new Map<string, SoakTab>();
    /** Every snapshot the shopper looked at, by realm: what the page said along the way. */
    readonly seen: Array<{ tab: string; snapshot: CheckoutSnapshot }> = [];
    reloads = 0;
    /** Each tab's sessionStorage, by base name: it outlives the tab's reloads. */
    private readonly sessionStorages = new Map<string, ReturnType<typeof memoryStorage>>();
    /** How often the device lost its connection. */
    offlineSpells = 0;
    private readonly clock: Clock;
    private readonly timers = new Set<NodeJS.Timeout>();

    constructor(private readonly settings: SoakPageSettings) {
        this.clock = scaledClock(settings.timeScale);
    }

    /** A new tab on the checkout page: a fresh realm and store; it loads as the page would. */
    open(base: string, name = base): SoakTab {
        const { emulator, state, buyer, seed, requestTimeoutMs } = this.settings;
        const { engine } = loadEngineRealm();
        const storage = this.sessionStorages.get(base) ?? memoryStorage();
        this.sessionStorages.set(base, storage);
        const store = engine.createCheckoutStore({
            transport: createNodeTransport({
                baseUrl: emulator.url,
                webstoreId: state.webstoreId,
                client: name,
                journal: this.journal,
                timeoutMs: 30_000,
                csrfToken: state.csrfToken,
                connectivity: this.device
            }),
            isGuest: !buyer,
            effectiveAccountId: buyer ? (state.accountId ?? undefined) : undefined,
            language: 'en-US',
            clock: this.clock,
            random: seededRandom(seed * 7 + this.tabs.size + this.reloads * 31),
            customFieldTypes: { WebCart: { MyCustomTextField__c: 'Text' } },
            connectivity: this.device,
            retry: { requestTimeoutMs },
            // Tabs of one browser hear each other (Node's BroadcastChannel reaches every realm of the process).
            tabs: { name: `checkout-kit-soak:${seed}` },
            // What the shopper entered and could not save outlives a reload, as in a browser tab.
            unsavedEdits: { webstoreId: state.webstoreId, storage }
        });
        const tab = { name, base, store };
        this.tabs.set(base, tab);
        return tab;
    }

    /** Starts the checkout in the tab, and a buyer's address book: what the page's components ask for. */
    load(tab: SoakTab): Promise<unknown> {
        return Promise.all([
            tab.store.load(),
            this.settings.buyer ? tab.store.loadAccountAddresses() : undefined
        ]);
    }

    /** The shopper reloads the tab (signs in again): the old store goes, a new realm takes its place. */
    reload(tab: SoakTab): SoakTab {
        tab.store.dispose();
        this.reloads++;
        return this.open(tab.base, `${tab.base}~${this.reloads + 1}`);
    }

    /** The tab's snapshot as the shopper reads it now (kept for the unlabelled-failures check). */
    look(tab: SoakTab): CheckoutSnapshot {
        const snapshot = tab.store.getSnapshot();
        if (this.seen.at(-1)?.snapshot !== snapshot) this.seen.push({ tab: tab.name, snapshot });
        return snapshot;
    }

    /**
     * The device loses its connection in `afterMs` for `forMs` (both in the emulator's time), then gets it
     * back on its own, whatever the shopper is doing meanwhile.
     */
    dropConnection(afterMs: number, forMs: number): void {
        const { timeScale } = this.settings;
        this.later(afterMs * timeScale, () => {
            this.offlineSpells++;
            this.device.goOffline();
            this.later(forMs * timeScale, () => this.device.goOnline());
        });
    }

    private later(ms: number, action: () => void): void {
        const timer = setTimeout(() => {
            this.timers.delete(timer);
            action();
        }, ms);
        this.timers.add(timer);
    }

    close(): void {
        for (const timer of this.timers) clearTimeout(timer);
        this.device.goOnline();
        for (const tab of this.tabs.values()) tab.store.dispose();
    }
}
