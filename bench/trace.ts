/**
 * `npx tsx bench/trace.ts [--scenario NAME] [--seed N] [--strategy engine|uc-backoff|fixed-1s|oracle]
 *  [--oracle-polls N] [--model NAME] [--latency MIN,MAX] [--shipping MIN,MAX] [--engine-polling JSON]`
 * One checkout at real time scale, printed as a timeline: every request (sent → answered, relative ms) and the
 * emulator's calculator runs. This is how a missed target is explained. The oracle polls `--oracle-polls` times
 * per wait on average (4 unless given).
 */
import { runFigures } from './lib/analysis';
import { parseArgs } from './lib/args';
import type { Strategy } from './lib/bench';
import { loadEngine } from './lib/engine';
import { startEmulator } from './lib/emulator';
import { modelFromArgs } from './lib/latency';
import { planOracle } from './lib/oracle-client';
import { isBuyerScenario } from './lib/shopper';
import { runStrategyCheckout, startBenchCheckout } from './lib/strategies';

async function main(): Promise<void> {
    const args = parseArgs(process.argv.slice(2));
    const scenario = args.get('scenario') ?? 'd2c-guest';
    const seed = args.number('seed', 1);
    const strategy = (args.get('strategy') ?? 'engine') as Strategy;
    const emulator = await startEmulator();
    try {
        const timeScale = 1;
        const latency = modelFromArgs(args);
        const { state, journal, transport } = await startBenchCheckout(
            { emulator, latency, timeScale },
            scenario,
            seed,
            strategy
        );
        const buyer = isBuyerScenario(scenario, state.accountId);
        const oracle = planOracle(buyer, latency, args.number('oracle-polls', 4));
        const polling = args.get('engine-polling');
        await runStrategyCheckout(strategy, {
            engine: loadEngine(),
            transport,
            scenario,
            accountId: state.accountId,
            seed,
            timeScale,
            enginePolling: polling ? JSON.parse(polling) : undefined,
            oracle
        });
        const { history } = await emulator.state();
        const origin = journal.entries[0].sentAt;
        const at = (time: number | undefined) =>
            time === undefined ? '     —' : (time - origin).toFixed(0).padStart(6);
        for (const entry of journal.entries) {
            const body =
                entry.requestBody === undefined
                    ? ''
                    : JSON.stringify(entry.requestBody).slice(0, 80);
            console.log(
                `${at(entry.sentAt)} → ${at(entry.receivedAt)}  ${entry.status ?? entry.error ?? 'no answer'}  ${entry.method} ${entry.path} ${body}`
            );
        }
        for (const job of history) {
            console.log(
                `calculators ${job.calculators.join('+')}: ${at(job.startedAt)} → ready ${at(job.readyAt)}`
            );
        }
        const figures = runFigures(journal.entries, history);
        console.log(
            `wall ${figures.wallMs.toFixed(0)} ms, bound ${figures.lowerBoundMs.toFixed(0)} ms, ratio ${figures.wallOverLowerBound.toFixed(3)}`
        );
        for (const wait of figures.waits) {
            console.log(
                `wait after ${wait.write.method} ${wait.write.path}: ${wait.polls} polls, lag ${wait.lagMs?.toFixed(0)} ms (avoidable ${wait.avoidableLagMs?.toFixed(0)} ms)`
            );
        }
    } finally {
        await emulator.close();
    }
}

main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
});
