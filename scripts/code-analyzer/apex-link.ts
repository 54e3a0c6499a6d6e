/**
 * An offline semantic check of the Apex: Apex Dev Tools' apex-ls (ApexLink) resolves every type, field, method,
 * Custom Label and Custom Metadata field the classes use against the platform's types and the project's own
 * metadata, as a deploy would. It ships inside the Code Analyzer PMD engine (PMD uses it for its Apex rules),
 * so it runs on the same Java with nothing more to install. There is no org: this is what stands in for compiling.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

const MAIN_CLASS = 'io.github.apexdevtools.apexls.CheckForIssues';

export interface ApexLinkResult {
    problems: string[];
    warnings: string[];
}

/** The folder of jars the installed PMD engine ships, with apex-ls among them. */
function javaLibDir(): string {
    const engine = dirname(require.resolve('@salesforce/code-analyzer-pmd-engine/package.json'));
    const dir = join(engine, 'dist', 'java-lib');
    if (!existsSync(dir) || !readdirSync(dir).some((jar) => jar.startsWith('apex-ls'))) {
        throw new Error(`no apex-ls jar in ${dir}: the PMD engine's layout changed`);
    }
    return dir;
}

/**
 * apex-ls's text output: a file path line, then one line per issue ("Error: …", "Missing: …", "Syntax: …",
 * "Warning: …", "Unused: …"). Warnings and unused code are reported; everything else fails the check.
 */
export function parseApexLinkOutput(output: string, root: string): ApexLinkResult {
    const problems: string[] = [];
    const warnings: string[] = [];
    let file = '';
    for (const line of output.split('\n').map((text) => text.trim())) {
        const issue = /^(\w+): (.*)$/.exec(line);
        if (!issue || line.startsWith('/')) {
            if (/\.(cls|trigger)$/.test(line)) {
                file = line.startsWith(`${root}/`) ? line.slice(root.length + 1) : line;
            }
            continue;
        }
        const entry = `${file}: ${issue[1]}: ${issue[2]}`;
        (issue[1] === 'Warning' || issue[1] === 'Unused' ? warnings : problems).push(entry);
    }
    return { problems, warnings };
}

export function checkApexSemantics(root: string, javaCommand: string): ApexLinkResult {
    const run = spawnSync(
        javaCommand,
        [
            '-cp',
            join(javaLibDir(), '*'),
            MAIN_CLASS,
            '--nocache',
            '--detail',
            'warnings',
            '--workspace',
            root
        ],
        { cwd: root, encoding: 'utf8' }
    );
    if (run.error || run.status === null) {
        throw new Error(`apex-ls did not run: ${run.error?.message ?? `signal ${run.signal}`}`);
    }
    const { problems, warnings } = parseApexLinkOutput(`${run.stdout}\n${run.stderr}`, root);
    if (run.status !== 0 && problems.length === 0) {
        problems.push(
            `apex-ls exited with ${run.status}: ${run.stderr.trim() || run.stdout.trim()}`
        );
    }
    return { problems, warnings };
}
