/**
 * Runs components against the real engine: the page's default store is replaced by one that talks to the
 * engine's scripted fake Commerce server (checkoutStore/__tests__/support) on a fake clock.
 */
import { configureCheckoutStore } from 'c/checkoutStore';
import {
    FakeCheckoutServer,
    FakeClock
} from '../../../main/default/lwc/checkoutStore/__tests__/support/fakeCheckout';
import { flushPromises } from './snapshots';

export function useRealEngine(serverOptions = {}) {
    const clock = new FakeClock();
    const server = new FakeCheckoutServer(clock, serverOptions);
    const store = configureCheckoutStore({
        transport: server,
        clock,
        isGuest: serverOptions.guest ?? true,
        random: () => 0.5,
        connectivity: { isOnline: () => true, onOnline: () => () => undefined }
    });
    return {
        clock,
        server,
        store,
        /** Runs fake time until the store has nothing pending, then lets components re-render. */
        async settle() {
            await clock.resolve(store.whenIdle());
            await flushPromises();
        }
    };
}
