#!/usr/bin/env node
// `pnpm bench [-- options]`: times mwsguard against its peers on a corpus nobody here wrote.
// See docs/performance.md. Not part of `pnpm test`: the first run installs the corpus from the
// npm registry.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CACHE, SIZES, ensureCorpus, updateLock, walkFiles } from './lib/corpus.mjs';
import { hasGnuTime, measure, median } from './lib/measure.mjs';
import { formatReport } from './lib/report.mjs';
import { formatStartup, runStartup, startupRows } from './lib/startup.mjs';
import { TOOLS } from './lib/tools.mjs';

const HELP = `Usage: pnpm bench [-- options]

  --size <small|full>   Corpus size (default: full, about 58k files / 550 MB; small: about 4k files)
  --runs <n>            Timed runs per tool, alternating A B C A B C… (default: 3 full, 5 small)
  --tools <ids>         Comma-separated subset of: ${TOOLS.map((t) => t.id).join(', ')}
  --refresh             Reinstall and re-plant the corpus even if the cached one is current
  --update-locks        Re-resolve bench/corpus/*/package-lock.json from their package.json, then exit
  --timeout <s>         Kill a run after this many seconds (default: 1800)
  --report              Print the table of the last --size run again from its results JSON, then exit
  --merge               Time "mwsguard report merge" on generated reports instead (bench/merge.mjs)
  --startup             Only the start-up rows (no corpus): scan --staged of 1, 5 and 50 files,
                        --version, --help and ESLint on 5 files, against node -e 0 (default
                        rounds: 20); a full run (no --tools) prints them after the corpus table
  --compare-bin <path>  Start-up rows: also time this mwsguard bin (an older build) in the same rounds
  --compare-plugin <path>  Start-up rows: also time ESLint with the preset of this plugin entry (an
                        older build's dist/index.js); may be given more than once
  -h, --help            Show this help

The corpus is cached in .cache/bench/corpus-<size>/ (the first run needs the npm registry).
Results are printed and written to .cache/bench/results-<size>.{json,md}; a --tools subset writes
results-<size>-partial.{json,md} instead, so the last complete run stays on record.`;

const argv = process.argv.slice(2);
if (argv[0] === '--') argv.shift(); // `pnpm bench -- --size small`
if (argv.includes('--merge')) {
  // A benchmark of its own, on generated reports: no corpus, no peers.
  await import('./merge.mjs');
  process.exit(0);
}
const { values: opts } = parseArgs({
  args: argv,
  options: {
    size: { type: 'string', default: 'full' },
    runs: { type: 'string' },
    tools: { type: 'string' },
    refresh: { type: 'boolean', default: false },
    'update-locks': { type: 'boolean', default: false },
    report: { type: 'boolean', default: false },
    startup: { type: 'boolean', default: false },
    'compare-bin': { type: 'string' },
    'compare-plugin': { type: 'string', multiple: true },
    timeout: { type: 'string', default: '1800' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (opts.help) {
  console.log(HELP);
  process.exit(0);
}
if (opts['update-locks']) {
  for (const size of SIZES) updateLock(size);
  process.exit(0);
}
if (!SIZES.includes(opts.size)) fail(`--size must be one of ${SIZES.join(', ')}`);
if (opts.report) {
  const saved = JSON.parse(readFileSync(join(CACHE, `results-${opts.size}.json`), 'utf8'));
  const { text, markdown } = formatReport(saved);
  console.log(text);
  writeFileSync(join(CACHE, `results-${opts.size}.md`), markdown);
  process.exit(0);
}
if (opts.runs !== undefined && !(Number.isInteger(Number(opts.runs)) && Number(opts.runs) >= 1)) {
  fail('--runs must be a positive integer');
}
const log = (message) => console.error(message);
if (opts.startup) {
  await startup(opts.runs === undefined ? 20 : Number(opts.runs));
  process.exit(0);
}
const runs = opts.runs === undefined ? (opts.size === 'full' ? 3 : 5) : Number(opts.runs);
const timeoutMs = Number(opts.timeout) * 1000;
if (!(timeoutMs > 0)) fail('--timeout must be a positive number of seconds');
let tools = TOOLS;
if (opts.tools) {
  const wanted = opts.tools.split(',').map((s) => s.trim());
  for (const id of wanted) if (!TOOLS.some((t) => t.id === id)) fail(`unknown tool "${id}"`);
  tools = TOOLS.filter((t) => wanted.includes(t.id));
}

function fail(message) {
  console.error(`bench: ${message}\n\n${HELP}`);
  process.exit(2);
}

// 1. The corpus.
const corpus = ensureCorpus(opts.size, { refresh: opts.refresh, log });
const ctx = {
  size: opts.size,
  treeDir: join(corpus.dir, 'tree'),
  eslintDir: join(corpus.dir, 'eslint'),
  eslintBytes: new Map(),
};
const outDir = join(CACHE, `out-${opts.size}`);
mkdirSync(outDir, { recursive: true });
log(
  `Corpus ${opts.size}: ${corpus.tree.files} files, ${(corpus.tree.bytes / 1e6).toFixed(1)} MB ` +
    `(${corpus.installedPackages} packages), ${corpus.credentials.length} planted credentials; ` +
    `ESLint subset: ${corpus.eslint.files} files, ${(corpus.eslint.bytes / 1e6).toFixed(1)} MB.`,
);

// 2. Which tools are here.
/** @type {{ tool: any, probe: any, runs: any[], note: string | null, stats?: any }[]} */
const rows = [];
for (const tool of tools) {
  const probe = await tool.probe(ctx);
  rows.push({ tool, probe, runs: [], note: probe.ok ? null : probe.note });
  if (!probe.ok) log(`- ${tool.label}: ${probe.note}`);
}
const active = rows.filter((r) => r.probe.ok);

// 3. Warm the page cache with one read of every file, so that no tool pays for the disk alone.
log('Warming the page cache…');
for (const dir of [ctx.treeDir, ctx.eslintDir]) for (const [path] of walkFiles(dir)) readFileSync(path);

// 4. Alternating runs: A B C A B C …
const loadBefore = loadavg();
const started = Date.now();
for (let round = 1; round <= runs; round++) {
  for (const row of active) {
    const wanted = Math.min(row.tool.runs ?? runs, runs);
    if (round > wanted) continue;
    const spec = row.tool.command(ctx);
    const base = join(outDir, `${row.tool.id}.${round}`);
    process.stderr.write(`[${round}/${runs}] ${row.tool.label}… `);
    const m = await measure({
      command: spec.command,
      args: spec.args,
      cwd: spec.cwd,
      env: spec.env ?? process.env,
      outFile: `${base}.out`,
      errFile: `${base}.err`,
      timeoutMs,
    });
    const run = { ...m, ok: false, error: null };
    if (m.timedOut) run.error = `killed after ${opts.timeout} s`;
    else if (m.signal) run.error = `terminated by ${m.signal}`;
    else if (!spec.okCodes.includes(m.code)) run.error = `exit ${m.code}: ${firstError(`${base}.err`)}`;
    else {
      try {
        Object.assign(run, row.tool.parse(ctx, `${base}.out`), { ok: true });
      } catch (error) {
        run.error = `unreadable output (${error.message.split('\n')[0]}): ${firstError(`${base}.err`)}`;
      }
    }
    row.runs.push(run);
    log(run.ok ? `${(m.wallMs / 1000).toFixed(2)} s` : `FAILED after ${(m.wallMs / 1000).toFixed(2)} s: ${run.error}`);
  }
}
const loadAfter = loadavg();

function firstError(errFile) {
  const lines = readFileSync(errFile, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return (lines.find((l) => /Error|error:|FATAL|heap/.test(l)) ?? lines[0] ?? '(nothing on stderr)').slice(0, 200);
}

// 5. Figures.
const planted = corpus.credentials;
for (const row of rows) {
  const good = row.runs.filter((r) => r.ok);
  const bad = row.runs.filter((r) => !r.ok);
  if (bad.length > 0) {
    const what = `${bad.length}/${row.runs.length} runs failed: ${bad[0].error}`;
    row.note = row.note ? `${row.note}; ${what}` : what;
  }
  if (good.length === 0) continue;
  const walls = good.map((r) => r.wallMs / 1000);
  const last = good.at(-1);
  const files = row.tool.group === 'eslint' ? last.files : corpus.tree.files;
  const bytes = row.tool.group === 'eslint' ? last.bytes : corpus.tree.bytes;
  // ESLint rows are scored on the planted credentials in the files they linted.
  const inScope = last.linted ? planted.filter((c) => last.linted.has(c.file)) : planted;
  const found = inScope.filter((c) => last.keys.has(`${c.file}:${c.line}`));
  row.stats = {
    n: good.length,
    median: median(walls),
    min: Math.min(...walls),
    max: Math.max(...walls),
    rssMB: good.some((r) => r.rssKiB !== null) ? Math.max(...good.map((r) => r.rssKiB ?? 0)) / 1024 : null,
    cpuS: good.every((r) => r.cpuS !== null) ? median(good.map((r) => r.cpuS)) : null,
    files,
    bytes,
    found: found.length,
    inScope: inScope.length,
    missed: inScope.filter((c) => !found.includes(c)),
    detail: last.detail ?? null,
  };
  if (row.tool.group === 'eslint') {
    const lint = median(good.map((r) => r.lintMs));
    const rules = row.tool.rulePrefix ? median(good.map((r) => r.ruleMs)) : null;
    Object.assign(row.stats, { lintMs: lint, parseMs: median(good.map((r) => r.parseMs)), ruleMs: rules });
  }
}

const result = {
  size: opts.size,
  runs,
  date: new Date().toISOString(),
  machine: {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadBefore: loadBefore.map((x) => Number(x.toFixed(2))),
    loadAfter: loadAfter.map((x) => Number(x.toFixed(2))),
    gnuTime: hasGnuTime,
  },
  durationS: Math.round((Date.now() - started) / 1000),
  corpus: {
    files: corpus.tree.files,
    bytes: corpus.tree.bytes,
    packages: corpus.installedPackages,
    planted: planted.length,
    eslintFiles: corpus.eslint.files,
    eslintBytes: corpus.eslint.bytes,
  },
  rows: rows.map((row) => ({
    id: row.tool.id,
    label: row.tool.label,
    group: row.tool.group,
    version: row.probe.version ?? null,
    note: row.note,
    runs: row.runs.map((r) => ({ wallS: r.wallMs / 1000, cpuS: r.cpuS, rssKiB: r.rssKiB, ok: r.ok, error: r.error })),
    stats: row.stats ? { ...row.stats, missed: row.stats.missed.map((c) => `${c.kind} ${c.file}:${c.line}`) } : null,
  })),
};

const { text, markdown } = formatReport(result);
console.log(text);
// A subset of the tools is a check, not a record: it must not replace the last complete table.
const stem = opts.tools ? `results-${opts.size}-partial` : `results-${opts.size}`;
writeFileSync(join(CACHE, `${stem}.json`), `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(join(CACHE, `${stem}.md`), markdown);
log(`\nWritten: .cache/bench/${stem}.json and .md`);

// 6. The start-up rows, after a complete run (not after a --tools subset).
if (!opts.tools) await startup(20);

/** Times the start-up rows and writes .cache/bench/results-startup.{json,md}. */
async function startup(rounds) {
  const { rows, notes } = await startupRows({
    compareBin: opts['compare-bin'],
    comparePlugins: opts['compare-plugin'] ?? [],
  });
  const loadBefore = loadavg();
  const timed = await runStartup({ rounds, rows, log });
  const result = {
    rounds,
    date: new Date().toISOString(),
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      node: process.version,
      loadBefore: loadBefore.map((x) => Number(x.toFixed(2))),
      loadAfter: loadavg().map((x) => Number(x.toFixed(2))),
    },
    notes,
    rows: timed,
  };
  const { text, markdown } = formatStartup(result);
  console.log(`\n${text}`);
  writeFileSync(join(CACHE, 'results-startup.json'), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(join(CACHE, 'results-startup.md'), markdown);
  log('Written: .cache/bench/results-startup.json and .md');
}
