// The one table (plain text for the terminal, Markdown for docs/performance.md) and its notes.

const fmt = (x, digits = 2) => (x === null || x === undefined || Number.isNaN(x) ? '—' : x.toFixed(digits));
const sig = (x) =>
  x === null || x === undefined ? '—' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2);

const HEADERS = [
  'tool',
  'runs',
  'wall median s',
  'min s',
  'max s',
  'CPU s',
  'peak RSS MB',
  'MB/s',
  'files/s',
  '× rg',
  '× secretlint',
  'recall',
  'rule time',
];

function cells(row, result) {
  const s = row.stats;
  if (!s) {
    // Skipped, or every run failed: show how long the failed runs took and how much memory.
    const walls = row.runs.map((r) => r.wallS);
    const rss = row.runs.filter((r) => r.rssKiB !== null).map((r) => r.rssKiB / 1024);
    const cpu = row.runs.filter((r) => r.cpuS !== null).map((r) => r.cpuS);
    if (walls.length === 0) return [row.label, '0', 'skipped', ...HEADERS.slice(3).map(() => '')];
    return [
      row.label,
      `${walls.length}`,
      'failed',
      fmt(Math.min(...walls)),
      fmt(Math.max(...walls)),
      cpu.length ? fmt(Math.max(...cpu), 1) : '—',
      rss.length ? Math.max(...rss).toFixed(0) : '—',
      ...HEADERS.slice(7).map(() => '—'),
    ];
  }
  const ref = (id) => result.rows.find((r) => r.id === id)?.stats?.median ?? null;
  const scanner = row.group === 'scanner';
  const rg = scanner ? ref('rg') : null;
  const secretlint = scanner ? ref('secretlint') : null;
  let ruleTime = '—';
  if (row.group === 'eslint' && s.ruleMs !== null && s.ruleMs !== undefined) {
    ruleTime = `${(s.ruleMs / 1000).toFixed(2)} s = ${((100 * s.ruleMs) / s.lintMs).toFixed(1)}%`;
  } else if (row.group === 'eslint') {
    ruleTime = `lint ${(s.lintMs / 1000).toFixed(1)} s`;
  }
  return [
    row.label,
    `${s.n}`,
    fmt(s.median),
    fmt(s.min),
    fmt(s.max),
    fmt(s.cpuS, 1),
    s.rssMB === null ? '—' : s.rssMB.toFixed(0),
    sig(s.bytes / 1e6 / s.median),
    sig(s.files / s.median),
    rg ? `${(s.median / rg).toFixed(1)}×` : '—',
    secretlint ? `${(s.median / secretlint).toFixed(2)}×` : '—',
    `${s.found}/${s.inScope}`,
    ruleTime,
  ];
}

function notes(result) {
  const out = [];
  const c = result.corpus;
  const m = result.machine;
  out.push(
    `Corpus "${result.size}": ${c.files} files, ${(c.bytes / 1e6).toFixed(1)} MB from ${c.packages} npm packages, ` +
      `${c.planted} planted fake credentials; ESLint rows: the JS/TS subset (${c.eslintFiles} files, ` +
      `${(c.eslintBytes / 1e6).toFixed(1)} MB, planted files included).`,
  );
  out.push(
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, Node ${m.node}; load average ${m.loadBefore.join(' ')} before, ` +
      `${m.loadAfter.join(' ')} after; ${result.runs} alternating runs per tool; ${result.durationS} s in all.`,
  );
  if (!m.gnuTime) out.push('Peak RSS not measured: GNU time (/usr/bin/time) is not installed.');
  for (const row of result.rows) {
    const bits = [];
    if (row.version) bits.push(row.version);
    if (row.stats?.detail) bits.push(row.stats.detail);
    if (row.group === 'eslint' && row.stats) {
      bits.push(
        `lint time ${(row.stats.lintMs / 1000).toFixed(1)} s of which parsing ${(row.stats.parseMs / 1000).toFixed(1)} s`,
      );
    }
    if (row.stats?.missed.length && !(row.group === 'eslint' && row.stats.ruleMs === null)) {
      const byKind = {};
      for (const miss of row.stats.missed) {
        const kind = miss.split(' ')[0];
        byKind[kind] = (byKind[kind] ?? 0) + 1;
      }
      bits.push(
        `missed ${Object.entries(byKind)
          .map(([k, n]) => `${n} ${k}`)
          .join(', ')}`,
      );
    }
    if (row.note) bits.push(row.note);
    out.push(`${row.label}: ${bits.join('; ')}.`);
  }
  return out;
}

export function formatReport(result) {
  const body = result.rows.map((row) => cells(row, result));
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  const text = [
    '',
    line(HEADERS),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...body.map(line),
    '',
    ...notes(result).map((n) => `- ${n}`),
  ].join('\n');
  const md = [
    `| ${HEADERS.join(' | ')} |`,
    `| ${HEADERS.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...body.map((r) => `| ${r.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`),
    '',
    ...notes(result).map((n) => `- ${n}`),
    '',
  ].join('\n');
  return { text, markdown: md };
}
