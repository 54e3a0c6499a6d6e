/**
 * Intents: what the shopper did, validated and recorded in the edit ledger; the write queue takes it from
 * there. Invalid values are kept with their message and never sent.
 */
import { applyMethodIntent } from './checkoutState';
import { changed, dropEngineMessages, getSnapshot, wakeInterest } from './context';
import type { EngineContext } from './context';
import { clearValidation, holdUnsent, recordEdit } from './editLedger';
import { ENGINE_CODES } from './engineCodes';
import {
    CONTACT_FIELDS,
    SHIPPING_FIELDS,
    addressInput,
    contactKey,
    groupCustomKey,
    groupKey,
    webCartKey
} from './fields';
import { requestRecalculation } from './calculations';
import { load } from './loading';
import { scheduleWrites } from './writeQueue';
import type { ContactInfo, CustomFieldTarget, CustomFieldType, ShippingValues } from './types';
import {
    customFieldMessage,
    inferCustomFieldType,
    validateAddress,
    validateContact,
    validateShippingDetail
} from 'c/checkoutValidation';

const PHONE_PAIR = ['phoneNumber', 'isoCountryCodeForPhoneNumber'] as const;

export function updateContact(ctx: EngineContext, values: Partial<ContactInfo>): void {
    const edited: Partial<ContactInfo> = { ...values };
    // The phone and its country are checked together: editing one re-checks the other.
    if (PHONE_PAIR.some((field) => field in values)) {
        const shown = getSnapshot(ctx).contactInfo;
        for (const field of PHONE_PAIR) {
            if (!(field in edited))
                edited[field] = (ctx.edits.get(contactKey(field))?.value ?? shown[field]) as string;
        }
    }
    const errors = validateContact(edited);
    for (const field of CONTACT_FIELDS) {
        if (!(field in edited)) continue;
        const value = edited[field];
        const key = contactKey(field);
        if (!(field in values) && !ctx.edits.has(key)) {
            if (errors[key]) ctx.validation.set(key, errors[key]);
            else ctx.validation.delete(key);
            continue;
        }
        const trimmed = typeof value === 'string' ? value.trim() : value;
        // A national number means nothing without its country: hold it unsent while the country is
        // wrong (the country field carries the message, so it is said once).
        const countryError = errors[contactKey('isoCountryCodeForPhoneNumber')];
        if (
            field === 'phoneNumber' &&
            !errors[key] &&
            countryError &&
            typeof trimmed === 'string' &&
            trimmed !== '' &&
            !trimmed.startsWith('+')
        ) {
            holdUnsent(ctx, key, trimmed);
            continue;
        }
        recordEdit(ctx, key, trimmed, errors[key]);
    }
    afterIntent(ctx);
}

export function updateShipping(ctx: EngineContext, groupId: string, values: ShippingValues): void {
    for (const field of SHIPPING_FIELDS) {
        if (!(field in values)) continue;
        const key = groupKey(groupId, field);
        if (field === 'deliveryAddress') {
            const address = values.deliveryAddress ?? {};
            const errors = validateAddress(address, key);
            clearValidation(ctx, key);
            for (const [errorKey, message] of Object.entries(errors))
                ctx.validation.set(errorKey, message);
            const first = Object.values(errors)[0];
            // A saved account address keeps its id: it is sent as `{id}`, as Salesforce's checkout does.
            const value = address.id
                ? { ...addressInput(address), id: address.id }
                : addressInput(address);
            recordEdit(ctx, key, value, first, true);
        } else {
            const value = values[field];
            const error = validateShippingDetail(field, value);
            recordEdit(ctx, key, value, error);
        }
    }
    afterIntent(ctx);
}

export function selectDeliveryMethod(
    ctx: EngineContext,
    groupId: string,
    deliveryMethodId: string
): void {
    ctx.methodIntent.set(groupId, deliveryMethodId);
    ctx.keptMethods.delete(groupId);
    dropEngineMessages(ctx, [
        `${ENGINE_CODES.methodReset}|${groupId}`,
        `${ENGINE_CODES.methodUnavailable}|${groupId}`
    ]);
    recordEdit(ctx, groupKey(groupId, 'deliveryMethodId'), deliveryMethodId, undefined);
    afterIntent(ctx);
}

export function updateCustomFields(
    ctx: EngineContext,
    target: CustomFieldTarget,
    values: Record<string, unknown>
): void {
    const types = ctx.options.customFieldTypes?.[target.type] ?? {};
    for (const [field, value] of Object.entries(values)) {
        const key =
            target.type === 'WebCart' ? webCartKey(field) : groupCustomKey(target.groupId, field);
        const type: CustomFieldType = types[field] ?? inferCustomFieldType(value);
        recordEdit(ctx, key, value, customFieldMessage(type, value) ?? undefined);
    }
    afterIntent(ctx);
}

/** Runs every failed calculation again, each with the write of fewest side effects that runs it. */
export function retryCalculation(ctx: EngineContext): void {
    requestRecalculation(ctx);
    ctx.scheduleWrites();
}

export function retryFailed(ctx: EngineContext): void {
    requestRecalculation(ctx);
    for (const edit of ctx.edits.values()) {
        if (edit.status === 'failed' && !edit.invalid) {
            edit.status = 'pending';
            edit.message = undefined;
            edit.code = undefined;
        }
    }
    dropEngineMessages(ctx, [
        ENGINE_CODES.timeout,
        ENGINE_CODES.conflict,
        ENGINE_CODES.network,
        ENGINE_CODES.signedOut
    ]);
    // A shipping write whose calculation failed may have reset the method; the choice was kept silently
    // (confirmWrite): trying again re-applies it when still offered.
    for (const groupId of ctx.methodIntent.keys()) applyMethodIntent(ctx, groupId);
    afterIntent(ctx);
    if (!ctx.checkoutId && !ctx.starting) void load(ctx);
}

function afterIntent(ctx: EngineContext): void {
    ctx.waitingReads = 0;
    wakeInterest(ctx);
    changed(ctx);
    scheduleWrites(ctx);
}
