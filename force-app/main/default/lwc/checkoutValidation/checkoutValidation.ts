/**
 * `c/checkoutValidation`: the one validation of Checkout Kit. The engine judges every value with these pure
 * functions (its snapshot's `validation` is the authority); a form that checks a field locally calls the same
 * functions, so a value is judged the same everywhere. Messages come from Custom Labels.
 */
import { isIsoCountry, isValidPostalCode, isValidRegion, needsPostalCode } from './countries';
import { validationLabels as labels } from './labels';
import { phoneProblem } from './phoneNumbers';

export {
    hasRegions,
    isIsoCountry,
    isValidPostalCode,
    isValidRegion,
    needsPostalCode,
    postalCodeExample,
    regionsOf
} from './countries';
export type { Region } from './countries';
export { validationLabels } from './labels';
export { phoneCountriesOf, phoneProblem } from './phoneNumbers';
export type { PhoneProblem } from './phoneNumbers';

/** Names one editable value, e.g. `contact.email` (the engine's FieldKey). */
export type FieldKey = string;
export type ValidationResult = Record<FieldKey, string>;

/**
 * The longest value the platform stores for each field a shopper types, from Salesforce's Field Reference
 * (developer.salesforce.com/docs/platform/field-reference). A longer value is kept on screen with its limit
 * said and never sent. Where the checkout stores a value twice, the shorter field decides:
 * - contact: the order's contact (Contact FirstName 40, LastName 80, Email 80, Phone 40; the platform refuses
 *   "contactInfo.firstName is longer than 40 characters.");
 * - address: CartDeliveryGroup DeliverToCity 40, DeliverToState 80, DeliverToPostalCode 20, DeliverToCountry 80,
 *   DeliverToStreet 255 (textarea), DeliverToName 255, CompanyName 255; its DeliverToFirstName and
 *   DeliverToLastName hold 255, but the order's OrderDeliveryGroup DeliverToFullFirstName holds 40 and
 *   DeliverToFullLastName 80; the ship-to phone is a Phone field (40);
 * - shipping instructions: CartDeliveryGroup ShippingInstructions; the Field Reference pages we could read do
 *   not give its length, so 255, a standard textarea's, which is also the admin's maximum;
 * - custom fields, by type: see TEXT_LIMITS below.
 */
export const FIELD_LIMITS = {
    contact: { firstName: 40, lastName: 80, email: 80, phoneNumber: 40 },
    address: {
        name: 255,
        firstName: 40,
        lastName: 80,
        companyName: 255,
        street: 255,
        city: 40,
        region: 80,
        postalCode: 20,
        country: 80,
        shipToPhoneNumber: 40
    },
    shippingInstructions: 255
} as const;

/** The contact fields checked (the engine's ContactInfo fits). */
export interface ContactValues {
    firstName?: string;
    lastName?: string;
    email?: string;
    phoneNumber?: string;
    isoCountryCodeForPhoneNumber?: string;
}

/** The address fields checked (the engine's CheckoutAddress fits). */
export interface AddressValues {
    name?: string;
    firstName?: string;
    lastName?: string;
    street?: string;
    city?: string;
    companyName?: string;
    region?: string;
    postalCode?: string;
    country?: string;
    shipToPhoneNumber?: string;
}

/** The custom-field types the checkout PATCH accepts (contract §1.4), plus DateTime and Time. */
export type CustomFieldType =
    | 'Checkbox'
    | 'Currency'
    | 'Date'
    | 'DateTime'
    | 'Time'
    | 'Email'
    | 'Number'
    | 'Percent'
    | 'Phone'
    | 'Text'
    | 'TextArea'
    | 'LongTextArea'
    | 'Url'
    | 'Address'
    | 'Location';

const EMAIL =
    /^[^\s@"(),:;<>[\]\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

export function isValidEmail(value: string): boolean {
    return EMAIL.test(value);
}

/** A phone number its country accepts: national with its ISO country, or international (`+`, calling code). */
export function isValidPhone(value: string, isoCountry?: string): boolean {
    return phoneProblem(value, isoCountry) === null;
}

/** "Use {0} characters or fewer.": the limit said, so the shopper knows how much to cut. */
export function tooLongMessage(limit: number): string {
    return labels.validationTooLong.replace('{0}', String(limit));
}

/** The too-long message of each field in `values` longer than its limit, keyed by `key(field)`. */
function lengthErrors(
    values: object,
    limits: Record<string, number>,
    key: (field: string) => string
): ValidationResult {
    const errors: ValidationResult = {};
    for (const [field, limit] of Object.entries(limits)) {
        const value = (values as Record<string, unknown>)[field];
        if (typeof value === 'string' && value.length > limit) {
            errors[key(field)] = tooLongMessage(limit);
        }
    }
    return errors;
}

const PHONE_MESSAGES = {
    invalid: labels.validationPhone,
    'other-country': labels.validationPhoneOtherCountry
} as const;

function isBlank(value: unknown): boolean {
    return value === undefined || value === null || (typeof value === 'string' && !value.trim());
}

/**
 * Checks the contact fields present in `values`; keys are `contact.{field}`. A value over its platform limit says
 * the limit; a phone number must agree with its country (phoneNumbers.ts).
 */
export function validateContact(values: ContactValues): ValidationResult {
    const errors = lengthErrors(values, FIELD_LIMITS.contact, (field) => `contact.${field}`);
    const has = (key: keyof ContactValues): boolean => key in values && !errors[`contact.${key}`];
    if (has('lastName') && isBlank(values.lastName)) {
        errors['contact.lastName'] = labels.validationRequired;
    }
    if (has('email')) {
        const email = (values.email ?? '').trim();
        if (!email) errors['contact.email'] = labels.validationRequired;
        else if (!isValidEmail(email)) errors['contact.email'] = labels.validationEmail;
    }
    const iso = values.isoCountryCodeForPhoneNumber;
    if (has('isoCountryCodeForPhoneNumber') && !isBlank(iso) && !isIsoCountry(iso)) {
        errors['contact.isoCountryCodeForPhoneNumber'] = labels.validationPhoneCountry;
    }
    if (has('phoneNumber') && !isBlank(values.phoneNumber)) {
        const problem = phoneProblem(String(values.phoneNumber), iso);
        if (problem === 'needs-country') {
            errors['contact.isoCountryCodeForPhoneNumber'] = labels.validationPhoneCountry;
        } else if (problem) {
            errors['contact.phoneNumber'] = PHONE_MESSAGES[problem];
        }
    }
    return errors;
}

/**
 * Checks a shipping address: name, street and an ISO country are required; region and postal code are
 * checked against the country; every part against its platform limit (said first: it is what to fix). Keys
 * are the address property names, prefixed with `prefix.` when given.
 */
export function validateAddress(address: AddressValues, prefix = ''): ValidationResult {
    const key = (field: string): string => (prefix ? `${prefix}.${field}` : field);
    const errors = lengthErrors(address, FIELD_LIMITS.address, key);
    const set = (field: string, message: string): void => {
        errors[key(field)] ??= message;
    };
    for (const field of ['name', 'street'] as const) {
        if (isBlank(address[field])) set(field, labels.validationRequired);
    }
    const country = address.country;
    if (isBlank(country)) set('country', labels.validationRequired);
    else if (!isIsoCountry(country)) set('country', labels.validationCountry);
    const validCountry = !isBlank(country) && isIsoCountry(country);
    if (!isBlank(address.region) && validCountry) {
        if (!isValidRegion(country as string, String(address.region))) {
            set('region', labels.validationRegion);
        }
    }
    if (validCountry) {
        const postal = (address.postalCode ?? '').trim();
        if (!postal && needsPostalCode(country)) set('postalCode', labels.validationRequired);
        else if (postal && !isValidPostalCode(country as string, postal)) {
            set('postalCode', labels.validationPostalCode);
        }
    }
    if (!isBlank(address.shipToPhoneNumber) && !isValidPhone(String(address.shipToPhoneNumber))) {
        set('shipToPhoneNumber', labels.validationPhone);
    }
    return errors;
}

/**
 * Checks a delivery group's desired delivery date (a date the browser can read) and shipping instructions (255
 * characters at most); undefined when the value may be sent.
 */
export function validateShippingDetail(
    field: 'desiredDeliveryDate' | 'shippingInstructions',
    value: string | null | undefined
): string | undefined {
    if (field === 'desiredDeliveryDate')
        return value && Number.isNaN(Date.parse(value)) ? labels.validationDate : undefined;
    const limit = FIELD_LIMITS.shippingInstructions;
    return typeof value === 'string' && value.length > limit ? tooLongMessage(limit) : undefined;
}

/**
 * Custom fields by type, the most each type can hold (an admin may define a Text field shorter than 255): Text
 * and Text Area 255, Long Text Area 131,072, Email 80, Phone 40, URL 255 (Salesforce Help, "Custom Field
 * Types").
 */
const TEXT_LIMITS: Partial<Record<CustomFieldType, number>> = {
    Text: 255,
    TextArea: 255,
    LongTextArea: 131072,
    Email: 80,
    Phone: 40,
    Url: 255
};
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{3}(Z|[+-](\d{2}):(\d{2}))$/;
// The documented time format is `HH:mm.ss.SSS[Z]`; `HH:mm:ss.SSS[Z]` is accepted too.
const TIME = /^(\d{2}):(\d{2})[.:](\d{2})\.\d{3}Z?$/;
const URL_LIKE = /^(https?:\/\/)?[^\s/?#.]+(\.[^\s/?#.]+)+([/?#]\S*)?$/i;

/** True for a real calendar date written yyyy-MM-dd. */
export function isIsoDate(value: unknown): boolean {
    if (typeof value !== 'string') return false;
    const match = DATE.exec(value);
    if (!match) return false;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    return (
        date.getUTCFullYear() === year &&
        date.getUTCMonth() === month - 1 &&
        date.getUTCDate() === day
    );
}

function isClock(hours: string, minutes: string, seconds: string): boolean {
    return Number(hours) < 24 && Number(minutes) < 60 && Number(seconds) < 60;
}

function isFiniteNumber(value: unknown): value is number {
    return typeof value === 'number' && Number.isFinite(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLocation(value: unknown): boolean {
    if (!isPlainObject(value)) return false;
    const { latitude, longitude } = value;
    return (
        isFiniteNumber(latitude) &&
        isFiniteNumber(longitude) &&
        Math.abs(latitude) <= 90 &&
        Math.abs(longitude) <= 180
    );
}

function addressFieldMessage(value: unknown): string | null {
    if (!isPlainObject(value)) return labels.validationText;
    // The API can't set an Address field's country or state names: only the codes.
    if ('country' in value || 'state' in value) return labels.validationAddressCodes;
    const { countryCode, stateCode, latitude, longitude } = value;
    if (countryCode !== undefined && countryCode !== null && !isIsoCountry(countryCode)) {
        return labels.validationCountry;
    }
    if (stateCode !== undefined && stateCode !== null) {
        if (typeof stateCode !== 'string' || !/^[A-Z0-9]{1,3}(_[A-Z0-9]{1,3})?$/.test(stateCode)) {
            return labels.validationRegion;
        }
    }
    if (latitude !== undefined || longitude !== undefined) {
        if (!isLocation({ latitude, longitude })) return labels.validationLocation;
    }
    return null;
}

/** Guesses a type for a field the store was not told about, from the shape of its value. */
export function inferCustomFieldType(value: unknown): CustomFieldType {
    if (typeof value === 'boolean') return 'Checkbox';
    if (typeof value === 'number') return 'Number';
    if (isPlainObject(value)) {
        const keys = Object.keys(value);
        return keys.every((key) => key === 'latitude' || key === 'longitude')
            ? 'Location'
            : 'Address';
    }
    return 'LongTextArea';
}

/** The labelled message for a custom-field value of `type`, or null when it is valid. `null` clears a field. */
export function customFieldMessage(type: CustomFieldType, value: unknown): string | null {
    if (value === null) return null;
    const limit = TEXT_LIMITS[type];
    if (limit !== undefined && typeof value === 'string' && value.length > limit) {
        return tooLongMessage(limit);
    }
    switch (type) {
        case 'Checkbox':
            return typeof value === 'boolean' ? null : labels.validationCheckbox;
        case 'Currency':
        case 'Number':
        case 'Percent':
            return isFiniteNumber(value) ? null : labels.validationNumber;
        case 'Date':
            return typeof value === 'string' && isIsoDate(value) ? null : labels.validationDate;
        case 'DateTime': {
            const match = typeof value === 'string' ? DATE_TIME.exec(value) : null;
            const valid =
                match !== null &&
                isIsoDate(match[1]) &&
                isClock(match[2], match[3], match[4]) &&
                (match[5] === 'Z' || (Number(match[6]) <= 14 && Number(match[7]) < 60));
            return valid ? null : labels.validationDateTime;
        }
        case 'Time': {
            const match = typeof value === 'string' ? TIME.exec(value) : null;
            return match && isClock(match[1], match[2], match[3]) ? null : labels.validationTime;
        }
        case 'Email':
            return typeof value === 'string' && isValidEmail(value) ? null : labels.validationEmail;
        case 'Phone':
            return typeof value === 'string' && /^\+?[0-9 ().-]{4,40}$/.test(value)
                ? null
                : labels.validationPhone;
        case 'Url':
            return typeof value === 'string' && URL_LIKE.test(value) ? null : labels.validationUrl;
        case 'Text':
        case 'TextArea':
        case 'LongTextArea':
            return typeof value === 'string' ? null : labels.validationText;
        case 'Address':
            return addressFieldMessage(value);
        case 'Location':
            return isLocation(value) ? null : labels.validationLocation;
        default:
            return labels.validationUnsupportedField;
    }
}

/** Checks one custom field; the result is keyed by `fieldKey`, empty when the value is valid. */
export function validateCustomField(
    fieldKey: FieldKey,
    type: CustomFieldType,
    value: unknown
): ValidationResult {
    const message = customFieldMessage(type, value);
    return message ? { [fieldKey]: message } : {};
}
