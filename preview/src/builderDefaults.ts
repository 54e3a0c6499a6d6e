import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'rollup';
import { decodeXmlEntities } from '../../scripts/lib/xml-text';

/**
 * What Experience Builder gives a freshly dropped component: the `default` of every property in its
 * `lightningCommunity__Default` target config, typed as the builder types it. The page spreads these onto each
 * checkout component, so the preview shows what an admin sees before changing anything.
 */
export type BuilderProperties = Record<string, string | number | boolean>;

export const BUILDER_DEFAULTS_MODULE = 'preview/builderDefaults';
const VIRTUAL_ID = '\0preview:builder-defaults';

export function readBuilderDefaults(metaFile: string): BuilderProperties {
    if (!existsSync(metaFile)) {
        return {};
    }
    const xml = readFileSync(metaFile, 'utf8').replace(/<!--[\s\S]*?-->/g, '');
    const config =
        /<targetConfig\s+targets="[^"]*lightningCommunity__Default[^"]*"\s*>([\s\S]*?)<\/targetConfig>/.exec(
            xml
        );
    const properties: BuilderProperties = {};
    for (const property of (config?.[1] ?? '').matchAll(/<property\b([^>]*?)\/?>/g)) {
        const attributes = Object.fromEntries(
            [...property[1].matchAll(/(\w+)="([^"]*)"/g)].map((match) => [
                match[1],
                decodeXmlEntities(match[2])
            ])
        );
        if (!attributes.name || attributes.default === undefined) {
            continue;
        }
        properties[attributes.name] = typedValue(attributes.type, attributes.default);
    }
    return properties;
}

function typedValue(type: string | undefined, value: string): string | number | boolean {
    if (type === 'Boolean') {
        return value === 'true';
    }
    if (type === 'Integer') {
        return Number(value);
    }
    return value;
}

/** `import defaults from 'preview/builderDefaults'` → `{ checkoutContactForm: {…}, … }` for the given bundles. */
export function builderDefaults(lwcDir: string, components: () => string[]): Plugin {
    return {
        name: 'checkout-kit-builder-defaults',
        resolveId: (source) => (source === BUILDER_DEFAULTS_MODULE ? VIRTUAL_ID : null),
        load(id) {
            if (id !== VIRTUAL_ID) {
                return null;
            }
            const defaults: Record<string, BuilderProperties> = {};
            for (const name of components()) {
                const metaFile = path.join(lwcDir, name, `${name}.js-meta.xml`);
                this.addWatchFile(metaFile);
                defaults[name] = readBuilderDefaults(metaFile);
            }
            return `export default ${JSON.stringify(defaults, null, 2)};`;
        }
    };
}
