/**
 * The page registry: what every store on the page shares. Orders placed or being placed, by checkout
 * (Commerce) or cart (CPQ), so a second store reuses the first one's submission instead of sending its own
 * (the server is idempotent per checkout too); and the live stores, so before an order goes out the others
 * of the same checkout send their waiting custom fields.
 */
import type { EngineContext } from './context';
import type { OrderResult } from './types';

export const submissionsInFlight = new Map<string, Promise<OrderResult>>();
export const placedOrders = new Map<string, OrderResult>();
export const liveStores = new Set<EngineContext>();

/** The live stores of `ctx`'s checkout, `ctx` first among them. */
export function storesOfCheckout(ctx: EngineContext): EngineContext[] {
    return [...liveStores].filter((store) => store === ctx || store.checkoutId === ctx.checkoutId);
}
