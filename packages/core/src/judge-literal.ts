import type { Field } from './structure.js';
import { isDummy } from './dummy-values.js';
import { isFormRecord, isInputsRecord } from './record-labels.js';
import { isKey } from './type-a-evidence.js';
import type { Evidence, RecordView, TextView } from './type-a-evidence.js';

// A value that can be a key: one run of key characters (a label such as 'Secret Key' is not).
const KEY_LIKE = /^["'`]?[\w+/=.-]{8,}["'`]?$/;
// Values that are never an MWS key: a UUID, a lower-case hex digest.
const NOT_MWS_KEY = /^["'`]?(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32,64})["'`]?$/;
// Values of the MWS shapes: a 20-character key id, a 40-character secret.
const MWS_VALUE = /^["'`]?(?:[A-Z0-9]{20}|[A-Za-z0-9+/]{40})["'`]?$/;

// Prose: a hint or a label of two words or more (`"Bitte den geheimen Schlüssel eintragen"`).
const PROSE = /^["'`][^\s"'`]{1,40}(?:\s+[^\s"'`]{1,40}){1,15}["'`]$/;

/** A hard-coded key: in a request, or in one of several per-seller records. */
export function judgeLiteral(key: Field, value: string, view: RecordView, text: TextView): Evidence | undefined {
  if (view.isRequest) return view.fixedSeller === true ? undefined : 'request';
  // A form's fields declared as a map of name to the hint shown under each input
  // (`$inputfields = ["SellerID" => "Bitte die Verkäufer-ID eintragen", "SecretKey" => "…"]`).
  // Only a map named for inputs: `$fields` or an i18n table of captions names no input, and a
  // self-hosted platform's settings page is its one owner's.
  if (PROSE.test(value))
    return !text.siteSettings && isInputsRecord(key.recordName) && formFieldsBesideSeller(view)
      ? 'declared'
      : undefined;
  if (isDummy(value)) return undefined;
  // Another marketplace's config may say "mws" (Newegg's): its keys are not MWS-shaped. UUIDs and
  // hex digests are never MWS keys (key ids are upper-case, secrets mixed-case base64).
  if (!text.amazon && !MWS_VALUE.test(value)) return undefined;
  if (NOT_MWS_KEY.test(value) || !KEY_LIKE.test(value)) return undefined;
  const siblings = text.literalKeyRecords.get(key.collection)?.size ?? 0;
  const perSeller = view.sellerNamed || view.sellerKeyed;
  // (Several records of one and the same literal seller id are one account written out twice, a
  // handler each: `AwsCreds{ MerchantId: "A1…" }` in two handlers.)
  const oneSeller = view.seller?.shape === 'literal' && text.oneHardCodedSeller;
  if (
    (view.seller !== undefined || perSeller) &&
    (perSeller || ((siblings >= 2 || text.sellerKeyRecords >= 2) && !oneSeller)) &&
    !view.regionLabel
  )
    return 'hard-coded';
  return undefined;
}

/** Blank key slots: next to each of several sellers, or in a form's defaults. */
export function judgeBlank(key: Field, view: RecordView, text: TextView): Evidence | undefined {
  // Blank slots in several sibling records of one collection: a template of several sellers (an
  // object reset in two places, `$scope.SecretKey = ''`, is one form's model, not two sellers).
  const siblings = text.blankKeyRecords.get(key.collection)?.size ?? 0;
  if (view.seller !== undefined && siblings >= 2 && !view.regionLabel) return 'hard-coded';
  // A form's blank defaults (`useForm({ defaultValues: { sellerId: '', secretKey: '' } })`).
  return formFieldsBesideSeller(view) ? 'declared' : undefined;
}

/** True when the record is a form's model (`isFormRecord`) that also asks for the seller's id. */
function formFieldsBesideSeller(view: RecordView): boolean {
  const first = view.fields.find(isKey);
  return view.seller?.role === 'seller-id' && first !== undefined && isFormRecord(first.recordName);
}
