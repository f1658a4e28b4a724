import type { Container } from './containers.js';
import type { Kind, Severity } from './kinds.js';
import type { LineIndex } from './locate.js';
import type { AuthTokenOptions } from './mws-requests.js';
import type { ValueRun } from './runs.js';

/** A finding before positions, masking and prose are attached. Offsets are UTF-16 indexes. */
export interface RawFinding {
  readonly kind: Kind;
  readonly severity: Severity;
  readonly start: number;
  readonly end: number;
  /**
   * The plaintext the fingerprint and mask are computed from. For `shared-credentials` this is
   * a normalised description of the offending field, never a secret.
   */
  readonly secret: string;
  /** Extra facts for the message (e.g. the field name for `shared-credentials`). */
  readonly detail?: string;
  /** For `shared-credentials`: what the message says about the type-A structure. */
  readonly typeA?: TypeAFacts;
  /** For `access-key-id`: the key id is the public part of a presigned URL (a warning). */
  readonly presigned?: boolean;
  /** `shared-credentials`: the record that holds the keys (`table seller_keys`), when it is named. */
  readonly container?: Container;
  /** `shared-credentials`: the seller's key fields the record holds, as written (`access_key`, `secret_key`). */
  readonly fields?: readonly string[];
  /**
   * `shared-credentials` project candidates in a file with no seller id or token of its own: the
   * names of the records the file refers to (normalized); only a record of one of these names confirms it.
   */
  readonly links?: readonly string[];
  /**
   * `shared-credentials`: the record also holds an MWS Auth Token (or refresh token) field, named
   * here: a hybrid record, whose keys the token makes unnecessary.
   */
  readonly tokenField?: string;
}

/** What a `shared-credentials` finding's message says about the structure it reports. */
interface TypeAFacts {
  /**
   * `record`: a record, form or table; `request`: a request signed with keys from a seller's
   * record or hard-coded; `missing-token`: a request or client for a varying seller without an
   * MWS Auth Token (`mws-requests.ts`); `project`: a file carrying a seller's keys, reported only
   * when another file of its project holds a type-A record (`project-candidates.ts`).
   */
  readonly form: 'request' | 'record' | 'missing-token' | 'project';
  /** `missing-token`: the seller id's expression as written (`seller.sellerId`). */
  readonly seller?: string;
  /** The record also holds an MWS Auth Token, which makes its keys unnecessary. */
  readonly hybrid: boolean;
  readonly api: 'mws' | 'sp-api';
  /** Per-seller records of one collection this finding stands for. */
  readonly records: number;
  /** For form `record`: what shows the keys are a seller's (`MessageFacts.source`). */
  readonly source?: 'seller-id' | 'input' | 'record';
}

/** What every detector may read about the text being scanned. Built once per scan. */
export interface ScanContext {
  readonly text: string;
  readonly path: string;
  readonly index: LineIndex;
  /** The delimiter of a CSV/TSV export, whose values are bound to their header cell. */
  readonly tabular: string | undefined;
  /** The file is source code: unquoted values outside comments are expressions. */
  readonly isCode: boolean;
  /** An adapter named the value's binding (`classifyString`): the text is the value alone. */
  readonly hasNameOverride: boolean;
  /** The text mentions MWS (endpoints, parameters, client libraries). */
  readonly hasMwsContext: boolean;
  /** The text mentions AWS, Amazon, SP-API or LWA at all. */
  readonly hasAmazonContext: boolean;
  /** The text holds `secret` (any case): every secret-key name does. Computed on first use. */
  readonly hasSecretWord: boolean;
  /** The text holds the words of an access-key name (`ACCESS_KEY_NAME_WORDS`). Computed on first use. */
  readonly hasAccessKeyWord: boolean;
  /** The text shows Login with Amazon: an LWA client id, a refresh token, its endpoint or the SP-API host. */
  readonly hasLwaContext: boolean;
  /** True when the text holds `literal`, an `amzn…` prefix (`amznSearch`: one `zn` search per text). */
  readonly includesAmzn: (literal: string) => boolean;
  /** 0-based lines holding an access key id found so far (for pairing secrets with their key). */
  readonly accessKeyLines: Set<number>;
  /** What counts as a seller, a token and an own account for requests without a token (adapter options). */
  readonly authToken: AuthTokenOptions;
  /** An AST adapter knows the value sits next to an access key (same call or object). */
  readonly pairedWithAccessKey: boolean;
  /** Candidate values (base64-alphabet runs of 20, 40 or 64 characters), computed once. */
  readonly valueRuns: () => readonly ValueRun[];
  /** The name the value starting at `offset` is bound to (text reading, or the adapter's binding). */
  readonly nameAt: (offset: number) => string | undefined;
}

/** A positive or negative example a detector must (not) report; tests iterate these. */
export interface Sample {
  readonly text: string;
  /** File name the sample is scanned as (decides CSV handling and the like). */
  readonly path?: string;
  /** For positives: the exact value expected to be reported. */
  readonly value?: string;
  /** One line on why this sample is (not) a finding. */
  readonly reason: string;
}

/** A detector: one kind, its cheap prefilter keywords, its search and its samples. */
export interface Detector {
  readonly kind: Kind;
  /** Case-insensitive literals; a text containing none of them cannot produce a finding. */
  readonly keywords: readonly string[];
  readonly find: (ctx: ScanContext) => RawFinding[];
  readonly samples: { readonly positive: readonly Sample[]; readonly negative: readonly Sample[] };
}
