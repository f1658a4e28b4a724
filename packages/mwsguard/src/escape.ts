/**
 * Control characters as visible escapes (`\n`, `\r`, `\t`, `\x1b`, `\x7f`, `\x9b`…), for file
 * names and other input echoed in human-readable output. A file may be named with a newline or an
 * ANSI escape sequence: printed raw, its name could forge report lines or repaint the terminal.
 */
export function escapeControl(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex -- control characters are what this finds
    /[\u0000-\u001f\u007f-\u009f]/g,
    (c) => NAMED[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** {@link escapeControl} for a message whose own line breaks are meant (a multi-line error). */
export function escapeControlLines(text: string): string {
  return text.split('\n').map(escapeControl).join('\n');
}
