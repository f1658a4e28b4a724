#!/usr/bin/env node
// `pnpm bench:import`: how long importing the ESLint plugin takes next to importing
// @mwsguard/core, each in a fresh Node process, alternating core / plugin so both see the same
// machine load. The plugin loads core plus a few small modules, so the ratio should stay near 1;
// the budget is 1.5. Exits 1 over budget. Not part of `pnpm test` (timings are machine noise
// there); see docs/performance.md. Run `pnpm build` first: it imports the built packages.
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' } } });
const RUNS = Number(values.runs);
const BUDGET = 1.5;
const SUBJECTS = ['@mwsguard/core', '@mwsguard/eslint-plugin'];

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

importMs(SUBJECTS[0]); // warm the file system cache once
const times = Object.fromEntries(SUBJECTS.map((s) => [s, []]));
for (let i = 0; i < RUNS; i++) for (const s of SUBJECTS) times[s].push(importMs(s));
const [core, plugin] = SUBJECTS.map((s) => median(times[s]));
const ratio = plugin / core;
console.log(`import @mwsguard/core            median ${core.toFixed(1)} ms over ${RUNS} runs`);
console.log(`import @mwsguard/eslint-plugin   median ${plugin.toFixed(1)} ms over ${RUNS} runs`);
console.log(`plugin / core                    ${ratio.toFixed(2)} (budget ${BUDGET})`);
process.exit(ratio <= BUDGET ? 0 : 1);
