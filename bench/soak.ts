/**
 * `npm run soak [-- --json FILE] [--checkouts N] [--seed N] [--time-scale X] [--verbose]`: the fault soak
 * (lib/soak.ts), 1,000 checkouts by default. `--verbose` prints the writes of every checkout that broke an
 * invariant. Exits 1 when any invariant is not 0.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from './lib/args';
import { startEmulator } from './lib/emulator';
import { table } from './lib/report';
import type { Journal } from './lib/node-transport';
import { INVARIANTS, runSoak } from './lib/soak';

/** The writes of one checkout, relative ms: what each tab sent and what came back. */
function printWrites(journal: Journal): void {
    const origin = journal.entries[0]?.sentAt ?? 0;
    for (const entry of journal.entries.filter((candidate) => candidate.method !== 'GET')) {
        const at = (entry.sentAt - origin).toFixed(0).padStart(5);
        const body = JSON.stringify(entry.requestBody ?? '').slice(0, 160);
        console.log(
            `    ${at} ${entry.client} ${entry.method} ${entry.path} → ${entry.status ?? entry.error} ${body}`
        );
    }
}

async function main(): Promise<void> {
    const args = parseArgs(process.argv.slice(2));
    const checkouts = args.number('checkouts', 1000);
    const verbose = args.get('verbose') !== undefined;
    const emulator = await startEmulator();
    try {
        const report = await runSoak({
            emulator,
            checkouts,
            seed: args.number('seed', 1),
            timeScale: args.number('time-scale', 0.05),
            onCheckout: (index, violations, journal) => {
                if (violations.length > 0 || (index + 1) % 100 === 0) {
                    console.log(
                        `checkout ${index + 1}/${checkouts}: ${violations.length} violations`
                    );
                }
                for (const violation of violations)
                    console.log(`  ${violation.invariant}: ${violation.detail}`);
                if (violations.length > 0 && verbose) printWrites(journal);
            }
        });
        console.log('\nSoak invariants (counts; all must be 0)\n');
        console.log(
            table(
                ['checkouts', ...INVARIANTS],
                [[report.checkouts, ...INVARIANTS.map((name) => report[name])]]
            )
        );
        console.log(
            `\n${report.ordersPlaced} orders placed in ${(report.wallMs / 1000).toFixed(0)} s; ` +
                `${report.secondTabs} checkouts with a second tab, ${report.reloads} reloads, ` +
                `${report.offlineSpells} offline spells; ${report.requests} requests, faults injected ` +
                `${JSON.stringify(report.faultsInjected)}, ${report.calculatorFailures} × 422`
        );
        const file = args.get('json');
        if (file) {
            mkdirSync(dirname(file), { recursive: true });
            writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
            console.log(`\nWrote ${file}`);
        }
        if (INVARIANTS.some((name) => report[name] > 0)) process.exitCode = 1;
    } finally {
        await emulator.close();
    }
}

main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
});
