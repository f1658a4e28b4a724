import { seeThroughConversions } from './conversions.js';
import { isPlaceholder } from './values.js';

/** How a field gets its value. */
export type ValueShape =
  | 'decl' // declared only: a column, property, form input, schema entry, type annotation
  | 'literal' // a hard-coded value
  | 'empty' // '', null, None, a placeholder
  | 'env' // environment, config or secret-store read (the integrator's own keys)
  | 'ref' // a reference to another value: `seller.secretKey`, `row['secret_key']`, `accessKey`
  | 'other';

// Reads of the environment, config or a secret store: the integrator's own keys (type B). (A
// member named `secret` at the end of a read, `req.body.secret`, is a field, not a store.) Also
// Rails' encrypted credentials, Symfony's parameters (`$this->getParameter(…)`), Go's viper and
// Java's system properties.
// (Also ColdFusion's application and server scopes, `application.secretAccessKey`: the whole
// program's settings, set once at its start, one value for every request and user.)
export const PROGRAM_SCOPE = /^(?:application|server)$/i;
const ENV_VALUE =
  /process\.env|import\.meta\.env|os\.environ|getenv|\bENV\[|\bENV\.fetch|System\.getenv|Environment\.GetEnvironmentVariable|ConfigurationManager|\$\{|\bconfig\b|\bsettings\b|(?<![.>])\bsecrets?\b(?!\s*$)|vault|ssm|SecretsManager|getSecret(?:Value|Async)?\s*\(|Configuration\[|\benv\(|\benv\.|\benv\s*=|Deno\.env|credentials?Provider|keychain|KeyVault|Rails\.application\.(?:credentials|secrets)|->getParameter\(|\bviper\.Get|System\.getProperty/i;
// Type annotations and schema builders: a field that is declared, not filled (a column, a DTO).
const DECL_VALUE =
  /^(?:string|String|str|number|bool|Optional|text|varchar|char|VARCHAR|TEXT|CHAR|NVARCHAR|z\.|[yY]up\.|Joi\.|t\.|DataTypes|Sequelize\.|Column|db\.Column|\w{1,20}\.Column<|models\.|Field\(|fields\.|\{\s*type\s*:|Mapped\[|Schema\.Types|types?\.|serializers\.|forms\.|sa\.|mapped_column|relationship|\[\]|\{\s*$|@[A-Z])/;
// ORM/schema field constructors: EncryptedCharField(…), Column(String), StringAttribute(…).
// (A method named so, `self._mws.getApiField('secret')`, reads a value: the type's own name is capitalised.)
const FIELD_TYPE = /^(?:(?:\w*\.)*[A-Z]\w*(?:Field|Column|Attribute|Property|Type)\b|String\b(?!\s*\()|str\b(?!\s*\())/;
// Names of per-seller records: where type-A keys live.
const SELLER_WORDS =
  /\b(?:sellers?|merchants?|tenants?|shops?|vendors?|customers?|stores|organi[sz]ations?|workspaces?)\b/i;
// Holders of one seller's data in code: a row, a record, submitted input.
const HOLDER_WORDS =
  /\b(?:rows?|records?|entity|req|request|body|input|forms?|payload|dto|onboard\w*|accounts?|store|integration|users?)\b/i;

// Command-line input (`flag.String("seller-id", …)`, `sys.argv[1]`, `process.argv[2]`, `ARGV[0]`,
// a script's `getArg('seller_id')`, Laravel's `$this->argument('x')`).
// (Also what the operator types at a console prompt: Node's `await question('Client Secret: ')`
// over `readline`, `readlineSync.question(…)`, `inquirer.prompt(…)`, Python's `input("…")` and
// `getpass()`, Ruby's `STDIN.gets`, .NET's `Console.ReadLine()`, Java's `scanner.nextLine()`.)
const COMMAND_LINE =
  /^\*?(?:flag\.\w+\(|os\.Args\b|sys\.argv\b|process\.argv\b|ARGV\b|\$argv\b|argparse|getopt|click\.|cobra|pflag\.|get_?[aA]rg\w{0,10}\(|\$this->(?:argument|option)\()|^(?:await\s{1,4})?(?:(?:(?:rl|readline|readlineSync)\.)?question\(|inquirer\.prompt\(|prompts\(|input\(\s{0,4}(?:f?["']|\))|getpass(?:\.getpass)?\(|(?:STDIN|\$stdin)\.gets\b|Console\.ReadLine\(|\w{0,20}[sS]canner\.next(?:Line)?\()/;

/**
 * True when a value reads the command line (see {@link COMMAND_LINE}), also inside parentheses:
 * `(getArg('x') || '').trim()`. With `parsedArgs`, argparse's `args.seller_id` too: a caller that
 * knows the value is a seller id (`args` is also a GraphQL resolver's input).
 */
export function readsCommandLine(value: string, parsedArgs = false): boolean {
  const v = value.replace(/^[(\s]{1,8}/, '');
  return COMMAND_LINE.test(v) || (parsedArgs && /^args\.\w+$/.test(v));
}

/** An identifier, as a resolver follows it to its value (`sellerId`, `$secret_key`, `SELLER_ID`). */
export const IDENTIFIER = /^[a-z_$][\w$]{0,60}$/i;

/** The value expression after a separator: up to a `,`, `;` or `&` outside brackets and quotes. */
export function cutValue(rest: string): string {
  let depth = 0;
  let quote = '';
  let i = 0;
  for (; i < rest.length && i < 120; i++) {
    const c = rest[i] ?? '';
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) break;
      depth--;
    } else if ((c === ',' || c === ';' || c === '&') && depth === 0) break;
  }
  return rest.slice(0, i).trim();
}

/** A field's value after its separator: {@link cutValue}, seen through string conversions (`conversions.ts`). */
export function fieldValue(rest: string): string {
  return seeThroughConversions(cutValue(rest));
}

// A row's own settings or config member (`shop.settings.secret_key`, `$integration->config['client_secret']`):
// a column of that row, not the program's configuration. Only an object named for a seller or a
// row: a client-side `store` (electron-store) or a request's `config` is no row.
const RECORD_SETTINGS = /^\$?([\w$]{1,40})\s{0,2}(?:\??\.|->)\s{0,2}(?:config|settings)\b/i;
const ROW_OWNER =
  /^(?:\w{0,30}(?:account|integration|connection|channel|row|record|company|tenant|shop|seller|merchant|vendor|organi[sz]ation)s?|stores)$/i;

/** `value` without a leading row's settings member (see {@link RECORD_SETTINGS}), which names no configuration. */
function withoutRecordSettings(value: string): string {
  const owned = RECORD_SETTINGS.exec(value);
  return owned?.[1] !== undefined && ROW_OWNER.test(owned[1]) ? value.slice(owned[0].length) : value;
}

/** Classifies a value expression. */
export function classifyValue(value: string): ValueShape {
  const v = value.trim();
  if (v === '') return 'decl';
  if (/^(?:null|None|nil|undefined|''|""|``|NULL|0)$/.test(v)) return 'empty';
  // A settings field bound to an environment variable: pydantic `Field(..., env="MWS_SECRET_KEY")`.
  if (/\benv\s*=\s*["']/.test(v)) return 'env';
  // An Odoo setting kept as a system parameter (`fields.Char(config_parameter='amazon.secret_key')`).
  if (/\bconfig_parameter\s*=/.test(v)) return 'env';
  if (DECL_VALUE.test(v) || FIELD_TYPE.test(v)) return 'decl';
  // `$MWS_SECRET_KEY` in shell/YAML is the environment; `$sellerRow[...]` in PHP is not.
  if (/^\$\{?[A-Z_][A-Z0-9_]*\}?$/.test(v)) return 'env';
  if (/^\w{1,20}\.\w/.test(v) && PROGRAM_SCOPE.test(v.slice(0, v.indexOf('.')))) return 'env';
  if (ENV_VALUE.test(withoutRecordSettings(v).replace(/(["'`])(?:(?!\1).){0,200}\1/g, '""'))) return 'env';
  if (/^["'`]/.test(v) || /^[A-Z0-9+/]{16,}$/i.test(v)) {
    const inner = v.replace(/^["'`]|["'`][,;]?$/g, '');
    if (inner === '' || /^(?:YOUR|<|TODO|%\()/i.test(inner) || isPlaceholder(inner)) return 'empty';
    return 'literal';
  }
  if (DECL_VALUE.test(v)) return 'decl';
  if (
    /^(?:this\.|self\.|@)?[A-Za-z_$][\w$]*(?:(?:\??\.|->)[A-Za-z_$][\w$]*|\[[^\]]{1,60}\]|\.get\([^)]{1,60}\))*(?:\s*(?:\|\||\?\?|\?:|or)\s*(?:\S.*)?)?$/.test(
      v,
    )
  )
    return 'ref';
  return 'other';
}

/** A name read as words: case changes and underscores become spaces (`amazonConnectForm` → `amazon Connect Form`). */
export const spacedWords = (text: string): string => text.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ');

/** True when a record's name says it is a seller's or tenant's (`class Seller`, `sellers:`). */
export function isSellerish(text: string): boolean {
  return SELLER_WORDS.test(spacedWords(text));
}

/** True when a value's owner holds one seller's data: a seller, a row, a record, submitted input. */
export function isSellerHolder(text: string): boolean {
  const w = spacedWords(text);
  return SELLER_WORDS.test(w) || HOLDER_WORDS.test(w);
}

// The object's own state, as every language writes it: `this.x`, `self.x`, `$this->x`,
// `$self->{x}`, Ruby's `@x`, and C++'s members by convention (`m_secretKey`, through its private
// implementation: `m_pimpl->m_AWSAccessKeyId`, `d->merchant`).
const OWN_STATE = /^(?:(?:this|self|\$this|\$self)\s*(?:\.|->)|@\w|m_[a-z]|(?:p?impl|d)\s*->)/i;
const OWN_MEMBER = /^(?:(?:this|self|\$this|\$self)\s*(?:\.|->)\s*|@)[\w$]{1,60}$/;

/** True when a value reads the object's own state (see {@link OWN_STATE}): `this.secretKey`, `@store.secret_key`. */
export function readsOwnState(value: string): boolean {
  return OWN_STATE.test(value);
}

/** True when a value is one of the object's own members, read directly: `this.secretKey`, not `this.store.secretKey`. */
export function isOwnMember(value: string): boolean {
  return OWN_MEMBER.test(value);
}

/**
 * The member path of a reference, whatever the language's accessors: `seller.secretKey`,
 * `$sellerRow['aws_secret_key']`, `$seller->secretKey`, `row[:secret_key]`, `this.seller.key`
 * all become segment lists (`['sellerRow', 'aws_secret_key']`).
 */
export function memberPath(value: string): string[] {
  return value
    .replace(/^(?:this|self)\./, '')
    .replace(/->/g, '.')
    .replace(/\[[:"']{0,2}([^\]"'\s]{1,60})["']?\]/g, '.$1')
    .split('.')
    .map((s) => s.replace(/^[$@]/, '').trim())
    .filter((s) => s !== '');
}

/**
 * The member path of the object a read goes through, PHP's own member read by the member's name:
 * `$this->settings->client_secret` is `['settings', 'client_secret']`, as `this.settings.x` is in
 * {@link memberPath}. (`$this->secret_key` alone stays the object's own member.)
 */
export function objectPath(value: string): string[] {
  const path = memberPath(value);
  return path[0] === 'this' && path.length > 2 ? path.slice(1) : path;
}
