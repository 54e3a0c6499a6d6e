/**
 * Offline stand-ins for a deploy (`npm run check:platform`):
 *   1. every LWC bundle compiles with the platform compiler (@lwc/sfdc-lwc-compiler, with its lint rules);
 *   2. every Experience Builder property matches an @api property of a compatible type, and every exposed
 *      bundle declares the targets, label and description Experience Builder needs;
 *   3. every Custom Label a component imports exists in the labels file;
 *   4. `sf project convert source` succeeds (@salesforce/source-deploy-retrieve);
 *   5. sfdx-project.json validates against its published schema (@salesforce/schemas);
 *   6. Apex parses and is formatted (prettier-plugin-apex) and never names an Industries CPQ namespace in code,
 *      so the package installs in orgs without it.
 * Prints one line per check (and every problem found) and exits non-zero when any check fails.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { compile } from '@lwc/sfdc-lwc-compiler';
import { ComponentSet, MetadataConverter } from '@salesforce/source-deploy-retrieve';
import Ajv from 'ajv';
import { readCustomLabels } from './lib/custom-labels';

const ROOT = join(__dirname, '..');
const LWC_DIR = join(ROOT, 'force-app/main/default/lwc');
const SCHEMA_FILE = join(ROOT, 'node_modules/@salesforce/schemas/sfdx-project.schema.json');
const APEX_DIR = join(ROOT, 'force-app/main/default/classes');
/** Industries CPQ (Vlocity) package namespaces: a type or method of theirs in Apex would not compile without them. */
const CPQ_NAMESPACE_REFERENCE = /\b(vlocity_cmt|vlocity_ins|vlocity_ps)\s*\./i;
const REQUIRED_TARGETS = ['lightningCommunity__Page', 'lightningCommunity__Default'];
const BUILDER_TARGET = 'lightningCommunity__Default';

/** Builder property type → the initial-value types of an @api property it can set. */
const COMPATIBLE_TYPES: Record<string, string[]> = {
    String: ['string', 'undefined', 'null'],
    Integer: ['number', 'undefined', 'null'],
    Boolean: ['boolean'],
    Color: ['string', 'undefined', 'null']
};

interface CheckResult {
    name: string;
    problems: string[];
    summary: string;
}

interface ApiMember {
    name: string;
    type: string;
    decorator?: string;
    value?: { type: string; value?: unknown };
}

interface Bundle {
    name: string;
    dir: string;
    /** Source files the platform receives: no tests, TypeScript or configs. */
    files: Record<string, string>;
}

function listBundles(): Bundle[] {
    return readdirSync(LWC_DIR)
        .filter((name) => statSync(join(LWC_DIR, name)).isDirectory())
        .sort()
        .map((name) => {
            const dir = join(LWC_DIR, name);
            const files: Record<string, string> = {};
            for (const file of readdirSync(dir)) {
                if (/\.(js|html|css)$/.test(file) && statSync(join(dir, file)).isFile()) {
                    files[file] = readFileSync(join(dir, file), 'utf8');
                }
            }
            return { name, dir, files };
        });
}

// ------------------------------------------------------------------------------------------------
// 1. Platform compiler
// ------------------------------------------------------------------------------------------------

/** Compiles every TypeScript bundle (the shared validation first: the engine imports it). */
function runBuild(): string[] {
    const tsc = join(ROOT, 'node_modules/.bin/tsc');
    const problems: string[] = [];
    for (const bundle of ['checkoutValidation', 'checkoutStore']) {
        const config = join(LWC_DIR, bundle, 'tsconfig.json');
        if (!existsSync(config)) continue;
        const build = spawnSync(tsc, ['-p', config], { cwd: ROOT, encoding: 'utf8' });
        if (build.status !== 0) {
            problems.push(`npm run build failed:\n${build.stdout}${build.stderr}`.trim());
        }
    }
    return problems;
}

async function checkCompile(
    bundles: Bundle[]
): Promise<CheckResult & { members: Map<string, ApiMember[]> }> {
    const problems = runBuild();
    const members = new Map<string, ApiMember[]>();
    let warnings = 0;
    for (const bundle of bundles) {
        if (!bundle.files[`${bundle.name}.js`] && !bundle.files[`${bundle.name}.css`]) {
            problems.push(`${bundle.name}: no ${bundle.name}.js (or .css) entry to compile`);
            continue;
        }
        const report = await compile({
            bundle: { namespace: 'c', name: bundle.name, type: 'platform', files: bundle.files }
        });
        for (const diagnostic of report.diagnostics) {
            // DiagnosticLevel: 0 fatal, 1 error, 2 warning, 3 log.
            if (diagnostic.level <= 1) {
                const where = diagnostic.filename ? ` (${diagnostic.filename})` : '';
                problems.push(`${bundle.name}${where}: ${diagnostic.message}`);
            } else if (diagnostic.level === 2) {
                warnings += 1;
            }
        }
        if (!report.success && !report.diagnostics.some((diagnostic) => diagnostic.level <= 1)) {
            problems.push(`${bundle.name}: the compiler reported failure without a diagnostic`);
        }
        const metadata = report.metadata as { classMembers?: ApiMember[] } | undefined;
        members.set(bundle.name, metadata?.classMembers ?? []);
    }
    return {
        name: 'LWC bundles compile with @lwc/sfdc-lwc-compiler',
        problems,
        summary: `${bundles.length} bundles, ${warnings} warnings`,
        members
    };
}

// ------------------------------------------------------------------------------------------------
// 2. Experience Builder configuration
// ------------------------------------------------------------------------------------------------

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

function checkBuilderConfig(bundles: Bundle[], members: Map<string, ApiMember[]>): CheckResult {
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

// ------------------------------------------------------------------------------------------------
// 3. Custom Labels
// ------------------------------------------------------------------------------------------------

function checkLabels(bundles: Bundle[]): CheckResult {
    const defined = new Set(readCustomLabels().keys());
    const problems: string[] = [];
    let imports = 0;
    for (const bundle of bundles) {
        const sources = readdirSync(bundle.dir).filter((file) => /\.(js|ts)$/.test(file));
        for (const file of sources) {
            const text = readFileSync(join(bundle.dir, file), 'utf8');
            for (const match of text.matchAll(/['"]@salesforce\/label\/c\.(\w+)['"]/g)) {
                imports += 1;
                if (!defined.has(match[1])) {
                    problems.push(
                        `${bundle.name}/${file}: label ${match[1]} is not in the labels file`
                    );
                }
            }
        }
    }
    return {
        name: 'Custom Labels imported by components exist',
        problems,
        summary: `${imports} label imports, ${defined.size} labels defined`
    };
}

// ------------------------------------------------------------------------------------------------
// 4. sf project convert source
// ------------------------------------------------------------------------------------------------

async function checkConvert(): Promise<CheckResult> {
    const output = mkdtempSync(join(tmpdir(), 'checkout-kit-convert-'));
    const problems: string[] = [];
    let summary = '';
    try {
        const components = ComponentSet.fromSource(join(ROOT, 'force-app'));
        await new MetadataConverter().convert(components, 'metadata', {
            type: 'directory',
            outputDirectory: output,
            genUniqueDir: false
        });
        const written = listFiles(output);
        const leaked = written.filter(
            (file) =>
                file.endsWith('.ts') || file.includes('__tests__') || file.endsWith('tsconfig.json')
        );
        for (const file of leaked) {
            problems.push(`converted output contains ${file} (missing from .forceignore?)`);
        }
        if (!written.some((file) => file.endsWith('package.xml'))) {
            problems.push('no package.xml in the converted output');
        }
        const types = new Set(components.toArray().map((component) => component.type.name));
        summary = `${components.size} components (${[...types].sort().join(', ')}), ${written.length} files`;
    } catch (error) {
        problems.push(error instanceof Error ? error.message : String(error));
    } finally {
        rmSync(output, { recursive: true, force: true });
    }
    return { name: 'sf project convert source (source-deploy-retrieve)', problems, summary };
}

function listFiles(dir: string): string[] {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((file) => statSync(join(dir, file)).isFile())
        .map((file) => relative(dir, join(dir, file)));
}

// ------------------------------------------------------------------------------------------------
// 5. sfdx-project.json schema
// ------------------------------------------------------------------------------------------------

function checkProjectSchema(): CheckResult {
    const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object;
    const project = JSON.parse(readFileSync(join(ROOT, 'sfdx-project.json'), 'utf8')) as unknown;
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const valid = validate(project);
    const problems = valid
        ? []
        : (validate.errors ?? []).map(
              (error) =>
                  `sfdx-project.json${error.instancePath || ''}: ${error.message ?? 'invalid'}`
          );
    return {
        name: 'sfdx-project.json matches @salesforce/schemas',
        problems,
        summary: relative(ROOT, SCHEMA_FILE)
    };
}

// ------------------------------------------------------------------------------------------------
// 6. Apex
// ------------------------------------------------------------------------------------------------

function checkApex(): CheckResult {
    if (!existsSync(APEX_DIR)) {
        return { name: 'Apex', problems: [], summary: 'no classes' };
    }
    const classes = readdirSync(APEX_DIR).filter((file) => file.endsWith('.cls'));
    const problems: string[] = [];
    for (const file of classes) {
        const code = readFileSync(join(APEX_DIR, file), 'utf8')
            .replace(/\/\*[\s\S]*?\*\//g, '')
            .replace(/\/\/.*$/gm, '')
            .replace(/'(?:\\.|[^'\\])*'/g, "''");
        if (CPQ_NAMESPACE_REFERENCE.test(code)) {
            problems.push(
                `${file}: names an Industries CPQ namespace in code (the package must install without it)`
            );
        }
        if (!existsSync(join(APEX_DIR, `${file}-meta.xml`))) {
            problems.push(`${file}: missing ${file}-meta.xml`);
        }
    }
    const prettier = join(ROOT, 'node_modules/.bin/prettier');
    const formatted = spawnSync(prettier, ['--check', APEX_DIR], { cwd: ROOT, encoding: 'utf8' });
    if (formatted.status !== 0) {
        problems.push(
            `prettier --check (prettier-plugin-apex) failed:\n${formatted.stdout}${formatted.stderr}`.trim()
        );
    }
    return {
        name: 'Apex parses, is formatted and has no Industries CPQ compile-time reference',
        problems,
        summary: `${classes.length} classes`
    };
}

// ------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
    const bundles = listBundles();
    const compiled = await checkCompile(bundles);
    const results: CheckResult[] = [
        compiled,
        checkBuilderConfig(bundles, compiled.members),
        checkLabels(bundles),
        await checkConvert(),
        checkProjectSchema(),
        checkApex()
    ];
    for (const result of results) {
        const status = result.problems.length === 0 ? 'PASS' : 'FAIL';
        console.log(`${status}  ${result.name}${result.summary ? ` — ${result.summary}` : ''}`);
        for (const problem of result.problems) {
            console.log(`      ${problem}`);
        }
    }
    const failed = results.filter((result) => result.problems.length > 0).length;
    console.log(
        failed === 0 ? 'All platform checks passed.' : `${failed} platform check(s) failed.`
    );
    process.exitCode = failed === 0 ? 0 : 1;
}

main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
});
