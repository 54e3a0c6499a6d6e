/**
 * A checkout that expired (404/410, or a start that answered with another checkout) is replaced by a new one
 * that holds none of its values, custom fields included, and its delivery groups may have new ids. What the
 * shopper set must follow: the edits not yet sent move to the new group ids, and what the old checkout held (as
 * last read) goes again as pending edits. "Your entries are kept" is true.
 */
import {
    applyMethodIntent,
    defaultGroupOf,
    dropEditsMatchingServer,
    findGroup,
    serverValue
} from './checkoutState';
import type { EngineContext } from './context';
import {
    CONTACT_FIELDS,
    addressInput,
    contactKey,
    groupCustomKey,
    groupKey,
    parseKey,
    webCartKey
} from './fields';
import type { Checkout, FieldKey } from './types';

const SHIPPING_DETAILS = [
    'deliveryAddress',
    'desiredDeliveryDate',
    'shippingInstructions'
] as const;

/**
 * A delivery group's successor on checkout `now`: the group itself when `now` has it, `now`'s default group for
 * the old default group (`oldDefault`), otherwise none.
 */
export function successorGroup(
    now: Checkout,
    oldDefault: string | undefined,
    groupId: string
): string | undefined {
    return findGroup(now, groupId)
        ? groupId
        : groupId === oldDefault
          ? defaultGroupOf(now)?.id
          : undefined;
}

/** `key` on checkout `now` (its group id moved to the successor); null when unreadable or its group has none. */
export function keyOnCheckout(
    now: Checkout,
    oldDefault: string | undefined,
    key: FieldKey
): FieldKey | null {
    const parsed = parseKey(key);
    if (!parsed || !('groupId' in parsed)) return parsed ? key : null;
    const target = successorGroup(now, oldDefault, parsed.groupId);
    return target ? (key.replace(parsed.groupId, target) as FieldKey) : null;
}

/** `before`: the expired checkout as last read. */
export function carryOver(ctx: EngineContext, before: Checkout): void {
    const now = ctx.checkout;
    if (!now) return;
    const oldDefault = defaultGroupOf(before)?.id;
    const groupOf = (id: string): string | undefined => successorGroup(now, oldDefault, id);
    const keyOnNewCheckout = (key: FieldKey): FieldKey | null =>
        keyOnCheckout(now, oldDefault, key);

    // The delivery method by name: its id belongs to the old group.
    for (const [groupId, methodId] of [...ctx.methodIntent]) {
        const target = groupOf(groupId);
        const name = findGroup(before, groupId)?.availableDeliveryMethods?.find(
            (method) => method.id === methodId
        )?.name;
        ctx.methodIntent.delete(groupId);
        if (target) ctx.methodIntent.set(target, name ? `name:${name}` : methodId);
    }
    // A group's messages (a delivery method reset) belong to its successor, or go with it.
    for (const [id, message] of [...ctx.engineMessages]) {
        const { groupId } = message;
        if (!groupId || findGroup(now, groupId)) continue;
        ctx.engineMessages.delete(id);
        const target = groupOf(groupId);
        if (!target) continue;
        const moved = { ...message, id: message.id.replace(groupId, target), groupId: target };
        ctx.engineMessages.set(id.replace(groupId, target), moved);
    }
    for (const [key, edit] of [...ctx.edits]) {
        const moved = keyOnNewCheckout(key);
        // Carried before: what gives way to another tab's value is what this checkout holds, not the last one.
        if (moved && edit.carried) edit.carried = { held: serverValue(now, moved) };
        if (!moved || moved === key) continue;
        ctx.edits.delete(key);
        ctx.edits.set(moved, edit);
    }

    const carry = (key: FieldKey, value: unknown): void => {
        if (value === undefined || value === null || value === '' || ctx.edits.has(key)) return;
        const carried = { held: serverValue(now, key) };
        ctx.edits.set(key, { value, status: 'pending', revision: ++ctx.revision, carried });
    };
    // What other tabs' shoppers entered since this tab's last read is newer than its view: it goes first.
    for (const [key, value] of ctx.heardEdits) {
        const parsed = parseKey(key);
        if (parsed?.area === 'group' && parsed.field === 'deliveryMethodId') continue; // an intent's job
        const moved = keyOnNewCheckout(key);
        if (moved) carry(moved, value);
    }
    ctx.heardEdits.clear();
    for (const field of CONTACT_FIELDS) carry(contactKey(field), before.contactInfo?.[field]);
    for (const group of before.deliveryGroups.items) {
        const target = groupOf(group.id);
        if (!target) continue;
        for (const field of SHIPPING_DETAILS) {
            const value = group[field];
            carry(
                groupKey(target, field),
                field === 'deliveryAddress' && value ? addressInput(group.deliveryAddress) : value
            );
        }
        const chosen = group.selectedDeliveryMethod;
        if (chosen && !ctx.methodIntent.has(target))
            ctx.methodIntent.set(target, `name:${chosen.name}`);
    }
    for (const item of before.customFields ?? []) {
        const { attributes, Id, ...values } = item;
        const target = attributes?.type === 'WebCart' ? null : groupOf(Id ?? oldDefault ?? '');
        if (attributes?.type !== 'WebCart' && !target) continue;
        for (const [field, value] of Object.entries(values)) {
            carry(target ? groupCustomKey(target, field) : webCartKey(field), value);
        }
    }
    dropEditsMatchingServer(ctx);
    for (const groupId of ctx.methodIntent.keys()) applyMethodIntent(ctx, groupId);
}
