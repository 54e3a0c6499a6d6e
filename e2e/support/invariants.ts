import assert from 'node:assert/strict';
import { loggedJson, type RequestLogEntry } from '../../emulator/src/index';

/**
 * What the request log must never show, checked independently of the engine and the emulator:
 * a PATCH body the Checkout API rejects for its structure (contract §1.4), and two writes in flight at once.
 */

const SHIPPING_KEYS = ['deliveryAddress', 'desiredDeliveryDate', 'shippingInstructions'];
const CHECKOUT_PATCH = /\/commerce\/webstores\/[^/]+\/checkouts\/[^/]+$/;
const DELIVERY_GROUP_PATCH = /\/commerce\/webstores\/[^/]+\/carts\/[^/]+\/delivery-groups\/[^/]+$/;
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Apex methods that read: the preview sends every Apex call as a POST, but these change nothing. */
const APEX_READS = [
    '/apex/CheckoutSessionController/getSession',
    '/apex/CpqCheckoutController/getCartSummary'
];

/** Why a checkout or delivery-group PATCH body breaks a documented combination rule; null when it does not. */
export function patchRuleViolation(path: string, body: unknown): string | null {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        return 'the body is not a JSON object';
    }
    const keys = Object.keys(body);
    const has = (key: string): boolean => keys.includes(key);
    const shipping = SHIPPING_KEYS.filter(has);
    if (DELIVERY_GROUP_PATCH.test(path)) {
        return has('deliveryMethodId') && shipping.length > 0
            ? 'deliveryMethodId travels alone on a delivery group'
            : null;
    }
    if (has('deliveryMethodId') && (shipping.length > 0 || has('contactInfo'))) {
        return 'deliveryMethodId travels alone';
    }
    if (has('contactInfo') && (has('desiredDeliveryDate') || has('shippingInstructions'))) {
        return 'contactInfo goes with deliveryAddress only';
    }
    if (has('customFields')) {
        const items = (body as { customFields: unknown }).customFields;
        if (!Array.isArray(items)) {
            return 'customFields is not a list';
        }
        const types = items.map(
            (item) => (item as { attributes?: { type?: string } })?.attributes?.type
        );
        if (keys.length === 1) {
            return 'customFields cannot be updated alone';
        }
        if (items.length > 21 || types.filter((type) => type === 'WebCart').length > 1) {
            return 'customFields holds at most one WebCart and 21 sObjects';
        }
        if (has('contactInfo') && types.includes('CartDeliveryGroup')) {
            return 'contactInfo cannot carry CartDeliveryGroup custom fields';
        }
        if (
            shipping.length === 1 &&
            shipping[0] === 'shippingInstructions' &&
            !has('deliveryMethodId')
        ) {
            return 'customFields cannot travel with shippingInstructions alone';
        }
    }
    return null;
}

export function forbiddenPatches(requests: readonly RequestLogEntry[]): string[] {
    return requests
        .filter(
            (request) =>
                request.method === 'PATCH' &&
                (CHECKOUT_PATCH.test(request.path) || DELIVERY_GROUP_PATCH.test(request.path))
        )
        .map((request) => ({
            request,
            violation: patchRuleViolation(request.path, loggedJson(request))
        }))
        .filter(({ violation }) => violation !== null)
        .map(
            ({ request, violation }) =>
                `#${request.seq} PATCH ${request.path}: ${violation} (${request.body ?? ''})`
        );
}

export function isWrite(request: RequestLogEntry): boolean {
    return WRITE_METHODS.has(request.method) && !APEX_READS.includes(request.path);
}

/** Pairs of writes whose [startedAt, endedAt] intervals overlap. */
export function overlappingWrites(requests: readonly RequestLogEntry[]): string[] {
    const writes = requests.filter(isWrite).sort((a, b) => a.startedAt - b.startedAt);
    const overlaps: string[] = [];
    let longestRunning: RequestLogEntry | undefined;
    for (const write of writes) {
        if (longestRunning && write.startedAt < longestRunning.endedAt) {
            overlaps.push(
                `#${longestRunning.seq} ${longestRunning.method} ${longestRunning.path} and #${write.seq} ${write.method} ${write.path}`
            );
        }
        if (!longestRunning || write.endedAt > longestRunning.endedAt) {
            longestRunning = write;
        }
    }
    return overlaps;
}

/** The request log breaks neither rule: no PATCH the API would refuse, never two writes in flight. */
export function assertCleanLog(requests: readonly RequestLogEntry[]): void {
    assert.deepEqual(forbiddenPatches(requests), [], 'no PATCH breaks a combination rule');
    assert.deepEqual(overlappingWrites(requests), [], 'never two writes in flight');
}
