/**
 * MWS requests signed without an MWS Auth Token, read from text (URLs in code, logs, recordings,
 * docs). Without a token, MWS answers only for the account whose keys signed the request, so
 * requests for a seller that varies per call (a parameter, a template, two or more seller ids)
 * without a token are signed with each seller's own keys (type A). One fixed seller id signed
 * with its own keys is a seller's own tool: its literal keys are reported as their own kinds,
 * the request is not. docs/kinds/shared-credentials.md.
 */

/** A signed request whose seller varies and that carries no token: reported at its `AWSAccessKeyId`. */
export interface UntokenedRequest {
  /** Offsets of the `AWSAccessKeyId` parameter name. */
  readonly start: number;
  readonly end: number;
  /** The key id as written (a literal; templated keys are not judged). */
  readonly key: string;
}

// `?AWSAccessKeyId=…` or `&AWSAccessKeyId=…` with its value.
const QUERY_KEY = /[?&]AWSAccessKeyId=([^&\s"'<>#]*)/g;
// The seller parameter of a request and its value (possibly empty: `…&SellerId=" + sellerId`).
const QUERY_SELLER = /[?&](?:SellerId|Merchant)=([^&\s"'<>#]*)/;
const QUERY_TOKEN = /[?&]MWSAuthToken=[^&\s"'<>]/;
// Template and interpolation marks: a value filled in per call (`{seller_id}`, `${id}`, `<%= id %>`, `%s`).
const TEMPLATE = /[{$<%]/;
// How far after a URL its statement may go on (`"…" + "&MWSAuthToken=" + token`, an f-string
// continued on the next lines): up to a blank line, at most this many characters.
const CONTINUATION = 600;

/** Signed MWS requests in `text` that act for a varying seller without an MWS Auth Token. */
export function signedRequestsWithoutToken(text: string): UntokenedRequest[] {
  // A short literal is found several times faster than the regex's class-led start.
  if (!text.includes('Id=')) return [];
  const candidates: { request: UntokenedRequest; seller: string; varies: boolean }[] = [];
  let judgedUntil = 0;
  QUERY_KEY.lastIndex = 0;
  for (let m = QUERY_KEY.exec(text); m !== null; m = QUERY_KEY.exec(text)) {
    // The URL is the run of non-space characters around the parameter; each URL is read once.
    let urlStart = m.index;
    const floor = Math.max(judgedUntil, m.index - 2000);
    while (urlStart > floor && !/[\s"'<>]/.test(text.charAt(urlStart - 1))) urlStart--;
    let urlEnd = m.index + m[0].length;
    const ceiling = Math.min(text.length, urlEnd + 4000);
    while (urlEnd < ceiling && !/[\s"'<>]/.test(text.charAt(urlEnd))) urlEnd++;
    judgedUntil = urlEnd;
    QUERY_KEY.lastIndex = urlEnd;
    const key = m[1] ?? '';
    if (key === '' || TEMPLATE.test(key.replace(/%[0-9A-F]{2}/g, ''))) continue;
    const url = text.slice(urlStart, urlEnd);
    const rest = continuation(text, urlEnd);
    const seller = QUERY_SELLER.exec(url) ?? QUERY_SELLER.exec(rest);
    if (!seller) continue;
    if (QUERY_TOKEN.test(url) || QUERY_TOKEN.test(rest)) continue;
    const value = seller[1] ?? '';
    // An empty value in code is filled in by what follows (`"&SellerId=" + seller.id`); in a log
    // it is a request for no seller.
    const varies =
      value === ''
        ? /^["'`]\s*[+.,}]/.test(text.slice(urlEnd, urlEnd + 8))
        : TEMPLATE.test(value.replace(/%[0-9A-F]{2}/g, ''));
    if (value === '' && !varies) continue;
    const start = m.index + 1;
    candidates.push({ request: { start, end: start + 'AWSAccessKeyId'.length, key }, seller: value, varies });
  }
  // Literal seller ids: the requests act for several sellers (a log of a multi-seller worker, one
  // key used for two sellers) only when two or more seller ids appear.
  const sellers = new Set(candidates.filter((c) => !c.varies).map((c) => c.seller));
  return candidates.filter((c) => c.varies || sellers.size >= 2).map((c) => c.request);
}

/**
 * The text after a URL that its statement may go on with: only a URL in a string literal (it
 * ends at a quote) continues, up to the end of its statement (a line ending in `;`) or a blank
 * line, bounded. A URL in a log line ends with its line.
 */
function continuation(text: string, from: number): string {
  if (!/["'`]/.test(text.charAt(from))) return '';
  const rest = text.slice(from, from + CONTINUATION);
  const end = /;[ \t]*\r?\n|\n[ \t]*\r?\n/.exec(rest);
  return end ? rest.slice(0, end.index) : rest;
}
