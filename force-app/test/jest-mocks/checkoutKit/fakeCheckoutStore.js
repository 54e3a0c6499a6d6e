/**
 * A stand-in for the `c/checkoutStore` module in component tests:
 *
 *   jest.mock('c/checkoutStore', () => require('checkoutKitTest/fakeCheckoutStore').createCheckoutStoreModule());
 *
 * (Not `virtual`: the module resolves, and a virtual mock of it is missed when a suite run earlier in the same
 * worker loaded the real engine.)
 *
 * The test then imports `{ CheckoutStateAdapter, getCheckoutStore, resetFakeStore }` from 'c/checkoutStore',
 * calls `resetFakeStore()` in beforeEach, and emits snapshots with `CheckoutStateAdapter.emit(snapshot)`.
 * The engine's pure exports (field keys, the address input, message codes) are the real ones, so the stub
 * cannot drift from the engine.
 */
const { createTestWireAdapter } = require('@salesforce/wire-service-jest-util');

const ENGINE_PURE_EXPORTS = [
    'ADDRESS_FIELDS',
    'ENGINE_CODES',
    'addressInput',
    'addressPartKey',
    'contactKey',
    'groupCustomKey',
    'groupKey',
    'webCartKey'
];

function enginePureExports() {
    const engine = jest.requireActual('c/checkoutStore');
    const missing = ENGINE_PURE_EXPORTS.filter((name) => engine[name] === undefined);
    if (missing.length > 0) {
        throw new Error(`c/checkoutStore no longer exports ${missing.join(', ')}`);
    }
    return Object.fromEntries(ENGINE_PURE_EXPORTS.map((name) => [name, engine[name]]));
}

function createFakeStore(initialSnapshot) {
    let snapshot = initialSnapshot;
    const listeners = new Set();
    return {
        getSnapshot: jest.fn(() => snapshot),
        subscribe: jest.fn((listener) => {
            listeners.add(listener);
            listener(snapshot);
            return () => listeners.delete(listener);
        }),
        load: jest.fn(() => Promise.resolve()),
        updateContact: jest.fn(),
        updateShipping: jest.fn(),
        selectDeliveryMethod: jest.fn(),
        updateCustomFields: jest.fn(),
        loadAccountAddresses: jest.fn(() => Promise.resolve()),
        loadBillingAddresses: jest.fn(() => Promise.resolve()),
        useCpqCart: jest.fn(() => Promise.resolve()),
        retryFailed: jest.fn(),
        retryCalculation: jest.fn(),
        updatePayment: jest.fn(),
        requirePayment: jest.fn(),
        placeOrder: jest.fn(() =>
            Promise.resolve({
                strategy: 'commerce',
                outcome: 'success',
                orderReferenceNumber: 'ORD-0001',
                message: 'Order placed'
            })
        ),
        whenIdle: jest.fn(() => Promise.resolve()),
        dispose: jest.fn(),
        /** Test only: replaces the snapshot and tells subscribers. */
        setSnapshot(next) {
            snapshot = next;
            listeners.forEach((listener) => listener(next));
        }
    };
}

function createCheckoutStoreModule() {
    const CheckoutStateAdapter = createTestWireAdapter();
    let store = createFakeStore(null);
    return {
        __esModule: true,
        ...enginePureExports(),
        CheckoutStateAdapter,
        getCheckoutStore: () => store,
        configureCheckoutStore: () => store,
        createCheckoutStore: () => store,
        /** Test only: a fresh store with fresh jest.fn intents (restoreMocks wipes implementations). */
        resetFakeStore(initialSnapshot = null) {
            store = createFakeStore(initialSnapshot);
            return store;
        }
    };
}

module.exports = { createCheckoutStoreModule };
