import { enclosingFunctionName } from './enclosing-function.js';
import { isKeyRole, nameWords, normalizeName } from './names.js';
import type { Field } from './structure.js';

/**
 * Texts about another API than a seller's: Amazon's Product Advertising API (an affiliate's keys),
 * and multichannel tools naming other marketplaces, whose generically named keys may be theirs.
 * Read by the `shared-credentials` detector before it judges records.
 */

// Amazon's Product Advertising API (an Associates account: access key, secret key and a partner
// or associate tag): its keys are an affiliate's, not a seller's, and no seller id goes with them.
const PA_API = /\b(?:partner|associate)_?tag\b/i;
// What only seller APIs name: MWS, SP-API, a seller or merchant id.
const SELLER_API = /mws|selling_?partner|sp[-_]?api|seller_?id|merchant_?id/i;

// Other marketplaces, by where their names are looked for. The first are distinctive enough to be
// found anywhere, also inside identifiers (`api_walmart`, `WalmartClient`); the next only as words
// of a whole text (`temu`, `onbuy` and `n11` occur inside other words: `itemUnit`, `onBuyClick`);
// the last only as words of a record's or a key's name, too short or too common for a whole text
// (`noon`, `bol`, `yahoo`, `1688`).
const IN_IDENTIFIERS =
  'trendyol hepsiburada flipkart shopify ebay etsy walmart meesho lazada shopee mercadolibre mercadolivre allegro cdiscount zalando jumia tiktok newegg'.split(
    ' ',
  );
const AS_WORDS = [
  ...IN_IDENTIFIERS,
  ...'n11 instacart kaufland wayfair bestbuy mirakl fruugo onbuy rakuten mercari temu coupang qoo10 tokopedia bukalapak aliexpress alibaba magalu americanas netshoes'.split(
    ' ',
  ),
];
const IN_NAMES = [
  ...AS_WORDS,
  ...'ali1688 1688 yahoo ozon wildberries taobao tmall pinduoduo shein noon daraz backmarket manomano fnac emag bol'.split(
    ' ',
  ),
];

// Where a text names two or more other marketplaces, a key with a generic name (`secretKey`,
// `apiSecret`, `client_secret`) may be any of theirs: only a name that says AWS, MWS, Amazon or LWA
// (`secretAccessKey`, `mws_secret_key`, `lwa_client_secret`) is Amazon's.
const OTHER_MARKETPLACES = new RegExp(`\\b(?:${AS_WORDS.join('|')})\\b`, 'gi');
const AMAZON_KEY_NAME = /aws|mws|amz|amazon|lwa|sellingpartner|spapi|iam|secretaccess|accesskeyid/;

/** True when `text` names two or more other marketplaces (at most 64 names read). */
function namesOtherMarketplaces(text: string): boolean {
  const seen = new Set<string>();
  OTHER_MARKETPLACES.lastIndex = 0;
  let reads = 0;
  for (let m = OTHER_MARKETPLACES.exec(text); m !== null && reads < 64; m = OTHER_MARKETPLACES.exec(text), reads++) {
    seen.add(m[0].toLowerCase());
    if (seen.size >= 2) return true;
  }
  return false;
}

/**
 * A key field whose own name does not say it is Amazon's (see {@link OTHER_MARKETPLACES}), nor
 * the label that gave it its role (`{ key: 'apiSecret', label: 'MWS Secret Key' }`).
 */
function genericKey(f: Field): boolean {
  return (
    isKeyRole(f.role) &&
    !AMAZON_KEY_NAME.test(normalizeName(f.name)) &&
    !(f.label !== undefined && wordsOf(f.label).some((w) => AMAZON_WORD.test(w)))
  );
}

// Amazon Pay (Login and Pay with Amazon, Off-Amazon Payments, Pay with Amazon): a shop's payment
// account, its access key and secret beside its merchant id. Its keys sign payment calls (the old
// ones through an MWS endpoint), never a seller's selling-partner calls.
const AMAZON_PAY =
  /\b(?:amazon[_ -]?pay(?:ments?)?|login[_ -]?(?:and[_ -]?|with[_ -]?amazon[_ -]?)?pay|off[_ -]?amazon[_ -]?payments|pay[_ -]with[_ -]amazon)\b/i;
export const SELLING_PARTNER = /selling_?partner|sp[-_]?api/i;

/** True when `text` is about Amazon Pay and names no selling-partner API (see {@link AMAZON_PAY}). */
export function isAmazonPayText(text: string): boolean {
  return AMAZON_PAY.test(text) && !SELLING_PARTNER.test(text);
}

// The Amazon Ads API: an advertiser's LWA app, its refresh token and the advertising profile each
// call is scoped to (`profileId`, the `Amazon-Advertising-API-Scope` header), never a seller's
// selling-partner keys.
const AMAZON_ADS = /[Aa]mazon[\s_-]?[Aa]ds(?![a-z])|[Aa]dvertising[\s_-]?API|amazon-advertising|advertising-api/;
const ADS_PROFILE = /profile_?id|Amazon-Advertising-API-Scope/i;

/**
 * True when `text` is about the Amazon Ads API (see {@link AMAZON_ADS}): it names the API and an
 * advertising profile, and no selling-partner API.
 */
export function isAmazonAdsText(text: string): boolean {
  return AMAZON_ADS.test(text) && ADS_PROFILE.test(text) && !SELLING_PARTNER.test(text);
}

// Another AWS service an account's IAM keys serve, named as a service or built as a client
// (`# Amazon SES sending keys`, `Aws::SES::Client`, `new S3Client(`, `boto3.client("ses")`): e-mail,
// storage, queues. (A bare `S3` is not enough: SP-API reports are archived to S3 too.)
const OTHER_AWS =
  /\bAmazon[\s_-]?(?:SES|SNS|SQS|S3|Rekognition|Polly|Textract)\b|\b(?:SES|SNS|SQS|S3|Rekognition|Polly|Textract|DynamoDB|Kinesis|Cognito)(?:V2)?Client\b|\bAws::(?:SES|SNS|SQS|S3)\b|\bboto3\.client\(\s{0,4}["'](?:ses|sesv2|sns|sqs|s3)["']|\bnew\s{1,4}AWS\.(?:SES|SNS|SQS|S3)\b/;
// What only a selling-partner text names beside its keys.
const SELLING_WORDS = /\blwa|refresh_?token|marketplace|seller|merchant/i;

/** True when `text` is about another AWS service (see {@link OTHER_AWS}) and names no seller API. */
export function isOtherAwsText(text: string): boolean {
  return OTHER_AWS.test(text) && !SELLER_API.test(text) && !SELLING_WORDS.test(text);
}

/** True when `text` is about the Product Advertising API and names no seller API (see {@link PA_API}). */
export function isProductAdvertisingText(text: string): boolean {
  return PA_API.test(text) && !SELLER_API.test(text);
}

/**
 * A filter dropping generically named keys (`secret_key`, `apiSecret`) where the text names other
 * marketplaces, or names one and nothing says the keys are Amazon's: no word of AWS, Amazon, MWS,
 * SP-API or LWA (`amazon`: the text's own check), no seller or merchant id, and a path that names
 * none of them (`path`). A Walmart connector's `INSERT INTO api_walmart (store_id, consumer_id,
 * secret_key)` in `classes/Walmart/Walmart.php` is Walmart's. Elsewhere, a generic key in a record
 * or a function named for another marketplace is that marketplace's.
 */
export function amazonKeysOnly(text: string, amazon = true, path = ''): (f: Field) => boolean {
  const onlyOther =
    !amazon &&
    !AMAZON_PATH.test(path) &&
    !SELLER_API.test(text) &&
    // (A folder or file named for one, `app/api/onbuy/connect/route.ts`, read as words.)
    (namesOneMarketplace(text) || otherMarketplaceRecord(path.slice(-120)));
  const oauth1 = OAUTH1_CONSUMER.test(text);
  const otherApi = (f: Field): boolean =>
    otherMarketplaceKey(f) || otherServiceKey(f) || (oauth1 && oauth1Secret(text, f)) || besideAssociateTag(text, f);
  if (onlyOther || namesOtherMarketplaces(text))
    return (f) =>
      (!genericKey(f) || (underAmazonSection(text, f) && !otherMarketplaceRecord(f.recordName))) && !otherApi(f);
  return (f) =>
    !otherApi(f) && (!genericKey(f) || (!otherMarketplaceRecord(f.recordName) && !inOtherMarketplaceFunction(text, f)));
}

// OAuth 1.0a's four credentials (Magento's, WooCommerce's, a shop system's integration): a consumer
// key and secret, then an access token and its secret. Amazon's APIs have no consumer key, so an
// `access_secret` or `token_secret` beside one is the OAuth token's secret, another API's.
const OAUTH1_CONSUMER = /consumer_?(?:key|secret)/i;
const OAUTH1_SECRET = /^(?:oauth)?(?:access|token|accesstoken)secret$/;

// Keys named for a storage, mail or queue service (`s3_secret_key`, `do_access_key` of DigitalOcean
// Spaces, `ses_secret`, `smtp_secret`): that service's account, whoever else the record serves.
// (Their literal values are still reported as their own kinds: an AWS key is one wherever it is.)
const SERVICE_WORDS = new Set(
  's3 ses sns sqs spaces minio wasabi cloudinary smtp mail email backblaze b2 r2 bucket'.split(' '),
);
// Words that say the key is a seller API's after all (`mws_secret_key_backup`, `amazon_s3_…` aside).
const SELLER_API_WORD = /^(?:mws|amazon|amz|lwa|spapi|sp|sellingpartner|seller|merchant)$/;

/**
 * True when a key field's name says another service's (see {@link SERVICE_WORDS}; `do` only as
 * its first word) and nothing of a seller API's.
 */
function otherServiceKey(f: Field): boolean {
  if (!isKeyRole(f.role)) return false;
  const words = wordsOf(f.name);
  if (words.some((w) => SELLER_API_WORD.test(w))) return false;
  return words[0] === 'do' || words.some((w) => SERVICE_WORDS.has(w));
}

// A partner or associate tag, also one per marketplace (`associate_tag_uk`, `partnerTagDE`).
const ASSOCIATE_TAG = /(?:partner|associate)_?tag/i;
// What a seller's record keeps beside its keys: its id, its selling partner id, its tokens.
const SELLER_ID = /seller_?id|merchant_?id|selling_?partner_?id|refresh_?token|mws_?auth_?token/i;
// How far around a key its record's associate tag is looked for.
const TAG_REACH = 400;

/**
 * True when a generically named key sits beside a partner or associate tag (`api_secret_key` next
 * to `associate_tag_uk`) and no seller id: the Product Advertising API's keys, in a
 * text that also keeps a seller's.
 */
function besideAssociateTag(text: string, f: Field): boolean {
  if (!genericKey(f)) return false;
  const around = text.slice(Math.max(0, f.start - TAG_REACH), f.end + TAG_REACH);
  // (Beside a seller id too, the record keeps both APIs' keys: `pa_secret_key` is the affiliate's.)
  return ASSOCIATE_TAG.test(around) && !SELLER_ID.test(around);
}

// How far around a token secret its record's consumer key is looked for.
const CONSUMER_REACH = 600;

/**
 * True when a key field is named as OAuth 1.0a's token secret (see {@link OAUTH1_SECRET}) and its
 * record, read around it, names a consumer key or secret.
 */
function oauth1Secret(text: string, f: Field): boolean {
  return (
    isKeyRole(f.role) &&
    OAUTH1_SECRET.test(normalizeName(f.name)) &&
    OAUTH1_CONSUMER.test(text.slice(Math.max(0, f.start - CONSUMER_REACH), f.end + CONSUMER_REACH))
  );
}

// A comment line (`// OAuth (Amazon LWA and others)`, `# Amazon`), its words after the marker.
const COMMENT_LINE = /^\s{0,40}(?:\/\/|#|--|\/?\*)\s{0,4}(\S[^\n]{0,120})$/;
// A branch for one platform: `case 'Amazon':` (also `case 'Amazon': {`), Ruby's `when "amazon"`,
// `if (platform === 'amazon') {`, `if ('amazon' === platform)`, `elif marketplace == "amazon":`,
// Java's `if (p.equals("amazon")) {`; its line is read as words. Not `!==` or `!=`: that branch is
// every other platform's.
const BRANCH_LINE =
  /^\s{0,40}(?:case\s|when\s|(?:\}\s{0,4})?(?:if|elif|elsif|else\s{1,4}if)\b[^\n=!]{0,80}(?:===?|\.equals\())/;
// A platform row's own name or code compared (`$platform->code === 'amazon'`): a table of one row per
// platform keeps the installation's own settings for each.
const PLATFORM_ROW_CODE = /(?:->|\.)(?:code|slug|name|key|type|platform)\s{0,4}(?:===?|\.equals\()/;
// A record's declaration opening its block: `export interface AmazonCredentials {`, `class AmazonConfig {`.
const RECORD_OPENER = /\b(?:interface|class|struct|type|record|model|message|schema)\s{1,4}([\w$]{1,60})/;
// A block opened for one platform in a map of them: `amazon: [`, `"Amazon": {`, PHP's `'amazon' => [`.
const KEYED_BLOCK = /^\s{0,40}["']?([\w-]{2,40})["']?\s{0,4}(?:=>|[:=])\s{0,4}[[{(]\s{0,20}$/;
// How many lines above a field its section's comment is looked for.
const SECTION_REACH = 12;

/** True when a name is a platform's: Amazon's or another marketplace's. */
function namesPlatform(name: string): boolean {
  return wordsOf(name).some((w) => AMAZON_WORD.test(w) || MARKETPLACE_WORDS.has(w));
}

/** True when a section's heading names Amazon and no other marketplace. */
function namesAmazonOnly(heading: string): boolean {
  const words = wordsOf(heading);
  return words.some((w) => AMAZON_WORD.test(w)) && !words.some((w) => MARKETPLACE_WORDS.has(w));
}

/**
 * True when the nearest heading above a generically named key, within its block, names Amazon and
 * no other marketplace: a multichannel record's sections (`// Shopify` over `APIKey`, then
 * `// OAuth (Amazon LWA and others)` over `ClientID`, `ClientSecret`, `RefreshToken`), a branch
 * for one platform (`case 'Amazon': return [{ key: 'clientSecret', … }]`), a platform's block in
 * a map of them (`amazon: [ … ]`).
 */
function underAmazonSection(text: string, f: Field): boolean {
  // (Read within the 1,500 characters above the field: a minified line holds no sections.)
  const lines = text
    .slice(Math.max(0, f.start - 1500), f.start)
    .split('\n')
    .slice(0, -1)
    .reverse();
  for (const line of lines.slice(0, SECTION_REACH)) {
    const comment = COMMENT_LINE.exec(line)?.[1];
    if (comment !== undefined) return namesAmazonOnly(comment);
    if (BRANCH_LINE.test(line)) return !PLATFORM_ROW_CODE.test(line) && namesAmazonOnly(line);
    // (A block keyed by a platform heads it; any other key, `fields: [`, is a block inside the section.)
    const keyed = KEYED_BLOCK.exec(line)?.[1];
    if (keyed !== undefined && namesPlatform(keyed)) return namesAmazonOnly(keyed);
    // (Past the block's opening brace, the comment is another block's; a record's own name heads it.)
    if (/[{}]\s*$/.test(line)) return namesAmazonOnly(RECORD_OPENER.exec(line)?.[1] ?? '');
  }
  return false;
}

/**
 * True when a generically named key sits in a function named for another marketplace and not for
 * Amazon (`def coupang_creds(account): return {"accessKey": …, "secretKey": …}` builds Coupang's
 * credentials); a key named for AWS or MWS there is still Amazon's.
 */
function inOtherMarketplaceFunction(text: string, f: Field): boolean {
  if (!genericKey(f)) return false;
  const name = enclosingFunctionName(text, f.start);
  return name !== undefined && otherMarketplaceRecord(name);
}

/**
 * A key named for another marketplace (`YahooSecretKey`, `shopifyClientSecret`), or for the
 * Amazon Ads API, or kept in a record named for it (`ads_client_secret`, `ads_token: { client_secret }`):
 * an advertiser's LWA app, another API than a seller's.
 */
function otherMarketplaceKey(f: Field): boolean {
  return (
    isKeyRole(f.role) &&
    (otherMarketplaceRecord(f.name) ||
      adsApi(f.name) ||
      adsApi(f.recordName.slice(-120)) ||
      // (Or read from one: `account.token.ads_token.client_secret`.)
      (f.shape === 'ref' && adsApi(f.value)))
  );
}

// The Amazon Ads API's words: an advertiser's app and tokens (`ads_token`, `advertisingClientSecret`).
const ADS_WORDS = /^(?:ads|advertising)$/;

/** True when a name's words say Amazon Ads (see {@link ADS_WORDS}) and not the selling partner API. */
function adsApi(name: string): boolean {
  if (!/ads|advertising/i.test(name.slice(0, 120))) return false;
  const words = wordsOf(name);
  return words.some((w) => ADS_WORDS.test(w)) && !words.some((w) => w === 'sp' || w === 'spapi' || w === 'mws');
}

// Marketplaces whose names are two words (`MercadoLivreCredentials`, `tik_tok_shop`, `BackMarket`),
// read joined. (Not `on buy`: `onBuyBoxLost` is Amazon's buy box.)
const TWO_WORD_NAMES: ReadonlySet<string> = new Set(
  'mercadolivre mercadolibre tiktok backmarket bestbuy manomano'.split(' '),
);
/** A name's words (`names.ts`' `nameWords`), at most 120 characters of it read, two-word marketplaces joined. */
const wordsOf = (name: string): string[] => {
  const words = nameWords(name.slice(0, 120));
  const joined = words.slice(1).map((w, i) => `${words[i] ?? ''}${w}`);
  return [...words, ...joined.filter((w) => TWO_WORD_NAMES.has(w))];
};

// Marketplaces a record may be named for (`onbuy_accounts`, `Ali1688AccountDetailModel`,
// `WalmartOrderDownload`), as words of its name.
const MARKETPLACE_WORDS = new Set(IN_NAMES);
const AMAZON_WORD = /^(?:amazon|amz|mws|aws|spapi|lwa|iam)$/;

/**
 * True when a record (or a key) is named for another marketplace and not for Amazon: its generic
 * keys (`secret_key` of `CREATE TABLE onbuy_accounts`) are that marketplace's. Reads the name only
 * (at most 120 characters), split into words at case changes and punctuation.
 */
function otherMarketplaceRecord(recordName: string): boolean {
  const words = wordsOf(recordName);
  return !words.some((w) => AMAZON_WORD.test(w)) && words.some((w) => MARKETPLACE_WORDS.has(w));
}

/** A path naming Amazon, MWS or SP-API in a folder or file name (`integrations/amazon/page.tsx`). */
export const AMAZON_PATH = /amazon|mws|sp-?api/i;
// One other marketplace's name anywhere, also inside identifiers (`api_walmart`, `WalmartClient`).
const ONE_MARKETPLACE = new RegExp(IN_IDENTIFIERS.join('|'), 'i');

/** True when `text` names another marketplace at all (see {@link ONE_MARKETPLACE}). */
function namesOneMarketplace(text: string): boolean {
  return ONE_MARKETPLACE.test(text);
}
