import { describe, expect, it } from 'vitest';
import { scanText } from '@mwsguard/core';

// Hard negatives, one table per false-positive class (test/fixtures/corpus/LABELING.md, "never
// report" and the placeholder paragraph). Every row is a realistic snippet that must produce no
// finding of any kind. Hashes, ids and blobs below were generated once with node:crypto.

type Row = readonly [description: string, path: string, text: string];

const findingsIn = (path: string, text: string) =>
  scanText(text, { path }).map(({ kind, line, column }) => ({ kind, line, column }));

const SHA1 = '62cff1531e950f25925d6404201edec277ef1af0';
const SHA1_B = 'dabc02bddbe3a1d9068fde768c4efb8fedb2cf10';
const SHA1_C = '5e978bfef5e749f489cadf38a636b1e538bfed01';
const SHA1_UPPER = '9ADDCF03D8D517E64381EB7EF22C2B169CA3C0A1';
const SHA256 = '7c415811f2c51fe0c074814e79eee76ef6e800b62ea4e5535de16d4e6b0fdc94';
const SHA256_B = 'cb0f9a1318d57c785d201aa2cd684e24cce432f7729b3fcb5b8897c6bdf2a7af';
const UUID = '4d7e3ce5-c0c5-4e88-ae05-fb8d85b72d6a';
const UUID_B = '29d1ce4d-fe4b-4568-805f-423db0ceedd7';
const UUID_C = '1b8b53fd-f422-4e5a-a753-bc34f0ff5398';
const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzZWxsZXItNDgyMSIsImlzcyI6Imh0dHBzOi8vYXV0aC5hY21lLXJlcHJpY2VyLmlvIiwiaWF0IjoxNzE4MDAwMDAwLCJleHAiOjE3MTgwMDM2MDAsInNjb3BlIjoib3JkZXJzOnJlYWQifQ.jiDc4O-O3npV1a5mV9yJ93HzOhtGcbLLniutqscZ-U4';
const JWT_B =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJvcHNAYWNtZS1yZXByaWNlci5pbyIsInJvbGUiOiJhZG1pbiIsImlhdCI6MTcxODAwMDAwMH0.rI82sX6BNbLdrfmXJp6cLmRYv3s9QVxf9G2I7hOKFCI';
const B64_30_BYTES = 'kwFzWAYVlzj8QW2hoSduQud8XDJDwHwz8v7JqmWb'; // 40 base64 characters, no padding
const B64_120_BYTES =
  'LGj18ofg9ToNqO0qvHRvAxenEwM0hBU4sa7lvBMfUTgrpjgy7VmCvwo/6r+EDugQ2C+QVUn90ilLL0t9fqurM5vNP0H7oDVt75yg/E61JnVyC23RsF8HjRhmOlUfib6xU6y6Zihjx4KnlBbNNCiTpMa/H6MMBUtH';
const B64_300_BYTES =
  'Fhslxb0OgDpGY1c/6PO3OIIEwHjvJ+7BAGuzaUZ4CGcAPAxiAOCoUCP9K/XqlKHSze+S6WOHBrSvFuGbcrSyybvre0oWRae9g/tZi/zSNSzK/HQc3qgQERhIblxfq2rE4pW4196Y+F5JGEcycxCLCCf1/0NlJo5WRbF/eq23xnNz60XQyTL+8XjxSHHiFodsmF/6Te3aAItgjcSlxksrRTJ5VVuGGSAjOuu5tpcrFsNtByQMGo8wnXvVgZ4iXiaHmTTucCiWCVOo3mni15VhuZmJgqWTeoTuHItswUSRFAzNFGKLqKC1TEY2aEFmutla+QOM66t81IbVqzFOZkwO29vTeK/SlEp3+Ecb9wRZBUpscdXNMq0HH2wGVDmv+k8qp75yzbYB53pH2Pga';
const SHA512_INTEGRITY =
  'sha512-UpfEVy748frPFzYez9xRt148C2FBsR/wCb7oqel1MJ6yyXY9gMi3FQs0ae09vfWoZNah59ekdK2s5Rb0Vm8Dgg==';
const SHA512_INTEGRITY_B =
  'sha512-FqNbOwWc/r6xEyYNZZvUfcuGLuyWJPWsqa7oHZ7OR4ilipDI48ecJrmiVAuquZPYkamXAJXDKTXp+0y+bdISoQ==';
const SHA1_INTEGRITY = 'sha1-AcRfW7/Z89TjbZPlhmYK7inQ7g4=';
const SELLER = 'ACHXTNNDWGEWN9';
const SELLER_B = 'A5VASIMOGPX4P';
const CLIENT_ID = 'amzn1.application-oa2-client.6c1e95d81772e5b17988935f284eaf52';
const AIDA = 'AIDA5HV6FMB2VUYGZVHQD';
const AROA = 'AROAMMRFECHZATQDAS6QV';
const AGPA = 'AGPAXU643VHEV5P57FIUL';
const ANPA = 'ANPAKTFLJGQMQR4BSC5DG';
// The fakes of formats.test.ts, masked the way mwsguard and the AWS CLI print them.
const AK_MASKED = 'AKIA************WNO7';
const SK_MASKED = 'IQdw********************************EJEr';

describe('documented example values', () => {
  it.each<Row>([
    [
      'AWS docs key pair in ~/.aws/credentials',
      '.aws/credentials',
      `[default]
aws_access_key_id = AKIAIOSFODNN7EXAMPLE
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
region = us-east-1
`,
    ],
    [
      'AWS docs key pair in a JS SDK client',
      'src/s3.js',
      `const s3 = new S3Client({
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
});
`,
    ],
    [
      'AWS docs key pair in .env.example',
      '.env.example',
      'AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\nAWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n',
    ],
    [
      'MWS developer guide request (key id, token, seller id)',
      'docs/signing.txt',
      `POST /Orders/2013-09-01 HTTP/1.1
Host: mws.amazonservices.com
Content-Type: application/x-www-form-urlencoded

AWSAccessKeyId=AKIAJGUEXAMPLEE2NVUA&Action=ListOrders&MWSAuthToken=amzn.mws.4ea38b7b-f563-7709-4bae-87aeaEXAMPLE&MarketplaceId.Id.1=ATVPDKIKX0DER&SellerId=A2NKEXAMPLEF53&SignatureMethod=HmacSHA256&SignatureVersion=2&Timestamp=2013-09-05T18%3A12%3A21.687Z&Version=2013-09-01
`,
    ],
    [
      'MWS scratchpad legacy key id and secret in a Python test',
      'tests/test_signing.py',
      `# Values from the MWS developer guide signing example.
ACCESS_KEY = "022QF0EXAMPLEH9DHM02"
SECRET_KEY = "kWcrlEXAMPLEM/LtmEENI/aVmYvHNif5zB+d9+ct"
`,
    ],
    [
      'MWS example token and seller id in a PHP sample',
      'Samples/ListOrdersSample.php',
      `<?php
$request = new MarketplaceWebServiceOrders_Model_ListOrdersRequest();
$request->setSellerId('A2NKEXAMPLEF53');
$request->setMWSAuthToken('amzn.mws.4ea38b7b-f563-7709-4bae-87aeaEXAMPLE');
`,
    ],
    [
      'LWA docs refresh token in a curl call',
      'docs/lwa.sh',
      `curl -X POST https://api.amazon.com/auth/o2/token \\
  -H 'Content-Type: application/x-www-form-urlencoded;charset=UTF-8' \\
  -d 'grant_type=refresh_token&refresh_token=Atzr|IQEBLzAtAhRPpMJxdwVz2Nn6f2y-tpJX2DeXEXAMPLE&client_id=foodev&client_secret=Y76SDl2F'
`,
    ],
    [
      'LWA docs refresh token in JSON',
      'fixtures/token-response.json',
      '{\n  "token_type": "bearer",\n  "refresh_token": "Atzr|IQEBLzAtAhRPpMJxdwVz2Nn6f2y-tpJX2DeXEXAMPLE"\n}\n',
    ],
  ])('%s', (_description, path, text) => {
    expect(findingsIn(path, text)).toEqual([]);
  });
});

describe('placeholders', () => {
  it.each<Row>([
    ['YOUR_SECRET_KEY', '.env.example', 'MWS_ACCESS_KEY_ID=YOUR_ACCESS_KEY_ID\nMWS_SECRET_KEY=YOUR_SECRET_KEY\n'],
    [
      '<secret> in a credentials file',
      'docs/credentials.ini',
      '[default]\naws_access_key_id = <access-key-id>\naws_secret_access_key = <secret>\n',
    ],
    [
      '<...> in a python-amazon-mws README snippet',
      'README.rst',
      "orders_api = mws.Orders(access_key='<access-key>', secret_key='<secret>', account_id='<seller-id>')\n",
    ],
    [
      '40 x characters as a secret',
      'test/client.test.js',
      "const client = createClient({ secretKey: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' });\n",
    ],
    ['AKIA followed by X characters', '.env.example', 'AWS_ACCESS_KEY_ID=AKIAXXXXXXXXXXXXXXXX\n'],
    ['x-filled refresh token', 'config/sp-api.yml', 'refresh_token: Atzr|xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n'],
    ['x-filled MWS Auth Token', 'docs/setup.txt', 'MWSAuthToken: amzn.mws.xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx\n'],
    ['*** as a secret', 'config/mws.yml', 'mws:\n  secret_key: "***"\n'],
    ['40 stars as a secret', 'config/mws.yml', 'mws:\n  secret_key: "****************************************"\n'],
    ['changeme', '.env.example', 'MWS_SECRET_KEY=changeme\n'],
    [
      'changeme as an environment default',
      'settings.py',
      'MWS_SECRET_KEY = os.environ.get("MWS_SECRET_KEY", "changeme")\n',
    ],
    [
      '${MWS_SECRET} in docker-compose',
      'docker-compose.yml',
      'services:\n  sync:\n    environment:\n      MWS_SECRET_KEY: ${MWS_SECRET}\n      MWS_ACCESS_KEY_ID: ${MWS_ACCESS_KEY_ID:?missing}\n',
    ],
    [
      '{{ secret }} in a Jinja template',
      'templates/credentials.j2',
      '[default]\naws_access_key_id = {{ access_key }}\naws_secret_access_key = {{ secret }}\n',
    ],
    [
      'Helm {{ .Values... }}',
      'templates/deployment.yaml',
      '        - name: MWS_SECRET_KEY\n          value: {{ .Values.mws.secretKey | quote }}\n',
    ],
    ['%(secret)s ConfigParser interpolation', 'mws.ini', '[mws]\naccess_key = %(access)s\nsecret_key = %(secret)s\n'],
    [
      'process.env.X',
      'src/mws.js',
      'const client = new MwsClient({\n  accessKeyId: process.env.MWS_ACCESS_KEY_ID,\n  secretAccessKey: process.env.MWS_SECRET_KEY,\n});\n',
    ],
    [
      "os.environ['X']",
      'sync.py',
      "orders_api = mws.Orders(\n    access_key=os.environ['MWS_ACCESS_KEY'],\n    secret_key=os.environ['MWS_SECRET_KEY'],\n)\n",
    ],
    [
      "getenv('X')",
      '.config.inc.php',
      "<?php\ndefine('AWS_ACCESS_KEY_ID', getenv('AWS_ACCESS_KEY_ID'));\ndefine('AWS_SECRET_ACCESS_KEY', getenv('AWS_SECRET_ACCESS_KEY'));\n",
    ],
    [
      '[[secret]]',
      'templates/credentials.tpl',
      'aws_access_key_id = [[access_key]]\naws_secret_access_key = [[secret]]\n',
    ],
    [
      '%SECRET% in a Windows batch file',
      'run-sync.bat',
      'set MWS_SECRET_KEY=%SECRET%\nsync.exe --secret-key %MWS_SECRET_KEY%\n',
    ],
    [
      '<...> after a token prefix',
      '.env.example',
      'MWS_AUTH_TOKEN=amzn.mws.<your-mws-auth-token>\nLWA_CLIENT_SECRET=amzn1.oa2-cs.v1.<client-secret>\nLWA_REFRESH_TOKEN=Atzr|<refresh-token>\n',
    ],
    ['elided refresh token', 'docs/lwa.md', 'The response holds `"refresh_token": "Atzr|..."` and an access token.\n'],
  ])('%s', (_description, path, text) => {
    expect(findingsIn(path, text)).toEqual([]);
  });
});

describe('hashes', () => {
  it.each<Row>([
    [
      '40-hex SHA-1 bound to secret_key',
      'tests/fixtures.py',
      `MWS_ACCESS_KEY_ID = os.environ["MWS_ACCESS_KEY_ID"]\nsecret_key = "${SHA1}"\n`,
    ],
    ['upper-case 40-hex bound to AWS_SECRET_ACCESS_KEY', 'test/.env.test', `AWS_SECRET_ACCESS_KEY=${SHA1_UPPER}\n`],
    ['40-hex SHA-1 bound to secretKey in JSON', 'fixtures/seller.json', `{ "secretKey": "${SHA1_B}" }\n`],
    [
      'SHA-256 bound to client_secret without an LWA client id',
      'config/webhooks.yml',
      `webhook:\n  client_secret: ${SHA256}\n`,
    ],
    [
      'SHA-256 under a hash name next to an LWA client id',
      'config/sp-api.ini',
      `[lwa]\nclient_id = ${CLIENT_ID}\nclient_secret_sha256 = ${SHA256}\n`,
    ],
    [
      'sha256sum output',
      'SHA256SUMS',
      `${SHA256}  mws-secret-key-rotator-1.4.2.tar.gz\n${SHA256_B}  mws-sync-1.4.2.tar.gz\n`,
    ],
    [
      'image digest next to a secret from env',
      'docker-compose.yml',
      `services:\n  sync:\n    image: acme/mws-sync@sha256:${SHA256_B}\n    environment:\n      MWS_SECRET_KEY: \${MWS_SECRET_KEY}\n`,
    ],
  ])('%s', (_description, path, text) => {
    expect(findingsIn(path, text)).toEqual([]);
  });
});

describe('UUIDs', () => {
  it.each<Row>([
    [
      'MWS response request ids',
      'fixtures/list-orders.xml',
      `<ListOrdersResponse xmlns="https://mws.amazonservices.com/Orders/2013-09-01">\n  <ResponseMetadata>\n    <RequestId>${UUID}</RequestId>\n  </ResponseMetadata>\n</ListOrdersResponse>\n`,
    ],
    [
      'Secrets Manager version id',
      'out/describe-secret.json',
      `{\n  "ARN": "arn:aws:secretsmanager:us-east-1:123456789012:secret:mws/developer-keys-Ab12Cd",\n  "Name": "mws/developer-keys",\n  "VersionId": "${UUID_B}"\n}\n`,
    ],
    ['secret id bound to a secret name', 'vault.yml', `mws_secret_key_id: ${UUID_C}\nseller_secret: ${UUID}\n`],
    [
      'x-amzn-RequestId header in a log',
      'logs/sp-api.log',
      `x-amzn-RequestId: ${UUID_B}\nx-amz-access-token: [FILTERED]\n`,
    ],
  ])('%s', (_description, path, text) => {
    expect(findingsIn(path, text)).toEqual([]);
  });
});

describe('JWTs', () => {
  it.each<Row>([
    ['JWT bound to token', 'config/session.yml', `session:\n  token: ${JWT}\n`],
    ['JWT bound to secret', 'test/auth.test.ts', `const secret = '${JWT_B}';\n`],
    [
      'JWT bound to refresh_token',
      'fixtures/oauth.json',
      `{ "refresh_token": "${JWT}", "access_token": "${JWT_B}" }\n`,
    ],
    ['JWT bearer header in a log', 'logs/api.log', `Authorization: Bearer ${JWT}\nX-Seller-Id: ${SELLER}\n`],
    ['JWT bound to jwtSecret', 'src/fixtures.js', `export const auth = { issuer: 'acme', jwtSecret: '${JWT_B}' };\n`],
  ])('%s', (_description, path, text) => {
    expect(findingsIn(path, text)).toEqual([]);
  });
});

describe('data URIs', () => {
  it.each<Row>([
    [
      'PNG icon next to a "Secret key" label',
      'src/SecretKeyField.jsx',
      `<label>Secret key <img alt="secret key" src="data:image/png;base64,${B64_120_BYTES}" /></label>\n`,
    ],
    [
      'tiny data URI of exactly 40 base64 characters in CSS',
      'src/styles.css',
      `.secret-key-icon {\n  background-image: url(data:image/png;base64,${B64_30_BYTES});\n}\n`,
    ],
    [
      'data URI bound to a secretKey-named constant',
      'src/icons.ts',
      `export const secretKeyIcon = 'data:image/png;base64,${B64_30_BYTES}';\n`,
    ],
  ])('%s', (_description, path, text) => {
    expect(findingsIn(path, text)).toEqual([]);
  });
});

describe('lockfile integrity strings', () => {
  it.each<Row>([
    [
      'package-lock.json sha512 and sha1',
      'package-lock.json',
      `{
  "packages": {
    "node_modules/@aws-sdk/client-secrets-manager": {
      "version": "3.535.0",
      "resolved": "https://registry.npmjs.org/@aws-sdk/client-secrets-manager/-/client-secrets-manager-3.535.0.tgz",
      "integrity": "${SHA512_INTEGRITY}"
    },
    "node_modules/mws-simple": {
      "version": "0.2.4",
      "resolved": "https://registry.npmjs.org/mws-simple/-/mws-simple-0.2.4.tgz",
      "integrity": "${SHA1_INTEGRITY}"
    }
  }
}
`,
    ],
    [
      'yarn.lock with a sha1 in the resolved URL',
      'yarn.lock',
      `"@aws-sdk/client-secrets-manager@^3.535.0":
  version "3.535.0"
  resolved "https://registry.yarnpkg.com/@aws-sdk/client-secrets-manager/-/client-secrets-manager-3.535.0.tgz#${SHA1_C}"
  integrity ${SHA512_INTEGRITY_B}
`,
    ],
    [
      'pnpm-lock.yaml resolution',
      'pnpm-lock.yaml',
      `packages:

  '@aws-sdk/client-secrets-manager@3.535.0':
    resolution: {integrity: ${SHA512_INTEGRITY}}
    engines: {node: '>=14.0.0'}
`,
    ],
  ])('%s', (_description, path, text) => {
    expect(findingsIn(path, text)).toEqual([]);
  });
});

describe('Seller IDs and Marketplace IDs on their own', () => {
  it.each<Row>([
    ['sellerId in JS', 'src/seller.js', `const seller = { sellerId: '${SELLER}', marketplaceId: 'ATVPDKIKX0DER' };\n`],
    ['MERCHANT_ID and MARKETPLACE_ID in .env', '.env', `MERCHANT_ID=${SELLER_B}\nMARKETPLACE_ID=A1PA6795UKMFR9\n`],
    [
      'YAML tenants with seller ids and marketplace lists',
      'config/tenants.yml',
      `tenants:
  - name: Northwind
    seller_id: ${SELLER}
    marketplace_ids: [ATVPDKIKX0DER, A2EUQ1WTGCTBG2, A1AM78C64UM0Y8]
  - name: Contoso
    seller_id: ${SELLER_B}
    marketplace_ids: [A1F83G8C2ARO7P, A1PA6795UKMFR9, A13V1IB3VIYZZH]
`,
    ],
    ['merchant token in Python', 'report.py', `MERCHANT_TOKEN = "${SELLER}"\nMARKETPLACE_ID = "A1VC38T7YXB528"\n`],
    [
      'query string without keys',
      'logs/app.log',
      `GET /orders?SellerId=${SELLER}&MarketplaceId.Id.1=ATVPDKIKX0DER&CreatedAfter=2024-03-01 200\n`,
    ],
  ])('%s', (_description, path, text) => {
    expect(findingsIn(path, text)).toEqual([]);
  });
});

describe('minified bundle identifiers and blobs', () => {
  it.each<Row>([
    [
      'a 40-character camelCase identifier as a property value',
      'dist/app.min.js',
      '!function(){"use strict";var e={secretKey:validateMarketplaceWebServiceSecretKeyV2,accessKeyId:validateAccessKeyId};window.mws=e}();\n',
    ],
    [
      'a 40-character identifier in a webpack export getter',
      'dist/main.js',
      '(self.webpackChunk=self.webpackChunk||[]).push([[179],{812:(e,t,n)=>{n.d(t,{secretAccessKey:()=>handleSecretAccessKeyInputChange4Regions})}}]);\n',
    ],
    [
      'long base64 blobs in minified code next to key property names',
      'dist/vendor.min.js',
      `var i={accessKeyId:o.accessKeyId,secretAccessKey:o.secretAccessKey},s=atob("${B64_300_BYTES}"),f="data:font/woff2;base64,${B64_120_BYTES}";\n//# sourceMappingURL=data:application/json;charset=utf-8;base64,${B64_300_BYTES}\n`,
    ],
  ])('%s', (_description, path, text) => {
    expect(findingsIn(path, text)).toEqual([]);
  });
});

describe('LWA client ids alone', () => {
  it.each<Row>([
    [
      'client id in .env, secret from env',
      '.env',
      `LWA_CLIENT_ID=${CLIENT_ID}\nLWA_CLIENT_SECRET=\${LWA_CLIENT_SECRET}\n`,
    ],
    [
      'amazon-sp-api credentials with the secret from env',
      'src/sp-api.js',
      `const sp = new SellingPartner({
  region: 'na',
  refresh_token: process.env.SP_API_REFRESH_TOKEN,
  credentials: {
    SELLING_PARTNER_APP_CLIENT_ID: '${CLIENT_ID}',
    SELLING_PARTNER_APP_CLIENT_SECRET: process.env.SELLING_PARTNER_APP_CLIENT_SECRET,
  },
});
`,
    ],
    [
      'client id in a consent URL',
      'src/consent.ts',
      `export const consentUrl = \`https://sellercentral.amazon.com/apps/authorize/consent?application_id=amzn1.sp.solution.${UUID}&client_id=${CLIENT_ID}&state=\${state}\`;\n`,
    ],
  ])('%s', (_description, path, text) => {
    expect(findingsIn(path, text)).toEqual([]);
  });
});

describe('IAM resource ids (AIDA, AROA, AGPA, ANPA)', () => {
  it.each<Row>([
    [
      'aws iam get-user',
      'out/get-user.json',
      `{\n  "User": {\n    "UserName": "mws-sync",\n    "UserId": "${AIDA}",\n    "Arn": "arn:aws:iam::123456789012:user/mws-sync"\n  }\n}\n# access keys rotated 2024-03-01\n`,
    ],
    [
      'aws sts get-caller-identity for a role',
      'out/caller.json',
      `{\n  "UserId": "${AROA}:botocore-session-1718000000",\n  "Account": "123456789012",\n  "Arn": "arn:aws:sts::123456789012:assumed-role/SellingPartnerRole/botocore-session-1718000000"\n}\n`,
    ],
    [
      'group and policy ids in an audit export',
      'audit/iam.csv',
      `type,name,id,access_key_last_used\ngroup,mws-admins,${AGPA},\npolicy,MwsSecretKeyRead,${ANPA},\n`,
    ],
  ])('%s', (_description, path, text) => {
    expect(findingsIn(path, text)).toEqual([]);
  });
});

describe('masked values', () => {
  it.each<Row>([
    [
      'aws configure list',
      'docs/troubleshooting.txt',
      `      Name                    Value             Type    Location
      ----                    -----             ----    --------
   profile                <not set>             None    None
access_key     ****************WNO7 shared-credentials-file
secret_key     ****************EJEr shared-credentials-file
    region                us-east-1      config-file    ~/.aws/config
`,
    ],
    [
      'mwsguard output pasted in an issue',
      'ISSUE.txt',
      `src/config.js:3:16 error Hard-coded MWS access key ID ${AK_MASKED}.\nsrc/config.js:4:20 error Hard-coded MWS secret key ${SK_MASKED}.\n`,
    ],
    [
      'masked values in a support log',
      'logs/support.log',
      `accessKeyId=${AK_MASKED} secretKey=${SK_MASKED} MWSAuthToken=amzn.mws.********-****-****-****-********6962 refresh_token=Atzr|IwEB********************************7aK\n`,
    ],
  ])('%s', (_description, path, text) => {
    expect(findingsIn(path, text)).toEqual([]);
  });
});

describe('git commit SHAs in logs', () => {
  it.each<Row>([
    [
      'git log about a secret key',
      'notes/git-log.txt',
      `commit ${SHA1}
Author: Dana Ops <dana@acme-repricer.io>
Date:   Fri Mar 1 10:12:44 2024 +0100

    Remove hard-coded MWS secret key and access key id from config

commit ${SHA1_B}
Merge: ${SHA1_C.slice(0, 7)} ${SHA1.slice(0, 7)}
`,
    ],
    [
      'GitHub Actions pinned to a commit SHA above aws-access-key-id',
      '.github/workflows/deploy.yml',
      `      - uses: aws-actions/configure-aws-credentials@${SHA1_C}
        with:
          aws-access-key-id: \${{ secrets.MWS_ACCESS_KEY_ID }}
          aws-secret-access-key: \${{ secrets.MWS_SECRET_KEY }}
          aws-region: us-east-1
`,
    ],
    [
      'CI checkout log',
      'logs/ci.log',
      `Checking out ${SHA1_B} (refs/heads/rotate-secret-key)\nHEAD is now at ${SHA1_B.slice(0, 7)} Rotate MWS secret access key\nsecret_key rotated in ${SHA1}\n`,
    ],
  ])('%s', (_description, path, text) => {
    expect(findingsIn(path, text)).toEqual([]);
  });
});

describe('40-character file paths next to secret words', () => {
  it.each<Row>([
    [
      'path bound to a *_FILE name',
      'settings.py',
      'MWS_SECRET_KEY_FILE = "/run/secrets/mws/DeveloperAccessKeyV2Eu1"\n',
    ],
    [
      'path bound to a *_path name',
      'config/mws.yml',
      'mws:\n  secret_key_path: src/Amazon/MwsV2/Secrets/KeyRotationJobs\n',
    ],
    [
      'path in a log line about a secret key file',
      'logs/sync.log',
      'WARN secret key file not found: var/lib/mwsguard/Cache2/SellerSecretKeys\n',
    ],
    [
      'path in prose about the secret key',
      'docs/setup.txt',
      'The MWS secret key is read from config/credentials/amazon/SellerKeys2024 at start-up.\n',
    ],
  ])('%s', (_description, path, text) => {
    expect(findingsIn(path, text)).toEqual([]);
  });
});

describe('the correct pattern (type B) is not shared-credentials', () => {
  it.each<Row>([
    [
      'JS: ScaleLeap HttpClient with own keys from env, per-seller id + token',
      'src/mws/client.js',
      `import { HttpClient } from '@scaleleap/amazon-mws-api-sdk';

export function clientFor(seller) {
  return new HttpClient({
    marketplace: seller.marketplace,
    awsAccessKeyId: process.env.MWS_ACCESS_KEY_ID,
    secretKey: process.env.MWS_SECRET_KEY,
    sellerId: seller.sellerId,
    mwsAuthToken: seller.mwsAuthToken,
  });
}
`,
    ],
    [
      'TS: signed request template with MWSAuthToken',
      'src/mws/query.ts',
      'const url = `${endpoint}?AWSAccessKeyId=${process.env.MWS_ACCESS_KEY_ID}&Action=ListOrders&MWSAuthToken=${encodeURIComponent(seller.mwsAuthToken)}&SellerId=${seller.sellerId}`;\n',
    ],
    [
      'Python: python-amazon-mws with env keys and the seller row',
      'orders.py',
      `import os
import mws


def orders_api(seller):
    return mws.Orders(
        access_key=os.environ["MWS_ACCESS_KEY"],
        secret_key=os.environ["MWS_SECRET_KEY"],
        account_id=seller.seller_id,
        auth_token=seller.mws_auth_token,
        region=seller.region,
    )
`,
    ],
    [
      'Python: single-tenant boto script with own keys from env and no token',
      'fba_inventory_report.py',
      `from boto.mws.connection import MWSConnection

conn = MWSConnection(
    aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"],
    aws_secret_access_key=os.environ["AWS_SECRET_ACCESS_KEY"],
    Merchant=os.environ["MWS_SELLER_ID"],
)
`,
    ],
    [
      'PHP: official client with getenv keys, setSellerId + setMWSAuthToken',
      'src/Orders.php',
      `<?php
$service = new MarketplaceWebServiceOrders_Client(
    getenv('AWS_ACCESS_KEY_ID'),
    getenv('AWS_SECRET_ACCESS_KEY'),
    'AcmeSync',
    '1.0',
    $config
);
$request = new MarketplaceWebServiceOrders_Model_ListOrdersRequest();
$request->setSellerId($seller['merchant_id']);
$request->setMWSAuthToken($seller['mws_auth_token']);
`,
    ],
    [
      'Java: System.getenv keys, setSellerId + setMWSAuthToken',
      'src/main/java/com/acme/Orders.java',
      `MarketplaceWebServiceOrdersClient client = new MarketplaceWebServiceOrdersClient(
    System.getenv("MWS_ACCESS_KEY_ID"), System.getenv("MWS_SECRET_KEY"), "AcmeSync", "1.0", config);
ListOrdersRequest request = new ListOrdersRequest();
request.setSellerId(seller.getSellerId());
request.setMWSAuthToken(seller.getMwsAuthToken());
`,
    ],
    [
      'C#: AppSettings keys, Merchant + MWSAuthToken per seller',
      'Feeds/Uploader.cs',
      `var client = new MarketplaceWebServiceClient(
    ConfigurationManager.AppSettings["AccessKeyId"],
    ConfigurationManager.AppSettings["SecretKey"],
    "AcmeFeeds",
    "1.0",
    config);
var request = new SubmitFeedRequest { Merchant = seller.SellerId, MWSAuthToken = seller.MwsAuthToken };
`,
    ],
    [
      'Go: gomws config with env keys and the seller token',
      'internal/mws/client.go',
      `cfg := gomws.MwsConfig{
\tSellerId:  seller.SellerID,
\tAuthToken: seller.MWSAuthToken,
\tRegion:    "US",
\tAccessKey: os.Getenv("MWS_ACCESS_KEY"),
\tSecretKey: os.Getenv("MWS_SECRET_KEY"),
}
`,
    ],
    [
      'Ruby: peddler with ENV keys and the store token',
      'app/services/order_fetcher.rb',
      `client = MWS.orders(
  marketplace: store.marketplace_id,
  merchant_id: store.merchant_id,
  aws_access_key_id: ENV.fetch('MWS_ACCESS_KEY_ID'),
  aws_secret_access_key: ENV.fetch('MWS_SECRET_ACCESS_KEY'),
  auth_token: store.mws_auth_token
)
`,
    ],
    [
      'SQL: sellers table with seller id, marketplace and token only',
      'migrations/002_seller_authorizations.sql',
      `CREATE TABLE seller_authorizations (
  seller_id      VARCHAR(20) PRIMARY KEY,
  marketplace_id VARCHAR(20) NOT NULL,
  mws_auth_token VARCHAR(64) NOT NULL
);
`,
    ],
    [
      'YAML: one developer key pair per MWS region, from env',
      'config/regions.yml',
      `regions:
  na:
    access_key: \${NA_ACCESS_KEY}
    secret_key: \${NA_SECRET_KEY}
  eu:
    access_key: \${EU_ACCESS_KEY}
    secret_key: \${EU_SECRET_KEY}
  fe:
    access_key: \${FE_ACCESS_KEY}
    secret_key: \${FE_SECRET_KEY}
`,
    ],
    [
      'TS: SP-API per-seller refresh token column',
      'src/entities/seller-connection.entity.ts',
      `@Entity()
export class SellerConnection {
  @PrimaryColumn() sellerId!: string;
  @Column() marketplaceId!: string;
  @Column({ type: 'text' }) refreshToken!: string;
}
`,
    ],
    [
      'JSX: onboarding form asking for Seller ID and MWS Auth Token',
      'src/AuthorizeDeveloper.jsx',
      `<form onSubmit={save}>
  <p>Authorize our Developer ID 1234-5678-9012 in Seller Central, then paste:</p>
  <input name="sellerId" placeholder="Seller ID" />
  <input name="mwsAuthToken" placeholder="amzn.mws.xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" />
</form>
`,
    ],
    // Found by \`pnpm bench\` in installed packages (@aws-sdk/credential-provider-sso, googleapis).
    [
      "JS: AWS SDK destructuring STS credentials with the AWS account's id",
      'dist-es/resolveSSOCredentials.js',
      `const { roleCredentials: { accessKeyId, secretAccessKey, sessionToken, expiration, accountId } = {}, } = ssoResp;
const credentials = { accessKeyId, secretAccessKey, sessionToken, expiration: new Date(expiration) };
`,
    ],
    [
      'TS: JSDoc of a DNS API naming a DNS key id',
      'apis/dns/v2beta1.d.ts',
      ` * @param {object} params Parameters for request
 * @param {string=} params.clientOperationId For mutating operation requests only.
 * @param {string} params.dnsKeyId The identifier of the requested DnsKey.
 * @param {string} params.managedZone Identifies the managed zone addressed by this request.
`,
    ],
  ])('%s', (_description, path, text) => {
    expect(findingsIn(path, text)).toEqual([]);
  });
});
