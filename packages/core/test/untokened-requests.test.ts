import { describe, expect, it } from 'vitest';
import { isMissingTokenFinding, scanText } from '../src/index.js';
import type { AuthTokenOptions, Finding } from '../src/index.js';
import { AUTH_TOKEN_SHAPES } from './auth-token-shapes.js';
import { workRatio } from './support/work.js';

const typeA = (text: string, path: string, authToken?: AuthTokenOptions): Finding[] =>
  scanText(text, { path, ...(authToken ? { authToken } : {}) }).filter((f) => f.kind === 'shared-credentials');

describe('MWS requests without an MWS Auth Token', () => {
  it.each(AUTH_TOKEN_SHAPES.map((s) => [s.name, s] as const))('%s', (_name, shape) => {
    const found = typeA(shape.text, shape.path);
    expect(found.map((f) => f.line)).toEqual(shape.lines);
    for (const f of found) expect(isMissingTokenFinding(f)).toBe(true);
  });

  it('names the seller expression and the token from "Authorize a developer", in both locales', () => {
    const [en] = typeA("amazonMws.orders.search({ Action: 'ListOrders', SellerId: store.sellerId });", 'a.js');
    expect(en?.message).toBe(
      'MWS call for seller store.sellerId without an MWS Auth Token (type A): sign with your keys plus the seller\'s token from "Authorize a developer".',
    );
    expect(en?.secret).toBe('SellerId');
    const [zh] = scanText("amazonMws.orders.search({ SellerId: store.sellerId, Action: 'ListOrders' });", {
      path: 'a.js',
      locale: 'zh-CN',
    });
    expect(zh?.message).toMatch(/^代表卖家 store\.sellerId 的 MWS 调用没有 MWS 授权令牌（A 类）：.*授权开发者/);
  });

  it('fingerprints the request by its seller parameter and expression, not its line', () => {
    const a = typeA("amazonMws.orders.search({ SellerId: store.sellerId, Action: 'ListOrders' });", 'a.js');
    const b = typeA("\n\namazonMws.orders.search({ SellerId: store.sellerId, Action: 'ListOrders' });", 'b.js');
    expect(a[0]?.fingerprint).toBe(b[0]?.fingerprint);
  });

  describe('options (the ESLint rule passes its own)', () => {
    it('allowOwnAccount: false reports a fixed or environment seller id', () => {
      const text = "amazonMws.orders.search({ Action: 'ListOrders', SellerId: process.env.SELLER_ID });";
      expect(typeA(text, 'a.js')).toEqual([]);
      expect(typeA(text, 'a.js', { allowOwnAccount: false }).map((f) => f.column)).toEqual([49]);
    });

    it('sellerIdNames and authTokenNames add project names', () => {
      const seller = "const params = { AWSAccessKeyId: key, Action: 'ListOrders', ShopRef: shop.ref };";
      expect(typeA(seller, 'a.js')).toEqual([]);
      expect(typeA(seller, 'a.js', { sellerIdNames: ['ShopRef'] }).map((f) => f.column)).toEqual([61]);
      const token = "const params = { AWSAccessKeyId: key, Action: 'ListOrders', SellerId: s.id, Delegation: s.t };";
      expect(typeA(token, 'a.js')).toHaveLength(1);
      expect(typeA(token, 'a.js', { authTokenNames: ['Delegation'] })).toEqual([]);
    });
  });
});

/**
 * The readers of `mws-requests.ts` and `mws-request-params.ts` on adversarial input: the work
 * (characters visited, exec calls; see support/work.ts) at size n and 8n, never time.
 */
describe('requests without a token are read in linear work', () => {
  const LINEAR = 16;
  const N = 20_000;
  const generators: Record<string, (n: number) => string> = {
    'seller keys in one object': (n) => `amazonMws.orders.search({ ${'SellerId: s.id, '.repeat(n / 16)} });`,
    'signed sets, one per line': (n) => "p = { 'AWSAccessKeyId': k, 'SellerId': s }\n".repeat(n / 42),
    'setters on many receivers': (n) =>
      Array.from({ length: n / 30 }, (_, i) => `p${String(i)}.append('SellerId', s);`).join('\n'),
    'setters on one receiver': (n) => "p.append('SellerId', s);\n".repeat(n / 25),
    'seller words without syntax': (n) => 'seller merchant account token Action '.repeat(n / 37),
    'long seller word': (n) => `${'seller'.repeat(n / 6)}: x`,
    'URL query sellers without whitespace': (n) => '&SellerId=${s}'.repeat(n / 14),
    'URLs in strings, one per line': (n) =>
      "u = 'https://mws.amazonservices.com/?AWSAccessKeyId=K&SellerId=' + s\n".repeat(n / 70),
    'concatenations without an end': (n) => `'?SellerId=' + ${'a.'.repeat(n / 2)}`,
    'assignments to resolve': (n) => `${'SELLER = SELLER2\n'.repeat(n / 17)}x({ AWSAccessKeyId: k, SellerId: SELLER })`,
    'python clients': (n) => 'mws.Orders(k, s, shop.seller_id)\n'.repeat(n / 34),
    'key reads': (n) => 'seller.secret seller.access '.repeat(n / 28),
    'binding uses': (n) => `const p = { SellerId: s.id };\n${'f(p) '.repeat(n / 5)}`,
  };
  it.each(Object.entries(generators))('%s', (_name, make) => {
    expect(workRatio((text) => scanText(text, { path: 'a.js' }), make, N)).toBeLessThan(LINEAR);
  });
});
