import { DJANGO_ADD_FIELD, EF_COLUMN, EF_PROPERTY, FORM_ATTRIBUTE, RAZOR_INPUT } from './field-idioms.js';
import { inClientCall } from './client-calls.js';
import type { LineIndex } from './locate.js';
import { isSubmittedRead } from './submitted.js';
import { isCapitalsName } from './names.js';
import { isSellerHolder } from './value-shape.js';
import { draft, mayBeShorthand } from './field-draft.js';
import type { FamilyReading, FieldContext, FieldReading, TokenHit } from './field-draft.js';
import { readFormHelperOrSymbol, readSchemaCall } from './call-fields.js';
import { readColumnNamed, readDeclaration, readListEntry } from './declared-fields.js';
import { readAssignment } from './assigned-fields.js';

/**
 * Reads one field declaration from the text around its name, in any of the syntaxes the
 * structural check knows. The syntaxes are tried in one fixed order, family by family (each
 * family in its own function and module): a name that two syntaxes could claim goes to the
 * earlier one, so the order is part of the behaviour and must not change.
 */

/** Reads a field from the text around its name; `shorthand`: only the layout can tell. */
export function readField(text: string, hit: TokenHit, index: LineIndex): FieldReading {
  const c = fieldContext(text, hit, index);
  // Query-string parameters are judged per URL by the request check.
  if (/[?&]$/.test(c.before)) return undefined;
  const skipped = readNoField(c);
  if (skipped !== null) return skipped;
  const addedTo = DJANGO_ADD_FIELD.exec(text.slice(Math.max(0, hit.start - 200), hit.start))?.[1];
  const families: readonly ((c: FieldContext) => FamilyReading)[] = [
    readMemberUse,
    (x) => readSchemaCall(x, addedTo),
    readFormHelperOrSymbol,
    readColumnNamed,
    readListEntry,
    readAssignment,
  ];
  for (const read of families) {
    const reading = read(c);
    if (reading !== null) return reading;
  }
  return readDeclaration(c);
}

function fieldContext(text: string, hit: TokenHit, index: LineIndex): FieldContext {
  const line = index.lineOf(hit.start);
  const lineStart = index.lineStart(line);
  const lineEnd = index.lineEnd(line, text);
  const before = text.slice(Math.max(lineStart, hit.start - 80), hit.start);
  const after = text.slice(hit.end, Math.min(lineEnd, hit.end + 160));
  const sep = /^["'`]?\]?[?!]?\s*(=>|:=|(?<![=!<>])=(?!=)|:(?!:)|,)/.exec(after);
  return { text, hit, index, line, lineStart, lineEnd, before, after, sep };
}

/** Places where a name is written but holds no field: comments, index lists, labels, comparisons. */
function readNoField(c: FieldContext): FamilyReading {
  const { text, hit, lineStart, before, after } = c;
  // A field commented out (`// Text::make('MWS Auth Token', …)`, `# "secret_key": "…",`) is not
  // part of the live record around it: old keys left in a comment do not make a record type A,
  // nor does a commented-out token make one type B. (The literal keys stay their own findings.)
  // (A line of a block comment, ` * @TableField("secret_key") private String secretKey;`, too.)
  if (/^\s*(?:\/\/|#(?!\[)|\/?\*(?!\*?\s*[\w$]+\s*[=:]))/.test(text.slice(lineStart, hit.start))) return undefined;
  if (
    /\b(?:add_index|remove_column|remove_index|drop_column|dropColumn|dropIndex|index|unique|references|foreign)\b/i.test(
      text.slice(Math.max(lineStart, hit.start - 160), hit.start),
    )
  ) {
    return undefined; // an index or a removal names a column; it does not hold one
  }
  // A display name for the member declared next (C#'s `[Display(Name = "Secret Key")]`,
  // `[DisplayName("Secret Key")]`, Swagger's `@ApiModelProperty("Secret Key")`): the member is the field.
  if (
    /(?:\[\s*Display\s*\(\s*Name\s*=|\[\s*DisplayName\s*\(|@ApiModelProperty\s*\((?:\s*value\s*=)?)\s*["']$/.test(
      before,
    )
  )
    return undefined;
  // A condition's last operand before its block's colon (Python `if access_key and secret_key:`,
  // `elif not secret_key:`, `while token:`): a test of a value, no field declared.
  if (/^\s*(?:if|elif|while|assert)\b/.test(text.slice(lineStart, hit.start)) && /^\s*:\s*(?:#.*)?$/.test(after))
    return undefined;
  // A `switch` label names a value (`case 'secret-key':`), it declares no field.
  if (/\b(?:case|when)\s+["'`]?$/.test(before)) return undefined;
  // A method's parameters (Ruby `def initialize(aws_access_key_id:, …)`, Python `def f(secret_key: str)`): a parameter list.
  if (/\bdef\s+[\w.]{1,60}[!?]?\s*\([^()\n]{0,200}$/.test(text.slice(Math.max(lineStart, hit.start - 280), hit.start)))
    return mayBeShorthand(text, hit);
  // (Python's parameters one per line: `def __init__(\n    self,\n    client_secret: str,`.)
  if (/\bdef\s+\w{1,60}\s*\(\s*\n[^()]{0,400}$/.test(text.slice(Math.max(0, hit.start - 480), hit.start)))
    return mayBeShorthand(text, hit);
  // A comparison reads a field to test it (`assert params["AWSAccessKeyId"] == KEY`): no value is stored.
  if (/^["'`\]]{0,2}\s*[!=]==?/.test(after)) return undefined;
  return null;
}

// A callee's name (or an index) just before the call's paren: not a statement's keyword (`if (`,
// `while (`), a test that only looks at the value (`empty(`, `isset(`, `StrUtil.isBlank(`,
// `string.IsNullOrEmpty(`, `isinstance(`, `len(`), or a log or print of it: those keep nothing.
const NOT_PASSING =
  /^(?:if|while|for|foreach|switch|catch|return|elif|and|or|not|unless|until|with|when|empty|isset|unset|len|strlen|count|bool|isinstance|typeof|[iI]s(?:_[a-z]|[A-Z])\w{0,30}|[hH]as[A-Z_]\w{0,30}|log|debug|info|warn|warning|error|trace|print\w{0,10}|echo|puts|dump|var_dump|dd)$/;
const IDENTIFIER_CHAR = /[\w$]/;
/** How far back a call's opening paren may be from one of its arguments. */
const ARGUMENTS_REACH = 200;

/** The callee's name (or `]`) at the end of `text`, after trailing blanks. */
function calleeAtEnd(text: string): string {
  const t = text.trimEnd();
  if (t.endsWith(']')) return ']';
  let i = t.length;
  while (i > 0 && IDENTIFIER_CHAR.test(t.charAt(i - 1))) i--;
  return t.slice(i);
}

/**
 * True when the whole key starting at `keyStart` is a positional argument of a call: right after
 * the call's paren or a comma of its argument list (also after a line break: one argument per
 * line), where the call is not a test, a log or a statement (see {@link NOT_PASSING}). Walks back
 * over balanced brackets at most {@link ARGUMENTS_REACH} characters to the call's paren; an array or
 * object literal, a statement's end, or a string the key sits in is no call.
 */
function isPositionalArgument(text: string, keyStart: number): boolean {
  const before = text.slice(Math.max(0, keyStart - ARGUMENTS_REACH), keyStart);
  const last = before.trimEnd().slice(-1);
  if (last !== ',' && last !== '(') return false;
  // Quotes passed on the way back: an odd count of one kind means the key sits in a string (a
  // query's text, `query("SELECT d.access_key, d.secret_key …")`), whatever line it opened on.
  let quotes = 0;
  for (let i = before.length - 1, depth = 0; i >= 0; i--) {
    const c = before.charAt(i);
    if (c === '"') quotes ^= 1;
    else if (c === "'") quotes ^= 2;
    else if (c === '`') quotes ^= 4;
    else if (quotes !== 0) continue;
    else if (c === ')' || c === ']' || c === '}') depth++;
    else if (c === '(' || c === '[' || c === '{') {
      if (depth-- > 0) continue;
      if (c !== '(') return false;
      const callee = calleeAtEnd(before.slice(Math.max(0, i - 40), i));
      return callee !== '' && !NOT_PASSING.test(callee);
    } else if (c === ';' && depth === 0) return false;
  }
  return false;
}

/** A name used through an object or a lambda: a submitted or seller record's read, a bound input. */
function readMemberUse(c: FieldContext): FamilyReading {
  const { text, hit, index, before, sep } = c;
  // (Not a setter called on it, `$request->setSellerId('A1…')`: Amazon's PHP samples name their
  // MWS request object `$request` too, and a setter writes a field, it reads none.)
  if (isSubmittedRead(before, text) && sep?.[1] !== '=' && !/^set[A-Z]/.test(hit.leaf)) {
    // A read of a submitted field: `req.body.secretKey`, `request.form['secret_key']`, `params[:secret_key]`.
    return draft(c, { shape: 'ref', value: `body.${hit.leaf}`, recordAt: c.lineStart, prefix: '' });
  }
  if (hit.prefix !== '' && sep === null && FORM_ATTRIBUTE.test(before)) {
    return draft(c, { shape: 'decl', recordAt: 'form' }); // a form input bound to a model's member: `v-model="form.secretKey"`
  }
  if (EF_PROPERTY.test(before)) {
    if (!EF_COLUMN.test(text.slice(hit.end, hit.end + 200))) return undefined;
    return draft(c, { shape: 'decl', persisted: true, recordAt: 'container', prefix: '' });
  }
  if (RAZOR_INPUT.test(before)) {
    return draft(c, { shape: 'decl', recordAt: 'form', prefix: '' }); // `@Html.PasswordFor(m => m.SecretKey)`: one record per form
  }
  if (hit.prefix === '' || (sep !== null && sep[1] !== ',')) return null;
  const clientArgument = inClientCall(text, index, c.line, hit.keyStart);
  const holder = isSellerHolder(
    hit.prefix
      .split('.')
      .filter((p) => !/^\d+$/.test(p))
      .at(-1) ?? '',
  );
  // A read of a seller record's key: `amazonMws(seller.accessKey, seller.secretKey)`. Passed to
  // an MWS client's constructor, it shares a record with the seller id passed beside it
  // (`MWSConnection(account.access_key, account.secret_key, Merchant=account.merchant_id)`).
  // Any object's keys passed straight to an MWS client (`getAsyncClient(marketPlace.getAccessKey(), …)`):
  // the judge decides whose they are (see `type-a-records.ts`).
  // (Read before the whole key: a getter's own paren, `shop.get("…")`, opens no client.)
  // Any other object's keys passed on as a call's arguments (`signer.sign(…, credential.getSecretKey())`,
  // `SellerConnector::seller($config['client_id'], $config['client_secret'], …)`) are the project
  // pass's (`passedOn`); a constant naming a parameter (`ConstantCodes.CLIENT_SECRET`) is no read.
  // (A column read by its quoted name, `rs.getString("AWS_SECRET_KEY")`, is a read, whatever its case.)
  const constant = isCapitalsName(hit.leaf) && !/["'`]/.test(text.charAt(hit.start - 1));
  const passedOn = !holder && !clientArgument && isPositionalArgument(text, hit.keyStart) && !constant;
  if (!holder && !clientArgument && !passedOn) return null;
  return draft(c, {
    isRead: true,
    shape: 'ref',
    value: hit.full,
    clientArgument,
    passedOn,
    recordAt: clientArgument ? hit.keyStart : c.lineStart,
    prefix: '',
  });
}
