/**
 * A soak tab's engine realm: a fresh module instance with page-wide state of its own, as a browser tab has.
 * Against the emulator, two realms on one checkout each submit their own order (the server sees both),
 * where two stores of one realm share the page's submission.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { CheckoutStore } from '../../force-app/main/default/lwc/checkoutStore/types';
import { startEmulatorServer, type EmulatorServer } from '../../emulator/src/index';
import { loadEngine, type EngineModule } from '../lib/engine';
import { Journal, createNodeTransport } from '../lib/node-transport';
import { loadEngineRealm } from '../lib/soak-realm';

type PageRegistry = typeof import('../../force-app/main/default/lwc/checkoutStore/pageRegistry');

let server: EmulatorServer;
before(async () => {
    server = await startEmulatorServer({ port: 0 });
});
after(() => server.close());

const idleTransport = {
    connect: () => new Promise<never>(() => undefined),
    getSession: () => Promise.resolve(null),
    submitCpq: () => Promise.reject(new Error('not used')),
    getCpqCartSummary: () => Promise.reject(new Error('not used'))
};

test('each realm has its own page registry; the bench keeps its one shared engine', () => {
    const shared = loadEngine();
    const first = loadEngineRealm();
    const second = loadEngineRealm();
    assert.notEqual(first.engine, second.engine);
    assert.notEqual(first.engine, shared);
    assert.equal(loadEngine(), shared);
    const firstRegistry = first.module<PageRegistry>('checkoutStore/pageRegistry.ts');
    const secondRegistry = second.module<PageRegistry>('checkoutStore/pageRegistry.ts');
    const store = first.engine.createCheckoutStore({ transport: idleTransport });
    assert.equal(firstRegistry.liveStores.size, 1);
    assert.equal(secondRegistry.liveStores.size, 0);
    store.dispose();
    assert.equal(firstRegistry.liveStores.size, 0);
});

/** A signed-in buyer's store on the emulator's checkout (ready to order: saved address, cheapest method). */
function buyerStore(engine: EngineModule, client: string, journal: Journal): CheckoutStore {
    const state = server.emulator.state();
    return engine.createCheckoutStore({
        transport: createNodeTransport({
            baseUrl: server.url,
            webstoreId: state.webstoreId,
            client,
            journal,
            csrfToken: state.csrfToken
        }),
        isGuest: false,
        effectiveAccountId: state.accountId ?? undefined
    });
}

async function ordersFromTwoTabs(realms: [EngineModule, EngineModule]): Promise<number> {
    server.emulator.reset({
        scenario: 'b2b-buyer',
        seed: 3,
        timeScale: 0,
        idempotentOrders: false,
        // Payment is not this test's subject (b2b-buyer requires one by default).
        paymentRequired: false
    });
    const journal = new Journal();
    const tabs = realms.map((engine, index) => buyerStore(engine, `tab${index + 1}`, journal));
    await Promise.all(tabs.map((tab) => tab.load()));
    const results = await Promise.all(tabs.map((tab) => tab.placeOrder()));
    tabs.forEach((tab) => tab.dispose());
    assert.deepEqual(
        results.map((result) => result.outcome),
        ['success', 'success']
    );
    return server.emulator.state().orders.length;
}

test('two stores of one realm share one submission; two realms submit one each', async () => {
    const realm = loadEngineRealm().engine;
    assert.equal(await ordersFromTwoTabs([realm, realm]), 1);
    assert.equal(await ordersFromTwoTabs([loadEngineRealm().engine, loadEngineRealm().engine]), 2);
});
