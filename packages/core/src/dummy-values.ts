// Values a test or factory generates: fakers and random generators (Ruby `SecureRandom.hex`,
// Python `secrets.token_hex()` and `uuid.uuid4()`, Node `crypto.randomBytes(…)`, Java `RandomStringUtils`).
export const FAKE_VALUE =
  /\b(?:faker|fake)\b|Str::random|\brandom(?:_string|String|Alphanumeric|Bytes|UUID)?\(|\bSecureRandom\.|\bsecrets\.token_|\buuid4?\(|\bRandomStringUtils\./i;
// Test values that are not keys: `'opensesame'`, `'12345'`, `'...'`, `'test'`, `'xxx'`.
const DUMMY =
  /^["'`]?(?:\.{2,}|…|x+|\*+|test\w{0,12}|dummy\w{0,12}|fake\w{0,12}|secret|key|foo|bar|baz|abc\w{0,6}|\d{1,12}|opensesame|changeme|password)["'`]?$/i;

/** True for a value no real key has: a few digits, `...`, `test`, `opensesame`. */
export function isDummy(value: string): boolean {
  return DUMMY.test(value.trim());
}
