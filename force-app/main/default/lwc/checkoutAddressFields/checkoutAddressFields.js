/**
 * The country-aware address fields the shipping and billing forms share: which fields a country's address has,
 * in display order, with their labels, autocomplete tokens, hints and messages; what is required and how a value
 * is checked (addressPartChecks.js); and the address values (addressParts.js). Country, region and postal-code
 * data come from c/checkoutValidation, as the engine's rules do.
 */
import { countryName, fieldState, formatLabel } from 'c/checkoutKitSupport';
import { hasRegions, needsPostalCode, postalCodeExample, regionsOf } from 'c/checkoutValidation';
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

export {
    TYPED_ADDRESS_FIELDS,
    changedAddress,
    filledAddress,
    savedAddressText,
    toCheckoutAddress
} from './addressParts';
export { addressErrors, checkAddressField, editedAddress } from './addressPartChecks';

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

/**
 * The fields of the country's address in display order. `scopeId` makes the element ids unique on the page and
 * is what each field carries as `scopeId`; `autocompleteSection` scopes the browser's autofill (e.g.
 * `section-x shipping`); `messages` holds each field's shown message by its field (named with `groupName` where
 * several groups show).
 */
export function addressFields({
    scopeId,
    groupName,
    address,
    countries,
    showCompanyName,
    messages,
    autocompleteSection
}) {
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
    return definitions.map((definition) => {
        const hintId = definition.hint ? `${definition.name}-hint-${scopeId}` : null;
        const errorId = `${definition.name}-error-${scopeId}`;
        return {
            ...definition,
            key: definition.name,
            isSelect: Boolean(definition.isSelect),
            required: Boolean(definition.required),
            autocomplete: `${autocompleteSection} ${definition.autocomplete}`,
            inputId: `${definition.name}-${scopeId}`,
            hintId,
            errorId,
            scopeId,
            value: address[definition.name] || '',
            ...fieldState({
                message: messages[definition.name] || '',
                label: definition.label,
                groupName,
                errorId,
                hintId,
                className: 'slds-form-element',
                wide: definition.wide
            })
        };
    });
}
