// The tools the benchmark times: how to run each one, whether it is installed, and how to read
// back from its output which planted credentials it found.
//
// Scanners run on tree/ (the whole corpus); the ESLint rows run on eslint/ (a JS/TS subset of it).
// A planted credential counts as found when the tool reports anything on its line (the planted
// files hold at most one credential a line; tools report the value, its name or its quote).

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './corpus.mjs';

const rootRequire = createRequire(join(ROOT, 'package.json'));
// secretlint 13 is pinned by the secretlint rule package (its devDependencies): the benchmark uses
// that copy rather than a second one. It declares Node >= 22 and runs on Node 20.
const secretlintRequire = createRequire(join(ROOT, 'packages/secretlint-rule-mws/package.json'));

function tryResolve(req, id) {
  try {
    return req.resolve(id);
  } catch {
    return null;
  }
}

const versionOf = (req, name) => {
  const path = tryResolve(req, `${name}/package.json`);
  return path ? JSON.parse(readFileSync(path, 'utf8')).version : null;
};

/** `file` relative to `base`, `/`-separated. */
const relPath = (base, file) =>
  (isAbsolute(file) ? relative(base, file) : file.replace(/^\.\//, '')).split('\\').join('/');

/** `file:line` keys of every report. */
function keysFrom(base, entries) {
  return new Set(entries.map(([file, line]) => `${relPath(base, file)}:${line}`));
}

// ---------------------------------------------------------------------------------------------
// ripgrep: the "physical limit" proxy, with the same core patterns as the scanners look for.

// ASCII word boundaries and classes only: a Unicode `\b` makes ripgrep leave its DFA for a much
// slower engine on non-ASCII input (55 s instead of 5 s on the full corpus).
const RG_PATTERNS = [
  String.raw`(?-u:\b)(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?-u:\b)`,
  String.raw`amzn\.mws\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`,
  String.raw`amzn1\.oa2-cs\.v1\.[0-9a-fA-F]{64}`,
  String.raw`Atz[ar](?:\||%7[Cc])[A-Za-z0-9_-]{20,}`,
  String.raw`(?i)(?:secret_?access_?key|secret_?key|mws_?secret)[^A-Za-z0-9/+\n]{1,10}[A-Za-z0-9/+]{40}(?-u:\b)`,
];

const ripgrep = {
  id: 'rg',
  label: 'ripgrep (same core patterns)',
  group: 'scanner',
  probe() {
    const result = spawnSync('rg', ['--version'], { encoding: 'utf8' });
    if (result.error || result.status !== 0) {
      return { ok: false, note: 'ripgrep is not installed (apt-get install ripgrep): row skipped' };
    }
    return { ok: true, version: result.stdout.split('\n')[0] };
  },
  command(ctx) {
    const args = ['--no-config', '-uu', '--vimgrep', '--only-matching'];
    for (const pattern of RG_PATTERNS) args.push('-e', pattern);
    args.push('.');
    return { command: 'rg', args, cwd: ctx.treeDir, okCodes: [0, 1] };
  },
  parse(ctx, outFile) {
    const entries = [];
    for (const line of readFileSync(outFile, 'utf8').split('\n')) {
      const m = /^(?:\.\/)?(planted\/[^:]+):(\d+):\d+:/.exec(line);
      if (m) entries.push([m[1], Number(m[2])]);
    }
    return { keys: keysFrom(ctx.treeDir, entries) };
  },
};

// ---------------------------------------------------------------------------------------------
// mwsguard, through its bin only.

const MWSGUARD_BIN = join(ROOT, 'packages/mwsguard/bin/mwsguard.js');

const mwsguard = {
  id: 'mwsguard',
  label: 'mwsguard scan',
  group: 'scanner',
  probe() {
    if (!existsSync(join(ROOT, 'packages/mwsguard/dist/run.js'))) {
      return { ok: false, note: 'mwsguard is not built (pnpm build): row skipped' };
    }
    const result = spawnSync(process.execPath, [MWSGUARD_BIN, '--version'], { encoding: 'utf8' });
    return result.status === 0
      ? { ok: true, version: `mwsguard ${result.stdout.trim()}` }
      : { ok: false, note: `mwsguard --version failed: ${result.stderr.trim()}` };
  },
  command(ctx) {
    // The corpus lives under .cache/, which the repository's .gitignore ignores: --no-gitignore.
    // --max-file-size 0: read the same bytes as ripgrep and secretlint (the default 5 MiB cap
    // would skip the largest bundles of the full corpus). --no-config: no config file lookup.
    return {
      command: process.execPath,
      args: [MWSGUARD_BIN, 'scan', '.', '--no-gitignore', '--no-config', '--max-file-size', '0', '--format', 'json'],
      cwd: ctx.treeDir,
      okCodes: [0, 1],
    };
  },
  parse(ctx, outFile) {
    const report = JSON.parse(readFileSync(outFile, 'utf8'));
    const entries = report.findings.map((f) => [f.file, f.line]);
    const s = report.summary;
    const skipped = Object.entries(s.skippedByReason ?? {})
      .filter(([, n]) => n > 0)
      .map(([reason, n]) => `${n} ${reason}`)
      .join(', ');
    return {
      keys: keysFrom(ctx.treeDir, entries),
      detail: `${s.filesScanned} files scanned, ${s.filesSkipped} skipped${skipped ? ` (${skipped})` : ''}, ${s.findings} findings`,
    };
  },
};

// ---------------------------------------------------------------------------------------------
// secretlint 13.

const SECRETLINT_PRESET = '@secretlint/secretlint-rule-preset-recommend';
const SECRETLINT_RULE_MWS = join(ROOT, 'packages/secretlint-rule-mws');

function secretlintBin() {
  const pkg = tryResolve(secretlintRequire, 'secretlint/package.json');
  return pkg ? join(pkg, '../bin/secretlint.js') : null;
}

async function presetRuleIds() {
  const path = tryResolve(secretlintRequire, SECRETLINT_PRESET);
  const { creator } = await import(pathToFileURL(path).href);
  return creator.rules.map((rule) => rule.meta.id);
}

function secretlintTool({ id, label, format = 'unix', runs = undefined, rc, needsRule = false }) {
  return {
    id,
    label,
    group: 'scanner',
    runs,
    async probe(ctx) {
      const bin = secretlintBin();
      if (!bin || !tryResolve(secretlintRequire, SECRETLINT_PRESET)) {
        return { ok: false, note: 'secretlint is not installed (pnpm install): row skipped' };
      }
      if (needsRule && !existsSync(join(SECRETLINT_RULE_MWS, 'dist/index.js'))) {
        return { ok: false, note: '@mwsguard/secretlint-rule-mws is not built (pnpm build): row skipped' };
      }
      ctx.secretlintBin = bin;
      this.rcJson = JSON.stringify(await rc());
      return {
        ok: true,
        version: `secretlint ${versionOf(secretlintRequire, 'secretlint')}, preset-recommend ${versionOf(secretlintRequire, SECRETLINT_PRESET)}`,
      };
    },
    command(ctx) {
      const args = [
        ctx.secretlintBin,
        '--secretlintrcJSON',
        this.rcJson,
        '--format',
        format,
        '--no-color',
        '--no-terminalLink',
        '--no-gitignore',
        '**/*',
      ];
      return { command: process.execPath, args, cwd: ctx.treeDir, okCodes: [0, 1] };
    },
    parse(ctx, outFile) {
      const text = readFileSync(outFile, 'utf8');
      const entries = [];
      if (format === 'json') {
        for (const result of JSON.parse(text)) {
          for (const message of result.messages) entries.push([result.filePath, message.loc.start.line]);
        }
      } else {
        for (const line of text.split('\n')) {
          const m = /^(.+?):(\d+):\d+: /.exec(line);
          if (m) entries.push([m[1], Number(m[2])]);
        }
      }
      return { keys: keysFrom(ctx.treeDir, entries), detail: `${entries.length} reports` };
    },
  };
}

const presetOnly = () => ({ rules: [{ id: SECRETLINT_PRESET }] });

const secretlintTools = [
  secretlintTool({ id: 'secretlint', label: 'secretlint (preset-recommend)', rc: presetOnly }),
  // The issue's crash: the JSON formatter on a large tree. One run is enough to see it.
  secretlintTool({ id: 'secretlint-json', label: 'secretlint --format json', format: 'json', runs: 1, rc: presetOnly }),
  secretlintTool({
    id: 'secretlint-aws',
    label: 'secretlint: rule-aws only',
    rc: async () => ({
      rules: [
        {
          id: SECRETLINT_PRESET,
          rules: (await presetRuleIds())
            .filter((ruleId) => ruleId !== '@secretlint/secretlint-rule-aws')
            .map((ruleId) => ({ id: ruleId, disabled: true })),
        },
      ],
    }),
  }),
  secretlintTool({
    id: 'secretlint-mws',
    label: 'secretlint: @mwsguard rule only',
    needsRule: true,
    // An absolute path as the rule id: secretlint loads the built package from here.
    rc: () => ({ rules: [{ id: SECRETLINT_RULE_MWS }] }),
  }),
];

// ---------------------------------------------------------------------------------------------
// ESLint 10 on the JS/TS subset, with @typescript-eslint/parser for every file, without and with
// secret rules. --stats gives each rule's time per file; inline config is off so that the
// corpus's own eslint-disable comments (naming rules that are not loaded) change nothing.

function withoutTiming() {
  const env = { ...process.env };
  delete env.TIMING; // TIMING=1 would print a table into the JSON report
  return env;
}

const ESLINT_FILES = ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.jsx', '**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'];
const OUR_PLUGIN = join(ROOT, 'packages/eslint-plugin/dist/index.js');

function eslintTool({ id, label, prefix, extra }) {
  return {
    id,
    label,
    group: 'eslint',
    rulePrefix: prefix,
    async probe(ctx) {
      const pkg = tryResolve(rootRequire, 'eslint/package.json');
      const tseslint = tryResolve(rootRequire, 'typescript-eslint');
      if (!pkg || !tseslint) return { ok: false, note: 'eslint is not installed (pnpm install): row skipped' };
      ctx.eslintBin = join(pkg, '../bin/eslint.js');
      const setup = await extra();
      if (!setup.ok) return setup;
      const lines = [
        `// Written by bench/run.mjs for the "${label}" row.`,
        `import tseslint from ${JSON.stringify(pathToFileURL(tseslint).href)};`,
        ...setup.imports,
        '',
        'export default [',
        "  { ignores: ['bench-eslint-*.config.mjs'] },",
        ...setup.before,
        '  {',
        `    files: ${JSON.stringify(ESLINT_FILES)},`,
        "    languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module' },",
        '  },',
        ...setup.after,
        '];',
        '',
      ];
      this.configFile = join(ctx.eslintDir, `bench-eslint-${id}.config.mjs`);
      writeFileSync(this.configFile, lines.join('\n'));
      return {
        ok: true,
        version: `eslint ${versionOf(rootRequire, 'eslint')}${setup.version ? `, ${setup.version}` : ''}`,
      };
    },
    command(ctx) {
      return {
        command: process.execPath,
        args: [ctx.eslintBin, '--config', this.configFile, '--no-inline-config', '--stats', '--format', 'json', '.'],
        cwd: ctx.eslintDir,
        env: withoutTiming(),
        okCodes: [0, 1],
      };
    },
    parse(ctx, outFile) {
      const results = JSON.parse(readFileSync(outFile, 'utf8'));
      const entries = [];
      let lintMs = 0;
      let parseMs = 0;
      let ruleMs = 0;
      let fatal = 0;
      for (const result of results) {
        for (const message of result.messages) {
          if (message.fatal) fatal++;
          else if (message.ruleId && (!prefix || message.ruleId.startsWith(prefix))) {
            entries.push([result.filePath, message.line]);
          }
        }
        for (const pass of result.stats?.times.passes ?? []) {
          lintMs += pass.total ?? 0;
          parseMs += pass.parse?.total ?? 0;
          for (const [ruleId, time] of Object.entries(pass.rules ?? {})) {
            if (prefix && ruleId.startsWith(prefix)) ruleMs += time.total;
          }
        }
      }
      if (!ctx.eslintBytes.has(id)) {
        let bytes = 0;
        for (const result of results) bytes += statSync(result.filePath).size;
        ctx.eslintBytes.set(id, bytes);
      }
      return {
        keys: keysFrom(ctx.eslintDir, entries),
        linted: new Set(results.map((r) => relPath(ctx.eslintDir, r.filePath))),
        files: results.length,
        bytes: ctx.eslintBytes.get(id),
        lintMs,
        parseMs,
        ruleMs: prefix ? ruleMs : null,
        detail: `${results.length} files linted${fatal ? `, ${fatal} parse errors` : ''}`,
      };
    },
  };
}

const eslintTools = [
  eslintTool({
    id: 'eslint',
    label: 'eslint, no rules',
    prefix: null,
    extra: () => ({ ok: true, imports: [], before: [], after: [] }),
  }),
  eslintTool({
    id: 'eslint-no-secrets',
    label: 'eslint + no-secrets',
    prefix: 'no-secrets/',
    extra: () => {
      const path = tryResolve(rootRequire, 'eslint-plugin-no-secrets');
      if (!path) return { ok: false, note: 'eslint-plugin-no-secrets is not installed (pnpm install): row skipped' };
      return {
        ok: true,
        version: `eslint-plugin-no-secrets ${versionOf(rootRequire, 'eslint-plugin-no-secrets')}`,
        imports: [`import noSecrets from ${JSON.stringify(pathToFileURL(path).href)};`],
        before: [],
        after: [
          `  { files: ${JSON.stringify(ESLINT_FILES)}, plugins: { 'no-secrets': noSecrets }, rules: { 'no-secrets/no-secrets': 'error' } },`,
        ],
      };
    },
  }),
  eslintTool({
    id: 'eslint-mwsguard',
    label: 'eslint + @mwsguard recommended',
    prefix: '@mwsguard/',
    extra: async () => {
      if (!existsSync(OUR_PLUGIN)) {
        return { ok: false, note: '@mwsguard/eslint-plugin is not built (pnpm build): row skipped' };
      }
      try {
        const plugin = (await import(pathToFileURL(OUR_PLUGIN).href)).default;
        if (!Array.isArray(plugin?.configs?.recommended)) throw new Error('no configs.recommended preset');
      } catch (error) {
        return { ok: false, note: `@mwsguard/eslint-plugin cannot be loaded (${error.message}): row skipped` };
      }
      return {
        ok: true,
        version: '@mwsguard/eslint-plugin (this repository)',
        imports: [`import mwsguard from ${JSON.stringify(pathToFileURL(OUR_PLUGIN).href)};`],
        before: ['  ...mwsguard.configs.recommended,'],
        after: [],
      };
    },
  }),
];

export const TOOLS = [ripgrep, mwsguard, ...secretlintTools, ...eslintTools];
