/**
 * Choosing a carrier for custom fields pending with nothing else to send (the API refuses `customFields`
 * alone). Pure.
 */
import type { PlannedWrite } from './context';
import { defaultGroupOf, serverContact } from './checkoutState';
import { addressInput } from './fields';
import { attachCustomFields, customFieldItems, newWrite } from './writeBody';
import type { PlanInput } from './writeBody';

/**
 * The carrier with the fewest side effects re-sends a value the server already holds:
 *  1. WebCart fields only: the current contactInfo — no calculator runs, nothing is cleared;
 *  2. the default group's current deliveryMethodId — only the tax calculator runs, but payment and billing
 *     address are cleared (none exist before the payment step);
 *  3. the default group's current deliveryAddress, only when no method is selected yet — shipping and tax
 *     recalculate, which could otherwise reset the shopper's method.
 * With none available the fields wait (pending) for the next write.
 */
export function chooseCustomFieldCarrier(input: PlanInput): PlannedWrite | null {
    const defaultGroup = defaultGroupOf(input.checkout);
    const contact = serverContact(input.checkout);
    const onlyWebCart = customFieldItems(input, true).every(
        (entry) => entry.item.attributes.type === 'WebCart'
    );
    const candidates: Array<() => PlannedWrite | null> = [
        () => {
            if (!onlyWebCart || Object.keys(contact).length === 0) return null;
            const write = newWrite(input, 'customFields', 'checkout');
            write.body.contactInfo = contact;
            return write;
        },
        () => {
            const methodId = defaultGroup?.selectedDeliveryMethod?.id;
            if (!methodId) return null;
            const write = newWrite(input, 'customFields', 'checkout', defaultGroup?.id);
            write.body.deliveryMethodId = methodId;
            return write;
        },
        () => {
            if (!defaultGroup?.deliveryAddress || defaultGroup.selectedDeliveryMethod) return null;
            const write = newWrite(input, 'customFields', 'checkout', defaultGroup.id);
            write.body.deliveryAddress = addressInput(defaultGroup.deliveryAddress);
            return write;
        }
    ];
    for (const candidate of candidates) {
        const write = candidate();
        if (write && attachCustomFields(input, write, true)) return write;
    }
    return null;
}
