import { describe, expect, it } from 'vitest';
import { classifyString, scanText } from '@mwsguard/core';
import { countWork, workRatio } from './support/work.js';

/**
 * Every regex and loop in core must stay linear on adversarial input: a secret scanner runs on
 * every commit and must never hang one. Each generator below builds input meant to trigger
 * backtracking or repeated work; the test compares the WORK (characters visited by regex searches
 * and string builtins, and exec calls: see support/work.ts) at size n and 8n. Linear code gives a
 * ratio near 8; quadratic code gives 64. Work counts are exact and do not depend on the machine's
 * load, so the bound (16) needs no room for noise. No time is measured.
 */
const LINEAR = 16;
const N = 32_000;

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
  'MyBatis condition storm': (n) => '  <if test="secretKey != null">\n    `secret_key`,\n  </if>\n'.repeat(n / 54),
  'unclosed condition tags': (n) => `<if test="${'a '.repeat(n / 2)}`,
  'wrapped client calls': (n) => 'new MwsClient(\n    row.getAccessKey(), row.getSecretKey(),\n'.repeat(n / 55),
  'stored row chains': (n) =>
    `${'const { data: c } = await db.from("t").select(\nconfig = c.settings\n'.repeat(n / 68)}client_secret: config.client_secret, refresh_token: c.t\n`,
  'dotted token': (n) => `${'seller.'.repeat(n / 7)}secretKey = 1`,
  'query params without whitespace': (n) => '?AWSAccessKeyId=AKIA2OGYBAH6Q7KD4XZM&SellerId=A1&'.repeat(n / 48),
  'yaml indentation ladder': (n) =>
    Array.from({ length: n / 40 }, (_, i) => `${' '.repeat(i % 30)}- secret_key: x`).join('\n'),
  'one long minified line': (n) => `var a={${'sellerId:e.s,secretKey:e.k,'.repeat(n / 28)}};`,
  'k8s secret data': (n) => `kind: Secret\ndata:\n${'  key: QUtJQTJPR1lCQUg2UTdLRDRYWk0=\n'.repeat(n / 36)}`,
  'notebook escapes': (n) => '\\n\\"secret_key\\": '.repeat(n / 18),
  'xml tags': (n) => '<SecretKey '.repeat(n / 11),
  'csv cells': (n) => `Access key ID,Secret access key\n${'a,'.repeat(n / 2)}`,
  // The key-name gates allow any separators between their words (`access - key`).
  'key words before long separator runs': (n) => `access${' _-'.repeat(n / 6)}aws${'-'.repeat(n / 2)}`,
  'key words each before separators': (n) => 'access -_ key_- mws__ '.repeat(n / 22),
  // Issue 12's readers: framework request reads, PHP member chains, admin-panel fields, attribute
  // lists, generic names in MWS-named records, requests whose token may follow, presigned URLs,
  // secrets after environment reads, commented-out fields.
  'request reads': (n) => "$account->secret_key = $request->input('secret_key'); ".repeat(n / 52),
  'framework reads without a name': (n) => '$this->input->post(request.POST.get(params.fetch('.repeat(n / 48),
  'php member chains': (n) => `${'$a->'.repeat(n / 4)}secret_key`,
  'php member chain storm': (n) => '$rows[0]->seller->secret_key '.repeat(n / 30),
  'nova fields': (n) => `return [${"Text::make('Secret Key', 'secret_key'), ".repeat(n / 42)}];`,
  // Parameter bindings (`parameter-bindings.ts`): many helpers declaring a key parameter, each
  // name mentioned again and again without a call; unclosed parameter lists and argument lists.
  'helpers declaring a key parameter': (n) =>
    `// amazon mws\n${'function sign_mws($seller_id, $aws_access_key_id) { $p["AWSAccessKeyId"] = $aws_access_key_id; $p["Merchant"] = $seller_id; }\n'.repeat(n / 120)}`,
  'helper mentions without a call': (n) =>
    `// amazon mws\nfunction call_mws($seller_id, $key) { $p['AWSAccessKeyId'] = $key; $p['SellerId'] = $seller_id; }\n${'call_mws call_mws; '.repeat(n / 19)}`,
  'unclosed parameter and argument lists': (n) =>
    `// amazon mws\n$p['AWSAccessKeyId'] = $key; $p['SellerId'] = $sid;\n${'function f($key, '.repeat(n / 34)}${'f($sid, '.repeat(n / 16)}`,
  // Form fields declared by descriptor calls, hint maps, Rails object helpers, blank fallbacks.
  'field descriptor calls': (n) =>
    `// amazon\n${'new("secretKey", "AWS Secret Key", "IAM user secret", true), '.repeat(n / 66)}`,
  'hint maps': (n) =>
    `// amazon mws\n$inputfields = [${'"SecretKey" => "Bitte den geheimen Schlüssel eintragen", '.repeat(n / 60)}];`,
  'rails object helpers': (n) =>
    `<%# amazon mws %>\n${'<%= text_field :mws, :skey %><%= label :mws, :seller_id, "Seller" %>'.repeat(n / 70)}`,
  'blank fallbacks': (n) =>
    `<?php // amazon mws\nextract($_REQUEST);\n${"isset($secret_key) ? $data['secret_key'] = $secret_key : ''; ".repeat(n / 62)}`,
  'generic keys in a multichannel text': (n) =>
    `// amazon shopify ebay walmart\nvar c = {${'clientSecret: e.s, apiSecret: e.t, sellerId: e.i, '.repeat(n / 50)}};`,
  'section comments over generic keys': (n) =>
    `// shopify ebay\n${'// Amazon LWA\n  clientSecret string\n'.repeat(n / 34)}`,
  'eloquent attribute list': (n) => `protected $fillable = [${"'seller_id', 'secret_key', ".repeat(n / 28)}];`,
  'generic names in an MWS table': (n) =>
    `CREATE TABLE mws_credentials (${'key VARCHAR(64), secret TEXT, '.repeat(n / 31)});`,
  'requests with a seller template': (n) =>
    `"https://mws.amazonservices.com/?AWSAccessKeyId=AKIA2OGYBAH6Q7KD4XZM&SellerId={s}"\n${'"&X=1" +\n'.repeat(n / 10)}`,
  'presigned URL parameters': (n) =>
    '?AWSAccessKeyId=AKIA2OGYBAH6Q7KD4XZM&Expires=1&X-Amz-Credential=AKIA2OGYBAH6Q7KD4XZM/'.repeat(n / 84),
  'secrets after environment reads': (n) => `f(process.env.MWS_ACCESS_KEY_ID, '${SECRET}'); `.repeat(n / 80),
  'commented-out fields': (n) => '# "secret_key": "x",\n// seller_id: 1,\n'.repeat(n / 36),
  'validation rules': (n) => "'secret_key' => 'required|string|max:40', ".repeat(n / 42),
  // This session's readers: body aliases, form idioms, INSERT lists in strings, Allman braces.
  'body alias storm': (n) => `${'data = request.get_json() '.repeat(n / 52)}${"data['secret_key'] ".repeat(n / 38)}`,
  'assignments without a body': (n) => 'a = b = c = request.'.repeat(n / 20),
  'razor inputs': (n) => '@Html.PasswordFor(m => m.SecretKey) '.repeat(n / 36),
  'form controls': (n) => "secretKey: ['', Validators.required], sellerId: new FormControl(''), ".repeat(n / 70),
  'quoted insert lists': (n) => `"INSERT INTO stores (${'seller_id, secret_key, '.repeat(n / 23)}) VALUES"`,
  'submitted reads of every framework': (n) =>
    'form.cleaned_data[\'secret_key\'] request.getParameter("secretKey") c.PostForm("secret_key") Request["SecretKey"] '.repeat(
      n / 104,
    ),
  'allman braces': (n) => 'public class Store\n{\n  public string SecretKey { get; set; }\n'.repeat(n / 60),
  // Migrations and fluent mappings, and calls both judges of type A describe (one finding each).
  'django AddField storm': (n) =>
    'migrations.AddField(model_name="shop", name="secret_key", field=models.CharField()), '.repeat(n / 86),
  'entity framework mappings': (n) =>
    'entity.Property(e => e.AwsSecretAccessKey).HasColumnName("k"); entity.Property(e => e.MerchantId) '.repeat(
      n / 100,
    ),
  'json blob reads': (n) =>
    'secret_key=json.loads(shop.credentials)["secret_key"], creds = json.loads(s.k) k=creds["secret_key"], '.repeat(
      n / 100,
    ),
  // A one-line CREATE TABLE, in a string or not, and values read through conversions.
  'one-line create table': (n) => `db.exec("CREATE TABLE t (${'seller_id TEXT, secret_key TEXT, '.repeat(n / 34)})");`,
  'create table storm': (n) => 'CREATE TABLE t (secret_key TEXT, '.repeat(n / 33),
  'form entries declared as data': (n) =>
    "{ key: 'secretKey', label: 'Secret', name: 'seller_id', type: 'password' }, ".repeat(n / 76),
  'naming entries without a label': (n) => 'name: "secret_key", '.repeat(n / 20),
  // A label naming a key role gives a generic key its role (`labelled-entries.ts`): entries whose
  // braces never close, and labels with no entry around them, each read within a bounded window.
  // (Each names Amazon: labels are read only where generic names count.)
  'labelled generic entries': (n) =>
    `// amazon\n${"{ key: 'apiSecret', label: 'Client Secret (LWA)' }, ".repeat(n / 52)}`,
  'labels without closing braces': (n) =>
    `// amazon\n${"{ key: 'apiKey', label: 'AWS Access Key ID', ".repeat(n / 44)}`,
  'labels outside any entry': (n) => `// amazon\n${"label: 'Seller ID' ".repeat(n / 19)}`,
  'html labels without a closing bracket': (n) => `// mws\n${'<label htmlFor="api_secret" '.repeat(n / 29)}`,
  'an html label before a long run of spaces': (n) => `// mws\n<label for="x">${' '.repeat(n)}`,
  'nested labelled entries': (n) =>
    `// amazon mws\n${"{ fields: [{ key: 'apiSecret', label: 'Secret Key', type: 'password' }], title: 'Seller ID' }, ".repeat(n / 90)}`,
  'html labels naming MWS keys': (n) => '<Label htmlFor="api_secret">MWS Secret Key</Label> api_secret '.repeat(n / 62),
  'html labels naming other secrets': (n) =>
    `<Label htmlFor="api_secret">MWS Secret Key</Label>${'<Label htmlFor="api_secret">Shared secret</Label> api_secret '.repeat(n / 62)}`,
  'labelled names read again on one long line': (n) =>
    `{ key: 'apiSecret', label: 'MWS Secret Key', type: 'password' } ${'row.apiSecret, '.repeat(n / 15)}`,
  'loop storm': (n) => 'foreach (var s in shops) for x in xs: shops.forEach((s) => for (const s of xs) '.repeat(n / 80),
  'loop keywords without a loop': (n) => 'for for each .each .map( as $ '.repeat(n / 30),
  'dom input reads': (n) =>
    "secret_key: $('#secret_key').val(), s: document.getElementById('secretKey').value, ".repeat(n / 84),
  // The project pass's candidate (`project-candidates.ts`): a text with no record of its own.
  'carried secrets without a record': (n) =>
    `// amazon\n${'function f(sellerId, clientSecret) { return post(u, { client_secret: clientSecret, seller: sellerId }); }\n'.repeat(n / 104)}`,
  'keys read from typed parameters': (n) =>
    `// amazon\n${'func sign(ctx context.Context, creds domain.ChannelCredentials) { f.Set("client_secret", creds.ClientSecret) }\n'.repeat(n / 104)}`,
  'typed parameter lists without a close': (n) => `// amazon\nf(${'creds: , '.repeat(n / 9)}x = creds.clientSecret`,
  'strong parameters': (n) => `# amazon mws\nparams.require(:a).permit(${':seller_id, :secret_key, '.repeat(n / 26)})`,
  'symbol lists without a permit call': (n) =>
    `# amazon mws\n${'keys = [:aws_access_key_id, :secret_key]\n'.repeat(n / 42)}`,
  'symbol lists before many permit calls': (n) =>
    `# amazon mws\nkeys = [:aws_access_key_id, :secret_key]\n${'x.permit(:a, '.repeat(n / 14)}`,
  'keys read from local literals': (n) =>
    `// amazon\n${'const c = { client_secret: config.s }; f({ client_secret: c.client_secret, refresh_token: t });\n'.repeat(n / 92)}`,
  'arrow parameters with inline types': (n) =>
    `// amazon\n${'login: (c: { sellerId: string; clientSecret: string }) => post(c),\n'.repeat(n / 70)}`,
  'token request bodies': (n) =>
    `// amazon\n${"{ grant_type: 'refresh_token', client_secret: clientSecret, seller_id: s }, ".repeat(n / 76)}`,
  'tenant lookups': (n) =>
    "$p['AWS_SECRET_ACCESS_KEY'] = $m->get('AWS_SECRET_ACCESS_KEY', $customerId); ".repeat(n / 78),
  'record headers': (n) => `record R(${'String sellerId, String secretKey, '.repeat(n / 34)})`,
  'record keywords without headers': (n) => 'record R( String secretKey record '.repeat(n / 35),
  'web action parameters': (n) =>
    `[HttpPost] public ActionResult Save(${'string SellerId, string SecretKey, '.repeat(n / 36)})`,
  'action headers without parameters': (n) => '[HttpPost] ( string secretKey ) @PostMapping Save( '.repeat(n / 50),
  'objects fetched per owner': (n) =>
    `${'const c = get(userId, shopId, storeId, '.repeat(n / 80)}); k = { secretKey: c.secretKey, sellerId: c.sellerId };`,
  'form data entries': (n) => `const fd = new FormData(); ${"fd.append('SecretKey', k); ".repeat(n / 28)}`,
  'kotlin getters': (n) => 'val clientSecret: String\n    get() = System.getenv("X")\n'.repeat(n / 52),
  'conversion chains': (n) => `row.SecretKey = ${'str('.repeat(n / 8)}s.secret_key${'.trim()'.repeat(n / 16)};`,
  'settings rows loaded and never written': (n) =>
    `// amazon mws\n${'$s = AppSetting::first(); $x = ['.repeat(n / 32)}'secret_key' => $r->secret_key, 'seller_id' => $r->seller_id]`,
  'rows read out of owner-named tables': (n) =>
    `// amazon\n${'const a = db.from("store_accounts_x").select("*"); const b = a[0]; '.repeat(n / 72)}f({ grant_type: g, client_secret: b.client_secret });`,
  'rows read out of owner settings tables': (n) =>
    `// amazon\n${'const a = db.from("seller_settings_config_x").select("*"); const b = a[0]; '.repeat(n / 80)}f({ grant_type: g, client_secret: b.client_secret });`,
  'label components with their text as an attribute': (n) =>
    `// amazon\n${'<InputLabel htmlFor="api_secret" class="a" value="Secret Access Key x" '.repeat(n / 76)}`,
  'placeholder words in token bodies': (n) => `x = Atzr|${'your_eu_'.repeat(n / 8)}refresh_token_here`,
  'platform branches above generic keys': (n) =>
    `// shopify ebay amazon\n${"if (p.code === 'amazon' x  ${' '.repeat(60)}\ncase 'Amazon' : \n{ key: 'clientSecret', sellerId: s },\n".repeat(n / 120)}`,
  'keys read from decrypted or decoded record members': (n) =>
    `# amazon mws\n${'c = decrypt(store.credentials)\nd = shop.keys\nmws.Orders(access_key=c["access_key"], secret_key=d["secret_key"], account_id=s.merchant_id)\n'.repeat(n / 120)}`,
  'record members copied or defaulted': (n) =>
    `# amazon mws\n${'c = dict(  store.credentials or  {} \nd = (shop.keys ?? [])\nmws.Orders(secret_key=c[:secret_key], account_id=s.merchant_id)\n'.repeat(n / 110)}`,
  'decryptions behind many qualifiers': (n) =>
    `// amazon\nconst c = await ${'a.b::c->'.repeat(n / 9)}decrypt(account.credentials);\nf({ client_secret: c.clientSecret, refresh_token: t });`,
  'decryption calls without a close': (n) =>
    `# amazon\nc = await decrypt${'x'.repeat(n / 2)}( store.credentials ${' '.repeat(n / 2)}`,
  'calls both judges describe': (n) =>
    'MWS.orders(merchant_id: s.merchant_id, aws_access_key_id: s.key, aws_secret_access_key: s.secret)\n'.repeat(
      n / 98,
    ),
};

describe('scanText is linear on adversarial input', () => {
  it.each(Object.entries(generators))('%s', (name, make) => {
    expect(ratioOf(make, name.startsWith('csv') ? 'x.csv' : 'x.txt', N)).toBeLessThan(LINEAR);
  });

  it('handles a 1 MB single line and a 1 MB value without throwing', () => {
    const line = `const secretKey = "${'x'.repeat(1_000_000)}"; const k = "${SECRET}";`;
    expect(() => scanText(line, { path: 'bundle.min.js' })).not.toThrow();
    expect(() => classifyString('A'.repeat(1_000_000), { name: 'secretKey' })).not.toThrow();
  });
});

/**
 * The format readers (JSON/YAML nesting, XML, INI/TOML sections, CSV headers, SQL rows, notebook
 * escapes, URL encoding, Kubernetes base64) on pathological input of their own format. Each
 * adversary has its own base size `n` (the cost of `n` and `8n` characters is compared, as
 * above) and file path (which decides CSV and source-code handling). The `1 MB` ones reach a
 * megabyte at 8n. An adversary that exposed a quadratic path is kept small enough for the
 * quadratic version to finish in about a second.
 */
interface Adversary {
  readonly make: (n: number) => string;
  readonly path: string;
  readonly n: number;
}

const ONE_MB_AT_8N = 131_072;
const AK = 'AKIA2OGYBAH6Q7KD4XZM';
const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
const lines = (count: number, line: (i: number) => string): string =>
  Array.from({ length: Math.floor(count) }, (_, i) => line(i)).join('\n');
/** Depth of an indentation staircase whose total size is about `n` characters. */
const depthFor = (n: number): number => Math.floor(Math.sqrt(2 * n));

const formatAdversaries: Record<string, Adversary> = {
  // JSON
  'JSON: 20k nested objects (160k at 8n)': {
    make: (n) => `${'{"a":'.repeat(n / 5)}{"secretKey":"${SECRET}"}${'}'.repeat(n / 5)}`,
    path: 'deep.json',
    n: 100_000,
  },
  'JSON: nested objects named like credentials': {
    make: (n) => `${'{"secretKey":'.repeat(n / 13)}"${SECRET}"${'}'.repeat(n / 13)}`,
    path: 'deep.json',
    n: 10_000,
  },
  'JSON: 20k nested arrays around a secret': {
    make: (n) => `{"secretKey":${'['.repeat(n / 2)}"${SECRET}"${']'.repeat(n / 2)}}`,
    path: 'deep.json',
    n: 40_000,
  },
  'JSON: nested seller records never closed': {
    make: (n) => `{"sellers":[${`{"sellerId":"A1B2C3D4E5F6G7","secretKey":"${SECRET}","next":`.repeat(n / 80)}`,
    path: 'sellers.json',
    n: 8_000,
  },
  'JSON: unterminated string after a secret name': {
    make: (n) => `{"secretKey": "${'aB3/'.repeat(n / 4)}`,
    path: 'broken.json',
    n: 160_000,
  },
  'JSON: single-line object of seller credentials': {
    make: (n) =>
      `{${`"sellerId":"A1B2C3D4E5F6G7","accessKeyId":"${AK}","secretKey":"${SECRET}",`.repeat(n / 117)}"x":1}`,
    path: 'min.json',
    n: 20_000,
  },
  // YAML
  'YAML: indentation staircase': {
    make: (n) =>
      lines(depthFor(n), (i) => `${' '.repeat(i)}level${String(i)}:`) +
      `\n${' '.repeat(depthFor(n))}secret_key: ${SECRET}`,
    path: 'deep.yml',
    n: 160_000,
  },
  'YAML: staircase of seller records': {
    make: (n) =>
      lines(depthFor(n) / 2, (i) => `${' '.repeat(2 * i)}sellers:\n${' '.repeat(2 * i + 1)}seller_id: A1`) +
      `\n${' '.repeat(depthFor(n))}secret_key: ${SECRET}`,
    path: 'deep.yml',
    n: 40_000,
  },
  'YAML: 20k nested flow mappings': {
    make: (n) => `${'{a: '.repeat(n / 4)}{secret_key: ${SECRET}}${'}'.repeat(n / 4)}`,
    path: 'flow.yml',
    n: 80_000,
  },
  'YAML: sequence of sequences on one line': {
    make: (n) => `${'- '.repeat(n / 2)}secret_key: ${SECRET}`,
    path: 'list.yml',
    n: 160_000,
  },
  'YAML: sawtooth 2000 levels deep': {
    make: (n) => lines(n / 1016, (i) => `${' '.repeat((i * 997) % 2000)}- secret_key: ${SECRET}`),
    path: 'saw.yml',
    n: 160_000,
  },
  'YAML: block scalars': {
    make: (n) => lines(n / 24, (i) => (i % 8 === 0 ? 'secret_key: |' : `  aB3/${String(i)}+xYz`)),
    path: 'block.yml',
    n: 80_000,
  },
  // 1 MB single lines
  'one line of key=value& pairs': {
    make: (n) => `secret_key=${SECRET}&access_key=${AK}&seller_id=A1&`.repeat(n / 92),
    path: 'body.txt',
    n: 20_000,
  },
  '1 MB line: base64 blob': {
    make: (n) => `secret_blob = "${'QUtJQTJPR1lCQUg2'.repeat(n / 16)}"`,
    path: 'blob.txt',
    n: ONE_MB_AT_8N,
  },
  'one-line minified bundle of key pairs': {
    make: (n) => `!function(){${`e.exports={accessKeyId:"${AK}",secretAccessKey:"${SECRET}"};`.repeat(n / 100)}}();`,
    path: 'bundle.min.js',
    n: 20_000,
  },
  'one-line JSON of credential field names': {
    make: (n) => `[${'{"sellerId":null,"accessKeyId":null,"secretKey":null,"mwsAuthToken":null},'.repeat(n / 75)}{}]`,
    path: 'min.json',
    n: 40_000,
  },
  '1 MB line: a secret after a megabyte': {
    make: (n) => `${'x'.repeat(n)} secret_key = "${SECRET}"`,
    path: 'long.txt',
    n: ONE_MB_AT_8N,
  },
  // = chains and % runs
  '= chains between secret names': {
    make: (n) => `${'secret_key='.repeat(n / 11)}${SECRET}`,
    path: 'chain.env',
    n: 20_000,
  },
  '= chain before a secret': {
    make: (n) => `secret_key${'='.repeat(n)}${SECRET}`,
    path: 'chain.env',
    n: 160_000,
  },
  '% runs in a query value': {
    make: (n) => `GET /sync?mws_secret_key=${'%'.repeat(n)}`,
    path: 'access.log',
    n: 160_000,
  },
  '%2 runs': {
    make: (n) => `?secret_key=${'%2'.repeat(n / 2)}`,
    path: 'access.log',
    n: 160_000,
  },
  '%3D before every 40-character run': {
    make: (n) => `secret_key${`%3D${SECRET}`.repeat(n / 43)}`,
    path: 'access.log',
    n: 10_000,
  },
  'percent-encoded refresh token prefixes': {
    make: (n) => 'refresh_token=Atzr%7C'.repeat(n / 21),
    path: 'lwa.log',
    n: 40_000,
  },
  // Unterminated quotes
  'XML: unterminated attribute value': {
    make: (n) => `<add key="SecretKey" value="${'aB3/'.repeat(n / 4)}`,
    path: 'App.config',
    n: 160_000,
  },
  'Python: unterminated triple-quoted string': {
    make: (n) => `SECRET_KEY = """\n${lines(n / 42, () => SECRET)}`,
    path: 'settings.py',
    n: 40_000,
  },
  'notebook: unterminated escaped string': {
    make: (n) => `{"source": ["SECRET_KEY = \\"${'aB3/'.repeat(n / 4)}`,
    path: 'nb.ipynb',
    n: 160_000,
  },
  'TS: every line opens a quote it never closes': {
    make: (n) => lines(n / 56, () => `secretKey = "${SECRET}`),
    path: 'broken.ts',
    n: 20_000,
  },
  // XML, INI, TOML, SQL, Kubernetes
  'XML: nested elements named like credentials': {
    make: (n) => `${'<SecretKey>'.repeat(n / 23)}${SECRET}${'</SecretKey>'.repeat(n / 23)}`,
    path: 'deep.xml',
    n: 30_000,
  },
  'XML: add elements that never get a value': {
    make: (n) => '<add key="SecretKey" '.repeat(n / 21),
    path: 'App.config',
    n: 40_000,
  },
  'INI: thousands of sections with secrets': {
    make: (n) => lines(n / 60, (i) => `[s${String(i)}]\nsecret_key = ${SECRET}`),
    path: 'many.ini',
    n: 20_000,
  },
  'TOML: array of seller tables': {
    make: (n) => lines(n / 88, () => `[[sellers]]\nseller_id = "A1B2C3D4E5F6G7"\nsecret_key = "${SECRET}"`),
    path: 'sellers.toml',
    n: 20_000,
  },
  'SQL: one long INSERT of seller keys': {
    make: (n) =>
      `INSERT INTO sellers (seller_id, access_key, secret_key) VALUES ${`('A1B2C3D4E5F6G7', '${AK}', '${SECRET}'),`.repeat(n / 86)}`,
    path: 'seed.sql',
    n: 20_000,
  },
  'Kubernetes Secret: one 1 MB base64 value': {
    make: (n) => `kind: Secret\ndata:\n  blob: ${'QUtJ'.repeat(n / 4)}\n`,
    path: 'secret.yaml',
    n: ONE_MB_AT_8N,
  },
  'Kubernetes Secret: thousands of encoded secrets': {
    make: (n) => `kind: Secret\ndata:\n${lines(n / 80, (i) => `  K${String(i)}_SECRET_ACCESS_KEY: ${b64(SECRET)}`)}`,
    path: 'secret.yaml',
    n: 20_000,
  },
  // Each of these three exposed a quadratic path in core (a per-value scan back to the start of
  // the line, the header or the nearest `<form`); they stay small enough for it to end quickly.
  'CSV: a long row of secrets under a short header': {
    make: (n) => `id,secret_key\n${`${SECRET},`.repeat(n / 41)}`,
    path: 'keys.csv',
    n: 8_000,
  },
  'HTML: one form with thousands of inputs': {
    make: (n) => `<form>${'<input name="secret_key">'.repeat(n / 25)}</form>`,
    path: 'signup.html',
    n: 16_000,
  },
  'JS: indexed reads of a secret key on one long line': {
    make: (n) => 'e["secretKey"],'.repeat(n / 15),
    path: 'bundle.min.js',
    n: 24_000,
  },
};

/** Work ratio of scanning 8n characters to n characters of `make`'s input. */
function ratioOf(make: (n: number) => string, path: string, n: number): number {
  return workRatio((text) => scanText(text, { path }), make, n);
}

describe('format readers are linear on pathological input', () => {
  it.each(Object.entries(formatAdversaries))('%s', (_name, { make, path, n }) => {
    expect(ratioOf(make, path, n)).toBeLessThan(LINEAR);
  });
});

describe('the work counter itself', () => {
  // The counter must tell the two apart, or every bound above proves nothing.
  const line = (n: number): string => 'ab'.repeat(n / 2);
  it('sees a linear scan as about 8 and a quadratic one as about 64', () => {
    const linear = (text: string): number => {
      let hits = 0;
      for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 97) hits++;
      return hits;
    };
    // A classic quadratic bug: each position searches again from the start of the text.
    const quadratic = (text: string): number => {
      let hits = 0;
      for (let i = 0; i < text.length; i += 2) if (text.slice(0, i).includes('zz')) hits++;
      return hits;
    };
    expect(workRatio(linear, line, 2_000)).toBeCloseTo(8, 0);
    expect(workRatio(quadratic, line, 2_000)).toBeGreaterThan(48);
  });

  it('counts regex searches: a non-global exec per line rescans the text', () => {
    const rescan = (text: string): number => {
      let found = 0;
      for (let i = 0; i < text.length; i += 100) if (/zz/.exec(text.slice(i)) === null) found++;
      return found;
    };
    expect(workRatio(rescan, line, 4_000)).toBeGreaterThan(48);
    const { work } = countWork(() => /b/.exec('aaab'));
    expect(work).toEqual({ steps: 4, execCalls: 1 });
  });

  it('restores the builtins it patched', () => {
    const patched = (): unknown[] => [
      Object.getOwnPropertyDescriptor(RegExp.prototype, 'exec'),
      Object.getOwnPropertyDescriptor(String.prototype, 'indexOf'),
      Object.getOwnPropertyDescriptor(String.prototype, 'charCodeAt'),
    ];
    const before = patched();
    countWork(() => 'x'.indexOf('y'));
    expect(patched()).toEqual(before);
  });
});
