#!/usr/bin/env node
// `pnpm bench:merge` (also `pnpm bench -- --merge`): times `mwsguard report merge` on generated
// per-repository JSON reports, at two sizes, so the ratio shows whether it is linear: 100 reports
// with 10,000 findings, then 1,000 reports with 100,000. Peak memory should barely grow: the
// merge holds one report and one entry per distinct fingerprint, never all findings.
// See docs/integrations/org-scale.md. Needs a build (`pnpm build`).

import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasGnuTime, measure } from './lib/measure.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'packages/mwsguard/bin/mwsguard.js');
const DIR = join(ROOT, '.cache/bench/merge');
const SIZES = [
  { reports: 100, findingsPerReport: 100 },
  { reports: 1000, findingsPerReport: 100 },
];
const KINDS = ['access-key-id', 'secret-key', 'mws-auth-token', 'lwa-client-secret', 'lwa-refresh-token'];
// One finding in 20 reuses one of 500 shared keys: what an org-wide merge is for.
const SHARED_EVERY = 20;
const SHARED_KEYS = 500;

const hex = (text) => createHash('sha256').update(text).digest('hex');

/** One report as `mwsguard scan --format json` writes it; made-up values, masked as the CLI masks. */
function report(r, count) {
  const findings = [];
  for (let i = 0; i < count; i++) {
    const n = r * count + i;
    const shared = n % SHARED_EVERY === 0;
    const key = shared ? `shared-${String(n % SHARED_KEYS)}` : `repo-${String(r)}-${String(i)}`;
    const kind = KINDS[(shared ? n % SHARED_KEYS : n) % KINDS.length];
    const tail = hex(key).slice(0, 4).toUpperCase();
    findings.push({
      ruleId: `mwsguard/${kind}`,
      kind,
      severity: 'error',
      file: `src/module-${String(i % 40)}/config-${String(i)}.env`,
      line: 1 + (i % 300),
      column: 19,
      endLine: 1 + (i % 300),
      endColumn: 39,
      secret: `AKIA************${tail}`,
      fingerprint: hex(`${kind}:${key}`),
      message: `Hard-coded credential AKIA************${tail}.`,
      recommendation: 'Remove it (and from git history) and rotate it.',
    });
  }
  const summary = { filesScanned: 2000, filesSkipped: 3, findings: count, incomplete: false };
  return `${JSON.stringify({ version: 1, findings, summary })}\n`;
}

function generate({ reports, findingsPerReport }) {
  const dir = join(DIR, `reports-${String(reports)}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = [];
  for (let r = 0; r < reports; r++) {
    const file = join(dir, `acme__repo-${String(r).padStart(4, '0')}.history.json`);
    writeFileSync(file, report(r, findingsPerReport));
    files.push(file);
  }
  return files;
}

const rows = [];
for (const size of SIZES) {
  const files = generate(size);
  const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
  for (const format of ['json', 'sarif', 'markdown']) {
    const output = join(DIR, `merged-${String(size.reports)}.${format}`);
    const m = await measure({
      command: process.execPath,
      args: [BIN, 'report', 'merge', '--format', format, '--output', output, ...files],
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1' },
      outFile: join(DIR, 'stdout.txt'),
      errFile: join(DIR, 'stderr.txt'),
      timeoutMs: 600_000,
    });
    if (m.code !== 0) throw new Error(`merge exited ${String(m.code)} (see ${join(DIR, 'stderr.txt')})`);
    rows.push({
      reports: size.reports,
      findings: size.reports * size.findingsPerReport,
      inputMB: bytes / 1e6,
      format,
      seconds: m.wallMs / 1000,
      peakMiB: m.rssKiB === null ? null : m.rssKiB / 1024,
      outputMB: statSync(output).size / 1e6,
    });
  }
}

const pad = (v, n) => String(v).padStart(n);
console.log('mwsguard report merge on generated reports (one finding in 20 reuses a shared key)');
console.log(
  `${pad('reports', 8)} ${pad('findings', 9)} ${pad('input MB', 9)} ${pad('format', 9)} ${pad('seconds', 8)} ${pad('peak MiB', 9)} ${pad('output MB', 10)}`,
);
for (const r of rows) {
  const peak = r.peakMiB === null ? 'n/a' : r.peakMiB.toFixed(0);
  console.log(
    `${pad(r.reports, 8)} ${pad(r.findings, 9)} ${pad(r.inputMB.toFixed(1), 9)} ${pad(r.format, 9)} ${pad(r.seconds.toFixed(2), 8)} ${pad(peak, 9)} ${pad(r.outputMB.toFixed(1), 10)}`,
  );
}
for (const format of ['json', 'sarif', 'markdown']) {
  const [small, large] = SIZES.map((s) => rows.find((r) => r.reports === s.reports && r.format === format));
  const peak = hasGnuTime ? `, peak memory x${(large.peakMiB / small.peakMiB).toFixed(2)}` : '';
  console.log(`${format}: 10x the findings took x${(large.seconds / small.seconds).toFixed(1)} the time${peak}.`);
}
