import type { Plugin } from 'rollup';
import { readCustomLabels } from '../../scripts/lib/custom-labels';

/**
 * The one place where the platform's scoped modules get their preview stand-ins.
 *
 * - `@salesforce/label/c.*`: the real values from the project's Custom Labels file (read on every build, so an
 *   edited label shows after the rebuild).
 * - `@salesforce/apex/{Class}.{method}`: `POST /apex/{Class}/{method}` on the preview's origin (the emulator),
 *   rejecting like the platform does (`{status, body: {message, exceptionType}}`).
 * - Store context that follows the emulator's scenario (`@salesforce/user/isGuest`, `@salesforce/webstore/Id`,
 *   `@salesforce/user/Id`, `@salesforce/effectiveAccount/Id`, and the LWR runtime's `@app/csrfToken`):
 *   re-exported from `CONTEXT_MODULE_URL`, which the server renders per request from the emulator's state, so
 *   a page load picks up the session's current CSRF token (it changes with the scenario and seed).
 * - Fixed LWR site context (`@salesforce/community/*`, `@salesforce/site/Id`) and the `@salesforce/i18n/*` values
 *   below; every other `@salesforce/i18n/*` key falls through to the en-US stubs lightning-base-components ships.
 */

/** Served by the preview server: `export const isGuest, webstoreId, userId, effectiveAccountId, csrfToken`. */
export const CONTEXT_MODULE_URL = '/__preview/context.js';

/** The site's base path: empty, so Connect REST goes to `/webruntime/api/services/data/…` on this origin. */
export const PREVIEW_BASE_PATH = '';

const PREVIEW_I18N: Record<string, string | number> = {
    locale: 'en-US',
    // What Salesforce's checkout sends as `language`, and what `@salesforce/i18n/lang` gives on an en-US site.
    lang: 'en-US',
    currency: 'USD',
    dir: 'ltr',
    timeZone: 'America/Los_Angeles',
    defaultCalendar: 'gregorian',
    firstDayOfWeek: 1
};

const FIXED_CONTEXT: Record<string, string> = {
    '@salesforce/community/basePath': JSON.stringify(PREVIEW_BASE_PATH),
    '@salesforce/community/Id': JSON.stringify('0DBPREVIEW000001'),
    '@salesforce/site/Id': JSON.stringify('0DMPREVIEW000001'),
    '@salesforce/client/formFactor': JSON.stringify('Large')
};

const DYNAMIC_CONTEXT: Record<string, string> = {
    '@salesforce/user/isGuest': 'isGuest',
    '@salesforce/webstore/Id': 'webstoreId',
    '@salesforce/user/Id': 'userId',
    '@salesforce/effectiveAccount/Id': 'effectiveAccountId',
    '@app/csrfToken': 'csrfToken'
};

const APEX_CLIENT = '\0preview:apex-client';
const VIRTUAL_PREFIX = '\0preview:';

const APEX_CLIENT_SOURCE = `
export function callApex(className, methodName, params) {
    return fetch('/apex/' + className + '/' + methodName, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify(params === undefined ? {} : params)
    }).then(function (response) {
        return response.text().then(function (text) {
            var body = text ? JSON.parse(text) : null;
            if (response.ok) {
                return body;
            }
            var error = {
                status: response.status,
                statusText: response.statusText,
                ok: false,
                body: body && typeof body === 'object' ? body : { message: String(text) }
            };
            throw error;
        });
    });
}
`;

export interface SalesforceModulesOptions {
    labelsFile: string;
    /** Called with every `c.*` label a component imports that the labels file does not define. */
    onMissingLabel?: (name: string, importer: string | undefined) => void;
}

export function salesforceModules(options: SalesforceModulesOptions): Plugin {
    let labels = new Map<string, string>();
    return {
        name: 'checkout-kit-salesforce-modules',
        buildStart() {
            labels = readCustomLabels(options.labelsFile);
            this.addWatchFile(options.labelsFile);
        },
        resolveId(source, importer) {
            if (source === CONTEXT_MODULE_URL) {
                return { id: CONTEXT_MODULE_URL, external: true };
            }
            if (source.startsWith('@salesforce/label/c.')) {
                const name = source.slice('@salesforce/label/c.'.length);
                if (!labels.has(name)) {
                    options.onMissingLabel?.(name, importer);
                }
                return VIRTUAL_PREFIX + source;
            }
            if (source.startsWith('@salesforce/i18n/')) {
                return source.slice('@salesforce/i18n/'.length) in PREVIEW_I18N
                    ? VIRTUAL_PREFIX + source
                    : null;
            }
            if (
                source === '@salesforce/apex' ||
                source.startsWith('@salesforce/apex/') ||
                source in FIXED_CONTEXT ||
                source in DYNAMIC_CONTEXT
            ) {
                return VIRTUAL_PREFIX + source;
            }
            return source === APEX_CLIENT ? APEX_CLIENT : null;
        },
        load(id) {
            if (id === APEX_CLIENT) {
                return APEX_CLIENT_SOURCE;
            }
            if (!id.startsWith(VIRTUAL_PREFIX)) {
                return null;
            }
            const source = id.slice(VIRTUAL_PREFIX.length);
            if (source.startsWith('@salesforce/label/c.')) {
                const name = source.slice('@salesforce/label/c.'.length);
                return `export default ${JSON.stringify(labels.get(name) ?? `[missing label c.${name}]`)};`;
            }
            if (source.startsWith('@salesforce/i18n/')) {
                const key = source.slice('@salesforce/i18n/'.length);
                return `export default ${JSON.stringify(PREVIEW_I18N[key])};`;
            }
            if (source === '@salesforce/apex') {
                return [
                    'export function refreshApex() { return Promise.resolve(); }',
                    'export function getSObjectValue(record, field) {',
                    '    var name = typeof field === "string" ? field : field.fieldApiName;',
                    '    return record ? record[name] : undefined;',
                    '}'
                ].join('\n');
            }
            if (source.startsWith('@salesforce/apex/')) {
                const [className, methodName] = source.slice('@salesforce/apex/'.length).split('.');
                return [
                    `import { callApex } from ${JSON.stringify(APEX_CLIENT)};`,
                    `export default function (params) {`,
                    `    return callApex(${JSON.stringify(className)}, ${JSON.stringify(methodName)}, params);`,
                    `}`
                ].join('\n');
            }
            if (source in FIXED_CONTEXT) {
                return `export default ${FIXED_CONTEXT[source]};`;
            }
            if (source in DYNAMIC_CONTEXT) {
                const exported = DYNAMIC_CONTEXT[source];
                return `export { ${exported} as default } from ${JSON.stringify(CONTEXT_MODULE_URL)};`;
            }
            return null;
        }
    };
}
