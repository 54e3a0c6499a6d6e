/** Check 5: sfdx-project.json validates against its published schema (@salesforce/schemas). */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Ajv from 'ajv';
import { ROOT, type CheckResult } from './project';

const SCHEMA_FILE = join(ROOT, 'node_modules/@salesforce/schemas/sfdx-project.schema.json');

export function checkProjectSchema(): CheckResult {
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
