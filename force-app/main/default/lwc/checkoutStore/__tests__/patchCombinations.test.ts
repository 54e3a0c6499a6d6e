/** Which fields one PATCH carries together, which never, and how custom fields find a carrier. */
import { DEFAULT_GROUP, SAMPLE_ADDRESS, setup } from './support/fakeCheckout';

describe('PATCH combinations', () => {
    it('sends the guest contactInfo and deliveryAddress together', async () => {
        const harness = await setup({ guest: true }).loaded();
        const { server, store } = harness;
        store.updateContact({ email: 'ada@example.com' });
        store.updateShipping(DEFAULT_GROUP, { deliveryAddress: SAMPLE_ADDRESS });
        await harness.idle();
        expect(server.patches).toHaveLength(1);
        expect(Object.keys(server.patches[0].body as object).sort()).toEqual([
            'contactInfo',
            'deliveryAddress'
        ]);
    });

    it('sends the shipping trio together', async () => {
        const harness = await setup().loaded();
        const { server, store } = harness;
        store.updateShipping(DEFAULT_GROUP, { deliveryAddress: SAMPLE_ADDRESS });
        store.updateShipping(DEFAULT_GROUP, { desiredDeliveryDate: '2030-05-28' });
        store.updateShipping(DEFAULT_GROUP, { shippingInstructions: 'Leave at the door' });
        await harness.idle();
        expect(server.patches).toHaveLength(1);
        expect(Object.keys(server.patches[0].body as object).sort()).toEqual([
            'deliveryAddress',
            'desiredDeliveryDate',
            'shippingInstructions'
        ]);
    });

    it.each([
        ['desiredDeliveryDate', { desiredDeliveryDate: '2030-05-28' }],
        ['shippingInstructions', { shippingInstructions: 'Gate 4' }]
    ])('never sends contactInfo with %s', async (_name, shipping) => {
        const harness = await setup().loaded();
        const { server, store } = harness;
        store.updateContact({ email: 'ada@example.com' });
        store.updateShipping(DEFAULT_GROUP, shipping);
        await harness.idle();
        expect(server.patches).toHaveLength(2);
        expect(Object.keys(server.patches[0].body as object)).toEqual(['contactInfo']);
        expect(server.forbiddenBodies).toEqual([]);
    });

    it.each([
        ['deliveryAddress', { deliveryAddress: SAMPLE_ADDRESS }],
        ['desiredDeliveryDate', { desiredDeliveryDate: '2030-05-28' }],
        ['shippingInstructions', { shippingInstructions: 'Gate 4' }]
    ])('never sends deliveryMethodId with %s', async (_name, shipping) => {
        const harness = await setup({ withAddress: true }).loaded();
        const { server, store } = harness;
        store.selectDeliveryMethod(DEFAULT_GROUP, `2Dm-exp-${DEFAULT_GROUP}`);
        store.updateShipping(DEFAULT_GROUP, shipping);
        await harness.idle();
        for (const patch of server.patches) {
            const keys = Object.keys(patch.body as object);
            expect(keys.includes('deliveryMethodId') && keys.length > 1).toBe(false);
        }
        expect(server.forbiddenBodies).toEqual([]);
        expect(server.groups[0].selectedMethodId).toBe(`2Dm-exp-${DEFAULT_GROUP}`);
    });

    it('never sends deliveryMethodId with contactInfo', async () => {
        const harness = await setup({ withAddress: true }).loaded();
        const { server, store } = harness;
        store.updateContact({ email: 'ada@example.com' });
        store.selectDeliveryMethod(DEFAULT_GROUP, `2Dm-exp-${DEFAULT_GROUP}`);
        await harness.idle();
        expect(server.patches.map((patch) => Object.keys(patch.body as object))).toEqual([
            ['contactInfo'],
            ['deliveryMethodId']
        ]);
    });

    it('carries WebCart custom fields with contactInfo, never CartDeliveryGroup ones', async () => {
        const harness = await setup({ withAddress: true }).loaded();
        const { server, store } = harness;
        store.updateContact({ email: 'ada@example.com' });
        store.updateCustomFields({ type: 'WebCart' }, { MyCustomTextField__c: 'Foo' });
        store.updateCustomFields(
            { type: 'CartDeliveryGroup', groupId: DEFAULT_GROUP },
            { MyCustomPhoneField__c: '+14155550100' }
        );
        await harness.idle();
        const [first, second] = server.patches;
        expect(
            (
                first.body as { customFields: Array<{ attributes: { type: string } }> }
            ).customFields.map((item) => item.attributes.type)
        ).toEqual(['WebCart']);
        expect(Object.keys(second.body as object).sort()).toEqual([
            'customFields',
            'deliveryMethodId'
        ]);
        expect(server.groups[0].customFields).toEqual({ MyCustomPhoneField__c: '+14155550100' });
        expect(server.forbiddenBodies).toEqual([]);
    });

    it('never sends custom fields with shippingInstructions alone', async () => {
        const harness = await setup({ withAddress: true }).loaded();
        const { server, store } = harness;
        store.updateShipping(DEFAULT_GROUP, { shippingInstructions: 'Gate 4' });
        store.updateCustomFields({ type: 'WebCart' }, { MyCustomTextField__c: 'Foo' });
        await harness.idle();
        expect(server.patches[0].body).toEqual({ shippingInstructions: 'Gate 4' });
        expect(server.webCartFields).toEqual({ MyCustomTextField__c: 'Foo' });
        expect(server.forbiddenBodies).toEqual([]);
    });

    it('chooses the side-effect-free contactInfo carrier for WebCart fields alone', async () => {
        const harness = await setup({
            withAddress: true,
            contactInfo: { email: 'ada@example.com' }
        }).loaded();
        const { server, store } = harness;
        store.updateCustomFields({ type: 'WebCart' }, { MyCustomNumberField__c: 12.34 });
        await harness.idle();
        expect(server.patches).toHaveLength(1);
        expect(server.patches[0].body).toEqual({
            contactInfo: { email: 'ada@example.com' },
            customFields: [
                {
                    attributes: { type: 'WebCart' },
                    Id: server.cartId,
                    MyCustomNumberField__c: 12.34
                }
            ]
        });
    });

    it('re-sends the current delivery method for CartDeliveryGroup fields alone', async () => {
        const harness = await setup({ withAddress: true }).loaded();
        const { server, store } = harness;
        store.updateCustomFields(
            { type: 'CartDeliveryGroup', groupId: DEFAULT_GROUP },
            { MyCustomTextField__c: 'Bar' }
        );
        await harness.idle();
        expect(server.patches).toHaveLength(1);
        expect(server.patches[0].body).toEqual({
            deliveryMethodId: `2Dm-std-${DEFAULT_GROUP}`,
            customFields: [
                {
                    attributes: { type: 'CartDeliveryGroup' },
                    Id: DEFAULT_GROUP,
                    MyCustomTextField__c: 'Bar'
                }
            ]
        });
    });

    it('keeps custom fields pending while no carrier exists, then sends them with the next write', async () => {
        const harness = await setup().loaded();
        const { server, store } = harness;
        store.updateCustomFields({ type: 'WebCart' }, { MyCustomTextField__c: 'Foo' });
        await harness.idle();
        expect(server.patches).toHaveLength(0);
        expect(store.getSnapshot().edits['custom.WebCart.MyCustomTextField__c'].status).toBe(
            'pending'
        );
        store.updateShipping(DEFAULT_GROUP, { deliveryAddress: SAMPLE_ADDRESS });
        await harness.idle();
        expect(server.patches).toHaveLength(1);
        expect(server.webCartFields).toEqual({ MyCustomTextField__c: 'Foo' });
    });

    it('sends at most 21 sObjects of custom fields per PATCH', async () => {
        const harness = await setup({ groups: 23, withAddress: true }).loaded();
        const { server, store } = harness;
        store.updateCustomFields({ type: 'WebCart' }, { MyCustomTextField__c: 'Foo' });
        for (const group of server.groups) {
            store.updateCustomFields(
                { type: 'CartDeliveryGroup', groupId: group.id },
                { MyCustomTextField__c: group.id }
            );
        }
        await harness.idle();
        for (const patch of server.patches) {
            expect(
                (patch.body as { customFields?: unknown[] }).customFields?.length ?? 0
            ).toBeLessThanOrEqual(21);
        }
        expect(server.patches.length).toBeGreaterThan(1);
        expect(
            server.groups.every((group) => group.customFields.MyCustomTextField__c === group.id)
        ).toBe(true);
        expect(server.forbiddenBodies).toEqual([]);
    });
});
