/**
 * Counts the work a function does on strings, deterministically: the characters each regex
 * `exec` and each string builtin visits while `fn` runs. The same input always gives the same
 * count, whatever else the machine is doing, so linearity tests compare counts, never times.
 *
 * What is counted:
 * - `RegExp.prototype.exec`: from where the search starts (`lastIndex` for global and sticky
 *   regexes, 0 otherwise) to the end of the match, or to the end of the input when nothing
 *   matches. Patching `exec` also routes `test`, `match`, `matchAll`, `replace`, `search` and
 *   `split` with a regex through it: the spec's RegExpExec calls the `exec` property, and V8
 *   leaves its fast paths once the prototype is changed. Backtracking inside one call is not
 *   visible here; `regexp/no-super-linear-backtracking` and `regexp/no-super-linear-move` (ESLint)
 *   rule it out statically.
 * - String builtins that walk or copy characters (`indexOf`, `includes`, `toLowerCase`,
 *   `charCodeAt` ...): the characters they visit or produce. `slice` and `substring` are one step
 *   (see below). `charCodeAt` counts one step, so hand-written scanning
 *   loops are counted too.
 */
export interface Work {
  /** Characters visited by regex searches and string builtins. */
  readonly steps: number;
  /** `RegExp.prototype.exec` calls. */
  readonly execCalls: number;
}

type Method = (this: string, ...args: never[]) => unknown;

/** Cost of a string builtin call, from its receiver, arguments and result. */
const STRING_COSTS: Record<string, (s: string, args: readonly unknown[], result: unknown) => number> = {
  indexOf: (s, [, from], r) => ((r as number) < 0 ? s.length : (r as number) + 1) - clampFrom(from, s.length),
  lastIndexOf: (s, [, from], r) => (from === undefined ? s.length : Number(from)) - Math.max(r as number, 0),
  includes: (s, [, from], r) => (r === true ? 1 : s.length - clampFrom(from, s.length)),
  startsWith: (_s, [search]) => String(search).length,
  endsWith: (_s, [search]) => String(search).length,
  // V8 makes a slice of 13 or more characters a view into its parent (a SlicedString), without
  // copying: one step. Walking the slice later is counted where it happens.
  slice: () => 1,
  substring: () => 1,
  charCodeAt: () => 1,
  codePointAt: () => 1,
  at: () => 1,
  toLowerCase: (s) => s.length,
  toUpperCase: (s) => s.length,
  trim: (s) => s.length,
  trimStart: (s) => s.length,
  trimEnd: (s) => s.length,
  repeat: (_s, _a, r) => (r as string).length,
  padStart: (_s, _a, r) => (r as string).length,
  padEnd: (_s, _a, r) => (r as string).length,
};

function clampFrom(from: unknown, length: number): number {
  const n = Math.trunc(Number(from ?? 0)) || 0;
  return Math.min(Math.max(n, 0), length);
}

/** Runs `fn` with the builtins patched and returns its result and the work it did. */
export function countWork<T>(fn: () => T, trace?: (cost: number) => void): { readonly result: T; readonly work: Work } {
  let steps = 0;
  let execCalls = 0;
  // The trace callback may use strings itself: its own work is neither counted nor traced.
  let tracing = false;
  const traceCall = (cost: number): void => {
    const before = [steps, execCalls] as const;
    tracing = true;
    try {
      trace?.(cost);
    } finally {
      tracing = false;
      [steps, execCalls] = before;
    }
  };
  const originalExec = Object.getOwnPropertyDescriptor(RegExp.prototype, 'exec');
  const originals = Object.keys(STRING_COSTS).map(
    (name) => [name, Object.getOwnPropertyDescriptor(String.prototype, name)] as const,
  );
  const exec = originalExec?.value as RegExp['exec'];
  Object.defineProperty(RegExp.prototype, 'exec', {
    configurable: true,
    writable: true,
    value: function countedExec(this: RegExp, input: string): RegExpExecArray | null {
      const s = input;
      const start = this.global || this.sticky ? this.lastIndex : 0;
      const match = exec.call(this, s);
      execCalls++;
      // A sticky or start-anchored search tries one position; others walk on to a match or the end.
      // (No patched builtin is called here: the counter's own work would be counted.)
      // eslint-disable-next-line @typescript-eslint/prefer-string-starts-ends-with -- startsWith is patched
      const onePosition = this.sticky || (this.source[0] === '^' && !this.multiline);
      const end = match === null ? (onePosition ? start : s.length) : match.index + match[0].length;
      steps += Math.max(1, end - start);
      if (trace && !tracing && end - start > 100) traceCall(end - start);
      return match;
    },
  });
  for (const [name, descriptor] of originals) {
    const original = descriptor?.value as Method;
    const cost = STRING_COSTS[name] as (s: string, args: readonly unknown[], result: unknown) => number;
    Object.defineProperty(String.prototype, name, {
      configurable: true,
      writable: true,
      value: function counted(this: string, ...args: never[]): unknown {
        const result = original.apply(this, args);
        const c = cost(this, args, result);
        steps += Math.max(1, c);
        if (trace && !tracing && c > 100) traceCall(c);
        return result;
      },
    });
  }
  try {
    const result = fn();
    return { result, work: { steps, execCalls } };
  } finally {
    if (originalExec) Object.defineProperty(RegExp.prototype, 'exec', originalExec);
    for (const [name, descriptor] of originals) {
      if (descriptor) Object.defineProperty(String.prototype, name, descriptor);
    }
  }
}

/**
 * Work at size 8n over work at size n. Linear code gives about 8 (less when a fixed cost
 * dominates the small size); quadratic code gives about 64. Counts are exact, so one run of each
 * size is enough.
 */
export function workRatio(run: (input: string) => unknown, make: (n: number) => string, n: number): number {
  const small = make(n);
  const large = make(n * 8);
  const a = countWork(() => run(small)).work;
  const b = countWork(() => run(large)).work;
  return Math.max(b.steps / Math.max(a.steps, 1), b.execCalls / Math.max(a.execCalls, 1));
}
