import { FieldDrafts } from 'c/checkoutKitSupport';

function handedOnLeave(drafts, key) {
    const commit = jest.fn();
    drafts.handOverOnLeave(key, commit);
    return commit.mock.calls.map(([value]) => value);
}

describe('FieldDrafts', () => {
    it('has no draft until the shopper types: the field shows the store value', () => {
        const focused = new FieldDrafts().focus('city', 'Denver');

        expect(focused.draftOf('city')).toBeUndefined();
        expect(handedOnLeave(focused, 'city')).toEqual([]);
    });

    it('hands over on leaving what was typed since focus, once', () => {
        const typed = new FieldDrafts().focus('city', 'Denver').setDraft('city', 'Boulder');

        expect(typed.draftOf('city')).toBe('Boulder');
        expect(handedOnLeave(typed, 'city')).toEqual(['Boulder']);
        expect(handedOnLeave(typed.markHanded('city', 'Boulder'), 'city')).toEqual([]);
    });

    it('hands nothing over when the typing ends where the field started', () => {
        const drafts = new FieldDrafts()
            .focus('city', 'Denver')
            .setDraft('city', 'Denv')
            .setDraft('city', 'Denver');

        expect(handedOnLeave(drafts, 'city')).toEqual([]);
    });

    it('hands over a draft typed without a focus event', () => {
        expect(handedOnLeave(new FieldDrafts().setDraft('city', ''), 'city')).toEqual(['']);
    });

    it('counts what a field holds on a later focus as handed', () => {
        const refocused = new FieldDrafts().setDraft('city', 'Boulder').focus('city', 'Boulder');

        expect(refocused.draftOf('city')).toBe('Boulder');
        expect(handedOnLeave(refocused, 'city')).toEqual([]);
    });

    it('holds what the field shows on focus as its draft, and keeps a draft already held', () => {
        const held = new FieldDrafts().hold('email', 'ada@example.com');
        expect(held.draftOf('email')).toBe('ada@example.com');
        expect(handedOnLeave(held, 'email')).toEqual([]);

        const typed = held.setDraft('email', 'ada@example.org');
        expect(typed.hold('email', 'ada@example.com')).toBe(typed);
        expect(handedOnLeave(typed, 'email')).toEqual(['ada@example.org']);
    });

    it('sets several drafts at once and drops them again', () => {
        const drafts = new FieldDrafts()
            .markHanded('street', '1 Elm St')
            .setDrafts({ street: '1 Elm St', city: 'Denver' });
        expect([drafts.draftOf('street'), drafts.draftOf('city')]).toEqual(['1 Elm St', 'Denver']);

        const dropped = drafts.drop('street', 'city');
        expect([dropped.draftOf('street'), dropped.draftOf('city')]).toEqual([
            undefined,
            undefined
        ]);
        expect(handedOnLeave(dropped, 'street')).toEqual([]);
    });

    it('never changes drafts in place: each step returns new ones, or the same when nothing changes', () => {
        const empty = new FieldDrafts();
        const typed = empty.setDraft('city', 'Denver');

        expect(typed).not.toBe(empty);
        expect(empty.draftOf('city')).toBeUndefined();
        expect(empty.drop('city')).toBe(empty);
        expect(typed.drop('street')).toBe(typed);
        expect(typed.drop('city').draftOf('city')).toBeUndefined();
        expect(typed.draftOf('city')).toBe('Denver');
    });
});
