import type { Field } from './structure.js';
import { classifyValue, isSellerish } from './structure.js';
import { normalizeName } from './names.js';
import { firstSecretField, pairedSecrets } from './record-keys.js';
import { containerName, isDeveloperObject, SUBMITTED_TYPE } from './record-names.js';
import { isDummy } from './dummy-values.js';
import { judgeKey } from './judge-key.js';
import { isStoredRow } from './judge-declared.js';
import { judgeLwaSecret } from './judge-lwa-secret.js';
import { isFormRecord, isOwnerNamed, MARKETPLACE_IDS, REGION, SELLER_ID_SHAPE } from './record-labels.js';
import { oncePerCollection, strongestEvidence } from './strongest-evidence.js';
import { fetchedForOwner } from './tenant-lookups.js';
import { isKey, ownerOf } from './type-a-evidence.js';
import { IDENTIFIER, memberPath } from './value-shape.js';
import { CONSTANT } from './mws-requests.js';
import type { Evidence, RecordView, Resolve, TextView, TypeARecord } from './type-a-evidence.js';

export type { TypeARecord } from './type-a-evidence.js';

/**
 * Which records of a text are type A, judged from their fields (`structure.ts`). One small judge
 * per value shape (declared, hard-coded, blank, referenced: `judge-key.ts` picks one by the key's
 * value) returns typed evidence (`type-a-evidence.ts`); one place (`judgeRecord`) combines a
 * record's evidence into a decision, and `strongestEvidence` picks where a file shows the pattern
 * most plainly. Shared with AST adapters, which build
 * {@link Field}s from their own trees. docs/kinds/shared-credentials.md.
 */

/** What the text around the fields says; all optional, so AST adapters may pass nothing. */
export interface RecordFacts {
  /** Resolves an identifier to the value of its first assignment (`secretKey = …`). */
  readonly resolve?: Resolve;
  /** The text mentions AWS, Amazon, SP-API or LWA (a literal record of another marketplace does not). */
  readonly amazon?: boolean;
  /**
   * The text is a self-hosted platform's settings page (the WordPress Settings API: a form posted
   * to `options.php`, fields added through a settings hook): its inputs and the fields it declares
   * as data are the one site owner's own settings, not a seller's.
   */
  readonly siteSettings?: boolean;
  /**
   * Whether the text ties the row around an offset to the app's users (`user_id`, `ForeignKey(User)`):
   * a stored secret there is a user's own. (In a text of several tables, each table's own columns.)
   */
  readonly userOwned?: (at: number) => boolean;
  /**
   * The file sits in an application's models folder (`Models/`, `entities/`): its classes are the
   * app's data, so one named like a configuration (`class AmazonCredential`) is still a record.
   */
  readonly modelFolder?: boolean;
  /**
   * The text declares when its rows were created or changed (C# `public DateTime? CreatedDate`,
   * Java `private Date gmtModified;`): its classes are stored rows, not a program's settings.
   */
  readonly auditedRows?: boolean;
  /** Objects the text reads a seller id from in any form (`marketPlace.getSellerId()`, `cfg.seller_id`). */
  readonly sellerReadOwners?: ReadonlySet<string>;
  /** Objects the text reads an MWS auth token from (`mws.getAuthToken()`). */
  readonly tokenReadOwners?: ReadonlySet<string>;
  /** Variables bound to each record of a collection in turn (`foreach (var shop in shops)`, `loop-variables.ts`). */
  readonly loopVariables?: ReadonlySet<string>;
  /** Whether a value reads an object the text's class was given by its caller (`self-held-fields.ts`' `constructorGiven`). */
  readonly callerGiven?: (value: string) => boolean;
}

/**
 * Decides which records in a set of fields are type A. Returns one {@link TypeARecord} per
 * finding, in text order of the records.
 */
export function judgeRecords(allFields: readonly Field[], facts: RecordFacts = {}): TypeARecord[] {
  // Keys only passed on from an object nothing names a seller's are the project pass's (`Field.passedOn`).
  const fields = allFields.filter((f) => f.passedOn !== true);
  const grouped = groupBy(fields, (f) => f.record);
  const records = facts.amazon === false ? grouped : pairedSecrets(grouped);
  const sellerOf = sellerFinder(records);
  const text = {
    ...textView(fields, records, sellerOf, facts.amazon ?? true),
    siteSettings: facts.siteSettings ?? false,
    userOwned: facts.userOwned ?? ((): boolean => false),
    modelFolder: facts.modelFolder ?? false,
    auditedRows: facts.auditedRows ?? false,
    loopVariables: facts.loopVariables ?? new Set<string>(),
    callerGiven: facts.callerGiven ?? ((): boolean => false),
  };
  const { sellerOwners, context } = recordContext(fields, facts);
  const found: TypeARecord[] = [];
  for (const list of records.values()) {
    const judged = judgeRecord(list, sellerOf(list), text, facts.resolve, sellerOwners, context);
    if (judged) found.push(judged);
  }
  return oncePerCollection(strongestEvidence(found));
}

/** A record's seller: its own seller id (a weak one failing that), else the one of the record around it. */
function sellerFinder(records: ReadonlyMap<string, Field[]>): (list: readonly Field[]) => Field | undefined {
  const inheritedSeller = (list: readonly Field[]): Field | undefined => {
    // A nested key object (`tenant: { sellerId, mws: { accessKey, secretKey } }`) inherits the
    // seller of the record around it.
    // (Or of the record around that one, when the block between holds no field: Mongoose's
    // `tokenConfig: { type: { mws_key: String } }` inside a schema with `SellerId`.)
    const first = list[0];
    if (!first) return undefined;
    for (const id of [first.parentRecord, first.grandparentRecord]) {
      const around = id === undefined ? undefined : records.get(id);
      const seller = around && around !== list ? around.find((f) => f.role === 'seller-id') : undefined;
      if (seller) return seller;
    }
    return undefined;
  };
  return (list) =>
    list.find((f) => f.role === 'seller-id') ?? list.find((f) => f.role === 'weak-seller-id') ?? inheritedSeller(list);
}

/** The objects seller ids are read from, and where records' tokens and clients' sellers come from. */
function recordContext(
  fields: readonly Field[],
  facts: RecordFacts,
): { sellerOwners: ReadonlySet<string>; context: RecordContext } {
  // Objects a seller id is read from (`$rows[0]->seller_id`): their keys are that seller's.
  // Records with a token field in a block nested in them.
  // (Also a token set on the same object in a block of its own: `if c.AuthToken != "" { params["MWSAuthToken"] = … }`.)
  const tokens = fields.filter((f) => f.role === 'auth-token' && f.shape !== 'empty');
  const nestedTokens = new Set([
    ...tokens.map((f) => f.parentRecord),
    ...tokens.flatMap((f) => (f.receiver === undefined ? [] : [`receiver:${f.receiver}`])),
  ]);
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
  return { sellerOwners, context: { nestedTokens, clientSellerOwners } };
}

// A secret named for an app (`app_secret`, `appSecret`): beside an LWA client id, its client secret.
const APP_SECRET_NAME = /app_?secret/i;

/**
 * True when a record joins an app's client secret read from the environment to a refresh token
 * that is not: the program's one app and a seller's token, as type B builds them. (Any other
 * environment secret of the text, a Google sign-in's or a sandbox's, says nothing of the seller
 * rows it also reads; and with an environment refresh token beside it, the set is one account's.)
 */
function ownAppSecret(list: readonly Field[]): boolean {
  const envSecret = list.some(
    (f) =>
      f.shape === 'env' &&
      (f.role === 'lwa-client-secret' || (f.role === 'generic-secret' && APP_SECRET_NAME.test(f.name))),
  );
  return envSecret && list.some((f) => f.role === 'refresh-token' && f.shape !== 'env');
}

function textView(
  fields: readonly Field[],
  records: ReadonlyMap<string, Field[]>,
  sellerOf: (list: readonly Field[]) => Field | undefined,
  amazon: boolean,
): Omit<TextView, 'siteSettings' | 'userOwned' | 'modelFolder' | 'auditedRows' | 'loopVariables' | 'callerGiven'> {
  let sellerKeyRecords = 0;
  // (The sellers of the records with hard-coded keys: one literal seller id for all of them is one account.)
  const hardCodedSellers = new Set<string>();
  for (const list of records.values()) {
    const seller = sellerOf(list);
    if (seller && list.some((f) => isKey(f) && (f.shape === 'literal' || f.shape === 'empty'))) sellerKeyRecords++;
    if (seller && list.some((f) => isKey(f) && f.shape === 'literal'))
      hardCodedSellers.add(seller.shape === 'literal' ? seller.value : `\0${seller.value}`);
  }
  const literalKeyRecords = recordsByCollection(fields.filter((f) => isKey(f) && f.shape === 'literal'));
  const blankKeyRecords = recordsByCollection(
    fields.filter((f) => isKey(f) && f.shape === 'empty' && sellerOf(records.get(f.record) ?? []) !== undefined),
  );
  const collectionsOf = (...roles: Field['role'][]): Set<string> =>
    new Set(fields.filter((f) => roles.includes(f.role) && f.isFormField === true).map((f) => f.collection));
  const literalSellers = new Set(
    fields.filter((f) => f.role === 'seller-id' && f.shape === 'literal').map((f) => f.value),
  ).size;
  return {
    sellerKeyRecords,
    literalSellers,
    ownAppSecret: [...records.values()].some(ownAppSecret),
    oneHardCodedSeller:
      hardCodedSellers.size === 1 && [...hardCodedSellers].every((seller) => !seller.startsWith('\0')),
    literalKeyRecords,
    blankKeyRecords,
    declaredSellerCollections: collectionsOf('seller-id'),
    formSecretCollections: collectionsOf('secret-key', 'lwa-client-secret'),
    amazon,
  };
}

/** Where a record's own context is read: the tokens set in blocks nested in records, and the objects seller ids come from. */
interface RecordContext {
  readonly nestedTokens: ReadonlySet<string>;
  readonly clientSellerOwners: ReadonlySet<string>;
}

/** One record's decision: its key fields judged in turn (secret keys first), the first evidence wins. */
function judgeRecord(
  list: readonly Field[],
  seller: Field | undefined,
  text: TextView,
  resolve: Resolve | undefined,
  sellerOwners: ReadonlySet<string>,
  context: RecordContext,
): TypeARecord | undefined {
  const { keys, isRequest } = orderedKeys(list, seller);
  const lwaSecrets = list.filter((f) => f.role === 'lwa-client-secret');
  if (keys.length === 0 && lwaSecrets.length === 0) return undefined;
  // The integrator's own keys from the environment or a secret store: type B.
  if (list.some((f) => (isKey(f) || f.role === 'lwa-client-secret') && f.shape === 'env')) return undefined;
  const tokenField = list.find((f) => f.role === 'auth-token');
  const token = (tokenField !== undefined && tokenField.shape !== 'empty') || hasNestedToken(list, context);
  const first = keys[0] ?? lwaSecrets[0];
  if (!first || isTemplateOrOwn(first, keys, tokenField, token)) return undefined;
  const view = {
    ...recordView(list, seller, first, isRequest, token, tokenField),
    ...(isRequest && text.literalSellers < 2 && fixedSeller(seller, resolve) ? { fixedSeller: true } : {}),
  };
  const spApi = list.some(
    (f) =>
      f.role === 'refresh-token' || f.role === 'lwa-client-secret' || /sellingpartner/i.test(normalizeName(f.name)),
  );
  // An SP-API client's credential bag (IAM keys, LWA app, refresh token, role ARN): one app's own
  // configuration, even with a seller id beside it. Only a stored record, a form or submitted
  // input shows keys kept per seller.
  const spApiBag = list.some((f) => f.role === 'refresh-token' || /rolearn/i.test(normalizeName(f.name)));
  const found = { hybrid: token, records: 1, sellerId: seller?.role === 'seller-id' };
  for (const key of keys) {
    const evidence = judgeKey(key, view, text, resolve, token, sellerOwners, context.clientSellerOwners);
    // A key that resolves to an environment read: the integrator's own (type B).
    if (evidence === 'own') return undefined;
    // (A row fetched for one owner is kept per seller too: `creds = getCredentials(userId)`.)
    if (evidence && spApiBag && !keptPerSeller(key, evidence, view) && !fetchedForOwner(key.value, resolve)) continue;
    if (evidence)
      return {
        ...found,
        field: isRequest ? key : firstSecretField(list, key),
        evidence,
        api: spApi ? 'sp-api' : 'mws',
        ...(tokenField ? { tokenField: tokenField.name } : {}),
      };
  }
  // SP-API: a seller's own LWA app (its client secret) kept per seller.
  for (const secret of lwaSecrets) {
    const evidence = judgeLwaSecret(secret, view, text, resolve);
    if (evidence) return { ...found, field: firstSecretField(list, secret), evidence, hybrid: false, api: 'sp-api' };
  }
  return undefined;
}

/**
 * A record's key fields in the order they are judged, and whether it is a signed request. A
 * signed request (`AWSAccessKeyId` beside `SellerId`) is reported at its `AWSAccessKeyId`
 * parameter; a record (`$data['AWSAccessKeyId'] = …; $data['SecretKey'] = …`) at its secret key.
 */
function orderedKeys(list: readonly Field[], seller: Field | undefined): { keys: Field[]; isRequest: boolean } {
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
  return { keys, isRequest };
}

/**
 * True when a request's seller id cannot vary per call (`RecordView.fixedSeller`): a literal, the
 * environment or a constant, also through one resolution (an assignment, or the argument the
 * text's call binds to a parameter: `call_mws('A1…', $KEY)`).
 */
function fixedSeller(seller: Field | undefined, resolve: Resolve | undefined): boolean {
  if (seller === undefined) return false;
  // (A constant is one seller wherever it is defined, `MERCHANT_ID`. A seller the command line
  // names varies with each run: one hard-coded key pair signing for whichever merchant is passed
  // is type A. The untokened-requests judge, `mws-requests.ts`, reads a command-line seller as
  // the program's own: there the keys are not hard-coded beside it, and may be that seller's.)
  const fixed = (value: string): boolean => {
    const shape = classifyValue(value);
    return shape === 'literal' || shape === 'env' || CONSTANT.test(value);
  };
  if (fixed(seller.value)) return true;
  const resolved = IDENTIFIER.test(seller.value) ? resolve?.(seller.value) : undefined;
  return resolved !== undefined && fixed(resolved.trim());
}

/** A request's token may be set in a block of its own (`if (token) params.Set("MWSAuthToken", …)`). */
function hasNestedToken(list: readonly Field[], context: RecordContext): boolean {
  const receiver = list[0]?.receiver;
  return (
    context.nestedTokens.has(list[0]?.record ?? '') ||
    (receiver !== undefined && context.nestedTokens.has(`receiver:${receiver}`))
  );
}

/** A record that is no seller's whatever its keys hold: a blank type-B template, a test's expectation, the developer's keys. */
function isTemplateOrOwn(first: Field, keys: readonly Field[], tokenField: Field | undefined, token: boolean): boolean {
  // `new HttpClient({ awsAccessKeyId: '', mwsAuthToken: '', secretKey: '', sellerId: '' })`: a
  // type-B template with every slot blank.
  if (tokenField && !token && keys.every((k) => k.shape === 'empty' || (k.shape === 'literal' && isDummy(k.value))))
    return true;
  // A test's expected value (`assert params == { "AWSAccessKeyId": … }`) states what a library
  // sends; it stores and signs nothing.
  if (/\bassert|\bexpect\(|[!=]==?\s*$/.test(first.recordName.trimEnd())) return true;
  // `developers['America'] = { access_key, secret_key, … }`: the integrator's own developer keys,
  // also when copied from the developer's account (`$store[$name]['secretKey'] = $developerAccount['secret_key']`).
  if (/developer/i.test(first.recordName) && !isSellerish(first.recordName)) return true;
  return keys.some((k) => k.shape === 'ref' && isDeveloperObject(memberPath(k.value)[0] ?? ''));
}

/** What the record's name, label and fields say, shared by the key judges (`type-a-evidence.ts`). */
function recordView(
  list: readonly Field[],
  seller: Field | undefined,
  first: Field,
  isRequest: boolean,
  token: boolean,
  tokenField: Field | undefined,
): RecordView {
  const rawLabel = first.recordName.trim().split(/\s+/).at(-1) ?? '';
  return {
    fields: list,
    seller,
    sellerNamed: isSellerish(containerName(first.recordName)),
    sellerKeyed: SELLER_ID_SHAPE.test(rawLabel) && !MARKETPLACE_IDS.has(rawLabel),
    regionLabel: REGION.test(normalizeName(rawLabel)),
    isRequest,
    bothApis: token && list.some((f) => f.role === 'refresh-token'),
    tokenRead: tokenField !== undefined && (tokenField.shape === 'ref' || tokenField.shape === 'other'),
  };
}

/** Evidence that a key is kept per seller, not configured once: stored, typed in or hard-coded per seller. */
function keptPerSeller(key: Field, evidence: Evidence, view: RecordView): boolean {
  if (evidence === 'input' || evidence === 'hard-coded') return true;
  return (
    evidence === 'declared' &&
    (key.formInput === true ||
      key.isFormField === true ||
      SUBMITTED_TYPE.test(key.recordName) ||
      view.sellerNamed ||
      view.bothApis ||
      // A form's blank defaults (`useState({ sellerId: '', awsSecretKey: '', refreshToken: '' })`).
      (key.shape === 'empty' && isFormRecord(key.recordName)) ||
      // A stored row of IAM keys: no SP-API client library keeps one per seller or per user.
      (isStoredRow(key) && (isOwnerNamed(key.recordName) || view.seller?.role === 'seller-id')))
  );
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
