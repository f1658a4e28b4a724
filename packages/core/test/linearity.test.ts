import { describe, expect, it } from 'vitest';
import { classifyString, scanText } from '@mwsguard/core';

/**
 * Every regex and loop in core must stay linear on adversarial input: a secret scanner runs on
 * every commit and must never hang one. Each generator below builds input meant to trigger
 * backtracking or repeated work; the test compares the cost of size n and 8n. Linear code gives a
 * ratio near 8; quadratic code gives 64. The bound (24) leaves room for noise without letting a
 * quadratic path through. No absolute timings are asserted.
 */
const N = 40_000;

const SECRET = 'Kq7Zr1nV0bXwP3yH8sL5tA2mD9fG4jC6eU/oI+Rw';
const generators: Record<string, (n: number) => string> = {
  'AKIA repeated': (n) => 'AKIA'.repeat(n / 4),
  'long run of key characters': (n) => 'aB3/'.repeat(n / 4),
  'runs of exactly 40 key characters': (n) => `${SECRET} `.repeat(n / 41),
  '= chains': (n) => '='.repeat(n),
  '% runs': (n) => '%'.repeat(n),
  'percent-encoded slashes': (n) => '%2F'.repeat(n / 3),
  'unterminated quotes': (n) => `secret_key = "${'a'.repeat(n)}`,
  'quote storm': (n) => `"'\``.repeat(n / 3),
  'assignment storm': (n) => 'secret_key = '.repeat(n / 13),
  'name: chains': (n) => 'secretKey:'.repeat(n / 10),
  'open brackets': (n) => '{(['.repeat(n / 3),
  'close brackets': (n) => '})]'.repeat(n / 3),
  'deep nesting then close': (n) => `${'{'.repeat(n / 2)}secretKey: 1${'}'.repeat(n / 2)}`,
  'Atzr repeated': (n) => 'Atzr|'.repeat(n / 5),
  'amzn.mws. repeated': (n) => 'amzn.mws.'.repeat(n / 9),
  'indexed keys': (n) => "$store['a']".repeat(n / 11) + "['secretKey'] = 'x'",
  'field storm': (n) => 'seller_id secret_key access_key '.repeat(n / 32),
  'dotted token': (n) => `${'seller.'.repeat(n / 7)}secretKey = 1`,
  'query params without whitespace': (n) => '?AWSAccessKeyId=AKIA2OGYBAH6Q7KD4XZM&SellerId=A1&'.repeat(n / 48),
  'yaml indentation ladder': (n) =>
    Array.from({ length: n / 40 }, (_, i) => `${' '.repeat(i % 30)}- secret_key: x`).join('\n'),
  'one long minified line': (n) => `var a={${'sellerId:e.s,secretKey:e.k,'.repeat(n / 28)}};`,
  'k8s secret data': (n) => `kind: Secret\ndata:\n${'  key: QUtJQTJPR1lCQUg2UTdLRDRYWk0=\n'.repeat(n / 36)}`,
  'notebook escapes': (n) => '\\n\\"secret_key\\": '.repeat(n / 18),
  'xml tags': (n) => '<SecretKey '.repeat(n / 11),
  'csv cells': (n) => `Access key ID,Secret access key\n${'a,'.repeat(n / 2)}`,
};

function cost(input: string, path: string): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    scanText(input, { path });
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

describe('scanText is linear on adversarial input', () => {
  it.each(Object.entries(generators))('%s', (name, make) => {
    const path = name.startsWith('csv') ? 'x.csv' : 'x.txt';
    const small = make(N);
    const large = make(N * 8);
    cost(small, path); // warm up the JIT
    // Other test files share the 2 cores: keep the best of three ratios, so one GC pause or
    // scheduling hiccup cannot fail a linear function, while a quadratic one (64) still fails.
    let ratio = Infinity;
    for (let attempt = 0; attempt < 3 && ratio >= 24; attempt++) {
      ratio = Math.min(ratio, cost(large, path) / Math.max(cost(small, path), 0.5));
    }
    expect(ratio).toBeLessThan(24);
  });

  it('handles a 1 MB single line and a 1 MB value without throwing', () => {
    const line = `const secretKey = "${'x'.repeat(1_000_000)}"; const k = "${SECRET}";`;
    expect(() => scanText(line, { path: 'bundle.min.js' })).not.toThrow();
    expect(() => classifyString('A'.repeat(1_000_000), { name: 'secretKey' })).not.toThrow();
  });
});
