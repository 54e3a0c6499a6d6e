/** A standalone HTTP server around the emulator. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEmulator, type Emulator, type EmulatorOptions } from './emulator';
import { isAdminPath } from './http/adminRoutes';

export interface EmulatorServer {
    url: string;
    port: number;
    emulator: Emulator;
    close(): Promise<void>;
}

function pathOf(url: string | undefined): string {
    try {
        return new URL(url ?? '/', 'http://emulator.local').pathname;
    } catch {
        return '/';
    }
}

export function startEmulatorServer(
    options: { port?: number; host?: string } & EmulatorOptions = {}
): Promise<EmulatorServer> {
    const { port = 0, host = '127.0.0.1', ...emulatorOptions } = options;
    const emulator = createEmulator(emulatorOptions);
    const server = createServer((req, res) => {
        res.setHeader('x-content-type-options', 'nosniff');
        // Standalone, a page on another origin (a dev server) may call the API: any origin, no credentials.
        // Never the admin routes: another origin must not reset or read the emulator.
        if (isAdminPath(pathOf(req.url))) {
            if (req.method === 'OPTIONS') {
                res.writeHead(403).end();
                return;
            }
        } else {
            res.setHeader('access-control-allow-origin', '*');
        }
        if (req.method === 'OPTIONS') {
            res.writeHead(204, {
                'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE',
                'access-control-allow-headers':
                    req.headers['access-control-request-headers'] ?? 'content-type',
                'access-control-max-age': '600'
            });
            res.end();
            return;
        }
        void emulator.handle(req, res).then((handled) => {
            if (handled) return;
            const body = JSON.stringify([
                {
                    errorCode: 'NOT_FOUND',
                    message: `The requested resource does not exist: ${req.url}`
                }
            ]);
            res.writeHead(404, { 'content-type': 'application/json;charset=UTF-8' });
            res.end(body);
        });
    });
    server.keepAliveTimeout = 5000;
    return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
            server.off('error', reject);
            const actual = (server.address() as AddressInfo).port;
            resolve({
                url: `http://${host}:${actual}`,
                port: actual,
                emulator,
                close: () =>
                    new Promise<void>((done) => {
                        emulator.close();
                        server.closeAllConnections();
                        server.close(() => done());
                    })
            });
        });
    });
}
