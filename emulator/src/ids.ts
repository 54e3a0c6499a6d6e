/** Salesforce-style ids: a 3-character key prefix, 12 more characters, and the 3-character case checksum. */

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const CHECKSUM_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** Key prefixes of the records the emulator makes. */
export const PREFIX = {
    checkout: '2z9',
    cart: '0a6',
    deliveryGroup: '0a7',
    deliveryMethod: '2Dm',
    webstore: '0ZE',
    order: '801',
    account: '001',
    address: '8lW',
    backgroundOperation: '0Ya',
    cartItem: '0a9',
    product: '01t',
    payment: '0Xc',
    orderItem: '802'
} as const;

/** The 18-character form of a 15-character id (the suffix encodes which characters are upper case). */
export function to18(id15: string): string {
    let suffix = '';
    for (let chunk = 0; chunk < 3; chunk++) {
        let bits = 0;
        for (let i = 0; i < 5; i++) {
            const c = id15.charAt(chunk * 5 + i);
            if (c >= 'A' && c <= 'Z') bits |= 1 << i;
        }
        suffix += CHECKSUM_ALPHABET.charAt(bits);
    }
    return id15 + suffix;
}

/** An 18-character id with the given prefix; `value` fills the 10 trailing characters in base 62. */
export function makeId(prefix: string, value: number, pod = 'SG'): string {
    let body = '';
    let n = Math.floor(Math.abs(value));
    for (let i = 0; i < 10; i++) {
        body = BASE62.charAt(n % 62) + body;
        n = Math.floor(n / 62);
    }
    return to18(prefix + pod + body);
}

/** Salesforce compares 15- and 18-character ids by their first 15 characters (case-sensitive). */
export function sameId(a: string | null | undefined, b: string | null | undefined): boolean {
    if (!a || !b) return false;
    if (!looksLikeId(a) || !looksLikeId(b)) return false;
    return a.slice(0, 15) === b.slice(0, 15);
}

export function looksLikeId(value: string): boolean {
    return /^[0-9A-Za-z]{15}([0-9A-Za-z]{3})?$/.test(value);
}

/** Hands out sequential ids per prefix, starting from a seed-derived offset so runs look distinct. */
export class IdFactory {
    private readonly counters = new Map<string, number>();

    constructor(private readonly offset: number) {}

    next(prefix: string): string {
        const n = (this.counters.get(prefix) ?? 0) + 1;
        this.counters.set(prefix, n);
        return makeId(prefix, this.offset + n);
    }
}
