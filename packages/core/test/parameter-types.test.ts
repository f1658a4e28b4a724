import { describe, expect, it } from 'vitest';
import { parameterType } from '../src/parameter-types.js';
import { workRatio } from './support/work.js';

// `parameter-types.ts`: the record type a parameter is declared with, in each language's order.

describe('parameterType', () => {
  it('reads the type after the name: TypeScript and Python', () => {
    expect(parameterType('private static async refresh(credentials: PlatformCredentials) {', 'credentials')).toBe(
      'PlatformCredentials',
    );
    expect(parameterType('constructor(private readonly account?: AmazonAccount) {}', 'account')).toBe('AmazonAccount');
    expect(parameterType('def sync(self, store: models.AmazonStore) -> None:', 'store')).toBe('AmazonStore');
  });

  it("reads Go's type after the name, with its package and pointer", () => {
    const go =
      'func (a *AmazonAdapter) getAccessToken(ctx context.Context, creds domain.ChannelCredentials) (string, error) {';
    expect(parameterType(go, 'creds')).toBe('ChannelCredentials');
    expect(parameterType('func sign(creds *SellerKeys, body []byte) string {', 'creds')).toBe('SellerKeys');
  });

  it("reads the type before the name: Java, C# and PHP (with PHP's `$`)", () => {
    expect(parameterType('public String token(final SellerAccount account) {', 'account')).toBe('SellerAccount');
    expect(parameterType('private Creds ReadCreds(OrderChannelCredentials c)', 'c')).toBe('OrderChannelCredentials');
    expect(parameterType('public function sign(?\\App\\Models\\AmazonShop $shop = null)', '$shop')).toBe('AmazonShop');
  });

  it("reads the declaration nearest before the read, not another function's of the same name", () => {
    const go = [
      'func Connect(ctx context.Context, a domain.AmazonAccount) error { return nil }',
      'func refresh(ctx context.Context, a config.LWAApp) (string, error) {',
      '\treturn post(a.ClientSecret)',
      '}',
    ].join('\n');
    expect(parameterType(go, 'a', go.indexOf('a.ClientSecret'))).toBe('LWAApp');
    expect(parameterType(go, 'a', go.indexOf('func refresh'))).toBe('AmazonAccount');
  });

  it('reads a type led by an acronym', () => {
    expect(parameterType('function sign(creds: AWSCredentials) {', 'creds')).toBe('AWSCredentials');
    expect(parameterType('def sync(account: SPAPICredentials):', 'account')).toBe('SPAPICredentials');
    expect(parameterType('function sign(creds: AWS) {', 'creds')).toBeUndefined();
  });

  it('names no record for a one-word, container or framework type, or an undeclared name', () => {
    expect(parameterType('function sign(creds: any) {', 'creds')).toBeUndefined();
    expect(parameterType('function sign(creds: Record<string, string>) {', 'creds')).toBeUndefined();
    expect(parameterType('public void Sign(Dictionary<string, string> creds)', 'creds')).toBeUndefined();
    expect(parameterType('public void Sign(HashMap<String, String> creds)', 'creds')).toBeUndefined();
    expect(parameterType('def handle(request: HttpRequest):', 'request')).toBeUndefined();
    expect(parameterType('function sign(account: AmazonAccount) {', 'creds')).toBeUndefined();
    expect(parameterType('x', 'a.b')).toBeUndefined();
  });

  it('is linear on adversarial lists (work counted at n and 8n)', () => {
    const adversaries = [
      (n: number) => `f(${', '.repeat(n / 2)}creds`,
      (n: number) => `f(${'creds: , creds '.repeat(n / 16)}`,
      (n: number) => `(${'final '.repeat(n / 6)}creds)`,
      (n: number) => `(${'A.'.repeat(n / 2)} creds`,
    ];
    for (const make of adversaries)
      expect(workRatio((text) => parameterType(text, 'creds'), make, 40_000)).toBeLessThan(16);
  });
});
