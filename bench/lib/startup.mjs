// The start-up rows of `pnpm bench`: the small runs users wait on (a pre-commit hook, lint-staged,
// `--version`), where Node's own start-up is most of the time. Each row is a fresh process; the
// rows alternate (A B C … A B C …) and every ratio is to `node -e 0` measured in the same rounds.

import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CACHE, ROOT } from './corpus.mjs';
import { measure, median } from './measure.mjs';

const BIN = join(ROOT, 'packages/mwsguard/bin/mwsguard.js');
const PLUGIN = join(ROOT, 'packages/eslint-plugin/dist/index.js');
const STAGED_COUNTS = [1, 5, 50];
const rootRequire = createRequire(join(ROOT, 'package.json'));

/**
 * ESLint's own rule sources (the pinned devDependency), in a fixed order: real code nobody here
 * wrote, of typical sizes, with no credentials in it, so every scanner's run is a clean one.
 */
function sourceFiles(count) {
  const dir = join(rootRequire.resolve('eslint/package.json'), '../lib/rules');
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.js') && name !== 'index.js')
    .sort()
    .map((name) => join(dir, name));
  if (files.length < count && count !== Number.POSITIVE_INFINITY) {
    throw new Error(`only ${files.length} source files to stage, ${count} wanted`);
  }
  return files.slice(0, count);
}

function git(cwd, ...args) {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr.trim()}`);
  return result.stdout;
}

const hasCommand = (command, args) => spawnSync(command, args, { encoding: 'utf8' }).status === 0;

/** A repository with `count` files staged (nothing committed): what a pre-commit hook sees. */
function stagedRepository(dir, count) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  git(dir, 'init', '--quiet');
  git(dir, 'config', 'user.email', 'bench@example.invalid');
  git(dir, 'config', 'user.name', 'bench');
  sourceFiles(count).forEach((file, i) =>
    copyFileSync(file, join(dir, `${String(i).padStart(3, '0')}-${basename(file)}`)),
  );
  git(dir, 'add', '--all');
  return dir;
}

/**
 * A repository whose history holds all of ESLint's rule sources (packed, as after `git gc`), with
 * `count` of them changed and staged: a commit hook in a project with history, where the staged
 * set is the index compared with the last commit.
 */
function historyRepository(dir, count) {
  stagedRepository(dir, 0);
  const all = sourceFiles(Number.POSITIVE_INFINITY);
  all.forEach((file) => copyFileSync(file, join(dir, basename(file))));
  git(dir, 'add', '--all');
  git(dir, 'commit', '--quiet', '-m', 'history');
  git(dir, 'gc', '--quiet');
  for (const file of all.slice(0, count)) appendFileSync(join(dir, basename(file)), '// changed\n');
  git(dir, 'add', ...all.slice(0, count).map((file) => basename(file)));
  return dir;
}

/**
 * The rows, each `{ id, label, command, args, cwd, okCodes }`, and notes for the peers that are
 * not installed. Repositories and configs are written under .cache/bench/startup/.
 * @param {{ compareBin?: string }} [options] `compareBin`: another mwsguard bin, timed in the same rounds
 */
export function startupRows({ compareBin } = {}) {
  const base = join(CACHE, 'startup');
  const rows = [
    { id: 'node', label: 'node -e 0', command: process.execPath, args: ['-e', '0'], cwd: base, okCodes: [0] },
  ];
  const notes = [];
  mkdirSync(base, { recursive: true });
  const mwsguard = (args, cwd) => ({ command: process.execPath, args: [BIN, ...args], cwd, okCodes: [0, 1] });
  const other = compareBin ? (args, cwd) => ({ ...mwsguard(args, cwd), args: [compareBin, ...args] }) : null;
  rows.push({ id: 'version', label: 'mwsguard --version', ...mwsguard(['--version'], base) });
  if (other) rows.push({ id: 'version-compared', label: '--compare-bin --version', ...other(['--version'], base) });
  rows.push({ id: 'help', label: 'mwsguard --help', ...mwsguard(['--help'], base) });
  if (other) rows.push({ id: 'help-compared', label: '--compare-bin --help', ...other(['--help'], base) });
  const gitSecrets = hasCommand('sh', ['-c', 'command -v git-secrets']);
  const gitleaks = hasCommand('sh', ['-c', 'command -v gitleaks']);
  if (!gitSecrets) notes.push('git-secrets is not installed (apt-get install git-secrets): its rows are skipped');
  if (!gitleaks) notes.push('gitleaks is not installed: its rows are skipped');
  for (const count of STAGED_COUNTS) {
    const repo = stagedRepository(join(base, `staged-${count}`), count);
    rows.push({
      id: `staged-${count}`,
      label: `mwsguard scan --staged, ${count} files`,
      ...mwsguard(['scan', '--staged'], repo),
    });
    if (other) {
      const label = `--compare-bin scan --staged, ${count} files`;
      rows.push({ id: `staged-${count}-compared`, label, ...other(['scan', '--staged'], repo) });
    }
    if (gitSecrets) {
      git(repo, 'secrets', '--register-aws');
      rows.push({
        id: `git-secrets-${count}`,
        label: `git secrets --scan --cached, ${count} files`,
        command: 'git',
        args: ['secrets', '--scan', '--cached'],
        cwd: repo,
        okCodes: [0, 1],
      });
    }
    if (gitleaks) {
      rows.push({
        id: `gitleaks-${count}`,
        label: `gitleaks protect --staged, ${count} files`,
        command: 'gitleaks',
        args: ['protect', '--staged', '--no-banner'],
        cwd: repo,
        okCodes: [0, 1],
      });
    }
  }
  const history = historyRepository(join(base, 'history-5'), 5);
  const historyLabel = `5 files on a history of ${String(sourceFiles(Number.POSITIVE_INFINITY).length)}`;
  rows.push({
    id: 'history-5',
    label: `mwsguard scan --staged, ${historyLabel}`,
    ...mwsguard(['scan', '--staged'], history),
  });
  if (other) {
    const label = `--compare-bin scan --staged, ${historyLabel}`;
    rows.push({ id: 'history-5-compared', label, ...other(['scan', '--staged'], history) });
  }
  if (gitSecrets) {
    git(history, 'secrets', '--register-aws');
    rows.push({
      id: 'git-secrets-history-5',
      label: `git secrets --scan --cached, ${historyLabel}`,
      command: 'git',
      args: ['secrets', '--scan', '--cached'],
      cwd: history,
      okCodes: [0, 1],
    });
  }
  rows.push(...eslintRows(join(base, 'eslint'), notes));
  return { rows, notes };
}

/** ESLint on 5 files, a fresh process each run, with the TypeScript parser: without and with our preset. */
function eslintRows(dir, notes) {
  const eslintPackage = rootRequire.resolve('eslint/package.json');
  const tseslint = pathToFileURL(rootRequire.resolve('typescript-eslint')).href;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = sourceFiles(5).map((file, i) => {
    const name = `${i}-${basename(file)}`;
    copyFileSync(file, join(dir, name));
    return name;
  });
  const config = (withPreset) =>
    [
      `import tseslint from ${JSON.stringify(tseslint)};`,
      ...(withPreset ? [`import mwsguard from ${JSON.stringify(pathToFileURL(PLUGIN).href)};`] : []),
      'export default [',
      ...(withPreset ? ['  ...mwsguard.configs.recommended,'] : []),
      "  { files: ['**/*.js'], languageOptions: { parser: tseslint.parser } },",
      '];',
      '',
    ].join('\n');
  writeFileSync(join(dir, 'without.config.mjs'), config(false));
  writeFileSync(join(dir, 'with.config.mjs'), config(true));
  const eslint = (configFile) => ({
    command: process.execPath,
    args: [join(eslintPackage, '../bin/eslint.js'), '--config', configFile, '--no-inline-config', ...files],
    cwd: dir,
    okCodes: [0, 1],
  });
  const rows = [{ id: 'eslint-5', label: 'eslint, 5 files, no preset', ...eslint('without.config.mjs') }];
  try {
    rootRequire.resolve(join(PLUGIN));
    rows.push({
      id: 'eslint-5-mwsguard',
      label: 'eslint, 5 files, + @mwsguard recommended',
      ...eslint('with.config.mjs'),
    });
  } catch {
    notes.push('@mwsguard/eslint-plugin is not built (pnpm build): its ESLint row is skipped');
  }
  return rows;
}

/** Runs the rows in alternating rounds; resolves to the rows with their runs and statistics. */
export async function runStartup({ rounds, rows, log }) {
  const outDir = join(CACHE, 'startup', 'out');
  mkdirSync(outDir, { recursive: true });
  const runs = new Map(rows.map((row) => [row.id, []]));
  for (let round = 1; round <= rounds; round++) {
    process.stderr.write(`[${round}/${rounds}] start-up rows… `);
    for (const row of rows) {
      const m = await measure({
        command: row.command,
        args: row.args,
        cwd: row.cwd,
        env: process.env,
        outFile: join(outDir, `${row.id}.out`),
        errFile: join(outDir, `${row.id}.err`),
        timeoutMs: 120_000,
      });
      if (m.timedOut || m.signal || !row.okCodes.includes(m.code)) {
        throw new Error(`${row.label}: exit ${m.code ?? m.signal} (see ${join(outDir, `${row.id}.err`)})`);
      }
      runs.get(row.id).push(m);
    }
    log('done');
  }
  const stats = (id) => {
    const list = runs.get(id);
    const walls = list.map((m) => m.wallMs / 1000);
    const cpus = list.filter((m) => m.cpuS !== null).map((m) => m.cpuS);
    return {
      n: list.length,
      median: median(walls),
      min: Math.min(...walls),
      cpu: cpus.length === list.length ? median(cpus) : null,
    };
  };
  const node = stats('node');
  return rows.map((row) => {
    const s = stats(row.id);
    return {
      id: row.id,
      label: row.label,
      ...s,
      ratio: s.median / node.median,
      cpuRatio: s.cpu && node.cpu ? s.cpu / node.cpu : null,
    };
  });
}

/** The start-up table, as text and as Markdown. */
export function formatStartup(result) {
  const head = ['run', 'runs', 'wall median s', 'min s', 'CPU s', '× node -e 0 (wall)', '× node -e 0 (CPU)'];
  const body = result.rows.map((r) => [
    r.label,
    String(r.n),
    r.median.toFixed(3),
    r.min.toFixed(3),
    r.cpu === null ? '—' : r.cpu.toFixed(3),
    r.ratio.toFixed(2),
    r.cpuRatio === null ? '—' : r.cpuRatio.toFixed(2),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const about = `Start-up, ${result.rounds} alternating rounds, ${result.date}; Node ${result.machine.node}, ${result.machine.cores} cores, load average ${result.machine.loadBefore.join(' ')} → ${result.machine.loadAfter.join(' ')}`;
  const notes = result.notes.map((n) => `- ${n}`);
  const text = [about, '', line(head), ...body.map(line), ...(notes.length ? ['', ...notes] : [])].join('\n');
  const markdown = [
    about,
    '',
    `| ${head.join(' | ')} |`,
    `| ${head.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...body.map((row) => `| ${row.join(' | ')} |`),
    ...(notes.length ? ['', ...notes] : []),
    '',
  ].join('\n');
  return { text, markdown };
}
