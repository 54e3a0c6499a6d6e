import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { seriousAccessibilityViolations } from './support/axe';
import { CheckoutPage, UI_TIMEOUT_MS } from './support/checkoutPage';
import { forbiddenPatches, overlappingWrites } from './support/invariants';
import { serverCheckout } from './support/serverState';
import { previewWithBrowser } from './support/suite';

/** Slow calculators (before the e2e time scale): the processing state lasts long enough to be seen. */
const SLOW_CALCULATORS = {
    inventory: [500, 1000],
    pricing: [500, 1000],
    promotions: [500, 1000],
    shipping: [4000, 6000],
    tax: [2000, 3000],
    order: [1000, 2000]
} as const;

describe('faults on: the shopper sees what happens, nothing typed is lost, one order at most', () => {
    const suite = previewWithBrowser();

    test('a checkout that cannot start says so, and starts after a refresh', async () => {
        await suite.preview.reset({ scenario: 'd2c-guest', faults: { conflictRate: 1 } });
        const page = await suite.browser.context.newPage();
        await page.goto(suite.preview.pageUrl);
        await page
            .getByText("We couldn't load your checkout. Refresh the page to try again.")
            .first()
            .waitFor({ timeout: UI_TIMEOUT_MS });
        const starts = (await suite.preview.requests()).filter(
            (request) => request.method === 'PUT' && request.path.endsWith('/checkouts')
        );
        assert.ok(starts.length > 1, 'the start was retried');
        assert.ok(starts.length <= 10, 'but not forever');

        await suite.preview.setFaults({});
        const checkout = new CheckoutPage(page);
        await checkout.open(suite.preview.pageUrl);
        assert.equal(await checkout.placeOrderButton.count(), 1);
        await page.close();
    });

    test('409 conflicts, slow calculators, a calculator failure and session errors', async () => {
        await suite.preview.reset({ scenario: 'd2c-guest', seed: 7 });
        const checkout = new CheckoutPage(await suite.browser.context.newPage(), 'careful');
        await checkout.open(suite.preview.pageUrl);
        await checkout.waitUntilSettled();
        await suite.preview.setFaults({
            conflictRate: 0.4,
            latencyMs: [20, 120],
            processingMs: Object.fromEntries(
                Object.entries(SLOW_CALCULATORS).map(([phase, range]) => [phase, [...range]])
            ) as never
        });

        // A careful shopper: one field at a time, each saved before the next (the faults are the subject here).
        await checkout.enter(checkout.contact.getByLabel('First name'), 'Grace');
        await checkout.waitUntilSettled();
        await checkout.enter(checkout.contact.getByLabel('Last name'), 'Hopper');
        await checkout.waitUntilSettled();
        await checkout.enter(checkout.contact.getByLabel('Email'), 'grace@example.com');
        await checkout.waitUntilSettled();
        // The shipping calculator takes a while: the shopper is told the checkout is updating.
        const toldUpdating = await checkout.watchForText('Updating your checkout…');
        await checkout.fillAddress({
            firstName: 'Grace',
            lastName: 'Hopper',
            street: '1 Navy Yard',
            city: 'Arlington',
            region: 'Virginia',
            postalCode: '22202'
        });
        await checkout.waitForDeliveryOptions();
        await checkout.waitUntilSettled();
        await checkout.delivery.getByRole('radio', { name: /Two-Day/ }).check();
        await checkout.waitUntilSettled();

        assert.ok(await toldUpdating(), 'the shopper saw "Updating your checkout…"');
        let server = serverCheckout(await suite.preview.state());
        assert.deepEqual(
            [
                server.contactInfo?.firstName,
                server.contactInfo?.lastName,
                server.contactInfo?.email
            ],
            ['Grace', 'Hopper', 'grace@example.com']
        );
        assert.equal(server.deliveryGroups.items[0].deliveryAddress?.postalCode, '22202');
        assert.equal(server.deliveryGroups.items[0].selectedDeliveryMethod?.name, 'Two-Day');
        const conflicts = (await suite.preview.requests()).filter(
            (request) => request.status === 409
        );
        assert.ok(conflicts.length > 0, 'the emulator answered some writes with 409');

        // A calculator fails: the shopper is told (an assertive live region), and what they typed is kept.
        await suite.preview.setFaults({ calculatorFailureRate: 1, latencyMs: [20, 60] });
        const instructions = checkout.address.getByLabel('Shipping instructions (optional)');
        await checkout.enter(instructions, 'Leave it at the front desk.');
        const announcedError = checkout.page.locator('[aria-live="assertive"] li').first();
        await announcedError.waitFor({ timeout: UI_TIMEOUT_MS });
        await checkout.waitUntilSettled();
        assert.equal(await instructions.inputValue(), 'Leave it at the front desk.');
        server = serverCheckout(await suite.preview.state());
        assert.equal(
            server.deliveryGroups.items[0].shippingInstructions,
            'Leave it at the front desk.'
        );
        assert.equal(
            server.contactInfo?.email,
            'grace@example.com',
            'earlier entries survive the failure'
        );
        await checkout.screenshot('faults');
        assert.deepEqual(
            await seriousAccessibilityViolations(checkout.page),
            [],
            'errors are shown accessibly'
        );

        // The calculators recover: the next change recalculates and the shopper can go on.
        await suite.preview.setFaults({ latencyMs: [20, 60] });
        await checkout.enter(instructions, 'Leave it at the front desk, please.');
        await checkout.waitForDeliveryOptions();
        await checkout.waitUntilSettled();
        await checkout.delivery.getByRole('radio', { name: /Two-Day/ }).check();
        await checkout.waitUntilSettled();

        // Session errors while placing the order, and a double click: one order at most.
        await suite.preview.setFaults({ sessionErrorRate: 1, latencyMs: [20, 60] });
        await checkout.placeOrderButton.dblclick();
        await checkout.waitUntilSettled();
        let state = await suite.preview.state();
        assert.ok(state.orders.length <= 1, 'never two orders');
        if (state.orders.length === 0) {
            assert.ok(
                (await checkout.summary.locator('[aria-live="assertive"] li').count()) > 0,
                'an order that was not placed says why'
            );
        }
        await suite.preview.setFaults({ latencyMs: [20, 60] });
        if (state.orders.length === 0) {
            await checkout.placeOrderButton.click();
        }
        await checkout.waitForOrderReference();
        state = await suite.preview.state();
        assert.equal(state.orders.length, 1, 'exactly one order');
        assert.equal(
            serverCheckout(state).deliveryGroups.items[0].selectedDeliveryMethod?.name,
            'Two-Day'
        );

        const requests = await suite.preview.requests();
        assert.deepEqual(forbiddenPatches(requests), []);
        assert.deepEqual(overlappingWrites(requests), []);
        await checkout.page.close();
    });

    test('what the ended session refused comes back when the shopper refreshes the page, and is saved', async () => {
        await suite.preview.reset({ scenario: 'd2c-guest', seed: 11 });
        const checkout = new CheckoutPage(await suite.browser.context.newPage(), 'careful');
        await checkout.open(suite.preview.pageUrl);
        await checkout.waitUntilSettled();
        await suite.preview.setFaults({ authExpiryRate: 1, latencyMs: [20, 60] });
        await checkout.enter(checkout.contact.getByLabel('First name'), 'Grace');
        await checkout.page
            .getByText(
                "Your session has ended, so this wasn't saved. Refresh the page to start again."
            )
            .first()
            .waitFor({ timeout: UI_TIMEOUT_MS });
        assert.equal(serverCheckout(await suite.preview.state()).contactInfo?.firstName, undefined);

        // The shopper refreshes, as told: the page reloads with what they typed, and saves it.
        await suite.preview.setFaults({ latencyMs: [20, 60] });
        await checkout.open(suite.preview.pageUrl);
        await checkout.waitUntilSettled();
        assert.equal(await checkout.contact.getByLabel('First name').inputValue(), 'Grace');
        assert.equal(serverCheckout(await suite.preview.state()).contactInfo?.firstName, 'Grace');
        await checkout.page.close();
    });
});
