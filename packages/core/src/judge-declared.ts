import type { Field } from './structure.js';
import { APP_DATA_CLASS, ROW_CLASS, SUBMITTED_TYPE, TABLE_CLASS } from './record-names.js';
import { isOwnerNamed } from './record-labels.js';
import type { Evidence, RecordView, TextView } from './type-a-evidence.js';

// A type named for a program's configuration: `Config`, `MwsClientOptions`, `MwsProperties`, `MwsConnection`.
const CONFIG_RECORD =
  /\b(?:class|struct|interface|type|record|object)\s+[\w:.]{0,60}(?:Config|Configuration|Options|Settings|Properties|Props|Connection|Client|Credentials?|Creds?|Params|Parameters)\b/;

// The secret of a form's key pair: an MWS secret key, or a secret its form calls a client secret.
const SECRETS: ReadonlySet<Field['role']> = new Set(['secret-key', 'lwa-client-secret']);

/**
 * True when a declared key is a stored row's column: declared as one (`persisted`), or a member of
 * a class named for its table (EF database-first `public partial class tbl_sellermarketplace`) or
 * for a row (MyBatis `class MwsSellerEntity`).
 */
export function isStoredRow(key: Field): boolean {
  return key.persisted === true || TABLE_CLASS.test(key.recordName) || ROW_CLASS.test(key.recordName);
}

/** A declared key (column, property, form input) in a record for a seller. */
export function judgeDeclared(key: Field, view: RecordView, text: TextView, token: boolean): Evidence | undefined {
  // (So is a typed member of a class that records when its row was created or changed; not for
  // an SP-API bag's keys, `keptPerSeller`: one app's settings class may record that too.)
  const stored = isStoredRow(key) || (text.auditedRows && key.formInput !== true && key.isFormField !== true);
  if (text.siteSettings && (key.formInput === true || key.isFormField === true)) return undefined;
  // A form declared as data is one record: its secret-key entry is reported, not its key id entry too.
  if (key.isFormField === true && !SECRETS.has(key.role) && text.formSecretCollections.has(key.collection))
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
    (SECRETS.has(key.role) || !text.formSecretCollections.has(key.collection));
  // A stored table of users' or accounts' keys (`user_sp_credentials`, `amazon_accounts`).
  const ownerTable = stored && isOwnerNamed(key.recordName);
  // A class of an app's models folder not named for a configuration (`Models/api_parameter.cs`) is
  // the app's data, as a stored row is; `Models/AmazonCredentials.cs` may still be a library's value.
  // (So is a Java view, transfer or business object: `class SellerMwsVO`.)
  const appData = (text.modelFolder || APP_DATA_CLASS.test(key.recordName)) && !CONFIG_RECORD.test(key.recordName);
  // Beside a token, only a stored record (a table, a model, a form) keeps the keys on purpose: a
  // library's options type declares every parameter its caller may pass.
  if (token)
    return ((stored || appData) && (sellerDeclared || view.sellerNamed)) ||
      ownerTable ||
      key.formInput === true ||
      formEntry ||
      view.bothApis
      ? 'declared'
      : undefined;
  // (A type a request submits, `interface StoreCredentialsRequest { accountId; awsSecretAccessKey }`,
  // keyed by an account: what one account's owner posts.)
  const submittedForAccount = SUBMITTED_TYPE.test(key.recordName) && view.seller?.role === 'weak-seller-id';
  return sellerDeclared || view.sellerNamed || ownerTable || formEntry || submittedForAccount ? 'declared' : undefined;
}
