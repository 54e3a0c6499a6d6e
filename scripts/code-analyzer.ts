/**
 * `npm run check:analyzer`: Salesforce Code Analyzer v5 over force-app, driven through its engine packages (the
 * same core and engines `sf code-analyzer run` uses, without the Salesforce CLI):
 *   - PMD (Apex, Visualforce, XML, JavaScript) and its copy-paste detector CPD, ESLint (JavaScript, LWC, SLDS,
 *     TypeScript), the regex engine and RetireJS (its vulnerability catalogue ships with the package);
 *   - the Recommended rules of each, plus PMD's AppExchange security rules;
 *   - code-analyzer.yml for the configuration; suppressions stay in the source with their reasons.
 * It then runs apex-ls (scripts/code-analyzer/apex-link.ts), the offline stand-in for compiling the Apex.
 * Fails on any violation of severity 1 (Critical) or 2 (High), on an engine that did not load, and on a
 * semantic Apex problem; severities 3 to 5 are counted, and every violation is written to
 * test-results/code-analyzer.json.
 */
import {
    CodeAnalyzer,
    CodeAnalyzerConfig,
    EventType,
    LogLevel,
    OutputFormat,
    SeverityLevel,
    type EngineLogEvent,
    type LogEvent,
    type Violation
} from '@salesforce/code-analyzer-core';
import * as eslintEngine from '@salesforce/code-analyzer-eslint-engine';
import * as pmdEngine from '@salesforce/code-analyzer-pmd-engine';
import * as regexEngine from '@salesforce/code-analyzer-regex-engine';
import * as retireJsEngine from '@salesforce/code-analyzer-retirejs-engine';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkApexSemantics } from './code-analyzer/apex-link';

const ROOT = join(__dirname, '..');
const TARGET = join(ROOT, 'force-app');
const CONFIG_FILE = join(ROOT, 'code-analyzer.yml');
const RESULTS_FILE = join(ROOT, 'test-results', 'code-analyzer.json');
const RULE_SELECTORS = ['Recommended', 'AppExchange'];
/** Every engine added below must load: a missing Java would otherwise silently drop PMD. */
const REQUIRED_ENGINES = ['pmd', 'cpd', 'eslint', 'regex', 'retire-js'];
const BLOCKING_SEVERITY = SeverityLevel.High;

/**
 * The Flow engine is left out: it needs Python, and the package has no Flows. The day one arrives, this stops the
 * run instead of leaving the Flow unscanned.
 */
function flowsIn(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) {
            return name === 'node_modules' ? [] : flowsIn(path);
        }
        return name.endsWith('.flow-meta.xml') ? [relative(ROOT, path)] : [];
    });
}

function describeViolation(violation: Violation): string {
    const rule = violation.getRule();
    const where = violation.getPrimaryLocation();
    const file = where.getFile() ? relative(ROOT, where.getFile() as string) : '(no file)';
    const line = where.getStartLine() ? `:${where.getStartLine()}` : '';
    return `sev ${rule.getSeverityLevel()}  ${file}${line}  ${rule.getEngineName()}:${rule.getName()}  ${violation.getMessage().trim()}`;
}

async function main(): Promise<number> {
    const flows = flowsIn(TARGET);
    if (flows.length > 0) {
        console.error(
            `Flows need the Code Analyzer Flow engine, which this runner does not load: ${flows.join(', ')}`
        );
        return 1;
    }
    const config = CodeAnalyzerConfig.fromFile(CONFIG_FILE);
    const analyzer = new CodeAnalyzer(config);
    // Warnings and errors only: they are how an engine says it could not run (Java missing, a bad config).
    analyzer.onEvent(EventType.LogEvent, (event: LogEvent) => {
        if (event.logLevel <= LogLevel.Warn) {
            console.error(`[code-analyzer] ${event.message}`);
        }
    });
    analyzer.onEvent(EventType.EngineLogEvent, (event: EngineLogEvent) => {
        if (event.logLevel <= LogLevel.Warn) {
            console.error(`[${event.engineName}] ${event.message}`);
        }
    });
    for (const plugin of [
        pmdEngine.createEnginePlugin(),
        eslintEngine.createEnginePlugin(),
        regexEngine.createEnginePlugin(),
        retireJsEngine.createEnginePlugin()
    ]) {
        await analyzer.addEnginePlugin(plugin);
    }
    const workspace = await analyzer.createWorkspace([TARGET]);
    const rules = await analyzer.selectRules(RULE_SELECTORS, { workspace });
    const missing = REQUIRED_ENGINES.filter((engine) => !rules.getEngineNames().includes(engine));
    if (missing.length > 0) {
        console.error(
            `Code Analyzer engines that did not load: ${missing.join(', ')} (see the log above)`
        );
        return 1;
    }
    console.log(
        `Code Analyzer ${RULE_SELECTORS.join(' + ')}: ${rules.getCount()} rules from ${rules.getEngineNames().join(', ')}`
    );
    const results = await analyzer.run(rules, { workspace });
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    writeFileSync(RESULTS_FILE, results.toFormattedOutput(OutputFormat.JSON));

    const violations = results.getViolations();
    const blocking = violations.filter((v) => v.getRule().getSeverityLevel() <= BLOCKING_SEVERITY);
    for (const violation of blocking) {
        console.log(`FAIL  ${describeViolation(violation)}`);
    }
    const counts = [1, 2, 3, 4, 5].map(
        (severity) => `sev ${severity}: ${results.getViolationCountOfSeverity(severity)}`
    );
    console.log(`Violations ${counts.join(', ')} (all of them in ${relative(ROOT, RESULTS_FILE)})`);

    const apex = checkApexSemantics(ROOT, 'java');
    for (const warning of apex.warnings) {
        console.log(`warn  apex-ls ${warning}`);
    }
    for (const problem of apex.problems) {
        console.log(`FAIL  apex-ls ${problem}`);
    }
    console.log(`apex-ls: ${apex.problems.length} problems, ${apex.warnings.length} warnings`);

    const failed = blocking.length > 0 || apex.problems.length > 0;
    console.log(failed ? 'Code Analyzer check failed.' : 'Code Analyzer check passed.');
    return failed ? 1 : 0;
}

main().then(
    (code) => {
        process.exitCode = code;
    },
    (error: unknown) => {
        console.error(error);
        process.exitCode = 1;
    }
);
