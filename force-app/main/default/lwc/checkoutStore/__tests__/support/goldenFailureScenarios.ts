/**
 * Golden sessions, part 2: a server that pushes back (409 conflicts, 423 locks, 5xx and network faults,
 * going offline, a checkout that is gone, a failing calculator). See goldenTrace.ts.
 */
import { SAMPLE_ADDRESS } from './fakeCheckout';
import type { GoldenSession } from './goldenTrace';
import { GROUP, MARKET_ST, READY_GUEST, SECOND_GROUP, express, standard } from './goldenScenarios';

const CONFLICT = { status: 409, body: [{ errorCode: 'CHECKOUT_CONFLICT', message: 'busy' }] };

const conflicts: GoldenSession = {
    name: '04-conflicts-409',
    async run(trace) {
        const harness = trace.setup({
            ...READY_GUEST,
            store: { retry: { maxConflictRetries: 2 } }
        });
        const { server } = harness;
        const main = trace.shopper(harness.store, 'main');
        main.subscribe();
        await trace.settle(main.load());
        await main.idle();
        // Someone else's write runs: wait for readiness, back off, try again (the session is read too).
        trace.serverDoes('PATCH /checkouts → 409 twice', () =>
            server.scriptNext('PATCH', '/checkouts/', CONFLICT, 2)
        );
        main.updateContact({ firstName: 'Ada' });
        await main.idle();
        // A newer edit equal to the saved value is still sent while the write in flight waits out a 409.
        trace.serverDoes('PATCH /checkouts → 409', () =>
            server.scriptNext('PATCH', '/checkouts/', CONFLICT)
        );
        main.updateShipping(GROUP, { shippingInstructions: 'Gate 4' });
        await trace.wait(1);
        main.updateShipping(GROUP, { shippingInstructions: '' });
        await main.idle();
        // Retries exhausted: a labelled message, the edit kept for retryFailed.
        trace.serverDoes('PATCH /checkouts → 409 three times', () =>
            server.scriptNext('PATCH', '/checkouts/', CONFLICT, 3)
        );
        main.updateContact({ phoneNumber: '+14155550100' });
        await main.idle();
        await trace.settle(main.placeOrder());
        main.retryFailed();
        await main.idle();
        // Conflicts while the session is in error: the session read turns the checkout to error.
        trace.serverDoes('session in error; PATCH /checkouts → 409 twice', () => {
            server.session = { ...server.session, isError: true, state: 'Error' };
            server.scriptNext('PATCH', '/checkouts/', CONFLICT, 2);
        });
        main.updateContact({ lastName: 'Byron' });
        await main.idle();
        trace.serverDoes('session recovered', () => {
            server.session = { ...server.session, isError: false, state: 'Checkout Summary' };
        });
        main.selectDeliveryMethod(GROUP, express(GROUP));
        await main.idle();
        // The order POST meets a conflict too, and goes through after it.
        trace.serverDoes('POST /orders → 409', () =>
            server.scriptNext('POST', '/orders', CONFLICT)
        );
        await trace.settle(main.placeOrder());
    }
};

const locked: GoldenSession = {
    name: '05-locked-423',
    async run(trace) {
        const harness = trace.setup({ guest: true, groups: 2 });
        const { server } = harness;
        const locked423 = { status: 423, body: [{ errorCode: 'ROW_LOCKED', message: 'locked' }] };
        trace.serverDoes('PUT /checkouts → 423 twice', () =>
            server.scriptNext('PUT', '/checkouts', locked423, 2)
        );
        const main = trace.shopper(harness.store, 'main');
        main.subscribe();
        await trace.settle(main.load());
        await main.idle();
        trace.serverDoes('PATCH /checkouts → 423', () =>
            server.scriptNext('PATCH', '/checkouts/', locked423)
        );
        main.updateContact({ email: 'ada@example.com', lastName: 'Lovelace' });
        main.updateShipping(GROUP, { deliveryAddress: SAMPLE_ADDRESS });
        await main.idle();
        trace.serverDoes('PATCH delivery group → 423 twice', () =>
            server.scriptNext('PATCH', '/delivery-groups/', locked423, 2)
        );
        main.updateShipping(SECOND_GROUP, { deliveryAddress: MARKET_ST });
        await main.idle();
        main.selectDeliveryMethod(GROUP, express(GROUP));
        await main.idle();
        trace.serverDoes('POST /orders → 423', () =>
            server.scriptNext('POST', '/orders', locked423)
        );
        await trace.settle(main.placeOrder());
    }
};

const serverFaults: GoldenSession = {
    name: '06-server-faults',
    async run(trace) {
        const harness = trace.setup({ ...READY_GUEST, store: { polling: { maxWaitMs: 20_000 } } });
        const { server } = harness;
        // The start fails four times: retries exhausted, the load fails with a labelled message.
        trace.serverDoes('PUT /checkouts → 500 four times', () =>
            server.scriptNext('PUT', '/checkouts', { status: 500 }, 4)
        );
        const main = trace.shopper(harness.store, 'main');
        main.subscribe();
        await trace.settle(main.load());
        main.retryFailed();
        await main.idle();
        // 5xx answers back off and retry.
        trace.serverDoes('PATCH /checkouts → 503 twice', () =>
            server.scriptNext('PATCH', '/checkouts/', { status: 503 }, 2)
        );
        main.updateContact({ firstName: 'Ada' });
        await main.idle();
        // Retries exhausted on 500s, then the shopper tries again.
        trace.serverDoes('PATCH /checkouts → 500 four times', () =>
            server.scriptNext('PATCH', '/checkouts/', { status: 500 }, 4)
        );
        main.updateShipping(GROUP, { shippingInstructions: 'Back door' });
        await main.idle();
        main.retryFailed();
        await main.idle();
        // No answer at all, four times: a network failure, kept for retryFailed.
        trace.serverDoes('PATCH /checkouts → network failure four times', () =>
            server.scriptNext('PATCH', '/checkouts/', 'network', 4)
        );
        main.updateContact({ phoneNumber: '+14155550100' });
        await main.idle();
        main.retryFailed();
        await main.idle();
        // A refusal the server explains: its message on the field, the value kept.
        trace.serverDoes('PATCH /checkouts → 400 INVALID_INPUT', () =>
            server.scriptNext('PATCH', '/checkouts/', {
                status: 400,
                body: [{ errorCode: 'INVALID_INPUT', message: 'Postal code is not valid.' }]
            })
        );
        main.updateShipping(GROUP, { deliveryAddress: { ...SAMPLE_ADDRESS, postalCode: '00000' } });
        await main.idle();
        main.updateShipping(GROUP, { deliveryAddress: MARKET_ST });
        await main.idle();
        // Failed polls are just "not ready yet".
        trace.serverDoes('GET /checkouts → 503, then a network failure', () => {
            server.scriptNext('GET', '/checkouts/', { status: 503 });
            server.scriptNext('GET', '/checkouts/', 'network');
        });
        main.selectDeliveryMethod(GROUP, express(GROUP));
        await main.idle();
        // The calculators never finish within maxWaitMs: a timeout, then a retry once they have.
        trace.serverDoes('shipping takes 60 s', () => {
            server.processingMs.shipping = 60_000;
        });
        main.updateShipping(GROUP, { desiredDeliveryDate: '2030-06-01' });
        await main.idle();
        trace.serverDoes('shipping takes 400 ms', () => {
            server.processingMs.shipping = 400;
        });
        await trace.wait(45_000);
        main.retryFailed();
        await main.idle();
        // The order: retries exhausted on 503 (retryable), then a lost answer retried safely.
        trace.serverDoes('POST /orders → 503 four times', () =>
            server.scriptNext('POST', '/orders', { status: 503 }, 4)
        );
        await trace.settle(main.placeOrder());
        trace.serverDoes('POST /orders → network failure', () =>
            server.scriptNext('POST', '/orders', 'network')
        );
        await trace.settle(main.placeOrder());
    }
};

const offlineOnline: GoldenSession = {
    name: '07-offline-online',
    async run(trace) {
        let online = true;
        const listeners = new Set<() => void>();
        const connectivity = {
            isOnline: () => online,
            onOnline: (listener: () => void) => {
                listeners.add(listener);
                return () => listeners.delete(listener);
            }
        };
        const setOnline = (value: boolean): void =>
            trace.serverDoes(value ? 'the browser is online' : 'the browser is offline', () => {
                online = value;
                if (value) [...listeners].forEach((listener) => listener());
            });
        const harness = trace.setup({ guest: true, store: { connectivity } });
        const { server } = harness;
        const main = trace.shopper(harness.store, 'main');
        main.subscribe();
        await trace.settle(main.load());
        await main.idle();
        // Offline: nothing is sent, a warning shows, the edits wait for the `online` event.
        setOnline(false);
        main.updateContact({ email: 'ada@example.com', lastName: 'Lovelace' });
        await trace.wait(30_000);
        main.updateShipping(GROUP, { deliveryAddress: SAMPLE_ADDRESS });
        await trace.wait(30_000);
        setOnline(true);
        await main.idle();
        // The connection drops while a PATCH is in flight: no fault, it waits for `online` and sends again.
        trace.serverDoes('PATCH /checkouts → network failure', () =>
            server.scriptNext('PATCH', '/checkouts/', 'network')
        );
        main.selectDeliveryMethod(GROUP, express(GROUP));
        await trace.wait(5);
        setOnline(false);
        await trace.wait(5000);
        setOnline(true);
        await main.idle();
        // Placing the order offline: it goes out once back online.
        setOnline(false);
        const order = main.placeOrder();
        await trace.wait(10_000);
        setOnline(true);
        await trace.settle(order);
    }
};

const restart: GoldenSession = {
    name: '08-restart-410-404',
    async run(trace) {
        const harness = trace.setup({ guest: true });
        const { server } = harness;
        const main = trace.shopper(harness.store, 'main');
        main.subscribe();
        await trace.settle(main.load());
        await main.idle();
        // The checkout is gone (410): start again, keeping the edit.
        trace.serverDoes('PATCH /checkouts → 410', () =>
            server.scriptNext('PATCH', '/checkouts/', { status: 410, body: null })
        );
        main.updateContact({ email: 'ada@example.com' });
        await main.idle();
        // Gone while polling (404): start again.
        trace.serverDoes('GET /checkouts → 404', () =>
            server.scriptNext('GET', '/checkouts/', { status: 404, body: null })
        );
        main.updateShipping(GROUP, { deliveryAddress: SAMPLE_ADDRESS });
        await main.idle();
        // Back to the value in flight when that write is refused as gone: the value still lands.
        trace.serverDoes('PATCH /checkouts → 410', () =>
            server.scriptNext('PATCH', '/checkouts/', { status: 410, body: null })
        );
        main.updateContact({ firstName: 'Alan' });
        await trace.wait(1);
        main.updateContact({ firstName: 'Ada' });
        main.updateContact({ firstName: 'Alan' });
        await main.idle();
        main.selectDeliveryMethod(GROUP, express(GROUP));
        await main.idle();
        // Another tab placed the order: the orders POST finds the checkout gone, the session has it.
        trace.serverDoes('another tab completed the order; POST /orders → 410', () => {
            server.session = {
                ...server.session,
                state: 'Complete',
                orderId: '801000000000002AAA',
                orderReferenceNumber: 'ORN-OTHER-TAB'
            };
            server.scriptNext('POST', '/orders', { status: 410, body: null });
        });
        await trace.settle(main.placeOrder());
    }
};

const calculatorFailure: GoldenSession = {
    name: '09-calculator-422',
    async run(trace) {
        const harness = trace.setup(READY_GUEST);
        const { server } = harness;
        const main = trace.shopper(harness.store, 'main');
        main.subscribe();
        await trace.settle(main.load());
        await main.idle();
        main.selectDeliveryMethod(GROUP, express(GROUP));
        await main.idle();
        // The shipping calculator fails (422) for a new address: every error shows, the session is in error.
        trace.serverDoes('Express withdrawn; next calculation fails (shipping)', () => {
            server.withdrawnMethods.add(express(GROUP));
            server.failNextCalculation = {
                type: '/commerce/errors/shipping-failure',
                detail: 'No carrier serves this address.'
            };
        });
        main.updateShipping(GROUP, {
            deliveryAddress: { ...SAMPLE_ADDRESS, street: '1 Nowhere Rd' }
        });
        await main.idle();
        // Place order runs the failed shipping calculation again first; it fails again, so no order goes.
        trace.serverDoes('the next calculation fails too (shipping)', () => {
            server.failNextCalculation = {
                type: '/commerce/errors/shipping-failure',
                title: "We can't ship to this address.",
                detail: 'System.CalloutException: No carrier serves this address.'
            };
        });
        await trace.settle(main.placeOrder());
        // A served address recovers; the shopper's Express choice comes back once it is offered again.
        trace.serverDoes('Express offered again', () =>
            server.withdrawnMethods.delete(express(GROUP))
        );
        main.updateShipping(GROUP, { deliveryAddress: MARKET_ST });
        await main.idle();
        // A 422 that left the method unapplied: kept as failed, sent again by retryFailed.
        trace.serverDoes(
            'next GET /checkouts → 422 with the current checkout and a tax error',
            () =>
                server.scriptNext('GET', '/checkouts/', {
                    status: 422,
                    body: {
                        ...server.checkoutBody(),
                        errors: [
                            { type: '/commerce/errors/checkout-failure', detail: 'Tax failed.' }
                        ]
                    }
                })
        );
        main.selectDeliveryMethod(GROUP, standard(GROUP));
        await main.idle();
        main.retryFailed();
        await main.idle();
        // A date change whose tax calculation fails resets the method; retryFailed applies the choice again.
        main.selectDeliveryMethod(GROUP, express(GROUP));
        await main.idle();
        trace.serverDoes('next calculation fails (tax)', () => {
            server.failNextCalculation = {
                type: '/commerce/errors/tax-failure',
                detail: 'Tax failed.'
            };
        });
        main.updateShipping(GROUP, { desiredDeliveryDate: '2030-01-15' });
        await main.idle();
        main.retryFailed();
        await main.idle();
        // Express withdrawn, then a date change: the method is no longer offered (not an address change).
        trace.serverDoes('Express withdrawn', () => server.withdrawnMethods.add(express(GROUP)));
        main.updateShipping(GROUP, { desiredDeliveryDate: '2030-01-22' });
        await main.idle();
        // The order is refused with two errors (412), every one shown; trying again succeeds.
        trace.serverDoes('POST /orders → 412 with two errors', () =>
            server.scriptNext('POST', '/orders', {
                status: 412,
                body: {
                    errors: [
                        {
                            type: '/commerce/errors/checkout-failure',
                            detail: 'Inventory is short.'
                        },
                        { type: '/commerce/integrations/inventory', detail: 'Reservation failed.' }
                    ]
                }
            })
        );
        await trace.settle(main.placeOrder());
        await trace.settle(main.placeOrder());
    }
};

export const FAILURE_SESSIONS: GoldenSession[] = [
    conflicts,
    locked,
    serverFaults,
    offlineOnline,
    restart,
    calculatorFailure
];
