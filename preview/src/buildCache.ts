import { createHash } from 'node:crypto';
import {
    cpSync,
    existsSync,
    mkdtempSync,
    readdirSync,
    readFileSync,
    renameSync,
    rmSync,
    statSync,
    utimesSync,
    watch,
    writeFileSync,
    type FSWatcher
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
    buildPreview,
    FORCE_APP_LWC_DIR,
    PREVIEW_APP_DIR,
    REPO_ROOT,
    watchPreview,
    type BuildReport,
    type PreviewWatcher
} from './build';

/** Where `npm start` and the tests keep their bundles, one folder per digest of the inputs (gitignored). */
export const PREVIEW_CACHE_DIR = path.join(REPO_ROOT, '.cache/checkout-kit-preview');

const LABELS_DIR = path.join(REPO_ROOT, 'force-app/main/default/labels');
const KEPT_CACHED_BUILDS = 3;
/** Editors save in bursts (temporary file, rename): one look at the inputs after the burst. */
const SETTLE_MS = 100;

export interface CachedBuildReport extends BuildReport {
    /** The folder the bundle is served from. */
    outDir: string;
    /** The digest of the inputs the bundle was built from. */
    digest: string;
}

/** The source folders the bundle is built from: a change in one of them means a new bundle. */
function sourceTrees(entry?: string): string[] {
    const trees = [FORCE_APP_LWC_DIR, LABELS_DIR, PREVIEW_APP_DIR];
    return entry ? [...trees, path.dirname(entry)] : trees;
}

/**
 * A digest of everything the browser bundle is built from (components, engine sources and their built .js,
 * labels, the preview's page and the entry's folder, the build's own code and the metadata readers it shares
 * from scripts/lib, and the installed toolchain): equal digests give equal bundles.
 */
export function buildInputsDigest(entry?: string): string {
    const hash = createHash('sha256');
    const addFile = (file: string): void => {
        hash.update(path.relative(REPO_ROOT, file)).update('\0').update(readFileSync(file));
        hash.update('\0');
    };
    const addTree = (dir: string): void => {
        if (!existsSync(dir)) {
            return;
        }
        for (const item of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
            a.name.localeCompare(b.name)
        )) {
            const file = path.join(dir, item.name);
            if (item.isDirectory()) {
                if (item.name !== '__tests__') {
                    addTree(file);
                }
            } else if (statSync(file).isFile()) {
                addFile(file);
            }
        }
    };
    hash.update(entry ?? 'default entry').update('\0');
    for (const tree of [
        ...sourceTrees(entry),
        path.join(REPO_ROOT, 'preview/src'),
        path.join(REPO_ROOT, 'scripts/lib')
    ]) {
        addTree(tree);
    }
    addFile(path.join(REPO_ROOT, 'package-lock.json'));
    for (const pkg of ['lwc', '@lwc/rollup-plugin', 'lightning-base-components', 'rollup']) {
        addFile(path.join(REPO_ROOT, 'node_modules', pkg, 'package.json'));
    }
    return hash.digest('hex').slice(0, 16);
}

/**
 * The bundle for the current inputs from `cacheDir/<digest>`, built and stored there when there is none. A
 * bundle is written to a temporary folder first, so a concurrent reader (another test file) never sees half.
 */
export async function buildPreviewCached(
    cacheDir: string,
    entry?: string
): Promise<CachedBuildReport> {
    const digest = buildInputsDigest(entry);
    const outDir = path.join(cacheDir, digest);
    const reportFile = path.join(outDir, 'build-report.json');
    if (existsSync(reportFile)) {
        const cached = JSON.parse(readFileSync(reportFile, 'utf8')) as BuildReport;
        // Marks the bundle recently used, so pruning keeps it.
        const now = new Date();
        utimesSync(outDir, now, now);
        return { ...cached, durationMs: 0, fromCache: true, outDir, digest };
    }
    const staging = stagingDir(outDir);
    const report = await buildPreview({ outDir: staging, entry });
    if (report.ok) {
        commitToCache(cacheDir, staging, outDir, report);
    }
    rmSync(staging, { recursive: true, force: true });
    return { ...report, fromCache: false, outDir, digest };
}

function stagingDir(outDir: string): string {
    return `${outDir}.${process.pid}.tmp`;
}

/** Stores a finished bundle under its digest, unless another process stored it first. */
function commitToCache(
    cacheDir: string,
    staging: string,
    outDir: string,
    report: BuildReport
): void {
    if (existsSync(outDir)) {
        return;
    }
    writeFileSync(path.join(staging, 'build-report.json'), JSON.stringify(report));
    renameSync(staging, outDir);
    pruneCache(cacheDir, KEPT_CACHED_BUILDS);
}

/** Keeps the most recently used bundles only: every edit of a component makes a new one. */
function pruneCache(cacheDir: string, keep: number): void {
    const builds = readdirSync(cacheDir, { withFileTypes: true })
        .filter((item) => item.isDirectory() && /^[0-9a-f]{16}$/.test(item.name))
        .map((item) => ({
            dir: path.join(cacheDir, item.name),
            time: statSync(path.join(cacheDir, item.name)).mtimeMs
        }))
        .sort((a, b) => b.time - a.time);
    for (const stale of builds.slice(keep)) {
        rmSync(stale.dir, { recursive: true, force: true });
    }
}

export interface CachedWatchOptions {
    cacheDir: string;
    /** The browser entry module; the checkout page unless given. */
    entry?: string;
}

/**
 * `npm start`'s builds: the stored bundle for the current inputs (built and stored when there is none), then
 * Rollup's watch mode from the first change to a source on, so a start with nothing changed builds nothing.
 * Each rebuild is stored too, so the next start after an edit builds nothing either.
 */
export function watchPreviewCached(
    options: CachedWatchOptions,
    onBuild: (report: BuildReport & { outDir: string }) => void
): PreviewWatcher {
    const { cacheDir, entry } = options;
    let closed = false;
    let servedDigest: string | undefined;
    let settleTimer: NodeJS.Timeout | undefined;
    let rollupWatcher: PreviewWatcher | undefined;
    let rebuildDir: string | undefined;

    const startRollup = (): void => {
        closeAll(sourceWatchers);
        const outDir = mkdtempSync(path.join(os.tmpdir(), 'checkout-kit-preview-'));
        rebuildDir = outDir;
        let digestAtStart = '';
        rollupWatcher = watchPreview(
            { outDir, entry },
            (report) => {
                onBuild({ ...report, fromCache: false, outDir });
                // Stored only when no input changed while Rollup read them: the digest names the bundle.
                const digest = buildInputsDigest(entry);
                if (report.ok && digest === digestAtStart) {
                    const target = path.join(cacheDir, digest);
                    const staging = stagingDir(target);
                    cpSync(outDir, staging, { recursive: true });
                    commitToCache(cacheDir, staging, target, report);
                    rmSync(staging, { recursive: true, force: true });
                }
            },
            () => {
                digestAtStart = buildInputsDigest(entry);
            }
        );
    };

    const checkSources = (): void => {
        if (!closed && !rollupWatcher && servedDigest !== undefined) {
            if (buildInputsDigest(entry) !== servedDigest) {
                startRollup();
            }
        }
    };

    // Watching from before the first build: an edit made while it runs is not missed.
    const sourceWatchers: FSWatcher[] = sourceTrees(entry)
        .filter((dir) => existsSync(dir))
        .map((dir) =>
            watch(dir, { recursive: true }, () => {
                clearTimeout(settleTimer);
                settleTimer = setTimeout(checkSources, SETTLE_MS);
            })
        );

    const firstBuild = buildPreviewCached(cacheDir, entry)
        .catch((error: unknown): CachedBuildReport => ({
            ok: false,
            durationMs: 0,
            errors: [String(error)],
            warnings: [],
            missingLabels: [],
            outDir: '',
            digest: ''
        }))
        .then((report) => {
            servedDigest = report.digest;
            onBuild(report);
            checkSources();
        });

    return {
        async close() {
            closed = true;
            clearTimeout(settleTimer);
            closeAll(sourceWatchers);
            await firstBuild;
            await rollupWatcher?.close();
            if (rebuildDir) {
                rmSync(rebuildDir, { recursive: true, force: true });
            }
        }
    };
}

function closeAll(watchers: FSWatcher[]): void {
    for (const watcher of watchers) {
        watcher.close();
    }
}
