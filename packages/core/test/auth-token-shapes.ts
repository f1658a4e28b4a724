/**
 * MWS requests and clients without an MWS Auth Token (issue 12 §2 and §5), one case per call
 * shape, in each language core scans: read by core's test and by the parity test (the CLI, ESLint's
 * `require-mws-auth-token` and secretlint must report the same). A positive gives `shared-credentials`
 * findings on exactly `lines`; a negative gives none (its literal keys may be their own kinds).
 */
export interface AuthTokenShape {
  readonly name: string;
  readonly path: string;
  readonly text: string;
  /** The lines of the type-A findings, in order; empty for a negative. */
  readonly lines: readonly number[];
}

const KEY = 'AKIA2OGYBAH6Q7KD4XZM';

export const AUTH_TOKEN_SHAPES: readonly AuthTokenShape[] = [
  // --- JavaScript and TypeScript: the ESLint rule's shapes.
  {
    name: 'amazon-mws call for the store passed in',
    path: 'src/sync/orders.js',
    text: `async function syncOrders(store) {
  return amazonMws.orders.search({
    Version: '2013-09-01',
    Action: 'ListOrders',
    SellerId: store.sellerId,
  });
}
`,
    lines: [5],
  },
  {
    name: 'amazon-mws parameters bound to a name first',
    path: 'src/sync/reports.js',
    text: `async function listReports(sellerId) {
  const params = { Version: '2009-01-01', Action: 'GetReportList', SellerId: sellerId };
  return amazonMws.reports.search(params);
}
`,
    lines: [2],
  },
  {
    name: 'ScaleLeap HttpClient options with an empty token',
    path: 'src/mws/client.ts',
    text: `const options = {
  marketplace: amazonMarketplaces.US,
  awsAccessKeyId: process.env.MWS_ACCESS_KEY_ID,
  secretKey: process.env.MWS_SECRET_KEY,
  sellerId: account.sellerId,
  mwsAuthToken: '',
};
export const http = new HttpClient(options);
`,
    lines: [5],
  },
  {
    name: 'mws-simple client for a tenant, no token in any request',
    path: 'src/mws/simple.js',
    text: `const mws = require('mws-simple')({
  accessKeyId: process.env.MWS_ACCESS_KEY_ID,
  secretAccessKey: process.env.MWS_SECRET_KEY,
  merchantId: tenant.merchantId,
});
mws.request({ path: '/Orders/2013-09-01', query: { Action: 'ListOrders' } });
`,
    lines: [4],
  },
  {
    name: 'a signed query object for a row',
    path: 'src/mws/query.mjs',
    text: `export const query = (row) => ({
  AWSAccessKeyId: process.env.MWS_ACCESS_KEY_ID,
  Action: 'ListOrders',
  Merchant: row.merchant_id,
  SignatureVersion: '2',
});
`,
    lines: [4],
  },
  {
    name: 'URLSearchParams set one by one in a loop over stores',
    path: 'src/mws/loop.js',
    text: `for (const store of stores) {
  const params = new URLSearchParams({ Action: 'ListOrders' });
  params.append('AWSAccessKeyId', process.env.MWS_ACCESS_KEY_ID);
  params.append('SellerId', store.sellerId);
}
`,
    lines: [4],
  },
  {
    name: 'a template URL, reported at its AWSAccessKeyId',
    path: 'src/mws/url.ts',
    text: 'export const url = (key: string, seller: Seller) =>\n  `https://mws.amazonservices.com/Orders/2013-09-01?AWSAccessKeyId=${key}&Action=ListOrders&SellerId=${seller.id}`;\n',
    lines: [2],
  },
  {
    name: 'a concatenated URL, the seller after the string',
    path: 'src/mws/concat.js',
    text: "const url = 'https://mws.amazonservices.com/?Action=ListOrders&SellerId=' + seller.id;\n",
    lines: [1],
  },
  // --- Python.
  {
    name: 'python-amazon-mws client per shop, seller by position',
    path: 'sync/orders.py',
    text: `for shop in shops:
    orders = mws.Orders(ACCESS_KEY, SECRET_KEY, shop.seller_id, region="US")
    orders.list_orders(marketplaceids=[shop.marketplace_id])
`,
    lines: [2],
  },
  {
    name: 'python-amazon-mws client, account_id keyword',
    path: 'sync/reports.py',
    text: `def reports_api(account):
    return mws.Reports(
        access_key=os.environ["MWS_ACCESS_KEY"],
        secret_key=os.environ["MWS_SECRET_KEY"],
        account_id=account.merchant_id,
    )
`,
    lines: [5],
  },
  {
    name: 'a signed dict for the seller passed in',
    path: 'sync/raw.py',
    text: `def list_orders(seller_id):
    params = {
        "Action": "ListOrders",
        "SellerId": seller_id,
        "AWSAccessKeyId": os.environ["MWS_ACCESS_KEY"],
        "SignatureVersion": "2",
    }
    return sign_and_send(params)
`,
    lines: [4],
  },
  {
    name: "boto's MWSConnection per merchant, no token anywhere",
    path: 'sync/boto_feeds.py',
    text: `def connection(merchant):
    return MWSConnection(
        os.environ["MWS_ACCESS_KEY"],
        os.environ["MWS_SECRET_KEY"],
        Merchant=merchant.seller_id,
    )
`,
    lines: [5],
  },
  // --- PHP, Ruby, Go.
  {
    name: "Amazon's PHP client: setSellerId per store, no setMWSAuthToken",
    path: 'app/Services/OrderService.php',
    text: `<?php
$request = new MarketplaceWebServiceOrders_Model_ListOrdersRequest();
$request->setSellerId($store->seller_id);
$request->setMarketplaceId([$store->marketplace_id]);
$response = $service->listOrders($request);
`,
    lines: [3],
  },
  {
    name: "Amazon's PHP client: parameters as an array",
    path: 'app/Services/ReportService.php',
    text: `<?php
$request = new MarketplaceWebService_Model_RequestReportRequest(array(
    'Merchant' => $account->merchant_id,
    'ReportType' => '_GET_MERCHANT_LISTINGS_DATA_',
));
`,
    lines: [3],
  },
  {
    name: 'peddler client per store',
    path: 'app/services/mws_orders.rb',
    text: `def client_for(store)
  MWS.orders(
    primary_marketplace_id: store.marketplace_id,
    merchant_id: store.merchant_id,
    aws_access_key_id: ENV['MWS_ACCESS_KEY'],
    aws_secret_access_key: ENV['MWS_SECRET_KEY']
  )
end
`,
    lines: [4],
  },
  {
    name: 'Go url.Values set per store',
    path: 'internal/mws/orders.go',
    text: `func listOrders(store Store) url.Values {
	v := url.Values{}
	v.Set("AWSAccessKeyId", os.Getenv("MWS_ACCESS_KEY"))
	v.Set("Action", "ListOrders")
	v.Set("SellerId", store.SellerID)
	return v
}
`,
    lines: [5],
  },
  {
    name: 'a request log: two sellers signed with one key, no token',
    path: 'logs/mws-worker.log',
    text: `2019-03-02 08:15:01 GET https://mws.amazonservices.com/Orders/2013-09-01?AWSAccessKeyId=${KEY}&Action=ListOrders&SellerId=A1NORTHWINDSHOP&Signature=abc
2019-03-02 08:15:02 GET https://mws.amazonservices.com/Orders/2013-09-01?AWSAccessKeyId=${KEY}&Action=ListOrders&SellerId=A2CONTOSOHOMEDE&Signature=def
`,
    lines: [1, 2],
  },
  // --- Negatives: type B, a seller's own tool, a token elsewhere in the statement.
  {
    name: 'type B: the seller id travels with its token',
    path: 'src/sync/type-b.js',
    text: `amazonMws.orders.search({
  Action: 'ListOrders',
  SellerId: store.sellerId,
  MWSAuthToken: store.mwsAuthToken,
});
`,
    lines: [],
  },
  {
    name: "one fixed literal seller id: a seller's own tool",
    path: 'scripts/own-report.js',
    text: "amazonMws.reports.search({ Action: 'GetReportList', SellerId: 'A1B2C3D4E5F6G7' });\n",
    lines: [],
  },
  {
    name: 'a seller id from the environment',
    path: 'scripts/own-orders.ts',
    text: "const SELLER_ID = process.env.SELLER_ID;\namazonMws.orders.search({ Action: 'ListOrders', SellerId: SELLER_ID });\n",
    lines: [],
  },
  {
    name: 'a seller id from the command line',
    path: 'cmd/listorders/main.go',
    text: `func main() {
	sellerID := flag.String("seller-id", "", "your seller id")
	flag.Parse()
	v := url.Values{}
	v.Set("AWSAccessKeyId", os.Getenv("MWS_ACCESS_KEY"))
	v.Set("SellerId", *sellerID)
}
`,
    lines: [],
  },
  {
    name: "a PHP constant seller id: the site's own account",
    path: 'plugin/sync.php',
    text: `<?php
$request = new MarketplaceWebService_Model_GetReportListRequest();
$request->setMerchant(MERCHANT_ID);
$response = $service->getReportList($request);
`,
    lines: [],
  },
  {
    name: 'PHP: the token set on the same request',
    path: 'app/Services/TokenedService.php',
    text: `<?php
$request = new MarketplaceWebServiceOrders_Model_ListOrdersRequest();
$request->setSellerId($store->seller_id);
$request->setMWSAuthToken($store->mws_auth_token);
`,
    lines: [],
  },
  {
    name: 'python-amazon-mws with auth_token',
    path: 'sync/tokened.py',
    text: `for shop in shops:
    orders = mws.Orders(ACCESS_KEY, SECRET_KEY, shop.seller_id, auth_token=shop.mws_auth_token)
`,
    lines: [],
  },
  {
    name: 'a dict whose token is set on a later line',
    path: 'lib/request.py',
    text: `def build(self, seller_id, token=None):
    params = {"Action": "ListOrders", "SellerId": seller_id, "AWSAccessKeyId": self.key}
    if token:
        params["MWSAuthToken"] = token
    return params
`,
    lines: [],
  },
  {
    name: 'mws-simple: the token goes with each request',
    path: 'src/mws/simple-tokened.js',
    text: `const mws = require('mws-simple')({ accessKeyId, secretAccessKey, merchantId: seller.id });
mws.request({ path: '/Orders/2013-09-01', query: { Action: 'ListOrders', MWSAuthToken: seller.token } });
`,
    lines: [],
  },
  {
    name: 'a concatenated URL whose token follows on the next line',
    path: 'src/mws/concat-tokened.js',
    text: `const url = 'https://mws.amazonservices.com/?Action=ListOrders&SellerId=' + seller.id +
  '&MWSAuthToken=' + seller.token;
`,
    lines: [],
  },
  {
    name: 'parameters spread from an object mwsguard cannot read',
    path: 'src/mws/spread.js',
    text: 'amazonMws.orders.search({ ...baseParams, SellerId: seller.id });\n',
    lines: [],
  },
  {
    name: 'a C# sample: the seller id is a constant to fill in, requests commented out',
    path: 'Samples/MarketplaceWebServiceSamples.cs',
    text: `public static class MarketplaceWebServiceSamples
{
    public static async Task Run(MarketplaceWebServiceClient service)
    {
        const string merchantId = "";
        // GetReportRequest request = new GetReportRequest();
        // request.Merchant = merchantId;
        {
            GetReportCountRequest request = new GetReportCountRequest();
            request.Merchant = merchantId;
            //request.MWSAuthToken = "<Your MWS Auth Token>"; // Optional
            await GetReportCountSample.Invoke(service, request);
        }
    }
}
`,
    lines: [],
  },
  {
    name: 'a Python request commented out, for a seller passed in',
    path: 'mws/reports.py',
    text: `def list_reports(client, seller_id):
    # client.get_report_list(SellerId=seller_id, Action="GetReportList")
    return None
`,
    lines: [],
  },
  {
    name: 'a C# request for a seller id a variable holds (not a constant)',
    path: 'Services/ReportService.cs',
    text: `public async Task Count(MarketplaceWebServiceClient service, Account account)
{
    string merchantId = account.MerchantId;
    GetReportCountRequest request = new GetReportCountRequest();
    request.Merchant = merchantId;
    await service.GetReportCount(request);
}
`,
    lines: [5],
  },
  {
    name: "a PHP job's account record read through its own member: it varies per job",
    path: 'app/Jobs/SyncOrders.php',
    text: `<?php
class SyncOrders
{
    public function handle(MarketplaceWebServiceOrders_Client $service)
    {
        $request = new MarketplaceWebServiceOrders_Model_ListOrdersRequest();
        $request->setSellerId($this->account->seller_id);
        $service->listOrders($request);
    }
}
`,
    lines: [7],
  },
  {
    name: 'a Ruby client library: the seller it was built for, in its own instance variable',
    path: 'lib/amazon_feed.rb',
    text: `class AmazonFeed
  def initialize(seller_id, access_key, secret_key)
    @seller_id = seller_id
    @access_key = access_key
    @secret_key = secret_key
  end

  def submit_feed(body)
    params = {
      'Action' => 'SubmitFeed',
      'SellerId' => @seller_id,
      'AWSAccessKeyId' => @access_key,
    }
    post(sign(params, @secret_key), body)
  end
end
`,
    lines: [],
  },
  {
    name: 'a Perl client library: the merchant of its own hash',
    path: 'lib/Amazon/MWS/Routines.pm',
    text: `sub define_api_method {
    my ($self, %args) = @_;
    my %form = (
        Action           => $args{name},
        Merchant         => $self->{merchant_id},
        AWSAccessKeyId   => $self->{access_key_id},
    );
    return \\%form;
}
`,
    lines: [],
  },
  {
    name: 'a PHP client: the merchant id its auth handler was configured with',
    path: 'Amazon/RestClient.php',
    text: `<?php
class RestClient
{
    public function listOrders()
    {
        $params = [
            'Action' => 'ListOrders',
            'SellerId' => $this->authHandler->getMerchantId(),
        ];
        return $this->request($params);
    }
}
`,
    lines: [],
  },
  {
    name: "a C# tool's static seller id, filled from its settings at start-up",
    path: 'OrdersMonitor/Program.cs',
    text: `class Program
{
    public static string SellerId = "";

    static void Poll(MarketplaceWebServiceOrdersClient client)
    {
        ListOrdersRequest request = new ListOrdersRequest();
        request.SellerId = SellerId;
        client.ListOrders(request);
    }
}
`,
    lines: [],
  },
  {
    name: 'a JS client library: its request reads the seller it was built for from itself',
    path: 'index.js',
    text: `class MwsClient {
  request(opt) {
    const Timestamp = new Date().toISOString();
    const { AWSAccessKeyId, SignatureVersion, SellerId } = this;
    const params = { Timestamp, AWSAccessKeyId, SignatureVersion, SellerId, ...opt };
    return this.send(this.sign(params));
  }
}
`,
    lines: [],
  },
  {
    name: 'a JS job: the seller destructured from the store it syncs',
    path: 'jobs/sync.js',
    text: `async function syncStore(store) {
  const { sellerId } = store;
  return amazonMws.orders.search({ Action: 'ListOrders', SellerId: sellerId });
}
`,
    lines: [3],
  },
  {
    name: 'not MWS: Action and Merchant are common words',
    path: 'src/cart.js',
    text: "dispatch({ Action: 'checkout', Merchant: cart.merchant });\n",
    lines: [],
  },
];
