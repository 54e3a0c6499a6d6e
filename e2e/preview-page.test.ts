import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { launchBrowser, type LaunchedBrowser } from './support/browser';
import { UI_TIMEOUT_MS } from './support/checkoutPage';
import { startE2ePreview, type E2ePreview } from './support/preview';

/** The preview page as a developer first meets it (issue 13): the developer panel and the store header. */
describe('the preview page', () => {
    let preview: E2ePreview;
    let browser: LaunchedBrowser | undefined;

    before(async () => {
        preview = await startE2ePreview();
    });

    after(async () => {
        await browser?.close();
        await preview?.close();
    });

    /** A browser that never saw the preview: nothing remembered about the panel. */
    const freshPage = async (): Promise<Page> => {
        await browser?.close();
        browser = await launchBrowser();
        return browser.context.newPage();
    };

    const panelToggle = (page: Page) => page.getByRole('button', { name: 'Developer panel' });
    const scenarioPicker = (page: Page) =>
        page.getByRole('combobox', { name: 'Store and shopper' });

    const expandedState = async (page: Page): Promise<string | null> => {
        await panelToggle(page).waitFor({ timeout: UI_TIMEOUT_MS });
        return panelToggle(page).getAttribute('aria-expanded');
    };

    /** Opens the panel through its toggle, as a developer would (whatever it opened as). */
    const openPanel = async (page: Page): Promise<void> => {
        if ((await expandedState(page)) !== 'true') {
            await panelToggle(page).click();
        }
        await scenarioPicker(page).waitFor({ timeout: UI_TIMEOUT_MS });
    };

    /** The share of the window's height the docked panel covers. */
    const panelShare = async (page: Page): Promise<number> => {
        const box = await page.getByRole('region', { name: 'Developer panel' }).boundingBox();
        assert.ok(box, 'the developer panel is on the page');
        return box.height / (page.viewportSize()?.height ?? 1);
    };

    for (const [device, viewport] of [
        ['a laptop', { width: 1280, height: 900 }],
        ['a phone', { width: 390, height: 844 }]
    ] as const) {
        test(`the developer panel opens collapsed to its bar on ${device}, out of the shopper's way`, async () => {
            await preview.reset({ scenario: 'd2c-guest' });
            const page = await freshPage();
            await page.setViewportSize(viewport);
            await page.goto(`${preview.url}/`);
            assert.equal(await expandedState(page), 'false');
            assert.equal(await scenarioPicker(page).isVisible(), false);
            assert.ok((await panelShare(page)) < 0.2, 'the collapsed panel covers a strip only');
        });
    }

    test('the developer panel stays as the developer left it; ?panel= still overrides', async () => {
        await preview.reset({ scenario: 'd2c-guest' });
        const page = await freshPage();
        await page.goto(`${preview.url}/`);
        await panelToggle(page).click();
        assert.equal(await expandedState(page), 'true');
        await scenarioPicker(page).waitFor({ timeout: UI_TIMEOUT_MS });

        await page.reload();
        assert.equal(await expandedState(page), 'true', 'remembered open');
        await panelToggle(page).click();
        await page.reload();
        assert.equal(await expandedState(page), 'false', 'remembered closed');

        await page.goto(`${preview.url}/?panel=expanded`);
        assert.equal(await expandedState(page), 'true');
    });

    test('the multiple delivery groups scenario shows the signed-in buyer’s store in the header', async () => {
        await preview.reset({ scenario: 'd2c-guest' });
        const page = await freshPage();
        await page.goto(`${preview.url}/`);
        const header = page.getByRole('banner');
        await header.getByText('Alder & Pine Outfitters').waitFor({ timeout: UI_TIMEOUT_MS });

        await openPanel(page);
        await scenarioPicker(page).click();
        const reloaded = page.waitForEvent('load', { timeout: UI_TIMEOUT_MS });
        await page.getByRole('option', { name: 'Multiple delivery groups' }).click();
        await reloaded;

        assert.equal((await preview.state()).scenario, 'multi-group');
        await header.getByText('Northwind Industrial Supply').waitFor({ timeout: UI_TIMEOUT_MS });
        assert.equal(await header.getByText('Alder & Pine Outfitters').count(), 0);
    });
});
