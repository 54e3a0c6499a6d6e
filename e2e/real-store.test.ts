/**
 * The checkout as a real store sees it (issues 10 and 11): what every request carries, a write the site refuses
 * for a missing token, a calculation that fails, totals a failure must not leave wrong, and a reload after the
 * order. Driven by label and role; judged from the emulator's own request log and state.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loggedJson, type RequestLogEntry } from '../emulator/src/index';
import { CheckoutPage, UI_TIMEOUT_MS } from './support/checkoutPage';
import { assertCleanLog, isWrite } from './support/invariants';
import { ADA_CONTACT, SAN_FRANCISCO } from './support/shoppers';
import { orderReferences, serverCheckout } from './support/serverState';
import { previewWithBrowser } from './support/suite';

/** Connect calls on the checkout (start, GET, PATCH, orders), not the account's addresses or the session context. */
function checkoutCalls(requests: readonly RequestLogEntry[]): RequestLogEntry[] {
    return requests.filter((request) =>
        /\/commerce\/webstores\/[^/]+\/checkouts/.test(request.path)
    );
}

describe('a real store: what goes on the wire, and the failures a site has', () => {
    const suite = previewWithBrowser();

    async function guestReadyToOrder(): Promise<CheckoutPage> {
        const checkout = new CheckoutPage(await suite.browser.context.newPage(), 'careful');
        await checkout.open(suite.preview.pageUrl);
        await checkout.fillContact(ADA_CONTACT);
        await checkout.fillAddress(SAN_FRANCISCO);
        await checkout.waitForDeliveryOptions();
        await checkout.waitUntilSettled();
        return checkout;
    }

    test("a buyer's calls say who, in which language, with the site's CSRF token on every write; a guest's say asGuest=true", async () => {
        const state = await suite.preview.reset({ scenario: 'b2b-buyer' });
        const checkout = new CheckoutPage(await suite.browser.context.newPage(), 'careful');
        await checkout.open(suite.preview.pageUrl);
        await checkout.address.getByRole('radio', { name: /Northwind Warehouse/ }).check();
        await checkout.waitUntilSettled();
        await checkout.delivery.getByRole('radio', { name: /Two-Day/ }).check();
        await checkout.waitUntilSettled();
        await checkout.payByPurchaseOrder();
        await checkout.placeOrderButton.click();
        await checkout.waitForOrderReference();

        const requests = await suite.preview.requests();
        const calls = checkoutCalls(requests);
        assert.ok(
            calls.some((call) => call.method === 'PUT'),
            'the start'
        );
        assert.ok(
            calls.some((call) => call.method === 'PATCH'),
            'a write'
        );
        assert.ok(
            calls.some((call) => call.path.endsWith('/orders')),
            'the order'
        );
        for (const call of calls) {
            assert.deepEqual(
                [call.query.language, call.query.asGuest, call.query.htmlEncode],
                ['en-US', 'false', 'false'],
                `${call.method} ${call.path}?${call.queryString}`
            );
            assert.ok(
                call.query.effectiveAccountId,
                `${call.method} ${call.path} names the account`
            );
            if (isWrite(call)) assert.equal(call.headers['csrf-token'], state.csrfToken);
        }
        // The saved address goes by its id, as Salesforce's checkout sends it.
        const addressWrite = calls.find(
            (call) =>
                call.method === 'PATCH' &&
                (loggedJson(call) as { deliveryAddress?: unknown })?.deliveryAddress
        );
        assert.deepEqual(
            Object.keys((loggedJson(addressWrite!) as { deliveryAddress: object }).deliveryAddress),
            ['id']
        );
        assertCleanLog(requests);
        await checkout.page.close();

        await suite.preview.reset({ scenario: 'd2c-guest' });
        const guest = await guestReadyToOrder();
        const guestCalls = checkoutCalls(await suite.preview.requests());
        assert.ok(guestCalls.length > 0);
        for (const call of guestCalls) {
            assert.equal(call.query.asGuest, 'true', `${call.method} ${call.path}`);
            assert.equal(call.query.effectiveAccountId, undefined);
        }
        await guest.page.close();
    });

    test("a buyer's write without the site's current token is refused, and the shopper is told, with what they typed kept", async () => {
        await suite.preview.reset({ scenario: 'b2b-buyer', seed: 1 });
        const checkout = new CheckoutPage(await suite.browser.context.newPage(), 'careful');
        await checkout.open(suite.preview.pageUrl);
        await checkout.waitUntilSettled();
        // The site's token changes under the open page (as when the session is renewed elsewhere).
        const renewed = await suite.preview.reset({ scenario: 'b2b-buyer', seed: 2 });
        const instructions = checkout.address.getByLabel('Shipping instructions (optional)');
        await checkout.enter(instructions, 'Dock 4, ring twice');
        await checkout.page
            .getByText(
                "Your session has ended, so this wasn't saved. Sign in again, then check your details."
            )
            .first()
            .waitFor({ timeout: UI_TIMEOUT_MS });
        assert.equal(await instructions.inputValue(), 'Dock 4, ring twice');
        const refused = (await suite.preview.requests()).filter(
            (request) => request.status === 401
        );
        assert.ok(refused.length > 0, 'the emulator refused the write');
        assert.ok(refused.every((request) => request.headers['csrf-token'] !== renewed.csrfToken));
        const saved = (await suite.preview.requests()).filter(
            (request) => request.status < 300 && (request.body ?? '').includes('Dock 4')
        );
        assert.deepEqual(saved, [], 'nothing the shopper typed was taken as saved');
        await checkout.page.close();
    });

    test('a tax calculation that fails offers Try again and names itself at Place order; trying again recovers', async () => {
        await suite.preview.reset({ scenario: 'd2c-guest', seed: 3 });
        const checkout = await guestReadyToOrder();
        await suite.preview.setFaults({ calculatorFailureRate: 1 });
        await checkout.delivery.getByRole('radio', { name: /Two-Day/ }).check();
        await checkout.waitUntilSettled();
        const taxFailed = "We couldn't calculate tax. Try again.";
        await checkout.summary.getByText(taxFailed).first().waitFor({ timeout: UI_TIMEOUT_MS });

        await checkout.placeOrderButton.click();
        await checkout.waitUntilSettled();
        assert.equal(
            await checkout.summary
                .getByText('Complete the required information before placing your order.')
                .count(),
            0,
            'not "complete the required information": everything is complete'
        );
        assert.equal((await suite.preview.state()).orders.length, 0);

        await suite.preview.setFaults({});
        await checkout.summary.getByRole('button', { name: 'Try again' }).click();
        await checkout.waitUntilSettled();
        assert.equal(await checkout.summary.getByText(taxFailed).count(), 0);
        await checkout.placeOrderButton.click();
        await checkout.waitForOrderReference();
        assert.equal((await suite.preview.state()).orders.length, 1);
        await checkout.page.close();
    });

    test('a calculation that failed at the start is run again before ordering: the total is the one without the failure', async () => {
        await suite.preview.reset({ scenario: 'd2c-guest', seed: 4 });
        const clean = await guestReadyToOrder();
        await clean.delivery.getByRole('radio', { name: /Two-Day/ }).check();
        await clean.waitUntilSettled();
        await clean.placeOrderButton.click();
        await clean.waitForOrderReference();
        const cleanTotal = serverCheckout(await suite.preview.state()).cartSummary.grandTotalAmount;
        await clean.page.close();

        await suite.preview.reset({
            scenario: 'd2c-guest',
            seed: 4,
            faults: { calculatorFailureRate: 1 }
        });
        const checkout = new CheckoutPage(await suite.browser.context.newPage(), 'careful');
        await checkout.open(suite.preview.pageUrl);
        await checkout.waitUntilSettled();
        await suite.preview.setFaults({});
        await checkout.fillContact(ADA_CONTACT);
        await checkout.fillAddress(SAN_FRANCISCO);
        await checkout.waitForDeliveryOptions();
        await checkout.delivery.getByRole('radio', { name: /Two-Day/ }).check();
        await checkout.waitUntilSettled();
        await checkout.placeOrderButton.click();
        await checkout.waitForOrderReference();
        const state = await suite.preview.state();
        assert.equal(state.orders.length, 1);
        assert.equal(serverCheckout(state).cartSummary.grandTotalAmount, cleanTotal);
        await checkout.page.close();
    });

    test('reloading the confirmation shows the order, not an editable checkout', async () => {
        await suite.preview.reset({ scenario: 'd2c-guest', seed: 5 });
        const checkout = await guestReadyToOrder();
        await checkout.placeOrderButton.click();
        const reference = await checkout.waitForOrderReference();
        await checkout.page.reload();
        const again = await checkout.waitForOrderReference();
        assert.equal(again, reference);
        assert.equal(await checkout.placeOrderButton.count(), 0, 'no Place Order button');
        const state = await suite.preview.state();
        assert.ok(reference.includes(orderReferences(state)[0]));
        assert.equal(state.orders.length, 1);
        await checkout.page.close();
    });
});
