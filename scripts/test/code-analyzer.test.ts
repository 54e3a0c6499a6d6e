/** The Code Analyzer runner's reading of apex-ls output: which lines fail the check and where they point. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseApexLinkOutput } from '../code-analyzer/apex-link';

const ROOT = '/work/project';

test('errors and missing references fail, attributed to their file relative to the project', () => {
    const output = [
        '[info] Org created in 549ms',
        `${ROOT}/force-app/main/default/classes/Broken.cls`,
        "Error: line 4 at 16-25: Incompatible types in assignment, from 'System.String' to 'System.Integer'",
        "Missing: line 6 at 40-54: Unknown field 'NoSuchField__c' on SObject 'Schema.Opportunity'",
        `${ROOT}/force-app/main/default/classes/Other.cls`,
        'Syntax: line 1 at 0-1: mismatched input'
    ].join('\n');

    const result = parseApexLinkOutput(output, ROOT);

    assert.deepEqual(result.problems, [
        "force-app/main/default/classes/Broken.cls: Error: line 4 at 16-25: Incompatible types in assignment, from 'System.String' to 'System.Integer'",
        "force-app/main/default/classes/Broken.cls: Missing: line 6 at 40-54: Unknown field 'NoSuchField__c' on SObject 'Schema.Opportunity'",
        'force-app/main/default/classes/Other.cls: Syntax: line 1 at 0-1: mismatched input'
    ]);
    assert.deepEqual(result.warnings, []);
});

test('warnings and unused code are reported without failing', () => {
    const output = [
        `${ROOT}/force-app/main/default/classes/Quiet.cls`,
        "Warning: line 3 at 4-9: Unused local variable 'x'",
        "Unused: line 9 at 4-20: Unused method 'helper'"
    ].join('\n');

    const result = parseApexLinkOutput(output, ROOT);

    assert.deepEqual(result.problems, []);
    assert.equal(result.warnings.length, 2);
    assert.match(result.warnings[0], /^force-app\/main\/default\/classes\/Quiet\.cls: Warning: /);
});

test('a clean run has nothing to report', () => {
    const result = parseApexLinkOutput('[info] Using Outline Parser - Single Threaded\n', ROOT);

    assert.deepEqual(result, { problems: [], warnings: [] });
});
