import { LightningElement, api, wire } from 'lwc';
import { CheckoutStateAdapter, getCheckoutStore } from 'c/checkoutStore';
import {
    formatLabel,
    formatMoney,
    isNonZero,
    isLoading,
    isProcessing,
    sectionMessages
} from 'c/checkoutKitSupport';
import HEADING from '@salesforce/label/c.CheckoutKit_SummaryHeading';
import SUBTOTAL from '@salesforce/label/c.CheckoutKit_Subtotal';
import PROMOTIONS from '@salesforce/label/c.CheckoutKit_Promotions';
import SHIPPING from '@salesforce/label/c.CheckoutKit_Shipping';
import TAX from '@salesforce/label/c.CheckoutKit_Tax';
import TOTAL from '@salesforce/label/c.CheckoutKit_Total';
import ONE_TIME from '@salesforce/label/c.CheckoutKit_OneTimeCharges';
import RECURRING from '@salesforce/label/c.CheckoutKit_RecurringCharges';
import PLACE_ORDER from '@salesforce/label/c.CheckoutKit_PlaceOrder';
import PLACING_ORDER from '@salesforce/label/c.CheckoutKit_PlacingOrder';
import TRY_AGAIN from '@salesforce/label/c.CheckoutKit_PlaceOrderAgain';
import ORDER_PLACED from '@salesforce/label/c.CheckoutKit_OrderPlaced';
import ORDER_NUMBER from '@salesforce/label/c.CheckoutKit_OrderNumber';
import ORDER_BLOCKED from '@salesforce/label/c.CheckoutKit_OrderBlocked';
import ORDER_FAILED from '@salesforce/label/c.CheckoutKit_OrderFailed';
import BLOCKED_CONTACT from '@salesforce/label/c.CheckoutKit_BlockedContact';
import BLOCKED_ADDRESS from '@salesforce/label/c.CheckoutKit_BlockedAddress';
import BLOCKED_METHOD from '@salesforce/label/c.CheckoutKit_BlockedDeliveryMethod';
import BLOCKED_INVALID from '@salesforce/label/c.CheckoutKit_BlockedInvalidInput';
import BLOCKED_SESSION from '@salesforce/label/c.CheckoutKit_BlockedSession';
import BLOCKED_NOT_LOADED from '@salesforce/label/c.CheckoutKit_BlockedNotLoaded';
import FINISHING from '@salesforce/label/c.CheckoutKit_FinishingChanges';
import LOADING from '@salesforce/label/c.CheckoutKit_Loading';
import PROCESSING from '@salesforce/label/c.CheckoutKit_Processing';

/** Blockers that clear by themselves once the checkout settles: place order waits for them. */
const TRANSIENT_BLOCKERS = ['pending-edits', 'processing'];
/** A failed calculation: placing the order runs it again first (the engine refuses if it still fails). */
const RUN_AGAIN_BLOCKERS = ['calculation-failed'];
/** Blockers the shopper fixes by completing the forms: only these are introduced as missing information. */
const MISSING_INFORMATION = [
    'missing-contact',
    'missing-address',
    'missing-delivery-method',
    'invalid-input'
];
const BLOCKER_LABELS = {
    'missing-contact': BLOCKED_CONTACT,
    'missing-address': BLOCKED_ADDRESS,
    'missing-delivery-method': BLOCKED_METHOD,
    'invalid-input': BLOCKED_INVALID,
    'session-error': BLOCKED_SESSION,
    'not-loaded': BLOCKED_NOT_LOADED
};

/**
 * Order summary and place order: totals in the cart currency and the shopper's locale (one-time and recurring
 * charges for Industries CPQ carts), and a single-flight place-order button with the submission strategy the
 * admin chose.
 */
export default class CheckoutOrderSummary extends LightningElement {
    /** Section heading; the Custom Label is used when empty. */
    @api headingLabel;
    @api showPromotions = false;
    @api showShipping = false;
    @api showTax = false;
    /** Industries CPQ carts: show one-time and recurring charges when the checkout has them. */
    @api showRecurringCharges = false;
    @api showPlaceOrder = false;
    @api placeOrderLabel;
    /** `commerce` (Connect REST place order) or `cpq` (Industries CPQ checkout). */
    @api submissionStrategy = 'commerce';
    /**
     * The Industries CPQ cart to submit: the id of its header record (Order, Quote or Opportunity). In Experience
     * Builder the admin binds it, by default to the page's record (`{!Route.recordId}`). Never the WebCart id.
     */
    @api cpqCartId;

    // The engine's own adapter: the lint list only knows the platform's adapters.
    @wire(CheckoutStateAdapter)
    snapshot;

    labels = { loading: LOADING, orderPlaced: ORDER_PLACED };
    /** Set from click to answer: a second click meanwhile does nothing. */
    placing = false;
    waitingForChanges = false;
    /** Set by a click that could not place the order: from then on, the reasons that still hold are shown. */
    showingBlockers = false;
    submitError = '';

    connectedCallback() {
        this.nameCpqCart();
    }

    /**
     * Industries CPQ: tells the store which cart this page submits, so the snapshot carries its one-time and
     * recurring totals (and the store's own CPQ settings name the same cart). Only a bound cart is named: the
     * checkout's WebCart is not a CPQ cart. The namespace and submission policy are the admin's Custom
     * Metadata, read by the Apex.
     */
    nameCpqCart() {
        const store = this.store;
        if (
            this.submissionStrategy !== 'cpq' ||
            !this.cartIdToSubmit ||
            typeof store.useCpqCart !== 'function'
        ) {
            return;
        }
        const reading = store.useCpqCart({ cartId: this.cartIdToSubmit });
        if (reading && typeof reading.catch === 'function') {
            // A failed read only leaves the CPQ totals out; placing the order does not depend on it.
            reading.catch(() => {});
        }
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

    get totals() {
        return this.snapshot && this.snapshot.totals;
    }

    get hasTotals() {
        return Boolean(this.totals);
    }

    get rows() {
        const totals = this.totals;
        if (!totals) {
            return [];
        }
        const currency = totals.currencyIsoCode;
        const rows = [{ key: 'subtotal', label: SUBTOTAL, amount: totals.subtotal }];
        if (this.showPromotions && isNonZero(totals.promotions)) {
            rows.push({ key: 'promotions', label: PROMOTIONS, amount: totals.promotions });
        }
        if (this.showShipping) {
            rows.push({ key: 'shipping', label: SHIPPING, amount: totals.shipping });
        }
        if (this.showTax) {
            rows.push({ key: 'tax', label: TAX, amount: totals.tax });
        }
        if (
            this.showRecurringCharges &&
            totals.oneTimeTotal !== undefined &&
            totals.oneTimeTotal !== null
        ) {
            rows.push({ key: 'oneTime', label: ONE_TIME, amount: totals.oneTimeTotal });
        }
        if (
            this.showRecurringCharges &&
            totals.recurringTotal !== undefined &&
            totals.recurringTotal !== null
        ) {
            rows.push({ key: 'recurring', label: RECURRING, amount: totals.recurringTotal });
        }
        return rows.map((row) => ({
            ...row,
            className: `summary-row summary-row_${row.key}`,
            value: formatMoney(row.amount, currency)
        }));
    }

    get totalLabel() {
        return TOTAL;
    }

    get grandTotal() {
        return this.totals ? formatMoney(this.totals.grandTotal, this.totals.currencyIsoCode) : '';
    }

    get order() {
        return this.snapshot && this.snapshot.order;
    }

    get isComplete() {
        return Boolean(
            (this.snapshot && this.snapshot.phase === 'complete') ||
            (this.order && this.order.outcome === 'success')
        );
    }

    /**
     * Industries CPQ says how the order was accepted (accepted, provisionally accepted, ready): its outcome's
     * labelled message. A Commerce order was placed.
     */
    get confirmationText() {
        const order = this.order;
        return order && order.strategy === 'cpq' && order.outcome === 'success' && order.message
            ? order.message
            : this.labels.orderPlaced;
    }

    get orderReference() {
        const order = this.order;
        const reference =
            (order && (order.orderReferenceNumber || order.orderId)) ||
            (this.snapshot && this.snapshot.session && this.snapshot.session.orderReferenceNumber);
        return reference ? formatLabel(ORDER_NUMBER, reference) : '';
    }

    get isSubmitting() {
        return this.placing || Boolean(this.snapshot && this.snapshot.phase === 'submitting');
    }

    get showButton() {
        return this.showPlaceOrder && !this.isComplete;
    }

    /** A failed order the engine says trying again cannot help (OrderResult.canRetry is the one rule). */
    get isFinalFailure() {
        const order = this.order;
        return Boolean(order && order.outcome !== 'success' && order.canRetry === false);
    }

    get buttonDisabled() {
        return this.isLoading || this.isSubmitting || this.isFinalFailure;
    }

    get buttonLabel() {
        if (this.isSubmitting) {
            return PLACING_ORDER;
        }
        if (this.order && this.order.outcome !== 'success' && !this.isFinalFailure) {
            return TRY_AGAIN;
        }
        return this.placeOrderLabel || PLACE_ORDER;
    }

    get processingText() {
        if (this.waitingForChanges) {
            return FINISHING;
        }
        return this.isSubmitting ? PLACING_ORDER : PROCESSING;
    }

    get isBusy() {
        return this.waitingForChanges || isProcessing(this.snapshot);
    }

    /** Something trying again can fix: a failed save, or a calculation that failed. */
    get canRetry() {
        const edits = (this.snapshot && this.snapshot.edits) || {};
        const failedCalculations = (this.snapshot && this.snapshot.failedCalculations) || [];
        return (
            failedCalculations.length > 0 ||
            Object.values(edits).some((edit) => edit.status === 'failed')
        );
    }

    get statusMessages() {
        const messages = sectionMessages(this.snapshot, ['order', 'checkout', 'session']).filter(
            (item) => !item.groupId
        );
        const order = this.order;
        // The engine says a failed order as `order` messages; the result's own text only stands in when a
        // store reported none.
        if (
            order &&
            order.outcome !== 'success' &&
            order.message &&
            !messages.some((item) => item.scope === 'order')
        ) {
            messages.push({ id: 'order-result', severity: 'error', message: order.message });
        }
        if (this.submitError) {
            messages.push({ id: 'order-submit', severity: 'error', message: this.submitError });
        }
        // A reason already said (a failed calculation's own message) is not said twice.
        const blockers = this.showingBlockers ? this.blockerMessages(this.snapshot) : [];
        const said = new Set(messages.map((item) => item.message));
        return [...messages, ...blockers.filter((item) => !said.has(item.message))];
    }

    /** The bound CPQ cart id, or '' when none is bound (or the Builder left an expression unresolved). */
    get cartIdToSubmit() {
        const value = typeof this.cpqCartId === 'string' ? this.cpqCartId.trim() : '';
        return value && !value.startsWith('{!') ? value : '';
    }

    get submissionSettings() {
        if (this.submissionStrategy === 'cpq') {
            const settings = { strategy: 'cpq' };
            // Unbound: the store's configured CPQ cart (StoreOptions.cpq.cartId) applies.
            if (this.cartIdToSubmit) {
                settings.cartId = this.cartIdToSubmit;
            }
            return settings;
        }
        return { strategy: 'commerce' };
    }

    blockersOf(snapshot) {
        return (snapshot && snapshot.placeOrderBlockers) || [];
    }

    async handlePlaceOrder() {
        if (this.placing) {
            return;
        }
        this.placing = true;
        this.showingBlockers = false;
        this.submitError = '';
        // The engine reports what went wrong in the snapshot; this covers a rejected promise.
        await this.placeWhenReady().catch(() => {
            this.submitError = ORDER_FAILED;
        });
        this.placing = false;
        this.waitingForChanges = false;
    }

    /** Waits for what settles by itself, then places the order, or shows why it cannot go. */
    async placeWhenReady() {
        let snapshot = this.store.getSnapshot() || this.snapshot;
        if (
            !snapshot.canPlaceOrder &&
            this.blockersOf(snapshot).every((b) => TRANSIENT_BLOCKERS.includes(b))
        ) {
            // Saving or calculating: place the order as soon as the checkout settles.
            this.waitingForChanges = true;
            await this.store.whenIdle();
            this.waitingForChanges = false;
            snapshot = this.store.getSnapshot() || snapshot;
        }
        const waiting = [...TRANSIENT_BLOCKERS, ...RUN_AGAIN_BLOCKERS];
        if (!this.blockersOf(snapshot).every((b) => waiting.includes(b))) {
            this.showingBlockers = true;
            return;
        }
        await this.store.placeOrder(this.submissionSettings);
    }

    /**
     * Why the order cannot go now: each real reason, introduced as missing information only when it is. Read from
     * the current snapshot, so a reason the shopper fixed disappears at once.
     */
    blockerMessages(snapshot) {
        const blockers = this.blockersOf(snapshot);
        const reasons = blockers
            .filter((blocker) => BLOCKER_LABELS[blocker])
            .map((blocker) => ({
                id: `blocker-${blocker}`,
                severity: 'error',
                message: BLOCKER_LABELS[blocker]
            }));
        if (blockers.includes('calculation-failed')) {
            (snapshot.failedCalculations || []).forEach((failure) =>
                reasons.push({
                    id: `blocker-calculation-${failure.calculation}-${failure.groupId || ''}`,
                    severity: 'error',
                    message: failure.message
                })
            );
        }
        const missing = blockers.some((blocker) => MISSING_INFORMATION.includes(blocker));
        return missing
            ? [{ id: 'blocker', severity: 'error', message: ORDER_BLOCKED }, ...reasons]
            : reasons;
    }

    handleRetry() {
        this.store.retryFailed();
    }
}
