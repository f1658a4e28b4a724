/**
 * One allowlist case that every surface must decide alike (core's one policy, issue 16): each
 * adapter maps the same allowances onto its own option names, and the same lines are reported
 * and suppressed, for the same reasons, in the same order: inline directive, value, path,
 * fingerprint. Random, well-shaped fake access key ids (never issued by AWS).
 */
import { fingerprint } from '@mwsguard/core';
import type { SuppressReason } from '@mwsguard/core';

export const KEYS = {
  inline: 'AKIAVJG3JF6RJU36QFOL',
  value: 'AKIA2WXPRE526EFJXF4R',
  pattern: 'AKIAHLBZBQNYCGLZFKD3',
  fingerprint: 'AKIAUXE4J3OUEQTTMEZ7',
  reported: 'AKIAFI3GPP2XQIW2XYOY',
} as const;

/** The access key id's fingerprint, as every output prints it. */
export const fingerprintOf = (key: string): string => fingerprint('access-key-id', key);

/**
 * What is allowed, host-neutral. Overlaps on purpose: the inline-ignored key is also an allowed
 * value (inline wins), the value-allowed key is also an allowed fingerprint (value wins).
 */
export const ALLOWED = {
  values: [KEYS.inline, KEYS.value],
  patterns: ['^AKIAHLBZ'],
  fingerprints: [fingerprintOf(KEYS.value), fingerprintOf(KEYS.fingerprint)],
} as const;

/** One key a line, in JavaScript (so the ESLint rule reads it as code) that every surface scans. */
export const ALLOW_SOURCE = [
  `const a = '${KEYS.inline}'; // mwsguard-ignore`,
  `const b = '${KEYS.value}';`,
  `const c = '${KEYS.pattern}';`,
  `const d = '${KEYS.fingerprint}';`,
  `const e = '${KEYS.reported}';`,
  '',
].join('\n');

/** The decision for each line of {@link ALLOW_SOURCE}: reported, or suppressed and why. */
export const DECISIONS: readonly (SuppressReason | 'reported')[] = [
  'inline',
  'allowlistValue',
  'allowlistValue',
  'allowlistFingerprint',
  'reported',
];

/** The lines of {@link ALLOW_SOURCE} a surface must report (1-based). */
export const REPORTED_LINES = DECISIONS.flatMap((d, i) => (d === 'reported' ? [i + 1] : []));

/** `^…$` for an exact value, for hosts whose value allowlist takes only regular expressions. */
export const exactPattern = (value: string): string => `^${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;
