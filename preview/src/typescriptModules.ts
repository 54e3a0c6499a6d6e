import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'rollup';
import ts from 'typescript';

/**
 * Lets the browser build use the engine's TypeScript sources directly, so a fresh clone needs no prior
 * `npm run build`: `.ts` modules are transpiled (types stripped, no type check: `npm run typecheck` does that)
 * before the LWC compiler sees them. A relative `./x.js` import from a `.ts` module finds `./x.ts` when no
 * compiled `.js` sits beside it.
 */
export function typescriptModules(): Plugin {
    return {
        name: 'checkout-kit-typescript-modules',
        resolveId(source, importer) {
            const importerFile = importer?.split('?')[0];
            if (!importerFile || !importerFile.endsWith('.ts') || !source.startsWith('.')) {
                return null;
            }
            const resolved = path.resolve(path.dirname(importerFile), source);
            if (source.endsWith('.js') && !existsSync(resolved)) {
                const typescriptSource = resolved.slice(0, -'.js'.length) + '.ts';
                return existsSync(typescriptSource) ? typescriptSource : null;
            }
            return null;
        },
        transform(code, id) {
            const file = id.split('?')[0];
            if (!file.endsWith('.ts') || file.endsWith('.d.ts') || id.startsWith('\0')) {
                return null;
            }
            const output = ts.transpileModule(code, {
                fileName: file,
                compilerOptions: {
                    target: ts.ScriptTarget.ES2021,
                    module: ts.ModuleKind.ESNext,
                    sourceMap: true,
                    inlineSources: true,
                    verbatimModuleSyntax: false,
                    isolatedModules: true
                }
            });
            return {
                code: output.outputText.replace(/\n\/\/# sourceMappingURL=.*$/, ''),
                map: output.sourceMapText ?? null
            };
        }
    };
}
