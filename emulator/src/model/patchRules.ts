/**
 * The documented PATCH combination rules (contract §1.4): which sub-resources may travel together.
 * Independent of the engine's patchRules.ts on purpose (DESIGN §5): two readings of one contract.
 */
import { invalidInput } from '../errors';
import type { CustomFieldItem } from '../validation/customFields';

export const CHECKOUT_PATCH_KEYS = [
    'contactInfo',
    'customFields',
    'deliveryAddress',
    'deliveryMethodId',
    'desiredDeliveryDate',
    'shippingInstructions'
] as const;

const FORBIDDEN_PAIRS: [string, string][] = [
    ['deliveryAddress', 'deliveryMethodId'],
    ['desiredDeliveryDate', 'deliveryMethodId'],
    ['shippingInstructions', 'deliveryMethodId'],
    ['desiredDeliveryDate', 'contactInfo'],
    ['shippingInstructions', 'contactInfo'],
    ['deliveryMethodId', 'contactInfo']
];

const SHIPPING_KEYS = ['deliveryAddress', 'desiredDeliveryDate', 'shippingInstructions'];

/** The §1.4 combination rules. Throws a 400 naming the rule a body breaks. */
export function checkPatchCombination(
    keys: string[],
    customFields: CustomFieldItem[] | undefined
): void {
    const present = new Set(keys.filter((k) => k !== 'customFields'));
    if (present.size === 0) {
        if (customFields) {
            throw invalidInput(
                "customFields can't be updated on their own: send them with contactInfo, shipping information or deliveryMethodId."
            );
        }
        throw invalidInput('The request body must include at least one property to update.');
    }
    for (const [a, b] of FORBIDDEN_PAIRS) {
        if (present.has(a) && present.has(b)) {
            throw invalidInput(
                `${a} and ${b} can't be updated in the same request: send one sub-resource per request.`
            );
        }
    }
    if (!customFields) return;
    if (present.size === 1 && present.has('shippingInstructions')) {
        throw invalidInput(
            "customFields can't be sent with shippingInstructions as the only other property."
        );
    }
    if (
        present.has('contactInfo') &&
        customFields.some((item) => item.type === 'CartDeliveryGroup')
    ) {
        throw invalidInput(
            "CartDeliveryGroup custom fields can't be sent with contactInfo; only WebCart custom fields can accompany contact information."
        );
    }
}

/** The delivery-group PATCH: something to update, and `deliveryMethodId` without shipping information. */
export function checkDeliveryGroupCombination(
    keys: string[],
    renames: boolean,
    setsMethod: boolean
): void {
    if (keys.length === 0 && !renames)
        throw invalidInput('The request body must include at least one property to update.');
    if (setsMethod && keys.some((k) => SHIPPING_KEYS.includes(k))) {
        throw invalidInput(
            'deliveryMethodId must be updated on its own, without shipping information.'
        );
    }
}
