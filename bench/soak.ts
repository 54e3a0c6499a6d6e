/**
 * `npm run soak [-- --json FILE] [--checkouts N] [--seed N] [--time-scale X] [--verbose]`: the fault soak
 * (lib/soak.ts), 1,000 checkouts by default; checkout N runs seed N (with the default `--seed 1`). `--verbose`
 * prints every request of a checkout that broke an invariant, in emulator ms. Exits 1 when any invariant is
 * not 0.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from './lib/args';
import { startEmulator } from './lib/emulator';
import { table } from './lib/report';
import { CLIENT_HEADER } from './lib/node-transport';
import type { SoakCheckoutRun } from './lib/soak-checkout';
import { INVARIANTS, runSoak } from './lib/soak';

/**
 * One checkout's requests as the server saw them, ms after the first: which tab sent it (the transport names
 * itself in a header), what it answered, the fault it injected, and the body of every write.
 */
function printRequests(run: SoakCheckoutRun): void {
    const origin = run.serverLog[0]?.startedAt ?? 0;
    for (const request of run.serverLog) {
        const at = ((request.startedAt - origin) / run.timeScale).toFixed(0).padStart(6);
        const client = (request.headers[CLIENT_HEADER] ?? '?').padEnd(6);
        const path = request.path.replace(/^.*\/webstores\/[^/]+/, '');
        const fault = request.fault ? ` ${request.fault}` : '';
        const body = request.method === 'GET' ? '' : ` ${(request.body ?? '').slice(0, 160)}`;
        console.log(
            `    ${at} ${client} ${request.method} ${path} → ${request.status}${fault}${body}`
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
            timeScale: args.number('time-scale', 0.02),
            onCheckout: (index, violations, run) => {
                if (violations.length > 0 || (index + 1) % 100 === 0) {
                    console.log(
                        `checkout ${index + 1}/${checkouts}: ${violations.length} violations`
                    );
                }
                for (const violation of violations)
                    console.log(`  ${violation.invariant}: ${violation.detail}`);
                if (violations.length > 0 && verbose) printRequests(run);
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
                `${report.secondTabs} checkouts with a second tab, ${report.reloads} reloads ` +
                `(${report.reenteredAfterReload} values entered again after them), ` +
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
