/**
 * `customFields` (sObject Attributes Input[]): the item shape, the 21-sObject limit, and each value by
 * field type.
 * Independent of the engine's checkoutValidation on purpose (DESIGN §5): two readings of one contract.
 */
import { invalidInput } from '../errors';
import { isCountryCode } from '../geography';
import type { CustomFieldDefinition, CustomFieldType } from '../scenarios';
import { EMAIL, isIsoDate, isIsoDateTime, PHONE, TIME, validateId } from './formats';
import { isObject, rejectUnknownKeys, requireObject, type Json, type JsonObject } from './json';

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
 * Validates `customFields`: the item shape, at most 21 sObjects (one WebCart, the rest CartDeliveryGroups),
 * each
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
