import { nameRole } from './names.js';
import type { NameRole } from './names.js';
import { memberPath } from './value-shape.js';

/**
 * A field named vaguely takes the role of the member its value reads, when that member's name is
 * the plain one: python-amazon-mws's `account_id=profile.seller_id` is a seller id, a bare
 * `secret: shop.aws_secret_key` a secret key. The names a library gives its parameters are its
 * own; the record the value is read from names what it holds.
 */
const SHARPENS: ReadonlyMap<NameRole, NameRole> = new Map([
  ['weak-seller-id', 'seller-id'],
  ['generic-secret', 'secret-key'],
]);

/** `role`, or the role of the member `value` reads when it sharpens `role`. */
export function roleWithRead(role: NameRole, value: string, shape: string): NameRole {
  const sharper = SHARPENS.get(role);
  if (sharper === undefined || shape !== 'ref') return role;
  const member = memberPath(value).at(-1);
  return member !== undefined && nameRole(member) === sharper ? sharper : role;
}
