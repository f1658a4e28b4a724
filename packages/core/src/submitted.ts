/**
 * Reads of what a person submitted, per framework: a key field filled from one of these is a
 * seller's own key typed into the app (type A), wherever it is then stored (a model, a row, an
 * insert). Each pattern is matched against the (at most 80) characters before a field name on
 * its line, so it ends where the name starts.
 */

// `req.body.secretKey`, `ctx.request.body[…]`, `request.form['secret_key']`, Django
// `request.POST['secret_key']`, Rails `params[:secret_key]`, a destructured `body.secretKey`,
// a validated form's data (Django `form.cleaned_data['secret_key']`, DRF
// `serializer.validated_data[…]`), ASP.NET `Request["SecretKey"]`.
// Not `self.requestParams.…` or `parsed.params.…`, which are the program's own objects.
const MEMBER_READ =
  /(?:\b(?:req|request|ctx|context|event)\.(?:body|params|query|form|payload|json|args|data|values|POST|GET)|(?<![\w$.])(?:body|payload|formData|params)|\b(?:cleaned_data|validated_data)|\bRequest(?=\[)|\$request->|\$_(?:POST|GET|REQUEST))(?:\.|\[\s*["':]{1,2})?$/i;

// Calls that return one submitted field by name: Laravel `$request->input('secret_key')` and
// `request('secret_key')`, CodeIgniter `$this->input->post('secret_key')`, Django/Flask
// `request.POST.get('secret_key')` / `request.form.get(…)`, Rails `params.fetch(:secret_key)`,
// Java servlets `request.getParameter("secretKey")`, Go `c.PostForm("secret_key")` /
// `r.FormValue("secret_key")`, PHP `filter_input(INPUT_POST, 'secret_key')`, Laravel 4 `Input::get(…)`,
// Yii 2 `Yii::$app->request->post('secret_key')`.
const CALL_READ =
  /(?:\$request->(?:input|get|post|query|string)|\$app->request->(?:post|get|getBodyParam|getQueryParam)|\$this->input->(?:post|get|get_post|post_get)|\b(?:req|request)\.(?:body|query|POST|GET|form|args|values|json|data)\.get|(?<![\w$.])params\.(?:fetch|dig)|(?<![\w$.>])request|Request::(?:input|get|post)|Input::(?:get|post)|\brequest\.getParameter|\.(?:PostForm|DefaultPostForm|FormValue|PostFormValue))\(\s*["':]{1,2}$|\bfilter_input\(\s*INPUT_(?:POST|GET|REQUEST)\s*,\s*["']$/;

// Bound parameters of a handler: Spring `@RequestParam String secretKey` (or its name in the
// annotation), JAX-RS `@FormParam`, ASP.NET `[FromForm] string secretKey`.
const BOUND_PARAM =
  /(?:@(?:RequestParam|RequestPart|FormParam|QueryParam|FormDataParam)(?:\([^)\n]{0,80}\))?\s+(?:final\s+)?[\w<>.?]{1,60}\s+|@(?:RequestParam|RequestPart|FormParam|QueryParam|FormDataParam)\(\s*(?:(?:value|name)\s*=\s*)?["']|\[From(?:Form|Body|Query)\]\s*[\w<>.?]{1,60}\s+)$/;

// `params` bound by the program itself: a method parameter (`def initialize(params = {})`,
// `function build(params)`, `function request(self, params)`) or a local (`params = build(…)`). Its keys are then the caller's
// options (a client library) or the program's own request, not submitted input.
const LOCAL_PARAMS =
  /\b(?:def\s+[\w.]{1,60}[!?]?|function(?:\s+[\w$]{1,60})?)\s*\([^()\n]{0,80}?\bparams\b|(?<![\w$.])params\s*=(?![=>~])/;

// A local bound to the whole submitted body: Flask `data = request.get_json()`, Next.js
// `const body = await request.json()`, Django `data = json.loads(request.body)`, ThinkPHP
// `$params = $request->param()`, PHP
// `$post = $_POST`, Laravel `$input = $request->all()`. Its members are submitted fields.
const BODY_ALIAS =
  /(?<![\w$.])(\$?[A-Za-z_]\w{0,30})\s*=\s*(?:await\s+)?(?:(?:req|request)\.(?:get_json\([^()\n]{0,30}\)|json\(\)|json\b|form\b|data\b|body\b|POST\b|values\b|formData\(\))|json\.loads\(\s*request\.(?:body|data)\s*\)|\$request->(?:all|validated|input|param|post)\(\)|\$_(?:POST|REQUEST)\b)/g;
// The object a member is read from, at the end of the text before the member's name.
const READ_OWNER = /(\$?[A-Za-z_]\w{0,30})(?:\.get\(\s*["']|\[\s*["']|\.|->)$/;
// A text binds at most this many body aliases worth remembering.
const MAX_ALIASES = 8;

let lastText: string | undefined;
let lastLocal = false;
let lastAliases: ReadonlySet<string> = new Set();

/** Reads the facts above for `text` (memoized for the last text). */
function factsOf(text: string): void {
  if (text === lastText) return;
  lastText = text;
  lastLocal = LOCAL_PARAMS.test(text);
  const aliases = new Set<string>();
  BODY_ALIAS.lastIndex = 0;
  for (let m = BODY_ALIAS.exec(text); m !== null && aliases.size < MAX_ALIASES; m = BODY_ALIAS.exec(text)) {
    if (m[1] !== undefined) aliases.add(m[1]);
  }
  lastAliases = aliases;
}

/** True when `params` is the program's own variable in `text`. */
function paramsIsLocal(text: string): boolean {
  factsOf(text);
  return lastLocal;
}

/** True when the name after `before` is a member of a local bound to the submitted body. */
function readsBodyAlias(before: string, text: string): boolean {
  factsOf(text);
  if (lastAliases.size === 0) return false;
  const owner = READ_OWNER.exec(before)?.[1];
  return owner !== undefined && lastAliases.has(owner);
}

/** True when the name after `before` is read from submitted input (see the patterns above). */
export function isSubmittedRead(before: string, text: string): boolean {
  if (CALL_READ.test(before) || BOUND_PARAM.test(before) || readsBodyAlias(before, text)) return true;
  const m = MEMBER_READ.exec(before);
  if (!m) return false;
  // A bare `params[…]` only counts where `params` is the framework's (Rails controllers).
  return !/^params/i.test(m[0]) || !paramsIsLocal(text);
}

// A value that reads one member of an object: `data['clientSecret']`, `body.secretKey`,
// `$input['secret_key']`, `form.get('secret_key')`; the object with its accessor, and the member.
const MEMBER_VALUE = /^(\$?[A-Za-z_]\w{0,30}(?:\.get\(\s*["']|\[\s*["']|\.|->))([\w-]{1,60})["']?\s*[)\]]?$/;

// A browser form input's value read by its id or name: jQuery `$('#secret_key').val()`, the DOM's
// `document.getElementById('secretKey').value` and `document.querySelector('[name=secret_key]').value`.
// A payload built from them is what the person typed, posted to the app.
const DOM_INPUT =
  /^(?:(?:\$|jQuery)\(\s*["'](?:#|\[name=["']?)?([\w-]{1,60})["']?\]?["']\s*\)\.val\(\s*\)|document\.(?:getElementById|querySelector)\(\s*["'](?:#|\[name=["']?)?([\w-]{1,60})["']?\]?["']\s*\)\??\.value)$/;

/**
 * A field's value read from a local bound to the submitted body (`client_secret =
 * data['clientSecret']` after `data = json.loads(request.body)`), or from a browser form's input
 * (`DOM_INPUT`, written `input.<id>`), is written `body.<member>`, as a read at the name itself is.
 */
export function asSubmitted(value: string, text: string): string {
  const input = DOM_INPUT.exec(value);
  // (Written `input.<id>`: typed in, but a seller's only beside its seller id; a shop's own
  // settings page posts its keys alone.)
  if (input) return `input.${input[1] ?? input[2] ?? ''}`;
  const m = MEMBER_VALUE.exec(value);
  return m?.[1] !== undefined && m[2] !== undefined && readsBodyAlias(m[1], text) ? `body.${m[2]}` : value;
}
