import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { REPO_ROOT } from '../../preview/src/build';

/**
 * The checkout page as a shopper sees it: every control is found by its role and accessible name (the
 * Custom Label texts), so a test also fails when a control loses its label.
 */

/** Generous for slow machines; tests wait for states, never for fixed times. */
export const UI_TIMEOUT_MS = 20_000;

/** What the components show while work is in progress (Custom Label values). */
const BUSY_TEXTS = [
    'Loading your checkout…',
    'Updating your checkout…',
    'Finding delivery methods for this address…',
    'Placing your order…',
    'Saving your changes, then placing your order…',
    'Saving your payment details…'
];

export interface ContactValues {
    firstName: string;
    lastName: string;
    email: string;
    phone?: string;
}

export interface AddressValues {
    firstName: string;
    lastName: string;
    street: string;
    city: string;
    /** The option label, e.g. `California`. */
    region: string;
    postalCode: string;
    /** The option label, e.g. `United States`; the form's default when omitted. */
    country?: string;
}

/**
 * `brisk`: the shopper types the next field while the previous one saves (what most shoppers do).
 * `careful`: the shopper waits for each field to save before the next (for tests whose subject is elsewhere).
 */
export type TypingPace = 'brisk' | 'careful';

export class CheckoutPage {
    constructor(
        readonly page: Page,
        readonly pace: TypingPace = 'brisk'
    ) {}

    get contact(): Locator {
        return this.page.getByRole('region', { name: 'Contact Information' });
    }

    get address(): Locator {
        return this.page.getByRole('region', { name: 'Shipping Address' });
    }

    get delivery(): Locator {
        return this.page.getByRole('region', { name: 'Delivery Method' });
    }

    get payment(): Locator {
        return this.page.getByRole('region', { name: 'Payment and Billing' });
    }

    get purchaseOrderField(): Locator {
        return this.payment.getByLabel(/Purchase order number/);
    }

    get termsCheckbox(): Locator {
        return this.summary.getByRole('checkbox', { name: /accept the terms and conditions/ });
    }

    /**
     * What the b2b-buyer page asks before the order goes (the store requires a purchase order): a PO number, billing
     * the same as shipping, and the store's terms accepted.
     */
    async payByPurchaseOrder(number = 'PO-4471'): Promise<void> {
        await this.enter(this.purchaseOrderField, number);
        await this.termsCheckbox.check();
        await this.waitUntilSettled();
    }

    get summary(): Locator {
        return this.page.getByRole('region', { name: 'Order Summary' });
    }

    get placeOrderButton(): Locator {
        return this.summary.getByRole('button', {
            name: /Place Order|Try Placing the Order Again/
        });
    }

    /** The order confirmation (a live status region in the summary). */
    get confirmation(): Locator {
        return this.summary.getByRole('status').filter({ hasText: /order/i });
    }

    async open(url: string): Promise<void> {
        await this.page.goto(url);
        await this.summary
            .getByRole('term')
            .filter({ hasText: /^Total$/ })
            .waitFor({ timeout: UI_TIMEOUT_MS });
    }

    /** Types a value and leaves the field, as a shopper does (the forms save on change). */
    async enter(field: Locator, value: string): Promise<void> {
        await field.fill(value);
        await field.blur();
        if (this.pace === 'careful') {
            await this.waitUntilSettled();
        }
    }

    /** Types each value into its field, then checks that every field still shows what was typed. */
    async fillFields(
        within: Locator,
        values: Array<[label: string, value: string]>
    ): Promise<void> {
        for (const [label, value] of values) {
            await this.enter(within.getByLabel(label, { exact: true }), value);
        }
        await this.waitUntilSettled();
        for (const [label, value] of values) {
            assert.equal(
                await within.getByLabel(label, { exact: true }).inputValue(),
                value,
                `the shopper typed "${value}" into ${label}: the field must still show it`
            );
        }
    }

    async fillContact(values: ContactValues): Promise<void> {
        await this.fillFields(this.contact, [
            ['*First name', values.firstName],
            ['*Last name', values.lastName],
            ['*Email', values.email],
            ...(values.phone === undefined
                ? []
                : ([['Phone', values.phone]] as Array<[string, string]>))
        ]);
    }

    async fillAddress(values: AddressValues, within: Locator = this.address): Promise<void> {
        if (values.country) {
            await within.getByLabel('Country').selectOption({ label: values.country });
        }
        await within.getByLabel('State or province').selectOption({ label: values.region });
        await this.fillFields(within, [
            ['*First name', values.firstName],
            ['*Last name', values.lastName],
            ['*Street address', values.street],
            ['*City', values.city],
            ['*Postal code', values.postalCode]
        ]);
    }

    /**
     * Starts watching for a text to appear anywhere on the page; the returned function tells whether it did.
     * For states that come and go (processing), so the test never races them.
     */
    async watchForText(text: string): Promise<() => Promise<boolean>> {
        const key = `checkoutKitSeen:${text}`;
        // Polled each frame: synthetic shadow hides component changes from a MutationObserver on the document.
        // A script string: the test runner's transpiler would decorate a named function with helpers the page
        // does not have.
        await this.page.evaluate(`(() => {
            const look = () => {
                if (document.body.innerText.includes(${JSON.stringify(text)})) {
                    window[${JSON.stringify(key)}] = true;
                } else {
                    requestAnimationFrame(look);
                }
            };
            look();
        })()`);
        return () =>
            this.page.evaluate(
                (flag) => (window as unknown as Record<string, boolean>)[flag] === true,
                key
            );
    }

    /** The delivery method radios of the page (one group per delivery group). */
    deliveryOptions(): Locator {
        return this.delivery.getByRole('radio');
    }

    async waitForDeliveryOptions(): Promise<void> {
        await this.deliveryOptions().first().waitFor({ timeout: UI_TIMEOUT_MS });
    }

    /** Waits until the summary shows a row with the given label and a value matching `value`. */
    async waitForTotal(label: string, value: RegExp): Promise<void> {
        await this.summary
            .locator('div')
            .filter({
                has: this.page.getByRole('term').filter({ hasText: new RegExp(`^${label}$`) })
            })
            .filter({ has: this.page.getByRole('definition').filter({ hasText: value }) })
            .first()
            .waitFor({ timeout: UI_TIMEOUT_MS });
    }

    async totalValue(label: string): Promise<string> {
        const row = this.summary
            .locator('div')
            .filter({
                has: this.page.getByRole('term').filter({ hasText: new RegExp(`^${label}$`) })
            })
            .last();
        return (await row.getByRole('definition').textContent())?.trim() ?? '';
    }

    /** The order reference the summary shows once the order is placed. */
    async waitForOrderReference(): Promise<string> {
        const confirmation = this.summary.locator('.summary-reference');
        await confirmation.waitFor({ timeout: UI_TIMEOUT_MS });
        return (await confirmation.textContent())?.trim() ?? '';
    }

    /**
     * Waits until the page shows no work in progress: no busy region and none of the processing texts (the
     * store's whenIdle, seen from outside).
     */
    async waitUntilSettled(): Promise<void> {
        await this.page.waitForFunction(
            (busyTexts) =>
                !document.querySelector('[aria-busy="true"]') &&
                !busyTexts.some((text) => document.body.innerText.includes(text)),
            BUSY_TEXTS,
            { timeout: UI_TIMEOUT_MS }
        );
    }

    /** Waits until the developer panel's bar counts the requests logged so far (it polls each second). */
    async waitForDeveloperPanel(): Promise<void> {
        const logged = await this.page.evaluate(async () => {
            const response = await fetch('/__emulator/requests');
            return ((await response.json()) as unknown[]).length;
        });
        await this.page.waitForFunction(
            (count) => {
                const shown = /(\d+) requests? ·/.exec(document.body.innerText);
                return shown !== null && Number(shown[1]) >= count;
            },
            logged,
            { timeout: UI_TIMEOUT_MS }
        );
    }

    /**
     * A screenshot of the whole page, preview-<name>.png: into test-results/screenshots/ on every run, and into
     * docs/ (the README's pictures) only when `npm run screenshots` asks for it, so a test run leaves the tree
     * clean. The viewport grows to the page's height first, so the docked developer panel bar sits at the
     * bottom as it does on screen.
     */
    async screenshot(name: string): Promise<void> {
        const folder =
            process.env.CHECKOUT_KIT_SCREENSHOTS === 'docs'
                ? path.join(REPO_ROOT, 'docs')
                : path.join(REPO_ROOT, 'test-results', 'screenshots');
        mkdirSync(folder, { recursive: true });
        await this.waitForDeveloperPanel();
        const viewport = this.page.viewportSize() ?? { width: 1280, height: 900 };
        const height = await this.page.evaluate(() => document.documentElement.scrollHeight);
        await this.page.setViewportSize({
            width: viewport.width,
            height: Math.max(height, viewport.height)
        });
        await this.page.evaluate(() => window.scrollTo(0, 0));
        await this.page.screenshot({
            path: path.join(folder, `preview-${name}.png`),
            animations: 'disabled',
            caret: 'hide'
        });
        await this.page.setViewportSize(viewport);
    }
}
