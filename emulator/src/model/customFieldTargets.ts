/**
 * Which records a `customFields` item targets (the cart, the default or a named delivery group), and
 * applying it.
 */
import { invalidInput, notFound } from '../errors';
import { sameId } from '../ids';
import type { CustomFieldItem } from '../validation/customFields';
import type { Org } from './org';
import type { CheckoutState } from './records';

/**
 * Before a checkout exists its delivery groups have no ids a client could know: only the default one is
 * reachable.
 */
export function precheckNewCheckoutCustomFields(org: Org, items: CustomFieldItem[]): void {
    let defaultGroupItems = 0;
    for (const item of items) {
        if (item.type === 'WebCart') {
            if (item.id !== undefined && !sameId(item.id, org.cartId)) {
                throw notFound(`WebCart "${item.id}" isn't the cart of this checkout.`);
            }
        } else if (item.id !== undefined) {
            throw notFound(
                `CartDeliveryGroup "${item.id}" isn't a delivery group of this checkout.`
            );
        } else if (++defaultGroupItems > 1) {
            throw invalidInput('customFields lists the default CartDeliveryGroup more than once.');
        }
    }
}

export function resolveCustomFieldIds(
    org: Org,
    checkout: CheckoutState,
    items: CustomFieldItem[]
): void {
    const seen = new Set<string>();
    for (const item of items) {
        if (item.type === 'WebCart') {
            if (item.id !== undefined && !sameId(item.id, org.cartId)) {
                throw notFound(`WebCart "${item.id}" isn't the cart of this checkout.`);
            }
            continue;
        }
        const group =
            item.id === undefined
                ? org.defaultGroup(checkout)
                : checkout.groups.find((g) => sameId(g.id, item.id));
        if (!group)
            throw notFound(
                `CartDeliveryGroup "${item.id}" isn't a delivery group of this checkout.`
            );
        if (seen.has(group.id))
            throw invalidInput(
                `customFields lists CartDeliveryGroup "${group.id}" more than once.`
            );
        seen.add(group.id);
    }
}

export function applyCustomFields(
    org: Org,
    checkout: CheckoutState,
    items: CustomFieldItem[],
    resolve: boolean
): void {
    if (resolve) resolveCustomFieldIds(org, checkout, items);
    for (const item of items) {
        if (item.type === 'WebCart') {
            Object.assign(checkout.cartCustomFields, item.values);
        } else {
            const group =
                item.id === undefined
                    ? org.defaultGroup(checkout)
                    : checkout.groups.find((g) => sameId(g.id, item.id));
            if (group) Object.assign(group.customFields, item.values);
        }
    }
}
