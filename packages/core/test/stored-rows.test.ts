import { describe, expect, it } from 'vitest';
import { fetchesRows, ownerRowOrigin, rowOrigin } from '../src/stored-rows.js';
import { fetchedForOwner, fetchedForTenant } from '../src/tenant-lookups.js';
import { textResolver } from '../src/text-resolver.js';
import { readsConfigObject } from '../src/type-a-evidence.js';
import { classifyValue } from '../src/value-shape.js';

// Where the object a key is read from came from (`stored-rows.ts`, `tenant-lookups.ts`).
const origin = (text: string, value: string): string | undefined => rowOrigin(value, textResolver(text));

describe('stored rows', () => {
  it('follows a bag back through the objects read out of a fetched row', () => {
    const supabase = [
      'const { data: contas } = await supabase.from("contas_marketplace").select("id, configuracoes");',
      'const conta = contas[0];',
      'const config = conta.configuracoes as Record<string, string>;',
      '',
    ].join('\n');
    expect(origin(supabase, 'config.amz_client_secret')).toBe(
      'supabase.from("contas_marketplace").select("id, configuracoes")',
    );
    const eloquent = [
      "$integracao = Integracao::where('empresa_id', $this->empresaId)->first();",
      '$config = json_decode($integracao->configuracoes, true);',
      '',
    ].join('\n');
    // (A field's value may have lost PHP's `$`.)
    expect(origin(eloquent, "$config['client_secret']")).toMatch(/^Integracao::where/);
    expect(origin(eloquent, 'config.client_secret')).toMatch(/^Integracao::where/);
    for (const fetch of [
      'Shop.objects.get(pk=shop_pk)',
      'await prisma.store.findUnique({ where: { id } })',
      'Store.find_by(domain: host)',
      'cursor.fetchone()',
      "self.env['amazon.account'].browse(account_id)",
    ])
      expect(origin(`row = ${fetch}\nsettings = row.settings\n`, 'settings.secret_key')).toBeDefined();
  });

  it("stops at a name that stands for other things elsewhere: another function's local, a parameter", () => {
    const twoLocals = [
      'async function storeName(storeId) {',
      '  const config = await prisma.storeConfig.findUnique({ where: { storeId } });',
      '}',
      'function accessToken() {',
      '  const config = loadConfig();',
      '  return config.lwaClientSecret;',
      '}',
      '',
    ].join('\n');
    expect(origin(twoLocals, 'config.lwaClientSecret')).toBeUndefined();
    const parameter =
      "function status($id) {\n  $config = Integracao::where('empresa_id', $id)->first();\n}\nfunction connect(array $config) {}\n";
    expect(origin(parameter, "$config['client_secret']")).toBeUndefined();
    // (Every assignment alike, or computed from itself, or a fetch too: one origin.)
    const decoded = '$config = Shop::find($id)->settings;\n$config = json_decode($config, true);\n';
    expect(origin(decoded, "$config['client_secret']")).toMatch(/^Shop::find/);
    const fetches =
      'a() { const config = await this.getConfig(user); }\nb() { const config = await settings.forUser(user); }\n';
    expect(fetchedForTenant('config.secret', textResolver(fetches))).toBe(true);
  });

  it("reads a fetch of the sellers', stores' or accounts' own table as an owner's row, whichever row", () => {
    const owner = (fetch: string): string | undefined =>
      ownerRowOrigin('config.client_secret', textResolver(`row = ${fetch}\nconfig = row.settings\n`));
    for (const fetch of [
      'supabase.from("contas_marketplace").select("*").filter("state", "eq", state)',
      "supabase.from('amazon_accounts').select('*').eq('oauth_state', state)",
      "ShopAccount::where('state', $state)->first()",
      'await prisma.store.findFirst({ where: { oauthState: state } })',
      "self.env['amazon.seller'].search([('state', '=', state)])[0]",
      'Seller.objects.get(oauth_state=state)',
      'await db.from("platform_credentials").select("*").eq("merchant_code", code).single()',
    ])
      expect(owner(fetch)).toBeDefined();
    // The program's own settings, and rows named for nothing that owns them.
    for (const fetch of [
      'supabase.from("app_settings").select("*").single()',
      'AmazonSetting::where("active", 1)->first()',
      'await prisma.amazonConfig.findFirst({ where: { id: 1 } })',
      'supabase.from("tokens").select("*").single()',
      'Report.objects.get(pk=report_id)',
    ])
      expect(owner(fetch)).toBeUndefined();
    // (One test for both: an owner's row fetched for that owner, or out of an owner-named table.)
    const resolve = textResolver(
      'a = Shop.objects.get(pk=shop_pk)\nb = getCredentials(userId)\nc = Report.objects.get(pk=1)\n',
    );
    expect(['a.secret', 'b.secret', 'c.secret'].map((v) => fetchedForOwner(v, resolve))).toEqual([true, true, false]);
  });

  it("reads the one row of a settings model as the program's configuration, not an owner's row", () => {
    const config = (load: string): boolean => readsConfigObject('s.secret_key', textResolver(`s = ${load}\n`));
    for (const load of [
      'Setting::first()',
      'AppSetting::first()',
      'AppSettings.load()',
      'SiteConfiguration.get_solo()',
      'Settings.objects.get(pk=1)',
    ])
      expect(config(load)).toBe(true);
    expect(config("Setting::where('user_id', $id)->first()")).toBe(false);
  });

  it('takes no list in memory for a fetch', () => {
    for (const list of [
      "collect(config('amazon.apps'))->where('region', 'eu')->first()",
      '_.first(this.profiles)',
      'accounts.stream().filter(a -> a.active).findFirst()',
      'std::find(v.begin(), v.end(), x)',
    ])
      expect(fetchesRows(`x = ${list}\n`)).toBe(false);
  });

  it('stops at anything else: a parameter, a configuration, a list in memory, three hops', () => {
    expect(origin('function f(config) { return config.secret; }', 'config.secret')).toBeUndefined();
    expect(origin('config = load_config()\n', 'config.secret')).toBeUndefined();
    expect(origin('const acct = accounts.find((a) => a.id === id);\n', 'acct.secret')).toBeUndefined();
    const deep = 'a = Shop.objects.get(pk=1)\nb = a.x\nc = b.y\nd = c.z\n';
    expect(origin(deep, 'c.secret')).toBeDefined();
    expect(origin(deep, 'd.secret')).toBeUndefined();
  });

  it('takes a row fetched for one owner, by its id or whole', () => {
    const fetched = (text: string, value: string): boolean => fetchedForTenant(value, textResolver(text));
    expect(fetched('const config = await this.getConfig(user);\n', 'config.ClientSecret')).toBe(true);
    expect(fetched('const config = await this.getConfig(req.user, "amazon");\n', 'config.ClientSecret')).toBe(true);
    expect(fetched('const config = await this.getConfig();\n', 'config.ClientSecret')).toBe(false);
    expect(fetched('const config = await this.getConfig(userName);\n', 'config.ClientSecret')).toBe(false);
    // (The call must be the whole value: a test of the owner picks a configuration.)
    expect(fetched('const config = isSandbox(account) ? SANDBOX : PRODUCTION;\n', 'config.ClientSecret')).toBe(false);
    const chained = "$i = Integracao::where('empresa_id', $id)->first();\n$config = $i->configuracoes;\n";
    expect(fetched(chained, "$config['client_secret']")).toBe(true);
  });

  it("reads a record's own settings member as that record's, not the program's configuration", () => {
    expect(classifyValue('shop.settings.secret_key')).toBe('ref');
    expect(classifyValue("$integration->config['client_secret']")).toBe('ref');
    expect(classifyValue('settings.AWS_SECRET_KEY')).toBe('env');
    expect(classifyValue('this.config.clientSecret')).toBe('env');
    // (A client-side state store or a request is no row.)
    expect(classifyValue('store.config.secretKey')).toBe('env');
    expect(classifyValue('request.config.secret_key')).toBe('env');
    expect(classifyValue('app.config["SECRET_KEY"]')).toBe('env');
    expect(classifyValue('shop.settings.secret || process.env.SECRET')).toBe('env');
  });
});
