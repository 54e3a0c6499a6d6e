/**
 * The address form's view, free of the DOM and of component state: what each delivery group's section shows
 * (saved addresses, address fields, delivery date, instructions) and which message each field shows, named by its
 * field. The address fields themselves are c/checkoutAddressFields', shared with the billing address.
 */
import { addressPartKey, groupKey } from 'c/checkoutStore';
import {
    fieldMessage,
    fieldState,
    formatLabel,
    groupLegend,
    namedMessage,
    sameDestination,
    splitList
} from 'c/checkoutKitSupport';
import { TYPED_ADDRESS_FIELDS, addressFields } from 'c/checkoutAddressFields';
import ADDRESS_LEGEND from '@salesforce/label/c.CheckoutKit_AddressLegend';
import DELIVERY_DATE from '@salesforce/label/c.CheckoutKit_DeliveryDate';
import DELIVERY_DATE_OPTIONAL from '@salesforce/label/c.CheckoutKit_DeliveryDateOptional';
import DELIVERY_DATE_HINT from '@salesforce/label/c.CheckoutKit_DeliveryDateHint';
import INSTRUCTIONS_HINT from '@salesforce/label/c.CheckoutKit_ShippingInstructionsHint';
import { savedOptions, showMoreButton } from './savedAddresses';
import { shownAddress } from './addressValues';

function dateField({ groupId, groupName, value, message, required, min, max }) {
    const hintId = `date-hint-${groupId}`;
    const errorId = `date-error-${groupId}`;
    return {
        inputId: `date-${groupId}`,
        min,
        max,
        hintId,
        errorId,
        value: value ? String(value).slice(0, 10) : '',
        required: Boolean(required),
        label: required ? DELIVERY_DATE : DELIVERY_DATE_OPTIONAL,
        hint: DELIVERY_DATE_HINT,
        ...fieldState({
            message,
            label: DELIVERY_DATE,
            groupName,
            errorId,
            hintId,
            className: 'slds-form-element'
        })
    };
}

function instructionsField({ groupId, groupName, value, message, limit, label }) {
    const hintId = `instructions-hint-${groupId}`;
    const errorId = `instructions-error-${groupId}`;
    return {
        inputId: `instructions-${groupId}`,
        hintId,
        errorId,
        value,
        maxLength: limit,
        hint: formatLabel(INSTRUCTIONS_HINT, limit),
        ...fieldState({
            message,
            label,
            groupName,
            errorId,
            hintId,
            className: 'slds-form-element checkout-span'
        })
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
 * The message of a group's address as a whole: a failure of the address (the store could not save it), never a
 * repeat of what a part already says (the store names the part of an invalid address; the form shows it there).
 */
export function wholeAddressMessage(snapshot, key, left) {
    const parts = Object.keys((snapshot && snapshot.validation) || {});
    return parts.some((part) => part.startsWith(`${key}.`))
        ? ''
        : shownMessage(snapshot, key, { left });
}

/** Whether a group's section shows no message (the view `groupSection` built). */
export function isGroupValid(group) {
    return (
        !group.addressMessage &&
        group.fields.every((field) => !field.message) &&
        !(group.date && group.date.message) &&
        !(group.instructions && group.instructions.message)
    );
}

/** The Builder properties the view reads, normalized (`today` gives a yyyy-MM-dd date `days` from now). */
export function formSettings(properties, today) {
    return {
        countries: splitList(properties.allowedCountries),
        defaultCountry: properties.defaultCountry,
        showCompanyName: properties.showCompanyName,
        showDeliveryDate: properties.showDeliveryDate,
        requireDeliveryDate: properties.requireDeliveryDate,
        dateMin: today(Number(properties.deliveryDateMinDays) || 0),
        dateMax: today(Number(properties.deliveryDateMaxDays) || 365),
        showShippingInstructions: properties.showShippingInstructions,
        instructionsLimit: Number(properties.shippingInstructionsMaxLength) || 255,
        savedLimit: Math.max(1, Number(properties.savedAddressLimit) || 1)
    };
}

/**
 * One delivery group's section. `saved`: the account addresses offered; `settings`: the form's Builder settings;
 * `drafts`: the form's FieldDrafts; `choseNew`, `expanded`: the shopper's choices for this group;
 * `messageOf(field, key)`: the message a field shows; `instructionsLabel`: the instructions field's label.
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
    messageOf,
    instructionsLabel
}) {
    const matching = saved.find((item) => sameDestination(item, group.deliveryAddress || {}));
    // Buyers see their saved addresses; the form shows when none matches or they chose a new one.
    const showForm = saved.length === 0 || choseNew || !matching;
    const dateKey = groupKey(group.id, 'desiredDeliveryDate');
    const instructionsKey = groupKey(group.id, 'shippingInstructions');
    const legend = groupLegend(several, heading, ADDRESS_LEGEND, group);
    const groupName = several ? group.name || '' : undefined;
    const addressMessage = namedMessage(
        messageOf('address', groupKey(group.id, 'deliveryAddress')),
        legend.legend
    );
    const messages = {};
    TYPED_ADDRESS_FIELDS.forEach((field) => {
        messages[field] = messageOf(field, addressPartKey(group.id, field));
    });
    return {
        id: group.id,
        ...legend,
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
                  scopeId: group.id,
                  groupName,
                  autocompleteSection: `section-${group.id} shipping`,
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
                  groupName,
                  value: drafts.draftOf(dateKey) ?? group.desiredDeliveryDate ?? '',
                  message: messageOf('desiredDeliveryDate', dateKey),
                  required: settings.requireDeliveryDate,
                  min: settings.dateMin,
                  max: settings.dateMax
              })
            : null,
        instructions: settings.showShippingInstructions
            ? instructionsField({
                  groupId: group.id,
                  groupName,
                  label: instructionsLabel,
                  value: drafts.draftOf(instructionsKey) ?? group.shippingInstructions ?? '',
                  message: messageOf('shippingInstructions', instructionsKey),
                  limit: settings.instructionsLimit
              })
            : null
    };
}
