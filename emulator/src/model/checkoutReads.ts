/**
 * Reads of the checkout as it stands: GET of the checkout and of a delivery group, and the admin state's
 * views.
 */
import type { Calculator } from '../faults';
import { notFound } from '../errors';
import { sameId } from '../ids';
import { settleCheckout } from './calculatorTimeline';
import type { Org } from './org';
import type { AddressOut, ApiResult, PaymentRecord } from './records';
import { checkoutBody, groupBody, statusOf } from './responseBodies';

export function getCheckout(org: Org, idOrActive: string): ApiResult {
    const checkout = org.checkoutFor(idOrActive);
    const status = statusOf(checkout);
    return { status, body: checkoutBody(org, checkout, status) };
}

export function getDeliveryGroup(org: Org, cartIdOrActive: string, groupId: string): ApiResult {
    org.checkCart(cartIdOrActive);
    if (!org.activeCheckout)
        throw notFound('There is no active checkout for this cart. Start one first.');
    const checkout = org.checkoutFor(org.activeCheckout.id);
    const group = checkout.groups.find((g) => sameId(g.id, groupId));
    if (!group) throw notFound(`Delivery group "${groupId}" was not found in this cart.`);
    return { status: 200, body: groupBody(org, group) };
}

/** The current checkout as GET would answer it (a deleted one: 410, no body), or null when there is none. */
export function currentCheckout(
    org: Org
): { status: number; body: Record<string, unknown> | null } | null {
    const id = org.currentCheckoutId;
    if (!id) return null;
    const checkout = org.findAny(id);
    if (checkout.deleted) return { status: 410, body: null };
    settleCheckout(org, checkout, org.now());
    const status = statusOf(checkout);
    return { status, body: checkoutBody(org, checkout, status) };
}

/** The current checkout's billing address (WebCart.BillingAddress), or null. */
export function currentBillingAddress(org: Org): AddressOut | null {
    const id = org.currentCheckoutId;
    const address = id ? org.findAny(id).billingAddress : null;
    return address ? { ...address } : null;
}

export function currentPayments(org: Org): PaymentRecord[] {
    const id = org.currentCheckoutId;
    return id ? org.findAny(id).payments.map((p) => ({ ...p })) : [];
}

/** When the current checkout's calculators finish (or finished), for readiness measurements. */
export function processing(org: Org): {
    running: boolean;
    readyAt: number | null;
    calculators: Calculator[];
} {
    const id = org.currentCheckoutId;
    const checkout = id ? org.findAny(id) : null;
    if (checkout) settleCheckout(org, checkout, org.now());
    const job = checkout?.job;
    if (job) {
        return {
            running: true,
            readyAt: job.steps[job.steps.length - 1].endsAt,
            calculators: job.steps.map((s) => s.calculator)
        };
    }
    const last = [...org.history].reverse().find((h) => h.checkoutId === id);
    return {
        running: false,
        readyAt: last?.readyAt ?? null,
        calculators: last?.calculators ?? []
    };
}
