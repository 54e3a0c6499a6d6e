/**
 * Account data beside the checkout: the buyer's saved shipping and billing addresses, and an Industries CPQ cart's
 * one-time and recurring totals. Both are conveniences: when a read fails the checkout goes on without them.
 */
import { isObject } from './answers';
import { answerWithin, changed } from './context';
import type { EngineContext } from './context';
import { connectQuery } from './connectQuery';
import type { AccountAddress } from './types';

/** The account's saved addresses of one type: shipping ones for the address form, billing ones for payment. */
export async function readAccountAddresses(
    ctx: EngineContext,
    addressType: 'Shipping' | 'Billing' = 'Shipping'
): Promise<void> {
    if (ctx.isGuest) return;
    const accountId = ctx.effectiveAccountId ?? ctx.checkout?.cartSummary?.accountId;
    if (!accountId) return;
    try {
        const response = await answerWithin(ctx, (signal) =>
            ctx.transport.connect('GET', `/accounts/${encodeURIComponent(accountId)}/addresses`, {
                query: { ...connectQuery(ctx, false), addressType, pageSize: '100' },
                signal
            })
        );
        const items = isObject(response.body) ? response.body.items : undefined;
        if (response.status === 200 && Array.isArray(items)) {
            if (addressType === 'Billing') ctx.billingAddresses = items as AccountAddress[];
            else ctx.accountAddresses = items as AccountAddress[];
            changed(ctx);
        }
    } catch {
        // Saved addresses are a convenience: the shopper can still type an address.
    }
}

/** Names the CPQ cart (Order, Quote or Opportunity); true when it changed. */
export function nameCpqCart(ctx: EngineContext, cart: { cartId?: string }): boolean {
    if (ctx.options.cpq?.cartId === cart.cartId) return false;
    ctx.options.cpq = { cartId: cart.cartId };
    ctx.cpqTotals = {};
    ctx.cpqCheckOrderStatus = false;
    changed(ctx);
    return true;
}

const money = (value: unknown): string | undefined =>
    typeof value === 'number' || (typeof value === 'string' && value.trim() !== '')
        ? Number(value).toFixed(2)
        : undefined;

/** The CPQ cart's one-time and recurring totals, and whether the admin's policy checks order status. */
export async function readCpqSummary(ctx: EngineContext): Promise<void> {
    // Only a named CPQ cart: the checkout's WebCart is not one.
    const cartId = ctx.options.cpq?.cartId;
    if (!cartId) return;
    try {
        const summary = await answerWithin(ctx, () => ctx.transport.getCpqCartSummary({ cartId }));
        ctx.cpqTotals = {
            oneTime: money(summary?.oneTimeTotal),
            recurring: money(summary?.recurringTotal)
        };
        ctx.cpqCheckOrderStatus = summary?.checkOrderStatus === true;
        changed(ctx);
    } catch {
        // Totals from the checkout still show; only the CPQ split is missing.
    }
}
