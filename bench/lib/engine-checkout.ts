/** The engine's side of the bench: the real store, driven by the scripted shopper through its intent API. */
import type {
    CheckoutSnapshot,
    CheckoutStore,
    CheckoutTransport,
    PollTuning,
    StoreOptions
} from '../../force-app/main/default/lwc/checkoutStore/types';
import type { EngineModule } from './engine';
import { withTimeLimit } from './random';
import {
    chooseAccountAddress,
    chooseDeliveryMethod,
    defaultGroup,
    guestAddress,
    guestContact,
    isBuyerScenario,
    toCheckoutAddress
} from './shopper';

export interface EngineCheckoutContext {
    engine: EngineModule;
    transport: CheckoutTransport;
    scenario: string;
    accountId: string | null;
    random?: () => number;
    /** Only for exploring other defaults (`--engine-polling`); the bench's figures use the production ones. */
    polling?: Partial<PollTuning>;
    /** The shopper's browser storage across visits (the second-visit scenario); none on a first visit. */
    learnedTimings?: StoreOptions['learnedTimings'];
}

/** Where the engine keeps its learned timings: a page's localStorage, or a stand-in. */
export type TimingStorage = NonNullable<NonNullable<StoreOptions['learnedTimings']>['storage']>;

/** A browser's localStorage (what one shopper's visits share) or a tab's sessionStorage, in memory. */
export function memoryStorage(): TimingStorage &
    NonNullable<NonNullable<StoreOptions['unsavedEdits']>['storage']> {
    const items = new Map<string, string>();
    return {
        getItem: (key) => items.get(key) ?? null,
        setItem: (key, value) => void items.set(key, String(value)),
        removeItem: (key) => void items.delete(key)
    };
}

export function createStore(context: EngineCheckoutContext): CheckoutStore {
    const buyer = isBuyerScenario(context.scenario, context.accountId);
    return context.engine.createCheckoutStore({
        transport: context.transport,
        isGuest: !buyer,
        effectiveAccountId: buyer ? (context.accountId ?? undefined) : undefined,
        random: context.random,
        polling: context.polling,
        learnedTimings: context.learnedTimings,
        connectivity: { isOnline: () => true, onOnline: () => () => undefined }
    });
}

/** Idle, with a bound: a store that never settles fails the run instead of hanging it. */
export function settle(store: CheckoutStore, ms = 120_000): Promise<CheckoutSnapshot> {
    return withTimeLimit(store.whenIdle(), ms, 'whenIdle').then(() => store.getSnapshot());
}

/** One full checkout through the engine; resolves with the order reference number. */
export async function runEngineCheckout(context: EngineCheckoutContext): Promise<string> {
    const store = createStore(context);
    try {
        if (isBuyerScenario(context.scenario, context.accountId)) {
            await Promise.all([store.load(), store.loadAccountAddresses()]);
            let snapshot = await settle(store);
            const group = defaultGroup(snapshot.deliveryGroups);
            const chosen = chooseAccountAddress(snapshot.accountAddresses);
            if (group && chosen) {
                store.updateShipping(group.id, { deliveryAddress: toCheckoutAddress(chosen) });
                snapshot = await settle(store);
            }
        } else {
            await store.load();
            const group = defaultGroup((await settle(store)).deliveryGroups);
            store.updateContact(guestContact);
            if (group) store.updateShipping(group.id, { deliveryAddress: guestAddress });
        }
        const snapshot = await settle(store);
        const group = defaultGroup(snapshot.deliveryGroups);
        const method = group && chooseDeliveryMethod(group, group.selectedDeliveryMethodId);
        if (group && method) {
            store.selectDeliveryMethod(group.id, method.id);
            await settle(store);
        }
        const result = await store.placeOrder();
        if (result.outcome !== 'success' || !result.orderReferenceNumber) {
            throw new Error(`Place order failed: ${result.outcome} ${result.message}`);
        }
        return result.orderReferenceNumber;
    } finally {
        store.dispose();
    }
}
