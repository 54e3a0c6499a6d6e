/**
 * The contract's PATCH rules as the fake server applies them, written independently of patchRules.ts (from
 * the contract's table), so a bug in one is caught by the other.
 */
const FORBIDDEN_PAIRS = [
    'deliveryAddress+deliveryMethodId',
    'desiredDeliveryDate+deliveryMethodId',
    'shippingInstructions+deliveryMethodId',
    'desiredDeliveryDate+contactInfo',
    'shippingInstructions+contactInfo',
    'deliveryMethodId+contactInfo'
];

export function contractRejects(
    body: Record<string, unknown>,
    resource: 'checkout' | 'group'
): string | null {
    const keys = Object.keys(body).filter((key) => body[key] !== undefined);
    const known =
        resource === 'checkout'
            ? [
                  'contactInfo',
                  'deliveryAddress',
                  'desiredDeliveryDate',
                  'shippingInstructions',
                  'deliveryMethodId',
                  'customFields'
              ]
            : [
                  'deliveryAddress',
                  'desiredDeliveryDate',
                  'shippingInstructions',
                  'deliveryMethodId'
              ];
    if (keys.length === 0) return 'empty';
    const unknown = keys.find((key) => !known.includes(key));
    if (unknown) return `unknown property ${unknown}`;
    for (const pair of FORBIDDEN_PAIRS) {
        const [a, b] = pair.split('+');
        if (keys.includes(a) && keys.includes(b)) return pair;
    }
    if (keys.includes('customFields')) {
        const others = keys.filter((key) => key !== 'customFields');
        const items = body.customFields as Array<{ attributes?: { type?: string } }>;
        if (others.length === 0) return 'customFields alone';
        if (others.length === 1 && others[0] === 'shippingInstructions')
            return 'customFields with shippingInstructions only';
        if (!Array.isArray(items) || items.length === 0 || items.length > 21)
            return 'customFields size';
        const types = items.map((item) => item.attributes?.type);
        if (types.filter((type) => type === 'WebCart').length > 1) return 'two WebCarts';
        if (types.some((type) => type !== 'WebCart' && type !== 'CartDeliveryGroup'))
            return 'bad type';
        if (keys.includes('contactInfo') && types.includes('CartDeliveryGroup'))
            return 'contactInfo with CartDeliveryGroup fields';
    }
    return null;
}
