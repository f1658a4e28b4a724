import { createContext } from './context.js';
import { DETECTORS } from './detectors/index.js';
import type { Kind } from './kinds.js';
import { CREDENTIAL_PREFIXES, KEY_NAME_WORDS } from './names.js';
import type { Finding, ScanOptions } from './scan.js';
import { toFindings } from './scan.js';

/** What an AST adapter knows about a string value. */
export interface StringBinding {
  /** The name the value is bound to: variable, property, key, JSX attribute, parameter. */
  readonly name?: string | undefined;
  /** The file talks to MWS (decides "MWS" vs "AWS" in messages). */
  readonly hasMwsContext?: boolean;
  /** The file shows Login with Amazon: an LWA client id, a refresh token, its endpoint or the SP-API host (enables bare 64-hex client secrets). */
  readonly hasLwaContext?: boolean;
  /** The value sits next to an access key id (same call arguments or object). */
  readonly pairedWithAccessKey?: boolean;
}

const STRING_KINDS: readonly Kind[] = [
  'access-key-id',
  'secret-key',
  'mws-auth-token',
  'lwa-client-secret',
  'lwa-refresh-token',
  'lwa-access-token',
];

/**
 * Classifies one string value the way {@link scanText} classifies a value in a text, given the
 * name it is bound to: the entry for AST adapters (ESLint, secretlint), so every surface makes
 * the same decision. Offsets in the findings are relative to `value`.
 */
export function classifyString(
  value: string,
  binding: StringBinding = {},
  options: Pick<ScanOptions, 'locale' | 'kinds'> = {},
): Finding[] {
  const ctx = createContext(value, '', {
    name: binding.name,
    paired: binding.pairedWithAccessKey ?? false,
    ...(binding.hasMwsContext === undefined ? {} : { mws: binding.hasMwsContext }),
    ...(binding.hasLwaContext === undefined ? {} : { lwaContext: binding.hasLwaContext }),
  });
  const raw = DETECTORS.filter((d) => STRING_KINDS.includes(d.kind)).flatMap((d) => d.find(ctx));
  return toFindings(ctx, raw, options);
}

/**
 * False when {@link classifyString} can report no string of `text`, whatever name found in the
 * text binds it: the text holds no credential prefix (`CREDENTIAL_PREFIXES`) and none of the
 * words every credential name holds (`KEY_NAME_WORDS`: `secret`, `access…key`, `key…id`…). AST
 * adapters use it to skip their per-string pass in most files; names given in options are theirs
 * to check.
 */
export function mayHoldStringCredentials(text: string): boolean {
  return CREDENTIAL_PREFIXES.test(text) || KEY_NAME_WORDS.test(text);
}
