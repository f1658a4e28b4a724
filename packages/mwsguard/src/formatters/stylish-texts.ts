import { resolveLocale } from '@mwsguard/core';
import type { SkipReason, SuppressReason } from '../result.js';
import { SKIP_REASON_TEXT, SUPPRESS_REASON_TEXT, plural } from '../summary.js';

/** Counts a headline reports. */
interface HeadlineCounts {
  readonly findings: number;
  readonly files: number;
  readonly scanned: number;
  readonly skipped: number;
  readonly commits: number | undefined;
}

/** Every sentence of the stylish report around the findings, in one language. */
export interface StylishTexts {
  readonly found: (c: HeadlineCounts) => string;
  readonly clean: (c: HeadlineCounts) => string;
  readonly byKind: string;
  readonly skipped: string;
  readonly suppressed: (count: number, reasons: string) => string;
  readonly baseline: (known: number, stale: number) => string;
  readonly reused: (secret: string, kind: string, count: number, places: string) => string;
  readonly moreReused: (count: number) => string;
  readonly andMore: (shown: string, more: number) => string;
  readonly incomplete: string;
  readonly firstAdded: (sha: string, author: string, email: string, date: string, count: number) => string;
  /** Heading of the per-kind advice after the findings. */
  readonly adviceHeading: string;
  /** Before a docs link. */
  readonly see: string;
  /** The false-positive line; `comment` is the inline directive in the file's syntax, if it has one. */
  readonly falsePositive: (comment: string | undefined) => string;
  readonly skipReasons: Readonly<Record<SkipReason, string>>;
  readonly suppressReasons: Readonly<Record<SuppressReason, string>>;
  /** Joins list items (`1 binary, 2 too large`). */
  readonly comma: string;
}

const EN: StylishTexts = {
  found: (c) => {
    const commits = c.commits === undefined ? '' : `${plural(c.commits, 'commit')}, `;
    return `✖ ${plural(c.findings, 'finding')} in ${plural(c.files, 'file')} (${commits}${plural(c.scanned, 'file')} scanned, ${String(c.skipped)} skipped)`;
  },
  clean: (c) => {
    const commits = c.commits === undefined ? '' : `${plural(c.commits, 'commit')}, `;
    const skipped = c.skipped > 0 ? `, ${String(c.skipped)} skipped` : '';
    return `✔ No credentials found (${commits}${plural(c.scanned, 'file')} scanned${skipped})`;
  },
  byKind: 'By kind: ',
  skipped: 'Skipped: ',
  suppressed: (count, reasons) => `Suppressed: ${String(count)} (${reasons})`,
  baseline: (known, stale) => {
    const staleText =
      stale > 0 ? `; ${String(stale)} stale ${stale === 1 ? 'entry' : 'entries'} (--verbose lists them)` : '';
    return `Baseline: ${plural(known, 'known finding')} not shown${staleText}`;
  },
  reused: (secret, kind, count, places) =>
    `Reused: ${secret} (${kind}) in ${String(count)} places: ${places}. One secret to rotate, ${String(count)} places to fix.`,
  moreReused: (count) => `Reused: ${String(count)} more reused secrets (see --format json).`,
  andMore: (shown, more) => `${shown} and ${String(more)} more`,
  incomplete: 'Scan incomplete: some files could not be read (see the warnings).',
  firstAdded: (sha, author, email, date, count) =>
    `first added in commit ${sha} by ${author} <${email}> on ${date}${count > 1 ? `; added in ${plural(count, 'commit')} in all` : ''}`,
  adviceHeading: 'What to do instead (full guidance: mwsguard explain <kind>):',
  see: 'See',
  falsePositive: (comment) =>
    comment === undefined
      ? 'False positive? Add an allowlist entry (by fingerprint) or a baseline:'
      : `False positive? Add a \`${comment}\` comment on its line, an allowlist entry or a baseline:`,
  skipReasons: SKIP_REASON_TEXT,
  suppressReasons: SUPPRESS_REASON_TEXT,
  comma: ', ',
};

const ZH_CN: StylishTexts = {
  found: (c) => {
    const commits = c.commits === undefined ? '' : `${String(c.commits)} 个提交，`;
    return `✖ ${String(c.files)} 个文件中有 ${String(c.findings)} 处发现（${commits}已扫描 ${String(c.scanned)} 个文件，跳过 ${String(c.skipped)} 个）`;
  },
  clean: (c) => {
    const commits = c.commits === undefined ? '' : `${String(c.commits)} 个提交，`;
    const skipped = c.skipped > 0 ? `，跳过 ${String(c.skipped)} 个` : '';
    return `✔ 未发现凭证（${commits}已扫描 ${String(c.scanned)} 个文件${skipped}）`;
  },
  byKind: '按类型：',
  skipped: '已跳过：',
  suppressed: (count, reasons) => `已抑制：${String(count)}（${reasons}）`,
  baseline: (known, stale) => {
    const staleText = stale > 0 ? `；${String(stale)} 条过期条目（--verbose 会列出）` : '';
    return `基线：${String(known)} 处已知发现未显示${staleText}`;
  },
  reused: (secret, kind, count, places) =>
    `重复使用：${secret}（${kind}）出现在 ${String(count)} 处：${places}。只需轮换一个密钥，但要修改 ${String(count)} 处。`,
  moreReused: (count) => `重复使用：另有 ${String(count)} 个重复使用的密钥（见 --format json）。`,
  andMore: (shown, more) => `${shown} 等另外 ${String(more)} 处`,
  incomplete: '扫描不完整：有些文件无法读取（见警告）。',
  firstAdded: (sha, author, email, date, count) =>
    `首次添加于提交 ${sha}，作者 ${author} <${email}>，日期 ${date}${count > 1 ? `；共有 ${String(count)} 个提交添加过它` : ''}`,
  adviceHeading: '应改用的做法（完整说明：mwsguard explain <类型>）：',
  see: '参见',
  falsePositive: (comment) =>
    comment === undefined
      ? '误报？请添加允许列表条目（按指纹）或基线：'
      : `误报？请在该行加上 \`${comment}\` 注释，或添加允许列表条目或基线：`,
  skipReasons: {
    binary: '二进制文件',
    tooLarge: '文件过大',
    symlink: '未跟随的符号链接',
    ignored: '被 --ignore 或配置忽略',
    unreadable: '无法读取',
    brokenSymlink: '失效的符号链接',
    symlinkLoop: '符号链接循环',
    notFound: '未找到',
  },
  suppressReasons: {
    inline: '行内 mwsguard-ignore',
    allowlistValue: '允许列表中的值',
    allowlistPath: '允许列表中的路径',
    allowlistFingerprint: '允许列表中的指纹',
  },
  comma: '，',
};

/** The stylish report's texts in `locale` (Simplified Chinese for `zh`, `zh-CN`, …); else English. */
export function stylishTexts(locale: string | undefined): StylishTexts {
  return resolveLocale(locale) === 'zh-CN' ? ZH_CN : EN;
}

// The inline directive as a comment of the file's language; `undefined` for formats without
// comments (JSON, CSV, notebooks), where the allowlist or a baseline is the way.
const HASH =
  /(?:^|\/)(?:\.env[^/]*|[^/]*\.(?:env|py|rb|sh|bash|zsh|ya?ml|toml|ini|cfg|conf|properties|tf|r|pl)|Dockerfile[^/]*|credentials|Gemfile|Rakefile)$/i;
const SLASHES =
  /\.(?:[cm]?[jt]sx?|java|kt|kts|scala|cs|go|php|c|cc|cpp|h|hpp|swift|rs|dart|groovy|gradle|json5|jsonc)$/i;
const DASHES = /\.sql$/i;
const MARKUP = /\.(?:md|markdown|html?|xml|config|csproj|vue|svelte)$/i;

/** The `mwsguard-ignore` directive written as a comment in `file`'s syntax, when it has one. */
export function ignoreComment(file: string): string | undefined {
  if (SLASHES.test(file)) return '// mwsguard-ignore';
  if (DASHES.test(file)) return '-- mwsguard-ignore';
  if (MARKUP.test(file)) return '<!-- mwsguard-ignore -->';
  if (HASH.test(file)) return '# mwsguard-ignore';
  return undefined;
}
