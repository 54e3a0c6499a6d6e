/** The golden run's other scenarios: several delivery groups, a digital-only cart, Industries CPQ. */
import {
    FAULTS,
    GUEST,
    Run,
    TORONTO,
    currentState,
    goldenServer,
    groupIds,
    isDropped
} from './goldenRecorder';

export async function multiGroupRun(): Promise<Run> {
    const run = new Run('multi-group with faults');
    const { accountId } = await run.reset({ scenario: 'multi-group', seed: 33 });
    run.query = `?effectiveAccountId=${accountId}`;
    const id = await run.start(
        'start',
        {
            cartId: 'active'
        },
        'PUT'
    );
    await run.waitReady('start', 20);
    await run.write(
        'contact with cart fields',
        'PATCH',
        run.connect(`/checkouts/${id}`),
        {
            contactInfo: { email: 'dana@example.com' },
            customFields: [
                {
                    attributes: { type: 'WebCart' },
                    GiftReceipt__c: true,
                    RequestedOn__c: '2026-02-01'
                }
            ]
        },
        20
    );
    await run.attempt(
        'order with a group missing its address',
        'POST',
        run.connect(`/checkouts/${id}/orders`)
    );
    const [, other] = groupIds(await currentState());
    const groupPath = run.connect(`/carts/active/delivery-groups/${other}`);
    await run.call('group: method with address', 'PATCH', groupPath, {
        deliveryAddress: TORONTO,
        deliveryMethodId: '2DmSG0000000000AAA'
    });
    await run.write(
        'group: Toronto',
        'PATCH',
        groupPath,
        { deliveryAddress: TORONTO, name: 'Toronto office', id: other },
        20
    );
    const group = await run.attempt('group: read', 'GET', groupPath);
    const methods = isDropped(group)
        ? []
        : ((group.body as { availableDeliveryMethods?: { id: string }[] })
              .availableDeliveryMethods ?? []);
    if (methods.length > 0)
        await run.write(
            'group: last method',
            'PATCH',
            groupPath,
            { deliveryMethodId: methods[methods.length - 1].id },
            20
        );
    await run.attempt('group fields with contact', 'PATCH', run.connect(`/checkouts/${id}`), {
        contactInfo: { email: 'dana@example.com' },
        customFields: [{ attributes: { type: 'CartDeliveryGroup' }, DockNumber__c: '7' }]
    });
    await run.write(
        'second group fields by id',
        'PATCH',
        run.connect(`/checkouts/${id}`),
        {
            shippingInstructions: 'Dock 7',
            desiredDeliveryDate: '2026-01-21',
            customFields: [
                { attributes: { type: 'CartDeliveryGroup' }, Id: other, DockNumber__c: '7' }
            ]
        },
        20
    );
    await run.attempt('purchase order', 'POST', run.connect(`/checkouts/${id}/payments`), {
        requestType: 'SimplePurchaseOrder',
        paymentToken: 'PO-33'
    });
    await run.order('place order', id, 8);
    return run;
}

export async function digitalRun(): Promise<Run> {
    const run = new Run('digital-only with faults');
    run.query = '?asGuest=true';
    await run.reset({ scenario: 'digital-only', seed: 55 });
    const id = await run.start('start');
    await run.waitReady('start', 20);
    await run.write(
        'contact and address for tax',
        'PATCH',
        run.connect(`/checkouts/${id}`),
        { contactInfo: GUEST, deliveryAddress: TORONTO },
        20
    );
    await run.attempt('method on a digital group', 'PATCH', run.connect(`/checkouts/${id}`), {
        deliveryMethodId: '2DmSG0000000000AAA'
    });
    await run.order('place order', id, 8);
    return run;
}

export async function cpqRun(): Promise<Run> {
    const run = new Run('cpq with faults');
    const { cpqCartId: cartId, cpqNamespace: namespace } = await run.reset({
        scenario: 'cpq',
        seed: 44,
        cpqOutcome: ['SUBMIT-1004', 'SUBMIT-1006', 'SUBMIT-1001']
    });
    const rest = `/services/apexrest/${namespace}/v2/cpq/carts/${cartId}/items/checkout`;
    await run.attempt('summary (Apex)', 'POST', '/apex/CpqCheckoutController/getCartSummary', {
        cartId,
        namespace
    });
    await run.attempt('summary (REST)', 'GET', rest);
    await run.attempt('submit without ContextId', 'POST', rest, { methodName: 'checkout', cartId });
    await run.attempt('submit (Apex): queue full', 'POST', '/apex/CpqCheckoutController/checkout', {
        cartId,
        namespace,
        checkOrderStatus: true,
        validateSubmittedXLI: false
    });
    await run.attempt('submit: unknown answer', 'POST', rest, {
        cartId,
        ContextId: cartId,
        checkOrderStatus: 'false'
    });
    await run.attempt('submit: accepted', 'POST', rest, {
        cartId,
        ContextId: cartId,
        checkOrderStatus: 'false'
    });
    await run.attempt('submit again: active', 'POST', rest, { cartId, ContextId: cartId });
    await run.call('unknown Apex method', 'POST', '/apex/CpqCheckoutController/cancel', {});
    await run.call('Apex by GET', 'GET', '/apex/CheckoutSessionController/getSession');
    await run.call('wrong namespace', 'GET', rest.replace(namespace, 'acme'));
    await run.admin('reset: incomplete order', 'POST', '/__emulator/reset', {
        seed: 45,
        cpqOrder: { incompleteBundle: true, notActivatedLines: 2, isMultiSite: true }
    });
    await run.attempt('validate lines', 'POST', rest, {
        cartId,
        ContextId: cartId,
        validateSubmittedXLI: true
    });
    await run.attempt('wrong methodName', 'POST', rest, {
        methodName: 'cancel',
        cartId,
        ContextId: cartId
    });
    await run.attempt('another cart in the body', 'POST', rest, {
        cartId: '801SG0000000000AAA',
        ContextId: cartId
    });
    await run.attempt('flag not a boolean', 'POST', rest, {
        cartId,
        ContextId: cartId,
        checkOrderStatus: 'yes'
    });
    await run.attempt('summary by PATCH', 'PATCH', rest, {});
    goldenServer().emulator.setFaults({ ...FAULTS, cpqOutcome: 'SUBMIT-1008' });
    await run.record('faults set in process', null);
    await run.attempt('submit: auto-assetized', 'POST', rest, { cartId, ContextId: cartId });
    return run;
}
