/**
 * Every shopper-facing string the engine produces, from Custom Labels (category `CheckoutKit Engine …`).
 * One module, so the label set is easy to audit and to stub. Read as `import * as labels`: the bundler
 * resolves each `labels.name` to its import, so no object of labels is built at run time.
 */
import errorConflict from '@salesforce/label/c.CheckoutKit_ErrorConflict';
import errorNetwork from '@salesforce/label/c.CheckoutKit_ErrorNetwork';
import errorServer from '@salesforce/label/c.CheckoutKit_ErrorServer';
import errorOffline from '@salesforce/label/c.CheckoutKit_ErrorOffline';
import errorTimeout from '@salesforce/label/c.CheckoutKit_ErrorTimeout';
import errorSession from '@salesforce/label/c.CheckoutKit_ErrorSession';
import errorRejected from '@salesforce/label/c.CheckoutKit_ErrorRejected';
import errorLoad from '@salesforce/label/c.CheckoutKit_ErrorLoad';
import errorCalculation from '@salesforce/label/c.CheckoutKit_ErrorCalculation';
import errorShippingCalculation from '@salesforce/label/c.CheckoutKit_ErrorShippingCalculation';
import errorTaxCalculation from '@salesforce/label/c.CheckoutKit_ErrorTaxCalculation';
import errorPricingCalculation from '@salesforce/label/c.CheckoutKit_ErrorPricingCalculation';
import errorInventoryCalculation from '@salesforce/label/c.CheckoutKit_ErrorInventoryCalculation';
import errorSignedOut from '@salesforce/label/c.CheckoutKit_ErrorSignedOut';
import errorGuestSessionEnded from '@salesforce/label/c.CheckoutKit_ErrorGuestSessionEnded';
import paymentNumberRequired from '@salesforce/label/c.CheckoutKit_PaymentNumberRequired';
import paymentNumberTooLong from '@salesforce/label/c.CheckoutKit_PaymentNumberTooLong';
import paymentFailed from '@salesforce/label/c.CheckoutKit_ErrorPayment';
import checkoutRestarted from '@salesforce/label/c.CheckoutKit_CheckoutRestarted';
import deliveryGroupGone from '@salesforce/label/c.CheckoutKit_DeliveryGroupGone';
import deliveryMethodUnavailable from '@salesforce/label/c.CheckoutKit_DeliveryMethodUnavailable';
import deliveryMethodReset from '@salesforce/label/c.CheckoutKit_DeliveryMethodReset';
import customFieldsWaiting from '@salesforce/label/c.CheckoutKit_CustomFieldsWaiting';
import orderPlaced from '@salesforce/label/c.CheckoutKit_OrderPlaced';
import orderBlocked from '@salesforce/label/c.CheckoutKit_OrderBlocked';
import orderFailed from '@salesforce/label/c.CheckoutKit_OrderFailed';
import orderUnknown from '@salesforce/label/c.CheckoutKit_OrderUnknown';
import cpqSubmit1001 from '@salesforce/label/c.CheckoutKit_CpqSubmit1001';
import cpqSubmit1002 from '@salesforce/label/c.CheckoutKit_CpqSubmit1002';
import cpqSubmit1003 from '@salesforce/label/c.CheckoutKit_CpqSubmit1003';
import cpqSubmit1004 from '@salesforce/label/c.CheckoutKit_CpqSubmit1004';
import cpqSubmit1005 from '@salesforce/label/c.CheckoutKit_CpqSubmit1005';
import cpqSubmit1006 from '@salesforce/label/c.CheckoutKit_CpqSubmit1006';
import cpqSubmit1007 from '@salesforce/label/c.CheckoutKit_CpqSubmit1007';
import cpqSubmit1008 from '@salesforce/label/c.CheckoutKit_CpqSubmit1008';
import cpqSubmit1009 from '@salesforce/label/c.CheckoutKit_CpqSubmit1009';
import cpqQuoteCreated from '@salesforce/label/c.CheckoutKit_CpqQuoteCreated';

export {
    errorConflict,
    errorNetwork,
    errorServer,
    errorOffline,
    errorTimeout,
    errorSession,
    errorRejected,
    errorLoad,
    errorCalculation,
    errorShippingCalculation,
    errorTaxCalculation,
    errorPricingCalculation,
    errorInventoryCalculation,
    errorSignedOut,
    errorGuestSessionEnded,
    paymentNumberRequired,
    paymentNumberTooLong,
    paymentFailed,
    checkoutRestarted,
    deliveryGroupGone,
    deliveryMethodUnavailable,
    deliveryMethodReset,
    customFieldsWaiting,
    orderPlaced,
    orderBlocked,
    orderFailed,
    orderUnknown,
    cpqSubmit1001,
    cpqSubmit1002,
    cpqSubmit1003,
    cpqSubmit1004,
    cpqSubmit1005,
    cpqSubmit1006,
    cpqSubmit1007,
    cpqSubmit1008,
    cpqSubmit1009,
    cpqQuoteCreated
};
