import rule from '../../src/rules/require-mws-auth-token.js';
import { runRuleTests } from '../support/rule-tester.js';

/** The rule's English message (core's `shared-credentials` table) for a seller expression. */
const english = (seller: string): string =>
  `MWS call for seller ${seller} without an MWS Auth Token (type A): sign with your keys plus the seller's token from "Authorize a developer".`;
const CHINESE =
  '代表卖家 seller.id 的 MWS 调用没有 MWS 授权令牌（A 类）：请用你自己的密钥签名，并发送卖家在“授权开发者”中给你的 MWS 授权令牌。';

runRuleTests('require-mws-auth-token', rule, {
  valid: [
    // amazon-mws: the seller's id and token travel together.
    {
      code: "amazonMws.orders.search({ Version: '2013-09-01', Action: 'ListOrders', SellerId: seller.sellerId, MWSAuthToken: seller.mwsAuthToken });",
    },
    // A single-tenant script for its own account (literal or environment seller id).
    { code: "amazonMws.orders.search({ Action: 'ListOrders', SellerId: process.env.SELLER_ID });" },
    { code: "amazonMws.reports.search({ Action: 'GetReportList', SellerId: 'A1B2C3D4E5F6G7' });" },
    {
      code: "const SELLER_ID = process.env.SELLER_ID;\namazonMws.orders.search({ Action: 'ListOrders', SellerId: SELLER_ID });",
    },
    {
      code: "import { HttpClient } from 'mws';\nconst http = new HttpClient({ marketplace, awsAccessKeyId, secretKey, sellerId: seller.id, mwsAuthToken: seller.token });",
    },
    {
      code: "const mws = require('mws-simple')({ accessKeyId, secretAccessKey, merchantId: seller.id, authToken: seller.token });",
    },
    {
      code: "const mws = require('@ericblade/mws-simple')({ accessKeyId, secretAccessKey, merchantId: seller.id });\nmws.request({ path: '/Orders/2013-09-01', query: { Action: 'ListOrders', MWSAuthToken: seller.token } });",
    },
    {
      code: "const params = { AWSAccessKeyId: key, Action: 'ListOrders', SellerId: seller.id, MWSAuthToken: seller.token };",
    },
    {
      code: 'const url = `https://mws.amazonservices.com/Orders/2013-09-01?Action=ListOrders&SellerId=${seller.id}&MWSAuthToken=${seller.token}`;',
    },
    { code: 'amazonMws.orders.search({ ...baseParams, SellerId: seller.id });' },
    { code: "dispatch({ Action: 'checkout', Merchant: cart.merchant });" },
    {
      code: "const params = new URLSearchParams();\nparams.append('AWSAccessKeyId', key);\nparams.append('SellerId', seller.id);\nparams.append('MWSAuthToken', seller.token);",
    },
    { code: "const sp = new SellingPartner({ region: 'eu', refresh_token: seller.refreshToken });" },
    // One fixed seller id, even as a constant defined elsewhere: a seller's own tool.
    { code: "amazonMws.orders.search({ Action: 'ListOrders', SellerId: MERCHANT_ID });" },
    // A seller id given on the command line: whoever runs the tool is the seller.
    { code: "amazonMws.orders.search({ Action: 'ListOrders', SellerId: process.argv[2] });" },
    // Keys read from the seller's record: that is `no-shared-seller-credentials`' finding, not this one.
    {
      code: 'const client = new HttpClient({ awsAccessKeyId: seller.accessKey, secretKey: seller.secretKey, sellerId: seller.id });',
    },
    // A library test asserting on the parameters it builds.
    {
      code: "expect(params).toEqual({ AWSAccessKeyId: 'key', SellerId: creds.sellerId, SignatureVersion: '2' });",
    },
    // A token set later on the same parameter object.
    {
      code: "const params = { AWSAccessKeyId: key, Action: 'ListOrders', SellerId: seller.id };\nif (seller.token) params.MWSAuthToken = seller.token;",
    },
    {
      name: 'authTokenNames: a project-specific token parameter',
      code: "const params = { AWSAccessKeyId: key, Action: 'ListOrders', SellerId: s.id, DelegationToken: s.token };",
      options: [{ authTokenNames: ['DelegationToken'] }],
    },
  ],
  invalid: [
    {
      code: "amazonMws.orders.search({\n  Version: '2013-09-01',\n  Action: 'ListOrders',\n  SellerId: seller.sellerId,\n});",
      errors: [
        {
          messageId: 'missingAuthToken',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 11,
          data: { message: english('seller.sellerId') },
        },
      ],
    },
    ...(
      [
        ['zh-CN', "locale: zh-CN renders core's Simplified Chinese notice", CHINESE],
        ['fr-FR', 'locale: an unsupported locale falls back to English', english('seller.id')],
      ] as const
    ).map(([locale, name, message]) => ({
      name,
      code: "amazonMws.orders.search({ Action: 'ListOrders', SellerId: seller.id });",
      options: [{ locale }],
      errors: [
        {
          messageId: 'missingAuthToken' as const,
          line: 1,
          column: 49,
          endLine: 1,
          endColumn: 57,
          data: { message },
        },
      ],
    })),
    {
      code: "amazonMws.feeds.submit({ Action: 'SubmitFeed', SellerId: account.sellerId, MWSAuthToken: '' });",
      errors: [{ messageId: 'missingAuthToken', line: 1, column: 48, endLine: 1, endColumn: 56 }],
    },
    {
      code: "async function listOrders(sellerId) {\n  const params = { Action: 'ListOrders', SellerId: sellerId };\n  return amazonMws.orders.search(params);\n}",
      errors: [{ messageId: 'missingAuthToken', line: 2, column: 42, endLine: 2, endColumn: 50 }],
    },
    {
      code: "const mwsOptions = {\n  marketplace: amazonMarketplaces.US,\n  awsAccessKeyId: process.env.MWS_ACCESS_KEY_ID,\n  mwsAuthToken: '',\n  sellerId: seller.sellerId,\n  secretKey: process.env.MWS_SECRET_KEY,\n};\nconst http = new HttpClient(mwsOptions);",
      errors: [{ messageId: 'missingAuthToken', line: 5, column: 3, endLine: 5, endColumn: 11 }],
    },
    {
      code: "const mws = require('mws-simple')({\n  accessKeyId: process.env.MWS_ACCESS_KEY_ID,\n  secretAccessKey: process.env.MWS_SECRET_KEY,\n  merchantId: tenant.merchantId,\n});\nmws.request({ path: '/Orders/2013-09-01', query: { Action: 'ListOrders' } });",
      errors: [{ messageId: 'missingAuthToken', line: 4, column: 3, endLine: 4, endColumn: 13 }],
    },
    {
      code: "import MWSSimple from '@ericblade/mws-simple';\nconst client = new MWSSimple({ merchantId: account.merchantId, accessKeyId, secretAccessKey });",
      errors: [{ messageId: 'missingAuthToken', line: 2, column: 32, endLine: 2, endColumn: 42 }],
    },
    {
      code: "const mws = require('mws-simple')({ accessKeyId, secretAccessKey });\nmws.request({ path: '/Orders/2013-09-01', query: { Action: 'ListOrders', SellerId: seller.id } });",
      errors: [{ messageId: 'missingAuthToken', line: 2, column: 74, endLine: 2, endColumn: 82 }],
    },
    {
      code: "const query = {\n  AWSAccessKeyId: process.env.MWS_ACCESS_KEY_ID,\n  Action: 'ListOrders',\n  Merchant: row.merchant_id,\n  SignatureVersion: '2',\n};",
      errors: [{ messageId: 'missingAuthToken', line: 4, column: 3, endLine: 4, endColumn: 11 }],
    },
    {
      code: 'const url = `https://mws.amazonservices.com/Orders/2013-09-01?AWSAccessKeyId=${key}&Action=ListOrders&SellerId=${seller.id}`;',
      // Reported where the URL is signed (its `AWSAccessKeyId`), as the CLI and secretlint report it.
      errors: [{ messageId: 'missingAuthToken', line: 1, column: 63, endLine: 1, endColumn: 77 }],
    },
    {
      code: "const url = 'https://mws.amazonservices.com/?Action=ListOrders&SellerId=' + seller.id + '&AWSAccessKeyId=' + key;",
      errors: [{ messageId: 'missingAuthToken', line: 1, column: 64, endLine: 1, endColumn: 72 }],
    },
    {
      code: "const params = new URLSearchParams({ Action: 'ListOrders' });\nparams.append('AWSAccessKeyId', key);\nparams.append('SellerId', seller.id);",
      errors: [{ messageId: 'missingAuthToken', line: 3, column: 15, endLine: 3, endColumn: 25 }],
    },
    {
      name: 'locale: zh_CN resolves to zh-CN (a signed URL, reported at its AWSAccessKeyId)',
      code: "const url = 'https://mws.amazonservices.com/Orders/2013-09-01?AWSAccessKeyId=AKIA2OGYBAH6Q7KD4XZM&Action=ListOrders&SellerId=' + seller.id;",
      options: [{ locale: 'zh_CN' }],
      errors: [
        { messageId: 'missingAuthToken', line: 1, column: 63, endLine: 1, endColumn: 77, data: { message: CHINESE } },
      ],
    },
    {
      name: 'several literal seller ids: the requests act for several sellers',
      code: "amazonMws.orders.search({ Action: 'ListOrders', SellerId: 'A1B2C3D4E5F6G7' });\namazonMws.orders.search({ Action: 'ListOrders', SellerId: 'A7G6F5E4D3C2B1' });",
      errors: [
        { messageId: 'missingAuthToken', line: 1, column: 49, endLine: 1, endColumn: 57 },
        { messageId: 'missingAuthToken', line: 2, column: 49, endLine: 2, endColumn: 57 },
      ],
    },
    {
      name: 'a loop over stores: the seller id varies per call',
      code: "for (const store of stores) {\n  const params = new URLSearchParams();\n  params.append('AWSAccessKeyId', process.env.MWS_KEY);\n  params.append('SellerId', store.sellerId);\n}",
      errors: [{ messageId: 'missingAuthToken', line: 4, column: 17, endLine: 4, endColumn: 27 }],
    },
    {
      name: 'allowOwnAccount: false reports a seller id from the environment',
      code: "amazonMws.orders.search({ Action: 'ListOrders', SellerId: process.env.SELLER_ID });",
      options: [{ allowOwnAccount: false }],
      errors: [{ messageId: 'missingAuthToken', line: 1, column: 49, endLine: 1, endColumn: 57 }],
    },
    {
      name: 'sellerIdNames: a project-specific seller parameter',
      code: "const params = { AWSAccessKeyId: key, Action: 'ListOrders', ShopMerchant: shop.ref };",
      options: [{ sellerIdNames: ['ShopMerchant'] }],
      errors: [{ messageId: 'missingAuthToken', line: 1, column: 61, endLine: 1, endColumn: 73 }],
    },
  ],
});
