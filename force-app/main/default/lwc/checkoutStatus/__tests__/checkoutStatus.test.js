import { createElement } from 'lwc';
import CheckoutStatus from 'c/checkoutStatus';
import { flushPromises } from 'checkoutKitTest/snapshots';
import { cleanUpDom } from 'checkoutKitTest/dom';

function render(props) {
    const element = createElement('c-checkout-status', { is: CheckoutStatus });
    Object.assign(element, props);
    document.body.appendChild(element);
    return flushPromises().then(() => element);
}

const MESSAGES = [
    { id: 'e1', severity: 'error', message: 'Tax could not be calculated.' },
    { id: 'w1', severity: 'warning', message: 'Your delivery method changed.' },
    { id: 'e2', severity: 'error', message: 'Shipping could not be calculated.' },
    { id: 'i1', severity: 'info', message: 'Checkout restarted.' }
];

describe('c-checkout-status', () => {
    afterEach(cleanUpDom);

    it('renders nothing visible when idle', async () => {
        const element = await render({});

        expect(element.shadowRoot.querySelectorAll('li')).toHaveLength(0);
        expect(element.shadowRoot.querySelector('.status-processing')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('announces processing with its text in a polite live region when asked to', async () => {
        const element = await render({
            processing: true,
            processingText: 'Updating…',
            announceProcessing: true
        });

        const polite = element.shadowRoot.querySelector('[data-id="status-polite"]');
        expect(polite.getAttribute('aria-live')).toBe('polite');
        expect(polite.querySelector('.status-processing').textContent).toContain('Updating…');
        await expect(element).toBeAccessible();
    });

    it('shows processing outside the live region when another component announces it', async () => {
        const element = await render({ processing: true, processingText: 'Updating…' });

        const processing = element.shadowRoot.querySelector('.status-processing');
        expect(processing.textContent).toContain('Updating…');
        expect(processing.closest('[aria-live]')).toBeNull();
    });

    it('lists every error assertively and other messages politely, each with its severity', async () => {
        const element = await render({ messages: MESSAGES });

        const errors = element.shadowRoot.querySelector('[data-id="status-errors"]');
        expect(errors.getAttribute('aria-live')).toBe('assertive');
        const errorTexts = [...errors.querySelectorAll('li')].map((item) => item.textContent);
        expect(errorTexts).toHaveLength(2);
        expect(errorTexts[0]).toContain('c.CheckoutKit_ErrorPrefix');
        expect(errorTexts[1]).toContain('Shipping could not be calculated.');

        const notices = element.shadowRoot.querySelectorAll('[data-id="status-polite"] li');
        expect([...notices].map((item) => item.textContent.trim())).toEqual([
            'c.CheckoutKit_WarningPrefix Your delivery method changed.',
            'Checkout restarted.'
        ]);
        await expect(element).toBeAccessible();
    });

    it('offers a retry button with errors when asked and fires retry', async () => {
        const element = await render({ messages: MESSAGES.slice(0, 1), showRetry: true });
        const handler = jest.fn();
        element.addEventListener('retry', handler);

        const button = element.shadowRoot.querySelector('button');
        expect(button.textContent.trim()).toBe('c.CheckoutKit_Retry');
        button.click();

        expect(handler).toHaveBeenCalledTimes(1);
    });

    it('shows no retry button without errors', async () => {
        const element = await render({ messages: MESSAGES.slice(1, 2), showRetry: true });

        expect(element.shadowRoot.querySelector('button')).toBeNull();
    });
});
