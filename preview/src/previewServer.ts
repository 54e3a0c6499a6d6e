import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createEmulator, defaultFaults, type Emulator } from '../../emulator/src/index';
import {
    buildPreview,
    REPO_ROOT,
    watchPreview,
    type BuildReport,
    type PreviewWatcher
} from './build';
import { buildPreviewCached, watchPreviewCached } from './buildCache';
import { renderPage } from './page';
import { guardRequest } from './requestGuard';
import { CONTEXT_MODULE_URL } from './salesforceModules';
import { renderContextModule, storeContextOf } from './storeContext';

const SLDS_ASSETS_DIR = path.join(REPO_ROOT, 'node_modules/@salesforce-ux/design-system/assets');
const PREVIEW_STATIC_DIR = path.join(REPO_ROOT, 'preview/public');
const FONTS_DIR = path.join(REPO_ROOT, 'node_modules/@fontsource/inter/files');

/** Folders served as they are, by URL prefix; the packaged ones may be cached (`no-store` otherwise). */
const STATIC_FOLDERS: Array<{ prefix: string; dir: string; cacheControl?: string }> = [
    { prefix: '/assets/', dir: SLDS_ASSETS_DIR, cacheControl: 'public, max-age=3600' },
    { prefix: '/__preview/fonts/', dir: FONTS_DIR, cacheControl: 'public, max-age=86400' },
    { prefix: '/__preview/static/', dir: PREVIEW_STATIC_DIR }
];

const CONTENT_TYPES: Record<string, string> = {
    '.js': 'text/javascript; charset=utf-8',
    '.map': 'application/json; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.jpg': 'image/jpeg',
    '.woff2': 'font/woff2',
    '.woff': 'font/woff',
    '.json': 'application/json; charset=utf-8'
};

export interface PreviewServerOptions {
    /** 0 picks a free port. */
    port: number;
    host?: string;
    /** Rebuild on every change (npm start); tests build once. */
    watch?: boolean;
    /**
     * Reuse (or store) the bundle for these exact inputs here: a start with nothing changed builds nothing, and
     * test files share a build.
     */
    cacheDir?: string;
    /** The browser entry module: the checkout page unless given; tests build a small one. */
    entry?: string;
    /** Build progress and errors; silent when omitted. */
    log?: (line: string) => void;
}

export interface PreviewServer {
    url: string;
    port: number;
    /** The emulator behind the page, for tests that inspect its state directly. */
    emulator: Emulator;
    /** The first build's report: the page is served once it is done. */
    firstBuild: Promise<BuildReport>;
    lastBuild(): BuildReport | null;
    close(): Promise<void>;
}

export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
    const log = options.log ?? (() => undefined);
    const host = options.host ?? '127.0.0.1';
    const ownOutDir = options.cacheDir
        ? null
        : mkdtempSync(path.join(os.tmpdir(), 'checkout-kit-preview-'));
    let outDir = ownOutDir ?? options.cacheDir ?? '';
    const emulator = createEmulator();
    const liveReloadClients = new Set<ServerResponse>();
    let lastBuild: BuildReport | null = null;
    let buildId = 0;
    let watcher: PreviewWatcher | undefined;

    const onBuild = (report: BuildReport): void => {
        lastBuild = report;
        buildId += 1;
        reportBuild(report, log);
        for (const client of liveReloadClients) {
            client.write(`event: build\ndata: ${JSON.stringify({ buildId, ok: report.ok })}\n\n`);
        }
    };

    const firstBuild = new Promise<BuildReport>((resolve) => {
        log('building the components for the browser…');
        const settle = (report: BuildReport): void => {
            onBuild(report);
            resolve(report);
        };
        if (options.watch) {
            let first = true;
            const onWatchBuild = (report: BuildReport & { outDir?: string }): void => {
                outDir = report.outDir || outDir;
                if (first) {
                    first = false;
                    settle(report);
                } else {
                    onBuild(report);
                }
            };
            watcher = options.cacheDir
                ? watchPreviewCached(
                      { cacheDir: options.cacheDir, entry: options.entry },
                      onWatchBuild
                  )
                : watchPreview({ outDir, entry: options.entry }, onWatchBuild);
            return;
        }
        const build = options.cacheDir
            ? buildPreviewCached(options.cacheDir, options.entry).then((report) => {
                  outDir = report.outDir;
                  return report;
              })
            : buildPreview({ outDir, entry: options.entry });
        build
            .catch((error: unknown): BuildReport => ({
                ok: false,
                durationMs: 0,
                errors: [String(error)],
                warnings: [],
                missingLabels: []
            }))
            .then(settle);
    });

    const server: Server = createServer((request, response) => {
        route(request, response).catch((error: unknown) => {
            log(`error serving ${request.method} ${request.url}: ${String(error)}`);
            if (!response.headersSent) {
                sendText(response, 500, 'Internal preview error');
            } else {
                response.destroy();
            }
        });
    });

    async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
        const pathname = guardRequest(request, response);
        if (pathname === null) return;
        if (request.method === 'GET' && (pathname === '/' || pathname === '/checkout')) {
            await firstBuild;
            sendText(response, 200, renderPage(lastBuild, buildId), 'text/html; charset=utf-8');
            return;
        }
        if (request.method === 'GET' && pathname === CONTEXT_MODULE_URL) {
            sendText(
                response,
                200,
                renderContextModule(storeContextOf(emulator.state())),
                CONTENT_TYPES['.js']
            );
            return;
        }
        if (request.method === 'GET' && pathname === '/__preview/build') {
            sendText(
                response,
                200,
                JSON.stringify({ buildId, ...lastBuild }),
                CONTENT_TYPES['.json']
            );
            return;
        }
        if (request.method === 'GET' && pathname === '/__preview/fault-defaults') {
            sendText(response, 200, JSON.stringify(defaultFaults()), CONTENT_TYPES['.json']);
            return;
        }
        if (request.method === 'GET' && pathname === '/__preview/events') {
            openLiveReloadStream(response);
            return;
        }
        if (request.method === 'GET' && pathname.startsWith('/dist/')) {
            await firstBuild;
            sendFile(response, outDir, pathname.slice('/dist/'.length));
            return;
        }
        const folder = STATIC_FOLDERS.find(({ prefix }) => pathname.startsWith(prefix));
        if (request.method === 'GET' && folder) {
            const { prefix, dir, cacheControl } = folder;
            sendFile(response, dir, pathname.slice(prefix.length), cacheControl);
            return;
        }
        if (await emulator.handle(request, response)) {
            return;
        }
        sendText(response, 404, `Not found: ${pathname}`);
    }

    function openLiveReloadStream(response: ServerResponse): void {
        response.writeHead(200, {
            'Content-Type': 'text/event-stream',
            'Cache-Control': 'no-store',
            Connection: 'keep-alive'
        });
        response.write(`event: hello\ndata: ${JSON.stringify({ buildId })}\n\n`);
        liveReloadClients.add(response);
        response.on('close', () => liveReloadClients.delete(response));
    }

    await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port, host, () => resolve());
    });
    const port = (server.address() as AddressInfo).port;

    return {
        url: `http://${host}:${port}`,
        port,
        emulator,
        firstBuild,
        lastBuild: () => lastBuild,
        async close() {
            for (const client of liveReloadClients) {
                client.end();
            }
            await watcher?.close();
            await firstBuild;
            server.closeAllConnections();
            await new Promise<void>((resolve) => server.close(() => resolve()));
            emulator.close();
            if (ownOutDir) {
                rmSync(ownOutDir, { recursive: true, force: true });
            }
        }
    };
}

function reportBuild(report: BuildReport, log: (line: string) => void): void {
    if (!report.ok) {
        log(`build failed:\n${report.errors.join('\n\n')}`);
        return;
    }
    log(
        report.fromCache
            ? 'reused the stored build of these same sources (nothing changed since it was built)'
            : `built in ${(report.durationMs / 1000).toFixed(1)} s`
    );
    for (const warning of report.warnings) {
        log(`warning: ${warning}`);
    }
    if (report.missingLabels.length > 0) {
        log(`labels missing from CustomLabels.labels-meta.xml: ${report.missingLabels.join(', ')}`);
    }
}

function sendText(
    response: ServerResponse,
    status: number,
    body: string,
    contentType = 'text/plain; charset=utf-8'
): void {
    response.writeHead(status, { 'Content-Type': contentType, 'Cache-Control': 'no-store' });
    response.end(body);
}

/** Serves a file below `root`; never outside it. */
function sendFile(
    response: ServerResponse,
    root: string,
    relative: string,
    cacheControl = 'no-store'
): void {
    const file = path.resolve(root, relative);
    if (!file.startsWith(root + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
        sendText(response, 404, `Not found: ${relative}`);
        return;
    }
    response.writeHead(200, {
        'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
        'Cache-Control': cacheControl
    });
    createReadStream(file).pipe(response);
}
