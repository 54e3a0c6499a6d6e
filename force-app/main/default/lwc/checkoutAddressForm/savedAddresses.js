/**
 * The saved account addresses a signed-in buyer chooses from: each one's title and details, how many are listed,
 * the "show more / show fewer" button, and the address a choice hands to the store.
 */
import { formatLabel } from 'c/checkoutKitSupport';
import { savedAddressText, toCheckoutAddress } from 'c/checkoutAddressFields';
import DEFAULT_ADDRESS from '@salesforce/label/c.CheckoutKit_DefaultAddress';
import SHOW_MORE from '@salesforce/label/c.CheckoutKit_ShowMoreAddresses';
import SHOW_FEWER from '@salesforce/label/c.CheckoutKit_ShowFewerAddresses';

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

/** The value of the "Use a new address" radio. */
const NEW_ADDRESS = 'new';

/**
 * What a buyer's choice hands to the store: a saved address (sent as `{id}`, as Salesforce's checkout does), or a
 * new one, empty but for the country; null when the choice names no saved address.
 */
export function chosenAddress(value, saved, defaultCountry) {
    if (value === NEW_ADDRESS) {
        return { isNew: true, address: { country: defaultCountry } };
    }
    const item = saved.find((address) => address.addressId === value);
    return item
        ? { isNew: false, address: { ...toCheckoutAddress(item), id: item.addressId } }
        : null;
}
