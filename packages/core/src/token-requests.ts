import type { Field } from './structure.js';
import type { ScanContext } from './types.js';

/**
 * An OAuth token request: the body an app posts to the LWA token endpoint (`grant_type`,
 * `client_id`, `client_secret`, and a `refresh_token` or an authorization `code`). It stores
 * nothing: a request-body class (`class LWAAuthRequest { client_secret … }`) and a body filled from
 * the method's parameters or its own object's fields (`"client_secret": a.ClientSecret` in
 * `func (a *SpAuth)`) exchange whatever app credentials the caller holds, as every SP-API client
 * library does. Only a body filled from another object, a seller's stored record
 * (`client_secret: store.client_secret`), shows where the app keeps the secret, and is judged
 * like any record. Read by the `shared-credentials` detector before it judges records.
 */

// `grant_type` in any spelling (`grantType`, `GrantType`, `"grant_type"`).
const GRANT_TYPE = /grant_?type/i;
// How far a body's `grant_type` may sit from its secret field (a body is a dozen lines at most).
const BODY_WINDOW = 400;
// A value that is a parameter or a local (`clientSecret`), or the object's own field (`this.x`,
// `self.x`, `$this->x`, `@x`).
const OWN_VALUE = /^(?:[A-Za-z_$][\w$]{0,60}|(?:this|self)\.[\w$]{1,60}|\$this->[\w$]{1,60}|@[\w$]{1,60})$/;

const KEY_ROLES: ReadonlySet<Field['role']> = new Set(['secret-key', 'access-key', 'lwa-client-secret']);

/**
 * A filter dropping the key fields of OAuth token request bodies that are declared or filled
 * from the method's own values (see above). `receivers` are the Go method receivers of the text,
 * whose fields are the object's own like `this.x`.
 */
export function notOwnTokenRequest(ctx: ScanContext, receivers: ReadonlySet<string>): (f: Field) => boolean {
  if (!GRANT_TYPE.test(ctx.text)) return () => true;
  return (f) => {
    // A stored record that keeps a grant type as a column (`"grant_type" text`) is a row, not a body.
    if (!KEY_ROLES.has(f.role) || f.persisted === true) return true;
    const own =
      f.shape === 'decl' ||
      f.shape === 'empty' ||
      (f.shape === 'ref' && (OWN_VALUE.test(f.value) || receivers.has(f.value.split('.')[0] ?? '')));
    if (!own) return true;
    const window = ctx.text.slice(Math.max(0, f.start - BODY_WINDOW), f.end + BODY_WINDOW);
    return !GRANT_TYPE.test(window);
  };
}
