// Browser entry of the preview: synthetic shadow first (SLDS is a page stylesheet, as on an LWR site),
// then the checkout page and the developer panel in their own roots.
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import CheckoutPage from 'preview/checkoutPage';
import DeveloperPanel from 'preview/developerPanel';

document
    .getElementById('checkout-page')
    .appendChild(createElement('preview-checkout-page', { is: CheckoutPage }));
document
    .getElementById('developer-panel')
    .appendChild(createElement('preview-developer-panel', { is: DeveloperPanel }));
