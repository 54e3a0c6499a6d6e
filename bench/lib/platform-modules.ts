/**
 * Lets Node load the engine's TypeScript source outside the platform. The engine imports `@salesforce/*`
 * modules only from its production transport and labels modules; here each one resolves to a stand-in:
 * labels to their real values from the Custom Labels file, Apex methods to functions that reject (the bench
 * always passes its own transport), store context to guest defaults.
 *
 * tsx runs this package's `.ts` files as CommonJS, so the hook sits on `Module._load`.
 */
import { existsSync, readFileSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';

export const repoRoot = join(__dirname, '..', '..');
const labelsFile = join(repoRoot, 'force-app/main/default/labels/CustomLabels.labels-meta.xml');

let labels: Map<string, string> | undefined;

function decodeXml(text: string): string {
    return text
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&');
}

/** Every Custom Label, by API name (without the `c.` prefix). */
export function customLabels(): ReadonlyMap<string, string> {
    if (!labels) {
        labels = new Map();
        const xml = readFileSync(labelsFile, 'utf8');
        for (const match of xml.matchAll(/<labels>([\s\S]*?)<\/labels>/g)) {
            const name = /<fullName>([\s\S]*?)<\/fullName>/.exec(match[1])?.[1];
            const value = /<value>([\s\S]*?)<\/value>/.exec(match[1])?.[1];
            if (name !== undefined && value !== undefined) {
                labels.set(name.trim(), decodeXml(value));
            }
        }
    }
    return labels;
}

function standIn(request: string): unknown {
    if (request.startsWith('@salesforce/label/')) {
        const name = request.slice('@salesforce/label/'.length).replace(/^c\./, '');
        const value = customLabels().get(name);
        if (value === undefined) {
            throw new Error(`No Custom Label named ${name} in ${labelsFile}`);
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
    if (request === '@salesforce/i18n/currency') return 'USD';
    if (request.startsWith('@salesforce/i18n/')) return 'en-US';
    return undefined;
}

/** The platform's scoped modules; other `@salesforce/*` names are real npm packages (lint configs …). */
const PLATFORM_PREFIXES = [
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
