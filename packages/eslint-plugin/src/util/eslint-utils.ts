// Scope and static-value helpers from `@eslint-community/eslint-utils`, the small package ESLint
// itself depends on. typescript-eslint's `ASTUtils` re-exports these same functions with
// TSESTree types; importing its index would load ~370 modules (and make npm install its
// `typescript` peer), so only its types are borrowed here.
import * as eslintUtils from '@eslint-community/eslint-utils';
import type { ASTUtils } from '@typescript-eslint/utils';

/** The variable a name or identifier refers to, searching outward from `initialScope`. */
export const findVariable = eslintUtils.findVariable as typeof ASTUtils.findVariable;

/** The value of an expression when it is statically known (`{ value }`), else `null`. */
export const getStaticValue = eslintUtils.getStaticValue as typeof ASTUtils.getStaticValue;
