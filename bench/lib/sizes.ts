/**
 * Minified + gzipped size of every LWC bundle as the platform compiler (`@lwc/sfdc-lwc-compiler`) emits it in
 * production mode. The engine's TypeScript is transpiled in memory first, the way `npm run build` does, so the
 * measurement never writes into force-app/.
 */
import { compile } from '@lwc/sfdc-lwc-compiler';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import ts from 'typescript';
import { repoRoot } from './platform-modules';

export const lwcRoot = join(repoRoot, 'force-app/main/default/lwc');

function bundleFiles(dir: string): Record<string, string> {
    const files: Record<string, string> = {};
    const names = readdirSync(dir);
    const tsConfig = join(dir, 'tsconfig.json');
    const compilerOptions = existsSync(tsConfig)
        ? ts.parseJsonConfigFileContent(
              ts.readConfigFile(tsConfig, ts.sys.readFile).config,
              ts.sys,
              dir
          ).options
        : {};
    for (const name of names) {
        const source = join(dir, name);
        if (/\.(js|html|css)$/.test(name) && !name.endsWith('.d.ts')) {
            // A .js next to a .ts is a stale build output: the .ts is the source.
            if (name.endsWith('.js') && names.includes(name.replace(/\.js$/, '.ts'))) continue;
            files[name] = readFileSync(source, 'utf8');
        } else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) {
            const output = ts.transpileModule(readFileSync(source, 'utf8'), {
                compilerOptions: { ...compilerOptions, module: ts.ModuleKind.ESNext },
                fileName: name
            });
            files[name.replace(/\.ts$/, '.js')] = output.outputText;
        }
    }
    return files;
}

export interface BundleSize {
    gzipBytes: number;
    minifiedBytes: number;
    diagnostics: string[];
}

export async function measureBundle(name: string): Promise<BundleSize> {
    const output = await compile({
        bundle: { type: 'platform', name, namespace: 'c', files: bundleFiles(join(lwcRoot, name)) },
        compilerConfigs: [{ outputConfig: { minify: true, env: { NODE_ENV: 'production' } } }]
    });
    const code = output.results?.[0]?.code ?? '';
    const diagnostics = output.diagnostics
        .filter((diagnostic) => diagnostic.level <= 1)
        .map((diagnostic) => diagnostic.message);
    if (!output.success || !code) {
        throw new Error(`${name} did not compile: ${diagnostics.join('; ') || 'no output'}`);
    }
    return {
        gzipBytes: gzipSync(code).length,
        minifiedBytes: Buffer.byteLength(code),
        diagnostics
    };
}

/** Every LWC bundle folder (anything with a same-named .js, .ts or .html). */
export function bundleNames(): string[] {
    return readdirSync(lwcRoot, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && !entry.name.startsWith('__'))
        .map((entry) => entry.name)
        .filter((name) =>
            ['.js', '.ts', '.html'].some((ext) => existsSync(join(lwcRoot, name, name + ext)))
        )
        .sort();
}

export async function measureAll(): Promise<Record<string, BundleSize | { error: string }>> {
    const sizes: Record<string, BundleSize | { error: string }> = {};
    for (const name of bundleNames()) {
        try {
            sizes[name] = await measureBundle(name);
        } catch (error) {
            sizes[name] = { error: error instanceof Error ? error.message : String(error) };
        }
    }
    return sizes;
}

/** The LWC modules a bundle imports as `c/name`, followed transitively, the bundle itself first. */
export function bundleWithImports(name: string): string[] {
    const seen = [name];
    for (let index = 0; index < seen.length; index++) {
        const folder = join(lwcRoot, seen[index]);
        for (const file of readdirSync(folder).filter((entry) => /\.(ts|js)$/.test(entry))) {
            const source = readFileSync(join(folder, file), 'utf8');
            for (const match of source.matchAll(/from\s+['"]c\/([A-Za-z0-9_]+)['"]/g)) {
                if (!seen.includes(match[1]) && existsSync(join(lwcRoot, match[1])))
                    seen.push(match[1]);
            }
        }
    }
    return seen;
}
