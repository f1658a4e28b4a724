import type { Field } from './structure.js';

/**
 * Which fields of a type-A record are its keys, and which one its finding points at (one record,
 * one finding, at one place: LABELING's "first seller-key field"). Read by `type-a-records.ts`.
 */

/**
 * AWS keys come in pairs: in a record holding an access key id, a field named only for a secret
 * (`secretToken`, `secret_value`, `Secret`) is that key's secret (`{ accessKeyId, secretToken }`).
 * Only in a text that names Amazon: another cloud's key pair may be named alike.
 */
export function pairedSecrets(records: Map<string, Field[]>): Map<string, Field[]> {
  for (const [id, list] of records) {
    if (!list.some((f) => f.role === 'generic-secret') || !list.some((f) => f.role === 'access-key')) continue;
    records.set(
      id,
      list.map((f): Field => (f.role === 'generic-secret' ? { ...f, role: 'secret-key' } : f)),
    );
  }
  return records;
}

/**
 * Where a type-A record is reported: its first secret field in source order (an IAM secret key
 * or an LWA client secret, whichever the record declares first), else the key judged. One record
 * is one finding at one place, whichever of its keys gave the evidence: `lwa_client_secret`
 * above `aws_secret_access_key` is reported at the former, when both are written alike. (A
 * request is reported at its `AWSAccessKeyId`: it never holds the secret that signs it.)
 */
export function firstSecretField(list: readonly Field[], judged: Field): Field {
  let first = judged.role === 'access-key' ? undefined : judged;
  for (const f of list) {
    if (f.role !== 'secret-key' && f.role !== 'lwa-client-secret') continue;
    // A field of the record written as the judged one is (declared, read from input, literal):
    // a validation rule above a row's write is not the row's field.
    if (f.shape !== judged.shape || f.isRead !== judged.isRead) continue;
    if (first === undefined || f.start < first.start) first = f;
  }
  return first ?? judged;
}
