import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CheckoutPage } from './support/checkoutPage';
import { assertCleanLog } from './support/invariants';
import { serverCheckout } from './support/serverState';
import { waitUntil } from './support/waiting';
import { previewWithBrowser } from './support/suite';

/** Two tabs of one browser on the same checkout: each runs its own engine, and BroadcastChannel links them. */
describe('two tabs on one checkout in the preview (b2b-buyer)', () => {
    const suite = previewWithBrowser();

    test('a delivery method chosen in one tab shows in the other without a reload, and that tab orders with it', async () => {
        await suite.preview.reset({ scenario: 'b2b-buyer' });
        const first = new CheckoutPage(await suite.browser.context.newPage(), 'careful');
        await first.open(suite.preview.pageUrl);
        await first.waitForDeliveryOptions();
        await first.waitUntilSettled();
        const second = new CheckoutPage(await suite.browser.context.newPage(), 'careful');
        await second.open(suite.preview.pageUrl);
        await second.waitForDeliveryOptions();
        await second.waitUntilSettled();

        const group = serverCheckout(await suite.preview.state()).deliveryGroups.items[0];
        const other = group.availableDeliveryMethods.find(
            (method) => method.id !== group.selectedDeliveryMethod?.id
        );
        assert.ok(other, 'the buyer’s address offers more than one method');
        await second.delivery.getByRole('radio', { name: new RegExp(other.name) }).check();
        await second.waitUntilSettled();

        // The first tab hears the save and reads the checkout again: no reload.
        const mirrored = first.delivery.getByRole('radio', { name: new RegExp(other.name) });
        await waitUntil(
            () => mirrored.isChecked(),
            'the first tab never showed the other tab’s choice'
        );

        await first.payByPurchaseOrder();
        await first.placeOrderButton.click();
        await first.waitForOrderReference();
        const state = await suite.preview.state();
        assert.equal(state.orders.length, 1);
        const placed = serverCheckout(state).deliveryGroups.items[0].selectedDeliveryMethod;
        assert.equal(
            placed?.name,
            other.name,
            'the order goes with the method chosen in the other tab'
        );
        assertCleanLog(await suite.preview.requests());
    });
});
