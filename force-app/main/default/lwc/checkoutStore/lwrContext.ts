/**
 * The LWR store context, in one small adapter: which webstore, under which site path, guest or signed in,
 * in which language, and the site's CSRF token for writes. Everything else in the engine receives these
 * values. Sources and how sure each one is: docs/contract-decisions.md ("The LWR context").
 */
// The LWR runtime's own module, as Salesforce's storefront components import it. Whether an org accepts it
// in a custom bundle at deploy is unconfirmed: if it refuses, delete this import and the `csrfToken` line
// below; writes then go out without the header, which a signed-in buyer's site may refuse.
import csrfToken from '@app/csrfToken';
import basePath from '@salesforce/community/basePath';
import language from '@salesforce/i18n/lang';
import isGuest from '@salesforce/user/isGuest';
import webstoreId from '@salesforce/webstore/Id';
import type { CheckoutTransport } from './types';

export interface LwrContext {
    basePath: string;
    webstoreId: string;
    isGuest: boolean;
    /** The shopper's language as Salesforce's checkout sends it (`en-US`). */
    language?: string;
    /** Sent as the `CSRF-Token` header on every write; absent, writes go without it. */
    csrfToken?: string;
}

export function lwrContext(): LwrContext {
    return {
        basePath: basePath ?? '',
        webstoreId,
        isGuest: Boolean(isGuest),
        language: language || undefined,
        csrfToken: typeof csrfToken === 'string' && csrfToken ? csrfToken : undefined
    };
}

/**
 * The effective account comes from the store's session context (what Salesforce's own commerce modules read):
 * `GET /commerce/webstores/{webstoreId}/session-context` → `{effectiveAccountId, isLoggedIn}`.
 */
export async function readSessionContext(
    transport: CheckoutTransport
): Promise<{ effectiveAccountId?: string | null; isGuest?: boolean }> {
    const response = await transport.connect('GET', '/session-context');
    const body = response.body as {
        effectiveAccountId?: string | null;
        isLoggedIn?: boolean;
    } | null;
    if (response.status !== 200 || !body) return {};
    return {
        effectiveAccountId: body.effectiveAccountId ?? null,
        isGuest: body.isLoggedIn === undefined ? undefined : !body.isLoggedIn
    };
}
