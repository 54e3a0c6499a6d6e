/**
 * The checkout as the server last answered it: taking in a new answer, and reading what the server holds
 * for a field. Edits the server now holds leave the ledger here, at the one place answers arrive.
 */
import { changed } from './context';
import type { EngineContext } from './context';
import { CONTACT_FIELDS, parseKey, sameForKey } from './fields';
import type { Checkout, ContactInfo, DeliveryGroup, FieldKey } from './types';

export function findGroup(
    checkout: Checkout | null,
    groupId: string | undefined
): DeliveryGroup | undefined {
    return checkout?.deliveryGroups.items.find((group) => group.id === groupId);
}

/** The group the checkout PATCH's shipping fields apply to. */
export function defaultGroupOf(checkout: Checkout | null): DeliveryGroup | undefined {
    const items = checkout?.deliveryGroups.items ?? [];
    return items.find((group) => group.isDefault) ?? (items.length === 1 ? items[0] : undefined);
}

/** What the server holds for `key` in `checkout`. */
export function serverValue(checkout: Checkout | null, key: FieldKey): unknown {
    const parsed = parseKey(key);
    if (!parsed || !checkout) return undefined;
    if (parsed.area === 'contact') return checkout.contactInfo?.[parsed.field];
    if (parsed.area === 'group') {
        const group = findGroup(checkout, parsed.groupId);
        if (!group) return undefined;
        return parsed.field === 'deliveryMethodId'
            ? group.selectedDeliveryMethod?.id
            : group[parsed.field];
    }
    const items = checkout.customFields ?? [];
    const item =
        parsed.sObject === 'WebCart'
            ? items.find((entry) => entry.attributes?.type === 'WebCart')
            : items.find(
                  (entry) =>
                      entry.attributes?.type === 'CartDeliveryGroup' &&
                      (entry.Id === parsed.groupId ||
                          (!entry.Id && defaultGroupOf(checkout)?.id === parsed.groupId))
              );
    return item?.[parsed.field];
}

/** The saved contact information, blanks left out: what a contactInfo PATCH re-sends unchanged. */
export function serverContact(checkout: Checkout | null): ContactInfo {
    const contact: ContactInfo = {};
    for (const field of CONTACT_FIELDS) {
        const value = checkout?.contactInfo?.[field];
        if (value !== undefined && value !== null && value !== '') contact[field] = value;
    }
    return contact;
}

export function applyCheckout(ctx: EngineContext, body: Checkout): void {
    const items = Array.isArray(body.deliveryGroups?.items) ? body.deliveryGroups.items : [];
    ctx.checkout = { ...body, deliveryGroups: { count: items.length, items } };
    ctx.checkoutId = body.checkoutId || ctx.checkoutId;
    dropEditsMatchingServer(ctx);
    changed(ctx);
}

/**
 * Drops edits the server already holds. A key the write in flight sends is left alone until that write
 * lands (`confirmWrite` passes `landed`): a checkout read meanwhile (a 409's readiness wait) shows the value
 * from before it, so a newer edit equal to that older value is still needed.
 */
export function dropEditsMatchingServer(ctx: EngineContext, landed = false): void {
    const sending = landed ? undefined : ctx.inFlight?.edits;
    for (const [key, edit] of ctx.edits) {
        if (edit.status === 'saving' || edit.invalid || sending?.has(key)) continue;
        if (sameForKey(key, edit.value, serverValue(ctx.checkout, key))) ctx.edits.delete(key);
    }
}
