import assert from 'node:assert/strict';
import { UI_TIMEOUT_MS } from './checkoutPage';

/**
 * Polls `check` until it holds; fails with `failure` after UI_TIMEOUT_MS. The page and the emulator settle a
 * moment after an action (a render, another tab's news, a recalculation), never at a time a test could know.
 */
export async function waitUntil(
    check: () => Promise<boolean>,
    failure: string | (() => string)
): Promise<void> {
    const deadline = Date.now() + UI_TIMEOUT_MS;
    while (!(await check())) {
        if (Date.now() > deadline) assert.fail(typeof failure === 'string' ? failure : failure());
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
}
