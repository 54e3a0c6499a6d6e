/** The shared Custom Labels reader: XML text decoding, and the project's real labels file. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { CUSTOM_LABELS_FILE, parseCustomLabels, readCustomLabels } from '../lib/custom-labels';
import { decodeXmlEntities, decodeXmlText } from '../lib/xml-text';

const labelsXml = (...entries: string[]) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<CustomLabels xmlns="http://soap.sforce.com/2006/04/metadata">\n${entries.join('\n')}\n</CustomLabels>`;

const ENTITY_CASES: Array<[what: string, written: string, decoded: string]> = [
    [
        'the five named entities decode',
        'Tom &amp; Jerry &lt;b&gt; &quot;quoted&quot; don&apos;t',
        'Tom & Jerry <b> "quoted" don\'t'
    ],
    [
        'numeric references decode, decimal and hex, beyond the BMP too',
        'caf&#233; caf&#xE9; caf&#xe9; &#x1F600; &#38;',
        'café café café 😀 &'
    ],
    [
        'each reference decodes once: an escaped ampersand never starts another one',
        '&amp;lt; &amp;#233; &#38;amp;',
        '&lt; &#233; &amp;'
    ],
    [
        'what XML does not define stays as written',
        '&nbsp; &LT; &#X41; &#x110000; & alone',
        '&nbsp; &LT; &#X41; &#x110000; & alone'
    ]
];

for (const [what, written, decoded] of ENTITY_CASES) {
    test(what, () => assert.equal(decodeXmlEntities(written), decoded));
}

test('CDATA sections are kept to the letter, the text around them decoded', () => {
    assert.equal(
        decodeXmlText('a &amp; <![CDATA[<b>&amp;</b>]]> &apos;z&apos;'),
        "a & <b>&amp;</b> 'z'"
    );
});

test('label entries: name and value decoded, comments skipped, a closing tag inside CDATA is text', () => {
    const xml = labelsXml(
        '<!-- <labels><fullName>Commented_Out</fullName><value>no</value></labels> -->',
        '<labels>\n  <fullName> Plain </fullName>\n  <language>en_US</language>\n  <value>Can&apos;t &amp; won&#x2019;t</value>\n</labels>',
        '<labels><fullName>Cdata</fullName><value><![CDATA[Use <b> and </value> <!-- kept -->]]></value></labels>'
    );
    assert.deepEqual(parseCustomLabels(xml), [
        { fullName: 'Plain', value: "Can't & won’t" },
        { fullName: 'Cdata', value: 'Use <b> and </value> <!-- kept -->' }
    ]);
});

test('an entry without a value or a name shows as such', () => {
    const xml = labelsXml(
        '<labels><fullName>No_Value</fullName></labels>',
        '<labels><value>orphan</value></labels>'
    );
    assert.deepEqual(parseCustomLabels(xml), [
        { fullName: 'No_Value', value: undefined },
        { fullName: undefined, value: 'orphan' }
    ]);
});

test('the project labels file: every label has a name and a value, each name once', () => {
    const entries = parseCustomLabels(readFileSync(CUSTOM_LABELS_FILE, 'utf8'));
    assert.ok(entries.length > 0, 'no labels read');
    for (const [index, entry] of entries.entries()) {
        assert.match(entry.fullName ?? '', /^\w+$/, `label ${index + 1} has no valid name`);
        assert.ok(entry.value, `${entry.fullName} has no value`);
    }
    const labels = readCustomLabels();
    assert.equal(labels.size, entries.length, 'a label name appears twice');
    assert.equal(
        labels.get('CheckoutKit_ValidationUnsupportedField'),
        "This field can't be saved at checkout."
    );
});
