import { LightningElement, api, wire } from 'lwc';
import { CheckoutStateAdapter, addressPartKey, getCheckoutStore, groupKey } from 'c/checkoutStore';
import {
    FieldDrafts,
    focusFirstInvalid,
    isLoading,
    isPlacingOrPlaced,
    isProcessing,
    registerForm,
    sectionMessages,
    shippingGroup,
    shippingGroups
} from 'c/checkoutKitSupport';
import {
    SHIPPING_VALUE_FIELDS,
    addressDrafts,
    fieldKey,
    groupFieldKeys,
    instructionsValue,
    leavesAddress,
    shownAddress
} from './addressValues';
import { editedAddress, toCheckoutAddress } from 'c/checkoutAddressFields';
import { chosenAddress } from './savedAddresses';
import {
    formSettings,
    groupSection,
    isGroupValid,
    shownMessage,
    wholeAddressMessage
} from './addressView';
import { checkShippingValue, groupErrors, isoDateFromToday } from './addressChecks';
import HEADING from '@salesforce/label/c.CheckoutKit_AddressHeading';
import SAVED_LEGEND from '@salesforce/label/c.CheckoutKit_SavedAddressesLegend';
import NEW_ADDRESS from '@salesforce/label/c.CheckoutKit_NewAddress';
import INSTRUCTIONS from '@salesforce/label/c.CheckoutKit_ShippingInstructions';
import REQUIRED from '@salesforce/label/c.CheckoutKit_Required';
import SAVE from '@salesforce/label/c.CheckoutKit_Save';
import LOADING from '@salesforce/label/c.CheckoutKit_Loading';
import PROCESSING from '@salesforce/label/c.CheckoutKit_Processing';
import NO_SHIPPING from '@salesforce/label/c.CheckoutKit_NoShippingNeeded';

/**
 * Shipping address, desired delivery date and shipping instructions, one section per delivery group that
 * ships. Signed-in buyers choose from their account addresses or enter a new one; guests enter one.
 * An address goes to the store once the shopper leaves its fields, so the checkout calculates shipping and tax
 * for the whole address, never for a new city with the old postal code; the date and the instructions go when
 * their field is left. The store keeps invalid values with their message.
 */
export default class CheckoutAddressForm extends LightningElement {
    /** Section heading; the Custom Label is used when empty. */
    @api headingLabel;
    @api showSavedAddresses = false;
    /** How many saved addresses show before "show more". */
    @api savedAddressLimit = 3;
    /** Comma-separated ISO country codes the store ships to. */
    @api allowedCountries = 'US,CA,GB,DE,FR,AU';
    @api defaultCountry = 'US';
    @api showCompanyName = false;
    @api showDeliveryDate = false;
    @api requireDeliveryDate = false;
    /** Earliest desired delivery date, in days from today. */
    @api deliveryDateMinDays = 1;
    /** Latest desired delivery date, in days from today. */
    @api deliveryDateMaxDays = 90;
    @api showShippingInstructions = false;
    @api shippingInstructionsMaxLength = 255;
    @api showSaveButton = false;
    @api saveButtonLabel;

    // The engine's own adapter: the lint list only knows the platform's adapters.
    @wire(CheckoutStateAdapter)
    wiredSnapshot(snapshot) {
        this.snapshot = snapshot;
        this.requestAccountAddresses();
    }

    snapshot;
    connected = false;
    /**
     * What the shopper typed, by the store's field key, laid over the store's values. Drafts outlive focus:
     * an address is sent whole, so each part keeps what was typed until a saved address replaces them.
     */
    drafts = new FieldDrafts();
    /** Fields the shopper has left, by group: their messages show; untouched fields wait for submit. */
    touched = {};
    /** Errors this form finds itself (required, postal format, date range), by the store's field key. */
    localErrors = {};
    /** Groups whose address was edited and not handed to the store yet (the shopper is still in it). */
    unsentGroups = [];
    /** Groups where a signed-in buyer chose to type a new address. */
    newAddressGroups = [];
    expandedGroups = [];
    accountAddressesRequested = false;

    labels = {
        required: REQUIRED,
        loading: LOADING,
        processing: PROCESSING,
        noShipping: NO_SHIPPING,
        savedLegend: SAVED_LEGEND,
        newAddress: NEW_ADDRESS,
        instructions: INSTRUCTIONS
    };

    connectedCallback() {
        this.connected = true;
        this.requestAccountAddresses();
        // Place Order asks the page's forms to show what is missing (c/checkoutKitSupport attention).
        this.unregister = registerForm(this);
    }

    disconnectedCallback() {
        this.connected = false;
        this.unregister();
    }

    /**
     * A <textarea> has no value attribute: its text is the `value` property, set here (as lightning-textarea
     * does) from the shopper's draft, else the store's. While the shopper types, the draft is what the field
     * already holds, so nothing is written over it.
     */
    renderedCallback() {
        this.template.querySelectorAll('textarea[data-group]').forEach((textarea) => {
            const value = instructionsValue(this.snapshot, this.drafts, textarea.dataset.group);
            if (textarea.value !== value) {
                textarea.value = value;
            }
        });
    }

    /** The page's store, looked up on use: the preview or a test may replace it after connect. */
    get store() {
        return getCheckoutStore();
    }

    requestAccountAddresses() {
        if (
            this.connected &&
            !this.accountAddressesRequested &&
            this.showSavedAddresses &&
            this.snapshot &&
            this.snapshot.phase !== 'loading' &&
            this.snapshot.isGuest === false
        ) {
            this.accountAddressesRequested = true;
            const loading = this.store.loadAccountAddresses();
            if (loading && typeof loading.catch === 'function') {
                // A failure shows as a snapshot message; the shopper can still type an address.
                loading.catch(() => {});
            }
        }
    }

    get heading() {
        return this.headingLabel || HEADING;
    }

    get saveLabel() {
        return this.saveButtonLabel || SAVE;
    }

    get isLoading() {
        return isLoading(this.snapshot);
    }

    get isProcessing() {
        return isProcessing(this.snapshot);
    }

    /** Placing or placed: the order is being made from these values, so they no longer change. */
    get isPlacingOrPlaced() {
        return isPlacingOrPlaced(this.snapshot);
    }

    get hasGroups() {
        return this.groups.length > 0;
    }

    get accountAddresses() {
        return (this.snapshot && this.snapshot.accountAddresses) || [];
    }

    get statusMessages() {
        return sectionMessages(this.snapshot, ['shipping']).filter((item) => !item.groupId);
    }

    /** The Builder settings the view reads, normalized. */
    get settings() {
        return formSettings(this, isoDateFromToday);
    }

    get groups() {
        const groups = shippingGroups(this.snapshot);
        const several = groups.length > 1;
        return groups.map((group) => this.groupView(group, several));
    }

    groupView(group, several) {
        return {
            ...groupSection({
                group,
                several,
                heading: this.heading,
                saved: this.showSavedAddresses ? this.accountAddresses : [],
                settings: this.settings,
                drafts: this.drafts,
                choseNew: this.newAddressGroups.includes(group.id),
                expanded: this.expandedGroups.includes(group.id),
                messageOf: (field, key) => this.visibleMessage(group.id, field, key),
                instructionsLabel: INSTRUCTIONS
            }),
            messages: sectionMessages(this.snapshot, ['shipping'], {
                groupId: group.id,
                shownFields: [groupKey(group.id, 'deliveryAddress'), ...groupFieldKeys(group.id)]
            })
        };
    }

    addressOf(group) {
        return shownAddress(group, this.drafts, this.defaultCountry);
    }

    /** A field's message once the shopper has left it (or submitted): this form's own, else the store's. */
    visibleMessage(groupId, field, key) {
        const touched = this.touched[groupId] || [];
        const left = touched.includes(field) || touched.includes('*');
        return field === 'address'
            ? wholeAddressMessage(this.snapshot, key, left)
            : shownMessage(this.snapshot, key, { local: this.localErrors[key], left });
    }

    markTouched(groupId, field) {
        const touched = this.touched[groupId] || [];
        if (!touched.includes(field)) {
            this.touched = { ...this.touched, [groupId]: [...touched, field] };
        }
    }

    setLocalErrors(errors) {
        this.localErrors = { ...this.localErrors, ...errors };
    }

    /**
     * A group's fields (address, delivery date, shipping instructions) carry data-group and data-field; one set of
     * handlers serves them all and hands a value to the field's commit.
     */
    handleFieldFocus(event) {
        const { group: groupId, field } = event.target.dataset;
        this.drafts = this.drafts.focus(fieldKey(groupId, field), event.target.value);
    }

    /** Every keystroke becomes the field's draft; the store gets the value when the field is left. */
    handleFieldInput(event) {
        const { group: groupId, field } = event.target.dataset;
        this.drafts = this.drafts.setDraft(fieldKey(groupId, field), event.target.value);
    }

    handleFieldBlur(event) {
        const { group: groupId, field } = event.target.dataset;
        this.drafts.handOverOnLeave(fieldKey(groupId, field), (value) =>
            this.commitField(groupId, field, value)
        );
    }

    handleFieldChange(event) {
        const { group: groupId, field } = event.target.dataset;
        this.commitField(groupId, field, event.target.value);
    }

    /** Focus left a field of a group's address: when it left the address too, the address goes to the store. */
    handleAddressFocusOut(event) {
        const groupId = event.currentTarget.dataset.group;
        if (leavesAddress(groupId, event.relatedTarget)) {
            this.handOverAddress(groupId);
        }
    }

    commitField(groupId, field, value) {
        if (SHIPPING_VALUE_FIELDS.includes(field)) {
            this.commitShippingValue(groupId, field, value);
        } else {
            this.editAddressPart(groupId, field, value);
        }
    }

    /** One part of an address changed: checked and shown at once, handed to the store with the others. */
    editAddressPart(groupId, field, value) {
        const group = shippingGroup(this.snapshot, groupId);
        if (!group) {
            return;
        }
        const { draft, errors } = editedAddress(this.addressOf(group), field, value, (part) =>
            addressPartKey(groupId, part)
        );
        this.drafts = this.drafts
            .setDrafts(addressDrafts(groupId, draft))
            .markHanded(addressPartKey(groupId, field), value);
        this.markTouched(groupId, field);
        this.setLocalErrors(errors);
        if (!this.unsentGroups.includes(groupId)) {
            this.unsentGroups = [...this.unsentGroups, groupId];
        }
    }

    /** The address as the shopper left it; the store validates it too and keeps an invalid one unsent. */
    handOverAddress(groupId) {
        if (!this.unsentGroups.includes(groupId)) {
            return;
        }
        this.unsentGroups = this.unsentGroups.filter((id) => id !== groupId);
        const group = shippingGroup(this.snapshot, groupId);
        if (group) {
            this.store.updateShipping(groupId, {
                deliveryAddress: toCheckoutAddress(this.addressOf(group))
            });
        }
    }

    commitShippingValue(groupId, field, value) {
        const key = groupKey(groupId, field);
        this.drafts = this.drafts.markHanded(key, value);
        this.markTouched(groupId, field);
        const message = checkShippingValue(field, value, this.settings);
        this.setLocalErrors({ [key]: message });
        // Too-long instructions still go (the store keeps them with its message); a date only when it is one.
        if (field === 'shippingInstructions' || (!message && value)) {
            this.store.updateShipping(groupId, { [field]: value });
        }
    }

    handleSavedAddressChange(event) {
        const { group: groupId } = event.target.dataset;
        const choice = chosenAddress(
            event.target.value,
            this.accountAddresses,
            this.defaultCountry
        );
        if (!choice) {
            return;
        }
        this.unsentGroups = this.unsentGroups.filter((id) => id !== groupId);
        if (choice.isNew) {
            // A new address starts empty rather than as a copy of the saved one still on the checkout. The store
            // hears of it at once: the previous address's delivery methods and totals no longer apply, and the
            // order waits for the new address.
            this.drafts = this.drafts.setDrafts(addressDrafts(groupId, choice.address));
            this.newAddressGroups = [...this.newAddressGroups, groupId];
        } else {
            this.newAddressGroups = this.newAddressGroups.filter((id) => id !== groupId);
            this.drafts = this.drafts.drop(...groupFieldKeys(groupId));
        }
        this.store.updateShipping(groupId, { deliveryAddress: choice.address });
    }

    handleShowMore(event) {
        const { group: groupId } = event.target.dataset;
        this.expandedGroups = this.expandedGroups.includes(groupId)
            ? this.expandedGroups.filter((id) => id !== groupId)
            : [...this.expandedGroups, groupId];
    }

    handleSubmit(event) {
        event.preventDefault();
        this.reportValidity();
    }

    /**
     * Checks every shown field of every group and shows all messages; with `focus` (the default) moves focus to
     * the first invalid field. Returns whether the form is valid.
     */
    @api
    reportValidity({ focus = true } = {}) {
        let errors = { ...this.localErrors };
        const touched = { ...this.touched };
        shippingGroups(this.snapshot).forEach((group) => {
            touched[group.id] = [...(touched[group.id] || []), '*'];
            const view = this.groupView(group, false);
            errors = {
                ...errors,
                ...groupErrors(group.id, {
                    address: view.showForm ? this.addressOf(group) : null,
                    date: view.date && view.date.value,
                    settings: this.settings
                })
            };
        });
        this.localErrors = errors;
        this.touched = touched;
        const valid = this.groups.every(isGroupValid);
        if (!valid && focus) {
            // Wait for the messages to render so aria-invalid is set before focusing.
            Promise.resolve().then(() => focusFirstInvalid(this.template));
        }
        return valid;
    }
}
