import { seeThroughConversions, withoutBlankFallback } from './conversions.js';
import { throughJsonBlob } from './json-blobs.js';
import { fetchedForOwner, tenantLookup } from './tenant-lookups.js';
import type { Field } from './structure.js';
import { classifyValue, isSellerHolder } from './structure.js';
import { memberPath } from './value-shape.js';
import type { ValueShape } from './value-shape.js';
import { isDeveloperObject, namedForDeveloper } from './record-names.js';
import { FAKE_VALUE } from './dummy-values.js';
import { judgeDeclared } from './judge-declared.js';
import { judgeBlank, judgeLiteral } from './judge-literal.js';
import { judgeReference, MWS_CLIENT_NEW, RESULT_ROW, sqlUpdateSet, storedByWrite } from './judge-reference.js';
import { ownerOf, readsConfigObject } from './type-a-evidence.js';
import type { Evidence, RecordView, Resolve, TextView } from './type-a-evidence.js';

/** A key field's evidence, by the shape of its value (resolved through one assignment). */
export function judgeKey(
  key: Field,
  view: RecordView,
  text: TextView,
  resolve: Resolve | undefined,
  token: boolean,
  sellerOwners: ReadonlySet<string>,
  clientSellerOwners: ReadonlySet<string>,
): Evidence | 'own' | undefined {
  let shape: ValueShape = key.shape;
  let value = key.value;
  // (A value with a blank fallback, `isset($secret_key) ? $secret_key : ''`, is the value it falls back from.)
  if (shape === 'other' || shape === 'ref') {
    const plain = withoutBlankFallback(value);
    if (plain !== value) {
      value = plain;
      shape = classifyValue(plain);
    }
  }
  // A key read from the program's own configuration object (`app.secretAccessKey` after
  // `app = createObject("component", "config")`, `cfg = new AppConfig()`): the integrator's own.
  if (shape === 'ref' && readsConfigObject(value, resolve)) return 'own';
  // A key read from a JSON blob a seller's record stores is a key read from that record.
  const blob = shape === 'ref' ? throughJsonBlob(value, resolve) : undefined;
  // (The developer's own blob, `creds = decrypt(developer_account.keys)`, is the integrator's, as
  // a key read from it in place is: `type-a-records.ts`' `isTemplateOrOwn`.)
  if (blob !== undefined && isDeveloperObject(memberPath(blob)[0] ?? '')) return 'own';
  if (blob !== undefined) value = blob;
  // (A local passed to a client's constructor, `new MarketplaceWebServiceClient(accessKeyId, …)`,
  // is resolved too: `final String accessKeyId = entity.getAccessKeyId();`.)
  const clientLocal = shape === 'other' && MWS_CLIENT_NEW.test(key.recordName);
  if ((shape === 'ref' || clientLocal) && /^[A-Z_$][\w$]*$/i.test(value) && resolve) {
    const resolved = resolve(value);
    if (resolved !== undefined) {
      // A getter's call reads its field (`entity.getAccessKeyId()` is `entity.getAccessKeyId`).
      value = clientLocal
        ? resolved.replace(/^([\w$]{1,60}\.get\w{1,60})\(\)$/, '$1')
        : seeThroughConversions(resolved);
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
      // A key read from a loop variable over a collection of records is each record's own.
      // (So is one read from one owner's row, `creds = getCredentials(userId)`, `tenant-lookups.ts`.)
      const looped = text.loopVariables.has(memberPath(value)[0] ?? '') || fetchedForOwner(value, resolve);
      const evidence =
        judgeReference(
          clientLocal ? { ...key, clientArgument: true } : key,
          value,
          withSellerResolved(view, resolve),
          sellerOwners,
          clientSellerOwners,
          looped,
        ) ?? storedByWrite(key, view);
      // Beside a token, a request is signed the right way, and an object that passes a token and
      // keys on (a library's connection) is its caller's; keys read from a seller's row or
      // record still show the record keeps them (hybrid).
      // (A request built from an object the client's constructor was given, `account.seller_id`
      // under `attr_reader :account`, is signed for whichever account its caller passes: the
      // caller is judged, as with a client's own state.)
      if (evidence !== undefined && evidence !== 'input' && text.callerGiven(value)) return undefined;
      if (!token || evidence === undefined || evidence === 'input') return evidence;
      return evidence !== 'request' && (isSellerHolder(ownerOf(value)) || RESULT_ROW.test(value) || looped)
        ? evidence
        : undefined;
    }
    case 'literal':
      return token && (view.isRequest || view.tokenRead) ? undefined : judgeLiteral(key, value, view, text);
    case 'empty':
      return token ? undefined : judgeBlank(key, view, text);
    case 'other':
      return sqlUpdateSet(key, value, view) ? 'declared' : (storedByWrite(key, view) ?? tenantLookup(key, value, view));
    case 'env':
      return undefined;
  }
}

/**
 * The record's seller id resolved through one assignment, as its keys are (`merchant_id: sid`
 * after `sid = temp.seller_id`): keys and a seller id read from one object are that seller's.
 */
function withSellerResolved(view: RecordView, resolve: Resolve | undefined): RecordView {
  const seller = view.seller;
  if (!seller || !resolve || seller.shape !== 'ref' || !/^[A-Z_$][\w$]*$/i.test(seller.value)) return view;
  const resolved = resolve(seller.value);
  if (resolved === undefined) return view;
  const value = seeThroughConversions(resolved);
  return classifyValue(value) === 'ref' ? { ...view, seller: { ...seller, value } } : view;
}
