/** What each calculator computes: promotions, shipping methods (and the cheapest selected), tax. */
import { methodTemplatesFor, taxPercentFor } from '../geography';
import { PREFIX, makeId } from '../ids';
import { formatMoney, percentOf } from '../money';
import { hashString } from '../random';
import { NO_DELIVERY_METHODS } from './errorCatalogue';
import type { Org } from './org';
import {
    isAllDigital,
    productCents,
    selectedMethod,
    type CheckoutState,
    type GroupState
} from './records';

/** The scenario's percentage off the product amount, once it reaches the threshold. */
export function calculatePromotions(org: Org, checkout: CheckoutState): void {
    const promotion = org.scenario.promotion;
    const product = productCents(checkout.groups);
    checkout.promotionCents =
        promotion && product >= promotion.threshold ? -percentOf(product, promotion.percent) : 0;
}

/** The group's delivery methods for its address; false when the address gets none (a shipping failure). */
export function calculateShipping(org: Org, group: GroupState): boolean {
    group.errors = [];
    const address = group.deliveryAddress;
    if (isAllDigital(group) || !address || !address.country) {
        group.methods = [];
        group.selectedMethodId = null;
        return true;
    }
    const product = group.items.reduce((sum, i) => sum + i.unitPrice * i.quantity, 0);
    const templates = methodTemplatesFor(address.country, address.region, address.postalCode);
    const key = [
        address.country,
        address.region ?? '',
        address.postalCode ?? '',
        address.street ?? ''
    ].join('|');
    group.methods = templates.map((t) => {
        let off = 0;
        if (t.promotion?.amountOff) off = Math.min(t.fee, t.promotion.amountOff);
        if (t.promotion?.freeFrom !== undefined && product >= t.promotion.freeFrom) off = t.fee;
        const adjusted = t.fee - off;
        return {
            id: makeId(PREFIX.deliveryMethod, hashString(`${group.id}|${t.code}|${key}`)),
            name: t.name,
            carrier: t.carrier,
            classOfService: t.classOfService,
            currencyIsoCode: org.scenario.currencyIsoCode,
            shippingFee: formatMoney(t.fee),
            adjustedShippingFee: formatMoney(adjusted),
            totalAdjustmentAmount: formatMoney(-off),
            earliestEstimatedDeliveryTime: estimate(org, t.processDays + t.transitMin),
            latestEstimatedDeliveryTime: estimate(org, t.processDays + t.transitMax),
            processTime: t.processDays,
            processTimeUnit: 'Days',
            transitTimeMin: t.transitMin,
            transitTimeMax: t.transitMax,
            transitTimeUnit: 'Days',
            adjustedCents: adjusted
        };
    });
    if (group.methods.length === 0) {
        group.selectedMethodId = null;
        group.errors = [{ ...NO_DELIVERY_METHODS, instance: group.id }];
        return false;
    }
    // Same address, same method ids: a kept choice survives; otherwise the cheapest is selected.
    if (!group.methods.some((m) => m.id === group.selectedMethodId)) {
        const cheapest = [...group.methods].sort((a, b) => a.adjustedCents - b.adjustedCents)[0];
        group.selectedMethodId = cheapest.id;
    }
    return true;
}

function estimate(org: Org, days: number): string {
    return new Date(org.today + days * 86400000 + 17 * 3600000).toISOString();
}

/**
 * Tax per group by ship-to country and region, on products after promotion plus the adjusted shipping fee.
 */
export function calculateTax(checkout: CheckoutState): void {
    const product = productCents(checkout.groups);
    for (const group of checkout.groups) {
        const address = group.deliveryAddress;
        if (!address?.country) {
            group.taxCents = 0;
            continue;
        }
        const groupProduct = group.items.reduce((sum, i) => sum + i.unitPrice * i.quantity, 0);
        const promotionShare =
            product === 0 ? 0 : Math.round((checkout.promotionCents * groupProduct) / product);
        const base = groupProduct + promotionShare + (selectedMethod(group)?.adjustedCents ?? 0);
        group.taxCents = percentOf(base, taxPercentFor(address.country, address.region));
    }
}
