/**
 * `c/checkoutStore`: the engine's LWC surface. Components read the snapshot (wire adapter or subscribe) and
 * call intent methods on `getCheckoutStore()`; they never call HTTP or Apex themselves.
 */
import { lwrContext, readSessionContext } from './lwrContext';
import { createCheckoutStore } from './store';
import { createLwrTransport } from './transport';
import type { CheckoutSnapshot, CheckoutStore, StoreOptions } from './types';

export { createCheckoutStore } from './store';
export { DEFAULT_RETRY_TUNING } from './context';
export { ENGINE_CODES } from './engineCodes';
export { DEFAULT_POLL_TUNING } from './polling';
// Validation lives in c/checkoutValidation (shared with the forms); re-exported for compatibility.
export { validateAddress, validateContact, validateCustomField } from 'c/checkoutValidation';
export { submitOutcomeFor } from './submission';
// Field keys and the address input shape: components build keys with these, never by hand.
export {
    ADDRESS_FIELDS,
    addressInput,
    addressPartKey,
    contactKey,
    groupCustomKey,
    groupKey,
    webCartKey
} from './fields';
export { patchBodyViolations } from './patchRules';
export * from './types';

let defaultStore: CheckoutStore | null = null;
const adapters = new Set<CheckoutStateAdapter>();

/** Production options: same-origin Connect REST, Apex, and the LWR context. */
function productionOptions(): StoreOptions {
    const context = lwrContext();
    const transport = createLwrTransport(context);
    return {
        transport,
        isGuest: context.isGuest,
        language: context.language,
        resolveContext: () => readSessionContext(transport),
        learnedTimings: { webstoreId: context.webstoreId },
        tabs: { name: `checkout-kit:${context.webstoreId}` },
        unsavedEdits: { webstoreId: context.webstoreId }
    };
}

/** The page's default store, created on first use with the production transport. */
export function getCheckoutStore(): CheckoutStore {
    defaultStore ??= createCheckoutStore(productionOptions());
    return defaultStore;
}

/** Replaces the default store (tests, preview); connected wire adapters move to the new one. */
export function configureCheckoutStore(options: Partial<StoreOptions>): CheckoutStore {
    defaultStore?.dispose();
    const base = options.transport ? { transport: options.transport } : productionOptions();
    defaultStore = createCheckoutStore({ ...base, ...options } as StoreOptions);
    adapters.forEach((adapter) => adapter.reconnect());
    return defaultStore;
}

/**
 * Wire adapter: `@wire(CheckoutStateAdapter) checkout;` delivers every CheckoutSnapshot of the default store
 * and starts loading the checkout when the first component connects.
 */
export class CheckoutStateAdapter {
    private unsubscribe: (() => void) | null = null;

    constructor(private readonly dataCallback: (snapshot: CheckoutSnapshot) => void) {}

    connect(): void {
        adapters.add(this);
        this.subscribe();
    }

    /** No configuration: every component sees the same checkout. */
    update(_config?: Record<string, unknown>): void {
        if (adapters.has(this) && !this.unsubscribe) this.subscribe();
    }

    disconnect(): void {
        adapters.delete(this);
        this.unsubscribe?.();
        this.unsubscribe = null;
    }

    /** Called when configureCheckoutStore replaces the default store. */
    reconnect(): void {
        this.unsubscribe?.();
        this.unsubscribe = null;
        this.subscribe();
    }

    private subscribe(): void {
        const store = getCheckoutStore();
        this.unsubscribe = store.subscribe(this.dataCallback);
        void store.load();
    }
}
