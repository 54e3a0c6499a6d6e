import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { REPO_ROOT } from '../preview/src/build';

/**
 * The scripts for a real org, run against stand-ins for `sf` and `npm` that record their command lines and
 * answer as the real CLI does: proves each script builds before it deploys or packages, and passes the
 * right flags, without an org.
 */
describe('the scripts for a real org', () => {
    let bin: string;
    let log: string;

    before(() => {
        bin = mkdtempSync(path.join(os.tmpdir(), 'checkout-kit-fake-cli-'));
        log = path.join(bin, 'calls.log');
        const recorder = (name: string, answer = ''): void => {
            const file = path.join(bin, name);
            writeFileSync(file, `#!/usr/bin/env bash\necho "${name} $*" >> "${log}"\n${answer}\n`);
            chmodSync(file, 0o755);
        };
        recorder('npm');
        recorder(
            'sf',
            `if [[ "$1 $2 $3" == "package version create" ]]; then echo '{"status":0,"result":{"SubscriberPackageVersionId":"04tSG0000000001AAA"}}'; fi`
        );
    });

    after(() => rmSync(bin, { recursive: true, force: true }));

    function run(script: string, args: string[]): { output: string; calls: string[] } {
        writeFileSync(log, '');
        const output = execFileSync('bash', [path.join(REPO_ROOT, script), ...args], {
            cwd: REPO_ROOT,
            env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, CHECKOUT_KIT_DEVHUB: '' },
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'pipe']
        });
        return { output, calls: readFileSync(log, 'utf8').trim().split('\n').filter(Boolean) };
    }

    test('setup creates the scratch org, builds before deploying, assigns permissions and runs Apex tests', () => {
        const { calls } = run('scripts/org/setup.sh', [
            '--alias',
            'ck-test',
            '--days',
            '3',
            '--dev-hub',
            'hub'
        ]);
        assert.deepEqual(calls, [
            'sf org create scratch --definition-file config/project-scratch-def.json --alias ck-test --set-default --duration-days 3 --wait 30 --target-dev-hub hub',
            'npm run build --silent',
            'sf project deploy start --source-dir force-app --target-org ck-test --wait 30',
            'sf org assign permset --name CheckoutKit_Buyer --target-org ck-test',
            'sf apex run test --test-level RunLocalTests --code-coverage --result-format human --output-dir test-results/apex --wait 30 --target-org ck-test'
        ]);
    });

    test('permission sets go to named buyers and the site guest user', () => {
        const { calls } = run('scripts/org/assign-permission-sets.sh', [
            '--alias',
            'ck-test',
            '--buyer',
            'buyer@example.com',
            '--cpq-buyer',
            'cpq@example.com',
            '--guest',
            'guest@example.com'
        ]);
        assert.deepEqual(calls.slice(1), [
            'sf org assign permset --name CheckoutKit_Buyer --target-org ck-test --on-behalf-of buyer@example.com',
            'sf org assign permset --name CheckoutKit_CPQ --target-org ck-test --on-behalf-of cpq@example.com',
            'sf org assign permset --name CheckoutKit_Guest --target-org ck-test --on-behalf-of guest@example.com'
        ]);
    });

    test('a package version is built with code coverage, then promoted', () => {
        const created = run('scripts/package/create-version.sh', ['--dev-hub', 'hub']);
        const versionCreate = created.calls.find((call) =>
            call.startsWith('sf package version create')
        );
        assert.ok(versionCreate, 'a version is created');
        assert.ok(
            created.calls.indexOf('npm run build --silent') < created.calls.indexOf(versionCreate),
            'after the build'
        );
        assert.match(
            versionCreate,
            /--package Checkout Kit --code-coverage --installation-key-bypass/
        );
        assert.match(created.output, /Created package version 04tSG0000000001AAA/);

        const promoted = run('scripts/package/promote-version.sh', [
            '04tSG0000000001AAA',
            '--dev-hub',
            'hub'
        ]);
        assert.equal(
            promoted.calls.at(-1),
            'sf package version promote --package 04tSG0000000001AAA --no-prompt --target-dev-hub hub'
        );
    });

    test('the scratch org definition asks only for features the Salesforce CLI knows', () => {
        const readJson = (file: string): unknown =>
            JSON.parse(readFileSync(path.join(REPO_ROOT, file), 'utf8'));
        const schema = readJson(
            'node_modules/@salesforce/schemas/project-scratch-def.schema.json'
        ) as {
            definitions: {
                features: { items: { anyOf: Array<{ enum?: string[]; pattern?: string }> } };
            };
        };
        const known = schema.definitions.features.items.anyOf;
        const definition = readJson('config/project-scratch-def.json') as { features: string[] };
        const unknown = definition.features.filter(
            (feature) =>
                !known.some(
                    (rule) =>
                        rule.enum?.some((name) => name.toLowerCase() === feature.toLowerCase()) ||
                        (rule.pattern !== undefined && new RegExp(rule.pattern).test(feature))
                )
        );
        assert.deepEqual(unknown, []);
        assert.ok(
            definition.features.includes('B2BCommerce') &&
                definition.features.includes('B2CCommerceGMV')
        );
    });

    test('a script refuses an unknown option instead of guessing', () => {
        assert.throws(
            () => run('scripts/org/deploy.sh', ['--alais', 'typo']),
            /unknown option --alais/
        );
    });
});
