/** The record-only invariants: what counts as labelled, and PATCH bodies read from the log's text. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CALCULATOR_ERROR } from '../../emulator/src/model/errorCatalogue';
import type { ServerRequest } from '../lib/emulator';
import { forbiddenBodies, isLabelled, labelText } from '../lib/invariants';

test('a Custom Label is labelled, its placeholders matching the text filled in', () => {
    assert.ok(isLabelled(labelText('CheckoutKit_ErrorConflict')));
    assert.ok(isLabelled('Use 40 characters or fewer.'));
    assert.ok(!isLabelled('Use  characters or fewer.'), 'an empty placeholder is not filled in');
    assert.ok(!isLabelled('Use {0} characters or fewer. Really.'));
});

test('a message naming its field is labelled only when the message itself is', () => {
    const message = labelText('CheckoutKit_ValidationPostalCode');
    assert.ok(isLabelled(`Postal code: ${message}`));
    assert.ok(!isLabelled('Postal code: System.CalloutException: Read timed out'));
});

test('of the server texts, only the allow-listed shopper titles are labelled', () => {
    assert.ok(isLabelled(CALCULATOR_ERROR.tax.title));
    assert.ok(!isLabelled(CALCULATOR_ERROR.tax.detail), 'an exception text');
    assert.ok(
        !isLabelled('A checkout operation is still in progress. Retry when it completes.'),
        'a platform message is for developers'
    );
    assert.ok(!isLabelled(''));
    assert.ok(!isLabelled(undefined));
});

test('the fuzz test can leave the server texts out', () => {
    assert.ok(!isLabelled(CALCULATOR_ERROR.tax.title, new Set()));
    assert.ok(isLabelled(labelText('CheckoutKit_ErrorServer'), new Set()));
});

function logged(path: string, body: string | null, bodyTruncated = false): ServerRequest {
    return {
        seq: 1,
        method: 'PATCH',
        path: `/services/data/v66.0/commerce/webstores/0ZE000000000001/${path}`,
        query: {},
        queryString: '',
        headers: {},
        status: 202,
        body,
        bodyBytes: body?.length ?? 0,
        ...(bodyTruncated ? { bodyTruncated: true as const } : {}),
        startedAt: 0,
        endedAt: 0
    };
}

test('forbidden bodies are read from the logged text', () => {
    const allowed = logged('checkouts/2z9000000000001', '{"contactInfo":{"email":"a@b.co"}}');
    const forbidden = logged(
        'checkouts/2z9000000000001',
        '{"contactInfo":{"email":"a@b.co"},"deliveryMethodId":"2Dm000000000001"}'
    );
    const group = logged(
        'carts/0a6000000000001/delivery-groups/0a7000000000001',
        '{"deliveryMethodId":"2Dm000000000001","shippingInstructions":"x"}'
    );
    assert.deepEqual(forbiddenBodies([allowed]), []);
    assert.equal(forbiddenBodies([forbidden]).length, 1);
    assert.match(forbiddenBodies([forbidden])[0].detail, /deliveryMethodId with contactInfo/);
    assert.equal(forbiddenBodies([group]).length, 1);
});

test('a PATCH body the log cut short counts: it cannot be cleared', () => {
    const cut = logged('checkouts/2z9000000000001', '{"contactInfo":{"fi', true);
    assert.match(forbiddenBodies([cut])[0].detail, /too long to check/);
    const post = { ...cut, method: 'POST', path: cut.path + '/payments' };
    assert.deepEqual(forbiddenBodies([post]), []);
});
