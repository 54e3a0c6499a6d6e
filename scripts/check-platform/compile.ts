/** Check 1: the engine builds, and every LWC bundle compiles with the platform compiler and its lint rules. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '@lwc/sfdc-lwc-compiler';
import { LWC_DIR, ROOT, type Bundle, type CheckResult } from './project';

export interface ApiMember {
    name: string;
    type: string;
    decorator?: string;
    value?: { type: string; value?: unknown };
}

/**
 * Compiles every TypeScript bundle (the shared validation first: the engine imports it) and returns the build's
 * problems. Run it before listBundles: the platform receives the .js this writes.
 */
export function buildEngine(): string[] {
    const tsc = join(ROOT, 'node_modules/.bin/tsc');
    const problems: string[] = [];
    for (const bundle of ['checkoutValidation', 'checkoutStore']) {
        const config = join(LWC_DIR, bundle, 'tsconfig.json');
        if (!existsSync(config)) continue;
        const build = spawnSync(tsc, ['-p', config], { cwd: ROOT, encoding: 'utf8' });
        if (build.status !== 0) {
            problems.push(`npm run build failed:\n${build.stdout}${build.stderr}`.trim());
        }
    }
    return problems;
}

/** The LWR context the engine's adapter must compile with: the platform's own modules, as Salesforce imports them. */
const LWR_CONTEXT_REFERENCES = [
    'module:@app/csrfToken',
    'i18n:lang',
    'webstore:Id',
    'user:isGuest'
];

interface Reference {
    type: string;
    id: string;
}

export async function checkCompile(
    bundles: Bundle[],
    buildProblems: string[]
): Promise<CheckResult & { members: Map<string, ApiMember[]> }> {
    const problems = [...buildProblems];
    const members = new Map<string, ApiMember[]>();
    let warnings = 0;
    for (const bundle of bundles) {
        if (!bundle.files[`${bundle.name}.js`] && !bundle.files[`${bundle.name}.css`]) {
            problems.push(`${bundle.name}: no ${bundle.name}.js (or .css) entry to compile`);
            continue;
        }
        const report = await compile({
            bundle: { namespace: 'c', name: bundle.name, type: 'platform', files: bundle.files }
        });
        for (const diagnostic of report.diagnostics) {
            // DiagnosticLevel: 0 fatal, 1 error, 2 warning, 3 log.
            if (diagnostic.level <= 1) {
                const where = diagnostic.filename ? ` (${diagnostic.filename})` : '';
                problems.push(`${bundle.name}${where}: ${diagnostic.message}`);
            } else if (diagnostic.level === 2) {
                warnings += 1;
            }
        }
        if (!report.success && !report.diagnostics.some((diagnostic) => diagnostic.level <= 1)) {
            problems.push(`${bundle.name}: the compiler reported failure without a diagnostic`);
        }
        const metadata = report.metadata as
            { classMembers?: ApiMember[]; references?: Reference[] } | undefined;
        members.set(bundle.name, metadata?.classMembers ?? []);
        if (bundle.name === 'checkoutStore') {
            const seen = new Set(
                (metadata?.references ?? []).map((ref) => `${ref.type}:${ref.id}`)
            );
            for (const expected of LWR_CONTEXT_REFERENCES.filter((ref) => !seen.has(ref))) {
                problems.push(`checkoutStore: the compiler saw no import of ${expected}`);
            }
        }
    }
    return {
        name: 'LWC bundles compile with @lwc/sfdc-lwc-compiler',
        problems,
        summary: `${bundles.length} bundles, ${warnings} warnings; the engine compiles with ${LWR_CONTEXT_REFERENCES.join(', ')}`,
        members
    };
}
