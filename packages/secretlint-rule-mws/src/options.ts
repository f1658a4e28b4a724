import { KINDS, compileAllow, isKind } from '@mwsguard/core';
import type { Allow, Kind } from '@mwsguard/core';

/**
 * Options of `@mwsguard/secretlint-rule-mws`: the `options` object of its entry in
 * `.secretlintrc.json`.
 */
export interface Options {
  /**
   * Values not to report. Each entry is compared with the reported text (the credential as it is
   * written in the file, or the field name for `shared-credentials`):
   *
   * - a plain string allows exactly that value, or the finding whose fingerprint it is (the
   *   `fingerprint` that mwsguard's JSON output prints, so no plaintext needs to go in the config);
   * - a RegExp-like string `/pattern/flags` allows every value the pattern matches anywhere
   *   (anchor it with `^…$` to match whole values), as secretlint rules conventionally accept.
   *
   * Default: `[]` (documented example values are never reported anyway).
   */
  readonly allows?: readonly string[];
  /**
   * Kinds to report, by their mwsguard ids: `access-key-id`, `secret-key`, `mws-auth-token`,
   * `lwa-client-secret`, `lwa-refresh-token`, `shared-credentials`. Unknown ids are an error.
   *
   * Default: all kinds.
   */
  readonly kinds?: readonly Kind[];
}

/** {@link Options} checked, with defaults applied and allow entries compiled. */
export interface NormalizedOptions {
  readonly kinds: readonly Kind[];
  /** `allows`, mapped onto core's one allowlist policy. */
  readonly allow: Allow;
}

const RULE = '@mwsguard/secretlint-rule-mws';

// `/pattern/flags`, the RegExp-like string form secretlint rules accept in `allows`.
const REGEXP_LIKE = /^\/(.+)\/([dgimsuvy]*)$/s;

/**
 * Checks the options a `.secretlintrc.json` gave (untyped JSON, so everything is checked) and
 * applies the defaults. Throws on a malformed option: a typo must not silently turn reports off.
 */
export function normalizeOptions(options: unknown): NormalizedOptions {
  const raw: Record<string, unknown> = isRecord(options) ? options : {};
  for (const key of Object.keys(raw)) {
    if (key !== 'allows' && key !== 'kinds') {
      throw new TypeError(`${RULE}: unknown option "${key}"; known options: allows, kinds.`);
    }
  }
  return { kinds: normalizeKinds(raw.kinds), allow: compileAllows(raw.allows) };
}

function normalizeKinds(kinds: unknown): readonly Kind[] {
  if (kinds === undefined) return KINDS;
  if (!Array.isArray(kinds)) throw new TypeError(`${RULE}: options.kinds must be an array of kind ids.`);
  for (const kind of kinds) {
    if (typeof kind !== 'string' || !isKind(kind)) {
      throw new TypeError(
        `${RULE}: unknown kind ${JSON.stringify(kind)} in options.kinds; known kinds: ${KINDS.join(', ')}.`,
      );
    }
  }
  return kinds as Kind[];
}

/**
 * `allows` onto core's policy: a plain string is both an allowed value and an allowed
 * fingerprint (a fingerprint is 64 hex digits, never a credential); `/pattern/flags` a pattern.
 */
function compileAllows(allows: unknown): Allow {
  if (allows === undefined) return compileAllow();
  if (!Array.isArray(allows) || !allows.every((a) => typeof a === 'string')) {
    throw new TypeError(`${RULE}: options.allows must be an array of strings.`);
  }
  const exact: string[] = [];
  const patterns: RegExp[] = [];
  for (const allow of allows) {
    const m = REGEXP_LIKE.exec(allow);
    if (m) patterns.push(toRegExp(allow, m[1] ?? '', m[2] ?? ''));
    else exact.push(allow);
  }
  return compileAllow({ values: exact, patterns, fingerprints: exact });
}

function toRegExp(allow: string, source: string, flags: string): RegExp {
  try {
    // Core drops `g` and `y`, which would make `test` stateful across values.
    return new RegExp(source, flags);
  } catch (error) {
    throw new TypeError(`${RULE}: options.allows entry ${allow} is not a valid RegExp.`, { cause: error });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
