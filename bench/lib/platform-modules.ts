/**
 * Lets Node load the engine's TypeScript source outside the platform. The engine imports `@salesforce/*`
 * (and `@app/*`) modules only from its production transport, LWR context and labels modules; here each one
 * resolves to a stand-in:
 * labels to their real values from the Custom Labels file, Apex methods to functions that reject (the bench
 * always passes its own transport), store context to guest defaults.
 *
 * tsx runs this package's `.ts` files as CommonJS, so the hook sits on `Module._load`.
 */
import { existsSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';
import { CUSTOM_LABELS_FILE, readCustomLabels } from '../../scripts/lib/custom-labels';

export const repoRoot = join(__dirname, '..', '..');

let labels: Map<string, string> | undefined;

/** Every Custom Label, by API name (without the `c.` prefix); read once per process. */
export function customLabels(): ReadonlyMap<string, string> {
    labels ??= readCustomLabels();
    return labels;
}

function standIn(request: string): unknown {
    if (request.startsWith('@salesforce/label/')) {
        const name = request.slice('@salesforce/label/'.length).replace(/^c\./, '');
        const value = customLabels().get(name);
        if (value === undefined) {
            throw new Error(`No Custom Label named ${name} in ${CUSTOM_LABELS_FILE}`);
        }
        return value;
    }
    if (request.startsWith('@salesforce/apex/')) {
        return () =>
            Promise.reject(new Error(`${request} is not available in the bench: pass a transport`));
    }
    if (request === '@salesforce/user/isGuest') return true;
    if (request === '@salesforce/community/basePath') return '';
    if (request === '@salesforce/webstore/Id') return '';
    // The bench's transport sends the emulator session's token itself (node-transport), so the engine's LWR
    // context has none: its production transport is never used here.
    if (request === '@app/csrfToken') return '';
    if (request === '@salesforce/i18n/currency') return 'USD';
    if (request.startsWith('@salesforce/i18n/')) return 'en-US';
    return undefined;
}

/**
 * The platform's scoped modules (and the LWR runtime's `@app/*`); other `@salesforce/*` names are real npm
 * packages (lint configs …).
 */
const PLATFORM_PREFIXES = [
    '@app/',
    '@salesforce/label/',
    '@salesforce/apex/',
    '@salesforce/apexContinuation/',
    '@salesforce/user/',
    '@salesforce/community/',
    '@salesforce/webstore/',
    '@salesforce/i18n/',
    '@salesforce/site/',
    '@salesforce/client/',
    '@salesforce/schema/',
    '@salesforce/resourceUrl/',
    '@salesforce/contentAssetUrl/',
    '@salesforce/customPermission/',
    '@salesforce/userPermission/',
    '@salesforce/messageChannel/'
];

function isPlatformModule(request: string): boolean {
    return PLATFORM_PREFIXES.some((prefix) => request.startsWith(prefix));
}

let installed = false;

/** Installs the resolver once per process; idempotent. */
export function installPlatformModules(): void {
    if (installed) return;
    installed = true;
    type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;
    const moduleWithLoader = Module as unknown as { _load: Loader };
    const originalLoad = moduleWithLoader._load;
    moduleWithLoader._load = function load(request: string, parent: unknown, isMain: boolean) {
        if (isPlatformModule(request)) {
            return { __esModule: true, default: standIn(request) };
        }
        // The engine's LWC imports (`c/checkoutValidation`): their TypeScript source when there is one.
        if (request.startsWith('c/')) {
            const name = request.slice(2);
            const folder = join(repoRoot, 'force-app/main/default/lwc', name);
            const source = [`${name}.ts`, `${name}.js`]
                .map((file) => join(folder, file))
                .find((file) => existsSync(file));
            return originalLoad.call(this, source ?? request, parent, isMain);
        }
        return originalLoad.call(this, request, parent, isMain);
    };
}
