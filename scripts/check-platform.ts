/**
 * Offline stand-ins for a deploy (`npm run check:platform`):
 *   1. every LWC bundle compiles with the platform compiler (@lwc/sfdc-lwc-compiler, with its lint rules);
 *   2. every Experience Builder property matches an @api property of a compatible type, and every exposed
 *      bundle declares the targets, label and description Experience Builder needs;
 *   3. every Custom Label a component imports exists in the labels file;
 *   4. `sf project convert source` succeeds (@salesforce/source-deploy-retrieve);
 *   5. sfdx-project.json validates against its published schema (@salesforce/schemas);
 *   6. Apex parses and is formatted (prettier-plugin-apex) and never names an Industries CPQ namespace in code,
 *      so the package installs in orgs without it.
 * Prints one line per check (and every problem found) and exits non-zero when any check fails. Each check is one
 * module in scripts/check-platform/.
 */
import { checkApex } from './check-platform/apex';
import { checkBuilderConfig } from './check-platform/builder-config';
import { buildEngine, checkCompile } from './check-platform/compile';
import { checkConvert } from './check-platform/convert';
import { checkLabels } from './check-platform/labels';
import { checkProjectSchema } from './check-platform/project-schema';
import { listBundles, type CheckResult } from './check-platform/project';

async function main(): Promise<void> {
    const buildProblems = buildEngine();
    const bundles = listBundles();
    const compiled = await checkCompile(bundles, buildProblems);
    const results: CheckResult[] = [
        compiled,
        checkBuilderConfig(bundles, compiled.members),
        checkLabels(bundles),
        await checkConvert(),
        checkProjectSchema(),
        checkApex()
    ];
    for (const result of results) {
        const status = result.problems.length === 0 ? 'PASS' : 'FAIL';
        console.log(`${status}  ${result.name}${result.summary ? ` — ${result.summary}` : ''}`);
        for (const problem of result.problems) {
            console.log(`      ${problem}`);
        }
    }
    const failed = results.filter((result) => result.problems.length > 0).length;
    console.log(
        failed === 0 ? 'All platform checks passed.' : `${failed} platform check(s) failed.`
    );
    process.exitCode = failed === 0 ? 0 : 1;
}

main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
});
