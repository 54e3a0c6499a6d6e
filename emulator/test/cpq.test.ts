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

/** The Vlocity shapes: a success has records and no messages unless a SUBMIT code was played. */
function assertSuccess(body: Record<string, unknown>, objectType = 'Order'): void {
    assert.equal(body.totalSize, 1);
    assert.deepEqual(Object.keys((body.records as object[])[0]).sort(), ['id', 'objectType']);
    assert.equal((body.records as { objectType: string }[])[0].objectType, objectType);
}

function assertRefusal(body: Record<string, unknown>, codes: string[]): void {
    assert.deepEqual(Object.keys(body).sort(), ['messages', 'totalSize']);
    assert.equal(body.totalSize, 0);
    const messages = body.messages as { code: string; severity: string; message: string }[];
    assert.deepEqual(messages.map((m) => m.code).sort(), [...codes].sort());
    for (const m of messages) {
        assert.equal(m.severity, 'ERROR');
        assert.ok(m.message.length > 10);
    }
}

describe('Industries CPQ checkout (the REST resource)', () => {
    it('accepts a submission as {totalSize, records: [{id, objectType}]} without messages, then refuses the now active order', async () => {
        const { url, cartId } = await cpqReset();
        const first = await submit(url, cartId);
        assert.equal(first.status, 200);
        assertSuccess(first.body);
        assert.equal(first.body.messages, undefined);
        assert.equal(first.body.records[0].id, cartId);
        const again = await submit(url, cartId);
        assertRefusal(again.body, ['CPQ-ORDER-ACTIVE']);
        // checkOrderStatus=false processes it anyway.
        const forced = await submit(url, cartId, { checkOrderStatus: false });
        assertSuccess(forced.body);
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
            assertRefusal(refused.body, ['CPQ-ORDER-ACTIVE']);
            const forced = await submit(url, cartId, { checkOrderStatus: 'false' });
            assertSuccess(forced.body);
        });
    }

    it('does not treat other statuses as active', async () => {
        const { url, cartId } = await cpqReset({
            cpqOrder: { Status: 'Draft', OrderStatus__c: 'Ready To Submit' }
        });
        assertSuccess((await submit(url, cartId)).body);
    });

    it('validateSubmittedXLI refuses lines not Activated and incomplete bundles with code 214', async () => {
        let { url, cartId } = await cpqReset({ cpqOrder: { notActivatedLines: 1 } });
        const lines = await submit(url, cartId, { validateSubmittedXLI: true });
        assertRefusal(lines.body, ['214']);
        assert.match(lines.body.messages[0].message, /Static IP/);
        // Without the check the same order goes through.
        assertSuccess((await submit(url, cartId, { validateSubmittedXLI: false })).body);

        ({ url, cartId } = await cpqReset({ cpqOrder: { incompleteBundle: true } }));
        const bundle = await submit(url, cartId, { validateSubmittedXLI: true });
        assertRefusal(bundle.body, ['214']);
        assert.match(bundle.body.messages[0].message, /bundle/);

        ({ url, cartId } = await cpqReset({
            cpqOrder: { incompleteBundle: true, notActivatedLines: 2 }
        }));
        const both = await submit(url, cartId, { validateSubmittedXLI: true });
        assertRefusal(both.body, ['214', '214']);
        assert.equal((await h.state()).orders.length, 0);
    });

    // Where Order Management's SUBMIT codes sit in a CPQ answer isn't public: messages[].code is a guess.
    const outcomes: [string, boolean][] = [
        ['SUBMIT-1001', true],
        ['SUBMIT-1002', true],
        ['SUBMIT-1003', false],
        ['SUBMIT-1004', false],
        ['SUBMIT-1005', false],
        ['SUBMIT-1006', false],
        ['SUBMIT-1007', false],
        ['SUBMIT-1008', true],
        ['SUBMIT-1009', false]
    ];
    for (const [code, accepted] of outcomes) {
        it(`keeps ${code} reachable as messages[].code when the scenario asks for it`, async () => {
            const { url, cartId } = await cpqReset({ cpqOutcome: code });
            const answer = await submit(url, cartId);
            assert.equal(answer.status, 200);
            if (accepted) {
                // SUBMIT-1008 (assetized): an order yields the account.
                assertSuccess(answer.body, code === 'SUBMIT-1008' ? 'Account' : 'Order');
                assert.deepEqual(
                    answer.body.messages.map((m: { code: string; severity: string }) => [
                        m.code,
                        m.severity
                    ]),
                    [[code, 'INFO']]
                );
            } else {
                assertRefusal(answer.body, [code]);
            }
            assert.equal((await h.state()).orders.length, accepted ? 1 : 0);
        });
    }

    it('answers SUBMIT-1005 when the required ContextId is missing', async () => {
        const { url, cartId } = await cpqReset();
        const answer = await h.call('POST', url, { methodName: 'checkout', cartId });
        assertRefusal(answer.body, ['SUBMIT-1005']);
    });

    it('marks the order submitted after SUBMIT-1006 (unknown), so a resubmission is refused', async () => {
        const { url, cartId } = await cpqReset({ cpqOutcome: 'SUBMIT-1006' });
        await submit(url, cartId);
        assertRefusal((await submit(url, cartId)).body, ['CPQ-ORDER-ACTIVE']);
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

describe('Apex stand-ins for CpqCheckoutController (the DTOs the Apex returns)', () => {
    it('checkout({cartId}) answers {totalSize, records: [{id, objectType}], messages: []} on success', async () => {
        const { cartId } = await cpqReset();
        const answer = await h.apex('CpqCheckoutController.checkout', { cartId });
        assert.equal(answer.status, 200);
        assert.deepEqual(answer.body, {
            totalSize: 1,
            records: [{ id: cartId, objectType: 'Order' }],
            messages: []
        });
    });

    it('checkout answers a refusal as {totalSize: 0, records: [], messages: [{code, severity, message}]}', async () => {
        const { cartId } = await cpqReset({ cpqOutcome: 'SUBMIT-1004' });
        const answer = await h.apex('CpqCheckoutController.checkout', { cartId });
        assert.equal(answer.status, 200);
        assert.equal(answer.body.totalSize, 0);
        assert.deepEqual(answer.body.records, []);
        assert.deepEqual(Object.keys(answer.body.messages[0]).sort(), [
            'code',
            'message',
            'severity'
        ]);
        assert.equal(answer.body.messages[0].code, 'SUBMIT-1004');
        assert.equal(answer.body.messages[0].severity, 'ERROR');
    });

    it('checkOrderStatus and validateSubmittedXLI are admin settings; parameters a client still sends are ignored', async () => {
        // Defaults: checkOrderStatus true, validateSubmittedXLI false.
        let { cartId } = await cpqReset({ cpqOrder: { notActivatedLines: 1 } });
        const ignored = await h.apex('CpqCheckoutController.checkout', {
            cartId,
            namespace: 'acme',
            checkOrderStatus: false,
            validateSubmittedXLI: true
        });
        assert.equal(ignored.body.totalSize, 1, 'the client validateSubmittedXLI is not obeyed');
        const again = await h.apex('CpqCheckoutController.checkout', {
            cartId,
            checkOrderStatus: false
        });
        assert.equal(again.body.messages[0].code, 'CPQ-ORDER-ACTIVE', 'nor its checkOrderStatus');

        ({ cartId } = await cpqReset({
            cpqOrder: { notActivatedLines: 1 },
            cpqSettings: { validateSubmittedXLI: true, checkOrderStatus: false }
        }));
        const validated = await h.apex('CpqCheckoutController.checkout', { cartId });
        assert.equal(validated.body.messages[0].code, '214');
        const summary = await h.apex('CpqCheckoutController.getCartSummary', { cartId });
        assert.equal(summary.body.checkOrderStatus, false);
    });

    it('getCartSummary({cartId}) answers {oneTimeTotal, recurringTotal, currencyIsoCode, checkOrderStatus}', async () => {
        const { cartId, url } = await cpqReset();
        const summary = await h.apex('CpqCheckoutController.getCartSummary', { cartId });
        assert.equal(summary.status, 200);
        const rest = (await h.call('GET', url)).body.records[0];
        assert.deepEqual(summary.body, {
            oneTimeTotal: rest.EffectiveOneTimeTotal__c,
            recurringTotal: rest.EffectiveRecurringTotal__c,
            currencyIsoCode: 'USD',
            checkOrderStatus: true
        });
        assert.equal(typeof summary.body.oneTimeTotal, 'number');
    });

    it('answers a bad cart id as an AuraHandledException', async () => {
        await cpqReset();
        for (const params of [{}, { cartId: 'nope' }, { cartId: '801SG0000000000AAA' }]) {
            for (const method of ['checkout', 'getCartSummary']) {
                const answer = await h.apex(`CpqCheckoutController.${method}`, params);
                assert.equal(answer.status, 500);
                assert.deepEqual(answer.body, {
                    message: 'Provide a valid cart id.',
                    exceptionType: 'AuraHandledException'
                });
            }
        }
        assert.equal(
            (await h.apex('CpqCheckoutController.checkout', { cartId: 'x', rush: true })).status,
            500
        );
        assert.equal((await h.apex('NoSuchController.method', {})).status, 404);
    });
});
