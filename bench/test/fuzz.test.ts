/**
 * Bad input: fuzzed contact, address and custom-field values through the real engine. Each value either gets a
 * labelled validation message (and stays on screen, unsent) or is accepted and reaches the server unchanged.
 */
import fc from 'fast-check';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type {
    CheckoutAddress,
    CheckoutStore,
    ContactInfo,
    CustomFieldType
} from '../../force-app/main/default/lwc/checkoutStore/types';
import { loadEngine } from '../lib/engine';
import { isLabelled } from '../lib/invariants';
import { MEMORY_GROUP_ID, createMemoryServer, type MemoryServer } from '../lib/memory-transport';
import { checkoutPatchViolations } from '../lib/patch-rules';
import { guestAddress } from '../lib/shopper';

const engine = loadEngine();
const NO_SERVER_TEXT = new Set<string>();
const RUNS = 120;

const hostileString = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.string({ unit: 'grapheme-ascii', minLength: 200, maxLength: 5000 }),
    fc.constantFrom(
        '<script>alert(1)</script>',
        '"><img src=x onerror=alert(1)>',
        '\u0000\u0007\u001b[31m',
        '\u202eevil\u202c',
        'Zoë 😀 北京',
        '   ',
        '',
        "Robert'); DROP TABLE Orders;--"
    ),
    fc.emailAddress(),
    fc.constantFrom(
        '+16175551212',
        '617 555 1212',
        '+4930123456',
        'US',
        'CA',
        'DE',
        'XX',
        'us',
        '94105',
        'M5H 2N2'
    )
);

interface Fixture {
    server: MemoryServer;
    store: CheckoutStore;
}

async function loadedStore(customFieldTypes?: Record<string, CustomFieldType>): Promise<Fixture> {
    const server = createMemoryServer();
    const store = engine.createCheckoutStore({
        transport: server.transport,
        isGuest: true,
        customFieldTypes: customFieldTypes ? { WebCart: customFieldTypes } : undefined,
        connectivity: { isOnline: () => true, onOnline: () => () => undefined }
    });
    await store.load();
    await store.whenIdle();
    return { server, store };
}

function validationFor(store: CheckoutStore, prefix: string): string[] {
    const { validation } = store.getSnapshot();
    return Object.entries(validation)
        .filter(([key]) => key === prefix || key.startsWith(`${prefix}.`))
        .map(([, message]) => message);
}

function assertAllLabelled(messages: string[]): void {
    for (const message of messages)
        assert.ok(isLabelled(message, NO_SERVER_TEXT), `unlabelled: ${message}`);
}

function assertNoForbiddenBodies(server: MemoryServer): void {
    for (const body of server.patches)
        assert.deepEqual(checkoutPatchViolations(body), [], JSON.stringify(body));
}

const isBlank = (value: unknown) =>
    value === undefined || value === null || String(value).trim() === '';

/**
 * Equal as typed. Two normalisations are accepted: surrounding whitespace is trimmed, and a blank entry means
 * the same as an absent one (the engine drops blank edits).
 */
function sameEntry(shown: unknown, typed: unknown): boolean {
    if (shown === typed || (isBlank(shown) && isBlank(typed))) return true;
    return typeof shown === 'string' && typeof typed === 'string' && shown.trim() === typed.trim();
}

/** What travels on the wire: JSON. */
function asJson(value: unknown): unknown {
    return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

test('fuzzed contact values: a labelled message, or sent unchanged', async () => {
    const contact = fc.record(
        {
            firstName: hostileString,
            lastName: hostileString,
            email: hostileString,
            phoneNumber: hostileString,
            isoCountryCodeForPhoneNumber: hostileString
        },
        { requiredKeys: [] }
    );
    await fc.assert(
        fc.asyncProperty(contact, async (values: Partial<ContactInfo>) => {
            const { server, store } = await loadedStore();
            try {
                store.updateContact(values);
                const invalid = validationFor(store, 'contact');
                assertAllLabelled(invalid);
                const shown = store.getSnapshot().contactInfo;
                for (const [key, value] of Object.entries(values)) {
                    const entry = shown[key as keyof ContactInfo];
                    assert.ok(sameEntry(entry, value), `contact.${key} must stay as typed`);
                }
                await store.whenIdle();
                const sentContact = server.patches.map(
                    (body) => (body as { contactInfo?: ContactInfo }).contactInfo
                );
                for (const [key, value] of Object.entries(values)) {
                    const field = key as keyof ContactInfo;
                    // A national phone number (no leading +) is only valid with its country: a message on
                    // either blocks it. An international one stands alone.
                    const national =
                        field === 'phoneNumber' && !String(value).trim().startsWith('+');
                    const rejected =
                        validationFor(store, `contact.${key}`).length > 0 ||
                        (national &&
                            validationFor(store, 'contact.isoCountryCodeForPhoneNumber').length >
                                0);
                    if (rejected) {
                        const leaked = sentContact.some(
                            (sent) => sent?.[field] !== undefined && sameEntry(sent[field], value)
                        );
                        assert.ok(
                            !leaked,
                            `contact.${key} ${JSON.stringify(value)} was sent despite its message`
                        );
                        continue;
                    }
                    const saved = server.checkout.contactInfo?.[field];
                    const heldWithInvalidSibling =
                        invalid.length > 0 &&
                        sameEntry(store.getSnapshot().contactInfo[field], value);
                    assert.ok(
                        sameEntry(saved, value) || heldWithInvalidSibling,
                        `contact.${key}: typed ${JSON.stringify(value)}, server has ${JSON.stringify(saved)}`
                    );
                }
                assertNoForbiddenBodies(server);
            } finally {
                store.dispose();
            }
        }),
        { numRuns: RUNS, includeErrorInReport: true }
    );
});

test('fuzzed address values: a labelled message, or sent unchanged', async () => {
    const address = fc.record({
        name: fc.oneof(fc.constant(guestAddress.name), hostileString),
        street: fc.oneof(fc.constant(guestAddress.street), hostileString),
        city: fc.oneof(fc.constant(guestAddress.city), hostileString),
        region: fc.oneof(fc.constant(guestAddress.region), hostileString),
        postalCode: fc.oneof(fc.constant(guestAddress.postalCode), hostileString),
        country: fc.oneof(fc.constant(guestAddress.country), hostileString)
    });
    await fc.assert(
        fc.asyncProperty(address, async (fields) => {
            const { server, store } = await loadedStore();
            try {
                const typed: CheckoutAddress = { ...guestAddress, ...fields };
                store.updateShipping(MEMORY_GROUP_ID, { deliveryAddress: typed });
                const key = `group.${MEMORY_GROUP_ID}.deliveryAddress`;
                const invalid = validationFor(store, key);
                assertAllLabelled(invalid);
                const shown = store.getSnapshot().deliveryGroups[0].deliveryAddress ?? {};
                // `name` is not one of the address fields the engine keeps and sends: the platform composes it.
                for (const [field, value] of Object.entries(typed).filter(([f]) => f !== 'name')) {
                    const entry = shown[field as keyof CheckoutAddress];
                    assert.ok(
                        sameEntry(entry, value),
                        `deliveryAddress.${field} must stay as typed`
                    );
                }
                await store.whenIdle();
                const sent = server.patches.map(
                    (body) => (body as { deliveryAddress?: CheckoutAddress }).deliveryAddress
                );
                if (invalid.length > 0) {
                    assert.equal(sent.filter(Boolean).length, 0, 'an invalid address was sent');
                } else {
                    const saved = server.checkout.deliveryGroups.items[0].deliveryAddress ?? {};
                    // `name` is not sent: the platform composes it (docs/contract-decisions.md, "Addresses").
                    for (const [field, value] of Object.entries(typed).filter(
                        ([f]) => f !== 'name'
                    )) {
                        const entry = saved[field as keyof CheckoutAddress];
                        assert.ok(
                            sameEntry(entry, value),
                            `deliveryAddress.${field} changed on the way`
                        );
                    }
                }
                assertNoForbiddenBodies(server);
            } finally {
                store.dispose();
            }
        }),
        { numRuns: RUNS, includeErrorInReport: true }
    );
});

const CUSTOM_TYPES: CustomFieldType[] = [
    'Checkbox',
    'Currency',
    'Date',
    'DateTime',
    'Time',
    'Email',
    'Number',
    'Percent',
    'Phone',
    'Text',
    'TextArea',
    'LongTextArea',
    'Url',
    'Address',
    'Location'
];

const customValue = fc.oneof(
    hostileString,
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constantFrom(
        '2026-02-30',
        '2026-12-01',
        '2026-12-01T10:20:30.000Z',
        '2026-12-01T10:20:30.000+02:00',
        '10:20.30.000Z',
        'https://example.com',
        'javascript:alert(1)'
    ),
    fc.record({ latitude: fc.double(), longitude: fc.double() }),
    fc.record(
        {
            street: hostileString,
            city: hostileString,
            countryCode: fc.constantFrom('US', 'XX', ''),
            stateCode: fc.constantFrom('US_CA', 'CA', ''),
            country: fc.constant('United States'),
            state: fc.constant('California')
        },
        { requiredKeys: [] }
    )
);

/** The engine's equality for a field value (`sameValue`): `''`, null and absent are one value, unset. */
const isUnset = (value: unknown) => value === undefined || value === null || value === '';

/** The WebCart custom field as the server holds it. */
function savedWebCartField(server: MemoryServer, field: string): unknown {
    return server.checkout.customFields?.find((item) => item.attributes?.type === 'WebCart')?.[
        field
    ];
}

test('fuzzed custom-field values: a labelled message, or sent unchanged with a valid carrier', async () => {
    await fc.assert(
        fc.asyncProperty(fc.constantFrom(...CUSTOM_TYPES), customValue, async (type, value) => {
            const { server, store } = await loadedStore({ Fuzzed__c: type });
            try {
                const savedBefore = savedWebCartField(server, 'Fuzzed__c');
                store.updateCustomFields({ type: 'WebCart' }, { Fuzzed__c: value });
                const key = 'custom.WebCart.Fuzzed__c';
                const invalid = validationFor(store, key);
                assertAllLabelled(invalid);
                // Custom fields never travel alone: a valid address edit carries them.
                store.updateShipping(MEMORY_GROUP_ID, { deliveryAddress: guestAddress });
                await store.whenIdle();
                const sentValues = server.patches.flatMap((body) =>
                    (
                        (body as { customFields?: Array<Record<string, unknown>> }).customFields ??
                        []
                    ).map((item) => item.Fuzzed__c)
                );
                if (invalid.length > 0) {
                    assert.equal(
                        sentValues.filter((sent) => sent !== undefined).length,
                        0,
                        'an invalid custom field was sent'
                    );
                    const kept = store.getSnapshot().edits[key];
                    assert.ok(kept, 'the invalid value must be kept');
                    assert.deepEqual(asJson(kept.value), asJson(value));
                } else if (isUnset(value) && isUnset(savedBefore)) {
                    // Blank over unset is the saved value already: no edit, nothing to send.
                    assert.equal(
                        store.getSnapshot().edits[key],
                        undefined,
                        'a no-op edit was kept'
                    );
                    assert.equal(
                        sentValues.filter((sent) => sent !== undefined).length,
                        0,
                        `blank ${type} value sent over an unset field`
                    );
                    assert.ok(
                        isUnset(savedWebCartField(server, 'Fuzzed__c')),
                        'saved value changed'
                    );
                } else {
                    assert.deepEqual(
                        asJson(sentValues.at(-1)),
                        asJson(value),
                        `${type} value changed on the way`
                    );
                    assert.deepEqual(
                        asJson(savedWebCartField(server, 'Fuzzed__c')),
                        asJson(value),
                        `${type} value not saved`
                    );
                }
                assertNoForbiddenBodies(server);
            } finally {
                store.dispose();
            }
        }),
        { numRuns: RUNS, includeErrorInReport: true }
    );
});
