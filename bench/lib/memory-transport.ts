/**
 * An in-memory Connect REST stand-in for the fuzz test: one checkout with one delivery group, every write
 * applied at once (200, no processing), every PATCH body recorded. It answers instantly so fast-check can try
 * hundreds of values; the soak and the bench use the real emulator.
 * A test fake, independent of the emulator on purpose: do not merge the two.
 */
import type {
    Checkout,
    CheckoutTransport,
    HttpResponse,
    SObjectAttributes
} from '../../force-app/main/default/lwc/checkoutStore/types';

export const MEMORY_GROUP_ID = '0a7MEMORY000001';

export interface MemoryServer {
    transport: CheckoutTransport;
    patches: unknown[];
    checkout: Checkout;
}

function freshCheckout(): Checkout {
    return {
        checkoutId: '2z9MEMORY000001',
        cartSummary: {
            cartId: '0a6MEMORY000001',
            currencyIsoCode: 'USD',
            grandTotalAmount: '10.00',
            totalProductAmount: '10.00',
            totalTaxAmount: '0.00'
        },
        contactInfo: {},
        deliveryGroups: {
            count: 1,
            items: [
                {
                    id: MEMORY_GROUP_ID,
                    isDefault: true,
                    deliveryAddress: null,
                    availableDeliveryMethods: [
                        { id: '2DmMEMORY000001', name: 'Ground', shippingFee: '5.00' },
                        { id: '2DmMEMORY000002', name: 'Express', shippingFee: '15.00' }
                    ],
                    selectedDeliveryMethod: null
                }
            ]
        },
        customFields: [],
        errors: []
    };
}

export function createMemoryServer(): MemoryServer {
    const server: MemoryServer = {
        patches: [],
        checkout: freshCheckout(),
        transport: undefined as never
    };
    const ok = (): HttpResponse => ({ status: 200, body: structuredClone(server.checkout) });
    function applyPatch(body: Record<string, unknown>): void {
        const checkout = server.checkout;
        const group = checkout.deliveryGroups.items[0];
        if (body.contactInfo)
            checkout.contactInfo = { ...checkout.contactInfo, ...(body.contactInfo as object) };
        if ('deliveryAddress' in body) group.deliveryAddress = body.deliveryAddress as never;
        if ('desiredDeliveryDate' in body)
            group.desiredDeliveryDate = body.desiredDeliveryDate as string;
        if ('shippingInstructions' in body)
            group.shippingInstructions = body.shippingInstructions as string;
        if (typeof body.deliveryMethodId === 'string') {
            group.selectedDeliveryMethod =
                group.availableDeliveryMethods.find(
                    (method) => method.id === body.deliveryMethodId
                ) ?? null;
        }
        for (const item of (body.customFields as SObjectAttributes[] | undefined) ?? []) {
            const existing = checkout.customFields?.find(
                (candidate) => candidate.attributes.type === item.attributes.type
            );
            if (existing) Object.assign(existing, item);
            else checkout.customFields?.push(structuredClone(item));
        }
    }
    server.transport = {
        async connect(method, path, options = {}) {
            // PUT is the start the engine sends (create or get); POST the older form.
            if ((method === 'POST' || method === 'PUT') && path === '/checkouts') return ok();
            if (/^\/checkouts\/[^/]+$/.test(path)) {
                if (method === 'GET') return ok();
                if (method === 'PATCH') {
                    server.patches.push(structuredClone(options.body));
                    applyPatch(options.body as Record<string, unknown>);
                    return ok();
                }
            }
            return {
                status: 404,
                body: [{ errorCode: 'NOT_FOUND', message: `No ${method} ${path}` }]
            };
        },
        async getSession(checkoutId) {
            return {
                checkoutId,
                isProcessing: false,
                isError: false,
                state: 'Start',
                nextState: null
            };
        },
        async submitCpq() {
            return { messages: [], records: [] };
        },
        async getCpqCartSummary() {
            return { checkOrderStatus: true };
        }
    };
    return server;
}
