/**
 * The LWR store context, in one small adapter: which webstore, under which site path, guest or signed in,
 * and for which effective account. Everything else in the engine receives these values.
 */
import basePath from '@salesforce/community/basePath';
import isGuest from '@salesforce/user/isGuest';
import webstoreId from '@salesforce/webstore/Id';
import type { CheckoutTransport } from './types';

export interface LwrContext {
    basePath: string;
    webstoreId: string;
    isGuest: boolean;
}

export function lwrContext(): LwrContext {
    return { basePath: basePath ?? '', webstoreId, isGuest: Boolean(isGuest) };
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
