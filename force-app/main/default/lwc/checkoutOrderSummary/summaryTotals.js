/**
 * The order summary's totals: the rows the admin shows above the total, and for Industries CPQ carts the
 * recurring charges after it, with their period, since the total leaves them out.
 */
import { formatLabel, formatMoney, isNonZero } from 'c/checkoutKitSupport';
import SUBTOTAL from '@salesforce/label/c.CheckoutKit_Subtotal';
import PROMOTIONS from '@salesforce/label/c.CheckoutKit_Promotions';
import SHIPPING from '@salesforce/label/c.CheckoutKit_Shipping';
import TAX from '@salesforce/label/c.CheckoutKit_Tax';
import ONE_TIME from '@salesforce/label/c.CheckoutKit_OneTimeCharges';
import RECURRING from '@salesforce/label/c.CheckoutKit_RecurringCharges';
import PER_MONTH from '@salesforce/label/c.CheckoutKit_PerMonth';
import PER_QUARTER from '@salesforce/label/c.CheckoutKit_PerQuarter';
import PER_YEAR from '@salesforce/label/c.CheckoutKit_PerYear';

/** How often recurring charges are billed, as the admin sets it (`recurringPeriod`). */
const PERIOD_LABELS = { month: PER_MONTH, quarter: PER_QUARTER, year: PER_YEAR };

const hasAmount = (amount) => amount !== undefined && amount !== null;

function row(key, label, amount, currency) {
    return {
        key,
        label,
        className: `summary-row summary-row_${key}`,
        value: formatMoney(amount, currency)
    };
}

/** The rows above the total. `settings`: the show* Builder properties. */
export function totalRows(totals, settings) {
    if (!totals) {
        return [];
    }
    const currency = totals.currencyIsoCode;
    const rows = [row('subtotal', SUBTOTAL, totals.subtotal, currency)];
    if (settings.showPromotions && isNonZero(totals.promotions)) {
        rows.push(row('promotions', PROMOTIONS, totals.promotions, currency));
    }
    if (settings.showShipping) {
        rows.push(row('shipping', SHIPPING, totals.shipping, currency));
    }
    if (settings.showTax) {
        rows.push(row('tax', TAX, totals.tax, currency));
    }
    if (settings.showRecurringCharges && hasAmount(totals.oneTimeTotal)) {
        rows.push(row('oneTime', ONE_TIME, totals.oneTimeTotal, currency));
    }
    return rows;
}

/** The recurring charges with their period, or null when the cart has none (or they are not shown). */
export function recurringRow(totals, { showRecurringCharges, recurringPeriod }) {
    if (!totals || !showRecurringCharges || !hasAmount(totals.recurringTotal)) {
        return null;
    }
    const recurring = row('recurring', RECURRING, totals.recurringTotal, totals.currencyIsoCode);
    const period = PERIOD_LABELS[recurringPeriod] || PER_MONTH;
    return { ...recurring, value: formatLabel(period, recurring.value) };
}
