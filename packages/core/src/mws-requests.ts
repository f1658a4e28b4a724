import type { LineIndex } from './locate.js';
import { REQUEST_SELLER_PARAMS } from './mws-clients.js';
import { readRequestParams } from './mws-request-params.js';
import type { ParamNames } from './mws-request-params.js';
import { SECRET_WORD_SOURCE, nameRole, normalizeName } from './names.js';
import { trimChars } from './strings.js';
import { goReceivers, ownedByReceiver } from './self-held-fields.js';
import { firstAssignment } from './assignments.js';
import { classifyValue, IDENTIFIER, memberPath, readsCommandLine } from './value-shape.js';

/**
 * MWS requests and clients that act for a seller without an MWS Auth Token, in any text: URLs
 * (code, logs, recordings, docs), parameter sets handed to a client library, parameters set one
 * by one (`mws-request-params.ts`). The one decision behind the CLI, the secretlint rule and the
 * ESLint rule `require-mws-auth-token`.
 *
 * Without a token, MWS answers only for the account whose keys signed the request. A request for
 * a seller that varies per call (a parameter, a record field, a loop variable, several literal
 * seller ids) without a token is signed with each seller's own keys: type A. One fixed seller id
 * (a literal, or read from the environment or config) is a seller's own tool: its literal keys
 * are reported as their own kinds, the request is not. docs/kinds/shared-credentials.md.
 */

/** What counts as a seller, a token and an own account. Every surface's defaults are these. */
export interface AuthTokenOptions {
  /**
   * A seller id that is a literal or read from the environment or config is the program's own
   * account, which needs no token (unless several literal seller ids show several sellers).
   * Default `true`; `false` reports every request for a seller without a token.
   */
  readonly allowOwnAccount?: boolean;
  /** Extra names of seller id parameters (`shopSellerId`). */
  readonly sellerIdNames?: readonly string[];
  /** Extra names of MWS Auth Token parameters (`delegationToken`). */
  readonly authTokenNames?: readonly string[];
}

/** A request or client for a seller without a token: reported at its seller parameter. */
export interface UntokenedRequest {
  /** Offsets of the seller parameter's name (`SellerId`, `'merchantId'`), or of a positional seller id. */
  readonly start: number;
  readonly end: number;
  /** The seller parameter's name (`SellerId`, `merchantId`). */
  readonly param: string;
  /** The seller id's expression as written (`seller.sellerId`), or the literal seller id. */
  readonly seller: string;
  /** Where it was read: a URL, a request's parameters, a client, parameters set one by one. */
  readonly shape: 'url' | 'params' | 'client' | 'setter';
}

/** How a seller id is given: it varies per call, it is the program's own, or it is a literal. */
type SellerShape = 'varies' | 'own' | 'literal' | 'none';

interface Candidate extends UntokenedRequest {
  readonly shapeOfSeller: SellerShape;
  /** For literals: the seller id itself, compared across the text. */
  readonly literal?: string;
}

// `?…&SellerId=…` in a URL; the parameter name is captured for its position.
const QUERY_SELLER = /[?&](SellerId|Merchant)=/g;
// Characters that end a URL: space, quotes, angle brackets.
const isUrlStop = (c: number): boolean =>
  c === 32 || c === 9 || c === 10 || c === 13 || c === 34 || c === 39 || c === 96 || c === 60 || c === 62;
// The value of a query parameter: up to `&`, `#` or the end of the URL.
const QUERY_VALUE = /^[^&#]*/;
// An expression concatenated after a string: `'…SellerId=' + seller.id`, `"…=" . $seller->id`.
const CONCATENATED = /^["'`]\s*[+.,]\s*([$@\w][\w$@.>[\]-]{0,80})/;
// An interpolation: `${seller.id}`, `{seller_id}`, `#{seller.id}`, `<%= seller.id %>`, `$sellerId`.
const INTERPOLATED = /^(?:\$\{([^}]{1,80})\}|#?\{([^}]{0,80})\}|<%=?([^%]{1,80})%>|(\$\w{1,60}(?:->\w{1,60})*))/;
// printf-style and positional placeholders: `%s`, `%(seller)s`, `{}`, `{0}`.
const PLACEHOLDER = /^(?:%[sd(]|\{\d?\})/;
// How far around a URL in a string its statement may go (`"…" + "&MWSAuthToken=" + token`, an
// f-string continued on the next lines): up to a blank line or a line ending in `;`, bounded.
const STATEMENT = 600;
// An identifier whose first assignment may say where the seller id comes from.
const MAX_RESOLUTIONS = 20;
// The seller parameters' words: `SellerId`, `Merchant`, `merchant_id`, python-amazon-mws's `account_id`.
const SELLER_WORDS = /seller|merchant|account_?id/i;
// How far before the first seller word its name may begin (`setSellerId`, `mws_merchant_id`).
const MAX_WORD_BACK = 64;

/** True when one of a project's own seller parameter names is in the text. */
function listedIn(text: string, names: readonly string[] = []): boolean {
  return names.some((n) => n !== '' && text.includes(n));
}
// A project's own environment, config or options helper given a name: `mustEnv("MWS_SELLER_ID")`,
// WordPress's `get_option('amzn_seller_id')` (one seller per installation), also a method of a
// configuration class or object: CakePHP's `Configure::read('Shop.MWS.SELLER_ID')`, Laravel's
// `Config::get(…)`, CodeIgniter's `$this->config->item('seller_id')`.
// (A configuration class or the program's own config object, not any object's bag:
// `$store->options->get('mws_seller_id')` is that store's.)
// (Two patterns, not one alternation: eslint-plugin-regexp's duplicate-alternative check spent
// half a minute comparing the two bounded alternatives.)
const ENV_HELPER_CALL =
  /^[\w.$>-]{0,40}(?:env|Env|ENV|config|Config|setting|Setting|option|Option)\w{0,20}\(\s*["'][\w.-]{1,80}["'][^()]{0,40}\)$/;
const CONFIG_METHOD_CALL =
  /^(?:\$this->|self\.|this\.)?(?:Configure|Config|config|Settings|settings)(?:::|->|\.)\w{1,20}\(\s*["'][\w.-]{1,80}["'][^()]{0,40}\)$/;
/** True when `value` calls one of the helpers above with a name. */
function readsConfigHelper(value: string): boolean {
  return ENV_HELPER_CALL.test(value) || CONFIG_METHOD_CALL.test(value);
}
// A constant (`MERCHANT_ID`, `self::SELLER_ID`): one fixed seller, wherever it is defined.
export const CONSTANT = /^(?:[\w\\]{1,60}::)?[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$|^[A-Z]{2,}$/;
// (Command-line input, `readsCommandLine`: whoever runs the tool names the seller, so it acts for
// its own account.)
// The client's own state: a seller id it was built with (`this.sellerId`, `self.merchant_id`,
// Ruby's `@seller_id`, Perl's `$self->{merchant_id}`, `$this->authHandler->getMerchantId()`). A
// client library signs each request with the keys its caller gave it, for the one seller it was
// built for: whoever builds it per seller shows type A, at that record, not the library's request.
const CLIENT_OWN_SELLER =
  /^(?:(?:this|self|\$this|\$self)\s*(?:\.|->)\s*(?:\{\w+\}|\w+(?:\(\))?|\w*(?:auth|config|option|setting|credential|param)\w*\s*(?:\.|->)\s*\w+(?:\(\))?)|@\w+)$/i;

/** `names` (project-specific parameter names) as a search for their letters. */
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function paramNames(options: AuthTokenOptions): ParamNames {
  const sellers = new Set((options.sellerIdNames ?? []).map(normalizeName));
  const tokens = new Set((options.authTokenNames ?? []).map(normalizeName));
  const listed = (names: readonly string[] = []): string[] => names.filter((n) => n !== '').map(escape);
  return {
    isSeller: (name) => {
      const role = nameRole(name);
      return role === 'seller-id' || role === 'weak-seller-id' || sellers.has(normalizeName(name));
    },
    isRequestSeller: (name) => REQUEST_SELLER_PARAMS.includes(name) || sellers.has(normalizeName(name)),
    isToken: (name) => nameRole(name) === 'auth-token' || tokens.has(normalizeName(name)),
    sellerWords: new RegExp([SELLER_WORDS.source, ...listed(options.sellerIdNames)].join('|'), 'gi'),
    otherWords: new RegExp(
      ['token', 'AWSAccessKeyId', 'Signature', 'Action', ...listed(options.authTokenNames)].join('|'),
      'gi',
    ),
  };
}

/**
 * The requests and clients of `text` that act for a seller without an MWS Auth Token and are
 * type A by the rule above (or, with `allowOwnAccount: false`, every one with a seller id).
 * `mwsContext` says whether the text talks to MWS at all (`Merchant=` and `Action` are common words).
 */
export function untokenedRequests(
  text: string,
  index: LineIndex,
  mwsContext: () => boolean,
  options: AuthTokenOptions = {},
): UntokenedRequest[] {
  // Every request names its seller: most texts (bundles, generated code) never do.
  const firstSeller = listedIn(text, options.sellerIdNames) ? 0 : text.search(SELLER_WORDS);
  if (firstSeller === -1) return [];
  const names = paramNames(options);
  const resolve = resolver(text);
  const urls = urlRequests(text, mwsContext, options.authTokenNames ?? []);
  const params = readRequestParams(text, index, names, mwsContext, Math.max(0, firstSeller - MAX_WORD_BACK));
  const candidates: Candidate[] = [...urls.candidates.map((c) => withShape(c, resolve))];
  // A client may get its token per call: any token in the text may be its.
  const clientsTokened = params.anyToken || urls.anyToken;
  for (const e of params.evidence) {
    if (e.shape === 'client' && clientsTokened) continue;
    candidates.push(withShape({ start: e.start, end: e.end, param: e.name, seller: e.value, shape: e.shape }, resolve));
  }
  // Requests signed with keys read from a seller's record are the record judge's finding
  // (`shared-credentials.ts`): the keys are the seller's own, whatever the request carries.
  if (candidates.length === 0 || keysReadFromRecords(text)) return [];
  // Several literal seller ids: the requests act for several sellers (a log of a multi-seller
  // worker, one key used for two sellers).
  const literals = new Set(candidates.flatMap((c) => (c.literal === undefined ? [] : [c.literal])));
  const ownAllowed = options.allowOwnAccount ?? true;
  const seen = new Set<number>();
  return candidates
    .filter((c) => {
      if (seen.has(c.start)) return false;
      seen.add(c.start);
      // A request commented out (`// request.Merchant = merchantId;` in a sample) makes no call.
      if (commentedOut(text, index, c.start)) return false;
      if (c.shapeOfSeller === 'varies') return true;
      if (c.shapeOfSeller === 'literal') return !ownAllowed || literals.size >= 2;
      return c.shapeOfSeller === 'own' && !ownAllowed;
    })
    .sort((a, b) => a.start - b.start)
    .map(({ start, end, param, seller, shape }) => ({ start, end, param, seller, shape }));
}

// A line comment's opening: `//`, or `#` (not a Rust/PHP attribute `#[`).
const LINE_COMMENT = /^\s*(?:\/\/|#(?!\[))/;

/** True when `at` is on a line that is commented out before it. */
function commentedOut(text: string, index: LineIndex, at: number): boolean {
  const lineStart = index.lineStart(index.lineOf(at));
  return LINE_COMMENT.test(text.slice(lineStart, at));
}

// The words of key names (`accessKey`, `aws_secret_access_key`, `AccessKey`).
const KEY_WORD = new RegExp(`${SECRET_WORD_SOURCE}|access`, 'gi');
// Owners whose keys are the program's own: its options, its configuration. (`self.access_key`
// in a model is its record's; in a client library, the client's: either way the keys a request
// is signed with are one seller's own, no integrator's.)
const OWN_OWNER = /^(?:config|settings|options|opts|env|environ|getenv|credentials|secrets)$/i;

/**
 * True when a key is read from another object (`seller.accessKey`, `$store->secret_key`,
 * `row['aws_secret_key']`): requests in such a text are signed with per-seller keys.
 */
function keysReadFromRecords(text: string): boolean {
  let reads = 0;
  KEY_WORD.lastIndex = 0;
  for (let m = KEY_WORD.exec(text); m !== null && reads < 200; m = KEY_WORD.exec(text)) {
    let start = m.index;
    let end = start + m[0].length;
    while (start > 0 && start > m.index - 40 && /[\w$]/.test(text.charAt(start - 1))) start--;
    while (end < text.length && end < m.index + 40 && /[\w$]/.test(text.charAt(end))) end++;
    KEY_WORD.lastIndex = end;
    const role = nameRole(text.slice(start, end));
    if (role !== 'secret-key' && role !== 'access-key') continue;
    reads++;
    const q = /["':]/.test(text.charAt(start - 1)) ? 1 : 0;
    const accessor = text.slice(Math.max(0, start - q - 2), start - q);
    if (!/(?:\.|->|\[)$/.test(accessor) || (accessor.endsWith('[') && q === 0)) continue;
    const owner = ownerBefore(text, start - q - (accessor.endsWith('->') ? 2 : 1));
    if (owner !== '' && !OWN_OWNER.test(owner)) return true;
  }
  return false;
}

/** The object a member is read from: the identifier before `.`, `->` or `[` (`$` and `@` dropped). */
function ownerBefore(text: string, end: number): string {
  let i = end;
  while (i > 0 && i > end - 40 && /[\w$@]/.test(text.charAt(i - 1))) i--;
  return text.slice(i, end).replace(/^[$@]+/, (p) => (p.includes('@') ? '@' : ''));
}

/** A candidate with how its seller id is given. */
function withShape(r: UntokenedRequest & { literal?: boolean }, resolve: Resolver): Candidate {
  const { literal, ...request } = r;
  if (literal === true) return { ...request, shapeOfSeller: 'literal', literal: request.seller };
  const shape = resolve(request.seller);
  return { ...request, shapeOfSeller: shape.shape, ...(shape.literal === undefined ? {} : { literal: shape.literal }) };
}

type Resolver = (value: string) => { shape: SellerShape; literal?: string };

/**
 * How a seller id expression is given: a literal, the environment or config (own), or something
 * that varies. An identifier is followed to its first assignment (`const SELLER_ID = process.env.X`).
 */
function resolver(text: string): Resolver {
  let resolutions = 0;
  // A Go method's receiver is the client itself (`c.credentials.Merchant`), as `this` is.
  const receivers = goReceivers(text);
  const shapeOf = (value: string, depth: number): ReturnType<Resolver> => {
    const v = value.trim();
    const shape = classifyValue(v);
    if (shape === 'empty' || shape === 'decl') return { shape: 'none' };
    if (shape === 'env' || readsCommandLine(v, true) || readsConfigHelper(v) || CLIENT_OWN_SELLER.test(v))
      return { shape: 'own' };
    if (receivers.size > 0 && shape === 'ref' && ownedByReceiver(memberPath(v), receivers)) return { shape: 'own' };
    if (shape === 'literal') return { shape: 'literal', literal: v.replace(/^["'`]|["'`]$/g, '') };
    const name = v.replace(/^\*/, ''); // Go: `*sellerID` from `sellerID := flag.String(…)`
    const assigned =
      depth < 3 && IDENTIFIER.test(name) && ++resolutions <= MAX_RESOLUTIONS ? firstAssignment(text, name) : undefined;
    const inner = assigned === undefined ? undefined : shapeOf(assigned.value, depth + 1);
    if (inner !== undefined && inner.shape !== 'none') return inner;
    // A constant cannot vary per call (`const string merchantId = "";` in a sample, to be filled
    // with the program's own seller id).
    if (assigned?.constant === true) return { shape: 'own' };
    return { shape: CONSTANT.test(name) ? 'own' : 'varies' };
  };
  return (value) => shapeOf(value, 0);
}

/** Seller parameters in URLs without a token, and whether any URL carries one. */
function urlRequests(
  text: string,
  mwsContext: () => boolean,
  tokenNames: readonly string[],
): { candidates: (UntokenedRequest & { literal?: boolean })[]; anyToken: boolean } {
  const candidates: (UntokenedRequest & { literal?: boolean })[] = [];
  let anyToken = false;
  // A short literal is found several times faster than the regex's class-led start.
  if (!text.includes('Id=') && !text.includes('Merchant=')) return { candidates, anyToken };
  let judgedUntil = 0;
  QUERY_SELLER.lastIndex = 0;
  for (let m = QUERY_SELLER.exec(text); m !== null; m = QUERY_SELLER.exec(text)) {
    // The URL is the run of non-space characters around the parameter; each URL is read once.
    let urlStart = m.index;
    const floor = Math.max(judgedUntil, m.index - 2000);
    while (urlStart > floor && !isUrlStop(text.charCodeAt(urlStart - 1))) urlStart--;
    const valueStart = m.index + m[0].length;
    let urlEnd = valueStart;
    const ceiling = Math.min(text.length, valueStart + 4000);
    while (urlEnd < ceiling && !isUrlStop(text.charCodeAt(urlEnd))) urlEnd++;
    judgedUntil = urlEnd;
    QUERY_SELLER.lastIndex = urlEnd;
    const statement = statementAround(text, urlStart, urlEnd);
    if (carriesToken(statement, tokenNames)) {
      anyToken = true;
      continue;
    }
    if (!/amazonservices|AWSAccessKeyId=|SignatureVersion=/.test(statement) && !mwsContext()) continue;
    const param = m[1] ?? 'SellerId';
    const seller = sellerValue(text, valueStart, urlEnd);
    if (seller === undefined) continue;
    // Reported where the URL is signed (`AWSAccessKeyId`) when it names its key, else at its seller.
    const key = text.slice(urlStart, urlEnd).search(/[?&]AWSAccessKeyId=/);
    const start = key === -1 ? m.index + 1 : urlStart + key + 1;
    const end = start + (key === -1 ? param.length : 'AWSAccessKeyId'.length);
    candidates.push({ start, end, param, shape: 'url', ...seller });
  }
  return { candidates, anyToken };
}

/** The seller id after `SellerId=`: a literal, an interpolated or concatenated expression. */
function sellerValue(text: string, from: number, urlEnd: number): { seller: string; literal?: boolean } | undefined {
  const raw = QUERY_VALUE.exec(text.slice(from, urlEnd))?.[0] ?? '';
  if (raw === '') {
    // An empty value in code is filled in by what follows (`"&SellerId=" + seller.id`); in a log
    // it is a request for no seller.
    if (urlEnd !== from) return undefined;
    const concatenated = CONCATENATED.exec(text.slice(from, from + 100))?.[1];
    // `"…" . $seller->id . "&…"`: the expression ends before PHP's `.`.
    const expression = concatenated === undefined ? undefined : trimChars(concatenated, '.-', { start: false });
    return expression === undefined ? undefined : { seller: expression };
  }
  const interpolated = INTERPOLATED.exec(raw);
  if (interpolated) {
    const expression = (interpolated[1] ?? interpolated[2] ?? interpolated[3] ?? interpolated[4] ?? '').trim();
    return { seller: expression === '' ? raw : expression };
  }
  // Any other template mark (a long interpolation, `%s`, `{0}`): filled in per call.
  // (Its marks dropped: `${…}` alone reads as an environment substitution.)
  if (PLACEHOLDER.test(raw) || /[{$<%#]/.test(raw.replace(/%[0-9A-F]{2}/gi, '')))
    return { seller: trimChars(raw.replace(/^(?:\$\{|#?\{|<%=?)/, ''), ' \t}%>') };
  return { seller: raw, literal: true };
}

/**
 * The statement a URL belongs to: a URL in a string literal (next to a quote) goes on before and
 * after it up to a blank line or a line ending in `;`, bounded. A URL in a log ends with itself.
 */
function statementAround(text: string, urlStart: number, urlEnd: number): string {
  const quotedAfter = /["'`]/.test(text.charAt(urlEnd));
  const quotedBefore = /["'`]/.test(text.charAt(urlStart - 1));
  if (!quotedAfter && !quotedBefore) return text.slice(urlStart, urlEnd);
  const before = text.slice(Math.max(0, urlStart - STATEMENT), urlStart);
  const after = text.slice(urlEnd, urlEnd + STATEMENT);
  let from = 0;
  for (const m of before.matchAll(/;[ \t]*\r?\n|\n[ \t]*\r?\n/g)) from = m.index + m[0].length;
  const end = /;[ \t]*\r?\n|\n[ \t]*\r?\n/.exec(after);
  return `${before.slice(from)}${text.slice(urlStart, urlEnd)}${end ? after.slice(0, end.index) : after}`;
}

/** True when a statement sends a token: `MWSAuthToken=` (or a listed name) with a value or an expression after it. */
function carriesToken(statement: string, tokenNames: readonly string[]): boolean {
  for (const name of ['MWSAuthToken', ...tokenNames]) {
    const needle = `${name}=`;
    for (let at = statement.indexOf(needle); at !== -1; at = statement.indexOf(needle, at + needle.length)) {
      const next = statement.charAt(at + needle.length);
      if (next !== '' && next !== '&' && next !== '#' && !/\s/.test(next)) return true;
    }
  }
  return false;
}
