/**
 * Account data beside the checkout: the buyer's saved shipping addresses, and an Industries CPQ cart's
 * one-time and recurring totals. Both are conveniences: when a read fails the checkout goes on without them.
 */
import { isObject } from './answers';
import { changed, connectQuery } from './context';
import type { EngineContext } from './context';
import type { AccountAddress, CpqResponse } from './types';

export async function readAccountAddresses(ctx: EngineContext): Promise<void> {
    if (ctx.isGuest) return;
    const accountId = ctx.effectiveAccountId ?? ctx.checkout?.cartSummary?.accountId;
    if (!accountId) return;
    try {
        const response = await ctx.transport.connect('GET', `/accounts/${accountId}/addresses`, {
            query: { ...connectQuery(ctx, false), addressType: 'Shipping', pageSize: '100' }
        });
        const items = isObject(response.body) ? response.body.items : undefined;
        if (response.status === 200 && Array.isArray(items)) {
            ctx.accountAddresses = items as AccountAddress[];
            changed(ctx);
        }
    } catch {
        // Saved addresses are a convenience: the shopper can still type an address.
    }
}

/** Names the CPQ cart (Order, Quote or Opportunity) and its namespace; true when it changed. */
export function nameCpqCart(
    ctx: EngineContext,
    cart: { namespace: string; cartId?: string }
): boolean {
    const current = ctx.options.cpq;
    if (current?.namespace === cart.namespace && current?.cartId === cart.cartId) return false;
    ctx.options.cpq = { ...cart };
    ctx.cpqTotals = {};
    changed(ctx);
    return true;
}

export async function readCpqSummary(ctx: EngineContext): Promise<void> {
    const cpq = ctx.options.cpq;
    // Only a named CPQ cart: the checkout's WebCart is not one.
    const cartId = cpq?.cartId;
    if (!cpq || !cartId) return;
    try {
        const response: CpqResponse = await ctx.transport.getCpqCartSummary({
            cartId,
            namespace: cpq.namespace
        });
        const record = response?.records?.[0];
        const money = (value: unknown): string | undefined =>
            typeof value === 'number' || typeof value === 'string'
                ? Number(value).toFixed(2)
                : undefined;
        ctx.cpqTotals = {
            oneTime: money(record?.EffectiveOneTimeTotal__c),
            recurring: money(record?.EffectiveRecurringTotal__c)
        };
        changed(ctx);
    } catch {
        // Totals from the checkout still show; only the CPQ split is missing.
    }
}
