import { join } from 'node:path';
import { DOCUMENTED_EXAMPLES } from '@mwsguard/core';
import type { GlobList } from './globs.js';

// The example values of the AWS, MWS and LWA documentation, one of each shape mwsguard reports:
// an allowlist value that matches all of them would hide findings of every kind.
const PROBE_VALUES = [...DOCUMENTED_EXAMPLES];
// Paths no allowlist meant for a few files matches together.
const PROBE_PATHS = ['q7z/x2k/credentials.env', 'src/app.js', '.github/w9/deploy.yml'];

/**
 * Warnings for allowlist entries that hide everything: a value pattern that matches the empty
 * string (`.*`) or every kind of credential, or a path pattern that matches any file (`**`). Such
 * an entry is almost always a mistake, and a scan that reports nothing would look clean.
 */
export function broadAllowlistWarnings(values: readonly RegExp[], paths: GlobList, dir: string): string[] {
  const warnings: string[] = [];
  for (const re of values) {
    if (re.test('') || PROBE_VALUES.every((v) => re.test(v))) {
      warnings.push(`allowlist value /${re.source}/ matches every credential: it hides every finding.`);
    }
  }
  if (!paths.isEmpty && PROBE_PATHS.every((p) => paths.matches(join(dir, p)))) {
    warnings.push('allowlist paths match every file: they hide every finding.');
  }
  return warnings;
}
