/**
 * The buyer's side: saved account addresses (paged, by type) and the session context (guest or signed in).
 */
import { ApiError, invalidInput, notFound } from '../errors';
import { sameId } from '../ids';
import { Random, deriveSeed, hashString } from '../random';
import type { Org } from './org';
import type { AddressOut, ApiResult, SavedAddress } from './records';

export function accountAddressesPage(
    org: Org,
    accountId: string,
    query: URLSearchParams
): ApiResult {
    if (org.scenario.isGuest) {
        throw new ApiError(403, 'FORBIDDEN', 'A guest shopper has no account addresses.');
    }
    if (!sameId(accountId, org.accountId))
        throw notFound(`Account "${accountId}" was not found or isn't accessible.`);
    const type = query.get('addressType');
    if (type !== null && type !== 'Shipping' && type !== 'Billing') {
        throw invalidInput('addressType must be Shipping or Billing.');
    }
    const pageSize = query.has('pageSize') ? Number(query.get('pageSize')) : 25;
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100)
        throw invalidInput('pageSize must be an integer from 1 to 100.');
    const token = query.get('pageToken');
    const start = token === null ? 0 : Number(token);
    if (!Number.isInteger(start) || start < 0)
        throw invalidInput(`pageToken "${token}" isn't valid.`);
    const all = org.accountAddresses.filter((a) => type === null || a.addressType === type);
    const page = all.slice(start, start + pageSize);
    return {
        status: 200,
        body: {
            count: page.length,
            currentPageToken: String(start),
            nextPageToken: start + pageSize < all.length ? String(start + pageSize) : null,
            items: page.map((a) => ({
                addressId: a.addressId,
                addressType: a.addressType,
                name: a.name,
                firstName: a.firstName ?? null,
                lastName: a.lastName ?? null,
                companyName: a.companyName ?? null,
                street: a.street,
                city: a.city,
                region: a.region ?? null,
                country: a.country,
                postalCode: a.postalCode ?? null,
                isDefault: a.isDefault
            }))
        }
    };
}

/**
 * A saved account address as a delivery address, by its id (`deliveryAddress: {id}`, as Salesforce's own
 * checkout sends a saved address). An id the buyer's account doesn't hold is a 400.
 */
export function savedAddressById(org: Org, id: string, what: string): AddressOut {
    const saved = org.accountAddresses.find((a) => sameId(a.addressId, id));
    if (!saved) throw invalidInput(`${what}.id "${id}" isn't one of the buyer's saved addresses.`);
    return savedAddressOut(saved);
}

export function savedAddressOut(saved: SavedAddress): AddressOut {
    return {
        id: saved.addressId,
        name: saved.name,
        firstName: saved.firstName,
        lastName: saved.lastName,
        companyName: saved.companyName,
        street: saved.street,
        city: saved.city,
        region: saved.region,
        postalCode: saved.postalCode,
        country: saved.country,
        isDefault: saved.isDefault
    };
}

export function sessionContext(org: Org): ApiResult {
    return {
        status: 200,
        body: org.scenario.isGuest
            ? { effectiveAccountId: null, isLoggedIn: false }
            : { effectiveAccountId: org.accountId, isLoggedIn: true }
    };
}

const CSRF_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * The session's CSRF token (what `@app/csrfToken` gives the page): one per reset, from the seed and the
 * scenario, so a seed replays the same one and another store gets another.
 */
export function csrfTokenFor(seed: number, scenario: string): string {
    const random = new Random(deriveSeed((seed ^ hashString(scenario)) >>> 0, 4));
    let token = '';
    for (let i = 0; i < 40; i++) token += CSRF_ALPHABET.charAt(random.index(CSRF_ALPHABET.length));
    return token;
}
