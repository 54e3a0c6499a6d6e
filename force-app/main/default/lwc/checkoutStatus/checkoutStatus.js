import { LightningElement, api } from 'lwc';
import ERROR_PREFIX from '@salesforce/label/c.CheckoutKit_ErrorPrefix';
import WARNING_PREFIX from '@salesforce/label/c.CheckoutKit_WarningPrefix';
import RETRY_LABEL from '@salesforce/label/c.CheckoutKit_Retry';

const SEVERITY_CLASS = {
    error: 'status-message status-message_error slds-text-color_error',
    warning: 'status-message status-message_warning',
    info: 'status-message status-message_info'
};

/**
 * Processing and message area shared by the Checkout Kit components: announces processing politely,
 * errors assertively, and lists every message (not only the first).
 */
export default class CheckoutStatus extends LightningElement {
    /** True while the checkout processes; shows and announces processingText. */
    @api processing = false;
    @api processingText = '';
    /**
     * Puts the processing text in the live region. Several components show processing at once: only the ones
     * that set this announce it, so a screen reader hears it once.
     */
    @api announceProcessing = false;
    /** Messages to list: [{id, severity, message}]. */
    @api messages = [];
    /** Shows a retry button that fires a `retry` event. */
    @api showRetry = false;

    labels = { retry: RETRY_LABEL };

    get errorItems() {
        return this.itemsOf((severity) => severity === 'error');
    }

    get noticeItems() {
        return this.itemsOf((severity) => severity !== 'error');
    }

    get hasErrors() {
        return this.errorItems.length > 0;
    }

    get showQuietProcessing() {
        return this.processing && !this.announceProcessing;
    }

    get showAnnouncedProcessing() {
        return this.processing && this.announceProcessing;
    }

    get hasNotices() {
        return this.noticeItems.length > 0;
    }

    itemsOf(predicate) {
        return (this.messages || [])
            .filter((item) => predicate(item.severity || 'error'))
            .map((item) => {
                const severity = item.severity || 'error';
                let prefix = '';
                if (severity === 'error') {
                    prefix = ERROR_PREFIX;
                } else if (severity === 'warning') {
                    prefix = WARNING_PREFIX;
                }
                return {
                    key: item.id,
                    text: item.message,
                    // The trailing space keeps the prefix a separate word for screen readers.
                    prefix: prefix ? `${prefix} ` : '',
                    className: SEVERITY_CLASS[severity] || SEVERITY_CLASS.info
                };
            });
    }

    handleRetry() {
        this.dispatchEvent(new CustomEvent('retry'));
    }
}
