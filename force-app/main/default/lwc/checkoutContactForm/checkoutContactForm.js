import { LightningElement, api, wire } from 'lwc';
import { CheckoutStateAdapter, contactKey, getCheckoutStore } from 'c/checkoutStore';
import { phoneCountriesOf, validateContact } from 'c/checkoutValidation';
import {
    FieldDrafts,
    countryName,
    fieldMessage,
    fieldState,
    focusFirstInvalid,
    isLoading,
    isPlacingOrPlaced,
    isProcessing,
    registerForm,
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

    connectedCallback() {
        // Place Order asks the page's forms to show what is missing (c/checkoutKitSupport attention).
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
                    label: definition.label,
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

    /** The phone country shown: the shopper's choice, else the saved one, else the admin's default. */
    get phoneCountry() {
        return this.valueOf('isoCountryCodeForPhoneNumber') || this.defaultPhoneCountry;
    }

    get phoneCountryOptions() {
        const selected = this.phoneCountry;
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
     * A phone number is checked with `phoneCountry`.
     */
    checkField(name, value, phoneCountry = this.phoneCountry) {
        const text = (value || '').trim();
        if (!text) {
            return this.isRequired(name) ? REQUIRED_FIELD : '';
        }
        const values = { [name]: text };
        if (name === 'phoneNumber') {
            values.isoCountryCodeForPhoneNumber = phoneCountry;
        }
        return validateContact(values)[contactKey(name)] || '';
    }

    /**
     * The country to send with a phone number, when it should change: an international number of another
     * country sets that country where the admin offers it (else the store says the two disagree); a national
     * number with no country saved yet takes the one shown.
     */
    phoneCountryFor(phoneNumber) {
        const shown = this.phoneCountry;
        const countries = phoneCountriesOf(phoneNumber);
        if (countries.length > 0 && !countries.includes(shown)) {
            return countries.find((code) => splitList(this.phoneCountries).includes(code));
        }
        return this.contact.isoCountryCodeForPhoneNumber ? undefined : shown;
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
        const values = { [name]: value.trim() };
        const country =
            name === 'phoneNumber' ? this.phoneCountryFor(values.phoneNumber) : undefined;
        if (country) {
            values.isoCountryCodeForPhoneNumber = country;
        }
        this.localErrors = {
            ...this.localErrors,
            [name]: this.checkField(name, value, country)
        };
        // Sent even when invalid: the store keeps the value with its message, so nothing typed is lost.
        this.store.updateContact(values);
    }

    handlePhoneCountryFocus(event) {
        this.drafts = this.drafts.hold('isoCountryCodeForPhoneNumber', event.target.value);
    }

    /** The number is read with its country: a new country checks it again. */
    handlePhoneCountryChange(event) {
        const country = event.target.value;
        this.drafts = this.drafts.setDraft('isoCountryCodeForPhoneNumber', country);
        if (this.localErrors.phoneNumber) {
            this.localErrors = {
                ...this.localErrors,
                phoneNumber: this.checkField('phoneNumber', this.valueOf('phoneNumber'), country)
            };
        }
        this.store.updateContact({ isoCountryCodeForPhoneNumber: country });
    }

    handlePhoneCountryBlur() {
        this.drafts = this.drafts.drop('isoCountryCodeForPhoneNumber');
    }

    handleSubmit(event) {
        event.preventDefault();
        this.reportValidity();
    }

    /**
     * Checks every field and shows the messages; with `focus` (the default) moves focus to the first invalid
     * field. Returns whether the form is valid.
     */
    @api
    reportValidity({ focus = true } = {}) {
        const errors = {};
        this.template.querySelectorAll('input[data-field]').forEach((input) => {
            errors[input.dataset.field] = input.readOnly
                ? ''
                : this.checkField(input.dataset.field, input.value);
        });
        this.localErrors = errors;
        const valid =
            Object.values(errors).every((message) => !message) &&
            this.fields.every((field) => !field.message);
        if (!valid && focus) {
            // Wait for the messages to render so aria-invalid is set before focusing.
            Promise.resolve().then(() => focusFirstInvalid(this.template));
        }
        return valid;
    }
}
