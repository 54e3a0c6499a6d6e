/**
 * Tabs of one browser on the same checkout. Each tab runs its own engine; the server is all they share. So
 * each tells the others (BroadcastChannel) what the shopper edited and when a save landed: a value a tab could
 * not save yet gives way to a newer one typed in another tab, and a tab reads the checkout again before it
 * places an order on a view another tab changed (its delivery method brought back if a recalculation there
 * reset it).
 */
import { isObject } from './answers';
import { applyMethodIntent } from './checkoutState';
import { changed, isIdle } from './context';
import type { EngineContext } from './context';
import { clearValidation } from './editLedger';
import { parseKey } from './fields';
import { restart } from './loading';
import { waitUntilReady } from './readiness';
import { isPaymentValues, takePaymentFromTab } from './payment';
import type { FieldKey, PaymentValues, TabChannel } from './types';

/** What one tab tells the others about `checkoutId`. */
interface TabNews {
    checkoutId: string;
    /** The shopper's newest values, as [field key, value]. */
    edited?: Array<[FieldKey, unknown]>;
    /** A write, payment or order of that tab landed. */
    saved?: true;
    /** The payment the shopper entered there. */
    payment?: PaymentValues;
}

export function openTabChannel(ctx: EngineContext): void {
    const tabs = ctx.options.tabs;
    if (!tabs) return;
    const channel = tabs.channel !== undefined ? tabs.channel : browserTabChannel(tabs.name);
    if (!channel) return;
    channel.onmessage = (event) => receive(ctx, event.data);
    ctx.tabChannel = channel;
}

function browserTabChannel(name: string): TabChannel | null {
    if (typeof BroadcastChannel !== 'function') return null;
    const channel = new BroadcastChannel(name);
    const tab: TabChannel = {
        onmessage: null,
        postMessage: (message) => channel.postMessage(message),
        close: () => channel.close()
    };
    channel.onmessage = (event) => tab.onmessage?.({ data: event.data });
    return tab;
}

export function closeTabChannel(ctx: EngineContext): void {
    ctx.tabChannel?.close();
    ctx.tabChannel = null;
}

export function tellTabs(ctx: EngineContext, news: Omit<TabNews, 'checkoutId'>): void {
    if (!ctx.tabChannel || !ctx.checkoutId) return;
    try {
        ctx.tabChannel.postMessage({ checkoutId: ctx.checkoutId, ...news });
    } catch {
        // A value the channel cannot clone, or a closed channel: the other tabs read it on their next read.
    }
}

function receive(ctx: EngineContext, news: unknown): void {
    if (ctx.disposed || !isObject(news)) return;
    // The shopper's newest value is newest on any checkout: the other tab may have restarted first.
    for (const entry of Array.isArray(news.edited) ? news.edited : []) {
        if (Array.isArray(entry) && typeof entry[0] === 'string')
            takeNewerEdit(ctx, entry[0], entry[1]);
    }
    if (isPaymentValues(news.payment)) takePaymentFromTab(ctx, news.payment);
    if (news.checkoutId !== ctx.checkoutId) return;
    ctx.otherTabSaved = true;
    changed(ctx);
    if (isIdle(ctx)) void catchUp(ctx);
}

/**
 * The other tab's value is the shopper's newest: this tab's unsent one gives way, and its method choice
 * follows. One this tab is still sending may land after the newer one, so the newer one goes after it.
 */
function takeNewerEdit(ctx: EngineContext, key: string, value: unknown): void {
    const parsed = parseKey(key as FieldKey);
    if (!parsed) return;
    ctx.heardEdits.set(key as FieldKey, value);
    const mine = ctx.edits.get(key as FieldKey);
    if (mine?.status === 'saving') {
        ctx.edits.set(key as FieldKey, { value, status: 'pending', revision: ++ctx.revision });
    } else if (mine) {
        ctx.edits.delete(key as FieldKey);
        clearValidation(ctx, key as FieldKey);
    }
    if (
        parsed.area === 'group' &&
        parsed.field === 'deliveryMethodId' &&
        typeof value === 'string'
    ) {
        ctx.methodIntent.set(parsed.groupId, value);
        ctx.keptMethods.delete(parsed.groupId);
    }
}

/**
 * Reads the checkout another tab changed (one read at a time; callers share it); the shopper's delivery methods
 * go again where it reset them.
 */
export function catchUp(ctx: EngineContext): Promise<void> {
    if (!ctx.catchingUp && ctx.otherTabSaved) {
        ctx.otherTabSaved = false;
        ctx.catchingUp = readAgain(ctx).finally(() => {
            ctx.catchingUp = null;
            changed(ctx);
        });
    }
    return ctx.catchingUp ?? Promise.resolve();
}

async function readAgain(ctx: EngineContext): Promise<void> {
    const readiness = await waitUntilReady(ctx, 'conflict');
    // Expired meanwhile: start again now, carrying what the shopper set, before the other tab orders without it.
    if (readiness === 'gone' && !(await restart(ctx))) return;
    if (readiness !== 'ready' && readiness !== 'calculator-error' && readiness !== 'gone') return;
    for (const groupId of ctx.methodIntent.keys()) applyMethodIntent(ctx, groupId);
    ctx.scheduleWrites();
}
