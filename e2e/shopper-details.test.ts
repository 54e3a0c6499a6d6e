import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { RequestLogEntry } from '../emulator/src/index';
import { CheckoutPage, UI_TIMEOUT_MS } from './support/checkoutPage';
import { assertCleanLog } from './support/invariants';
import { serverCheckout } from './support/serverState';
import { waitUntil } from './support/waiting';
import {
    axeFindings,
    focusedElement,
    skipLinkEvidence,
    type FocusedElement
} from './support/shopperView';
import { previewWithBrowser } from './support/suite';

/**
 * Issue 13, as a shopper meets it in Chromium: focus stays where the shopper is (arrow keys through the delivery
 * methods, the confirmation after the order), Place Order takes the shopper to what is missing and marks it,
 * reasons go once fixed, a signed-in buyer's new address says what no longer applies, an address edit is one
 * save, and axe finds nothing moderate or worse but the preview's skip-link artefact, with its evidence.
 */

/** SLDS's error red (--dxp-s-form-element-color-border-error's fallback). */
const ERROR_RED = 'rgb(234, 0, 30)';

const ALAN = { firstName: 'Alan', lastName: 'Turing', email: 'alan@example.com' };
const PRINCETON = {
    firstName: 'Alan',
    lastName: 'Turing',
    street: '2 Bletchley Road',
    city: 'Princeton',
    region: 'New Jersey',
    postalCode: '08540'
};

async function focused(page: Page): Promise<FocusedElement> {
    const element = await focusedElement(page);
    assert.ok(element, 'something has focus');
    return element;
}

/** Waits until the focused element matches, and returns it (focus moves after a render, not at once). */
async function waitForFocus(
    page: Page,
    matches: (element: FocusedElement) => boolean,
    what: string
): Promise<FocusedElement> {
    // Asserted, not inferred: TypeScript does not follow the assignment inside the callback.
    let element = null as FocusedElement | null;
    await waitUntil(
        async () => {
            element = await focusedElement(page);
            return element !== null && matches(element);
        },
        () => `focus never reached ${what}; it is on ${JSON.stringify(element)}`
    );
    assert.ok(element);
    return element;
}

/** A logged request's body as sent: the log keeps it as JSON or as its text. */
function sentBody(request: RequestLogEntry): Record<string, unknown> {
    const body: unknown = request.body;
    if (typeof body === 'string') {
        try {
            return JSON.parse(body) as Record<string, unknown>;
        } catch {
            return {};
        }
    }
    return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
}

/** The PATCHes that carried `key` (deliveryMethodId, deliveryAddress …). */
function patchesWith(requests: RequestLogEntry[], key: string): RequestLogEntry[] {
    return requests.filter((request) => request.method === 'PATCH' && key in sentBody(request));
}

describe('shopper details', () => {
    const suite = previewWithBrowser();

    const assertCleanRequestLog = async (): Promise<void> =>
        assertCleanLog(await suite.preview.requests());

    /** A guest checkout with contact and address saved and the delivery methods listed. */
    async function guestReadyToChoose(): Promise<CheckoutPage> {
        await suite.preview.reset({ scenario: 'd2c-guest' });
        const checkout = new CheckoutPage(await suite.browser.context.newPage(), 'careful');
        await checkout.open(suite.preview.pageUrl);
        await checkout.fillContact(ALAN);
        await checkout.fillAddress(PRINCETON);
        await checkout.waitForDeliveryOptions();
        await checkout.waitUntilSettled();
        return checkout;
    }

    test('arrow keys move through the delivery methods while the checkout updates; focus then lands on the confirmation', async () => {
        const checkout = await guestReadyToChoose();
        const { page } = checkout;
        await checkout.delivery.getByRole('radio', { name: /Standard Ground/ }).focus();

        // Each choice recalculates tax; the shopper's focus must stay on the radio meanwhile, or the next
        // arrow key scrolls the page instead of choosing.
        for (const [index, name] of [
            [1, /Two-Day/],
            [2, /Overnight/]
        ] as const) {
            await page.keyboard.press('ArrowDown');
            await waitUntil(
                async () =>
                    patchesWith(await suite.preview.requests(), 'deliveryMethodId').length >= index,
                'the choice reaches the store'
            );
            await checkout.waitUntilSettled();
            const element = await focused(page);
            assert.equal(element.tag, 'input', `focus stays on a radio, not ${element.tag}`);
            assert.equal(element.type, 'radio');
            assert.match(element.name, name);
            assert.ok(element.checked, `${element.name} is chosen`);
        }
        const [group] = serverCheckout(await suite.preview.state()).deliveryGroups.items;
        assert.equal(group.selectedDeliveryMethod?.name, 'Overnight');

        await checkout.placeOrderButton.focus();
        await page.keyboard.press('Enter');
        await checkout.waitForOrderReference();
        const landed = await waitForFocus(
            page,
            (element) => element.role === 'status',
            'the order confirmation'
        );
        assert.match(landed.name, /Your order was placed/);
        await assertCleanRequestLog();
        await page.close();
    });

    test('Place Order on an empty form takes the shopper to the first missing field, marked, and each reason goes once fixed', async () => {
        await suite.preview.reset({ scenario: 'd2c-guest' });
        const checkout = new CheckoutPage(await suite.browser.context.newPage(), 'careful');
        await checkout.open(suite.preview.pageUrl);
        await checkout.waitUntilSettled();
        const { page } = checkout;

        await checkout.placeOrderButton.focus();
        await page.keyboard.press('Enter');

        // Marked and outlined in red (after SLDS's short border transition).
        const first = await waitForFocus(
            page,
            (element) =>
                element.tag === 'input' &&
                /First name/.test(element.name) &&
                element.borderColor === ERROR_RED,
            'the first missing field, outlined in red'
        );
        assert.equal(first.ariaInvalid, 'true');
        const street = checkout.address.getByLabel('Street address');
        assert.equal(await street.getAttribute('aria-invalid'), 'true');
        assert.equal(
            await checkout.contact.getByLabel('Email').getAttribute('aria-invalid'),
            'true'
        );
        const reasons = checkout.summary.getByRole('listitem');
        await reasons.filter({ hasText: 'Add a shipping address.' }).waitFor();
        await checkout.contact
            .getByText('First name: Complete this field.')
            .waitFor({ timeout: UI_TIMEOUT_MS });
        await checkout.screenshot('shopper-missing-information');

        // Fixed in the forms: the reasons leave the summary without another click.
        await checkout.fillContact(ALAN);
        await checkout.fillAddress(PRINCETON);
        await checkout.waitForDeliveryOptions();
        await checkout.waitUntilSettled();
        await reasons
            .filter({ hasText: 'Add a shipping address.' })
            .waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
        assert.equal(await reasons.filter({ hasText: 'Add your contact information.' }).count(), 0);
        assert.equal(await street.getAttribute('aria-invalid'), 'false');
        await assertCleanRequestLog();
        await page.close();
    });

    test('a changed city, state and postal code reach the store as one address, once the shopper leaves it', async () => {
        const checkout = await guestReadyToChoose();
        const { page } = checkout;
        const before = patchesWith(await suite.preview.requests(), 'deliveryAddress').length;

        await checkout.address.getByLabel('City').fill('Arlington');
        await page.keyboard.press('Tab');
        await checkout.address.getByLabel('State or province').selectOption({ label: 'Virginia' });
        await page.keyboard.press('Tab');
        await page.keyboard.type('22202');
        assert.equal(
            patchesWith(await suite.preview.requests(), 'deliveryAddress').length,
            before,
            'nothing is sent while the shopper is still in the address'
        );
        await page.keyboard.press('Tab');
        await waitUntil(
            async () =>
                patchesWith(await suite.preview.requests(), 'deliveryAddress').length > before,
            'the address reaches the store once left'
        );
        await checkout.waitUntilSettled();

        const sent = patchesWith(await suite.preview.requests(), 'deliveryAddress').slice(before);
        assert.equal(sent.length, 1, 'one save, one shipping and tax run');
        const body = sentBody(sent[0]) as { deliveryAddress: Record<string, string> };
        assert.deepEqual(
            [
                body.deliveryAddress.city,
                body.deliveryAddress.region,
                body.deliveryAddress.postalCode
            ],
            ['Arlington', 'VA', '22202']
        );
        await assertCleanRequestLog();
        await page.close();
    });

    test('a buyer choosing a new address is told the methods and totals shown are for the previous one', async () => {
        await suite.preview.reset({ scenario: 'b2b-buyer' });
        const checkout = new CheckoutPage(await suite.browser.context.newPage(), 'careful');
        await checkout.open(suite.preview.pageUrl);
        await checkout.waitForDeliveryOptions();
        await checkout.waitUntilSettled();

        await checkout.address.getByRole('radio', { name: 'Use a new address' }).check();
        await checkout.delivery
            .getByText('These delivery methods are for your previous address.', { exact: false })
            .waitFor({ timeout: UI_TIMEOUT_MS });
        await checkout.summary
            .getByText('Shipping and tax are for your previous address.', { exact: false })
            .waitFor({ timeout: UI_TIMEOUT_MS });
        assert.ok(
            await checkout.deliveryOptions().first().isDisabled(),
            'the previous address’s methods cannot be chosen'
        );
        await checkout.screenshot('shopper-new-address');

        await checkout.address.getByRole('radio', { name: /Dana Whitfield/ }).check();
        await checkout.summary
            .getByText('Shipping and tax are for your previous address.', { exact: false })
            .waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
        await checkout.page.close();
    });

    test('axe finds nothing moderate or worse in these states, but the preview skip link it cannot follow', async (t) => {
        const findings: string[] = [];
        const artefacts: string[] = [];
        const scan = async (page: Page, state: string): Promise<void> => {
            const evidence = await skipLinkEvidence(page);
            for (const finding of await axeFindings(page)) {
                const onSkipLink = finding.html.every((html) => html.includes('class="skip-link"'));
                // The preview page's skip link (preview/, not a component): its target exists and takes focus,
                // but synthetic shadow keeps it from the document's own lookup, which axe uses.
                const artefact =
                    ['skip-link', 'region'].includes(finding.id) &&
                    onSkipLink &&
                    evidence.targetInPage &&
                    !evidence.targetByDocumentLookup;
                (artefact ? artefacts : findings).push(
                    `${state}: ${finding.id} (${finding.impact}) ${finding.help} at ${finding.targets.join(', ')}`
                );
            }
        };

        await suite.preview.reset({ scenario: 'd2c-guest' });
        const guest = new CheckoutPage(await suite.browser.context.newPage(), 'careful');
        await guest.open(suite.preview.pageUrl);
        await guest.waitUntilSettled();
        await scan(guest.page, 'empty guest checkout');
        await guest.placeOrderButton.click();
        await guest.summary.getByText('Add a shipping address.').waitFor();
        await scan(guest.page, 'Place Order with missing information');

        // The skip link works: Enter moves focus to the checkout's main region, the link's target.
        await guest.page.getByRole('link', { name: 'Skip to checkout' }).focus();
        await guest.page.keyboard.press('Enter');
        const main = await waitForFocus(
            guest.page,
            (element) => element.tag === 'main',
            'the skip link target'
        );
        assert.equal(main.tag, 'main');
        const evidence = await skipLinkEvidence(guest.page);
        assert.ok(evidence.targetInPage, `${evidence.href} exists in the page`);
        assert.ok(!evidence.targetByDocumentLookup, 'document.getElementById does not see it');
        await guest.page.close();

        const checkout = await guestReadyToChoose();
        await scan(checkout.page, 'delivery methods listed');
        await checkout.placeOrderButton.click();
        await checkout.waitForOrderReference();
        await scan(checkout.page, 'order confirmation');
        await checkout.page.close();

        await suite.preview.reset({ scenario: 'b2b-buyer' });
        const buyer = new CheckoutPage(await suite.browser.context.newPage(), 'careful');
        await buyer.open(suite.preview.pageUrl);
        await buyer.waitForDeliveryOptions();
        await buyer.address.getByRole('radio', { name: 'Use a new address' }).check();
        await buyer.summary
            .getByText('Shipping and tax are for your previous address.', { exact: false })
            .waitFor({ timeout: UI_TIMEOUT_MS });
        await scan(buyer.page, 'buyer typing a new address');
        await buyer.page.close();

        assert.deepEqual(findings, []);
        // What was set aside, with the evidence, in the test report.
        t.diagnostic(`set aside as the skip-link artefact: ${artefacts.length} finding(s)`);
        artefacts.slice(0, 2).forEach((line) => t.diagnostic(line));
        t.diagnostic(
            `skip link ${evidence.href}: in the page, not found by document.getElementById`
        );
    });
});
