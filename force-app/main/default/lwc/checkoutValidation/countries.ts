/**
 * The one source of country data: ISO 3166-1 codes, the regions (ISO 3166-2 codes with their names) of the
 * countries whose region is checked exactly, and postal-code formats with an example. Region names are proper
 * nouns shown as the country writes them, so they are data rather than translatable labels.
 */

// ISO 3166-1 alpha-2, packed: split into two-letter codes on first use.
const ISO_COUNTRIES =
    'ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZCACCCDCFCGCHCICKCLCMCNCOCRCUCVCWCXCYCZ' +
    'DEDJDKDMDODZECEEEGEHERESETFIFJFKFMFOFRGAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHUIDIEILIMINIOIQIRISITJE' +
    'JMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZNANCNENFNGNINL' +
    'NONPNRNUNZOMPAPEPFPGPHPKPLPMPNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTKTL' +
    'TMTNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVIVNVUWFWSYEYTZAZMZW';

let countrySet: Set<string> | undefined;

export function isIsoCountry(code: unknown): boolean {
    if (typeof code !== 'string') return false;
    countrySet ??= new Set(ISO_COUNTRIES.match(/../g) ?? []);
    return countrySet.has(code);
}

/** `CODE:Name` pairs separated by `|`: compact, and split only for the country asked about. */
const REGIONS: Record<string, string> = {
    US:
        'AL:Alabama|AK:Alaska|AZ:Arizona|AR:Arkansas|CA:California|CO:Colorado|CT:Connecticut|DE:Delaware|' +
        'DC:District of Columbia|FL:Florida|GA:Georgia|HI:Hawaii|ID:Idaho|IL:Illinois|IN:Indiana|IA:Iowa|' +
        'KS:Kansas|KY:Kentucky|LA:Louisiana|ME:Maine|MD:Maryland|MA:Massachusetts|MI:Michigan|MN:Minnesota|' +
        'MS:Mississippi|MO:Missouri|MT:Montana|NE:Nebraska|NV:Nevada|NH:New Hampshire|NJ:New Jersey|' +
        'NM:New Mexico|NY:New York|NC:North Carolina|ND:North Dakota|OH:Ohio|OK:Oklahoma|OR:Oregon|' +
        'PA:Pennsylvania|PR:Puerto Rico|RI:Rhode Island|SC:South Carolina|SD:South Dakota|TN:Tennessee|' +
        'TX:Texas|UT:Utah|VT:Vermont|VA:Virginia|WA:Washington|WV:West Virginia|WI:Wisconsin|WY:Wyoming|' +
        'AS:American Samoa|GU:Guam|MP:Northern Mariana Islands|UM:U.S. Minor Outlying Islands|' +
        'VI:U.S. Virgin Islands|AA:Armed Forces Americas|AE:Armed Forces Europe|AP:Armed Forces Pacific',
    CA:
        'AB:Alberta|BC:British Columbia|MB:Manitoba|NB:New Brunswick|NL:Newfoundland and Labrador|' +
        'NS:Nova Scotia|NT:Northwest Territories|NU:Nunavut|ON:Ontario|PE:Prince Edward Island|QC:Québec|' +
        'SK:Saskatchewan|YT:Yukon',
    AU:
        'ACT:Australian Capital Territory|NSW:New South Wales|NT:Northern Territory|QLD:Queensland|' +
        'SA:South Australia|TAS:Tasmania|VIC:Victoria|WA:Western Australia'
};

export interface Region {
    code: string;
    name: string;
}

/** The country's regions in display order, or an empty list when its region is not checked exactly. */
export function regionsOf(country: unknown): Region[] {
    const packed = typeof country === 'string' ? REGIONS[country] : undefined;
    if (!packed) return [];
    return packed.split('|').map((entry) => {
        const [code, name] = entry.split(':');
        return { code, name };
    });
}

export function hasRegions(country: unknown): boolean {
    return typeof country === 'string' && REGIONS[country] !== undefined;
}

/** Exact codes for countries with a region list; elsewhere any subdivision-code shape. */
export function isValidRegion(country: string, region: string): boolean {
    if (hasRegions(country)) return regionsOf(country).some((entry) => entry.code === region);
    return /^[A-Z0-9]{1,3}$/.test(region);
}

/** Countries whose postal service needs a postal code: its format and one the shopper can compare to. */
const POSTAL_CODES: Record<string, [RegExp, string]> = {
    US: [/^\d{5}(-\d{4})?$/, '94105'],
    CA: [/^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d$/i, 'K1A 0B1'],
    GB: [/^(GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})$/i, 'SW1A 1AA'],
    DE: [/^\d{5}$/, '10115'],
    FR: [/^\d{5}$/, '75001'],
    AU: [/^\d{4}$/, '2000'],
    NL: [/^[1-9]\d{3} ?[A-Z]{2}$/i, '1012 AB'],
    JP: [/^\d{3}-?\d{4}$/, '100-0001'],
    IT: [/^\d{5}$/, '00184'],
    ES: [/^\d{5}$/, '28001']
};
const GENERIC_POSTAL_CODE = /^[A-Za-z0-9][A-Za-z0-9 -]{0,10}[A-Za-z0-9]$|^[A-Za-z0-9]$/;

export function needsPostalCode(country: unknown): boolean {
    return typeof country === 'string' && POSTAL_CODES[country] !== undefined;
}

/** An example postal code for the country, or '' when it has no known format. */
export function postalCodeExample(country: unknown): string {
    return needsPostalCode(country) ? POSTAL_CODES[country as string][1] : '';
}

/** The country's format where known, else a loose shape any postal code has. */
export function isValidPostalCode(country: string, postalCode: string): boolean {
    const format = needsPostalCode(country) ? POSTAL_CODES[country][0] : GENERIC_POSTAL_CODE;
    return format.test(postalCode.trim());
}
