/**
 * The terms the shopper accepts before placing the order, when the admin asks for it: the checkbox's view, and
 * the WebCart custom field (if the admin named one) that records the answer. Unchecked, it blocks Place Order.
 */
import TERMS_ACCEPT from '@salesforce/label/c.CheckoutKit_TermsAccept';
import TERMS_LINK from '@salesforce/label/c.CheckoutKit_TermsLink';
import TERMS_REQUIRED from '@salesforce/label/c.CheckoutKit_TermsRequired';

/** The message of unaccepted terms ('' once accepted). */
export function termsMessage(accepted) {
    return accepted ? '' : TERMS_REQUIRED;
}

/**
 * The checkbox of the summary's `termsLabel`, `termsUrl`, `termsAccepted` and `termsError`: its text (the
 * admin's, else the label), the link to the terms, its message and ARIA state.
 */
export function termsView({ termsLabel, termsUrl, termsAccepted: accepted, termsError: message }) {
    const link = String(termsUrl || '').trim();
    return {
        text: termsLabel || TERMS_ACCEPT,
        url: link,
        linkText: TERMS_LINK,
        checked: accepted,
        message,
        invalid: message ? 'true' : 'false',
        describedBy: message ? 'terms-error' : null,
        className: `slds-form-element summary-terms${message ? ' slds-has-error' : ''}`
    };
}

/** The custom-field write that records the answer, or null when the admin named no field. */
export function termsFieldValues(field, accepted) {
    const name = String(field || '').trim();
    return name ? { [name]: accepted } : null;
}
