/**
 * Connect REST routing under `…/commerce/webstores/{webstoreId}` (both the `/services/data` and the LWR
 * `/webruntime/api` prefixes), and the Industries CPQ Apex REST resource. Checks version, webstore, language
 * and effective account, then hands the request to the org. The storefront's other query parameters
 * (`asGuest`, `htmlEncode`) are accepted and recorded, never required.
 */
import { ApiError, invalidInput, notFound } from '../errors';
import { sameId } from '../ids';
import type { ApiResult, OrgModel } from '../model';

export const MIN_API_VERSION = 55;
export const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Connect REST under a webstore (either prefix): what a storefront page calls through the site. */
export function isConnectPath(path: string): boolean {
    return path.includes('/commerce/webstores/');
}
const LANGUAGE = /^[a-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/;

export function dispatchConnect(
    model: OrgModel,
    path: string,
    method: string,
    query: URLSearchParams,
    body: unknown
): ApiResult {
    const local = path.replace(/^(\/[^/]+)*?\/webruntime\/api(?=\/services\/)/, '');
    const cpqMatch =
        /^\/services\/apexrest\/([^/]+)\/v2\/cpq\/carts\/([^/]+)\/items\/checkout$/.exec(local);
    if (cpqMatch) {
        const [, namespace, cartId] = cpqMatch;
        if (method === 'GET') return model.cpqSummary(namespace, cartId, local);
        if (method === 'POST') return model.cpqCheckout(namespace, cartId, body);
        throw new ApiError(
            405,
            'METHOD_NOT_ALLOWED',
            `${method} isn't supported on the CPQ checkout resource.`
        );
    }
    const m = /^\/services\/data\/v?(\d+)\.(\d+)\/commerce\/webstores\/([^/]+)(\/.*)?$/.exec(local);
    if (!m) throw notFound(`The requested resource does not exist: ${path}`);
    const version = Number(`${m[1]}.${m[2]}`);
    if (version < MIN_API_VERSION)
        throw notFound(
            `The Commerce checkout resources aren't available in API version ${m[1]}.${m[2]}.`
        );
    if (!sameId(m[3], model.webstoreId)) {
        throw notFound(`Webstore "${m[3]}" was not found.`);
    }
    const language = query.get('language');
    if (language !== null && !LANGUAGE.test(language))
        throw invalidInput(`language "${language}" isn't a valid locale, e.g. en-US.`);
    const effectiveAccountId = query.get('effectiveAccountId') ?? undefined;
    model.checkEffectiveAccount(effectiveAccountId);
    const rest = m[4] ?? '';
    const segments = rest.split('/').filter(Boolean).map(decodeURIComponent);
    const allow = (...methods: string[]): void => {
        if (!methods.includes(method))
            throw new ApiError(
                405,
                'METHOD_NOT_ALLOWED',
                `${method} isn't supported on ${rest}. Use ${methods.join(', ')}.`
            );
    };
    if (segments[0] === 'checkouts') {
        if (segments.length === 1) {
            allow('POST', 'PUT');
            if (method === 'PUT' && version < 57)
                throw new ApiError(
                    405,
                    'METHOD_NOT_ALLOWED',
                    'PUT on checkouts is available from API version 57.0.'
                );
            return model.startCheckout(body, version);
        }
        const id = segments[1];
        if (segments.length === 2) {
            allow('GET', 'PATCH', 'DELETE');
            if (method === 'GET') return model.getCheckout(id);
            // Salesforce's own storefront code notes that `active` answers 400 here: writes name the id.
            if (id === 'active')
                throw invalidInput(
                    `${method} needs the checkout id in the path; "active" is for reading only.`
                );
            if (method === 'PATCH') return model.patchCheckout(id, body, version);
            return model.deleteCheckout(id);
        }
        if (segments.length === 3 && segments[2] === 'payments') {
            allow('POST');
            return model.postPayment(id, body);
        }
        if (segments.length === 3 && segments[2] === 'orders') {
            allow('POST');
            return model.placeOrder(id, body);
        }
    }
    if (segments[0] === 'accounts' && segments.length === 3 && segments[2] === 'addresses') {
        allow('GET');
        return model.accountAddressesPage(segments[1], query);
    }
    if (segments[0] === 'session-context' && segments.length === 1) {
        allow('GET');
        return model.sessionContext();
    }
    if (segments[0] === 'carts' && segments.length === 4 && segments[2] === 'delivery-groups') {
        allow('GET', 'PATCH');
        if (method === 'GET') return model.getDeliveryGroup(segments[1], segments[3]);
        return model.patchDeliveryGroup(segments[1], segments[3], body);
    }
    throw notFound(`The requested resource does not exist: ${path}`);
}
