import { bindingName } from './bindings.js';
import { LineIndex } from './locate.js';
import { CODE_PATH } from './quoting.js';
import type { ScanContext } from './types.js';

const MWS_CONTEXT =
  /\bmws(?!guard)|mws\b|MWS(?!guard)|amazonservices|MarketplaceWebService|SellerId|peddler|AWSAccessKeyId/;
const AMAZON_CONTEXT = /aws|amazon|akia|selling.?partner|sp.?api|\blwa/i;
const CSV_PATH = /\.(?:csv|tsv)$/i;

/** Builds the per-text context every detector reads. */
export function createContext(
  text: string,
  path: string,
  overrides: { name?: string | undefined; paired?: boolean; mws?: boolean; lwaClientId?: boolean } = {},
): ScanContext {
  const index = new LineIndex(text);
  const isCsv = CSV_PATH.test(path);
  const hasMwsContext = overrides.mws ?? MWS_CONTEXT.test(text);
  const hasOverride = 'name' in overrides;
  return {
    text,
    path,
    index,
    isCsv,
    isCode: CODE_PATH.test(path),
    hasMwsContext,
    hasAmazonContext: hasMwsContext || AMAZON_CONTEXT.test(text) || AMAZON_CONTEXT.test(path),
    hasLwaClientId: overrides.lwaClientId ?? text.includes('amzn1.application-oa2-client.'),
    accessKeyLines: new Set<number>(),
    pairedWithAccessKey: overrides.paired ?? false,
    nameAt: hasOverride ? () => overrides.name : (offset) => bindingName(text, index, offset, isCsv),
  };
}
