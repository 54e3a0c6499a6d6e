/**
 * Country-aware address data for the form: which countries have a region picker (ISO 3166-2 codes with their
 * names), which need a postal code, and an example postal code to show as a hint. Region names are proper
 * nouns shown as the country writes them, so they are data rather than translatable labels.
 */

const REGIONS = {
    US: [
        ['AL', 'Alabama'],
        ['AK', 'Alaska'],
        ['AZ', 'Arizona'],
        ['AR', 'Arkansas'],
        ['CA', 'California'],
        ['CO', 'Colorado'],
        ['CT', 'Connecticut'],
        ['DE', 'Delaware'],
        ['DC', 'District of Columbia'],
        ['FL', 'Florida'],
        ['GA', 'Georgia'],
        ['HI', 'Hawaii'],
        ['ID', 'Idaho'],
        ['IL', 'Illinois'],
        ['IN', 'Indiana'],
        ['IA', 'Iowa'],
        ['KS', 'Kansas'],
        ['KY', 'Kentucky'],
        ['LA', 'Louisiana'],
        ['ME', 'Maine'],
        ['MD', 'Maryland'],
        ['MA', 'Massachusetts'],
        ['MI', 'Michigan'],
        ['MN', 'Minnesota'],
        ['MS', 'Mississippi'],
        ['MO', 'Missouri'],
        ['MT', 'Montana'],
        ['NE', 'Nebraska'],
        ['NV', 'Nevada'],
        ['NH', 'New Hampshire'],
        ['NJ', 'New Jersey'],
        ['NM', 'New Mexico'],
        ['NY', 'New York'],
        ['NC', 'North Carolina'],
        ['ND', 'North Dakota'],
        ['OH', 'Ohio'],
        ['OK', 'Oklahoma'],
        ['OR', 'Oregon'],
        ['PA', 'Pennsylvania'],
        ['PR', 'Puerto Rico'],
        ['RI', 'Rhode Island'],
        ['SC', 'South Carolina'],
        ['SD', 'South Dakota'],
        ['TN', 'Tennessee'],
        ['TX', 'Texas'],
        ['UT', 'Utah'],
        ['VT', 'Vermont'],
        ['VA', 'Virginia'],
        ['WA', 'Washington'],
        ['WV', 'West Virginia'],
        ['WI', 'Wisconsin'],
        ['WY', 'Wyoming']
    ],
    CA: [
        ['AB', 'Alberta'],
        ['BC', 'British Columbia'],
        ['MB', 'Manitoba'],
        ['NB', 'New Brunswick'],
        ['NL', 'Newfoundland and Labrador'],
        ['NS', 'Nova Scotia'],
        ['NT', 'Northwest Territories'],
        ['NU', 'Nunavut'],
        ['ON', 'Ontario'],
        ['PE', 'Prince Edward Island'],
        ['QC', 'Québec'],
        ['SK', 'Saskatchewan'],
        ['YT', 'Yukon']
    ],
    AU: [
        ['ACT', 'Australian Capital Territory'],
        ['NSW', 'New South Wales'],
        ['NT', 'Northern Territory'],
        ['QLD', 'Queensland'],
        ['SA', 'South Australia'],
        ['TAS', 'Tasmania'],
        ['VIC', 'Victoria'],
        ['WA', 'Western Australia']
    ]
};

/** Countries whose postal service needs a postal code, with one the shopper can compare theirs to. */
const POSTAL_CODE_EXAMPLES = {
    US: '94105',
    CA: 'K1A 0B1',
    GB: 'SW1A 1AA',
    DE: '10115',
    FR: '75001',
    AU: '2000',
    NL: '1012 AB',
    JP: '100-0001',
    IT: '00184',
    ES: '28001'
};

const POSTAL_CODE_PATTERNS = {
    US: /^\d{5}(-\d{4})?$/,
    CA: /^[A-Z]\d[A-Z] ?\d[A-Z]\d$/i,
    GB: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i,
    DE: /^\d{5}$/,
    FR: /^\d{5}$/,
    AU: /^\d{4}$/,
    NL: /^\d{4} ?[A-Z]{2}$/i,
    JP: /^\d{3}-?\d{4}$/,
    IT: /^\d{5}$/,
    ES: /^\d{5}$/
};

export function regionsOf(country) {
    return (REGIONS[country] || []).map(([code, name]) => ({ code, name }));
}

export function hasRegions(country) {
    return Boolean(REGIONS[country]);
}

export function postalCodeExample(country) {
    return POSTAL_CODE_EXAMPLES[country] || '';
}

export function needsPostalCode(country) {
    return Boolean(POSTAL_CODE_EXAMPLES[country]);
}

/** False only when the country has a known format and the value does not match it. */
export function isPostalCodeValid(country, value) {
    const pattern = POSTAL_CODE_PATTERNS[country];
    return !pattern || pattern.test(String(value || '').trim());
}

/** True when the region belongs to the country (any value for countries without a region list). */
export function isRegionOf(country, region) {
    return !hasRegions(country) || REGIONS[country].some(([code]) => code === region);
}

/** Today plus `days`, as the yyyy-MM-dd a date input uses, in the shopper's time zone. */
export function isoDateFromToday(days) {
    const date = new Date();
    date.setDate(date.getDate() + days);
    const month = String(date.getMonth() + 1).padStart(2, '0');
    const day = String(date.getDate()).padStart(2, '0');
    return `${date.getFullYear()}-${month}-${day}`;
}

/** True for a real calendar date written yyyy-MM-dd. */
export function isIsoDate(value) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value || '')) {
        return false;
    }
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
