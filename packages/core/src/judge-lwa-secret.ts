import type { Field } from './structure.js';
import { isSellerHolder } from './structure.js';
import { memberPath } from './value-shape.js';
import { isOptionBag, SUBMITTED_TYPE } from './record-names.js';
import { isOwnerNamed } from './record-labels.js';
import { isSubmittedPath, ownerOf, readsConfigObject } from './type-a-evidence.js';
import type { Evidence, RecordView, Resolve, TextView } from './type-a-evidence.js';
import { fetchedForOwner } from './tenant-lookups.js';

// A client library's own bag of credentials (`self.credentials.client_secret`, `creds.refresh_token`),
// or a program's own local storage of its settings (`storageAPI.readClientSecret()`, `keychain.get(…)`).
const CREDENTIALS_BAG =
  /^(?:credentials?|creds?|auth|lwa\w{0,20}|client|token\w{0,20}|\w{0,20}(?:storage|prefs|preferences|keychain|keyring)\w{0,10})$/i;

/**
 * SP-API: an LWA client secret of the seller's own private app: asked of the seller (a form input
 * or a submitted field next to the seller's id) or kept in a record named for the seller. A
 * client secret in a record keyed only by a seller id is not enough: an integrator with several
 * LWA apps of its own keeps, per seller, which app issued the refresh token. A
 * single-tenant config is not type A; its literal secret is reported as `lwa-client-secret`.
 */
export function judgeLwaSecret(
  secret: Field,
  view: RecordView,
  text: TextView,
  resolve?: Resolve,
): Evidence | undefined {
  // `client_secret` is any OAuth app's: only Amazon's beside a text that names it, or in a record
  // that also holds a seller's (merchant's) id and refresh token (`tblstores`: `client_secret`,
  // `refresh_token`, `MerchantID`).
  const spApiRecord = view.seller?.role === 'seller-id' && view.fields.some((f) => f.role === 'refresh-token');
  if (!text.amazon && !spApiRecord) return undefined;
  // Read from a seller's account record to build its SP-API credentials (`account.client_secret`).
  if (secret.shape === 'ref') {
    // (Not from the program's configuration: `section["lwa_client_secret"]` after `section = get_config()["spapi"]`;
    // nor, on a site's settings page, from the settings being saved or tested: the sanitize
    // callback's `$input['lwa_client_secret']`, the page's own `$('#lwa_client_secret').val()`.)
    if (readsConfigObject(secret.value, resolve) || text.siteSettings) return undefined;
    const path = memberPath(secret.value);
    const owner = path.slice(0, -1).join('.');
    // Beside refresh tokens read from other objects (`account.getSpClientSecret()` next to
    // `seller.getSpRefreshToken()` in a loop over the sellers): the client secret is the app's
    // own, shared by the sellers whose tokens it exchanges: type B.
    const tokenOwners = view.fields
      .filter((f) => f.role === 'refresh-token' && f.shape === 'ref')
      .map((f) => ownerOf(f.value));
    // Read from a row fetched for one owner, whatever the variables are called (`$config =
    // $integracao->configuracoes` after `Integracao::where('empresa_id', $id)->first()`,
    // `tenant-lookups.ts`): that owner's own app, wherever its token is read.
    // (Or out of a table kept per seller, store or account, whichever row was picked:
    // `config.amz_client_secret` after `conta = contas[0]` of `from("contas_marketplace")`.)
    if (path.length > 1 && !isSubmittedPath(path) && fetchedForOwner(secret.value, resolve)) return 'used';
    if (path.length > 1 && tokenOwners.length > 0 && tokenOwners.every((o) => o !== '' && o !== owner))
      return undefined;
    if (path.length > 1 && !isOptionBag(path[0] ?? '') && isSellerHolder(owner) && !isSubmittedPath(path))
      return 'used';
    // Read from the object its record's refresh token is read from (`conn.lwa_client_secret` beside
    // `conn.lwa_refresh_token`): a refresh token is one seller's, so the object is that seller's
    // record, and its client secret the seller's own app. (Not a client's own credentials bag;
    // nor where the text reads the app's client secret from the environment: the object then joins
    // the program's one app to the seller's token, as type B does.)
    if (
      path.length > 1 &&
      !text.ownAppSecret &&
      !isOptionBag(path[0] ?? '') &&
      !CREDENTIALS_BAG.test(path[0] ?? '') &&
      !isSubmittedPath(path) &&
      view.fields.some((f) => f.role === 'refresh-token' && f.shape === 'ref' && ownerOf(f.value) === owner)
    )
      return 'used';
  }
  // A stored row of a user's, a tenant's or a store's (`@ManyToOne(() => Store)`, `org_id`) is per seller too.
  // (So is an entry of a form declared as data that also asks for the seller's id.)
  const perSeller =
    view.seller?.role === 'seller-id' ||
    view.sellerNamed ||
    ((secret.persisted === true || secret.formInput === true) && text.userOwned(secret.start)) ||
    (secret.isFormField === true && text.declaredSellerCollections.has(secret.collection));
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
      (secret.persisted === true && (isOwnerNamed(secret.recordName) || text.userOwned(secret.start))))
  )
    return 'declared';
  if (secret.shape === 'ref' && isSubmittedPath(memberPath(secret.value))) return 'input';
  return undefined;
}
