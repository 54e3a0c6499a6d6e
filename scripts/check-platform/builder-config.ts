/**
 * Check 2: every Experience Builder property matches an @api property of a compatible type, and every exposed
 * bundle declares the targets, label and description Experience Builder needs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiMember } from './compile';
import type { Bundle, CheckResult } from './project';

const REQUIRED_TARGETS = ['lightningCommunity__Page', 'lightningCommunity__Default'];
const BUILDER_TARGET = 'lightningCommunity__Default';

/** Builder property type → the initial-value types of an @api property it can set. */
const COMPATIBLE_TYPES: Record<string, string[]> = {
    String: ['string', 'undefined', 'null'],
    Integer: ['number', 'undefined', 'null'],
    Boolean: ['boolean'],
    Color: ['string', 'undefined', 'null']
};

function attributes(tag: string): Record<string, string> {
    const result: Record<string, string> = {};
    for (const match of tag.matchAll(/([A-Za-z_:]+)\s*=\s*"([^"]*)"/g)) {
        result[match[1]] = match[2];
    }
    return result;
}

function elementText(xml: string, element: string): string | undefined {
    const match = new RegExp(`<${element}>([\\s\\S]*?)</${element}>`).exec(xml);
    return match ? match[1].trim() : undefined;
}

export function checkBuilderConfig(
    bundles: Bundle[],
    members: Map<string, ApiMember[]>
): CheckResult {
    const problems: string[] = [];
    let exposed = 0;
    let properties = 0;
    for (const bundle of bundles) {
        const metaPath = join(bundle.dir, `${bundle.name}.js-meta.xml`);
        if (!existsSync(metaPath)) {
            problems.push(`${bundle.name}: missing ${bundle.name}.js-meta.xml`);
            continue;
        }
        const xml = readFileSync(metaPath, 'utf8');
        if (!elementText(xml, 'apiVersion')) {
            problems.push(`${bundle.name}: no apiVersion`);
        }
        if (elementText(xml, 'isExposed') !== 'true') {
            continue;
        }
        exposed += 1;
        const targetsBlock = elementText(xml, 'targets') ?? '';
        const targets = [...targetsBlock.matchAll(/<target>([^<]+)<\/target>/g)].map((m) =>
            m[1].trim()
        );
        for (const required of REQUIRED_TARGETS) {
            if (!targets.includes(required)) {
                problems.push(`${bundle.name}: exposed without the ${required} target`);
            }
        }
        for (const element of ['masterLabel', 'description']) {
            if (!elementText(xml, element)) {
                problems.push(`${bundle.name}: exposed without a ${element}`);
            }
        }
        const apiByName = new Map(
            (members.get(bundle.name) ?? [])
                .filter((member) => member.decorator === 'api')
                .map((member) => [member.name, member])
        );
        for (const config of xml.matchAll(/<targetConfig\s([^>]*)>([\s\S]*?)<\/targetConfig>/g)) {
            const configTargets = (attributes(config[1]).targets ?? '')
                .split(',')
                .map((t) => t.trim());
            const propertyTags = [...config[2].matchAll(/<property\s[^>]*?\/?>/g)].map((m) => m[0]);
            if (propertyTags.length > 0 && !configTargets.includes(BUILDER_TARGET)) {
                problems.push(
                    `${bundle.name}: properties outside ${BUILDER_TARGET} do not show in Experience Builder`
                );
            }
            for (const tag of propertyTags) {
                properties += 1;
                problems.push(...checkProperty(bundle.name, attributes(tag), apiByName));
            }
        }
    }
    return {
        name: 'Experience Builder properties match @api properties',
        problems,
        summary: `${exposed} exposed bundles, ${properties} properties`
    };
}

function checkProperty(
    bundle: string,
    property: Record<string, string>,
    apiByName: Map<string, ApiMember>
): string[] {
    const problems: string[] = [];
    const { name, type } = property;
    const where = `${bundle}.${name ?? '?'}`;
    if (!name || !type) {
        return [`${where}: a property needs a name and a type`];
    }
    const compatible = COMPATIBLE_TYPES[type];
    if (!compatible) {
        return [`${where}: unsupported Builder type ${type}`];
    }
    const member = apiByName.get(name);
    if (!member) {
        return [`${where}: no @api property of that name`];
    }
    const valueType = member.value?.type ?? 'undefined';
    if (!compatible.includes(valueType)) {
        problems.push(
            `${where}: Builder type ${type} but the @api property starts as ${valueType}`
        );
    }
    if (!property.label) {
        problems.push(`${where}: no label`);
    }
    const fallback = property.default;
    if (fallback !== undefined) {
        if (type === 'Boolean' && !['true', 'false'].includes(fallback)) {
            problems.push(`${where}: Boolean default "${fallback}" is not true or false`);
        }
        if (type === 'Integer' && !/^-?\d+$/.test(fallback)) {
            problems.push(`${where}: Integer default "${fallback}" is not an integer`);
        }
        if (type === 'Integer') {
            const value = Number(fallback);
            if (property.min !== undefined && value < Number(property.min)) {
                problems.push(`${where}: default ${fallback} is below min ${property.min}`);
            }
            if (property.max !== undefined && value > Number(property.max)) {
                problems.push(`${where}: default ${fallback} is above max ${property.max}`);
            }
        }
        if (property.datasource && !property.datasource.startsWith('apex://')) {
            const choices = property.datasource.split(',').map((choice) => choice.trim());
            if (!choices.includes(fallback)) {
                problems.push(
                    `${where}: default "${fallback}" is not one of ${property.datasource}`
                );
            }
        }
    }
    return problems;
}
