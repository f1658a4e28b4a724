import { bindingName } from './bindings.js';
import type { AuthTokenOptions } from './mws-requests.js';
import { ACCESS_KEY_NAME_WORDS, SECRET_WORD_SOURCE } from './names.js';
import { LineIndex } from './locate.js';
import { valueRuns } from './runs.js';
import type { ValueRun } from './runs.js';
import { detectTabular, TabularIndex } from './tabular.js';
import { CODE_PATH } from './quoting.js';
import { amznSearch } from './strings.js';
import type { ScanContext } from './types.js';

/** Facts about a whole text that decide how its values are read and worded. */
export interface TextFacts {
  /** The text mentions MWS (endpoints, parameters, client libraries): messages say "MWS". */
  readonly hasMwsContext: boolean;
  /**
   * The text shows Login with Amazon: an LWA client id, a refresh token, the LWA token endpoint or
   * the SP-API host. A bare 64-hex value under a client-secret name there is an LWA secret.
   */
  readonly hasLwaContext: boolean;
}

const MWS_CONTEXT =
  /\bmws(?!guard)|mws\b|MWS(?!guard)|amazonservices|MarketplaceWebService|SellerId|peddler|AWSAccessKeyId/;
const AMAZON_CONTEXT = /aws|amazon|akia|selling.?partner|sp.?api|\blwa/i;

/** Builds the per-text context every detector reads. */
function hasOverrideName(overrides: object): boolean {
  return 'name' in overrides;
}

/** The last segment of a POSIX or Windows path. */
function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** File-level facts, for adapters that classify one value at a time (`classifyString`). */
export function textFacts(text: string): TextFacts {
  return { hasMwsContext: MWS_CONTEXT.test(text), hasLwaContext: hasLwaSign(text, amznSearch(text)) };
}

const LWA_CLIENT_ID = 'amzn1.application-oa2-client.';
// Literals only LWA texts hold: a refresh token's prefix, the token endpoint, the SP-API hosts
// (`sellingpartnerapi-na.amazon.com`). Plain `includes`, each one pass, run only for a text that
// holds a bare 64-hex value.
const LWA_SIGNS = ['Atzr|', 'api.amazon.com/auth/o2/token', 'sellingpartnerapi'];

/** The text shows Login with Amazon (see {@link TextFacts.hasLwaContext}). */
function hasLwaSign(text: string, amzn: (literal: string) => boolean): boolean {
  return amzn(LWA_CLIENT_ID) || LWA_SIGNS.some((sign) => text.includes(sign));
}
const SECRET_WORD = new RegExp(SECRET_WORD_SOURCE, 'i');

/** Builds the per-text context every detector reads. */
export function createContext(
  text: string,
  path: string,
  overrides: {
    name?: string | undefined;
    paired?: boolean;
    mws?: boolean;
    lwaContext?: boolean;
    authToken?: AuthTokenOptions;
  } = {},
): ScanContext {
  const index = new LineIndex(text);
  const tabular = hasOverrideName(overrides) ? undefined : detectTabular(text, path);
  const hasOverride = 'name' in overrides;
  let runs: readonly ValueRun[] | undefined;
  let mws: boolean | undefined = overrides.mws;
  let amazon: boolean | undefined;
  let secretWord: boolean | undefined;
  let accessKeyWord: boolean | undefined;
  let lwa: boolean | undefined;
  const table = new TabularIndex(text, index, tabular ?? ',');
  // One search for `zn` serves every detector's `amzn…` literal.
  const amzn = amznSearch(text);
  return {
    text,
    path,
    index,
    tabular,
    isCode: CODE_PATH.test(path),
    hasNameOverride: hasOverride,
    // Computed on first use: most texts never need them (no finding, no generic `secret` name).
    get hasMwsContext(): boolean {
      return (mws ??= MWS_CONTEXT.test(text));
    },
    // The file's own name may say it (`aws_credentials.ini`), never the folders above it: every
    // surface (relative or absolute paths, any working directory) must decide alike.
    get hasAmazonContext(): boolean {
      return (amazon ??= this.hasMwsContext || AMAZON_CONTEXT.test(text) || AMAZON_CONTEXT.test(baseName(path)));
    },
    // Read by several detectors; each is one pass over a text that lacks the words.
    get hasSecretWord(): boolean {
      return (secretWord ??= SECRET_WORD.test(text));
    },
    get hasAccessKeyWord(): boolean {
      return (accessKeyWord ??= ACCESS_KEY_NAME_WORDS.test(text));
    },
    // Read only when a bare 64-hex value shows up.
    get hasLwaContext(): boolean {
      return (lwa ??= overrides.lwaContext ?? hasLwaSign(text, amzn));
    },
    includesAmzn: amzn,
    accessKeyLines: new Set<number>(),
    authToken: overrides.authToken ?? {},
    pairedWithAccessKey: overrides.paired ?? false,
    valueRuns: () => (runs ??= valueRuns(text)),
    nameAt: hasOverride
      ? () => overrides.name
      : tabular === undefined
        ? (offset) => bindingName(text, index, offset)
        : (offset) => table.headerName(offset),
  };
}
