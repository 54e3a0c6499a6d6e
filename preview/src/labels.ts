import { readFileSync } from 'node:fs';

/** Custom Label values by full name (`CheckoutKit_Foo`), read from a `CustomLabels.labels-meta.xml` file. */
export function readCustomLabels(file: string): Map<string, string> {
    const xml = readFileSync(file, 'utf8').replace(/<!--[\s\S]*?-->/g, '');
    const labels = new Map<string, string>();
    for (const block of xml.matchAll(/<labels>([\s\S]*?)<\/labels>/g)) {
        const fullName = elementText(block[1], 'fullName');
        const value = elementText(block[1], 'value');
        if (fullName !== undefined && value !== undefined) {
            labels.set(fullName, value);
        }
    }
    return labels;
}

function elementText(xml: string, tag: string): string | undefined {
    const match = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(xml);
    return match ? decodeXmlEntities(match[1]) : undefined;
}

function decodeXmlEntities(text: string): string {
    return text
        .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
        .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
        .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(parseInt(dec, 10)))
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&');
}
