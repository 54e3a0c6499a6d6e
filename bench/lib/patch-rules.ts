/**
 * The documented PATCH combination rules (contract §1.4, seed 004), written again here on purpose: the soak
 * checks what reached the server against this copy, never against the engine's own rule module.
 */

const CHECKOUT_KEYS = new Set([
    'contactInfo',
    'deliveryAddress',
    'desiredDeliveryDate',
    'shippingInstructions',
    'deliveryMethodId',
    'customFields'
]);
const GROUP_KEYS = new Set([
    'deliveryAddress',
    'desiredDeliveryDate',
    'shippingInstructions',
    'deliveryMethodId'
]);
const FORBIDDEN_PAIRS: Array<[string, string]> = [
    ['deliveryAddress', 'deliveryMethodId'],
    ['desiredDeliveryDate', 'deliveryMethodId'],
    ['shippingInstructions', 'deliveryMethodId'],
    ['desiredDeliveryDate', 'contactInfo'],
    ['shippingInstructions', 'contactInfo'],
    ['deliveryMethodId', 'contactInfo']
];
const MAX_CUSTOM_FIELD_OBJECTS = 21;

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function customFieldViolations(body: Record<string, unknown>): string[] {
    const items = body.customFields;
    const others = Object.keys(body).filter((key) => key !== 'customFields');
    const problems: string[] = [];
    if (!Array.isArray(items)) return ['customFields is not a list'];
    if (others.length === 0) problems.push('customFields alone');
    if (others.length === 1 && others[0] === 'shippingInstructions') {
        problems.push('customFields with shippingInstructions only');
    }
    if (items.length > MAX_CUSTOM_FIELD_OBJECTS) problems.push('more than 21 customFields objects');
    const types = items.map((item) =>
        isRecord(item) && isRecord(item.attributes) ? item.attributes.type : undefined
    );
    if (types.some((type) => type !== 'WebCart' && type !== 'CartDeliveryGroup')) {
        problems.push('customFields item without a WebCart or CartDeliveryGroup type');
    }
    if (types.filter((type) => type === 'WebCart').length > 1)
        problems.push('more than one WebCart');
    if ('contactInfo' in body && types.includes('CartDeliveryGroup')) {
        problems.push('contactInfo with CartDeliveryGroup customFields');
    }
    for (const item of items) {
        if (!isRecord(item)) continue;
        for (const value of Object.values(item)) {
            if (isRecord(value) && ('country' in value || 'state' in value)) {
                problems.push('Address custom field with a country or state name');
            }
        }
    }
    return problems;
}

/** Why a PATCH body of the checkout resource breaks the rules; empty when it is allowed. */
export function checkoutPatchViolations(body: unknown): string[] {
    if (!isRecord(body)) return ['body is not an object'];
    const keys = Object.keys(body);
    if (keys.length === 0) return ['empty body'];
    const problems = keys
        .filter((key) => !CHECKOUT_KEYS.has(key))
        .map((key) => `unknown property ${key}`);
    for (const [first, second] of FORBIDDEN_PAIRS) {
        if (first in body && second in body) problems.push(`${first} with ${second}`);
    }
    if (
        'deliveryMethodId' in body &&
        (typeof body.deliveryMethodId !== 'string' || !body.deliveryMethodId)
    ) {
        problems.push('deliveryMethodId is not an id');
    }
    if ('customFields' in body) problems.push(...customFieldViolations(body));
    return problems;
}

/** Why a PATCH body of the cart delivery-group resource breaks the rules; empty when it is allowed. */
export function deliveryGroupPatchViolations(body: unknown): string[] {
    if (!isRecord(body)) return ['body is not an object'];
    const keys = Object.keys(body);
    if (keys.length === 0) return ['empty body'];
    const problems = keys
        .filter((key) => !GROUP_KEYS.has(key))
        .map((key) => `unknown property ${key}`);
    if ('deliveryMethodId' in body && keys.length > 1)
        problems.push('deliveryMethodId with other fields');
    return problems;
}

/** The path below `/commerce/webstores/{webstoreId}`, for a full server path. */
export function resourcePath(path: string): string {
    const match = /\/commerce\/webstores\/[^/]+(\/.*)?$/.exec(path.split('?')[0]);
    return match ? (match[1] ?? '/') : path;
}

export function isCheckoutPatch(method: string, path: string): boolean {
    return method === 'PATCH' && /^\/checkouts\/[^/]+$/.test(resourcePath(path));
}

export function isDeliveryGroupPatch(method: string, path: string): boolean {
    return (
        method === 'PATCH' && /^\/carts\/[^/]+\/delivery-groups\/[^/]+$/.test(resourcePath(path))
    );
}

/** The rule violations of one request; empty for anything that is not a PATCH. */
export function patchViolations(method: string, path: string, body: unknown): string[] {
    if (isCheckoutPatch(method, path)) return checkoutPatchViolations(body);
    if (isDeliveryGroupPatch(method, path)) return deliveryGroupPatchViolations(body);
    return [];
}
