/**
 * The one shared test helper for the engine, the module every test imports from: a fake clock, a scripted fake
 * Commerce checkout server behind the CheckoutTransport interface, and the `setup()` harness. The server's PATCH
 * rules (contractRules.ts) are written independently of patchRules.ts, so a bug in one is caught by the other.
 */
export * from './contractRules';
export * from './fakeCheckoutServer';
export * from './fakeClock';
export * from './fakeCommerceCheckout';
export * from './fakeFixtures';
export * from './harness';
