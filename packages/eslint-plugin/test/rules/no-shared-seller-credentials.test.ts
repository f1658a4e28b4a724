import { scanText } from '@mwsguard/core';
import rule from '../../src/rules/no-shared-seller-credentials.js';
import { runRuleTests } from '../support/rule-tester.js';

// Messages are core's one sentence (the advice is on the docs page); they are spelled out below.
const MONGOOSE_TYPE_A =
  'const SellerSchema = new mongoose.Schema({\n  sellerId: String,\n  accessKey: String,\n  legacySecretKey: String,\n});';

runRuleTests('no-shared-seller-credentials', rule, {
  valid: [
    // An MWS call for a varying seller without a token is `require-mws-auth-token`'s finding.
    { code: "amazonMws.orders.search({ Action: 'ListOrders', SellerId: seller.sellerId });" },
    {
      code: "const url = 'https://mws.amazonservices.com/Orders/2013-09-01?AWSAccessKeyId=AKIA2OGYBAH6Q7KD4XZM&Action=ListOrders&SellerId=' + seller.id;",
    },
    // Type B: own developer keys from the environment, per-seller Seller ID + MWS Auth Token.
    {
      code: 'const client = new HttpClient({\n  awsAccessKeyId: process.env.MWS_ACCESS_KEY_ID,\n  secretKey: process.env.MWS_SECRET_KEY,\n  sellerId: seller.sellerId,\n  mwsAuthToken: seller.mwsAuthToken,\n});',
    },
    {
      code: 'interface SellerAuthorization {\n  sellerId: string;\n  marketplaceId: string;\n  mwsAuthToken: string;\n}',
      ts: true,
    },
    { code: 'const ConnectSeller = z.object({\n  sellerId: z.string(),\n  mwsAuthToken: z.string(),\n});' },
    {
      code: 'const regions = {\n  na: { accessKey: process.env.NA_ACCESS_KEY, secretKey: process.env.NA_SECRET_KEY },\n  eu: { accessKey: process.env.EU_ACCESS_KEY, secretKey: process.env.EU_SECRET_KEY },\n};',
    },
    {
      code: "const params = {\n  Action: 'ListOrders',\n  SellerId: process.env.SELLER_ID,\n  AWSAccessKeyId: process.env.MWS_ACCESS_KEY,\n};",
    },
    {
      name: 'allowFields: a reviewed field',
      code: 'interface SellerAccount {\n  sellerId: string;\n  accessKeyId: string;\n  secretKey: string;\n}',
      ts: true,
      options: [{ allowFields: ['secret_key'] }],
    },
    {
      name: 'allowPatterns: legacy fields',
      code: MONGOOSE_TYPE_A,
      options: [{ allowPatterns: ['^legacy'] }],
    },
    {
      name: 'allowFingerprints: one reviewed record, by the fingerprint the CLI prints',
      code: MONGOOSE_TYPE_A,
      options: [{ allowFingerprints: [scanText(MONGOOSE_TYPE_A, { path: 'file.js' })[0]?.fingerprint ?? ''] }],
    },
    {
      name: 'mwsguard-ignore: the inline directive applies before the options',
      code: MONGOOSE_TYPE_A.replace('legacySecretKey: String,', 'legacySecretKey: String, // mwsguard-ignore'),
    },
    {
      name: 'locale: any string is accepted',
      code: 'const client = { sellerId: seller.sellerId, mwsAuthToken: seller.mwsAuthToken };',
      options: [{ locale: 'zh-TW' }],
    },
  ],
  invalid: [
    {
      code: 'interface SellerAccount {\n  sellerId: string;\n  accessKeyId: string;\n  secretKey: string;\n}',
      ts: true,
      errors: [{ messageId: 'sharedCredentials', line: 4, column: 3, endLine: 4, endColumn: 12 }],
    },
    {
      code: 'export class ConnectSellerDto {\n  @IsString()\n  sellerId: string;\n\n  @IsString()\n  accessKeyId: string;\n\n  @IsString()\n  secretKey: string;\n}',
      ts: true,
      errors: [{ messageId: 'sharedCredentials', line: 9, column: 3, endLine: 9, endColumn: 12 }],
    },
    {
      code: '@Entity()\nexport class Merchant {\n  @PrimaryColumn() merchantId: string;\n  @Column() mwsAccessKeyId: string;\n  @Column({ nullable: true }) mwsSecretKey: string;\n}',
      ts: true,
      errors: [{ messageId: 'sharedCredentials', line: 5, column: 31, endLine: 5, endColumn: 43 }],
    },
    {
      code: "const Seller = sequelize.define('Seller', {\n  sellerId: DataTypes.STRING,\n  accessKeyId: DataTypes.STRING,\n  secretKey: DataTypes.STRING,\n});",
      errors: [{ messageId: 'sharedCredentials', line: 4, column: 3, endLine: 4, endColumn: 12 }],
    },
    {
      code: 'const TenantSchema = new Schema({\n  sellerId: { type: String },\n  mws: {\n    accessKey: { type: String },\n    secretKey: { type: String },\n  },\n});',
      errors: [{ messageId: 'sharedCredentials', line: 5, column: 5, endLine: 5, endColumn: 14 }],
    },
    {
      code: 'const OnboardSeller = z.object({\n  sellerId: z.string(),\n  accessKeyId: z.string().length(20),\n  secretKey: z.string().length(40),\n});',
      errors: [{ messageId: 'sharedCredentials', line: 4, column: 3, endLine: 4, endColumn: 12 }],
    },
    {
      code: "app.post('/connect', (req, res) => {\n  const sellerId = req.body.sellerId;\n  const secretKey = req.body.secretKey;\n  res.json(save(sellerId, secretKey));\n});",
      errors: [{ messageId: 'sharedCredentials', line: 3, column: 9, endLine: 3, endColumn: 18 }],
    },
    {
      code: 'const client = new HttpClient({\n  sellerId: seller.sellerId,\n  awsAccessKeyId: seller.accessKey,\n  secretKey: seller.secretKey,\n});',
      errors: [{ messageId: 'sharedCredentials', line: 4, column: 3, endLine: 4, endColumn: 12 }],
    },
    {
      code: "const sellers = [\n  { sellerId: 'A1B2C3D4E5F6G7', accessKeyId: 'AKIA2OGYBAH6Q7KD4XZM', secretKey: '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' },\n  { sellerId: 'A7G6F5E4D3C2B1', accessKeyId: 'AKIAY34FZKBOKMUTVV7A', secretKey: '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' },\n];",
      // One finding per collection of per-seller records, at the first (issue 12 §6).
      errors: [{ messageId: 'sharedCredentials', line: 2, column: 70, endLine: 2, endColumn: 79 }],
    },
    {
      code: 'const Form = () => (\n  <form>\n    <input name="sellerId" />\n    <input name="accessKeyId" />\n    <input name="secretKey" type="password" />\n  </form>\n);',
      jsx: true,
      errors: [{ messageId: 'sharedCredentials', line: 5, column: 18, endLine: 5, endColumn: 27 }],
    },
    {
      name: 'allowFields leaves the other records',
      code: 'type Seller = {\n  sellerId: string;\n  mwsAccessKey: string;\n  mwsSecretKey: string;\n};\ntype Merchant = {\n  merchantId: string;\n  accessKey: string;\n  secretKey: string;\n};',
      ts: true,
      options: [{ allowFields: ['secret_key'] }],
      errors: [{ messageId: 'sharedCredentials', line: 4, column: 3, endLine: 4, endColumn: 15 }],
    },
    {
      name: "locale: zh-CN renders core's Simplified Chinese message",
      code: 'interface SellerAccount {\n  sellerId: string;\n  accessKeyId: string;\n  secretKey: string;\n}',
      ts: true,
      options: [{ locale: 'zh-CN' }],
      errors: [
        {
          messageId: 'sharedCredentials',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 12,
          data: {
            message:
              '接口 SellerAccount 保存了卖家的 accessKeyId 和 secretKey（A 类）：只应保存卖家 ID 和 MWS 授权令牌。',
          },
        },
      ],
    },
    {
      name: 'locale: an unsupported locale falls back to English',
      code: 'interface SellerAccount {\n  sellerId: string;\n  accessKeyId: string;\n  secretKey: string;\n}',
      ts: true,
      options: [{ locale: 'de-DE' }],
      errors: [
        {
          messageId: 'sharedCredentials',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 12,
          data: {
            message:
              "interface SellerAccount stores sellers' accessKeyId and secretKey (type A): store only the Seller ID and MWS Auth Token.",
          },
        },
      ],
    },
  ],
});
