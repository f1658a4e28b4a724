import { describe, expect, it } from 'vitest';
import { firstAssignment } from '../src/assignments.js';

// A name's first assignment, as both resolvers read it (`assignments.ts`).
const valueOf = (text: string, name: string): string | undefined => firstAssignment(text, name)?.value;

describe('first assignments', () => {
  it('ends a statement at its line where the language has no `;`', () => {
    const ruby = 'marketplace = "ATVPDKIKX0DER"\nsid = account.us_seller_id1\nskey = account.us_secret_key1\n';
    expect(valueOf(ruby, 'marketplace')).toBe('"ATVPDKIKX0DER"');
    expect(valueOf(ruby, 'sid')).toBe('account.us_seller_id1');
    expect(valueOf('seller_id = row["seller_id"]\nkey = row["key"]\n', 'seller_id')).toBe('row["seller_id"]');
    expect(valueOf('sellerID := cfg.Seller\nkey := cfg.Key\n', 'sellerID')).toBe('cfg.Seller'); // Go's short declaration
  });

  it('reads on past a line that leaves its statement open', () => {
    expect(valueOf('client = MWS.feeds(\n  merchant_id: sid,\n  key: k)\nx = 1\n', 'client')).toBe(
      'MWS.feeds(\n  merchant_id: sid,\n  key: k)',
    );
    expect(valueOf('seller = prefix +\n  row.id\nx = 1\n', 'seller')).toBe('prefix +\n  row.id');
    expect(valueOf("$seller = $row['a'] .\n  $row['b'];\n", '$seller')).toBe("$row['a'] .\n  $row['b']");
  });

  it('reads strings and comments as such, and a statement the next line carries on', () => {
    const commented = 'marketplace = "ATVPDKIKX0DER"  # US marketplace.\nsid = account.seller_id\n';
    expect(valueOf(commented, 'marketplace')).toBe('"ATVPDKIKX0DER"');
    expect(valueOf('prefix = "seller ("\nsid = a.b\nx = 1\n', 'prefix')).toBe('"seller ("');
    expect(
      valueOf('MwsClient client = MwsClient.builder()\n    .sellerId(store.getSellerId())\n    .build();', 'client'),
    ).toBe('MwsClient.builder()\n    .sellerId(store.getSellerId())\n    .build()');
    expect(valueOf('$s = $store\n  ->getSellerId();', '$s')).toBe('$store\n  ->getSellerId()');
  });

  it('reads a destructured name from its object, and says whether a declaration is constant', () => {
    expect(valueOf('const { storeId, secretKey } = request.body;\n', 'secretKey')).toBe('request.body.secretKey');
    expect(valueOf('const { sellerId } = await this;\n', 'sellerId')).toBe('this.sellerId');
    // A call's result is the call, whole: its member cannot be named without it.
    const fetched = 'const { data: contas } = await supabase\n  .from("contas")\n  .select("id");\nconst x = 1;\n';
    expect(valueOf(fetched, 'contas')).toBe('supabase\n  .from("contas")\n  .select("id")');
    expect(firstAssignment('const SELLER = "A1B2C3D4E5F6G7";\n', 'SELLER')).toEqual({
      value: '"A1B2C3D4E5F6G7"',
      constant: true,
    });
    expect(firstAssignment('let seller = row.id;\n', 'seller')).toEqual({ value: 'row.id', constant: false });
  });

  it("skips an object's entry of that name, whose next entry holds an `=`", () => {
    expect(valueOf('x = { sellerId: row.id, url: "a?b=c" }\nsellerId = 5\n', 'sellerId')).toBe('5');
    expect(valueOf('const m: Record<string, X> = a;', 'm')).toBe('a');
  });

  it('skips a name inside a longer one, a member, and a comparison', () => {
    const text = 'x.seller = a\nmy_seller = b\nif (seller == c) {}\nseller = row.id\n';
    expect(valueOf(text, 'seller')).toBe('row.id');
  });
});
