import { describe, expect, it } from 'vitest';
import { isMissingTokenFinding, scanText } from '../src/index.js';

const typeA = (text: string, path: string): [number, boolean][] =>
  scanText(text, { path })
    .filter((f) => f.kind === 'shared-credentials')
    .map((f) => [f.line, isMissingTokenFinding(f)]);

describe('one shared-credentials finding per structure', () => {
  it("keeps the record judge's finding of a call both judges describe", () => {
    const text = `def perform(shop)
  MWS.orders(
    merchant_id: shop.merchant_id,
    aws_access_key_id: shop.key,
    aws_secret_access_key: shop.secret
  ).list_orders
end`;
    const [finding, ...rest] = scanText(text, { path: 'app/jobs/sync.rb' }).filter(
      (f) => f.kind === 'shared-credentials',
    );
    expect(rest).toEqual([]);
    expect(finding?.line).toBe(5);
    expect(finding?.message).toMatch(/seller's own MWS keys/);
  });

  it('keeps both when the request without a token is another call than the record', () => {
    const text = `const MwsClient = require('amazon-mws');

function connect(shop) {
  return new MwsClient({ sellerId: shop.sellerId, accessKeyId: shop.key, secretKey: shop.secret });
}

function listOrders(client, seller) {
  return client.orders.search({ Action: 'ListOrders', SellerId: seller.sellerId });
}`;
    expect(typeA(text, 'src/mws.js')).toEqual([
      [4, false],
      [8, true],
    ]);
  });
});
