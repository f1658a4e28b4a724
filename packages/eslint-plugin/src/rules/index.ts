import type { TSESLint } from '@typescript-eslint/utils';
import type { RuleName } from '../rule-names.js';
import noHardcodedCredentials from './no-hardcoded-credentials.js';
import noSharedSellerCredentials from './no-shared-seller-credentials.js';
import requireMwsAuthToken from './require-mws-auth-token.js';

/** Every rule, keyed by name (alphabetical). */
export const rules = {
  'no-hardcoded-credentials': noHardcodedCredentials,
  'no-shared-seller-credentials': noSharedSellerCredentials,
  'require-mws-auth-token': requireMwsAuthToken,
} satisfies Record<RuleName, TSESLint.RuleModule<string, readonly unknown[]>>;
