/** Check 3: every Custom Label a component imports exists in the labels file. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCustomLabels } from '../lib/custom-labels';
import type { Bundle, CheckResult } from './project';

export function checkLabels(bundles: Bundle[]): CheckResult {
    const defined = new Set(readCustomLabels().keys());
    const problems: string[] = [];
    let imports = 0;
    for (const bundle of bundles) {
        const sources = readdirSync(bundle.dir).filter((file) => /\.(js|ts)$/.test(file));
        for (const file of sources) {
            const text = readFileSync(join(bundle.dir, file), 'utf8');
            for (const match of text.matchAll(/['"]@salesforce\/label\/c\.(\w+)['"]/g)) {
                imports += 1;
                if (!defined.has(match[1])) {
                    problems.push(
                        `${bundle.name}/${file}: label ${match[1]} is not in the labels file`
                    );
                }
            }
        }
    }
    return {
        name: 'Custom Labels imported by components exist',
        problems,
        summary: `${imports} label imports, ${defined.size} labels defined`
    };
}
