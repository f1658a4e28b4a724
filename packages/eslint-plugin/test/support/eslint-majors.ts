/**
 * The ESLint Node API of both supported majors, for integration tests outside this package
 * (they resolve `eslint9`, an alias of ESLint 9, from here).
 */
import { ESLint as ESLint10 } from 'eslint';
import { ESLint as ESLint9 } from 'eslint9';

/** Minimal surface shared by both majors' `ESLint` classes. */
export interface LintApi {
  lintFiles(patterns: string | string[]): Promise<
    {
      filePath: string;
      output?: string | undefined;
      messages: {
        ruleId: string | null;
        message: string;
        line: number;
        column: number;
        endLine?: number | undefined;
        endColumn?: number | undefined;
        fatal?: boolean | undefined;
      }[];
    }[]
  >;
}

/** `new ESLint(options)` for each major, keyed by its version line. */
export const ESLINT_MAJORS: Readonly<
  Record<'ESLint 9' | 'ESLint 10', (options: { cwd: string; overrideConfigFile: string; fix?: boolean }) => LintApi>
> = {
  'ESLint 9': (options) => new ESLint9(options),
  'ESLint 10': (options) => new ESLint10(options),
};

/** Versions actually loaded, to make sure the alias is the major it claims to be. */
export const ESLINT_VERSIONS = { 'ESLint 9': ESLint9.version, 'ESLint 10': ESLint10.version } as const;
