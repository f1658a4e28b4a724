import {
  declaresEntity,
  FORM_ATTRIBUTE,
  JAVA_COLUMN_ANNOTATION,
  PHP_PROPERTY,
  QUOTED_INSERT,
  showsOwnSettings,
} from './field-idioms.js';
import { actionParameterAt } from './action-params.js';
import { declaresFormEntry, entryAround } from './form-entries.js';
import { recordHeaderAt } from './record-components.js';
import { oneLineTable } from './sql-columns.js';
import { draft, mayBeShorthand } from './field-draft.js';
import type { FamilyReading, FieldContext, FieldReading } from './field-draft.js';

/**
 * Field readers for a name declared without a value: a column named in SQL or an annotation, an
 * entry of a declared list, and a typed member of a class, struct, table or form. Part of
 * `readField`'s fixed order (`field-readers.ts`).
 */

// The type after a column or field name in DDL, Prisma and Go structs: `mws_secret_key VARCHAR(64)`.
const STORED_COLUMN_TYPE =
  /^["'`\]]?\s+"?(?:n?varchar|n?char|character|(?:tiny|medium|long)?text|bytea|(?:var)?binary|blob|jsonb?|uuid|encrypted|(?:big|small)?int|integer)\b/i;
// Prisma's `String`, and a Go struct field with a storage tag (`string \`gorm:"column:secret_key"\``):
// a Go struct without one is a program's own type (a client's config), not a table.
const STORED_FIELD_TYPE =
  /^["'`\]]?\s+(?:String\b(?!\s*\()|(?:\*?string|\[\]byte|sql\.\w+)\s+`[^`\n]{0,200}\b(?:gorm|db|bson|json):)/;

/** A column named in SQL text or a Java or TypeScript annotation. */
export function readColumnNamed(c: FieldContext): FamilyReading {
  const { text, hit, lineStart, lineEnd, before, after } = c;
  if (JAVA_COLUMN_ANNOTATION.test(before)) {
    // A column named in a Java annotation (JPA `@Column(name = "secret_key")`, MyBatis-Plus
    // `@TableField("secret_key")`) names the column of the field or getter declared after it,
    // which is the entity's field (see `declaresEntity`); it is no form input's `name=`.
    return undefined;
  }
  if (/@\w+\(\s*\{[^}]{0,80}\bname\s*:\s*["']$/.test(before)) {
    // A column named in its decorator: `@Column({ name: 'mws_secret_key' }) secret: string;`.
    return draft(c, { shape: 'decl', persisted: true, recordAt: lineStart });
  }
  if (QUOTED_INSERT.test(text.slice(Math.max(lineStart, hit.start - 300), hit.start))) {
    // An INSERT in a string names the table's columns: `"INSERT INTO stores (seller_id, secret_key) …"`
    // (the layout does not look into strings; a bare SQL column list is a container, see `shorthand`).
    const declLine = text.slice(lineStart, Math.min(lineEnd, lineStart + 400));
    return draft(c, { shape: 'decl', persisted: true, recordAt: lineStart, declLine });
  }
  if (STORED_COLUMN_TYPE.test(after) && oneLineTable(text, lineStart, lineEnd, hit.start)) {
    // A column of a CREATE TABLE on one line, in a string or not (`sql-columns.ts`): one row per statement.
    const table = oneLineTable(text, lineStart, lineEnd, hit.start) ?? { start: lineStart, name: '' };
    const declLine = text.slice(table.start, Math.min(lineEnd, table.start + 80));
    return draft(c, { shape: 'decl', persisted: true, recordAt: table.start, prefix: table.name, declLine });
  }
  if (/\bselect\s[^;()]{0,200}$/i.test(before) && /\bfrom\s/i.test(after)) {
    // A SELECT list names the table's columns: `SELECT tenant_id, secret_key FROM tenants`.
    const declLine = text.slice(lineStart, Math.min(lineEnd, lineStart + 400));
    return draft(c, { shape: 'decl', persisted: true, recordAt: lineStart, declLine });
  }
  return null;
}

// A naming entry alone on its line (`name: 'ClientSecret',`): its object's other lines may show its label.
const NAMING_ALONE =
  /^\s*["']?(?:name|key|prop|dataIndex|fieldName|fieldname)["']?\s*(?:=>|:)\s*["'][\w.-]{1,80}["'](?:\s*,)?\s*$/;

/** An entry of a declared list: a settings form's entry, a web action's or a record's parameter. */
export function readListEntry(c: FieldContext): FamilyReading {
  const { text, hit, lineStart, lineEnd, before, after } = c;
  const line = text.slice(lineStart, Math.min(lineEnd, lineStart + 400));
  if (declaresFormEntry(before, line, NAMING_ALONE.test(line) ? entryAround(text, hit.start) : '')) {
    // A settings or form field declared as data (`form-entries.ts`): `array('id' => 'wcas_mws_secret_key', …)`.
    return draft(c, { shape: 'decl', isFormField: true });
  }
  if (/^\s*[,)]/.test(after) && actionParameterAt(text, hit.start) !== -1) {
    // a web action's parameter, bound from the request (`action-params.ts`)
    return draft(c, { shape: 'ref', value: `body.${hit.leaf}`, recordAt: actionParameterAt(text, hit.start) });
  }
  if (/^\s*[,)]/.test(after) && recordHeaderAt(text, hit.start) !== -1) {
    // a component of a Java or C# record: `record SellerKeys(String sellerId, String secretKey)`
    return draft(c, { shape: 'decl', recordAt: recordHeaderAt(text, hit.start) });
  }
  return null;
}

/**
 * A name with no value after it, read last: a form input, a typed member (PHP, Java, C#, TS), a
 * column or schema field, or the last name of a list (a shorthand). Anything else is no field.
 */
export function readDeclaration(c: FieldContext): FieldReading {
  const { text, hit, lineStart, before, after } = c;
  if (FORM_ATTRIBUTE.test(before) || /register\(\s*["']$/.test(before)) {
    // form input: one record per <form>
    // An input showing the program's own configuration (`value="<?php echo $amzConfig['X'] ?>"`,
    // `value="' . get_option('x') . '"`) edits that configuration, not a seller's record.
    return draft(c, { shape: showsOwnSettings(after) ? 'env' : 'decl', recordAt: 'form' });
  }
  if (PHP_PROPERTY.test(text.slice(lineStart, hit.start)) && /^\s{0,4}(?:[;=]|$)/.test(after)) {
    // A PHP property (`private $secretKey;`) of a Doctrine entity is a stored column. A plain
    // class's property is a program's own state (a client wrapper's `public $AWS_SECRET_ACCESS_KEY;`).
    if (!declaresEntity(text)) return undefined;
    return draft(c, { shape: 'decl', persisted: true });
  }
  if (
    hit.start - lineStart < 160 &&
    // eslint-disable-next-line regexp/no-super-linear-backtracking -- `after` is at most 160 characters
    /^\s*(?:["'`]\s*)?\??\s*(?:[;{]|$)/.test(after) &&
    /^\s*(?:(?:public|private|protected|internal|readonly|static|final|val|var|let|const|declare|required|optional|abstract|override|virtual|@\w+(?:\([^)]*\))?)\s+|\[[^\]\n]{1,80}\]\s*)*[\w<>[\]?,.]+\s+$/.test(
      text.slice(lineStart, hit.start),
    ) &&
    // `return secretKey;` (a getter's body) reads the field; it declares nothing.
    !/^\s*(?:return|throw|yield|await|new|else|delete|typeof|void|echo|print)\s+$/.test(
      text.slice(lineStart, hit.start),
    )
  ) {
    // Java/C#/TS field: private String secretKey; public string SecretKey { get; set; }
    return draft(c, { shape: 'decl', persisted: declaresEntity(text) });
  }
  // (pg_dump, and so Supabase's `remote_schema.sql`, quotes the type too: `"client_secret" "text"`.)
  if (/^\s*["'`[]?$/.test(text.slice(lineStart, hit.start)) && /^["'`\]]?\s+"?\*?[A-Z[]/i.test(after)) {
    // SQL column, Prisma/Go/GraphQL field: mws_secret_key VARCHAR(64)
    // (A Go field may be a pointer, optional in generated models: `AmazonSpClientSecret *string`.)
    return draft(c, { shape: 'decl', persisted: STORED_COLUMN_TYPE.test(after) || STORED_FIELD_TYPE.test(after) });
  }
  if (/^\s*[,)}\]]/.test(after) || /^\s*$/.test(after) || /^["'`]\s*(?:[)\]]|$)/.test(after)) {
    // (The last name of a quoted list too: `…, 'secret_key']`, or `` `secret_key` `` above its `)`.)
    return mayBeShorthand(text, hit);
  }
  return undefined;
}
