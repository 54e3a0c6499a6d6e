import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchBrowser, type LaunchedBrowser } from './support/browser';
import { CheckoutPage, type AddressValues } from './support/checkoutPage';
import { forbiddenPatches, overlappingWrites } from './support/invariants';
import { startE2ePreview, type E2ePreview } from './support/preview';
import { orderReferences, serverCheckout } from './support/serverState';

const ADA_CONTACT = {
    firstName: 'Ada',
    lastName: 'Lovelace',
    email: 'ada@example.com',
    phone: '+1 415 555 0100'
};

const SAN_FRANCISCO: AddressValues = {
    firstName: 'Ada',
    lastName: 'Lovelace',
    street: '415 Mission Street',
    city: 'San Francisco',
    region: 'California',
    postalCode: '94105'
};

describe('checking out in the preview', () => {
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

    async function assertCleanRequestLog(): Promise<void> {
        const requests = await preview.requests();
        assert.deepEqual(forbiddenPatches(requests), [], 'no PATCH breaks a combination rule');
        assert.deepEqual(overlappingWrites(requests), [], 'never two writes in flight');
    }

    test('a D2C guest goes from an empty page to an order reference', async () => {
        await preview.reset({ scenario: 'd2c-guest' });
        const checkout = new CheckoutPage(await browser.context.newPage());
        await checkout.open(preview.pageUrl);

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

        const state = await preview.state();
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
        await preview.reset({ scenario: 'b2b-buyer' });
        const checkout = new CheckoutPage(await browser.context.newPage());
        await checkout.open(preview.pageUrl);

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
        await checkout.screenshot('b2b-buyer');

        await checkout.placeOrderButton.click();
        await checkout.waitForOrderReference();

        const state = await preview.state();
        assert.equal(state.orders.length, 1, 'exactly one order');
        const [group] = serverCheckout(state).deliveryGroups.items;
        assert.equal(group.deliveryAddress?.city, 'Portland');
        assert.equal(group.deliveryAddress?.region, 'OR');
        assert.equal(group.selectedDeliveryMethod?.name, 'Two-Day');
        await assertCleanRequestLog();
        await checkout.page.close();
    });

    test('changing the address after choosing a delivery method recalculates methods and tells the shopper', async () => {
        await preview.reset({ scenario: 'd2c-guest' });
        const checkout = new CheckoutPage(await browser.context.newPage());
        await checkout.open(preview.pageUrl);
        await checkout.fillContact(ADA_CONTACT);
        await checkout.fillAddress(SAN_FRANCISCO);
        await checkout.waitForDeliveryOptions();
        await checkout.delivery.getByRole('radio', { name: /Overnight/ }).check();
        await checkout.waitUntilSettled();
        await checkout.waitForTotal('Shipping', /\$29\.99/);
        const methodIdsBefore = serverCheckout(
            await preview.state()
        ).deliveryGroups.items[0].availableDeliveryMethods.map((method) => method.id);

        await checkout.enter(checkout.address.getByLabel('Street address'), '350 Fifth Avenue');
        await checkout.enter(checkout.address.getByLabel('City'), 'New York');
        await checkout.address.getByLabel('State or province').selectOption({ label: 'New York' });
        await checkout.enter(checkout.address.getByLabel('Postal code'), '10118');
        await checkout.page
            .getByText(
                'Your delivery method changed because the address changed. Check the selection.'
            )
            .waitFor();
        await checkout.waitUntilSettled();

        const afterChange = serverCheckout(await preview.state());
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
        assert.equal(group.deliveryAddress?.city, 'New York');
        assert.equal(group.deliveryAddress?.postalCode, '10118');
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
});
