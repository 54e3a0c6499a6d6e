/**
 * The PATCH rule suites' checkout: one emulator per file and, before each test, a signed-in buyer's ready
 * checkout; and the checks that a PATCH is refused (changing nothing) or accepted.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach } from 'node:test';
import { INSTANT, startHarness, startReady, type Harness } from './helpers';
import type { SeedIds } from './seedBodies';

// Live bindings: the hooks below set them, and a suite's tests read the current ones through the import.
export let h: Harness;
export let ids: SeedIds;
export let checkoutId: string;

/** Registers the hooks; called once at the top of a suite's file. */
export function useReadyBuyerCheckout(): void {
    before(async () => {
        h = await startHarness();
    });
    after(async () => {
        await h.close();
    });

    /** A signed-in buyer's ready checkout: it has an address and delivery methods to choose from. */
    beforeEach(async () => {
        await h.reset({ scenario: 'b2b-buyer', seed: 7, ...INSTANT });
        checkoutId = await startReady(h);
        const checkout = (await h.waitReady()).body;
        const group = checkout.deliveryGroups.items[0];
        const other = group.availableDeliveryMethods.find(
            (m: { id: string }) => m.id !== group.selectedDeliveryMethod.id
        );
        ids = {
            cartId: checkout.cartSummary.cartId,
            groupId: group.id,
            deliveryMethodId: other.id
        };
    });
}

export async function expectRejected(body: Record<string, unknown>, status = 400): Promise<string> {
    const before = await h.state();
    const answer = await h.connect('PATCH', `/checkouts/${checkoutId}`, body);
    assert.equal(answer.status, status, JSON.stringify(answer.body));
    assert.ok(Array.isArray(answer.body));
    assert.equal(typeof answer.body[0].errorCode, 'string');
    assert.ok(answer.body[0].message.length > 10, 'a clear message');
    const afterState = await h.state();
    assert.deepEqual(afterState.checkout, before.checkout, 'a rejected request changes nothing');
    assert.deepEqual(afterState.session, before.session);
    return answer.body[0].message as string;
}

export async function expectAccepted(body: Record<string, unknown>): Promise<number> {
    const answer = await h.connect('PATCH', `/checkouts/${checkoutId}`, body);
    assert.ok(
        answer.status === 200 || answer.status === 202,
        `${answer.status} ${JSON.stringify(answer.body)}`
    );
    assert.equal(answer.body.checkoutId, (await h.state()).checkoutId);
    assert.equal((await h.waitReady()).status, 200);
    return answer.status;
}
