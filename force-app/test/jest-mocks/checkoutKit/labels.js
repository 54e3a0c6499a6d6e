/**
 * Real Custom Label values for suites that check a composed text (a message that names its field), where the
 * default stand-in (the label's name) would hide what was filled in:
 *
 *   jest.mock('@salesforce/label/c.CheckoutKit_FieldMessage',
 *       () => require('checkoutKitTest/labels').labelModule('CheckoutKit_FieldMessage'), { virtual: true });
 */
const fs = require('fs');
const path = require('path');

const LABELS_FILE = path.join(
    __dirname,
    '../../../main/default/labels/CustomLabels.labels-meta.xml'
);
const ENTITIES = { '&apos;': "'", '&quot;': '"', '&lt;': '<', '&gt;': '>', '&amp;': '&' };

let values;

function labelValue(name) {
    if (!values) {
        values = new Map();
        const xml = fs.readFileSync(LABELS_FILE, 'utf8');
        for (const [, block] of xml.matchAll(/<labels>([\s\S]*?)<\/labels>/g)) {
            const fullName = /<fullName>(.*?)<\/fullName>/.exec(block)[1];
            const value = /<value>([\s\S]*?)<\/value>/.exec(block)[1];
            values.set(
                fullName,
                value.replace(/&(apos|quot|lt|gt|amp);/g, (entity) => ENTITIES[entity])
            );
        }
    }
    if (!values.has(name)) {
        throw new Error(`No Custom Label ${name}`);
    }
    return values.get(name);
}

/** The module `@salesforce/label/c.{name}` resolves to, with the label's real value. */
function labelModule(name) {
    return { __esModule: true, default: labelValue(name) };
}

module.exports = { labelValue, labelModule };
