/** The edit burst: 20 shipping edits within 300 ms (a street typed, then instructions), then idle. */
import type { CheckoutStore } from '../../force-app/main/default/lwc/checkoutStore/types';
import type { EngineModule } from './engine';
import { createStore, settle } from './engine-checkout';
import { sleep } from './random';
import { defaultGroup, guestAddress } from './shopper';
import { startBenchCheckout, type BenchCheckoutSettings } from './strategies';

export interface BurstFigures {
    edits: number;
    /** The most PATCHes any burst run sent. */
    patches: number;
    /** Fields whose final server value differs from the shopper's last edit, over all burst runs. */
    lost: number;
    runs: number;
    windowMs: number;
}

export const BURST_EDITS = 20;
export const BURST_WINDOW_MS = 300;
const STREET = '415 Mission Street North';
const INSTRUCTIONS = 'Ring twice, gate 1234';

/** 20 shipping edits within 300 ms (street, then instructions, as typed), then idle: PATCHes and lost edits. */
async function runBurst(
    options: BenchCheckoutSettings,
    engine: EngineModule,
    seed: number
): Promise<{ patches: number; lost: number }> {
    const { emulator, timeScale } = options;
    const { journal, transport } = await startBenchCheckout(options, 'd2c-guest', seed, 'burst');
    const store: CheckoutStore = createStore({
        engine,
        transport,
        scenario: 'd2c-guest',
        accountId: null
    });
    try {
        await store.load();
        const group = defaultGroup((await settle(store)).deliveryGroups);
        if (!group) throw new Error('No delivery group to edit');
        const burstStart = Date.now();
        let street = '';
        let instructions = '';
        for (let edit = 0; edit < BURST_EDITS; edit++) {
            if (edit < BURST_EDITS / 2) {
                street = STREET.slice(
                    0,
                    Math.ceil(((edit + 1) * STREET.length) / (BURST_EDITS / 2))
                );
                store.updateShipping(group.id, { deliveryAddress: { ...guestAddress, street } });
            } else {
                const typed = edit - BURST_EDITS / 2 + 1;
                instructions = INSTRUCTIONS.slice(
                    0,
                    Math.ceil((typed * INSTRUCTIONS.length) / (BURST_EDITS / 2))
                );
                store.updateShipping(group.id, { shippingInstructions: instructions });
            }
            await sleep((BURST_WINDOW_MS * timeScale) / (BURST_EDITS - 1));
        }
        await settle(store);
        const saved = defaultGroup((await emulator.state()).checkout?.deliveryGroups.items ?? []);
        const lost =
            Number(saved?.deliveryAddress?.street !== street) +
            Number((saved?.shippingInstructions ?? '') !== instructions);
        const patches = journal.entries.filter(
            (entry) => entry.method === 'PATCH' && entry.sentAt >= burstStart
        ).length;
        return { patches, lost };
    } finally {
        store.dispose();
    }
}

/** `runs` bursts, each on a fresh checkout: the most PATCHes any sent, and the edits lost over all. */
export async function measureBurst(
    options: BenchCheckoutSettings,
    engine: EngineModule,
    runs: number,
    seed: number
): Promise<BurstFigures> {
    const bursts: Array<{ patches: number; lost: number }> = [];
    for (let run = 0; run < runs; run++) bursts.push(await runBurst(options, engine, seed + run));
    return {
        edits: BURST_EDITS,
        patches: Math.max(0, ...bursts.map((burst) => burst.patches)),
        lost: bursts.reduce((sum, burst) => sum + burst.lost, 0),
        runs: bursts.length,
        windowMs: BURST_WINDOW_MS
    };
}
