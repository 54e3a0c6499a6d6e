import { LightningElement, api, wire } from 'lwc';
import { CheckoutStateAdapter, getCheckoutStore } from 'c/checkoutStore';
import {
    formatLabel,
    focusFirstInvalid,
    formatMoney,
    isAddressChanging,
    isLoading,
    isProcessing,
    registerForm,
    sectionMessages,
    shippingGroups,
    showWhatIsMissing
} from 'c/checkoutKitSupport';
import {
    MISSING_INFORMATION,
    RUN_AGAIN_BLOCKERS,
    TRANSIENT_BLOCKERS,
    blockerMessages,
    blockersOf,
    canRetry
} from './orderBlockers';
import { recurringRow, totalRows } from './summaryTotals';
import { termsFieldValues, termsMessage, termsView } from './termsAcceptance';
import HEADING from '@salesforce/label/c.CheckoutKit_SummaryHeading';
import TOTAL from '@salesforce/label/c.CheckoutKit_Total';
import PLACE_ORDER from '@salesforce/label/c.CheckoutKit_PlaceOrder';
import PLACING_ORDER from '@salesforce/label/c.CheckoutKit_PlacingOrder';
import TRY_AGAIN from '@salesforce/label/c.CheckoutKit_PlaceOrderAgain';
import ORDER_PLACED from '@salesforce/label/c.CheckoutKit_OrderPlaced';
import ORDER_NUMBER from '@salesforce/label/c.CheckoutKit_OrderNumber';
import ORDER_FAILED from '@salesforce/label/c.CheckoutKit_OrderFailed';
import REJECTED_NEXT_STEP from '@salesforce/label/c.CheckoutKit_OrderRejectedNextStep';
import RECURRING_NOT_IN_TOTAL from '@salesforce/label/c.CheckoutKit_RecurringNotInTotal';
import TOTALS_FOR_PREVIOUS_ADDRESS from '@salesforce/label/c.CheckoutKit_TotalsForPreviousAddress';
import FINISHING from '@salesforce/label/c.CheckoutKit_FinishingChanges';
import LOADING from '@salesforce/label/c.CheckoutKit_Loading';
import PROCESSING from '@salesforce/label/c.CheckoutKit_Processing';

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
    /** How often recurring charges are billed: `month`, `quarter` or `year` (the CPQ cart does not say). */
    @api recurringPeriod = 'month';
    /** `commerce` (Connect REST place order) or `cpq` (Industries CPQ checkout). */
    @api submissionStrategy = 'commerce';
    /**
     * The Industries CPQ cart to submit: the id of its header record (Order, Quote or Opportunity). In Experience
     * Builder the admin binds it, by default to the page's record (`{!Route.recordId}`). Never the WebCart id.
     */
    @api cpqCartId;
    /** The shopper accepts the terms before placing the order. */
    @api showTerms = false;
    /** The checkbox's text (translatable); the Custom Label is used when empty. */
    @api termsLabel;
    /** The terms page the checkbox links to. */
    @api termsUrl;
    /** A WebCart custom field (API name) that records the answer; empty: the answer is sent nowhere. */
    @api termsField;

    // The engine's own adapter: the lint list only knows the platform's adapters.
    @wire(CheckoutStateAdapter)
    snapshot;

    labels = {
        loading: LOADING,
        orderPlaced: ORDER_PLACED,
        recurringNotInTotal: RECURRING_NOT_IN_TOTAL,
        totalsForPreviousAddress: TOTALS_FOR_PREVIOUS_ADDRESS,
        rejectedNextStep: REJECTED_NEXT_STEP
    };
    /** Set from click to answer: a second click meanwhile does nothing. */
    placing = false;
    waitingForChanges = false;
    /** Set by a click that could not place the order: from then on, the reasons that still hold are shown. */
    showingBlockers = false;
    submitError = '';
    /** The shopper placed the order here: once it is placed, focus goes to the confirmation. */
    focusConfirmation = false;
    termsAccepted = false;
    /** Shown once Place Order found the terms unaccepted, until they are accepted. */
    termsError = '';

    connectedCallback() {
        this.nameCpqCart();
        // Unaccepted terms are marked like a form's missing field (c/checkoutKitSupport attention).
        this.unregister = registerForm(this);
    }

    disconnectedCallback() {
        this.unregister();
    }

    /** The button the shopper pressed is gone once the order is placed: focus moves to what replaced it. */
    renderedCallback() {
        const confirmation =
            this.focusConfirmation && this.template.querySelector('[data-id="confirmation"]');
        if (confirmation) {
            this.focusConfirmation = false;
            confirmation.focus();
        }
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
        return totalRows(this.totals, this);
    }

    /** Industries CPQ carts: the recurring charges, after the total that leaves them out. */
    get recurring() {
        return recurringRow(this.totals, this);
    }

    get totalLabel() {
        return TOTAL;
    }

    get grandTotal() {
        return this.totals ? formatMoney(this.totals.grandTotal, this.totals.currencyIsoCode) : '';
    }

    /** A delivery group's address is changing: shipping and tax shown are the previous address's. */
    get totalsForPreviousAddress() {
        return shippingGroups(this.snapshot).some((group) =>
            isAddressChanging(this.snapshot, group)
        );
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

    /**
     * Not `disabled`: a disabled button drops focus to the page while the order is placed. Clicks meanwhile do
     * nothing (handlePlaceOrder), and the button looks and is announced unavailable.
     */
    get buttonDisabled() {
        return this.isLoading || this.isSubmitting || this.isFinalFailure;
    }

    /** A refusal that trying again cannot change (Industries CPQ `rejected`): what the shopper can do instead. */
    get showNextStep() {
        return this.isFinalFailure && this.order.outcome === 'rejected';
    }

    get buttonDescribedBy() {
        return this.showNextStep ? 'summary-next-step' : null;
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

    /** Something trying again can fix: a calculation that failed, or a save that failed for a passing reason. */
    get canRetry() {
        return canRetry(this.snapshot);
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
        const blockers = this.showingBlockers ? blockerMessages(this.snapshot) : [];
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

    get terms() {
        return termsView(this);
    }

    get termsMissing() {
        return Boolean(this.showTerms && !this.termsAccepted);
    }

    handleTermsChange(event) {
        this.termsAccepted = event.target.checked;
        this.termsError = '';
        const values = termsFieldValues(this.termsField, this.termsAccepted);
        if (values) {
            this.store.updateCustomFields({ type: 'WebCart' }, values);
        }
    }

    /** Attention: unaccepted terms show their message and, with `focus`, take focus. True when accepted. */
    @api
    reportValidity({ focus = true } = {}) {
        this.termsError = this.showTerms ? termsMessage(this.termsAccepted) : '';
        if (this.termsError && focus) {
            // After the render that marks the checkbox invalid and ties its message.
            Promise.resolve().then(() => focusFirstInvalid(this.template));
        }
        return !this.termsError;
    }

    async handlePlaceOrder() {
        if (this.placing || this.buttonDisabled) {
            return;
        }
        this.placing = true;
        this.showingBlockers = false;
        this.submitError = '';
        // The engine reports what went wrong in the snapshot; this covers a rejected promise.
        await this.placeWhenReady().catch(() => {
            this.submitError = ORDER_FAILED;
            this.focusConfirmation = false;
        });
        this.placing = false;
        this.waitingForChanges = false;
    }

    /** Waits for what settles by itself, then places the order, or shows why it cannot go. */
    async placeWhenReady() {
        let snapshot = this.store.getSnapshot() || this.snapshot;
        if (
            !snapshot.canPlaceOrder &&
            blockersOf(snapshot).every((b) => TRANSIENT_BLOCKERS.includes(b))
        ) {
            // Saving or calculating: place the order as soon as the checkout settles.
            this.waitingForChanges = true;
            await this.store.whenIdle();
            this.waitingForChanges = false;
            snapshot = this.store.getSnapshot() || snapshot;
        }
        const waiting = [...TRANSIENT_BLOCKERS, ...RUN_AGAIN_BLOCKERS];
        if (this.termsMissing || !blockersOf(snapshot).every((b) => waiting.includes(b))) {
            this.showBlockers(blockersOf(snapshot));
            return;
        }
        this.focusConfirmation = true;
        const result = await this.store.placeOrder(this.submissionSettings);
        if (!result || result.outcome !== 'success') {
            this.focusConfirmation = false;
        }
    }

    /**
     * Says why the order cannot go, from then on as the checkout is (a fixed reason goes at once). Missing
     * information is also marked where it is: the page's forms show it and the first takes focus, so the shopper
     * lands on what to fix (on a phone, far above this summary).
     */
    showBlockers(blockers) {
        this.showingBlockers = true;
        if (this.termsMissing || blockers.some((b) => MISSING_INFORMATION.includes(b))) {
            showWhatIsMissing();
        }
    }

    handleRetry() {
        this.store.retryFailed();
    }
}
