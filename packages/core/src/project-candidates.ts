import { describeContainer } from './containers.js';
import { entrySpan } from './form-entries.js';
import { isCapitalsName, normalizeName } from './names.js';
import { IDENTIFIER, isOwnMember, memberPath, readsCommandLine } from './value-shape.js';
import { firstAssignment } from './assignments.js';
import { parameterType } from './parameter-types.js';
import { isStoreWrite } from './judge-reference.js';
import { readsConfigObject } from './type-a-evidence.js';
import { readsStoredRow } from './tenant-lookups.js';
import type { TextResolve } from './text-resolver.js';
import { AMAZON_PATH } from './other-apis.js';
import { DEVELOPER_OBJECT, isBareOptionBag } from './record-names.js';
import type { Field } from './structure.js';
import { classifyValue } from './structure.js';
import type { RawFinding, ScanContext } from './types.js';

/**
 * The project pass's first half (the second is `project.ts`): in a file that shows no type-A
 * record of its own, the place where it handles a seller's key fields next to a seller's id or
 * token. Such a file (a service writing `prisma.amazonAccount.update({ data: { lwaClientSecret } })`,
 * a DTO, a settings page, a client built from `creds.ClientSecret`) is judged wrongly on its own:
 * the record that says the keys are kept per seller is declared in another file (the schema, the
 * migration, the model). A candidate is reported only when another file of the same project holds
 * a type-A record; alone it is nothing. docs/kinds/shared-credentials.md#across-files.
 */

/** Key roles a candidate carries: a seller's secret (its MWS secret key, its LWA app's secret). */
const SECRET_ROLES: ReadonlySet<Field['role']> = new Set(['secret-key', 'lwa-client-secret']);
/** What ties the keys to one seller: its id, its MWS Auth Token, its refresh token. */
const SELLER_ROLES: ReadonlySet<Field['role']> = new Set(['seller-id', 'auth-token', 'refresh-token']);
/**
 * Values that may carry a stored seller's key: declared (a column, a DTO, a form input), blank (a
 * form's initial state), read from an object or another expression. A hard-coded value is its
 * own kind, and an environment read is the integrator's own key (type B).
 */
const CARRIED: ReadonlySet<Field['shape']> = new Set(['decl', 'empty', 'ref', 'other']);

// A configuration file: in a `config/` folder (Laravel's `config/amazon.php`), named for it
// (`app.config.ts`, `settings.py`, `appsettings.json`, Spring's `application.yml`), or in a
// configuration format (`.env`, `.env.example`, `.properties`, `.ini`, `.cfg`, `.conf`).
const CONFIG_PATH =
  /(?:^|[/\\])(?:config|conf|configs|settings)[/\\][^/\\]*$|(?:^|[/\\.])config\.[a-z]{1,4}$|(?:^|[/\\])(?:settings\.py|appsettings[\w.-]{0,30}\.json|application[\w-]{0,30}\.(?:ya?ml|properties))$|(?:^|[/\\])\.env(?:\.[\w-]{1,30})?$|\.(?:env|properties|ini|cfg|conf)$/i;

// An example or template of a file (`local.example.js`, `parameters.yml.dist`,
// `config.sample.php`, `settings.template.json`): placeholders for the program's own settings.
const TEMPLATE_PATH = /[._-](?:example|sample|template|dist)(?:\.[a-z]{1,5})?$/i;

/**
 * Declared, then read from an object (a stored record's value), then blank (an initial value),
 * then computed: see {@link projectCandidate}.
 */
const SHAPE_RANK: Readonly<Record<Field['shape'], number>> = {
  decl: 0,
  ref: 1,
  empty: 2,
  other: 3,
  literal: 3,
  env: 3,
};

// A test's expectation (`assert params == { … }`) and the integrator's developer keys per region
// are never a seller's, as in the record judge (`type-a-records.ts`).
const EXPECTATION = /\bassert|\bexpect\(|[!=]==?\s*$/;
const DEVELOPER = /developer/i;
// The name of an environment variable or a setting read by name (C#'s
// `Environment.GetEnvironmentVariable("AMZ_CLIENT_SECRET")`, `os.getenv('MWS_SECRET_KEY')`,
// `ENV.fetch('…')`, `config('amazon.secret_key')`): the program's own key, never a seller's. (Nor
// is a command-line argument read by name, `getArg('lwa_client_secret')`: its caller's.)
const READ_BY_NAME =
  /(?:getenv|GetEnvironmentVariable|environ(?:\.get)?|\bENV(?:\.fetch)?|\benv|\w{0,20}Env\w{0,20}|getProperty|\bconfig|\bsetting|get_option|GetValue|(?<![\w.>$])get_?arg\w{0,10}|\$this->argument|\$this->option)\s*[([]\s*["'`]?$/i;

/** True when a key read from an object came out of a stored row (`tenant-lookups.ts`' `readsStoredRow`). */
function fromStoredRow(f: Field, resolve: TextResolve): boolean {
  return f.shape === 'ref' && readsStoredRow(f.value.trim(), resolve);
}

// The rest of an entry written into an array or map by name: `'] = $row->secret`, `"] =`.
const WRITTEN_ENTRY = /^["'`]?\s{0,2}\]\s{0,4}=(?![=>])/;

/**
 * True when the field is a setting or an environment variable read by its name (see
 * {@link READ_BY_NAME}), not an entry written into a bag that happens to be called so
 * (`$config['lwaClientSecret'] = $applicationInfo->lwa_client_secret`).
 */
function readByName(f: Field, text: string): boolean {
  if (!READ_BY_NAME.test(text.slice(Math.max(0, f.start - 60), f.start))) return false;
  return !WRITTEN_ENTRY.test(text.slice(f.start + f.name.length, f.start + f.name.length + 12));
}

// A value that is a bare local or parameter (`new MarketplaceWebServiceOrdersClient(accessKey,
// secretKey, …)`, `{ clientSecret }`, `AWS_SECRET_ACCESS_KEY = awsSecretKey`): data passed along,
// whose record is wherever it was read (LABELING: a value passed through a helper is not the
// record). A column named in SQL (`AWS_SECRET_KEY`) is no local.
const LOCAL = /^\$?[a-z_][\w$]{0,60}$/i;

/** The line holding `at` (at most 400 characters of it). */
function lineOf(ctx: ScanContext, at: number): string {
  const line = ctx.index.lineOf(at);
  const start = ctx.index.lineStart(line);
  return ctx.text.slice(start, Math.min(ctx.index.lineEnd(line, ctx.text), start + 400));
}

/**
 * True when the field's value shows no record the file carries: a bare local or parameter (see
 * {@link LOCAL}; a quoted name is a key, not a local), the object's own member, or a placeholder.
 */
function showsNoRecord(f: Field, text: string, resolve: TextResolve): boolean {
  // (The object's own member, `this.SecretKey`, `self.aws_secret_key`: its class declares the
  // field, and that declaration is the file's candidate or record.)
  if (f.shape === 'ref' && isOwnMember(f.value)) return true;
  // (Options passed on, `sign($options['client_secret'])`, `Send(_settings.AwsSecretAccessKey)`: a
  // caller's or the program's own settings, not a record. Unless the bag was read out of a stored
  // row: `$config = $integracao->configuracoes` after `Integracao::where(…)->first()`.)
  if (f.passedOn === true && isBareOptionBag(memberPath(f.value)[0] ?? '') && !fromStoredRow(f, resolve)) return true;
  // (Nor is an assumed role's temporary key, `$role->getSecretAccessKey()`: STS issues it to the
  // program; nor a key read from the developer's account or region, passed on or not.)
  if (f.shape === 'ref' && PASSED_OWN.test(memberPath(f.value)[0] ?? '')) return true;
  // (A placeholder is a sample's, `"clientSecret": "your-amazon-client-secret"` in a seed: blank is
  // a form's initial state, a placeholder text is documentation.)
  if (f.shape === 'empty' && !BLANK.test(f.value)) return true;
  // (Nor is the object's own member set blank, `self.secret_key = ''` in a client's `__init__`,
  // `this.secretKey = null`: a default its caller overwrites; the caller's record is the one.)
  if (f.shape === 'empty' && OWN_MEMBER_BEFORE.test(text.slice(Math.max(0, f.start - 12), f.start))) return true;
  // (Nor is a parameter's own type, `constructor(private readonly config: { lwaClientSecret: string })`:
  // a parameter list, whoever fills it.)
  if (f.shape === 'decl' && inParameterType(text, f.start)) return true;
  return (
    (f.shape === 'ref' || f.shape === 'other') &&
    LOCAL.test(f.value) &&
    // (A constant passed on, `new MarketplaceWebServiceOrders_Client(AWS_ACCESS_KEY_ID,
    // AWS_SECRET_ACCESS_KEY, …)`, is a program's own setting, as a local is.)
    (!isCapitalsName(f.value) || (f.shape === 'other' && f.value === f.name)) &&
    (!/["'`]/.test(text.charAt(f.start - 1)) || keyedParameter(f, text, resolve))
  );
}

// A dict or object literal assigned to the object's member or a local: `self.credentials = {`,
// `this.creds = {`, `credentials = {` (read up to its opening brace).
const ASSIGNED_LITERAL = /(?:^|[\s;])(?:(?:self|this)\.)?[A-Za-z_$][\w$]{0,60}\s{0,4}=\s{0,4}\{[^{}()]{0,400}$/;

/**
 * True when a quoted key's value is a parameter no call in the text binds, in a dict or object
 * assigned to the object's member or a local and no model write nearby (`self.credentials =
 * {'lwa_client_secret': lwa_client_secret}` in `__init__(self, …, lwa_client_secret)`): a client's
 * copy of its caller's values. A quoted key elsewhere is written somewhere (`insert_one({…})`,
 * `doc_ref.set({…})`, `put_item(Item={…})`), so it keeps its value.
 */
function keyedParameter(f: Field, text: string, resolve: TextResolve): boolean {
  return (
    resolve.unboundParameter(f.value) &&
    ASSIGNED_LITERAL.test(text.slice(Math.max(0, f.start - 480), f.start)) &&
    !isStoreWrite(f.recordName) &&
    !WRITE_NEARBY.test(text.slice(Math.max(0, f.start - 300), f.start + 600))
  );
}

// A parameter's name and its type's opening brace, inside a function's or constructor's parameter
// list: `constructor(private readonly config: {`, `function connect(opts: {`, an arrow function's
// `login: (creds: {` or `= async (creds: {` (at most 160 characters read before the brace).
const PARAMETER_TYPE =
  /(?:\bconstructor|\bfunction\s{0,4}[\w$]{0,60}|[\w$]{1,60}|[=:]\s{0,4}(?:async\s{1,4})?)\s{0,4}\((?:[^()]{0,80},)?\s{0,40}(?:(?:private|public|protected|readonly)\s{1,4}){0,2}[\w$]{1,60}\??\s{0,4}:\s{0,4}$/;

/** True when the declared field at `at` is a member of a parameter's inline type (see {@link PARAMETER_TYPE}). */
function inParameterType(text: string, at: number): boolean {
  const span = entrySpan(text, at);
  return span !== undefined && PARAMETER_TYPE.test(text.slice(Math.max(0, span.start - 160), span.start));
}

// Roots of keys read that are never a stored record's: options (`isBareOptionBag`), an
// assumed role's or STS's temporary credentials, the developer's keys for a region or a
// developer account (`$region['secret_key']`, `devAccount.secretKey`).
const PASSED_OWN = new RegExp(
  `^_{0,2}(?:\\w{0,30}role|sts\\w{0,30}|assumed\\w{0,30}|\\w{0,20}region\\w{0,10}|dev(?:eloper)?|${DEVELOPER_OBJECT.source})$`,
  'i',
);

// The object's own member just before a field's name: `self.`, `this.`, `$this->`, Ruby's `@`.
const OWN_MEMBER_BEFORE = /(?:(?<![\w$])(?:self|this)\.|\$this->|(?<![\w@])@)$/;

// A blank value: nothing at all, or an empty string, list or object.
const BLANK = /^(?:["'`]{2}|null|nil|None|undefined|\[\]|\{\})?$/;

/**
 * The file's project candidate: its first seller secret that may be carried (see {@link CARRIED})
 * in a text that also handles a seller's id or token, listing the secret fields the file names.
 * `fields` are the key-record fields the `shared-credentials` detector read (already without the
 * fields a program holds for itself and another marketplace's generic keys).
 */
export function projectCandidate(
  fields: readonly Field[],
  ctx: ScanContext,
  resolve: TextResolve,
): RawFinding | undefined {
  // Only Amazon's keys (another marketplace's `secretKey` beside its `sellerId` is not), and never
  // an installation's own configuration file or a template of one, whose values are the program's own.
  if (!ctx.hasAmazonContext && !AMAZON_PATH.test(ctx.path)) return undefined;
  if (CONFIG_PATH.test(ctx.path) || TEMPLATE_PATH.test(ctx.path)) return undefined;
  // Without a seller id or token of its own, a file carries a seller's secret only as part of a
  // record it names (`AmazonSettings $amazonSetting`, `this.store.secret_key`): it is confirmed
  // only by a type-A record of one of those names (`links`). A document names no record.
  const linked = !fields.some((f) => SELLER_ROLES.has(f.role));
  if (linked && DOCUMENT_PATH.test(ctx.path)) return undefined;
  const carried = fields.filter(
    (f) =>
      SECRET_ROLES.has(f.role) &&
      CARRIED.has(f.shape) &&
      // (Not punctuation with no value in it, a pattern's `AMAZON_CLIENT_SECRET=.*/`; an SQL placeholder `?` is one.)
      (f.shape !== 'other' || /[\w$"'`?]/.test(f.value)) &&
      // A positional argument named for the environment variable it reads (`process.env.MWS_SECRET_KEY`).
      // (A settings bag read out of a stored row is the row's: `$config['client_secret']` after
      // `$config = $integracao->configuracoes`, `stored-rows.ts`.)
      ((classifyValue(f.value) !== 'env' && !readByName(f, ctx.text)) || fromStoredRow(f, resolve)) &&
      !showsNoRecord(f, ctx.text, resolve) &&
      // A local assigned from the environment (`env_client_secret = os.environ.get("LWA_CLIENT_SECRET")`).
      !(LOCAL.test(f.value) && classifyValue(resolve(f.value) ?? '') === 'env') &&
      !filledByCaller(f, ctx.text, resolve) &&
      // (Nor a read of the program's configuration, `app.clientSecret` after `app = amazonAppConfig()`,
      // also through a local object written out of it, `credentials.client_secret` after
      // `const credentials = { client_secret: config.amazon.clientSecret }`.)
      !readsConfigObject(f.value, resolve) &&
      !ownLiteralEntry(f, ctx.text, resolve) &&
      // (Nor what the command line gives a worker, `getArg('lwa_client_secret')`: its caller's.)
      !readsCommandLine(f.value) &&
      !EXPECTATION.test(f.recordName.trimEnd()) &&
      !DEVELOPER.test(f.recordName) &&
      // (Also when its own line says so: `client_secret varchar(100) COMMENT 'developer account client secret'`.)
      !DEVELOPER.test(lineOf(ctx, f.start)),
  );
  const passed = carried.filter((f) => passedByCaller(f, fields, ctx.text, resolve));
  let secrets = carried.filter((f) => !passed.includes(f));
  // (A key read from a parameter is its callers', unless the parameter's type names the record:
  // `getAccessToken(ctx, creds domain.ChannelCredentials)`. Then only a type-A record of that
  // name confirms it.)
  const types = secrets.length === 0 ? passedTypes(passed, ctx.text) : [];
  if (types.length > 0) secrets = passed;
  // Where the file shows the keys most plainly: in a record that also holds the seller's id or
  // token, declared (a column, a DTO, a form's field) rather than read or computed.
  const sellerRecords = new Set(fields.filter((f) => SELLER_ROLES.has(f.role)).map((f) => f.record));
  const rank = (f: Field): number => (sellerRecords.has(f.record) ? 0 : 4) + SHAPE_RANK[f.shape];
  const first = secrets.reduce<Field | undefined>(
    (best, f) => (best === undefined || rank(f) < rank(best) ? f : best),
    undefined,
  );
  if (!first) return undefined;
  const names = new Map<string, string>();
  for (const f of secrets) if (!names.has(normalizeName(f.name))) names.set(normalizeName(f.name), f.name);
  const container = describeContainer(first.recordName);
  const links = types.length > 0 ? types : linked ? recordNamesIn(ctx.text, secrets) : undefined;
  if (links?.length === 0) return undefined;
  return {
    kind: 'shared-credentials',
    severity: 'warning',
    start: first.start,
    end: first.end,
    secret: `field:${normalizeName(first.recordName)}:${normalizeName(first.name)}:${first.value}`,
    detail: first.name,
    typeA: {
      form: 'project',
      hybrid: false,
      api: first.role === 'lwa-client-secret' ? 'sp-api' : 'mws',
      records: 1,
    },
    ...(container ? { container } : {}),
    fields: [...names.values()],
    ...(links ? { links } : {}),
  };
}

// A model write near a field: `.update(`, `.save()`, `.upsert(`, `->save()`, `::create(`.
const WRITE_NEARBY =
  /(?:\.|->|::)(?:save|update|upsert|create|insert|updateOrCreate|findByIdAndUpdate|findOneAndUpdate)\w{0,12}\s{0,4}\(/;

/**
 * True when a key is read from a parameter no call in the text binds (`creds.clientSecret` in
 * `getAccessToken(creds)`, `$config['client_secret']` in `sign(array $config)`), into anything but
 * a model write: a value its callers pass, whose record is wherever they read it (LABELING: a value
 * passed through a helper is not the record). A write (`Integration::updateOrCreate([… =>
 * $credentials['client_secret']])`) keeps it, whoever passed it.
 */
function passedByCaller(f: Field, fields: readonly Field[], text: string, resolve: TextResolve): boolean {
  if (f.shape !== 'ref') return false;
  // (Also a record nested in the write's: `updateOrCreate([…, 'settings' => ['client_secret' => …]])`;
  // and a write beside it: Prisma's `update({ data: { … } })`, setters then `store.save()`.)
  if (isStoreWrite(f.recordName) || fields.some((g) => g.record === f.parentRecord && isStoreWrite(g.recordName)))
    return false;
  if (WRITE_NEARBY.test(text.slice(Math.max(0, f.start - 300), f.start + 600))) return false;
  const path = memberPath(f.value);
  const root = path[0];
  if (root === undefined || path.length < 2) return false;
  // (PHP names its parameters with their `$`: `memberPath` drops it.)
  return resolve.unboundParameter(f.value.trimStart().startsWith('$') ? `$${root}` : root);
}

/**
 * True when a class's declared member is filled from what its caller passes (`this.clientSecret =
 * credentials.clientSecret` in `constructor(credentials: Record<string, string>)`): a client's copy
 * of its caller's values, whose record is wherever the caller read them.
 */
function filledByCaller(f: Field, text: string, resolve: TextResolve): boolean {
  if (f.shape !== 'decl') return false;
  for (const own of [`this.${f.name}`, `self.${f.name}`, `$this->${f.name}`]) {
    const filled = firstAssignment(text, own)?.value.trim();
    if (filled === undefined) continue;
    const root = memberPath(filled)[0];
    return (
      root !== undefined &&
      IDENTIFIER.test(root) &&
      (resolve.unboundParameter(root) || resolve.unboundParameter(`$${root}`))
    );
  }
  return false;
}

/**
 * The record types of the parameters the keys are read from (see `parameter-types.ts`), as
 * `links` name records: normalized, without a plural `s`.
 */
function passedTypes(passed: readonly Field[], text: string): string[] {
  // (Each root at its first read: the declaration nearest before it is the read's.)
  const roots = new Map<string, number>();
  for (const f of passed) {
    const root = memberPath(f.value)[0] ?? '';
    const name = f.value.trimStart().startsWith('$') ? `$${root}` : root;
    if (!roots.has(name)) roots.set(name, f.start);
  }
  const types = new Set<string>();
  // (Each root's type reads a bounded window before its read: at most MAX_TYPED_ROOTS of them.)
  for (const [root, at] of [...roots].slice(0, MAX_TYPED_ROOTS)) {
    const type = parameterType(text, root, at);
    if (type !== undefined) types.add(normalizeName(type).replace(/s$/, ''));
  }
  return [...types];
}
const MAX_TYPED_ROOTS = 4;

// How far after a local's object literal opens its entries are read, and how far before a read
// the literal is looked for.
const LITERAL_REACH = 800;
const LITERAL_BEFORE = 3000;

/**
 * True when a key is read from a local assigned an object written out in the text, whose entry of
 * that name is the program's own: the environment, its configuration bag or object
 * (`const credentials = { client_secret: config.amazon.clientSecret }`, then
 * `credentials.client_secret`).
 */
function ownLiteralEntry(f: Field, text: string, resolve: TextResolve): boolean {
  if (f.shape !== 'ref') return false;
  const path = memberPath(f.value);
  const [root, key] = path;
  if (path.length !== 2 || root === undefined || key === undefined || !IDENTIFIER.test(root) || !IDENTIFIER.test(key))
    return false;
  if (!resolve(root)?.trimStart().startsWith('{')) return false;
  // (The literal is written before the read: read in a bounded window before it, each time.)
  const before = text.slice(Math.max(0, f.start - LITERAL_BEFORE), f.start);
  const opened = new RegExp(`\\b${root.replace(/\$/g, '\\$')}\\s{0,4}(?::[^=\n]{0,80})?=\\s{0,4}\\{`).exec(before);
  if (opened === null) return false;
  const from = opened.index + opened[0].length;
  const body = before.slice(from, from + LITERAL_REACH);
  const entry = new RegExp(`(?:^|[\\s,{])["']?${key.replace(/\$/g, '\\$')}["']?\\s{0,4}:\\s{0,4}([^,\n}]{1,120})`)
    .exec(body)?.[1]
    ?.trim();
  if (entry === undefined) return false;
  return (
    classifyValue(entry) === 'env' || isBareOptionBag(memberPath(entry)[0] ?? '') || readsConfigObject(entry, resolve)
  );
}

// Documentation: it shows how to use a record, it carries none.
const DOCUMENT_PATH = /\.(?:md|markdown|mdx|rst|txt|adoc)$/i;
// Type names of two words or more (`AmazonSettings`, `AmazonAuthority`, `OrganizationApiKeysUpdate`).
const TYPE_NAME = /\b[A-Z][a-z0-9]{1,30}(?:[A-Z][a-z0-9]{0,30}){1,6}\b/g;
const MAX_LINKS = 200;

/**
 * The names of the records a file refers to, normalized as `normalizeName` does and without a
 * plural `s`: the objects its secrets are read from (`amazonSetting` of `$amazonSetting->secret_key`,
 * `store` of `this.store.secret_key`) and its type names. At most {@link MAX_LINKS}.
 */
function recordNamesIn(text: string, secrets: readonly Field[]): string[] {
  const names = new Set<string>();
  const add = (name: string): void => {
    const n = normalizeName(name).replace(/s$/, '');
    if (n.length > 4) names.add(n);
  };
  for (const f of secrets) for (const owner of memberPath(f.value).slice(0, -1)) add(owner);
  TYPE_NAME.lastIndex = 0;
  for (let m = TYPE_NAME.exec(text); m !== null && names.size < MAX_LINKS; m = TYPE_NAME.exec(text)) add(m[0]);
  return [...names];
}
