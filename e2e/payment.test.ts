import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Locator } from 'playwright-core';
import { CheckoutPage, UI_TIMEOUT_MS } from './support/checkoutPage';
import { serverCheckout } from './support/serverState';
import { waitUntil } from './support/waiting';
import { previewWithBrowser } from './support/suite';

interface ServerPayment {
    paymentToken: string;
    status: string;
    billingAddress: Record<string, string> | null;
}

/** Waits until `field` has focus (focus moves after the messages render). */
function waitForFocus(field: Locator): Promise<void> {
    return waitUntil(
        () => field.evaluate((element) => element.matches(':focus')),
        'focus never reached the field'
    );
}

describe('paying by purchase order in the preview (b2b-buyer)', () => {
    const suite = previewWithBrowser();

    test('a PO number entered before a delivery-method change still reaches the order, with billing same as shipping', async () => {
        await suite.preview.reset({ scenario: 'b2b-buyer' });
        const checkout = new CheckoutPage(await suite.browser.context.newPage(), 'careful');
        await checkout.open(suite.preview.pageUrl);
        await checkout.waitForDeliveryOptions();
        await checkout.waitUntilSettled();

        await checkout.enter(checkout.purchaseOrderField, 'PO-2024-0117');
        assert.ok(
            await checkout.payment
                .getByRole('radio', { name: /Same as shipping address/ })
                .isChecked(),
            'billing is the shipping address unless the buyer says otherwise'
        );
        await suite.preview.waitForRequest(
            (request) => request.method === 'POST' && request.path.endsWith('/payments')
        );

        const methods = checkout.deliveryOptions();
        const other = (await methods.nth(0).isChecked()) ? methods.nth(1) : methods.nth(0);
        await other.check();
        await checkout.waitUntilSettled();
        await checkout.termsCheckbox.check();
        await checkout.placeOrderButton.click();
        await checkout.waitForOrderReference();

        const state = await suite.preview.state();
        assert.equal(state.orders.length, 1);
        const order = state.orders[0] as { payment?: ServerPayment };
        const payment =
            order.payment ??
            (state.payments as ServerPayment[]).find((item) => item.status === 'Authorized');
        assert.ok(payment, 'the order was placed with a payment');
        assert.equal(payment.paymentToken, 'PO-2024-0117');
        const shipping = serverCheckout(state).deliveryGroups.items[0].deliveryAddress ?? {};
        for (const part of ['street', 'city', 'region', 'postalCode', 'country']) {
            assert.equal(payment.billingAddress?.[part], shipping[part], `billing ${part}`);
        }
        assert.equal((state.billingAddress as Record<string, string>).street, shipping.street);

        // The method change cleared the payment on the server; the engine sent it again before the order.
        const log = await suite.preview.requests();
        const methodChange = log.filter(
            (request) =>
                request.method === 'PATCH' && (request.body ?? '').includes('deliveryMethodId')
        );
        const payments = log.filter(
            (request) => request.method === 'POST' && request.path.endsWith('/payments')
        );
        const placed = log.find(
            (request) => request.method === 'POST' && request.path.endsWith('/orders')
        );
        assert.ok(methodChange.length > 0 && placed, 'a method change and an order');
        const lastChange = methodChange[methodChange.length - 1].seq;
        assert.ok(
            payments.some((request) => request.seq < lastChange),
            'sent before the change'
        );
        assert.ok(
            payments.some((request) => request.seq > lastChange && request.seq < placed.seq),
            'sent again after the change, before the order'
        );
        for (const request of payments) {
            assert.match(request.body ?? '', /"paymentToken":"PO-2024-0117"/);
        }
        await checkout.page.close();
    });

    test('Place Order without a PO number says so and takes the buyer to the field', async () => {
        await suite.preview.reset({ scenario: 'b2b-buyer' });
        const checkout = new CheckoutPage(await suite.browser.context.newPage(), 'careful');
        await checkout.open(suite.preview.pageUrl);
        await checkout.waitForDeliveryOptions();
        await checkout.waitUntilSettled();
        await checkout.termsCheckbox.check();

        await checkout.placeOrderButton.click();
        await checkout.summary
            .getByText('Add your purchase order number.')
            .waitFor({ timeout: UI_TIMEOUT_MS });
        const field = checkout.purchaseOrderField;
        await waitForFocus(field);
        assert.equal(await field.getAttribute('aria-invalid'), 'true');
        await checkout.payment
            .getByText('Enter your purchase order number.')
            .waitFor({ timeout: UI_TIMEOUT_MS });
        assert.deepEqual((await suite.preview.state()).orders, []);
        await checkout.page.close();
    });

    test('Place Order with the terms unchecked says so and takes the buyer to the checkbox', async () => {
        await suite.preview.reset({ scenario: 'b2b-buyer' });
        const checkout = new CheckoutPage(await suite.browser.context.newPage(), 'careful');
        await checkout.open(suite.preview.pageUrl);
        await checkout.waitForDeliveryOptions();
        await checkout.waitUntilSettled();
        await checkout.enter(checkout.purchaseOrderField, 'PO-9');

        await checkout.placeOrderButton.click();
        await checkout.summary
            .getByText('Accept the terms and conditions to place your order.')
            .waitFor({ timeout: UI_TIMEOUT_MS });
        await waitForFocus(checkout.termsCheckbox);
        assert.deepEqual((await suite.preview.state()).orders, []);
        await checkout.page.close();
    });
});
