import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loggedJson, type RequestLogEntry } from '../emulator/src/index';
import { CheckoutPage, UI_TIMEOUT_MS } from './support/checkoutPage';
import { forbiddenPatches, overlappingWrites } from './support/invariants';
import { previewWithBrowser } from './support/suite';

const CPQ_SUBMIT = '/apex/CpqCheckoutController/checkout';

describe('the Industries CPQ submission', () => {
    const suite = previewWithBrowser();

    async function submissions(): Promise<RequestLogEntry[]> {
        return (await suite.preview.requests()).filter((request) => request.path === CPQ_SUBMIT);
    }

    test('an accepted SUBMIT outcome confirms the order, once, even after a double click', async () => {
        const state = await suite.preview.reset({ scenario: 'cpq', cpqOutcome: 'SUBMIT-1001' });
        const checkout = new CheckoutPage(await suite.browser.context.newPage());
        await checkout.open(suite.preview.pageUrl);
        await checkout.waitUntilSettled();

        await checkout.placeOrderButton.dblclick();
        const submission = await suite.preview.waitForRequest(
            (request) => request.path === CPQ_SUBMIT
        );
        assert.deepEqual(
            loggedJson(submission),
            { cartId: state.cpqCartId },
            'only the Industries CPQ cart is sent: the namespace and policy are the admin settings'
        );
        await checkout.summary
            .getByText('Your order was accepted.')
            .waitFor({ timeout: UI_TIMEOUT_MS });
        await checkout.waitUntilSettled();
        await checkout.screenshot('cpq-accepted');

        const sent = await submissions();
        assert.equal(sent.length, 1, 'one CPQ submission');
        assert.equal(sent[0].status, 200);
        const requests = await suite.preview.requests();
        assert.deepEqual(forbiddenPatches(requests), []);
        assert.deepEqual(overlappingWrites(requests), []);
        await checkout.page.close();
    });

    test('a rejected SUBMIT outcome tells the shopper and places nothing', async () => {
        await suite.preview.reset({ scenario: 'cpq', cpqOutcome: 'SUBMIT-1003' });
        const checkout = new CheckoutPage(await suite.browser.context.newPage());
        await checkout.open(suite.preview.pageUrl);
        await checkout.waitUntilSettled();

        await checkout.placeOrderButton.click();
        const submission = await suite.preview.waitForRequest(
            (request) => request.path === CPQ_SUBMIT
        );
        assert.equal(submission.status, 200, 'the CPQ checkout answered with its SUBMIT outcome');
        await checkout.page
            .getByText("Your order can't be changed any more, so it was rejected.")
            .waitFor({ timeout: UI_TIMEOUT_MS });
        await checkout.waitUntilSettled();
        await checkout.screenshot('cpq-rejected');

        assert.equal(await checkout.summary.getByText('Your order was accepted.').count(), 0);
        assert.equal(
            (await submissions()).length,
            1,
            'a rejection is not resubmitted automatically'
        );
        await checkout.page.close();
    });
});
