/**
 * Check 4: `sf project convert source` succeeds (@salesforce/source-deploy-retrieve), and no TypeScript, test or
 * TypeScript config leaks into what would be deployed.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ComponentSet, MetadataConverter } from '@salesforce/source-deploy-retrieve';
import { ROOT, type CheckResult } from './project';

export async function checkConvert(): Promise<CheckResult> {
    const output = mkdtempSync(join(tmpdir(), 'checkout-kit-convert-'));
    const problems: string[] = [];
    let summary = '';
    try {
        const components = ComponentSet.fromSource(join(ROOT, 'force-app'));
        await new MetadataConverter().convert(components, 'metadata', {
            type: 'directory',
            outputDirectory: output,
            genUniqueDir: false
        });
        const written = listFiles(output);
        const leaked = written.filter(
            (file) =>
                file.endsWith('.ts') || file.includes('__tests__') || file.endsWith('tsconfig.json')
        );
        for (const file of leaked) {
            problems.push(`converted output contains ${file} (missing from .forceignore?)`);
        }
        if (!written.some((file) => file.endsWith('package.xml'))) {
            problems.push('no package.xml in the converted output');
        }
        const types = new Set(components.toArray().map((component) => component.type.name));
        summary = `${components.size} components (${[...types].sort().join(', ')}), ${written.length} files`;
    } catch (error) {
        problems.push(error instanceof Error ? error.message : String(error));
    } finally {
        rmSync(output, { recursive: true, force: true });
    }
    return { name: 'sf project convert source (source-deploy-retrieve)', problems, summary };
}

function listFiles(dir: string): string[] {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((file) => statSync(join(dir, file)).isFile())
        .map((file) => relative(dir, join(dir, file)));
}
