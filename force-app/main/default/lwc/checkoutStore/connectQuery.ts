import type { EngineContext } from './context';

/**
 * The query every Connect call carries, as Salesforce's own checkout sends it: the shopper's language, guest or
 * not, unencoded text, and the effective account on checkout calls (not on the account's addresses).
 */
export function connectQuery(ctx: EngineContext, withAccount: boolean): Record<string, string> {
    const query: Record<string, string> = {};
    if (ctx.options.language) query.language = ctx.options.language;
    query.asGuest = String(ctx.isGuest);
    query.htmlEncode = 'false';
    if (withAccount && ctx.effectiveAccountId) query.effectiveAccountId = ctx.effectiveAccountId;
    return query;
}
