/**
 * Text of Salesforce metadata XML as an XML parser reads it. The tooling reads a few metadata files with
 * regular expressions (no XML parser is a dependency of this project), so it decodes their text here, once.
 */

const PREDEFINED_ENTITIES: Record<string, string> = {
    lt: '<',
    gt: '>',
    amp: '&',
    quot: '"',
    apos: "'"
};

const ENTITY_REFERENCE = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(lt|gt|amp|quot|apos));/g;
const CDATA_SECTION = /(<!\[CDATA\[[\s\S]*?\]\]>)/;
const MAX_CODE_POINT = 0x10ffff;

/**
 * XML's five named entities and its numeric character references, in one pass so that `&amp;lt;` stays `&lt;`.
 * Anything else (an HTML-only entity like `&nbsp;`, an out-of-range reference) is left as written.
 */
export function decodeXmlEntities(text: string): string {
    return text.replace(
        ENTITY_REFERENCE,
        (reference: string, hex?: string, decimal?: string, name?: string) => {
            if (name) return PREDEFINED_ENTITIES[name];
            const codePoint = hex ? parseInt(hex, 16) : Number(decimal);
            return codePoint <= MAX_CODE_POINT ? String.fromCodePoint(codePoint) : reference;
        }
    );
}

/** An element's content: CDATA sections kept to the letter, entities decoded everywhere else. */
export function decodeXmlText(content: string): string {
    return content
        .split(CDATA_SECTION)
        .map((part, index) =>
            index % 2 === 1
                ? part.slice('<![CDATA['.length, -']]>'.length)
                : decodeXmlEntities(part)
        )
        .join('');
}

/** The document without its comments (a comment inside a CDATA section is text, and stays). */
export function withoutXmlComments(xml: string): string {
    return xml.replace(
        /(<!\[CDATA\[[\s\S]*?\]\]>)|<!--[\s\S]*?-->/g,
        (_, cdata?: string) => cdata ?? ''
    );
}

/**
 * The raw content of every `<tag>…</tag>` in `xml`, in order; a CDATA section inside is skipped whole, so a
 * closing tag written in one does not end the element.
 */
export function elementContents(xml: string, tag: string): string[] {
    const element = new RegExp(
        `<${tag}>((?:<!\\[CDATA\\[[\\s\\S]*?\\]\\]>|[\\s\\S])*?)</${tag}>`,
        'g'
    );
    return [...xml.matchAll(element)].map((match) => match[1]);
}
