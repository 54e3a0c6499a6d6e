import { LightningElement, api, wire } from 'lwc';
import { CheckoutStateAdapter, getCheckoutStore } from 'c/checkoutStore';
import { isLoading, sectionMessages, shippingGroup, shippingGroups } from 'c/checkoutKitSupport';
import { methodGroup, savedGroup, shippingFailed } from './methodView';
import HEADING from '@salesforce/label/c.CheckoutKit_DeliveryHeading';
import NO_SHIPPING from '@salesforce/label/c.CheckoutKit_NoShippingNeeded';
import LOADING from '@salesforce/label/c.CheckoutKit_Loading';
import PROCESSING from '@salesforce/label/c.CheckoutKit_Processing';

const LOCKED_PHASES = ['processing', 'submitting', 'complete'];

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

    /** By group id: the saved address (null when none) when the shopper chose its method (not rendered). */
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

    /** Runs the failed calculations again: the delivery options come back with the shipping one. */
    handleRetryCalculation() {
        this.store.retryCalculation();
    }
}
