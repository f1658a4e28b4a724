#!/usr/bin/env node
// `pnpm bench:import`: how long importing the ESLint plugin takes next to importing
// @mwsguard/core, each in a fresh Node process, alternating core / plugin / bundle so all see the
// same machine load. `@mwsguard/eslint-plugin` by name is the workspace's dist/ (core's modules
// one by one); the bundle (packages/eslint-plugin/scripts/bundle.js, made first) is what npm
// installs. The budget, 1.5, is the bundle's ratio to core. Exits 1 over budget. Not part of
// `pnpm test` (timings are machine noise there); see docs/performance.md. Run `pnpm build` first:
// it imports the built packages.
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { bundle } from '../packages/eslint-plugin/scripts/bundle.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' } } });
const RUNS = Number(values.runs);
const BUDGET = 1.5;
const BUNDLE = new URL('../packages/eslint-plugin/bundle/index.js', import.meta.url).href;
const SUBJECTS = ['@mwsguard/core', '@mwsguard/eslint-plugin', BUNDLE];

/** Milliseconds one fresh process takes to import `specifier` (module resolution and evaluation). */
function importMs(specifier) {
  const script = `const t = performance.now(); await import(${JSON.stringify(specifier)}); process.stdout.write(String(performance.now() - t));`;
  return Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

await bundle();
importMs(SUBJECTS[0]); // warm the file system cache once
const times = Object.fromEntries(SUBJECTS.map((s) => [s, []]));
for (let i = 0; i < RUNS; i++) for (const s of SUBJECTS) times[s].push(importMs(s));
const [core, plugin, bundled] = SUBJECTS.map((s) => median(times[s]));
const ratio = bundled / core;
console.log(`import @mwsguard/core                   median ${core.toFixed(1)} ms over ${RUNS} runs`);
console.log(`import @mwsguard/eslint-plugin (dist/)  median ${plugin.toFixed(1)} ms over ${RUNS} runs`);
console.log(`import its bundle (what npm installs)   median ${bundled.toFixed(1)} ms over ${RUNS} runs`);
console.log(`dist/ / core                            ${(plugin / core).toFixed(2)}`);
console.log(`bundle / core                           ${ratio.toFixed(2)} (budget ${BUDGET})`);
process.exit(ratio <= BUDGET ? 0 : 1);
