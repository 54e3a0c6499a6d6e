import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Locator } from 'playwright-core';
import { launchBrowser, type LaunchedBrowser } from './support/browser';
import { CheckoutPage, UI_TIMEOUT_MS } from './support/checkoutPage';
import { assertCleanLog } from './support/invariants';
import { startE2ePreview, type E2ePreview } from './support/preview';
import { serverCheckout } from './support/serverState';

/** Polls until the radio is checked: the other tab's news and the read after it take a moment. */
async function waitUntilChecked(radio: Locator): Promise<void> {
    const deadline = Date.now() + UI_TIMEOUT_MS;
    while (!(await radio.isChecked())) {
        assert.ok(Date.now() < deadline, 'the tab never showed the other tab’s choice');
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
}

/** Two tabs of one browser on the same checkout: each runs its own engine, and BroadcastChannel links them. */
describe('two tabs on one checkout in the preview (b2b-buyer)', () => {
    let preview: E2ePreview;
    let browser: LaunchedBrowser;

    before(async () => {
        preview = await startE2ePreview();
        browser = await launchBrowser();
    });

    after(async () => {
        await browser?.close();
        await preview?.close();
    });

    test('a delivery method chosen in one tab shows in the other without a reload, and that tab orders with it', async () => {
        await preview.reset({ scenario: 'b2b-buyer' });
        const first = new CheckoutPage(await browser.context.newPage(), 'careful');
        await first.open(preview.pageUrl);
        await first.waitForDeliveryOptions();
        await first.waitUntilSettled();
        const second = new CheckoutPage(await browser.context.newPage(), 'careful');
        await second.open(preview.pageUrl);
        await second.waitForDeliveryOptions();
        await second.waitUntilSettled();

        const group = serverCheckout(await preview.state()).deliveryGroups.items[0];
        const other = group.availableDeliveryMethods.find(
            (method) => method.id !== group.selectedDeliveryMethod?.id
        );
        assert.ok(other, 'the buyer’s address offers more than one method');
        await second.delivery.getByRole('radio', { name: new RegExp(other.name) }).check();
        await second.waitUntilSettled();

        await waitUntilChecked(first.delivery.getByRole('radio', { name: new RegExp(other.name) }));

        await first.payByPurchaseOrder();
        await first.placeOrderButton.click();
        await first.waitForOrderReference();
        const state = await preview.state();
        assert.equal(state.orders.length, 1);
        const placed = serverCheckout(state).deliveryGroups.items[0].selectedDeliveryMethod;
        assert.equal(
            placed?.name,
            other.name,
            'the order goes with the method chosen in the other tab'
        );
        assertCleanLog(await preview.requests());
    });
});
