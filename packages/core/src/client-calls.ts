import type { LineIndex } from './locate.js';

/**
 * Calls that build an MWS or SP-API client, read before a key passed to one (`structure.ts`):
 * `new MarketplaceWebService_Client($store->access_key, …)`, `MWSConnection(account.access_key, …)`,
 * also with the arguments wrapped onto the next line.
 */

// A call that builds an MWS or SP-API client, open before a field read on its line.
// (Also a factory named so: `AmazonOrderServiceConfig.getAsyncClient(`, and an npm package's
// factory called as it is required: `require('amazon-mws')(accessKey, secret)`.)
const MWS_CLIENT_CALL =
  /(?:(?:mws|amazon|marketplace|peddler|sellingpartner|spapi)\w{0,40}(?:::new|\.new|\.\w{0,20}Client)?|\brequire\(\s*["'][\w@/.-]{0,40}(?:mws|amazon|sp-api)[\w/.-]{0,40}["']\s*\))\s*\((?:[^()\n]|\([^()\n]{0,40}\)){0,120}$/i;
// The same call with its arguments wrapped onto the next line: `new MarketplaceWebServiceOrdersClient(`
// ending the line above `config.getAccessKeyId(), config.getSecretAccessKey(),`.
const MWS_CLIENT_WRAPPED =
  /(?:mws|amazon|marketplace|peddler|sellingpartner|spapi)\w{0,40}(?:::new|\.new|\.\w{0,20}Client)?\s*\([ \t]*\r?\n(?:[^()\n]|\([^()\n]{0,40}\)){0,120}$/i;

/** True when the key read at `keyStart` is an argument of a call that builds an MWS client. */
export function inClientCall(text: string, index: LineIndex, line: number, keyStart: number): boolean {
  const lineStart = index.lineStart(line);
  if (MWS_CLIENT_CALL.test(text.slice(Math.max(lineStart, keyStart - 120), keyStart))) return true;
  if (line === 0 || keyStart - lineStart > 120) return false;
  return MWS_CLIENT_WRAPPED.test(text.slice(Math.max(index.lineStart(line - 1), lineStart - 120), keyStart));
}
