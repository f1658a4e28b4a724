import {
  declaresEntity,
  DRUPAL_ELEMENT,
  FORM_CONTROL,
  MEMBER_DECLARATION,
  VALIDATION_LIST,
  VALIDATION_RULES,
} from './field-idioms.js';
import { formDataAt } from './form-data.js';
import { isJsonBlobRead } from './json-blobs.js';
import { trimChars } from './strings.js';
import { asSubmitted } from './submitted.js';
import { classifyValue, cutValue, fieldValue } from './value-shape.js';
import { draft, mayBeShorthand } from './field-draft.js';
import type { FamilyReading, FieldContext, FieldDraft, FieldReading, TokenHit } from './field-draft.js';
import { nameRole } from './names.js';

/**
 * The field reader for a name followed by a separator and a value (`name = value`, `name: value`,
 * `'name' => value`, `add('name', value)`): the value's shape says what the field holds. Part of
 * `readField`'s fixed order (`field-readers.ts`); once a separator follows, no later syntax is tried.
 */

// Value expressions that declare a stored field: ORM columns and schema types.
const STORED_TYPE =
  /^(?:models\.|fields\.|db\.Column|Column|\w{1,20}\.Column<|mapped_column|DataTypes|Sequelize\.|Schema\.Types|\{\s*type\s*:|(?:\w*\.)*[A-Z]\w*(?:Field|Column|Attribute)\b|String\b(?!\s*\()|sa\.)/;
// A Rust struct's public member (`pub secret_key: String`, `pub(crate) …`).
const TYPED_MEMBER = /\bpub(?:\([\w:]{1,20}\))?\s+$/;
const KOTLIN_GETTER = /^\r?\n[ \t]{0,40}get\(\)[ \t]{0,4}=[ \t]{0,4}([^\n]{1,160})/;

/** A name with a value after its separator; `null` only when no separator follows. */
export function readAssignment(c: FieldContext): FamilyReading {
  const { text, hit, before, after, sep } = c;
  if (sep?.[1] === undefined) return null;
  if (sep[1] === ',' && formDataAt(text, before) !== -1) {
    // An entry of a browser form's data (`fd.append('SecretKey', key)`, `form-data.ts`): one form.
    return draft(c, { shape: 'decl', formInput: true, recordAt: formDataAt(text, before), prefix: '' });
  }
  let recordAt: FieldDraft['recordAt'] = hit.keyStart;
  if (sep[1] === ',') {
    // `v.Add("AWSAccessKeyId", value)`, `define('X', value)`: a key/value call; its record is
    // the code around the call, shared with the sibling calls.
    // (Not a tuple of names: Django `fields = ('seller_id', 'secret_key')`.)
    if (!/\(\s*["']$/.test(before) || /\bfields\s*=\s*\(\s*["']$/.test(before)) return mayBeShorthand(text, hit);
    recordAt = 'container';
    // A field descriptor made by a call, its name then the label the person sees
    // (`new("secretKey", "AWS Secret Key", …)`, `TextField('seller_id', 'Seller ID')`): a form's
    // entry declared as data, as `{ key: 'secretKey', label: 'AWS Secret Key' }` is.
    // (Not a validation rule, `set_rules('inputSecretKey', 'Secret Key', 'required')`: the
    // handler's write of the submitted value is the record.)
    if (FIELD_DESCRIPTOR_CALL.test(before) && labelsOwnRole(after.slice(sep[0].length), hit.role))
      return draft(c, { shape: 'decl', recordAt, isFormField: true });
    // A Symfony form builder's input (`$builder->add('secret', 'text', ['label' => …])`,
    // `->add('secretKey', PasswordType::class)`): what a person types in, one form per builder.
    if (SYMFONY_ADD.test(before) && SYMFONY_INPUT_TYPE.test(after.slice(sep[0].length)))
      return draft(c, { shape: 'decl', recordAt, formInput: true });
  }
  const value = asSubmitted(fieldValue(after.slice(sep[0].length)), text);
  // A constructor keeping its parameter (`self.secret_key = secret_key`, `this.secretKey = secretKey`,
  // `$this->secret_key = $secret_key`, `@secret_key = secret_key`): the caller's value, not a record.
  if (
    sep[1] === '=' &&
    trimChars(value, '$') === hit.leaf &&
    (/^(?:self|this)$/.test(hit.prefix) || before.endsWith('@'))
  )
    return undefined;
  // A name whose value opens a block names a section (`'secret-key': {` in a table keyed by
  // kind names, `mws: {`), not a field; a schema's field block says its type (`secretKey: {`
  // then `type: String`).
  let persisted = false;
  if (value === '{') {
    if (!opensSchemaField(text, hit.end)) return undefined;
    persisted = true;
  }
  // Validation rules name the fields a form submits: `'secret_key' => 'required|string|size:40'`.
  if (VALIDATION_RULES.test(value) || VALIDATION_LIST.test(value))
    return draft(c, { shape: 'decl', recordAt, formInput: true });
  return assignedValue(c, value, recordAt, persisted);
}

// A constructor (`new(`, `new OrderChannelField(`) or a field class's factory (`TextField(`),
// up to the name's opening quote. (Not a settings API's `add_settings_field(`, whose fields are
// the site owner's, nor a setup wizard's `prompt_input(`.)
const FIELD_DESCRIPTOR_CALL = /(?:\bnew(?:\s+[\w.]{1,60})?|\b[A-Z]\w{0,40}Field)\s*\(\s*["']$/;
// A form builder's `add(` (Symfony's `$builder->add('secret', …)`), up to the name's opening quote.
const SYMFONY_ADD = /\$(?:builder|form)\w{0,20}\s{0,4}->\s{0,4}add\(\s{0,4}["']$/;
// The input's type after the name: a text-like type by name or class, or none (guessed).
const SYMFONY_INPUT_TYPE =
  /^\s{0,4}(?:["'](?:text|password|textarea|hidden|email)["']|[\w\\]{0,80}(?:Text|Password|Textarea|Hidden)Type::class|null)\s{0,4}[,)]/;
// A label: a quoted run of two to six words (`"AWS Secret Key"`, `'Seller ID'`).
const QUOTED_LABEL = /^\s*(["'])([a-z][\w()./-]{0,30}(?: [\w()./-]{1,30}){1,5})\1\s*[,)]/i;

/** True when `value` opens with a quoted label that names `role` (see {@link QUOTED_LABEL}). */
function labelsOwnRole(value: string, role: TokenHit['role']): boolean {
  const label = QUOTED_LABEL.exec(value)?.[2];
  return label !== undefined && nameRole(label) === role;
}

/** The shape of an assigned value, with what its type or its builder says about the field. */
function assignedValue(
  c: FieldContext,
  written: string,
  recordAt: FieldDraft['recordAt'],
  block: boolean,
): FieldReading {
  const { text, hit, lineEnd } = c;
  const op = c.sep?.[1];
  let value = written;
  // An annotation with a default (`mws_secret_key: SecretStr = Field(..., env="…")`): the default is the value.
  const annotated = op === ':' ? /^([\w.[\]|, ]{1,60})=(?![=>])\s*(\S.{0,119})$/.exec(value) : null;
  // (A Python default of `None` leaves the field declared by its type: pydantic's
  // `sp_api_client_secret: Optional[str] = None` is a field the body may carry.)
  if (annotated?.[2] !== undefined && !(annotated[2] === 'None' && annotated[1] !== undefined)) value = annotated[2];
  else if (annotated?.[1] !== undefined) value = annotated[1].trim();
  // A Kotlin property's getter on the next line is its value: `val clientSecret: String` above
  // `get() = System.getenv("AMAZON_CLIENT_SECRET")`.
  const getter = op === ':' ? KOTLIN_GETTER.exec(text.slice(lineEnd, lineEnd + 200))?.[1] : undefined;
  if (getter !== undefined) value = cutValue(getter);
  let shape = classifyValue(value);
  // A typed member initialised to nothing (Java's `private String mwsSecretKey = null;`): declared
  // by its type, as a member without a value is.
  if (op === '=' && /^(?:null|nil|None)$/.test(value) && MEMBER_DECLARATION.test(c.before)) {
    shape = 'decl';
    value = '';
  }
  // A member of a JSON blob decoded in place reads the record that stores it (`json-blobs.ts`).
  if (shape === 'other' && isJsonBlobRead(value)) shape = 'ref';
  // ORM and schema fields: `models.CharField(…)`, `fields.Char(…)`, `Column(String)`, Mongoose `{ type: String }`.
  // (An ORM field declared not stored, Odoo's `fields.Char(store=False)`, holds nothing between calls.)
  if (shape === 'decl' && /\bstore\s*=\s*False\b/.test(value)) return undefined;
  // (Not a Rust struct's member typed `String`, `pub secret_key: String`: the language's own
  // string type, where Mongoose's `secretKey: String` is a schema's column. A Kotlin data class's
  // `val clientSecret: String` stays a record's field: its classes are the app's data.)
  let persisted =
    block || (shape === 'decl' && STORED_TYPE.test(value) && !(value === 'String' && TYPED_MEMBER.test(c.before)));
  // A typed member of an ORM entity class (TypeORM/MikroORM `@Entity() class Client { clientSecret: string }`).
  persisted ||= shape === 'decl' && op === ':' && declaresEntity(text);
  if (op === ':' && /^\[?(?:String|ID|Int|string|str|number|text|bytes)!?\]?[!?]?$/.test(value)) shape = 'decl';
  // A validation schema's field (zod `z.string()`, Yup, Joi) is a field a form or request submits;
  // not an environment variable's (`SP_API_CLIENT_SECRET: z.string()` validates the program's own).
  let formInput = shape === 'decl' && /^(?:z|[yY]up|Joi)\./.test(value) && !/^[A-Z][A-Z\d_]+$/.test(hit.leaf);
  // A Drupal Form API element: `$form['credentials']['secret_key'] = ['#type' => 'textfield', …]`.
  if (value === '[' && DRUPAL_ELEMENT.test(text.slice(hit.end, hit.end + 120))) {
    shape = 'decl';
    formInput = true;
  }
  if (op === ':' && FORM_CONTROL.test(value)) {
    shape = 'decl';
    formInput = true;
  }
  return draft(c, { shape, value, recordAt, persisted, formInput });
}

/** True when the block opened after `from` starts with a schema field's `type:` (Mongoose `{ type: String }`). */
function opensSchemaField(text: string, from: number): boolean {
  const open = text.indexOf('{', from);
  return open !== -1 && open - from < 80 && /^[^}]{0,120}?\btype\s*:/.test(text.slice(open + 1, open + 160));
}
