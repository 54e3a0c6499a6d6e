/** Structural validation of request bodies. Everything here is pure: it never touches state. */
import { invalidInput } from './errors';
import { isCountryCode, REGIONS } from './geography';
import type { CustomFieldDefinition, CustomFieldType } from './scenarios';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isObject(value: unknown): value is JsonObject {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function requireObject(value: unknown, what: string): JsonObject {
    if (!isObject(value)) throw invalidInput(`${what} must be a JSON object.`);
    return value;
}

export function rejectUnknownKeys(
    value: JsonObject,
    allowed: readonly string[],
    what: string
): void {
    for (const key of Object.keys(value)) {
        if (!allowed.includes(key)) {
            throw invalidInput(
                `Unrecognized field "${key}" in ${what}. Allowed: ${allowed.join(', ')}.`
            );
        }
    }
}

export function optionalString(
    obj: JsonObject,
    key: string,
    what: string,
    maxLength: number
): string | undefined {
    const value = obj[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') throw invalidInput(`${what}.${key} must be a string.`);
    if (value.length > maxLength)
        throw invalidInput(`${what}.${key} is longer than ${maxLength} characters.`);
    return value;
}

export function optionalBoolean(obj: JsonObject, key: string, what: string): boolean | undefined {
    const value = obj[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'boolean') throw invalidInput(`${what}.${key} must be true or false.`);
    return value;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Digits and the usual separators; `*` is allowed because the seed's examples mask digits with it. */
const PHONE = /^[0-9+()\-.\s*x]{3,40}$/;

export interface ContactInput {
    firstName?: string;
    lastName?: string;
    email?: string;
    phoneNumber?: string;
    isoCountryCodeForPhoneNumber?: string;
}

export function validateContactInfo(value: unknown): ContactInput {
    const what = 'contactInfo';
    const obj = requireObject(value, what);
    rejectUnknownKeys(
        obj,
        ['firstName', 'lastName', 'email', 'phoneNumber', 'isoCountryCodeForPhoneNumber'],
        what
    );
    const contact: ContactInput = {
        firstName: optionalString(obj, 'firstName', what, 40),
        lastName: optionalString(obj, 'lastName', what, 80),
        email: optionalString(obj, 'email', what, 80),
        phoneNumber: optionalString(obj, 'phoneNumber', what, 40),
        isoCountryCodeForPhoneNumber: optionalString(obj, 'isoCountryCodeForPhoneNumber', what, 2)
    };
    if (contact.email !== undefined && contact.email !== '' && !EMAIL.test(contact.email)) {
        throw invalidInput(`contactInfo.email "${contact.email}" is not a valid email address.`);
    }
    if (
        contact.phoneNumber !== undefined &&
        contact.phoneNumber !== '' &&
        !PHONE.test(contact.phoneNumber)
    ) {
        throw invalidInput(
            `contactInfo.phoneNumber "${contact.phoneNumber}" is not a valid phone number.`
        );
    }
    const iso = contact.isoCountryCodeForPhoneNumber;
    if (iso !== undefined && !isCountryCode(iso)) {
        throw invalidInput(
            `contactInfo.isoCountryCodeForPhoneNumber "${iso}" is not an ISO country code.`
        );
    }
    return stripUndefined(contact);
}

export interface AddressInput {
    name?: string;
    firstName?: string;
    lastName?: string;
    companyName?: string;
    street?: string;
    city?: string;
    region?: string;
    postalCode?: string;
    country?: string;
    shipToPhoneNumber?: string;
    isDefault?: boolean;
}

const POSTAL_CODES: Record<string, RegExp> = {
    US: /^\d{5}(-\d{4})?$/,
    CA: /^[A-Za-z]\d[A-Za-z] ?\d[A-Za-z]\d$/,
    GB: /^[A-Za-z]{1,2}\d[A-Za-z\d]? ?\d[A-Za-z]{2}$/,
    DE: /^\d{5}$/,
    FR: /^\d{5}$/,
    AU: /^\d{4}$/,
    JP: /^\d{3}-?\d{4}$/
};

/** The address fields every address input shares; `extra` adds what a particular input allows. */
export function validateAddress(
    value: unknown,
    what: string,
    options: { extraKeys?: string[]; required?: boolean; shipToPhone?: boolean } = {}
): AddressInput {
    const obj = requireObject(value, what);
    const keys = [
        'name',
        'firstName',
        'lastName',
        'companyName',
        'street',
        'city',
        'region',
        'postalCode',
        'country',
        'isDefault'
    ];
    if (options.shipToPhone !== false) keys.push('shipToPhoneNumber');
    rejectUnknownKeys(obj, [...keys, ...(options.extraKeys ?? [])], what);
    const address: AddressInput = {
        name: optionalString(obj, 'name', what, 255),
        firstName: optionalString(obj, 'firstName', what, 40),
        lastName: optionalString(obj, 'lastName', what, 80),
        companyName: optionalString(obj, 'companyName', what, 255),
        street: optionalString(obj, 'street', what, 255),
        city: optionalString(obj, 'city', what, 40),
        region: optionalString(obj, 'region', what, 80),
        postalCode: optionalString(obj, 'postalCode', what, 20),
        country: optionalString(obj, 'country', what, 80),
        shipToPhoneNumber: optionalString(obj, 'shipToPhoneNumber', what, 40),
        isDefault: optionalBoolean(obj, 'isDefault', what)
    };
    if (options.required !== false) {
        for (const key of ['name', 'street', 'country'] as const) {
            if (!address[key] || !address[key]?.trim())
                throw invalidInput(`${what}.${key} is required.`);
        }
    }
    if (address.country !== undefined) {
        if (!isCountryCode(address.country)) {
            throw invalidInput(
                `${what}.country "${address.country}" isn't an ISO country code in the State/Country picklist.`
            );
        }
        const regions = REGIONS[address.country];
        if (
            regions &&
            address.region !== undefined &&
            address.region !== '' &&
            !regions.has(address.region)
        ) {
            throw invalidInput(
                `${what}.region "${address.region}" isn't an ISO region code of ${address.country}.`
            );
        }
        const postal = POSTAL_CODES[address.country];
        if (
            postal &&
            address.postalCode !== undefined &&
            address.postalCode !== '' &&
            !postal.test(address.postalCode)
        ) {
            throw invalidInput(
                `${what}.postalCode "${address.postalCode}" isn't a valid postal code for ${address.country}.`
            );
        }
    }
    if (
        address.shipToPhoneNumber !== undefined &&
        !/^\+\d[\d\s().-]{3,38}$/.test(address.shipToPhoneNumber)
    ) {
        throw invalidInput(
            `${what}.shipToPhoneNumber must include a country code, e.g. +14155550123.`
        );
    }
    return stripUndefined(address);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
    /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/;
/** The documented time format is `HH:mm.ss.SSS[Z]`; the usual `HH:mm:ss.SSS[Z]` is accepted as well. */
const TIME = /^([01]\d|2[0-3]):([0-5]\d)[.:]([0-5]\d)(\.\d{1,3})?Z?$/;

function isRealDate(year: string, month: string, day: string): boolean {
    const d = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
    return (
        d.getUTCFullYear() === Number(year) &&
        d.getUTCMonth() === Number(month) - 1 &&
        d.getUTCDate() === Number(day)
    );
}

export function isIsoDate(value: string): boolean {
    const m = DATE.exec(value);
    return !!m && isRealDate(m[1], m[2], m[3]);
}

export function isIsoDateTime(value: string): boolean {
    const m = DATE_TIME.exec(value);
    return (
        !!m &&
        isRealDate(m[1], m[2], m[3]) &&
        Number(m[4]) < 24 &&
        Number(m[5]) < 60 &&
        Number(m[6]) < 60
    );
}

/** `desiredDeliveryDate`: a date or a date-time (the seed's example is a UTC date-time). */
export function validateDesiredDeliveryDate(value: unknown): string | null {
    if (value === null) return null;
    if (typeof value !== 'string') throw invalidInput('desiredDeliveryDate must be a string.');
    if (!isIsoDate(value) && !isIsoDateTime(value)) {
        throw invalidInput(
            `desiredDeliveryDate "${value}" must be yyyy-MM-dd or an ISO 8601 date-time.`
        );
    }
    return value;
}

export function validateShippingInstructions(value: unknown): string | null {
    if (value === null) return null;
    if (typeof value !== 'string') throw invalidInput('shippingInstructions must be a string.');
    if (value.length > 2000)
        throw invalidInput('shippingInstructions is longer than 2000 characters.');
    return value;
}

export function validateId(value: unknown, what: string): string {
    if (typeof value !== 'string' || value === '')
        throw invalidInput(`${what} must be a non-empty string.`);
    if (!/^[0-9A-Za-z]{15}([0-9A-Za-z]{3})?$/.test(value))
        throw invalidInput(`${what} "${value}" isn't a valid id.`);
    return value;
}

// ---------------------------------------------------------------------------------------------------------
// customFields (sObject Attributes Input[])
// ---------------------------------------------------------------------------------------------------------

/** The shipping fields and delivery method a checkout or delivery-group PATCH may change on a group. */
export interface GroupChangesInput {
    address?: AddressInput;
    date?: string | null;
    instructions?: string | null;
    methodId?: string;
}

/**
 * Validates the group fields of a PATCH body, in order: deliveryAddress, desiredDeliveryDate,
 * shippingInstructions, deliveryMethodId. An absent key stays undefined.
 */
export function validateGroupChanges(obj: JsonObject): GroupChangesInput {
    const address =
        obj.deliveryAddress !== undefined
            ? validateAddress(obj.deliveryAddress, 'deliveryAddress')
            : undefined;
    const date =
        obj.desiredDeliveryDate !== undefined
            ? validateDesiredDeliveryDate(obj.desiredDeliveryDate)
            : undefined;
    const instructions =
        obj.shippingInstructions !== undefined
            ? validateShippingInstructions(obj.shippingInstructions)
            : undefined;
    const methodId =
        obj.deliveryMethodId !== undefined
            ? validateId(obj.deliveryMethodId, 'deliveryMethodId')
            : undefined;
    return { address, date, instructions, methodId };
}

export type CustomFieldObjectType = 'WebCart' | 'CartDeliveryGroup';

export interface CustomFieldItem {
    type: CustomFieldObjectType;
    id?: string;
    values: Record<string, Json>;
}

export const MAX_CUSTOM_FIELD_OBJECTS = 21;

const GEOCODE_ACCURACY = new Set([
    'Address',
    'NearAddress',
    'Block',
    'Street',
    'ExtendedZip',
    'Zip',
    'Neighborhood',
    'City',
    'County',
    'State',
    'Unknown'
]);
/** Compound Address subfields that can be set; `state` and `country` are names the API refuses to set. */
const ADDRESS_SUBFIELDS = [
    'street',
    'city',
    'stateCode',
    'postalCode',
    'countryCode',
    'geocodeAccuracy',
    'latitude',
    'longitude'
];
const IGNORED_ADDRESS_SUBFIELDS = ['state', 'country'];

function checkLatitudeLongitude(obj: JsonObject, what: string, required: boolean): void {
    for (const [key, limit] of [
        ['latitude', 90],
        ['longitude', 180]
    ] as const) {
        const v = obj[key];
        if (v === undefined || v === null) {
            if (required) throw invalidInput(`${what}.${key} is required.`);
            continue;
        }
        if (typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v) > limit) {
            throw invalidInput(`${what}.${key} must be a number between -${limit} and ${limit}.`);
        }
    }
}

/** Validates one custom field value against its type; returns the value to store and any warnings. */
export function validateCustomFieldValue(
    def: CustomFieldDefinition,
    value: Json,
    what: string,
    warnings: string[]
): Json {
    if (value === null) return null;
    const type: CustomFieldType = def.type;
    const mustBeString = (): string => {
        if (typeof value !== 'string')
            throw invalidInput(`${what} is a ${type} field: its value must be a string.`);
        const max = def.length ?? (type === 'LongTextArea' ? 131072 : 255);
        if (value.length > max) throw invalidInput(`${what} is longer than ${max} characters.`);
        return value;
    };
    switch (type) {
        case 'Checkbox':
            if (typeof value !== 'boolean')
                throw invalidInput(`${what} is a Checkbox field: its value must be true or false.`);
            return value;
        case 'Number':
        case 'Percent':
        case 'Currency':
            if (typeof value !== 'number' || !Number.isFinite(value)) {
                throw invalidInput(`${what} is a ${type} field: its value must be a number.`);
            }
            return value;
        case 'Text':
        case 'TextArea':
        case 'LongTextArea':
            return mustBeString();
        case 'Email': {
            const s = mustBeString();
            if (s !== '' && !EMAIL.test(s))
                throw invalidInput(`${what} "${s}" is not a valid email address.`);
            return s;
        }
        case 'Phone': {
            const s = mustBeString();
            if (s !== '' && !PHONE.test(s))
                throw invalidInput(`${what} "${s}" is not a valid phone number.`);
            return s;
        }
        case 'Url': {
            const s = mustBeString();
            if (s !== '' && !/^(https?:\/\/)?[^\s/]+\.[^\s]+$/i.test(s))
                throw invalidInput(`${what} "${s}" is not a valid URL.`);
            return s;
        }
        case 'Date': {
            const s = mustBeString();
            if (!isIsoDate(s)) throw invalidInput(`${what} "${s}" must use the yyyy-MM-dd format.`);
            return s;
        }
        case 'DateTime': {
            const s = mustBeString();
            if (!/\.\d{3}(Z|[+-]\d{2}:\d{2})$/.test(s) || !isIsoDateTime(s)) {
                throw invalidInput(
                    `${what} "${s}" must use yyyy-MM-ddTHH:mm:ss.SSS+/-HH:mm or yyyy-MM-ddTHH:mm:ss.SSSZ.`
                );
            }
            return s;
        }
        case 'Time': {
            const s = mustBeString();
            if (!TIME.test(s))
                throw invalidInput(
                    `${what} "${s}" must use the HH:mm.ss.SSS or HH:mm.ss.SSSZ format.`
                );
            return s;
        }
        case 'Location': {
            const obj = requireObject(value, what);
            rejectUnknownKeys(obj, ['latitude', 'longitude'], what);
            checkLatitudeLongitude(obj, what, true);
            return obj;
        }
        case 'Address': {
            const obj = requireObject(value, what);
            rejectUnknownKeys(obj, [...ADDRESS_SUBFIELDS, ...IGNORED_ADDRESS_SUBFIELDS], what);
            const kept: JsonObject = {};
            for (const [key, sub] of Object.entries(obj)) {
                if (IGNORED_ADDRESS_SUBFIELDS.includes(key)) {
                    warnings.push(
                        `${what}.${key} was ignored: the ${key} name can't be set through customFields; use ${key}Code.`
                    );
                    continue;
                }
                if (key === 'latitude' || key === 'longitude') continue;
                if (sub !== null && typeof sub !== 'string')
                    throw invalidInput(`${what}.${key} must be a string.`);
                if (typeof sub === 'string' && sub.length > 255)
                    throw invalidInput(`${what}.${key} is too long.`);
                if (
                    key === 'geocodeAccuracy' &&
                    typeof sub === 'string' &&
                    !GEOCODE_ACCURACY.has(sub)
                ) {
                    throw invalidInput(
                        `${what}.geocodeAccuracy "${sub}" isn't a geocode accuracy value.`
                    );
                }
                if (key === 'countryCode' && typeof sub === 'string' && !isCountryCode(sub)) {
                    throw invalidInput(
                        `${what}.countryCode "${sub}" isn't an ISO country code in the State/Country picklist.`
                    );
                }
                kept[key] = sub;
            }
            checkLatitudeLongitude(obj, what, false);
            if (obj.latitude !== undefined) kept.latitude = obj.latitude;
            if (obj.longitude !== undefined) kept.longitude = obj.longitude;
            return kept;
        }
    }
}

/**
 * Validates `customFields`: the item shape, at most 21 sObjects (one WebCart, the rest CartDeliveryGroups), each
 * field defined for the object and valid for its type. Ids are checked later, against the checkout.
 */
export function validateCustomFields(
    value: unknown,
    definitions: Record<CustomFieldObjectType, Record<string, CustomFieldDefinition>>,
    warnings: string[]
): CustomFieldItem[] {
    if (!Array.isArray(value)) throw invalidInput('customFields must be an array of sObjects.');
    if (value.length === 0) throw invalidInput('customFields must contain at least one sObject.');
    if (value.length > MAX_CUSTOM_FIELD_OBJECTS) {
        throw invalidInput(
            `customFields has ${value.length} sObjects; at most ${MAX_CUSTOM_FIELD_OBJECTS} are allowed (one WebCart and CartDeliveryGroups).`
        );
    }
    const items: CustomFieldItem[] = [];
    value.forEach((raw, index) => {
        const what = `customFields[${index}]`;
        const obj = requireObject(raw, what);
        const attributes = obj.attributes;
        if (!isObject(attributes) || typeof attributes.type !== 'string') {
            throw invalidInput(
                `${what}.attributes.type is required (WebCart or CartDeliveryGroup).`
            );
        }
        rejectUnknownKeys(attributes, ['type', 'url'], `${what}.attributes`);
        const type = attributes.type;
        if (type !== 'WebCart' && type !== 'CartDeliveryGroup') {
            throw invalidInput(
                `${what}.attributes.type "${type}" isn't supported: use WebCart or CartDeliveryGroup.`
            );
        }
        let id: string | undefined;
        if (obj.Id !== undefined && obj.Id !== null) id = validateId(obj.Id, `${what}.Id`);
        const values: Record<string, Json> = {};
        for (const [field, fieldValue] of Object.entries(obj)) {
            if (field === 'attributes' || field === 'Id') continue;
            const def = definitions[type][field];
            if (!def) {
                throw invalidInput(
                    `${what}: ${type} has no custom field "${field}" the shopper can update.`
                );
            }
            values[field] = validateCustomFieldValue(def, fieldValue, `${what}.${field}`, warnings);
        }
        if (Object.keys(values).length === 0) throw invalidInput(`${what} sets no field.`);
        items.push({ type, id, values });
    });
    if (items.filter((i) => i.type === 'WebCart').length > 1) {
        throw invalidInput('customFields may contain only one WebCart sObject.');
    }
    return items;
}

function stripUndefined<T extends object>(value: T): T {
    for (const key of Object.keys(value) as (keyof T)[]) {
        if (value[key] === undefined) delete value[key];
    }
    return value;
}
