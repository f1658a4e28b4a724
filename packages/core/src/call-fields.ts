import { FORM_HELPER, RAILS_FORM_INPUT, RAILS_FORM_LABEL } from './field-idioms.js';
import { draft } from './field-draft.js';
import type { FamilyReading, FieldContext } from './field-draft.js';

/**
 * Field readers for a name given as an argument of a call or a statement: schema builders and
 * migrations that declare a column, admin panels and form helpers that declare an input, and
 * Ruby's symbols. Part of `readField`'s fixed order (`field-readers.ts`).
 */

/** A column or admin field declared by a call: `$table->text('x')`, `Text::make(…)`, `ADD COLUMN x`. */
export function readSchemaCall(c: FieldContext, addedTo: string | undefined): FamilyReading {
  const { text, hit, lineStart, before, after } = c;
  if (
    /(?:->|\.)(?:string|text|binary|char|varchar|column|addColumn|mediumText|longText|json|encrypted\w*|specificType)\(\s*["']$/i.test(
      before,
    ) &&
    /^["']\s*[,)]/.test(after)
  ) {
    // Schema builders: Laravel `$table->text('mws_secret_key')`, knex `table.string('secret_key')`.
    return draft(c, { shape: 'decl', persisted: true, recordAt: 'container' });
  }
  if (/\.Property<[\w?.]{1,40}>\(\s*["']$/.test(before) && /^["']\s*\)/.test(after)) {
    // Entity Framework Core's model snapshot: `b.Property<string>("SecretKey")` in `modelBuilder.Entity("…Merchant", b => …)`.
    return draft(c, { shape: 'decl', persisted: true, recordAt: 'container' });
  }
  if (/::make\(\s*(?:["'][^"'\n]{0,60}["']\s*,\s*)?["']$/.test(before) && /^["']\s*[,)]/.test(after)) {
    // Admin panel fields: Laravel Nova `Text::make('Secret Key', 'secret_key')`, Filament
    // `TextInput::make('secret_key')`. The fields of one resource form are one record.
    return draft(c, { shape: 'decl', recordAt: 'container', formInput: true });
  }
  if (addedTo !== undefined) {
    return draft(c, { shape: 'decl', persisted: true, recordAt: 'container', prefix: addedTo });
  }
  if (/\badd\s+(?:column\s+)?(?:if\s+not\s+exists\s+)?["'`]?$/i.test(before)) {
    // SQL: ALTER TABLE merchants ADD COLUMN mws_secret_key BYTEA
    return draft(c, { shape: 'decl', persisted: true, declLine: text.slice(lineStart, hit.start) });
  }
  if (/\bt\.\w{1,20}\s+["']$/.test(before) && /^["']/.test(after)) {
    return draft(c, { shape: 'decl', persisted: true }); // Rails schema.rb: t.string "aws_secret_access_key"
  }
  return null;
}

/** Form helpers and Ruby's symbols: `Form::password('x')`, `f.text_field :x`, `attr_encrypted :x`. */
export function readFormHelperOrSymbol(c: FieldContext): FamilyReading {
  const { hit, before, after } = c;
  if (FORM_HELPER.test(before) && /^["']\s*[,)]/.test(after)) {
    // Form::password('secret_key', …), form_input('secret_key', …): one record per form
    return draft(c, { shape: 'decl', recordAt: 'form' });
  }
  if (RAILS_FORM_LABEL.test(before)) {
    return undefined; // `f.label :secret_key, "Secret key"` names an input; the input is the field
  }
  if (RAILS_FORM_INPUT.test(before)) {
    // Rails form builders: `f.text_field :secret_key`, `password_field_tag :secret_key`.
    // A `_tag` input showing the installation's settings (`text_field_tag :x, Spree::Config[:x]`)
    // edits that configuration, as an HTML input's `value` from it does (`showsOwnSettings`).
    const ownSettings = /^\s{0,4},\s{0,4}[\w:]{0,40}\b(?:Config|Settings?|Preferences?)\s{0,4}[[(.]/.test(after);
    return draft(c, { shape: ownSettings ? 'env' : 'decl', recordAt: 'form' });
  }
  if (before.endsWith(':') && permitted(c.text, hit.start)) {
    // Rails strong parameters, `params.require(:account).permit(:seller_id, :secret_key)`: the
    // submitted fields a handler keeps, as Laravel's `$request->only([…])` (`structure.ts`).
    return draft(c, { shape: 'ref', value: `body.${hit.leaf}` });
  }
  if (/\[\s*(?::\w{1,40}\s*,\s*){0,12}:$/.test(before)) {
    return undefined; // a list of option names, `[:merchant_id, :aws_secret_access_key]`: it holds no value
  }
  if (/\.(?:dig|fetch|values_at)\([^()\n]{0,80}:$/.test(before)) {
    return undefined; // a lookup by key, `credentials.dig(:mws, :secret_access_key)`: it reads a store
  }
  if (/(?:^|[\s(,{|%]):$/.test(before) && !/^\s*=>/.test(after)) {
    // (A symbol that keys a hash, `:secret_key => x`, is judged by its value below; `params[:x]` reads.)
    // Ruby symbol: t.string :secret_key, attr_encrypted :secret_key.
    // `add_column :amazon_credentials, :secret_access_key, :string`: a column of that table.
    const table = /\badd_column\s+:(\w{1,64}),\s*:$/.exec(before)?.[1];
    const persisted = table !== undefined || /\bt\.\w+\s+:$|attr_encrypted\s+:$/.test(before);
    return draft(c, { shape: 'decl', persisted, prefix: table ?? hit.prefix });
  }
  return null;
}

// How far back a `permit(` call is looked for, and its list read.
const PERMIT_REACH = 400;
// A list of symbols assigned to a local: `nested = [:aws_access_key_id, :secret_key]`.
const SYMBOL_LIST = /\b([a-z_]\w{0,40})\s{0,4}=\s{0,4}\[\s{0,4}(?::\w{1,40}\s{0,4},\s{0,4}){0,12}:$/;

/**
 * True when the symbol at `at` is one of a strong-parameters list: inside an unclosed
 * `.permit(` (also in a nested list, `marketplace_attributes: [:secret_key]`), or in a list of
 * symbols assigned to a local that a `.permit(` call names (`permit(:seller_id, shop: nested)`).
 */
function permitted(text: string, at: number): boolean {
  const window = text.slice(Math.max(0, at - PERMIT_REACH), at);
  const call = window.lastIndexOf('.permit(');
  if (call !== -1 && !window.includes(')', call)) return true;
  const local = SYMBOL_LIST.exec(window.slice(-200))?.[1];
  if (local === undefined) return false;
  // (The call follows within the method: read at most PERMIT_REACH characters after the list.)
  const after = text.slice(at, at + PERMIT_REACH);
  const permit = after.indexOf('.permit(');
  if (permit === -1) return false;
  const list = after.slice(permit);
  // (Named as a value, `permit(:seller_id, shop: nested)` or `permit(nested)`; not a symbol, `:nested`.)
  return new RegExp(`(?:[(,]|\\w:)\\s{0,40}${local}\\s{0,4}[,)\\]]`).test(
    list.slice(0, Math.max(0, list.indexOf(')')) + 1),
  );
}
