/**
 * Countries the org's State/Country picklist knows, their regions, shipping zones and tax rates.
 * Deterministic tables: the same address always yields the same delivery methods and tax.
 */
import { cents, type Cents } from './money';

const REGION_NAMES = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
/** Codes ICU names that are not countries. */
const NOT_COUNTRIES = new Set(['ZZ', 'EU', 'EZ', 'UN', 'QO']);

/** The emulated State/Country picklist: every ISO 3166-1 alpha-2 country code. */
export function isCountryCode(code: string): boolean {
    return (
        /^[A-Z]{2}$/.test(code) && !NOT_COUNTRIES.has(code) && REGION_NAMES.of(code) !== undefined
    );
}

/** Regions are validated only where the picklist has states for the country. */
export const REGIONS: Record<string, Set<string>> = {
    US: new Set([
        'AL',
        'AK',
        'AZ',
        'AR',
        'CA',
        'CO',
        'CT',
        'DE',
        'DC',
        'FL',
        'GA',
        'HI',
        'ID',
        'IL',
        'IN',
        'IA',
        'KS',
        'KY',
        'LA',
        'ME',
        'MD',
        'MA',
        'MI',
        'MN',
        'MS',
        'MO',
        'MT',
        'NE',
        'NV',
        'NH',
        'NJ',
        'NM',
        'NY',
        'NC',
        'ND',
        'OH',
        'OK',
        'OR',
        'PA',
        'RI',
        'SC',
        'SD',
        'TN',
        'TX',
        'UT',
        'VT',
        'VA',
        'WA',
        'WV',
        'WI',
        'WY',
        'PR'
    ]),
    CA: new Set(['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT']),
    AU: new Set(['ACT', 'NSW', 'NT', 'QLD', 'SA', 'TAS', 'VIC', 'WA'])
};

/** The documented test postal code: the shipping calculator finds no delivery method for it. */
export const NO_DELIVERY_POSTAL_CODE = '00000';

const US_REMOTE_REGIONS = new Set(['AK', 'HI', 'PR']);
const EU = new Set(['DE', 'FR', 'NL', 'BE', 'ES', 'IT', 'AT', 'IE', 'PT', 'DK', 'SE', 'FI', 'PL']);

export interface MethodTemplate {
    code: string;
    name: string;
    carrier: string;
    classOfService: string;
    fee: Cents;
    /** A promotion on the fee: a fixed amount off, or free at or above a product amount. */
    promotion?: { amountOff?: Cents; freeFrom?: Cents };
    processDays: number;
    transitMin: number;
    transitMax: number;
}

/** The delivery methods a carrier offers for an address; an empty list when nobody ships there. */
export function methodTemplatesFor(
    country: string,
    region: string | undefined,
    postalCode: string | undefined
): MethodTemplate[] {
    if ((postalCode ?? '').trim() === NO_DELIVERY_POSTAL_CODE) return [];
    if (country === 'US') {
        const remote = US_REMOTE_REGIONS.has(region ?? '');
        const surcharge = remote ? cents(12) : 0;
        const methods: MethodTemplate[] = [
            {
                code: 'GROUND',
                name: 'Standard Ground',
                carrier: 'UPS',
                classOfService: 'UPS Ground',
                fee: cents(7.99) + surcharge,
                promotion: remote ? undefined : { freeFrom: cents(75) },
                processDays: 1,
                transitMin: remote ? 6 : 3,
                transitMax: remote ? 10 : 5
            },
            {
                code: 'TWODAY',
                name: 'Two-Day',
                carrier: 'FedEx',
                classOfService: 'FedEx 2Day',
                fee: cents(14.99) + surcharge,
                promotion: { amountOff: cents(5) },
                processDays: 1,
                transitMin: 2,
                transitMax: 2
            }
        ];
        if (!remote) {
            methods.push({
                code: 'OVERNIGHT',
                name: 'Overnight',
                carrier: 'FedEx',
                classOfService: 'FedEx Priority Overnight',
                fee: cents(29.99),
                processDays: 0,
                transitMin: 1,
                transitMax: 1
            });
        }
        return methods;
    }
    if (country === 'CA') {
        return [
            {
                code: 'REGULAR',
                name: 'Regular Parcel',
                carrier: 'Canada Post',
                classOfService: 'Regular Parcel',
                fee: cents(11.5),
                processDays: 1,
                transitMin: 4,
                transitMax: 7
            },
            {
                code: 'EXPEDITED',
                name: 'Expedited',
                carrier: 'Purolator',
                classOfService: 'Purolator Express',
                fee: cents(21),
                promotion: { amountOff: cents(3) },
                processDays: 1,
                transitMin: 2,
                transitMax: 3
            }
        ];
    }
    if (country === 'GB') {
        return [
            {
                code: 'TRACKED48',
                name: 'Tracked 48',
                carrier: 'Royal Mail',
                classOfService: 'Tracked 48',
                fee: cents(5.99),
                processDays: 1,
                transitMin: 2,
                transitMax: 3
            },
            {
                code: 'NEXTDAY',
                name: 'Next Day',
                carrier: 'DPD',
                classOfService: 'DPD Next Day',
                fee: cents(12.99),
                processDays: 0,
                transitMin: 1,
                transitMax: 1
            }
        ];
    }
    if (EU.has(country)) {
        return [
            {
                code: 'PARCEL',
                name: 'Parcel',
                carrier: 'DHL',
                classOfService: 'DHL Parcel',
                fee: cents(8.9),
                promotion: { freeFrom: cents(150) },
                processDays: 1,
                transitMin: 3,
                transitMax: 6
            },
            {
                code: 'EXPRESS',
                name: 'Express',
                carrier: 'DHL',
                classOfService: 'DHL Express',
                fee: cents(19.9),
                processDays: 0,
                transitMin: 1,
                transitMax: 2
            }
        ];
    }
    if (country === 'AU') {
        return [
            {
                code: 'PARCEL',
                name: 'Parcel Post',
                carrier: 'Australia Post',
                classOfService: 'Parcel Post',
                fee: cents(14),
                processDays: 1,
                transitMin: 5,
                transitMax: 9
            },
            {
                code: 'EXPRESS',
                name: 'Express',
                carrier: 'StarTrack',
                classOfService: 'StarTrack Express',
                fee: cents(26),
                processDays: 1,
                transitMin: 2,
                transitMax: 4
            }
        ];
    }
    if (country === 'JP') {
        return [
            {
                code: 'EMS',
                name: 'EMS',
                carrier: 'Japan Post',
                classOfService: 'Express Mail Service',
                fee: cents(22),
                processDays: 1,
                transitMin: 3,
                transitMax: 6
            }
        ];
    }
    return [];
}

const US_TAX: Record<string, number> = {
    CA: 7.25,
    NY: 8.875,
    WA: 6.5,
    TX: 6.25,
    IL: 6.25,
    FL: 6,
    MA: 6.25,
    NJ: 6.625,
    OR: 0,
    MT: 0,
    NH: 0,
    DE: 0,
    AK: 0
};
const CA_TAX: Record<string, number> = { ON: 13, QC: 14.975, BC: 12, NS: 15, AB: 5 };
const COUNTRY_TAX: Record<string, number> = {
    GB: 20,
    DE: 19,
    FR: 20,
    NL: 21,
    BE: 21,
    ES: 21,
    IT: 22,
    AT: 20,
    IE: 23,
    PT: 23,
    DK: 25,
    SE: 25,
    FI: 25.5,
    PL: 23,
    AU: 10,
    JP: 10,
    NZ: 15,
    CH: 8.1,
    NO: 25
};

/** The sales tax or VAT percentage for a ship-to address. */
export function taxPercentFor(country: string, region: string | undefined): number {
    if (country === 'US') return US_TAX[region ?? ''] ?? 6;
    if (country === 'CA') return CA_TAX[region ?? ''] ?? 5;
    return COUNTRY_TAX[country] ?? 0;
}
