/** Public prefixes that may be shown in full: they name the credential type, not the secret. */
const PUBLIC_PREFIXES = ['amzn.mws.', 'amzn1.oa2-cs.v1.', 'Atzr|', 'Atzr%7C', 'Atzr%7c', 'Atza|'];

/** Longest run of `*` in a masked value, so a 400-character token stays readable. */
const MAX_STARS = 32;

/**
 * Masks a secret for display: the type prefix (if any) or the first 4 characters, the last 4
 * characters, and `*` in between (`AKIAIOSFODNN7EXAMPLE` → `AKIA************MPLE`). Short values
 * keep at most a quarter of their characters visible.
 */
export function maskSecret(secret: string): string {
  const prefix = PUBLIC_PREFIXES.find((p) => secret.startsWith(p));
  let head = prefix ? prefix.length : 4;
  let tail = 4;
  if (secret.length - head < 16) {
    // Short bodies (or short values) would reveal too much with 4 + 4 visible characters.
    const visible = Math.floor((secret.length - (prefix?.length ?? 0)) / 4);
    head = (prefix?.length ?? 0) + Math.ceil(visible / 2);
    tail = Math.floor(visible / 2);
    if (!prefix && secret.length >= 20) {
      head = 4;
      tail = 4;
    }
  }
  const hidden = secret.length - head - tail;
  if (hidden <= 0) return '*'.repeat(secret.length);
  return secret.slice(0, head) + '*'.repeat(Math.min(hidden, MAX_STARS)) + secret.slice(secret.length - tail);
}
