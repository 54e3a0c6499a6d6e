/**
 * What a write sends: its path, and a body built from pending edits, custom fields included where the PATCH
 * rules allow them. Pure: the planner and the custom-field carrier build writes with these.
 */
import type { PlannedWrite } from './context';
import type { EditRecord } from './editLedger';
import { serverContact } from './checkoutState';
import { parseKey } from './fields';
import { MAX_CUSTOM_FIELD_OBJECTS, isPatchAllowed } from './patchRules';
import type { PatchBody, PatchResource } from './patchRules';
import type { Checkout, FieldKey, OperationKind, SObjectAttributes } from './types';

/** What planning reads: the checkout as the server answered it and the edits waiting to be sent. */
export interface PlanInput {
    readonly checkout: Checkout;
    readonly checkoutId: string | null;
    readonly isGuest: boolean;
    /** Pending edits only, in the order the shopper made them. */
    pending: ReadonlyMap<FieldKey, EditRecord>;
}

export function newWrite(
    input: PlanInput,
    kind: OperationKind,
    resource: PatchResource,
    groupId?: string
): PlannedWrite {
    const path =
        resource === 'checkout'
            ? `/checkouts/${encodeURIComponent(input.checkoutId ?? '')}`
            : `/carts/${encodeURIComponent(input.checkout.cartSummary?.cartId ?? 'active')}/delivery-groups/${encodeURIComponent(groupId ?? '')}`;
    return { kind, resource, path, body: {}, edits: new Map(), groupId };
}

/** Adds one pending contact or delivery-group edit to a write's body. */
export function addEdit(input: PlanInput, write: PlannedWrite, key: FieldKey): void {
    const edit = input.pending.get(key) as EditRecord;
    const parsed = parseKey(key);
    write.edits.set(key, { revision: edit.revision, value: edit.value });
    if (!parsed) return;
    if (parsed.area === 'contact') {
        const contact = write.body.contactInfo ?? serverContact(input.checkout);
        write.body.contactInfo = { ...contact, [parsed.field]: edit.value };
    } else if (parsed.area === 'group') {
        const value = edit.value as { id?: unknown } | null;
        // A saved account address goes by its id alone; the platform fills in the rest.
        (write.body as Record<string, unknown>)[parsed.field] =
            parsed.field === 'deliveryAddress' && typeof value?.id === 'string'
                ? { id: value.id }
                : edit.value;
    }
}

export interface CustomFieldItem {
    item: SObjectAttributes;
    keys: FieldKey[];
}

/** Pending custom fields as `customFields` items: one WebCart, then CartDeliveryGroups, 21 at most. */
export function customFieldItems(input: PlanInput, withGroups: boolean): CustomFieldItem[] {
    const items: CustomFieldItem[] = [];
    const byGroup = new Map<string, CustomFieldItem>();
    let webCart: CustomFieldItem | undefined;
    for (const [key, edit] of input.pending) {
        const parsed = parseKey(key);
        if (parsed?.area !== 'custom') continue;
        if (parsed.sObject === 'WebCart') {
            if (!webCart) {
                const cartId = input.checkout.cartSummary?.cartId;
                webCart = {
                    item: { attributes: { type: 'WebCart' }, ...(cartId ? { Id: cartId } : {}) },
                    keys: []
                };
            }
            webCart.item[parsed.field] = edit.value;
            webCart.keys.push(key);
        } else if (withGroups) {
            let entry = byGroup.get(parsed.groupId);
            if (!entry) {
                entry = {
                    item: { attributes: { type: 'CartDeliveryGroup' }, Id: parsed.groupId },
                    keys: []
                };
                byGroup.set(parsed.groupId, entry);
            }
            entry.item[parsed.field] = edit.value;
            entry.keys.push(key);
        }
    }
    if (webCart) items.push(webCart);
    for (const entry of byGroup.values()) {
        if (items.length >= MAX_CUSTOM_FIELD_OBJECTS) break;
        items.push(entry);
    }
    return items;
}

/** Adds pending custom fields to a write when the PATCH rules allow that body; otherwise leaves it. */
export function attachCustomFields(
    input: PlanInput,
    write: PlannedWrite,
    withGroups: boolean
): boolean {
    const entries = customFieldItems(input, withGroups);
    if (entries.length === 0) return false;
    const body: PatchBody = { ...write.body, customFields: entries.map((entry) => entry.item) };
    if (!isPatchAllowed(body, write.resource)) return false;
    write.body = body;
    for (const entry of entries) {
        for (const key of entry.keys) {
            const edit = input.pending.get(key);
            write.edits.set(key, { revision: edit?.revision ?? 0, value: edit?.value });
        }
    }
    return true;
}
