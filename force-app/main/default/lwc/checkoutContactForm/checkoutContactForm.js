import { LightningElement, api, wire } from 'lwc';
import { CheckoutStateAdapter, contactKey, getCheckoutStore } from 'c/checkoutStore';
import { validateContact } from 'c/checkoutValidation';
import {
    FieldDrafts,
    countryName,
    fieldMessage,
    fieldState,
    focusFirstInvalid,
    isLoading,
    isPlacingOrPlaced,
    isProcessing,
    sectionMessages,
    splitList
} from 'c/checkoutKitSupport';
import HEADING from '@salesforce/label/c.CheckoutKit_ContactHeading';
import FIRST_NAME from '@salesforce/label/c.CheckoutKit_FirstName';
import LAST_NAME from '@salesforce/label/c.CheckoutKit_LastName';
import EMAIL from '@salesforce/label/c.CheckoutKit_Email';
import PHONE from '@salesforce/label/c.CheckoutKit_Phone';
import PHONE_COUNTRY from '@salesforce/label/c.CheckoutKit_PhoneCountry';
import REQUIRED from '@salesforce/label/c.CheckoutKit_Required';
import REQUIRED_FIELD from '@salesforce/label/c.CheckoutKit_ValidationRequired';
import SAVE from '@salesforce/label/c.CheckoutKit_Save';
import LOADING from '@salesforce/label/c.CheckoutKit_Loading';
import PROCESSING from '@salesforce/label/c.CheckoutKit_Processing';
import SIGNED_IN_NOTE from '@salesforce/label/c.CheckoutKit_ContactManagedByAccount';

const OWNED_BY_PLATFORM = ['firstName', 'lastName', 'email'];

/**
 * Contact information for the checkout: first and last name, email and phone with its country.
 * Every committed change goes to the checkout store, which validates and saves it.
 */
export default class CheckoutContactForm extends LightningElement {
    /** Section heading; the Custom Label is used when empty. */
    @api headingLabel;
    @api showPhone = false;
    @api requirePhone = false;
    @api requireName = false;
    /** Signed-in buyers: name and email come from their account and are read-only. */
    @api buyerFieldsReadOnly = false;
    /** Comma-separated ISO country codes offered for the phone number. */
    @api phoneCountries = 'US,CA,GB,DE,FR,AU';
    @api defaultPhoneCountry = 'US';
    @api showSaveButton = false;
    @api saveButtonLabel;

    // The engine's own adapter: the lint list only knows the platform's adapters.
    @wire(CheckoutStateAdapter)
    snapshot;

    labels = {
        phoneCountry: PHONE_COUNTRY,
        required: REQUIRED,
        loading: LOADING,
        processing: PROCESSING,
        signedInNote: SIGNED_IN_NOTE
    };

    /** Errors found by this form (empty required fields); cleared field by field as they are fixed. */
    localErrors = {};

    /**
     * What the shopper is working on, by field name: from focus until the field is left, the field shows its
     * draft. Left fields show the snapshot again, which lays the store's pending edits over the server's.
     */
    drafts = new FieldDrafts();

    /** The page's store, looked up on use: the preview or a test may replace it after connect. */
    get store() {
        return getCheckoutStore();
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

    get contact() {
        return (this.snapshot && this.snapshot.contactInfo) || {};
    }

    get isSignedInBuyer() {
        return Boolean(this.snapshot && this.snapshot.isGuest === false);
    }

    get showSignedInNote() {
        return this.isSignedInBuyer && this.buyerFieldsReadOnly;
    }

    get fields() {
        const contact = this.contact;
        const definitions = [
            { name: 'firstName', label: FIRST_NAME, type: 'text', autocomplete: 'given-name' },
            { name: 'lastName', label: LAST_NAME, type: 'text', autocomplete: 'family-name' },
            { name: 'email', label: EMAIL, type: 'email', autocomplete: 'email', wide: true }
        ];
        if (this.showPhone) {
            definitions.push({
                name: 'phoneNumber',
                label: PHONE,
                type: 'tel',
                autocomplete: 'tel-national'
            });
        }
        return definitions.map((definition) => {
            const errorId = `contact-${definition.name}-error`;
            return {
                ...definition,
                inputId: `contact-${definition.name}`,
                errorId,
                value: this.valueOf(definition.name, contact),
                required: this.isRequired(definition.name),
                readOnly:
                    this.isSignedInBuyer &&
                    this.buyerFieldsReadOnly &&
                    OWNED_BY_PLATFORM.includes(definition.name),
                ...fieldState({
                    message: this.messageFor(definition.name),
                    errorId,
                    className: 'slds-form-element contact-field',
                    wide: definition.wide
                })
            };
        });
    }

    /** What a field shows: the shopper's draft while they work in it, else the snapshot's value. */
    valueOf(name, contact = this.contact) {
        const draft = this.drafts.draftOf(name);
        return draft !== undefined ? draft : contact[name] || '';
    }

    get phoneCountryOptions() {
        const selected = this.valueOf('isoCountryCodeForPhoneNumber') || this.defaultPhoneCountry;
        return splitList(this.phoneCountries).map((code) => ({
            value: code,
            label: countryName(code),
            selected: code === selected
        }));
    }

    get statusMessages() {
        return sectionMessages(this.snapshot, ['contact'], {
            shownFields: this.fields.map((field) => contactKey(field.name))
        });
    }

    isRequired(name) {
        if (name === 'email') {
            return true;
        }
        if (name === 'phoneNumber') {
            return this.requirePhone;
        }
        return this.requireName;
    }

    messageFor(name) {
        return this.localErrors[name] || fieldMessage(this.snapshot, contactKey(name));
    }

    /**
     * What this form tells before the store answers: its own required fields (an admin setting), and the
     * value checked by the engine's rules (c/checkoutValidation), so the form and the store never disagree.
     */
    checkField(name, value) {
        const text = (value || '').trim();
        if (!text) {
            return this.isRequired(name) ? REQUIRED_FIELD : '';
        }
        const values = { [name]: text };
        if (name === 'phoneNumber') {
            values.isoCountryCodeForPhoneNumber =
                this.valueOf('isoCountryCodeForPhoneNumber') || this.defaultPhoneCountry;
        }
        return validateContact(values)[contactKey(name)] || '';
    }

    handleFieldFocus(event) {
        this.drafts = this.drafts.hold(event.target.dataset.field, event.target.value);
    }

    /** Every keystroke: kept as the field's draft (handed to the store when the field is left). */
    handleFieldInput(event) {
        this.drafts = this.drafts.setDraft(event.target.dataset.field, event.target.value);
    }

    handleFieldChange(event) {
        this.commitField(event.target.dataset.field, event.target.value);
    }

    /** Leaving hands over whatever the store does not have yet (a change event may not have come), then the
     * field shows the snapshot again. */
    handleFieldBlur(event) {
        const name = event.target.dataset.field;
        this.drafts.handOverOnLeave(name, (draft) => this.commitField(name, draft));
        this.drafts = this.drafts.drop(name);
    }

    commitField(name, value) {
        this.drafts = this.drafts.markHanded(name, value);
        this.localErrors = { ...this.localErrors, [name]: this.checkField(name, value) };
        const values = { [name]: value.trim() };
        if (name === 'phoneNumber' && !this.contact.isoCountryCodeForPhoneNumber) {
            values.isoCountryCodeForPhoneNumber =
                this.drafts.draftOf('isoCountryCodeForPhoneNumber') || this.defaultPhoneCountry;
        }
        // Sent even when invalid: the store keeps the value with its message, so nothing typed is lost.
        this.store.updateContact(values);
    }

    handlePhoneCountryFocus(event) {
        this.drafts = this.drafts.hold('isoCountryCodeForPhoneNumber', event.target.value);
    }

    handlePhoneCountryChange(event) {
        this.drafts = this.drafts.setDraft('isoCountryCodeForPhoneNumber', event.target.value);
        this.store.updateContact({ isoCountryCodeForPhoneNumber: event.target.value });
    }

    handlePhoneCountryBlur() {
        this.drafts = this.drafts.drop('isoCountryCodeForPhoneNumber');
    }

    handleSubmit(event) {
        event.preventDefault();
        this.reportValidity();
    }

    /** Checks every field, shows the messages and moves focus to the first invalid field. */
    @api
    reportValidity() {
        const errors = {};
        this.template.querySelectorAll('input[data-field]').forEach((input) => {
            errors[input.dataset.field] = input.readOnly
                ? ''
                : this.checkField(input.dataset.field, input.value);
        });
        this.localErrors = errors;
        const valid = Object.values(errors).every((message) => !message);
        if (!valid) {
            // Wait for the messages to render so aria-invalid is set before focusing.
            Promise.resolve().then(() => focusFirstInvalid(this.template));
        }
        return valid && this.fields.every((field) => !field.message);
    }
}
