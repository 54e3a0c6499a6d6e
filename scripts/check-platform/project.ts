/** What every platform check reads: the repository's folders, the LWC bundles, and a check's result. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const LWC_DIR = join(ROOT, 'force-app/main/default/lwc');

export interface CheckResult {
    name: string;
    problems: string[];
    summary: string;
}

export interface Bundle {
    name: string;
    dir: string;
    /** Source files the platform receives: no tests, TypeScript or configs. */
    files: Record<string, string>;
}

export function listBundles(): Bundle[] {
    return readdirSync(LWC_DIR)
        .filter((name) => statSync(join(LWC_DIR, name)).isDirectory())
        .sort()
        .map((name) => {
            const dir = join(LWC_DIR, name);
            const files: Record<string, string> = {};
            for (const file of readdirSync(dir)) {
                if (/\.(js|html|css)$/.test(file) && statSync(join(dir, file)).isFile()) {
                    files[file] = readFileSync(join(dir, file), 'utf8');
                }
            }
            return { name, dir, files };
        });
}
