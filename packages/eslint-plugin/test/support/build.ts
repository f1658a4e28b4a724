import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../..', import.meta.url));
const pluginDir = join(root, 'packages/eslint-plugin');

function newest(dir: string): number {
  return Math.max(
    ...readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((p) => statSync(join(dir, p)).mtimeMs),
  );
}

/**
 * Builds the plugin (and core) when `dist/` is older than the sources: tests that load the
 * package as a project or a tool would (fixture configs, eslint-doc-generator) read `dist/`.
 */
export function ensureBuilt(): void {
  const built = statSync(join(pluginDir, 'dist/index.js'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (built < newest(join(pluginDir, 'src')) || built < newest(join(root, 'packages/core/src'))) {
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b', pluginDir], { cwd: root });
  }
}
