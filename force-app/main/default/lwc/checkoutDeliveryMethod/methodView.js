/**
 * The delivery method picker's view logic, free of the DOM and of component state: what each delivery group
 * lists (name, carrier, fee against the original, estimate), why a group lists none, and which messages show.
 */
import { ENGINE_CODES, groupKey } from 'c/checkoutStore';
import {
    fieldMessage,
    formatDate,
    formatLabel,
    formatMoney,
    groupLegend,
    isAddressChanging,
    isNonZero,
    namedMessage,
    sameDestination,
    savedGroup,
    sectionMessages
} from 'c/checkoutKitSupport';
import GROUP_LEGEND from '@salesforce/label/c.CheckoutKit_DeliveryGroupLegend';
import FEE_WAS from '@salesforce/label/c.CheckoutKit_FeeWas';
import FREE from '@salesforce/label/c.CheckoutKit_Free';
import ARRIVES_BETWEEN from '@salesforce/label/c.CheckoutKit_ArrivesBetween';
import ARRIVES_BY from '@salesforce/label/c.CheckoutKit_ArrivesBy';
import TRANSIT_HOURS from '@salesforce/label/c.CheckoutKit_TransitHours';
import TRANSIT_DAYS from '@salesforce/label/c.CheckoutKit_TransitDays';
import TRANSIT_WEEKS from '@salesforce/label/c.CheckoutKit_TransitWeeks';
import NEED_ADDRESS from '@salesforce/label/c.CheckoutKit_DeliveryNeedsAddress';
import NO_METHODS from '@salesforce/label/c.CheckoutKit_DeliveryNoMethods';
import METHODS_UNAVAILABLE from '@salesforce/label/c.CheckoutKit_DeliveryUnavailable';
import FINDING_METHODS from '@salesforce/label/c.CheckoutKit_DeliveryFinding';
import FOR_PREVIOUS_ADDRESS from '@salesforce/label/c.CheckoutKit_DeliveryForPreviousAddress';
import CHOOSE_METHOD from '@salesforce/label/c.CheckoutKit_BlockedDeliveryMethod';

const TRANSIT_LABELS = { Hours: TRANSIT_HOURS, Days: TRANSIT_DAYS, Weeks: TRANSIT_WEEKS };
/** Server error types of a calculator (integration) that failed: its answer says nothing about the address. */
const INTEGRATION_ERROR = '/commerce/integrations/';

/** Carrier and class of service, without repeating the carrier when the class already names it. */
export function carrierText(method) {
    const carrier = method.carrier || '';
    const service = method.classOfService || '';
    if (carrier && service.toLowerCase().startsWith(carrier.toLowerCase())) {
        return service;
    }
    return [carrier, service].filter(Boolean).join(' · ');
}

/** When the method delivers: its estimated dates, else its transit time, else nothing. */
export function estimateText(method) {
    const earliest = method.earliestEstimatedDeliveryTime;
    const latest = method.latestEstimatedDeliveryTime;
    if (earliest && latest && formatDate(earliest) !== formatDate(latest)) {
        return formatLabel(ARRIVES_BETWEEN, formatDate(earliest), formatDate(latest));
    }
    if (latest || earliest) {
        return formatLabel(ARRIVES_BY, formatDate(latest || earliest));
    }
    const unitLabel = TRANSIT_LABELS[method.transitTimeUnit];
    if (unitLabel && method.transitTimeMin !== undefined && method.transitTimeMin !== null) {
        const max =
            method.transitTimeMax !== undefined && method.transitTimeMax !== null
                ? method.transitTimeMax
                : method.transitTimeMin;
        return formatLabel(unitLabel, method.transitTimeMin, max);
    }
    return '';
}

/** One method's radio: its fee (an adjusted fee against the struck-through original), carrier and estimate. */
export function methodOption(groupId, method, { selectedId, currency, settings }) {
    const methodCurrency = method.currencyIsoCode || currency;
    const original = method.shippingFee;
    const charged =
        method.adjustedShippingFee !== undefined && method.adjustedShippingFee !== null
            ? method.adjustedShippingFee
            : original;
    const discounted = settings.showOriginalFee && Number(charged) < Number(original);
    return {
        id: method.id,
        inputId: `method-${groupId}-${method.id}`,
        detailsId: `method-details-${groupId}-${method.id}`,
        name: method.name,
        carrier: settings.showCarrier ? carrierText(method) : '',
        fee: isNonZero(charged) ? formatMoney(charged, methodCurrency) : FREE,
        originalFee: discounted ? formatMoney(original, methodCurrency) : '',
        wasText: discounted ? formatLabel(FEE_WAS, formatMoney(original, methodCurrency)) : '',
        estimate: settings.showEstimate ? estimateText(method) : '',
        checked: method.id === selectedId
    };
}

/** A valid address edit the store is still saving: its methods are not calculated yet. */
function isAddressSaving(snapshot, group) {
    const key = groupKey(group.id, 'deliveryAddress');
    const edit = snapshot.edits && snapshot.edits[key];
    const invalid = Object.keys(snapshot.validation || {}).some(
        (field) => field === key || field.startsWith(`${key}.`)
    );
    return Boolean(edit && (edit.status === 'pending' || edit.status === 'saving') && !invalid);
}

/** A calculator failed (or never answered) for this group or the whole checkout. */
function hasCalculationError(snapshot, group) {
    return (snapshot.messages || []).some(
        (item) =>
            item.severity === 'error' &&
            (!item.groupId || item.groupId === group.id) &&
            (item.code === ENGINE_CODES.calculation ||
                item.code === ENGINE_CODES.timeout ||
                String(item.code || '').startsWith(INTEGRATION_ERROR))
    );
}

/**
 * Why a group lists no methods, said only when true: no address yet; still calculating (or placing the
 * order); the calculation failed (its answer says nothing about the address); or the server calculated for
 * the saved address and found none.
 */
export function emptyText(snapshot, group, calculatingOrPlacing) {
    if (!group.deliveryAddress) {
        return NEED_ADDRESS;
    }
    if (calculatingOrPlacing || isAddressSaving(snapshot, group)) {
        return FINDING_METHODS;
    }
    if (hasCalculationError(snapshot, group)) {
        return METHODS_UNAVAILABLE;
    }
    return savedGroup(snapshot, group).deliveryAddress ? NO_METHODS : NEED_ADDRESS;
}

/** The shipping calculation failed for this group (or for the checkout, `groupId` undefined). */
export function shippingFailed(snapshot, groupId) {
    return ((snapshot && snapshot.failedCalculations) || []).some(
        (failure) => failure.calculation === 'shipping' && failure.groupId === groupId
    );
}

/**
 * One delivery group's radio group. `chosenFor`: the saved address when the shopper chose its method (undefined
 * before a choice); "your delivery method changed because the address changed" shows only when the saved address
 * differs from it (the engine also sends it after other shipping changes). `placing`: the order is being placed
 * or was. `askedToChoose`: Place Order asked for a method here. The choice stays open while the checkout
 * calculates tax for a choice (a keyboard shopper moves on with the arrow keys); it closes while the group's
 * address changes, because the methods listed are the previous address's, and while the order is placed.
 */
export function methodGroup({
    snapshot,
    group,
    several,
    heading,
    calculatingOrPlacing,
    placing,
    askedToChoose,
    chosenFor,
    settings
}) {
    const methods = group.availableDeliveryMethods || [];
    const fieldKey = groupKey(group.id, 'deliveryMethodId');
    const legend = groupLegend(several, heading, GROUP_LEGEND, group);
    const choiceMissing = askedToChoose && methods.length > 0 && !group.selectedDeliveryMethodId;
    const fieldError = namedMessage(
        fieldMessage(snapshot, fieldKey) || (choiceMissing ? CHOOSE_METHOD : ''),
        legend.legend
    );
    const previousAddress = methods.length > 0 && isAddressChanging(snapshot, group);
    const errorId = `delivery-error-${group.id}`;
    const noteId = `delivery-note-${group.id}`;
    const addressChanged =
        chosenFor === undefined ||
        !sameDestination(chosenFor, savedGroup(snapshot, group).deliveryAddress);
    const currency = (snapshot && snapshot.totals && snapshot.totals.currencyIsoCode) || 'USD';
    return {
        id: group.id,
        ...legend,
        radioName: `delivery-method-${group.id}`,
        errorId,
        fieldError,
        invalid: fieldError ? 'true' : 'false',
        optionClass: `delivery-option checkout-option${fieldError ? ' checkout-option_invalid' : ''}`,
        locked: placing || previousAddress,
        note: previousAddress ? FOR_PREVIOUS_ADDRESS : '',
        noteId,
        describedBy:
            [fieldError ? errorId : null, previousAddress ? noteId : null]
                .filter(Boolean)
                .join(' ') || null,
        messages: sectionMessages(snapshot, ['deliveryMethod'], {
            groupId: group.id,
            shownFields: [fieldKey]
        }).filter((item) => item.code !== ENGINE_CODES.methodReset || addressChanged),
        canRetryShipping: shippingFailed(snapshot, group.id),
        hasMethods: methods.length > 0,
        emptyText: emptyText(snapshot, group, calculatingOrPlacing),
        methods: methods.map((method) =>
            methodOption(group.id, method, {
                selectedId: group.selectedDeliveryMethodId,
                currency,
                settings
            })
        )
    };
}
