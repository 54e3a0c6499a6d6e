/**
 * `npm run bench [-- --json FILE] [--runs N] [--seed N] [--scenarios a,b] [--time-scale X]
 *  [--latency MIN,MAX] [--shipping MIN,MAX] [--tax MIN,MAX] [--pricing MIN,MAX] [--burst-runs N] [--no-sizes]
 *  [--engine-polling JSON] [--markdown FILE]`
 * `--engine-polling` replaces the engine's production polling defaults, to explore recommendations only.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from './lib/args';
import { REALISTIC_LATENCY, runBench, type BenchReport } from './lib/bench';
import { startEmulator } from './lib/emulator';
import { benchMarkdown, strategyTable, table } from './lib/report';
import type { PollTuning } from '../force-app/main/default/lwc/checkoutStore/types';

function print(report: BenchReport): void {
    console.log('\nCheckout runs (means per checkout; lag over every asynchronous wait)\n');
    console.log(strategyTable(report.runs, 'console'));
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
}

async function main(): Promise<void> {
    const args = parseArgs(process.argv.slice(2));
    const emulator = await startEmulator();
    try {
        const report = await runBench({
            emulator,
            scenarios: (args.get('scenarios') ?? 'd2c-guest,b2b-buyer').split(','),
            runs: args.number('runs', 5),
            seed: args.number('seed', 1),
            timeScale: args.number('time-scale', 1),
            latency: {
                latencyMs: args.range('latency', REALISTIC_LATENCY.latencyMs),
                shipping: args.range('shipping', REALISTIC_LATENCY.shipping),
                tax: args.range('tax', REALISTIC_LATENCY.tax),
                pricing: args.range('pricing', REALISTIC_LATENCY.pricing)
            },
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
