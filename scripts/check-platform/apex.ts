/**
 * Check 6: Apex parses and is formatted (prettier-plugin-apex) and never names an Industries CPQ namespace in
 * code, so the package installs in orgs without it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, type CheckResult } from './project';

const APEX_DIR = join(ROOT, 'force-app/main/default/classes');
/** Industries CPQ (Vlocity) package namespaces: a type or method of theirs in Apex would not compile without them. */
const CPQ_NAMESPACE_REFERENCE = /\b(vlocity_cmt|vlocity_ins|vlocity_ps)\s*\./i;

export function checkApex(): CheckResult {
    if (!existsSync(APEX_DIR)) {
        return { name: 'Apex', problems: [], summary: 'no classes' };
    }
    const classes = readdirSync(APEX_DIR).filter((file) => file.endsWith('.cls'));
    const problems: string[] = [];
    for (const file of classes) {
        const code = readFileSync(join(APEX_DIR, file), 'utf8')
            .replace(/\/\*[\s\S]*?\*\//g, '')
            .replace(/\/\/.*$/gm, '')
            .replace(/'(?:\\.|[^'\\])*'/g, "''");
        if (CPQ_NAMESPACE_REFERENCE.test(code)) {
            problems.push(
                `${file}: names an Industries CPQ namespace in code (the package must install without it)`
            );
        }
        if (!existsSync(join(APEX_DIR, `${file}-meta.xml`))) {
            problems.push(`${file}: missing ${file}-meta.xml`);
        }
    }
    const prettier = join(ROOT, 'node_modules/.bin/prettier');
    const formatted = spawnSync(prettier, ['--check', APEX_DIR], { cwd: ROOT, encoding: 'utf8' });
    if (formatted.status !== 0) {
        problems.push(
            `prettier --check (prettier-plugin-apex) failed:\n${formatted.stdout}${formatted.stderr}`.trim()
        );
    }
    return {
        name: 'Apex parses, is formatted and has no Industries CPQ compile-time reference',
        problems,
        summary: `${classes.length} classes`
    };
}
