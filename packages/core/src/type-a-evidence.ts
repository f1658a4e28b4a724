import type { Field } from './structure.js';
import { IDENTIFIER, memberPath, objectPath } from './value-shape.js';

/**
 * What the type-A judges share (`type-a-records.ts` combines them): the evidence they return, the
 * views of a record and of its text they read, and the reads of key values they all make.
 */

/**
 * How a record shows the type-A pattern. A file is reported where it shows it most plainly:
 * declarations (tables, models, forms), hard-coded per-seller records, submitted input and
 * requests always; clients built from a seller record's keys (`used`) only when the file declares
 * nothing; bare reads (`sign(params, seller.secretKey)`) only when nothing else does, once per
 * owner. Later uses repeat what the declaration already said.
 */
export type Evidence = 'declared' | 'hard-coded' | 'input' | 'request' | 'used' | 'read';

/** A type-A record: the field reported, why, and what the message says about it. */
export interface TypeARecord {
  /** The key field the finding points at (the first record's, for a collection). */
  readonly field: Field;
  readonly evidence: Evidence;
  /** The record also holds an MWS Auth Token: the keys are kept although the token makes them unnecessary. */
  readonly hybrid: boolean;
  /** `sp-api`: the seller's own LWA app (client secret) or IAM keys next to SP-API fields. */
  readonly api: 'mws' | 'sp-api';
  /** How many per-seller records of one collection this finding stands for (1 for most). */
  readonly records: number;
  /** The token field of a hybrid record, as written (`mws_auth_token`). */
  readonly tokenField?: string;
  /** The record holds the seller's id beside its keys (its message says so). */
  readonly sellerId: boolean;
}

/** Resolves an identifier to the value of its first assignment (`secretKey = …`). */
export type Resolve = ((name: string) => string | undefined) & {
  /** The values of every assignment to `name` (at most 10, `assignments.ts`' `assignmentValues`). */
  readonly assignments?: (name: string) => readonly string[];
  /**
   * Whether a function of the text declares `name` as a parameter that its calls do not fill with
   * a local of the same name (`getAccessToken(creds)` under `const creds = await prisma…`).
   */
  readonly parameter?: (name: string) => boolean;
};

export const isKey = (f: Field): boolean => f.role === 'secret-key' || f.role === 'access-key';

/** Facts about one record that every judge reads. */
export interface RecordView {
  readonly fields: readonly Field[];
  readonly seller: Field | undefined;
  readonly sellerNamed: boolean;
  /** The record is keyed by a seller id (`{ "A1B2C3D4E5F6G7": { accessKey, secretKey } }`). */
  readonly sellerKeyed: boolean;
  readonly regionLabel: boolean;
  readonly isRequest: boolean;
  /**
   * A request's seller id cannot vary per call: a literal (the text's only one), a constant, the
   * environment, also through an assignment or the argument a call passes. One fixed seller
   * signed with its own keys is a seller's own tool, not type A.
   */
  readonly fixedSeller?: boolean;
  /**
   * The record holds an MWS Auth Token and an SP-API refresh token: one shop's authorizations of
   * both APIs, which only an application's per-seller record holds (a client library or SDK
   * configures one API).
   */
  readonly bothApis: boolean;
  /**
   * The record's MWS Auth Token is read per call (`store.getMwsAuthToken()`), not written in: a
   * request for whichever seller it is given, so its hard-coded keys are the developer's own.
   */
  readonly tokenRead: boolean;
}

/** Counts over the whole text that the judges compare a record with. */
export interface TextView {
  /** Records holding keys (hard-coded or blank) for a seller: two or more is a multi-seller config. */
  readonly sellerKeyRecords: number;
  /** Per collection, the records holding literal keys. */
  readonly literalKeyRecords: ReadonlyMap<string, ReadonlySet<string>>;
  /** Per collection, the records holding blank keys beside a seller. */
  readonly blankKeyRecords: ReadonlyMap<string, ReadonlySet<string>>;
  /** Collections whose records declare a seller id field by field (a form declared as data). */
  readonly declaredSellerCollections: ReadonlySet<string>;
  /** Collections declaring a secret-key entry: report it, not also the key id entry. */
  readonly formSecretCollections: ReadonlySet<string>;
  readonly amazon: boolean;
  readonly siteSettings: boolean;
  /** Whether the row around an offset is tied to the app's users (`user_id`, `ForeignKey(User)`). */
  readonly userOwned: (at: number) => boolean;
  readonly modelFolder: boolean;
  /** The text's classes record when a row was created or changed (`DateTime? CreatedDate`): they are stored rows. */
  readonly auditedRows: boolean;
  /** Variables bound to each record of a collection in turn: their keys are each record's own. */
  readonly loopVariables: ReadonlySet<string>;
  /** Whether a value reads an object a class's constructor was given (`@account` of `initialize(account)`): its caller's. */
  readonly callerGiven: (value: string) => boolean;
  /**
   * Whether the text reads an LWA client secret from the environment (`os.environ.get("SPAPI_CLIENT_SECRET")`):
   * the program has an app of its own.
   */
  readonly ownAppSecret: boolean;
  /** The distinct literal seller ids the text's fields hold (two or more: several sellers). */
  readonly literalSellers: number;
  /** Whether every record with hard-coded keys has one and the same literal seller id: one account written out more than once. */
  readonly oneHardCodedSeller: boolean;
}

// `body.secretKey` (a submitted read, see `submitted.ts`), `req.body.secretKey`, `request.form.secret_key`.
// (Also the parsed body of a fetch-style request: `(await request.json()).clientSecret`.)
const SUBMITTED_OWNER =
  /^(?:body|(?:req|request|ctx)\.(?:body|form|POST|data|json))$|^(?:await\s+)?(?:req|request)\.json\(\)$/;

export function isSubmittedPath(path: readonly string[]): boolean {
  return SUBMITTED_OWNER.test(path.slice(0, -1).join('.'));
}

/**
 * The value the object of a member read was assigned (`getCredentials(userId)` for
 * `creds.secretKey` after `creds = getCredentials(userId)`), or undefined.
 */
function rootAssignment(value: string, resolve: Resolve | undefined): string | undefined {
  // (PHP's own member, `$this->settings->client_secret`, by the member's name.)
  const path = objectPath(value);
  const root = path[0];
  if (path.length < 2 || root === undefined || resolve === undefined || !IDENTIFIER.test(root)) return undefined;
  return resolve(root);
}

// A configuration object built or fetched with no arguments: `new AppConfig()`, `amazonAppConfig()`,
// `await getSettings()`, `Config.load_settings()`, ColdFusion's `createObject("component", "config")`.
// (Also a section of it: `get_config()["spapi"]`, `getSettings().amazon`. One built or fetched for
// a store, `getConfig(store)` or `shop.get_config()`, is that store's.)
const CONFIG_CALL =
  /^(?:(?:new|await)\s{1,4})?(?:[A-Z][\w$]{0,40}(?:\.|::))?[A-Za-z_$][\w$]{0,60}(?:[Cc]onfig|CONFIG|[Cc]onfiguration|[Ss]ettings|SETTINGS)\s{0,4}\(\s{0,4}\)(?:\[\s{0,4}["'][\w.-]{1,40}["']\s{0,4}\]|\.[A-Za-z_$][\w$]{0,40}){0,2}$/;
/**
 * The one row of a settings model, loaded with no filter: django-solo's `SiteConfiguration.get_solo()`,
 * `AppSettings.load()`, `Setting::first()`, Ruby's `Setting.instance`, `AppSettings.objects.get(pk=1)`,
 * `AppSetting::find(1)`. (A regex source, for the texts that look for one anywhere too.)
 */
// (Its call alone, `Setting::first`, `SiteConfiguration.get_solo`: what a cheap look for one seeks.)
export const SETTINGS_CALL = String.raw`(?:Config|Configuration|Settings?|Preferences?)(?:\.objects)?(?:\.|::)(?:load|get_solo|instance|current|getInstance|get_instance|first|get|find)`;
export const SETTINGS_ROW = String.raw`(?:[A-Z][\w$]{0,40})?${SETTINGS_CALL}(?:\(\s{0,4}(?:(?:pk|id)\s{0,4}=\s{0,4})?1?\s{0,4}\))?`;
const CONFIG_SINGLETON = new RegExp(String.raw`^(?:await\s{1,4})?${SETTINGS_ROW}$`);
const CONFIG_COMPONENT = /^createObject\(\s{0,4}["']component["']\s{0,4},\s{0,4}["'][\w.]{0,40}config["']\s{0,4}\)$/i;

// A module constant named for the configuration (`AMAZON_CONFIG.CLIENT_SECRET`, `SPAPI_SETTINGS.lwa`,
// `CONFIG.clientSecret`), one member read by its fixed name: the program's own settings, imported
// or written out as an object. (A local so named that the text fills from elsewhere, `const
// SELLER_CONFIG = await db.sellers.findOne(…)`, is whatever it was filled from.)
const CONFIG_CONSTANT = /^(?:[A-Z][A-Z0-9]{0,30}_){0,3}(?:CONFIG|CONFIGURATION|SETTINGS|CONF)$/;
// What such a constant may be assigned: an object written out, or the environment's values.
const CONSTANT_VALUE = /^(?:\{|Object\.freeze\(\s{0,4}\{|process\.env\b|import\.meta\.env\b)/;

/**
 * True when `value` reads a member of an object assigned a configuration object (see
 * {@link CONFIG_CALL}), or of a configuration constant (see {@link CONFIG_CONSTANT}).
 */
export function readsConfigObject(value: string, resolve: Resolve | undefined): boolean {
  const path = memberPath(value);
  if (path.length === 2 && CONFIG_CONSTANT.test(path[0] ?? '') && /^[a-z_$][\w$]{0,60}$/i.test(path[1] ?? '')) {
    const assigned = resolve?.(path[0] ?? '')?.trim();
    if (assigned === undefined || CONSTANT_VALUE.test(assigned)) return true;
  }
  const assigned = rootAssignment(value, resolve)?.trim() ?? '';
  return CONFIG_CALL.test(assigned) || CONFIG_SINGLETON.test(assigned) || CONFIG_COMPONENT.test(assigned);
}

/** The object a member read belongs to: `rows.0` of `$rows[0]->secret_key`. */
export function ownerOf(value: string): string {
  return memberPath(value).slice(0, -1).join('.');
}
