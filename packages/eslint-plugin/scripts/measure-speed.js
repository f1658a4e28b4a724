// Measures what mwsguard's rules cost inside a real lint run, next to eslint-plugin-no-secrets.
//
//   pnpm --filter @mwsguard/eslint-plugin build && node packages/eslint-plugin/scripts/measure-speed.js [N] [RUNS]
//
// Copies up to N (default 4000) real .ts/.js files from the repository's installed packages into a
// temporary tree, lints it with @typescript-eslint/parser and ESLint's `TIMING=all`, three times,
// (or RUNS) times, and prints the per-rule times and their share of the wall-clock lint time
// (the median run).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const pkg = join(here, '..');
const store = join(pkg, '../../node_modules/.pnpm');
const limit = Number(process.argv[2] ?? 4000);
const runCount = Number(process.argv[3] ?? 3);
const require = createRequire(join(pkg, 'package.json'));

function* sourceFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (/\.(?:ts|js)$/.test(entry.name) && !/\.min\.js$/.test(entry.name)) yield path;
  }
}

const tree = mkdtempSync(join(tmpdir(), 'mwsguard-speed-'));
let count = 0;
let bytes = 0;
for (const file of sourceFiles(store)) {
  const size = statSync(file).size;
  if (size > 200_000) continue; // bundles, not source
  const target = join(tree, 'src', relative(store, file).replaceAll('node_modules', 'nm'));
  mkdirSync(dirname(target), { recursive: true });
  cpSync(file, target);
  bytes += size;
  if (++count >= limit) break;
}

const url = (specifier) => JSON.stringify(new URL(`file://${require.resolve(specifier)}`).href);
writeFileSync(
  join(tree, 'eslint.config.js'),
  `import tsParser from ${url('@typescript-eslint/parser')};
import noSecrets from ${url('eslint-plugin-no-secrets')};
import mwsguard from ${JSON.stringify(new URL(`file://${join(pkg, 'dist/index.js')}`).href)};
export default [
  { files: ['**/*.ts', '**/*.js'], languageOptions: { parser: tsParser, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'off', noInlineConfig: true } },
  ...mwsguard.configs.recommended,
  { files: ['**/*.ts', '**/*.js'], plugins: { 'no-secrets': noSecrets }, rules: { 'no-secrets/no-secrets': 'error' } },
];
`,
);
writeFileSync(join(tree, 'package.json'), '{ "type": "module" }\n');

const eslintBin = join(dirname(require.resolve('eslint/package.json')), 'bin/eslint.js');
const runs = [];
for (let i = 0; i < runCount; i++) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [eslintBin, '--format', 'json', '-o', join(tree, 'out.json'), 'src'], {
    cwd: tree,
    env: { ...process.env, TIMING: 'all' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(r.stderr || r.stdout);
  const rules = {};
  for (const line of r.stdout.split('\n')) {
    const m = /^(\S+)\s*\|\s*([\d.]+)\s*\|\s*[\d.]+%/.exec(line);
    if (m) rules[m[1]] = Number(m[2]);
  }
  runs.push({ wall, rules });
}
runs.sort((a, b) => a.wall - b.wall);
const median = runs[Math.floor(runs.length / 2)];
const ours = Object.entries(median.rules).filter(([id]) => id.startsWith('@mwsguard/'));
const oursTotal = ours.reduce((s, [, ms]) => s + ms, 0);
const noSecrets = median.rules['no-secrets/no-secrets'] ?? 0;
const pct = (ms) => `${((100 * ms) / median.wall).toFixed(2)}%`;
console.log(
  `files: ${count} (.ts/.js, ${(bytes / 1e6).toFixed(1)} MB), parser: @typescript-eslint/parser, runs: ${runCount} (median shown)`,
);
console.log(`wall-clock lint time: ${(median.wall / 1000).toFixed(1)} s`);
for (const [id, ms] of ours) console.log(`${id}: ${ms.toFixed(0)} ms (${pct(ms)})`);
console.log(`mwsguard rules together: ${oursTotal.toFixed(0)} ms (${pct(oursTotal)})`);
console.log(`no-secrets/no-secrets: ${noSecrets.toFixed(0)} ms (${pct(noSecrets)})`);
console.log(`ratio no-secrets / mwsguard: ${(noSecrets / oursTotal).toFixed(1)}x`);
rmSync(tree, { recursive: true, force: true });
