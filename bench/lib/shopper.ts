/**
 * What the scripted shopper types and picks. The engine run and both baselines use these same choices, so the
 * three strategies drive the emulator through identical checkout steps.
 */
import type {
    AccountAddress,
    CheckoutAddress,
    ContactInfo,
    DeliveryGroup,
    DeliveryMethod
} from '../../force-app/main/default/lwc/checkoutStore/types';

export const guestContact: ContactInfo = {
    firstName: 'Alan',
    lastName: 'Johnson',
    email: 'alan.johnson@example.com',
    phoneNumber: '+16175551212',
    isoCountryCodeForPhoneNumber: 'US'
};

export const guestAddress: CheckoutAddress = {
    name: 'Alan Johnson',
    firstName: 'Alan',
    lastName: 'Johnson',
    street: '415 Mission St',
    city: 'San Francisco',
    region: 'CA',
    postalCode: '94105',
    country: 'US'
};

/** Whether the scenario's shopper is a signed-in buyer (an account to act for) rather than a guest. */
export function isBuyerScenario(scenario: string, accountId: string | null): boolean {
    return accountId !== null && scenario !== 'd2c-guest';
}

/** The group the default checkout PATCH targets. */
export function defaultGroup<T extends DeliveryGroup>(groups: readonly T[]): T | undefined {
    return groups.find((group) => group.isDefault) ?? groups[0];
}

function fee(method: DeliveryMethod): number {
    return Number(method.adjustedShippingFee ?? method.shippingFee);
}

/**
 * The shopper picks the dearest method the server did not select (the server selects the cheapest), so that
 * choosing it is a real change that every strategy must write.
 */
export function chooseDeliveryMethod(
    group: DeliveryGroup,
    selectedId: string | null | undefined
): DeliveryMethod | undefined {
    const candidates = group.availableDeliveryMethods.filter((method) => method.id !== selectedId);
    return [...candidates].sort((a, b) => fee(b) - fee(a) || a.id.localeCompare(b.id))[0];
}

/** A signed-in buyer picks a saved address that is not the default, so the choice is a real change. */
export function chooseAccountAddress(
    addresses: readonly AccountAddress[]
): AccountAddress | undefined {
    return addresses.find((address) => !address.isDefault) ?? addresses[0];
}

/** The fields of a Checkout Address Input. */
export const ADDRESS_FIELDS = [
    'name',
    'firstName',
    'lastName',
    'street',
    'city',
    'region',
    'postalCode',
    'country'
] as const;

/** The Checkout Address Input for a saved address: its address fields, without empty ones. */
export function toCheckoutAddress(address: AccountAddress): CheckoutAddress {
    const result: CheckoutAddress = {};
    for (const field of ADDRESS_FIELDS) {
        const value = address[field];
        if (value !== undefined && value !== null && value !== '') result[field] = value;
    }
    return result;
}
