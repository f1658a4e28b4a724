import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { REPO_ROOT } from './run-cli.js';

// The validators are dev dependencies of the mwsguard package (pnpm keeps them out of the root).
const require = createRequire(join(REPO_ROOT, 'packages/mwsguard/package.json'));

interface Validator {
  (data: unknown): boolean;
  errors?: unknown[] | null;
}
interface AjvInstance {
  compile(schema: object): Validator;
}
type AjvClass = new (options: object) => AjvInstance;

const readSchema = (name: string): object =>
  JSON.parse(readFileSync(join(REPO_ROOT, 'test/cli/schemas', name), 'utf8')) as object;

/**
 * The SARIF 2.1.0 schema (draft-04), vendored from @microsoft/jest-sarif 1.0.0-beta.0
 * (lib/schemas/sarif-2.1.0-rtm.5.json, MIT), validated with ajv-draft-04 and ajv-formats.
 */
export function sarifValidator(): Validator {
  const Ajv = require('ajv-draft-04') as AjvClass;
  const addFormats = require('ajv-formats') as (ajv: AjvInstance) => void;
  // The schema has a pattern that is not valid with the `u` flag (`…{2}]?$`).
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(readSchema('sarif-2.1.0-rtm.5.json'));
}

/** GitLab's secret detection report, the fields its v15 schema requires (see the schema file). */
export function gitlabValidator(): Validator {
  const { Ajv } = require('ajv') as { Ajv: AjvClass };
  return new Ajv({ allErrors: true, strict: false }).compile(readSchema('gitlab-secret-detection-15.subset.json'));
}
