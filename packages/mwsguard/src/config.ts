import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { ErrorObject } from 'ajv';
import type { Kind } from '@mwsguard/core';
import { describeFailure, errnoCode, isMissing } from './errno.js';
import { joinPath } from './join-path.js';
import { GlobList, isValidGlob } from './globs.js';
import type { ReportSeverity } from './result.js';
import { broadAllowlistWarnings } from './broad-allowlist.js';
import { parserMessage, redactName } from './redact.js';
import { parseSize } from './size.js';
import { UsageError } from './usage-error.js';

export { parseSize } from './size.js';

/** Name of the configuration file mwsguard looks for. */
const CONFIG_FILE = 'mwsguard.config.json';

/** A severity override: a report severity, or `off` to stop reporting the kind. */
type SeverityOverride = ReportSeverity | 'off';

/** The configuration, validated and resolved (globs bound to the configuration's directory). */
export interface Config {
  /** Where it came from, for messages: `mwsguard.config.json` or `package.json#mwsguard`; absent for none. */
  readonly source?: string;
  /** Directory of the configuration file (the working directory when there is none). */
  readonly dir: string;
  readonly include: GlobList;
  readonly ignore: GlobList;
  readonly gitignore?: boolean;
  readonly maxFileSize?: number;
  readonly failOn?: ReportSeverity;
  readonly severity: Readonly<Partial<Record<Kind, SeverityOverride>>>;
  readonly allowValues: readonly RegExp[];
  readonly allowPaths: GlobList;
  /** Fingerprint → reason. */
  readonly allowFingerprints: ReadonlyMap<string, string>;
  /** Absolute path of the default baseline file. */
  readonly baseline?: string;
  /** Settings that are valid but almost surely wrong (an allowlist that hides everything). */
  readonly warnings: readonly string[];
}

/** The raw shape the JSON Schema accepts. */
interface RawConfig {
  include?: string[];
  ignore?: string[];
  gitignore?: boolean;
  maxFileSize?: number | string;
  failOn?: ReportSeverity;
  severity?: Partial<Record<Kind, SeverityOverride>>;
  allowlist?: {
    values?: string[];
    paths?: string[];
    fingerprints?: { fingerprint: string; reason: string }[];
  };
  baseline?: string;
}

/** The configuration used when there is no file. */
export function emptyConfig(cwd: string): Config {
  return {
    dir: cwd,
    include: new GlobList([], cwd),
    ignore: new GlobList([], cwd),
    severity: {},
    allowValues: [],
    allowPaths: new GlobList([], cwd),
    allowFingerprints: new Map(),
    warnings: [],
  };
}

/**
 * Loads the configuration: `explicitPath` when given (`--config`), otherwise the first
 * `mwsguard.config.json`, or `package.json` with a `mwsguard` key, found walking up from `cwd`.
 * A file that is not valid JSON or does not match the schema is a {@link UsageError} (exit 2)
 * whose message names the file and the offending key.
 */
export async function loadConfig(cwd: string, explicitPath: string | undefined): Promise<Config> {
  if (explicitPath !== undefined) {
    const path = resolve(cwd, explicitPath);
    const text = readText(path);
    if (text === undefined) throw new UsageError(`Cannot read the config file ${explicitPath}.`);
    const isPackage = basename(path) === 'package.json';
    const raw = parseJson(text, explicitPath);
    if (isPackage) {
      const section = (raw as Record<string, unknown> | null)?.mwsguard;
      if (section === undefined) throw new UsageError(`${explicitPath} has no "mwsguard" key.`);
      return resolveConfig(section, `${explicitPath}#mwsguard`, dirname(path));
    }
    return resolveConfig(raw, explicitPath, dirname(path));
  }
  for (let dir = cwd; ; dir = dirname(dir)) {
    const ownPath = joinPath(dir, CONFIG_FILE);
    const own = readText(ownPath);
    if (own !== undefined) return resolveConfig(parseJson(own, ownPath), ownPath, dir);
    const manifestPath = joinPath(dir, 'package.json');
    const manifest = readText(manifestPath);
    if (manifest !== undefined) {
      // A package.json that is not valid JSON is not ours to judge unless it is meant for us.
      let parsed: unknown;
      try {
        parsed = JSON.parse(manifest);
      } catch {
        parsed = undefined;
      }
      const section = (parsed as Record<string, unknown> | undefined)?.mwsguard;
      if (section !== undefined) return resolveConfig(section, `${manifestPath}#mwsguard`, dir);
    }
    if (dirname(dir) === dir) return emptyConfig(cwd);
  }
}

/**
 * The text of `path`, `undefined` when there is no such file. Synchronous: discovery reads two
 * names in every directory up to the root, and each asynchronous read was a round trip through
 * the thread pool (with `node:fs/promises` loaded for it) in a commit hook's run.
 */
function readText(path: string): string | undefined {
  try {
    // Asked first: most directories up to the root hold neither name, and a failed read costs an
    // exception (16 of them were a million instructions of a commit hook's run).
    if (statSync(path, { throwIfNoEntry: false }) === undefined) return undefined;
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = errnoCode(error);
    if (isMissing(code) || code === 'EISDIR') return undefined;
    throw new UsageError(`Cannot read ${path} (${describeFailure(error)}).`);
  }
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new UsageError(`${source} is not valid JSON: ${parserMessage(error)}.`);
  }
}

/**
 * Checks a raw configuration against the schema. The validator is the schema compiled ahead of
 * time (schema/mwsguard.config.validate.js, written by scripts/build-validator.js), loaded only
 * when there is a configuration: compiling it here cost about 0.1 s of CPU (ajv's compiler and
 * the compile), as much as the rest of a small scan.
 */
async function validate(raw: unknown): Promise<ErrorObject[]> {
  // The named export: the bundle requires this ES module, and a `default` read through that
  // interop would be the namespace.
  const { validate: validator } = await import('../schema/mwsguard.config.validate.js');
  return validator(raw) ? [] : (validator.errors ?? []);
}

/** Validates a raw configuration object and binds its globs and paths to `dir`. */
async function resolveConfig(raw: unknown, source: string, dir: string): Promise<Config> {
  const errors = await validate(raw);
  if (errors.length > 0) {
    const lines = [...new Set(errors.map(describeError))];
    throw new UsageError(`Invalid configuration in ${source}:\n  ${lines.join('\n  ')}`);
  }
  const config = raw as RawConfig;
  const problems: string[] = [];
  for (const [key, list] of [
    ['include', config.include],
    ['ignore', config.ignore],
    ['allowlist.paths', config.allowlist?.paths],
  ] as const) {
    (list ?? []).forEach((glob, i) => {
      if (!isValidGlob(glob)) problems.push(`"${key}[${String(i)}]": invalid glob ${JSON.stringify(glob)}`);
    });
  }
  const allowValues: RegExp[] = [];
  (config.allowlist?.values ?? []).forEach((source, i) => {
    try {
      allowValues.push(new RegExp(source, 'u'));
    } catch (error) {
      problems.push(`"allowlist.values[${String(i)}]": invalid regular expression (${(error as Error).message})`);
    }
  });
  let maxFileSize: number | undefined;
  if (config.maxFileSize !== undefined) {
    maxFileSize = parseSize(String(config.maxFileSize));
    if (maxFileSize === undefined) problems.push(`"maxFileSize": invalid size ${JSON.stringify(config.maxFileSize)}`);
  }
  if (problems.length > 0) throw new UsageError(`Invalid configuration in ${source}:\n  ${problems.join('\n  ')}`);
  const allowPaths = new GlobList(config.allowlist?.paths ?? [], dir);
  return {
    source,
    dir,
    include: new GlobList(config.include ?? [], dir),
    ignore: new GlobList(config.ignore ?? [], dir),
    ...(config.gitignore === undefined ? {} : { gitignore: config.gitignore }),
    ...(maxFileSize === undefined ? {} : { maxFileSize }),
    ...(config.failOn === undefined ? {} : { failOn: config.failOn }),
    severity: config.severity ?? {},
    allowValues,
    allowPaths,
    allowFingerprints: new Map((config.allowlist?.fingerprints ?? []).map((e) => [e.fingerprint, e.reason])),
    ...(config.baseline === undefined ? {} : { baseline: resolve(dir, config.baseline) }),
    warnings: broadAllowlistWarnings(allowValues, allowPaths, dir).map((w) => `${source}: ${w}`),
  };
}

/** `/allowlist/fingerprints/0` → `allowlist.fingerprints[0]`. */
function keyPath(instancePath: string, extra?: string): string {
  const parts = instancePath.split('/').slice(1);
  if (extra !== undefined) parts.push(extra);
  let out = '';
  for (const raw of parts) {
    // Every segment is echoed: one that is a credential (a secret used as a key) is masked.
    const part = redactName(raw.replace(/~1/g, '/').replace(/~0/g, '~'));
    out += /^\d+$/.test(part) ? `[${part}]` : out === '' ? part : `.${part}`;
  }
  return out;
}

const TOP_LEVEL_KEYS = ['include', 'ignore', 'gitignore', 'maxFileSize', 'failOn', 'severity', 'allowlist', 'baseline'];

/** One line naming the offending key, in words a user can act on. */
function describeError(error: ErrorObject): string {
  const at = keyPath(error.instancePath);
  const where = at === '' ? 'the top level' : `"${at}"`;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const hint = at === '' ? suggest(key, TOP_LEVEL_KEYS) : '';
      return `unknown key "${keyPath(error.instancePath, key)}" at ${where}${hint}`;
    }
    case 'required':
      return `${where}: missing required key "${String(params.missingProperty)}"`;
    case 'enum':
      return `${where}: must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'type':
      return `${where}: must be ${article(String(params.type))}`;
    case 'pattern':
      if (at.endsWith('.fingerprint')) return `${where}: must be 64 lower-case hex characters`;
      if (at.endsWith('.reason')) return `${where}: must not be blank`;
      if (at === 'maxFileSize') return `${where}: must be a number of bytes or a size such as "5MiB"`;
      return `${where}: ${error.message ?? 'does not match the expected pattern'}`;
    case 'minLength':
      return `${where}: must not be empty`;
    case 'minimum':
      return `${where}: must be 0 or more`;
    default:
      return `${where}: ${error.message ?? 'is invalid'}`;
  }
}

function article(type: string): string {
  const words = type
    .split(',')
    .map((t) => (t === 'integer' ? 'an integer' : t === 'array' || t === 'object' ? `an ${t}` : `a ${t}`));
  return words.join(' or ');
}

/** ` (did you mean "allowlist"?)` when a close key exists. */
function suggest(key: string, candidates: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = 3;
  for (const c of candidates) {
    const d = distance(key.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best === undefined ? '' : ` (did you mean "${best}"?)`;
}

function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
