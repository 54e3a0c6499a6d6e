/**
 * The production transport: Connect REST same-origin through the LWR site's `/webruntime/api` proxy, and
 * Apex through `@salesforce/apex`.
 *
 * Authentication: the request goes to the site's own origin with `credentials: 'same-origin'`, so the browser
 * sends the LWR session cookie (guest or authenticated site user) and the proxy runs the Connect REST call as
 * that user. Writes also carry the site's `CSRF-Token` header (from `@app/csrfToken`, see lwrContext.ts), as
 * Salesforce's own storefront components send it; a signed-in buyer's site refuses writes without it. This
 * same-origin path is how LWR stores reach Connect REST in
 * practice, not a documented contract: orgs that refuse it can supply another `CheckoutTransport` (e.g. one
 * whose `connect` calls an Apex proxy that does a Named Credential callout) — the engine only sees the
 * interface.
 */
import getSession from '@salesforce/apex/CheckoutSessionController.getSession';
import cpqCheckout from '@salesforce/apex/CpqCheckoutController.checkout';
import cpqCartSummary from '@salesforce/apex/CpqCheckoutController.getCartSummary';
import type { LwrContext } from './lwrContext';
import type {
    CheckoutSessionRecord,
    CheckoutTransport,
    CpqCartSummary,
    CpqSubmission,
    CpqSubmitRequest,
    HttpMethod,
    HttpResponse
} from './types';

/** The Connect REST version every call uses. */
export const API_VERSION = '66.0';

export function connectUrl(
    basePath: string,
    webstoreId: string,
    path: string,
    query?: Record<string, string>
): string {
    const search = query && Object.keys(query).length > 0 ? `?${new URLSearchParams(query)}` : '';
    return `${basePath}/webruntime/api/services/data/v${API_VERSION}/commerce/webstores/${webstoreId}${path}${search}`;
}

async function readBody(response: Response): Promise<unknown> {
    const text = await response.text();
    if (!text) return null;
    try {
        return JSON.parse(text);
    } catch {
        return text;
    }
}

export function createLwrTransport(
    context: Pick<LwrContext, 'basePath' | 'webstoreId' | 'csrfToken'>
): CheckoutTransport {
    return {
        async connect(
            method: HttpMethod,
            path: string,
            options: { query?: Record<string, string>; body?: unknown; signal?: AbortSignal } = {}
        ): Promise<HttpResponse> {
            const headers: Record<string, string> = {
                Accept: 'application/json',
                'Content-Type': 'application/json'
            };
            if (method !== 'GET' && context.csrfToken) headers['CSRF-Token'] = context.csrfToken;
            const init: RequestInit = { method, credentials: 'same-origin', headers };
            if (options.body !== undefined) init.body = JSON.stringify(options.body);
            if (options.signal) init.signal = options.signal;
            const response = await fetch(
                connectUrl(context.basePath, context.webstoreId, path, options.query),
                init
            );
            return { status: response.status, body: await readBody(response) };
        },
        async getSession(checkoutId: string): Promise<CheckoutSessionRecord | null> {
            return ((await getSession({ checkoutId })) as CheckoutSessionRecord | null) ?? null;
        },
        async submitCpq(request: CpqSubmitRequest): Promise<CpqSubmission> {
            return (await cpqCheckout({ cartId: request.cartId })) as CpqSubmission;
        },
        async getCpqCartSummary(request: CpqSubmitRequest): Promise<CpqCartSummary> {
            return (await cpqCartSummary({ cartId: request.cartId })) as CpqCartSummary;
        }
    };
}
