import { spacedWords } from './value-shape.js';

/**
 * What a type-A record's name or label says of it: keyed by a seller id or a region, a form's
 * model, a table of the users or accounts that own a row.
 */

// Seller and merchant ids as written: `A` and 9 to 15 upper-case letters and digits, one a digit.
export const SELLER_ID_SHAPE = /^A(?=[A-Z]*\d)[0-9A-Z]{9,15}$/;
// Marketplace ids share the seller-id shape; keys per marketplace are per region, not per seller.
export const MARKETPLACE_IDS: ReadonlySet<string> = new Set([
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
// (Also written as one word: `$inputfields`, `formfields`.)
const FORM_RECORD = /\bforms?\b|\bdefault\s?values\b|\binitial\s?values\b|\binputs?\b|\b(?:input|form)?fields\b/i;

/** True when a record's name says it is a form's model (`useForm`, `form:`, `defaultValues`). */
export function isFormRecord(recordName: string): boolean {
  return FORM_RECORD.test(spacedWords(recordName));
}

// Records named for a form's inputs (`$inputfields`, `inputFields`, `inputs`).
const INPUTS_RECORD = /\binput\s?fields?\b|\binputs\b/i;

/** True when a record's name says it lists a form's inputs (see {@link INPUTS_RECORD}). */
export function isInputsRecord(recordName: string): boolean {
  return INPUTS_RECORD.test(spacedWords(recordName));
}

// Map keys or item labels that name MWS regions: one developer key pair per region is correct.
export const REGION =
  /^(?:na|eu|fe|america|americas|asia|apac|emea|latam|oceania|us|uk|gb|de|fr|it|es|jp|in|au|ca|mx|br|cn|sg|ae|sa|tr|nl|se|pl|eg|northamerica|europe|fareast|default|prod|production|staging|dev|development|test|sandbox)$/;

// Tables named for the users or accounts that own a row (`user_sp_credentials`, `amazon_accounts`).
const OWNER_RECORD = /\b(?:tbl)?(?:users?|accounts?|shops?|stores?)\b/i;

export function isOwnerNamed(recordName: string): boolean {
  return OWNER_RECORD.test(spacedWords(recordName));
}
