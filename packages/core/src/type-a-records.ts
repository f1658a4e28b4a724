import { throughJsonBlob } from './json-blobs.js';
import type { Field } from './structure.js';
import { classifyValue, isSellerHolder, isSellerish } from './structure.js';
import { memberPath } from './value-shape.js';
import type { ValueShape } from './value-shape.js';
import { normalizeName } from './names.js';
import { firstSecretField, pairedSecrets } from './record-keys.js';
import {
  containerName,
  isBareOptionBag,
  isOptionBag,
  namedForDeveloper,
  ROW_CLASS,
  SUBMITTED_TYPE,
  TABLE_CLASS,
} from './record-names.js';

/**
 * Which records of a text are type A, judged from their fields (`structure.ts`). One small judge
 * per value shape (declared, hard-coded, blank, referenced) returns typed evidence; one place
 * (`judgeRecord`) combines a record's evidence into a decision, and `strongestEvidence` picks
 * where a file shows the pattern most plainly. Shared with AST adapters, which build
 * {@link Field}s from their own trees. docs/kinds/shared-credentials.md.
 */

/**
 * How a record shows the type-A pattern. A file is reported where it shows it most plainly:
 * declarations (tables, models, forms), hard-coded per-seller records, submitted input and
 * requests always; clients built from a seller record's keys (`used`) only when the file declares
 * nothing; bare reads (`sign(params, seller.secretKey)`) only when nothing else does, once per
 * owner. Later uses repeat what the declaration already said.
 */
type Evidence = 'declared' | 'hard-coded' | 'input' | 'request' | 'used' | 'read';

/** A type-A record: the field reported, why, and what the message says about it. */
export interface TypeARecord {
  /** The key field the finding points at (the first record's, for a collection). */
  readonly field: Field;
  readonly evidence: Evidence;
  /** The record also holds an MWS Auth Token: the keys are kept although the token makes them unnecessary. */
  readonly hybrid: boolean;
  /** `sp-api`: the seller's own LWA app (client secret) or IAM keys next to SP-API fields. */
  readonly api: 'mws' | 'sp-api';
  /** How many per-seller records of one collection this finding stands for (1 for most). */
  readonly records: number;
  /** The token field of a hybrid record, as written (`mws_auth_token`). */
  readonly tokenField?: string;
}

/** What the text around the fields says; all optional, so AST adapters may pass nothing. */
export interface RecordFacts {
  /** Resolves an identifier to the value of its first assignment (`secretKey = …`). */
  readonly resolve?: (name: string) => string | undefined;
  /** The text mentions AWS, Amazon, SP-API or LWA (a literal record of another marketplace does not). */
  readonly amazon?: boolean;
  /**
   * The text is a self-hosted platform's settings page (the WordPress Settings API: a form posted
   * to `options.php`, fields added through a settings hook): its inputs and the fields it declares
   * as data are the one site owner's own settings, not a seller's.
   */
  readonly siteSettings?: boolean;
  /** The text ties its rows to the app's users (`user_id`, `ForeignKey(User)`): a stored secret is a user's own. */
  readonly userOwned?: boolean;
  /**
   * The file sits in an application's models folder (`Models/`, `entities/`): its classes are the
   * app's data, so one named like a configuration (`class AmazonCredential`) is still a record.
   */
  readonly modelFolder?: boolean;
  /** Objects the text reads a seller id from in any form (`marketPlace.getSellerId()`, `cfg.seller_id`). */
  readonly sellerReadOwners?: ReadonlySet<string>;
  /** Objects the text reads an MWS auth token from (`mws.getAuthToken()`). */
  readonly tokenReadOwners?: ReadonlySet<string>;
}

// Seller and merchant ids as written: `A` and 9 to 15 upper-case letters and digits, one a digit.
const SELLER_ID_SHAPE = /^A(?=[A-Z]*\d)[0-9A-Z]{9,15}$/;
// Marketplace ids share the seller-id shape; keys per marketplace are per region, not per seller.
const MARKETPLACE_IDS: ReadonlySet<string> = new Set([
  'ATVPDKIKX0DER',
  'A2EUQ1WTGCTBG2',
  'A1AM78C64UM0Y8',
  'A2Q3Y263D00KWC',
  'A1F83G8C2ARO7P',
  'A1PA6795UKMFR9',
  'A13V1IB3VIYZZH',
  'APJ6JRA9NG5V4',
  'A1RKKUPIHCS9HS',
  'A1805IZSGTT6HS',
  'A2NODRKZP88ZB9',
  'A1C3SOZRARQ6R3',
  'A33AVAJ2PDY3EV',
  'A2VIGQ35RCS4UG',
  'A17E79C6D8DWNP',
  'ARBP9OOSHTCHU',
  'A21TJRUUN4KGV',
  'A1VC38T7YXB528',
  'A39IBJ37TRP1C6',
  'A19VAU5U5O7RUS',
  'AAHKV2X7AFYLW',
]);
// Records that are forms: their blank fields ask a person to type the value in.
// Read on the name's words (`amazonConnectForm` → amazon Connect Form), so that `platform`,
// `transform`, `information` and `format` are no forms.
const FORM_RECORD = /\bforms?\b|\bdefault\s?values\b|\binitial\s?values\b|\binputs?\b|\bfields\b/i;

/** True when a record's name says it is a form's model (`useForm`, `form:`, `defaultValues`). */
function isFormRecord(recordName: string): boolean {
  return FORM_RECORD.test(recordName.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' '));
}
// Map keys or item labels that name MWS regions: one developer key pair per region is correct.
const REGION =
  /^(?:na|eu|fe|america|americas|asia|apac|emea|latam|oceania|us|uk|gb|de|fr|it|es|jp|in|au|ca|mx|br|cn|sg|ae|sa|tr|nl|se|pl|eg|northamerica|europe|fareast|default|prod|production|staging|dev|development|test|sandbox)$/;
// A value that can be a key: one run of key characters (a label such as 'Secret Key' is not).
const KEY_LIKE = /^["'`]?[\w+/=.-]{8,}["'`]?$/;
// Values that are never an MWS key: a UUID, a lower-case hex digest.
const NOT_MWS_KEY = /^["'`]?(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32,64})["'`]?$/;
// Values of the MWS shapes: a 20-character key id, a 40-character secret.
const MWS_VALUE = /^["'`]?(?:[A-Z0-9]{20}|[A-Za-z0-9+/]{40})["'`]?$/;

const isKey = (f: Field): boolean => f.role === 'secret-key' || f.role === 'access-key';

/** Facts about one record that every judge reads. */
interface RecordView {
  readonly fields: readonly Field[];
  readonly seller: Field | undefined;
  readonly sellerNamed: boolean;
  /** The record is keyed by a seller id (`{ "A1B2C3D4E5F6G7": { accessKey, secretKey } }`). */
  readonly sellerKeyed: boolean;
  readonly regionLabel: boolean;
  readonly isRequest: boolean;
  /**
   * The record holds an MWS Auth Token and an SP-API refresh token: one shop's authorizations of
   * both APIs, which only an application's per-seller record holds (a client library or SDK
   * configures one API).
   */
  readonly bothApis: boolean;
  /**
   * The record's MWS Auth Token is read per call (`store.getMwsAuthToken()`), not written in: a
   * request for whichever seller it is given, so its hard-coded keys are the developer's own.
   */
  readonly tokenRead: boolean;
}

/** Counts over the whole text that the judges compare a record with. */
interface TextView {
  /** Records holding keys (hard-coded or blank) for a seller: two or more is a multi-seller config. */
  readonly sellerKeyRecords: number;
  /** Per collection, the records holding literal keys. */
  readonly literalKeyRecords: ReadonlyMap<string, ReadonlySet<string>>;
  /** Per collection, the records holding blank keys beside a seller. */
  readonly blankKeyRecords: ReadonlyMap<string, ReadonlySet<string>>;
  /** Collections whose records declare a seller id field by field (a form declared as data). */
  readonly declaredSellerCollections: ReadonlySet<string>;
  /** Collections declaring a secret-key entry: report it, not also the key id entry. */
  readonly formSecretCollections: ReadonlySet<string>;
  readonly amazon: boolean;
  readonly siteSettings: boolean;
  readonly userOwned: boolean;
  readonly modelFolder: boolean;
}

/**
 * Decides which records in a set of fields are type A. Returns one {@link TypeARecord} per
 * finding, in text order of the records.
 */
export function judgeRecords(fields: readonly Field[], facts: RecordFacts = {}): TypeARecord[] {
  const grouped = groupBy(fields, (f) => f.record);
  const records = facts.amazon === false ? grouped : pairedSecrets(grouped);
  const inheritedSeller = (list: readonly Field[]): Field | undefined => {
    // A nested key object (`tenant: { sellerId, mws: { accessKey, secretKey } }`) inherits the
    // seller of the record around it.
    const parent = list[0] ? records.get(list[0].parentRecord) : undefined;
    return parent && parent !== list ? parent.find((f) => f.role === 'seller-id') : undefined;
  };
  const sellerOf = (list: readonly Field[]): Field | undefined =>
    list.find((f) => f.role === 'seller-id') ?? list.find((f) => f.role === 'weak-seller-id') ?? inheritedSeller(list);
  const text = {
    ...textView(fields, records, sellerOf, facts.amazon ?? true),
    siteSettings: facts.siteSettings ?? false,
    userOwned: facts.userOwned ?? false,
    modelFolder: facts.modelFolder ?? false,
  };
  // Objects a seller id is read from (`$rows[0]->seller_id`): their keys are that seller's.
  // Records with a token field in a block nested in them.
  const nestedTokens = new Set(
    fields.filter((f) => f.role === 'auth-token' && f.shape !== 'empty').map((f) => f.parentRecord),
  );
  const sellerOwners = new Set(
    fields.filter((f) => f.role === 'seller-id' && f.isRead === true).map((f) => ownerOf(f.value)),
  );
  // An object that also gives the request its auth token is one seller's authorization set up
  // beside the program's own developer keys (type B for one tenant): the keys it hands a client
  // are the developer's (`new FBAInventoryServiceMWSAsyncClient(\n mws.getAccessKey(), …)` with
  // `setMWSAuthToken(mws.getAuthToken())`).
  const tokenOwners = facts.tokenReadOwners ?? new Set<string>();
  const clientSellerOwners = new Set(
    [...sellerOwners, ...(facts.sellerReadOwners ?? [])].filter((o) => !tokenOwners.has(o)),
  );
  const found: TypeARecord[] = [];
  for (const list of records.values()) {
    const judged = judgeRecord(list, sellerOf(list), text, facts.resolve, sellerOwners, {
      nestedTokens,
      clientSellerOwners,
    });
    if (judged) found.push(judged);
  }
  return oncePerCollection(strongestEvidence(found));
}

function textView(
  fields: readonly Field[],
  records: ReadonlyMap<string, Field[]>,
  sellerOf: (list: readonly Field[]) => Field | undefined,
  amazon: boolean,
): Omit<TextView, 'siteSettings' | 'userOwned' | 'modelFolder'> {
  let sellerKeyRecords = 0;
  for (const list of records.values()) {
    if (sellerOf(list) && list.some((f) => isKey(f) && (f.shape === 'literal' || f.shape === 'empty')))
      sellerKeyRecords++;
  }
  const literalKeyRecords = recordsByCollection(fields.filter((f) => isKey(f) && f.shape === 'literal'));
  const blankKeyRecords = recordsByCollection(
    fields.filter((f) => isKey(f) && f.shape === 'empty' && sellerOf(records.get(f.record) ?? []) !== undefined),
  );
  const collectionsOf = (role: Field['role']): Set<string> =>
    new Set(fields.filter((f) => f.role === role && f.isFormField === true).map((f) => f.collection));
  return {
    sellerKeyRecords,
    literalKeyRecords,
    blankKeyRecords,
    declaredSellerCollections: collectionsOf('seller-id'),
    formSecretCollections: collectionsOf('secret-key'),
    amazon,
  };
}

/** One record's decision: its key fields judged in turn (secret keys first), the first evidence wins. */
function judgeRecord(
  list: readonly Field[],
  seller: Field | undefined,
  text: TextView,
  resolve: RecordFacts['resolve'],
  sellerOwners: ReadonlySet<string>,
  context: { readonly nestedTokens: ReadonlySet<string>; readonly clientSellerOwners: ReadonlySet<string> },
): TypeARecord | undefined {
  // A signed request (`AWSAccessKeyId` beside `SellerId`) is reported at its `AWSAccessKeyId`
  // parameter; a record (`$data['AWSAccessKeyId'] = …; $data['SecretKey'] = …`) at its secret key.
  // (A member read named like the parameter, `paramDto.AWSAccessKeyId`, is an argument, not one.)
  const requestKeys = list.filter((f) => f.name === 'AWSAccessKeyId' && f.isRead !== true);
  const secretKeys = list.filter((f) => f.role === 'secret-key');
  // A request's parameters never hold the secret (it signs them): a secret stored beside them
  // makes the record a row (`$data['SecretKey'] = $post['SecretKey']`), not a request.
  const isRequest =
    requestKeys.length > 0 && seller?.role === 'seller-id' && secretKeys.every((f) => f.isRead === true);
  const keys = [
    ...(isRequest ? [...requestKeys, ...secretKeys] : [...secretKeys, ...requestKeys]),
    ...list.filter((f) => f.role === 'access-key' && !requestKeys.includes(f)),
  ];
  const lwaSecrets = list.filter((f) => f.role === 'lwa-client-secret');
  if (keys.length === 0 && lwaSecrets.length === 0) return undefined;
  // The integrator's own keys from the environment or a secret store: type B.
  if (list.some((f) => (isKey(f) || f.role === 'lwa-client-secret') && f.shape === 'env')) return undefined;
  const tokenField = list.find((f) => f.role === 'auth-token');
  // A request's token may be set in a block of its own (`if (token) params.Set("MWSAuthToken", …)`).
  const nestedToken = context.nestedTokens.has(list[0]?.record ?? '');
  const token = (tokenField !== undefined && tokenField.shape !== 'empty') || nestedToken;
  // `new HttpClient({ awsAccessKeyId: '', mwsAuthToken: '', secretKey: '', sellerId: '' })`: a
  // type-B template with every slot blank.
  if (tokenField && !token && keys.every((k) => k.shape === 'empty' || (k.shape === 'literal' && isDummy(k.value))))
    return undefined;
  const first = keys[0] ?? lwaSecrets[0];
  if (!first) return undefined;
  // A test's expected value (`assert params == { "AWSAccessKeyId": … }`) states what a library
  // sends; it stores and signs nothing.
  if (/\bassert|\bexpect\(|[!=]==?\s*$/.test(first.recordName.trimEnd())) return undefined;
  // `developers['America'] = { access_key, secret_key, … }`: the integrator's own developer keys.
  if (/developer/i.test(first.recordName) && !isSellerish(first.recordName)) return undefined;
  const rawLabel = first.recordName.trim().split(/\s+/).at(-1) ?? '';
  const view: RecordView = {
    fields: list,
    seller,
    sellerNamed: isSellerish(containerName(first.recordName)),
    sellerKeyed: SELLER_ID_SHAPE.test(rawLabel) && !MARKETPLACE_IDS.has(rawLabel),
    regionLabel: REGION.test(normalizeName(rawLabel)),
    isRequest,
    bothApis: token && list.some((f) => f.role === 'refresh-token'),
    tokenRead: tokenField !== undefined && (tokenField.shape === 'ref' || tokenField.shape === 'other'),
  };
  const spApi = list.some(
    (f) =>
      f.role === 'refresh-token' || f.role === 'lwa-client-secret' || /sellingpartner/i.test(normalizeName(f.name)),
  );
  // An SP-API client's credential bag (IAM keys, LWA app, refresh token, role ARN): one app's own
  // configuration, even with a seller id beside it. Only a stored record, a form or submitted
  // input shows keys kept per seller.
  const spApiBag = list.some((f) => f.role === 'refresh-token' || /rolearn/i.test(normalizeName(f.name)));
  for (const key of keys) {
    const evidence = judgeKey(key, view, text, resolve, token, sellerOwners, context.clientSellerOwners);
    // A key that resolves to an environment read: the integrator's own (type B).
    if (evidence === 'own') return undefined;
    if (evidence && spApiBag && !keptPerSeller(key, evidence, view)) continue;
    if (evidence)
      return {
        field: isRequest ? key : firstSecretField(list, key),
        evidence,
        hybrid: token,
        api: spApi ? 'sp-api' : 'mws',
        records: 1,
        ...(tokenField ? { tokenField: tokenField.name } : {}),
      };
  }
  // SP-API: a seller's own LWA app (its client secret) kept per seller.
  for (const secret of lwaSecrets) {
    const evidence = judgeLwaSecret(secret, view, text);
    if (evidence) return { field: secret, evidence, hybrid: false, api: 'sp-api', records: 1 };
  }
  return undefined;
}

/** Evidence that a key is kept per seller, not configured once: stored, typed in or hard-coded per seller. */
function keptPerSeller(key: Field, evidence: Evidence, view: RecordView): boolean {
  if (evidence === 'input' || evidence === 'hard-coded') return true;
  return (
    evidence === 'declared' &&
    (key.formInput === true ||
      key.isFormField === true ||
      view.sellerNamed ||
      view.bothApis ||
      // A form's blank defaults (`useState({ sellerId: '', awsSecretKey: '', refreshToken: '' })`).
      (key.shape === 'empty' && isFormRecord(key.recordName)) ||
      // A stored row of IAM keys: no SP-API client library keeps one per seller or per user.
      (key.persisted === true && (isOwnerNamed(key.recordName) || view.seller?.role === 'seller-id')))
  );
}

// A type named for a program's configuration: `Config`, `MwsClientOptions`, `MwsProperties`, `MwsConnection`.
const CONFIG_RECORD =
  /\b(?:class|struct|interface|type|record|object)\s+[\w:.]{0,60}(?:Config|Configuration|Options|Settings|Properties|Props|Connection|Client|Credentials?|Params|Parameters)\b/;

// Tables named for the users or accounts that own a row (`user_sp_credentials`, `amazon_accounts`).
const OWNER_RECORD = /\b(?:tbl)?(?:users?|accounts?|shops?|stores?)\b/i;

function isOwnerNamed(recordName: string): boolean {
  return OWNER_RECORD.test(recordName.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' '));
}

/** A key field's evidence, by the shape of its value (resolved through one assignment). */
function judgeKey(
  key: Field,
  view: RecordView,
  text: TextView,
  resolve: RecordFacts['resolve'],
  token: boolean,
  sellerOwners: ReadonlySet<string>,
  clientSellerOwners: ReadonlySet<string>,
): Evidence | 'own' | undefined {
  let shape: ValueShape = key.shape;
  let value = key.value;
  // A key read from a JSON blob a seller's record stores is a key read from that record.
  const blob = shape === 'ref' ? throughJsonBlob(value, resolve) : undefined;
  if (blob !== undefined) value = blob;
  // (A local passed to a client's constructor, `new MarketplaceWebServiceClient(accessKeyId, …)`,
  // is resolved too: `final String accessKeyId = entity.getAccessKeyId();`.)
  const clientLocal = shape === 'other' && MWS_CLIENT_NEW.test(key.recordName);
  if ((shape === 'ref' || clientLocal) && /^[A-Z_$][\w$]*$/i.test(value) && resolve) {
    const resolved = resolve(value);
    if (resolved !== undefined) {
      // A getter's call reads its field (`entity.getAccessKeyId()` is `entity.getAccessKeyId`).
      value = clientLocal ? resolved.replace(/^([\w$]{1,60}\.get\w{1,60})\(\)$/, '$1') : resolved;
      shape = classifyValue(value);
      if (shape === 'env') return 'own';
    }
  }
  // Keys named for the developer (`$row['dev_access_secret']`, `developer_secret_key`): the
  // integrator's own developer keys, whichever row or region they are kept in.
  if (namedForDeveloper(key.name) || namedForDeveloper(memberPath(value).at(-1) ?? '')) return 'own';
  // A test's generated value (`$this->faker->uuid`, `faker.string.alphanumeric(40)`, `Str::random(40)`).
  if (FAKE_VALUE.test(value)) return undefined;
  switch (shape) {
    case 'decl':
      return judgeDeclared(key, view, text, token);
    case 'ref': {
      const evidence =
        judgeReference(
          clientLocal ? { ...key, clientArgument: true } : key,
          value,
          view,
          sellerOwners,
          clientSellerOwners,
        ) ?? storedByWrite(key, view);
      // Beside a token, a request is signed the right way, and an object that passes a token and
      // keys on (a library's connection) is its caller's; keys read from a seller's row or
      // record still show the record keeps them (hybrid).
      if (!token || evidence === undefined || evidence === 'input') return evidence;
      return evidence !== 'request' && (isSellerHolder(ownerOf(value)) || RESULT_ROW.test(value))
        ? evidence
        : undefined;
    }
    case 'literal':
      return token && (view.isRequest || view.tokenRead) ? undefined : judgeLiteral(key, value, view, text);
    case 'empty':
      return token ? undefined : judgeBlank(key, view, text);
    case 'other':
      return sqlUpdateSet(key, value, view) ? 'declared' : storedByWrite(key, view);
    case 'env':
      return undefined;
  }
}

// A model write, named in the text that opens its record (without the bracket): Mongoose `User.findByIdAndUpdate(id, {…})`, `Store.create({…})`, Prisma
// `prisma.store.create({ data: {…} })`, Laravel `$store->update([…])`, `updateOrCreate`.
const STORE_WRITE =
  /\b(?:findByIdAndUpdate|findOneAndUpdate|updateOne|updateMany|insertOne|insertMany|create|createMany|upsert|updateOrCreate|firstOrCreate|insert)\b|(?:->|::)update\b/;

/**
 * A key written by a model write beside the seller's id: the row keeps it, whatever it is computed
 * from (`encrypt(secret)`). A use: where the file also shows the input, that is the finding.
 */
function storedByWrite(key: Field, view: RecordView): Evidence | undefined {
  return view.seller?.role === 'seller-id' && STORE_WRITE.test(key.recordName) ? 'used' : undefined;
}

// An SQL UPDATE, in a MyBatis mapper (`<update id="update">`) or a string (`UPDATE shops SET`), and
// the bound parameter a column is set to (`#{secretKey}`, `?`, `:secret_key`).
const SQL_UPDATE = /<update\b|\bupdate\s+[`"]?\w{1,64}[`"]?\s+set\b/i;
const SQL_BIND = /^(?:#\{\w{1,60}\}|\?|:\w{1,60})$/;

/** `secret_key = #{secretKey}` in an UPDATE beside the seller's id: the statement declares the row's columns. */
function sqlUpdateSet(key: Field, value: string, view: RecordView): boolean {
  return view.seller?.role === 'seller-id' && SQL_BIND.test(value.trim()) && SQL_UPDATE.test(key.recordName);
}

// A member of a query result's row picked by position (`$details[0]->mws_secret_key`,
// `$rows[0]['secret_key']`): a stored row, whatever the variable is called.
const RESULT_ROW = /^\$?[\w$]{1,40}\[\s*\d{1,4}\s*\](?:->|\.|\[\s*["'])\s*\w{1,60}["']?\]?$/;

// A record opened by constructing an MWS client (`new MarketplaceWebServiceOrdersClient(`).
const MWS_CLIENT_NEW = /\bnew\s+(?:MarketplaceWebService|Mws|Amazon)\w{0,40}Client\s*$/;

/** A declared key (column, property, form input) in a record for a seller. */
function judgeDeclared(key: Field, view: RecordView, text: TextView, token: boolean): Evidence | undefined {
  // A class named for its table (EF database-first `public partial class tbl_sellermarketplace`)
  // or for a row (MyBatis `class MwsSellerEntity`) is a stored row.
  const stored = key.persisted === true || TABLE_CLASS.test(key.recordName) || ROW_CLASS.test(key.recordName);
  if (text.siteSettings && (key.formInput === true || key.isFormField === true)) return undefined;
  // A form declared as data is one record: its secret-key entry is reported, not its key id entry too.
  if (key.isFormField === true && key.role !== 'secret-key' && text.formSecretCollections.has(key.collection))
    return undefined;
  // A client's own configuration type (`type Config struct`, `class MwsClientOptions`,
  // `@ConfigurationProperties class MwsProperties`): one seller's settings for one program, unless
  // it is stored, asked for in a form or named for the seller.
  if (
    !stored &&
    key.formInput !== true &&
    key.isFormField !== true &&
    !view.sellerNamed &&
    !text.modelFolder &&
    CONFIG_RECORD.test(key.recordName)
  )
    return undefined;
  const sellerDeclared = view.seller?.role === 'seller-id';
  const formEntry =
    key.isFormField === true &&
    text.declaredSellerCollections.has(key.collection) &&
    (key.role === 'secret-key' || !text.formSecretCollections.has(key.collection));
  // A stored table of users' or accounts' keys (`user_sp_credentials`, `amazon_accounts`).
  const ownerTable = stored && isOwnerNamed(key.recordName);
  // Beside a token, only a stored record (a table, a model, a form) keeps the keys on purpose: a
  // library's options type declares every parameter its caller may pass.
  if (token)
    return (stored && (sellerDeclared || view.sellerNamed)) ||
      ownerTable ||
      key.formInput === true ||
      formEntry ||
      view.bothApis
      ? 'declared'
      : undefined;
  return sellerDeclared || view.sellerNamed || ownerTable || formEntry ? 'declared' : undefined;
}

/** A key read from somewhere: submitted input, or a seller record's own keys. */
function judgeReference(
  key: Field,
  value: string,
  view: RecordView,
  sellerOwners: ReadonlySet<string>,
  clientSellerOwners: ReadonlySet<string>,
): Evidence | undefined {
  const { seller } = view;
  const path = memberPath(value);
  const sellerPath = seller ? memberPath(seller.value) : [];
  const sellerRoot = sellerPath.length > 1 ? (sellerPath[0] ?? '') : '';
  const owner = path.slice(0, -1).join('.');
  const root = path[0] ?? '';
  // `seller.secretKey` names its owner; `s.secretKey` next to `s.sellerId` shares one.
  // A bag named for what it configures (`amazonOrderConfig`) is a seller's row when its keys build
  // a client and the text reads a seller id from it too; a bare `config` or `options` stays the caller's.
  const clientRow = key.clientArgument === true && clientSellerOwners.has(owner) && !isBareOptionBag(root);
  const fromSeller =
    path.length > 1 &&
    (!isOptionBag(root) || clientRow) &&
    ((isSellerHolder(owner) && (seller !== undefined || /seller|merchant|tenant|body/i.test(owner))) ||
      // Keys and a seller id read from one object: a real seller id, not an AWS `accountId`
      // (`const { accessKeyId, secretAccessKey, accountId } = credentials` is AWS's own).
      (seller?.role === 'seller-id' && sellerRoot !== '' && root === sellerRoot) ||
      // Keys read from the object a seller id is read from elsewhere in the text.
      (isSellerHolder(owner) && sellerOwners.has(owner)) ||
      // A seller's, shop's or user's keys passed to an MWS or SP-API client it builds
      // (`new MarketplaceWebService_Client($store->access_key, $store->secret_key, …)`).
      (key.clientArgument === true && isSellerHolder(owner)) ||
      // Any object's keys passed to an MWS client, the text reading a seller id from that object
      // too (`getAsyncClient(marketPlace.getAccessKey(), …)`, `setSellerId(marketPlace.getSellerId())`).
      (key.clientArgument === true && clientSellerOwners.has(owner)));
  if (fromSeller)
    return isSubmittedPath(path) ? 'input' : view.isRequest ? 'request' : key.isRead === true ? 'read' : 'used';
  // `{ sellerId, accessKey, secretKey }` written or sent together, keys from nowhere visible.
  // (`this.secretKey` too: a component's state sent on, `axios.post(url, { secretKey: this.secretKey })`.)
  const sameName = (f: Field): boolean => f.value === f.name || f.value === `this.${f.name}`;
  const shorthandTogether = path.length === 1 && sameName(key) && seller !== undefined && sameName(seller);
  return shorthandTogether && seller.role === 'seller-id' ? 'used' : undefined;
}

// `body.secretKey` (a submitted read, see `submitted.ts`), `req.body.secretKey`, `request.form.secret_key`.
const SUBMITTED_OWNER = /^(?:body|(?:req|request|ctx)\.(?:body|form|POST|data|json))$/;

function isSubmittedPath(path: readonly string[]): boolean {
  return SUBMITTED_OWNER.test(path.slice(0, -1).join('.'));
}

/** A hard-coded key: in a request, or in one of several per-seller records. */
function judgeLiteral(key: Field, value: string, view: RecordView, text: TextView): Evidence | undefined {
  if (view.isRequest) return 'request';
  if (isDummy(value)) return undefined;
  // Another marketplace's config may say "mws" (Newegg's): its keys are not MWS-shaped. UUIDs and
  // hex digests are never MWS keys (key ids are upper-case, secrets mixed-case base64).
  if (!text.amazon && !MWS_VALUE.test(value)) return undefined;
  if (NOT_MWS_KEY.test(value) || !KEY_LIKE.test(value)) return undefined;
  const siblings = text.literalKeyRecords.get(key.collection)?.size ?? 0;
  const perSeller = view.sellerNamed || view.sellerKeyed;
  if (
    (view.seller !== undefined || perSeller) &&
    (perSeller || siblings >= 2 || text.sellerKeyRecords >= 2) &&
    !view.regionLabel
  )
    return 'hard-coded';
  return undefined;
}

/** Blank key slots: next to each of several sellers, or in a form's defaults. */
function judgeBlank(key: Field, view: RecordView, text: TextView): Evidence | undefined {
  // Blank slots in several sibling records of one collection: a template of several sellers (an
  // object reset in two places, `$scope.SecretKey = ''`, is one form's model, not two sellers).
  const siblings = text.blankKeyRecords.get(key.collection)?.size ?? 0;
  if (view.seller !== undefined && siblings >= 2 && !view.regionLabel) return 'hard-coded';
  // A form's blank defaults (`useForm({ defaultValues: { sellerId: '', secretKey: '' } })`).
  const first = view.fields.find(isKey);
  if (view.seller?.role === 'seller-id' && first && isFormRecord(first.recordName)) return 'declared';
  return undefined;
}

// A client library's own bag of credentials (`self.credentials.client_secret`, `creds.refresh_token`).
const CREDENTIALS_BAG = /^(?:credentials?|creds?|auth|lwa\w{0,20}|client|token\w{0,20})$/i;

/**
 * SP-API: an LWA client secret of the seller's own private app: asked of the seller (a form input
 * or a submitted field next to the seller's id) or kept in a record named for the seller. A
 * client secret in a record keyed only by a seller id is not enough: an integrator with several
 * LWA apps of its own keeps, per seller, which app issued the refresh token. A
 * single-tenant config is not type A; its literal secret is reported as `lwa-client-secret`.
 */
function judgeLwaSecret(secret: Field, view: RecordView, text: TextView): Evidence | undefined {
  // `client_secret` is any OAuth app's: only Amazon's beside a text that names it, or in a record
  // that also holds a seller's (merchant's) id and refresh token (`tblstores`: `client_secret`,
  // `refresh_token`, `MerchantID`).
  const spApiRecord = view.seller?.role === 'seller-id' && view.fields.some((f) => f.role === 'refresh-token');
  if (!text.amazon && !spApiRecord) return undefined;
  // Read from a seller's account record to build its SP-API credentials (`account.client_secret`).
  if (secret.shape === 'ref') {
    const path = memberPath(secret.value);
    const owner = path.slice(0, -1).join('.');
    // Beside refresh tokens read from other objects (`account.getSpClientSecret()` next to
    // `seller.getSpRefreshToken()` in a loop over the sellers): the client secret is the app's
    // own, shared by the sellers whose tokens it exchanges: type B.
    const tokenOwners = view.fields
      .filter((f) => f.role === 'refresh-token' && f.shape === 'ref')
      .map((f) => ownerOf(f.value));
    if (path.length > 1 && tokenOwners.length > 0 && tokenOwners.every((o) => o !== '' && o !== owner))
      return undefined;
    if (path.length > 1 && !isOptionBag(path[0] ?? '') && isSellerHolder(owner) && !isSubmittedPath(path))
      return 'used';
    // Read from the object its record's refresh token is read from (`conn.lwa_client_secret` beside
    // `conn.lwa_refresh_token`): a refresh token is one seller's, so the object is that seller's
    // record, and its client secret the seller's own app. (Not a client's own credentials bag.)
    if (
      path.length > 1 &&
      !isOptionBag(path[0] ?? '') &&
      !CREDENTIALS_BAG.test(path[0] ?? '') &&
      !isSubmittedPath(path) &&
      view.fields.some((f) => f.role === 'refresh-token' && f.shape === 'ref' && ownerOf(f.value) === owner)
    )
      return 'used';
  }
  // A stored row of a user's, a tenant's or a store's (`@ManyToOne(() => Store)`, `org_id`) is per seller too.
  const perSeller =
    view.seller?.role === 'seller-id' || view.sellerNamed || (secret.persisted === true && text.userOwned);
  if (!perSeller) return undefined;
  // Declared in a record named for the seller (`class AmazonSellerAccount`), or one that also
  // keeps the shop's MWS token: the seller's own app, not one of the integrator's.
  if (
    secret.shape === 'decl' &&
    (secret.formInput === true ||
      secret.isFormField === true ||
      SUBMITTED_TYPE.test(secret.recordName) ||
      view.sellerNamed ||
      view.bothApis ||
      // A stored record of a user, shop or store: the user's own private app (`UserSchema`).
      (secret.persisted === true && (isOwnerNamed(secret.recordName) || text.userOwned)))
  )
    return 'declared';
  if (secret.shape === 'ref' && isSubmittedPath(memberPath(secret.value))) return 'input';
  return undefined;
}

// Values a test or factory generates: fakers and random generators (Ruby `SecureRandom.hex`,
// Python `secrets.token_hex()` and `uuid.uuid4()`, Node `crypto.randomBytes(…)`, Java `RandomStringUtils`).
const FAKE_VALUE =
  /\b(?:faker|fake)\b|Str::random|\brandom(?:_string|String|Alphanumeric|Bytes|UUID)?\(|\bSecureRandom\.|\bsecrets\.token_|\buuid4?\(|\bRandomStringUtils\./i;
// Test values that are not keys: `'opensesame'`, `'12345'`, `'...'`, `'test'`, `'xxx'`.
const DUMMY =
  /^["'`]?(?:\.{2,}|…|x+|\*+|test\w{0,12}|dummy\w{0,12}|fake\w{0,12}|secret|key|foo|bar|baz|abc\w{0,6}|\d{1,12}|opensesame|changeme|password)["'`]?$/i;

/** True for a value no real key has: a few digits, `...`, `test`, `opensesame`. */
function isDummy(value: string): boolean {
  return DUMMY.test(value.trim());
}

function strongestEvidence(found: readonly TypeARecord[]): TypeARecord[] {
  const has = (...e: Evidence[]): boolean => found.some((f) => e.includes(f.evidence));
  const primary = has('declared', 'hard-coded', 'input');
  const owners = new Set<string>();
  return found.filter(({ field, evidence }) => {
    if (evidence === 'used') return !primary;
    if (evidence !== 'read') return true;
    if (primary || has('used', 'request')) return false;
    const owner = memberPath(field.value).slice(0, -1).join('.');
    if (owners.has(owner)) return false;
    owners.add(owner);
    return true;
  });
}

/**
 * One finding per collection of hard-coded per-seller records (a config with 41 stores gives one
 * finding at the first, naming 41); declarations, inputs and requests keep one finding each.
 */
function oncePerCollection(found: readonly TypeARecord[]): TypeARecord[] {
  const firstOf = new Map<string, number>();
  const out: TypeARecord[] = [];
  for (const r of found) {
    if (r.evidence !== 'hard-coded') {
      out.push(r);
      continue;
    }
    const at = firstOf.get(r.field.collection);
    if (at === undefined) {
      firstOf.set(r.field.collection, out.length);
      out.push(r);
    } else {
      const head = out[at];
      if (head) out[at] = { ...head, records: head.records + 1 };
    }
  }
  return out;
}

/** The object a member read belongs to: `rows.0` of `$rows[0]->secret_key`. */
function ownerOf(value: string): string {
  return memberPath(value).slice(0, -1).join('.');
}

/** Per collection, the records that hold one of `fields`. */
function recordsByCollection(fields: readonly Field[]): Map<string, Set<string>> {
  const byCollection = new Map<string, Set<string>>();
  for (const f of fields) {
    const set = byCollection.get(f.collection) ?? new Set<string>();
    set.add(f.record);
    byCollection.set(f.collection, set);
  }
  return byCollection;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
