import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { launchBrowser, type LaunchedBrowser } from './browser';
import { startE2ePreview, type E2ePreview } from './preview';

/** What a browser suite drives: the preview server and a headless Chromium. */
export interface PreviewSuite {
    readonly preview: E2ePreview;
    readonly browser: LaunchedBrowser;
}

/** Starts the preview and Chromium before the suite's tests and closes both after them. */
export function previewWithBrowser(): PreviewSuite {
    let preview: E2ePreview | undefined;
    let browser: LaunchedBrowser | undefined;
    before(async () => {
        preview = await startE2ePreview();
        browser = await launchBrowser();
    });
    after(async () => {
        await browser?.close();
        await preview?.close();
    });
    return {
        get preview() {
            assert.ok(preview, 'the preview starts before the tests');
            return preview;
        },
        get browser() {
            assert.ok(browser, 'the browser starts before the tests');
            return browser;
        }
    };
}
