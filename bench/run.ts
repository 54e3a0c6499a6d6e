/**
 * `npm run bench [-- --json FILE] [--runs N] [--seed N] [--scenarios a,b] [--time-scale X] [--model NAME]
 *  [--latency MIN,MAX] [--shipping MIN,MAX] [--tax MIN,MAX] [--pricing MIN,MAX] [--burst-runs N] [--no-sizes]
 *  [--engine-polling JSON] [--markdown FILE]`
 * `--model` is `realistic` (the default) or `wide`; the range flags adjust it. `--engine-polling` replaces the
 * engine's production polling defaults, to explore recommendations only.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from './lib/args';
import { runBench, SECOND_VISIT, type BenchReport } from './lib/bench';
import { startEmulator } from './lib/emulator';
import { modelFromArgs } from './lib/latency';
import {
    benchMarkdown,
    modelLine,
    strategyTable,
    table,
    targetTable,
    waitTable
} from './lib/report';
import type { PollTuning } from '../force-app/main/default/lwc/checkoutStore/types';

const DEFAULT_SCENARIOS = ['d2c-guest', 'b2b-buyer', `d2c-guest${SECOND_VISIT}`];

function print(report: BenchReport): void {
    console.log(`\n${modelLine(report.settings.latency)}`);
    console.log('\nCheckout runs (means per checkout; lag over every asynchronous wait)\n');
    console.log(strategyTable(report.runs, 'console'));
    console.log('\nThe engine and the oracle per kind of wait (ms)\n');
    console.log(waitTable(report.runs, 'console'));
    for (const row of report.runs.filter((candidate) => candidate.errors)) {
        console.log(`\n${row.scenario} ${row.strategy} failures:\n  ${row.errors?.join('\n  ')}`);
    }
    const { burst } = report;
    console.log(
        `\nBurst: ${burst.edits} edits in ${burst.windowMs} ms → at most ${burst.patches} PATCHes, ` +
            `${burst.lost} edits lost (${burst.runs} runs)`
    );
    console.log('\nBundle sizes (platform compiler, minified + gzip)\n');
    if (report.engineGzipBytes) {
        const { bundles, gzipBytes } = report.engineGzipBytes;
        console.log(`engine as a page loads it (${bundles.join(' + ')}): ${gzipBytes} bytes\n`);
    }
    console.log(
        table(
            ['bundle', 'gzip bytes', 'minified bytes'],
            Object.entries(report.sizeDetails).map(([name, detail]) => {
                const size = detail as {
                    gzipBytes?: number;
                    minifiedBytes?: number;
                    error?: string;
                };
                return [name, size.gzipBytes ?? `error: ${size.error}`, size.minifiedBytes ?? ''];
            })
        )
    );
    console.log('\nTargets\n');
    console.log(targetTable(report.targets, 'console'));
}

async function main(): Promise<void> {
    const args = parseArgs(process.argv.slice(2));
    const emulator = await startEmulator();
    try {
        const report = await runBench({
            emulator,
            scenarios: args.get('scenarios')?.split(',') ?? DEFAULT_SCENARIOS,
            runs: args.number('runs', 5),
            seed: args.number('seed', 1),
            timeScale: args.number('time-scale', 1),
            latency: modelFromArgs(args),
            burstRuns: args.number('burst-runs', 3),
            sizes: args.get('no-sizes') === undefined,
            enginePolling: args.get('engine-polling')
                ? (JSON.parse(args.get('engine-polling') as string) as Partial<PollTuning>)
                : undefined,
            onRun: (line) => console.log(line)
        });
        print(report);
        const markdown = args.get('markdown');
        if (markdown) {
            mkdirSync(dirname(markdown), { recursive: true });
            writeFileSync(markdown, benchMarkdown(report) + '\n');
            console.log(`Wrote ${markdown}`);
        }
        const file = args.get('json');
        if (file) {
            mkdirSync(dirname(file), { recursive: true });
            writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
            console.log(`\nWrote ${file}`);
        }
    } finally {
        await emulator.close();
    }
}

main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
});
