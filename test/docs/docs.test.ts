// The docs test: every command and config snippet in the docs is run or parsed.
//
// - Every command of a ```sh block in docs/**/*.md and README.md runs in a scratch copy of a small
//   project (workspace.ts) and must give the exit code the page states, unless commands.ts
//   allowlists it (network installs, git history rewriting, …).
// - Every JSON snippet parses; YAML snippets parse with js-yaml (installed as a dependency of
//   secretlint's config loader); TOML snippets, for which no parser is installed, get a minimal
//   line-by-line structural check. mwsguard configuration files are loaded by the built CLI,
//   `.secretlintrc.json` snippets by secretlint's own config loader and core, ESLint flat configs
//   by the real ESLint, and each then reports on a sample.
// - The guide's links resolve, its pages hold no credential, its code examples are clean, the
//   configuration page lists every CLI option, and the measured comparison table is recomputed.
//
// Needs a build first (`npx tsc -b`; the root `pnpm test` runs it before vitest).
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint, Linter } from 'eslint';
import noSecrets from 'eslint-plugin-no-secrets';
import tseslint from 'typescript-eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALLOWLIST, EXPECTED_EXIT, exitFromComment, runsDocumentedTool } from './commands.js';
import type { CodeBlock } from './markdown.js';
import {
  REPO_ROOT,
  anchors,
  codeBlocks,
  markdownFiles,
  readRepoFile,
  relativeLinks,
  shellParagraphs,
} from './markdown.js';
import {
  MWSGUARD_BIN,
  WORKSPACE_CONFIG_FILES,
  assertBuilt,
  createScratch,
  newWorkspace,
  runScript,
} from './workspace.js';
import type { Scratch } from './workspace.js';

// ---------------------------------------------------------------------------------------------
// The docs

/** Pages whose shell commands are run: the docs and the root README. */
const SHELL_DOCS = ['README.md', ...markdownFiles('docs')];
/** Pages whose config snippets are checked: the same, and the packages' READMEs. */
const SNIPPET_DOCS = [
  ...SHELL_DOCS,
  ...['core', 'mwsguard', 'eslint-plugin', 'secretlint-rule-mws']
    .map((name) => `packages/${name}/README.md`)
    .filter((path) => existsSync(join(REPO_ROOT, path))),
];
/** The guide pages written with this test (the rest of docs/ has its own tests too). */
const GUIDE_DOCS = [...markdownFiles('docs/guide'), 'docs/README.md'];

const blocksByFile = new Map(SNIPPET_DOCS.map((file) => [file, codeBlocks(file, readRepoFile(file))]));
const allBlocks = [...blocksByFile.values()].flat();
const blocksOf = (file: string): CodeBlock[] => blocksByFile.get(file) ?? [];
const where = (block: CodeBlock): string => `${block.file}:${String(block.line)}`;

const SHELL_LANGS = new Set(['sh', 'bash', 'shell']);
const JS_LANGS = new Set(['js', 'mjs', 'javascript', 'ts', 'tsx', 'jsx']);

// ---------------------------------------------------------------------------------------------
// Samples with credentials, taken from the example project so that no secret is written here.

const SAMPLE_ENV = readRepoFile('examples/seller-tools/.env');
const SAMPLE_ROUTES = readRepoFile('examples/seller-tools/src/onboarding/routes.ts');
const envValue = (name: string): string => new RegExp(`^${name}=(\\S+)$`, 'm').exec(SAMPLE_ENV)?.[1] ?? '';
const SAMPLE_JS = `export const mws = {\n  accessKeyId: '${envValue('MWS_ACCESS_KEY_ID')}',\n  secretKey: '${envValue('MWS_SECRET_KEY')}',\n};\n`;
const SAMPLE_TS = `export const mws: Record<string, string> = {\n  accessKeyId: '${envValue('MWS_ACCESS_KEY_ID')}',\n  secretKey: '${envValue('MWS_SECRET_KEY')}',\n};\n`;

// ---------------------------------------------------------------------------------------------
// Tools resolved the way their CLIs resolve them

const requireFrom = (path: string): NodeJS.Require => createRequire(path);
const requireFromRule = requireFrom(join(REPO_ROOT, 'packages/secretlint-rule-mws/package.json'));
/** `require` as seen by `@secretlint/node`, the package the secretlint 13 CLI lints with. */
const requireFromSecretlintNode = requireFrom(
  requireFrom(requireFromRule.resolve('secretlint/package.json')).resolve('@secretlint/node/package.json'),
);

interface SecretlintMessage {
  readonly ruleId: string;
  readonly loc: { readonly start: { readonly line: number } };
}
interface SecretlintApi {
  loadPackagesFromConfigDescriptor(options: {
    configDescriptor: unknown;
    node_moduleDir: string;
  }): Promise<{ readonly config: unknown }>;
  lintSource(options: {
    source: { content: string; filePath: string; contentType: 'text' };
    options: { config: unknown; maskSecrets: boolean; locale?: string };
  }): Promise<{ readonly messages: readonly SecretlintMessage[] }>;
}

async function importFile(path: string): Promise<unknown> {
  return (await import(pathToFileURL(path).href)) as unknown;
}

/** secretlint's own config loader and core, the versions its CLI uses. */
async function loadSecretlint(): Promise<SecretlintApi> {
  const loader = (await importFile(requireFromSecretlintNode.resolve('@secretlint/config-loader'))) as Pick<
    SecretlintApi,
    'loadPackagesFromConfigDescriptor'
  >;
  const core = (await importFile(requireFromSecretlintNode.resolve('@secretlint/core'))) as Pick<
    SecretlintApi,
    'lintSource'
  >;
  return { loadPackagesFromConfigDescriptor: loader.loadPackagesFromConfigDescriptor, lintSource: core.lintSource };
}

/** js-yaml, as installed for secretlint's config loader (which reads `.secretlintrc.yaml`). */
function loadYamlParser(): { loadAll(text: string): unknown[] } {
  const loaderPkg = requireFromSecretlintNode.resolve('@secretlint/config-loader/package.json');
  const rcLoaderPkg = requireFrom(loaderPkg).resolve('rc-config-loader/package.json');
  return requireFrom(rcLoaderPkg)('js-yaml') as { loadAll(text: string): unknown[] };
}

/**
 * A minimal TOML check, since no TOML parser is installed: every line is blank, a comment, a
 * `[table]` or `[[array]]` header, or `key = value` with a non-empty value whose quotes and
 * brackets are balanced on the line.
 */
function tomlProblems(text: string): string[] {
  const balanced = (value: string): boolean => {
    const quotes = (value.match(/"/g) ?? []).length - (value.match(/\\"/g) ?? []).length;
    const opened = (value.match(/[[{]/g) ?? []).length;
    const closed = (value.match(/[\]}]/g) ?? []).length;
    return quotes % 2 === 0 && (value.match(/'/g) ?? []).length % 2 === 0 && opened === closed;
  };
  const ok = (line: string): boolean => {
    if (line === '' || line.startsWith('#')) return true;
    if (line.startsWith('[')) return /^\[{1,2}[^[\]]+\]{1,2}$/.test(line.replace(/\s#.*$/, ''));
    const eq = line.indexOf('=');
    if (eq < 1 || !/^[\w."' -]+$/.test(line.slice(0, eq))) return false;
    const value = line.slice(eq + 1).trim();
    return value !== '' && balanced(value);
  };
  return text
    .split('\n')
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(({ line }) => !ok(line))
    .map(({ line, n }) => `line ${String(n)}: ${line}`);
}

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built mwsguard CLI. */
function mwsguard(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [MWSGUARD_BIN, ...args], { cwd, env }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Setup

let scratch: Scratch;
let secretlint: SecretlintApi;

beforeAll(async () => {
  assertBuilt();
  scratch = createScratch();
  secretlint = await loadSecretlint();
});

afterAll(() => {
  // `scratch` is unset when the build check failed.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- see above
  if (scratch) rmSync(scratch.root, { recursive: true, force: true });
});

/** The config files a page's commands run with: Getting started's, then the page's own. */
function pageFiles(file: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const block of [...blocksOf('docs/guide/getting-started.md'), ...blocksOf(file)]) {
    if (block.title !== undefined && WORKSPACE_CONFIG_FILES.has(block.title)) files.set(block.title, block.body);
  }
  return files;
}

// ---------------------------------------------------------------------------------------------
// Shell commands

interface PlannedLine {
  readonly line: number;
  readonly command: string;
  /** What bash runs: the command with allowlisted `&&` parts replaced by `:`. */
  readonly script: string;
  readonly expected: number | undefined;
}

interface ShellPlan {
  readonly block: CodeBlock;
  readonly paragraphs: readonly (readonly PlannedLine[])[];
}

const usedAllowlist = new Set<string>();
const skipped: string[] = [];

const shellPlans: ShellPlan[] = SHELL_DOCS.flatMap((file) =>
  blocksOf(file)
    .filter((block) => SHELL_LANGS.has(block.lang))
    .map((block): ShellPlan => {
      const paragraphs = shellParagraphs(block).map((commands) =>
        commands.flatMap((c): PlannedLine[] => {
          if (c.command in ALLOWLIST) {
            usedAllowlist.add(c.command);
            skipped.push(c.command);
            return [];
          }
          const parts = c.command.split(' && ').map((part) => {
            if (!(part in ALLOWLIST)) return part;
            usedAllowlist.add(part);
            skipped.push(part);
            return ':';
          });
          const expected = exitFromComment(c.comment) ?? EXPECTED_EXIT[c.command]?.code;
          return [{ line: c.line, command: c.command, script: parts.join(' && '), expected }];
        }),
      );
      return { block, paragraphs };
    }),
);

const plannedLines = shellPlans.flatMap((plan) => plan.paragraphs.flat().map((line) => ({ plan, line })));

describe('shell commands in the docs', () => {
  it('finds the commands, and runs most of them', () => {
    expect(plannedLines.length).toBeGreaterThan(30);
    expect(skipped.length).toBeLessThan(plannedLines.length);
  });

  it('has no stale allowlist entry', () => {
    expect(Object.keys(ALLOWLIST).filter((command) => !usedAllowlist.has(command))).toEqual([]);
  });

  it('has no stale expected exit code', () => {
    const commands = new Set(plannedLines.map(({ line }) => line.command));
    expect(Object.keys(EXPECTED_EXIT).filter((command) => !commands.has(command))).toEqual([]);
  });

  it('states the exit code of every command that runs mwsguard, ESLint or secretlint', () => {
    const undocumented = plannedLines
      .filter(({ line }) => line.expected === undefined && runsDocumentedTool(line.command))
      .map(({ plan, line }) => `${plan.block.file}:${String(line.line)}: ${line.command}`);
    expect(undocumented).toEqual([]);
  });

  it.concurrent.each(shellPlans.filter((plan) => plan.paragraphs.some((p) => p.length > 0)))(
    'runs $block.file:$block.line',
    async (plan) => {
      const workspace = newWorkspace(scratch, pageFiles(plan.block.file));
      const outcomes: { line: number; command: string; exit: number | undefined }[] = [];
      const expected: typeof outcomes = [];
      const outputs: string[] = [];
      for (const paragraph of plan.paragraphs.filter((p) => p.length > 0)) {
        const result = await runScript(
          scratch,
          workspace,
          paragraph.map((l) => l.script),
        );
        outputs.push(result.output);
        paragraph.forEach((l, i) => {
          outcomes.push({ line: l.line, command: l.command, exit: result.codes[i] });
          expected.push({ line: l.line, command: l.command, exit: l.expected ?? 0 });
        });
      }
      expect(outcomes, `output of the commands:\n${outputs.join('\n')}`).toEqual(expected);
    },
    60_000,
  );
});

// ---------------------------------------------------------------------------------------------
// README command A: the report it shows is the report the command prints

/** The README's command A, without the install (run from the repository root, as the README says). */
const COMMAND_A = ['scan', 'examples/seller-tools'];

describe('README command A', () => {
  const shown = blocksOf('README.md').filter((b) => b.title === 'output of command A');

  it('shows one report, the one `pnpm -s mwsguard scan examples/seller-tools` prints', async () => {
    expect(shown).toHaveLength(1);
    // Plain text, English, no progress: what a reader sees when stdout is not a terminal.
    const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, MWSGUARD_LOCALE: undefined };
    const run = await mwsguard(COMMAND_A, REPO_ROOT, env);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(shown[0]?.body, 'update the README block from the output of command A').toBe(run.stdout);
  }, 60_000);

  it('fits every line of the report in 120 columns and repeats no line', () => {
    const lines = (shown[0]?.body ?? '').split('\n').filter((l) => l.trim() !== '');
    expect(lines.filter((l) => l.length > 120)).toEqual([]);
    expect(lines.filter((l, i) => lines.indexOf(l) !== i)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Config snippets

const jsonBlocks = allBlocks.filter((b) => b.lang === 'json' || b.lang === 'jsonc');
const yamlBlocks = allBlocks.filter((b) => b.lang === 'yaml' || b.lang === 'yml');
const tomlBlocks = allBlocks.filter((b) => b.lang === 'toml');

const parseJson = (block: CodeBlock): unknown => JSON.parse(block.body) as unknown;
/** The parsed snippet, or `undefined` when it does not parse (its own test reports that). */
const tryParseJson = (block: CodeBlock): unknown => {
  try {
    return parseJson(block);
  } catch {
    return undefined;
  }
};
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `.secretlintrc.json` snippets: by title, or a `rules` list of `{ id }` naming secretlint rules. */
const secretlintBlocks = jsonBlocks.filter((b) => {
  if (b.title === '.secretlintrc.json') return true;
  const value = tryParseJson(b);
  return (
    isRecord(value) &&
    Array.isArray(value.rules) &&
    value.rules.length > 0 &&
    value.rules.every((rule) => isRecord(rule) && typeof rule.id === 'string' && rule.id.includes('secretlint'))
  );
});

/** mwsguard configuration snippets: by title, by `$schema`, or a package.json with a `mwsguard` key. */
const mwsguardConfigBlocks = jsonBlocks.filter((b) => {
  if (b.title === 'mwsguard.config.json') return true;
  const value = tryParseJson(b);
  return (
    isRecord(value) &&
    ((typeof value.$schema === 'string' && value.$schema.includes('mwsguard.config.schema')) || 'mwsguard' in value)
  );
});

/** ESLint flat configs: modules importing the plugin with a default export. */
const flatConfigBlocks = allBlocks.filter(
  (b) => JS_LANGS.has(b.lang) && b.body.includes("from '@mwsguard/eslint-plugin'") && b.body.includes('export default'),
);

/** How many flat-config snippets were also checked on TypeScript and on a `.env` file. */
const flatConfigCoverage = { ts: 0, env: 0 };

describe('config snippets in the docs', () => {
  it('finds them', () => {
    expect(jsonBlocks.length).toBeGreaterThan(10);
    expect(yamlBlocks.length).toBeGreaterThan(5);
    expect(secretlintBlocks.length).toBeGreaterThan(3);
    expect(mwsguardConfigBlocks.length).toBeGreaterThan(2);
    expect(flatConfigBlocks.length).toBeGreaterThan(3);
  });

  it.each(jsonBlocks)('JSON $file:$line parses', (block) => {
    expect(() => parseJson(block)).not.toThrow();
  });

  it.each(yamlBlocks)('YAML $file:$line parses', (block) => {
    const yaml = loadYamlParser();
    expect(() => yaml.loadAll(block.body)).not.toThrow();
  });

  it('the structural TOML check accepts TOML and rejects a broken line', () => {
    expect(tomlProblems('# mwsguard\n[tool.scan]\nignore = ["fixtures", "*.min.js"]\nquiet = true\n')).toEqual([]);
    expect(tomlProblems('[tool.scan]\nignore = ["fixtures"\n')).toEqual(['line 2: ignore = ["fixtures"']);
  });

  it('TOML snippets pass the structural check (no TOML parser is installed)', () => {
    expect(tomlBlocks.flatMap((b) => tomlProblems(b.body).map((p) => `${where(b)}: ${p}`))).toEqual([]);
  });

  it.each(mwsguardConfigBlocks)('mwsguard config $file:$line is accepted by the CLI', async (block) => {
    const dir = join(scratch.root, `config-${String(block.line)}-${block.file.replaceAll('/', '_')}`);
    mkdirSync(join(dir, 'empty'), { recursive: true });
    const isPackageJson = block.title !== 'mwsguard.config.json' && 'mwsguard' in (parseJson(block) as object);
    const name = isPackageJson ? 'package.json' : 'mwsguard.config.json';
    writeFileSync(join(dir, name), block.body);
    // --no-baseline: a snippet may name a baseline file that only exists in the reader's project.
    const run = await mwsguard(['scan', '--config', name, '--no-baseline', 'empty'], dir, scratch.env);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
  });

  it.each(secretlintBlocks)('.secretlintrc.json $file:$line is loaded by secretlint and reports', async (block) => {
    const { config } = await secretlint.loadPackagesFromConfigDescriptor({
      configDescriptor: parseJson(block),
      node_moduleDir: join(scratch.template, 'node_modules'),
    });
    const messages = [];
    for (const [name, content] of [
      ['.env', SAMPLE_ENV],
      ['routes.ts', SAMPLE_ROUTES],
    ] as const) {
      const result = await secretlint.lintSource({
        source: { content, filePath: join(scratch.template, name), contentType: 'text' },
        options: { config, maskSecrets: true },
      });
      messages.push(...result.messages);
    }
    expect(messages.filter((m) => m.ruleId === '@mwsguard/secretlint-rule-mws').length).toBeGreaterThan(0);
  });

  it.each(flatConfigBlocks)('ESLint flat config $file:$line loads and reports', async (block) => {
    const workspace = newWorkspace(scratch, new Map());
    const modulePath = join(workspace, 'node_modules/.docs-snippets/eslint.config.mjs');
    mkdirSync(dirname(modulePath), { recursive: true });
    writeFileSync(modulePath, block.body);
    // Under node_modules, so vitest leaves the import to Node: the snippet's imports resolve
    // from the workspace like a project's eslint.config.js.
    const { default: config } = (await importFile(modulePath)) as { default: Linter.Config[] };
    const eslint = new ESLint({ cwd: workspace, overrideConfigFile: true, overrideConfig: config });
    const lint = async (path: string, text: string): Promise<Linter.LintMessage[]> =>
      (await eslint.lintText(text, { filePath: join(workspace, path) })).flatMap((r) => r.messages);
    const reports = (messages: Linter.LintMessage[]): boolean =>
      messages.some((m) => m.ruleId === '@mwsguard/no-hardcoded-credentials');

    const js = await lint('src/sample.js', SAMPLE_JS);
    // TypeScript and config files are checked when the snippet's config covers them.
    const tsConfig = (await eslint.calculateConfigForFile(join(workspace, 'src/sample.ts'))) as
      { languageOptions?: { parser?: { meta?: { name?: string } } } } | undefined;
    const readsTs = tsConfig?.languageOptions?.parser?.meta?.name?.includes('typescript') === true;
    const envConfig = (await eslint.calculateConfigForFile(join(workspace, '.env'))) as
      { processor?: unknown } | undefined;
    const readsEnv = envConfig?.processor !== undefined;
    if (readsTs) flatConfigCoverage.ts++;
    if (readsEnv) flatConfigCoverage.env++;
    expect({
      fatal: js.filter((m) => m.fatal === true),
      js: reports(js),
      ts: readsTs ? reports(await lint('src/sample.ts', SAMPLE_TS)) : 'not configured',
      env: readsEnv ? reports(await lint('.env', SAMPLE_ENV)) : 'not configured',
    }).toEqual({ fatal: [], js: true, ts: readsTs ? true : 'not configured', env: readsEnv ? true : 'not configured' });
  });

  it('the flat-config snippets include TypeScript and config files', () => {
    expect(flatConfigCoverage.ts > 0 && flatConfigCoverage.env > 0).toBe(true);
  });

  it('VS Code settings list languages for the ESLint extension', () => {
    const settings = jsonBlocks.filter(
      (b) => b.title === '.vscode/settings.json' || b.body.includes('"eslint.validate"'),
    );
    expect(settings.length).toBeGreaterThan(0);
    for (const block of settings) {
      const value = parseJson(block);
      const validate = isRecord(value) ? value['eslint.validate'] : undefined;
      expect({
        where: where(block),
        ok: Array.isArray(validate) && validate.every((v) => typeof v === 'string'),
      }).toEqual({
        where: where(block),
        ok: true,
      });
    }
  });

  it('pre-commit configs use hook ids that .pre-commit-hooks.yaml defines', () => {
    const yaml = loadYamlParser();
    const hooks = yaml.loadAll(readRepoFile('.pre-commit-hooks.yaml'))[0] as { id: string }[];
    const ids = new Set(hooks.map((h) => h.id));
    const used = yamlBlocks.flatMap((block) => {
      const doc = yaml.loadAll(block.body)[0];
      const repos = isRecord(doc) && Array.isArray(doc.repos) ? (doc.repos as unknown[]) : [];
      return repos
        .filter((r) => isRecord(r) && typeof r.repo === 'string' && r.repo.includes('mwsguard'))
        .flatMap((r) => (isRecord(r) && Array.isArray(r.hooks) ? (r.hooks as { id: string }[]) : []))
        .map((h) => ({ where: where(block), id: h.id }));
    });
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((u) => !ids.has(u.id))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// The guide

describe('the guide', () => {
  it.each(GUIDE_DOCS)('%s: relative links and anchors resolve', (file) => {
    const broken = relativeLinks(readRepoFile(file)).filter(({ target }) => {
      const [path = '', anchor] = target.split('#');
      const resolved = path === '' ? file : posix.normalize(posix.join(posix.dirname(file), path));
      if (!existsSync(join(REPO_ROOT, resolved))) return true;
      if (anchor === undefined || !resolved.endsWith('.md')) return false;
      return !anchors(readRepoFile(resolved)).has(anchor);
    });
    expect(broken).toEqual([]);
  });

  it('holds no credential: mwsguard finds nothing in it', async () => {
    const run = await mwsguard(['scan', '--format', 'json', ...GUIDE_DOCS], REPO_ROOT, scratch.env);
    const report = JSON.parse(run.stdout) as { findings: { file: string; line: number; kind: string }[] };
    expect({ code: run.code, findings: report.findings }).toEqual({ code: 0, findings: [] });
  });

  it('its JavaScript and TypeScript examples pass the recommended preset', async () => {
    // The built plugin, as the flat-config snippets load it.
    const { default: plugin } = (await importFile(join(REPO_ROOT, 'packages/eslint-plugin/dist/index.js'))) as {
      default: { configs: { recommended: Linter.Config[] } };
    };
    const config = [
      { files: ['**/*.{ts,tsx}'], languageOptions: { parser: tseslint.parser } },
      ...plugin.configs.recommended,
    ];
    const examples = GUIDE_DOCS.flatMap(blocksOf).filter((b) => JS_LANGS.has(b.lang) && !flatConfigBlocks.includes(b));
    expect(examples.length).toBeGreaterThan(0);
    for (const block of examples) {
      const messages = new Linter().verify(block.body, config, { filename: `example.${block.lang}` });
      expect({ where: where(block), messages }).toEqual({ where: where(block), messages: [] });
    }
  });

  it('the configuration page lists every option of `mwsguard --help`', async () => {
    const help = await mwsguard(['--help'], REPO_ROOT, scratch.env);
    const options = new Set(help.stdout.match(/--[a-z][a-z-]*/g));
    expect(options.size).toBeGreaterThan(20);
    const page = readRepoFile('docs/guide/configuration.md');
    expect([...options].filter((option) => !page.includes(`\`${option}`))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// The measured comparison (docs/guide/comparison.md)

interface Place {
  readonly file: string;
  readonly line: number;
}

interface Measured {
  readonly reported: number;
  readonly other: number;
}

const EXAMPLE_DIR = join(REPO_ROOT, 'examples/seller-tools');
const expectedFindings: Place[] = Object.entries(
  JSON.parse(readRepoFile('examples/seller-tools/expected.json')) as Record<string, { line: number }[]>,
).flatMap(([file, findings]) => findings.map((f) => ({ file, line: f.line })));

function measure(places: readonly Place[]): Measured {
  const key = (p: Place): string => `${p.file}:${String(p.line)}`;
  const found = new Set(places.map(key));
  const planted = new Set(expectedFindings.map(key));
  return {
    reported: [...planted].filter((k) => found.has(k)).length,
    other: [...found].filter((k) => !planted.has(k)).length,
  };
}

const exampleFiles = Object.keys(
  JSON.parse(readRepoFile('examples/seller-tools/expected.json')) as Record<string, unknown>,
);

async function measureSecretlint(enableIDScanRule: boolean): Promise<Measured> {
  const { config } = await secretlint.loadPackagesFromConfigDescriptor({
    configDescriptor: {
      rules: [
        {
          id: '@secretlint/secretlint-rule-preset-recommend',
          rules: [{ id: '@secretlint/secretlint-rule-aws', options: { enableIDScanRule } }],
        },
      ],
    },
    node_moduleDir: join(scratch.template, 'node_modules'),
  });
  const places: Place[] = [];
  for (const file of exampleFiles) {
    const result = await secretlint.lintSource({
      source: {
        content: readFileSync(join(EXAMPLE_DIR, file), 'utf8'),
        filePath: join(EXAMPLE_DIR, file),
        contentType: 'text',
      },
      options: { config, maskSecrets: true },
    });
    places.push(...result.messages.map((m) => ({ file, line: m.loc.start.line })));
  }
  return measure(places);
}

async function measureNoSecrets(): Promise<Measured> {
  const eslint = new ESLint({
    cwd: EXAMPLE_DIR,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
      { files: ['**/*.ts'], plugins: { 'no-secrets': noSecrets }, rules: { 'no-secrets/no-secrets': 'error' } },
    ],
  });
  const results = await eslint.lintFiles(['**/*.ts']);
  return measure(
    results.flatMap((r) =>
      r.messages.map((m) => ({ file: posix.relative(EXAMPLE_DIR, r.filePath.split('\\').join('/')), line: m.line })),
    ),
  );
}

async function measureMwsguard(): Promise<Measured> {
  const run = await mwsguard(['scan', '--format', 'json', '.'], EXAMPLE_DIR, scratch.env);
  const report = JSON.parse(run.stdout) as { findings: Place[] };
  return measure(report.findings);
}

const version = (pkg: string, from: NodeJS.Require): string =>
  (JSON.parse(readFileSync(from.resolve(`${pkg}/package.json`), 'utf8')) as { version: string }).version;

describe('docs/guide/comparison.md', () => {
  it('states what the installed tools report on the example project', async () => {
    const page = readRepoFile('docs/guide/comparison.md');
    // The rows of the measured table: `| tool and settings | N of M | K |`.
    const rows = page
      .split('\n')
      .map((line) => line.split('|').map((cell) => cell.trim()))
      .filter((cells) => cells.length === 5 && /^\d+ of \d+$/.test(cells[2] ?? ''))
      .map(([, label = '', counts = '', other = '']) => ({
        label,
        reported: Number(counts.split(' of ')[0]),
        of: Number(counts.split(' of ')[1]),
        other: Number(other),
      }));
    const requireFromRoot = requireFrom(join(REPO_ROOT, 'package.json'));
    const measurements: { match: (label: string) => boolean; version: string; measured: Measured }[] = [
      {
        match: (l) => l.startsWith('mwsguard '),
        version: version('mwsguard', requireFromRoot),
        measured: await measureMwsguard(),
      },
      {
        match: (l) => l.includes('preset-recommend') && l.includes('default options'),
        version: version('@secretlint/secretlint-rule-preset-recommend', requireFromRule),
        measured: await measureSecretlint(false),
      },
      {
        match: (l) => l.includes('preset-recommend') && l.includes('enableIDScanRule'),
        version: version('@secretlint/secretlint-rule-preset-recommend', requireFromRule),
        measured: await measureSecretlint(true),
      },
      {
        match: (l) => l.includes('eslint-plugin-no-secrets'),
        version: version('eslint-plugin-no-secrets', requireFromRoot),
        measured: await measureNoSecrets(),
      },
    ];
    expect(rows).toHaveLength(measurements.length);
    for (const { match, version: installed, measured } of measurements) {
      const row = rows.find((r) => match(r.label));
      expect({
        label: row?.label.includes(installed),
        of: row?.of,
        reported: row?.reported,
        other: row?.other,
      }).toEqual({
        label: true,
        of: expectedFindings.length,
        reported: measured.reported,
        other: measured.other,
      });
    }
  });
});
