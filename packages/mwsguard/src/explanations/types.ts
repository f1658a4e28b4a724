import type { Kind } from '@mwsguard/core';

/** The long-form guidance on one kind, section by section. */
export interface Explanation {
  readonly kind: Kind;
  /** What exactly leaked. */
  readonly what: string;
  /** Why it matters: what someone holding it can do. */
  readonly why: string;
  /** How to rotate or revoke it, step by step. */
  readonly rotate: readonly string[];
  /** How the Seller ID + MWS Auth Token pattern replaces it. */
  readonly pattern: string;
  /** The SP-API equivalent. */
  readonly spApi: string;
}

/** Everything `mwsguard explain` and the rule help of SARIF/GitLab reports print, in one language. */
export interface ExplanationTexts {
  readonly explanations: Readonly<Record<Kind, Explanation>>;
  /** Short name of each kind (`MWS secret key`), the first line of `mwsguard explain`. */
  readonly titles: Readonly<Record<Kind, string>>;
  /** One line per kind, for the kind list of `mwsguard explain` without an argument. */
  readonly descriptions: Readonly<Record<Kind, string>>;
  readonly headings: {
    readonly what: string;
    readonly why: string;
    readonly rotate: string;
    readonly pattern: string;
    readonly spApi: string;
    /** Ends a heading that runs into its text in Markdown (`**What leaked.** The …`). */
    readonly headingEnd: string;
    /** Before the documentation link, spacing included (`More: https://…`). */
    readonly more: string;
    /** Markdown link text to the documentation. */
    readonly fullDocumentation: string;
    /**
     * After the title, spacing and brackets included (` (default severity: error)`);
     * `{{ severity }}` stays the config value (`error`, `warning`).
     */
    readonly defaultSeverity: string;
    /** First line of the kind list. */
    readonly usage: string;
    /** Heading of the kind list. */
    readonly kinds: string;
  };
}
