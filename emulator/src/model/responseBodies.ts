/**
 * The Connect output shapes: the Checkout, its delivery groups and methods, totals, and the status GET
 * answers.
 */
import { formatMoney, type Cents } from '../money';
import type { Org } from './org';
import {
    isAllDigital,
    productCents,
    selectedMethod,
    type CheckoutErrorOut,
    type CheckoutState,
    type DeliveryMethodOut,
    type GroupState
} from './records';

/** 202 while calculators run, 422 with errors, else 200. */
export function statusOf(checkout: CheckoutState): number {
    if (checkout.job) return 202;
    return errorsOf(checkout).length > 0 ? 422 : 200;
}

export function errorsOf(checkout: CheckoutState): CheckoutErrorOut[] {
    return [...checkout.jobErrors, ...checkout.groups.flatMap((g) => g.errors)];
}

export function totals(checkout: CheckoutState): {
    product: Cents;
    list: Cents;
    promotion: Cents;
    charges: Cents;
    tax: Cents;
    grand: Cents;
} {
    const product = productCents(checkout.groups);
    const list = checkout.groups.reduce(
        (s, g) => s + g.items.reduce((t, i) => t + i.listPrice * i.quantity, 0),
        0
    );
    const charges = checkout.groups.reduce(
        (s, g) => s + (selectedMethod(g)?.adjustedCents ?? 0),
        0
    );
    const tax = checkout.groups.reduce((s, g) => s + g.taxCents, 0);
    const promotion = checkout.promotionCents;
    return {
        product,
        list,
        promotion,
        charges,
        tax,
        grand: product + promotion + charges + tax
    };
}

export function checkoutBody(
    org: Org,
    checkout: CheckoutState,
    status: number
): Record<string, unknown> {
    const t = totals(checkout);
    const itemCount = checkout.groups.reduce(
        (s, g) => s + g.items.reduce((n, i) => n + i.quantity, 0),
        0
    );
    const uniqueProducts = new Set(checkout.groups.flatMap((g) => g.items.map((i) => i.sku))).size;
    const customFields: Record<string, unknown>[] = [];
    if (Object.keys(checkout.cartCustomFields).length > 0) {
        customFields.push({
            attributes: { type: 'WebCart' },
            Id: org.cartId,
            ...checkout.cartCustomFields
        });
    }
    for (const group of checkout.groups) {
        if (Object.keys(group.customFields).length > 0) {
            customFields.push({
                attributes: { type: 'CartDeliveryGroup' },
                Id: group.id,
                ...group.customFields
            });
        }
    }
    return {
        checkoutId: checkout.id,
        cartSummary: {
            accountId: org.scenario.isGuest ? null : org.accountId,
            cartId: org.cartId,
            currencyIsoCode: org.scenario.currencyIsoCode,
            name: org.cartName,
            ownerId: org.ownerId,
            webstoreId: org.webstoreId,
            grandTotalAmount: formatMoney(t.grand),
            totalChargeAmount: formatMoney(t.charges),
            totalListPrice: formatMoney(t.list),
            totalProductAmount: formatMoney(t.product),
            totalProductAmountAfterAdjustments: formatMoney(t.product + t.promotion),
            totalPromotionalAdjustmentAmount: formatMoney(t.promotion),
            totalTaxAmount: formatMoney(t.tax),
            totalProductCount: String(itemCount),
            uniqueProductCount: uniqueProducts,
            status: checkout.order ? 'PendingClosed' : 'Checkout',
            type: 'Cart',
            isSecondary: false,
            taxType: 'Net',
            asyncOperationStatus: checkout.job
                ? 'Processing'
                : errorsOf(checkout).length > 0
                  ? 'Errored'
                  : 'Completed'
        },
        contactInfo: checkout.contactInfo ? { ...checkout.contactInfo } : null,
        customFields,
        deliveryGroups: {
            count: checkout.groups.length,
            items: checkout.groups.map((g) => groupBody(org, g))
        },
        errors: errorsOf(checkout),
        orderReferenceNumber: checkout.order?.orderReferenceNumber ?? null,
        statusCode: String(status)
    };
}

export function groupBody(org: Org, group: GroupState): Record<string, unknown> {
    const selected = selectedMethod(group);
    return {
        id: group.id,
        name: group.name,
        cartId: org.cartId,
        isDefault: group.isDefault,
        isAllDigitalCartItems: isAllDigital(group),
        isGift: false,
        giftMessage: null,
        giftToName: null,
        deliveryAddress: group.deliveryAddress ? { ...group.deliveryAddress } : null,
        desiredDeliveryDate: group.desiredDeliveryDate,
        shippingInstructions: group.shippingInstructions,
        availableDeliveryMethods: group.methods.map(methodBody),
        selectedDeliveryMethod: selected ? methodBody(selected) : null,
        totalCartItemCount: group.items.reduce((n, i) => n + i.quantity, 0),
        totalProductAmount: formatMoney(
            group.items.reduce((s, i) => s + i.unitPrice * i.quantity, 0)
        ),
        cartItems: {
            count: group.items.length,
            items: group.items.map((i) => ({
                cartItemId: i.id,
                productId: i.productId,
                name: i.name,
                sku: i.sku,
                quantity: String(i.quantity),
                listPrice: formatMoney(i.listPrice),
                unitAdjustedPrice: formatMoney(i.unitPrice),
                totalAmount: formatMoney(i.unitPrice * i.quantity),
                type: 'Product'
            }))
        },
        errors: [...group.errors]
    };
}

function methodBody(method: DeliveryMethodOut): Record<string, unknown> {
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const { adjustedCents, ...wire } = method;
    return wire;
}
