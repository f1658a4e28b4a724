import { judgeProject, scanProject, scanText, scanTextForProject, scanWithAllow } from '@mwsguard/core';
import type { Finding } from '@mwsguard/core';
import { describe, expect, it } from 'vitest';

// The project pass (`project.ts`): a file that carries a seller's keys but declares no type-A
// record of its own is reported when another file of the project holds one.

const SCHEMA = [
  'model AmazonAccount {',
  '  id              String @id',
  '  userId          String',
  '  amazonSellerId  String',
  '  lwaClientId     String',
  '  lwaClientSecret String',
  '  refreshToken    String',
  '}',
  '',
].join('\n');

// What the service that connects an account works with: no record of its own, alone nothing.
const SERVICE = [
  '// Credentials kept for each connected seller account.',
  'export interface AmazonCredentials {',
  '  sellerId: string;',
  '  clientId: string;',
  '  clientSecret: string;',
  '  refreshToken: string;',
  '  marketplaceId: string;',
  '}',
  '',
].join('\n');

/** A Frappe doctype of SP-API credentials; `single` makes it one record per site. */
function frappeDoctype(single: 0 | 1): string {
  return `{
 "doctype": "DocType",
 "name": "Amazon SP API Account",
 "fields": [
  {
   "fieldname": "company",
   "fieldtype": "Link",
   "label": "Company",
   "options": "Company"
  },
  {
   "fieldname": "refresh_token",
   "fieldtype": "Text",
   "label": "Refresh Token"
  },
  {
   "fieldname": "client_secret",
   "fieldtype": "Password",
   "label": "Client Secret"
  },
  {
   "fieldname": "aws_access_key",
   "fieldtype": "Data",
   "label": "AWS Access Key"
  },
  {
   "fieldname": "aws_secret_key",
   "fieldtype": "Password",
   "label": "AWS Secret Key"
  }
 ],
 "issingle": ${single}
}`;
}

const typeA = (findings: readonly Finding[]): Finding[] => findings.filter((f) => f.kind === 'shared-credentials');

describe('project pass', () => {
  it('reports a file carrying the seller secret of a record another file keeps per seller', () => {
    expect(typeA(scanText(SCHEMA, { path: 'prisma/schema.prisma' }))).toHaveLength(1);
    const out = scanProject([
      { file: 'prisma/schema.prisma', text: SCHEMA },
      { file: 'src/amazon/types.ts', text: SERVICE },
    ]);
    const [schemaRecord] = typeA(out.get('prisma/schema.prisma')?.reported ?? []);
    const [carried] = typeA(out.get('src/amazon/types.ts')?.reported ?? []);
    expect(schemaRecord?.severity).toBe('error');
    expect(carried).toMatchObject({ severity: 'warning', line: 5, secret: 'clientSecret' });
    expect(carried?.messageFacts).toMatchObject({
      detail: 'project',
      api: 'sp-api',
      project: { file: 'prisma/schema.prisma', line: schemaRecord?.line },
    });
    expect(carried?.message).toBe(
      `clientSecret is kept per seller in prisma/schema.prisma:${String(schemaRecord?.line)} (type A): use your one app; store only the refresh token and selling partner ID.`,
    );
  });

  it('confirms a key read from a parameter only by a type-A record of the type the parameter is declared with', () => {
    const record = [
      'package domain',
      '',
      '// ChannelCredentials: what each tenant keeps for its Amazon SP-API channel.',
      'type ChannelCredentials struct {',
      '\tTenantID     string `json:"tenant_id"`',
      '\tSellerID     string `json:"seller_id"`',
      '\tClientID     string `json:"client_id"`',
      '\tClientSecret string `json:"client_secret"`',
      '\tRefreshToken string `json:"refresh_token"`',
      '}',
      '',
    ].join('\n');
    const adapter = [
      'package adapters',
      '',
      '// getAccessToken refreshes the LWA token of an Amazon channel.',
      'func getAccessToken(ctx context.Context, creds domain.ChannelCredentials) (string, error) {',
      '\tform := url.Values{}',
      '\tform.Set("refresh_token", creds.RefreshToken)',
      '\tform.Set("client_secret", creds.ClientSecret)',
      '\treturn post(ctx, "https://api.amazon.com/auth/o2/token", form)',
      '}',
      '',
    ].join('\n');
    const reported = (files: { file: string; text: string }[]): number[] =>
      typeA(scanProject(files).get('adapters/amazon.go')?.reported ?? []).map((f) => f.line);
    expect(typeA(scanText(record, { path: 'domain/channel.go' }))).toHaveLength(1);
    expect(
      reported([
        { file: 'domain/channel.go', text: record },
        { file: 'adapters/amazon.go', text: adapter },
      ]),
    ).toEqual([7]);
    // (A record of another name does not confirm it: the parameter is its callers', whatever they read.)
    const other = record.replaceAll('ChannelCredentials', 'StoreKeys');
    expect(
      reported([
        { file: 'domain/channel.go', text: other },
        { file: 'adapters/amazon.go', text: adapter },
      ]),
    ).toEqual([]);
    // (Nor does an untyped parameter.)
    const untyped = adapter.replace('creds domain.ChannelCredentials', 'creds map[string]string');
    expect(
      reported([
        { file: 'domain/channel.go', text: record },
        { file: 'adapters/amazon.go', text: untyped },
      ]),
    ).toEqual([]);
  });

  it('reports nothing for the carrying file alone, or in an editor that reads one file', () => {
    expect(scanText(SERVICE, { path: 'src/amazon/types.ts' })).toEqual([]);
    const alone = scanProject([{ file: 'src/amazon/types.ts', text: SERVICE }]);
    expect(alone.get('src/amazon/types.ts')).toEqual({ reported: [], suppressed: [] });
    // The candidate is there, waiting for a record elsewhere.
    expect(scanTextForProject(SERVICE, { path: 'src/amazon/types.ts' }).candidates).toHaveLength(1);
  });

  it('confirms a file with no seller id of its own only by a record it names', () => {
    // The controller builds the client from the stored settings row; it names no seller id.
    const controller = [
      '<?php',
      'class AmazonController extends Controller',
      '{',
      '    public function report(AmazonSettings $amazonSetting)',
      '    {',
      '        $amazon = new Amazon($amazonSetting->role_arn, $amazonSetting->access_key, $amazonSetting->secret_key);',
      '        return $amazon->getReport();',
      '    }',
      '}',
      '',
    ].join('\n');
    const model = [
      '<?php',
      'class AmazonSettings extends Model',
      '{',
      "    protected $fillable = ['user_id', 'seller_id', 'access_key', 'secret_key', 'refresh_token'];",
      '}',
      '',
    ].join('\n');
    const scanned = scanTextForProject(controller, { path: 'app/Http/Controllers/AmazonController.php' });
    expect(scanned.findings).toEqual([]);
    expect(scanned.candidates[0]?.messageFacts.links).toContain('amazonsetting');
    const out = scanProject([
      { file: 'app/Models/AmazonSettings.php', text: model },
      { file: 'app/Http/Controllers/AmazonController.php', text: controller },
    ]);
    const [carried] = typeA(out.get('app/Http/Controllers/AmazonController.php')?.reported ?? []);
    expect(carried).toMatchObject({ severity: 'warning', line: 6 });
    expect(carried?.messageFacts.project).toEqual({ file: 'app/Models/AmazonSettings.php', line: 4 });
    expect(carried?.messageFacts.links).toBeUndefined();
    // A record of another name confirms nothing for it.
    const other = scanProject([
      { file: 'app/Models/Store.php', text: model.replace('AmazonSettings', 'Store') },
      { file: 'app/Http/Controllers/AmazonController.php', text: controller },
    ]);
    expect(typeA(other.get('app/Models/Store.php')?.reported ?? [])).toHaveLength(1);
    expect(other.get('app/Http/Controllers/AmazonController.php')?.reported ?? []).toEqual([]);
  });

  it("confirms a record's keys passed on as a call's arguments, when the project keeps that record per seller", () => {
    // The entity the shop form saves: each shop's own IAM keys beside its seller id.
    const entity = [
      '@Entity',
      'public class ShopCredential {',
      '    private String sellerId;',
      '    private String accessKey;',
      '    private String secretKey;',
      '}',
      '',
    ].join('\n');
    // The client signs with the credential it is handed: no seller id, no record of its own.
    const client = [
      'public class OrdersClient {',
      '    public String listOrders(ShopCredential credential, String query) {',
      '        Map<String, String> headers = signer.sign("GET", host, ORDERS_PATH, query,',
      '                credential.getAccessKey(), credential.getSecretKey(), region);',
      '        return send(endpoint + ORDERS_PATH, headers);',
      '    }',
      '}',
      '',
    ].join('\n');
    // Alone (an editor reads one file) it is nothing, and never a record of its own.
    expect(scanText(client, { path: 'src/main/java/com/shop/amazon/OrdersClient.java' })).toEqual([]);
    const out = scanProject([
      { file: 'src/main/java/com/shop/amazon/ShopCredential.java', text: entity },
      { file: 'src/main/java/com/shop/amazon/OrdersClient.java', text: client },
    ]);
    const [carried] = typeA(out.get('src/main/java/com/shop/amazon/OrdersClient.java')?.reported ?? []);
    expect(carried).toMatchObject({ severity: 'warning', line: 4, secret: 'getSecretKey' });
    expect(carried?.messageFacts.project?.file).toBe('src/main/java/com/shop/amazon/ShopCredential.java');
    // A record of another name confirms nothing for it.
    const other = scanProject([
      { file: 'src/main/java/com/shop/amazon/Store.java', text: entity.replace('ShopCredential', 'Store') },
      { file: 'src/main/java/com/shop/amazon/OrdersClient.java', text: client },
    ]);
    expect(other.get('src/main/java/com/shop/amazon/OrdersClient.java')?.reported ?? []).toEqual([]);
    // Columns read by their quoted names into the record's setters, whatever their case.
    const dao = [
      'public class ShopCredentialDao {',
      '    ShopCredential load(ResultSet rs) throws SQLException {',
      '        ShopCredential credential = new ShopCredential();',
      '        credential.setAccessKey(rs.getString("AWS_ACCESS_KEY_ID"));',
      '        credential.setSecretKey(rs.getString("AWS_SECRET_KEY"));',
      '        return credential;',
      '    }',
      '}',
      '',
    ].join('\n');
    const withDao = scanProject([
      { file: 'src/main/java/com/shop/amazon/ShopCredential.java', text: entity },
      { file: 'src/main/java/com/shop/amazon/ShopCredentialDao.java', text: dao },
    ]);
    expect(typeA(withDao.get('src/main/java/com/shop/amazon/ShopCredentialDao.java')?.reported ?? [])).toMatchObject([
      { severity: 'warning', line: 5 },
    ]);
  });

  it('gives a file with a type-A record of its own no candidate', () => {
    const both = `${SCHEMA}\n${SERVICE}`;
    const scan = scanTextForProject(both, { path: 'all.ts' });
    expect(typeA(scan.findings)).toHaveLength(1);
    expect(scan.candidates).toEqual([]);
  });

  it('keeps a suppressed candidate suppressed, and a suppressed record confirms nothing', () => {
    const ignored = SERVICE.replace('clientSecret: string;', 'clientSecret: string; // mwsguard-ignore');
    const out = scanProject([
      { file: 'prisma/schema.prisma', text: SCHEMA },
      { file: 'src/amazon/types.ts', text: ignored },
    ]);
    expect(out.get('src/amazon/types.ts')?.reported).toEqual([]);
    expect(out.get('src/amazon/types.ts')?.suppressed.map((s) => [s.reason, s.finding.line])).toEqual([['inline', 5]]);
    const schemaIgnored = SCHEMA.replace('lwaClientSecret String', 'lwaClientSecret String // mwsguard-ignore');
    const unconfirmed = scanProject([
      { file: 'prisma/schema.prisma', text: schemaIgnored },
      { file: 'src/amazon/types.ts', text: SERVICE },
    ]);
    expect(typeA(unconfirmed.get('prisma/schema.prisma')?.reported ?? [])).toEqual([]);
    expect(unconfirmed.get('src/amazon/types.ts')?.reported).toEqual([]);
  });

  it('names a record of the same API first, and the first by file name among equals', () => {
    const candidate = scanTextForProject(SERVICE, { path: 'src/amazon/types.ts' }).candidates;
    const record = (file: string, api: 'mws' | 'sp-api', line: number): { file: string; findings: Finding[] } => ({
      file,
      findings: [
        {
          ...candidate[0]!,
          severity: 'error',
          line,
          messageFacts: { kind: 'shared-credentials', severity: 'error', masked: 'x', mws: false, api },
        },
      ],
    });
    const files = [
      { ...record('z/models.py', 'sp-api', 9), candidates: [] },
      { ...record('a/mws.sql', 'mws', 3), candidates: [] },
      { ...record('b/lwa.sql', 'sp-api', 5), candidates: [] },
      { file: 'src/amazon/types.ts', findings: [], candidates: candidate },
    ];
    const { reported } = judgeProject(files);
    expect(reported.map((r) => r.finding.messageFacts.project)).toEqual([{ file: 'b/lwa.sql', line: 5 }]);
    expect(judgeProject(files.reverse()).reported[0]?.finding.messageFacts.project).toEqual({
      file: 'b/lwa.sql',
      line: 5,
    });
  });

  it("points at the Amazon record among other marketplaces' records of one text", () => {
    const shapes = [
      'export interface MercadoLivreCredentials {',
      '  clientId: string;',
      '  clientSecret: string;',
      '  refreshToken?: string;',
      '}',
      'export interface AmazonCredentials {',
      '  clientId: string;',
      '  clientSecret: string;',
      '  refreshToken: string;',
      '  sellerId: string;',
      '}',
      'export interface AliExpressCredentials {',
      '  appKey: string;',
      '  appSecret: string;',
      '}',
      "export const token = (c: AmazonCredentials) => post('https://api.amazon.com/auth/o2/token', c);",
      '',
    ].join('\n');
    const found = scanWithAllow(shapes, { path: 'src/integrations/marketplaces/auth.ts', project: true }).candidates;
    expect(found.map((c) => c.line)).toEqual([8]);
  });

  it('names a long path by its end', () => {
    const file = 'apps/api-server/internal/integration/amazon/migrations/000001_init_schema.up.sql';
    const [carried] = judgeProject([
      { file, findings: typeA(scanText(SCHEMA, { path: 'schema.prisma' })), candidates: [] },
      {
        file: 'src/amazon/types.ts',
        findings: [],
        candidates: scanTextForProject(SERVICE, { path: 'src/amazon/types.ts' }).candidates,
      },
    ]).reported;
    expect(carried?.finding.message).toMatch(/^[\w…]+ is kept per seller in …[\w./-]+_schema\.up\.sql:6 \(type A\)/);
    expect(carried?.finding.message.length).toBeLessThanOrEqual(150);
  });

  it('says it in every locale', () => {
    const out = scanProject(
      [
        { file: 'prisma/schema.prisma', text: SCHEMA },
        { file: 'src/amazon/types.ts', text: SERVICE },
      ],
      { locale: 'zh-CN' },
    );
    expect(typeA(out.get('src/amazon/types.ts')?.reported ?? [])[0]?.message).toMatch(
      /^卖家密钥 clientSecret 在 prisma\/schema\.prisma:\d+ 中按卖家保存（A 类）/,
    );
  });

  it("carries no blank default of a client's own member, but still a record's blank entry", () => {
    const candidates = (text: string, path: string): number[] =>
      scanWithAllow(text, { path, project: true }).candidates.map((f) => f.line);
    // A signing client's defaults, overwritten from its caller's keyword arguments.
    const client = [
      'class AmzConnection(object):',
      '    def __init__(self, **kwargs):',
      "        self.domain = 'https://mws.amazonservices.com'",
      "        self.access_id = ''",
      "        self.seller_id = ''",
      "        self.secret_key = ''",
      '        for name, value in kwargs.items():',
      '            setattr(self, name, value)',
      '',
    ].join('\n');
    expect(candidates(client, 'amzConnection.py')).toEqual([]);
    // The same defaults in JavaScript; a blank entry of a record the file builds is still its candidate.
    const js = [
      '// Amazon MWS',
      'class Client {',
      '  constructor() {',
      "    this.secretKey = '';",
      '  }',
      '}',
      "const draft = { merchantId: m, secretKey: '' };",
      '',
    ].join('\n');
    expect(candidates(js, 'src/client.js')).toEqual([7]);
    expect(candidates(js.replace(/const draft[^\n]*\n/, ''), 'src/client.js')).toEqual([]);
  });

  it('takes a settings bag read out of a stored row, or fetched for one owner, for that row', () => {
    const candidates = (text: string, path: string): Finding[] =>
      scanWithAllow(text, { path, project: true }).candidates;
    // The bag came out of a row of the company's integration (`stored-rows.ts`), through its JSON column.
    const connector = [
      '<?php',
      'class AmazonSpApi',
      '{',
      '    public function connector(int $empresaId)',
      '    {',
      "        $integracao = Integracao::where('empresa_id', $empresaId)->where('marketplace', 'amazon')->first();",
      '        $config = json_decode($integracao->configuracoes, true);',
      '        return SellerConnector::seller(',
      "            $config['client_id'],",
      "            $config['client_secret'],",
      "            $config['refresh_token'],",
      '        );',
      '    }',
      '}',
      '',
    ].join('\n');
    expect(candidates(connector, 'app/Services/AmazonSpApi.php').map((f) => f.line)).toEqual([10]);
    // A bag the caller passes, or the program's configuration, is no row.
    const given = connector.replace(/\$integracao = [^\n]*\n[^\n]*\n/, '');
    expect(candidates(given.replace('int $empresaId', 'array $config'), 'app/Services/AmazonSpApi.php')).toEqual([]);
    // A bag fetched for the user whose report it signs (`getConfig(user)`), not `getConfig()`.
    const report = [
      "const amazonMws = new (require('amazon-mws'))();",
      'class MwsService {',
      '  async report(user, reportId) {',
      '    const config = await this.getConfig(user);',
      '    amazonMws.setApiKey(config.AWSAccessKeyId, config.ClientSecret);',
      "    return amazonMws.reports.search({ Action: 'GetReport', SellerId: config.SellerId, ReportId: reportId });",
      '  }',
      '}',
      '',
    ].join('\n');
    expect(candidates(report, 'service/mws/mwsService.js').map((f) => f.line)).toEqual([5]);
    expect(candidates(report.replace('getConfig(user)', 'getConfig()'), 'service/mws/mwsService.js')).toEqual([]);
    // An entry written into an array called `$config` is no setting read by name.
    const written = [
      '<?php',
      '// SP-API configuration from one stored application row',
      'function configuration($applicationId) {',
      '    $app = $this->applicationWithToken($applicationId);',
      "    $config['lwaClientSecret'] = $app->lwa_client_secret;",
      "    $config['lwaRefreshToken'] = $app->token->refresh_token;",
      '    return new Configuration($config);',
      '}',
      '',
    ].join('\n');
    expect(candidates(written, 'app/Channel/Amazon.php').map((f) => f.line)).toEqual([5]);
    expect(
      candidates(
        "<?php\n// amazon\n$s = config('amazon.lwa_client_secret');\n$t = $row->refresh_token;\n",
        'app/Amazon.php',
      ),
    ).toEqual([]);
  });

  describe('is never a candidate', () => {
    const candidates = (text: string, path: string): Finding[] =>
      scanWithAllow(text, { path, project: true }).candidates;

    it('in a test, a configuration file, or another marketplace', () => {
      expect(candidates(SERVICE, 'src/amazon/types.ts')).toHaveLength(1);
      expect(candidates(SERVICE, 'src/amazon/__tests__/types.ts')).toEqual([]);
      expect(candidates(SERVICE, 'src/amazon/types.spec.ts')).toEqual([]);
      expect(candidates(SERVICE, 'config/amazon.ts')).toEqual([]);
      expect(candidates(SERVICE, 'src/amazon.config.ts')).toEqual([]);
      // An environment template names the program's own settings.
      const env = 'MWS_SELLER_ID=\nMWS_SECRET_KEY=changeme\nSP_API_REFRESH_TOKEN=<refresh token>\n';
      expect(candidates(env, 'src/amazon/types.env')).toEqual([]);
      for (const path of [
        '.env',
        '.env.example',
        'deploy/.env.production',
        'amazon.properties',
        'amazon.ini',
        'src/env/local.example.js',
        'app/config/parameters.yml.dist',
        'amazon.sample.php',
      ])
        expect(candidates(env, path)).toEqual([]);
      // No word of Amazon, MWS, SP-API or LWA in the text or its path.
      const ebay = SERVICE.replaceAll('lwaClientSecret', 'clientSecret')
        .replaceAll('amazon', 'ebay')
        .replaceAll('Amazon', 'Ebay');
      expect(candidates(ebay, 'src/ebay/account.service.ts')).toEqual([]);
      // A record named for another marketplace, in a front end's folder for Amazon.
      const ali1688 = SERVICE.replace('AmazonCredentials', 'Ali1688AccountDetailModel');
      expect(candidates(ali1688, 'src/amazon/channels/account-models.ts')).toEqual([]);
      // The Amazon Ads API's app (an advertiser's), beside the one for the selling partner API.
      const ads = [
        '<?php',
        'class AmazonAdsConfig extends Model',
        '{',
        "    protected $fillable = ['empresa_id', 'seller_id', 'client_id', 'client_secret', 'refresh_token'];",
        '}',
        '',
      ].join('\n');
      expect(candidates(ads, 'app/Models/AmazonAdsConfig.php')).toEqual([]);
      // (Also a text about the Amazon Ads API and an advertising profile, whatever its records are named.)
      const adsToken = [
        'export type AmazonCredentials = { clientId: string; clientSecret: string; refreshToken: string; profileId: string };',
        'export async function amazonAdsAccessToken(credentials: AmazonCredentials): Promise<string> {',
        '  const form = new URLSearchParams({',
        "    grant_type: 'refresh_token',",
        '    refresh_token: credentials.refreshToken,',
        '    client_secret: credentials.clientSecret,',
        '  });',
        "  return post('https://api.amazon.com/auth/o2/token', form);",
        '}',
        '',
      ].join('\n');
      expect(candidates(adsToken, 'lib/amazon-mcp.ts')).toEqual([]);
      // (The same request about the selling partner API, from a stored row rather than a parameter.)
      const spToken = adsToken
        .replaceAll('amazonAds', 'amazonSpApi')
        .replace('(credentials: AmazonCredentials)', '(sellerId: string)')
        .replace(
          '  const form',
          '  const credentials = await db.amazonAccount.findUnique({ where: { sellerId } });\n  const form',
        );
      // (A row fetched for one seller: reported in the file itself, `tenant-lookups.ts`.)
      expect(typeA(scanText(spToken, { path: 'lib/amazon-mcp.ts' })).map((f) => f.severity)).toEqual(['error']);
      // (The same model for the selling partner API, a company's row (`empresa_id`): reported in the file itself.)
      const spConfig = scanWithAllow(ads.replace('AmazonAdsConfig', 'AmazonSpApiConfig'), {
        path: 'app/Models/AmazonSpApiConfig.php',
        project: true,
      });
      expect([...spConfig.candidates, ...spConfig.reported].map((f) => f.kind)).toEqual(['shared-credentials']);
      expect(candidates(SERVICE, 'src/amazon/channels/account-models.ts')).toHaveLength(1);
    });

    it('without a seller id or token beside the secret (unless linked to a record), or with the environment as its value', () => {
      // Without a seller id or token, only a record the file names can confirm it (see above).
      const noSeller = SERVICE.replace('  sellerId: string;\n', '').replace('  refreshToken: string;\n', '');
      expect(candidates(noSeller, 'src/amazon/types.ts').map((c) => c.messageFacts.links)).toEqual([
        ['amazoncredential'],
      ]);
      expect(
        scanProject([
          { file: 'prisma/schema.prisma', text: SCHEMA },
          { file: 'src/amazon/types.ts', text: noSeller },
        ]).get('src/amazon/types.ts'),
      ).toEqual({ reported: [], suppressed: [] });
      expect(candidates(noSeller.replace('AmazonCredentials', 'Credentials'), 'src/amazon/types.ts')).toEqual([]);
      const fromEnv = SERVICE.replace('clientSecret: string;', 'clientSecret: process.env.LWA_CLIENT_SECRET,');
      expect(candidates(fromEnv, 'src/amazon/types.ts')).toEqual([]);
      // (Also through a local assigned from it.)
      const viaLocal = [
        '# amazon sp-api: the one built-in account',
        'env_client_secret = os.environ.get("LWA_CLIENT_SECRET")',
        'env_refresh_token = os.environ.get("SP_API_REFRESH_TOKEN")',
        'creds = {"client_secret": env_client_secret, "refresh_token": env_refresh_token}',
        '',
      ].join('\n');
      expect(candidates(viaLocal, 'functions/sp_api_sync.py')).toEqual([]);
    });

    it('for a positional argument that reads the environment, or a hard-coded value on the next line', () => {
      const typeB = [
        "const mws = require('amazon-mws')(process.env.MWS_ACCESS_KEY_ID, process.env.MWS_SECRET_KEY);",
        "mws.orders.search({ Action: 'ListOrders', SellerId: seller.sellerId, MWSAuthToken: seller.mwsAuthToken });",
        '',
      ].join('\n');
      expect(candidates(typeB, 'src/mws-client.js')).toEqual([]);
      // A setting read by its name: C#'s `Environment.GetEnvironmentVariable("AMZ_CLIENT_SECRET")`.
      const byName = [
        'public static class AmazonSettings',
        '{',
        '    public static string SellerId = Environment.GetEnvironmentVariable("AMZ_SELLER_ID");',
        '    public static string ClientSecret = Environment.GetEnvironmentVariable("AMZ_CLIENT_SECRET");',
        '    public static string RefreshToken = Environment.GetEnvironmentVariable("AMZ_REFRESH_TOKEN");',
        '}',
        '',
      ].join('\n');
      expect(candidates(byName, 'AmazonApi/AmazonSettings.cs')).toEqual([]);
      // (Also through the program's own helper: Go's `getEnvOrFail("MWSSecretKey")`.)
      const helper = byName.replaceAll('Environment.GetEnvironmentVariable', 'getEnvOrFail');
      expect(candidates(helper, 'AmazonApi/AmazonSettings.cs')).toEqual([]);
      // The same class filled by a lookup mwsguard cannot place is a candidate.
      const lookup = byName.replaceAll('Environment.GetEnvironmentVariable', 'Lookup');
      expect(candidates(lookup, 'AmazonApi/AmazonSettings.cs')).toHaveLength(1);
      const nextLine = [
        "import { SellingPartner } from 'amazon-sp-api';",
        'export const sp = new SellingPartner({',
        "  region: 'eu',",
        '  refresh_token: token,',
        '  credentials: {',
        "    SELLING_PARTNER_APP_CLIENT_ID: 'amzn1.application-oa2-client.4f0e2b7c9a1d46e3b85c0f7a2d9e6b14',",
        '    SELLING_PARTNER_APP_CLIENT_SECRET:',
        "      'amzn1.oa2-cs.v1.9f3b2a7c41d0e86b5a2c7f19d4e03b8a6c51f2e7d9a04b3c8e6f1a2d5b7c9e04',",
        '  },',
        '});',
        '',
      ].join('\n');
      const scan = scanWithAllow(nextLine, { path: 'src/sp-api.ts', project: true });
      expect(scan.reported.map((f) => [f.kind, f.line])).toEqual([['lwa-client-secret', 8]]);
      expect(scan.candidates).toEqual([]);
    });

    it('for what the operator types at a console prompt, or a pattern matching a setting', () => {
      const setup = [
        "const readline = require('readline');",
        'const rl = readline.createInterface({ input: process.stdin, output: process.stdout });',
        'const question = (q) => new Promise((resolve) => rl.question(q, resolve));',
        'async function main() {',
        "  const sellerId = await question('Amazon Seller ID: ');",
        "  const clientSecret = await question('LWA Client Secret: ');",
        "  const refreshToken = await question('Refresh Token: ');",
        '  await prisma.account.create({ data: { sellerId, refreshToken } });',
        "  const env = fs.readFileSync('.env', 'utf8')",
        '    .replace(/AMAZON_CLIENT_SECRET=.*/, `AMAZON_CLIENT_SECRET=${clientSecret}`);',
        "  fs.writeFileSync('.env', env);",
        '}',
        '',
      ].join('\n');
      expect(candidates(setup, 'backend/setup-account.js')).toEqual([]);
      // (Python's `input()` and `getpass()` too; a value read from a request is a candidate.)
      const python =
        'seller_id = input("Seller ID: ")\nclient_secret = getpass.getpass("Client secret: ")\nsave(seller_id=seller_id, client_secret=client_secret)\n';
      expect(candidates(`# amazon sp-api\n${python}`, 'setup.py')).toEqual([]);
      const posted = python
        .replace('input("Seller ID: ")', 'request.form["seller_id"]')
        .replace('getpass.getpass("Client secret: ")', 'fetch_secret(request)');
      expect(candidates(`# amazon sp-api\n${posted}`, 'setup.py')).toHaveLength(1);
    });

    it('for keys a call only tests, options or an assumed role passed on, or a constant naming a parameter', () => {
      const passed = (line: string): Finding[] =>
        candidates(
          `<?php\n// amazon sp-api, per seller\nfunction run($seller_id) {\n    ${line}\n}\n`,
          'app/Jobs/Sync.php',
        );
      expect(passed("$sig = sign($seller_id, $credential['secret_key']);")).toHaveLength(1);
      const nothingPassedOn = [
        // A test of the value passes nothing on.
        "if (empty($credential['secret_key'])) return;",
        "if (isset($credential['secret_key'])) return;",
        'if (StrUtil.isBlank(credential.getSecretKey())) return;',
        'if (string.IsNullOrEmpty(credential.SecretKey)) return;',
        "if isinstance(credential['secret_key'], str): pass",
        'if (StrUtil.isAllNotBlank(credential.getAccessKey(), credential.getSecretKey())) return;',
        "if (isset($a, $credential['secret_key'])) return;",
        // Nor does a log, an array, or a query's text.
        "logger.info('signing with', credential.secretKey);",
        "$keys = [$seller_id, $credential['secret_key']];",
        "$rows = query('SELECT c.seller_id, c.secret_key FROM credentials c');",
        '$rows = $this->db->query("\n SELECT s.seller_id, d.access_key,\n d.secret_key FROM dev_accounts d");',
        // Nor the program's own properties, or the developer's keys for a region or account.
        '$form = enc(properties.getClientSecret());',
        "$sig = sign($seller_id, $region['secret_key']);",
        "$sig = sign($seller_id, $devAccount['secret_key']);",
        // A cast is no call.
        "$s = (string) ($credential['secret_key'] ?? '');",
        // The caller's or the program's own options, an assumed role's temporary keys.
        "$sig = sign($seller_id, $options['secret_key']);",
        'Send(_settings.MerchantId, _settings.AwsSecretAccessKey);',
        '$config->setSecretKey($role->getSecretAccessKey());',
      ];
      expect(nothingPassedOn.filter((line) => passed(line).length > 0)).toEqual([]);
      // A constant names the parameter; its value is read from the object beside it.
      const constant = [
        'public class AmazonSdk {',
        '    void refresh() {',
        '        data.put(ConstantCodes.HTTP_OAUTH_PARAMETER_REFRESH_TOKEN, amazonCredentials.getRefreshToken());',
        '        data.put(ConstantCodes.HTTP_OAUTH_PARAMETER_CLIENT_SECRET, amazonCredentials.getClientSecret());',
        '    }',
        '}',
        '',
      ].join('\n');
      expect(scanText(constant, { path: 'src/main/java/io/amazon/AmazonSdk.java' })).toEqual([]);
    });

    it('for a value passed along: a local, or a parameter of the function', () => {
      const locals = [
        '// Orders for each Amazon account of the company.',
        'public AmazonService(ERPContext context)',
        '{',
        '    foreach (var row in context.AmazonAccount) sellerIds[row.AccountName] = row.SellerId;',
        '    client = new MarketplaceWebServiceOrdersClient(accessKey, secretKey, appName, appVersion, config);',
        '}',
        '',
      ].join('\n');
      expect(candidates(locals, 'erpcore/AmazonService.cs')).toEqual([]);
      // The same client built from keys read from an object is a candidate.
      const stored = locals.replace('(accessKey, secretKey,', '(keys.AccessKey, keys.SecretKey,');
      expect(candidates(stored, 'erpcore/AmazonService.cs')).toHaveLength(1);
      const parameters = [
        'class SPAPI:',
        '    # SP-API client for an Amazon selling partner.',
        '    def __init__(',
        '        self,',
        '        seller_id: str,',
        '        client_id: str,',
        '        client_secret: str,',
        '        refresh_token: str,',
        '    ) -> None:',
        '        self.client_secret = client_secret',
        '',
      ].join('\n');
      expect(candidates(parameters, 'amazon/sp_api.py')).toEqual([]);
      // A dict of the constructor's parameters, keyed by quoted names: the caller's values.
      const keyed = [
        'class WrappedAPI:',
        '    # SP-API client for an Amazon selling partner.',
        '    def __init__(self, refresh_token, lwa_client_id, lwa_client_secret, role_arn):',
        '        self.credentials = {',
        "            'refresh_token': refresh_token,",
        "            'lwa_app_id': lwa_client_id,",
        "            'lwa_client_secret': lwa_client_secret,",
        "            'role_arn': role_arn,",
        '        }',
        '',
      ].join('\n');
      expect(candidates(keyed, 'amazon/api.py')).toEqual([]);
      // The same dict written into a row keeps what it is given.
      const inserted = keyed
        .replace('self.credentials = {', 'db.accounts.insert_one({')
        .replace('        }', '        })');
      expect(candidates(inserted, 'amazon/api.py')).toHaveLength(1);
      // (So does one passed to any write the text makes, not only a known one: Firestore's `set`.)
      const written = keyed
        .replace('self.credentials = {', "db.collection('sellers').document(seller_id).set({")
        .replace('        }', '        })');
      expect(candidates(written, 'amazon/api.py')).toHaveLength(1);
      // The object's own members: its class declares them.
      const own = [
        '// An Amazon MWS client for one seller.',
        'class Amazon {',
        '  orders() {',
        "    const mws = require('amazon-mws')(this.AWSAccessKeyId, this.SecretKey);",
        '    return mws.orders.search({ SellerId: this.sellerId, MWSAuthToken: this.MWSAuthToken });',
        '  }',
        '}',
        '',
      ].join('\n');
      expect(candidates(own, 'model/Amazon.js')).toEqual([]);
      expect(candidates(own.replaceAll('this.', 'conn.'), 'model/Amazon.js')).toHaveLength(1);
      // A helper's parameter (LABELING: a value passed through a helper is not the record): its
      // callers read the record. A model write keeps what it is passed, also in a nested record.
      const helper = [
        '// LWA access token for one Amazon store.',
        'async function getAccessToken(creds: ResolvedCredentials): Promise<string> {',
        "  const body = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: creds.refreshToken,",
        '    client_id: creds.clientId, client_secret: creds.clientSecret });',
        "  return post('https://api.amazon.com/auth/o2/token', body);",
        '}',
        '',
      ].join('\n');
      // (Its type names a record: a candidate that only a type-A record of that name confirms.)
      const links = (text: string): unknown[] =>
        candidates(text, 'lib/amazon-sp-api.ts').map((c) => c.messageFacts.links);
      expect(links(helper)).toEqual([['resolvedcredential']]);
      expect(links(helper.replace('creds: ResolvedCredentials', 'creds: Record<string, string>'))).toEqual([]);
      expect(candidates(helper.replace('(creds: ResolvedCredentials)', '()'), 'lib/amazon-sp-api.ts')).toHaveLength(1);
      // (Also when the text's own caller passes its own parameter on: `sync(account, creds)` calls `getAccessToken(creds)`.)
      const relay = `${helper}export async function sync(account: AmazonAccount, creds: ResolvedCredentials) {\n  return getAccessToken(creds);\n}\n`;
      expect(links(relay)).toEqual([['resolvedcredential']]);
      // A caller that reads the record itself and passes it on is the record's reader.
      const reader = `${helper}export async function syncStore(storeId: string) {\n  const creds = await prisma.amazonAccount.findUnique({ where: { storeId } });\n  return getAccessToken(creds);\n}\n`;
      // (Fetched for one store: reported in the file itself, `tenant-lookups.ts`.)
      expect(typeA(scanText(reader, { path: 'src/lib/amazon-sp-api.ts' })).map((f) => f.severity)).toEqual(['error']);
      // (So is any row of a table kept per account, whichever row: `stored-rows.ts`' `ownerRowOrigin`.)
      const byName = reader.replace('{ where: { storeId } }', '{ where: { name } }');
      expect(typeA(scanText(byName, { path: 'src/lib/amazon-sp-api.ts' })).map((f) => f.severity)).toEqual(['error']);
      const unowned = byName.replace('prisma.amazonAccount', 'prisma.amazonApp');
      expect(candidates(unowned, 'src/lib/amazon-sp-api.ts')).toHaveLength(1);
      const write = [
        '<?php',
        '// Connects an Amazon SP-API account.',
        'class AmazonIntegrationService',
        '{',
        '    public function connect(array $credentials): bool',
        '    {',
        '        $this->integration = Integration::updateOrCreate(',
        "            ['company_id' => $this->companyId, 'marketplace' => 'amazon'],",
        "            ['refresh_token' => $credentials['refresh_token'], 'settings' => [",
        "                'client_secret' => $credentials['client_secret'],",
        "                'seller_id' => $credentials['seller_id'],",
        '            ]],',
        '        );',
        '        return true;',
        '    }',
        '}',
        '',
      ].join('\n');
      expect(candidates(write, 'app/Services/AmazonIntegrationService.php')).toHaveLength(1);
      // (Also a write beside the read: setters then `store.save()`, Prisma's `update({ data })`;
      // and a GraphQL resolver's `args`, which is no command line.)
      const setters = [
        "// Saves a store's Amazon SP-API credentials.",
        'export async function saveCredentials(storeId: string, creds: AmazonCreds) {',
        '  const store = await Store.findByPk(storeId);',
        '  store.sellerId = creds.sellerId;',
        '  store.lwaClientSecret = creds.lwaClientSecret;',
        '  store.refreshToken = creds.refreshToken;',
        '  await store.save();',
        '}',
        '',
      ].join('\n');
      expect(candidates(setters, 'src/services/amazon.ts')).toHaveLength(1);
      const resolver = [
        '// Amazon SP-API account settings resolver.',
        'export const resolvers = { Mutation: {',
        '  saveAmazonAccount: async (_parent, args, ctx) => prisma.amazonAccount.update({ where: { id: ctx.user.id },',
        '    data: { sellerId: args.sellerId, lwaClientSecret: args.lwaClientSecret, refreshToken: args.refreshToken } }),',
        '} };',
        '',
      ].join('\n');
      expect(candidates(resolver, 'src/graphql/amazon.ts')).toHaveLength(1);
      // What the command line gives a worker (`getArg('x')`, Laravel's `$this->argument('x')`): its caller's.
      const worker = [
        "import SellingPartner from 'amazon-sp-api';",
        "const lwaRefreshToken = (getArg('lwa_refresh_token') || '').trim();",
        "const lwaClientSecret = (getArg('lwa_client_secret') || '').trim();",
        'const sp = new SellingPartner({ refresh_token: lwaRefreshToken,',
        '  credentials: { SELLING_PARTNER_APP_CLIENT_SECRET: lwaClientSecret } });',
        '',
      ].join('\n');
      expect(candidates(worker, 'spapi/asins/resolve.js')).toEqual([]);
      // (Tornado's `self.get_argument('x')` is a form's input, not the command line.)
      const tornado = [
        '# Amazon MWS settings handler.',
        'class AmazonSettingsHandler(BaseHandler):',
        '    def post(self):',
        '        shop = self.current_shop',
        '        shop.mws_seller_id = self.get_argument("mws_seller_id")',
        '        shop.mws_secret_key = self.get_argument("mws_secret_key")',
        '        shop.save()',
        '',
      ].join('\n');
      expect(candidates(tornado, 'app/handlers/amazon.py')).toHaveLength(1);
      // The program's configuration, fetched with no arguments (`amazonAppConfig()`), is its own.
      const callback = [
        '// Amazon SP-API OAuth callback.',
        'export async function GET(req) {',
        "  const sellerId = req.nextUrl.searchParams.get('selling_partner_id');",
        '  const app = amazonAppConfig();',
        '  const { refreshToken } = await exchangeAuthCode(app.clientId, app.clientSecret, code);',
        '  await saveAccount({ sellerId, refreshToken });',
        '}',
        '',
      ].join('\n');
      expect(candidates(callback, 'app/api/amazon/oauth/callback/route.ts')).toEqual([]);
      expect(
        candidates(
          callback.replace('amazonAppConfig()', 'await loadStore(sellerId)'),
          'app/api/amazon/oauth/callback/route.ts',
        ),
      ).toHaveLength(1);
    });

    it('for a placeholder: a sample row, not a blank form', () => {
      const seed = [
        '-- Amazon SP-API credentials row, filled in by the admin',
        'INSERT INTO credentials (platform, data) VALUES (\'amazon\', \'{"clientId": "your-amazon-client-id", "clientSecret": "your-amazon-client-secret", "refreshToken": "your-refresh-token", "sellerId": "your-seller-id"}\');',
        '',
      ].join('\n');
      expect(candidates(seed, 'schema/credentials-table.sql')).toEqual([]);
      expect(candidates(seed.replaceAll(/"your-[\w-]+"/g, '""'), 'schema/credentials-table.sql')).toHaveLength(1);
    });

    it("for a secret its own line calls the developer's", () => {
      const ddl = [
        '-- Amazon notification subscriptions, one per shop',
        'CREATE TABLE t_amz_stream_subscribe (',
        '  `seller_id` varchar(32) NOT NULL,',
        "  `client_secret` varchar(100) DEFAULT NULL COMMENT 'developer account client secret',",
        "  `refresh_token` varchar(500) DEFAULT NULL COMMENT 'shop refresh token'",
        ');',
        '',
      ].join('\n');
      expect(candidates(ddl, 'scripts/mysql/ddl.sql')).toEqual([]);
      expect(
        candidates(ddl.replace('developer account client secret', 'client secret'), 'scripts/mysql/ddl.sql'),
      ).toHaveLength(1);
    });

    it("for constants passed to a client: the program's own settings", () => {
      const orders = [
        '<?php',
        '// Amazon MWS orders for one seller account',
        '$service = new MarketplaceWebServiceOrders_Client(',
        '    AWS_ACCESS_KEY_ID,',
        '    AWS_SECRET_ACCESS_KEY,',
        '    APPLICATION_NAME,',
        '    $config',
        ');',
        "$request->setSellerId('A5SNRN8F1PEZR');",
        '',
      ].join('\n');
      expect(candidates(orders, 'application/controllers/Orders.php')).toEqual([]);
      expect(
        candidates(
          orders.replace('    AWS_SECRET_ACCESS_KEY,', '    $store->secret_key,'),
          'application/controllers/Orders.php',
        ),
      ).toHaveLength(1);
      // A configuration constant read by a fixed name; a table of stores indexed by one is a row.
      const token = [
        "import { AMAZON_CONFIG } from './config';",
        '// LWA access token for the Amazon seller account.',
        'export async function getAccessToken(): Promise<string> {',
        "  const response = await axios.post('https://api.amazon.com/auth/o2/token', {",
        "    grant_type: 'refresh_token',",
        '    refresh_token: AMAZON_CONFIG.REFRESH_TOKEN,',
        '    client_id: AMAZON_CONFIG.CLIENT_ID,',
        '    client_secret: AMAZON_CONFIG.CLIENT_SECRET,',
        '  });',
        '  return response.data.access_token;',
        '}',
        '',
      ].join('\n');
      expect(candidates(token, 'lib/amazon/auth.ts')).toEqual([]);
      expect(typeA(scanText(token, { path: 'lib/amazon/auth.ts' }))).toEqual([]);
      const stored = token.replaceAll('AMAZON_CONFIG.', 'store.');
      expect(typeA(scanText(stored, { path: 'lib/amazon/auth.ts' }))).toHaveLength(1);
      // (A local named so but filled from the sellers' table is that seller's row.)
      const fetched = token
        .replace("import { AMAZON_CONFIG } from './config';", '')
        .replace(
          '{\n  const response',
          '{\n  const AMAZON_CONFIG = await db.sellers.findOne({ sellerId });\n  const response',
        );
      expect(typeA(scanText(fetched, { path: 'lib/amazon/auth.ts' }))).toHaveLength(1);
    });

    it("for an LWA token request body: an annotation's quoted key names the member declared with it", () => {
      const body = [
        'package com.acme.lwa;',
        '',
        '// Body of the Amazon LWA token request.',
        'public class LwaTokenRequest {',
        '    @JsonProperty("grant_type")',
        '    private String grantType;',
        '    @JsonProperty("client_secret")',
        '    private String clientSecret;',
        '    @JsonProperty("refresh_token")',
        '    private String refreshToken;',
        '}',
        '',
      ].join('\n');
      expect(candidates(body, 'src/main/java/com/acme/lwa/LwaTokenRequest.java')).toEqual([]);
      const attributes = body.replaceAll('@JsonProperty(', '[JsonPropertyName(').replaceAll('")', '")]');
      expect(candidates(attributes, 'Lwa/LwaTokenRequest.cs')).toEqual([]);
    });

    it('for a set of field names (no property is written quoted without a value)', () => {
      const names = [
        "# Fields kept encrypted in each customer's Amazon SP-API settings.",
        'SECRET_FIELDS = {',
        '    "amazon": {"lwa_client_id", "lwa_client_secret", "seller_id", "refresh_token"},',
        '}',
        '',
      ].join('\n');
      expect(candidates(names, 'apps/channels/services/customer_settings.py')).toEqual([]);
      expect(typeA(scanText(names, { path: 'apps/channels/services/customer_settings.py' }))).toEqual([]);
      // (With values, the same names are a record: here, of the account read for one sync.)
      const valued = names.replace(
        '{"lwa_client_id", "lwa_client_secret", "seller_id", "refresh_token"}',
        '{"lwa_client_secret": account.lwa_client_secret, "seller_id": account.seller_id}',
      );
      expect(typeA(scanText(valued, { path: 'apps/channels/services/customer_settings.py' }))).toHaveLength(1);
    });

    it('for a Frappe single doctype (one record per site), where a list doctype is one', () => {
      expect(candidates(frappeDoctype(1), 'amazon/doctype/amazon_sp_api_settings/amazon_sp_api_settings.json')).toEqual(
        [],
      );
      expect(
        candidates(frappeDoctype(0), 'amazon/doctype/amazon_sp_api_settings/amazon_sp_api_settings.json'),
      ).toHaveLength(1);
    });

    it("for ColdFusion's application scope: the program's own settings", () => {
      const app = [
        '<cfcomponent output="true">',
        '    <cffunction name="OnApplicationStart">',
        '        <cfscript>',
        "            // The shop's own Amazon SP-API app and IAM user",
        '            application.secretAccessKey = "";',
        "            application.refresh_token = '';",
        '        </cfscript>',
        '    </cffunction>',
        '</cfcomponent>',
        '',
      ].join('\n');
      expect(candidates(app, 'Application.cfc')).toEqual([]);
      expect(candidates(app.replaceAll('application.', 'shop.'), 'Application.cfc')).toHaveLength(1);
    });

    it("for a parameter's inline type: a parameter list, whoever fills it", () => {
      const client = [
        '// Amazon SP-API client for one connected account',
        'export class AmazonClient {',
        '  constructor(',
        '    private readonly config: {',
        '      sellerId: string;',
        '      lwaClientId: string;',
        '      lwaClientSecret: string;',
        '      lwaRefreshToken: string;',
        '    },',
        '  ) {}',
        '}',
        '',
      ].join('\n');
      expect(candidates(client, 'src/lib/amazon/client.ts')).toEqual([]);
      expect(
        candidates(
          client.replace('  constructor(\n    private readonly config: {', '  config: {'),
          'src/lib/amazon/client.ts',
        ),
      ).toHaveLength(1);
      // (Also an arrow function's parameter: `login: (credentials: { … }) => …`.)
      const arrow = [
        '// Amazon seller login',
        'export const api = {',
        '  login: (credentials: { sellerId: string; clientSecret: string; refreshToken: string }) =>',
        "    post('/auth/amazon/credentials', credentials),",
        '};',
        '',
      ].join('\n');
      expect(candidates(arrow, 'frontend/lib/api.ts')).toEqual([]);
      expect(
        candidates(arrow.replace('async ', '').replace('login: (', 'login = async ('), 'frontend/lib/api.ts'),
      ).toEqual([]);
    });

    it('for a key read from a local object written out of the configuration', () => {
      const service = [
        '// Amazon SP-API client of an account',
        'export async function client(accountId: string) {',
        '  const credentials = {',
        '    refresh_token: config.amazon.refreshToken,',
        '    client_secret: config.amazon.clientSecret,',
        '  };',
        '  const account = await prisma.account.findUnique({ where: { id: accountId } });',
        '  if (account) credentials.refresh_token = account.refreshToken;',
        '  return new SellingPartner({ refresh_token: credentials.refresh_token, credentials: { SELLING_PARTNER_APP_CLIENT_SECRET: credentials.client_secret }, selling_partner: account.sellerId });',
        '}',
        '',
      ].join('\n');
      expect(candidates(service, 'src/services/spapi.service.ts')).toEqual([]);
      const stored = service.replace(
        'client_secret: config.amazon.clientSecret',
        'client_secret: account.clientSecret',
      );
      // (Filled from the account row instead, the literal is that row's record: reported in the file itself.)
      expect(typeA(scanText(stored, { path: 'src/services/spapi.service.ts' }))).toHaveLength(1);
    });

    it("for a member an MWS client library's class declares: its caller passes the keys", () => {
      const client = [
        '<?php',
        "// Amazon's MWS Reports client, bundled",
        'class MarketplaceWebService_Client implements MarketplaceWebService_Interface',
        '{',
        '    private $awsAccessKeyId = null;',
        '    private $awsSecretAccessKey = null;',
        '    private $merchantId = null;',
        '}',
        '',
      ].join('\n');
      expect(candidates(client, 'lib/MarketplaceWebService/Client.php')).toEqual([]);
      expect(
        candidates(client.replace('class MarketplaceWebService_Client', 'class MarketplaceAccount'), 'lib/Account.php'),
      ).toHaveLength(1);
    });

    it('with a hard-coded value: its own kind reports it', () => {
      const literal = SERVICE.replace(
        'clientId: string;',
        "clientId: 'amzn1.application-oa2-client.4f0e2b7c9a1d46e3b85c0f7a2d9e6b14',",
      ).replace(
        'clientSecret: string;',
        `clientSecret: '9f3b2a7c41d0e86b5a2c7f19d4e03b8a6c51f2e7d9a04b3c8e6f1a2d5b7c9e04',`,
      );
      const scan = scanWithAllow(literal, { path: 'src/amazon/types.ts', project: true });
      expect(scan.reported.map((f) => f.kind)).toEqual(['lwa-client-secret']);
      expect(scan.candidates).toEqual([]);
    });
  });
});
