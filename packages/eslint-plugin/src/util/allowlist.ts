/** Values and patterns a user allows: documented test keys of their own, fixtures, samples. */
export interface Allowlist {
  readonly values: readonly string[];
  readonly patterns: readonly string[];
}

/** Compiles an allowlist once per file; an invalid pattern fails loudly, naming the option. */
export function compileAllowlist({ values, patterns }: Allowlist): (value: string) => boolean {
  if (values.length === 0 && patterns.length === 0) return () => false;
  const exact = new Set(values);
  const regexes = patterns.map((source) => {
    try {
      return new RegExp(source, 'u');
    } catch (error) {
      throw new Error(`mwsguard: invalid allowPatterns entry ${JSON.stringify(source)}: ${String(error)}`, {
        cause: error,
      });
    }
  });
  return (value) => exact.has(value) || regexes.some((re) => re.test(value));
}
