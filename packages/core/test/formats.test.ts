import { describe, expect, it } from 'vitest';
import { classifyString, scanText } from '@mwsguard/core';
import type { Finding, Kind } from '@mwsguard/core';

// Exact positions of every kind in every format we meet in seller-tool repositories. Rules for
// what is reported and where: test/fixtures/corpus/LABELING.md. Positions are 1-based, `endColumn`
// is exclusive; the expected spans are computed from the planted values with `at()`, never typed.
//
// Fake, well-shaped values, generated once with node:crypto and pasted here. None is real.
const AK = 'AKIACQPNHYGCZL4JWNO7';
const AK2 = 'AKIALBC75B2KTGX3RCZ2';
const ASIA = 'ASIAAVE2GV6QNEMGH5B4';
const LEGACY = 'H6BFUKDOFUJGKOZQOP2Q'; // un-prefixed 20-character MWS key id
const SK = 'IQdw+Q9X9aVVO8E+lgZIlFbk/CalSTuH54duEJEr'; // contains `+` and `/`
const SK2 = 'uYklXU6guE1ageLHH1CCQ2DMyG0gJMrnypv7yum9'; // alphanumeric only
const SK3 = 'vL4n7rFFKvgTz8wywJWPloonIZl5AXhrc8K12+n/'; // ends with `/`
const TOKEN = 'amzn.mws.c35c7c7e-b952-4411-99ee-d64b0f096962';
const LWA = 'amzn1.oa2-cs.v1.223cc102898519bc29f4df197b0b741c458a03419cffa68b97c56e30a23a2ede';
const CLIENT_ID = 'amzn1.application-oa2-client.6c1e95d81772e5b17988935f284eaf52';
const RT =
  'Atzr|IwEBRMk5Hoq8BzGRZYRnuRivM62JuzE2_2lrLMYhnrKhIJxH6uJ3lwn5I1qzZ1pGdhEwZyABOl5KZZZtL2K7FWa_ObdLi1qvs95W7fcby-8GpC1Y8ARatTyRF_8c36B45JkbJB62EOvkWbqkIgQ35t3hmS1gLFKUaZwDfEg08HoRxqb24JXe1VfjaIF_j1PKLWgbZg3gU9bP3hsaiGw-J2TJlZ6llviQlVXBdudh5gTYoLnesGuYFJJK9vhPSo0fR5DzZrc3VTAke86hmxY1HWNUWJfHCY8uRUaWefYZX97_D7aK';
const AT =
  'Atza|IwEBr_Hx4bTPgpVTpop16CcpISExuPHoILxGOfoagZr68fOhxeLmoicfPeqJHnQX8AsT6i8n6UYo3TmcjMALT68-yhwLjRAbrHOnh13XGvD0hKGZhohOnrGcPwhZxkOv9_VsLeNnosRJPlf4ucNHnHC-KSDkRYUUqJVHk8a2bvaeaQwF8TTnEGtYqL-UxE7zrP6Rmxh4Ql9x';
const SELLER = 'ACHXTNNDWGEWN9';
const SELLER2 = 'A5VASIMOGPX4P';
const SESSION_TOKEN =
  'IQoJb3JpZ2luX2VjiMmkePWy/aqXJx6T7LdGgYc49i5OHnRgSiq43CNhYKUP5a/kRdh4rzExKePn8pJVSg6V7FpKRzMAsRAuBlI/Op0WH/6QooBS2DD4o1LWPVBT7U+VS8JlumBjRfieZdrQEwkYmdnTKAGH0hutibnSpz5pT8N9VlcIfdPBYS2Yk3QU/LkBBT7J+9c2nrhK0IwmxS0sjZiavboRtLbRWl6y7LMc0kP8YFuq67o8QRq9qdE9zH4h7kf3te4m3YdUvPMUaW88FcJA492JQzBJHrvwKcfOSmOVPb4/C/sk+KVQLIYkcKgt0HG322u2016OJ0viguNfkZMbStaiZD4vSRkf';
const SIGNATURE = 'MnmDjtButkcVqSRmP+2XPx7dwGU9Pn3FlGPJJXBEKDc=';
const LWA_HEX = LWA.slice('amzn1.oa2-cs.v1.'.length); // a bare 64-hex client secret (older apps)

const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
const pct = (s: string): string => encodeURIComponent(s);

interface Span {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** 1-based line and column (UTF-16 code units) of a 0-based offset; `\r\n`, `\n`, `\r` end lines. */
function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Where `needle` stands in `text`: its first occurrence (after the first occurrence of `after`,
 * when given). A leading BOM is not counted, as editors do not show it. Throws on a needle that is
 * missing or, without `after`, ambiguous: that is a mistake in the table, not in the engine.
 */
function at(text: string, needle: string, after?: string): Span {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const from = after === undefined ? 0 : body.indexOf(after);
  if (from === -1) throw new Error(`anchor ${JSON.stringify(after)} not in the snippet`);
  const start = body.indexOf(needle, from);
  if (start === -1) throw new Error(`${JSON.stringify(needle.slice(0, 40))} not in the snippet`);
  if (after === undefined && body.includes(needle, start + 1)) {
    throw new Error(`${JSON.stringify(needle.slice(0, 40))} is ambiguous: give an anchor`);
  }
  const s = position(body, start);
  const e = position(body, start + needle.length);
  return { line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
}

/** An expected finding: its kind, the planted text it spans, an optional anchor before it. */
type Expected = readonly [kind: Kind, needle: string, after?: string];

interface Row {
  readonly name: string;
  readonly path: string;
  readonly text: string;
  readonly expected: readonly Expected[];
}

type Located = Span & { readonly kind: Kind };

const byPosition = (a: Located, b: Located): number =>
  a.line - b.line || a.column - b.column || a.kind.localeCompare(b.kind);

const located = (findings: readonly Finding[]): Located[] =>
  findings.map(({ kind, line, column, endLine, endColumn }) => ({ kind, line, column, endLine, endColumn }));

// A minified bundle: one 50k-character line, the hard-coded keys near its end.
const MINIFIED_MODULE = 'function(e,t,n){"use strict";var r=n(417),o=r.default;e.exports=function(i){return o(i,{})}},';
const MINIFIED = `!function(){var m={${Array.from({ length: 540 }, (_, i) => `${String(i)}:${MINIFIED_MODULE}`).join('')}541:function(e){e.exports={accessKeyId:"${AK}",secretAccessKey:"${SK}",region:"us-east-1"}}};m[541]({})}();`;

const NOTEBOOK = JSON.stringify(
  {
    cells: [
      {
        cell_type: 'code',
        execution_count: 1,
        metadata: {},
        outputs: [],
        source: [
          'from sp_api.api import Orders\n',
          'credentials = dict(\n',
          `    refresh_token="${RT}",\n`,
          `    lwa_app_id="${CLIENT_ID}",\n`,
          `    lwa_client_secret="${LWA}",\n`,
          `    aws_access_key="${ASIA}",\n`,
          `    aws_secret_key="${SK3}",\n`,
          ')\n',
        ],
      },
    ],
    metadata: { kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' } },
    nbformat: 4,
    nbformat_minor: 5,
  },
  null,
  1,
);

const ROWS: readonly Row[] = [
  // JavaScript / TypeScript / JSX
  {
    name: 'JS object literal',
    path: 'config/mws.js',
    text: `module.exports = {
  mws: {
    accessKeyId: '${AK}',
    secretAccessKey: '${SK}',
    authToken: '${TOKEN}',
  },
  spApi: {
    clientId: '${CLIENT_ID}',
    clientSecret: '${LWA}',
    refreshToken: '${RT}',
  },
};
`,
    expected: [
      ['access-key-id', AK],
      ['secret-key', SK],
      ['mws-auth-token', TOKEN],
      ['lwa-client-secret', LWA],
      ['lwa-refresh-token', RT],
    ],
  },
  {
    name: 'TS const',
    path: 'src/config/keys.ts',
    text: `export const MWS_ACCESS_KEY_ID = '${AK}';
export const MWS_SECRET_KEY: string = "${SK2}";
export const LWA_REFRESH_TOKEN = \`${RT}\`;
`,
    expected: [
      ['access-key-id', AK],
      ['secret-key', SK2],
      ['lwa-refresh-token', RT],
    ],
  },
  {
    name: 'TS class field',
    path: 'src/mws/signer.ts',
    text: `export class MwsSigner {
  private readonly accessKeyId = '${AK}';
  private readonly secretKey: string = '${SK}';
  static authToken = '${TOKEN}';
}
`,
    expected: [
      ['access-key-id', AK],
      ['secret-key', SK],
      ['mws-auth-token', TOKEN],
    ],
  },
  {
    name: 'JSX attribute',
    path: 'src/App.jsx',
    text: `export const App = () => (
  <MwsProvider accessKeyId="${AK}" secretKey="${SK}" refreshToken={'${RT}'}>
    <Orders />
  </MwsProvider>
);
`,
    expected: [
      ['access-key-id', AK],
      ['secret-key', SK],
      ['lwa-refresh-token', RT],
    ],
  },
  // Python
  {
    name: 'Python assignment',
    path: 'settings/production.py',
    text: `# Amazon MWS
MWS_ACCESS_KEY_ID = "${AK}"
MWS_SECRET_KEY = "${SK}"
MWS_AUTH_TOKEN = "${TOKEN}"
LWA_CLIENT_SECRET = '${LWA}'
LWA_REFRESH_TOKEN = '${RT}'
`,
    expected: [
      ['access-key-id', AK],
      ['secret-key', SK],
      ['mws-auth-token', TOKEN],
      ['lwa-client-secret', LWA],
      ['lwa-refresh-token', RT],
    ],
  },
  {
    name: 'Python kwargs (python-amazon-mws)',
    path: 'orders_sync.py',
    text: `import mws


def orders_api(seller):
    return mws.Orders(access_key="${AK}", secret_key="${SK3}", account_id=seller.seller_id, auth_token=seller.mws_auth_token)
`,
    expected: [
      ['access-key-id', AK],
      ['secret-key', SK3],
    ],
  },
  {
    name: 'Python dict (python-amazon-sp-api)',
    path: 'spapi_reports.py',
    text: `CREDENTIALS = {
    "refresh_token": "${RT}",
    "lwa_app_id": "${CLIENT_ID}",
    "lwa_client_secret": "${LWA}",
    "aws_access_key": "${AK}",
    "aws_secret_key": "${SK}",
    "role_arn": "arn:aws:iam::123456789012:role/SellingPartnerRole",
}
`,
    expected: [
      ['lwa-refresh-token', RT],
      ['lwa-client-secret', LWA],
      ['access-key-id', AK],
      ['secret-key', SK],
    ],
  },
  // PHP
  {
    name: 'PHP define() (official MWS client config)',
    path: 'Samples/.config.inc.php',
    text: `<?php
define('AWS_ACCESS_KEY_ID', '${AK}');
define('AWS_SECRET_ACCESS_KEY', '${SK3}');
define('APPLICATION_NAME', 'AcmeSync');
define('APPLICATION_VERSION', '1.0');
define('MERCHANT_ID', getenv('MERCHANT_ID'));
define('MWS_AUTH_TOKEN', getenv('MWS_AUTH_TOKEN'));
`,
    expected: [
      ['access-key-id', AK],
      ['secret-key', SK3],
    ],
  },
  {
    name: 'PHP $store array (phpAmazonMWS)',
    path: 'amazon-config.php',
    text: `<?php
$store['Acme']['merchantId'] = '${SELLER}';
$store['Acme']['marketplaceId'] = 'ATVPDKIKX0DER';
$store['Acme']['keyId'] = '${AK}';
$store['Acme']['secretKey'] = '${SK}';
$store['Acme']['MWSAuthToken'] = '${TOKEN}';
`,
    expected: [
      ['access-key-id', AK],
      ['secret-key', SK],
      ['mws-auth-token', TOKEN],
    ],
  },
  // Ruby
  {
    name: 'Ruby peddler kwargs',
    path: 'app/services/order_fetcher.rb',
    text: `client = MWS.orders(
  marketplace: 'ATVPDKIKX0DER',
  merchant_id: store.merchant_id,
  aws_access_key_id: '${AK}',
  aws_secret_access_key: '${SK}',
  auth_token: store.mws_auth_token
)
`,
    expected: [
      ['access-key-id', AK],
      ['secret-key', SK],
    ],
  },
  {
    name: 'Ruby hash rocket',
    path: 'config/initializers/mws.rb',
    text: `MWS_CONFIG = {
  :access_key => '${AK}',
  :secret_key => '${SK2}',
  'refresh_token' => '${RT}'
}.freeze
`,
    expected: [
      ['access-key-id', AK],
      ['secret-key', SK2],
      ['lwa-refresh-token', RT],
    ],
  },
  // Java
  {
    name: 'Java constructor with positional key and secret',
    path: 'src/main/java/com/acme/OrdersClientFactory.java',
    text: `public final class OrdersClientFactory {
    public MarketplaceWebServiceOrdersClient create(MarketplaceWebServiceOrdersConfig config) {
        return new MarketplaceWebServiceOrdersClient("${AK}", "${SK}", "AcmeSync", "1.0", config);
    }
}
`,
    expected: [
      ['access-key-id', AK],
      ['secret-key', SK],
    ],
  },
  {
    name: 'Java setters',
    path: 'src/main/java/com/acme/MwsSettings.java',
    text: `MwsSettings settings = new MwsSettings();
settings.setAccessKeyId("${AK}");
settings.setSecretKey("${SK2}");
settings.setMwsAuthToken("${TOKEN}");
`,
    expected: [
      ['access-key-id', AK],
      ['secret-key', SK2],
      ['mws-auth-token', TOKEN],
    ],
  },
  // C#
  {
    name: 'C# object initializer',
    path: 'Feeds/MwsClientFactory.cs',
    text: `var options = new MwsClientOptions
{
    AccessKeyId = "${AK}",
    SecretAccessKey = "${SK}",
    ServiceUrl = "https://mws.amazonservices.com",
};
`,
    expected: [
      ['access-key-id', AK],
      ['secret-key', SK],
    ],
  },
  {
    name: 'C# new BasicAWSCredentials(key, secret)',
    path: 'Reports/S3Upload.cs',
    text: `using Amazon.Runtime;

var credentials = new BasicAWSCredentials("${AK}", "${SK3}");
var s3 = new AmazonS3Client(credentials, RegionEndpoint.USEast1);
`,
    expected: [
      ['access-key-id', AK],
      ['secret-key', SK3],
    ],
  },
  // Go
  {
    name: 'Go struct literal',
    path: 'internal/mws/config.go',
    text: `package mws

var Default = Config{
\tSellerId:  os.Getenv("MWS_SELLER_ID"),
\tAuthToken: "${TOKEN}",
\tRegion:    "US",
\tAccessKey: "${AK}",
\tSecretKey: "${SK}",
}
`,
    expected: [
      ['mws-auth-token', TOKEN],
      ['access-key-id', AK],
      ['secret-key', SK],
    ],
  },
  {
    name: 'Go url.Values Add("AWSAccessKeyId", …)',
    path: 'internal/amazon/request.go',
    text: `func signedQuery(seller Seller) url.Values {
\tv := url.Values{}
\tv.Add("AWSAccessKeyId", "${AK}")
\tv.Add("Action", "ListOrders")
\tv.Add("SellerId", seller.ID)
\tv.Add("MWSAuthToken", seller.AuthToken)
\treturn v
}
`,
    expected: [['access-key-id', AK]],
  },
  // Shell, env, INI, properties
  {
    name: 'shell export',
    path: 'scripts/mws-env.sh',
    text: `#!/usr/bin/env bash
export MWS_ACCESS_KEY_ID=${AK}
export MWS_SECRET_KEY="${SK}"
export MWS_AUTH_TOKEN='${TOKEN}'
export LWA_CLIENT_SECRET=${LWA}
export LWA_REFRESH_TOKEN="${RT}"
`,
    expected: [
      ['access-key-id', AK],
      ['secret-key', SK],
      ['mws-auth-token', TOKEN],
      ['lwa-client-secret', LWA],
      ['lwa-refresh-token', RT],
    ],
  },
  {
    name: '.env',
    path: '.env',
    text: `# MWS developer keys
AWS_ACCESS_KEY_ID=${AK}
AWS_SECRET_ACCESS_KEY=${SK3}
MWS_AUTH_TOKEN=${TOKEN}
SP_API_REFRESH_TOKEN=${RT}
LWA_CLIENT_SECRET=${LWA}
`,
    expected: [
      ['access-key-id', AK],
      ['secret-key', SK3],
      ['mws-auth-token', TOKEN],
      ['lwa-refresh-token', RT],
      ['lwa-client-secret', LWA],
    ],
  },
  {
    name: 'INI with a legacy un-prefixed key id and the owner’s account id (self-use)',
    path: 'mws.ini',
    text: `[mws]
access_key = ${LEGACY}
secret_key = ${SK}
account_id = ${SELLER}
region = US
`,
    expected: [
      ['access-key-id', LEGACY],
      ['secret-key', SK],
    ],
  },
  {
    name: 'AWS shared credentials file',
    path: '.aws/credentials',
    text: `[default]
aws_access_key_id = ${AK}
aws_secret_access_key = ${SK}

[sync-temp]
aws_access_key_id=${ASIA}
aws_secret_access_key=${SK2}
aws_session_token=${SESSION_TOKEN}
`,
    expected: [
      ['access-key-id', AK],
      ['secret-key', SK],
      ['access-key-id', ASIA],
      ['secret-key', SK2],
    ],
  },
  {
    name: '.properties',
    path: 'src/main/resources/mws-client.properties',
    text: `mws.serviceUrl=https://mws.amazonservices.com
mws.accessKeyId=${AK}
mws.secretKey = ${SK3}
mws.authToken: ${TOKEN}
`,
    expected: [
      ['access-key-id', AK],
      ['secret-key', SK3],
      ['mws-auth-token', TOKEN],
    ],
  },
  // YAML, JSON, TOML, XML
  {
    name: 'YAML plain scalars',
    path: 'config/mws.yml',
    text: `mws:
  access_key_id: ${AK}
  secret_key: ${SK}
  auth_token: ${TOKEN}
sp_api:
  client_secret: ${LWA}
  refresh_token: ${RT}
`,
    expected: [
      ['access-key-id', AK],
      ['secret-key', SK],
      ['mws-auth-token', TOKEN],
      ['lwa-client-secret', LWA],
      ['lwa-refresh-token', RT],
    ],
  },
  {
    name: 'YAML quoted scalars',
    path: 'config/app.yaml',
    text: `mws:
  access_key_id: "${AK}"
  secret_key: '${SK3}'
  auth_token: "${TOKEN}"
lwa:
  client_id: "${CLIENT_ID}"
  client_secret: '${LWA}'
  refresh_token: "${RT}"
`,
    expected: [
      ['access-key-id', AK],
      ['secret-key', SK3],
      ['mws-auth-token', TOKEN],
      ['lwa-client-secret', LWA],
      ['lwa-refresh-token', RT],
    ],
  },
  {
    name: 'Kubernetes env name/value pairs',
    path: 'k8s/deployment.yaml',
    text: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: order-sync
spec:
  template:
    spec:
      containers:
        - name: order-sync
          image: acme/order-sync:1.4.2
          env:
            - name: MWS_ACCESS_KEY_ID
              value: ${AK}
            - name: MWS_SECRET_KEY
              value: "${SK3}"
`,
    expected: [
      ['access-key-id', AK],
      ['secret-key', SK3],
    ],
  },
  {
    name: 'JSON',
    path: 'config/production.json',
    text: `{
  "mws": {
    "accessKeyId": "${AK}",
    "secretKey": "${SK}",
    "authToken": "${TOKEN}"
  },
  "lwa": {
    "clientId": "${CLIENT_ID}",
    "clientSecret": "${LWA}",
    "refreshToken": "${RT}",
    "accessToken": "${AT}"
  }
}
`,
    expected: [
      ['access-key-id', AK],
      ['secret-key', SK],
      ['mws-auth-token', TOKEN],
      ['lwa-client-secret', LWA],
      ['lwa-refresh-token', RT],
      ['lwa-access-token', AT],
    ],
  },
  {
    name: 'TOML',
    path: 'config.toml',
    text: `[mws]
access_key_id = "${AK}"
secret_key = '${SK}'
auth_token = "${TOKEN}"

[lwa]
client_secret = "${LWA}"
refresh_token = '${RT}'
`,
    expected: [
      ['access-key-id', AK],
      ['secret-key', SK],
      ['mws-auth-token', TOKEN],
      ['lwa-client-secret', LWA],
      ['lwa-refresh-token', RT],
    ],
  },
  {
    name: 'XML <add key="SecretKey" value="…"/>',
    path: 'App.config',
    text: `<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <appSettings>
    <add key="AccessKeyId" value="${AK}" />
    <add key="SecretKey" value="${SK}" />
    <add key="ServiceUrl" value="https://mws.amazonservices.com" />
  </appSettings>
</configuration>
`,
    expected: [
      ['access-key-id', AK],
      ['secret-key', SK],
    ],
  },
  {
    name: 'XML <SecretKey>…</SecretKey> with a legacy key id',
    path: 'MwsCredentials.xml',
    text: `<MwsCredentials>
  <AWSAccessKeyId>${LEGACY}</AWSAccessKeyId>
  <SecretKey>${SK3}</SecretKey>
  <MWSAuthToken>${TOKEN}</MWSAuthToken>
</MwsCredentials>
`,
    expected: [
      ['access-key-id', LEGACY],
      ['secret-key', SK3],
      ['mws-auth-token', TOKEN],
    ],
  },
  // Infrastructure
  {
    name: 'Terraform variable default and provider block',
    path: 'infra/mws.tf',
    text: `variable "mws_secret_key" {
  type      = string
  sensitive = true
  default   = "${SK}"
}

provider "aws" {
  region     = "us-east-1"
  access_key = "${AK}"
  secret_key = "${SK2}"
}
`,
    expected: [
      ['secret-key', SK],
      ['access-key-id', AK],
      ['secret-key', SK2],
    ],
  },
  {
    name: 'Terraform tfvars',
    path: 'envs/prod.tfvars',
    text: `region            = "us-east-1"
mws_access_key_id = "${AK}"
mws_secret_key    = "${SK3}"
mws_auth_token    = "${TOKEN}"
lwa_client_secret = "${LWA}"
lwa_refresh_token = "${RT}"
`,
    expected: [
      ['access-key-id', AK],
      ['secret-key', SK3],
      ['mws-auth-token', TOKEN],
      ['lwa-client-secret', LWA],
      ['lwa-refresh-token', RT],
    ],
  },
  {
    name: 'Dockerfile ARG / ENV (both forms)',
    path: 'Dockerfile',
    text: `FROM node:20-alpine
WORKDIR /app
ARG MWS_ACCESS_KEY_ID=${AK}
ENV MWS_SECRET_KEY=${SK}
ENV LWA_REFRESH_TOKEN ${RT}
COPY . .
CMD ["node", "sync.js"]
`,
    expected: [
      ['access-key-id', AK],
      ['secret-key', SK],
      ['lwa-refresh-token', RT],
    ],
  },
  // Documents and notebooks
  {
    name: 'Jupyter notebook (JSON-escaped source)',
    path: 'notebooks/sales.ipynb',
    text: NOTEBOOK,
    expected: [
      ['lwa-refresh-token', RT],
      ['lwa-client-secret', LWA],
      ['access-key-id', ASIA],
      ['secret-key', SK3],
    ],
  },
  {
    name: 'Markdown code block',
    path: 'README.md',
    text: [
      '## Configuration',
      '',
      'Create `.env` with the developer keys:',
      '',
      '```dotenv',
      `MWS_ACCESS_KEY_ID=${AK}`,
      `MWS_SECRET_KEY=${SK}`,
      `MWS_AUTH_TOKEN=${TOKEN}`,
      '```',
      '',
      'Then run `npm start`.',
      '',
    ].join('\n'),
    expected: [
      ['access-key-id', AK],
      ['secret-key', SK],
      ['mws-auth-token', TOKEN],
    ],
  },
  // URLs and form bodies (percent-encoding: reported at the first character of the encoded text)
  {
    name: 'signed MWS URL with MWSAuthToken',
    path: 'logs/mws.log',
    text: `2024-03-02T10:15:01Z INFO GET https://mws.amazonservices.com/Orders/2013-09-01?AWSAccessKeyId=${AK}&Action=ListOrders&MWSAuthToken=${pct(TOKEN)}&MarketplaceId.Id.1=ATVPDKIKX0DER&SellerId=${SELLER}&SignatureMethod=HmacSHA256&SignatureVersion=2&Timestamp=2024-03-02T10%3A15%3A00Z&Version=2013-09-01&Signature=${pct(SIGNATURE)}
`,
    expected: [
      ['access-key-id', AK],
      ['mws-auth-token', TOKEN],
    ],
  },
  {
    name: 'percent-encoded signed URL inside a redirect parameter',
    path: 'logs/proxy.log',
    text: `GET /proxy?target=${pct(`https://mws.amazonservices.com/?AWSAccessKeyId=${AK}&Action=GetServiceStatus`)} 200
`,
    expected: [['access-key-id', AK]],
  },
  {
    name: 'LWA token request body (refresh_token=Atzr%7C…)',
    path: 'logs/lwa.log',
    text: `POST https://api.amazon.com/auth/o2/token
Content-Type: application/x-www-form-urlencoded

grant_type=refresh_token&refresh_token=${pct(RT)}&client_id=${CLIENT_ID}&client_secret=${LWA}
`,
    expected: [
      ['lwa-refresh-token', pct(RT)],
      ['lwa-client-secret', LWA],
    ],
  },
  {
    name: 'secret key with %2B / %2F in a query string',
    path: 'logs/debug.log',
    text: `GET /internal/debug?mws_secret_key=${pct(SK)}&verbose=1 HTTP/1.1
`,
    expected: [['secret-key', pct(SK)]],
  },
  // Encodings and line structure
  {
    name: 'Kubernetes Secret with base64 data values',
    path: 'k8s/secret.yaml',
    text: `apiVersion: v1
kind: Secret
metadata:
  name: sp-api-credentials
type: Opaque
data:
  AWS_ACCESS_KEY_ID: ${b64(AK)}
  AWS_SECRET_ACCESS_KEY: ${b64(SK)}
  LWA_CLIENT_ID: ${b64(CLIENT_ID)}
  LWA_CLIENT_SECRET: ${b64(LWA)}
  LWA_REFRESH_TOKEN: ${b64(RT)}
stringData:
  MWS_AUTH_TOKEN: ${TOKEN}
`,
    expected: [
      ['access-key-id', b64(AK)],
      ['secret-key', b64(SK)],
      ['lwa-client-secret', b64(LWA)],
      ['lwa-refresh-token', b64(RT)],
      ['mws-auth-token', TOKEN],
    ],
  },
  {
    name: 'CRLF line endings',
    path: 'App.config',
    text: [
      '<?xml version="1.0" encoding="utf-8"?>',
      '<configuration>',
      '  <appSettings>',
      `    <add key="AccessKeyId" value="${AK}" />`,
      `    <add key="SecretKey" value="${SK3}" />`,
      `    <add key="MWSAuthToken" value="${TOKEN}" />`,
      '  </appSettings>',
      '</configuration>',
      '',
    ].join('\r\n'),
    expected: [
      ['access-key-id', AK],
      ['secret-key', SK3],
      ['mws-auth-token', TOKEN],
    ],
  },
  {
    name: 'leading BOM (columns count as if it were absent)',
    path: '.env',
    text: `\uFEFFAWS_ACCESS_KEY_ID=${AK}\nAWS_SECRET_ACCESS_KEY=${SK}\n`,
    expected: [
      ['access-key-id', AK],
      ['secret-key', SK],
    ],
  },
  {
    name: 'leading BOM and CRLF together',
    path: '.env',
    text: `\uFEFF# MWS\r\nMWS_ACCESS_KEY_ID=${AK}\r\nMWS_SECRET_KEY=${SK2}\r\nMWS_AUTH_TOKEN=${TOKEN}\r\n`,
    expected: [
      ['access-key-id', AK],
      ['secret-key', SK2],
      ['mws-auth-token', TOKEN],
    ],
  },
  {
    name: 'Python value on the line after its name',
    path: 'settings/base.py',
    text: `MWS_SECRET_KEY = (
    "${SK}"
)
`,
    expected: [['secret-key', SK]],
  },
  {
    name: 'minified bundle: one 50k-character line, keys near its end',
    path: 'dist/app.min.js',
    text: MINIFIED,
    expected: [
      ['access-key-id', AK],
      ['secret-key', SK],
    ],
  },
  // shared-credentials (type A): reported at the offending field name
  {
    name: 'shared-credentials: SQL CREATE TABLE with per-seller key columns',
    path: 'migrations/001_create_sellers.sql',
    text: `CREATE TABLE sellers (
  id                BIGSERIAL PRIMARY KEY,
  seller_id         VARCHAR(20) NOT NULL UNIQUE,
  marketplace_id    VARCHAR(20) NOT NULL,
  mws_access_key_id VARCHAR(20) NOT NULL,
  mws_secret_key    VARCHAR(64) NOT NULL,
  created_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
`,
    expected: [['shared-credentials', 'mws_secret_key']],
  },
  {
    name: 'shared-credentials: TS interface with seller id and keys',
    path: 'src/types/seller-account.ts',
    text: `export interface SellerAccount {
  sellerId: string;
  marketplaceIds: string[];
  accessKeyId: string;
  secretKey: string;
}
`,
    expected: [['shared-credentials', 'secretKey']],
  },
  {
    // One finding per collection of per-seller records, at the first (issue 12 §6).
    name: 'shared-credentials: YAML list of sellers with their own keys',
    path: 'config/sellers.yml',
    text: `sellers:
  - name: Northwind Outdoor
    seller_id: ${SELLER}
    marketplace_id: ATVPDKIKX0DER
    access_key_id: ${AK}
    secret_key: ${SK}
  - name: Contoso Home
    seller_id: ${SELLER2}
    marketplace_id: A1PA6795UKMFR9
    access_key_id: ${AK2}
    secret_key: ${SK3}
`,
    expected: [
      ['access-key-id', AK],
      ['shared-credentials', 'secret_key', 'Northwind'],
      ['secret-key', SK],
      ['access-key-id', AK2],
      ['secret-key', SK3],
    ],
  },
  {
    // Two sellers signed without a token: each with its own keys (issue 12 §2).
    name: 'shared-credentials: signed MWS URLs for two sellers and no MWSAuthToken',
    path: 'logs/requests.log',
    text: `2024-03-02T10:15:01Z INFO GET https://mws.amazonservices.com/Orders/2013-09-01?AWSAccessKeyId=${AK}&Action=ListOrders&MarketplaceId.Id.1=ATVPDKIKX0DER&SellerId=${SELLER}&SignatureMethod=HmacSHA256&SignatureVersion=2&Timestamp=2024-03-02T10%3A15%3A00Z&Version=2013-09-01&Signature=${pct(SIGNATURE)}
2024-03-02T10:15:02Z INFO GET https://mws.amazonservices.com/Orders/2013-09-01?AWSAccessKeyId=${AK2}&Action=ListOrders&SellerId=${SELLER2}&Signature=${pct(SIGNATURE)}
`,
    expected: [
      ['shared-credentials', 'AWSAccessKeyId', '10:15:01Z'],
      ['access-key-id', AK],
      ['shared-credentials', 'AWSAccessKeyId', '10:15:02Z'],
      ['access-key-id', AK2],
    ],
  },
  {
    // One fixed seller signed with its own keys is a seller's own tool: only the key is reported.
    name: 'shared-credentials: a fixed seller signed with its own keys is not type A',
    path: 'logs/requests.log',
    text: `GET https://mws.amazonservices.com/Orders/2013-09-01?AWSAccessKeyId=${AK}&Action=ListOrders&SellerId=${SELLER}&Signature=${pct(SIGNATURE)}
`,
    expected: [['access-key-id', AK]],
  },
];

describe('scanText positions per format', () => {
  it('the minified fixture is a single line of at least 50k characters', () => {
    expect(MINIFIED.length).toBeGreaterThanOrEqual(50_000);
    expect(MINIFIED).not.toMatch(/[\r\n]/);
  });

  it.each(ROWS)('$name', ({ path, text, expected }) => {
    const want = expected.map(([kind, needle, after]) => ({ kind, ...at(text, needle, after) }));
    expect(located(scanText(text, { path })).sort(byPosition)).toEqual(want.sort(byPosition));
  });
});

describe('classifyString (AST adapters)', () => {
  const whole = (kind: Kind, value: string) => ({
    kind,
    offset: 0,
    endOffset: value.length,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: value.length + 1,
  });
  const spans = (findings: readonly Finding[]) =>
    findings.map(({ kind, offset, endOffset, line, column, endLine, endColumn }) => ({
      kind,
      offset,
      endOffset,
      line,
      column,
      endLine,
      endColumn,
    }));

  it.each([
    ['access-key-id', AK, 'accessKeyId'],
    ['access-key-id', ASIA, 'AWS_ACCESS_KEY_ID'],
    ['access-key-id', AK, 'anything'],
    ['access-key-id', LEGACY, 'AWSAccessKeyId'],
    ['access-key-id', LEGACY, 'mws_access_key_id'],
    ['secret-key', SK, 'secretKey'],
    ['secret-key', SK2, 'aws_secret_access_key'],
    ['secret-key', SK3, 'SecretKey'],
    ['secret-key', SK, 'AWS_SECRET_ACCESS_KEY'],
    ['mws-auth-token', TOKEN, 'mwsAuthToken'],
    ['lwa-client-secret', LWA, 'clientSecret'],
    ['lwa-refresh-token', RT, 'refreshToken'],
    ['lwa-access-token', AT, 'accessToken'],
  ] as const)('%s: %s bound to %s', (kind, value, name) => {
    expect(spans(classifyString(value, { name }))).toEqual([whole(kind, value)]);
  });

  it.each([
    [SK, 'cacheKey'],
    [SK, 'signature'],
    [LEGACY, 'buildId'],
    [LWA_HEX, 'checksum'],
    ['AKIAIOSFODNN7EXAMPLE', 'accessKeyId'],
    ['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'secretKey'],
    ['022QF0EXAMPLEH9DHM02', 'AWSAccessKeyId'],
  ] as const)('nothing in %s bound to %s', (value, name) => {
    expect(classifyString(value, { name })).toEqual([]);
  });

  it('finds an unnamed 40-character secret passed next to an access key id', () => {
    expect(spans(classifyString(SK, { pairedWithAccessKey: true }))).toEqual([whole('secret-key', SK)]);
  });

  it('finds nothing in an unnamed 40-character value that is not paired', () => {
    expect(classifyString(SK, {})).toEqual([]);
  });

  it('finds a bare 64-hex client secret only when the file shows LWA', () => {
    expect(spans(classifyString(LWA_HEX, { name: 'clientSecret', hasLwaContext: true }))).toEqual([
      whole('lwa-client-secret', LWA_HEX),
    ]);
    expect(classifyString(LWA_HEX, { name: 'clientSecret', hasLwaContext: false })).toEqual([]);
  });

  it('says MWS when the adapter reports MWS context, AWS otherwise', () => {
    const [mws] = classifyString(SK, { name: 'secretKey', hasMwsContext: true });
    const [aws] = classifyString(SK, { name: 'secretKey', hasMwsContext: false });
    expect(mws?.message).toContain('MWS');
    expect(aws?.message).toContain('AWS');
    expect(aws?.message).not.toContain('MWS');
  });
});

describe('masking', () => {
  const masked = (text: string, kind: Kind): string | undefined =>
    scanText(text, { path: '.env' }).find((f) => f.kind === kind)?.secret;

  it('shows the first 4 and last 4 characters of an access key id, stars between', () => {
    expect(masked(`AWS_ACCESS_KEY_ID=${AK}`, 'access-key-id')).toBe(
      `${AK.slice(0, 4)}${'*'.repeat(12)}${AK.slice(-4)}`,
    );
    expect(masked(`AWS_ACCESS_KEY_ID=${AK}`, 'access-key-id')).toMatch(/^AKIA\*{12}[A-Z2-7]{4}$/);
  });

  it('shows the first 4 and last 4 characters of a secret key, stars between', () => {
    expect(masked(`AWS_SECRET_ACCESS_KEY=${SK}`, 'secret-key')).toBe(
      `${SK.slice(0, 4)}${'*'.repeat(32)}${SK.slice(-4)}`,
    );
  });

  it.each([
    ['mws-auth-token', `MWS_AUTH_TOKEN=${TOKEN}`, TOKEN],
    ['lwa-client-secret', `LWA_CLIENT_SECRET=${LWA}`, LWA],
    ['lwa-refresh-token', `LWA_REFRESH_TOKEN=${RT}`, RT],
    ['lwa-access-token', `LWA_ACCESS_TOKEN=${AT}`, AT],
  ] as const)('%s: ends with the last 4 characters, hides the body', (kind, text, value) => {
    const m = masked(text, kind) ?? '';
    const [, head = '', tail = ''] = /^([^*]+)\*{8,}([^*]{4})$/.exec(m) ?? [];
    expect(value.startsWith(head)).toBe(true);
    expect(head.length).toBeGreaterThanOrEqual(4);
    expect(tail).toBe(value.slice(-4));
    expect(m).not.toContain(value);
    expect(m).not.toContain(value.slice(-20));
  });
});

describe('fingerprints', () => {
  const fingerprintOf = (text: string, path: string, kind: Kind): string | undefined =>
    scanText(text, { path }).find((f) => f.kind === kind)?.fingerprint;

  it('are the same for the same secret in two places', () => {
    const inEnv = fingerprintOf(`AWS_SECRET_ACCESS_KEY=${SK}\n`, '.env', 'secret-key');
    const inCode = fingerprintOf(`\n\nexport const secretKey = '${SK}';\n`, 'src/keys.ts', 'secret-key');
    expect(inEnv).toMatch(/^[0-9a-f]{64}$/);
    expect(inCode).toBe(inEnv);
  });

  it('differ between kinds and between secrets, and never contain the secret', () => {
    const findings = scanText(`AWS_ACCESS_KEY_ID=${AK}\nAWS_SECRET_ACCESS_KEY=${SK}\nMWS_AUTH_TOKEN=${TOKEN}\n`, {
      path: '.env',
    });
    const other = fingerprintOf(`AWS_SECRET_ACCESS_KEY=${SK2}\n`, '.env', 'secret-key');
    const prints = findings.map((f) => f.fingerprint);
    expect(findings.map((f) => f.kind)).toEqual(['access-key-id', 'secret-key', 'mws-auth-token']);
    expect(new Set([...prints, other]).size).toBe(4);
    for (const p of prints) {
      expect(p).toMatch(/^[0-9a-f]{64}$/);
      expect(p).not.toContain(AK);
      expect(p).not.toContain(SK);
    }
  });
});

describe('severity and messages', () => {
  it.each([
    ['access-key-id', `AWS_ACCESS_KEY_ID=${AK}`, 'error'],
    ['secret-key', `AWS_SECRET_ACCESS_KEY=${SK}`, 'error'],
    ['mws-auth-token', `MWS_AUTH_TOKEN=${TOKEN}`, 'error'],
    ['lwa-client-secret', `LWA_CLIENT_SECRET=${LWA}`, 'error'],
    ['lwa-refresh-token', `LWA_REFRESH_TOKEN=${RT}`, 'error'],
    ['lwa-access-token', `LWA_ACCESS_TOKEN=${AT}`, 'warning'],
  ] as const)('%s in %s has severity %s', (kind, text, severity) => {
    expect(scanText(text, { path: '.env' }).map((f) => [f.kind, f.severity])).toEqual([[kind, severity]]);
  });

  it('shared-credentials is an error', () => {
    const text = 'interface SellerAccount {\n  sellerId: string;\n  accessKeyId: string;\n  secretKey: string;\n}\n';
    expect(scanText(text, { path: 'seller.ts' }).map((f) => [f.kind, f.severity])).toEqual([
      ['shared-credentials', 'error'],
    ]);
  });

  it('mentions MWS when the text mentions MWS, AWS otherwise', () => {
    const mws = scanText(`# MWS developer keys\nMWS_SECRET_KEY=${SK}\n`, { path: '.env' });
    const aws = scanText(`AWS_SECRET_ACCESS_KEY=${SK}\n`, { path: '.env' });
    expect(mws.map((f) => f.message)).toEqual([expect.stringContaining('MWS')]);
    expect(aws.map((f) => f.message)).toEqual([expect.stringContaining('AWS')]);
    expect(aws.map((f) => f.message)).toEqual([expect.not.stringContaining('MWS')]);
  });

  it('never puts the secret in the message', () => {
    const findings = scanText(`MWS_ACCESS_KEY_ID=${AK}\nMWS_SECRET_KEY=${SK}\nLWA_REFRESH_TOKEN=${RT}\n`, {
      path: '.env',
    });
    expect(findings).toHaveLength(3);
    for (const f of findings) {
      expect(f.message).not.toContain(AK);
      expect(f.message).not.toContain(SK);
      expect(f.message).not.toContain(RT.slice(5, 40));
    }
  });
});
