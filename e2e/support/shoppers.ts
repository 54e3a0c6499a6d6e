/** The shoppers the e2e suites type in, so every suite checks out as the same guest. */
import type { AddressValues } from './checkoutPage';

export const ADA_CONTACT = {
    firstName: 'Ada',
    lastName: 'Lovelace',
    email: 'ada@example.com',
    phone: '+1 415 555 0100'
};

export const SAN_FRANCISCO: AddressValues = {
    firstName: 'Ada',
    lastName: 'Lovelace',
    street: '415 Mission Street',
    city: 'San Francisco',
    region: 'California',
    postalCode: '94105'
};
