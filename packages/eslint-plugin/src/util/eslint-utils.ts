// Scope and static-value helpers from `@eslint-community/eslint-utils`, the small package ESLint
// itself depends on. typescript-eslint's `ASTUtils` re-exports these same functions with
// TSESTree types; importing its index would load ~370 modules (and make npm install its
// `typescript` peer), so only its types are borrowed here.
//
// The package is required on the first call, not imported: only files that may hold a credential
// the text cannot show (`mayHoldStringCredentials`) need it, so a lint of clean files never loads
// it, and importing the plugin loads no module of another package (docs/performance.md,
// "Start-up"). Its CommonJS build is the one ESLint requires, so where an ESLint rule has already
// loaded it, the same module is reused.
import { createRequire } from 'node:module';
import type * as EslintUtils from '@eslint-community/eslint-utils';
import type { ASTUtils } from '@typescript-eslint/utils';

let loaded: typeof EslintUtils | undefined;

function eslintUtils(): typeof EslintUtils {
  loaded ??= createRequire(import.meta.url)('@eslint-community/eslint-utils') as typeof EslintUtils;
  return loaded;
}

/** The variable a name or identifier refers to, searching outward from `initialScope`. */
export const findVariable = ((...args: Parameters<typeof EslintUtils.findVariable>) =>
  eslintUtils().findVariable(...args)) as unknown as typeof ASTUtils.findVariable;

/** The value of an expression when it is statically known (`{ value }`), else `null`. */
export const getStaticValue = ((...args: Parameters<typeof EslintUtils.getStaticValue>) =>
  eslintUtils().getStaticValue(...args)) as unknown as typeof ASTUtils.getStaticValue;
