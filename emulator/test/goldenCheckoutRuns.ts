/** The golden run's checkouts in the main stores: a d2c guest (with faults, then in real time), a b2b buyer. */
import {
    ANCHORAGE,
    GUEST,
    Run,
    SF,
    TORONTO,
    currentState,
    groupIds,
    isDropped,
    methodsOf
} from './goldenRecorder';

export async function guestRun(): Promise<Run> {
    const run = new Run('d2c-guest with faults');
    run.query = '?language=en-US&asGuest=true&htmlEncode=false';
    await run.reset({ scenario: 'd2c-guest', seed: 11 });
    const firstId = await run.start('start');
    await run.waitReady('start', 20);
    await run.attempt('delete', 'DELETE', run.connect(`/checkouts/${firstId}`));
    await run.call('deleted id', 'GET', run.connect(`/checkouts/${firstId}`));
    await run.call('no active', 'GET', run.connect('/checkouts/active'));
    await run.session('deleted session', firstId);
    const id = await run.start('restart');
    await run.waitReady('restart', 20);
    await run.attempt('order before contact', 'POST', run.connect('/checkouts/active/orders'));
    await run.attempt('order with a body', 'POST', run.connect('/checkouts/active/orders'), {
        force: true
    });
    await run.attempt('start with the default address', 'POST', run.connect('/checkouts'), {
        cartId: 'active',
        deliveryAddressInput: { shouldUseDefaultAddress: true }
    });
    await run.attempt('start naming a delivery group', 'POST', run.connect('/checkouts'), {
        cartId: 'active',
        customFields: [
            {
                attributes: { type: 'CartDeliveryGroup' },
                Id: '0a7SG0000000001AAA',
                DockNumber__c: '1'
            }
        ]
    });
    await run.attempt(
        'guest addresses',
        'GET',
        run.connect('/accounts/001SG0000000000AAA/addresses')
    );
    await run.attempt(
        'guest with an effective account',
        'GET',
        `${run.connect('/checkouts/active')}&effectiveAccountId=001SG0000000000AAA`
    );
    await run.call(
        'session without an id',
        'POST',
        '/apex/CheckoutSessionController/getSession',
        {}
    );
    await run.call('session context', 'GET', run.connect('/session-context'));
    await run.call('forbidden pair', 'PATCH', run.connect(`/checkouts/${id}`), {
        deliveryAddress: SF,
        deliveryMethodId: '2DmSG0000000000AAA'
    });
    await run.call('broken JSON', 'PATCH', run.connect(`/checkouts/${id}`), undefined, {
        raw: '{"contactInfo": '
    });
    await run.call('too large', 'PATCH', run.connect(`/checkouts/${id}`), undefined, {
        raw: JSON.stringify({ shippingInstructions: 'x'.repeat(1024 * 1024) })
    });
    const ready = await run.write(
        'contact and address',
        'PATCH',
        run.connect(`/checkouts/${id}`),
        { contactInfo: GUEST, deliveryAddress: SF },
        20
    );
    const methods = methodsOf(ready);
    if (methods.length > 0)
        await run.write(
            'dearest method',
            'PATCH',
            run.connect(`/checkouts/${id}`),
            { deliveryMethodId: methods[methods.length - 1].id },
            20
        );
    await run.write(
        'contact and cart fields',
        'PATCH',
        run.connect(`/checkouts/${id}`),
        {
            contactInfo: { ...GUEST, lastName: 'Johnston' },
            customFields: [
                {
                    attributes: { type: 'WebCart' },
                    MyCustomTextField__c: 'Foo',
                    MyCustomNumberField__c: 12.34
                }
            ]
        },
        20
    );
    await run.write(
        'date and instructions',
        'PATCH',
        run.connect(`/checkouts/${id}`),
        { desiredDeliveryDate: '2026-01-20', shippingInstructions: 'Leave at the door' },
        20
    );
    await run.write(
        'unserved postal code',
        'PATCH',
        run.connect(`/checkouts/${id}`),
        { deliveryAddress: { ...SF, postalCode: '00000' } },
        20
    );
    await run.call('order on failed shipping', 'POST', run.connect('/checkouts/active/orders'));
    await run.write(
        'Anchorage',
        'PATCH',
        run.connect(`/checkouts/${id}`),
        { deliveryAddress: ANCHORAGE },
        20
    );
    await run.attempt('declined payment', 'POST', run.connect('/checkouts/active/payments'), {
        requestType: 'SimplePurchaseOrder',
        paymentToken: 'decline'
    });
    await run.attempt('purchase order', 'POST', run.connect('/checkouts/active/payments'), {
        requestType: 'SimplePurchaseOrder',
        paymentToken: 'PO-1001',
        billingAddress: { ...SF, shipToPhoneNumber: '+14155550123' }
    });
    await run.call('payment type change', 'POST', run.connect('/checkouts/active/payments'), {
        requestType: 'Auth',
        paymentToken: 'tok_1'
    });
    await run.order('place order', id, 8);
    await run.attempt('place order again', 'POST', run.connect('/checkouts/active/orders'));
    await run.attempt('edit after order', 'PATCH', run.connect(`/checkouts/${id}`), {
        contactInfo: GUEST
    });
    await run.attempt('delete after order', 'DELETE', run.connect(`/checkouts/${id}`));
    await run.attempt('resume after order', 'POST', run.connect('/checkouts'), {
        cartId: 'active'
    });
    return run;
}

export async function realisticRun(): Promise<Run> {
    const run = new Run('d2c-guest, realistic time, no latency, calculator failures');
    run.query = '?language=en-US';
    await run.reset({
        scenario: 'd2c-guest',
        seed: 7,
        timeScale: 1,
        faults: { calculatorFailureRate: 0.2, latencyMs: [0, 0] }
    });
    const id = await run.start('start');
    await run.call('resume while processing', 'PUT', run.connect('/checkouts'), {
        cartId: 'active'
    });
    await run.call('write while processing', 'PATCH', run.connect(`/checkouts/${id}`), {
        contactInfo: GUEST
    });
    await run.waitReady('start', 150);
    await run.write(
        'contact and Toronto',
        'PATCH',
        run.connect(`/checkouts/${id}`),
        { contactInfo: GUEST, deliveryAddress: TORONTO },
        150
    );
    const ready = await run.write(
        'back to San Francisco',
        'PATCH',
        run.connect(`/checkouts/${id}`),
        { deliveryAddress: SF },
        150
    );
    const methods = methodsOf(ready);
    if (methods.length > 1)
        await run.write(
            'second method',
            'PATCH',
            run.connect(`/checkouts/${id}`),
            { deliveryMethodId: methods[1].id },
            150
        );
    await run.attempt('payment', 'POST', run.connect('/checkouts/active/payments'), {
        requestType: 'SimplePurchaseOrder',
        paymentToken: 'PO-7'
    });
    await run.order('place order', id, 200);
    return run;
}

export async function b2bRun(): Promise<Run> {
    const run = new Run('b2b-buyer with faults');
    const { accountId } = await run.reset({ scenario: 'b2b-buyer', seed: 22 });
    run.query = `?language=en-US&effectiveAccountId=${accountId}&htmlEncode=false`;
    const page1 = await run.attempt(
        'saved addresses page 1',
        'GET',
        `${run.connect(`/accounts/${accountId}/addresses`)}&addressType=Shipping&pageSize=2`
    );
    await run.attempt(
        'saved addresses page 2',
        'GET',
        `${run.connect(`/accounts/${accountId}/addresses`)}&pageSize=2&pageToken=2`
    );
    await run.call(
        'bad page size',
        'GET',
        `${run.connect(`/accounts/${accountId}/addresses`)}&pageSize=500`
    );
    await run.call(
        'wrong account',
        'GET',
        run.connect('/checkouts/active').replace(accountId, '001SG0000000000AAA')
    );
    await run.call(
        'bad language',
        'GET',
        run.connect('/checkouts/active').replace('en-US', 'english!')
    );
    await run.call('old API version', 'POST', run.connect('/checkouts', 'v54.0'), {
        cartId: 'active'
    });
    await run.attempt('PUT before 57.0', 'PUT', run.connect('/checkouts', 'v56.0'), {
        cartId: 'active'
    });
    const items = isDropped(page1)
        ? []
        : ((page1.body as { items?: { addressId: string }[] }).items ?? []);
    const second = items[1]?.addressId;
    const id = await run.start('start at a saved address', {
        cartId: 'active',
        deliveryAddressInput: second ? { id: second, ...SF } : { shouldUseDefaultAddress: true },
        customFields: [{ attributes: { type: 'WebCart' }, PurchaseOrderNote__c: 'Dock 4' }]
    });
    const ready = await run.waitReady('start', 20);
    await run.write(
        'resume with cart fields',
        'POST',
        run.connect('/checkouts'),
        {
            cartId: 'active',
            customFields: [
                {
                    attributes: { type: 'WebCart' },
                    BudgetAmount__c: 1200.5,
                    PreferredTime__c: '09:30.00.000Z'
                }
            ]
        },
        20
    );
    await run.write(
        'resume at another address',
        'PUT',
        run.connect('/checkouts'),
        {
            cartId: 'active',
            deliveryAddressInput: TORONTO
        },
        20
    );
    await run.attempt(
        'purchase order with data',
        'POST',
        run.connect(`/checkouts/${id}/payments`),
        {
            requestType: 'SimplePurchaseOrder',
            paymentToken: 'PO-1',
            paymentsData: '{}'
        }
    );
    await run.call(
        'LWR path with a site prefix',
        'GET',
        `/mystore/webruntime/api${run.connect('/checkouts/active')}`
    );
    const methods = methodsOf(ready);
    if (methods.length > 0)
        await run.write(
            'cheapest method',
            'PATCH',
            run.connect(`/checkouts/${id}`),
            { deliveryMethodId: methods[0].id },
            20
        );
    const moved = await run.write(
        'group fields with an address',
        'PATCH',
        run.connect(`/checkouts/${id}`),
        {
            deliveryAddress: { ...SF, companyName: 'Northwind Supply' },
            customFields: [
                {
                    attributes: { type: 'CartDeliveryGroup' },
                    DockNumber__c: 'D-12',
                    MyCustomAddressField__c: {
                        street: '100 Folsom Street',
                        state: 'California',
                        countryCode: 'US',
                        stateCode: 'US_CA'
                    }
                }
            ]
        },
        20
    );
    const offered = methodsOf(moved);
    if (offered.length > 1)
        await run.write(
            'second method',
            'PATCH',
            run.connect(`/checkouts/${id}`),
            { deliveryMethodId: offered[1].id },
            20
        );
    await run.attempt('auth payment', 'POST', run.connect(`/checkouts/${id}/payments`), {
        requestType: 'Auth',
        paymentToken: 'tok_visa',
        paymentsData: '{"card":"4242"}',
        billingAddress: { ...SF, name: 'Northwind Accounts Payable' }
    });
    await run.attempt('second auth', 'POST', run.connect(`/checkouts/${id}/payments`), {
        requestType: 'Auth',
        paymentToken: 'tok_visa_2'
    });
    const groupId = groupIds(await currentState())[0];
    await run.call(
        'delivery group',
        'GET',
        run.connect(`/carts/active/delivery-groups/${groupId}`)
    );
    await run.order('place order', id, 8);
    await run.attempt('place order again', 'POST', run.connect(`/checkouts/${id}/orders`));
    return run;
}
