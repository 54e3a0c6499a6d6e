/**
 * Date helpers for the address form. Country, region and postal-code data and every validation rule live in
 * c/checkoutValidation, shared with the engine.
 */

/** Today plus `days`, as the yyyy-MM-dd a date input uses, in the shopper's time zone. */
export function isoDateFromToday(days) {
    const date = new Date();
    date.setDate(date.getDate() + days);
    const month = String(date.getMonth() + 1).padStart(2, '0');
    const day = String(date.getDate()).padStart(2, '0');
    return `${date.getFullYear()}-${month}-${day}`;
}
