/** The fake checkout's fixed records: the saved address, the default group and its methods' ids. */
import type { CheckoutAddress } from '../../types';

/** The account's one saved shipping address. */
export const SAVED_ADDRESS_ID = '8lW1';

/** The default delivery group's id, and its standard and express methods' ids (no id variant). */
export const DEFAULT_GROUP = '0a70000000000AAA';
export const STANDARD = `2Dm-std-${DEFAULT_GROUP}`;
export const EXPRESS = `2Dm-exp-${DEFAULT_GROUP}`;
/** The answer to a request on an expired checkout. */
export const GONE = {
    status: 410,
    body: [{ errorCode: 'GONE', message: 'This checkout expired.' }]
};

export const SAMPLE_ADDRESS: CheckoutAddress = {
    name: 'Alan Johnson',
    firstName: 'Alan',
    lastName: 'Johnson',
    street: '415 Mission St',
    city: 'San Francisco',
    region: 'CA',
    postalCode: '94105',
    country: 'US'
};
