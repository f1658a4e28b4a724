import type { AST, Linter } from 'eslint';
import { CONFIG_BLOCK_NAME } from './util/file.js';
import { PLUGIN_NAME, PLUGIN_VERSION } from './util/package.js';
import { rules } from './rules/index.js';

/**
 * Config files ESLint should read through the `config-files` processor: dotenv, YAML, JSON, INI,
 * Java properties, TOML, XML (.NET App.config / Web.config) and AWS `credentials` files.
 */
export const CONFIG_FILES: readonly string[] = [
  '**/.env',
  '**/.env.*',
  '**/*.env',
  '**/*.yaml',
  '**/*.yml',
  '**/*.json',
  '**/*.ini',
  '**/*.properties',
  '**/*.toml',
  '**/*.xml',
  '**/*.config',
  '**/credentials',
];

/** Generated files that never hold credentials and are slow to read: lockfiles. */
export const CONFIG_FILES_IGNORED: readonly string[] = ['**/package-lock.json', '**/pnpm-lock.yaml', '**/yarn.lock'];

const RULE_NAMES = new Set(Object.keys(rules));

/**
 * Hands a config file to ESLint as one block holding the same text under a `.mwsguard` name, so
 * that only mwsguard's parser reads it and positions stay exactly the file's own.
 */
export const configFilesProcessor: Linter.Processor = {
  meta: { name: `${PLUGIN_NAME}/config-files`, version: PLUGIN_VERSION },
  supportsAutofix: false,
  preprocess(text: string) {
    return [{ text, filename: CONFIG_BLOCK_NAME }];
  },
  postprocess(messages: Linter.LintMessage[][]) {
    // JavaScript rules a project turns on for every file have nothing to say about YAML or INI:
    // keep mwsguard's messages, directive problems (rule id null) and parser errors.
    return messages
      .flat()
      .filter((m) => m.ruleId === null || RULE_NAMES.has(m.ruleId.slice(m.ruleId.lastIndexOf('/') + 1)));
  },
};

// A comment line or trailing comment carrying an ESLint directive: `# eslint-disable-next-line …`,
// `; eslint-disable-line`, `// eslint-enable`, `<!-- eslint-disable-next-line … -->`.
// eslint-disable-next-line regexp/no-super-linear-backtracking -- runs on one line at a time
const DIRECTIVE = /(^|\s)(#|;|\/\/|<!--)(\s*eslint-(?:disable|enable)\b.*?)(?:\s*-->)?\s*$/;

interface Position {
  line: number;
  column: number;
}

/** An ESTree line comment; ESLint reads directive comments from the program's `comments`. */
interface LineComment {
  type: 'Line';
  value: string;
  range: [number, number];
  loc: { start: Position; end: Position };
}

/**
 * The parser for config-file blocks: an empty program spanning the text, whose comments are the
 * file's ESLint directive comments, so `# eslint-disable-next-line` works in `.env` and YAML.
 */
export const configTextParser = {
  meta: { name: `${PLUGIN_NAME}/config-text`, version: PLUGIN_VERSION },
  parseForESLint(text: string): { ast: AST.Program } {
    const comments: LineComment[] = [];
    let line = 1;
    let lineStart = 0;
    const lineBreak = /\r\n|[\r\n\u2028\u2029]/g;
    let end: Position | undefined;
    const hasDirectives = text.includes('eslint-');
    while (end === undefined) {
      const m = lineBreak.exec(text);
      const lineEnd = m ? m.index : text.length;
      if (hasDirectives && text.slice(lineStart, lineEnd).includes('eslint-')) {
        const lineText = text.slice(lineStart, lineEnd);
        const d = DIRECTIVE.exec(lineText);
        if (d) {
          const start = lineStart + d.index + (d[1] ?? '').length;
          const valueStart = start + (d[2] ?? '').length;
          const value = d[3] ?? '';
          comments.push({
            type: 'Line',
            value,
            range: [start, valueStart + value.length],
            loc: {
              start: { line, column: start - lineStart },
              end: { line, column: valueStart + value.length - lineStart },
            },
          });
        }
      }
      if (!m) {
        end = { line, column: text.length - lineStart };
        continue;
      }
      line++;
      lineStart = m.index + m[0].length;
    }
    const ast = {
      type: 'Program',
      body: [],
      sourceType: 'module',
      comments,
      tokens: [],
      range: [0, text.length],
      loc: { start: { line: 1, column: 0 }, end },
    } as unknown as AST.Program;
    return { ast };
  },
};
