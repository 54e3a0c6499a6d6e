import { LightningElement, api, wire } from 'lwc';
import { CheckoutStateAdapter, getCheckoutStore } from 'c/checkoutStore';
import {
    focusFirstInvalid,
    isLoading,
    isPlacingOrPlaced,
    registerForm,
    savedGroup,
    sectionMessages,
    shippingGroup,
    shippingGroups
} from 'c/checkoutKitSupport';
import { methodGroup, shippingFailed } from './methodView';
import HEADING from '@salesforce/label/c.CheckoutKit_DeliveryHeading';
import NO_SHIPPING from '@salesforce/label/c.CheckoutKit_NoShippingNeeded';
import LOADING from '@salesforce/label/c.CheckoutKit_Loading';
import PROCESSING from '@salesforce/label/c.CheckoutKit_Processing';

/**
 * Delivery method picker: one radio group per delivery group that ships, with name, carrier, fee (an adjusted
 * fee against the original) and delivery estimate. A group's choice closes while its address changes (the
 * methods listed are the previous address's) and while the order is placed; it stays open while the checkout
 * calculates, so focus never falls off a radio the shopper is on.
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

    /** By group id: the saved address (null when none) when the shopper chose its method (not rendered). */
    chosenForAddress = {};
    /** Place Order asked for a method: groups without one say so until one is chosen. */
    askedToChoose = false;

    connectedCallback() {
        this.unregister = registerForm(this);
    }

    disconnectedCallback() {
        this.unregister();
    }

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

    /** The server calculates (or its session says it does), or the order is being placed. */
    get isCalculatingOrPlacing() {
        return Boolean(
            this.snapshot &&
            (['processing', 'submitting'].includes(this.snapshot.phase) ||
                (this.snapshot.session && this.snapshot.session.isProcessing))
        );
    }

    get hasGroups() {
        return this.groups.length > 0;
    }

    get statusMessages() {
        return sectionMessages(this.snapshot, ['deliveryMethod']).filter((item) => !item.groupId);
    }

    /** The checkout's shipping calculation failed without naming a group. */
    get canRetryShipping() {
        return shippingFailed(this.snapshot, undefined);
    }

    get groups() {
        const groups = shippingGroups(this.snapshot);
        const settings = {
            showCarrier: this.showCarrier,
            showEstimate: this.showEstimate,
            showOriginalFee: this.showOriginalFee
        };
        return groups.map((group) =>
            methodGroup({
                snapshot: this.snapshot,
                group,
                several: groups.length > 1,
                heading: this.heading,
                calculatingOrPlacing: this.isCalculatingOrPlacing,
                placing: isPlacingOrPlaced(this.snapshot),
                askedToChoose: this.askedToChoose,
                chosenFor: this.chosenForAddress[group.id],
                settings
            })
        );
    }

    handleSelect(event) {
        const groupId = event.target.dataset.group;
        const group = shippingGroup(this.snapshot, groupId);
        if (group) {
            this.chosenForAddress[groupId] =
                savedGroup(this.snapshot, group).deliveryAddress || null;
        }
        this.store.selectDeliveryMethod(groupId, event.target.value);
    }

    /**
     * Place Order found a group without a delivery method: each such group says so (tied to its radios) and,
     * with `focus`, its first radio takes focus. Returns whether every group that lists methods has one chosen.
     */
    @api
    reportValidity({ focus = true } = {}) {
        this.askedToChoose = true;
        const valid = this.groups.every((group) => !group.fieldError);
        if (!valid && focus) {
            // Wait for the messages to render so aria-invalid is set before focusing.
            Promise.resolve().then(() => focusFirstInvalid(this.template));
        }
        return valid;
    }

    /** Runs the failed calculations again: the delivery options come back with the shipping one. */
    handleRetryCalculation() {
        this.store.retryCalculation();
    }
}
