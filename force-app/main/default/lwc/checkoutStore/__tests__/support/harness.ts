/** The engine tests' harness: a store on the fake server and the fake clock, built by `setup()`. */
import { createCheckoutStore } from '../../store';
import type { CheckoutStore, StoreOptions } from '../../types';
import { FakeClock } from './fakeClock';
import { FakeCheckoutServer } from './fakeCheckoutServer';
import type { FakeServerOptions } from './fakeCommerceCheckout';

export interface Harness {
    clock: FakeClock;
    server: FakeCheckoutServer;
    store: CheckoutStore;
    /** Creates another store on the same server (a second instance on the page). */
    anotherStore(): CheckoutStore;
    /** The options the harness builds stores with (fake server, fake clock, always online). */
    storeOptions(): StoreOptions;
    /** Loads the checkout and runs until it is ready. */
    loaded(): Promise<Harness>;
    /** Runs fake time until the store is idle. */
    idle(): Promise<void>;
}

export function setup(
    options: FakeServerOptions & { store?: Partial<StoreOptions> } = {}
): Harness {
    const clock = new FakeClock();
    const server = new FakeCheckoutServer(clock, options);
    let seed = 42;
    const storeOptions = (): StoreOptions => ({
        transport: server,
        clock,
        isGuest: options.guest ?? true,
        // Deterministic jitter.
        random: () => {
            seed = (seed * 16807) % 2147483647;
            return seed / 2147483647;
        },
        connectivity: { isOnline: () => true, onOnline: () => () => undefined },
        ...options.store
    });
    const store = createCheckoutStore(storeOptions());
    const harness: Harness = {
        clock,
        server,
        store,
        anotherStore: () => createCheckoutStore(storeOptions()),
        storeOptions,
        loaded: async () => {
            await clock.resolve(store.load());
            await harness.idle();
            return harness;
        },
        idle: () => clock.resolve(store.whenIdle())
    };
    return harness;
}

/** A checkout with an address and the contact details an order needs. */
export function readyToOrder(): Harness {
    return setup({
        withAddress: true,
        contactInfo: { email: 'ada@example.com', lastName: 'Lovelace' }
    });
}
