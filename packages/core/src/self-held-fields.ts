import { enclosingFunctionName } from './enclosing-function.js';
import { parameterName } from './parameter-bindings.js';
import { MEMBER_DECLARATION } from './field-idioms.js';
import { isCapitalsName, isKeyRole } from './names.js';
import { namedForDeveloper } from './record-names.js';
import type { Field } from './structure.js';
import type { ScanContext } from './types.js';
import { isSellerHolder, memberPath, PROGRAM_SCOPE } from './value-shape.js';

/**
 * Fields a program holds for itself, whatever their names say: keys kept in an installation's
 * own settings store (a platform plugin's one shop), members named in capitals as constants are,
 * a Ruby library's attributes, a type's methods reading its own fields
 * (the type's declaration is the record judged, once), and values handed to a redaction (hidden,
 * not kept). Dropped before records are judged.
 */

// An installation's own settings store, written or declared at the start of a key's line: Spree
// `Spree::Config[:secret] = params[:secret]` and `preference :secret, :string`, WordPress
// `update_option('secret', …)`, PrestaShop `Configuration::updateValue('secret', …)`, Magento
// `$this->scopeConfig->getValue('secret')`. A platform plugin keeps the one shop's own keys there:
// the installation is the seller (not type A). Anchored at the line's start, every step bounded.
const INSTALLATION_SETTING =
  /^\s{0,40}(?:[\w:]{0,40}\bConfig\s{0,4}\[|preference\s{1,4}:|(?:update|add)_option\s{0,4}\(|Configuration::updateValue\s{0,4}\(|[\w$>-]{0,40}scopeConfig->getValue\s{0,4}\()/;

// A read of such a setting: Spree's preference getter (`@payment_method.preferred_aws_secret_access_key`).
const INSTALLATION_SETTING_READ = /(?:\.|->)preferred_\w{1,60}$/;

// A setting's name read from a settings store (`_settingsManager.GetValue<string>("Amazon.Merchant.AccessKeyId", …)`,
// `get_option('amazon_secret_key')`, `getSetting('mws.secret')`): the field is inside the name.
const SETTING_NAME_ARGUMENT =
  /(?:\b[Gg]et(?:Value|Setting|Option|Config)\w{0,10}|\bget_(?:option|setting|config)\w{0,10})\s{0,4}(?:<[\w.]{1,40}>)?\s{0,4}\(\s{0,4}["'][\w.:/-]{0,80}$/;

// A desktop app's own settings file: Electron's `electron-store` (and `conf`, which it wraps),
// one file per installation, the user's own. A text that opens one is the app's settings module
// and keeps its keys there; all its fields are the installation's (a per-seller record declared
// in that same module would be missed: settings modules declare settings).
const DESKTOP_SETTINGS_STORE =
  /\brequire\(\s{0,4}["'](?:electron-store|conf)["']\s{0,4}\)|\bfrom\s{1,4}["'](?:electron-store|conf)["']/;

/** True when the field's line opens with a write or declaration of the installation's settings, or reads one. */
function inInstallationSettings(ctx: ScanContext, f: Field): boolean {
  if (INSTALLATION_SETTING_READ.test(f.value)) return true;
  const lineStart = ctx.index.lineStart(ctx.index.lineOf(f.start));
  if (SETTING_NAME_ARGUMENT.test(ctx.text.slice(Math.max(lineStart, f.start - 200), f.start))) return true;
  return INSTALLATION_SETTING.test(ctx.text.slice(lineStart, Math.min(f.start, lineStart + 200)));
}

// A Go method's receiver: `func (seller *Seller) sign(…)`. Its reads (`seller.SecretKey`) are the
// type reading its own fields, like `this.secretKey` in a class: the `Seller` struct's declaration
// is judged, not each method that uses it.
// (A method name follows the receiver: `func(acct *Account) {` is a function literal's parameter.)
const GO_RECEIVER = /\bfunc\s{0,4}\(\s{0,4}(\w{1,30})\s{1,4}\*?[\w.]{1,60}\s{0,4}\)\s{0,4}[A-Za-z_]\w{0,60}\s{0,4}\(/g;

/** The receiver names of a text's Go methods (at most 16). */
export function goReceivers(text: string): Set<string> {
  const names = new Set<string>();
  if (!text.includes('func')) return names;
  GO_RECEIVER.lastIndex = 0;
  for (let m = GO_RECEIVER.exec(text); m !== null && names.size < 16; m = GO_RECEIVER.exec(text)) {
    if (m[1] !== undefined) names.add(m[1]);
  }
  return names;
}

// A constructor's parameter list: Ruby `def initialize(account, action)`, Python
// `def __init__(self, account)`, JS/TS `constructor(account)`, PHP `function __construct($account)`.
const CONSTRUCTOR =
  /\b(def\s{1,4}initialize|def\s{1,4}__init__|constructor|function\s{1,4}__construct)\s{0,4}\(([^()]{0,300})\)/g;
// TypeScript's parameter properties (`constructor(private readonly account: Account)`).
const PROPERTY_MODIFIERS = /^(?:(?:private|public|protected|readonly)\s{1,4}){1,2}/;

/**
 * The members a class's constructor sets from its own parameter of that name (`@account = account`,
 * `self.account = account`, `this.account = account`, `$this->account = $account`; also a
 * TypeScript parameter property, `constructor(private account: Account)`): objects its caller
 * gives it. Ruby's bare reads of them (`account.seller_id`) count where an `attr_reader` names
 * them. At most 8 constructors and 16 names.
 */
export function constructorGiven(text: string): ReadonlySet<string> {
  const names = new Set<string>();
  if (!/initialize|__init__|constructor|__construct/.test(text)) return names;
  CONSTRUCTOR.lastIndex = 0;
  let constructors = 0;
  for (let m = CONSTRUCTOR.exec(text); m !== null && constructors < 8; m = CONSTRUCTOR.exec(text), constructors++) {
    // (Ruby and Python name parameters as `def` does; PHP and JS/TS as `function`.)
    const keyword = (m[1] ?? '').startsWith('def') ? 'def' : 'function';
    for (const param of (m[2] ?? '').split(',')) {
      const head = param.trim();
      const property = PROPERTY_MODIFIERS.test(head);
      const name = parameterName(keyword, head.replace(PROPERTY_MODIFIERS, '')).replace(/^\$/, '');
      if (!/^[a-z_]\w{0,40}$/i.test(name) || name === 'self' || names.size >= 16) continue;
      if (
        property ||
        new RegExp(`(?:@|\\bself\\.|\\bthis\\.|\\$this->)${name}\\s{0,4}=\\s{0,4}\\$?${name}\\b`).test(text)
      )
        names.add(name);
    }
  }
  return names;
}

/**
 * True when a read is of an object the constructor was given (see {@link constructorGiven}):
 * `@account.seller_id`, `self.account.seller_id`, `$this->account->seller_id`, Ruby's
 * `account.seller_id` under `attr_reader :account`. The caller's options, judged where it builds them.
 */
export function readsConstructorGiven(value: string, given: ReadonlySet<string>, text: string): boolean {
  if (given.size === 0) return false;
  const m = /^(@|self\.|this\.|\$this->)?([A-Za-z_]\w{0,40})(?:\.|->|\[)/.exec(value.trim());
  const name = m?.[2];
  if (name === undefined || !given.has(name)) return false;
  return m?.[1] !== undefined || new RegExp(`\\battr_(?:reader|accessor)\\b[^\\n]{0,200}:${name}\\b`).test(text);
}

// A line that hands a value to a redaction: VCR `c.filter_sensitive_data('KEY') { record['key'] }`,
// `redact(…)`, `mask(…)`: the value is hidden from a log or a recording, not kept or used.
const REDACTION =
  /^\s{0,40}(?:[\w.$>-]{0,40}[.>])?(?:filter_sensitive_data|redact\w{0,20}|mask\w{0,20}|scrub\w{0,20})\s{0,4}\(/i;

/** True when the field's line opens with a redaction (see {@link REDACTION}). */
function inRedaction(ctx: ScanContext, f: Field): boolean {
  const lineStart = ctx.index.lineStart(ctx.index.lineOf(f.start));
  return REDACTION.test(ctx.text.slice(lineStart, Math.min(f.start, lineStart + 200)));
}

// A member declared with an access or storage modifier and named in capitals, as constants are:
// C#'s `private readonly string SECRET_KEY;` in a Windows service, filled from its settings file.
// A program's own setting; a stored column is never declared so (its declaration is `persisted`).

/** True when the field is a capitals-named member declared with a modifier (`isCapitalsName`). */
function ownSettingMember(ctx: ScanContext, f: Field): boolean {
  if (f.shape !== 'decl' || f.persisted === true || !isCapitalsName(f.name)) return false;
  const lineStart = ctx.index.lineStart(ctx.index.lineOf(f.start));
  const head = ctx.text.slice(lineStart, f.start);
  return (
    head.length <= 200 && MEMBER_DECLARATION.test(head) && /\b(?:private|protected|readonly|static|final)\b/.test(head)
  );
}

// A Ruby library's own attributes and its checks of its caller's options (ActiveMerchant's
// `requires!(options, :merchant_id, :aws_secret_access_key)`, `attr_accessor :aws_secret_access_key`
// in a gem's `lib/`): whoever builds the client passes the keys, and that caller is judged.
// (`attr_accessor` in an app's model is a form's virtual attribute, and stays a record.)
const OPTIONS_CHECK = /^\s{0,40}requires!\s{0,4}\(\s{0,4}\w{1,30}\s{0,4},/;
const ATTRIBUTES = /^\s{0,40}attr_(?:accessor|reader|writer)\b/;
/**
 * True when a path is a library's code, in a `lib/` folder (a gem's `lib/amazon_mws/client.rb`);
 * not an application's own `src/lib/` or `app/lib/`, where Next.js and SvelteKit keep app code.
 */
export function isLibraryPath(path: string): boolean {
  return /(?:^|[/\\])lib[/\\]/.test(path) && !/(?:^|[/\\])(?:src|app)[/\\]lib[/\\]/.test(path);
}

/** True when the field is a Ruby library's attribute or options check (see {@link OPTIONS_CHECK}). */
function libraryAttribute(ctx: ScanContext, f: Field): boolean {
  const lineStart = ctx.index.lineStart(ctx.index.lineOf(f.start));
  const head = ctx.text.slice(lineStart, Math.min(f.start, lineStart + 200));
  return OPTIONS_CHECK.test(head) || (ATTRIBUTES.test(head) && isLibraryPath(ctx.path));
}

// An MWS client library's own class (Amazon's `class MarketplaceWebService_Client`,
// `MarketplaceWebServiceOrdersClient`, a wrapper's `class MWSClient`): the members it declares
// hold whatever keys its caller passes, and that caller is judged.
const CLIENT_CLASS = /\bclass\s+\w{0,60}(?:MWS|Mws|MarketplaceWebService)\w{0,40}?_?Client\b/;

/** True when the field is a member an MWS client class declares, not a stored column (see {@link CLIENT_CLASS}). */
function clientLibraryMember(f: Field): boolean {
  return f.shape !== 'ref' && f.persisted !== true && CLIENT_CLASS.test(f.recordName);
}

/**
 * True when the field sits in a function named for the developer's account (`function
 * add_dev_account()`, `def update_developer_keys`): the integrator's own keys, whatever form or
 * input fills them, as a record or key named for the developer is.
 */
function inDeveloperFunction(ctx: ScanContext, f: Field): boolean {
  if (!isKeyRole(f.role)) return false;
  const name = enclosingFunctionName(ctx.text, f.start);
  return name !== undefined && namedForDeveloper(name);
}

/** A filter keeping the fields that are not held by the program for itself (see above). */
export function notSelfHeld(ctx: ScanContext, receivers = goReceivers(ctx.text)): (f: Field) => boolean {
  // (Read once per text: every field of a desktop app's settings module is the installation's.)
  if (DESKTOP_SETTINGS_STORE.test(ctx.text)) return () => false;
  return (f) =>
    !inInstallationSettings(ctx, f) &&
    !inRedaction(ctx, f) &&
    !ownSettingMember(ctx, f) &&
    !libraryAttribute(ctx, f) &&
    !clientLibraryMember(f) &&
    !PROGRAM_SCOPE.test(f.receiver ?? '') &&
    !readsReceiverOwnKey(f, receivers) &&
    !inDeveloperFunction(ctx, f);
}

/**
 * A key read from the Go method's receiver itself or a bag it holds (`c.credentials.AccessID`,
 * `c.secretKey`), as `this.x` is in other languages: the client's own keys, given by whoever built
 * it (judged there).
 */
function readsReceiverOwnKey(f: Field, receivers: ReadonlySet<string>): boolean {
  return f.shape === 'ref' && receivers.size > 0 && ownedByReceiver(memberPath(f.value), receivers);
}

/**
 * True when a read's path is the Go receiver's own state (`c.credentials.Merchant`), not a
 * seller's record the receiver holds (`c.store.SecretKey` is still that store's).
 */
export function ownedByReceiver(path: readonly string[], receivers: ReadonlySet<string>): boolean {
  return path.length > 1 && receivers.has(path[0] ?? '') && !isSellerHolder(path.slice(1, -1).join('.'));
}
