import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { INSTANT, startHarness, type Harness } from './helpers';

let h: Harness;
before(async () => {
    h = await startHarness();
});
after(async () => {
    await h.close();
});

async function cpqReset(
    extra: Record<string, unknown> = {}
): Promise<{ url: string; cartId: string; namespace: string }> {
    const state = await h.reset({ scenario: 'cpq', seed: 1, ...INSTANT, ...extra });
    assert.match(state.cpqCartId!, /^801/);
    return {
        url: `/services/apexrest/${state.cpqNamespace}/v2/cpq/carts/${state.cpqCartId}/items/checkout`,
        cartId: state.cpqCartId!,
        namespace: state.cpqNamespace!
    };
}

function submit(url: string, cartId: string, extra: Record<string, unknown> = {}) {
    return h.call('POST', url, { methodName: 'checkout', cartId, ContextId: cartId, ...extra });
}

describe('Industries CPQ cart status', () => {
    it('summarises one-time and recurring totals, account, multi-site and the checkout action', async () => {
        const { url, cartId } = await cpqReset();
        const answer = await h.call('GET', url);
        assert.equal(answer.status, 200);
        const record = answer.body.records[0];
        assert.equal(record.Id, cartId);
        assert.match(record.AccountId, /^001/);
        assert.equal(record.EffectiveOneTimeTotal__c, 248);
        assert.equal(record.EffectiveRecurringTotal__c, 114.98);
        assert.equal(record.CurrencyIsoCode, 'USD');
        assert.equal(record.IsMultiSite, false);
        assert.deepEqual(record.Sites, []);
        assert.equal(answer.body.actions.checkout.method, 'POST');
        assert.equal(answer.body.actions.checkout.href, url);
        assert.deepEqual(answer.body.messages, []);
    });

    it('reports a multi-site order and its sites', async () => {
        const { url } = await cpqReset({ cpqOrder: { isMultiSite: true } });
        const record = (await h.call('GET', url)).body.records[0];
        assert.equal(record.IsMultiSite, true);
        assert.ok(record.Sites.length >= 2);
    });

    it('answers under the LWR prefix too, and 404 for another namespace or cart', async () => {
        const { url, namespace, cartId } = await cpqReset();
        assert.equal((await h.call('GET', `/webruntime/api${url}`)).status, 200);
        assert.equal((await h.call('GET', url.replace(namespace, 'other_ns'))).status, 404);
        assert.equal((await h.call('GET', url.replace(cartId, '801SG0000000000AAA'))).status, 404);
    });
});

describe('Industries CPQ checkout', () => {
    it('accepts a submission with SUBMIT-1001 and a record, then refuses the now active order', async () => {
        const { url, cartId } = await cpqReset();
        const first = await submit(url, cartId);
        assert.equal(first.status, 200);
        assert.deepEqual(
            first.body.messages.map((m: { code: string; severity: string }) => [
                m.code,
                m.severity
            ]),
            [['SUBMIT-1001', 'INFO']]
        );
        assert.equal(first.body.records[0].orderId, cartId);
        assert.equal(first.body.totalSize, 1);
        const again = await submit(url, cartId);
        assert.deepEqual(
            again.body.messages.map((m: { code: string }) => m.code),
            ['CPQ-ORDER-ACTIVE']
        );
        assert.equal(again.body.messages[0].severity, 'ERROR');
        assert.deepEqual(again.body.records, []);
        // checkOrderStatus=false processes it anyway.
        const forced = await submit(url, cartId, { checkOrderStatus: false });
        assert.equal(forced.body.messages[0].code, 'SUBMIT-1001');
        assert.equal((await h.state()).orders.length, 2);
    });

    const activeOrders: [string, Record<string, unknown>][] = [
        ['Status Activated', { Status: 'Activated' }],
        ['OrderStatus__c In Progress', { OrderStatus__c: 'In Progress' }],
        ['OrderStatus__c Cancelled', { OrderStatus__c: 'Cancelled' }],
        ['OrderStatus__c Cancel Requested', { OrderStatus__c: 'Cancel Requested' }],
        ['OrderStatus__c Complete', { OrderStatus__c: 'Complete' }],
        ['SupersededOrderId__c set', { SupersededOrderId__c: '801SG00000000AAAAA' }]
    ];
    for (const [name, cpqOrder] of activeOrders) {
        it(`treats an order with ${name} as active (checkOrderStatus defaults to true)`, async () => {
            const { url, cartId } = await cpqReset({ cpqOrder });
            const refused = await h.call('POST', url, { cartId, ContextId: cartId });
            assert.equal(refused.body.messages[0].code, 'CPQ-ORDER-ACTIVE');
            const forced = await submit(url, cartId, { checkOrderStatus: 'false' });
            assert.equal(forced.body.messages[0].code, 'SUBMIT-1001');
        });
    }

    it('does not treat other statuses as active', async () => {
        const { url, cartId } = await cpqReset({
            cpqOrder: { Status: 'Draft', OrderStatus__c: 'Ready To Submit' }
        });
        assert.equal((await submit(url, cartId)).body.messages[0].code, 'SUBMIT-1001');
    });

    it('validateSubmittedXLI refuses lines not Activated and incomplete bundles', async () => {
        let { url, cartId } = await cpqReset({ cpqOrder: { notActivatedLines: 1 } });
        const lines = await submit(url, cartId, { validateSubmittedXLI: true });
        assert.deepEqual(
            lines.body.messages.map((m: { code: string }) => m.code),
            ['CPQ-XLI-NOT-ACTIVATED']
        );
        assert.match(lines.body.messages[0].message, /Static IP/);
        // Without the check the same order goes through.
        assert.equal(
            (await submit(url, cartId, { validateSubmittedXLI: false })).body.messages[0].code,
            'SUBMIT-1001'
        );

        ({ url, cartId } = await cpqReset({ cpqOrder: { incompleteBundle: true } }));
        const bundle = await submit(url, cartId, { validateSubmittedXLI: true });
        assert.deepEqual(
            bundle.body.messages.map((m: { code: string }) => m.code),
            ['CPQ-BUNDLE-INCOMPLETE']
        );

        ({ url, cartId } = await cpqReset({
            cpqOrder: { incompleteBundle: true, notActivatedLines: 2 }
        }));
        const both = await submit(url, cartId, { validateSubmittedXLI: true });
        assert.deepEqual(both.body.messages.map((m: { code: string }) => m.code).sort(), [
            'CPQ-BUNDLE-INCOMPLETE',
            'CPQ-XLI-NOT-ACTIVATED'
        ]);
        assert.equal((await h.state()).orders.length, 0);
    });

    const outcomes: [string, 'INFO' | 'ERROR', boolean][] = [
        ['SUBMIT-1001', 'INFO', true],
        ['SUBMIT-1002', 'INFO', true],
        ['SUBMIT-1003', 'ERROR', false],
        ['SUBMIT-1004', 'ERROR', false],
        ['SUBMIT-1005', 'ERROR', false],
        ['SUBMIT-1006', 'ERROR', false],
        ['SUBMIT-1007', 'ERROR', false],
        ['SUBMIT-1008', 'INFO', true],
        ['SUBMIT-1009', 'ERROR', false]
    ];
    for (const [code, severity, accepted] of outcomes) {
        it(`answers ${code} when the scenario asks for it`, async () => {
            const { url, cartId } = await cpqReset({ cpqOutcome: code });
            const answer = await submit(url, cartId);
            assert.equal(answer.status, 200);
            assert.equal(answer.body.messages[0].code, code);
            assert.equal(answer.body.messages[0].severity, severity);
            assert.ok(answer.body.messages[0].message.length > 10);
            assert.equal(answer.body.records.length, accepted ? 1 : 0);
            assert.equal((await h.state()).orders.length, accepted ? 1 : 0);
        });
    }

    it('answers SUBMIT-1005 when the required ContextId is missing', async () => {
        const { url, cartId } = await cpqReset();
        const answer = await h.call('POST', url, { methodName: 'checkout', cartId });
        assert.equal(answer.body.messages[0].code, 'SUBMIT-1005');
    });

    it('marks the order submitted after SUBMIT-1006 (unknown), so a resubmission is refused', async () => {
        const { url, cartId } = await cpqReset({ cpqOutcome: 'SUBMIT-1006' });
        await submit(url, cartId);
        assert.equal((await submit(url, cartId)).body.messages[0].code, 'CPQ-ORDER-ACTIVE');
    });

    it('plays a sequence of outcomes set through the faults knob (retryable, then accepted)', async () => {
        const { url, cartId } = await cpqReset();
        assert.equal(
            (await h.faults({ cpqOutcome: ['SUBMIT-1004', 'SUBMIT-1009', 'SUBMIT-1002'] })).status,
            200
        );
        const codes: string[] = [];
        for (let i = 0; i < 3; i++) codes.push((await submit(url, cartId)).body.messages[0].code);
        assert.deepEqual(codes, ['SUBMIT-1004', 'SUBMIT-1009', 'SUBMIT-1002']);
    });

    it('refuses a bad cpqOutcome knob', async () => {
        assert.equal((await h.faults({ cpqOutcome: 'SUBMIT-2000' })).status, 400);
        assert.equal(
            (await h.call('POST', '/__emulator/reset', { scenario: 'cpq', cpqOutcome: [] })).status,
            400
        );
    });

    it('rejects unknown properties and a mismatched cart id in the body', async () => {
        const { url, cartId } = await cpqReset();
        assert.equal((await submit(url, cartId, { rush: true })).status, 400);
        assert.equal(
            (await h.call('POST', url, { cartId: '801SG0000000000AAA', ContextId: cartId })).status,
            400
        );
        assert.equal((await submit(url, cartId, { checkOrderStatus: 'maybe' })).status, 400);
    });
});

describe('Apex endpoints for Industries CPQ', () => {
    it('CpqCheckoutController.checkout passes the flags through and returns the body unchanged', async () => {
        const { cartId, namespace } = await cpqReset({ cpqOrder: { notActivatedLines: 1 } });
        const refused = await h.apex('CpqCheckoutController.checkout', {
            cartId,
            namespace,
            checkOrderStatus: true,
            validateSubmittedXLI: true
        });
        assert.equal(refused.status, 200);
        assert.equal(refused.body.messages[0].code, 'CPQ-XLI-NOT-ACTIVATED');
        const accepted = await h.apex('CpqCheckoutController.checkout', {
            cartId,
            namespace,
            checkOrderStatus: true,
            validateSubmittedXLI: false
        });
        assert.equal(accepted.body.messages[0].code, 'SUBMIT-1001');
        assert.equal(accepted.body.records.length, 1);
    });

    it('CpqCheckoutController.getCartSummary returns the summary with numeric amounts', async () => {
        const { cartId, namespace } = await cpqReset();
        const summary = await h.apex('CpqCheckoutController.getCartSummary', { cartId, namespace });
        assert.equal(summary.status, 200);
        assert.equal(typeof summary.body.records[0].EffectiveOneTimeTotal__c, 'number');
    });

    it('turns a failure into an Apex exception body', async () => {
        const { cartId } = await cpqReset();
        const answer = await h.apex('CpqCheckoutController.checkout', {
            cartId,
            namespace: 'nope'
        });
        assert.equal(answer.status, 500);
        assert.match(answer.body.message, /namespace/);
        assert.equal(answer.body.exceptionType, 'AuraHandledException');
        const missing = await h.apex('CpqCheckoutController.getCartSummary', {});
        assert.equal(missing.status, 500);
        assert.equal(missing.body.exceptionType, 'AuraHandledException');
        assert.equal((await h.apex('NoSuchController.method', {})).status, 404);
    });
});
