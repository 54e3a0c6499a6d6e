import { LightningElement, api, wire } from 'lwc';
import { CheckoutStateAdapter, getCheckoutStore } from 'c/checkoutStore';
import {
    fieldMessage,
    formatDate,
    formatLabel,
    formatMoney,
    isNonZero,
    isLoading,
    sectionMessages,
    shippingGroups
} from 'c/checkoutKitSupport';
import HEADING from '@salesforce/label/c.CheckoutKit_DeliveryHeading';
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
import NO_SHIPPING from '@salesforce/label/c.CheckoutKit_NoShippingNeeded';
import LOADING from '@salesforce/label/c.CheckoutKit_Loading';
import PROCESSING from '@salesforce/label/c.CheckoutKit_Processing';

/** Carrier and class of service, without repeating the carrier when the class already names it. */
function carrierText(method) {
    const carrier = method.carrier || '';
    const service = method.classOfService || '';
    if (carrier && service.toLowerCase().startsWith(carrier.toLowerCase())) {
        return service;
    }
    return [carrier, service].filter(Boolean).join(' · ');
}

const TRANSIT_LABELS = { Hours: TRANSIT_HOURS, Days: TRANSIT_DAYS, Weeks: TRANSIT_WEEKS };
const LOCKED_PHASES = ['processing', 'submitting', 'complete'];
/** The engine's message codes (ENGINE_CODES in c/checkoutStore) this component reads. */
const METHOD_RESET = 'DELIVERY_METHOD_RESET';
const CALCULATION_FAILED = 'CALCULATION_FAILED';
const PROCESSING_TIMEOUT = 'PROCESSING_TIMEOUT';
/** Server error types of a calculator (integration) that failed: its answer says nothing about the address. */
const INTEGRATION_ERROR = '/commerce/integrations/';
const ADDRESS_KEY_FIELDS = ['street', 'city', 'region', 'postalCode', 'country'];

function addressKey(address) {
    return address ? ADDRESS_KEY_FIELDS.map((field) => address[field] || '').join('|') : '';
}

/**
 * Delivery method picker: one radio group per delivery group that ships, with name, carrier, fee (an adjusted
 * fee against the original) and delivery estimate. Disabled while the checkout processes.
 */
export default class CheckoutDeliveryMethod extends LightningElement {
    /** Section heading; the Custom Label is used when empty. */
    @api headingLabel;
    @api showCarrier = false;
    @api showEstimate = false;
    /** Shows the original fee struck through next to a lower adjusted fee. */
    @api showOriginalFee = false;

    // The engine's own adapter: the lint list only knows the platform's adapters.
    @wire(CheckoutStateAdapter)
    snapshot;

    labels = { loading: LOADING, processing: PROCESSING, noShipping: NO_SHIPPING };

    /** By group id: the saved address when the shopper chose its method (not rendered). */
    chosenForAddress = {};

    /** The page's store, looked up on use: the preview or a test may replace it after connect. */
    get store() {
        return getCheckoutStore();
    }

    get heading() {
        return this.headingLabel || HEADING;
    }

    get isLoading() {
        return isLoading(this.snapshot);
    }

    /** No method can be chosen: the server calculates (or its session says it does), or the order is placed. */
    get isChoiceLocked() {
        return Boolean(
            this.snapshot &&
            (LOCKED_PHASES.includes(this.snapshot.phase) ||
                (this.snapshot.session && this.snapshot.session.isProcessing))
        );
    }

    get isCalculatingOrPlacing() {
        return this.isChoiceLocked && this.snapshot.phase !== 'complete';
    }

    get hasGroups() {
        return this.groups.length > 0;
    }

    get statusMessages() {
        return sectionMessages(this.snapshot, ['deliveryMethod']).filter((item) => !item.groupId);
    }

    get groups() {
        const groups = shippingGroups(this.snapshot);
        const single = groups.length === 1;
        return groups.map((group) => {
            const methods = group.availableDeliveryMethods || [];
            const fieldKey = `group.${group.id}.deliveryMethodId`;
            const fieldError = fieldMessage(this.snapshot, fieldKey);
            const messages = sectionMessages(this.snapshot, ['deliveryMethod'], {
                groupId: group.id,
                shownFields: [fieldKey]
            }).filter(
                (item) => item.code !== METHOD_RESET || this.addressChangedSinceChoice(group)
            );
            const selectedId = group.selectedDeliveryMethodId;
            return {
                id: group.id,
                legend: single ? this.heading : formatLabel(GROUP_LEGEND, group.name || ''),
                legendClass: single
                    ? 'slds-form-element__legend slds-assistive-text'
                    : 'slds-form-element__legend checkout-subheading',
                radioName: `delivery-method-${group.id}`,
                errorId: `delivery-error-${group.id}`,
                fieldError,
                describedBy: fieldError ? `delivery-error-${group.id}` : null,
                messages,
                hasMethods: methods.length > 0,
                emptyText: this.emptyTextFor(group),
                methods: methods.map((method) => this.methodView(group, method, selectedId))
            };
        });
    }

    /**
     * Why a group lists no methods, said only when true: no address yet; still calculating; the calculation
     * failed (its answer says nothing about the address); or the server calculated for the saved address and
     * found none.
     */
    emptyTextFor(group) {
        if (!group.deliveryAddress) {
            return NEED_ADDRESS;
        }
        if (this.isCalculatingOrPlacing || this.isAddressSaving(group)) {
            return FINDING_METHODS;
        }
        if (this.hasCalculationError(group)) {
            return METHODS_UNAVAILABLE;
        }
        return this.savedGroup(group).deliveryAddress ? NO_METHODS : NEED_ADDRESS;
    }

    /** The group as the server last answered it (the view lays pending edits over it). */
    savedGroup(group) {
        const checkout = this.snapshot && this.snapshot.checkout;
        const items =
            (checkout && checkout.deliveryGroups && checkout.deliveryGroups.items) || null;
        return (items && items.find((item) => item.id === group.id)) || (items ? {} : group);
    }

    /** A valid address edit the store is still saving: its methods are not calculated yet. */
    isAddressSaving(group) {
        const key = `group.${group.id}.deliveryAddress`;
        const edit = this.snapshot.edits && this.snapshot.edits[key];
        const invalid = Object.keys(this.snapshot.validation || {}).some(
            (field) => field === key || field.startsWith(`${key}.`)
        );
        return Boolean(edit && (edit.status === 'pending' || edit.status === 'saving') && !invalid);
    }

    /** A calculator failed (or never answered) for this group or the whole checkout. */
    hasCalculationError(group) {
        return (this.snapshot.messages || []).some(
            (item) =>
                item.severity === 'error' &&
                (!item.groupId || item.groupId === group.id) &&
                (item.code === CALCULATION_FAILED ||
                    item.code === PROCESSING_TIMEOUT ||
                    String(item.code || '').startsWith(INTEGRATION_ERROR))
        );
    }

    /**
     * "Your delivery method changed because the address changed" is true only when the saved address differs
     * from the one the method was chosen for (the engine also sends it after other shipping changes).
     */
    addressChangedSinceChoice(group) {
        const chosenFor = this.chosenForAddress[group.id];
        return (
            chosenFor === undefined ||
            chosenFor !== addressKey(this.savedGroup(group).deliveryAddress)
        );
    }

    methodView(group, method, selectedId) {
        const currency = method.currencyIsoCode || this.currency;
        const original = method.shippingFee;
        const charged =
            method.adjustedShippingFee !== undefined && method.adjustedShippingFee !== null
                ? method.adjustedShippingFee
                : original;
        const discounted = this.showOriginalFee && Number(charged) < Number(original);
        return {
            id: method.id,
            inputId: `method-${group.id}-${method.id}`,
            detailsId: `method-details-${group.id}-${method.id}`,
            name: method.name,
            carrier: this.showCarrier ? carrierText(method) : '',
            fee: isNonZero(charged) ? formatMoney(charged, currency) : FREE,
            originalFee: discounted ? formatMoney(original, currency) : '',
            wasText: discounted ? formatLabel(FEE_WAS, formatMoney(original, currency)) : '',
            estimate: this.showEstimate ? this.estimateFor(method) : '',
            checked: method.id === selectedId
        };
    }

    get currency() {
        return (
            (this.snapshot && this.snapshot.totals && this.snapshot.totals.currencyIsoCode) || 'USD'
        );
    }

    estimateFor(method) {
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

    handleSelect(event) {
        const groupId = event.target.dataset.group;
        const group = shippingGroups(this.snapshot).find((item) => item.id === groupId);
        if (group) {
            this.chosenForAddress[groupId] = addressKey(this.savedGroup(group).deliveryAddress);
        }
        this.store.selectDeliveryMethod(groupId, event.target.value);
    }
}
