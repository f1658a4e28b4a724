import { describeContainer } from '../containers.js';
import type { Field } from '../structure.js';
import { classifyValue, extractFields, isSellerHolder, isSellerish } from '../structure.js';
import { memberPath } from '../value-shape.js';
import type { Detector, RawFinding, ScanContext } from '../types.js';
import { normalizeName } from '../names.js';

/**
 * The type-A anti-pattern: a seller's own access/secret keys held per seller instead of the
 * Seller ID + MWS Auth Token the seller gives to an authorized developer. Found structurally
 * (see `structure.ts`): a record that holds a seller identifier (or is itself a seller/tenant
 * record) together with key fields; a collection of per-seller key pairs; an MWS request with
 * `SellerId`/`Merchant` and `AWSAccessKeyId` but no `MWSAuthToken` whose keys are hard-coded or
 * come from the seller's record. The correct pattern (the integrator's own keys from env or a
 * secret store, per-seller `sellerId` + `mwsAuthToken`) and per-region developer keys are never
 * reported. ../shared/docs/mws-credentials.md §1.
 */

// Map keys or item labels that name MWS regions: one developer key pair per region is correct.
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
const FORM_RECORD = /form|defaultvalues|initialvalues|\binputs?\b|\bfields\b/i;

const REGION =
  /^(?:na|eu|fe|us|uk|gb|de|fr|it|es|jp|in|au|ca|mx|br|cn|sg|ae|sa|tr|nl|se|pl|eg|northamerica|europe|fareast|default|prod|production|staging|dev|development|test|sandbox)$/;

/**
 * Decides which records in a set of fields are type A. Shared with AST adapters, which build
 * {@link Field}s from their own trees. Returns the key field to report for each offending record.
 */
export function findSharedCredentialFields(
  fields: readonly Field[],
  resolve?: (name: string) => string | undefined,
): Field[] {
  const records = new Map<string, Field[]>();
  for (const f of fields) {
    const list = records.get(f.record);
    if (list) list.push(f);
    else records.set(f.record, [f]);
  }
  const sellerOf = (list: readonly Field[]): Field | undefined =>
    list.find((f) => f.role === 'seller-id') ?? list.find((f) => f.role === 'weak-seller-id');
  // A nested key object (`tenant: { sellerId, mws: { accessKey, secretKey } }`) inherits the
  // seller of the record around it.
  const inheritedSeller = (list: readonly Field[]): Field | undefined => {
    const parent = list[0] ? records.get(list[0].parentRecord) : undefined;
    return parent && parent !== list ? parent.find((f) => f.role === 'seller-id') : undefined;
  };
  // Records that hold keys (hard-coded or left blank) for a seller: two or more in one file is a
  // multi-seller config.
  let sellerKeyRecords = 0;
  for (const list of records.values()) {
    const seller = sellerOf(list) ?? inheritedSeller(list);
    if (seller && list.some((f) => isKeyRole(f) && (f.shape === 'literal' || f.shape === 'empty'))) sellerKeyRecords++;
  }
  // Per-collection counts of records holding literal keys (multi-seller configs).
  const literalKeyRecords = new Map<string, Set<string>>();
  for (const f of fields) {
    if (isKeyRole(f) && f.shape === 'literal') {
      const set = literalKeyRecords.get(f.collection) ?? new Set<string>();
      set.add(f.record);
      literalKeyRecords.set(f.collection, set);
    }
  }
  // Collections whose records declare a seller id: a form or schema declared field by field
  // (`array('id' => 'seller_id', …), array('id' => 'mws_secret_key', …)`).
  const declaredSellerCollections = new Set(
    fields.filter((f) => f.role === 'seller-id' && f.isFormField === true).map((f) => f.collection),
  );

  // A form declared entry by entry is one record: report its secret-key entry, not also its key id.
  const formSecretCollections = new Set(
    fields.filter((f) => f.role === 'secret-key' && f.isFormField === true).map((f) => f.collection),
  );

  const found: { field: Field; evidence: Evidence }[] = [];
  for (const list of records.values()) {
    const key = list.find((f) => f.role === 'secret-key') ?? list.find((f) => f.role === 'access-key');
    if (!key) continue;
    const seller = sellerOf(list) ?? inheritedSeller(list);
    const token = list.find((f) => f.role === 'auth-token' && f.shape !== 'empty');
    if (list.some((f) => isKeyRole(f) && f.shape === 'env')) continue;
    if (token) continue;
    const isRequest = list.some((f) => f.name === 'AWSAccessKeyId') && seller?.role === 'seller-id';
    const sellerNamed = isSellerish(key.recordName);
    const label = normalizeName(key.recordName.trim().split(/\s+/).at(-1) ?? '');
    // A record keyed by a seller id (`{ "A1B2C3D4E5F6G7": { accessKey, secretKey } }`, a Map pair).
    const rawLabel = key.recordName.trim().split(/\s+/).at(-1) ?? '';
    const sellerKeyed = SELLER_ID_SHAPE.test(rawLabel) && !MARKETPLACE_IDS.has(rawLabel);
    let shape = key.shape;
    let value = key.value;
    if (shape === 'ref' && /^[A-Z_$][\w$]*$/i.test(value) && resolve) {
      const resolved = resolve(value);
      if (resolved !== undefined) {
        value = resolved;
        shape = classifyValue(resolved);
        if (shape === 'env') continue;
      }
    }
    let evidence: Evidence | undefined;
    switch (shape) {
      case 'decl':
        if (
          seller?.role === 'seller-id' ||
          sellerNamed ||
          (key.isFormField === true &&
            declaredSellerCollections.has(key.collection) &&
            (key.role === 'secret-key' || !formSecretCollections.has(key.collection)))
        )
          evidence = 'declared';
        break;
      case 'ref': {
        const path = memberPath(value);
        const sellerPath = seller ? memberPath(seller.value) : [];
        const sellerRoot = sellerPath.length > 1 ? (sellerPath[0] ?? '') : '';
        const owner = path.slice(0, -1).join('.');
        // `seller.secretKey` names its owner; `s.secretKey` next to `s.sellerId` shares one.
        const fromSeller =
          path.length > 1 &&
          ((isSellerHolder(owner) && (seller !== undefined || /seller|merchant|tenant|body/i.test(owner))) ||
            // Keys and a seller id read from one object: a real seller id, not an AWS `accountId`
            // (`const { accessKeyId, secretAccessKey, accountId } = credentials` is AWS's own).
            (seller?.role === 'seller-id' && sellerRoot !== '' && path[0] === sellerRoot));
        // `{ sellerId, accessKey, secretKey }` written or sent together, keys from nowhere visible.
        const shorthandTogether = path.length === 1 && value === key.name && seller?.value === seller?.name;
        if (fromSeller)
          evidence = path[0] === 'body' ? 'input' : isRequest ? 'request' : key.isRead === true ? 'read' : 'used';
        else if (shorthandTogether && seller?.role === 'seller-id') evidence = 'used';
        break;
      }
      case 'literal': {
        const siblings = literalKeyRecords.get(key.collection)?.size ?? 0;
        if (isRequest) evidence = 'request';
        else if (
          (seller !== undefined || sellerNamed || sellerKeyed) &&
          (sellerNamed || sellerKeyed || siblings >= 2 || sellerKeyRecords >= 2) &&
          !REGION.test(label)
        )
          evidence = 'hard-coded';
        break;
      }
      case 'empty':
        // Blank key slots next to each of several sellers: a multi-seller config waiting for keys.
        if (seller !== undefined && sellerKeyRecords >= 2 && !REGION.test(label)) evidence = 'hard-coded';
        // A form's blank defaults (`useForm({ defaultValues: { sellerId: '', secretKey: '' } })`).
        else if (seller?.role === 'seller-id' && FORM_RECORD.test(key.recordName)) evidence = 'declared';
        break;
      case 'other':
      case 'env':
        break;
    }
    if (evidence) found.push({ field: key, evidence });
  }
  return strongestEvidence(found);
}

/**
 * How a record shows the type-A pattern. A file is reported where it shows it most plainly:
 * declarations (tables, models, forms), hard-coded per-seller records, submitted input and
 * requests always; clients built from a seller record's keys (`used`) only when the file declares
 * nothing; bare reads (`sign(params, seller.secretKey)`) only when nothing else does, once per
 * owner. Later uses repeat what the declaration already said.
 */
type Evidence = 'declared' | 'hard-coded' | 'input' | 'request' | 'used' | 'read';

function strongestEvidence(found: readonly { field: Field; evidence: Evidence }[]): Field[] {
  const has = (...e: Evidence[]): boolean => found.some((f) => e.includes(f.evidence));
  const primary = has('declared', 'hard-coded', 'input');
  const owners = new Set<string>();
  return found
    .filter(({ field, evidence }) => {
      if (evidence === 'used') return !primary;
      if (evidence !== 'read') return true;
      if (primary || has('used', 'request')) return false;
      const owner = memberPath(field.value).slice(0, -1).join('.');
      if (owners.has(owner)) return false;
      owners.add(owner);
      return true;
    })
    .map(({ field }) => field);
}

function isKeyRole(f: Field): boolean {
  return f.role === 'secret-key' || f.role === 'access-key';
}

/**
 * What the message names: the record holding the keys (when its opening text names it) and the
 * key fields it holds, each name once, in source order. `keyNames` is {@link keyNamesByRecord}.
 */
function messageFacts(
  key: Field,
  keyNames: ReadonlyMap<string, Map<string, string>>,
): Pick<RawFinding, 'container' | 'fields'> {
  const container = describeContainer(key.recordName);
  const names = new Map(keyNames.get(key.record));
  if (!names.has(normalizeName(key.name))) names.set(normalizeName(key.name), key.name);
  return { ...(container ? { container } : {}), fields: [...names.values()] };
}

/** The key fields of every record (normalised name → name as first written), in one pass. */
function keyNamesByRecord(fields: readonly Field[]): Map<string, Map<string, string>> {
  const byRecord = new Map<string, Map<string, string>>();
  for (const f of fields) {
    if (!isKeyRole(f)) continue;
    const names = byRecord.get(f.record) ?? new Map<string, string>();
    byRecord.set(f.record, names);
    const id = normalizeName(f.name);
    if (!names.has(id)) names.set(id, f.name);
  }
  return byRecord;
}

// `?AWSAccessKeyId=…&SellerId=…` without `MWSAuthToken`: a signed request made with keys that are
// not the integrator's own, or a log of one.
const QUERY_KEY = /[?&]AWSAccessKeyId=([^&\s"'<>#]*)/g;

function requestsWithoutToken(ctx: ScanContext): RawFinding[] {
  const found: RawFinding[] = [];
  const { text } = ctx;
  let judgedUntil = 0;
  // A short literal is found several times faster than the regex's class-led start.
  if (!text.includes('Id=')) return found;
  QUERY_KEY.lastIndex = 0;
  for (let m = QUERY_KEY.exec(text); m !== null; m = QUERY_KEY.exec(text)) {
    // The URL is the run of non-space characters around the parameter; each URL is read once.
    let urlStart = m.index;
    const floor = Math.max(judgedUntil, m.index - 2000);
    while (urlStart > floor && !/[\s"'<>]/.test(text.charAt(urlStart - 1))) urlStart--;
    let urlEnd = m.index + m[0].length;
    const ceiling = Math.min(text.length, urlEnd + 4000);
    while (urlEnd < ceiling && !/[\s"'<>]/.test(text.charAt(urlEnd))) urlEnd++;
    judgedUntil = urlEnd;
    QUERY_KEY.lastIndex = urlEnd;
    const keyValue = m[1] ?? '';
    if (keyValue === '' || /[{$<%]/.test(keyValue.replace(/%[0-9A-F]{2}/g, ''))) continue;
    const url = text.slice(urlStart, urlEnd);
    if (!/[?&](?:SellerId|Merchant)=[^&\s]/.test(url)) continue;
    if (/[?&]MWSAuthToken=[^&\s]/.test(url)) continue;
    const start = m.index + 1;
    found.push({
      kind: 'shared-credentials',
      severity: 'error',
      start,
      end: start + 'AWSAccessKeyId'.length,
      secret: `request:${keyValue}`,
      detail: 'AWSAccessKeyId',
    });
  }
  return found;
}

// What follows a name in its first assignment: `secretKey = …`, `secretKey: string = …`.
const ASSIGNED = /\s*(?::[^=\n]{0,40})?=(?![=>])\s*([^;\n]{1,120})/y;

/**
 * The value of the first assignment to `name` (an identifier): `name` standing alone (not after
 * a word character, `$` or `.`), then {@link ASSIGNED}. Each occurrence is found by `indexOf`: a
 * regex led by a lookbehind would try every position of the text.
 */
function assignedValue(text: string, name: string): string | undefined {
  for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) {
    if (at > 0 && /[\w$.]/.test(text.charAt(at - 1))) continue;
    ASSIGNED.lastIndex = at + name.length;
    const m = ASSIGNED.exec(text);
    if (m) return m[1]?.trim();
  }
  return undefined;
}

function find(ctx: ScanContext): RawFinding[] {
  // A type-A record holds a key field, and every key field's name holds one of these words.
  if (!ctx.hasSecretWord && !ctx.hasAccessKeyWord) return [];
  const fields = extractFields(ctx.text, ctx.index, ctx.tabular, { requireKeyField: true });
  let resolutions = 0;
  const resolved = new Map<string, string | undefined>();
  const resolve = (name: string): string | undefined => {
    if (++resolutions > 20) return undefined;
    if (!resolved.has(name)) resolved.set(name, assignedValue(ctx.text, name));
    return resolved.get(name);
  };
  const fieldsFound = findSharedCredentialFields(fields, resolve);
  const keyNames = fieldsFound.length > 0 ? keyNamesByRecord(fields) : new Map<string, Map<string, string>>();
  const found: RawFinding[] = fieldsFound.map((f) => ({
    kind: 'shared-credentials',
    severity: 'error',
    start: f.start,
    end: f.end,
    secret: `field:${normalizeName(f.recordName)}:${normalizeName(f.name)}:${f.value}`,
    detail: f.name,
    ...messageFacts(f, keyNames),
  }));
  const requests = requestsWithoutToken(ctx);
  const fromReads = new Set(fieldsFound.filter((f) => f.isRead === true).map((f) => f.start));
  // A signed request in the same text already says it; drop the reads.
  return [...(requests.length > 0 ? found.filter((f) => !fromReads.has(f.start)) : found), ...requests];
}

/** Detector for `shared-credentials`. */
export const sharedCredentials: Detector = Object.freeze({
  kind: 'shared-credentials',
  keywords: ['seller', 'merchant', 'AWSAccessKeyId', 'tenant', 'account'],
  find,
  samples: {
    positive: [
      {
        text: 'CREATE TABLE sellers (\n  seller_id VARCHAR(20) PRIMARY KEY,\n  mws_access_key VARCHAR(20),\n  mws_secret_key VARCHAR(40)\n);',
        path: 'schema.sql',
        value: 'mws_secret_key',
        reason: 'per-seller secret key column',
      },
      {
        text: 'interface SellerAccount {\n  sellerId: string;\n  accessKeyId: string;\n  secretKey: string;\n}',
        path: 'seller.ts',
        value: 'secretKey',
        reason: 'type holding a seller id and its keys',
      },
      {
        text: 'const client = new HttpClient({\n  sellerId: seller.sellerId,\n  awsAccessKeyId: seller.accessKey,\n  secretKey: seller.secretKey,\n});',
        path: 'client.ts',
        value: 'secretKey',
        reason: "client built from the seller's own keys",
      },
      {
        text: 'https://mws.amazonservices.com/Orders/2013-09-01?AWSAccessKeyId=AKIA2OGYBAH6Q7KD4XZM&Action=ListOrders&SellerId=A1B2C3D4E5F6G7&Signature=abc',
        path: 'requests.log',
        value: 'AWSAccessKeyId',
        reason: 'MWS request with SellerId and no MWSAuthToken',
      },
      {
        text: "router.post('/connect', (req) => {\n  const sellerId = req.body.sellerId;\n  const secretKey = req.body.secretKey;\n});",
        path: 'routes.js',
        value: 'secretKey',
        reason: 'asks the seller for its secret key',
      },
      {
        text: "const keys = new Map([\n  ['A1B2C3D4E5F6G7', { accessKey: k1, secretKey: 'Kq7Zr1nV0bXwP3yH8sL5tA2mD9fG4jC6eU/oI+Rw' }],\n  ['A7G6F5E4D3C2B1', { accessKey: k2, secretKey: 'Rw8Zr1nV0bXwP3yH8sL5tA2mD9fG4jC6eU/oI+Kq' }],\n]);",
        path: 'keys.ts',
        value: 'secretKey',
        reason: 'a map keyed by seller id',
      },
      {
        text: "useForm({ defaultValues: { sellerId: '', accessKeyId: '', secretKey: '' } });",
        path: 'ConnectForm.tsx',
        value: 'secretKey',
        reason: "a form's blank fields ask for the seller's keys",
      },
      {
        text: "await ddb.put({ TableName: 'sellers', Item: { sellerId, accessKey, secretKey } });",
        path: 'store.ts',
        value: 'secretKey',
        reason: "a seller's keys stored together with its id",
      },
      {
        text: "db.query('SELECT tenant_id, access_key, secret_key FROM tenants');",
        path: 'repo.ts',
        value: 'secret_key',
        reason: 'a SELECT of per-tenant key columns',
      },
      {
        text: "@Entity()\nclass Seller {\n  @Column({ name: 'mws_access_key' }) accessKey: string;\n  @Column({ name: 'mws_secret_key' }) secret: string;\n}",
        path: 'seller.entity.ts',
        value: 'mws_secret_key',
        reason: 'columns named in their decorators',
      },
    ],
    negative: [
      {
        text: 'const client = new HttpClient({\n  awsAccessKeyId: process.env.MWS_ACCESS_KEY_ID,\n  secretKey: process.env.MWS_SECRET_KEY,\n  sellerId: seller.sellerId,\n  mwsAuthToken: seller.mwsAuthToken,\n});',
        path: 'client.ts',
        reason: 'type B: own keys from env, per-seller id + token',
      },
      {
        text: 'CREATE TABLE sellers (\n  seller_id VARCHAR(20) PRIMARY KEY,\n  marketplace_id VARCHAR(20),\n  mws_auth_token VARCHAR(64)\n);',
        path: 'schema.sql',
        reason: 'type B table',
      },
      {
        text: 'regions:\n  na:\n    access_key: ${NA_ACCESS_KEY}\n    secret_key: ${NA_SECRET_KEY}\n  eu:\n    access_key: ${EU_ACCESS_KEY}\n    secret_key: ${EU_SECRET_KEY}',
        path: 'config.yml',
        reason: 'one developer key pair per region',
      },
      {
        text: "params = {\n  'Action': 'ListOrders',\n  'SellerId': os.environ['SELLER_ID'],\n  'AWSAccessKeyId': os.environ['MWS_ACCESS_KEY'],\n}",
        path: 'self_use.py',
        reason: 'single-tenant script with its own keys from env',
      },
      {
        text: '?AWSAccessKeyId=AKIA2OGYBAH6Q7KD4XZM&Action=ListOrders&MWSAuthToken=amzn.mws.0b2a6c1e-7f3d-4e58-9a61-2c4d8e9f0a17&SellerId=A1B2C3D4E5F6G7',
        path: 'requests.log',
        reason: 'request with an auth token',
      },
    ],
  },
});
