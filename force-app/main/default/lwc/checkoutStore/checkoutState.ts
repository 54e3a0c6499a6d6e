/**
 * The checkout as the server last answered it: taking in a new answer, and reading what the server holds
 * for a field. Edits the server now holds leave the ledger here, at the one place answers arrive.
 */
import { changed, engineMessage } from './context';
import { ENGINE_CODES } from './engineCodes';
import * as labels from './labels';
import type { EngineContext } from './context';
import { CONTACT_FIELDS, groupKey, parseKey, sameForKey } from './fields';
import { isObject } from './answers';
import { orderResult, placedOrder } from './submission';
import type {
    Checkout,
    CheckoutError,
    ContactInfo,
    DeliveryGroup,
    DeliveryMethod,
    FieldKey,
    SObjectAttributes
} from './types';

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

/**
 * Brings back the shopper's delivery method for a group where it is offered and not selected (an id, or
 * `name:<name>` after a new checkout gave the methods new ids). `not-offered`: the methods came, without it.
 */
export function applyMethodIntent(
    ctx: EngineContext,
    groupId: string
): 'applied' | 'selected' | 'not-offered' | 'waiting' {
    const intended = ctx.methodIntent.get(groupId);
    const group = findGroup(ctx.checkout, groupId);
    const key = groupKey(groupId, 'deliveryMethodId');
    // No methods offered (e.g. the shipping calculator failed): keep the intent for the next answer.
    if (!intended || !group || ctx.edits.has(key) || !group.availableDeliveryMethods?.length)
        return 'waiting';
    // By name when a new address or checkout gave the methods new ids: the same method, new records.
    const name = intended.startsWith('name:') ? intended.slice(5) : ctx.methodNames.get(intended);
    const offered = group.availableDeliveryMethods;
    const method =
        offered.find((candidate) => candidate.id === intended) ??
        offered.find((candidate) => name !== undefined && candidate.name === name);
    if (!method) return 'not-offered';
    ctx.methodIntent.set(groupId, method.id);
    if (group.selectedDeliveryMethod?.id === method.id) return 'selected';
    ctx.edits.set(key, { value: method.id, status: 'pending', revision: ++ctx.revision });
    return 'applied';
}

/**
 * Brings back the shopper's method when still offered (a shipping write can reset it); when it is not, the
 * choice goes and the shopper is told, which blocks the order. Only a changed address explains a vanished
 * method; otherwise the method is just no longer offered.
 */
export function reapplyMethodIntent(
    ctx: EngineContext,
    groupId: string,
    addressChanged: boolean
): ReturnType<typeof applyMethodIntent> {
    const outcome = applyMethodIntent(ctx, groupId);
    if (outcome === 'not-offered') {
        ctx.methodIntent.delete(groupId);
        const [code, message] = addressChanged
            ? [ENGINE_CODES.methodReset, labels.deliveryMethodReset]
            : [ENGINE_CODES.methodUnavailable, labels.deliveryMethodUnavailable];
        engineMessage(ctx, `${code}|${groupId}`, 'deliveryMethod', message, 'info', groupId);
    }
    return outcome;
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

/** The objects of a list from an answer: a missing or mistyped list is empty, null and other items dropped. */
function objects<T>(value: unknown): T[] {
    return Array.isArray(value) ? (value.filter(isObject) as T[]) : [];
}

/**
 * The one place a checkout answer comes in: every list the engine reads is a list of objects afterwards, so
 * nothing downstream (the snapshot above all) can trip on `errors: "boom"`, `items: [null]` or `errors: {}`.
 */
export function normaliseCheckout(body: Checkout): Checkout {
    const items = objects<DeliveryGroup>(body.deliveryGroups?.items).map((group) => ({
        ...group,
        errors: objects<CheckoutError>(group.errors),
        availableDeliveryMethods: objects<DeliveryMethod>(group.availableDeliveryMethods)
    }));
    return {
        ...body,
        errors: objects<CheckoutError>(body.errors),
        customFields: objects<SObjectAttributes>(body.customFields),
        contactInfo: isObject(body.contactInfo) ? body.contactInfo : null,
        deliveryGroups: { count: items.length, items }
    };
}

/**
 * The checkout already has an order (placed in another tab, or before a reload): it is complete, with its
 * order number, and nothing typed since can be saved to it.
 */
export function adoptPlacedOrder(
    ctx: EngineContext,
    orderReferenceNumber: string,
    orderId?: string | null
): void {
    if (ctx.order?.outcome === 'success') return;
    ctx.order = orderResult(placedOrder(orderReferenceNumber, orderId));
    ctx.edits.clear();
    ctx.validation.clear();
    // The confirmation speaks now: what failed on the way (a press, a payment) no longer applies.
    ctx.engineMessages.clear();
    if (ctx.payment?.status === 'failed')
        ctx.payment = { values: ctx.payment.values, status: 'saved' };
    changed(ctx);
}

export function applyCheckout(ctx: EngineContext, body: Checkout): void {
    ctx.checkout = normaliseCheckout(body);
    for (const group of ctx.checkout.deliveryGroups.items) {
        for (const method of group.availableDeliveryMethods ?? [])
            ctx.methodNames.set(method.id, method.name);
    }
    const reference = ctx.checkout.orderReferenceNumber;
    if (typeof reference === 'string' && reference) adoptPlacedOrder(ctx, reference);
    ctx.checkoutId = body.checkoutId || ctx.checkoutId;
    if (!ctx.renewing) dropEditsMatchingServer(ctx);
    changed(ctx);
}

/**
 * Drops edits the server already holds, and carried ones another tab has set since. A key the write in flight
 * sends is left alone until that write lands (`confirmWrite` passes `landed`): a checkout read meanwhile (a 409's
 * readiness wait) shows the value from before it, so a newer edit equal to that older value is still needed.
 */
export function dropEditsMatchingServer(ctx: EngineContext, landed = false): void {
    const sending = landed ? undefined : ctx.inFlight?.edits;
    for (const [key, edit] of ctx.edits) {
        if (edit.status === 'saving' || edit.invalid || sending?.has(key)) continue;
        const held = serverValue(ctx.checkout, key);
        const setSinceCarried = edit.carried && !sameForKey(key, edit.carried.held, held);
        if (setSinceCarried || sameForKey(key, edit.value, held)) ctx.edits.delete(key);
    }
}
