import { readFile } from 'node:fs/promises';

/** The version of the mwsguard package, read from its package.json. */
export async function readVersion(): Promise<string> {
  // src/ (tests) and dist/ (bin) both sit one level below the package root.
  const manifest = await readFile(new URL('../package.json', import.meta.url), 'utf8');
  return (JSON.parse(manifest) as { version: string }).version;
}
