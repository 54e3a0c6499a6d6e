import type { EmulatorState } from '../../emulator/src/index';

/** The parts of the emulator's Checkout output the tests read (the wire shape of contract §1.6). */
export interface ServerDeliveryGroup {
    id: string;
    deliveryAddress?: Record<string, string> | null;
    shippingInstructions?: string | null;
    availableDeliveryMethods: Array<{ id: string; name: string; shippingFee: string }>;
    selectedDeliveryMethod?: { id: string; name: string } | null;
}

export interface ServerCheckout {
    contactInfo?: Record<string, string> | null;
    deliveryGroups: { items: ServerDeliveryGroup[] };
    cartSummary: { grandTotalAmount: string };
}

export function serverCheckout(state: EmulatorState): ServerCheckout {
    if (!state.checkout) {
        throw new Error('The emulator has no checkout');
    }
    return state.checkout as unknown as ServerCheckout;
}

export function orderReferences(state: EmulatorState): string[] {
    return (state.orders as Array<{ orderReferenceNumber?: string }>).map(
        (order) => order.orderReferenceNumber ?? ''
    );
}
