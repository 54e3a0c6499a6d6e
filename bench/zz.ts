import { runFigures } from './lib/analysis';
import { faultsFor, REALISTIC_LATENCY } from './lib/bench';
import { loadEngine } from './lib/engine';
import { runEngineCheckout } from './lib/engine-checkout';
import { startEmulator } from './lib/emulator';
import { Journal, createNodeTransport } from './lib/node-transport';
import { seededRandom } from './lib/random';
async function main() {
    const engine = loadEngine();
    const emulator = await startEmulator();
    try {
        for (const scenario of [process.argv[2] ?? 'd2c-guest']) {
            const state = await emulator.reset(scenario, 1, 1);
            await emulator.setFaults(faultsFor(REALISTIC_LATENCY));
            const journal = new Journal();
            const transport = createNodeTransport({
                baseUrl: emulator.url,
                webstoreId: state.webstoreId,
                client: 'engine',
                journal
            });
            await runEngineCheckout({
                engine,
                transport,
                scenario,
                accountId: state.accountId,
                random: seededRandom(1)
            });
            const final = await emulator.state();
            const t0 = journal.entries[0].sentAt;
            for (const e of journal.entries)
                console.log(
                    `${(e.sentAt - t0).toFixed(0).padStart(6)} → ${((e.receivedAt ?? 0) - t0).toFixed(0).padStart(6)}  ${e.kind} ${e.method} ${e.path} ${e.status} ${JSON.stringify(e.requestBody ?? '').slice(0, 100)}`
                );
            for (const h of final.history)
                console.log(
                    `job ${h.kind} ${h.calculators} start ${(h.startedAt - t0).toFixed(0)} ready ${(h.readyAt - t0).toFixed(0)}`
                );
            const f = runFigures(journal.entries, final.history);
            console.log(
                f.wallMs,
                f.lowerBoundMs,
                f.waits.map((w) => [w.polls, w.lagMs?.toFixed(0), w.avoidableLagMs?.toFixed(0)])
            );
        }
    } finally {
        await emulator.close();
    }
}
main();
