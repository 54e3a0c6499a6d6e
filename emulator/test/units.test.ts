import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isCountryCode } from '../src/geography';
import { makeId, sameId, to18 } from '../src/ids';
import { formatMoney, percentOf } from '../src/money';
import { Random } from '../src/random';

describe('ids', () => {
    it('computes the 18-character checksum the documented example ids carry', () => {
        for (const id of [
            '0ZESG000001n96S4AQ',
            '2z9R000000008LfIAI',
            '0a7SB000000oBujYAE',
            '7cdLT000000EzA5YAK'
        ]) {
            assert.equal(to18(id.slice(0, 15)), id);
        }
    });

    it('makes prefixed 18-character ids and compares 15- with 18-character forms', () => {
        const id = makeId('2Dm', 123456789);
        assert.match(id, /^2Dm[0-9A-Za-z]{15}$/);
        assert.ok(sameId(id, id.slice(0, 15)));
        assert.ok(!sameId(id, id.toLowerCase()));
        assert.ok(!sameId(id, 'active'));
    });
});

describe('money', () => {
    it('formats cents as decimal strings', () => {
        assert.deepEqual(
            [formatMoney(0), formatMoney(5), formatMoney(12345), formatMoney(-799)],
            ['0.00', '0.05', '123.45', '-7.99']
        );
    });

    it('rounds percentages half away from zero', () => {
        assert.equal(percentOf(13500, 7.25), 979); // 978.75
        assert.equal(percentOf(-15000, 10), -1500);
        assert.equal(percentOf(1, 50), 1); // 0.5
    });
});

describe('countries and randomness', () => {
    it('knows ISO country codes, not other region codes', () => {
        assert.ok(isCountryCode('US') && isCountryCode('IL') && isCountryCode('BR'));
        assert.ok(
            !isCountryCode('XX') &&
                !isCountryCode('EU') &&
                !isCountryCode('us') &&
                !isCountryCode('USA')
        );
    });

    it('replays the same sequence for the same seed', () => {
        const a = new Random(7);
        const b = new Random(7);
        const c = new Random(8);
        const draws = (r: Random) => Array.from({ length: 5 }, () => r.next());
        const first = draws(a);
        assert.deepEqual(draws(b), first);
        assert.notDeepEqual(draws(c), first);
        assert.ok(first.every((x) => x >= 0 && x < 1));
    });
});
