// Reading the docs the way the docs test needs them: fenced code blocks (with their language and
// `title="…"`), shell commands with their trailing comments, headings and relative links.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A fenced code block of a Markdown file. */
export interface CodeBlock {
  /** Repository-relative path of the Markdown file, with `/` separators. */
  readonly file: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  /** First word of the info string (`sh`, `json`, …), lower-cased; `''` when there is none. */
  readonly lang: string;
  /** The `title="…"` of the info string: the file the snippet stands for. */
  readonly title: string | undefined;
  /** The lines between the fences, with the fence's indentation removed, and a final newline. */
  readonly body: string;
}

// An opening fence: indentation, three or more backticks or tildes, then the info string.
const FENCE = /^( *)(`{3,}|~{3,})([^`~]*)$/;
const FENCE_LINE = /^ *(?:`{3}|~{3})/;

/** Every fenced code block of `text`, including blocks indented inside list items. */
export function codeBlocks(file: string, text: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i] ?? '');
    if (!open) continue;
    const indent = open[1]?.length ?? 0;
    const fence = open[2] ?? '```';
    const info = (open[3] ?? '').trim();
    const lang = /^[\w-]+/.exec(info)?.[0] ?? '';
    const title = /\btitle="([^"]+)"/.exec(info)?.[1];
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const current = (lines[j] ?? '').trim();
      if (current.startsWith(fence) && current.replaceAll(fence[0] ?? '`', '') === '') break;
      const raw = lines[j] ?? '';
      body.push(raw.startsWith(' '.repeat(indent)) ? raw.slice(indent) : raw.trimStart());
    }
    blocks.push({ file, line: i + 1, lang: lang.toLowerCase(), title, body: `${body.join('\n')}\n` });
    i = j;
  }
  return blocks;
}

/** One command line of a shell block. */
export interface ShellCommand {
  /** 1-based line of the Markdown file where the command starts. */
  readonly line: number;
  /** The command, continuation lines joined, without its trailing comment. */
  readonly command: string;
  /** The trailing comment, without `#`, or `''`. */
  readonly comment: string;
}

/** Splits a line into its command and its trailing `# comment` (a `#` outside quotes, after a space). */
function splitComment(line: string): { command: string; comment: string } {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote !== undefined) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"') i++;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1] ?? ''))) {
      return { command: line.slice(0, i).trimEnd(), comment: line.slice(i + 1).trim() };
    }
  }
  return { command: line.trimEnd(), comment: '' };
}

/**
 * The commands of a `sh` block, as paragraphs: runs of lines separated by blank lines. A paragraph
 * is one script (its lines share shell variables); comment lines are dropped.
 */
export function shellParagraphs(block: CodeBlock): ShellCommand[][] {
  const paragraphs: ShellCommand[][] = [[]];
  const lines = block.body.replace(/\n$/, '').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    if (raw.trim() === '') {
      if ((paragraphs.at(-1) ?? []).length > 0) paragraphs.push([]);
      continue;
    }
    if (raw.trimStart().startsWith('#')) continue;
    const line = block.line + 1 + i;
    let text = raw;
    while (text.endsWith('\\') && i + 1 < lines.length) text = `${text.slice(0, -1)} ${(lines[++i] ?? '').trim()}`;
    paragraphs.at(-1)?.push({ line, ...splitComment(text.trim()) });
  }
  return paragraphs.filter((p) => p.length > 0);
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The anchors of a Markdown text's headings (outside code blocks). */
export function anchors(text: string): Set<string> {
  const found = new Set<string>();
  let inFence = false;
  for (const line of text.split('\n')) {
    if (FENCE_LINE.test(line)) inFence = !inFence;
    const heading = inFence ? null : /^#{1,6} +(\S.*)$/.exec(line);
    if (heading) found.add(slug(heading[1] ?? ''));
  }
  return found;
}

/** A relative link of a Markdown text: `[text](target)`, outside code blocks and code spans. */
export interface Link {
  readonly line: number;
  readonly target: string;
}

/** Every relative link (not `http:`, `https:` or `mailto:`) of `text`. */
export function relativeLinks(text: string): Link[] {
  const links: Link[] = [];
  let inFence = false;
  text.split('\n').forEach((line, i) => {
    if (FENCE_LINE.test(line)) inFence = !inFence;
    if (inFence) return;
    for (const m of line.replace(/`[^`]*`/g, '').matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = m[1] ?? '';
      if (!/^(?:https?:|mailto:)/.test(target)) links.push({ line: i + 1, target });
    }
  });
  return links;
}

/** Repository-relative paths (with `/`) of the Markdown files under `dir`, sorted. */
export function markdownFiles(dir: string): string[] {
  return readdirSync(join(REPO_ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) =>
      relative(REPO_ROOT, join(REPO_ROOT, dir, name))
        .split(sep)
        .join('/'),
    )
    .sort();
}

/** Reads a repository file. */
export function readRepoFile(path: string): string {
  return readFileSync(join(REPO_ROOT, path), 'utf8');
}
