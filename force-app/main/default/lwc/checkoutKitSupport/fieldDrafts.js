/**
 * A form's drafts, by field key. While the shopper works in a field it shows their draft, never a snapshot
 * value, so a save's answer arriving mid-typing writes nothing older back. What each field last handed to the
 * store is remembered, so leaving a field hands over only what was typed since (a browser may skip `change`).
 * Immutable: every step returns new drafts, which the form keeps in a field so that a change re-renders it.
 */
export class FieldDrafts {
    constructor(drafts = {}, handed = {}) {
        this.drafts = drafts;
        this.handed = handed;
    }

    /** The field's draft, or undefined when the field shows the store's value. */
    draftOf(key) {
        return this.drafts[key];
    }

    /** Focus: what the field holds counts as handed, so leaving hands over only what is typed since. */
    focus(key, fieldValue) {
        return new FieldDrafts(this.drafts, { ...this.handed, [key]: fieldValue });
    }

    /** Focus where drafts last until the field is left: what the field holds is its draft (one held stays). */
    hold(key, fieldValue) {
        return this.draftOf(key) === undefined ? this.markHanded(key, fieldValue) : this;
    }

    /** A value the shopper is working on, not handed to the store yet. */
    setDraft(key, value) {
        return this.setDrafts({ [key]: value });
    }

    setDrafts(values) {
        return new FieldDrafts({ ...this.drafts, ...values }, this.handed);
    }

    /** A value handed to the store: the field keeps showing it, and leaving does not hand it over again. */
    markHanded(key, value) {
        return new FieldDrafts({ ...this.drafts, [key]: value }, { ...this.handed, [key]: value });
    }

    /** Leaving a field: gives its draft to `commit` when the store has not had it yet. */
    handOverOnLeave(key, commit) {
        const draft = this.draftOf(key);
        if (draft !== undefined && draft !== this.handed[key]) {
            commit(draft);
        }
    }

    /** These fields show the store's values again. */
    drop(...keys) {
        if (!keys.some((key) => this.draftOf(key) !== undefined)) {
            return this;
        }
        const drafts = { ...this.drafts };
        keys.forEach((key) => delete drafts[key]);
        return new FieldDrafts(drafts, this.handed);
    }
}
