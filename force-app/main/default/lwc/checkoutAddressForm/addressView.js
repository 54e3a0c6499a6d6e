/**
 * The address form's view logic, free of the DOM and of component state: the store's keys of its fields, the
 * address it shows and sends, and what each delivery group's section shows (saved addresses, address fields,
 * delivery date, instructions). Country, region and postal-code data come from c/checkoutValidation.
 */
import { ADDRESS_FIELDS, addressPartKey, groupKey } from 'c/checkoutStore';
import {
    countryName,
    fieldMessage,
    fieldState,
    formatLabel,
    groupLegend,
    sameDestination
} from 'c/checkoutKitSupport';
import {
    hasRegions,
    isValidRegion,
    needsPostalCode,
    postalCodeExample,
    regionsOf
} from 'c/checkoutValidation';
import ADDRESS_LEGEND from '@salesforce/label/c.CheckoutKit_AddressLegend';
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
import DEFAULT_ADDRESS from '@salesforce/label/c.CheckoutKit_DefaultAddress';
import SHOW_MORE from '@salesforce/label/c.CheckoutKit_ShowMoreAddresses';
import SHOW_FEWER from '@salesforce/label/c.CheckoutKit_ShowFewerAddresses';
import DELIVERY_DATE from '@salesforce/label/c.CheckoutKit_DeliveryDate';
import DELIVERY_DATE_OPTIONAL from '@salesforce/label/c.CheckoutKit_DeliveryDateOptional';
import DELIVERY_DATE_HINT from '@salesforce/label/c.CheckoutKit_DeliveryDateHint';
import INSTRUCTIONS_HINT from '@salesforce/label/c.CheckoutKit_ShippingInstructionsHint';

/** The address parts the shopper types: the engine's, but the name (made from first and last name) and phone. */
export const TYPED_ADDRESS_FIELDS = ADDRESS_FIELDS.filter(
    (field) => field !== 'name' && field !== 'shipToPhoneNumber'
);
/** The group values beside the address: each is an edit of its own. */
export const SHIPPING_VALUE_FIELDS = ['desiredDeliveryDate', 'shippingInstructions'];

/** The store's key of a field of the form: an address part, the delivery date or the instructions. */
export function fieldKey(groupId, field) {
    return SHIPPING_VALUE_FIELDS.includes(field)
        ? groupKey(groupId, field)
        : addressPartKey(groupId, field);
}

/** The keys of every field of a group's section. */
export function groupFieldKeys(groupId) {
    return [...TYPED_ADDRESS_FIELDS, ...SHIPPING_VALUE_FIELDS].map((field) =>
        fieldKey(groupId, field)
    );
}

/** An address as drafts of a group's address parts ('' where it has none). */
export function addressDrafts(groupId, address) {
    return Object.fromEntries(
        TYPED_ADDRESS_FIELDS.map((field) => [addressPartKey(groupId, field), address[field] || ''])
    );
}

/** The address the form shows: the store's (with pending edits) under the shopper's drafts. */
export function shownAddress(group, drafts, defaultCountry) {
    const base = group.deliveryAddress || {};
    const address = {};
    TYPED_ADDRESS_FIELDS.forEach((field) => {
        const draft = drafts.draftOf(addressPartKey(group.id, field));
        address[field] = draft !== undefined ? draft : base[field] || '';
    });
    if (!address.country) {
        address.country = defaultCountry;
    }
    return address;
}

/** The address after the shopper changed one part: a region stays only when the new country lists it. */
export function changedAddress(address, field, value) {
    const changed = { ...address, [field]: value };
    if (
        field === 'country' &&
        !(hasRegions(changed.country) && isValidRegion(changed.country, changed.region))
    ) {
        changed.region = '';
    }
    return changed;
}

/**
 * The address handed to the store for a draft or a saved address: its typed parts, named by first and last name
 * (else its own name). Not the engine's addressInput, which would also send a saved address's ship-to phone.
 */
export function toCheckoutAddress(address) {
    const result = {};
    TYPED_ADDRESS_FIELDS.forEach((field) => {
        if (address[field]) {
            result[field] = address[field];
        }
    });
    const name = [address.firstName, address.lastName].filter(Boolean).join(' ') || address.name;
    if (name) {
        result.name = name;
    }
    return result;
}

/** A saved account address's one-line title and details. */
function savedAddressText(item) {
    return {
        title: item.name || [item.firstName, item.lastName].filter(Boolean).join(' '),
        lines: [
            item.companyName,
            item.street,
            [item.city, item.region, item.postalCode].filter(Boolean).join(', '),
            countryName(item.country)
        ]
            .filter(Boolean)
            .join(' · ')
    };
}

/** The saved addresses listed for a group: the first `limit`, every one when expanded, and the chosen one. */
function savedOptions({ groupId, saved, chosen, showForm, expanded, limit }) {
    return saved
        .filter((item, position) => expanded || position < limit || item === chosen)
        .map((item) => ({
            id: item.addressId,
            inputId: `saved-${groupId}-${item.addressId}`,
            ...savedAddressText(item),
            isDefault: Boolean(item.isDefault),
            defaultLabel: DEFAULT_ADDRESS,
            checked: !showForm && item === chosen
        }));
}

/** The "show more / show fewer" button, when more addresses are saved than listed. */
function showMoreButton({ savedCount, expanded, limit }) {
    if (savedCount <= limit) {
        return null;
    }
    return {
        expanded: expanded ? 'true' : 'false',
        label: expanded ? SHOW_FEWER : formatLabel(SHOW_MORE, savedCount - limit)
    };
}

function regionField(country, region) {
    if (!hasRegions(country)) {
        return { name: 'region', label: REGION, autocomplete: 'address-level1' };
    }
    return {
        name: 'region',
        label: REGION,
        isSelect: true,
        autocomplete: 'address-level1',
        required: true,
        options: [
            { value: '', label: CHOOSE_REGION, selected: !region },
            ...regionsOf(country).map((option) => ({
                value: option.code,
                label: option.name,
                selected: option.code === region
            }))
        ]
    };
}

/** The fields of the country's address in display order; `messages` holds each field's shown message. */
function addressFields({ groupId, address, countries, showCompanyName, messages }) {
    const country = address.country;
    const example = postalCodeExample(country);
    const definitions = [
        {
            name: 'country',
            label: COUNTRY,
            isSelect: true,
            autocomplete: 'country',
            options: countries.map((code) => ({
                value: code,
                label: countryName(code),
                selected: code === country
            })),
            required: true,
            wide: true
        },
        { name: 'firstName', label: FIRST_NAME, autocomplete: 'given-name', required: true },
        { name: 'lastName', label: LAST_NAME, autocomplete: 'family-name', required: true },
        showCompanyName && { name: 'companyName', label: COMPANY, autocomplete: 'organization' },
        {
            name: 'street',
            label: STREET,
            autocomplete: 'address-line1',
            required: true,
            wide: true
        },
        { name: 'city', label: CITY, autocomplete: 'address-level2', required: true },
        regionField(country, address.region),
        {
            name: 'postalCode',
            label: POSTAL_CODE,
            autocomplete: 'postal-code',
            required: needsPostalCode(country),
            hint: example ? formatLabel(POSTAL_HINT, example) : ''
        }
    ].filter(Boolean);
    const section = `section-${groupId} shipping`;
    return definitions.map((definition) => {
        const hintId = definition.hint ? `${definition.name}-hint-${groupId}` : null;
        const errorId = `${definition.name}-error-${groupId}`;
        return {
            ...definition,
            key: definition.name,
            isSelect: Boolean(definition.isSelect),
            required: Boolean(definition.required),
            autocomplete: `${section} ${definition.autocomplete}`,
            inputId: `${definition.name}-${groupId}`,
            hintId,
            errorId,
            groupId,
            value: address[definition.name] || '',
            ...fieldState({
                message: messages[definition.name] || '',
                errorId,
                hintId,
                className: 'slds-form-element',
                wide: definition.wide
            })
        };
    });
}

function dateField({ groupId, value, message, required }) {
    const hintId = `date-hint-${groupId}`;
    const errorId = `date-error-${groupId}`;
    return {
        inputId: `date-${groupId}`,
        hintId,
        errorId,
        value: value ? String(value).slice(0, 10) : '',
        required: Boolean(required),
        label: required ? DELIVERY_DATE : DELIVERY_DATE_OPTIONAL,
        hint: DELIVERY_DATE_HINT,
        ...fieldState({ message, errorId, hintId, className: 'slds-form-element' })
    };
}

function instructionsField({ groupId, value, message, limit }) {
    const hintId = `instructions-hint-${groupId}`;
    const errorId = `instructions-error-${groupId}`;
    return {
        inputId: `instructions-${groupId}`,
        hintId,
        errorId,
        value,
        maxLength: limit,
        hint: formatLabel(INSTRUCTIONS_HINT, limit),
        ...fieldState({ message, errorId, hintId, className: 'slds-form-element checkout-span' })
    };
}

/**
 * A field's message: the form's own (`local`), else the store's once the shopper has left the field (`left`;
 * every field on submit) or its edit failed.
 */
export function shownMessage(snapshot, key, { local, left }) {
    if (local) {
        return local;
    }
    const storeMessage = fieldMessage(snapshot, key);
    const edit = snapshot && snapshot.edits && snapshot.edits[key];
    return storeMessage && ((edit && edit.status === 'failed') || left) ? storeMessage : '';
}

/**
 * One delivery group's section. `saved`: the account addresses offered; `settings`: the form's Builder settings;
 * `drafts`: the form's FieldDrafts; `choseNew`, `expanded`: the shopper's choices for this group;
 * `messageOf(field, key)`: the message a field shows.
 */
export function groupSection({
    group,
    several,
    heading,
    saved,
    settings,
    drafts,
    choseNew,
    expanded,
    messageOf
}) {
    const matching = saved.find((item) => sameDestination(item, group.deliveryAddress || {}));
    // Buyers see their saved addresses; the form shows when none matches or they chose a new one.
    const showForm = saved.length === 0 || choseNew || !matching;
    const dateKey = groupKey(group.id, 'desiredDeliveryDate');
    const instructionsKey = groupKey(group.id, 'shippingInstructions');
    const addressMessage = messageOf('address', groupKey(group.id, 'deliveryAddress'));
    const messages = {};
    TYPED_ADDRESS_FIELDS.forEach((field) => {
        messages[field] = messageOf(field, addressPartKey(group.id, field));
    });
    return {
        id: group.id,
        ...groupLegend(several, heading, ADDRESS_LEGEND, group),
        savedOptions: savedOptions({
            groupId: group.id,
            saved,
            chosen: showForm ? null : matching,
            showForm,
            expanded,
            limit: settings.savedLimit
        }),
        hasSaved: saved.length > 0,
        showMore: showMoreButton({
            savedCount: saved.length,
            expanded,
            limit: settings.savedLimit
        }),
        newAddressInputId: `new-address-${group.id}`,
        newAddressChecked: showForm,
        radioName: `saved-address-${group.id}`,
        showForm,
        fields: showForm
            ? addressFields({
                  groupId: group.id,
                  address: shownAddress(group, drafts, settings.defaultCountry),
                  countries: settings.countries,
                  showCompanyName: settings.showCompanyName,
                  messages
              })
            : [],
        addressMessage,
        addressErrorId: `address-error-${group.id}`,
        addressDescribedBy: addressMessage ? `address-error-${group.id}` : null,
        savedListId: `saved-list-${group.id}`,
        date: settings.showDeliveryDate
            ? dateField({
                  groupId: group.id,
                  value: drafts.draftOf(dateKey) ?? group.desiredDeliveryDate ?? '',
                  message: messageOf('desiredDeliveryDate', dateKey),
                  required: settings.requireDeliveryDate
              })
            : null,
        instructions: settings.showShippingInstructions
            ? instructionsField({
                  groupId: group.id,
                  value: drafts.draftOf(instructionsKey) ?? group.shippingInstructions ?? '',
                  message: messageOf('shippingInstructions', instructionsKey),
                  limit: settings.instructionsLimit
              })
            : null
    };
}
