/**
 * `POST …/checkouts/{id}/payments`: Auth, PostAuth or a purchase order, with a billing address. The token
 * `decline` is declined; a new payment replaces or reverses the previous one; the payment type can't change.
 */
import { invalidInput } from '../errors';
import { PREFIX } from '../ids';
import { formatMoney } from '../money';
import { validateAddress, type AddressInput } from '../validation/address';
import { rejectUnknownKeys, requireObject } from '../validation/json';
import { assertWritable } from './checkoutWrites';
import { PAYMENT_DECLINED } from './errorCatalogue';
import type { Org } from './org';
import type { ApiResult, PaymentRecord } from './records';
import { totals } from './responseBodies';

export function postPayment(org: Org, idOrActive: string, body: unknown): ApiResult {
    const obj = requireObject(body, 'The request body');
    rejectUnknownKeys(
        obj,
        ['billingAddress', 'paymentToken', 'paymentsData', 'requestType'],
        'Checkout Payment Input'
    );
    const requestType = obj.requestType;
    if (
        requestType !== 'Auth' &&
        requestType !== 'PostAuth' &&
        requestType !== 'SimplePurchaseOrder'
    ) {
        throw invalidInput('requestType is required: Auth, PostAuth or SimplePurchaseOrder.');
    }
    if (typeof obj.paymentToken !== 'string' || obj.paymentToken.trim() === '') {
        throw invalidInput(`paymentToken is required for ${requestType}.`);
    }
    if (obj.paymentToken.length > 255)
        throw invalidInput('paymentToken is longer than 255 characters.');
    let paymentsData: string | undefined;
    if (obj.paymentsData !== undefined && obj.paymentsData !== null) {
        if (requestType === 'SimplePurchaseOrder')
            throw invalidInput('paymentsData is only for Auth and PostAuth.');
        if (typeof obj.paymentsData !== 'string')
            throw invalidInput('paymentsData must be a string.');
        paymentsData = obj.paymentsData;
    }
    let billing: AddressInput | null = null;
    if (obj.billingAddress !== undefined && obj.billingAddress !== null) {
        // shipToPhoneNumber is ignored by the payments API rather than refused.
        const raw = { ...requireObject(obj.billingAddress, 'billingAddress') };
        delete raw.shipToPhoneNumber;
        billing = validateAddress(raw, 'billingAddress', { shipToPhone: false });
    }
    const checkout = org.checkoutFor(idOrActive);
    assertWritable(checkout);
    const previous = checkout.payments[checkout.payments.length - 1];
    if (previous && previous.status === 'Authorized' && previous.requestType !== requestType) {
        throw invalidInput(
            `The payment type can't change from ${previous.requestType} to ${requestType}; only the billing address can.`
        );
    }
    const declined = obj.paymentToken.toLowerCase() === 'decline';
    for (const p of checkout.payments) {
        if (p.status === 'Authorized')
            p.status = p.requestType === 'SimplePurchaseOrder' ? 'Replaced' : 'Reversed';
    }
    if (billing) checkout.billingAddress = { ...billing, id: org.ids.next(PREFIX.address) };
    const payment: PaymentRecord = {
        id: org.ids.next(PREFIX.payment),
        checkoutId: checkout.id,
        requestType,
        paymentToken: obj.paymentToken,
        paymentsData,
        billingAddress: checkout.billingAddress,
        amount: formatMoney(totals(checkout).grand),
        currencyIsoCode: org.scenario.currencyIsoCode,
        salesforceResultCode: declined ? 'Decline' : 'Success',
        status: declined ? 'Declined' : 'Authorized',
        createdAt: org.now()
    };
    checkout.payments.push(payment);
    const errors = declined ? [{ ...PAYMENT_DECLINED }] : [];
    const result: Record<string, unknown> = {
        salesforceResultCode: payment.salesforceResultCode,
        errors
    };
    if (paymentsData !== undefined) result.paymentData = paymentsData;
    return { status: 200, body: result };
}
