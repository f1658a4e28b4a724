import {
  BACKSLASH,
  CARRIAGE_RETURN,
  COLON,
  DOLLAR,
  DOT,
  GREATER_THAN,
  HYPHEN,
  LINE_FEED,
  SPACE,
  TAB,
  isWordChar,
} from './char-codes.js';
import { Layout } from './layout.js';
import { nameRole } from './names.js';
import type { LineIndex } from './locate.js';
import {
  callKind,
  mwsSimpleBindings,
  PARAM_SETTERS,
  PYTHON_MWS_POSITIONS,
  SIGNED_REQUEST_KEYS,
} from './mws-clients.js';
import type { CallKind } from './mws-clients.js';
import { classifyValue, cutValue } from './value-shape.js';

/**
 * MWS request parameters written as code, in any language: the entries of an object, dict,
 * array or keyword-argument list (`{ SellerId: seller.id }`, `'SellerId' => $id`,
 * `merchant_id: shop.merchant_id`, `account_id=seller_id`), parameters set one by one on a
 * receiver (`params.append('SellerId', id)`, `$request->setSellerId($id)`,
 * `params['MWSAuthToken'] = token`), and python-amazon-mws's positional arguments. A set of
 * parameters is an MWS request when it is signed (`AWSAccessKeyId`, `SignatureVersion`), names
 * an MWS `Action`, or is handed to a client library's call (`mws-clients.ts`). What this module
 * returns is evidence: each seller parameter of a request or client that carries no token.
 * `mws-requests.ts` decides which of them are type A.
 */

/** How the caller names sellers and tokens (core's name roles plus a project's own names). */
export interface ParamNames {
  /** A seller id parameter of a client or a library call (`sellerId`, `merchant_id`). */
  readonly isSeller: (name: string) => boolean;
  /** A seller id parameter of a signed request (`SellerId`, `Merchant`, a listed name). */
  readonly isRequestSeller: (name: string) => boolean;
  readonly isToken: (name: string) => boolean;
  /** A global, case-insensitive search for the words of every seller name. */
  readonly sellerWords: RegExp;
  /** The same for token names and the words that make a set a request (`AWSAccessKeyId`, `Action`). */
  readonly otherWords: RegExp;
}

/** A seller parameter of a request or client that carries no MWS Auth Token: one judge's evidence. */
interface ParamEvidence {
  /** `params`: one request; `client`: a client that may get its token per call; `setter`: set one by one. */
  readonly shape: 'params' | 'client' | 'setter';
  /** Offsets of the seller parameter as written (its name, quotes included, or its positional value). */
  readonly start: number;
  readonly end: number;
  /** The seller parameter's name, without quotes (`SellerId`, `account_id`). */
  readonly name: string;
  /** The seller id's expression as written. */
  readonly value: string;
  /** The set is bound to this name (`const params = {…}`), when it is. */
  readonly binding?: string;
}

/** What the file's parameters say, read once. */
export interface ParamFacts {
  readonly evidence: ParamEvidence[];
  /** Some request, client or setter in the file carries a token. */
  readonly anyToken: boolean;
}

/** One seller parameter, or one token, of a set. */
interface Entry {
  readonly name: string;
  readonly start: number;
  readonly end: number;
  readonly value: string;
}

/** The parameters of one bracket container, or of one receiver. */
interface ParamSet {
  readonly sellers: Entry[];
  token: boolean;
  signed: boolean;
  action: boolean;
  /**
   * The set also takes an SP-API refresh token (`shop.setSellerRefreshToken(…)`): a seller's
   * stored row after an SP-API authorization, never an MWS request, which has no refresh token.
   */
  refreshToken: boolean;
}

type Occurrence =
  | { readonly form: 'key'; readonly entry: Entry; readonly at: number }
  | { readonly form: 'receiver'; readonly entry: Entry; readonly receiver: string }
  | { readonly form: 'mention'; readonly at: number };

// The longest name judged; longer words are generated, never a parameter.
const MAX_WORD = 64;
// How far a value, an argument list or a head is read.
const VALUE_WINDOW = 160;
const HEAD_WINDOW = 160;
// How many uses of one binding are looked at, and how many bindings are looked up.
const MAX_USES = 30;
const MAX_LOOKUPS = 20;
// `set`/`with` + parameter: `$request->setSellerId($id)`, `request.withSellerId(id)`.
const SETTER_METHOD = /^(?:set|with|Set|With)[A-Z]\w*$/;
// A set compared rather than built: `assert params == {…}`, `expect(params).toEqual({…})`.
const COMPARED = /(?:[!=]==?|\bassert\w*|\bexpect\w*|\.to\w*Equal)[\s(]*$/;
// Values that hold no seller or token: blank, null, a placeholder, a declaration.
const isBlank = (value: string): boolean => {
  if (/^(?:\.{3}|…)$/.test(value.trim())) return true; // `account_id=...` in prose
  const shape = classifyValue(value);
  return shape === 'empty' || shape === 'decl';
};

// A character of a name here includes `$` (PHP variables, JS identifiers).
const isWordCode = (c: number): boolean => isWordChar(c) || c === DOLLAR;
const isSpaceCode = (c: number): boolean => c === SPACE || c === TAB || c === LINE_FEED || c === CARRIAGE_RETURN;

/** Offset of the first non-space character at or after `from` (bounded). */
function skipSpace(text: string, from: number): number {
  let i = from;
  const stop = Math.min(text.length, from + 200);
  while (i < stop && isSpaceCode(text.charCodeAt(i))) i++;
  return i;
}

/** Offset of the last non-space character before `from` (bounded), or -1. */
function skipSpaceBack(text: string, from: number): number {
  let i = from - 1;
  const stop = Math.max(0, from - 200);
  while (i >= stop && isSpaceCode(text.charCodeAt(i))) i--;
  return i;
}

/**
 * The receiver or callee ending just before `end`: `params`, `$this->request`, `amazonMws.orders.search`,
 * `MWS::Orders::Client.new`. At most 120 characters, `$` dropped and `->` read as `.`.
 */
function chainBefore(text: string, end: number): string {
  let i = end;
  const stop = Math.max(0, end - 120);
  while (i > stop) {
    const c = text.charCodeAt(i - 1);
    if (isWordCode(c) || c === DOT || c === BACKSLASH) i--;
    else if (c === COLON && text.charCodeAt(i - 2) === COLON) i -= 2;
    else if (c === GREATER_THAN && text.charCodeAt(i - 2) === HYPHEN) i -= 2;
    else break;
  }
  return text.slice(i, end).replace(/->/g, '.').replace(/\$/g, '');
}

/** The value after a separator at `from`: up to a `,`, `;` or closing bracket outside brackets and quotes. */
function valueAt(text: string, from: number): string {
  return cutValue(text.slice(skipSpace(text, from), from + VALUE_WINDOW));
}

/** Reads one occurrence of a name: a key of a set, a parameter set on a receiver, or a mere mention. */
function readOccurrence(text: string, start: number, end: number, word: string, layout: () => Layout): Occurrence {
  const q = text.charAt(start - 1);
  const quoted = (q === '"' || q === "'" || q === '`') && text.charAt(end) === q;
  let keyStart = quoted ? start - 1 : start;
  const keyEnd = quoted ? end + 1 : end;
  // A Ruby symbol key: `:merchant_id => id`.
  if (!quoted && q === ':' && text.charAt(start - 2) !== ':' && !isWordCode(text.charCodeAt(start - 2))) keyStart--;
  const prev = text.charAt(keyStart - 1);
  const next = skipSpace(text, keyEnd);
  const c = text.charAt(next);
  const mention: Occurrence = { form: 'mention', at: start };
  const entryAt = (value: string): Entry => ({ name: word, start: keyStart, end: keyEnd, value });
  // A member: `$request->setSellerId($id)`, `params.SellerId = id`.
  if (!quoted && (prev === '.' || (prev === '>' && text.charAt(keyStart - 2) === '-'))) {
    const receiver = chainBefore(text, keyStart - (prev === '.' ? 1 : 2));
    if (receiver === '') return mention;
    if (SETTER_METHOD.test(word) && c === '(')
      return { form: 'receiver', entry: entryAt(valueAt(text, next + 1)), receiver };
    if (c === '=' && !/[=>]/.test(text.charAt(next + 1)))
      return { form: 'receiver', entry: entryAt(valueAt(text, next + 1)), receiver };
    return mention;
  }
  // An index: `params['SellerId'] = id`, `params[:MWSAuthToken] = token`.
  if (prev === '[' && c === ']') {
    const eq = skipSpace(text, next + 1);
    if (text.charAt(eq) !== '=' || /[=>]/.test(text.charAt(eq + 1))) return mention;
    const receiver = chainBefore(text, keyStart - 1);
    return receiver === '' ? mention : { form: 'receiver', entry: entryAt(valueAt(text, eq + 1)), receiver };
  }
  const before = skipSpaceBack(text, keyStart);
  const b = text.charAt(before);
  // A setter's argument: `params.append('SellerId', id)`, `v.Add("SellerId", id)`.
  if (quoted && b === '(') {
    const method = chainBefore(text, before);
    const dot = Math.max(method.lastIndexOf('.'), 0);
    if (dot > 0 && PARAM_SETTERS.has(method.slice(dot + 1)) && c === ',')
      return { form: 'receiver', entry: entryAt(valueAt(text, next + 1)), receiver: method.slice(0, dot) };
  }
  // A key begins an entry: after an opening bracket, a comma or at the start of its line.
  if (before >= 0 && !'{([,\n'.includes(b) && !/\n[ \t]*$/.test(text.slice(Math.max(0, keyStart - 200), keyStart)))
    return mention;
  let valueFrom = -1;
  if (c === ':' && text.charAt(next + 1) !== ':') valueFrom = next + 1;
  else if (c === '=' && text.charAt(next + 1) === '>') valueFrom = next + 2;
  const container = layout().containerAt(keyStart);
  if (container < 0) return mention;
  const opener = text.charAt(container);
  if (c === '=' && opener === '(' && !/[=>]/.test(text.charAt(next + 1))) valueFrom = next + 1;
  if (valueFrom !== -1) return { form: 'key', entry: entryAt(valueAt(text, valueFrom)), at: container };
  // A JavaScript shorthand property: `{ sellerId, mwsAuthToken }`.
  if (!quoted && opener === '{' && (c === ',' || c === '}'))
    return { form: 'key', entry: entryAt(word), at: container };
  return mention;
}

/** The name a set is bound to: `const params = {`, `$params = array(`, `params = dict(`. */
function bindingBefore(text: string, opener: number): string | undefined {
  let i = skipSpaceBack(text, opener);
  const wrapper = chainBefore(text, i + 1);
  if (wrapper === 'array' || wrapper === 'dict') i = skipSpaceBack(text, i + 1 - wrapper.length);
  if (text.charAt(i) !== '=' || /[=!<>]/.test(text.charAt(i - 1))) return undefined;
  let j = skipSpaceBack(text, i);
  // A type annotation: `const params: Params = {`.
  const colon = text.lastIndexOf(':', j);
  if (colon > i - 60 && colon > text.lastIndexOf('\n', j) && /^[\s\w<>[\],.|]*$/.test(text.slice(colon + 1, j + 1)))
    j = skipSpaceBack(text, colon);
  const name = chainBefore(text, j + 1);
  return /^[a-z_]\w*$/i.test(name) ? name : undefined;
}

/** What a call does with the set opened at `opener` (its argument list, or its first argument). */
function callOf(text: string, opener: number, mwsSimple: ReadonlySet<string>): CallKind | undefined {
  let paren = opener;
  if (text.charAt(opener) !== '(') {
    paren = skipSpaceBack(text, opener);
    if (text.charAt(paren) !== '(') return undefined;
  } else {
    const wrapper = chainBefore(text, opener);
    if (wrapper === 'array' || wrapper === 'dict') {
      paren = skipSpaceBack(text, opener - wrapper.length);
      if (text.charAt(paren) !== '(') return undefined;
    }
  }
  const callee = chainBefore(text, paren);
  return callKind(
    callee,
    text.slice(Math.max(0, paren - callee.length - HEAD_WINDOW), paren - callee.length),
    mwsSimple,
  );
}

/**
 * Reads every MWS request parameter set of `text` and returns the seller parameters sent without
 * a token. `from`: no seller name begins before it (the caller found the first).
 */
export function readRequestParams(
  text: string,
  index: LineIndex,
  names: ParamNames,
  mwsContext: () => boolean,
  from = 0,
): ParamFacts {
  const containers = new Map<number, ParamSet>();
  const receivers = new Map<string, ParamSet>();
  const mentioned = new Set<number>();
  let layout: Layout | undefined;
  let pythonCalls: boolean | undefined;
  const getLayout = (): Layout => (layout ??= new Layout(text, index));
  const setOf = <K>(map: Map<K, ParamSet>, key: K): ParamSet => {
    let set = map.get(key);
    if (!set) {
      set = { sellers: [], token: false, signed: false, action: false, refreshToken: false };
      map.set(key, set);
    }
    return set;
  };
  // Sellers first: a text with no seller parameter (most of them) needs no other word read.
  visitWords(text, names.sellerWords, from, (start, end, word) => {
    const param = SETTER_METHOD.test(word) ? word.slice(word.startsWith('w') || word.startsWith('W') ? 4 : 3) : word;
    if (!names.isSeller(param) && !names.isRequestSeller(param)) return;
    const o = readOccurrence(text, start, end, word, getLayout);
    if (o.form === 'mention') {
      // Only python-amazon-mws passes its seller by position (`mws.Orders(key, secret, seller_id)`).
      if ((pythonCalls ??= text.includes('mws.'))) mentioned.add(getLayout().containerAt(o.at));
      return;
    }
    const set = o.form === 'key' ? setOf(containers, o.at) : setOf(receivers, o.receiver);
    if (o.form === 'key' || names.isRequestSeller(param)) set.sellers.push({ ...o.entry, name: param });
  });
  if (containers.size === 0 && receivers.size === 0 && mentioned.size === 0) return { evidence: [], anyToken: false };
  visitWords(text, names.otherWords, 0, (start, end, word) => {
    const param = SETTER_METHOD.test(word) ? word.slice(word.startsWith('w') || word.startsWith('W') ? 4 : 3) : word;
    const signed = SIGNED_REQUEST_KEYS.has(word);
    const action = word === 'Action';
    const token = names.isToken(param) && !names.isSeller(param) && !names.isRequestSeller(param);
    // (An SP-API refresh token's name, `refresh_token`, `SellerRefreshToken`: see `ParamSet.refreshToken`.)
    const refresh = nameRole(param) === 'refresh-token';
    if (!signed && !action && !token && !refresh) return;
    const o = readOccurrence(text, start, end, word, getLayout);
    if (o.form === 'mention') return;
    const set = o.form === 'key' ? setOf(containers, o.at) : setOf(receivers, o.receiver);
    if (signed) set.signed = true;
    else if (action) set.action = true;
    else if (token) set.token ||= !isBlank(o.entry.value);
    else set.refreshToken = true;
  });
  return judgeSets(text, containers, receivers, mentioned, names, mwsContext, getLayout);
}

/** Calls `visit` with each whole word (`[\w$]`, at most {@link MAX_WORD} long) that `words` finds part of. */
function visitWords(
  text: string,
  words: RegExp,
  from: number,
  visit: (start: number, end: number, word: string) => void,
): void {
  words.lastIndex = from;
  for (let m = words.exec(text); m !== null; m = words.exec(text)) {
    let start = m.index;
    let end = m.index + m[0].length;
    const floor = Math.max(0, start - MAX_WORD);
    while (start > floor && isWordCode(text.charCodeAt(start - 1))) start--;
    const ceiling = Math.min(text.length, end + MAX_WORD);
    while (end < ceiling && isWordCode(text.charCodeAt(end))) end++;
    words.lastIndex = end;
    if (end - start <= MAX_WORD) visit(start, end, text.slice(start, end));
  }
}

/**
 * The names parameter sets are bound to (`params = { … }`), read once each, and what the first
 * call given each name does (at most {@link MAX_LOOKUPS} names looked up per text).
 */
class SetBindings {
  readonly #text: string;
  readonly #mwsSimple: ReadonlySet<string>;
  readonly #bindings = new Map<number, string | undefined>();
  readonly #usedBy = new Map<string, CallKind | undefined>();
  #lookups = 0;

  constructor(text: string, mwsSimple: ReadonlySet<string>) {
    this.#text = text;
    this.#mwsSimple = mwsSimple;
  }

  /** The name the set opened at `opener` is bound to. */
  of(opener: number): string | undefined {
    if (!this.#bindings.has(opener)) this.#bindings.set(opener, bindingBefore(this.#text, opener));
    return this.#bindings.get(opener);
  }

  /** What the first call given `name` does. */
  call(name: string): CallKind | undefined {
    if (this.#usedBy.has(name)) return this.#usedBy.get(name);
    let kind: CallKind | undefined;
    if (++this.#lookups <= MAX_LOOKUPS) kind = callWith(this.#text, name, this.#mwsSimple);
    this.#usedBy.set(name, kind);
    return kind;
  }
}

/** What a text's parameter sets show: each set sent without a token beside a seller id, and whether any has one. */
function judgeSets(
  text: string,
  containers: ReadonlyMap<number, ParamSet>,
  receivers: ReadonlyMap<string, ParamSet>,
  mentioned: ReadonlySet<number>,
  names: ParamNames,
  mwsContext: () => boolean,
  layout: () => Layout,
): ParamFacts {
  const evidence: ParamEvidence[] = [];
  let anyToken = [...containers.values(), ...receivers.values()].some((s) => s.token);
  if (containers.size === 0 && receivers.size === 0 && mentioned.size === 0) return { evidence, anyToken };
  const mwsSimple = mwsSimpleBindings(text);
  const bindings = new SetBindings(text, mwsSimple);
  const tokenBindings = new Set<string>();
  for (const [opener, set] of containers) {
    const name = set.token ? bindings.of(opener) : undefined;
    if (name !== undefined) tokenBindings.add(name);
  }
  const sets = { text, receivers, names, mwsContext, layout, mwsSimple, bindings, tokenBindings };
  // A set's evidence, or the token a Python client is given.
  const take = (found: ParamEvidence | 'token' | undefined): void => {
    if (found === 'token') anyToken = true;
    else if (found) evidence.push(found);
  };
  for (const [opener, set] of containers) take(judgeContainer(opener, set, sets));
  for (const opener of mentioned) {
    if (
      opener < 0 ||
      containers.has(opener) ||
      text.charAt(opener) !== '(' ||
      callOf(text, opener, mwsSimple) !== 'python'
    )
      continue;
    take(pythonClient(text, opener, names));
  }
  if (mwsContext())
    for (const [receiver, set] of receivers) {
      if (set.token || set.refreshToken || tokenBindings.has(receiver)) continue;
      for (const s of set.sellers) if (!isBlank(s.value)) evidence.push({ shape: 'setter', ...s });
    }
  return { evidence, anyToken };
}

/** What {@link judgeContainer} reads of the text beside the set itself. */
interface SetsContext {
  readonly text: string;
  readonly receivers: ReadonlyMap<string, ParamSet>;
  readonly names: ParamNames;
  readonly mwsContext: () => boolean;
  readonly layout: () => Layout;
  readonly mwsSimple: ReadonlySet<string>;
  readonly bindings: SetBindings;
  readonly tokenBindings: ReadonlySet<string>;
}

/**
 * One bracketed parameter set (`{ Action, SellerId, … }`, a Python client's arguments): its
 * evidence when a request or a client is sent with a seller id and no token, `'token'` when a
 * Python client is given one, else nothing.
 */
function judgeContainer(opener: number, set: ParamSet, c: SetsContext): ParamEvidence | 'token' | undefined {
  const { text, mwsSimple, bindings } = c;
  if (set.refreshToken || COMPARED.test(text.slice(Math.max(0, opener - 40), opener))) return undefined;
  const request = set.signed || (set.action && c.mwsContext());
  let kind: CallKind | undefined = request ? 'request' : callOf(text, opener, mwsSimple);
  if (set.sellers.length === 0 && kind !== 'python') return undefined;
  const binding = bindings.of(opener);
  // mws-simple: `mws.request({ path, query: { Action, SellerId } })`.
  if (kind === undefined && mwsSimple.size > 0 && /\bquery\s*:\s*$/.test(text.slice(Math.max(0, opener - 20), opener)))
    kind = 'request';
  if (kind === undefined && binding !== undefined) kind = bindings.call(binding);
  if (kind === undefined) return undefined;
  if (kind === 'python') return pythonClient(text, opener, c.names);
  if (
    set.token ||
    (binding !== undefined && (c.tokenBindings.has(binding) || c.receivers.get(binding)?.token === true))
  )
    return undefined;
  if (hasSpread(text, opener, c.layout())) return undefined;
  const seller = set.sellers.find((s) => (request ? c.names.isRequestSeller(s.name) : true) && !isBlank(s.value));
  if (!seller) return undefined;
  return {
    shape: kind === 'client' ? 'client' : 'params',
    ...seller,
    ...(binding === undefined ? {} : { binding }),
  };
}

/** What the first call given `name` as an argument (`search(params)`, `new HttpClient(options)`) does. */
function callWith(text: string, name: string, mwsSimple: ReadonlySet<string>): CallKind | undefined {
  let uses = 0;
  for (let at = text.indexOf(name); at !== -1 && uses < MAX_USES; at = text.indexOf(name, at + name.length)) {
    uses++;
    if (isWordCode(text.charCodeAt(at - 1)) || isWordCode(text.charCodeAt(at + name.length))) continue;
    const open = skipSpaceBack(text, at);
    const close = text.charAt(skipSpace(text, at + name.length));
    if (text.charAt(open) !== '(' || (close !== ')' && close !== ',')) continue;
    const kind = callOf(text, open, mwsSimple);
    if (kind !== undefined) return kind;
  }
  return undefined;
}

/** True when the set opened at `opener` spreads another one in (`...base`, `**base`): its content is unknown. */
function hasSpread(text: string, opener: number, layout: Layout): boolean {
  const closer = layout.closerOf(opener) ?? opener;
  // The set's own text, at most 4000 characters: a search past its end would read the rest of
  // the text once per set.
  const body = text.slice(opener, Math.min(closer, opener + 4000));
  for (const mark of ['...', '**']) {
    for (let at = body.indexOf(mark); at !== -1; at = body.indexOf(mark, at + mark.length)) {
      if (layout.containerAt(opener + at) === opener) return true;
    }
  }
  return false;
}

/**
 * python-amazon-mws: `mws.Orders(access_key, secret_key, seller_id)`. The seller is the third
 * argument or `account_id=`, the token the seventh or `auth_token=`.
 */
function pythonClient(text: string, opener: number, names: ParamNames): ParamEvidence | 'token' | undefined {
  let at = opener + 1;
  let seller: ParamEvidence | undefined;
  for (let position = 0; position < 10; position++) {
    const from = skipSpace(text, at);
    const value = cutValue(text.slice(from, from + VALUE_WINDOW));
    if (value === '') break;
    const kw = /^(\w{1,40})\s*=(?!=)\s*/.exec(value);
    const name = kw?.[1];
    const expression = kw ? value.slice(kw[0].length) : value;
    if (name === undefined ? position === PYTHON_MWS_POSITIONS.token : names.isToken(name)) {
      if (!isBlank(expression)) return 'token';
    } else if (name === undefined ? position === PYTHON_MWS_POSITIONS.seller : names.isSeller(name)) {
      const end = from + (name ?? value).length;
      seller = { shape: 'params', start: from, end, name: name ?? 'account_id', value: expression };
    }
    at = from + value.length;
    if (text.charAt(skipSpace(text, at)) !== ',') break;
    at = skipSpace(text, at) + 1;
  }
  return seller && !isBlank(seller.value) ? seller : undefined;
}
