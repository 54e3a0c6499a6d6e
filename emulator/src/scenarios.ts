/**
 * The stores the emulator can play. Every scenario is plain data: the webstore, the buyer, the cart's
 * delivery groups and items, saved addresses, custom field definitions and the Industries CPQ cart.
 */
import { cents, type Cents } from './money';

export type CustomFieldType =
    | 'Checkbox'
    | 'Currency'
    | 'Date'
    | 'DateTime'
    | 'Time'
    | 'Email'
    | 'LongTextArea'
    | 'Number'
    | 'Percent'
    | 'Phone'
    | 'Text'
    | 'TextArea'
    | 'Url'
    | 'Address'
    | 'Location';

export interface CustomFieldDefinition {
    type: CustomFieldType;
    /** Text-like fields: the maximum length. */
    length?: number;
}

export interface ScenarioItem {
    name: string;
    sku: string;
    quantity: number;
    listPrice: Cents;
    unitPrice: Cents;
    isDigital?: boolean;
}

export interface ScenarioAddress {
    name: string;
    firstName?: string;
    lastName?: string;
    companyName?: string;
    street: string;
    city: string;
    region?: string;
    postalCode?: string;
    country: string;
}

export interface ScenarioAccountAddress extends ScenarioAddress {
    addressType: 'Shipping' | 'Billing';
    isDefault: boolean;
}

export interface ScenarioGroup {
    name: string;
    items: ScenarioItem[];
    /** Applied at start: a signed-in buyer's default shipping address. */
    useDefaultAddress?: boolean;
}

export interface CpqLine {
    name: string;
    /** Lines sharing a bundle are one offer; `required` children must be present for it to be complete. */
    bundle?: string;
    isRoot?: boolean;
    requiredChildren?: number;
    oneTime: number;
    recurring: number;
    quantity: number;
    fulfilmentStatus: string;
}

export interface CpqOrderData {
    status: string;
    orderStatus: string | null;
    supersededOrderId: string | null;
    isMultiSite: boolean;
    sites: string[];
    lines: CpqLine[];
}

export interface Scenario {
    name: string;
    description: string;
    isGuest: boolean;
    currencyIsoCode: string;
    buyer?: { firstName: string; lastName: string; email: string; phoneNumber: string };
    accountName: string;
    accountAddresses: ScenarioAccountAddress[];
    groups: ScenarioGroup[];
    /** A percentage off the product amount once it reaches the threshold. */
    promotion?: { name: string; percent: number; threshold: Cents };
    customFields: {
        WebCart: Record<string, CustomFieldDefinition>;
        CartDeliveryGroup: Record<string, CustomFieldDefinition>;
    };
    cpq?: CpqOrderData;
    /** The store takes no order without a payment (the admin made payment required); a reset may override it. */
    paymentRequired?: boolean;
}

/** The custom fields the seed's request examples use, plus one of each remaining allowed type. */
const DEFAULT_CUSTOM_FIELDS: Scenario['customFields'] = {
    WebCart: {
        MyCustomTextField__c: { type: 'Text', length: 255 },
        MyCustomNumberField__c: { type: 'Number' },
        MyCustomPercentField__c: { type: 'Percent' },
        MyCustomGeolocationField__c: { type: 'Location' },
        PurchaseOrderNote__c: { type: 'TextArea', length: 255 },
        GiftReceipt__c: { type: 'Checkbox' },
        InvoiceEmail__c: { type: 'Email' },
        ProjectUrl__c: { type: 'Url' },
        BudgetAmount__c: { type: 'Currency' },
        RequestedOn__c: { type: 'Date' },
        ApprovedAt__c: { type: 'DateTime' },
        PreferredTime__c: { type: 'Time' },
        DeliveryNotes__c: { type: 'LongTextArea', length: 32768 }
    },
    CartDeliveryGroup: {
        MyCustomTextField__c: { type: 'Text', length: 255 },
        MyCustomNumberField__c: { type: 'Number' },
        MyCustomPhoneField__c: { type: 'Phone' },
        MyCustomAddressField__c: { type: 'Address' },
        DockNumber__c: { type: 'Text', length: 20 }
    }
};

const SHOES: ScenarioItem = {
    name: 'Trail Running Shoes',
    sku: 'TRS-001',
    quantity: 1,
    listPrice: cents(99),
    unitPrice: cents(89)
};
const SOCKS: ScenarioItem = {
    name: 'Merino Wool Socks',
    sku: 'MWS-002',
    quantity: 2,
    listPrice: cents(18.5),
    unitPrice: cents(18.5)
};
const BOTTLE: ScenarioItem = {
    name: 'Insulated Water Bottle',
    sku: 'IWB-003',
    quantity: 1,
    listPrice: cents(24),
    unitPrice: cents(24)
};
const PALLET_WRAP: ScenarioItem = {
    name: 'Stretch Wrap Film, Case of 4',
    sku: 'SWF-410',
    quantity: 10,
    listPrice: cents(42),
    unitPrice: cents(37.8)
};
const SAFETY_GLOVES: ScenarioItem = {
    name: 'Cut-Resistant Gloves, Box of 12',
    sku: 'CRG-120',
    quantity: 5,
    listPrice: cents(64),
    unitPrice: cents(59)
};

const BUYER = {
    firstName: 'Dana',
    lastName: 'Whitfield',
    email: 'dana.whitfield@example.com',
    phoneNumber: '+14155550123'
};

const BUYER_ADDRESSES: ScenarioAccountAddress[] = [
    {
        addressType: 'Shipping',
        isDefault: true,
        name: 'Dana Whitfield',
        firstName: 'Dana',
        lastName: 'Whitfield',
        companyName: 'Northwind Supply',
        street: '415 Mission St',
        city: 'San Francisco',
        region: 'CA',
        postalCode: '94105',
        country: 'US'
    },
    {
        addressType: 'Shipping',
        isDefault: false,
        name: 'Northwind Warehouse',
        companyName: 'Northwind Supply',
        street: '1200 Harbor Blvd',
        city: 'Portland',
        region: 'OR',
        postalCode: '97209',
        country: 'US'
    },
    {
        addressType: 'Shipping',
        isDefault: false,
        name: 'Northwind Toronto',
        companyName: 'Northwind Supply',
        street: '100 King St W',
        city: 'Toronto',
        region: 'ON',
        postalCode: 'M5X 1A9',
        country: 'CA'
    },
    {
        addressType: 'Billing',
        isDefault: true,
        name: 'Northwind Accounts Payable',
        companyName: 'Northwind Supply',
        street: '500 Market St',
        city: 'San Francisco',
        region: 'CA',
        postalCode: '94104',
        country: 'US'
    }
];

/** The signed-in B2B buyer of the b2b-buyer, multi-group and cpq scenarios: Dana at Northwind Supply. */
const NORTHWIND_BUYER: Pick<Scenario, 'isGuest' | 'buyer' | 'accountName' | 'accountAddresses'> = {
    isGuest: false,
    buyer: BUYER,
    accountName: 'Northwind Supply',
    accountAddresses: BUYER_ADDRESSES
};

const PROMOTION = { name: '10% off orders of $100 or more', percent: 10, threshold: cents(100) };

export const SCENARIOS: Record<string, Scenario> = {
    'd2c-guest': {
        name: 'd2c-guest',
        description:
            'A guest shopper in a D2C store: no saved addresses, contact information to enter.',
        isGuest: true,
        currencyIsoCode: 'USD',
        accountName: 'Guest Buyer Profile',
        accountAddresses: [],
        groups: [{ name: 'Default Delivery', items: [SHOES, SOCKS, BOTTLE] }],
        promotion: PROMOTION,
        customFields: DEFAULT_CUSTOM_FIELDS
    },
    'b2b-buyer': {
        name: 'b2b-buyer',
        description:
            'A signed-in B2B buyer with saved addresses; the default one is applied at start. Pays by purchase order: no order without a payment.',
        ...NORTHWIND_BUYER,
        paymentRequired: true,
        currencyIsoCode: 'USD',
        groups: [
            {
                name: 'Default Delivery',
                items: [PALLET_WRAP, SAFETY_GLOVES],
                useDefaultAddress: true
            }
        ],
        promotion: PROMOTION,
        customFields: DEFAULT_CUSTOM_FIELDS
    },
    'multi-group': {
        name: 'multi-group',
        description:
            'A signed-in buyer shipping to two places: the default group starts at the saved address, the other is empty.',
        ...NORTHWIND_BUYER,
        currencyIsoCode: 'USD',
        groups: [
            { name: 'Head Office', items: [PALLET_WRAP], useDefaultAddress: true },
            { name: 'Warehouse', items: [SAFETY_GLOVES, BOTTLE] }
        ],
        promotion: PROMOTION,
        customFields: DEFAULT_CUSTOM_FIELDS
    },
    'digital-only': {
        name: 'digital-only',
        description: 'A guest buying only digital goods: no shipping, no delivery method.',
        isGuest: true,
        currencyIsoCode: 'USD',
        accountName: 'Guest Buyer Profile',
        accountAddresses: [],
        groups: [
            {
                name: 'Digital Delivery',
                items: [
                    {
                        name: 'Trail Maps Subscription, 1 year',
                        sku: 'TMS-12M',
                        quantity: 1,
                        listPrice: cents(39),
                        unitPrice: cents(39),
                        isDigital: true
                    },
                    {
                        name: 'E-Gift Card',
                        sku: 'EGC-050',
                        quantity: 1,
                        listPrice: cents(50),
                        unitPrice: cents(50),
                        isDigital: true
                    }
                ]
            }
        ],
        customFields: DEFAULT_CUSTOM_FIELDS
    },
    cpq: {
        name: 'cpq',
        description:
            'A signed-in buyer of an Industries CPQ offer: one-time and recurring charges, submitted through the CPQ checkout.',
        ...NORTHWIND_BUYER,
        currencyIsoCode: 'USD',
        groups: [
            {
                name: 'Default Delivery',
                items: [
                    {
                        name: 'Business Fiber 1 Gbps',
                        sku: 'FIB-1G',
                        quantity: 1,
                        listPrice: cents(199),
                        unitPrice: cents(149)
                    },
                    {
                        name: 'Managed Router',
                        sku: 'RTR-MGD',
                        quantity: 1,
                        listPrice: cents(120),
                        unitPrice: cents(99)
                    }
                ],
                useDefaultAddress: true
            }
        ],
        customFields: DEFAULT_CUSTOM_FIELDS,
        cpq: {
            status: 'Draft',
            orderStatus: null,
            supersededOrderId: null,
            isMultiSite: false,
            sites: [],
            lines: [
                {
                    name: 'Business Fiber 1 Gbps',
                    bundle: 'FIBER',
                    isRoot: true,
                    requiredChildren: 1,
                    oneTime: 149,
                    recurring: 89.99,
                    quantity: 1,
                    fulfilmentStatus: 'Activated'
                },
                {
                    name: 'Managed Router',
                    bundle: 'FIBER',
                    oneTime: 99,
                    recurring: 9.99,
                    quantity: 1,
                    fulfilmentStatus: 'Activated'
                },
                {
                    name: 'Static IP Block /29',
                    oneTime: 0,
                    recurring: 15,
                    quantity: 1,
                    fulfilmentStatus: 'Activated'
                }
            ]
        }
    }
};

export const SCENARIO_NAMES = Object.keys(SCENARIOS);
