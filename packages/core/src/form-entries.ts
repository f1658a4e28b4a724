/**
 * A form or settings field declared as data: an entry that names the field a person fills in,
 * in any language. PHP settings arrays (`array('id' => 'wcas_mws_secret_key', …)`,
 * `'code' => 'AWS_SECRET_ACCESS_KEY'`), and the field lists form builders and admin screens are
 * driven by (`{ key: "secretAccessKey", label: "Secret Access Key", type: "password" }`, Ant Design
 * `{ dataIndex: 'secretKey', title: … }`, Element `{ prop: 'secretKey', label: … }`, Formily and
 * react-jsonschema-form `{ name: 'secret_key', label: … }`). Read by `structure.ts`.
 */

// The quoted names a settings array names its field by: `'id' =>`, `"field":`, `'code' =>`.
const QUOTED_ENTRY = /["'](?:id|field|code)["']\s*(?:=>|:)\s*["']$/;
// The names a field list names its field by, quoted or not, up to the value's opening quote.
const NAMING_ENTRY =
  /(?:["'](?:key|name|prop|dataIndex|fieldName|fieldname)["']|\b(?:key|name|prop|dataIndex|fieldName|fieldname))\s*(?:=>|:)\s*["']$/;
// What makes such an entry a form field rather than any name/value pair (a Postman variable
// `{ "key": "secretKey", "value": "…", "type": "string" }`): what it shows the person (`label`,
// `title`, `placeholder`) or a masked input (`type: "password"`).
const SHOWN =
  /["']?\b(?:label|title|placeholder|inputType|component|widget|fieldLabel|emptyText)["']?\s*(?:=>|:)|["']?\btype["']?\s*(?:=>|:)\s*["']password["']/;

/**
 * True when the name after `before` is a field declared as data; `line` is the whole line, in
 * which a naming entry must also show a label or an input type. An entry written one key per line
 * (Ext JS `{ fieldLabel: 'Client Secret',` then `name: 'ClientSecret',`) shows it in its object:
 * `entry`, the text of the braces around the name when they close within a few lines.
 */
export function declaresFormEntry(before: string, line: string, entry = ''): boolean {
  if (QUOTED_ENTRY.test(before)) return true;
  return NAMING_ENTRY.test(before) && (SHOWN.test(line) || SHOWN.test(entry));
}

/** The object literal around `at` (`{ … }`, nested ones skipped), when both its braces are within 300 characters. */
export function entryAround(text: string, at: number): string {
  const span = entrySpan(text, at);
  return span === undefined ? '' : text.slice(span.start, span.end);
}

/** Where {@link entryAround}'s object starts and ends (after its `}`). */
export function entrySpan(text: string, at: number): { start: number; end: number } | undefined {
  let open = -1;
  for (let i = at - 1, depth = 0; i >= 0 && i >= at - 300; i--) {
    const c = text.charCodeAt(i);
    if (c === 125) depth++;
    else if (c === 123 && depth-- === 0) {
      open = i;
      break;
    }
  }
  if (open === -1) return undefined;
  for (let i = at, depth = 0; i < text.length && i <= at + 300; i++) {
    const c = text.charCodeAt(i);
    if (c === 123) depth++;
    else if (c === 125 && depth-- === 0) return { start: open, end: i + 1 };
  }
  return undefined;
}
