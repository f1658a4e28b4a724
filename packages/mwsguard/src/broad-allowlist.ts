import { join } from 'node:path';
import type { GlobList } from './globs.js';

// Made-up values of the shapes mwsguard reports (never issued by AWS or Amazon): an allowlist
// value that matches all of them would hide findings of every kind.
const PROBE_VALUES = [
  'AKIAQX7M2ZK5RW3TJHPD',
  'Hq7Zt2Rm9XvK4pLc8WnB3sJd6YfG1aQe5UoT0iNr',
  'amzn.mws.3f9a1c2e-8b7d-4e6f-a5c4-0d1e2f3a4b5c',
  'Atzr|IwEBIQz7Kd2mP9vXc4LhT8sWn3JdYb6FgKqE1uZo5aNyV0rCtMpHxBiDlGjSe',
];
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
