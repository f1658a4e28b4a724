import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../../packages/eslint-plugin/test/support/build.js';
import { REPO_ROOT } from '../cli/support/run-cli.js';
import { BIN, SPAWN_TIMEOUT, gitEnv, tempDir, writeTree } from '../cli/support/tree.js';
import { PLANTED, TREE } from './support/planted.js';

// Runs the CLI bin, ESLint with our preset and secretlint with our rule under a preload
// (`node --require`) that makes every socket and DNS entry point throw and log the attempt: the
// tools must work as usual and the log must stay empty. Worker threads inherit the preload
// (they get the parent's execArgv), and `syncBuiltinESMExports` carries the patches to ESM
// named imports (`import { connect } from 'node:net'`).

const PRELOAD = String.raw`'use strict';
const fs = require('node:fs');
const log = process.env.NO_NETWORK_LOG;
function deny(what) {
  return function denied() {
    if (log) fs.appendFileSync(log, what + '\n');
    throw new Error('network call: ' + what);
  };
}
const net = require('node:net');
net.Socket.prototype.connect = deny('net.Socket#connect');
net.connect = deny('net.connect');
net.createConnection = deny('net.createConnection');
const tls = require('node:tls');
tls.connect = deny('tls.connect');
const dns = require('node:dns');
for (const [api, label] of [[dns, 'dns.'], [dns.promises, 'dns.promises.']]) {
  for (const name of Object.keys(api)) {
    if (/^(?:lookup|lookupService|resolve\w*|reverse)$/.test(name)) api[name] = deny(label + name);
  }
}
dns.Resolver.prototype.resolve = deny('dns.Resolver#resolve');
for (const mod of ['http', 'https', 'http2']) {
  const m = require('node:' + mod);
  for (const name of ['request', 'get', 'connect']) if (typeof m[name] === 'function') m[name] = deny(mod + '.' + name);
}
require('node:dgram').createSocket = deny('dgram.createSocket');
globalThis.fetch = deny('fetch');
if (typeof WebSocket === 'function') globalThis.WebSocket = deny('WebSocket');
require('node:module').syncBuiltinESMExports();
`;

const require = createRequire(import.meta.url);
const resolveFrom = (pkgDir: string, name: string): string =>
  pathToFileURL(createRequire(join(REPO_ROOT, pkgDir, 'package.json')).resolve(name)).href;
const fileUrl = (path: string): string => pathToFileURL(join(REPO_ROOT, path)).href;

const work = tempDir('mwsguard-no-network-');
const tree = join(work.dir, 'tree');
const preload = join(work.dir, 'deny-network.cjs');
const log = join(work.dir, 'network.log');

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function node(args: readonly string[], cwd = tree): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...gitEnv(), NO_COLOR: '1', NO_NETWORK_LOG: log };
  delete env.NODE_OPTIONS;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', preload, ...args], { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, stdout, stderr });
    });
    child.stdin.end();
  });
}

const logged = (): string => (existsSync(log) ? readFileSync(log, 'utf8') : '');

beforeAll(() => {
  if (!existsSync(join(REPO_ROOT, 'packages/mwsguard/dist/run.js'))) {
    throw new Error('packages/mwsguard/dist is missing: run `npx tsc -b` first');
  }
  ensureBuilt();
  writeFileSync(preload, PRELOAD);
  writeTree(tree, TREE);
  // Past 256 files the CLI scans in worker threads: make sure those run under the preload too.
  const many: Record<string, string> = {};
  for (let i = 0; i < 300; i++) many[`many/f${String(i)}.txt`] = `line ${String(i)}\n`;
  writeTree(tree, many);
});
afterAll(work.cleanup);

describe('the preload', () => {
  it.each([
    ['fetch', "fetch('http://127.0.0.1:9/').catch(() => {});"],
    ['net.connect', "require('node:net').connect(9, '127.0.0.1');"],
    ['net.Socket#connect', "new (require('node:net').Socket)().connect(9, '127.0.0.1');"],
    ['dns.lookup', "require('node:dns').lookup('example.com', () => {});"],
    ['dns.promises.resolve4', "require('node:dns').promises.resolve4('example.com');"],
    ['https.get', "require('node:https').get('https://example.com/');"],
    ['tls.connect', "require('node:tls').connect(443, 'example.com');"],
    ['dgram.createSocket', "require('node:dgram').createSocket('udp4');"],
  ])('makes %s throw', { timeout: SPAWN_TIMEOUT }, async (what, code) => {
    const r = await node(['-e', code], work.dir);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(`network call: ${what}`);
  });

  it('reaches ESM named imports too', { timeout: SPAWN_TIMEOUT }, async () => {
    const r = await node(
      ['--input-type=module', '-e', "import { connect } from 'node:net'; connect(9, '127.0.0.1');"],
      work.dir,
    );
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('network call: net.connect');
  });
});

describe('under the preload', () => {
  /**
   * Writes a script that lints the planted tree and prints its error count, and runs it under the
   * preload: what it printed on stderr, its exit code, the count and what the preload logged.
   */
  async function countingRun(
    name: string,
    lines: readonly string[],
  ): Promise<{ stderr: string; code: number | null; count: number; logged: string }> {
    writeFileSync(log, '');
    const script = join(work.dir, name);
    writeFileSync(script, [...lines, 'console.log(count);', 'process.exitCode = count > 0 ? 1 : 0;', ''].join('\n'));
    const r = await node([script]);
    return { stderr: r.stderr, code: r.code, count: Number(r.stdout), logged: logged() };
  }

  it(
    'the CLI bin scans in every format (and with worker threads) without a network call',
    {
      timeout: SPAWN_TIMEOUT,
    },
    async () => {
      writeFileSync(log, '');
      const runs = await Promise.all(
        ['stylish', 'json', 'sarif', 'github', 'gitlab'].map((format) =>
          node([BIN, 'scan', '--format', format, '--jobs', format === 'json' ? '2' : '1', '.']),
        ),
      );
      for (const r of runs) {
        expect(r.stderr).not.toContain('network call');
        expect(r.code).toBe(1);
      }
      const explain = await node([BIN, 'explain', 'secret-key']);
      expect(explain.code).toBe(0);
      expect(logged()).toBe('');
    },
  );

  it(
    'ESLint with the recommended preset lints the tree without a network call',
    { timeout: SPAWN_TIMEOUT },
    async () => {
      const run = await countingRun('eslint-run.mjs', [
        `import { ESLint } from ${JSON.stringify(resolveFrom('.', 'eslint'))};`,
        `import mwsguard from ${JSON.stringify(fileUrl('packages/eslint-plugin/dist/index.js'))};`,
        'const eslint = new ESLint({ cwd: process.cwd(), overrideConfigFile: true,',
        "  overrideConfig: [{ files: ['**/*.js'], languageOptions: { sourceType: 'module' } }, ...mwsguard.configs.recommended] });",
        "const results = await eslint.lintFiles(['.']);",
        'const count = results.reduce((n, r) => n + r.errorCount, 0);',
      ]);
      expect(run).toMatchObject({ stderr: '', code: 1, logged: '' });
      expect(run.count).toBeGreaterThanOrEqual(10);
    },
  );

  it(
    'secretlint (lintSource with our rule) lints every file without a network call',
    { timeout: SPAWN_TIMEOUT },
    async () => {
      const run = await countingRun('secretlint-run.mjs', [
        "import { readFileSync } from 'node:fs';",
        `import { lintSource } from ${JSON.stringify(resolveFrom('packages/secretlint-rule-mws', '@secretlint/core'))};`,
        `import { creator } from ${JSON.stringify(fileUrl('packages/secretlint-rule-mws/dist/index.js'))};`,
        `const files = ${JSON.stringify(Object.keys(TREE))};`,
        'let count = 0;',
        'for (const filePath of files) {',
        "  const content = readFileSync(filePath, 'utf8');",
        '  const result = await lintSource({ source: { content, filePath, contentType: "text" },',
        '    options: { config: { rules: [{ id: creator.meta.id, rule: creator }] }, maskSecrets: true } });',
        '  count += result.messages.length;',
        '}',
      ]);
      expect(run).toMatchObject({ stderr: '', code: 1, logged: '' });
      expect(run.count).toBeGreaterThanOrEqual(10);
    },
  );

  it('the planted secrets are real findings (the runs above had work to do)', () => {
    expect(readFileSync(join(tree, 'src/client.js'), 'utf8')).toContain(PLANTED.accessKeyId);
    expect(require.resolve('eslint')).toContain('eslint');
  });
});
