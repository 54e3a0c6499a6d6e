/**
 * `contactInfo`: names, email, phone and the phone's country.
 * Independent of the engine's checkoutValidation on purpose (DESIGN §5): two readings of one contract.
 */
import { invalidInput } from '../errors';
import { isCountryCode } from '../geography';
import { EMAIL, PHONE } from './formats';
import { optionalString, rejectUnknownKeys, requireObject, stripUndefined } from './json';

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
