/**
 * One soak checkout: a fresh emulator checkout with the soak's faults on (every order POST places an
 * order), the scripted shopper working through one or two tabs up to placing the order and doing what the
 * page says on the way, and what it all left behind for the invariant checks.
 */
import type {
    CheckoutSnapshot,
    OrderResult
} from '../../force-app/main/default/lwc/checkoutStore/types';
import type { Emulator, EmulatorState, FaultSettings, ServerRequest } from './emulator';
import type { Journal } from './node-transport';
import { between, pick, seededRandom } from './random';
import { isBuyerScenario } from './shopper';
import type { IntentLog } from './soak-intents';
import { SoakPage, endsWithin, type SoakTab } from './soak-page';
import { Shopper } from './soak-shopper';

export interface SoakCheckoutSettings {
    emulator: Emulator;
    /** The emulator's timeScale (it multiplies every delay): 0.05 runs 20× faster than real time. */
    timeScale: number;
    faults: FaultSettings;
    scenarios: readonly string[];
    /** The engine's request timeout, in its (scaled) milliseconds. */
    requestTimeoutMs: number;
}

/** Rounds of "do what the page says, then press Place Order" before the shopper gives up. */
export const MAX_ROUNDS = 8;
/** Looks at every tab per round, doing what it says, before Place Order is pressed. */
const PASSES_PER_ROUND = 3;
/**
 * The longest wait (emulator ms) before a tab counts as hung: past the engine's own 90 s limit for a
 * checkout that keeps processing.
 */
export const WAIT_BOUND_MS = 120_000;

/** What one checkout left behind: the shopper's intents, what the tabs showed, the clients and the server. */
export interface SoakCheckoutRun {
    seed: number;
    scenario: string;
    /** The emulator's timeScale: real ms ÷ timeScale = emulator ms. */
    timeScale: number;
    /** A wait that did not end within WAIT_BOUND_MS: which one. */
    hung?: string;
    /** Rounds the shopper went through before the order was placed (or MAX_ROUNDS). */
    rounds: number;
    /** Every answer to Place Order, from every click. */
    orders: OrderResult[];
    intents: IntentLog;
    /** The open tabs' last snapshots, by realm name. */
    snapshots: Map<string, CheckoutSnapshot>;
    /** Every snapshot the shopper looked at, in every realm. */
    seen: ReadonlyArray<{ tab: string; snapshot: CheckoutSnapshot }>;
    journal: Journal;
    final: EmulatorState;
    /** The emulator's request log. */
    serverLog: ServerRequest[];
    /** Realms opened: tabs and reloads. */
    tabsOpened: number;
    reloads: number;
    offlineSpells: number;
    /** Values the shopper entered again after reloads: the page did not show them as they were left. */
    reenteredAfterReload: number;
}

/** A value the shopper entered that the tab shows as not saved: a failed edit or payment. */
function showsFailedValue(snapshot: CheckoutSnapshot): boolean {
    return (
        Object.values(snapshot.edits).some((edit) => edit.status === 'failed') ||
        snapshot.payment?.status === 'failed'
    );
}

/** The script of one checkout, with the waits bounded: `hung` says which wait did not end. */
class CheckoutScript {
    hung: string | undefined;
    readonly orders: OrderResult[] = [];
    rounds = 0;
    private readonly bound: number;

    constructor(
        private readonly page: SoakPage,
        private readonly shopper: Shopper,
        private readonly random: () => number,
        timeScale: number
    ) {
        this.bound = WAIT_BOUND_MS * timeScale;
    }

    /** The tab once idle, as the shopper reads it; undefined (and `hung` set) when it never gets idle. */
    async settled(tab: SoakTab): Promise<CheckoutSnapshot | undefined> {
        if (this.hung) return undefined;
        if (!(await endsWithin(tab.store.whenIdle(), this.bound))) {
            this.hung = `${tab.name}: whenIdle did not resolve`;
            return undefined;
        }
        return this.page.look(tab);
    }

    async loaded(tab: SoakTab): Promise<CheckoutSnapshot | undefined> {
        if (!(await endsWithin(this.page.load(tab), this.bound))) {
            this.hung ??= `${tab.name}: load did not end`;
            return undefined;
        }
        return this.settled(tab);
    }

    async run(): Promise<void> {
        const { page, shopper, random } = this;
        const tab1 = page.open('tab1');
        const loading = this.loaded(tab1);
        if (random() < 0.5) await loading; // otherwise the first edits land while loading
        if (random() < 0.2)
            page.dropConnection(between(random, 0, 1500), between(random, 100, 3000));
        await shopper.editRandomly(tab1, 2 + Math.floor(random() * 5));
        await loading;
        if (!(await this.settled(tab1))) return;
        shopper.selectMethod(tab1);
        if (random() < 0.4) {
            // An address change after the delivery method: the server may reset the method.
            await shopper.pause(200);
            shopper.editAddress(tab1);
        }
        if (random() < 0.3) await this.secondTab();
        while (this.rounds < MAX_ROUNDS && !this.hung) {
            this.rounds++;
            if (await this.placeOrderRound()) break;
        }
        for (const tab of page.tabs.values()) await this.settled(tab);
    }

    /** A second tab on the same checkout edits the shipping instructions and maybe the custom field. */
    private async secondTab(): Promise<void> {
        const tab2 = this.page.open('tab2');
        await this.settled(this.page.tabs.get('tab1') as SoakTab);
        if (!(await this.loaded(tab2))) return;
        this.shopper.editInstructions(tab2);
        if (this.random() < 0.5) this.shopper.editCustomField(tab2);
    }

    /**
     * The shopper does what each tab says (a few passes, until no tab asks for more), then double-clicks
     * Place Order: in the first tab, or after a failed attempt sometimes in the second; not while that tab
     * still asks for something, nor while another tab shows a value of theirs that failed to save. A diligent
     * shopper, so that what goes missing is the engine's doing. True once an order was placed.
     */
    private async placeOrderRound(): Promise<boolean> {
        let asking = new Set<string>();
        for (let pass = 0; pass < PASSES_PER_ROUND && !this.hung; pass++) {
            asking = new Set();
            for (const tab of [...this.page.tabs.values()]) {
                const snapshot = await this.settled(tab);
                if (!snapshot) return false;
                const reaction = this.shopper.react(tab, snapshot);
                if (reaction === 'reload') await this.reload(tab);
                if (reaction !== 'nothing') asking.add(tab.base);
            }
            if (asking.size === 0) break;
        }
        for (const tab of this.page.tabs.values()) await this.settled(tab);
        if (this.hung) return false;
        // A tab shows the order (its answer was lost, a read found it): the shopper has their confirmation.
        if ([...this.page.tabs.values()].some((tab) => this.page.look(tab).phase === 'complete'))
            return true;
        const tab2 = this.page.tabs.get('tab2');
        const clicked =
            tab2 && this.rounds > 1 && this.random() < 0.5
                ? tab2
                : (this.page.tabs.get('tab1') as SoakTab);
        const failingElsewhere = [...this.page.tabs.values()].some(
            (tab) => tab !== clicked && showsFailedValue(tab.store.getSnapshot())
        );
        if (asking.has(clicked.base) || failingElsewhere) return false;
        const clicks = Promise.all([clicked.store.placeOrder(), clicked.store.placeOrder()]);
        if (!(await endsWithin(clicks, this.bound))) {
            this.hung = `${clicked.name}: placeOrder did not settle`;
            return false;
        }
        const results = await clicks;
        this.orders.push(...results);
        return results.some((result) => result.outcome === 'success');
    }

    /** Signs in again: a new realm for the tab, loaded, and whatever the page lost entered again. */
    private async reload(tab: SoakTab): Promise<void> {
        const fresh = this.page.reload(tab);
        const snapshot = await this.loaded(fresh);
        if (!snapshot) return;
        this.shopper.reenter(fresh, snapshot);
        const withAddress = await this.settled(fresh);
        if (withAddress) this.shopper.reenterMethod(fresh, withAddress);
    }
}

/** One seeded checkout; a wait that never ends is reported (`hung`), never thrown. */
export async function runSoakCheckout(
    settings: SoakCheckoutSettings,
    seed: number
): Promise<SoakCheckoutRun> {
    const { emulator, timeScale } = settings;
    const random = seededRandom(seed);
    const scenario = pick(random, settings.scenarios);
    const state = await emulator.reset(scenario, seed, timeScale, {
        idempotentOrders: false,
        faults: settings.faults
    });
    const buyer = isBuyerScenario(scenario, state.accountId);
    const page = new SoakPage({
        emulator,
        timeScale,
        state,
        buyer,
        seed,
        requestTimeoutMs: settings.requestTimeoutMs
    });
    const shopper = new Shopper(random, timeScale, buyer);
    const script = new CheckoutScript(page, shopper, random, timeScale);
    let snapshots: Map<string, CheckoutSnapshot>;
    try {
        await script.run();
    } finally {
        snapshots = new Map(
            [...page.tabs.values()].map((tab) => [tab.name, tab.store.getSnapshot()])
        );
        page.close();
    }
    return {
        seed,
        scenario,
        timeScale,
        hung: script.hung,
        rounds: script.rounds,
        orders: script.orders,
        intents: shopper.intents,
        snapshots,
        seen: page.seen,
        journal: page.journal,
        final: await emulator.state(),
        serverLog: await emulator.requests(),
        tabsOpened: page.tabs.size + page.reloads,
        reloads: page.reloads,
        offlineSpells: page.offlineSpells,
        reenteredAfterReload: shopper.reenteredAfterReload
    };
}
