/**
 * The project's Custom Labels, read from their metadata file: the one reader behind the preview's label modules,
 * the bench's label stand-ins and its labelled-message check, and `npm run check:platform`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeXmlText, elementContents, withoutXmlComments } from './xml-text';

export const CUSTOM_LABELS_FILE = join(
    __dirname,
    '..',
    '..',
    'force-app/main/default/labels/CustomLabels.labels-meta.xml'
);

/** One `<labels>` entry; a field the entry lacks is undefined (the platform would refuse the file). */
export interface CustomLabelEntry {
    fullName?: string;
    value?: string;
}

/** Every `<labels>` entry of a labels file's XML, in file order, comments skipped and text decoded. */
export function parseCustomLabels(xml: string): CustomLabelEntry[] {
    return elementContents(withoutXmlComments(xml), 'labels').map((entry) => {
        const [fullName] = elementContents(entry, 'fullName');
        const [value] = elementContents(entry, 'value');
        return {
            fullName: fullName === undefined ? undefined : decodeXmlText(fullName).trim(),
            value: value === undefined ? undefined : decodeXmlText(value)
        };
    });
}

/** Label values by API name (`CheckoutKit_Foo`, without the `c.` prefix); incomplete entries are left out. */
export function readCustomLabels(file = CUSTOM_LABELS_FILE): Map<string, string> {
    const labels = new Map<string, string>();
    for (const { fullName, value } of parseCustomLabels(readFileSync(file, 'utf8'))) {
        if (fullName !== undefined && value !== undefined) labels.set(fullName, value);
    }
    return labels;
}
