/**
 * The MWS client libraries whose calls carry a seller's request parameters, as tables: which
 * call sends a request (its parameters must hold the seller's MWS Auth Token), and which builds
 * a client that may take the token per request instead. Read by `mws-request-params.ts`.
 */

// npm `amazon-mws` (index.d.ts): `amazonMws.<section>.<method>({ SellerId, MWSAuthToken, … })`.
const AMAZON_MWS_SECTIONS = new Set([
  'feeds',
  'finances',
  'fulfillmentInboundShipment',
  'fulfillmentInventory',
  'fulfillmentOutboundShipment',
  'merchantFulfillment',
  'orders',
  'products',
  'recommendations',
  'reports',
  'sellers',
  'subscriptions',
]);
const AMAZON_MWS_METHODS = new Set(['search', 'searchFor', 'submit', 'create', 'remove']);

// python-amazon-mws (`mws/mws.py`): `mws.Orders(access_key, secret_key, account_id, region='US',
// uri='', version='', auth_token='')`, one class per section.
const PYTHON_MWS_SECTIONS = new Set([
  'Orders',
  'Reports',
  'Feeds',
  'Products',
  'Sellers',
  'Inventory',
  'InboundShipments',
  'OutboundShipments',
  'Recommendations',
  'Finances',
  'Subscriptions',
  'MerchantFulfillment',
  'EasyShip',
]);
/** Positions of python-amazon-mws's `account_id` and `auth_token` parameters. */
export const PYTHON_MWS_POSITIONS = { seller: 2, token: 6 } as const;

// npm `mws` (ScaleLeap) `lib/http.d.ts`: `new HttpClient({ marketplace, awsAccessKeyId, secretKey, sellerId, mwsAuthToken })`.
// Amazon's PHP client libraries: `new MarketplaceWebServiceOrders_Model_ListOrdersRequest(array('SellerId' => …))`.
const REQUEST_CONSTRUCTOR = /^(?:HttpClient|MarketplaceWebService\w*_Model_\w*Request)$/;

// npm `mws-simple` / `@ericblade/mws-simple`: `require('mws-simple')({ accessKeyId, secretAccessKey,
// merchantId, authToken })`, `new MWSSimple({…})`; per request `mws.request({ path, query: { MWSAuthToken } })`.
const MWS_SIMPLE_REQUIRE = /require\(\s*["'](?:@ericblade\/)?mws-simple["']\s*\)\s*$/;
const MWS_SIMPLE_BINDING =
  /import\s+(\w{1,60})\s+from\s+["'](?:@ericblade\/)?mws-simple["']|(\w{1,60})\s*=\s*require\(\s*["'](?:@ericblade\/)?mws-simple["']\s*\)/g;

// Clients named for MWS that take the seller at construction and the token at construction or
// per call: boto's `MWSConnection(key, secret, Merchant=…)`, peddler's `MWS.orders(merchant_id: …)`,
// `MWS::Orders::Client.new(…)`, `AmazonMws::Client.new(…)`.
// A constructor or a client factory only: `AmazonAccount.create({ seller_id })` stores a record.
const MWS_CLIENT =
  /^(?:(?:MWS|Mws|Amazon|Peddler)\w{0,30}(?:::\w{1,40}){0,3}(?:::|\.)new|(?:MWS|Mws|Amazon)\w{0,30}(?:Connection|Client)|MWS\.[a-z_]{2,40})$/;

/** Parameters that make a set of parameters a signed MWS request (Signature Version 2). */
export const SIGNED_REQUEST_KEYS: ReadonlySet<string> = new Set([
  'AWSAccessKeyId',
  'SignatureVersion',
  'SignatureMethod',
]);

/** The seller parameters of a signed request: `SellerId` (most sections), `Merchant` (Reports, Feeds). */
export const REQUEST_SELLER_PARAMS: readonly string[] = ['SellerId', 'Merchant'];

/** Methods that set one request parameter: `params.append('SellerId', …)`, `v.Add("SellerId", …)`. */
export const PARAM_SETTERS: ReadonlySet<string> = new Set(['append', 'set', 'add', 'Add', 'put', 'Set']);

/**
 * What a call does with the parameters it is given: `request` (one MWS request: its parameters
 * must carry the token), `client` (a client for one seller, which may get its token per call),
 * `python` (python-amazon-mws: seller and token are positional too).
 */
export type CallKind = 'request' | 'client' | 'python';

/** The mws-simple bindings of a text (`const mws = require('mws-simple')`, `import MWSSimple from …`). */
export function mwsSimpleBindings(text: string): ReadonlySet<string> {
  const names = new Set<string>();
  if (!text.includes('mws-simple')) return names;
  MWS_SIMPLE_BINDING.lastIndex = 0;
  for (let m = MWS_SIMPLE_BINDING.exec(text); m !== null; m = MWS_SIMPLE_BINDING.exec(text)) {
    const name = m[1] ?? m[2];
    if (name !== undefined) names.add(name);
  }
  return names;
}

/**
 * What the call whose argument list opens right after `head` does, or `undefined` for a call
 * of no MWS client. `head` is the text before the `(`, read backwards by the caller.
 */
export function callKind(callee: string, head: string, mwsSimple: ReadonlySet<string>): CallKind | undefined {
  const parts = callee.replace(/->/g, '.').split('.');
  const method = parts.at(-1) ?? '';
  const section = parts.at(-2) ?? '';
  if (AMAZON_MWS_METHODS.has(method) && AMAZON_MWS_SECTIONS.has(section)) return 'request';
  if (section === 'mws' && PYTHON_MWS_SECTIONS.has(method)) return 'python';
  if (/\bnew\s+[\w\\]*$/.test(head.slice(-160)) && REQUEST_CONSTRUCTOR.test(method)) return 'request';
  if (callee === '' && MWS_SIMPLE_REQUIRE.test(head.slice(-80))) return 'client';
  if (mwsSimple.has(callee)) return 'client';
  if (MWS_CLIENT.test(callee.replace(/^\\/, ''))) return 'client';
  return undefined;
}
