import { LightningElement } from 'lwc';
import builderDefaults from 'preview/builderDefaults';
import { scenario, cpqCartId, cpqNamespace } from '/__preview/context.js';

const STORE_NAMES = {
    'd2c-guest': 'Alder & Pine Outfitters',
    'b2b-buyer': 'Northwind Industrial Supply',
    'multi-group': 'Alder & Pine Outfitters',
    'digital-only': 'Alder & Pine Digital',
    cpq: 'Meridian Telecom Business'
};

/**
 * An LWR checkout page as an admin builds it in Experience Builder: a theme header, then the four Checkout Kit
 * components in a two-column section (forms left, summary right; one column on a phone), each with the
 * property values the builder gives a newly placed component. The Industries CPQ store's admin switched the
 * order summary to CPQ submission and bound it to the CPQ cart.
 */
export default class CheckoutPage extends LightningElement {
    storeName = STORE_NAMES[scenario] || 'Alder & Pine Outfitters';

    get brandInitial() {
        return this.storeName.charAt(0);
    }

    contactProperties = { ...builderDefaults.checkoutContactForm };
    addressProperties = { ...builderDefaults.checkoutAddressForm };
    deliveryProperties = { ...builderDefaults.checkoutDeliveryMethod };
    summaryProperties =
        scenario === 'cpq'
            ? {
                  ...builderDefaults.checkoutOrderSummary,
                  submissionStrategy: 'cpq',
                  cpqNamespace: cpqNamespace || 'vlocity_cmt',
                  // On a CPQ page the admin binds the cart to the page's record ({!Route.recordId}).
                  cpqCartId
              }
            : { ...builderDefaults.checkoutOrderSummary };
}
