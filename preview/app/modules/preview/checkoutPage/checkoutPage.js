import { LightningElement } from 'lwc';
import builderDefaults from 'preview/builderDefaults';
import { scenario, cpqCartId, cpqNamespace } from '/__preview/context.js';

const STORE_NAMES = {
    'd2c-guest': 'Alder & Pine Outfitters',
    'b2b-buyer': 'Northwind Industrial Supply',
    // The same signed-in Northwind buyer as b2b-buyer, shipping one cart to several addresses.
    'multi-group': 'Northwind Industrial Supply',
    'digital-only': 'Alder & Pine Digital',
    cpq: 'Meridian Telecom Business'
};

/** The store whose buyers pay by purchase order: its page has the payment component and terms to accept. */
const PURCHASE_ORDER_STORE = 'b2b-buyer';

/**
 * An LWR checkout page as an admin builds it in Experience Builder: a theme header, then the Checkout Kit
 * components in a two-column section (forms left, summary right; one column on a phone), each with the
 * property values the builder gives a newly placed component. The Industries CPQ store's admin switched the
 * order summary to CPQ submission and bound it to the CPQ cart. The B2B store's admin added Payment and Billing
 * after the delivery method (a required purchase order number) and turned on the summary's terms, with a link;
 * the other stores take no purchase orders, so their pages have no payment component.
 */
export default class CheckoutPage extends LightningElement {
    storeName = STORE_NAMES[scenario] || 'Alder & Pine Outfitters';

    get brandInitial() {
        return this.storeName.charAt(0);
    }

    contactProperties = { ...builderDefaults.checkoutContactForm };
    addressProperties = { ...builderDefaults.checkoutAddressForm };
    deliveryProperties = { ...builderDefaults.checkoutDeliveryMethod };
    showPayment = scenario === PURCHASE_ORDER_STORE;
    paymentProperties = { ...builderDefaults.checkoutPayment };
    summaryProperties =
        scenario === PURCHASE_ORDER_STORE
            ? { ...builderDefaults.checkoutOrderSummary, showTerms: true, termsUrl: '/terms' }
            : scenario === 'cpq'
              ? {
                    ...builderDefaults.checkoutOrderSummary,
                    submissionStrategy: 'cpq',
                    cpqNamespace: cpqNamespace || 'vlocity_cmt',
                    // On a CPQ page the admin binds the cart to the page's record ({!Route.recordId}).
                    cpqCartId
                }
              : { ...builderDefaults.checkoutOrderSummary };
}
