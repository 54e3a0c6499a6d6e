import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/**
 * Flags for a headless Chromium on a machine with no network but the preview's: without the
 * background-networking ones, Chromium's own update and sync traffic fails and slows every test.
 */
export const CHROMIUM_FLAGS = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync'
];

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Debian's Chromium where installed; otherwise the binary that ships inside `@sparticuz/chromium`. */
export async function chromiumExecutable(): Promise<string> {
    const system = SYSTEM_CHROMIUM.find((candidate) => existsSync(candidate));
    if (system) {
        return system;
    }
    const { default: sparticuz } = await import('@sparticuz/chromium');
    return sparticuz.executablePath();
}

export interface LaunchedBrowser {
    context: BrowserContext;
    close(): Promise<void>;
}

/** A fresh profile (`--user-data-dir`) per launch, so no state leaks between test files. */
export async function launchBrowser(): Promise<LaunchedBrowser> {
    const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'checkout-kit-chromium-'));
    const context = await chromium.launchPersistentContext(userDataDir, {
        executablePath: await chromiumExecutable(),
        headless: true,
        args: CHROMIUM_FLAGS,
        viewport: { width: 1280, height: 900 },
        locale: 'en-US',
        timezoneId: 'America/Los_Angeles'
    });
    return {
        context,
        async close() {
            await context.close();
            rmSync(userDataDir, { recursive: true, force: true });
        }
    };
}
