import fc from 'fast-check';
import type { ScriptedAnswer } from './support/fakeCheckout';
import { SAMPLE_ADDRESS, contractRejects, setup } from './support/fakeCheckout';

const GROUPS = ['0a70000000000AAA', '0a70000000001AAA'];

type Intent =
    | { kind: 'contact'; field: 'firstName' | 'lastName' | 'email'; value: string }
    | { kind: 'address'; group: number; street: string }
    | { kind: 'date'; group: number; value: string }
    | { kind: 'instructions'; group: number; value: string }
    | { kind: 'method'; group: number; method: 'std' | 'exp' }
    | { kind: 'webCart'; field: 'A__c' | 'B__c'; value: string }
    | { kind: 'groupField'; group: number; value: number }
    | { kind: 'wait'; ms: number };

const group = fc.integer({ min: 0, max: GROUPS.length - 1 });
const intent: fc.Arbitrary<Intent> = fc.oneof(
    fc.record({
        kind: fc.constant('contact' as const),
        field: fc.constantFrom('firstName' as const, 'lastName' as const),
        value: fc.constantFrom('Ada', 'Grace', 'Alan', 'Edsger')
    }),
    fc.record({
        kind: fc.constant('contact' as const),
        field: fc.constant('email' as const),
        value: fc.constantFrom('ada@example.com', 'grace@example.org')
    }),
    fc.record({
        kind: fc.constant('address' as const),
        group,
        street: fc.constantFrom('1 Main St', '2 Pier Rd', '3 Hill Ave')
    }),
    fc.record({
        kind: fc.constant('date' as const),
        group,
        value: fc.constantFrom('2030-01-01', '2030-02-02')
    }),
    fc.record({
        kind: fc.constant('instructions' as const),
        group,
        value: fc.constantFrom('Gate 4', 'Back door', '')
    }),
    fc.record({
        kind: fc.constant('method' as const),
        group,
        method: fc.constantFrom('std' as const, 'exp' as const)
    }),
    fc.record({
        kind: fc.constant('webCart' as const),
        field: fc.constantFrom('A__c' as const, 'B__c' as const),
        value: fc.constantFrom('x', 'y', 'z')
    }),
    fc.record({
        kind: fc.constant('groupField' as const),
        group,
        value: fc.integer({ min: 0, max: 9 })
    }),
    fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 600 }) })
);

/** Random server answers: most requests are served normally, the rest fail in every way the API can. */
function faultInjector(seed: number, rate: number) {
    let state = seed || 1;
    const next = () => {
        state = (state * 48271) % 2147483647;
        return state / 2147483647;
    };
    const failures: ScriptedAnswer[] = [
        { status: 409, body: [{ errorCode: 'CHECKOUT_CONFLICT', message: 'elsewhere' }] },
        { status: 500 },
        { status: 503 },
        'network'
    ];
    return (method: string): ScriptedAnswer | null => {
        if (next() >= rate) return null;
        if (method === 'PATCH' && next() < 0.1) return { status: 410 };
        return failures[Math.floor(next() * failures.length)];
    };
}

describe('random intents against random server answers', () => {
    it('never overlaps writes, never sends a forbidden body, and ends with the last intent on the server', async () => {
        await fc.assert(
            fc.asyncProperty(
                fc.array(intent, { minLength: 1, maxLength: 25 }),
                fc.integer({ min: 1, max: 2 ** 30 }),
                fc.constantFrom(0, 0.15, 0.35),
                fc.boolean(),
                async (intents, seed, rate, calculatorFailures) => {
                    const harness = await setup({
                        groups: 2,
                        withAddress: true,
                        guest: true
                    }).loaded();
                    const { server, store, clock } = harness;
                    server.faultInjector = faultInjector(seed, rate);
                    const expected = new Map<string, unknown>();
                    for (const step of intents) {
                        if (calculatorFailures && step.kind !== 'wait' && seed % 3 === 0) {
                            server.failNextCalculation = {
                                type: '/commerce/errors/checkout-failure',
                                detail: 'Tax failed.'
                            };
                        }
                        switch (step.kind) {
                            case 'contact':
                                store.updateContact({ [step.field]: step.value });
                                expected.set(`contact.${step.field}`, step.value);
                                break;
                            case 'address':
                                store.updateShipping(GROUPS[step.group], {
                                    deliveryAddress: { ...SAMPLE_ADDRESS, street: step.street }
                                });
                                expected.set(`address.${step.group}`, step.street);
                                break;
                            case 'date':
                                store.updateShipping(GROUPS[step.group], {
                                    desiredDeliveryDate: step.value
                                });
                                expected.set(`date.${step.group}`, step.value);
                                break;
                            case 'instructions':
                                store.updateShipping(GROUPS[step.group], {
                                    shippingInstructions: step.value
                                });
                                expected.set(`instructions.${step.group}`, step.value);
                                break;
                            case 'method': {
                                const id = `2Dm-${step.method}-${GROUPS[step.group]}`;
                                store.selectDeliveryMethod(GROUPS[step.group], id);
                                expected.set(`method.${step.group}`, id);
                                break;
                            }
                            case 'webCart':
                                store.updateCustomFields(
                                    { type: 'WebCart' },
                                    { [step.field]: step.value }
                                );
                                expected.set(`webCart.${step.field}`, step.value);
                                break;
                            case 'groupField':
                                store.updateCustomFields(
                                    { type: 'CartDeliveryGroup', groupId: GROUPS[step.group] },
                                    { N__c: step.value }
                                );
                                expected.set(`groupField.${step.group}`, step.value);
                                break;
                            case 'wait':
                                await clock.advance(step.ms);
                                break;
                        }
                    }
                    await harness.idle();
                    // Faults stop; the shopper retries whatever failed. Nothing typed may be lost.
                    server.faultInjector = null;
                    for (let attempt = 0; attempt < 3; attempt += 1) {
                        store.retryFailed();
                        await harness.idle();
                    }

                    expect(server.maxWritesInFlight).toBeLessThanOrEqual(1);
                    expect(server.forbiddenBodies).toEqual([]);
                    for (const patch of server.patches) {
                        const resource = patch.path.includes('/delivery-groups/')
                            ? 'group'
                            : 'checkout';
                        expect(
                            contractRejects(patch.body as Record<string, unknown>, resource)
                        ).toBeNull();
                    }
                    expect(store.getSnapshot().edits).toEqual({});
                    const actual = (key: string): unknown => {
                        const [area, name] = key.split('.');
                        const index = Number(name);
                        switch (area) {
                            case 'contact':
                                return server.contactInfo?.[name as 'email'];
                            case 'address':
                                return server.groups[index].deliveryAddress?.street;
                            case 'date':
                                return server.groups[index].desiredDeliveryDate;
                            case 'instructions':
                                return server.groups[index].shippingInstructions ?? '';
                            case 'method':
                                return server.groups[index].selectedMethodId;
                            case 'webCart':
                                return server.webCartFields[name];
                            default:
                                return server.groups[index].customFields.N__c;
                        }
                    };
                    for (const [key, value] of expected)
                        expect([key, actual(key)]).toEqual([key, value]);
                    store.dispose();
                }
            ),
            { numRuns: 60 }
        );
    });
});
