/**
 * Inline ignores, in any comment syntax (`//`, `#`, `/* *\/`, `<!-- -->`, `;`, `--`):
 * `mwsguard-ignore` on the finding's own line, `mwsguard-ignore-next-line` on the line before.
 * The directive is a word of its own, so the text `mwsguard-ignored` does not count. Formats
 * without comments (JSON) are ignored by fingerprint in the CLI's config instead.
 */
const DIRECTIVE = /mwsguard-ignore(-next-line)?(?![\w-])/g;

/** 1-based lines whose findings an inline directive suppresses. */
export function suppressedLines(text: string): Set<number> {
  const lines = new Set<number>();
  if (!text.includes('mwsguard-ignore')) return lines;
  let line = 1;
  let cursor = 0;
  DIRECTIVE.lastIndex = 0;
  for (let m = DIRECTIVE.exec(text); m !== null; m = DIRECTIVE.exec(text)) {
    for (; cursor < m.index; cursor++) {
      const c = text.charCodeAt(cursor);
      if (c === 10 || (c === 13 && text.charCodeAt(cursor + 1) !== 10)) line++;
    }
    lines.add(m[1] === undefined ? line : line + 1);
  }
  return lines;
}
