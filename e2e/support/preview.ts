import type { EmulatorState, Faults, RequestLogEntry } from '../../emulator/src/index';
import { PREVIEW_CACHE_DIR } from '../../preview/src/buildCache';
import { startPreviewServer, type PreviewServer } from '../../preview/src/previewServer';

/** Every emulator delay is multiplied by this: calculators take tens of milliseconds instead of seconds. */
export const E2E_TIME_SCALE = 0.1;

const WAIT_FOR_REQUEST_MS = 20_000;

export interface ResetOptions {
    scenario: 'd2c-guest' | 'b2b-buyer' | 'multi-group' | 'digital-only' | 'cpq';
    seed?: number;
    timeScale?: number;
    faults?: Partial<Faults>;
    cpqOutcome?: string | string[];
    /** Place order refuses a checkout without a payment; the scenario's default (on for b2b-buyer) when left out. */
    paymentRequired?: boolean;
}

export interface E2ePreview {
    url: string;
    /** The checkout page with the developer panel collapsed to its bar. */
    pageUrl: string;
    reset(options: ResetOptions): Promise<EmulatorState>;
    setFaults(faults: Partial<Faults> & { cpqOutcome?: string | string[] }): Promise<void>;
    requests(): Promise<RequestLogEntry[]>;
    /** Waits until the request log holds a request matching `predicate`, and returns it. */
    waitForRequest(predicate: (request: RequestLogEntry) => boolean): Promise<RequestLogEntry>;
    state(): Promise<EmulatorState>;
    close(): Promise<void>;
}

/**
 * `npm start`'s server on a free port, driven through its same-origin admin API as a developer would. Test
 * files share npm start's stored bundle for the same sources (see buildPreviewCached).
 */
export async function startE2ePreview(): Promise<E2ePreview> {
    const server: PreviewServer = await startPreviewServer({
        port: 0,
        cacheDir: PREVIEW_CACHE_DIR
    });
    const build = await server.firstBuild;
    if (!build.ok) {
        await server.close();
        throw new Error(`The preview build failed:\n${build.errors.join('\n\n')}`);
    }
    const admin = async (method: string, resource: string, body?: unknown): Promise<unknown> => {
        const response = await fetch(`${server.url}/__emulator/${resource}`, {
            method,
            headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
            body: body === undefined ? undefined : JSON.stringify(body)
        });
        const text = await response.text();
        if (!response.ok) {
            throw new Error(
                `${method} /__emulator/${resource} answered ${response.status}: ${text}`
            );
        }
        return text ? JSON.parse(text) : null;
    };
    return {
        url: server.url,
        pageUrl: `${server.url}/?panel=collapsed`,
        reset: (options) =>
            admin('POST', 'reset', {
                seed: 1,
                timeScale: E2E_TIME_SCALE,
                faults: {},
                ...options
            }) as Promise<EmulatorState>,
        setFaults: async (faults) => {
            await admin('PUT', 'faults', faults);
        },
        requests: () => admin('GET', 'requests') as Promise<RequestLogEntry[]>,
        waitForRequest: async (predicate) => {
            const deadline = Date.now() + WAIT_FOR_REQUEST_MS;
            for (;;) {
                const found = ((await admin('GET', 'requests')) as RequestLogEntry[]).find(
                    predicate
                );
                if (found) {
                    return found;
                }
                if (Date.now() > deadline) {
                    throw new Error('No matching request reached the emulator');
                }
                await new Promise((resolve) => setTimeout(resolve, 100));
            }
        },
        state: () => admin('GET', 'state') as Promise<EmulatorState>,
        close: () => server.close()
    };
}
