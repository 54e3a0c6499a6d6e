/**
 * The edit ledger: the shopper's values per field until the server holds them. An edit is `pending` (not
 * sent yet), `saving` (a write sends it) or `failed` (kept with its message; `invalid` ones are never sent).
 */
import { changed } from './context';
import type { EngineContext, PlannedWrite } from './context';
import { serverValue } from './checkoutState';
import { ENGINE_CODES } from './engineCodes';
import { sameForKey } from './fields';
import { tellTabs } from './tabSync';
import type { EditStatus, FieldKey } from './types';

export interface EditRecord {
    value: unknown;
    status: EditStatus;
    revision: number;
    message?: string;
    code?: string;
    /** Client-side validation failed: never sent, not retried until the value changes. */
    invalid?: boolean;
    /**
     * Carried from an expired checkout (carryOver.ts), with what the new one held then: a value set there
     * since (another tab's) is newer than the carried one, which then gives way.
     */
    carried?: { held: unknown };
}

/**
 * Records the shopper's value for `key`. Latest wins; a value equal to what the server will hold once the
 * write in flight lands is dropped; an invalid value is kept (shown, never sent).
 */
export function recordEdit(
    ctx: EngineContext,
    key: FieldKey,
    value: unknown,
    invalidMessage: string | undefined,
    keepValidation = false
): void {
    if (!keepValidation) clearValidation(ctx, key);
    // A valid value only: other tabs may send it (tabSync.ts).
    if (!invalidMessage) tellTabs(ctx, { edited: [[key, value]] });
    ctx.heardEdits.delete(key);
    const existing = ctx.edits.get(key);
    if (invalidMessage) {
        if (!keepValidation) ctx.validation.set(key, invalidMessage);
        ctx.edits.set(key, {
            value,
            status: 'failed',
            revision: ++ctx.revision,
            message: invalidMessage,
            code: ENGINE_CODES.rejected,
            invalid: true
        });
        return;
    }
    const sending = ctx.inFlight?.edits.get(key);
    const base = sending ? sending.value : serverValue(ctx.checkout, key);
    if (sameForKey(key, value, base)) {
        if (sending) {
            // Back to the value in flight: the edit is that write's again, so its failure or a restart
            // still keeps it (a later edit in between had replaced its record).
            ctx.edits.set(key, { value, status: 'saving', revision: sending.revision });
        } else if (existing?.status !== 'saving') {
            ctx.edits.delete(key);
        }
        return;
    }
    ctx.edits.set(key, { value, status: 'pending', revision: ++ctx.revision });
}

/** Keeps a value unsent without a message of its own (another field says what is wrong). */
export function holdUnsent(ctx: EngineContext, key: FieldKey, value: unknown): void {
    clearValidation(ctx, key);
    ctx.edits.set(key, {
        value,
        status: 'failed',
        revision: ++ctx.revision,
        code: ENGINE_CODES.rejected,
        invalid: true
    });
}

/** Clears the validation messages of `key` and of its parts (`key.street` …). */
export function clearValidation(ctx: EngineContext, key: FieldKey): void {
    for (const existing of [...ctx.validation.keys()]) {
        if (existing === key || existing.startsWith(`${key}.`)) ctx.validation.delete(existing);
    }
}

export function failEdit(ctx: EngineContext, key: FieldKey, message: string, code: string): void {
    const edit = ctx.edits.get(key);
    if (edit) Object.assign(edit, { status: 'failed', message, code });
    changed(ctx);
}

/** The write's edits become `failed` with their values kept; newer edits of the same fields stay pending. */
export function failSentEdits(
    ctx: EngineContext,
    write: PlannedWrite,
    message: string,
    code: string
): void {
    for (const [key, sent] of write.edits) {
        const edit = ctx.edits.get(key);
        if (!edit) continue;
        if (edit.revision === sent.revision)
            Object.assign(edit, { status: 'failed', message, code });
        else if (edit.status === 'saving') edit.status = 'pending';
    }
    changed(ctx);
}

/** A newly planned write sends its edits: they are `saving` until it lands. */
export function markSending(ctx: EngineContext, write: PlannedWrite): void {
    for (const [key] of write.edits) {
        const edit = ctx.edits.get(key);
        if (edit) edit.status = 'saving';
    }
}
