/** The bench's own checks: the independent PATCH rules, the lower bound, overlap detection, percentiles. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findWaits, percentile, runFigures } from '../lib/analysis';
import type { ProcessingRecord } from '../lib/emulator';
import { overlappingWrites } from '../lib/invariants';
import type { JournalEntry } from '../lib/node-transport';
import {
    checkoutPatchViolations,
    deliveryGroupPatchViolations,
    patchViolations
} from '../lib/patch-rules';

const address = {
    name: 'A J',
    street: '1 Main St',
    city: 'Boston',
    country: 'US',
    postalCode: '02110'
};
const webCart = { attributes: { type: 'WebCart' }, MyCustomTextField__c: 'Foo' };
const group = {
    attributes: { type: 'CartDeliveryGroup' },
    Id: '0a7x',
    MyCustomTextField__c: 'Bar'
};

test('the documented combinations are allowed', () => {
    for (const body of [
        { contactInfo: { email: 'a@b.co' } },
        { contactInfo: { email: 'a@b.co' }, deliveryAddress: address },
        { contactInfo: { email: 'a@b.co' }, customFields: [webCart] },
        { deliveryAddress: address, desiredDeliveryDate: '2026-12-01', shippingInstructions: 'x' },
        { deliveryAddress: address, shippingInstructions: 'x', customFields: [webCart, group] },
        { deliveryMethodId: '2Dm1', customFields: [webCart, group] },
        { shippingInstructions: 'x' }
    ]) {
        assert.deepEqual(checkoutPatchViolations(body), [], JSON.stringify(body));
    }
});

test('every documented forbidden combination is caught', () => {
    for (const body of [
        {},
        { deliveryAddress: address, deliveryMethodId: '2Dm1' },
        { desiredDeliveryDate: '2026-12-01', deliveryMethodId: '2Dm1' },
        { shippingInstructions: 'x', deliveryMethodId: '2Dm1' },
        { desiredDeliveryDate: '2026-12-01', contactInfo: {} },
        { shippingInstructions: 'x', contactInfo: {} },
        { deliveryMethodId: '2Dm1', contactInfo: {} },
        { customFields: [webCart] },
        { shippingInstructions: 'x', customFields: [webCart] },
        { contactInfo: {}, customFields: [group] },
        { deliveryAddress: address, customFields: Array.from({ length: 22 }, () => group) },
        { deliveryAddress: address, customFields: [webCart, webCart] },
        {
            deliveryAddress: address,
            customFields: [{ ...group, MyCustomAddressField__c: { country: 'United States' } }]
        },
        { deliveryAddress: address, surprise: true }
    ]) {
        assert.notDeepEqual(checkoutPatchViolations(body), [], JSON.stringify(body));
    }
});

test('delivery-group PATCHes: the method travels alone', () => {
    assert.deepEqual(deliveryGroupPatchViolations({ deliveryMethodId: '2Dm1' }), []);
    assert.deepEqual(
        deliveryGroupPatchViolations({ deliveryAddress: address, shippingInstructions: 'x' }),
        []
    );
    assert.notDeepEqual(
        deliveryGroupPatchViolations({ deliveryMethodId: '2Dm1', shippingInstructions: 'x' }),
        []
    );
    assert.notDeepEqual(
        patchViolations(
            'PATCH',
            '/services/data/v66.0/commerce/webstores/0ZE1/carts/0a61/delivery-groups/0a71',
            {}
        ),
        []
    );
    assert.deepEqual(
        patchViolations('GET', '/services/data/v66.0/commerce/webstores/0ZE1/checkouts/2z91', {}),
        []
    );
});

function entry(
    method: string,
    path: string,
    sentAt: number,
    receivedAt: number,
    status: number
): JournalEntry {
    return { client: 'c', kind: 'connect', method, path, sentAt, receivedAt, status };
}

test('the lower bound: writes, plus processing and the return leg of one GET per wait', () => {
    const journal = [
        entry('POST', '/checkouts', 0, 100, 202),
        entry('GET', '/checkouts/2z9', 150, 250, 202),
        entry('GET', '/checkouts/2z9', 700, 800, 200),
        entry('PATCH', '/checkouts/2z9', 800, 900, 200),
        entry('POST', '/checkouts/2z9/orders', 900, 1000, 201)
    ];
    const processing: ProcessingRecord[] = [
        {
            checkoutId: '2z9',
            kind: 'start',
            calculators: ['pricing'],
            startedAt: 50,
            readyAt: 600,
            outcome: 'ready'
        }
    ];
    const figures = runFigures(journal, processing);
    // start: ready 600 + half the final GET's 100 ms round trip; PATCH 100; order 100.
    assert.equal(figures.lowerBoundMs, 650 + 100 + 100);
    assert.equal(figures.wallMs, 1000);
    assert.equal(figures.requests, 5);
    assert.equal(figures.patches, 1);
    assert.equal(figures.gets, 2);
    assert.equal(figures.waits.length, 1);
    assert.equal(figures.waits[0].polls, 2);
    assert.equal(figures.waits[0].lagMs, 200);
    assert.equal(figures.waits[0].avoidableLagMs, 150);
});

test('a start is a start whether it goes as POST or as PUT (create or get)', () => {
    for (const method of ['POST', 'PUT']) {
        const waits = findWaits(
            [
                entry(method, '/checkouts', 0, 100, 202),
                entry('GET', '/checkouts/2z9', 700, 800, 200)
            ],
            []
        );
        assert.deepEqual(
            waits.map((wait) => wait.kind),
            ['start'],
            method
        );
    }
});

test('overlapping writes are found per client, reads never count', () => {
    const journal = [
        entry('PATCH', '/checkouts/2z9', 0, 100, 202),
        entry('GET', '/checkouts/2z9', 50, 60, 202),
        entry('PATCH', '/checkouts/2z9', 100, 200, 202),
        { ...entry('PATCH', '/checkouts/2z9', 150, 250, 202), client: 'other tab' },
        entry('POST', '/checkouts/2z9/orders', 190, 300, 201)
    ];
    const found = overlappingWrites(journal);
    assert.equal(found.length, 1);
    assert.match(found[0].detail, /orders/);
});

test('nearest-rank percentiles', () => {
    const values = Array.from({ length: 20 }, (_, index) => index + 1);
    assert.equal(percentile(values, 0.5), 10);
    assert.equal(percentile(values, 0.95), 19);
    assert.ok(Number.isNaN(percentile([], 0.5)));
});
