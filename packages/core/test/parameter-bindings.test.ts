import { describe, expect, it } from 'vitest';
import { ParameterBindings } from '../src/parameter-bindings.js';

// A parameter binds to the argument the text's calls pass for it (`parameter-bindings.ts`).
const bound = (text: string, name: string): string | undefined => new ParameterBindings(text).bound(name);

describe('parameter bindings', () => {
  it('reads each language’s parameter names', () => {
    expect(bound('func sign(sellerId string, key string) {}\nfunc main() { sign(row.ID, KEY) }', 'key')).toBe('KEY');
    expect(bound('func sign(sellerId, key string) {}\nfunc main() { sign(row.ID, KEY) }', 'key')).toBe('KEY');
    expect(bound('func (c *Client) sign(sellerId, key string) {}\nfunc main() { c.sign(row.ID, KEY) }', 'key')).toBe(
      'KEY',
    );
    expect(
      bound('class A:\n    def sign(self, seller_id, key=None):\n        pass\n\napi.sign(row.id, KEY)\n', 'key'),
    ).toBe('KEY');
    expect(bound('function f(seller: string, key?: string) {}\nf(s, K);', 'key')).toBe('K');
    expect(
      bound("<?php function f(?string $sep = ',', array $par = array(), &$key) { }\nf(',', $p, $K);", '$key'),
    ).toBe('$K');
  });

  it("reads a JS class's constructor parameters, which no call of the text binds", () => {
    const text =
      'class C {\n  constructor(credentials: Record<string, string>, url: string) {\n    this.s = credentials.s;\n  }\n}\nnew C(creds, u);\n';
    expect(new ParameterBindings(text).isParameter('credentials')).toBe(true);
    expect(bound(text, 'credentials')).toBeUndefined();
  });

  it('binds named arguments by name, and nothing past them by position', () => {
    expect(bound('def f(seller, key):\n    pass\n\nf(key=KEY, seller=s)\n', 'key')).toBe('KEY');
    expect(bound('<?php function f($seller, $key) {}\nf(seller: $s, key: $K);', '$key')).toBe('$K');
    expect(bound('def f(seller, key, region):\n    pass\n\nf(s, region=R)\n', 'region')).toBe('R');
    expect(bound('def f(seller, key, region):\n    pass\n\nf(s, region=R)\n', 'key')).toBeUndefined();
  });

  it('reads lists with commas, quotes and comments inside', () => {
    expect(bound('<?php function f($a, $key) { }\nf("a,b", $K);', '$key')).toBe('$K');
    expect(bound("<?php\nfunction f(\n  $seller_id, // the merchant's id\n  $key\n) { }\nf($s, $K);", '$key')).toBe(
      '$K',
    );
  });

  it('skips calls in comments, in strings and in the function’s own body', () => {
    expect(bound("<?php\n// f($x, 'AKIA')\nfunction f($a, $key) { }\nf($a, getenv('K'));", '$key')).toBe("getenv('K')");
    expect(bound("<?php\n$doc = 'call f($x, KEY)';\nfunction f($a, $key) { }\nf($a, $K);", '$key')).toBe('$K');
    expect(bound('<?php function f($a, $key) { if ($a) f($a - 1, $key); }\nf(3, $K);', '$key')).toBe('$K');
    expect(
      bound("<?php\n$url = 'https://mws.amazonservices.com/'; $r = f($s, $K);\nfunction f($a, $key) { }", '$key'),
    ).toBe('$K');
  });

  it('binds nothing when its calls pass different arguments', () => {
    const text =
      "<?php\nf('A2EUQ1WTGCTBG2', $K);\nforeach ($rows as $row) { f($row['seller_id'], $K); }\nfunction f($seller, $key) { }";
    expect(bound(text, '$key')).toBe('$K');
    expect(bound(text, '$seller')).toBeUndefined();
  });

  it('knows which names are parameters', () => {
    const bindings = new ParameterBindings('<?php function f($seller, $key) { }');
    expect(bindings.isParameter('$key')).toBe(true);
    expect(bindings.isParameter('$secret_key')).toBe(false);
  });
});
