/**
 * Checkout snapshots for component tests, shaped like the engine's CheckoutSnapshot (types.ts).
 * `snapshotFor(phase, overrides)` starts from a ready guest checkout with one shipping group.
 */

const STANDARD = {
    id: '2DmSB0000000001',
    name: 'Standard',
    carrier: 'UPS',
    classOfService: 'Ground',
    currencyIsoCode: 'USD',
    shippingFee: '9.99',
    adjustedShippingFee: '9.99',
    transitTimeMin: 3,
    transitTimeMax: 5,
    transitTimeUnit: 'Days'
};

const EXPRESS = {
    id: '2DmSB0000000002',
    name: 'Express',
    carrier: 'FedEx',
    classOfService: 'Overnight',
    currencyIsoCode: 'USD',
    shippingFee: '24.00',
    adjustedShippingFee: '19.00',
    totalAdjustmentAmount: '-5.00',
    earliestEstimatedDeliveryTime: '2026-12-01T10:00:00.000Z',
    latestEstimatedDeliveryTime: '2026-12-02T10:00:00.000Z'
};

const ADDRESS = {
    name: 'Ada Lovelace',
    firstName: 'Ada',
    lastName: 'Lovelace',
    street: '1 Market St',
    city: 'San Francisco',
    region: 'CA',
    postalCode: '94105',
    country: 'US'
};

function deliveryGroup(id, overrides = {}) {
    return {
        id,
        name: `Group ${id}`,
        isDefault: false,
        isAllDigitalCartItems: false,
        requiresShipping: true,
        deliveryAddress: { ...ADDRESS },
        desiredDeliveryDate: null,
        shippingInstructions: null,
        availableDeliveryMethods: [STANDARD, EXPRESS],
        selectedDeliveryMethod: STANDARD,
        selectedDeliveryMethodId: STANDARD.id,
        ...overrides
    };
}

const READY_GUEST = {
    phase: 'ready',
    checkoutId: '2z9SB0000000001',
    checkout: null,
    contactInfo: {
        firstName: 'Ada',
        lastName: 'Lovelace',
        email: 'ada@example.com',
        phoneNumber: '4155550100',
        isoCountryCodeForPhoneNumber: 'US'
    },
    deliveryGroups: [deliveryGroup('0a7SB0000000001', { isDefault: true, name: 'Default' })],
    totals: {
        currencyIsoCode: 'USD',
        subtotal: '100.00',
        promotions: '-10.00',
        shipping: '9.99',
        tax: '8.25',
        grandTotal: '108.24'
    },
    session: {
        checkoutId: '2z9SB0000000001',
        isProcessing: false,
        isError: false,
        state: 'Checkout Summary',
        nextState: null
    },
    isGuest: true,
    edits: {},
    validation: {},
    messages: [],
    accountAddresses: [],
    order: null,
    canPlaceOrder: true,
    placeOrderBlockers: []
};

function snapshotFor(phase = 'ready', overrides = {}) {
    const snapshot = { ...READY_GUEST, phase, ...overrides };
    if (phase === 'loading' && !('checkoutId' in overrides)) {
        snapshot.checkoutId = null;
        snapshot.deliveryGroups = [];
        snapshot.totals = null;
        snapshot.canPlaceOrder = false;
        snapshot.placeOrderBlockers = ['not-loaded'];
    }
    if ((phase === 'processing' || phase === 'saving') && !('canPlaceOrder' in overrides)) {
        snapshot.canPlaceOrder = false;
        snapshot.placeOrderBlockers = ['processing'];
    }
    return snapshot;
}

function accountAddress(index, overrides = {}) {
    return {
        addressId: `8lWSB00000000${String(index).padStart(2, '0')}`,
        addressType: 'Shipping',
        name: `Warehouse ${index}`,
        street: `${index} Industrial Way`,
        city: 'Austin',
        region: 'TX',
        postalCode: '73301',
        country: 'US',
        isDefault: index === 1,
        ...overrides
    };
}

/** Resolves after pending promise callbacks and the re-render they cause. */
function flushPromises() {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

module.exports = {
    ADDRESS,
    STANDARD,
    EXPRESS,
    deliveryGroup,
    accountAddress,
    snapshotFor,
    flushPromises
};
