/**
 * The delivery-group fields of a PATCH body: address, desired delivery date, instructions, delivery method.
 * Independent of the engine's checkoutValidation on purpose (DESIGN §5): two readings of one contract.
 */
import { invalidInput } from '../errors';
import { validateAddress, type AddressInput } from './address';
import { isIsoDate, isIsoDateTime, validateId } from './formats';
import { isObject, type JsonObject } from './json';

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

/** The shipping fields and delivery method a checkout or delivery-group PATCH may change on a group. */
export interface GroupChangesInput {
    address?: AddressInput;
    /** `deliveryAddress: {id}`: one of the buyer's saved addresses, resolved against the org by the caller. */
    savedAddressId?: string;
    date?: string | null;
    instructions?: string | null;
    methodId?: string;
}

/**
 * Validates the group fields of a PATCH body, in order: deliveryAddress, desiredDeliveryDate,
 * shippingInstructions, deliveryMethodId. An absent key stays undefined.
 */
export function validateGroupChanges(obj: JsonObject): GroupChangesInput {
    const given = obj.deliveryAddress;
    const savedAddressId =
        isObject(given) && 'id' in given ? validateSavedAddress(given) : undefined;
    const address =
        given !== undefined && savedAddressId === undefined
            ? validateAddress(given, 'deliveryAddress')
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
    return { address, savedAddressId, date, instructions, methodId };
}

/** `{id}` names a saved address; fields beside it would be ambiguous (which wins?), so they are refused. */
function validateSavedAddress(value: JsonObject): string {
    if (Object.keys(value).length > 1)
        throw invalidInput(
            'deliveryAddress takes either {id} of a saved address or the address fields, not both.'
        );
    return validateId(value.id, 'deliveryAddress.id');
}
