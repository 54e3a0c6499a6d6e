/**
 * What the shopper entered that the checkout does not hold yet outlives a reload of the tab
 * (`StoreOptions.unsavedEdits`): signing in again after the site session ended reloads the page, and the values
 * refused meanwhile would be gone with it. They are kept in the tab's sessionStorage, per webstore, with what the
 * checkout held when they were entered, and come back at the next load as pending edits, unless the checkout
 * holds another value by then (another tab set it: the newer value stays). The payment comes back too, saved or
 * not: the form shows it again and it goes again. Storage may be missing or throw on any access: then nothing is
 * kept. What is read is checked, and ignored unless it passes.
 */
import {
    applyMethodIntent,
    defaultGroupOf,
    dropEditsMatchingServer,
    serverValue
} from './checkoutState';
import { keyOnCheckout } from './carryOver';
import { changed } from './context';
import type { EngineContext } from './context';
import { parseKey, sameForKey } from './fields';
import { isPaymentValues, updatePayment } from './payment';
import type { FieldKey, PaymentValues, StoreOptions } from './types';

type Option = NonNullable<StoreOptions['unsavedEdits']>;

/**
 * [field key, value, what the checkout held then]; without the third when no checkout was loaded yet. A method's
 * value is `name:<its name>`.
 */
type KeptEdit = [FieldKey, unknown, unknown?];

interface Kept {
    /** Empty when entered before any checkout loaded: restored as onto another checkout. */
    checkoutId: string;
    /** The default delivery group then: its edits move to the default group of another checkout. */
    groupId?: string;
    edits: KeptEdit[];
    payment?: PaymentValues;
}

type Place = { storage: NonNullable<Option['storage']>; key: string };

/** Part of the key: a version that stores another shape never reads this one's entries, nor they its. */
const VERSION = 1;
/** Per store: the text last written; absent while what the last page kept waits for the first start. */
const written = new WeakMap<EngineContext, string>();

function placeOf(ctx: EngineContext): Place | null {
    const option = ctx.options.unsavedEdits;
    if (!option) return null;
    try {
        // Reading `sessionStorage` itself throws where storage is blocked.
        const storage = option.storage === undefined ? sessionStorage : option.storage;
        return storage
            ? { storage, key: `checkoutKit.unsavedEdits.v${VERSION}.${option.webstoreId}` }
            : null;
    } catch {
        return null;
    }
}

function readStored(place: Place): Kept | null {
    try {
        return readKept(JSON.parse(place.storage.getItem(place.key) as string));
    } catch {
        // Blocked storage, or text that is not JSON: nothing comes back.
        return null;
    }
}

/** Writes what is unsaved now (nothing once the order is placed); called on every change, writes on a difference. */
export function keepUnsavedEdits(ctx: EngineContext): void {
    const place = placeOf(ctx);
    if (!place) return;
    if (!written.has(ctx)) {
        // What the last page kept is not written over before the first start brought it back.
        if (readStored(place)) return;
        written.set(ctx, '');
    }
    const kept = ctx.order?.outcome === 'success' ? null : unsaved(ctx);
    const text = kept ? JSON.stringify(kept) : '';
    if (written.get(ctx) === text) return;
    written.set(ctx, text);
    try {
        if (text) place.storage.setItem(place.key, text);
        else place.storage.removeItem(place.key);
    } catch {
        // Quota or blocked storage: the edits last for this page only.
    }
}

function unsaved(ctx: EngineContext): Kept | null {
    const edits: KeptEdit[] = [];
    for (const [key, edit] of ctx.edits) {
        if (edit.invalid) continue;
        const held = edit.carried ? edit.carried.held : serverValue(ctx.checkout, key);
        // A method goes by its name (its id changes with the address); one never named is not kept.
        const isMethod = key.endsWith('.deliveryMethodId');
        const name = isMethod ? ctx.methodNames.get(edit.value as string) : undefined;
        if (isMethod && !name) continue;
        const value = isMethod ? `name:${name}` : edit.value;
        edits.push(ctx.checkout ? [key, value, held] : [key, value]);
    }
    const payment = ctx.payment?.status === 'invalid' ? undefined : ctx.payment?.values;
    if (edits.length === 0 && !payment) return null;
    const checkoutId = ctx.checkout ? (ctx.checkoutId ?? '') : '';
    const groupId = defaultGroupOf(ctx.checkout)?.id;
    return { checkoutId, ...(groupId ? { groupId } : {}), edits, ...(payment ? { payment } : {}) };
}

/**
 * What the last page of this tab kept comes back: at once when it was entered before any checkout loaded (nothing
 * to compare it with, so the page shows it even while the checkout cannot start yet), otherwise at the first start
 * that succeeds. On the same checkout, a value the checkout no longer holds as it did then was set since, and
 * stays; on another checkout (the old one expired), the default group's edits move to the new default group, as
 * carryOver does.
 */
export function restoreUnsavedEdits(ctx: EngineContext): void {
    const place = placeOf(ctx);
    const now = ctx.checkout;
    if (written.has(ctx) || !place) return;
    const kept = readStored(place);
    if (!now && kept?.checkoutId !== '') return;
    written.set(ctx, kept ? JSON.stringify(kept) : '');
    if (!kept) return;
    const same = kept.checkoutId === now?.checkoutId;
    for (const [key, value, ...then] of kept.edits) {
        const here = now ? keyOnCheckout(now, kept.groupId, key) : keyOfNoGroup(key);
        if (!here || ctx.edits.has(here)) continue;
        const holds = serverValue(now, here);
        if (same && then.length > 0 && !sameForKey(here, then[0], holds)) continue;
        const parsed = parseKey(here);
        if (parsed && 'groupId' in parsed && parsed.field === 'deliveryMethodId') {
            ctx.methodIntent.set(parsed.groupId, value as string);
            applyMethodIntent(ctx, parsed.groupId);
        } else {
            // Carried (gives way to a value set since) only where there is a checkout to say what it held.
            const carried = now ? { carried: { held: holds } } : {};
            ctx.edits.set(here, { value, status: 'pending', revision: ++ctx.revision, ...carried });
        }
    }
    dropEditsMatchingServer(ctx);
    if (kept.payment && !ctx.payment) updatePayment(ctx, kept.payment);
    changed(ctx);
}

/** `key` when it names no delivery group (before a checkout loaded, no group is known). */
function keyOfNoGroup(key: FieldKey): FieldKey | null {
    const parsed = parseKey(key);
    return parsed && !('groupId' in parsed) ? key : null;
}

/** The stored entry when it has the shape written here, else null. */
function readKept(stored: unknown): Kept | null {
    if (typeof stored !== 'object' || stored === null) return null;
    const { checkoutId, groupId, edits, payment } = stored as Partial<Kept>;
    const editsRead =
        Array.isArray(edits) &&
        edits.every(
            (edit) =>
                Array.isArray(edit) &&
                (edit.length === 2 || edit.length === 3) &&
                typeof edit[0] === 'string' &&
                parseKey(edit[0] as FieldKey) !== null &&
                (!String(edit[0]).endsWith('.deliveryMethodId') ||
                    String(edit[1]).startsWith('name:'))
        );
    const paymentRead = payment === undefined || isPaymentValues(payment);
    if (typeof checkoutId !== 'string' || !editsRead || !paymentRead) return null;
    if (groupId !== undefined && typeof groupId !== 'string') return null;
    return { checkoutId, groupId, edits: edits as KeptEdit[], payment };
}
