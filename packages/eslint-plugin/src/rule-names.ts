/** The name of an mwsguard rule, without the `@mwsguard/` prefix. */
export type RuleName = 'no-hardcoded-credentials' | 'no-shared-seller-credentials' | 'require-mws-auth-token';
