import { readFileSync } from 'node:fs';

/**
 * The version of the mwsguard package, read from its package.json. The bundle the bin runs has
 * it written in instead (scripts/bundle.js), so `--version` and a scan's report read no file.
 */
export function readVersion(): Promise<string> {
  // src/ (tests) and dist/ (bin) both sit one level below the package root. A synchronous read:
  // `node:fs/promises` alone costs a few milliseconds of start-up.
  const manifest = readFileSync(new URL('../package.json', import.meta.url), 'utf8');
  return Promise.resolve((JSON.parse(manifest) as { version: string }).version);
}
