import { untokenedRequests } from '../mws-requests.js';
import type { Detector, RawFinding, ScanContext } from '../types.js';
import { truncateMiddle } from '../messages.js';
import { isTestPath } from '../test-paths.js';

/**
 * `shared-credentials`, second judge: MWS requests and clients for a seller that varies per call
 * without an MWS Auth Token (`mws-requests.ts`), reported at the seller parameter. The ESLint rule
 * `require-mws-auth-token` reports exactly these findings; `no-shared-seller-credentials` the
 * records of `shared-credentials.ts`. docs/kinds/shared-credentials.md.
 */

function find(ctx: ScanContext): RawFinding[] {
  // A test's requests exercise a client (`test-paths.ts`).
  if (isTestPath(ctx.path)) return [];
  return untokenedRequests(ctx.text, ctx.index, () => ctx.hasMwsContext, ctx.authToken).map((r) => {
    // The message names the seller expression; generated code can make it any length.
    const seller = truncateMiddle(r.seller.replace(/\s+/g, ' '), 60);
    return {
      kind: 'shared-credentials',
      severity: 'error',
      start: r.start,
      end: r.end,
      secret: `request:${r.param}:${seller}`,
      detail: r.param,
      typeA: { form: 'missing-token', seller, hybrid: false, api: 'mws', records: 1 },
    };
  });
}

/** Detector for MWS requests without an MWS Auth Token (kind `shared-credentials`). */
export const untokenedRequestsDetector: Detector = Object.freeze({
  kind: 'shared-credentials',
  keywords: ['seller', 'merchant', 'account'],
  find,
  samples: {
    positive: [
      {
        text: 'url = "https://mws.amazonservices.com/Orders/2013-09-01?AWSAccessKeyId=AKIA2OGYBAH6Q7KD4XZM&Action=ListOrders&SellerId={seller_id}&Signature=abc"',
        path: 'requests.py',
        value: 'AWSAccessKeyId',
        reason: 'MWS request for a seller that varies per call, with no MWSAuthToken (at its signing key)',
      },
      {
        text: "function listOrders(seller) {\n  return amazonMws.orders.search({ Action: 'ListOrders', SellerId: seller.sellerId });\n}",
        path: 'orders.js',
        value: 'SellerId',
        reason: 'amazon-mws call for the seller passed in, without its MWSAuthToken',
      },
      {
        text: '<?php\n$request = new MarketplaceWebServiceOrders_Model_ListOrdersRequest();\n$request->setSellerId($store->seller_id);\n$response = $service->listOrders($request);',
        path: 'Orders.php',
        value: 'setSellerId',
        reason: "Amazon's PHP client: a seller id set per store, no setMWSAuthToken",
      },
      {
        text: 'for shop in shops:\n    orders = mws.Orders(ACCESS_KEY, SECRET_KEY, shop.seller_id, region="US")',
        path: 'sync.py',
        value: 'shop.seller_id',
        reason: 'python-amazon-mws client for each shop, no auth_token',
      },
    ],
    negative: [
      {
        text: "amazonMws.orders.search({ Action: 'ListOrders', SellerId: seller.sellerId, MWSAuthToken: seller.mwsAuthToken });",
        path: 'orders.js',
        reason: "type B: the seller's id travels with its token",
      },
      {
        text: "amazonMws.orders.search({ Action: 'ListOrders', SellerId: 'A1B2C3D4E5F6G7' });",
        path: 'report.js',
        reason: "one fixed seller id: a seller's own tool",
      },
      {
        text: 'url = ("https://mws.amazonservices.com/Orders/2013-09-01?AWSAccessKeyId=AKIA2OGYBAH6Q7KD4XZM"\n       f"&Action=ListOrders&SellerId={seller_id}"\n       f"&MWSAuthToken={token}&Signature=abc")',
        path: 'orders.py',
        reason: 'the token on a later line of the same f-string',
      },
      {
        text: "dispatch({ Action: 'checkout', Merchant: cart.merchant });",
        path: 'store.js',
        reason: 'no MWS in sight: `Action` and `Merchant` are common words',
      },
    ],
  },
});
