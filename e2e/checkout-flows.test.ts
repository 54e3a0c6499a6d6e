import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CheckoutPage, UI_TIMEOUT_MS } from './support/checkoutPage';
import { ADA_CONTACT, SAN_FRANCISCO } from './support/shoppers';
import { assertCleanLog } from './support/invariants';
import { orderReferences, serverCheckout } from './support/serverState';
import { waitUntil } from './support/waiting';
import { previewWithBrowser } from './support/suite';

describe('checking out in the preview', () => {
    const suite = previewWithBrowser();

    const assertCleanRequestLog = async (): Promise<void> =>
        assertCleanLog(await suite.preview.requests());

    test('a guest typing briskly keeps every character typed, on the page and on the server', async () => {
        await suite.preview.reset({ scenario: 'd2c-guest' });
        const checkout = new CheckoutPage(await suite.browser.context.newPage(), 'brisk');
        await checkout.open(suite.preview.pageUrl);
        // The next field is typed while the previous one saves: the save's answer must not overwrite it.
        await checkout.fillContact(ADA_CONTACT);
        await checkout.fillAddress(SAN_FRANCISCO);
        await checkout.waitForDeliveryOptions();
        await checkout.waitUntilSettled();

        const server = serverCheckout(await suite.preview.state());
        assert.deepEqual(server.contactInfo, {
            firstName: ADA_CONTACT.firstName,
            lastName: ADA_CONTACT.lastName,
            email: ADA_CONTACT.email,
            phoneNumber: ADA_CONTACT.phone,
            isoCountryCodeForPhoneNumber: 'US'
        });
        const address = server.deliveryGroups.items[0].deliveryAddress;
        assert.deepEqual(
            [
                address?.firstName,
                address?.lastName,
                address?.street,
                address?.city,
                address?.region,
                address?.postalCode
            ],
            ['Ada', 'Lovelace', '415 Mission Street', 'San Francisco', 'CA', '94105']
        );
        await assertCleanRequestLog();
        await checkout.page.close();
    });

    test('a D2C guest goes from an empty page to an order reference', async () => {
        await suite.preview.reset({ scenario: 'd2c-guest' });
        const checkout = new CheckoutPage(await suite.browser.context.newPage(), 'careful');
        await checkout.open(suite.preview.pageUrl);

        await checkout.fillContact(ADA_CONTACT);
        await checkout.fillAddress(SAN_FRANCISCO);
        await checkout.waitForDeliveryOptions();
        const twoDay = checkout.delivery.getByRole('radio', { name: /Two-Day/ });
        await twoDay.check();
        await checkout.waitUntilSettled();
        await checkout.waitForTotal('Shipping', /\$9\.99/);
        await checkout.waitForTotal('Tax', /\$[1-9]/);
        await checkout.screenshot('d2c-guest');

        await checkout.placeOrderButton.click();
        const reference = await checkout.waitForOrderReference();

        const state = await suite.preview.state();
        assert.equal(state.orders.length, 1, 'exactly one order');
        assert.ok(
            reference.includes(orderReferences(state)[0]),
            `${reference} shows the order reference`
        );
        const server = serverCheckout(state);
        assert.equal(server.contactInfo?.email, 'ada@example.com');
        assert.equal(server.contactInfo?.lastName, 'Lovelace');
        const [group] = server.deliveryGroups.items;
        assert.equal(group.deliveryAddress?.street, '415 Mission Street');
        assert.equal(group.deliveryAddress?.region, 'CA');
        assert.equal(group.selectedDeliveryMethod?.name, 'Two-Day');
        await checkout.screenshot('d2c-guest-confirmation');
        await assertCleanRequestLog();
        await checkout.page.close();
    });

    test('a signed-in B2B buyer picks a saved address and a delivery method', async () => {
        await suite.preview.reset({ scenario: 'b2b-buyer' });
        const checkout = new CheckoutPage(await suite.browser.context.newPage(), 'careful');
        await checkout.open(suite.preview.pageUrl);

        assert.equal(
            await checkout.contact.getByLabel('Email').inputValue(),
            'dana.whitfield@example.com'
        );
        const warehouse = checkout.address.getByRole('radio', { name: /Northwind Warehouse/ });
        await warehouse.check();
        await checkout.waitUntilSettled();
        await checkout.delivery.getByRole('radio', { name: /Two-Day/ }).check();
        await checkout.waitUntilSettled();
        await checkout.waitForTotal('Shipping', /\$9\.99/);
        await checkout.payByPurchaseOrder();
        await checkout.screenshot('b2b-buyer');

        await checkout.placeOrderButton.click();
        await checkout.waitForOrderReference();

        const state = await suite.preview.state();
        assert.equal(state.orders.length, 1, 'exactly one order');
        const [group] = serverCheckout(state).deliveryGroups.items;
        assert.equal(group.deliveryAddress?.city, 'Portland');
        assert.equal(group.deliveryAddress?.region, 'OR');
        assert.equal(group.selectedDeliveryMethod?.name, 'Two-Day');
        await assertCleanRequestLog();
        await checkout.page.close();
    });

    /** A guest in San Francisco who chose Overnight; with the ids of the methods offered there. */
    async function guestWithOvernightInSanFrancisco(): Promise<{
        checkout: CheckoutPage;
        methodIdsBefore: string[];
    }> {
        await suite.preview.reset({ scenario: 'd2c-guest' });
        const checkout = new CheckoutPage(await suite.browser.context.newPage(), 'careful');
        await checkout.open(suite.preview.pageUrl);
        await checkout.fillContact(ADA_CONTACT);
        await checkout.fillAddress(SAN_FRANCISCO);
        await checkout.waitForDeliveryOptions();
        await checkout.delivery.getByRole('radio', { name: /Overnight/ }).check();
        await checkout.waitUntilSettled();
        await checkout.waitForTotal('Shipping', /\$29\.99/);
        const [group] = serverCheckout(await suite.preview.state()).deliveryGroups.items;
        return {
            checkout,
            methodIdsBefore: group.availableDeliveryMethods.map((method) => method.id)
        };
    }

    test('changing the address after choosing a delivery method recalculates methods and tells the shopper', async () => {
        const { checkout, methodIdsBefore } = await guestWithOvernightInSanFrancisco();

        // Hawaii: no overnight delivery there, so the carrier's cheapest replaces the shopper's choice.
        await checkout.enter(checkout.address.getByLabel('Street address'), '1 Aloha Tower Dr');
        await checkout.enter(checkout.address.getByLabel('City'), 'Honolulu');
        await checkout.address.getByLabel('State or province').selectOption({ label: 'Hawaii' });
        await checkout.enter(checkout.address.getByLabel('Postal code'), '96813');
        await checkout.page
            .getByText(
                'Your delivery method changed because the address changed. Check the selection.'
            )
            .waitFor();
        await checkout.waitUntilSettled();

        const afterChange = serverCheckout(await suite.preview.state());
        assert.equal(
            afterChange.contactInfo?.phoneNumber,
            ADA_CONTACT.phone,
            'the phone typed earlier is kept'
        );
        assert.equal(
            await checkout.contact.getByLabel('Phone', { exact: true }).inputValue(),
            ADA_CONTACT.phone
        );
        const [group] = afterChange.deliveryGroups.items;
        assert.equal(group.deliveryAddress?.city, 'Honolulu');
        assert.equal(group.deliveryAddress?.postalCode, '96813');
        assert.notDeepEqual(
            group.availableDeliveryMethods.map((method) => method.id),
            methodIdsBefore,
            'the shipping calculator produced new methods for the new address'
        );
        const checked = checkout.delivery.getByRole('radio', { checked: true });
        assert.equal(await checked.getAttribute('value'), group.selectedDeliveryMethod?.id);
        assert.notEqual(group.selectedDeliveryMethod?.name, 'Overnight');
        await checkout.screenshot('address-change');
        await assertCleanRequestLog();
        await checkout.page.close();
    });

    test('changing the address keeps the chosen delivery method where the new address offers it too', async () => {
        const { checkout, methodIdsBefore } = await guestWithOvernightInSanFrancisco();

        await checkout.enter(checkout.address.getByLabel('Street address'), '350 Fifth Avenue');
        await checkout.enter(checkout.address.getByLabel('City'), 'New York');
        await checkout.address.getByLabel('State or province').selectOption({ label: 'New York' });
        await checkout.enter(checkout.address.getByLabel('Postal code'), '10118');
        // The address lands, the carrier resets the method, and the engine brings the shopper's back.
        await waitUntil(async () => {
            const [held] = serverCheckout(await suite.preview.state()).deliveryGroups.items;
            return (
                held.deliveryAddress?.city === 'New York' &&
                held.selectedDeliveryMethod?.name === 'Overnight'
            );
        }, 'the order would go without the shopper’s Overnight');
        await checkout.waitUntilSettled();
        const [group] = serverCheckout(await suite.preview.state()).deliveryGroups.items;
        assert.notDeepEqual(
            group.availableDeliveryMethods.map((method) => method.id),
            methodIdsBefore,
            'the shipping calculator produced new methods for the new address'
        );
        assert.ok(
            await checkout.delivery.getByRole('radio', { name: /Overnight/ }).isChecked(),
            'the page shows the shopper’s choice'
        );
        assert.equal(
            await checkout.page
                .getByText('Your delivery method changed because the address changed.', {
                    exact: false
                })
                .count(),
            0,
            'nothing changed for the shopper to check'
        );
        await assertCleanRequestLog();
        await checkout.page.close();
    });

    test('a buyer ships one cart to two addresses, each delivery group with its own method', async () => {
        await suite.preview.reset({ scenario: 'multi-group' });
        const checkout = new CheckoutPage(await suite.browser.context.newPage(), 'careful');
        await checkout.open(suite.preview.pageUrl);

        const warehouseAddress = checkout.address.getByRole('group', {
            name: 'Shipping address for Warehouse'
        });
        await warehouseAddress.getByRole('radio', { name: /Northwind Warehouse/ }).check();
        const warehouseMethods = checkout.delivery.getByRole('group', {
            name: 'Delivery method for Warehouse'
        });
        await warehouseMethods.getByRole('radio').first().waitFor({ timeout: UI_TIMEOUT_MS });
        await checkout.waitUntilSettled();
        await warehouseMethods.getByRole('radio', { name: /Two-Day/ }).check();
        await checkout.waitUntilSettled();
        await checkout.screenshot('multi-group');

        await checkout.placeOrderButton.click();
        await checkout.waitForOrderReference();
        const state = await suite.preview.state();
        assert.equal(state.orders.length, 1);
        const groups = serverCheckout(state).deliveryGroups.items;
        assert.equal(groups.length, 2);
        const warehouse = groups.find((group) => group.deliveryAddress?.city === 'Portland');
        assert.ok(warehouse, 'one group ships to the warehouse');
        assert.equal(warehouse.selectedDeliveryMethod?.name, 'Two-Day');
        const headOffice = groups.find((group) => group !== warehouse);
        assert.equal(headOffice?.deliveryAddress?.city, 'San Francisco');
        await assertCleanRequestLog();
        await checkout.page.close();
    });

    test('a digital-only order needs no address and no delivery method', async () => {
        await suite.preview.reset({ scenario: 'digital-only' });
        const checkout = new CheckoutPage(await suite.browser.context.newPage(), 'careful');
        await checkout.open(suite.preview.pageUrl);
        assert.equal(await checkout.address.getByRole('textbox').count(), 0, 'no address to enter');
        assert.equal(await checkout.deliveryOptions().count(), 0, 'no delivery method to choose');

        await checkout.fillContact({
            firstName: 'Mary',
            lastName: 'Shelley',
            email: 'mary@example.com'
        });
        await checkout.waitUntilSettled();
        await checkout.screenshot('digital-only');
        await checkout.placeOrderButton.click();
        await checkout.waitForOrderReference();
        assert.equal((await suite.preview.state()).orders.length, 1);
        await assertCleanRequestLog();
        await checkout.page.close();
    });

    test('on a phone the page is one column: the summary follows the forms', async () => {
        await suite.preview.reset({ scenario: 'b2b-buyer' });
        const page = await suite.browser.context.newPage();
        await page.setViewportSize({ width: 390, height: 844 });
        const checkout = new CheckoutPage(page, 'careful');
        await checkout.open(suite.preview.pageUrl);
        await checkout.waitForDeliveryOptions();
        await checkout.waitUntilSettled();

        const forms = await checkout.contact.boundingBox();
        const methods = await checkout.delivery.boundingBox();
        const summary = await checkout.summary.boundingBox();
        assert.ok(forms && methods && summary);
        assert.ok(
            summary.y >= methods.y + methods.height,
            'the summary comes after the delivery methods'
        );
        assert.ok(Math.abs(summary.x - forms.x) < 2, 'one column: same left edge');
        const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - window.innerWidth
        );
        assert.ok(overflow <= 0, 'nothing wider than the phone');
        await checkout.screenshot('mobile');
        await page.close();
    });

    test('the developer panel shows the scenario, the faults and every request the engine sent', async () => {
        await suite.preview.reset({
            scenario: 'd2c-guest',
            faults: { conflictRate: 0.2, latencyMs: [20, 200] }
        });
        const checkout = new CheckoutPage(await suite.browser.context.newPage(), 'careful');
        await checkout.open(`${suite.preview.url}/?panel=expanded`);
        await checkout.fillContact(ADA_CONTACT);
        await checkout.fillAddress(SAN_FRANCISCO);
        await checkout.waitForDeliveryOptions();
        await checkout.waitUntilSettled();

        const panel = checkout.page.getByRole('region', { name: 'Developer panel' });
        await panel
            .getByText('Faults on: latency ≤ 200 ms, 409 conflicts 20%')
            .waitFor({ timeout: UI_TIMEOUT_MS });
        const sent = await suite.preview.requests();
        const lastPatch = sent.filter((request) => request.method === 'PATCH').at(-1);
        assert.ok(lastPatch, 'the engine sent PATCHes');
        await panel.getByText(`${sent.length} requests`).waitFor({ timeout: UI_TIMEOUT_MS });
        await panel.getByText('One write in flight at most').waitFor();
        const rows = panel.getByRole('listitem');
        assert.ok((await rows.count()) >= sent.length, 'one row per request');
        await checkout.screenshot('developer-panel');
        await checkout.page.close();
    });
});
