/** The oracle's dynamic programme against distributions whose best schedule is known or found exhaustively. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
    atLeastZero,
    convolve,
    evaluate,
    optimalPlan,
    plansForPollBudget,
    uniform,
    type Distribution
} from '../lib/oracle';
import { seededRandom } from '../lib/random';

const close = (actual: number, expected: number, what: string) =>
    assert.ok(Math.abs(actual - expected) < 1e-9, `${what}: ${actual} ≠ ${expected}`);

test('two equally likely outcomes: a poll at each while a poll costs less than the lag it saves', () => {
    const twoPoints: Distribution = { step: 100, first: 0, masses: [0.5, 0.5] };
    // Polling at 0 too saves 0.5 × 100 ms of lag and costs a second poll half the time: worth it below 100 ms.
    assert.deepEqual(optimalPlan(twoPoints, 90).offsets, [0, 100]);
    assert.deepEqual(optimalPlan(twoPoints, 110).offsets, [100]);
    assert.deepEqual(optimalPlan(twoPoints, 0, 1).offsets, [100]);
});

test('a uniform distribution and a fixed number of polls: evenly spaced polls, the last at the end', () => {
    const dist = uniform(0, 100, 1); // 101 equally likely points
    const plan = optimalPlan(dist, 0, 4);
    assert.equal(plan.offsets.length, 4);
    assert.equal(plan.offsets[3], 100);
    // 101 outcomes in four gaps of 25 or 26: each gap of g outcomes costs 0 + 1 + … + (g − 1).
    close(plan.expectedLagMs, (3 * ((25 * 24) / 2) + (26 * 25) / 2) / 101, 'expected lag');
    const gaps = plan.offsets.map((offset, index) => offset - (plan.offsets[index - 1] ?? -1));
    assert.ok(
        gaps.every((gap) => gap === 25 || gap === 26),
        `gaps ${gaps}`
    );
});

/** Every schedule that ends at the last point, tried one by one. */
function exhaustiveBest(dist: Distribution, pollCost: number, maxPolls: number): number {
    const points = dist.masses.map((_, index) => (dist.first + index) * dist.step);
    const last = points.length - 1;
    let best = Infinity;
    for (let subset = 0; subset < 1 << last; subset++) {
        const offsets = [
            ...points.slice(0, last).filter((_, i) => subset & (1 << i)),
            points[last]
        ];
        if (offsets.length > maxPolls) continue;
        const plan = evaluate(dist, offsets);
        best = Math.min(best, plan.expectedLagMs + pollCost * plan.expectedPolls);
    }
    return best;
}

test('on random distributions the DP finds the exhaustive optimum, bounded or not', () => {
    const random = seededRandom(3);
    for (let trial = 0; trial < 20; trial++) {
        const raw = Array.from({ length: 10 }, () => random());
        const total = raw.reduce((sum, mass) => sum + mass, 0);
        const dist: Distribution = { step: 10, first: 0, masses: raw.map((mass) => mass / total) };
        const pollCost = random() * 40;
        const maxPolls = 1 + Math.floor(random() * 10);
        for (const [cost, polls] of [
            [pollCost, Infinity],
            [pollCost, maxPolls],
            [0, maxPolls]
        ]) {
            const plan = optimalPlan(dist, cost, polls);
            assert.ok(plan.offsets.length <= polls);
            close(
                plan.expectedLagMs + cost * plan.expectedPolls,
                exhaustiveBest(dist, cost, polls),
                `trial ${trial}, price ${cost}, at most ${polls} polls`
            );
        }
    }
});

test('sums of uniform draws, and outcomes before the answer collapse onto offset 0', () => {
    const triangle = convolve(uniform(0, 20, 10), uniform(0, 20, 10));
    assert.deepEqual(
        triangle.masses.map((mass) => mass * 9),
        [1, 2, 3, 2, 1]
    );
    const shifted = atLeastZero(convolve(triangle, uniform(-20, -20, 10)));
    assert.equal(shifted.first, 0);
    assert.deepEqual(
        shifted.masses.map((mass) => Math.round(mass * 9)),
        [6, 2, 1]
    );
});

test('a budget of polls per wait is met on average, polls going where they save the most lag', () => {
    const waits = { narrow: uniform(400, 500, 5), wide: uniform(0, 1500, 5) };
    const plans = plansForPollBudget(waits, 3.3);
    const average = (pick: 'denser' | 'sparser') =>
        (plans.narrow[pick].expectedPolls + plans.wide[pick].expectedPolls) / 2;
    const { denserShare } = plans.narrow;
    close(denserShare * average('denser') + (1 - denserShare) * average('sparser'), 3.3, 'polls');
    // One price for every kind: the wide wait, where a poll saves more, gets more of them.
    assert.ok(plans.wide.denser.expectedPolls > plans.narrow.denser.expectedPolls);
});
