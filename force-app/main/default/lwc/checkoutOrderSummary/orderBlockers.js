/**
 * Why the order cannot go, in the shopper's words, from the checkout as it is now: once Place Order could not
 * go, each reason shows while it holds and goes as soon as the shopper fixes it, not at the next click. A missing
 * address or method names its delivery group where there are several.
 */
import { ENGINE_CODES } from 'c/checkoutStore';
import { formatLabel, savedGroup, shippingGroups } from 'c/checkoutKitSupport';
import ORDER_BLOCKED from '@salesforce/label/c.CheckoutKit_OrderBlocked';
import BLOCKED_CONTACT from '@salesforce/label/c.CheckoutKit_BlockedContact';
import BLOCKED_ADDRESS from '@salesforce/label/c.CheckoutKit_BlockedAddress';
import BLOCKED_ADDRESS_FOR from '@salesforce/label/c.CheckoutKit_BlockedAddressFor';
import BLOCKED_METHOD from '@salesforce/label/c.CheckoutKit_BlockedDeliveryMethod';
import BLOCKED_METHOD_FOR from '@salesforce/label/c.CheckoutKit_BlockedDeliveryMethodFor';
import BLOCKED_INVALID from '@salesforce/label/c.CheckoutKit_BlockedInvalidInput';
import BLOCKED_SESSION from '@salesforce/label/c.CheckoutKit_BlockedSession';
import BLOCKED_NOT_LOADED from '@salesforce/label/c.CheckoutKit_BlockedNotLoaded';
import BLOCKED_PAYMENT from '@salesforce/label/c.CheckoutKit_BlockedPayment';

/** Blockers that clear by themselves once the checkout settles: place order waits for them. */
export const TRANSIENT_BLOCKERS = ['pending-edits', 'processing', 'payment-pending'];
/** A failed calculation: placing the order runs it again first (the engine refuses if it still fails). */
export const RUN_AGAIN_BLOCKERS = ['calculation-failed'];
/** Blockers the shopper fixes by completing the forms: only these are introduced as missing information. */
export const MISSING_INFORMATION = [
    'missing-contact',
    'missing-address',
    'missing-delivery-method',
    'invalid-input',
    'missing-payment'
];
const BLOCKER_LABELS = {
    'missing-contact': BLOCKED_CONTACT,
    'invalid-input': BLOCKED_INVALID,
    'session-error': BLOCKED_SESSION,
    'not-loaded': BLOCKED_NOT_LOADED,
    'missing-payment': BLOCKED_PAYMENT
};
/** Failures that trying again can fix: a lost connection, a busy or failing server, a slow or failed calculation. */
const RETRYABLE_CODES = [
    ENGINE_CODES.conflict,
    ENGINE_CODES.network,
    ENGINE_CODES.server,
    ENGINE_CODES.timeout,
    ENGINE_CODES.calculation
];

export function blockersOf(snapshot) {
    return (snapshot && snapshot.placeOrderBlockers) || [];
}

/** One reason per delivery group that lacks what `lacks` tests, named when there are several. */
function groupReasons(snapshot, blocker, lacks, [one, forGroup]) {
    const groups = shippingGroups(snapshot);
    const lacking = groups.filter((group) => lacks(savedGroup(snapshot, group)));
    if (groups.length < 2 || lacking.length === 0) {
        return [{ id: `blocker-${blocker}`, severity: 'error', message: one }];
    }
    return lacking.map((group) => ({
        id: `blocker-${blocker}-${group.id}`,
        severity: 'error',
        message: formatLabel(forGroup, group.name || '')
    }));
}

function reasonsFor(blocker, snapshot) {
    if (blocker === 'missing-address') {
        return groupReasons(
            snapshot,
            blocker,
            (group) => !(group.deliveryAddress && group.deliveryAddress.street),
            [BLOCKED_ADDRESS, BLOCKED_ADDRESS_FOR]
        );
    }
    if (blocker === 'missing-delivery-method') {
        return groupReasons(
            snapshot,
            blocker,
            (group) => !(group.selectedDeliveryMethod && group.selectedDeliveryMethod.id),
            [BLOCKED_METHOD, BLOCKED_METHOD_FOR]
        );
    }
    if (blocker === 'calculation-failed') {
        return ((snapshot && snapshot.failedCalculations) || []).map((failure) => ({
            id: `blocker-calculation-${failure.calculation}-${failure.groupId || ''}`,
            severity: 'error',
            message: failure.message
        }));
    }
    return BLOCKER_LABELS[blocker]
        ? [{ id: `blocker-${blocker}`, severity: 'error', message: BLOCKER_LABELS[blocker] }]
        : [];
}

/** Why the order cannot go now, each real reason; introduced as missing information only when it is. */
export function blockerMessages(snapshot) {
    const blockers = blockersOf(snapshot);
    const reasons = blockers.flatMap((blocker) => reasonsFor(blocker, snapshot));
    return blockers.some((blocker) => MISSING_INFORMATION.includes(blocker))
        ? [{ id: 'blocker', severity: 'error', message: ORDER_BLOCKED }, ...reasons]
        : reasons;
}

/** Something trying again can fix: a calculation that failed, or a save that failed for a passing reason. */
export function canRetry(snapshot) {
    const failedCalculations = (snapshot && snapshot.failedCalculations) || [];
    return (
        failedCalculations.length > 0 ||
        ((snapshot && snapshot.messages) || []).some(
            (item) => item.severity === 'error' && RETRYABLE_CODES.includes(item.code)
        )
    );
}
