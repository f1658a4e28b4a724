import { describeContainer } from '../containers.js';
import type { Field } from '../structure.js';
import { extractFields } from '../structure.js';
import { judgeRecords } from '../type-a-records.js';
import type { TypeARecord } from '../type-a-records.js';
import type { Evidence } from '../type-a-evidence.js';
import {
  constructorGiven,
  goReceivers,
  isLibraryPath,
  notSelfHeld,
  readsConstructorGiven,
} from '../self-held-fields.js';
import { notOwnTokenRequest } from '../token-requests.js';
import { configInjection, mayInjectConfig } from '../injected-config.js';
import {
  amazonKeysOnly,
  isAmazonAdsText,
  isAmazonPayText,
  isOtherAwsText,
  isProductAdvertisingText,
  SELLING_PARTNER,
} from '../other-apis.js';
import { findLwaTokens } from '../lwa-tokens.js';
import { holdsMwsAuthToken } from './mws-auth-token.js';
import type { Detector, RawFinding, ScanContext } from '../types.js';
import { loopVariables } from '../loop-variables.js';
import { isTestPath } from '../test-paths.js';
import { isKeyRole, normalizeName } from '../names.js';
import { projectCandidate } from '../project-candidates.js';
import { textResolver } from '../text-resolver.js';
import type { TextResolve } from '../text-resolver.js';
import { readsStoredRow } from '../tenant-lookups.js';
import { CONFIG_BAG, OWNER_FILTER } from '../stored-rows.js';
import { readsConfigObject, SETTINGS_CALL, SETTINGS_ROW } from '../type-a-evidence.js';
import { withoutBlankFallback } from '../conversions.js';

/**
 * The type-A anti-pattern: a seller's own access/secret keys held per seller instead of the
 * Seller ID + MWS Auth Token the seller gives to an authorized developer. Found structurally
 * (see `structure.ts`): a record that holds a seller identifier (or is itself a seller/tenant
 * record) together with key fields; a collection of per-seller key pairs; an MWS request with
 * `SellerId`/`Merchant` and `AWSAccessKeyId` but no `MWSAuthToken` whose keys are hard-coded or
 * come from the seller's record. The correct pattern (the integrator's own keys from env or a
 * secret store, per-seller `sellerId` + `mwsAuthToken`) and per-region developer keys are never
 * reported. docs/kinds/shared-credentials.md.
 */

/**
 * The key fields of the type-A records among `fields` (see `type-a-records.ts`). Shared with AST
 * adapters, which build {@link Field}s from their own trees.
 */
export function findSharedCredentialFields(
  fields: readonly Field[],
  resolve?: (name: string) => string | undefined,
): Field[] {
  return judgeRecords(fields, resolve ? { resolve } : {}).map((r) => r.field);
}

/**
 * What the message names: the record holding the keys (when its opening text names it) and the
 * key fields it holds, each name once, in source order. `keyNames` is {@link keyNamesByRecord}.
 */
function messageFacts(
  key: Field,
  keyNames: ReadonlyMap<string, Map<string, string>>,
): Pick<RawFinding, 'container' | 'fields'> {
  const container = describeContainer(key.recordName);
  const names = new Map(keyNames.get(key.record));
  if (!names.has(normalizeName(key.name))) names.set(normalizeName(key.name), key.name);
  return { ...(container ? { container } : {}), fields: [...names.values()] };
}

/** The key fields of every record (normalised name → name as first written), in one pass. */
function keyNamesByRecord(fields: readonly Field[]): Map<string, Map<string, string>> {
  const byRecord = new Map<string, Map<string, string>>();
  for (const f of fields) {
    if (f.role !== 'secret-key' && f.role !== 'access-key' && f.role !== 'lwa-client-secret') continue;
    const names = byRecord.get(f.record) ?? new Map<string, string>();
    byRecord.set(f.record, names);
    const id = normalizeName(f.name);
    if (!names.has(id)) names.set(id, f.name);
  }
  return byRecord;
}

// A file in an `mws/` or `amazon/` folder, or named for them: its generic `key` and `secret`
// fields are MWS keys. Only the file's folder and name are read, so that every surface decides
// alike whatever path (relative or absolute) it passes.
const MWS_FOLDER = /mws|amazon/i;

// A self-hosted shop's own settings page: the WordPress Settings API (a form posted to `options.php`,
// `settings_fields(…)`, `register_setting(…)`), settings fields a plugin adds through a settings hook
// (`add_filter( 'edd_settings_gateways', … )`), a Magento module's admin configuration
// (`etc/adminhtml/system.xml`: `<system><section id="…">`), or a Frappe single doctype (one
// record per site, `"issingle": 1`; a list doctype's records are rows, one per account).
const SITE_SETTINGS =
  /action\s*=\s*\\?["']options\.php\\?["']|\bsettings_fields\s*\(|\bregister_setting\s*\(|\badd_(?:filter|action)\s*\(\s*["'][\w-]{0,60}settings|<system>\s{0,200}<section\b|"issingle"\s{0,4}:\s{0,4}1\b/;

// A row keyed by a literal platform and nothing else: Prisma `findUnique({ where: { platform: 'amazon' } })`,
// Supabase `.eq("channel", "AMAZON").maybeSingle()`, Eloquent `->where('marketplace', 'amazon')`.
const PLATFORM_KEY =
  /\.eq\(\s{0,4}["'](?:channel|platform|marketplace|provider|integration|service)["']\s{0,4},\s{0,4}["']amazon[\w-]{0,20}["']\s{0,4}\)|\bwhere\s{0,4}:\s{0,4}\{\s{0,4}(?:channel|platform|marketplace|provider|integration|service)\s{0,4}:\s{0,4}["']amazon[\w-]{0,20}["']\s{0,4}\}|->where\(\s{0,4}["'](?:channel|platform|marketplace|provider)["']\s{0,4},\s{0,4}["']amazon\w{0,20}["']\s{0,4}\)/gi;
/**
 * True when the text reads or writes a row by a literal Amazon platform key and no owner in the
 * same statement: one row per platform, the installation's own settings (LABELING's ruling on a
 * table whose rows are unique per platform). At most 20 such keys read.
 */
function onePlatformRow(text: string): boolean {
  // (Any owner in the text, a write's `user_id: user.id`, a builder filtered by the user in an
  // earlier statement, row-level security's session, makes the rows per owner.)
  if (USER_OWNED.test(text) || OWNER_KEY.test(text)) return false;
  PLATFORM_KEY.lastIndex = 0;
  let reads = 0;
  let found = false;
  for (let m = PLATFORM_KEY.exec(text); m !== null && reads < 20; m = PLATFORM_KEY.exec(text), reads++) {
    const from = Math.max(text.lastIndexOf(';', m.index), text.lastIndexOf('\n\n', m.index), m.index - 300, 0);
    const next = text.indexOf(';', m.index + m[0].length);
    const to = Math.min(next === -1 ? text.length : next, m.index + m[0].length + 200);
    // (Every such read unowned: one with an owner is that owner's row.)
    if (OWNER_FILTER.test(text.slice(from, m.index) + text.slice(m.index + m[0].length, to))) return false;
    found = true;
  }
  return found;
}

// The one row of a settings model (`type-a-evidence.ts`' `SETTINGS_ROW`), loaded into a local
// (`$setting = Setting::first();`) or written at once (`Setting.instance.update(setting_params)`).
const SETTINGS_ROW_LOAD = new RegExp(SETTINGS_CALL);
const SETTINGS_ROW_LOCAL = new RegExp(String.raw`(\$?[A-Za-z_]\w{0,40})\s{0,4}=\s{0,4}${SETTINGS_ROW}(?![\w$(])`, 'g');
const SETTINGS_ROW_WRITE = new RegExp(String.raw`\b${SETTINGS_ROW}\s{0,4}(?:->|\.)(?:update|fill|update_attributes)\b`);
// The signed-in user, whose own rows a controller writes (`current_user`, `Auth::id()`, `request.user`).
const SIGNED_IN = /\bcurrent_user\b|\bAuth::|\bauth\(\)|\brequest\.user\b|\breq\.user\b/;

/**
 * True when the text writes the one row of a settings model, with no owner anywhere (see
 * {@link SETTINGS_ROW}): a settings page saving the installation's own keys, whatever the form
 * submitted (`$setting->update(['mws_secret_key' => $request->input('mws_secret_key')])`). At most
 * 8 such loads read.
 */
function settingsRowWrite(text: string): boolean {
  // (A cheap look for the load itself first: most texts have none.)
  if (!SETTINGS_ROW_LOAD.test(text)) return false;
  if (USER_OWNED.test(text) || OWNER_KEY.test(text) || SIGNED_IN.test(text) || writesOtherModel(text)) return false;
  if (SETTINGS_ROW_WRITE.test(text)) return true;
  SETTINGS_ROW_LOCAL.lastIndex = 0;
  let loads = 0;
  for (let m = SETTINGS_ROW_LOCAL.exec(text); m !== null && loads < 8; m = SETTINGS_ROW_LOCAL.exec(text), loads++) {
    const name = m[1] ?? '';
    // (The local's own write: `$setting->update(`, `setting.save`; not `user_setting.update(`.)
    const write = new RegExp(
      `(?<![\\w$])${name.replace('$', '\\$')}(?:->|\\.)(?:update!?|save|fill|update_attributes)(?!\\w)`,
    );
    if (write.test(text.slice(m.index + m[0].length))) return true;
  }
  return false;
}

// A model the text creates or writes besides the settings row (`new AmazonAccount(`,
// `AmazonAccount::create(`, `Shop.objects.create(`): its keys are judged as any record's.
const MODEL_WRITE =
  /\bnew\s{1,4}([A-Z]\w{0,40})\s{0,4}\(|\b([A-Z]\w{0,40})(?:::|\.)(?:create|updateOrCreate|firstOrCreate|insert)\s{0,4}\(|\b([A-Z]\w{0,40})\.objects\.(?:create|update_or_create|get_or_create)\(/g;
const SETTINGS_MODEL = /Config|Setting|Preference/;

/** True when the text creates or writes a model other than a settings one (see {@link MODEL_WRITE}); at most 16 read. */
function writesOtherModel(text: string): boolean {
  MODEL_WRITE.lastIndex = 0;
  let writes = 0;
  for (let m = MODEL_WRITE.exec(text); m !== null && writes < 16; m = MODEL_WRITE.exec(text), writes++) {
    const model = m[1] ?? m[2] ?? m[3] ?? '';
    if (!SETTINGS_MODEL.test(model) && !/^(?:Date|Error|Map|Set|URL|Promise|Response|Request|Exception)/.test(model))
      return true;
  }
  return false;
}

// Rows tied to the app's users or tenants: a `user_id`, `org_id`, `tenant_id`, `store_id` column or
// key, a foreign key or relation to `users`, an organisation, a tenant, a store or a shop (Django
// `ForeignKey(User)`, Mongoose `ref: 'User'`, TypeORM `@ManyToOne(() => Store)`, Rails `t.references :user`).
const OWNER_WORDS = 'User|Owner|Org|Organi[sz]ation|Tenant|Company|Workspace|Store|Shop|Loja|Empresa|Tienda';
const OWNERS = `(?:${OWNER_WORDS})`;
const USER_OWNED = new RegExp(
  `\\b${OWNERS}_?id\\b|\\busers\\.id\\b|ForeignKey\\(\\s*["']?${OWNERS}\\b|\\bref:\\s*["']${OWNERS}["']|@ManyToOne\\(\\s*\\(\\)\\s*=>\\s*${OWNERS}\\b|\\b(?:references|belongs_to)\\s+:${OWNERS}\\b`,
  'i',
);

// An owner's key or the signed-in user anywhere: `user_id`, `userId`, `team_id`, `auth.uid()`,
// `session.user`, `user.id`. (Not a seller's or an OAuth client's id: the one row holds those.)
const OWNER_KEY = new RegExp(
  `\\b(?:${OWNER_WORDS}|customer|team|profile|member|vendor|brand)_?id\\b|\\bauth\\.uid\\b|\\bsession\\.user\\b|\\buser\\.id\\b|\\bcreated_by\\b`,
  'i',
);

// A table's declaration (`CREATE TABLE amazon_connections (`): in a text of several, each table's
// owner columns are its own (at most 200 read).
const CREATE_TABLE = /\bcreate\s{1,4}(?:temporary\s{1,4})?table\b/gi;

/**
 * Whether the row around an offset is tied to the app's users (see {@link USER_OWNED}): the whole
 * text, or in a text declaring several tables, the table declared around the offset
 * (`account_id` in `amazon_connections` does not make `amazon_global_credentials` a user's).
 */
function ownedRows(text: string): (at: number) => boolean {
  const whole = USER_OWNED.test(text);
  const tables: number[] = [];
  CREATE_TABLE.lastIndex = 0;
  for (let m = CREATE_TABLE.exec(text); m !== null && tables.length < 200; m = CREATE_TABLE.exec(text))
    tables.push(m.index);
  if (tables.length < 2 || !whole) return () => whole;
  const owned = new Map<number, boolean>();
  const ownedTable = (start: number): boolean => {
    let own = owned.get(start);
    if (own === undefined) owned.set(start, (own = tableOwned(text, text.slice(start, text.indexOf(';', start)))));
    return own;
  };
  return (at) => {
    const start = tables[tables.findLastIndex((t) => t <= at)];
    const end = start === undefined ? -1 : text.indexOf(';', start);
    if (start !== undefined && end !== -1 && at <= end) return ownedTable(start);
    // (A row written into one of the tables, `INSERT INTO amazon_settings …`, is that table's;
    // other code around the tables reads the whole text.)
    const written = WRITTEN_TABLE.exec(text.slice(Math.max(0, text.lastIndexOf(';', at) + 1, at - 300), at))?.[1];
    const table =
      written === undefined ? undefined : tables.find((t) => TABLE_NAME.exec(text.slice(t, t + 200))?.[1] === written);
    return table === undefined ? whole : ownedTable(table);
  };
}

// A statement writing rows into a table: `INSERT INTO public.amazon_settings (`, `UPDATE "shops" SET`.
const WRITTEN_TABLE = /\b(?:insert\s{1,4}into|update)\s{1,4}(?:[`"[]?\w{1,64}[`"\]]?\.)?[`"[]?(\w{1,64})/i;

// A table's name after `CREATE TABLE` (its last part: `"public"."amazon_keys"` is `amazon_keys`).
const TABLE_NAME = /table\s{1,4}(?:if\s{1,4}not\s{1,4}exists\s{1,4})?(?:[`"[]?\w{1,64}[`"\]]?\.)?[`"[]?(\w{1,64})/i;

/**
 * Whether one table of a text of several is tied to an owner: by its own columns or, where it
 * refers to another table, another refers to it or a later statement alters it (`REFERENCES`,
 * `ALTER TABLE … ADD`), by the text's (an owner reached through a join or a chain).
 */
function tableOwned(text: string, block: string): boolean {
  if (USER_OWNED.test(block)) return true;
  const name = TABLE_NAME.exec(block)?.[1];
  if (name === undefined || /\breferences\b/i.test(block)) return true;
  const mention = new RegExp(
    `\\b(?:references|alter\\s{1,4}table(?:\\s{1,4}if\\s{1,4}exists)?)\\s{1,4}(?:[\`"[]?\\w{1,64}[\`"\\]]?\\.)?[\`"[]?${name}\\b[^;]{0,300}`,
    'gi',
  );
  // (Row-level security, `ALTER TABLE … ENABLE ROW LEVEL SECURITY`, adds no column.)
  return (text.match(mention) ?? [])
    .slice(0, 20)
    .some((m) => !/\benable\s{1,4}row\s{1,4}level\s{1,4}security\b/i.test(m));
}

// An application's models folder: ASP.NET MVC and Laravel `Models/`, `entities/` of ORMs.
const MODEL_FOLDER = /(?:^|[/\\])(?:Models|models|entities|Entities|entity)[/\\]/;

// A seller id read from an object: `marketPlace.getSellerId()`, `cfg.seller_id`, `$row->merchantId`.
const SELLER_READ = /([a-z_$][\w$]{0,40})\s{0,4}(?:\.|->)\s{0,4}(?:get)?(?:seller_?id|merchant_?id)\b/gi;
// An MWS auth token read from an object: `mws.getAuthToken()`, `$account->mws_auth_token`.
const TOKEN_READ = /([a-z_$][\w$]{0,40})\s{0,4}(?:\.|->)\s{0,4}(?:get)?(?:mws_?)?auth_?token\b/gi;

/** The objects a text reads a value from by `pattern` (at most 50 reads looked at). */
function readOwners(text: string, pattern: RegExp): Set<string> {
  const owners = new Set<string>();
  pattern.lastIndex = 0;
  let reads = 0;
  for (let m = pattern.exec(text); m !== null && reads < 50; m = pattern.exec(text), reads++) {
    if (m[1] !== undefined) owners.add(m[1]);
  }
  return owners;
}

// A typed member recording when a row was created or changed (C# `public DateTime? CreatedDate`,
// Java `private Date gmtModified;`): see `RecordFacts.auditedRows`.
const AUDITED_ROW =
  /\b(?:DateTime(?:Offset)?|Date|LocalDateTime|Timestamp|Instant)\??\s{1,20}(?:created|modified|updated|gmtCreate|gmtModified|createTime|updateTime)(?:_?(?:date|on|at|time))?\b/i;

function lastSegments(path: string): string {
  const parts = path.split(/[/\\]/);
  return parts.slice(-2).join('/');
}

/**
 * A field named like a key whose literal value in the text is a token holds that token: an app
 * that reuses an `AWSkey` column for the seller's MWS Auth Token (`AWSkey: "amzn.mws.…"`). Every
 * field of that name in the text is then a token field, the record's token, not its key.
 */
function withTokenRoles(fields: readonly Field[]): readonly Field[] {
  const tokenNames = new Map<string, Field['role']>();
  for (const f of fields) {
    if (f.shape !== 'literal' || (f.role !== 'access-key' && f.role !== 'secret-key')) continue;
    // (Read by the value kinds' own readers: `mws-auth-token`, `lwa-refresh-token`.)
    if (holdsMwsAuthToken(f.value)) tokenNames.set(normalizeName(f.name), 'auth-token');
    else if (findLwaTokens(f.value, 'Atzr', 'lwa-refresh-token', 'error').length > 0)
      tokenNames.set(normalizeName(f.name), 'refresh-token');
  }
  if (tokenNames.size === 0) return fields;
  return fields.map((f) => {
    const role = tokenNames.get(normalizeName(f.name));
    return role === undefined ? f : { ...f, role };
  });
}

function find(ctx: ScanContext): RawFinding[] {
  // (The resolver reads the text only when asked.)
  const resolve = textResolver(ctx.text);
  const fields = keyRecordFields(ctx, resolve);
  // (The text-wide reads below, loops and owners, are paid only by texts that may hold a record:
  // a key only passed on, `Field.passedOn`, is the project pass's alone.)
  if (fields.length === 0) return [];
  // (A self-hosted platform's own settings carry no seller's keys to another file either.)
  const siteSettings = SITE_SETTINGS.test(ctx.text);
  // The one row of the installation's Amazon settings: its fields are the program's own.
  if (/amazon/i.test(ctx.text) && onePlatformRow(ctx.text)) return [];
  // So is the one row of a settings model, written by its settings page.
  if (settingsRowWrite(ctx.text)) return [];
  const carried = (): RawFinding[] => {
    const candidate = siteSettings ? undefined : projectCandidate(fields, ctx, resolve);
    return candidate ? [candidate] : [];
  };
  if (!fields.some((f) => f.passedOn !== true && isKeyRole(f.role))) return carried();
  // One finding per line: `$account->secret_key = $request->input('secret_key')` is one record.
  const lines = new Set<number>();
  // (A library's class given its caller's account, `lib/…/client.rb`: an application's service
  // given a store, `app/services/…`, reads that store's keys.)
  const libraryCode = isLibraryPath(ctx.path);
  let given: ReadonlySet<string> | undefined;
  const judged = judgeRecords(fields, {
    resolve,
    amazon: ctx.hasAmazonContext,
    siteSettings,
    userOwned: ownedRows(ctx.text),
    modelFolder: MODEL_FOLDER.test(ctx.path),
    auditedRows: AUDITED_ROW.test(ctx.text),
    sellerReadOwners: readOwners(ctx.text, SELLER_READ),
    tokenReadOwners: readOwners(ctx.text, TOKEN_READ),
    loopVariables: loopVariables(ctx.text),
    callerGiven: (value) =>
      libraryCode && readsConstructorGiven(value, (given ??= constructorGiven(ctx.text)), ctx.text),
  }).filter((r) => {
    const line = ctx.index.lineOf(r.field.start);
    if (lines.has(line)) return false;
    lines.add(line);
    return true;
  });
  // No record of its own: the place where the file carries a seller's keys, which the project
  // pass reports only when another file of the project holds a type-A record (`project.ts`).
  if (judged.length === 0) return carried();
  const keyNames = keyNamesByRecord(fields);
  let mwsText: boolean | undefined;
  // Requests without an MWS Auth Token are the second judge's: `untokened-requests.ts`.
  return judged.map((record) => recordFinding(record, keyNames, () => (mwsText ??= mwsOnly(ctx))));
}

/**
 * The key-record fields of a text that may hold a type-A record, without the fields a program
 * holds for itself and another marketplace's generic keys; none when the text cannot hold one.
 */
function keyRecordFields(ctx: ScanContext, resolve: TextResolve): Field[] {
  // A type-A record holds a key field, and every key field's name holds one of these words.
  if (!ctx.hasSecretWord && !ctx.hasAccessKeyWord) return [];
  if (
    isProductAdvertisingText(ctx.text) ||
    isAmazonPayText(ctx.text) ||
    isAmazonAdsText(ctx.text) ||
    isOtherAwsText(ctx.text)
  )
    return [];
  // A test builds the records it exercises: no type-A structure (`test-paths.ts`).
  if (isTestPath(ctx.path)) return [];
  const extracted = extractFields(ctx.text, ctx.index, ctx.tabular, {
    requireKeyField: true,
    mwsPath: MWS_FOLDER.test(lastSegments(ctx.path)),
  });
  // (The text-wide reads below, Go receivers first, are paid only by texts that hold a key field.)
  if (extracted.length === 0) return [];
  const receivers = goReceivers(ctx.text);
  return withTokenRoles(injectedAsEnv(ctx.text, extracted))
    .filter((f) => !isAccessToken(f))
    .map((f) => storedBagAsRecord(f, resolve))
    .filter(notSelfHeld(ctx, receivers))
    .filter(notOwnTokenRequest(ctx, receivers))
    .filter(amazonKeysOnly(ctx.text, ctx.hasAmazonContext, ctx.path));
}

/**
 * A field read from a configuration-named bag that came out of a stored row or was fetched for one
 * owner (`$config = parent::buildConfigFromAccount($account)`): a read of that row, not of the
 * program's configuration.
 */
function storedBagAsRecord(f: Field, resolve: TextResolve): Field {
  if (f.shape !== 'env' || !CONFIG_BAG.test(f.value.trim())) return f;
  const value = withoutBlankFallback(f.value.trim());
  // (The one row of a settings model, `$this->settings = AppSetting::first()`, stays the program's own.)
  return readsStoredRow(value, resolve) && !readsConfigObject(value, resolve) ? { ...f, shape: 'ref', value } : f;
}

// An access token the program just obtained (`const token = await this.getAccessToken()`,
// `token = resp.json()["access_token"]`): an hour's LWA or STS token, not a seller's MWS Auth Token.
const ACCESS_TOKEN_VALUE = /access_?token/i;

/** True when a bare `token` field holds an access token (see {@link ACCESS_TOKEN_VALUE}). */
function isAccessToken(f: Field): boolean {
  return f.role === 'auth-token' && /^token$/i.test(f.name) && ACCESS_TOKEN_VALUE.test(f.value);
}

/** The fields a container fills from configuration (`injected-config.ts`), read as the environment's. */
function injectedAsEnv(text: string, fields: readonly Field[]): readonly Field[] {
  if (!mayInjectConfig(text)) return fields;
  const injected = configInjection(text);
  return fields.map((f) => (injected(f) ? { ...f, shape: 'env' } : f));
}

/** A type-A record's finding; `mwsText` says whether the text talks MWS only (read once, when an SP-API record asks). */
function recordFinding(
  { field: f, evidence, hybrid, api, records, tokenField, sellerId }: TypeARecord,
  keyNames: ReturnType<typeof keyNamesByRecord>,
  mwsText: () => boolean,
): RawFinding {
  return {
    kind: 'shared-credentials',
    severity: 'error',
    start: f.start,
    end: f.end,
    secret: `field:${normalizeName(f.recordName)}:${normalizeName(f.name)}:${f.value}`,
    detail: f.name,
    typeA: {
      form: evidence === 'request' ? 'request' : 'record',
      hybrid,
      api: api === 'sp-api' && mwsText() ? 'mws' : api,
      records,
      ...sourceOf(evidence, sellerId),
    },
    ...messageFacts(f, keyNames),
    ...(hybrid && tokenField !== undefined ? { tokenField } : {}),
  };
}

// What only an SP-API text names: a refresh token, LWA, the selling partner API, an LWA id's
// prefix, an IAM role's ARN. What only an MWS text names: its parameters, hosts and libraries
// (stricter than `ctx.hasMwsContext`, which counts a bare `SellerId` to word its messages).
const SP_API_WORDS = new RegExp(`${SELLING_PARTNER.source}|refresh_?token|\\blwa|amzn1\\.|role_?arn`, 'i');
const MWS_WORDS = /mws_?auth_?token|AWSAccessKeyId|amazonservices|MarketplaceWebService/i;

/**
 * True when the text talks MWS and names nothing of the SP-API: a "client secret" there is the
 * seller's MWS secret key (an Ext JS MWS settings form's `ClientSecret` beside `AWSAccessKeyId`
 * and `MWSAuthToken`), and the advice is MWS's.
 */
function mwsOnly(ctx: ScanContext): boolean {
  return MWS_WORDS.test(ctx.text) && !SP_API_WORDS.test(ctx.text);
}

/** What the message of a record with no named container says shows the keys are a seller's. */
function sourceOf(evidence: Evidence, sellerId: boolean): { source?: 'seller-id' | 'input' | 'record' } {
  if (sellerId) return { source: 'seller-id' };
  if (evidence === 'input') return { source: 'input' };
  return evidence === 'used' || evidence === 'read' ? { source: 'record' } : {};
}

/** Detector for `shared-credentials`. */
export const sharedCredentials: Detector = Object.freeze({
  kind: 'shared-credentials',
  keywords: ['seller', 'merchant', 'AWSAccessKeyId', 'tenant', 'account'],
  find,
  samples: {
    positive: [
      {
        text: 'CREATE TABLE sellers (\n  seller_id VARCHAR(20) PRIMARY KEY,\n  mws_access_key VARCHAR(20),\n  mws_secret_key VARCHAR(40)\n);',
        path: 'schema.sql',
        value: 'mws_secret_key',
        reason: 'per-seller secret key column',
      },
      {
        text: 'interface SellerAccount {\n  sellerId: string;\n  accessKeyId: string;\n  secretKey: string;\n}',
        path: 'seller.ts',
        value: 'secretKey',
        reason: 'type holding a seller id and its keys',
      },
      {
        text: 'const client = new HttpClient({\n  sellerId: seller.sellerId,\n  awsAccessKeyId: seller.accessKey,\n  secretKey: seller.secretKey,\n});',
        path: 'client.ts',
        value: 'secretKey',
        reason: "client built from the seller's own keys",
      },
      {
        text: "router.post('/connect', (req) => {\n  const sellerId = req.body.sellerId;\n  const secretKey = req.body.secretKey;\n});",
        path: 'routes.js',
        value: 'secretKey',
        reason: 'asks the seller for its secret key',
      },
      {
        text: "const keys = new Map([\n  ['A1B2C3D4E5F6G7', { accessKey: k1, secretKey: 'Kq7Zr1nV0bXwP3yH8sL5tA2mD9fG4jC6eU/oI+Rw' }],\n  ['A7G6F5E4D3C2B1', { accessKey: k2, secretKey: 'Rw8Zr1nV0bXwP3yH8sL5tA2mD9fG4jC6eU/oI+Kq' }],\n]);",
        path: 'keys.ts',
        value: 'secretKey',
        reason: 'a map keyed by seller id',
      },
      {
        text: "useForm({ defaultValues: { sellerId: '', accessKeyId: '', secretKey: '' } });",
        path: 'ConnectForm.tsx',
        value: 'secretKey',
        reason: "a form's blank fields ask for the seller's keys",
      },
      {
        text: "await ddb.put({ TableName: 'sellers', Item: { sellerId, accessKey, secretKey } });",
        path: 'store.ts',
        value: 'secretKey',
        reason: "a seller's keys stored together with its id",
      },
      {
        text: "db.query('SELECT tenant_id, access_key, secret_key FROM tenants');",
        path: 'repo.ts',
        value: 'secret_key',
        reason: 'a SELECT of per-tenant key columns',
      },
      {
        text: "@Entity()\nclass Seller {\n  @Column({ name: 'mws_access_key' }) accessKey: string;\n  @Column({ name: 'mws_secret_key' }) secret: string;\n}",
        path: 'seller.entity.ts',
        value: 'mws_secret_key',
        reason: 'columns named in their decorators',
      },
      {
        text: "// amazon sp-api\nconst res = await axios.post(LWA_URL, {\n  grant_type: 'refresh_token',\n  refresh_token: store.refreshToken,\n  client_id: store.lwaClientId,\n  client_secret: store.lwaClientSecret,\n  seller_id: store.sellerId,\n});",
        path: 'token.ts',
        value: 'client_secret',
        reason: "a token request filled from the seller's stored record",
      },
    ],
    negative: [
      {
        text: 'const client = new HttpClient({\n  awsAccessKeyId: process.env.MWS_ACCESS_KEY_ID,\n  secretKey: process.env.MWS_SECRET_KEY,\n  sellerId: seller.sellerId,\n  mwsAuthToken: seller.mwsAuthToken,\n});',
        path: 'client.ts',
        reason: 'type B: own keys from env, per-seller id + token',
      },
      {
        text: '$sql = "INSERT INTO api_walmart (store_id, consumer_id, secret_key) VALUES (:store_id, :consumer_id, :secret_key)";',
        path: 'core/classes/Walmart/Walmart.php',
        reason: "another marketplace's generic key: nothing names Amazon, MWS or a seller id",
      },
      {
        text: 'export class RequestAccessTokenDto {\n  grant_type: string;\n  refresh_token: string;\n  client_id: string;\n  client_secret: string;\n  selling_partner_id: string;\n}',
        path: 'token.dto.ts',
        reason: 'the body of an LWA token request: it stores nothing',
      },
      {
        text: 'func (a *SpAuth) fetch() {\n\tbody := map[string]string{\n\t\t"grant_type":    "refresh_token",\n\t\t"refresh_token": a.RefreshToken,\n\t\t"client_id":     a.ClientID,\n\t\t"client_secret": a.ClientSecret,\n\t\t"selling_partner_id": a.SellerID,\n\t}\n}',
        path: 'auth.go',
        reason: "a token request filled from the client's own fields (a library)",
      },
      {
        text: 'CREATE TABLE sellers (\n  seller_id VARCHAR(20) PRIMARY KEY,\n  marketplace_id VARCHAR(20),\n  mws_auth_token VARCHAR(64)\n);',
        path: 'schema.sql',
        reason: 'type B table',
      },
      {
        text: 'regions:\n  na:\n    access_key: ${NA_ACCESS_KEY}\n    secret_key: ${NA_SECRET_KEY}\n  eu:\n    access_key: ${EU_ACCESS_KEY}\n    secret_key: ${EU_SECRET_KEY}',
        path: 'config.yml',
        reason: 'one developer key pair per region',
      },
      {
        text: "params = {\n  'Action': 'ListOrders',\n  'SellerId': os.environ['SELLER_ID'],\n  'AWSAccessKeyId': os.environ['MWS_ACCESS_KEY'],\n}",
        path: 'self_use.py',
        reason: 'single-tenant script with its own keys from env',
      },
      {
        text: '?AWSAccessKeyId=AKIA2OGYBAH6Q7KD4XZM&Action=ListOrders&MWSAuthToken=amzn.mws.0b2a6c1e-7f3d-4e58-9a61-2c4d8e9f0a17&SellerId=A1B2C3D4E5F6G7',
        path: 'requests.log',
        reason: 'request with an auth token',
      },
      {
        text: 'https://mws.amazonservices.com/Orders/2013-09-01?AWSAccessKeyId=AKIA2OGYBAH6Q7KD4XZM&Action=ListOrders&SellerId=A1B2C3D4E5F6G7&Signature=abc',
        path: 'requests.log',
        reason: "one fixed seller signed with its own keys: a seller's own tool (the key is its own kind)",
      },
    ],
  },
});
