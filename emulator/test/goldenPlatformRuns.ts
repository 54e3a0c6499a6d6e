/** The golden run's strict platform behaviour and the emulator's admin API and routing. */
import { GUEST, Run, SF, isDropped, methodsOf } from './goldenRecorder';

/**
 * How a real LWR store is called and where the emulator is strict (issue 10), and the tools' modes (issue 11):
 * CSRF, `active` only for reading, saved addresses by id, calculator failures and their retry, the order
 * answer, the ended site session, the expired checkout, and non-idempotent orders. Recorded after every other
 * run, so that none of their seeded draws moves.
 */
export async function platformRun(): Promise<Run> {
    const run = new Run('platform fidelity: b2b-buyer and d2c-guest, faults off');
    const quiet = { latencyMs: [0, 0] };
    // Payment is not the subject here: the store takes orders without one.
    const { accountId } = await run.reset({
        scenario: 'b2b-buyer',
        seed: 66,
        faults: quiet,
        paymentRequired: false
    });
    run.query = `?language=en-US&asGuest=false&htmlEncode=false&effectiveAccountId=${accountId}`;
    await run.call('no checkout yet', 'GET', run.connect('/checkouts/active'));
    const id = await run.start('start (PUT: create or get)', { cartId: 'active' }, 'PUT');
    await run.waitReady('start', 20);
    await run.call('start again (POST) while it exists', 'POST', run.connect('/checkouts'), {
        cartId: 'active'
    });
    const contact = { contactInfo: { email: 'dana@example.com' } };
    await run.call(
        'a write without the CSRF token',
        'PATCH',
        run.connect(`/checkouts/${id}`),
        contact,
        {
            headers: {}
        }
    );
    await run.call(
        "a write with another session's token",
        'PATCH',
        run.connect(`/checkouts/${id}`),
        contact,
        { headers: { 'csrf-token': 'not-this-sessions-token' } }
    );
    await run.call('PATCH on active', 'PATCH', run.connect('/checkouts/active'), contact);
    await run.call('DELETE on active', 'DELETE', run.connect('/checkouts/active'));
    await run.call('an unknown saved address', 'PATCH', run.connect(`/checkouts/${id}`), {
        deliveryAddress: { id: '8lWSG0000000000AAA' }
    });
    await run.call('a saved address id with fields', 'PATCH', run.connect(`/checkouts/${id}`), {
        deliveryAddress: { id: '8lWSG0000000000AAA', city: 'Portland' }
    });
    const page = await run.call(
        'saved addresses',
        'GET',
        `${run.connect(`/accounts/${accountId}/addresses`)}&addressType=Shipping`
    );
    const saved = isDropped(page) ? [] : (page.body as { items: { addressId: string }[] }).items;
    await run.write(
        'a saved address by id',
        'PATCH',
        run.connect(`/checkouts/${id}`),
        { deliveryAddress: { id: saved[saved.length - 1].addressId } },
        20
    );
    const ready = await run.write(
        'a new address without name',
        'PATCH',
        run.connect(`/checkouts/${id}`),
        { deliveryAddress: { ...SF, name: undefined } },
        20
    );
    await run.admin('every calculation fails', 'PUT', '/__emulator/faults', {
        ...quiet,
        calculatorFailureRate: 1
    });
    const methods = methodsOf(ready);
    await run.call('choose a method: tax fails', 'PATCH', run.connect(`/checkouts/${id}`), {
        deliveryMethodId: methods[methods.length - 1].id
    });
    await run.waitReady('tax fails', 20);
    await run.call(
        'place order on a failed calculation',
        'POST',
        run.connect(`/checkouts/${id}/orders`)
    );
    await run.call(
        'a contact write does not recalculate',
        'PATCH',
        run.connect(`/checkouts/${id}`),
        contact
    );
    await run.admin('calculations work again', 'PUT', '/__emulator/faults', quiet);
    await run.write(
        'retry: instructions again run the failed tax',
        'PATCH',
        run.connect(`/checkouts/${id}`),
        { shippingInstructions: 'Dock 4' },
        20
    );
    await run.order('place order', id, 8);

    await run.reset({ scenario: 'd2c-guest', seed: 67, faults: quiet, idempotentOrders: false });
    run.query = '?language=en-US&asGuest=true&htmlEncode=false';
    const guestId = await run.start('guest start');
    await run.waitReady('guest start', 20);
    await run.write(
        'a guest writes without a CSRF token',
        'PATCH',
        run.connect(`/checkouts/${guestId}`),
        { contactInfo: GUEST, deliveryAddress: SF },
        20
    );
    await run.call('order', 'POST', run.connect(`/checkouts/${guestId}/orders`));
    await run.call(
        'order again: a second order',
        'POST',
        run.connect(`/checkouts/${guestId}/orders`)
    );

    await run.reset({
        scenario: 'd2c-guest',
        seed: 68,
        faults: { ...quiet, authExpiryRate: 1 },
        idempotentOrders: true
    });
    for (let i = 1; i <= 6; i++)
        await run.call(`the site session ended ${i}`, 'POST', run.connect('/checkouts'), {
            cartId: 'active'
        });
    await run.call('the login page', 'GET', '/login?startURL=%2Fcheckout');
    await run.admin('the session is back', 'PUT', '/__emulator/faults', quiet);
    const goneId = await run.start('start');
    await run.waitReady('start', 20);
    await run.admin('checkouts expire', 'PUT', '/__emulator/faults', { ...quiet, goneRate: 1 });
    await run.call('expired', 'PATCH', run.connect(`/checkouts/${goneId}`), {
        contactInfo: GUEST
    });
    await run.admin('checkouts last', 'PUT', '/__emulator/faults', quiet);
    await run.call('the expired checkout', 'GET', run.connect(`/checkouts/${goneId}`));
    await run.start('a start makes a new one');
    return run;
}

export async function adminRun(): Promise<Run> {
    const run = new Run('admin API and routing');
    await run.reset({
        scenario: 'd2c-guest',
        seed: 3,
        timeScale: 0,
        faults: {}
    });
    await run.admin('read faults', 'GET', '/__emulator/faults');
    await run.admin('bad faults', 'PUT', '/__emulator/faults', { conflictRate: 2 });
    await run.admin('bad range', 'PUT', '/__emulator/faults', { latencyMs: [5, 1] });
    await run.admin('unknown knob', 'PUT', '/__emulator/faults', { explodeRate: 0.1 });
    await run.admin(
        'faults as text',
        'PUT',
        '/__emulator/faults',
        undefined,
        JSON.stringify({ dropRate: 1 }),
        { 'content-type': 'text/plain' }
    );
    await run.admin(
        'reset from another origin',
        'POST',
        '/__emulator/reset',
        { scenario: 'cpq' },
        undefined,
        { origin: 'http://evil.example' }
    );
    await run.admin(
        'faults too large',
        'PUT',
        '/__emulator/faults',
        undefined,
        JSON.stringify({ x: 'y'.repeat(1024 * 1024) })
    );
    await run.admin('faults broken JSON', 'PUT', '/__emulator/faults', undefined, '{');
    await run.admin('bad scenario', 'POST', '/__emulator/reset', { scenario: 'nope' });
    await run.admin('time scale above 1', 'POST', '/__emulator/reset', { timeScale: 20 });
    await run.admin('bad cpqOutcome', 'POST', '/__emulator/reset', { cpqOutcome: 'SUBMIT-2000' });
    await run.admin('reset by GET', 'GET', '/__emulator/reset');
    await run.admin('unknown admin path', 'GET', '/__emulator/nothing');
    await run.call('not an emulator path', 'GET', '/favicon.ico');
    await run.call(
        'unknown Connect path',
        'GET',
        `/services/data/v66.0/commerce/webstores/${run.webstoreId}/wishlists`
    );
    await run.call(
        'unknown webstore',
        'GET',
        '/services/data/v66.0/commerce/webstores/0ZESG0000000000AAA/checkouts/active'
    );
    await run.call(
        'badly encoded path',
        'GET',
        `/services/data/v66.0/commerce/webstores/${run.webstoreId}/checkouts/%E0%A4%A`
    );
    await run.call(
        'method not allowed',
        'DELETE',
        `/services/data/v66.0/commerce/webstores/${run.webstoreId}/checkouts`
    );
    await run.admin('clear the log', 'DELETE', '/__emulator/requests');
    await run.admin('set faults', 'PUT', '/__emulator/faults', { dropRate: 1 });
    await run.call(
        'dropped',
        'GET',
        `/services/data/v66.0/commerce/webstores/${run.webstoreId}/session-context`
    );
    await run.admin('reset keeps the faults', 'POST', '/__emulator/reset', {});
    await run.call(
        'dropped again',
        'GET',
        `/services/data/v66.0/commerce/webstores/${run.webstoreId}/session-context`
    );
    return run;
}
