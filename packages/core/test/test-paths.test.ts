import { scanText } from '@mwsguard/core';
import { describe, expect, it } from 'vitest';

// Test code holds no type-A structure (`test-paths.ts`), but its literal keys are still their
// own kinds. Maven's and Gradle's test trees (`src/test/java/…`) are test code however deep.

// A stored row per seller with its own key pair: type A in application code.
const ENTITY = `@Entity
public class SellerAccount {
    private String sellerId;
    private String accessKeyId;
    private String secretKey;
}
`;
// A test helper's literal keys: their own kinds wherever they are.
const KEYS = `public class Keys {
    static final String ACCESS_KEY_ID = "AKIAW7ZQ4NXK2PD5R3TM";
    static final String SECRET_KEY = "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";
}
`;
const kinds = (text: string, path: string): string[] => scanText(text, { path }).map((f) => f.kind);

describe('test paths', () => {
  const tests = [
    'src/test/java/com/acme/SellerAccount.java',
    'app/src/androidTest/kotlin/com/acme/SellerAccount.java',
    'svc/src/integrationTest/java/SellerAccount.java',
  ];

  it("reads Maven's and Gradle's test trees as tests, however deep", () => {
    for (const path of tests) expect(kinds(ENTITY, path)).toEqual([]);
    expect(kinds(ENTITY, 'src/main/java/com/acme/SellerAccount.java')).toEqual(['shared-credentials']);
  });

  it('still reports literal keys there as their own kinds', () => {
    for (const path of tests) expect(kinds(KEYS, path)).toEqual(['access-key-id', 'secret-key']);
  });

  it("reads a test's fixture project inside a test tree as test code", () => {
    expect(kinds(ENTITY, 'src/test/resources/unit/shop/src/main/java/com/acme/SellerAccount.java')).toEqual([]);
    expect(kinds(ENTITY, 'src/main/java/com/acme/test/SellerAccountTests/java/SellerAccount.java')).toEqual([
      'shared-credentials',
    ]);
  });

  it("reads a route file in a folder named test as the app's endpoint, not a test", () => {
    // (A settings dialog's "test connection" endpoint gets the seller's keys in the body.)
    const route = [
      'export async function POST(request) {',
      '  const body = await request.json();',
      '  return connect({ sellerId: body.sellerId, secretKey: body.secretKey, awsAccessKeyId: body.accessKeyId });',
      '}',
      '',
    ].join('\n');
    for (const path of ['src/app/api/settings/test/route.ts', 'app/test/page.tsx', 'src/routes/test/+server.ts'])
      expect(kinds(route, path)).toEqual(['shared-credentials']);
    for (const path of ['src/app/api/settings/test/helpers.ts', 'test/route.test.ts'])
      expect(kinds(route, path)).toEqual([]);
  });
});
