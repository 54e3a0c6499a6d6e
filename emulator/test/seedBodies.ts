/**
 * The PATCH request bodies of the seed (seeds/004_*.txt), as written there except for the record ids,
 * which are this checkout's. The seed's `state` and `country` address subfields are kept: the emulator
 * ignores them with a warning, since the API can't set them.
 */
export interface SeedIds {
    cartId: string;
    groupId: string;
    deliveryMethodId: string;
}

const webCart = (ids: SeedIds) => ({
    attributes: { type: 'WebCart' },
    Id: ids.cartId,
    MyCustomTextField__c: 'Foo',
    MyCustomNumberField__c: 12.34,
    MyCustomPercentField__c: 0.2345,
    MyCustomGeolocationField__c: { latitude: 33.345, longitude: 45.567 }
});

const deliveryGroup = (ids: SeedIds) => ({
    attributes: { type: 'CartDeliveryGroup' },
    Id: ids.groupId,
    MyCustomTextField__c: 'Bar',
    MyCustomNumberField__c: 4.55,
    MyCustomPhoneField__c: '******1212',
    MyCustomAddressField__c: {
        street: '100 Folsom Street',
        city: 'San Francisco',
        state: 'California',
        stateCode: 'US_CA',
        postalCode: '93555',
        country: 'United States',
        countryCode: 'US',
        geocodeAccuracy: 'City',
        latitude: 34,
        longitude: 85.9
    }
});

const contactInfo = {
    firstName: 'Alan',
    lastName: 'Johnson',
    email: 'al**@jo*****.com',
    phoneNumber: '******3944'
};

const deliveryAddress = {
    name: 'Alan Johnson',
    firstName: 'Alan',
    lastName: 'Johnson',
    region: 'CA',
    country: 'US',
    city: 'San Francisco',
    street: '415 Mission St',
    postalCode: '94105'
};

export const seedBodies: Record<string, (ids: SeedIds) => Record<string, unknown>> = {
    'contact information and Cart custom fields': (ids) => ({
        contactInfo,
        customFields: [webCart(ids)]
    }),
    'delivery method and custom fields': (ids) => ({
        deliveryMethodId: ids.deliveryMethodId,
        customFields: [webCart(ids), deliveryGroup(ids)]
    }),
    'shipping information and custom fields': (ids) => ({
        deliveryAddress,
        desiredDeliveryDate: '2021-05-28T16:41:41.090Z',
        shippingInstructions: 'type code 1234 on gate keypad',
        customFields: [webCart(ids), deliveryGroup(ids)]
    }),
    'shipping information without custom fields': () => ({
        deliveryAddress,
        desiredDeliveryDate: '2021-05-28T16:41:41.090Z',
        shippingInstructions: 'type code 1234 on gate keypad'
    }),
    'guest contact information and delivery address': () => ({ contactInfo, deliveryAddress })
};
