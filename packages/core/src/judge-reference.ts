import type { Field } from './structure.js';
import { isSellerHolder } from './structure.js';
import { memberPath, readsOwnState } from './value-shape.js';
import { isBareOptionBag, isOptionBag } from './record-names.js';
import { isSubmittedPath } from './type-a-evidence.js';
import type { Evidence, RecordView } from './type-a-evidence.js';

// A model write, named in the text that opens its record (without the bracket): Mongoose `User.findByIdAndUpdate(id, {…})`, `Store.create({…})`, Prisma
// `prisma.store.create({ data: {…} })`, Laravel `$store->update([…])`, `updateOrCreate`.
const STORE_WRITE =
  /\b(?:findByIdAndUpdate|findOneAndUpdate|updateOne|updateMany|insertOne|insertMany|create|createMany|upsert|updateOrCreate|firstOrCreate|insert)\b|(?:->|::)update\b/;

/**
 * A key written by a model write beside the seller's id: the row keeps it, whatever it is computed
 * from (`encrypt(secret)`). A use: where the file also shows the input, that is the finding.
 */
export function storedByWrite(key: Field, view: RecordView): Evidence | undefined {
  return view.seller?.role === 'seller-id' && isStoreWrite(key.recordName) ? 'used' : undefined;
}

/** True when a record's name opens a model write (see {@link STORE_WRITE}). */
export const isStoreWrite = (recordName: string): boolean => STORE_WRITE.test(recordName);

// An SQL UPDATE, in a MyBatis mapper (`<update id="update">`) or a string (`UPDATE shops SET`), and
// the bound parameter a column is set to (`#{secretKey}`, `?`, `:secret_key`).
const SQL_UPDATE = /<update\b|\bupdate\s+[`"]?\w{1,64}[`"]?\s+set\b/i;
const SQL_BIND = /^(?:#\{\w{1,60}\}|\?|:\w{1,60})$/;

/** `secret_key = #{secretKey}` in an UPDATE beside the seller's id: the statement declares the row's columns. */
export function sqlUpdateSet(key: Field, value: string, view: RecordView): boolean {
  return view.seller?.role === 'seller-id' && SQL_BIND.test(value.trim()) && SQL_UPDATE.test(key.recordName);
}

// A member of a query result's row picked by position (`$details[0]->mws_secret_key`,
// `$rows[0]['secret_key']`): a stored row, whatever the variable is called.
export const RESULT_ROW = /^\$?[\w$]{1,40}\[\s*\d{1,4}\s*\](?:->|\.|\[\s*["'])\s*\w{1,60}["']?\]?$/;

// A record opened by constructing an MWS client (`new MarketplaceWebServiceOrdersClient(`).
export const MWS_CLIENT_NEW = /\bnew\s+(?:MarketplaceWebService|Mws|Amazon)\w{0,40}Client\s*$/;

// A PHP model of a store read by property (`$store->aws_secret_key`, `$storeConfig->aws_secret_key`):
// an ORM row of one of the program's stores. (An array named for a store, phpAmazonMWS's
// `$store['secretKey']`, is a client library's configuration of one account.)
const PHP_STORE_MODEL = /^\$(?:store|shop)\w{0,20}->\w{1,60}$/i;

/** A key read from somewhere: submitted input, or a seller record's own keys. */
export function judgeReference(
  key: Field,
  value: string,
  view: RecordView,
  sellerOwners: ReadonlySet<string>,
  clientSellerOwners: ReadonlySet<string>,
  looped = false,
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
  // An object named for a seller's data, or a loop variable over a collection of records.
  const holder = isSellerHolder(owner) || looped;
  const fromSeller =
    path.length > 1 &&
    (!isOptionBag(root) || clientRow) &&
    ((holder && (seller !== undefined || /seller|merchant|tenant|body/i.test(owner) || PHP_STORE_MODEL.test(value))) ||
      // Keys and a seller id read from one object: a real seller id, not an AWS `accountId`
      // (`const { accessKeyId, secretAccessKey, accountId } = credentials` is AWS's own).
      (seller?.role === 'seller-id' && sellerRoot !== '' && root === sellerRoot) ||
      // Keys read from the object a seller id is read from elsewhere in the text.
      (holder && sellerOwners.has(owner)) ||
      // A seller's, shop's or user's keys passed to an MWS or SP-API client it builds
      // (`new MarketplaceWebService_Client($store->access_key, $store->secret_key, …)`).
      (key.clientArgument === true && holder) ||
      // Any object's keys passed to an MWS client, the text reading a seller id from that object
      // too (`getAsyncClient(marketPlace.getAccessKey(), …)`, `setSellerId(marketPlace.getSellerId())`).
      (key.clientArgument === true && clientSellerOwners.has(owner)));
  // A request signed with the object's own keys (`'AWSAccessKeyId' => $this->access_key`,
  // `self.Session.access_key`): a client's request, for the one account it was built for; whoever
  // builds it per seller is judged there.
  // (`@store.aws_access_key_id` is a store record the object holds: still that store's keys.)
  if (fromSeller && view.isRequest && readsOwnState(value) && !isSellerHolder(owner)) return undefined;
  if (fromSeller)
    return isSubmittedPath(path) ? 'input' : view.isRequest ? 'request' : key.isRead === true ? 'read' : 'used';
  // `{ sellerId, accessKey, secretKey }` written or sent together, keys from nowhere visible.
  // (`this.secretKey` too: a component's state sent on, `axios.post(url, { secretKey: this.secretKey })`.)
  const sameName = (f: Field): boolean => f.value === f.name || f.value === `this.${f.name}`;
  const shorthandTogether = path.length === 1 && sameName(key) && seller !== undefined && sameName(seller);
  return shorthandTogether && seller.role === 'seller-id' && key.role !== 'access-key' ? 'used' : undefined;
}
