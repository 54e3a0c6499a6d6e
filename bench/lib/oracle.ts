/**
 * The oracle: the poll schedule that minimises expected readiness lag for a client that knows the true
 * distribution of each wait's duration under the run's latency model, though not the individual outcome.
 *
 * Derivation. Time runs from the moment the write's answer arrives. The server started the calculators half the
 * write's round trip before that, and a GET sent at offset s reaches the server half its own round trip later,
 * so the GET sees the checkout ready iff s ≥ X = D − Lw/2 − Lg/2 (D: the calculators' summed durations, Lw, Lg:
 * the write's and the GET's round trips). X's distribution is the convolution of those uniform draws, on a grid
 * (values x_0 < … < x_n, masses p_r). A schedule is an increasing list of polls whose last one is at x_n, so that
 * it always ends; an optimal poll sits on a support point (lowering it to the next one catches the same outcomes
 * sooner). A poll at x_j after one at x_i catches the outcomes in (x_i, x_j], each x_j − x_r late, and is sent
 * only when the checkout was not ready at x_i, with probability 1 − F(x_i). Minimising expected lag + λ · expected
 * polls is then the dynamic programme
 *     best(j) = min over i < j of  best(i) + Σ_{i<r≤j} p_r (x_j − x_r) + λ (1 − F(x_i)),   best(−1) = 0,
 * each term O(1) with prefix sums. λ prices a poll in ms of lag: bisection finds the λ at which the expected polls
 * per wait equal a target (the engine's), and mixing the two schedules either side of it meets a fractional target
 * exactly. Approximation: the DP folds the GET's half round trip into X once per wait, where each GET in fact
 * draws its own.
 */

/** A discrete distribution on the grid k · step (k integer, from `first`); masses sum to 1. */
export interface Distribution {
    step: number;
    first: number;
    masses: number[];
}

/** A uniform draw from [min, max], spread evenly over the grid points inside (the nearest one if none). */
export function uniform(min: number, max: number, step: number): Distribution {
    let low = Math.ceil(min / step - 1e-9);
    let high = Math.floor(max / step + 1e-9);
    if (low > high) low = high = Math.round((min + max) / 2 / step);
    const count = high - low + 1;
    return { step, first: low, masses: new Array<number>(count).fill(1 / count) };
}

/** The distribution of the sum of two independent draws on the same grid. */
export function convolve(a: Distribution, b: Distribution): Distribution {
    if (a.step !== b.step) throw new Error('Distributions on different grids');
    const masses = new Array<number>(a.masses.length + b.masses.length - 1).fill(0);
    a.masses.forEach((pa, i) => b.masses.forEach((pb, j) => (masses[i + j] += pa * pb)));
    return { step: a.step, first: a.first + b.first, masses };
}

export const sumOf = (parts: Distribution[]): Distribution => parts.reduce(convolve);

/** The distribution of max(0, X): a poll cannot go before the write's answer arrived. */
export function atLeastZero(dist: Distribution): Distribution {
    if (dist.first >= 0) return dist;
    const cut = -dist.first;
    const below = dist.masses.slice(0, cut + 1).reduce((sum, mass) => sum + mass, 0);
    return { step: dist.step, first: 0, masses: [below, ...dist.masses.slice(cut + 1)] };
}

/** The points that carry mass, ascending. */
export function support(dist: Distribution): { values: number[]; masses: number[] } {
    const values: number[] = [];
    const masses: number[] = [];
    dist.masses.forEach((mass, index) => {
        if (mass <= 1e-12) return;
        values.push((dist.first + index) * dist.step);
        masses.push(mass);
    });
    return { values, masses };
}

export interface PollPlan {
    /** Send offsets in ms after the write's answer, ascending; the last one always sees the result. */
    offsets: number[];
    /** Polls sent until the one that sees the result, on average. */
    expectedPolls: number;
    /** Mean of (poll that sees the result − X): the avoidable lag. */
    expectedLagMs: number;
}

/** The expected polls and avoidable lag of a schedule against a distribution. */
export function evaluate(dist: Distribution, offsets: number[]): PollPlan {
    const { values, masses } = support(dist);
    let expectedPolls = 0;
    let expectedLagMs = 0;
    values.forEach((value, index) => {
        const catching = offsets.findIndex((offset) => offset >= value - 1e-9);
        if (catching < 0) throw new Error(`No poll after ${value} ms`);
        expectedPolls += masses[index] * (catching + 1);
        expectedLagMs += masses[index] * (offsets[catching] - value);
    });
    return { offsets, expectedPolls, expectedLagMs };
}

/**
 * The schedule minimising expected avoidable lag + pollCost × expected polls, with at most `maxPolls` polls.
 * Unbounded, one pass of the DP above in order of j is exact (each best(j) needs only earlier ones); bounded, one
 * layer per poll, each holding the best with at most that many polls.
 */
export function optimalPlan(dist: Distribution, pollCost: number, maxPolls = Infinity): PollPlan {
    const { values: x, masses: p } = support(dist);
    const n = x.length;
    // Prefix sums, shifted by one so that index 0 stands for "no poll yet" (i = −1).
    const cdf = [0];
    const moment = [0];
    for (let r = 0; r < n; r++) {
        cdf.push(cdf[r] + p[r]);
        moment.push(moment[r] + p[r] * x[r]);
    }
    const step = (i: number, j: number): number =>
        x[j] * (cdf[j + 1] - cdf[i + 1]) -
        (moment[j + 1] - moment[i + 1]) +
        pollCost * (1 - cdf[i + 1]);
    const bounded = maxPolls < n;
    const best = [0, ...new Array<number>(n).fill(Infinity)];
    // previous[layer][j + 1]: the poll before the one at x_j, or −2 where the layer kept the one before it.
    const previous: Int32Array[] = [];
    for (let layer = 0; layer < (bounded ? maxPolls : 1); layer++) {
        const source = bounded ? [...best] : best;
        const from = new Int32Array(n + 1).fill(-2);
        for (let j = 0; j < n; j++) {
            for (let i = -1; i < j; i++) {
                const cost = source[i + 1] + step(i, j);
                if (cost < best[j + 1] - 1e-12) {
                    best[j + 1] = cost;
                    from[j + 1] = i;
                }
            }
        }
        previous.push(from);
    }
    const offsets: number[] = [];
    let layer = previous.length - 1;
    for (let j = n - 1; j >= 0;) {
        const i = previous[layer][j + 1];
        if (bounded) layer--; // each poll of a bounded schedule comes from the layer below
        if (i === -2) continue;
        offsets.unshift(x[j]);
        j = i;
    }
    return evaluate(dist, offsets);
}

/** Two schedules per wait kind and how often to use the denser one: together they meet a polls-per-wait target. */
export interface MixedPlan {
    denser: PollPlan;
    sparser: PollPlan;
    denserShare: number;
}

const meanPolls = (plans: PollPlan[]): number =>
    plans.reduce((sum, plan) => sum + plan.expectedPolls, 0) / plans.length;

/**
 * The oracle's schedules for waits that occur equally often (one of each kind per checkout): one price per poll
 * for all of them, so polls go where they save the most lag, with `pollsPerWait` expected polls per wait.
 */
export function plansForPollBudget<K extends string>(
    waits: Record<K, Distribution>,
    pollsPerWait: number
): Record<K, MixedPlan> {
    const kinds = Object.keys(waits) as K[];
    const plansAt = (pollCost: number) => kinds.map((kind) => optimalPlan(waits[kind], pollCost));
    // A poll sent with probability q costs pollCost × q, so one poll per wait needs a price above span ÷ q for the
    // least likely outcome; the bisection runs on a log scale between a near-free poll and that price.
    const dists = kinds.map((kind) => support(waits[kind]));
    const span = Math.max(...dists.map(({ values }) => values[values.length - 1] - values[0]), 1);
    const rarest = Math.min(...dists.flatMap(({ masses }) => masses));
    let cheap = 1e-3;
    let dear = (4 * span) / rarest;
    let denser = plansAt(cheap);
    let sparser = plansAt(dear);
    if (meanPolls(denser) > pollsPerWait && meanPolls(sparser) < pollsPerWait) {
        for (let round = 0; round < 60 && dear / cheap > 1.0001; round++) {
            const price = Math.sqrt(cheap * dear);
            const plans = plansAt(price);
            if (meanPolls(plans) >= pollsPerWait) [cheap, denser] = [price, plans];
            else [dear, sparser] = [price, plans];
        }
    }
    const spread = meanPolls(denser) - meanPolls(sparser);
    const share =
        spread > 1e-9
            ? (pollsPerWait - meanPolls(sparser)) / spread
            : Number(meanPolls(denser) <= pollsPerWait);
    const denserShare = Math.min(1, Math.max(0, share));
    return Object.fromEntries(
        kinds.map((kind, index) => [
            kind,
            { denser: denser[index], sparser: sparser[index], denserShare }
        ])
    ) as Record<K, MixedPlan>;
}

/** The avoidable lag of a schedule as a distribution: each outcome, late by the distance to the poll that sees it. */
export function avoidableLag(dist: Distribution, offsets: number[]): Distribution {
    const { values, masses } = support(dist);
    const late: number[] = [];
    values.forEach((value, index) => {
        const catching = offsets.find((offset) => offset >= value - 1e-9) ?? value;
        const cell = Math.round((catching - value) / dist.step);
        late[cell] = (late[cell] ?? 0) + masses[index];
    });
    return { step: dist.step, first: 0, masses: Array.from(late, (mass) => mass ?? 0) };
}

/** The weighted mixture of distributions on one grid (weights sum to 1). */
export function mixture(parts: Array<{ dist: Distribution; weight: number }>): Distribution {
    const step = parts[0].dist.step;
    const first = Math.min(...parts.map(({ dist }) => dist.first));
    const last = Math.max(...parts.map(({ dist }) => dist.first + dist.masses.length - 1));
    const masses = new Array<number>(Math.max(0, last - first + 1)).fill(0);
    for (const { dist, weight } of parts) {
        dist.masses.forEach((mass, index) => (masses[dist.first - first + index] += weight * mass));
    }
    return { step, first, masses };
}

/** The smallest value whose cumulative mass reaches `fraction` (nearest rank, as the bench's percentiles). */
export function quantile(dist: Distribution, fraction: number): number {
    let cumulative = 0;
    for (let index = 0; index < dist.masses.length; index++) {
        cumulative += dist.masses[index];
        if (cumulative >= fraction - 1e-9) return (dist.first + index) * dist.step;
    }
    return (dist.first + dist.masses.length - 1) * dist.step;
}
