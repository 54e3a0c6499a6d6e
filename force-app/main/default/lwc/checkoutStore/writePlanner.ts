/**
 * The write planner: which PATCH goes next. Pure: it reads the checkout and the ledger and returns the write,
 * and the edits no write can ever send (their group is gone, their method is no longer offered).
 */
import type { PlannedWrite } from './context';
import type { EditRecord } from './editLedger';
import { defaultGroupOf, findGroup } from './checkoutState';
import { chooseCustomFieldCarrier } from './customFieldCarrier';
import { ENGINE_CODES } from './engineCodes';
import { SHIPPING_FIELDS, groupKey, parseKey } from './fields';
import * as labels from './labels';
import { addEdit, attachCustomFields, newWrite } from './writeBody';
import type { PlanInput } from './writeBody';
import type { Checkout, DeliveryGroup, FieldKey } from './types';

/** What the planner reads of the engine's state. */
export interface PlanState {
    readonly checkout: Checkout | null;
    readonly checkoutId: string | null;
    readonly isGuest: boolean;
    readonly edits: ReadonlyMap<FieldKey, EditRecord>;
}

export interface EditFailure {
    key: FieldKey;
    message: string;
    code: string;
}

export interface Plan {
    write: PlannedWrite | null;
    failures: EditFailure[];
}

/**
 * Order follows the dependencies: contact → shipping (default group on the checkout PATCH, other groups on
 * their delivery-group PATCH) → delivery method. Custom fields ride on a write that is going anyway when the
 * rules allow it (`attachCustomFields`), else on the carrier `chooseCustomFieldCarrier` picks.
 */
export function planNextWrite(state: PlanState): Plan {
    const { checkout, checkoutId, isGuest } = state;
    const failures: EditFailure[] = [];
    if (!checkout) return { write: null, failures };
    const pending = new Map<FieldKey, EditRecord>();
    const contactKeys: FieldKey[] = [];
    const shipping = new Map<string, FieldKey[]>();
    const methods = new Map<string, FieldKey>();
    let hasCustom = false;
    for (const [key, edit] of state.edits) {
        if (edit.status !== 'pending') continue;
        const parsed = parseKey(key);
        if (!parsed) continue;
        const groupId =
            parsed.area === 'contact' || (parsed.area === 'custom' && parsed.sObject === 'WebCart')
                ? null
                : parsed.groupId;
        if (groupId !== null && !findGroup(checkout, groupId)) {
            failures.push({ key, message: labels.deliveryGroupGone, code: ENGINE_CODES.groupGone });
            continue;
        }
        pending.set(key, edit);
        if (parsed.area === 'contact') contactKeys.push(key);
        else if (parsed.area === 'custom') hasCustom = true;
        else if (parsed.field === 'deliveryMethodId') methods.set(parsed.groupId, key);
        else shipping.set(parsed.groupId, [...(shipping.get(parsed.groupId) ?? []), key]);
    }
    const input: PlanInput = { checkout, checkoutId, isGuest, pending };
    const plan = (write: PlannedWrite | null): Plan => ({ write, failures });
    const defaultGroup = defaultGroupOf(checkout);

    if (contactKeys.length > 0)
        return plan(planContact(input, contactKeys, defaultGroup, shipping));

    for (const [groupId, keys] of shipping) {
        const isDefault = groupId === defaultGroup?.id;
        const write = newWrite(
            input,
            'shipping',
            isDefault ? 'checkout' : 'deliveryGroup',
            groupId
        );
        for (const key of keys) addEdit(input, write, key);
        // Custom fields never ride with `shippingInstructions` alone: `attachCustomFields` checks the rules.
        if (isDefault) attachCustomFields(input, write, true);
        return plan(write);
    }

    for (const [groupId, key] of methods) {
        // Never choose a method before a pending address change of that group lands: it may reset it.
        if (hasUnsettledShipping(state, groupId)) continue;
        const group = findGroup(checkout, groupId) as DeliveryGroup;
        const methodId = pending.get(key)?.value;
        if (!group.availableDeliveryMethods?.some((method) => method.id === methodId)) {
            failures.push({
                key,
                message: labels.deliveryMethodUnavailable,
                code: ENGINE_CODES.methodUnavailable
            });
            continue;
        }
        const isDefault = groupId === defaultGroup?.id;
        const write = newWrite(
            input,
            'deliveryMethod',
            isDefault ? 'checkout' : 'deliveryGroup',
            groupId
        );
        addEdit(input, write, key);
        // The method PATCH clears payment and billing address anyway: custom fields add no side effect.
        if (isDefault) attachCustomFields(input, write, true);
        return plan(write);
    }

    return plan(hasCustom ? chooseCustomFieldCarrier(input) : null);
}

function planContact(
    input: PlanInput,
    contactKeys: FieldKey[],
    defaultGroup: DeliveryGroup | undefined,
    shipping: Map<string, FieldKey[]>
): PlannedWrite {
    const write = newWrite(input, 'contact', 'checkout');
    for (const key of contactKeys) addEdit(input, write, key);
    const defaultShipping = defaultGroup ? shipping.get(defaultGroup.id) : undefined;
    const addressKey = defaultGroup ? groupKey(defaultGroup.id, 'deliveryAddress') : '';
    // The guest example: contactInfo + deliveryAddress in one PATCH (never with date or instructions,
    // which the API rejects with contactInfo).
    if (input.isGuest && defaultShipping?.length === 1 && defaultShipping[0] === addressKey) {
        addEdit(input, write, addressKey);
        write.kind = 'shipping';
        write.groupId = defaultGroup?.id;
    } else {
        // contactInfo runs no calculator and clears nothing: the cheapest carrier for WebCart fields.
        attachCustomFields(input, write, false);
    }
    return write;
}

function hasUnsettledShipping(state: PlanState, groupId: string): boolean {
    return SHIPPING_FIELDS.some((field) => {
        const status = state.edits.get(groupKey(groupId, field))?.status;
        return status === 'pending' || status === 'saving';
    });
}
