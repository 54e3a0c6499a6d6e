/**
 * The saved account addresses a signed-in buyer chooses from: each one's title and details, how many are listed
 * and the "show more / show fewer" button.
 */
import { countryName, formatLabel } from 'c/checkoutKitSupport';
import DEFAULT_ADDRESS from '@salesforce/label/c.CheckoutKit_DefaultAddress';
import SHOW_MORE from '@salesforce/label/c.CheckoutKit_ShowMoreAddresses';
import SHOW_FEWER from '@salesforce/label/c.CheckoutKit_ShowFewerAddresses';

/** A saved account address's one-line title and details. */
function savedAddressText(item) {
    return {
        title: item.name || [item.firstName, item.lastName].filter(Boolean).join(' '),
        lines: [
            item.companyName,
            item.street,
            [item.city, item.region, item.postalCode].filter(Boolean).join(', '),
            countryName(item.country)
        ]
            .filter(Boolean)
            .join(' · ')
    };
}

/** The saved addresses listed for a group: the first `limit`, every one when expanded, and the chosen one. */
export function savedOptions({ groupId, saved, chosen, showForm, expanded, limit }) {
    return saved
        .filter((item, position) => expanded || position < limit || item === chosen)
        .map((item) => ({
            id: item.addressId,
            inputId: `saved-${groupId}-${item.addressId}`,
            ...savedAddressText(item),
            isDefault: Boolean(item.isDefault),
            defaultLabel: DEFAULT_ADDRESS,
            checked: !showForm && item === chosen
        }));
}

/** The "show more / show fewer" button, when more addresses are saved than listed. */
export function showMoreButton({ savedCount, expanded, limit }) {
    if (savedCount <= limit) {
        return null;
    }
    return {
        expanded: expanded ? 'true' : 'false',
        label: expanded ? SHOW_FEWER : formatLabel(SHOW_MORE, savedCount - limit)
    };
}
