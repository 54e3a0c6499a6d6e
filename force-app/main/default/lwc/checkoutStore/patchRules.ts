/**
 * The structural rules of a checkout PATCH (contract §1.4, seed 004) and of the cart delivery-group PATCH
 * (docs/contract-decisions.md), as one pure module. The planner builds bodies with `isPatchAllowed`, and
 * the executor checks every outgoing body with `patchBodyViolations`, so a body the API would reject for its
 * structure is never sent.
 */
import type { CheckoutAddress, ContactInfo, SObjectAttributes } from './types';

/** Which resource a write goes to: the checkout itself, or one cart delivery group. */
export type PatchResource = 'checkout' | 'deliveryGroup';

export interface PatchBody {
    contactInfo?: ContactInfo;
    deliveryAddress?: CheckoutAddress;
    desiredDeliveryDate?: string;
    shippingInstructions?: string;
    deliveryMethodId?: string;
    customFields?: SObjectAttributes[];
}

/** One WebCart plus CartDeliveryGroups, at most (Checkout Input `customFields`). */
export const MAX_CUSTOM_FIELD_OBJECTS = 21;

const SHIPPING_KEYS = ['deliveryAddress', 'desiredDeliveryDate', 'shippingInstructions'] as const;
const CHECKOUT_KEYS = new Set<string>([
    'contactInfo',
    ...SHIPPING_KEYS,
    'deliveryMethodId',
    'customFields'
]);
const DELIVERY_GROUP_KEYS = new Set<string>([...SHIPPING_KEYS, 'deliveryMethodId']);

/** The six pairs the checkout PATCH rejects, as documented. */
export const REJECTED_PAIRS: ReadonlyArray<readonly [keyof PatchBody, keyof PatchBody]> = [
    ['deliveryAddress', 'deliveryMethodId'],
    ['desiredDeliveryDate', 'deliveryMethodId'],
    ['shippingInstructions', 'deliveryMethodId'],
    ['desiredDeliveryDate', 'contactInfo'],
    ['shippingInstructions', 'contactInfo'],
    ['deliveryMethodId', 'contactInfo']
];

/** Every reason the API would reject `body` for its structure; empty when it may be sent. */
export function patchBodyViolations(body: PatchBody, resource: PatchResource): string[] {
    const violations: string[] = [];
    const keys = Object.keys(body).filter(
        (key) => (body as Record<string, unknown>)[key] !== undefined
    );
    const allowedKeys = resource === 'checkout' ? CHECKOUT_KEYS : DELIVERY_GROUP_KEYS;
    for (const key of keys) {
        if (!allowedKeys.has(key))
            violations.push(`${key} is not accepted by the ${resource} PATCH`);
    }
    if (keys.length === 0) violations.push('empty body');
    const has = (key: keyof PatchBody): boolean => keys.includes(key);
    for (const [a, b] of REJECTED_PAIRS) {
        if (has(a) && has(b)) violations.push(`${a} with ${b}`);
    }
    if (has('customFields')) violations.push(...customFieldViolations(body, keys));
    return violations;
}

function customFieldViolations(body: PatchBody, keys: string[]): string[] {
    const violations: string[] = [];
    const items = body.customFields ?? [];
    const others = keys.filter((key) => key !== 'customFields');
    if (others.length === 0) violations.push('customFields without another property');
    if (others.length === 1 && others[0] === 'shippingInstructions') {
        violations.push('customFields with shippingInstructions alone');
    }
    if (!Array.isArray(items) || items.length === 0) violations.push('customFields is empty');
    if (items.length > MAX_CUSTOM_FIELD_OBJECTS) {
        violations.push(`more than ${MAX_CUSTOM_FIELD_OBJECTS} sObjects in customFields`);
    }
    const types = items.map((item) => item?.attributes?.type);
    if (types.some((type) => type !== 'WebCart' && type !== 'CartDeliveryGroup')) {
        violations.push('customFields item without a WebCart or CartDeliveryGroup type');
    }
    if (types.filter((type) => type === 'WebCart').length > 1) {
        violations.push('more than one WebCart in customFields');
    }
    if (body.contactInfo !== undefined && types.includes('CartDeliveryGroup')) {
        violations.push('contactInfo with CartDeliveryGroup custom fields');
    }
    return violations;
}

export function isPatchAllowed(body: PatchBody, resource: PatchResource): boolean {
    return patchBodyViolations(body, resource).length === 0;
}
