import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { seriousAccessibilityViolations } from './support/axe';
import { CheckoutPage, UI_TIMEOUT_MS } from './support/checkoutPage';
import { serverCheckout } from './support/serverState';
import { previewWithBrowser } from './support/suite';

/** What a screen reader would announce for the focused element: its label (or name) and its role. */
async function focusedControl(page: Page): Promise<{ tag: string; name: string }> {
    return page.evaluate(() => {
        let element: Element | null = document.activeElement;
        while (element?.shadowRoot?.activeElement) {
            element = element.shadowRoot.activeElement;
        }
        if (!element) {
            return { tag: '', name: '' };
        }
        const labelled = element as HTMLInputElement;
        const label =
            element.getAttribute('aria-label') ??
            (labelled.labels && labelled.labels.length > 0
                ? labelled.labels[0].textContent
                : null) ??
            element.textContent ??
            '';
        return { tag: element.tagName.toLowerCase(), name: label.replace(/\s+/g, ' ').trim() };
    });
}

/** Presses Tab until a control whose name matches is focused: proof it is reachable by keyboard. */
async function tabTo(page: Page, name: RegExp, maxPresses = 40): Promise<void> {
    for (let press = 0; press < maxPresses; press += 1) {
        await page.keyboard.press('Tab');
        if (name.test((await focusedControl(page)).name)) {
            return;
        }
    }
    assert.fail(`no control named ${name} within ${maxPresses} Tab presses`);
}

describe('accessibility', () => {
    const suite = previewWithBrowser();

    test('a guest completes the checkout with the keyboard only', async () => {
        await suite.preview.reset({ scenario: 'd2c-guest' });
        const checkout = new CheckoutPage(await suite.browser.context.newPage());
        await checkout.open(suite.preview.pageUrl);
        const { page } = checkout;

        // Each field typed, then Tab; the shopper waits for the checkout to settle before the next one.
        const typeInto = async (name: RegExp, text: string): Promise<void> => {
            await tabTo(page, name);
            await page.keyboard.type(text);
            await page.keyboard.press('Tab');
            await checkout.waitUntilSettled();
            await page.keyboard.press('Shift+Tab');
        };
        await tabTo(page, /Skip to checkout/);
        await page.keyboard.press('Enter');
        await typeInto(/First name/, 'Alan');
        await typeInto(/Last name/, 'Turing');
        await typeInto(/^\*?Email$/, 'alan@example.com');
        await tabTo(page, /^\*?Country$/);
        await typeInto(/First name/, 'Alan');
        await typeInto(/Last name/, 'Turing');
        await typeInto(/Street address/, '2 Bletchley Road');
        await typeInto(/City/, 'Princeton');
        await tabTo(page, /State or province/);
        await page.keyboard.type('New J');
        await typeInto(/Postal code/, '08540');
        await checkout.waitForDeliveryOptions();
        await checkout.waitUntilSettled();

        await tabTo(page, /Standard Ground/);
        await page.keyboard.press('ArrowDown');
        await checkout.waitUntilSettled();
        assert.match((await focusedControl(page)).name, /Two-Day/);
        await tabTo(page, /Place Order/);
        await page.keyboard.press('Enter');
        await checkout.waitForOrderReference();

        const state = await suite.preview.state();
        assert.equal(state.orders.length, 1);
        const server = serverCheckout(state);
        assert.equal(server.contactInfo?.email, 'alan@example.com');
        const [group] = server.deliveryGroups.items;
        assert.equal(group.deliveryAddress?.region, 'NJ');
        assert.equal(group.deliveryAddress?.postalCode, '08540');
        assert.equal(group.selectedDeliveryMethod?.name, 'Two-Day');
        await page.close();
    });

    test('the scan reports a serious violation when there is one', async () => {
        const page = await suite.browser.context.newPage();
        await page.setContent(
            '<html lang="en"><title>t</title><main><input type="text"></main></html>'
        );
        const violations = await seriousAccessibilityViolations(page);
        assert.ok(
            violations.some((violation) => violation.id === 'label'),
            'an unlabelled field is reported'
        );
        await page.close();
    });

    test('axe finds no serious or critical violations, in every state a shopper meets', async () => {
        const findings: string[] = [];
        const scan = async (page: Page, state: string): Promise<void> => {
            for (const violation of await seriousAccessibilityViolations(page)) {
                findings.push(
                    `${state}: ${violation.id} (${violation.impact}) ${violation.help} at ${violation.targets.join(', ')}`
                );
            }
        };

        await suite.preview.reset({ scenario: 'd2c-guest' });
        const guest = new CheckoutPage(await suite.browser.context.newPage());
        await guest.open(suite.preview.pageUrl);
        await scan(guest.page, 'empty guest checkout');
        await guest.enter(guest.contact.getByLabel('Email'), 'not-an-email');
        await guest.page
            .getByText('Enter a valid email address, like name@example.com.')
            .first()
            .waitFor({ timeout: UI_TIMEOUT_MS });
        await scan(guest.page, 'a field with a validation error');
        await guest.page.close();

        await suite.preview.reset({ scenario: 'b2b-buyer' });
        const buyer = new CheckoutPage(await suite.browser.context.newPage());
        await buyer.open(suite.preview.pageUrl);
        await buyer.waitForDeliveryOptions();
        await buyer.waitUntilSettled();
        await scan(buyer.page, 'buyer with saved addresses and delivery methods');
        await buyer.payByPurchaseOrder();
        await scan(buyer.page, 'buyer with a purchase order and the terms accepted');
        await buyer.placeOrderButton.click();
        await buyer.waitForOrderReference();
        await scan(buyer.page, 'order confirmation');
        await buyer.page.goto(`${suite.preview.url}/?panel=expanded`);
        await buyer.page
            .getByRole('heading', { name: 'What the engine sends' })
            .waitFor({ timeout: UI_TIMEOUT_MS });
        await scan(buyer.page, 'developer panel open');
        await buyer.page.close();

        assert.deepEqual(findings, []);
    });
});
