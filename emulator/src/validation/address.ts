/**
 * Address inputs (delivery, billing, start): lengths, required fields, country, region and postal codes.
 * Independent of the engine's checkoutValidation on purpose (DESIGN §5): two readings of one contract.
 */
import { invalidInput } from '../errors';
import { isCountryCode, REGIONS } from '../geography';
import {
    optionalBoolean,
    optionalString,
    rejectUnknownKeys,
    requireObject,
    stripUndefined
} from './json';

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
    // The docs list `name` as required, but Salesforce's own checkout sends new addresses without it.
    if (options.required !== false) {
        for (const key of ['street', 'country'] as const) {
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
