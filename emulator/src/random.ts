/** A small seeded PRNG (mulberry32): the same seed gives the same sequence, so runs are reproducible. */
export class Random {
    private state: number;

    constructor(seed: number) {
        this.state = seed >>> 0;
    }

    /** A float in [0, 1). */
    next(): number {
        this.state = (this.state + 0x6d2b79f5) >>> 0;
        let t = this.state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    }

    /** True with probability `rate` (0 never draws true, so a zero rate costs nothing but a draw). */
    chance(rate: number): boolean {
        return this.next() < rate;
    }

    /** A float uniformly in [min, max]. */
    between(min: number, max: number): number {
        return min + (max - min) * this.next();
    }

    /** An integer in [0, n). */
    index(n: number): number {
        return Math.floor(this.next() * n);
    }
}

/** Derives an independent stream seed, so that e.g. fault draws never shift calculator draws. */
export function deriveSeed(seed: number, stream: number): number {
    let h = (seed ^ Math.imul(stream + 1, 0x9e3779b1)) >>> 0;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
    return (h ^ (h >>> 16)) >>> 0;
}

/** FNV-1a: a stable 32-bit hash of a string, for ids derived from content. */
export function hashString(text: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
        h ^= text.charCodeAt(i);
        h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h >>> 0;
}
