/**
 * The snapshot: everything a component shows, projected from the engine's state. Pure: the same state gives
 * the same snapshot, frozen; the edits overlay the server's checkout so the shopper always sees what they typed.
 */
import { calculationOf, readRefusal } from './answers';
import type { EngineContext } from './context';
import type { EditRecord } from './editLedger';
import { ENGINE_CODES } from './engineCodes';
import { CONTACT_FIELDS, SHIPPING_FIELDS, contactKey, groupKey, parseKey } from './fields';
import type { ShippingField } from './fields';
import * as labels from './labels';
import type {
    CalculationFailure,
    CheckoutError,
    CheckoutMessage,
    CheckoutSnapshot,
    CheckoutTotals,
    ContactInfo,
    DeliveryGroupView,
    FieldEdit,
    FieldKey,
    MessageScope,
    PlaceOrderBlocker
} from './types';

/** What the snapshot is projected from: the engine's state, read only. */
export type SnapshotSource = Readonly<EngineContext>;

/** `waiting`: the custom fields shown as waiting for a carrier. */
export function projectSnapshot(state: SnapshotSource, waiting: Set<FieldKey>): CheckoutSnapshot {
    const contactInfo: ContactInfo = { ...(state.checkout?.contactInfo ?? {}) };
    for (const field of CONTACT_FIELDS) {
        const edit = state.edits.get(contactKey(field));
        if (edit) (contactInfo as Record<string, unknown>)[field] = edit.value;
    }
    const deliveryGroups: DeliveryGroupView[] = (state.checkout?.deliveryGroups.items ?? []).map(
        (group) => {
            const view: DeliveryGroupView = {
                ...group,
                availableDeliveryMethods: group.availableDeliveryMethods ?? [],
                selectedDeliveryMethodId: group.selectedDeliveryMethod?.id ?? null,
                requiresShipping: !group.isAllDigitalCartItems
            };
            for (const field of SHIPPING_FIELDS) {
                const edit = state.edits.get(groupKey(group.id, field));
                if (edit) (view as unknown as Record<ShippingField, unknown>)[field] = edit.value;
            }
            const methodId = state.edits.get(groupKey(group.id, 'deliveryMethodId'))?.value;
            if (typeof methodId === 'string') view.selectedDeliveryMethodId = methodId;
            return Object.freeze(view);
        }
    );
    const edits: Record<FieldKey, FieldEdit> = {};
    for (const [key, edit] of state.edits) {
        const message = waiting.has(key) ? labels.customFieldsWaiting : edit.message;
        edits[key] = Object.freeze(
            message
                ? { status: edit.status, value: edit.value, message }
                : { status: edit.status, value: edit.value }
        );
    }
    const blockers = placeOrderBlockers(state);
    return Object.freeze({
        phase: phase(state),
        checkoutId: state.checkoutId,
        checkout: state.checkout,
        contactInfo: Object.freeze(contactInfo),
        deliveryGroups: Object.freeze(deliveryGroups) as DeliveryGroupView[],
        totals: totals(state),
        session: state.session,
        isGuest: state.isGuest,
        edits: Object.freeze(edits),
        validation: Object.freeze(Object.fromEntries(state.validation)),
        messages: Object.freeze(messages(state, waiting)),
        accountAddresses: Object.freeze([...state.accountAddresses]),
        billingAddresses: Object.freeze([...state.billingAddresses]),
        order: state.order,
        canPlaceOrder: blockers.length === 0,
        placeOrderBlockers: Object.freeze(blockers),
        failedCalculations: Object.freeze([...state.failedCalculations.values()]),
        payment: state.payment ? Object.freeze({ ...state.payment }) : null,
        paymentRequired: state.paymentRequired
    });
}

const isFailedWrite = (edit: EditRecord): boolean => edit.status === 'failed' && !edit.invalid;

/** Blockers that clear by themselves as the checkout settles. */
const SETTLING: PlaceOrderBlocker[] = [
    'pending-edits',
    'processing',
    'submitting',
    'payment-pending'
];

export function placeOrderBlockers(state: SnapshotSource): PlaceOrderBlocker[] {
    // The one reason once the order is placed.
    if (state.order?.outcome === 'success') return ['complete'];
    const blockers: PlaceOrderBlocker[] = [];
    const checkout = state.checkout;
    if (state.submitting) blockers.push('submitting');
    if (!checkout || !state.checkoutId || state.starting) {
        blockers.push('not-loaded');
        return blockers;
    }
    const edits = [...state.edits.values()];
    if (state.inFlight || edits.some((edit) => !edit.invalid)) blockers.push('pending-edits');
    if (state.validation.size > 0 || edits.some((edit) => edit.invalid))
        blockers.push('invalid-input');
    if (state.awaitingReadiness || state.session?.isProcessing) blockers.push('processing');
    // The real reason first: a failed calculation (its own message says which), else the session's error.
    if (state.failedCalculations.size > 0) blockers.push('calculation-failed');
    else if (state.session?.isError || otherErrors(state).length > 0)
        blockers.push('session-error');
    if (state.isGuest && !checkout.contactInfo?.email) blockers.push('missing-contact');
    const shipped = checkout.deliveryGroups.items.filter((group) => !group.isAllDigitalCartItems);
    if (shipped.some((group) => !group.deliveryAddress?.street)) blockers.push('missing-address');
    // A method the engine could not bring back (no longer offered) is no longer the shopper's choice.
    const methodLost = (groupId: string): boolean =>
        state.engineMessages.has(`${ENGINE_CODES.methodReset}|${groupId}`) ||
        state.engineMessages.has(`${ENGINE_CODES.methodUnavailable}|${groupId}`);
    if (shipped.some((group) => !group.selectedDeliveryMethod?.id || methodLost(group.id)))
        blockers.push('missing-delivery-method');
    const payment = state.payment?.status;
    if (payment === 'pending' || payment === 'saving') blockers.push('payment-pending');
    // A payment the shopper entered must be saved too, required or not: no order goes without it.
    else if (payment === 'failed' || payment === 'invalid' || (state.paymentRequired && !payment))
        blockers.push('missing-payment');
    return blockers;
}

function phase(state: SnapshotSource): CheckoutSnapshot['phase'] {
    if (state.order?.outcome === 'success') return 'complete';
    if (state.submitting) return 'submitting';
    if (state.starting || (!state.checkout && !state.startFailed)) return 'loading';
    if (state.startFailed && !state.checkout) return 'error';
    if (state.inFlight && !state.awaitingReadiness) return 'saving';
    if (state.awaitingReadiness || state.session?.isProcessing) return 'processing';
    if (
        state.session?.isError ||
        state.failedCalculations.size > 0 ||
        otherErrors(state).length > 0 ||
        [...state.edits.values()].some(isFailedWrite) ||
        state.startFailed
    ) {
        return 'error';
    }
    if ([...state.edits.values()].some((edit) => edit.status === 'pending')) return 'saving';
    return 'ready';
}

/** A server error of the checkout (no group) or of one delivery group, in the shopper's words. */
function serverErrorMessage(
    error: CheckoutError,
    index: number,
    groupId?: string
): CheckoutMessage {
    return {
        id: `server:${groupId ? `${groupId}:` : ''}${index}:${error.type ?? ''}`,
        severity: 'error',
        scope: groupId || error.type?.includes('shipping') ? 'shipping' : 'checkout',
        ...(groupId ? { groupId } : {}),
        code: error.type ?? 'CHECKOUT_ERROR',
        message: readRefusal(error, labels.errorCalculation).message
    };
}

/** A message about one field (a failed edit, a custom field waiting for a carrier), in its section. */
function fieldMessage(
    key: FieldKey,
    severity: CheckoutMessage['severity'],
    code: string,
    text: string
): CheckoutMessage {
    const parsed = parseKey(key);
    const groupId = parsed && 'groupId' in parsed ? parsed.groupId : undefined;
    const scope: MessageScope =
        parsed?.area === 'contact'
            ? 'contact'
            : parsed?.area === 'group' && parsed.field === 'deliveryMethodId'
              ? 'deliveryMethod'
              : groupId === undefined
                ? 'checkout'
                : 'shipping';
    const message: CheckoutMessage = {
        id: `edit:${key}`,
        severity,
        scope,
        field: key,
        code,
        message: text
    };
    if (groupId) message.groupId = groupId;
    return message;
}

/** The server's errors that are not a calculation's (those live in `failedCalculations`). */
function otherErrors(state: SnapshotSource): Array<{ error: CheckoutError; groupId?: string }> {
    const found: Array<{ error: CheckoutError; groupId?: string }> = [];
    const keep = (error: CheckoutError, groupId?: string): void => {
        if (!calculationOf(error.type)) found.push(groupId ? { error, groupId } : { error });
    };
    state.checkout?.errors?.forEach((error) => keep(error));
    for (const group of state.checkout?.deliveryGroups.items ?? []) {
        group.errors?.forEach((error) => keep(error, group.id));
    }
    return found;
}

/** A failed calculation, in the section that owns it: delivery options for shipping, the summary otherwise. */
function calculationMessage(failure: CalculationFailure): CheckoutMessage {
    const message: CheckoutMessage = {
        id: `calculation:${failure.calculation}:${failure.groupId ?? ''}`,
        severity: 'error',
        scope: failure.calculation === 'shipping' ? 'deliveryMethod' : 'checkout',
        code: ENGINE_CODES.calculation,
        message: failure.message
    };
    if (failure.groupId) message.groupId = failure.groupId;
    return message;
}

function messages(state: SnapshotSource, waiting: Set<FieldKey>): CheckoutMessage[] {
    const list: CheckoutMessage[] = [];
    otherErrors(state).forEach(({ error, groupId }, index) =>
        list.push(serverErrorMessage(error, index, groupId))
    );
    for (const failure of state.failedCalculations.values()) list.push(calculationMessage(failure));
    // A failed calculation explains the session's error state: say the real reason once.
    if (state.session?.isError && state.failedCalculations.size === 0) {
        list.push({
            id: 'session:error',
            severity: 'error',
            scope: 'session',
            code: ENGINE_CODES.session,
            message: labels.errorSession
        });
    }
    for (const [key, edit] of state.edits) {
        if (!isFailedWrite(edit) || !edit.message) continue;
        list.push(fieldMessage(key, 'error', edit.code ?? ENGINE_CODES.rejected, edit.message));
    }
    for (const key of waiting) {
        list.push(
            fieldMessage(key, 'info', ENGINE_CODES.customFieldsWaiting, labels.customFieldsWaiting)
        );
    }
    // "Blocked" is said while something still blocks the order: once the shopper fixed it, it goes.
    const blocked = placeOrderBlockers(state).some((blocker) => !SETTLING.includes(blocker));
    for (const message of state.engineMessages.values()) {
        if (message.code !== ENGINE_CODES.orderBlocked || blocked) list.push(message);
    }
    return list;
}

function addMoney(values: Array<string | undefined>): string {
    const cents = values.reduce((sum, value) => sum + Math.round(Number(value ?? 0) * 100), 0);
    return (cents / 100).toFixed(2);
}

function totals(state: SnapshotSource): CheckoutTotals | null {
    const summary = state.checkout?.cartSummary;
    if (!summary) return null;
    const fees = (state.checkout?.deliveryGroups.items ?? []).map(
        (group) =>
            group.selectedDeliveryMethod?.adjustedShippingFee ??
            group.selectedDeliveryMethod?.shippingFee
    );
    const result: CheckoutTotals = {
        currencyIsoCode: summary.currencyIsoCode,
        subtotal: summary.totalProductAmount,
        promotions: summary.totalPromotionalAdjustmentAmount ?? '0.00',
        shipping: summary.totalChargeAmount ?? addMoney(fees),
        tax: summary.totalTaxAmount,
        grandTotal: summary.grandTotalAmount
    };
    if (state.cpqTotals.oneTime !== undefined) result.oneTimeTotal = state.cpqTotals.oneTime;
    if (state.cpqTotals.recurring !== undefined) result.recurringTotal = state.cpqTotals.recurring;
    return result;
}
