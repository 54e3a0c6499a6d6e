import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import lwc from '@lwc/rollup-plugin';
import nodeResolve from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import { rollup, watch, type Plugin, type RollupLog, type RollupOptions } from 'rollup';
import { CUSTOM_LABELS_FILE } from '../../scripts/lib/custom-labels';
import { builderDefaults } from './builderDefaults';
import { salesforceModules } from './salesforceModules';
import { typescriptModules } from './typescriptModules';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FORCE_APP_LWC_DIR = path.join(REPO_ROOT, 'force-app/main/default/lwc');
export const PREVIEW_APP_DIR = path.join(REPO_ROOT, 'preview/app');

/** The four Experience Builder components the page composes, as an admin would place them. */
export const CHECKOUT_COMPONENTS = [
    'checkoutContactForm',
    'checkoutAddressForm',
    'checkoutDeliveryMethod',
    'checkoutPayment',
    'checkoutOrderSummary'
];

export interface BuildReport {
    ok: boolean;
    durationMs: number;
    /** Build errors, formatted for a terminal and for the page's error overlay. */
    errors: string[];
    /** Warnings from our own code (force-app and preview), not from lightning-base-components. */
    warnings: string[];
    /** `c.*` labels a component imports that CustomLabels.labels-meta.xml does not define. */
    missingLabels: string[];
    /** The bundle stored for these same inputs was served: nothing was built. */
    fromCache?: boolean;
}

export interface PreviewBuildOptions {
    /** Where the browser bundle is written; the server serves it from there. */
    outDir: string;
    /** The browser entry module; the checkout page with its developer panel unless given. */
    entry?: string;
}

/**
 * The `c/<name>` modules of force-app: the engine's `.ts` source where there is one, else the `.js`, else the
 * `.css` of a CSS-only module (shared styles).
 */
export function forceAppComponentEntry(name: string): string | undefined {
    for (const extension of ['.ts', '.js', '.css']) {
        const file = path.join(FORCE_APP_LWC_DIR, name, name + extension);
        if (existsSync(file)) {
            return file;
        }
    }
    return undefined;
}

export function listForceAppComponents(): string[] {
    if (!existsSync(FORCE_APP_LWC_DIR)) {
        return [];
    }
    return readdirSync(FORCE_APP_LWC_DIR, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && forceAppComponentEntry(entry.name))
        .map((entry) => entry.name)
        .sort();
}

/**
 * Resolves `c/<name>` to its bundle file with the `specifier` query the LWC Rollup plugin reads, which is what
 * one alias module record per component would do, but it also finds components created while watching.
 */
function forceAppComponents(): Plugin {
    return {
        name: 'checkout-kit-force-app-components',
        resolveId(source) {
            const match = /^c\/([A-Za-z][A-Za-z0-9_]*)$/.exec(source);
            if (!match) {
                return null;
            }
            const entry = forceAppComponentEntry(match[1]);
            return entry ? `${entry}?specifier=${encodeURIComponent(source)}` : null;
        }
    };
}

/**
 * The LWC runtime matching the compiler the LWC Rollup plugin uses (the `lwc` package's own copies, not the
 * older engine sfdx-lwc-jest hoists to the top of node_modules).
 */
function lwcRuntime(): Plugin {
    const fromLwc = createRequire(path.join(REPO_ROOT, 'node_modules/lwc/index.js'));
    const runtime: Record<string, string> = {
        lwc: fromLwc.resolve('@lwc/engine-dom'),
        '@lwc/synthetic-shadow': fromLwc.resolve('@lwc/synthetic-shadow'),
        '@lwc/wire-service': fromLwc.resolve('@lwc/wire-service')
    };
    return {
        name: 'checkout-kit-lwc-runtime',
        resolveId: (source) => runtime[source] ?? null
    };
}

function rollupOptions(options: PreviewBuildOptions, report: BuildReport): RollupOptions {
    return {
        input: options.entry ?? path.join(PREVIEW_APP_DIR, 'main.js'),
        preserveEntrySignatures: false,
        plugins: [
            replace({
                preventAssignment: true,
                values: {
                    'import.meta.env.SSR': 'false',
                    'process.env.NODE_ENV': JSON.stringify('production')
                }
            }),
            salesforceModules({
                labelsFile: CUSTOM_LABELS_FILE,
                onMissingLabel: (name) => {
                    if (!report.missingLabels.includes(name)) {
                        report.missingLabels.push(name);
                    }
                }
            }),
            builderDefaults(FORCE_APP_LWC_DIR, () => CHECKOUT_COMPONENTS),
            lwcRuntime(),
            forceAppComponents(),
            typescriptModules(),
            lwc({
                rootDir: PREVIEW_APP_DIR,
                defaultModules: [],
                modules: [
                    { dir: path.join(PREVIEW_APP_DIR, 'modules') },
                    { npm: 'lightning-base-components' }
                ],
                enableSyntheticElementInternals: true
            }),
            nodeResolve({ browser: true })
        ],
        onLog(level, log: RollupLog, handler) {
            if (log.code === 'UNRESOLVED_IMPORT') {
                // The browser cannot load a bare specifier: fail the build instead of the page.
                handler('error', log);
                return;
            }
            if (level === 'warn' && isOwnCode(log)) {
                report.warnings.push(formatLog(log));
            }
        },
        output: {
            dir: options.outDir,
            format: 'es',
            entryFileNames: 'main.js',
            chunkFileNames: 'chunks/[name]-[hash].js',
            sourcemap: true
        },
        watch: { clearScreen: false, exclude: ['node_modules/**'] }
    };
}

function isOwnCode(log: RollupLog): boolean {
    const where = log.id ?? log.loc?.file ?? '';
    if (log.code === 'CIRCULAR_DEPENDENCY' || log.code === 'THIS_IS_UNDEFINED') {
        return false;
    }
    return !where.includes('node_modules');
}

function formatLog(log: RollupLog | Error): string {
    const details = log as RollupLog;
    const where = details.loc
        ? `${path.relative(REPO_ROOT, details.loc.file ?? details.id ?? '')}:${details.loc.line}:${details.loc.column}`
        : details.id
          ? path.relative(REPO_ROOT, details.id.split('?')[0])
          : '';
    return [where, log.message, details.frame].filter(Boolean).join('\n');
}

function emptyReport(): BuildReport {
    return { ok: false, durationMs: 0, errors: [], warnings: [], missingLabels: [] };
}

/** One build, written to `outDir`. */
export async function buildPreview(options: PreviewBuildOptions): Promise<BuildReport> {
    const report = emptyReport();
    const started = Date.now();
    const config = rollupOptions(options, report);
    try {
        const bundle = await rollup(config);
        await bundle.write(config.output as Parameters<typeof bundle.write>[0]);
        await bundle.close();
        report.ok = true;
    } catch (error) {
        report.errors.push(formatLog(error as Error));
    }
    report.durationMs = Date.now() - started;
    return report;
}

export interface PreviewWatcher {
    close(): Promise<void>;
}

/**
 * Rollup watch mode: rebuilds on every change to a component, the engine, a label or the page. `onStart` is
 * told before each build reads its inputs.
 */
export function watchPreview(
    options: PreviewBuildOptions,
    onBuild: (report: BuildReport) => void,
    onStart?: () => void
): PreviewWatcher {
    const report = emptyReport();
    const config = rollupOptions(options, report);
    const watcher = watch(config);
    watcher.on('event', (event) => {
        if (event.code === 'START') {
            Object.assign(report, emptyReport());
            onStart?.();
        } else if (event.code === 'BUNDLE_END') {
            report.ok = true;
            report.durationMs = event.duration;
            void event.result.close();
            onBuild({ ...report });
        } else if (event.code === 'ERROR') {
            report.errors.push(formatLog(event.error));
            void event.result?.close();
            onBuild({ ...report });
        }
    });
    return { close: () => watcher.close() };
}
