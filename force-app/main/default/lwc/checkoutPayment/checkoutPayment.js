import { LightningElement, api, wire } from 'lwc';
import { CheckoutStateAdapter, getCheckoutStore } from 'c/checkoutStore';
import {
    FieldDrafts,
    fieldMessage,
    fieldState,
    focusFirstInvalid,
    formatLabel,
    isLoading,
    isPlacingOrPlaced,
    registerForm,
    sectionMessages,
    shippingGroups,
    splitList
} from 'c/checkoutKitSupport';
import {
    TYPED_ADDRESS_FIELDS,
    addressErrors,
    addressFields,
    editedAddress
} from 'c/checkoutAddressFields';
import {
    NEW_ADDRESS,
    PO_KEY,
    billingFor,
    billingKey,
    billingOptions,
    checkPurchaseOrder,
    poPattern,
    shippingAddressText,
    storedChoice,
    storedNewAddress
} from './paymentView';
import HEADING from '@salesforce/label/c.CheckoutKit_PaymentHeading';
import PO_LABEL from '@salesforce/label/c.CheckoutKit_PurchaseOrderNumber';
import PO_HINT from '@salesforce/label/c.CheckoutKit_PurchaseOrderHint';
import BILLING_LEGEND from '@salesforce/label/c.CheckoutKit_BillingAddressLegend';
import SAME_AS_SHIPPING from '@salesforce/label/c.CheckoutKit_BillingSameAsShipping';
import NEW_ADDRESS_LABEL from '@salesforce/label/c.CheckoutKit_NewAddress';
import REQUIRED from '@salesforce/label/c.CheckoutKit_Required';
import LOADING from '@salesforce/label/c.CheckoutKit_Loading';
import SAVING from '@salesforce/label/c.CheckoutKit_PaymentSaving';

/**
 * Payment and billing: a purchase order number and the billing address (same as shipping, a saved billing
 * address of the buyer's account, or a new one with the shipping form's country-aware fields). The payment goes
 * to the store once its number can go; the store sends it after every other write and again after what clears it.
 */
export default class CheckoutPayment extends LightningElement {
    /** Section heading; the Custom Label is used when empty. */
    @api headingLabel;
    @api showPurchaseOrderNumber = false;
    /** No order without a purchase order number. */
    @api requirePurchaseOrderNumber = false;
    /** The purchase order number's label; the Custom Label is used when empty. */
    @api purchaseOrderLabel;
    /** A regular expression the whole number must match (empty: any number). */
    @api purchaseOrderPattern;
    /** A number that matches the pattern, shown as a hint and in the message when a number does not. */
    @api purchaseOrderExample;
    @api showSavedAddresses = false;
    /** Comma-separated ISO country codes a new billing address may be in. */
    @api allowedCountries = 'US,CA,GB,DE,FR,AU';
    @api defaultCountry = 'US';
    @api showCompanyName = false;

    // The engine's own adapter: the lint list only knows the platform's adapters.
    @wire(CheckoutStateAdapter)
    wiredSnapshot(snapshot) {
        this.snapshot = snapshot;
        this.tellStoreWhetherRequired();
        this.requestBillingAddresses();
    }

    snapshot;
    connected = false;
    /** What the shopper typed, by the store's field key (the number, the new address's parts). */
    drafts = new FieldDrafts();
    /** The billing choice the shopper made here; null while it is the store's. */
    choice = null;
    /** Keys of the fields the shopper has left ('*': all, after submit): their messages show. */
    touched = [];
    /** What this form says itself (required, the pattern, the address parts), by the store's key. */
    localErrors = {};
    /** The new billing address was edited and not handed to the store yet (the shopper is still in it). */
    addressUnsent = false;
    billingAddressesRequested = false;

    labels = {
        required: REQUIRED,
        loading: LOADING,
        saving: SAVING,
        billingLegend: BILLING_LEGEND
    };

    connectedCallback() {
        this.connected = true;
        this.tellStoreWhetherRequired();
        this.requestBillingAddresses();
        // Place Order asks the page's forms to show what is missing (c/checkoutKitSupport attention).
        this.unregister = registerForm(this);
    }

    disconnectedCallback() {
        this.connected = false;
        this.unregister();
    }

    /** The page's store, looked up on use: the preview or a test may replace it after connect. */
    get store() {
        return getCheckoutStore();
    }

    /** The admin's "required": the store blocks the order until a payment is saved. */
    get paymentRequired() {
        return Boolean(this.showPurchaseOrderNumber && this.requirePurchaseOrderNumber);
    }

    tellStoreWhetherRequired() {
        const told = this.snapshot && this.snapshot.paymentRequired;
        if (this.connected && told !== this.paymentRequired) {
            this.store.requirePayment(this.paymentRequired);
        }
    }

    requestBillingAddresses() {
        if (
            this.connected &&
            !this.billingAddressesRequested &&
            this.showSavedAddresses &&
            this.snapshot &&
            this.snapshot.phase !== 'loading' &&
            this.snapshot.isGuest === false
        ) {
            this.billingAddressesRequested = true;
            const loading = this.store.loadBillingAddresses();
            if (loading && typeof loading.catch === 'function') {
                // A failure shows as a snapshot message; the shopper can still type an address.
                loading.catch(() => {});
            }
        }
    }

    get heading() {
        return this.headingLabel || HEADING;
    }

    get isLoading() {
        return isLoading(this.snapshot);
    }

    get isPlacingOrPlaced() {
        return isPlacingOrPlaced(this.snapshot);
    }

    get isSaving() {
        const payment = this.snapshot && this.snapshot.payment;
        return Boolean(payment && payment.status === 'saving');
    }

    get storedPayment() {
        return (this.snapshot && this.snapshot.payment) || null;
    }

    get savedAddresses() {
        return this.showSavedAddresses
            ? (this.snapshot && this.snapshot.billingAddresses) || []
            : [];
    }

    get poSettings() {
        return {
            required: this.paymentRequired,
            pattern: poPattern(this.purchaseOrderPattern),
            example: (this.purchaseOrderExample || '').trim()
        };
    }

    get poValue() {
        const stored = this.storedPayment && this.storedPayment.values.purchaseOrderNumber;
        return this.drafts.draftOf(PO_KEY) ?? stored ?? '';
    }

    get currentChoice() {
        return this.choice ?? storedChoice(this.storedPayment);
    }

    /** The new billing address as the fields show it: the shopper's drafts over the store's. */
    get typedAddress() {
        const address = storedNewAddress(this.storedPayment, this.defaultCountry);
        TYPED_ADDRESS_FIELDS.forEach((field) => {
            address[field] = this.drafts.draftOf(billingKey(field)) ?? address[field];
        });
        return address;
    }

    /** A field's message: this form's own, else the store's once the shopper has left the field (or submitted). */
    messageOf(key) {
        if (this.localErrors[key]) {
            return this.localErrors[key];
        }
        const left = this.touched.includes(key) || this.touched.includes('*');
        return left ? fieldMessage(this.snapshot, key) : '';
    }

    get poField() {
        const label = this.purchaseOrderLabel || PO_LABEL;
        const example = this.poSettings.example;
        const hint = example ? formatLabel(PO_HINT, example) : '';
        return {
            inputId: 'po-number',
            label,
            value: this.poValue,
            required: this.paymentRequired,
            hint,
            hintId: hint ? 'po-hint' : null,
            errorId: 'po-error',
            ...fieldState({
                message: this.messageOf(PO_KEY),
                label,
                errorId: 'po-error',
                hintId: hint ? 'po-hint' : null,
                className: 'slds-form-element'
            })
        };
    }

    get billingOptions() {
        return billingOptions({
            choice: this.currentChoice,
            saved: this.savedAddresses,
            shippingLines: shippingAddressText(
                shippingGroups(this.snapshot).find((g) => g.isDefault)
            ),
            sameLabel: SAME_AS_SHIPPING,
            newLabel: NEW_ADDRESS_LABEL
        });
    }

    get showAddressForm() {
        return this.currentChoice === NEW_ADDRESS;
    }

    get addressFields() {
        const messages = {};
        TYPED_ADDRESS_FIELDS.forEach((field) => {
            messages[field] = this.messageOf(billingKey(field));
        });
        return addressFields({
            scopeId: 'billing',
            address: this.typedAddress,
            countries: splitList(this.allowedCountries),
            showCompanyName: this.showCompanyName,
            messages,
            autocompleteSection: 'section-billing billing'
        });
    }

    get statusMessages() {
        const shownFields = [PO_KEY, ...TYPED_ADDRESS_FIELDS.map(billingKey)];
        return sectionMessages(this.snapshot, ['payment'], { shownFields });
    }

    markTouched(key) {
        if (!this.touched.includes(key)) {
            this.touched = [...this.touched, key];
        }
    }

    /**
     * Hands the payment to the store when its number can go. A number that cannot (missing, or not in the admin's
     * pattern) stays on screen with its message; one the store holds from before is withdrawn, so no order goes
     * with a number the shopper replaced (the store then counts the payment as missing).
     */
    sendPayment() {
        const number = this.poValue.trim();
        if (!number || checkPurchaseOrder(number, this.poSettings)) {
            const stored = this.storedPayment;
            if (stored && stored.values.purchaseOrderNumber && (number || this.paymentRequired)) {
                this.store.updatePayment({ purchaseOrderNumber: '' });
            }
            return;
        }
        this.store.updatePayment({
            purchaseOrderNumber: number,
            billingAddress: billingFor(this.currentChoice, this.savedAddresses, this.typedAddress)
        });
    }

    handlePoFocus(event) {
        this.drafts = this.drafts.focus(PO_KEY, event.target.value);
    }

    handlePoInput(event) {
        this.drafts = this.drafts.setDraft(PO_KEY, event.target.value);
    }

    handlePoBlur(event) {
        this.drafts.handOverOnLeave(PO_KEY, () => this.commitPurchaseOrder(event.target.value));
    }

    handlePoChange(event) {
        this.commitPurchaseOrder(event.target.value);
    }

    commitPurchaseOrder(value) {
        this.drafts = this.drafts.markHanded(PO_KEY, value);
        this.markTouched(PO_KEY);
        this.localErrors = {
            ...this.localErrors,
            [PO_KEY]: checkPurchaseOrder(value, this.poSettings)
        };
        this.sendPayment();
    }

    handleChoiceChange(event) {
        this.choice = event.target.value;
        this.addressUnsent = false;
        this.sendPayment();
    }

    handleAddressInput(event) {
        this.drafts = this.drafts.setDraft(
            billingKey(event.target.dataset.field),
            event.target.value
        );
    }

    /** One part of the new address changed: checked and shown at once, handed over when the address is left. */
    handleAddressChange(event) {
        const field = event.target.dataset.field;
        const { draft, errors } = editedAddress(
            this.typedAddress,
            field,
            event.target.value,
            billingKey
        );
        this.drafts = this.drafts.setDrafts(
            Object.fromEntries(TYPED_ADDRESS_FIELDS.map((part) => [billingKey(part), draft[part]]))
        );
        this.markTouched(billingKey(field));
        this.localErrors = { ...this.localErrors, ...errors };
        this.addressUnsent = true;
    }

    /** Focus left a field of the new address: when it left the address too, the address goes to the store. */
    handleAddressFocusOut(event) {
        const next = event.relatedTarget;
        const stillInAddress = Boolean(next && next.dataset && next.dataset.scope === 'billing');
        if (!stillInAddress && this.addressUnsent) {
            this.addressUnsent = false;
            this.sendPayment();
        }
    }

    handleSubmit(event) {
        event.preventDefault();
        this.reportValidity();
    }

    /**
     * Checks the number and a new billing address and shows every message; with `focus` (the default) moves focus
     * to the first invalid field. Returns whether the form is valid.
     */
    @api
    reportValidity({ focus = true } = {}) {
        const errors = { ...this.localErrors };
        if (this.showPurchaseOrderNumber) {
            errors[PO_KEY] = checkPurchaseOrder(this.poValue, this.poSettings);
        }
        if (this.showAddressForm) {
            Object.assign(errors, addressErrors(this.typedAddress, billingKey));
        }
        this.localErrors = errors;
        this.touched = [...this.touched, '*'];
        const valid =
            !(this.showPurchaseOrderNumber && this.poField.message) &&
            (!this.showAddressForm || this.addressFields.every((field) => !field.message));
        if (!valid && focus) {
            // Wait for the messages to render so aria-invalid is set before focusing.
            Promise.resolve().then(() => focusFirstInvalid(this.template));
        }
        return valid;
    }
}
