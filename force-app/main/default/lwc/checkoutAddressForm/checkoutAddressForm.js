import { LightningElement, api, wire } from 'lwc';
import { CheckoutStateAdapter, addressPartKey, getCheckoutStore, groupKey } from 'c/checkoutStore';
import {
    FieldDrafts,
    countryName,
    fieldMessage,
    focusFirstInvalid,
    formatDate,
    formatLabel,
    isLoading,
    isPlacingOrPlaced,
    isProcessing,
    sectionMessages,
    shippingGroups,
    splitList
} from 'c/checkoutKitSupport';
import {
    hasRegions,
    isIsoDate,
    isValidRegion,
    needsPostalCode,
    postalCodeExample,
    regionsOf,
    validateAddress
} from 'c/checkoutValidation';
import { isoDateFromToday } from './addressRules';
import HEADING from '@salesforce/label/c.CheckoutKit_AddressHeading';
import ADDRESS_LEGEND from '@salesforce/label/c.CheckoutKit_AddressLegend';
import SAVED_LEGEND from '@salesforce/label/c.CheckoutKit_SavedAddressesLegend';
import NEW_ADDRESS from '@salesforce/label/c.CheckoutKit_NewAddress';
import SHOW_MORE from '@salesforce/label/c.CheckoutKit_ShowMoreAddresses';
import SHOW_FEWER from '@salesforce/label/c.CheckoutKit_ShowFewerAddresses';
import DEFAULT_ADDRESS from '@salesforce/label/c.CheckoutKit_DefaultAddress';
import COUNTRY from '@salesforce/label/c.CheckoutKit_Country';
import FIRST_NAME from '@salesforce/label/c.CheckoutKit_FirstName';
import LAST_NAME from '@salesforce/label/c.CheckoutKit_LastName';
import COMPANY from '@salesforce/label/c.CheckoutKit_Company';
import STREET from '@salesforce/label/c.CheckoutKit_Street';
import CITY from '@salesforce/label/c.CheckoutKit_City';
import REGION from '@salesforce/label/c.CheckoutKit_Region';
import CHOOSE_REGION from '@salesforce/label/c.CheckoutKit_ChooseRegion';
import POSTAL_CODE from '@salesforce/label/c.CheckoutKit_PostalCode';
import POSTAL_HINT from '@salesforce/label/c.CheckoutKit_PostalCodeHint';
import DELIVERY_DATE from '@salesforce/label/c.CheckoutKit_DeliveryDate';
import DELIVERY_DATE_OPTIONAL from '@salesforce/label/c.CheckoutKit_DeliveryDateOptional';
import DELIVERY_DATE_HINT from '@salesforce/label/c.CheckoutKit_DeliveryDateHint';
import DELIVERY_DATE_RANGE from '@salesforce/label/c.CheckoutKit_DeliveryDateRange';
import INSTRUCTIONS from '@salesforce/label/c.CheckoutKit_ShippingInstructions';
import INSTRUCTIONS_HINT from '@salesforce/label/c.CheckoutKit_ShippingInstructionsHint';
import REQUIRED from '@salesforce/label/c.CheckoutKit_Required';
import REQUIRED_FIELD from '@salesforce/label/c.CheckoutKit_ValidationRequired';
import INVALID_DATE from '@salesforce/label/c.CheckoutKit_ValidationDate';
import TOO_LONG from '@salesforce/label/c.CheckoutKit_ValidationTooLong';
import SAVE from '@salesforce/label/c.CheckoutKit_Save';
import LOADING from '@salesforce/label/c.CheckoutKit_Loading';
import PROCESSING from '@salesforce/label/c.CheckoutKit_Processing';
import NO_SHIPPING from '@salesforce/label/c.CheckoutKit_NoShippingNeeded';

const ADDRESS_FIELDS = [
    'country',
    'firstName',
    'lastName',
    'companyName',
    'street',
    'city',
    'region',
    'postalCode'
];
const MATCH_FIELDS = ['street', 'city', 'region', 'postalCode', 'country'];
/** The group fields that are not part of the address: each is its own edit. */
const SHIPPING_VALUE_FIELDS = ['desiredDeliveryDate', 'shippingInstructions'];
const NEW_ADDRESS_VALUE = 'new';

function sameAddress(left, right) {
    return Boolean(
        left && right && MATCH_FIELDS.every((field) => (left[field] || '') === (right[field] || ''))
    );
}

/** The Checkout Address input the store takes for an account address or a draft. */
function toCheckoutAddress(address) {
    const result = {};
    ADDRESS_FIELDS.forEach((field) => {
        if (address[field]) {
            result[field] = address[field];
        }
    });
    const fullName = [address.firstName, address.lastName].filter(Boolean).join(' ');
    const name = fullName || address.name;
    if (name) {
        result.name = name;
    }
    return result;
}

/**
 * Shipping address, desired delivery date and shipping instructions, one section per delivery group that
 * ships. Signed-in buyers choose from their account addresses or enter a new one; guests enter one.
 * Every committed change goes to the checkout store, which keeps invalid values with their message.
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
    }

    disconnectedCallback() {
        this.connected = false;
    }

    /**
     * A <textarea> has no value attribute: its text is the `value` property, set here (as lightning-textarea
     * does) from the shopper's draft, else the store's. While the shopper types, the draft is what the field
     * already holds, so nothing is written over it.
     */
    renderedCallback() {
        this.template.querySelectorAll('textarea[data-group]').forEach((textarea) => {
            const value = this.instructionsValueOf(textarea.dataset.group);
            if (textarea.value !== value) {
                textarea.value = value;
            }
        });
    }

    instructionsValueOf(groupId) {
        const group = this.findGroup(groupId);
        return (
            this.drafts.draftOf(groupKey(groupId, 'shippingInstructions')) ??
            (group && group.shippingInstructions) ??
            ''
        );
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

    get countries() {
        return splitList(this.allowedCountries);
    }

    get accountAddresses() {
        return (this.snapshot && this.snapshot.accountAddresses) || [];
    }

    get statusMessages() {
        return sectionMessages(this.snapshot, ['shipping']).filter((item) => !item.groupId);
    }

    get dateMin() {
        return isoDateFromToday(Number(this.deliveryDateMinDays) || 0);
    }

    get dateMax() {
        return isoDateFromToday(Number(this.deliveryDateMaxDays) || 365);
    }

    get instructionsLimit() {
        return Number(this.shippingInstructionsMaxLength) || 255;
    }

    get groups() {
        const groups = shippingGroups(this.snapshot);
        const several = groups.length > 1;
        return groups.map((group) => this.groupView(group, several));
    }

    groupView(group, several) {
        const address = this.addressOf(group);
        const saved = this.showSavedAddresses ? this.accountAddresses : [];
        const matching = saved.find((item) => sameAddress(item, group.deliveryAddress || {}));
        // Buyers see their saved addresses; the form shows when none matches or they chose a new one.
        const showForm =
            saved.length === 0 || this.newAddressGroups.includes(group.id) || !matching;
        const chosenSaved = showForm ? null : matching;
        const addressKey = groupKey(group.id, 'deliveryAddress');
        const dateKey = groupKey(group.id, 'desiredDeliveryDate');
        const instructionsKey = groupKey(group.id, 'shippingInstructions');
        const dateValue = this.drafts.draftOf(dateKey) ?? group.desiredDeliveryDate ?? '';
        const instructionsValue =
            this.drafts.draftOf(instructionsKey) ?? group.shippingInstructions ?? '';
        const shownFields = [
            addressKey,
            dateKey,
            instructionsKey,
            ...ADDRESS_FIELDS.map((field) => addressPartKey(group.id, field))
        ];
        const addressMessage = this.visibleMessage(group.id, 'address', addressKey);
        return {
            id: group.id,
            several,
            legend: several ? formatLabel(ADDRESS_LEGEND, group.name || '') : this.heading,
            legendClass: several
                ? 'slds-form-element__legend checkout-subheading'
                : 'slds-form-element__legend slds-assistive-text',
            savedOptions: this.savedOptions(group, saved, chosenSaved, showForm),
            hasSaved: saved.length > 0,
            showMore: this.showMoreButton(group, saved),
            newAddressInputId: `new-address-${group.id}`,
            newAddressChecked: showForm,
            radioName: `saved-address-${group.id}`,
            showForm,
            fields: showForm ? this.addressFields(group, address) : [],
            addressMessage,
            addressErrorId: `address-error-${group.id}`,
            addressDescribedBy: addressMessage ? `address-error-${group.id}` : null,
            savedListId: `saved-list-${group.id}`,
            date: this.dateField(group, dateKey, dateValue),
            instructions: this.instructionsField(group, instructionsKey, instructionsValue),
            messages: sectionMessages(this.snapshot, ['shipping'], {
                groupId: group.id,
                shownFields
            })
        };
    }

    /** The address shown in the form: the store's (with pending edits) under the shopper's draft. */
    addressOf(group) {
        const base = group.deliveryAddress || {};
        const address = {};
        ADDRESS_FIELDS.forEach((field) => {
            const draft = this.drafts.draftOf(addressPartKey(group.id, field));
            address[field] = draft !== undefined ? draft : base[field] || '';
        });
        if (!address.country) {
            address.country = this.defaultCountry;
        }
        return address;
    }

    savedOptions(group, saved, chosenSaved, showForm) {
        const expanded = this.expandedGroups.includes(group.id);
        const limit = Math.max(1, Number(this.savedAddressLimit) || 1);
        return saved
            .filter((item, position) => expanded || position < limit || item === chosenSaved)
            .map((item) => ({
                id: item.addressId,
                inputId: `saved-${group.id}-${item.addressId}`,
                title: item.name || [item.firstName, item.lastName].filter(Boolean).join(' '),
                lines: [
                    item.companyName,
                    item.street,
                    [item.city, item.region, item.postalCode].filter(Boolean).join(', '),
                    countryName(item.country)
                ]
                    .filter(Boolean)
                    .join(' · '),
                isDefault: Boolean(item.isDefault),
                defaultLabel: DEFAULT_ADDRESS,
                checked: !showForm && item === chosenSaved
            }));
    }

    showMoreButton(group, saved) {
        const limit = Math.max(1, Number(this.savedAddressLimit) || 1);
        if (saved.length <= limit) {
            return null;
        }
        const expanded = this.expandedGroups.includes(group.id);
        return {
            expanded: expanded ? 'true' : 'false',
            label: expanded ? SHOW_FEWER : formatLabel(SHOW_MORE, saved.length - limit)
        };
    }

    addressFields(group, address) {
        const country = address.country;
        const regionPicker = hasRegions(country);
        const definitions = [
            {
                name: 'country',
                label: COUNTRY,
                isSelect: true,
                autocomplete: 'country',
                options: this.countries.map((code) => ({
                    value: code,
                    label: countryName(code),
                    selected: code === country
                })),
                required: true,
                wide: true
            },
            { name: 'firstName', label: FIRST_NAME, autocomplete: 'given-name', required: true },
            { name: 'lastName', label: LAST_NAME, autocomplete: 'family-name', required: true }
        ];
        if (this.showCompanyName) {
            definitions.push({ name: 'companyName', label: COMPANY, autocomplete: 'organization' });
        }
        definitions.push(
            {
                name: 'street',
                label: STREET,
                autocomplete: 'address-line1',
                required: true,
                wide: true
            },
            { name: 'city', label: CITY, autocomplete: 'address-level2', required: true }
        );
        if (regionPicker) {
            definitions.push({
                name: 'region',
                label: REGION,
                isSelect: true,
                autocomplete: 'address-level1',
                required: true,
                options: [
                    { value: '', label: CHOOSE_REGION, selected: !address.region },
                    ...regionsOf(country).map((region) => ({
                        value: region.code,
                        label: region.name,
                        selected: region.code === address.region
                    }))
                ]
            });
        } else {
            definitions.push({ name: 'region', label: REGION, autocomplete: 'address-level1' });
        }
        const example = postalCodeExample(country);
        definitions.push({
            name: 'postalCode',
            label: POSTAL_CODE,
            autocomplete: 'postal-code',
            required: needsPostalCode(country),
            hint: example ? formatLabel(POSTAL_HINT, example) : ''
        });
        const section = `section-${group.id} shipping`;
        return definitions.map((definition) => {
            const key = addressPartKey(group.id, definition.name);
            const message = this.visibleMessage(group.id, definition.name, key);
            const inputId = `${definition.name}-${group.id}`;
            const hintId = definition.hint ? `${definition.name}-hint-${group.id}` : null;
            const errorId = `${definition.name}-error-${group.id}`;
            return {
                ...definition,
                key: definition.name,
                isSelect: Boolean(definition.isSelect),
                required: Boolean(definition.required),
                autocomplete: `${section} ${definition.autocomplete}`,
                inputId,
                hintId,
                errorId,
                groupId: group.id,
                value: address[definition.name] || '',
                message,
                invalid: message ? 'true' : 'false',
                describedBy: [message ? errorId : null, hintId].filter(Boolean).join(' ') || null,
                className: `slds-form-element${message ? ' slds-has-error' : ''}${
                    definition.wide ? ' checkout-span' : ''
                }`
            };
        });
    }

    dateField(group, key, value) {
        if (!this.showDeliveryDate) {
            return null;
        }
        const message = this.visibleMessage(group.id, 'desiredDeliveryDate', key);
        const hintId = `date-hint-${group.id}`;
        const errorId = `date-error-${group.id}`;
        return {
            inputId: `date-${group.id}`,
            hintId,
            errorId,
            value: value ? String(value).slice(0, 10) : '',
            required: Boolean(this.requireDeliveryDate),
            label: this.requireDeliveryDate ? DELIVERY_DATE : DELIVERY_DATE_OPTIONAL,
            hint: DELIVERY_DATE_HINT,
            message,
            invalid: message ? 'true' : 'false',
            describedBy: message ? `${errorId} ${hintId}` : hintId,
            className: `slds-form-element${message ? ' slds-has-error' : ''}`
        };
    }

    instructionsField(group, key, value) {
        if (!this.showShippingInstructions) {
            return null;
        }
        const message = this.visibleMessage(group.id, 'shippingInstructions', key);
        const hintId = `instructions-hint-${group.id}`;
        const errorId = `instructions-error-${group.id}`;
        return {
            inputId: `instructions-${group.id}`,
            hintId,
            errorId,
            value,
            maxLength: this.instructionsLimit,
            hint: formatLabel(INSTRUCTIONS_HINT, this.instructionsLimit),
            message,
            invalid: message ? 'true' : 'false',
            describedBy: message ? `${errorId} ${hintId}` : hintId,
            className: `slds-form-element checkout-span${message ? ' slds-has-error' : ''}`
        };
    }

    /** A field's message once the shopper has left it (or submitted): this form's own, else the store's. */
    visibleMessage(groupId, field, storeKey) {
        const local = this.localErrors[storeKey];
        if (local) {
            return local;
        }
        const touched = this.touched[groupId] || [];
        const storeMessage = fieldMessage(this.snapshot, storeKey);
        const edit = this.snapshot && this.snapshot.edits && this.snapshot.edits[storeKey];
        const failed = edit && edit.status === 'failed';
        return storeMessage && (failed || touched.includes(field) || touched.includes('*'))
            ? storeMessage
            : '';
    }

    /**
     * What this form tells before the store answers: the fields it asks for (names, city, a listed region),
     * and the value judged by the engine's rules (c/checkoutValidation), so the two never disagree.
     */
    checkAddressField(field, address) {
        const value = String(address[field] || '').trim();
        const country = address.country;
        const required =
            ['country', 'firstName', 'lastName', 'street', 'city'].includes(field) ||
            (field === 'region' && hasRegions(country)) ||
            (field === 'postalCode' && needsPostalCode(country));
        if (!value) {
            return required ? REQUIRED_FIELD : '';
        }
        return validateAddress(toCheckoutAddress(address))[field] || '';
    }

    checkDate(value) {
        if (!value) {
            return this.requireDeliveryDate ? REQUIRED_FIELD : '';
        }
        if (!isIsoDate(value)) {
            return INVALID_DATE;
        }
        if (value < this.dateMin || value > this.dateMax) {
            return formatLabel(
                DELIVERY_DATE_RANGE,
                formatDate(this.dateMin),
                formatDate(this.dateMax)
            );
        }
        return '';
    }

    checkInstructions(value) {
        return value.length > this.instructionsLimit ? TOO_LONG : '';
    }

    markTouched(groupId, field) {
        const touched = this.touched[groupId] || [];
        if (!touched.includes(field)) {
            this.touched = { ...this.touched, [groupId]: [...touched, field] };
        }
    }

    setLocalError(key, message) {
        this.localErrors = { ...this.localErrors, [key]: message };
    }

    findGroup(groupId) {
        return shippingGroups(this.snapshot).find((group) => group.id === groupId);
    }

    /** The store's key of a group field: an address part, or the date or instructions. */
    fieldKey(groupId, field) {
        return SHIPPING_VALUE_FIELDS.includes(field)
            ? groupKey(groupId, field)
            : addressPartKey(groupId, field);
    }

    /** A group's address as drafts, one per part ('' where the address has none). */
    addressDrafts(groupId, address) {
        return Object.fromEntries(
            ADDRESS_FIELDS.map((field) => [addressPartKey(groupId, field), address[field] || ''])
        );
    }

    /**
     * A group's fields (address, delivery date, shipping instructions) carry data-group and data-field; one set of
     * handlers serves them all and hands a value to the field's commit.
     */
    handleFieldFocus(event) {
        const { group: groupId, field } = event.target.dataset;
        this.drafts = this.drafts.focus(this.fieldKey(groupId, field), event.target.value);
    }

    /** Every keystroke becomes the field's draft; the store gets the value when the field is left. */
    handleFieldInput(event) {
        const { group: groupId, field } = event.target.dataset;
        this.drafts = this.drafts.setDraft(this.fieldKey(groupId, field), event.target.value);
    }

    handleFieldBlur(event) {
        const { group: groupId, field } = event.target.dataset;
        this.drafts.handOverOnLeave(this.fieldKey(groupId, field), (value) =>
            this.commitField(groupId, field, value)
        );
    }

    handleFieldChange(event) {
        const { group: groupId, field } = event.target.dataset;
        this.commitField(groupId, field, event.target.value);
    }

    commitField(groupId, field, value) {
        if (SHIPPING_VALUE_FIELDS.includes(field)) {
            this.commitShippingValue(groupId, field, value);
        } else {
            this.commitAddressField(groupId, field, value);
        }
    }

    commitAddressField(groupId, field, value) {
        const group = this.findGroup(groupId);
        if (!group) {
            return;
        }
        const draft = { ...this.addressOf(group), [field]: value };
        // A region belongs to its country: keep it only when the new country lists it too.
        if (
            field === 'country' &&
            !(hasRegions(draft.country) && isValidRegion(draft.country, draft.region))
        ) {
            draft.region = '';
        }
        this.drafts = this.drafts
            .setDrafts(this.addressDrafts(groupId, draft))
            .markHanded(addressPartKey(groupId, field), value);
        this.markTouched(groupId, field);
        this.setLocalError(addressPartKey(groupId, field), this.checkAddressField(field, draft));
        if (field === 'country') {
            this.setLocalError(addressPartKey(groupId, 'region'), '');
            this.setLocalError(addressPartKey(groupId, 'postalCode'), '');
        }
        // The store validates too and keeps an invalid address unsent, so nothing typed is lost.
        this.store.updateShipping(groupId, { deliveryAddress: toCheckoutAddress(draft) });
    }

    handleSavedAddressChange(event) {
        const { group: groupId } = event.target.dataset;
        const value = event.target.value;
        if (value === NEW_ADDRESS_VALUE) {
            // A new address starts empty rather than as a copy of the saved one still on the checkout.
            this.drafts = this.drafts.setDrafts(
                this.addressDrafts(groupId, { country: this.defaultCountry })
            );
            this.newAddressGroups = [...this.newAddressGroups, groupId];
            return;
        }
        const saved = this.accountAddresses.find((item) => item.addressId === value);
        if (!saved) {
            return;
        }
        this.newAddressGroups = this.newAddressGroups.filter((id) => id !== groupId);
        this.drafts = this.drafts.drop(
            ...[...ADDRESS_FIELDS, ...SHIPPING_VALUE_FIELDS].map((field) =>
                this.fieldKey(groupId, field)
            )
        );
        this.store.updateShipping(groupId, { deliveryAddress: toCheckoutAddress(saved) });
    }

    handleShowMore(event) {
        const { group: groupId } = event.target.dataset;
        this.expandedGroups = this.expandedGroups.includes(groupId)
            ? this.expandedGroups.filter((id) => id !== groupId)
            : [...this.expandedGroups, groupId];
    }

    commitShippingValue(groupId, field, value) {
        const key = groupKey(groupId, field);
        this.drafts = this.drafts.markHanded(key, value);
        this.markTouched(groupId, field);
        const message =
            field === 'desiredDeliveryDate' ? this.checkDate(value) : this.checkInstructions(value);
        this.setLocalError(key, message);
        // Too-long instructions still go (the store keeps them with its message); a date only when it is one.
        if (field === 'shippingInstructions' || (!message && value)) {
            this.store.updateShipping(groupId, { [field]: value });
        }
    }

    handleSubmit(event) {
        event.preventDefault();
        this.reportValidity();
    }

    /** Checks every shown field of every group, shows all messages and focuses the first invalid field. */
    @api
    reportValidity() {
        const errors = { ...this.localErrors };
        const touched = { ...this.touched };
        shippingGroups(this.snapshot).forEach((group) => {
            touched[group.id] = [...(touched[group.id] || []), '*'];
            const view = this.groupView(group, false);
            if (view.showForm) {
                const address = this.addressOf(group);
                ADDRESS_FIELDS.forEach((field) => {
                    errors[addressPartKey(group.id, field)] = this.checkAddressField(
                        field,
                        address
                    );
                });
            }
            if (view.date) {
                errors[groupKey(group.id, 'desiredDeliveryDate')] = this.checkDate(view.date.value);
            }
        });
        this.localErrors = errors;
        this.touched = touched;
        const valid = this.groups.every(
            (group) =>
                !group.addressMessage &&
                group.fields.every((field) => !field.message) &&
                !(group.date && group.date.message) &&
                !(group.instructions && group.instructions.message)
        );
        if (!valid) {
            // Wait for the messages to render so aria-invalid is set before focusing.
            Promise.resolve().then(() => focusFirstInvalid(this.template));
        }
        return valid;
    }
}
