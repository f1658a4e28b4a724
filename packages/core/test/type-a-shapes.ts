/**
 * The type-A shapes of real seller applications (issue 12 §2–4), one case per shape, in the
 * framework's own idiom: read by core's test and by the parity test (every surface must agree).
 * A positive is reported once, on `line`; a negative gives no `shared-credentials` finding (its
 * literal keys may still be their own kinds).
 */
export interface Shape {
  readonly name: string;
  readonly path: string;
  readonly text: string;
  /** The line of the one type-A finding. */
  readonly line: number;
}

/** A Go multichannel credentials union whose sections name their platform in a comment. */
// A multichannel connection form: the fields each platform's branch asks for (`case 'Amazon':`),
// saved per signed-in user.
function connectionForm(fields: { mercadoLivre: string[]; amazon: string[]; shopify: boolean }): string {
  const entries = (keys: string[], prefix: string): string =>
    keys
      .map((key) => {
        const secret = key !== 'sellerId';
        return `        { key: '${key}', label: '${prefix}${key}', type: '${secret ? 'password' : 'text'}' },\n`;
      })
      .join('');
  const shopify = fields.shopify
    ? "    case 'Shopify':\n      return [{ key: 'accessToken', label: 'Admin API access token', type: 'password' }];\n"
    : '';
  return `const fieldsFor = (p: string): FieldSpec[] => {
  switch (p) {
    case 'MercadoLivre':
      return [
${entries(fields.mercadoLivre, '')}      ];
    case 'Amazon':
      return [
${entries(fields.amazon, 'LWA ')}      ];
${shopify}    case 'AliExpress':
      return [
        { key: 'appKey', label: 'App Key', type: 'password' },
        { key: 'appSecret', label: 'App Secret', type: 'password' },
      ];
  }
};
export const save = (user, platform, credentials) =>
  supabase.from('api_connections').insert({ user_id: user.id, marketplace_name: platform, credentials });
`;
}

function channelCredentials(section: string): string {
  return `package domain

// One seller's connection to one sales channel: shopify, amazon, ebay or woocommerce.
type Channel struct {
	TenantID    string             \`bson:"tenantId"\`
	SellerID    string             \`bson:"sellerId"\`
	Credentials ChannelCredentials \`bson:"credentials"\`
}

type ChannelCredentials struct {
	// Shopify
	APIKey    string \`bson:"apiKey,omitempty"\`
	APISecret string \`bson:"apiSecret,omitempty"\`

	// ${section}
	SellerID     string \`bson:"sellerId,omitempty"\`
	ClientSecret string \`bson:"clientSecret,omitempty"\`
	RefreshToken string \`bson:"refreshToken,omitempty"\`
}`;
}

/** A PHP script signing each merchant's calls through a helper that takes the key pair as parameters. */
function signingHelperScript(accessKey: string, secretKey: string, smokeTest = ''): string {
  return `<?php
// Amazon MWS order import for every user's merchant account
$AWS_ACCESS_KEY_ID = ${accessKey};
$SECRET_KEY = ${secretKey};${smokeTest}
$query = mysqli_query($db, "SELECT merchant_id FROM settings");
while ($row = mysqli_fetch_array($query)) {
    $merchant = $row['merchant_id'];
    $par = array('Action' => 'GetReportList');
    $r = call_mws($merchant, $AWS_ACCESS_KEY_ID, $SECRET_KEY, $par);
}

function call_mws($seller_id, $aws_access_key_id, $secret_key, $par) {
    $par['AWSAccessKeyId'] = $aws_access_key_id;
    $par['Merchant'] = $seller_id;
    $par['SignatureVersion'] = 2;
    ksort($par);
    return base64_encode(hash_hmac('sha256', http_build_query($par), $secret_key, true));
}`;
}

/** A Laravel command setting the client's store from keys and token read through `owner`. */
function syncCommand(owner: string): string {
  return `<?php
class SyncProducts extends Command
{
    public function handle()
    {
        foreach (ProductQueue::pending() as $queued) {
            $details = SellerModel::detailsById($queued->fkSellerConfigId);
            $sellerId = ${owner}seller_id;
            $accessKeyId = ${owner}mws_access_key_id;
            $secretKey = ${owner}mws_secret_key;
            $authToken = ${owner}mws_authtoken;
            Config::set('amazon-mws.store.store1.merchantId', trim($sellerId));
            Config::set('amazon-mws.store.store1.keyId', trim($accessKeyId));
            Config::set('amazon-mws.store.store1.secretKey', trim($secretKey));
            Config::set('amazon-mws.store.store1.authToken', trim($authToken));
        }
    }
}`;
}

// A Vue settings form for an SP-API app, saved under the signed-in user (a shape and, saved under
// no user, a negative).
const VUE_USER_SETTINGS_FORM = `<template>
  <form>
    <label for="key-0">Selling Partner Client ID</label>
    <input type="text" id="key-0" v-model="awsConfig.sellingPartnerAppClientId">
    <label for="key-1">Selling Partner Client Secret</label>
    <input type="text" id="key-1" v-model="awsConfig.sellingPartnerAppClientSecret">
    <label for="key-2">Refresh Token</label>
    <input type="text" id="key-2" v-model="awsConfig.awsRefreshToken">
    <button @click.prevent="onSubmit">Save</button>
  </form>
</template>
<script>
export default {
  data() {
    return { awsConfig: { sellingPartnerAppClientId: '', sellingPartnerAppClientSecret: '', awsRefreshToken: '' } };
  },
  methods: {
    onSubmit() {
      return configService.setUserConfig({ userId: this.userId, ...this.awsConfig });
    },
  },
};
</script>
`;

/** An LWA token refresh reading the app's client id and secret out of `config`, built from a row of `table`. */
function rowTokenRefresh(table: string, row: string, config: string): string {
  return `// Amazon SP-API token refresh
export async function refresh(state: string) {
  const { data: ${row}s } = await supabase.from("${table}").select("*").eq("state", state);
  const ${row} = ${row}s[0];
  const config = ${config};
  return fetch("https://api.amazon.com/auth/o2/token", { method: "POST", body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: ${row}.refresh_token, client_id: config.amz_client_id, client_secret: config.amz_client_secret }) });
}
`;
}

export const TYPE_A_SHAPES: readonly Shape[] = [
  {
    name: "a per-user write beside a read of the app's one platform row: the owner makes the rows per user",
    path: 'src/lib/amazon.ts',
    text: `export async function getAppConfig() {
  const { data } = await supabase.from("app_settings").select("*").eq("platform", "amazon").single();
  return data;
}

export async function saveSellerKeys(userId: string, body: any) {
  await supabase.from("amazon_credentials").insert({
    user_id: userId,
    aws_access_key_id: body.aws_access_key_id,
    aws_secret_access_key: body.aws_secret_access_key,
    lwa_client_secret: body.lwa_client_secret,
  });
}`,
    line: 10,
  },
  {
    name: 'a table given its owner column by a later ALTER TABLE, beside another table',
    path: 'supabase/migrations/20260101_amazon.sql',
    text: `CREATE TABLE public.amazon_accounts (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  seller_id TEXT NOT NULL,
  lwa_client_id TEXT NOT NULL,
  lwa_client_secret TEXT NOT NULL
);

CREATE TABLE public.amazon_orders (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  amazon_order_id TEXT NOT NULL
);

ALTER TABLE public.amazon_accounts ADD COLUMN user_id UUID REFERENCES auth.users(id);
`,
    line: 5,
  },
  {
    name: "a pg_dump table (Supabase's remote_schema.sql, types quoted) keeping each seller account's LWA client secret",
    path: 'supabase/migrations/20251123014547_remote_schema.sql',
    text: `CREATE TABLE IF NOT EXISTS "public"."amazon_accounts" (
    "id" "uuid" DEFAULT "gen_random_uuid"() NOT NULL,
    "user_id" "uuid" NOT NULL,
    "seller_id" "text" NOT NULL,
    "encrypted_refresh_token" "text",
    "encrypted_client_secret" "text",
    "created_at" timestamp with time zone DEFAULT "now"() NOT NULL
);
`,
    line: 6,
  },
  {
    name: "a company's row (Portuguese `empresa_id`) keeping its own LWA client secret beside its seller id",
    path: 'app/Models/AmazonConfig.php',
    text: `<?php
class AmazonConfig extends Model
{
    protected $fillable = ['empresa_id', 'client_id', 'client_secret', 'refresh_token'];
}
`,
    line: 4,
  },
  {
    name: "an MWS client built from a config a shop's row returns (`shop.get_config()`): the shop's keys",
    path: 'app/amazon/orders.py',
    text: `# Amazon MWS orders for one shop.
def orders(shop_id):
    shop = Shop.objects.get(id=shop_id)
    creds = shop.get_config()
    return mws.Orders(access_key=creds.access_key, secret_key=creds.secret_key, account_id=creds.seller_id).list_orders()
`,
    line: 5,
  },
  {
    name: "keys destructured from a request body's settings member (`req.body.settings`) and stored per store",
    path: 'src/routes/amazon.js',
    text: `// Amazon SP-API settings route.
router.put('/stores/:id/amazon', async (req, res) => {
  const { sellerId, lwaClientSecret, refreshToken } = req.body.settings;
  await Store.updateOne({ _id: req.params.id }, { sellerId, lwaClientSecret, refreshToken });
  res.sendStatus(204);
});
`,
    line: 3,
  },
  {
    name: "a CakePHP form asking for a seller's MWS keys beside its seller id",
    path: 'src/Template/Tokens/add.ctp',
    text: `<?= $this->Form->create($token) ?>
<fieldset>
  <legend><?= __('MWS token') ?></legend>
  <?php
    echo $this->Form->control('seller_id', ['options' => $sellers]);
    echo $this->Form->control('access_key');
    echo $this->Form->control('secret_key');
  ?>
</fieldset>
<?= $this->Form->end() ?>
`,
    line: 7,
  },
  {
    name: "a Go job's MWS client built from the store record its receiver holds",
    path: 'internal/sync/client.go',
    text: `package sync

func (j *Job) client() *mws.Client {
\treturn mws.NewClient(j.store.SellerID, j.store.AccessKeyID, j.store.SecretKey)
}
`,
    line: 4,
  },
  {
    name: "a Go function literal's parameter is no receiver: an MWS request per account without a token",
    path: 'internal/sync/orders.go',
    text: `package sync

func syncAll(db *DB) {
\tdb.EachAccount(func(acct *Account) {
\t\tparams := url.Values{}
\t\tparams.Set("Action", "ListOrders")
\t\tparams.Set("SellerId", acct.SellerID)
\t\tcall(params)
\t})
}
`,
    line: 7,
  },
  {
    name: 'an Amazon seller model written after a helper named for another marketplace',
    path: 'sellers/models.py',
    text: `def coupang_creds(account):
    return {"vendorId": account.vendor_id}


class AmazonSeller(models.Model):
    seller_id = models.CharField(max_length=20)
    secret_key = models.CharField(max_length=40)
`,
    line: 7,
  },
  {
    name: "an Amazon client built per seller in a function that mentions another marketplace's fee",
    path: 'src/amazon/sync.ts',
    text: `export async function syncAmazon(seller: Seller) {
  const shopifyFee = (seller.total * 0.02);
  const client = new MwsClient({ sellerId: seller.sellerId, accessKeyId: seller.accessKeyId, secretKey: seller.secretKey });
  return client.listOrders(shopifyFee);
}
`,
    line: 3,
  },
  {
    name: 'an MWS connection with AWS-named keys inside a function named for another marketplace',
    path: 'integration/tasks.py',
    text: `def sync_ebay_orders(account):
    con = MWSConnection(aws_access_key_id=account.access_key, aws_secret_access_key=account.secret_key, Merchant=account.seller_id)
    return con.list_orders()
`,
    line: 2,
  },
  {
    name: "a Drupal commerce config entity: each Amazon store's own keys beside its token",
    path: 'src/Entity/Store.php',
    text: `<?php

namespace Drupal\\commerce_amws\\Entity;

/**
 * @ConfigEntityType(
 *   id = "commerce_amws_store",
 *   config_prefix = "store",
 * )
 */
class Store extends ConfigEntityBase {
  /** @var string */
  protected $seller_id;

  /** @var string */
  protected $aws_access_key_id;

  /** @var string */
  protected $secret_key;

  /** @var string */
  protected $mws_auth_token;
}
`,
    line: 19,
  },
  {
    name: "a Vue settings form asking each signed-in user for its own SP-API app's client secret",
    path: 'src/components/ConfigurationForm.vue',
    text: VUE_USER_SETTINGS_FORM,
    line: 6,
  },
  {
    name: "a Go sync job's request signed with the keys of the store record its receiver holds",
    path: 'internal/sync/orders.go',
    text: `package sync

type Job struct {
	store *models.Store
}

func (j *Job) listOrders() {
	params := url.Values{}
	params.Set("SellerId", j.store.SellerID)
	params.Set("AWSAccessKeyId", j.store.AccessKeyID)
	sign(params, j.store.SecretKey)
}`,
    line: 10,
  },
  {
    name: "a desktop tool's merchant account, its members initialised to null",
    path: 'src/com/shop/account/MerchantAccount.java',
    text: `public class MerchantAccount {
    private String merchantAlias = null;
    private String merchantId = null;
    private String mwsAccessKey = null;
    private String mwsSecretKey = null;

    public static MerchantAccount load(Map<String, String> row) {
        MerchantAccount account = new MerchantAccount();
        account.merchantId = row.get("merchant_id");
        return account;
    }
}`,
    line: 5,
  },
  {
    name: "an ASP.NET view model of a seller's keys, each with its display name above it",
    path: 'Models/Seller/SellerVM.cs',
    text: `public class SellerVM
{
    [Display(Name = "Seller Id")]
    public string SellerId { get; set; }

    [Display(Name = "Access Key")]
    public string AccessKey { get; set; }

    [Display(Name = "Secret Key")]
    public string SecretKey { get; set; }
}`,
    line: 10,
  },
  {
    name: "a Laravel command's SP-API config from the store model's own AWS keys",
    path: 'app/Console/Commands/FetchAmazonProduct.php',
    text: `<?php
class FetchAmazonProduct extends Command
{
    public function handle()
    {
        foreach (Store::with('storeConfig')->get() as $storeConfig) {
            $config = [
                'access_token' => $storeConfig->access_token,
                'access_key' => $storeConfig->aws_access_key_id,
                'secret_key' => $storeConfig->aws_secret_key,
                'region' => $storeConfig->aws_region,
            ];
            $this->fetch(new Configuration($config));
        }
    }
}`,
    line: 10,
  },
  {
    name: 'a Laravel form request whose rules hold a regex',
    path: 'app/Http/Requests/StoreRequest.php',
    text: `<?php
class StoreRequest extends FormRequest
{
    public function rules(): array
    {
        return [
            'selling_partner_id' => 'required|regex:/^A[0-9A-Z]{9,20}$/',
            'client_id' => 'required|regex:/^[^\\s].*$/',
            'client_secret' => 'required|regex:/^[^\\s].*$/',
            'aws_access_key_id' => 'required|regex:/^[^\\s].*$/',
            'aws_secret_key' => 'required|regex:/^[^\\s].*$/',
            'refresh_token' => 'required|regex:/^[^\\s].*$/',
        ];
    }
}`,
    line: 9,
  },
  {
    name: 'an Entity Framework Core migration creating the merchants table (hybrid)',
    path: 'Migrations/20161018200834_Merchant.cs',
    text: `public partial class Merchant : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Merchants",
            columns: table => new
            {
                MerchantId = table.Column<int>(nullable: false),
                MwsAuthToken = table.Column<string>(nullable: true),
                SecretKey = table.Column<string>(nullable: true),
                SellerId = table.Column<string>(nullable: true)
            });
    }
}`,
    line: 11,
  },
  {
    name: 'an Entity Framework Core model snapshot of the merchant entity (hybrid)',
    path: 'Migrations/ApplicationDbContextModelSnapshot.cs',
    text: `partial class ApplicationDbContextModelSnapshot : ModelSnapshot
{
    protected override void BuildModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity("Repricer.Models.Merchant", b =>
            {
                b.Property<int>("MerchantId")
                    .ValueGeneratedOnAdd();

                b.Property<string>("MwsAuthToken");

                b.Property<string>("SecretKey");

                b.Property<string>("SellerId");

                b.HasKey("MerchantId");
            });
    }
}`,
    line: 12,
  },
  {
    name: 'an Ext JS settings form, one key per line, its secret called a client secret',
    path: 'public/app/view/settings/amazonConnect/setting.js',
    text: `Ext.define('Sync.view.settings.amazonConnect.setting', {
    extend: 'Ext.form.Panel',
    items: [{
        fieldLabel: 'Seller Id',
        name: 'SellerId',
        bind: { value: '{SellerId}' }
    }, {
        fieldLabel: 'AWS Access Key Id',
        name: 'AWSAccessKeyId',
        bind: { value: '{AWSAccessKeyId}' }
    }, {
        fieldLabel: 'Client Secret',
        name: 'ClientSecret',
        bind: { value: '{ClientSecret}' }
    }]
});`,
    line: 13,
  },
  {
    name: "a SaaS's body for each organisation's own SP-API app and IAM keys",
    path: 'backend/app/schemas/organization.py',
    text: `from typing import Optional

from pydantic import BaseModel


class OrganizationApiKeysUpdate(BaseModel):
    sp_api_client_id: Optional[str] = None
    sp_api_client_secret: Optional[str] = None
    sp_api_aws_access_key: Optional[str] = None
    sp_api_aws_secret_key: Optional[str] = None
    sp_api_role_arn: Optional[str] = None`,
    line: 8,
  },
  {
    name: 'sql mws_credentials generic',
    path: 'db/schema.sql',
    text: `CREATE TABLE mws_credentials (
  id INT PRIMARY KEY,
  merchant_id VARCHAR(32),
  marketplace VARCHAR(32),
  \`key\` VARCHAR(64),
  secret VARCHAR(64)
);`,
    line: 6,
  },
  {
    name: 'form in mws/ view',
    path: 'resources/views/mws/settings.blade.php',
    text: `<form method="post" action="/mws/save">
  <input type="text" name="merchantId">
  <input type="text" name="key">
  <input type="password" name="secret">
</form>`,
    line: 4,
  },
  {
    name: 'laravel request props',
    path: 'app/Http/Controllers/MwsController.php',
    text: `<?php
class MwsController extends Controller {
  public function store(Request $request) {
    $account = new AmazonAccount();
    $account->seller_id = $request->seller_id;
    $account->access_key = $request->access_key;
    $account->secret_key = $request->input('secret_key');
    $account->save();
  }
}`,
    line: 7,
  },
  {
    name: 'laravel create',
    path: 'app/Http/Controllers/StoreController.php',
    text: `<?php
class StoreController extends Controller {
  public function store(Request $request) {
    Store::create([
      'merchant_id' => $request->merchant_id,
      'aws_access_key_id' => $request->aws_access_key_id,
      'secret_key' => $request->secret_key,
    ]);
  }
}`,
    line: 7,
  },
  {
    name: 'codeigniter post',
    path: 'application/controllers/Amazon.php',
    text: `<?php
class Amazon extends CI_Controller {
  public function save() {
    $data = array(
      'seller_id' => $this->input->post('seller_id'),
      'access_key' => $this->input->post('access_key'),
      'secret_key' => $this->input->post('secret_key'),
    );
    $this->db->insert('amazon_accounts', $data);
  }
}`,
    line: 7,
  },
  {
    name: 'django POST',
    path: 'sellers/views.py',
    text: `def connect(request):
    account = AmazonAccount()
    account.seller_id = request.POST['seller_id']
    account.access_key = request.POST['access_key']
    account.secret_key = request.POST.get('secret_key')
    account.save()
`,
    line: 5,
  },
  {
    name: 'flask form',
    path: 'app/views.py',
    text: `@app.route('/connect', methods=['POST'])
def connect():
    store = Store(
        merchant_id=request.form['merchant_id'],
        access_key=request.form['access_key'],
        secret_key=request.form['secret_key'],
    )
    db.session.add(store)
`,
    line: 6,
  },
  {
    name: 'rails params',
    path: 'app/controllers/stores_controller.rb',
    text: `class StoresController < ApplicationController
  def create
    @store = Store.new(
      seller_id: params[:seller_id],
      aws_access_key_id: params[:aws_access_key_id],
      secret_key: params[:secret_key]
    )
    @store.save
  end
end`,
    line: 6,
  },
  {
    name: 'rails permit',
    path: 'app/controllers/accounts_controller.rb',
    text: `class AccountsController < ApplicationController
  private

  def account_params
    params.require(:amazon_account).permit(:seller_id, :access_key_id, :secret_access_key, :marketplace_id)
  end
end`,
    line: 5,
  },
  {
    name: 'spring requestparam',
    path: 'src/main/java/com/acme/SellerController.java',
    text: `@RestController
public class SellerController {
  @PostMapping("/sellers")
  public Seller create(@RequestParam String sellerId, @RequestParam String accessKey, @RequestParam String secretKey) {
    return repo.save(new Seller(sellerId, accessKey, secretKey));
  }
}`,
    line: 4,
  },
  {
    name: 'aspnet model',
    path: 'Models/StoreViewModel.cs',
    text: `public class StoreViewModel
{
    public string SellerId { get; set; }
    public string AccessKey { get; set; }
    public string SecretKey { get; set; }
}`,
    line: 5,
  },
  {
    name: 'prisma',
    path: 'prisma/schema.prisma',
    text: `model AmazonAccount {
  id        Int    @id @default(autoincrement())
  sellerId  String @unique
  accessKey String
  secretKey String
  userId    Int
}`,
    line: 5,
  },
  {
    name: 'prisma sql migration',
    path: 'prisma/migrations/20230101_init/migration.sql',
    text: `-- CreateTable
CREATE TABLE "AmazonAccount" (
    "id" SERIAL NOT NULL,
    "sellerId" TEXT NOT NULL,
    "accessKey" TEXT NOT NULL,
    "secretKey" TEXT NOT NULL,
    CONSTRAINT "AmazonAccount_pkey" PRIMARY KEY ("id")
);`,
    line: 6,
  },
  {
    name: 'go gorm',
    path: 'models/store.go',
    text: `package models

type Store struct {
	ID        uint   \`gorm:"primaryKey"\`
	SellerID  string \`gorm:"column:seller_id" json:"seller_id"\`
	AccessKey string \`gorm:"column:access_key" json:"access_key"\`
	SecretKey string \`gorm:"column:secret_key" json:"secret_key"\`
}
`,
    line: 7,
  },
  {
    name: 'go generic tags',
    path: 'models/mws.go',
    text: `package models

type MwsAccount struct {
	ID       uint   \`gorm:"primaryKey"\`
	Merchant string \`json:"merchant" db:"merchant"\`
	Key      string \`json:"key" db:"key"\`
	Secret   string \`json:"secret" db:"secret"\`
}
`,
    line: 7,
  },
  {
    name: 'mysql ddl',
    path: 'sql/init.sql',
    text: `CREATE TABLE \`shop\` (
  \`id\` int NOT NULL AUTO_INCREMENT,
  \`seller_id\` varchar(32) DEFAULT NULL,
  \`access_key\` varchar(64) DEFAULT NULL,
  \`secret_key\` varchar(64) DEFAULT NULL,
  PRIMARY KEY (\`id\`)
) ENGINE=InnoDB;`,
    line: 5,
  },
  {
    name: 'mongoose',
    path: 'models/Seller.js',
    text: `const mongoose = require('mongoose');
const SellerSchema = new mongoose.Schema({
  sellerId: { type: String, required: true },
  mws: {
    accessKey: String,
    secretKey: String,
  },
});
module.exports = mongoose.model('Seller', SellerSchema);`,
    line: 6,
  },
  {
    name: 'typeorm',
    path: 'src/entities/store.entity.ts',
    text: `@Entity()
export class Store {
  @PrimaryGeneratedColumn() id: number;
  @Column() sellerId: string;
  @Column() accessKeyId: string;
  @Column() secretKey: string;
}`,
    line: 6,
  },
  {
    name: 'class-validator dto',
    path: 'src/dto/connect.dto.ts',
    text: `export class ConnectDto {
  @IsString()
  sellerId: string;

  @IsString()
  awsAccessKeyId: string;

  @IsString()
  awsSecretKey: string;
}`,
    line: 9,
  },
  {
    name: 'eloquent fillable',
    path: 'app/Models/AmazonStore.php',
    text: `<?php
class AmazonStore extends Model
{
    protected $fillable = ['user_id', 'seller_id', 'access_key', 'secret_key', 'marketplace_id'];
    protected $hidden = ['secret_key'];
}`,
    line: 4,
  },
  {
    name: 'nova fields',
    path: 'app/Nova/AmazonAccount.php',
    text: `<?php
class AmazonAccount extends Resource
{
    public function fields(Request $request)
    {
        return [
            Text::make('Seller ID', 'seller_id'),
            Text::make('Access Key', 'access_key'),
            Password::make('Secret Key', 'secret_key'),
        ];
    }
}`,
    line: 9,
  },
  {
    name: 'filament fields',
    path: 'app/Filament/Resources/StoreResource.php',
    text: `<?php
class StoreResource extends Resource
{
    public static function form(Form $form): Form
    {
        return $form->schema([
            TextInput::make('merchant_id')->required(),
            TextInput::make('aws_access_key_id')->required(),
            TextInput::make('aws_secret_key')->password(),
        ]);
    }
}`,
    line: 9,
  },
  {
    name: 'django model',
    path: 'amazon/models.py',
    text: `class AmazonAccount(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE)
    merchant_id = models.CharField(max_length=32)
    access_key = models.CharField(max_length=64)
    secret_key = models.CharField(max_length=64)
`,
    line: 5,
  },
  {
    name: 'odoo fields',
    path: 'models/amazon_seller.py',
    text: `class AmazonSeller(models.Model):
    _name = 'amazon.seller'
    merchant_id = fields.Char('Merchant Id')
    access_key = fields.Char('Access Key')
    secret_key = fields.Char('Secret Key')
`,
    line: 5,
  },
  {
    name: 'jsx inputs',
    path: 'src/components/ConnectForm.jsx',
    text: `export function ConnectForm() {
  return (
    <form onSubmit={submit}>
      <input name="sellerId" />
      <input name="accessKey" />
      <input name="secretKey" type="password" />
    </form>
  );
}`,
    line: 6,
  },
  {
    name: 'vue inputs',
    path: 'src/views/Store.vue',
    text: `<template>
  <el-form :model="form">
    <el-input v-model="form.sellerId" />
    <el-input v-model="form.accessKey" />
    <el-input v-model="form.secretKey" type="password" />
  </el-form>
</template>`,
    line: 5,
  },
  {
    name: 'json blob per seller',
    path: 'app/Services/Onboard.php',
    text: `<?php
$seller->credentials = json_encode([
    'seller_id' => $request->seller_id,
    'access_key' => $request->access_key,
    'secret_key' => $request->secret_key,
]);
$seller->save();`,
    line: 5,
  },
  {
    name: 'findByIdAndUpdate dotted',
    path: 'routes/seller.js',
    text: `router.post('/mws', async (req, res) => {
  await Seller.findByIdAndUpdate(req.user.id, {
    'mws.sellerId': req.body.sellerId,
    'mws.accessKey': req.body.accessKey,
    'mws.secretKey': req.body.secretKey,
  });
});`,
    line: 5,
  },
  {
    name: 'constructor from record',
    path: 'sync/orders.py',
    text: `def sync(account):
    conn = MWSConnection(account.access_key, account.secret_key, Merchant=account.merchant_id)
    return conn.list_orders()
`,
    line: 2,
  },
  {
    name: 'constructor from record generic secret',
    path: 'sync/orders.py',
    text: `from boto.mws.connection import MWSConnection
def sync(account):
    conn = MWSConnection(account.access_key, account.secret, Merchant=account.merchant_id)
    return conn.list_orders()
`,
    line: 3,
  },
  {
    name: 'hybrid migration',
    path: 'database/migrations/2020_create_stores.php',
    text: `<?php
Schema::create('stores', function (Blueprint $table) {
    $table->id();
    $table->string('seller_id');
    $table->string('aws_access_key_id');
    $table->string('secret_key');
    $table->string('mws_auth_token')->nullable();
});`,
    line: 6,
  },
  {
    name: 'spapi per-seller lwa app',
    path: 'app/Models/SpApiAccount.php',
    text: `<?php
Schema::create('sp_api_sellers', function (Blueprint $table) {
    $table->id();
    $table->foreignId('user_id');
    $table->string('selling_partner_id');
    $table->string('lwa_client_id');
    $table->string('lwa_client_secret');
    $table->text('refresh_token');
});`,
    line: 7,
  },
  {
    name: 'spapi per-seller iam',
    path: 'src/seller.entity.ts',
    text: `@Entity()
export class SellerAccount {
  @Column() sellingPartnerId: string;
  @Column() refreshToken: string;
  @Column() awsAccessKeyId: string;
  @Column() awsSecretAccessKey: string;
}`,
    line: 6,
  },
  {
    name: 'hybrid: signing with the keys read from a seller row beside its token',
    path: 'application/controllers/Reports.php',
    text: `<?php
class Reports extends CI_Controller {
  public function fetch($id) {
    $row = $this->accounts->find($id);
    $seller = $row->seller_id;
    $token = $row->mws_auth_token;
    $key = $row->aws_access_key_id;
    $secret = $row->secret_key;
    return $this->mws->listReports($seller, $token, $key, $secret);
  }
}`,
    line: 8,
  },
  {
    name: 'hybrid: an HTML form asking for the keys beside the token',
    path: 'views/connect.html',
    text: `<form method="post">
  <input name="seller_id">
  <input name="mws_auth_token">
  <input name="aws_access_key_id">
  <input name="secret_key" type="password">
</form>`,
    line: 5,
  },
  {
    name: 'SP-API: credentials built from a seller account record',
    path: 'sync/credentials.py',
    text: `from sp_api.api import Orders

def credentials_for(account):
    return {
        'refresh_token': account.refresh_token,
        'lwa_app_id': account.app_id,
        'lwa_client_secret': account.client_secret,
    }
`,
    line: 7,
  },
  {
    name: 'SP-API: a per-user table of IAM keys and client secrets',
    path: 'prisma/schema.prisma',
    text: `model user_sp_credentials {
  id            Int     @id @default(autoincrement())
  user_id       Int
  refresh_token String
  client_id     String?
  client_secret String?
  access_key    String?
  secret_key    String?
  role_arn      String?
}`,
    // One record, one finding, at its first secret field: the LWA client secret above the IAM secret.
    line: 6,
  },
  {
    name: 'one record reported at its first secret field written alike (a validation rule is not the row)',
    path: 'application/controllers/Amazon.php',
    text: `<?php
class Amazon extends CI_Controller {
  public function connect() {
    $this->form_validation->set_rules('inputSecretKey', 'Secret Key', 'required');
    $account['seller_id']         = $this->input->post('inputSellerId');
    $account['aws_access_key_id'] = $this->input->post('inputAccessKey');
    $account['secret_key']        = $this->input->post('inputSecretKey');
    $this->amazon_model->add($account);
  }
}`,
    line: 7,
  },
  {
    name: 'razor TextBoxFor',
    path: 'Views/Store/Create.cshtml',
    text: `@model MyApp.Models.AmazonStore
@using (Html.BeginForm("Create", "Store", FormMethod.Post))
{
    @Html.LabelFor(m => m.SellerId)
    @Html.TextBoxFor(m => m.SellerId, new { @class = "form-control" })
    @Html.TextBoxFor(m => m.AccessKey, new { @class = "form-control" })
    @Html.LabelFor(m => m.SecretKey)
    @Html.PasswordFor(m => m.SecretKey, new { @class = "form-control" })
    <button type="submit">Save</button>
}`,
    line: 8,
  },
  {
    name: 'razor asp-for',
    path: 'Views/Stores/Create.cshtml',
    text: `@model StoreModel
<form asp-action="Create" method="post">
    <input asp-for="SellerId" class="form-control" />
    <input asp-for="AccessKey" class="form-control" />
    <input asp-for="SecretKey" type="password" class="form-control" />
</form>`,
    line: 5,
  },
  {
    name: 'cs entity inline attrs',
    path: 'Entities/Shop.cs',
    text: `public class Shop
{
    [Column("seller_id")] public string SellerId { get; set; }
    [Column("access_key"), MaxLength(64)] public string AccessKey { get; set; }
    [Column("secret_key"), MaxLength(64)] public string SecretKey { get; set; }
}`,
    line: 5,
  },
  {
    name: 'angular formbuilder',
    path: 'src/app/store/store-form.component.ts',
    text: `@Component({ selector: 'app-store-form', templateUrl: './store-form.component.html' })
export class StoreFormComponent implements OnInit {
  form: FormGroup;
  constructor(private fb: FormBuilder) {}

  ngOnInit(): void {
    this.form = this.fb.group({
      name: ['', Validators.required],
      sellerId: ['', Validators.required],
      accessKey: ['', Validators.required],
      secretKey: ['', Validators.required],
    });
  }
}`,
    line: 11,
  },
  {
    name: 'angular formcontrol',
    path: 'src/app/account/account.component.ts',
    text: `export class AccountComponent {
  accountForm = new FormGroup({
    merchantId: new FormControl(''),
    accessKeyId: new FormControl(''),
    secretKey: new FormControl('', [Validators.required]),
  });
}`,
    line: 5,
  },
  {
    name: 'java client from shop getters',
    path: 'src/main/java/com/acme/service/OrderService.java',
    text: `public class OrderService {
    public MarketplaceWebServiceOrdersClient client(AmazonShop shop) {
        MarketplaceWebServiceOrdersConfig config = new MarketplaceWebServiceOrdersConfig();
        config.setServiceURL(shop.getServiceUrl());
        return new MarketplaceWebServiceOrdersAsyncClient(shop.getAccessKey(), shop.getSecretKey(), "app", "1.0", config);
    }
}`,
    line: 5,
  },
  {
    name: 'php client from store',
    path: 'app/Services/Mws.php',
    text: `<?php
class Mws {
  public function client($store) {
    $config = ['ServiceURL' => $store->service_url];
    return new MarketplaceWebService_Client($store->access_key, $store->secret_key, $config, 'app', '1.0');
  }
}`,
    line: 5,
  },
  {
    name: 'setApiKey from user',
    path: 'src/jobs/sync.js',
    text: `async function sync(user) {
  const client = new MwsClient();
  client.setApiKey(user.accessKey, user.secretKey);
  return client.listOrders({ SellerId: user.sellerId });
}`,
    line: 3,
  },
  {
    name: 'amazon-mws from user js',
    path: 'src/jobs/orders.js',
    text: `async function fetchOrders(user) {
  const amazonMws = require('amazon-mws')(user.accessKey, user.secretKey);
  return amazonMws.orders.search({ Version: '2013-09-01', Action: 'ListOrders', SellerId: user.sellerId });
}`,
    line: 2,
  },
  {
    name: 'shop settings type',
    path: 'src/types/shop.ts',
    text: `export interface ShopSettings {
  sellerId: string;
  accessKeyId: string;
  secretKey: string;
}`,
    line: 4,
  },
  {
    name: 'wp vendor settings user meta',
    path: 'includes/vendor-settings.php',
    text: `<?php
function save_vendor_amazon_settings($vendor_id) {
    update_user_meta($vendor_id, 'amazon_seller_id', sanitize_text_field($_POST['amazon_seller_id']));
    update_user_meta($vendor_id, 'amazon_secret_key', sanitize_text_field($_POST['amazon_secret_key']));
}`,
    line: 4,
  },
  {
    name: 'sp-api per-user lwa app mongoose',
    path: 'models/User.js',
    text: `const UserSchema = new mongoose.Schema({
  email: String,
  sellingPartnerId: String,
  refreshToken: String,
  lwaClientId: String,
  lwaClientSecret: String,
});`,
    line: 6,
  },
  {
    name: 'django modelform meta fields',
    path: 'app/forms.py',
    text: `class StoreForm(forms.ModelForm):
    class Meta:
        model = Store
        fields = ['name', 'seller_id', 'aws_access_key_id', 'aws_secret_access_key']
`,
    line: 4,
  },
  {
    name: 'laravel rules array',
    path: 'app/Http/Requests/StoreRequest.php',
    text: `<?php
class StoreRequest extends FormRequest
{
    public function rules()
    {
        return [
            'seller_id' => ['required', 'string'],
            'secret_key' => ['required', 'string', 'max:64'],
            'access_key' => ['required', 'string'],
        ];
    }
}`,
    line: 8,
  },
  {
    name: 'laravel collective form',
    path: 'resources/views/stores/create.blade.php',
    text: `{!! Form::open(['route' => 'stores.store']) !!}
    {!! Form::label('seller_id', 'Seller ID') !!}
    {!! Form::text('seller_id', null, ['class' => 'form-control']) !!}
    {!! Form::text('access_key', null, ['class' => 'form-control']) !!}
    {!! Form::password('secret_key', ['class' => 'form-control']) !!}
{!! Form::close() !!}`,
    line: 5,
  },
  {
    name: 'codeigniter form helper',
    path: 'application/views/amazon/settings.php',
    text: `<?php echo form_open('amazon/save'); ?>
<?php echo form_input('seller_id', set_value('seller_id')); ?>
<?php echo form_input('access_key', set_value('access_key')); ?>
<?php echo form_password('secret_key', set_value('secret_key')); ?>
<?php echo form_close(); ?>`,
    line: 4,
  },
  {
    name: 'laravel request only',
    path: 'app/Http/Controllers/StoreController.php',
    text: `<?php
class StoreController extends Controller {
  public function update(Request $request, Store $store) {
    $store->update($request->only(['seller_id', 'access_key', 'secret_key']));
    return back();
  }
}`,
    line: 4,
  },
  {
    name: 'rails schema quoted',
    path: 'db/schema.rb',
    text: `ActiveRecord::Schema.define(version: 2019_01_01_000000) do
  create_table "stores", force: :cascade do |t|
    t.string "seller_id"
    t.string "aws_access_key_id"
    t.string "aws_secret_access_key"
    t.datetime "created_at", null: false
  end
end`,
    line: 5,
  },
  {
    name: 'sql insert values',
    path: 'app/db.py',
    text: `def save(conn, seller_id, access_key, secret_key):
    cur = conn.cursor()
    cur.execute("INSERT INTO stores (seller_id, access_key, secret_key) VALUES (%s, %s, %s)", (seller_id, access_key, secret_key))
`,
    line: 3,
  },
  {
    name: 'go gorm no tags',
    path: 'model/shop.go',
    text: `package model

type Shop struct {
	gorm.Model
	Name      string
	SellerId  string
	AccessKey string
	SecretKey string
}`,
    line: 8,
  },
  {
    name: 'mybatis insert xml',
    path: 'src/main/resources/mapper/ShopMapper.xml',
    text: `<mapper namespace="com.acme.mapper.ShopMapper">
  <insert id="insert">
    INSERT INTO shop (seller_id, access_key, secret_key) VALUES (#{sellerId}, #{accessKey}, #{secretKey})
  </insert>
</mapper>`,
    line: 3,
  },
  {
    name: 'nest prisma create from dto',
    path: 'src/store/store.service.ts',
    text: `@Injectable()
export class StoreService {
  create(dto: CreateStoreDto, userId: number) {
    return this.prisma.store.create({
      data: {
        sellerId: dto.sellerId,
        secretKey: dto.secretKey,
        accessKey: dto.accessKey,
        userId,
      },
    });
  }
}`,
    line: 7,
  },
  {
    name: 'aspnet object initializer from model',
    path: 'Controllers/StoreController.cs',
    text: `public class StoreController : Controller
{
    [HttpPost]
    public async Task<IActionResult> Create([FromBody] StoreDto dto)
    {
        var store = new Store { SellerId = dto.SellerId, AccessKey = dto.AccessKey,
            SecretKey = dto.SecretKey };
        await _db.SaveChangesAsync();
        return Ok();
    }
}`,
    line: 7,
  },
  {
    name: 'spapi python creds from row dict',
    path: 'jobs/report.py',
    text: `from sp_api.api import Reports

def run(row):
    credentials = {
        "refresh_token": row["refresh_token"],
        "lwa_app_id": row["client_id"],
        "lwa_client_secret": row["client_secret"],
    }
    Reports(credentials=credentials).create_report(reportType="GET_SALES")
`,
    line: 7,
  },
  {
    name: 'flask body alias',
    path: 'app/routes/connection.py',
    text: `@bp.route("/amazon/connection", methods=["POST"])
def save_connection():
    data = request.get_json(silent=True) or {}
    conn = AmazonConnection(user_id=current_user.id)
    conn.seller_id = data.get("seller_id")
    conn.lwa_client_secret = data["lwa_client_secret"]
    db.session.add(conn)
`,
    line: 6,
  },
  {
    name: 'php posted row with request parameter names',
    path: 'api/accounts.php',
    text: `<?php
$post = $_POST;
$data = array();
$data['AWSAccessKeyId'] = $post['AWSAccessKeyId'];
$data['MerchantId'] = $post['MerchantId'];
$data['SecretKey'] = $post['SecretKey'];
q_insert("amazon_accounts", $data);
`,
    line: 6,
  },
  {
    name: 'laravel store lwa app without amazon words',
    path: 'database/migrations/2025_01_01_create_tblstores.php',
    text: `<?php
Schema::create('tblstores', function (Blueprint $table) {
    $table->id('store_id');
    $table->string('storename');
    $table->string('client_id');
    $table->string('client_secret');
    $table->string('refresh_token');
    $table->string('MerchantID');
});`,
    line: 6,
  },
  {
    name: 'sqlalchemy user-owned lwa app',
    path: 'migrations/versions/0001_credentials.py',
    text: `def upgrade():
    op.create_table(
        'amazon_credentials',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), sa.ForeignKey('users.id'), nullable=False),
        sa.Column('seller_id', sa.String(length=50), nullable=True),
        sa.Column('client_secret', sa.String(length=200), nullable=True),
        sa.Column('refresh_token', sa.String(length=500), nullable=True),
    )
`,
    line: 7,
  },
  {
    name: 'client built from one dto, three times',
    path: 'Services/ReportService.cs',
    text: `public class ReportService
{
    public object List(ParamDto dto)
    {
        var reports = new AmazonReportService(dto.AWSAccessKeyId, dto.SecretKey, dto.SellerId);
        return reports.List();
    }
    public object Get(ParamDto dto, string id)
    {
        var reports = new AmazonReportService(dto.AWSAccessKeyId, dto.SecretKey, dto.SellerId);
        return reports.Get(id);
    }
}`,
    line: 5,
  },
  {
    name: 'element-plus form bound to a model',
    path: 'src/views/shop/ShopAuth.vue',
    text: `<template>
  <el-dialog v-model="visible" title="Authorize shop">
    <el-form :model="authForm" label-width="auto">
      <el-form-item label="Seller Id">
        <el-input v-model="authForm.sellerId" />
      </el-form-item>
      <el-form-item label="Client Secret">
        <el-input v-model="authForm.clientSecret" type="password" />
      </el-form-item>
      <el-form-item label="Refresh Token">
        <el-input v-model="authForm.refreshToken" />
      </el-form-item>
    </el-form>
  </el-dialog>
</template>`,
    line: 8,
  },
  {
    name: 'mongoose write of encrypted keys',
    path: 'src/services/amazonLink.js',
    text: `export async function linkAmazon(userId, sellerId, sealedAccess, sealedSecret) {
  await User.findByIdAndUpdate(userId, {
    'amazon.sellerId': sellerId,
    'amazon.encryptedAccessKey': sealedAccess.cipher,
    'amazon.encryptedSecretKey': sealedSecret.cipher,
  });
}`,
    line: 5,
  },
  {
    name: 'react form state with sp-api keys',
    path: 'src/pages/integrations.jsx',
    text: `export default function Integrations() {
  const [amazonForm, setAmazonForm] = useState({
    sellerId: '',
    awsAccessKey: '',
    awsSecretKey: '',
    refreshToken: '',
  });
  return null;
}`,
    line: 5,
  },
  {
    name: 'rails add_column per table',
    path: 'db/migrate/20140101_add_keys_to_channels.rb',
    text: `class AddKeysToChannels < ActiveRecord::Migration[5.1]
  def change
    add_column :amazon_channels, :access_key_id, :string
    add_column :amazon_channels, :secret_access_key, :string
    add_column :amazon_channels, :merchant_id, :string
    add_column :ebay_channels, :auth_token, :string
  end
end`,
    line: 4,
  },
  {
    name: 'mongoose hybrid multi-line fields',
    path: 'server/models/Merchant.ts',
    text: `const MerchantSchema = new Schema({
  merchantId: { type: String, index: true },
  mwsAuthToken: {
    type: String,
    default: null,
  },
  accessKeyId: {
    type: String,
  },
  secretAccessKey: {
    type: String,
    select: false,
  },
});`,
    line: 10,
  },
  {
    name: 'laravel generic names in mws controller',
    path: 'app/Http/Controllers/MwsController.php',
    text: `<?php
class MwsController extends Controller {
  public function store(Request $request) {
    $account = new MwsAccount();
    $account->merchant_id = $request->merchant_id;
    $account->key = $request->key;
    $account->secret = $request->secret;
    $account->save();
  }
}`,
    line: 7,
  },
  {
    name: 'express generic body',
    path: 'routes/amazon.js',
    text: `router.post('/amazon/connect', async (req, res) => {
  await Account.create({
    user: req.user.id,
    merchantId: req.body.merchantId,
    accessKey: req.body.accessKey,
    secret: req.body.secret,
  });
});`,
    line: 6,
  },
  {
    name: 'generic secret in amazon settings model',
    path: 'app/Models/AmazonSetting.php',
    text: `<?php
class AmazonSetting extends Model
{
    protected $fillable = ['user_id', 'seller_id', 'access_key', 'secret', 'marketplace'];
}`,
    line: 4,
  },
  {
    name: 'axios post of keys',
    path: 'src/components/Connect.vue',
    text: `export default {
  methods: {
    save() {
      axios.post('/api/amazon/connect', {
        sellerId: this.sellerId,
        secretKey: this.secretKey,
        accessKey: this.accessKey,
      });
    },
  },
};`,
    line: 6,
  },
  {
    name: 'laravel MWSClient from store',
    path: 'app/Services/AmazonService.php',
    text: `<?php
class AmazonService {
  public function client(Store $store) {
    return new MWSClient([
      'Marketplace_Id' => $store->marketplace_id,
      'Seller_Id' => $store->seller_id,
      'Access_Key_ID' => $store->access_key,
      'Secret_Access_Key' => $store->secret_key,
    ]);
  }
}`,
    line: 8,
  },
  {
    name: 'php spapi configuration from user',
    path: 'app/Services/SpApi.php',
    text: `<?php
class SpApi {
  public function config(User $user) {
    return new Configuration([
      'lwaClientId' => $user->lwa_client_id,
      'lwaClientSecret' => $user->lwa_client_secret,
      'lwaRefreshToken' => $user->refresh_token,
      'awsAccessKeyId' => $user->aws_access_key,
      'awsSecretAccessKey' => $user->aws_secret_key,
    ]);
  }
}`,
    line: 6,
  },
  {
    name: 'node sp-api from store record',
    path: 'src/sp.js',
    text: `function clientFor(store) {
  return new SellingPartner({
    region: store.region,
    refresh_token: store.refreshToken,
    credentials: {
      SELLING_PARTNER_APP_CLIENT_SECRET: store.clientSecret,
      SELLING_PARTNER_APP_CLIENT_ID: store.clientId,
      AWS_ACCESS_KEY_ID: store.awsAccessKey,
      AWS_SECRET_ACCESS_KEY: store.awsSecretKey,
    },
  });
}`,
    line: 6,
  },
  {
    name: 'go mws config from shop',
    path: 'service/mws.go',
    text: `package service

func clientFor(shop model.Shop) *mws.Client {
	return mws.NewClient(mws.Config{SellerId: shop.SellerId, AccessKey: shop.AccessKey, SecretKey: shop.SecretKey, Region: shop.Region})
}`,
    line: 4,
  },
  {
    name: 'python mws orders from account',
    path: 'app/tasks.py',
    text: `from mws import mws

def fetch_orders(account):
    api = mws.Orders(access_key=account.access_key,
                     secret_key=account.secret_key,
                     account_id=account.seller_id,
                     region=account.region)
    return api.list_orders(marketplaceids=[account.marketplace_id])
`,
    line: 5,
  },
  {
    name: 'knex migration',
    path: 'migrations/20200101_stores.js',
    text: `exports.up = (knex) =>
  knex.schema.createTable('stores', (table) => {
    table.increments('id');
    table.string('seller_id');
    table.string('access_key');
    table.string('secret_key');
  });`,
    line: 6,
  },
  {
    name: 'kotlin data class entity',
    path: 'src/main/kotlin/com/acme/Shop.kt',
    text: `@Entity
@Table(name = "shops")
data class Shop(
    @Id val id: Long,
    val sellerId: String,
    val secretKey: String,
    val accessKey: String,
)`,
    line: 6,
  },
  {
    name: 'pydantic request schema',
    path: 'app/schemas.py',
    text: `class StoreCreate(BaseModel):
    seller_id: str
    access_key: str
    secret_key: str
`,
    line: 4,
  },
  {
    name: 'django cleaned_data',
    path: 'accounts/views.py',
    text: `def connect(request):
    form = ConnectForm(request.POST)
    if form.is_valid():
        account = AmazonAccount(user=request.user)
        account.seller_id = form.cleaned_data['seller_id']
        account.access_key = form.cleaned_data['access_key']
        account.secret_key = form.cleaned_data['secret_key']
        account.save()
`,
    line: 7,
  },
  {
    name: 'servlet getParameter',
    path: 'src/main/java/com/acme/web/ShopServlet.java',
    text: `public class ShopServlet extends HttpServlet {
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        Shop shop = new Shop();
        shop.setSellerId(request.getParameter("sellerId"));
        shop.setAccessKey(request.getParameter("accessKey"));
        shop.setSecretKey(request.getParameter("secretKey"));
        shopDao.save(shop);
    }
}`,
    line: 6,
  },
  {
    name: 'gin PostForm',
    path: 'handler/shop.go',
    text: `package handler

func SaveShop(c *gin.Context) {
	shop := model.Shop{
		SellerID:  c.PostForm("seller_id"),
		SecretKey: c.PostForm("secret_key"),
		AccessKey: c.PostForm("access_key"),
	}
	db.Create(&shop)
}`,
    line: 6,
  },
  {
    name: 'aspnet Request indexer',
    path: 'Controllers/ShopController.cs',
    text: `public class ShopController : Controller
{
    [HttpPost]
    public ActionResult Save()
    {
        var sellerId = Request["SellerId"];
        var secretKey = Request["SecretKey"];
        return View();
    }
}`,
    line: 7,
  },
  {
    name: 'laravel collective hybrid settings form',
    path: 'resources/views/admin/user/setting.blade.php',
    text: `<form action="{{ route('user.setting.save') }}" method="POST">
  @csrf
  <div class="form-group">
    {!! Form::text('seller_id', old('seller_id', isset($setting->seller_id) ? $setting->seller_id : ''), ['class' => 'form-control']) !!}
  </div>
  <div class="form-group">
    {!! Form::text('mws_auth_token', old('mws_auth_token', isset($setting->mws_auth_token) ? $setting->mws_auth_token : ''), ['class' => 'form-control']) !!}
  </div>
  <div class="form-group">
    {!! Form::text('mws_access_key', old('mws_access_key', $setting->mws_access_key ?? ''), ['class' => 'form-control']) !!}
  </div>
    {!! Form::text('mws_secret_key', old('mws_secret_key', $setting->mws_secret_key ?? ''), ['class' => 'form-control']) !!}
</form>`,
    line: 12,
  },
  // One call, both judges: a client for a varying seller without a token, fed the seller's own
  // keys. One finding, the record judge's (the keys are the graver fact), not two.
  {
    name: 'ruby peddler call with a shop record keys, once',
    path: 'app/jobs/orders_sync_job.rb',
    text: `class OrdersSyncJob < ApplicationJob
  def perform(shop)
    client = MWS.orders(
      merchant_id: shop.merchant_id,
      aws_access_key_id: shop.key,
      aws_secret_access_key: shop.secret
    )
    client.list_orders(created_after: 1.day.ago)
  end
end`,
    line: 6,
  },
  {
    name: 'amazon-mws client with a shop record keys, once',
    path: 'src/jobs/sync-orders.js',
    text: `const MwsClient = require('amazon-mws');

async function syncOrders(shop) {
  const client = new MwsClient({
    sellerId: shop.sellerId,
    accessKeyId: shop.key,
    secretKey: shop.secret,
  });
  return client.orders.list();
}`,
    line: 7,
  },
  // Django migrations, Entity Framework fluent mappings and Java setters: the framework declares or
  // fills the per-seller row in its own idiom.
  {
    name: 'django migration AddField beside a seller field',
    path: 'shops/migrations/0005_shop_keys.py',
    text: `from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("shops", "0004_shop_marketplace"),
    ]

    operations = [
        migrations.AddField(
            model_name="shop",
            name="seller_id",
            field=models.CharField(max_length=32, blank=True),
        ),
        migrations.AddField(
            model_name="shop",
            name="access_key",
            field=models.CharField(max_length=32, blank=True),
        ),
        migrations.AddField(
            model_name="shop",
            name="secret_key",
            field=models.CharField(max_length=64, blank=True),
        ),
    ]`,
    line: 23,
  },
  {
    name: 'entity framework fluent mapping with a merchant id',
    path: 'Data/AppDbContext.cs',
    text: `using Microsoft.EntityFrameworkCore;

public class AppDbContext : DbContext
{
    public DbSet<Shop> Shops { get; set; }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Shop>(entity =>
        {
            entity.ToTable("shops");

            entity.Property(e => e.MerchantId)
                .HasColumnName("merchant_id")
                .HasMaxLength(32);

            entity.Property(e => e.AwsAccessKeyId)
                .HasColumnName("aws_access_key_id")
                .HasMaxLength(32);

            entity.Property(e => e.AwsSecretAccessKey)
                .HasColumnName("aws_secret_access_key")
                .HasMaxLength(64);
        });
    }
}`,
    line: 21,
  },
  {
    name: 'java setters fill a seller account from a form',
    path: 'src/main/java/com/example/amazon/controller/AccountController.java',
    text: `package com.example.amazon.controller;

@RestController
@RequestMapping("/amazon/account")
public class AccountController {
    @Autowired
    private AmazonAccountRepository repository;

    @PostMapping
    public AmazonAccount save(@RequestBody AccountForm form) {
        AmazonAccount account = new AmazonAccount();
        account.setSellerId(form.getSellerId());
        account.setAccessKey(form.getAccessKey());
        account.setSecretKey(form.getSecretKey());
        return repository.save(account);
    }
}`,
    line: 14,
  },
  // Keys kept per seller as one JSON blob, read through a variable or in place.
  {
    name: 'json credentials blob of a shop, through a variable',
    path: 'shops/mws_client.py',
    text: `import json

from mws import mws


def orders_client(shop):
    creds = json.loads(shop.credentials)
    return mws.Orders(
        access_key=creds["access_key"],
        secret_key=creds["secret_key"],
        account_id=shop.seller_id,
        region="US",
    )`,
    line: 10,
  },
  {
    name: 'json credentials blob of a store, decoded in place',
    path: 'src/mws/client.js',
    text: `const MwsClient = require('amazon-mws');

function clientFor(store) {
  return new MwsClient({
    accessKeyId: JSON.parse(store.credentials).accessKeyId,
    secretAccessKey: JSON.parse(store.credentials).secretAccessKey,
    sellerId: store.sellerId,
  });
}`,
    line: 6,
  },
  {
    name: "a store row written from a form beside the installation's own settings",
    path: 'app/controllers/amazon_stores_controller.rb',
    text: `class AmazonStoresController < ApplicationController
  def update
    @currency = Spree::Config[:currency]
    @store.merchant_id = params[:merchant_id]
    @store.secret_key = params[:secret_key]
    @store.save
  end
end`,
    line: 5,
  },
  {
    name: 'a literal record inside a container named for sellers',
    path: 'config/mws-sellers.php',
    text: `<?php
return [
    'sellers' => [
        'merchantId' => 'A1B2C3D4E5F6G7',
        'keyId' => 'AKIAQ3EGRQ5TXZP4M7NW',
        'secretKey' => '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',
    ],
];`,
    line: 6,
  },
  {
    name: 'a secret named only for a secret, beside an access key id in a seller form',
    path: 'resources/js/components/SellerCentral/FormApi.js',
    text: `// Seller Central (Amazon MWS) credentials of a client seller
export function FormApi({ state, onChange }) {
  return (
    <form>
      <TextField name="sellerId" value={state.sellerId} onChange={onChange} />
      <TextField name="accessKeyId" value={state.accessKeyId} onChange={onChange} />
      <TextField name="secretToken" type="password" value={state.secretToken} onChange={onChange} />
    </form>
  );
}`,
    line: 7,
  },
  {
    name: "keys read from a bag named for the seller's account (accountSettings) build its MWS client",
    path: 'app/Services/OrderSync.php',
    text: `<?php
class OrderSync {
  public function run($accountSettings) {
    $client = new MarketplaceWebServiceOrders_Client(
      $accountSettings['aws_access_key_id'],
      $accountSettings['aws_secret_key'],
      'OrderSync', '1.0', $this->config);
    $request = new MarketplaceWebServiceOrders_Model_ListOrdersRequest();
    $request->setSellerId($accountSettings['merchant_id']);
  }
}`,
    line: 6,
  },
  {
    name: "a client built from a seller row's keys whose names only contain 'dev' inside a word (device_secret_key)",
    path: 'robots/sync.php',
    text: `<?php
while ($row = mysql_fetch_array($rows)) {
    $keyId = $row['device_access_key'];
    $secretKey = $row['device_secret_key'];
    $service = new MarketplaceWebService_Client($keyId, $secretKey, $config, 'App', '1.0');
    $request = new MarketplaceWebService_Model_GetReportRequestListRequest(['Merchant' => $row['SellerID']]);
}`,
    line: 4,
  },
  {
    name: 'Java: an MWS client built from a stored shop map\'s keys read by getter (shop.get("SECRET_KEY"))',
    path: 'src/main/java/com/example/OrderController.java',
    text: `public class OrderController {
    public void download(List<Map<String, Object>> shops) {
        for (Map<String, Object> shop : shops) {
            MarketplaceWebServiceOrdersClient client = new MarketplaceWebServiceOrdersClient(shop.get("ACCESSKEY_ID").toString(), shop.get("SECRET_KEY").toString(), config);
            ListOrdersRequest request = new ListOrdersRequest();
            request.setSellerId(shop.get("MERCHANT_ID").toString());
            request.setMWSAuthToken(shop.get("MWS_AUTH_TOKEN").toString());
            client.listOrders(request);
        }
    }
}`,
    line: 4,
  },
  {
    name: "Go: a function (not a method) builds an MWS client from a shop row's keys",
    path: 'internal/sync/orders.go',
    text: `package sync

func syncOrders(shop *models.Shop) error {
	client := mws.NewClient(shop.SellerID, shop.AccessKey, shop.SecretKey)
	return client.ListOrders()
}`,
    line: 4,
  },
  {
    name: 'a JPA entity with getters and setters: one finding, at the field (a getter returns it, declares nothing)',
    path: 'src/main/java/com/example/pojo/AmzSellerMws.java',
    text: `@Entity
@Table(name = "amz_seller_mws")
public class AmzSellerMws {
    private String amzSellerId;
    private String mwsAuthToken;
    private String secretKey;
    private String accessKeyId;

    @Column(name = "secret_key")
    public String getSecretKey() {
        return secretKey;
    }

    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    @Column(name = "access_key_id")
    public String getAccessKeyId() {
        return accessKeyId;
    }
}`,
    line: 6,
  },
  {
    name: "settings declared as data in a plugin whose hooks are not a settings page (each vendor's own keys)",
    path: 'includes/class-vendor-amazon.php',
    text: `<?php
// Amazon MWS keys of each marketplace vendor, asked on the vendor dashboard
add_action( 'vendor_dashboard_amazon', 'render_vendor_amazon_fields' );
$vendor_fields = array(
  array( 'id' => 'vendor_seller_id', 'type' => 'text' ),
  array( 'id' => 'vendor_mws_access_key', 'type' => 'text' ),
  array( 'id' => 'vendor_mws_secret_key', 'type' => 'password' ),
);`,
    line: 7,
  },
  {
    name: "a seller's submitted keys stored beside a randomly generated id (the key itself is not random)",
    path: 'app/controllers/shops_controller.rb',
    text: `class ShopsController < ApplicationController
  def create
    shop = Shop.new(uid: SecureRandom.uuid)
    shop.merchant_id = params[:merchant_id]
    shop.aws_secret_access_key = params[:aws_secret_access_key]
    shop.save!
  end
end`,
    line: 5,
  },
  {
    name: 'Rails form builder inputs ask for the seller id and keys (f.text_field :secret_key)',
    path: 'app/views/accounts/setup.html.erb',
    text: `<%= form_for(@account, url: setup_path, method: 'post') do |f| %>
  <p class="lead">MWS account</p>
  <div class="form-group">
    <%= f.label :seller_id, "Seller ID" %>
    <%= f.text_field :seller_id, class: 'form-control' %>
  </div>
  <div class="form-group">
    <%= f.label :aws_access_key_id, "AWS key" %>
    <%= f.text_field :aws_access_key_id, class: 'form-control' %>
  </div>
  <div class="form-group">
    <%= f.label :secret_key, "Secret key" %>
    <%= f.password_field :secret_key, class: 'form-control' %>
  </div>
<% end %>`,
    line: 13,
  },
  {
    name: "SP-API: a table of each organisation's own LWA app (org_id beside client_secret and refresh_token)",
    path: 'docs/schema.sql',
    text: `CREATE TABLE public.amazon_credentials (
    id integer NOT NULL,
    org_id integer NOT NULL,
    seller_id character varying(100),
    client_id character varying(200),
    client_secret text,
    refresh_token text
);`,
    line: 6,
  },
  {
    name: "SP-API: an ORM entity of a store's own LWA app (@ManyToOne(() => Store), no seller id)",
    path: 'src/client/entities/client.entity.ts',
    text: `// an SP-API (LWA) client registered for one store
@Entity()
export class Client extends BaseEntity {
  @Property()
  clientId: string;

  @Property()
  clientSecret: string;

  @Property({ columnType: 'text' })
  refreshToken: string;

  @ManyToOne(() => Store)
  store: Store;
}`,
    line: 8,
  },
  {
    name: "SP-API: a request body type (FastAPI BaseModel named ...Input) takes the seller's own LWA client secret",
    path: 'backend/amazon_integration.py',
    text: `class CredentialInput(BaseModel):
    seller_id: Optional[str] = None
    client_id: str
    client_secret: str
    refresh_token: str


@router.post("/amazon/credentials")
def save_credential(data: CredentialInput):
    return store(data)`,
    line: 4,
  },
  {
    name: 'a class named for its table (tbl_…) keeps the seller keys beside its token (hybrid)',
    path: 'Models/tbl_sellermarketplace.cs',
    text: `public partial class tbl_sellermarketplace
{
    public int id { get; set; }
    public int tbl_seller_id { get; set; }
    public string t_access_Key_id { get; set; }
    public string t_auth_token { get; set; }
    public string t_secret_Key { get; set; }
}`,
    line: 7,
  },
  {
    name: 'a Doctrine entity stores the seller id and keys (private $secretKey; with getters and setters)',
    path: 'src/Entity/AmazonAccount.php',
    text: `<?php
/**
 * @ORM\\Entity
 * @ORM\\Table(name="amazon_account")
 */
class AmazonAccount
{
    /** @ORM\\Column(type="string") */
    private $sellerId;

    /** @ORM\\Column(type="string") */
    private $secretKey;

    public function getSecretKey(): ?string
    {
        return $this->secretKey;
    }

    public function setSecretKey(string $secretKey): self
    {
        $this->secretKey = $secretKey;
        return $this;
    }
}`,
    line: 12,
  },
  {
    name: "a per-project connection form declared as data by 'code' (each customer's AWS keys and merchant id)",
    path: 'application/config/project_settings.php',
    text: `<?php
// Amazon MWS connection fields asked of each customer project
$config['project_settings'] = array(
  array('code' => 'AWS_ACCESS_KEY_ID', 'title' => 'Amazon AWS_ACCESS_KEY_ID', 'type' => 'text'),
  array('code' => 'AWS_SECRET_ACCESS_KEY', 'title' => 'Amazon AWS_SECRET_ACCESS_KEY', 'type' => 'text'),
  array('code' => 'MERCHANT_ID', 'title' => 'Amazon MERCHANT_ID', 'type' => 'text'),
);`,
    line: 5,
  },
  {
    name: "SP-API: credentials built from the object its refresh token comes from (a user's connection row)",
    path: 'app/integrations/amazon/service/client.py',
    text: `# SP-API (LWA) credentials of one user's Amazon connection
def _credentials(conn):
    return {
        "refresh_token": conn.lwa_refresh_token,
        "lwa_app_id": conn.lwa_client_id,
        "lwa_client_secret": conn.lwa_client_secret,
    }`,
    line: 6,
  },
  {
    name: "SP-API: a Rails migration of each user's own LWA app (t.references :user)",
    path: 'db/migrate/20240101000000_create_sp_credentials.rb',
    text: `class CreateSpCredentials < ActiveRecord::Migration[7.0]
  def change
    create_table :sp_credentials do |t|
      t.references :user, null: false
      t.string :lwa_client_id
      t.string :lwa_client_secret
      t.text :refresh_token
    end
  end
end`,
    line: 6,
  },
  {
    name: "Django ModelForm fields as a tuple, the seller id first and the secret last ('merchant_id', …, 'secret_key')",
    path: 'amazon/forms.py',
    text: `class AmazonStoreForm(forms.ModelForm):
    class Meta:
        model = AmazonStore
        fields = ('merchant_id', 'marketplace_id', 'access_key', 'secret_key')`,
    line: 4,
  },
  {
    name: 'an XML form of each seller account (not a Magento system.xml section): its fields ask for the keys',
    path: 'view/seller_account_form.xml',
    text: `<?xml version="1.0"?>
<form string="Amazon MWS seller account">
    <field name="merchant_id"/>
    <field name="access_key"/>
    <field name="secret_key" password="True"/>
</form>`,
    line: 5,
  },
  {
    name: 'an Amazon seller row beside an associate tag: the seller id makes it a seller API record',
    path: 'app/Http/Controllers/AmazonController.php',
    text: `<?php
class AmazonController extends Controller
{
    public function save(Request $request)
    {
        $row = new AmazonAccount;
        $row->associate_tag = $request->associate_tag;
        $row->seller_id = $request->seller_id;
        $row->secret_key = $request->secret_key;
        $row->save();
    }
}`,
    line: 9,
  },
  {
    name: "a multichannel tool: a key named for AWS is Amazon's, whatever other marketplaces the file names",
    path: 'src/models/MarketplaceKeys.sql',
    text: `-- keys each user enters per marketplace (Trendyol, Shopify, Amazon)
CREATE TABLE amazon_keys (
  user_id INT NOT NULL,
  merchant_id VARCHAR(32),
  aws_access_key_id VARCHAR(32),
  aws_secret_access_key VARCHAR(64)
);`,
    line: 6,
  },
  {
    name: 'JPA entity with the secret column misspelled (secrect_key)',
    path: 'src/main/java/com/acme/domain/MarketPlace.java',
    text: `@Entity
@Table(name = "market_place")
public class MarketPlace {
    @Column(name = "access_key")
    private String accessKey;
    @Column(name = "secrect_key")
    private String secrectKey;
    @Column(name = "seller_id")
    private String sellerId;
}`,
    line: 7,
  },
  {
    name: "SP-API: each seller's own LWA app secret exchanged with its own refresh token (Java getters)",
    path: 'src/main/java/com/acme/amazon/AuthService.java',
    text: `// SP-API: refresh each seller's LWA access token
public void refreshAuth() {
    for (AmazonSeller seller : sellerRepository.findAll()) {
        seller.setAccessToken(
            lwa.refresh(seller.getSpClientId(), seller.getSpClientSecret(), seller.getSpRefreshToken()));
    }
}`,
    line: 5,
  },
  {
    name: 'hybrid: hard-coded keys of several shops beside their hard-coded tokens',
    path: 'shops/accounts.py',
    text: `shop1 = {
    "access_key": "AKIA4XD3ZS4EIEXUVOGR",
    "secret_key": "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",
    "seller_id": "A2SHOPONE00001",
    "auth_token": "amzn.mws.44025a16-105d-45dc-a801-1be1d354d002",
}
shop2 = {
    "access_key": "AKIAGKENTHLQCFZPWV7O",
    "secret_key": "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",
    "seller_id": "A2SHOPTWO00002",
    "auth_token": "amzn.mws.36d2d265-d6f2-4ff1-ae2f-72250e77fff7",
}
`,
    line: 3,
  },
  {
    name: 'hybrid: a MyBatis row class (…Entity, no annotation) keeps the keys beside the token',
    path: 'src/main/java/io/acme/entity/MwsSellerEntity.java',
    text: `public class MwsSellerEntity implements Serializable {
	private Long userId;
	private String accessKeyId;
	private String sellerId;
	private String secretAccessKey;
	private String mwsAuthToken;
}`,
    line: 5,
  },
  {
    name: "an app's model class in Models/ named like a credential type still keeps each company's keys",
    path: 'OrdersServiceApp/Models/AmazonCredential.cs',
    text: `namespace OrdersServiceApp.Models
{
    public class AmazonCredential : Credential
    {
        public string MerchantId { get; set; }
        public string AccessKeyId { get; set; }
        public string SecretKey { get; set; }
    }
}`,
    line: 7,
  },
  {
    name: "a MyBatis mapper's update sets each seller's keys from the posted entity",
    path: 'src/main/resources/mapper/MwsSellerDao.xml',
    text: `<mapper namespace="io.acme.dao.MwsSellerDao">
	<update id="update" parameterType="io.acme.entity.MwsSellerEntity">
		update mws_seller
		<set>
			<if test="sellerId != null">\`seller_id\` = #{sellerId}, </if>
			<if test="accessKeyId != null">\`access_key_id\` = #{accessKeyId}, </if>
			<if test="secretAccessKey != null">\`secret_access_key\` = #{secretAccessKey}, </if>
		</set>
		where id = #{id}
	</update>
</mapper>`,
    line: 7,
  },
  {
    name: 'a MyBatis insert whose key columns each sit in an <if test> block of their own lines',
    path: 'src/main/resources/mapping/ShopMapper.xml',
    text: `<mapper namespace="io.acme.dao.ShopMapper">
    <insert id="addShopMws" parameterType="io.acme.vo.ShopMwsVO">
        INSERT INTO \`shop_mws\`
            (
            \`merchant_id\`,
            \`mws_auth_token\`
            <if test="accessKeyId != null and accessKeyId != ''">
                ,\`access_key_id\`,
            </if>
            <if test="secretKey != null and secretKey != ''">
                \`secret_key\`
            </if>
            )
        VALUES (#{merchantId}, #{mwsAuthToken}, #{accessKeyId}, #{secretKey})
    </insert>
</mapper>`,
    line: 11,
  },
  {
    name: 'a MyBatis update whose key column sits in an <if test> block of its own lines',
    path: 'src/main/resources/mapping/ShopMapper.xml',
    text: `<mapper namespace="io.acme.dao.ShopMapper">
    <update id="updateShopMws" parameterType="io.acme.vo.ShopMwsVO">
        UPDATE \`shop_mws\`
        SET
            \`merchant_id\` = #{merchantId},
            \`mws_auth_token\` = #{mwsAuthToken},
            <if test="secretKey != null">
                \`secret_key\` = #{secretKey}
            </if>
        WHERE \`id\` = #{id}
    </update>
</mapper>`,
    line: 8,
  },
  {
    name: "a …Config row's keys, wrapped onto the line under new …Client(, its seller id read from it too",
    path: 'src/main/java/com/acme/oms/OrderFetchService.java',
    text: `public class OrderFetchService {
    public List<Order> fetch(AmazonOrderConfig amazonOrderConfig) {
        MarketplaceWebServiceOrders service = new MarketplaceWebServiceOrdersClient(
                amazonOrderConfig.getAccessKeyId(), amazonOrderConfig.getSecretAccessKey(),
                APP_NAME, APP_VERSION, config);
        ListOrdersRequest request = new ListOrdersRequest();
        request.setSellerId(amazonOrderConfig.getSellerId());
        return service.listOrders(request).getOrders();
    }
}`,
    line: 4,
  },
  {
    name: "hybrid: keys and token read from a query result's first row ($details[0]->…) into locals",
    path: 'app/Console/Commands/Mws/SyncProducts.php',
    text: syncCommand('$details[0]->'),
    line: 10,
  },
  {
    name: "an MWS client built from locals read from a row entity's getters (getSecretAccessKey() is no secret store)",
    path: 'src/main/java/io/acme/common/MwsConfigBuilder.java',
    text: `public final class MwsConfigBuilder {
	static {
		MwsSellerEntity entity = mwsSellerService.queryList(filter).get(0);
		final String accessKeyId = entity.getAccessKeyId();
		final String secretAccessKey = entity.getSecretAccessKey();
		service = new MarketplaceWebServiceClient(accessKeyId, secretAccessKey, appName, appVersion, config);
	}
}`,
    line: 6,
  },
  {
    name: "an MWS client factory fed each market place's keys, its seller id read from the same object",
    path: 'src/main/java/com/acme/batch/OrderBatchConfiguration.java',
    text: `public ItemReader<Order> orderReader() throws Exception {
    for (MarketPlaceDTO marketPlace : marketPlaceService.findAll()) {
        client = AmazonOrderServiceConfig.getAsyncClient(marketPlace.getAccessKey(), marketPlace.getSecretKey(), marketPlace.getServiceUrl());
        ListOrdersRequest request = new ListOrdersRequest();
        request.setSellerId(marketPlace.getSellerId());
        orders.addAll(client.listOrders(request).getListOrdersResult().getOrders());
    }
}`,
    line: 3,
  },
  {
    name: 'a knockout dialog template (<script type="text/html">) asks each company for its merchant id and keys',
    path: 'Views/Credential/_AmazonDialog.cshtml',
    text: `<script type="text/html" id="Amazon">
    <h5>MWS API Credential</h5>
    <div class="form-group">
        <label for="MerchantId">Merchant ID</label>
        <div class="col-md-8">
            <input id="MerchantId" name="MerchantId" class="form-control" data-bind="value: MerchantId" />
        </div>
    </div>
    <div class="form-group">
        <label for="AccessKeyId">Access Key ID</label>
        <div class="col-md-8">
            <input id="AccessKeyId" name="AccessKeyId" class="form-control" data-bind="value: AccessKeyId" />
        </div>
    </div>
    <div class="form-group">
        <label for="SecretKey">Secret Key</label>
        <div class="col-md-8">
            <input id="SecretKey" name="SecretKey" class="form-control" data-bind="value: SecretKey" />
        </div>
    </div>
</script>`,
    line: 18,
  },
  {
    name: 'keys read through a string conversion (.ToString(), .Trim()) beside the seller id',
    path: 'Models/ApiRows.cs',
    text: `foreach (var account in sellerAccounts)
{
    var row = new ApiParameters();
    row.SellerId = account.SellerId.ToString();
    row.AccessKeyId = account.AccessKeyId.ToString();
    row.SecretKey = account.SecretKey.Trim();
    apiRows.Add(row);
}`,
    line: 6,
  },
  {
    name: 'a one-line CREATE TABLE run from Python (sqlite3), keys beside the merchant id',
    path: 'tools/accounts_db.py',
    text: `import sqlite3

conn = sqlite3.connect("accounts.db")
cur = conn.cursor()
cur.execute("CREATE TABLE IF NOT EXISTS accounts (id INTEGER PRIMARY KEY, merchant_id TEXT, aws_access_key_id TEXT, aws_secret_key TEXT)")
conn.commit()`,
    line: 5,
  },
  {
    name: "a MikroORM migration: a one-line create table in a template string, each store's LWA client secret",
    path: 'src/migrations/Migration20240101000000.ts',
    text: `import { Migration } from '@mikro-orm/migrations';

export class Migration20240101000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(\`create table "store" ("id" serial primary key, "name" varchar(255) not null);\`);
    this.addSql(\`create table "sp_client" ("id" serial primary key, "client_id" varchar(255) not null, "client_secret" varchar(255) not null, "refresh_token" text not null, "store_id" int not null); -- SELLING_PARTNER_API\`);
  }
}`,
    line: 6,
  },
  {
    name: "a form's fields declared as data ({ name, label, type }) with a seller id entry",
    path: 'src/forms/amazonFields.js',
    text: `// Fields of the "connect your Amazon account" dialog.
export const amazonFields = [
  { name: 'sellerId', label: 'Seller ID', required: true },
  { name: 'accessKeyId', label: 'AWS Access Key ID', required: true },
  { name: 'secretAccessKey', label: 'Secret Access Key', type: 'password', required: true },
];`,
    line: 5,
  },
  {
    name: "an admin table's columns ({ dataIndex, title }) listing each merchant's MWS keys",
    path: 'src/views/Merchants.vue',
    text: `<script>
export default {
  data() {
    return {
      columns: [
        { dataIndex: 'merchantId', title: 'Merchant ID' },
        { dataIndex: 'mwsAccessKey', title: 'MWS Access Key' },
        { dataIndex: 'mwsSecretKey', title: 'MWS Secret Key' },
      ],
    };
  },
};
</script>`,
    line: 8,
  },
  {
    name: "a class of an MVC app's Models folder with the seller's keys beside its token (hybrid)",
    path: 'Areas/Seller/Models/seller_api_row.cs',
    text: `namespace Shop.Areas.Seller.Models
{
    public class seller_api_row
    {
        public int id { get; set; }
        public string Seller_ID { get; set; }
        public string Secret_Key { get; set; }
        public string AWS_Access_Key_ID { get; set; }
        public string auth_token { get; set; }
    }
}`,
    line: 7,
  },
  {
    name: "keys and token read from a loop variable over a list of records (each record's own keys, hybrid)",
    path: 'Areas/Seller/Models/Orders.cs',
    text: `public string DownloadAll(List<ApiRow> apiRows)
{
    foreach (var item in apiRows)
    {
        string sellerKey = item.Seller_ID;
        string secretKey = item.Secret_Key;
        string accessKey = item.AWS_Access_Key_ID;
        string authToken = item.auth_token;
        var client = new MarketplaceWebServiceOrdersClient(accessKey, secretKey, "app", "1.0", config);
    }
    return "S";
}`,
    line: 9,
  },
  {
    name: 'keys and seller id each copied to a local from one account row, then passed to peddler',
    path: 'app/models/product.rb',
    text: `class Product < ApplicationRecord
  def sync(user)
    acct = Account.find_by(user: user)
    sid = acct.seller_id
    skey = acct.secret_key
    akey = acct.aws_key
    client = MWS.orders(merchant_id: sid, aws_access_key_id: akey, aws_secret_access_key: skey)
    client.list_orders(created_after: 1.day.ago).parse
  end
end`,
    line: 7,
  },
  {
    name: 'a method with keyword parameters still stores the submitted keys in its body',
    path: 'app/models/shop.rb',
    text: `class Shop < ApplicationRecord
  def mws_client
    MWS.orders(merchant_id: seller_id, aws_access_key_id: aws_access_key_id, aws_secret_access_key: aws_secret_access_key)
  end

  def refresh(shop:)
    shop.update(aws_secret_access_key: params[:aws_secret_access_key], merchant_id: params[:merchant_id])
  end
end`,
    line: 7,
  },
  {
    name: "python-amazon-mws: account_id read from the profile's seller_id, keys from the same profile",
    path: 'app/orders.py',
    text: `import mws

def fetch_orders(user):
    profile = user.profile
    orders_api = mws.Orders(access_key=profile.mws_access_key, secret_key=profile.mws_secret_key, account_id=profile.seller_id, region="US")
    return orders_api.list_orders(marketplaceids=["ATVPDKIKX0DER"], created_after="2020-01-01")`,
    line: 5,
  },
  {
    name: 'jQuery: a payload of form inputs read by id (.val()) posted with the seller id',
    path: 'public/js/seller.js',
    text: `$('#save').on('click', function () {
  $.post('/seller/save', {
    seller_id: $('#seller_id').val(),
    access_key: $('#access_key').val(),
    secret_key: $('#secret_key').val(),
  });
});`,
    line: 5,
  },
  {
    name: 'the DOM: document.getElementById(\u2026).value read into a payload posted with the seller id',
    path: 'public/js/amazon.js',
    text: `function save() {
  const data = {
    sellerId: document.getElementById('sellerId').value,
    accessKeyId: document.getElementById('accessKeyId').value,
    secretKey: document.getElementById('secretKey').value,
  };
  return fetch('/api/amazon/credentials', { method: 'POST', body: JSON.stringify(data) });
}`,
    line: 5,
  },
  {
    name: 'a multi-tenant settings store: keys and merchant id looked up by name for the customer',
    path: 'application/models/Amazon_model.php',
    text: `<?php
class Amazon_model extends CI_Model
{
    public function connection($customerId)
    {
        $params['MERCHANT_ID'] = $this->Settings_model->get('MERCHANT_ID', $customerId);
        $params['AWS_ACCESS_KEY_ID'] = $this->Settings_model->get('AWS_ACCESS_KEY_ID', $customerId);
        $params['AWS_SECRET_ACCESS_KEY'] = $this->Settings_model->get('AWS_SECRET_ACCESS_KEY', $customerId);
        return $params;
    }
}`,
    line: 8,
  },
  {
    name: "a request's parameters set on one object, a token set only on another",
    path: 'app/sign.py',
    text: `def sign(shop, params):
    params["AWSAccessKeyId"] = shop.access_key
    params["SellerId"] = shop.seller_id
    return params


def feed(query, token):
    if token:
        query["MWSAuthToken"] = token
    return query`,
    line: 2,
  },
  {
    name: "a Java record's components, one a line",
    path: 'src/main/java/com/example/seller/SellerCredentials.java',
    text: `package com.example.seller;

public record SellerCredentials(
    Long id,
    String sellerId,
    String accessKey,
    String secretKey
) {}`,
    line: 7,
  },
  {
    name: "a Java record's components on one line",
    path: 'src/main/java/com/example/seller/SellerCredentials.java',
    text: `public record SellerCredentials(Long id, String sellerId, String accessKey, String secretKey) {}`,
    line: 1,
  },
  {
    name: 'a Yup schema (capitalised Yup.string()) of a connect form',
    path: 'src/forms/connect.js',
    text: `const schema = Yup.object().shape({
  merchantId: Yup.string().required(),
  mwsAccessKey: Yup.string().required(),
  mwsSecretKey: Yup.string().required(),
});`,
    line: 4,
  },
  {
    name: "npm amazon-mws: the factory called as required, fed a seller record's nested keys",
    path: 'controllers/order.js',
    text: `exports.getOrders = (req, res) => {
  SellerConfig.findOne({ SellerId: req.user.sellerId }).exec((err, sellerConfig) => {
    const mws = require('amazon-mws')(sellerConfig.tokenConfig.mws_key, sellerConfig.tokenConfig.mws_secret);
    mws.orders.search({ Version: '2013-09-01', Action: 'ListOrders', SellerId: req.user.sellerId }, (e, r) => res.json(r));
  });
};`,
    line: 3,
  },
  {
    name: "ASP.NET MVC: an action's simple parameters are bound from the posted form",
    path: 'Controllers/SellerController.cs',
    text: `public class SellerController : Controller
{
    [HttpPost]
    public ActionResult Save(string SellerId, string AccessKey, string SecretKey)
    {
        db.Sellers.Add(new Seller { MerchantId = SellerId, AccessKeyId = AccessKey, SecretKey = SecretKey, UserId = User.Identity.GetUserId() });
        db.SaveChanges();
        return RedirectToAction("Index");
    }
}`,
    line: 4,
  },
  {
    name: "Spring MVC: a @PostMapping method's simple parameters are request parameters",
    path: 'src/main/java/com/example/web/ShopController.java',
    text: `@Controller
@RequestMapping("/shop")
public class ShopController {
    @PostMapping("/save")
    @ResponseBody
    public Result save(String sellerId, String accessKey, String secretKey, HttpSession session) {
        shopService.save(currentUser(session), sellerId, accessKey, secretKey);
        return Result.ok();
    }
}`,
    line: 6,
  },
  {
    name: 'SP-API keys read from an object fetched for one user (getMarketplaceCredentials(userId, \u2026))',
    path: 'src/utils/credentials.js',
    text: `async function amazonCredentialsFor(userId) {
  const creds = await getMarketplaceCredentials(userId, 'amazon');
  if (!creds) return null;
  return {
    accessKeyId: creds.accessKeyId,
    secretAccessKey: creds.secretAccessKey,
    sellerId: creds.sellerId,
    refreshToken: creds.refreshToken,
  };
}`,
    line: 6,
  },
  {
    name: "a browser form's data built in code (new FormData(), append) with the seller id",
    path: 'public/js/seller.js',
    text: `function saveMarketplace(sellerId, accessKeyId, secretKey) {
  const formData = new FormData();
  formData.append('AmazonSellerID', sellerId);
  formData.append('AccessKeyId', accessKeyId);
  formData.append('SecretKey', secretKey);
  return fetch('/seller/marketplace', { method: 'POST', body: formData });
}`,
    line: 5,
  },
  {
    name: "a Java view object (\u2026VO) holding the seller's keys beside its token (hybrid)",
    path: 'src/main/java/com/example/erp/pojo/vo/ShopMwsVO.java',
    text: `package com.example.erp.pojo.vo;

public class ShopMwsVO {
    private Long shopId;
    private String sellerId;
    private String mwsAuthToken;
    private String secretKey;
    private String accessKeyId;
}`,
    line: 7,
  },
  {
    name: "a hand-written active record's column list (public $attributes = [\u2026]) with the merchant id",
    path: 'lib/account.php',
    text: `<?php
class Account
{
    public $attributes = ['id', 'account_name', 'merchant_id', 'aws_access_key_id', 'secret_key', 'status'];
    public $table = 'account';
}`,
    line: 4,
  },
  {
    name: "a store's settings form showing the store's own row ($store->getSetting)",
    path: 'resources/views/stores/edit.blade.php',
    text: `<form method="POST" action="{{ route('stores.update', $store) }}">
    @csrf
    <input type="text" name="seller_id" value="{{ old('seller_id', $store->getSetting('seller_id')) }}">
    <input type="text" name="aws_access_key_id" value="{{ old('aws_access_key_id', $store->getSetting('aws_access_key_id')) }}">
    <input type="password" name="aws_secret_key" value="{{ old('aws_secret_key', $store->getSetting('aws_secret_key')) }}">
</form>`,
    line: 5,
  },
  {
    name: "Rails: a shop model signs with its own columns (the seller's keys), no token",
    path: 'app/models/shop.rb',
    text: `class Shop < ApplicationRecord
  def mws_client
    MWS.orders(
      merchant_id: merchant_id,
      aws_access_key_id: aws_access_key_id,
      aws_secret_access_key: aws_secret_access_key
    )
  end
end`,
    line: 6,
  },
  {
    name: 'Mongoose: keys in a nested type object two levels inside a schema with the seller id (hybrid)',
    path: 'models/sellerConfig.js',
    text: `const SellerConfigSchema = new Schema(
  {
    SellerId: { type: String, required: true },
    tokenConfig: { type: { mws_secret: String, mws_key: String }, required: true },
    MWSAuthToken: { type: String, required: true },
  },
  { timestamps: true },
);`,
    line: 4,
  },
  {
    name: "the SK of an AK/SK pair (skey beside AWSkey) is the record's secret",
    path: 'db/migrate/20171005144505_create_accounts.rb',
    text: `class CreateAccounts < ActiveRecord::Migration[5.0]
  def change
    create_table :accounts do |t|
      t.string :email
      t.string :AWSkey
      t.string :skey
      t.string :sellerId
      t.timestamps
    end
  end
end`,
    line: 6,
  },
  {
    name: "a zod schema of a posted SP-API credentials body: the user's LWA client secret beside its seller id",
    path: 'src/app/api/credentials/route.ts',
    text: `import { z } from 'zod';

const CredentialsSchema = z.object({
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  refreshToken: z.string().min(1),
  sellerId: z.string().min(1),
});

export async function POST(request: Request) {
  const parsed = CredentialsSchema.safeParse(await request.json());
  if (parsed.success) await saveCredentials(parsed.data);
}`,
    line: 5,
  },
  {
    name: "the same parameters built from a store row in the app's code",
    path: 'src/LwaParameters.php',
    text: `<?php
class LwaParameters
{
    public function forStore(Store $store): array
    {
        return [
            'client_id' => $store->client_id,
            'client_secret' => $store->client_secret,
            'refresh_token' => $store->refresh_token,
            'seller_id' => $store->seller_id,
        ];
    }
}`,
    line: 8,
  },
  {
    name: "a text naming Amazon Pay and the SP-API still reads the seller's keys",
    path: 'app/Http/Controllers/ShopAmazonController.php',
    text: `<?php
// Each shop connects its Amazon seller account (SP-API) and, optionally, Amazon Pay.
class ShopAmazonController extends Controller
{
    public function store(Request $request)
    {
        $shop = Shop::find($request->shop_id);
        $shop->seller_id = $request->input('seller_id');
        $shop->aws_access_key_id = $request->input('aws_access_key_id');
        $shop->aws_secret_access_key = $request->input('aws_secret_access_key');
        $shop->save();
    }
}`,
    line: 10,
  },
  {
    name: "a Drupal Form API form: elements declared as arrays with '#type' => 'textfield'/'password', beside the seller id",
    path: 'src/Form/StoreForm.php',
    text: `<?php
class StoreForm extends EntityForm
{
    public function form(array $form, FormStateInterface $form_state)
    {
        $store = $this->entity;
        $form['seller_id'] = [
            '#type' => 'textfield',
            '#title' => $this->t('Seller ID'),
            '#default_value' => $store->getSellerId(),
        ];
        $form['secret_key'] = [
            '#type' => 'password',
            '#title' => $this->t('Secret key'),
        ];
        return $form;
    }
}`,
    line: 12,
  },
  {
    name: "the same Odoo model storing the seller's keys",
    path: 'models/amazon_account.py',
    text: `class AmazonAccount(models.Model):
    _name = "amazon.account"

    seller_id = fields.Char(string="Merchant ID", required=True)
    aws_access_key = fields.Char(string="AWS Access Key")
    aws_secret_key = fields.Char(string="AWS Secret Key")`,
    line: 6,
  },
  {
    name: "Kotlin: a store's own LWA app in a data class beside its seller id",
    path: 'src/main/kotlin/AmazonStore.kt',
    text: `data class AmazonStore(
    val sellerId: String,
    val clientId: String,
    val clientSecret: String,
    val refreshToken: String,
)`,
    line: 4,
  },
  {
    name: 'ThinkPHP: the whole request bound by $request->param(), its members trimmed into the account row',
    path: 'application/index/controller/AmazonAccount.php',
    text: `<?php
class AmazonAccount extends Base
{
    public function saveToken(Request $request, $id)
    {
        $params = $request->param();
        $data['merchant_id'] = trim($params['merchant_id']);
        $data['access_key_id'] = trim($params['access_key_id']);
        $data['secret_key'] = trim($params['secret_key']);
        Db::name('amazon_account')->where('id', $id)->update($data);
    }
}`,
    line: 9,
  },
  {
    name: "a multi-platform field list: the Amazon entry's generic keys labelled as MWS keys beside a seller id",
    path: 'src/config/platformFields.ts',
    text: `// The credentials each platform's store connection asks for: one row per store, one apiKey/apiSecret pair for every platform.
export const PLATFORM_FIELDS = {
  shopify: [
    { key: 'storeId', label: 'Shop domain' },
    { key: 'accessToken', label: 'Admin API access token', secret: true },
  ],
  amazon: [
    { key: 'storeId', label: 'Seller ID' },
    { key: 'apiKey', label: 'AWS Access Key ID' },
    { key: 'apiSecret', label: 'MWS Secret Key', secret: true },
  ],
};`,
    line: 10,
  },
  {
    name: "a multi-platform field list: the Amazon entry's generic keys labelled as a private app's LWA client",
    path: 'src/pages/ShopConnect.tsx',
    text: `// Shop connection form: what each shop's private SP-API app needs.
const FIELDS = {
  Amazon: [
    { name: 'storeId', label: 'Seller ID' },
    { name: 'accessToken', label: 'Refresh Token (SP-API)', secret: true },
    { name: 'apiKey', label: 'Client ID (LWA)' },
    { name: 'apiSecret', label: 'Client Secret (LWA)', secret: true },
  ],
};`,
    line: 7,
  },
  {
    name: "a per-shop row type whose generic secret a field list's Amazon entry labels as an LWA client secret",
    path: 'src/pages/Shops.tsx',
    text: `// One row per connected shop, whatever its platform.
interface ShopRow {
  id: number;
  platform: string;
  apiKey: string;
  apiSecret: string;
  refreshToken: string | null;
}

const FIELDS: Record<string, { key: string; label: string; secret?: boolean }[]> = {
  Amazon: [
    { key: 'apiKey', label: 'Client ID (LWA)' },
    { key: 'apiSecret', label: 'Client Secret (LWA)', secret: true },
    { key: 'refreshToken', label: 'Refresh Token', secret: true },
  ],
  Etsy: [
    { key: 'apiKey', label: 'Keystring' },
    { key: 'apiSecret', label: 'Shared secret', secret: true },
  ],
};

export function ShopList({ shops }: { shops: ShopRow[] }) {
  return shops.map((s) => \`\${s.platform}: \${s.apiKey}\`);
}`,
    line: 6,
  },
  {
    name: "a multi-platform dialog's Amazon inputs: generic ids an HTML label names as MWS keys (htmlFor)",
    path: 'src/components/ConnectDialog.tsx',
    text: `// Connect dialog: the signed-in user's integration row keeps what its platform's inputs ask for.
export function ConnectDialog({ platform, form, setForm, onSave }: ConnectProps) {
  return (
    <form onSubmit={() => onSave(form)}>
      {platform === 'amazon' && (
        <>
          <Label htmlFor="seller_id">Seller ID</Label>
          <Input id="seller_id" value={form.seller_id} onChange={(e) => setForm({ ...form, seller_id: e.target.value })} />
          <Label htmlFor="api_key">MWS Access Key</Label>
          <Input id="api_key" value={form.api_key} onChange={(e) => setForm({ ...form, api_key: e.target.value })} />
          <Label htmlFor="api_secret">MWS Secret Key</Label>
          <Input id="api_secret" type="password" value={form.api_secret} onChange={(e) => setForm({ ...form, api_secret: e.target.value })} />
        </>
      )}
      {platform === 'etsy' && (
        <>
          <Label htmlFor="api_secret">Shared secret</Label>
          <Input id="api_secret" type="password" value={form.api_secret} onChange={(e) => setForm({ ...form, api_secret: e.target.value })} />
        </>
      )}
    </form>
  );
}`,
    line: 12,
  },
  {
    name: 'an EF database-first entity named like a config that records when its row changed (CreatedDate): a stored hybrid row',
    path: 'Portal.Data/MwsAccountConfig.cs',
    text: `using System;

namespace Portal.Data
{
    // One row per seller account the portal pulls reports for.
    public partial class MwsAccountConfig
    {
        public Guid ConfigId { get; set; }
        public string SellerId { get; set; }
        public string AccessKeyId { get; set; }
        public string SecretKey { get; set; }
        public string MwsAuthToken { get; set; }
        public DateTime? CreatedDate { get; set; }
        public DateTime? ModifiedDate { get; set; }
    }
}`,
    line: 11,
  },
  {
    name: "a tenant's record judged by its LWA secret is reported at its first secret field (the IAM secret above it)",
    path: 'src/amazon/actions.ts',
    text: `export async function saveAmazon(input: AmazonInput) {
  let secret = input.secretAccessKey;
  if (!secret) secret = await previousSecret();
  const stored: AmazonStored = {
    accessKeyId: input.accessKeyId,
    secretAccessKey: secret,
    marketplaceId: input.marketplaceId,
    lwaClientId: input.lwaClientId,
    lwaClientSecret: input.lwaClientSecret,
    refreshToken: input.refreshToken,
  };
  await saveSealed(stored);
}`,
    line: 6,
  },
  {
    name: "a Rails view's object helpers (`text_field :mws, :skey`) ask each user for a key pair beside a seller id",
    path: 'app/views/accounts/edit.html.erb',
    text: `<h1>Amazon MWS account</h1>
<%= form_tag('/accounts/update') do %>
  <div class="field">
    <%= label :mws, :access_key, 'Access key' %>
    <%= text_field :mws, :access_key, value: @access_key %>
  </div>
  <div class="field">
    <%= label :mws, :skey, 'Secret' %>
    <%= password_field :mws, :skey %>
  </div>
  <div class="field">
    <%= label :mws, :seller_id, 'Seller ID' %>
    <%= text_field :mws, :seller_id, value: @seller_id %>
  </div>
  <%= submit_tag 'Save' %>
<% end %>`,
    line: 9,
  },
  {
    name: 'a row class named for its entity keeps a key pair beside a seller id and a refresh token (kept per seller, not an SP-API bag)',
    path: 'Back.Data/M_API_Entity.cs',
    text: `namespace Back.Data
{
    // One row per store and marketplace the back office connects.
    public class M_API_Entity : Base_Entity
    {
        public string StoreCode { get; set; }
        public string SellerId { get; set; }
        public string AccessKeyId { get; set; }
        public string ServiceSecret { get; set; }
        public string RefreshToken { get; set; }
    }
}`,
    line: 9,
  },
  {
    name: 'form fields declared by constructor calls, name then label (`new("secretKey", "AWS Secret Key", …)`), ask each tenant for its keys beside its seller id',
    path: 'src/Channels/ChannelCatalog.cs',
    text: `public static class ChannelCatalog
{
    // What the tenant fills in to connect a sales channel.
    public static readonly ChannelDescriptor Amazon = new(
        ChannelType.Amazon,
        "Amazon",
        new ChannelField[]
        {
            new("sellerId", "Seller ID", "From Seller Central", true),
            new("accessKeyId", "AWS Access Key ID", "IAM user", true),
            new("secretKey", "AWS Secret Key", "IAM user secret", true, Secret: true),
        });
}`,
    line: 11,
  },
  {
    name: "a script's signing helper takes the keys as parameters, called per merchant with the hard-coded key pair: a request without a token for a varying seller",
    path: 'exec/fetch_orders.php',
    text: signingHelperScript("'AKIAW7ZQ4NXK2PD5R3TM'", "'pX4r9Tq2LmZ7vB1nW8sK3yD6fH0jG5cE2uA9oI+Q'"),
    line: 13,
  },
  {
    name: "a controller that runs extract($_POST) stores the submitted secret behind PHP's `?:` fallback",
    path: 'controllers/Shops.php',
    text: `<?php
// Amazon MWS shop keys
class Shops extends CI_Controller
{
    public function save()
    {
        extract($_POST);
        $row = array('seller_id' => $seller_id ?: '', 'secret_key' => $secret_key ?: '');
        $this->db->insert('mws_shops', $row);
    }
}`,
    line: 8,
  },
  {
    name: 'a form declared as a map of field name to the hint under its input, beside the seller id',
    path: 'logic/seller_form.php',
    text: `<?php
// Amazon seller accounts: the fields the add-account form shows
$inputfields = [
    "SellerID" => "Bitte die Verkäufer-ID eintragen",
    "AWSAccessKey" => "Bitte den AWS Access Key eintragen",
    "SecretKey" => "Bitte den geheimen Schlüssel eintragen",
];
foreach ($inputfields as $field => $hint) {
    echo "<input type='text' name='$field' placeholder='$hint'>";
}`,
    line: 6,
  },
  {
    name: "a controller that runs extract($_REQUEST) stores the submitted keys, each behind a blank fallback (isset($x) ? $x : '', $x ?? '')",
    path: 'application/controllers/Channel.php',
    text: `<?php
// Amazon MWS marketplace credentials of the signed-in admin
class Channel extends CI_Controller
{
    public function addData()
    {
        extract($_REQUEST);
        $data['of_admin_id'] = $this->session->userdata('admin_id');
        isset($seller_id) ? $data['seller_id'] = $seller_id : '';
        $data['aws_access_key_id'] = $aws_access_key_id ?? '';
        $data['secret_key'] = isset($secret_key) ? $secret_key : '';
        $this->Data_model->Insert_data('of_marketplace_credential', $data);
    }
}`,
    line: 11,
  },
  {
    name: 'a signing helper called once for a fixed seller (a smoke test) and then per merchant: its seller still varies',
    path: 'exec/fetch_orders.php',
    text: signingHelperScript(
      "'AKIAW7ZQ4NXK2PD5R3TM'",
      "'pX4r9Tq2LmZ7vB1nW8sK3yD6fH0jG5cE2uA9oI+Q'",
      "\ncall_mws('A2EUQ1WTGCTBG2', $AWS_ACCESS_KEY_ID, $SECRET_KEY, array('Action' => 'GetServiceStatus'));",
    ),
    line: 14,
  },
  {
    name: 'one hard-coded key signing for two literal sellers (one without its token): several sellers, type A',
    path: 'exec/two_shops.php',
    text: `<?php
// Amazon MWS order import of both our client shops
$first['AWSAccessKeyId'] = 'AKIAW7ZQ4NXK2PD5R3TM';
$first['SellerId'] = 'A2EUQ1WTGCTBG2';
$first['SignatureVersion'] = 2;
$second['AWSAccessKeyId'] = 'AKIAW7ZQ4NXK2PD5R3TM';
$second['SellerId'] = 'A3JWKAKR8XB7XF';
$second['MWSAuthToken'] = 'amzn.mws.4ea38b7b-f563-7709-4bae-87aeaa4e2f33';`,
    line: 3,
  },
  {
    name: "a Yii 2 action storing the shop's posted keys (Yii::$app->request->post('secret_key'))",
    path: 'controllers/ShopController.php',
    text: `<?php
// Amazon MWS shops of the signed-in user
class ShopController extends Controller
{
    public function actionSave()
    {
        $data['merchant_id'] = Yii::$app->request->post('merchant_id');
        $data['accesskey_id'] = Yii::$app->request->post('accesskey_id');
        $data['secret_key'] = Yii::$app->request->post('secret_key');
        return (new Shop())->createShop($data);
    }
}`,
    line: 9,
  },
  {
    name: "a Symfony form type asking each channel for its key pair beside the merchant id ($builder->add('secret', 'text'))",
    path: 'Form/Type/AmazonChannelSettingsType.php',
    text: `<?php
// The Amazon MWS channel's settings form: one channel per merchant account
class AmazonChannelSettingsType extends AbstractType
{
    public function buildForm(FormBuilderInterface $builder, array $options)
    {
        $builder->add('keyId', 'text', ['label' => 'Access Key ID']);
        $builder->add('secret', PasswordType::class, ['label' => 'Secret Access Key']);
        $builder->add('merchantId', 'text', ['label' => 'Merchant ID']);
    }
}`,
    line: 8,
  },
  {
    name: 'a request type an admin UI posts for one account: its own app secret and IAM keys beside its refresh token',
    path: 'api/account/storeCredentials.ts',
    text: `// What the admin UI posts for one connected Amazon SP-API account
interface StoreCredentialsRequest {
  accountId: string;
  refreshToken: string;
  sellingPartnerAppClientId: string;
  sellingPartnerAppClientSecret: string;
  awsAccessKeyId: string;
  awsSecretAccessKey: string;
}`,
    line: 6,
  },
  {
    name: "a multichannel record's generic client secret under a comment naming Amazon's LWA, in a text naming three other marketplaces",
    path: 'internal/domain/aggregate.go',
    text: channelCredentials('OAuth (Amazon LWA and others)'),
    line: 17,
  },
  {
    name: "a Go script's signing helper (grouped parameters) called per seller with hard-coded keys",
    path: 'cmd/sync/main.go',
    text: `package main

// Amazon MWS order sync for every shop
const accessKey = "AKIAW7ZQ4NXK2PD5R3TM"
const secretKey = "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"

func signedParams(sellerID, key, secret string) map[string]string {
	params := map[string]string{
		"AWSAccessKeyId": key,
		"SellerId":       sellerID,
		"SignatureVersion": "2",
	}
	return params
}

func main() {
	for _, shop := range loadShops() {
		send(signedParams(shop.SellerID, accessKey, secretKey))
	}
}`,
    line: 9,
  },
  {
    name: "a Python method's signing helper (self not passed) called per account with hard-coded keys",
    path: 'jobs/orders.py',
    text: `# Amazon MWS orders of every account
ACCESS_KEY = 'AKIAW7ZQ4NXK2PD5R3TM'
SECRET_KEY = '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'


class OrderJob:
    def params(self, seller_id, access_key):
        return {
            'AWSAccessKeyId': access_key,
            'SellerId': seller_id,
            'SignatureVersion': '2',
        }

    def run(self):
        for account in Account.objects.all():
            self.send(self.params(account.seller_id, ACCESS_KEY))
`,
    line: 9,
  },
  {
    name: "an LWA token request built from a row the text fetches for one store (its own app's secret)",
    path: 'src/lib/amazon-token.ts',
    text: `// Exchanges one store's refresh token.
async function getAccessToken(creds: StoreCredentials): Promise<string> {
  const body = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: creds.refreshToken,
    client_id: creds.clientId, client_secret: creds.clientSecret });
  return post('https://api.amazon.com/auth/o2/token', body);
}

export async function syncStore(storeId: string) {
  const creds = await prisma.amazonAccount.findUnique({ where: { storeId } });
  return getAccessToken(creds);
}
`,
    line: 4,
  },
  {
    name: 'a PHP client fed from the settings a row fetched for one company keeps in a JSON column',
    path: 'app/Services/AmazonSpApi.php',
    text: `<?php
class AmazonSpApi
{
    public function connector(int $empresaId)
    {
        $integracao = Integracao::where('empresa_id', $empresaId)->where('marketplace', 'amazon')->first();
        $config = json_decode($integracao->configuracoes, true);
        $client = new AmazonSpApiClient([
            'lwa_client_id' => $config['client_id'],
            'lwa_client_secret' => $integracao->credentials['client_secret'],
            'refresh_token' => $config['refresh_token'],
        ]);
        return $client;
    }
}
`,
    line: 10,
  },
  {
    name: 'an LWA token request built from the settings a row fetched for one company keeps (a bag named config)',
    path: 'app/Services/AmazonTokenService.php',
    text: `<?php
class AmazonTokenService
{
    public function accessToken(int $companyId): ?string
    {
        $integration = Integration::where('company_id', $companyId)->where('marketplace', 'amazon')->first();
        $settings = json_decode($integration->settings, true);
        $response = Http::asForm()->post('https://api.amazon.com/auth/o2/token', [
            'grant_type' => 'refresh_token',
            'refresh_token' => $settings['refresh_token'],
            'client_id' => $settings['client_id'],
            'client_secret' => $settings['client_secret'],
        ]);
        return $response->json('access_token');
    }
}
`,
    line: 12,
  },
  {
    name: 'an SP-API config built from the settings of the account the parent class fetched (`buildConfigFromAccount($account)`)',
    path: 'app/Services/Marketplace/AmazonMarketplaceService.php',
    text: `<?php
class AmazonMarketplaceService extends AbstractMarketplaceService
{
    protected function buildConfigFromAccount($account): array
    {
        $config = parent::buildConfigFromAccount($account);
        $this->amazonConfig = [
            'seller_id' => $config['seller_id'] ?? '',
            'client_id' => $config['client_id'] ?? '',
            'client_secret' => $config['client_secret'] ?? '',
            'refresh_token' => $config['refresh_token'] ?? '',
        ];
        return $config;
    }
}
`,
    line: 10,
  },
  {
    name: "a Kotlin entity of sellers' keys beside a configuration-properties class of the same file",
    path: 'src/main/kotlin/com/shop/mws/SellerAccount.kt',
    text: `package com.shop.mws

@Entity
@Table(name = "seller_accounts")
class SellerAccount(
    @Id val id: Long,
    val sellerId: String,
    val mwsAccessKeyId: String,
    val mwsSecretKey: String,
)

@ConfigurationProperties(prefix = "mws")
class MwsProperties {
    var endpoint: String = "https://mws.amazonservices.com"
}
`,
    line: 9,
  },
  {
    name: "a migration of customers' Amazon accounts with IAM keys, whose comment mentions S3",
    path: 'database/migrations/2024_01_01_000000_create_amazon_accounts_table.php',
    text: `<?php
// Each customer connects the Amazon account of its store; order reports are archived to S3.
return new class extends Migration {
    public function up(): void
    {
        Schema::create('amazon_accounts', function (Blueprint $table) {
            $table->id();
            $table->foreignId('user_id')->constrained();
            $table->string('aws_access_key_id');
            $table->text('aws_secret_access_key');
            $table->string('region');
        });
    }
};
`,
    line: 10,
  },
  {
    name: "Rails strong parameters permitting a seller's submitted key pair beside its seller id and token (hybrid)",
    path: 'app/controllers/accounts_controller.rb',
    text: `class AccountsController < ApplicationController
  def create
    @account = current_user.accounts.create(account_params)
  end

  private

  def account_params
    params.require(:account).permit(:seller_id, :mws_auth_token, :aws_access_key_id, :secret_key)
  end
end`,
    line: 9,
  },
  {
    name: 'Rails strong parameters taking the key pair as a nested list held in a local',
    path: 'app/controllers/shops_controller.rb',
    text: `class ShopsController < ApplicationController
  private

  def shop_params
    keys = [:marketplace_id, :aws_access_key_id, :secret_key]
    params.require(:shop).permit(:seller_id,
                                 :mws_auth_token,
                                 marketplace_attributes: keys)
  end
end`,
    line: 5,
  },
  {
    name: "a user's store keeping its own keys beside its selling partner id, refresh token and an affiliate tag",
    path: 'prisma/schema.prisma',
    text: `// Amazon store of each user: its own keys, its refresh token and an affiliate tag
model Store {
  id               String @id
  userId           String
  sellingPartnerId String
  accessKey        String
  secretKey        String
  refreshToken     String
  partnerTag       String
}
`,
    line: 7,
  },
  {
    name: "a seller table's key columns named as backups: still the seller's MWS keys",
    path: 'db/amazon.sql',
    text: `CREATE TABLE amazon_sellers (
  user_id INT NOT NULL,
  seller_id VARCHAR(32) NOT NULL,
  mws_access_key_backup VARCHAR(20),
  mws_secret_key_backup VARCHAR(40)
);
`,
    line: 5,
  },
  {
    name: 'an SP-API configuration built from a settings row the object fetched for its company ($this->settings)',
    path: 'Http/Controllers/Amazon/SpApi.php',
    text: `<?php
// amazon sp-api
class SpApi {
  public function __construct() {
    $this->settings = SpApiSetting::where("company_id", $this->companyId)->first();
    $this->config = new Configuration([
      "lwaClientId" => $this->settings->client_id,
      "lwaClientSecret" => $this->settings->client_secret,
      "lwaRefreshToken" => $this->settings->eu_token,
    ]);
  }
}
`,
    line: 8,
  },
  {
    name: 'an LWA code exchange with the client secret of the marketplace-account row the OAuth state picked',
    path: 'supabase/functions/amazon-callback/index.ts',
    text: `const { data: contas } = await supabase
  .from("contas_marketplace")
  .select("id, configuracoes")
  .filter("configuracoes->oauth_state", "eq", state);
const conta = contas[0];
const config = conta.configuracoes as Record<string, string>;
const res = await fetch("https://api.amazon.com/auth/o2/token", {
  method: "POST",
  body: new URLSearchParams({
    grant_type: "authorization_code",
    code,
    client_id: config.amz_client_id,
    client_secret: config.amz_client_secret,
  }),
});
`,
    line: 13,
  },
  {
    name: "a settings page writing the submitted keys into the signed-in user's own settings row",
    path: 'app/Http/Controllers/SettingsController.php',
    text: `<?php
// Amazon MWS settings
class SettingsController extends Controller {
  public function update(Request $request) {
    $setting = Setting::where("user_id", Auth::id())->first();
    $setting->update([
      'seller_id' => $request->input('seller_id'),
      'mws_access_key' => $request->input('mws_access_key'),
      'mws_secret_key' => $request->input('mws_secret_key'),
    ]);
    return back();
  }
}
`,
    line: 9,
  },
  {
    name: "a multichannel connection form's Amazon branch (case 'Amazon':) asking for the LWA client secret beside the seller id",
    path: 'src/components/admin/AddApiDialog.tsx',
    text: connectionForm({
      mercadoLivre: ['clientId', 'clientSecret'],
      amazon: ['clientId', 'clientSecret', 'refreshToken', 'sellerId'],
      shopify: true,
    }),
    line: 11,
  },
  {
    name: "a company's SP-API settings form built with form macros (Form::textGroup) asking for the LWA client secret beside the seller id",
    path: 'Resources/views/settings/spapi.blade.php',
    text: `{!! Form::open(['route' => 'amazon.spapi.update', 'method' => 'POST']) !!}
    {{ Form::hidden('company_id', company_id()) }}
    {{ Form::textGroup('seller_id', trans('amazon::settings.seller_id'), 'lightbulb', ['required' => 'required'], $seller_id) }}
    {{ Form::textGroup('client_id', trans('amazon::settings.client_id'), 'burn', [], $client_id) }}
    {{ Form::passwordGroup('client_secret', trans('amazon::settings.client_secret'), 'user-secret', []) }}
    {{ Form::textareaGroup('eu_token', trans('amazon::settings.refresh_token'), null, $eu_token) }}
{!! Form::close() !!}
`,
    line: 5,
  },
  {
    name: "a Shopify app's shop model keeping each shop's own MWS keys, in a text naming several marketplaces",
    path: 'shops/models.py',
    text: `# Sync orders from Amazon to Shopify, eBay and Etsy
from django.db import models
class ShopifyShop(models.Model):
    domain = models.CharField(max_length=255)
    seller_id = models.CharField(max_length=64)
    mws_auth_token = models.CharField(max_length=255)
    mws_access_key = models.CharField(max_length=64)
    mws_secret_key = models.CharField(max_length=128)
`,
    line: 8,
  },
  {
    name: "a controller saving a seller account's submitted MWS keys beside an update of the one settings row",
    path: 'app/Http/Controllers/AmazonAccountsController.php',
    text: `<?php
class AmazonAccountsController extends Controller {
    public function store(Request $request) {
        $setting = Setting::first();
        $setting->update(['default_region' => $request->input('region')]);
        $account = new AmazonAccount();
        $account->seller_id = $request->input('seller_id');
        $account->mws_access_key = $request->input('mws_access_key');
        $account->mws_secret_key = $request->input('mws_secret_key');
        $account->save();
    }
}
`,
    line: 9,
  },
  {
    name: 'an Amazon section comment over a fields list (fields: [) asking for the LWA client secret beside the seller id',
    path: 'src/connectors.ts',
    text: `// Connection forms for eBay and Etsy sellers, and Amazon's below
export const amazonForm = {
  // Amazon SP-API (Login with Amazon app)
  fields: [
    { key: 'clientId', label: 'Client ID', type: 'password' },
    { key: 'clientSecret', label: 'Client Secret', type: 'password' },
    { key: 'sellerId', label: 'Seller ID', type: 'text' },
  ],
};
export const save = (user, platform, credentials) =>
  supabase.from('api_connections').insert({ user_id: user.id, marketplace_name: platform, credentials });
`,
    line: 6,
  },
  {
    name: "a connection form's Amazon case opening a block (case 'Amazon': {)",
    path: 'src/fields.ts',
    text: `const fieldsFor = (p: string): FieldSpec[] => {
  switch (p) {
    case 'MercadoLivre': {
      return [{ key: 'accessToken', label: 'Access token', type: 'password' }];
    }
    case 'Amazon': {
      return [
        { key: 'clientId', label: 'Client ID', type: 'password' },
        { key: 'clientSecret', label: 'Client Secret', type: 'password' },
        { key: 'sellerId', label: 'Seller ID', type: 'text' },
      ];
    }
    case 'AliExpress':
      return [{ key: 'appKey', label: 'App Key', type: 'password' }];
  }
};
export const save = (user, platform, credentials) =>
  supabase.from('api_connections').insert({ user_id: user.id, marketplace_name: platform, credentials });
`,
    line: 9,
  },
  {
    name: "a PHP map of each platform's fields keyed 'amazon' => [",
    path: 'app/Marketplaces.php',
    text: `<?php
// API fields per marketplace: eBay, Etsy, Shopify, Amazon
return [
  'ebay' => [['key' => 'token', 'label' => 'Token']],
  'amazon' => [
    ['key' => 'clientId', 'label' => 'Client ID'],
    ['key' => 'clientSecret', 'label' => 'Client Secret'],
    ['key' => 'sellerId', 'label' => 'Seller ID'],
  ],
];
// saved per user_id
`,
    line: 7,
  },
  {
    name: "an Amazon repricer's buy-box handler (onBuyBoxLost) building a seller's SP-API credentials",
    path: 'src/repricer.ts',
    text: `// Amazon SP-API repricer
export function onBuyBoxLost(account: Account) {
  return {
    clientId: account.client_id,
    clientSecret: account.client_secret,
    refreshToken: account.refresh_token,
    sellerId: account.seller_id,
  };
}
`,
    line: 5,
  },
  {
    name: "an MWS request for the seller id a store object's envelope gives (not a configuration)",
    path: 'application/models/Orders_model.php',
    text: `<?php
class Orders_model extends CI_Model {
  public function list_orders($store) {
    $request = new MarketplaceWebServiceOrders_Model_ListOrdersRequest();
    $request->setSellerId($store->envelope->get('mws_seller_id'));
    return $this->service->listOrders($request);
  }
}
`,
    line: 5,
  },
  {
    name: 'an LWA code exchange with the client secret of the acronym-named account row (SPAPIAccount) the OAuth state picked',
    path: 'app/Http/Controllers/SpApiCallback.php',
    text: `<?php
class AmazonCallback {
    public function handle($state, $code) {
        $acct = SPAPIAccount::where('state', $state)->first();
        $res = Http::asForm()->post('https://api.amazon.com/auth/o2/token', [
            'grant_type' => 'authorization_code',
            'code' => $code,
            'client_id' => $acct->lwa_client_id,
            'client_secret' => $acct->lwa_client_secret,
        ]);
        $acct->refresh_token = $res['refresh_token'];
        $acct->save();
    }
}
`,
    line: 9,
  },
  {
    name: "a connection form's Amazon branch compared yoda-style ('amazon' === platform)",
    path: 'src/fields.ts',
    text: `// Connectors: eBay, Etsy, Amazon
function fieldsFor(platform: string): FieldSpec[] {
  if ('amazon' === platform) {
    return [
      { key: 'clientId', label: 'Client ID', type: 'password' },
      { key: 'clientSecret', label: 'Client Secret', type: 'password' },
      { key: 'sellerId', label: 'Seller ID', type: 'text' },
    ];
  }
  return [];
}
export const save = (user, platform, credentials) =>
  supabase.from('api_connections').insert({ user_id: user.id, marketplace_name: platform, credentials });
`,
    line: 6,
  },
  {
    name: 'a settings page writing the submitted keys into a settings row, the signed-in seller named beside them (current_user)',
    path: 'app/controllers/settings_controller.rb',
    text: `# Amazon MWS settings of the signed-in seller
class SettingsController < ApplicationController
  def update
    setting = Setting.first
    setting.update!(seller_id: params[:seller_id], aws_access_key_id: params[:aws_access_key_id], secret_key: params[:secret_key], updated_by: current_user.email)
    redirect_to settings_path
  end
end
`,
    line: 5,
  },
  {
    name: "keys read from a store's JSON member the ORM decodes (Django JSONField), passed to an MWS client",
    path: 'stores/clients.py',
    text: `class AmazonStore(models.Model):
    owner = models.ForeignKey(User, on_delete=models.CASCADE)
    merchant_id = models.CharField(max_length=32)
    credentials = models.JSONField(default=dict)

def client_for(store):
    creds = store.credentials
    return mws.Orders(access_key=creds["access_key"], secret_key=creds["secret_key"], account_id=store.merchant_id)
`,
    line: 8,
  },
  {
    name: "an SP-API client built from an account row's credentials blob, decrypted",
    path: 'src/sync.ts',
    text: `// Amazon SP-API sync
export async function syncAccount(accountId: string) {
  const account = await prisma.amazonAccount.findUnique({ where: { id: accountId } });
  const creds = await decryptCredentials(account.credentials);
  const sp = new SellingPartner({ region: 'na', refresh_token: creds.refreshToken, credentials: { SELLING_PARTNER_APP_CLIENT_ID: creds.clientId, SELLING_PARTNER_APP_CLIENT_SECRET: creds.clientSecret } });
  return sp.callAPI({ operation: 'getOrders' });
}
`,
    line: 5,
  },
  {
    name: "a FastAPI schema named as the tutorial names input (AmazonCredentialsIn) with the seller's client secret",
    path: 'app/schemas.py',
    text: `from pydantic import BaseModel

class AmazonCredentialsIn(BaseModel):
    seller_id: str
    marketplace_id: str
    lwa_client_id: str
    lwa_client_secret: str
    refresh_token: str
`,
    line: 7,
  },
  {
    name: "an LWA token refresh reading the client secret out of a marketplace account row's settings, decrypted",
    path: 'src/refresh.ts',
    text: rowTokenRefresh('contas_marketplace', 'conta', 'decrypt(conta.configuracoes)'),
    line: 6,
  },
  {
    name: 'an app secret read out of a row of a table of settings kept per seller (seller_settings)',
    path: 'src/refresh.ts',
    text: rowTokenRefresh('seller_settings', 'row', 'row.configuracoes'),
    line: 6,
  },
  {
    name: 'a Go request model whose optional fields are pointers (*string): a store being connected, with its SP-API app secret',
    path: 'model_store_add.go',
    text: `package openapi

// StoreAdd: one store being connected, with that store's credentials for its platform.
type StoreAdd struct {
	StoreUrl *string \`json:"store_url,omitempty"\`
	AmazonSpClientId *string \`json:"amazon_sp_client_id,omitempty"\`
	AmazonSpClientSecret *string \`json:"amazon_sp_client_secret,omitempty"\`
	AmazonSpRefreshToken *string \`json:"amazon_sp_refresh_token,omitempty"\`
	AmazonSellerId *string \`json:"amazon_seller_id,omitempty"\`
}
`,
    line: 7,
  },
  {
    name: "a connection's submitted client secret beside its token, in a text that tops stored credentials up from one account's settings",
    path: 'app/api/marketplaces.py',
    text: `from app.config import settings

def _account_creds(account):
    creds = dict(account.credentials or {})
    creds.setdefault("client_id", settings.SP_API_CLIENT_ID)
    creds.setdefault("client_secret", settings.SP_API_CLIENT_SECRET)
    creds.setdefault("refresh_token", settings.SP_API_REFRESH_TOKEN)
    return creds

async def connect_amazon(data: MarketplaceConnect, org=Depends(current_org)):
    payload = {
        "client_id": data.client_id,
        "client_secret": data.client_secret,
        "refresh_token": data.refresh_token,
        "seller_id": data.seller_id,
    }
    return await save_connection(org.id, "amazon", payload)
`,
    line: 13,
  },
  {
    name: "a connection row's own client secret beside its refresh token, in a text that also reads a sandbox app's secret from the environment",
    path: 'workers/refresh.py',
    text: `import os
import requests

# Sandbox self-test with our own developer app.
def sandbox_token():
    return requests.post("https://api.amazon.com/auth/o2/token", data={
        "grant_type": "client_credentials",
        "client_id": os.environ["SANDBOX_LWA_CLIENT_ID"],
        "client_secret": os.environ["SANDBOX_LWA_CLIENT_SECRET"],
    })

def refresh_all(connections):
    for conn in connections:
        requests.post("https://api.amazon.com/auth/o2/token", data={
            "grant_type": "refresh_token",
            "refresh_token": conn.lwa_refresh_token,
            "client_id": conn.lwa_client_id,
            "client_secret": conn.lwa_client_secret,
        })
`,
    line: 18,
  },
  {
    name: "a form's vague field named by a label component's value attribute (Breeze's <InputLabel htmlFor=… value=… />)",
    path: 'resources/js/Pages/Amazon/Create.jsx',
    text: `// Amazon connection
export default function Create({ auth }) {
    const { data, setData, post } = useForm({
        seller_id: '',
        api_key: '',
        api_secret: '',
    });
    return (
        <form>
            <InputLabel htmlFor="api_secret" value="Secret Access Key" />
            <TextInput id="api_secret" name="api_secret" value={data.api_secret} onChange={(e) => setData('api_secret', e.target.value)} />
        </form>
    );
}
`,
    line: 6,
  },
  {
    name: "keys read from a store's JSON member through the object's own attribute (self.store.credentials)",
    path: 'stores/clients.py',
    text: `# Amazon MWS orders sync
import mws, json

def client_for(store):
    creds = self.store.credentials
    return mws.Orders(access_key=creds["access_key"], secret_key=creds["secret_key"], account_id=store.merchant_id, auth_token=store.mws_auth_token)
`,
    line: 6,
  },
  {
    name: "keys read from a store's JSON member with a default for a missing one (store.credentials or {})",
    path: 'stores/clients.py',
    text: `# Amazon MWS orders sync
import mws, json

def client_for(store):
    creds = store.credentials or {}
    return mws.Orders(access_key=creds["access_key"], secret_key=creds["secret_key"], account_id=store.merchant_id, auth_token=store.mws_auth_token)
`,
    line: 6,
  },
  {
    name: "an SP-API client built from an account row's credentials decrypted by an injected service (this.encryption.decrypt)",
    path: 'src/sync.service.ts',
    text: `// Amazon SP-API sync
export class SyncService {
  async sync(accountId: string) {
    const account = await this.prisma.amazonAccount.findUnique({ where: { id: accountId } });
    const creds = await this.encryption.decrypt(account.credentials);
    const sp = new SellingPartner({ region: 'na', refresh_token: creds.refreshToken, credentials: { SELLING_PARTNER_APP_CLIENT_ID: creds.clientId, SELLING_PARTNER_APP_CLIENT_SECRET: creds.clientSecret } });
    return sp.callAPI({ operation: 'getOrders' });
  }
}
`,
    line: 6,
  },
  {
    name: "MWS keys read by symbol from a store's serialized credentials beside its token (Rails, hybrid)",
    path: 'app/models/store_client.rb',
    text: `# Amazon MWS orders for each store; Store serializes :credentials as JSON
def client_for(store)
  creds = store.credentials
  MWS.orders(merchant_id: store.merchant_id, auth_token: store.mws_auth_token, aws_access_key_id: creds[:access_key], aws_secret_access_key: creds[:secret_key])
end
`,
    line: 4,
  },
  {
    name: "MWS keys read from a shop's credentials cast to an array beside its token (Laravel, hybrid)",
    path: 'app/Clients/mws.php',
    text: `<?php
// Amazon MWS client per shop; Shop casts credentials to encrypted:array
function clientFor($shop) {
    $creds = $shop->credentials;
    return new MwsClient(['Seller_Id' => $shop->merchant_id, 'MWSAuthToken' => $shop->mws_auth_token, 'Access_Key_ID' => $creds['access_key'], 'Secret_Access_Key' => $creds['secret_key']]);
}
`,
    line: 5,
  },
];

export const TYPE_A_NEGATIVES: readonly Omit<Shape, 'line'>[] = [
  {
    name: "a shop table's two-factor code secret beside its seller id and refresh token",
    path: 'table.sql',
    text: `CREATE TABLE \`amazon_account\` (
  \`id\` int unsigned NOT NULL AUTO_INCREMENT,
  \`seller_id\` varchar(32) NOT NULL DEFAULT '',
  \`refresh_token\` varchar(2048) NOT NULL COMMENT 'refresh token',
  \`authcode_secret_key\` varchar(80) NOT NULL DEFAULT '' COMMENT 'two-factor code secret',
  PRIMARY KEY (\`id\`)
);
`,
  },
  {
    name: "an admin action saving the operator's own MWS developer keys (a function named for the developer account)",
    path: 'application/controllers/Admin.php',
    text: `<?php
class Admin extends CI_Controller
{
    // the operator's MWS developer registration, one per marketplace
    public function add_dev_account()
    {
        $marketplace_id = $this->input->post('marketplace_id');
        $access_key = $this->input->post('access_key');
        $secret_key = $this->input->post('secret_key');
        $this->admin_model->add_dev_account(array(
            'marketplace_id' => $marketplace_id,
            'access_key' => $access_key,
            'secret_key' => $secret_key,
        ));
    }
}
`,
  },
  {
    name: 'a key-named column that holds the seller\'s MWS Auth Token (AWSkey: "amzn.mws.…")',
    path: 'app/controllers/manager_controller.rb',
    text: `class ManagerController < ApplicationController
  def edit
    if params[:code] == "trial" then
      row = Mws.find_or_initialize_by(User: params[:email])
      row.update(
        SellerId: "A3KQ7PZT2M9XVE",
        AWSkey: "amzn.mws.4b1e9c2d-7f3a-4e86-b5d0-9a2c6e1f8b37"
      )
    else
      row = Mws.find_or_initialize_by(User: params[:email])
      row.update(
        SellerId: "A3KQ7PZT2M9XVE",
        AWSkey: "amzn.mws.4b1e9c2d-7f3a-4e86-b5d0-9a2c6e1f8b37"
      )
    end
  end
end
`,
  },
  {
    name: "a single-user tool's Vue settings form for its own SP-API app (saved under no user)",
    path: 'src/components/ConfigurationForm.vue',
    text: VUE_USER_SETTINGS_FORM.replace(
      'configService.setUserConfig({ userId: this.userId, ...this.awsConfig })',
      'configService.setConfig({ ...this.awsConfig })',
    ),
  },
  {
    name: "a desktop tool's electron-store settings: its own SP-API app and the owner's accounts",
    path: 'electron/service/storage/storageAPI.js',
    text: `const Store = require("electron-store");

const schema = {
  client_id: { type: "string", default: "" },
  client_secret: { type: "string", default: "" },
  seller_id_eu: { type: "string", default: "" },
  refresh_token_eu: { type: "string", default: "" },
};
const store = new Store({ schema });

module.exports = {
  readClientID: () => store.get("client_id"),
  readClientSecret: () => store.get("client_secret"),
  readSellerID: (region) => store.get(\`seller_id_\${region}\`),
  readRefreshToken: (region) => store.get(\`refresh_token_\${region}\`),
  writeClientSecret: (value) => store.set("client_secret", value),
};
`,
  },
  {
    name: "a desktop tool's main process exchanging the token with its settings storage's app secret",
    path: 'electron/main.js',
    text: `// amazon sp-api: the main process holds the keys
ipcMain.handle("manage_token", async (_, { region }) => {
  const refreshToken = storageAPI.readRefreshToken(region);
  const client_id = storageAPI.readClientID();
  const client_secret = storageAPI.readClientSecret();
  return getLWAAccessToken(client_id, client_secret, refreshToken);
});
`,
  },
  {
    name: "another marketplace's keys built by a function named for it, beside Amazon's",
    path: 'backend/domain/account/credentials.py',
    text: `def coupang_creds(account):
    return {"vendorId": account.seller_id, "accessKey": account.api_key, "secretKey": account.api_secret}


def amazon_refresh_token(account):
    return account.oauth_refresh_token
`,
  },
  {
    name: "a Go MWS client library: its Creds type, and requests signed with the receiver's own keys",
    path: 'amazonClient.go',
    text: `package amazonmwsapi

// Creds is the account configuration the client signs with.
type Creds struct {
	AccessID  string
	AccessKey string
	Merchant  string
}

type AmazonClient struct {
	credentials Creds
}

func (c *AmazonClient) parseRequest(req *amazonRequest) string {
	req.params.Add("SellerId", c.credentials.Merchant)
	req.params.Add("AWSAccessKeyId", c.credentials.AccessID)
	req.params.Add("Action", "ListOrders")
	return Sign(req.params, []byte(c.credentials.AccessKey))
}`,
  },
  {
    name: 'a script template of the type-B form: merchant id and MWS auth token only',
    path: 'Views/Credential/_AmazonDialog.cshtml',
    text: `<script type="text/html" id="Amazon">
    <h5>MWS API Credential</h5>
    <input id="MerchantId" name="MerchantId" class="form-control" data-bind="value: MerchantId" />
    <input id="MwsAuthToken" name="MwsAuthToken" class="form-control" data-bind="value: MwsAuthToken" />
</script>
<script type="text/javascript">
    var secretKeyHint = "never asked: the app signs with its own keys";
</script>`,
  },
  {
    name: "an MWS client factory fed the app's own configured keys, the seller id from elsewhere",
    path: 'src/main/java/com/acme/batch/OrderBatchConfiguration.java',
    text: `public ItemReader<Order> orderReader() throws Exception {
    for (MarketPlaceDTO marketPlace : marketPlaceService.findAll()) {
        client = AmazonOrderServiceConfig.getAsyncClient(mwsProperties.getAccessKey(), mwsProperties.getSecretKey(), marketPlace.getServiceUrl());
        ListOrdersRequest request = new ListOrdersRequest();
        request.setSellerId(marketPlace.getSellerId());
        request.setMWSAuthToken(marketPlace.getMwsAuthToken());
        orders.addAll(client.listOrders(request).getListOrdersResult().getOrders());
    }
}`,
  },
  {
    name: "an MWS client built from the app's own keys in a secret store (getSecretValue(…))",
    path: 'src/main/java/io/acme/common/MwsConfigBuilder.java',
    text: `public final class MwsConfigBuilder {
	static {
		final String accessKeyId = secrets.getSecretValue("mws/access-key-id");
		final String secretAccessKey = secrets.getSecretValue("mws/secret-access-key");
		service = new MarketplaceWebServiceClient(accessKeyId, secretAccessKey, appName, appVersion, config);
	}
}`,
  },
  {
    name: "a MyBatis update of the app's own settings, key columns in <if test> blocks (no seller id)",
    path: 'src/main/resources/mapping/SysConfigMapper.xml',
    text: `<mapper namespace="io.acme.dao.SysConfigMapper">
    <update id="updateMws" parameterType="io.acme.entity.MwsConfig">
        UPDATE \`sys_mws_config\`
        SET
            \`app_name\` = #{appName},
            <if test="accessKeyId != null">
                \`access_key_id\` = #{accessKeyId},
            </if>
            <if test="secretKey != null">
                \`secret_key\` = #{secretKey}
            </if>
        WHERE \`id\` = #{id}
    </update>
</mapper>`,
  },
  {
    name: "a MyBatis insert of the app's own settings, key columns in <if test> blocks (no seller id)",
    path: 'src/main/resources/mapping/SysConfigMapper.xml',
    text: `<mapper namespace="io.acme.dao.SysConfigMapper">
    <insert id="addMws" parameterType="io.acme.entity.MwsConfig">
        INSERT INTO \`sys_mws_config\`
            (
            \`app_name\`
            <if test="accessKeyId != null">
                ,\`access_key_id\`,
            </if>
            <if test="secretKey != null">
                \`secret_key\`
            </if>
            )
        VALUES (#{appName}, #{accessKeyId}, #{secretKey})
    </insert>
</mapper>`,
  },
  {
    name: 'wrapped client arguments from the object that also gives the auth token: one tenant, type B',
    path: 'src/main/java/com/acme/mws/InventoryService.java',
    text: `public class InventoryService {
    public ListInventorySupplyResponse page(String nextToken) {
        ListInventorySupplyByNextTokenRequest request = new ListInventorySupplyByNextTokenRequest();
        request.setSellerId(mws.getSellerId());
        request.setMWSAuthToken(mws.getAuthToken());
        client = new FBAInventoryServiceMWSAsyncClient(
                mws.getAccessKey(),
                mws.getSecretKey(),
                APP_NAME, APP_VERSION, config, null);
        return client.listInventorySupplyByNextToken(request);
    }
}`,
  },
  {
    name: "wrapped client arguments from a bare config bag: the caller's one account",
    path: 'src/main/java/com/acme/mws/OrdersClient.java',
    text: `public class OrdersClient {
    public OrdersClient(MwsConfig config) {
        service = new MarketplaceWebServiceOrdersClient(
                config.getAccessKeyId(), config.getSecretAccessKey(),
                APP_NAME, APP_VERSION, serviceConfig);
        request.setSellerId(config.getSellerId());
    }
}`,
  },
  {
    name: "keys and token read from an options object (not a result row) into locals: the caller's",
    path: 'app/Console/Commands/Mws/SyncProducts.php',
    text: syncCommand('$options->'),
  },
  {
    name: "a MyBatis update of the app's own MWS settings (no seller id): its developer keys",
    path: 'src/main/resources/mapper/SysConfigDao.xml',
    text: `<mapper namespace="io.acme.dao.SysConfigDao">
	<update id="updateMws" parameterType="io.acme.entity.MwsConfig">
		update sys_mws_config
		<set>
			<if test="accessKeyId != null">\`access_key_id\` = #{accessKeyId}, </if>
			<if test="secretAccessKey != null">\`secret_access_key\` = #{secretAccessKey}, </if>
		</set>
		where id = #{id}
	</update>
</mapper>`,
  },
  {
    name: "a client library's credentials type outside any models folder (its caller's one account)",
    path: 'src/MwsClient/AmazonCredential.cs',
    text: `namespace MwsClient
{
    public class AmazonCredential
    {
        public string MerchantId { get; set; }
        public string AccessKeyId { get; set; }
        public string SecretKey { get; set; }
    }
}`,
  },
  {
    name: "a library's seller options (…POJO: no row suffix) pass keys and token on (not a stored row)",
    path: 'src/main/java/com/acme/mws/MwsSellerPOJO.java',
    text: `public class MwsSellerPOJO {
	private String accessKeyId;
	private String sellerId;
	private String secretAccessKey;
	private String mwsAuthToken;
}`,
  },
  {
    name: "the developer's hard-coded keys sign each store's request, its token read from the store (type B)",
    path: 'src/main/java/com/acme/amazon/OrderService.java',
    text: `private Map<String, String> listOrders(AmazonStore store) throws Exception {
    String secretKey = "7WFsbEgY4QjroKz2xv1d+N0PahcTnLmB9tUq3CRi";
    Map<String, String> parameters = new HashMap<>();
    parameters.put("AWSAccessKeyId", urlEncode("AKIA2OGYBAH6Q7KD4XZM"));
    parameters.put("MWSAuthToken", urlEncode(store.getMwsAuthToken()));
    parameters.put("SellerId", urlEncode(store.getSellerId()));
    parameters.put("Signature", urlEncode(sign(parameters, secretKey)));
    return parameters;
}

private Map<String, String> getOrder(AmazonStore store, String orderId) throws Exception {
    String secretKey = "7WFsbEgY4QjroKz2xv1d+N0PahcTnLmB9tUq3CRi";
    Map<String, String> parameters = new HashMap<>();
    parameters.put("AWSAccessKeyId", urlEncode("AKIA2OGYBAH6Q7KD4XZM"));
    parameters.put("MWSAuthToken", urlEncode(store.getMwsAuthToken()));
    parameters.put("SellerId", urlEncode(store.getSellerId()));
    parameters.put("AmazonOrderId.Id.1", urlEncode(orderId));
    parameters.put("Signature", urlEncode(sign(parameters, secretKey)));
    return parameters;
}`,
  },
  {
    name: "SP-API: the app's own client secret exchanges each seller's refresh token (type B)",
    path: 'src/main/java/com/acme/amazon/AmazonService.java',
    text: `// SP-API: refresh each seller's LWA access token with the app's own client
public void refreshAuth() {
    account = accountRepository.findAll().get(0);
    for (AmazonSeller seller : account.getSellers()) {
        seller.setSpAccessToken(
            refreshAccessToken(account.getSpClientId(), account.getSpClientSecret(), seller.getSpRefreshToken()));
    }
}`,
  },
  {
    name: 'a misspelled secret of the own app from the environment (sercetKey: type B)',
    path: 'src/main/java/com/acme/mws/MwsProperties.java',
    text: `public class MwsProperties {
    private String sellerId = System.getenv("MWS_SELLER_ID");
    private String mwsAuthToken = System.getenv("MWS_AUTH_TOKEN");
    private String accessKey = System.getenv("MWS_ACCESS_KEY");
    private String sercetKey = System.getenv("MWS_SECRET_KEY");
}`,
  },
  {
    name: 'a multichannel tool: generically named keys beside several other marketplaces may be any of theirs',
    path: 'prisma/schema.prisma',
    text: `// one API account per marketplace: Trendyol, Hepsiburada, N11, Amazon
model MarketplaceAccount {
  id            String @id @default(cuid())
  marketplaceId Int    @unique
  apiKey        String?
  secretKey     String
  sellerId      String?
}`,
  },
  {
    name: "Amazon Product Advertising API keys per user (an affiliate's access key, secret key and partner tag)",
    path: 'app/Http/Controllers/SettingController.php',
    text: `<?php
class SettingController extends Controller
{
    public function add_amSetting(Request $request)
    {
        $row = new AmazonSetting;
        $row->user_id = Auth::id();
        $row->store_id = $request->store_id;
        $row->partner_tag = $request->partner_tag;
        $row->access_key = $request->access_key;
        $row->secret_key = $request->secret_key;
        $row->save();
    }
}`,
  },
  {
    name: "a Magento module's admin configuration (system.xml): the one store's own settings",
    path: 'etc/adminhtml/system.xml',
    text: `<?xml version="1.0"?>
<config>
    <system>
        <section id="amazon_mws">
            <group id="credentials">
                <field id="seller_id" type="text"><label>Seller ID</label></field>
                <field id="access_key" type="text"><label>AWS Access Key ID</label></field>
                <field id="secret_key" type="obscure"><label>Secret Key</label></field>
            </group>
        </section>
    </system>
</config>`,
  },
  {
    name: 'a quoted list of key names that is no form or table (names to redact from a log)',
    path: 'amazon/logging.py',
    text: `# Amazon MWS request logging
SENSITIVE = ['merchant_id', 'access_key', 'secret_key']`,
  },
  {
    name: "SP-API: a Rails migration of the integrator's LWA apps, referencing a region, not a user",
    path: 'db/migrate/20240101000000_create_lwa_apps.rb',
    text: `class CreateLwaApps < ActiveRecord::Migration[7.0]
  def change
    create_table :lwa_apps do |t|
      t.references :region, null: false
      t.string :lwa_client_id
      t.string :lwa_client_secret
    end
  end
end`,
  },
  {
    name: "SP-API: a client library's token request from its own credentials bag (self.credentials)",
    path: 'sp_api/auth/access_token_client.py',
    text: `# Login with Amazon access token client of the SP-API library
class AccessTokenClient:
    def _data(self):
        return {
            "grant_type": "refresh_token",
            "refresh_token": self.credentials.refresh_token,
            "client_id": self.credentials.lwa_app_id,
            "client_secret": self.credentials.lwa_client_secret,
        }`,
  },
  {
    name: "SP-API: one operator's own app posted to its single-tenant connect view (no seller id)",
    path: 'backend/api/views.py',
    text: `# connects this deployment to the operator's Amazon (SP-API) store
def connect(request):
    data = json.loads(request.body)
    client_secret = data['clientSecret'].strip()
    refresh_token = data['refreshToken'].strip()
    save_creds(client_secret, refresh_token)`,
  },
  {
    name: "fields declared as data by 'code' without a seller id field (the app's own key pair)",
    path: 'config/aws_settings.php',
    text: `<?php
// the app's own Amazon S3 upload keys
$fields = array(
  array('code' => 'aws_access_key_id', 'type' => 'text'),
  array('code' => 'aws_secret_access_key', 'type' => 'password'),
);`,
  },
  {
    name: "a plain PHP class's properties: a client wrapper's own state, filled by its caller",
    path: 'application/libraries/Mwsorders.php',
    text: `<?php
class Mwsorders
{
    public $AWS_ACCESS_KEY_ID;
    public $AWS_SECRET_ACCESS_KEY;
    public $MERCHANT_ID;
}`,
  },
  {
    name: "a class whose name only contains 'tbl' mid-word, holding a caller's keys beside a token",
    path: 'Client/MwsCallSettbl.cs',
    text: `public class MwsCallSettbl
{
    public string SellerId { get; set; }
    public string AuthToken { get; set; }
    public string AccessKeyId { get; set; }
    public string SecretKey { get; set; }
}`,
  },
  {
    name: "SP-API: an SDK's LWA token request type (no seller id: the app's own client)",
    path: 'sp_api/auth/lwa_request.py',
    text: `# Login with Amazon token request of the SP-API client
class LwaTokenRequest(BaseModel):
    grant_type: str = "refresh_token"
    client_id: str
    client_secret: str
    refresh_token: str`,
  },
  {
    name: "SP-API: an integrator's table of its own LWA apps, owned by no user, tenant or store",
    path: 'db/lwa_apps.sql',
    text: `-- the integrator's own Login with Amazon applications, one per region
CREATE TABLE lwa_apps (
    id integer NOT NULL,
    region character varying(10),
    client_id character varying(200),
    client_secret text
);`,
  },
  {
    name: "Rails _tag inputs that edit the installation's own settings (text_field_tag :x, Spree::Config[:x])",
    path: 'app/views/spree/admin/amazon/edit.html.erb',
    text: `<%= form_tag admin_amazon_path, method: :put do %>
  <%= text_field_tag :amazon_merchant_id, Spree::Config[:amazon_merchant_id], class: 'form-control' %>
  <%= text_field_tag :amazon_aws_access_key_id, Spree::Config[:amazon_aws_access_key_id], class: 'form-control' %>
  <%= text_field_tag :amazon_aws_secret_access_key, Spree::Config[:amazon_aws_secret_access_key], class: 'form-control' %>
<% end %>`,
  },
  {
    name: "a library test's client filled with random keys (SecureRandom.hex)",
    path: 'test/null_client.rb',
    text: `class NullClient < ::Peddler::Client
  def configure_with_mock_data!
    self.aws_access_key_id = SecureRandom.hex
    self.aws_secret_access_key = SecureRandom.hex
    self.merchant_id = SecureRandom.hex
  end
end`,
  },
  {
    name: "a recording's redaction of each test account's key (VCR filter_sensitive_data)",
    path: 'test/integration_helper.rb',
    text: `VCR.configure do |c|
  Credentials.each do |record|
    c.filter_sensitive_data('MERCHANT_ID') { record['merchant_id'] }
    c.filter_sensitive_data('AWS_ACCESS_KEY_ID') { record['aws_access_key_id'] }
  end
end`,
  },
  {
    name: "a WordPress shop plugin's gateway settings added through a settings hook (the one site's own keys)",
    path: 'includes/gateways/amazon-payments.php',
    text: `<?php
add_filter( 'edd_settings_gateways', 'amazon_gateway_settings', 1, 1 );
function amazon_gateway_settings( $settings ) {
  $settings['amazon_seller_id'] = array( 'id' => 'amazon_seller_id', 'type' => 'text' );
  $settings['amazon_mws_access_key'] = array( 'id' => 'amazon_mws_access_key', 'type' => 'text' );
  $settings['amazon_mws_secret_key'] = array( 'id' => 'amazon_mws_secret_key', 'type' => 'text' );
  return $settings;
}`,
  },
  {
    name: "a client library's request bean with a token and getters (not stored, not a form)",
    path: 'src/main/java/com/example/mws/MwsCall.java',
    text: `public class MwsCall {
    private String sellerId;
    private String mwsAuthToken;
    private String accessKeyId;
    private String secretKey;

    public String getSecretKey() {
        return secretKey;
    }

    public String getAccessKeyId() {
        return accessKeyId;
    }
}`,
  },
  {
    name: "Go: a client library's methods read their own receiver's keys (the struct holds a token)",
    path: 'seller.go',
    text: `package mws

type Seller struct {
	SellerID  string
	AuthToken string
	AccessKey string
	SecretKey string
}

func (seller *Seller) sign(payload string) string {
	mac := hmac.New(sha256.New, []byte(seller.SecretKey))
	mac.Write([]byte(payload))
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}`,
  },
  {
    name: 'Java: an MWS client built from the program\'s own properties read by getter (props.get("SECRET_KEY"))',
    path: 'src/main/java/com/example/MwsClientFactory.java',
    text: `public class MwsClientFactory {
    public MarketplaceWebServiceOrdersClient create(Properties props, String merchantId) {
        MarketplaceWebServiceOrdersClient client = new MarketplaceWebServiceOrdersClient(props.get("ACCESSKEY_ID").toString(), props.get("SECRET_KEY").toString(), config);
        ListOrdersRequest request = new ListOrdersRequest();
        request.setSellerId(merchantId);
        request.setMWSAuthToken(props.get("MWS_AUTH_TOKEN").toString());
        return client;
    }
}`,
  },
  {
    name: "developer keys read from a row per marketplace country (dev_access_secret), the seller's token beside",
    path: 'robots/check_MWS.php',
    text: `<?php
while ($row = mysql_fetch_array($rows)) {
    $keyId = $row['dev_access_key'];
    $secretKey = $row['dev_access_secret'];
    $service = new MarketplaceWebService_Client($keyId, $secretKey, $config, 'App', '1.0');
    $parameters = ['Merchant' => $row['SellerID'], 'MWSAuthToken' => $row['MWSAuthToken']];
}`,
  },
  {
    name: "a library wrapper filled from its caller's options bag named for what it configures (connection_params)",
    path: 'application/libraries/Mwsorders.php',
    text: `<?php
class Mwsorders {
  public function __construct($connection_params = null) {
    $this->AWS_ACCESS_KEY_ID = $connection_params['AWS_ACCESS_KEY_ID'];
    $this->AWS_SECRET_ACCESS_KEY = $connection_params['AWS_SECRET_ACCESS_KEY'];
    $this->MERCHANT_ID = $connection_params['MERCHANT_ID'];
  }
}`,
  },
  {
    name: 'a secret named only for a secret, with no access key beside it (a webhook secret)',
    path: 'src/amazon/webhooks.js',
    text: `// Amazon order notifications forwarded per seller
export const subscription = {
  sellerId: seller.sellerId,
  secretToken: seller.webhookSecretToken,
  callbackUrl: '/hooks/amazon',
};`,
  },
  {
    name: 'a commented-out record of one seller (its first field names no container)',
    path: 'config/amazon-mws.php',
    text: `<?php
return [
    'store' => [
        'store1' => [
            'merchantId' => '',
            'keyId' => '',
            'secretKey' => '',
            'authToken' => '',
        ],
    ],
];
/*'merchantId' => 'A1B2C3D4E5F6G7',
            'keyId' => 'AKIAQ3EGRQ5TXZP4M7NW',
            'secretKey' => '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',
            'authToken' => 'amzn.mws.4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f'*/`,
  },
  {
    name: "a platform plugin's keys in the installation's settings (Spree::Config)",
    path: 'app/controllers/spree/admin/amazon_controller.rb',
    text: `class Spree::Admin::AmazonController < Spree::Admin::BaseController
  def update
    Spree::Config[:amazon_merchant_id] = params[:amazon_merchant_id]
    Spree::Config[:amazon_aws_access_key_id] = params[:amazon_aws_access_key_id]
    Spree::Config[:amazon_aws_secret_access_key] = params[:amazon_aws_secret_access_key]
    redirect_to edit_admin_amazon_path
  end
end`,
  },
  {
    name: "a platform plugin's keys declared as the installation's preferences",
    path: 'app/models/spree/app_configuration_decorator.rb',
    text: `Spree::AppConfiguration.class_eval do
  preference :amazon_merchant_id, :string
  preference :amazon_aws_access_key_id, :string
  preference :amazon_aws_secret_access_key, :string
end`,
  },
  {
    name: "a WordPress plugin saving the site's own keys with update_option",
    path: 'includes/class-amazon-settings.php',
    text: `<?php
function amazon_mws_save_settings() {
  update_option('amazon_mws_seller_id', sanitize_text_field($_POST['seller_id']));
  update_option('amazon_mws_access_key', sanitize_text_field($_POST['access_key']));
  update_option('amazon_mws_secret_key', sanitize_text_field($_POST['secret_key']));
}`,
  },
  {
    name: 'spapi single tenant config',
    path: 'config.cs',
    text: `var config = new AmazonCredential {
    AccessKey = Environment.GetEnvironmentVariable("AK"),
    SecretKey = Environment.GetEnvironmentVariable("SK"),
    RoleArn = "arn:aws:iam::123456789012:role/sp",
    ClientId = "amzn1.application-oa2-client.x",
    ClientSecret = Environment.GetEnvironmentVariable("CS"),
    RefreshToken = Environment.GetEnvironmentVariable("RT"),
};`,
  },
  {
    name: 'spapi credentials class',
    path: 'AmazonCredential.cs',
    text: `public class AmazonCredential
{
    public string AccessKey { get; set; }
    public string SecretKey { get; set; }
    public string RoleArn { get; set; }
    public string ClientId { get; set; }
    public string ClientSecret { get; set; }
    public string RefreshToken { get; set; }
}`,
  },
  {
    name: 'ruby lib internals',
    path: 'lib/mws/connection.rb',
    text: `module MWS
  class Connection
    def initialize(params = {})
      @access_key = params[:access_key]
      @secret_access_key = params[:secret_access_key]
      @merchant_id = params[:merchant_id]
    end
  end
end`,
  },
  {
    name: 'ruby keyword default type B',
    path: 'app/models/store.rb',
    text: `AWS_KEYS = { access: ENV['MWS_ACCESS_KEY'], secret: ENV['MWS_SECRET'] }
class Store
  def client
    MWS::Client.new(
      aws_access_key_id: AWS_KEYS[:access],
      aws_secret_access_key: AWS_KEYS[:secret],
      merchant_id: merchant_id,
      auth_token: auth_token
    )
  end
end`,
  },
  {
    name: 'library test assert',
    path: 'test/test_request.py',
    text: `TEST_KEY = 'AKIAIOSFODNN7EXAMPLE'
def test_params():
    params = build(seller_id='12345')
    assert params["AWSAccessKeyId"] == TEST_KEY
    assert params["SellerId"] == '12345'
`,
  },
  {
    name: 'test dummy values',
    path: 'test/client.test.js',
    text: `const client = new Client({
  sellerId: '12345',
  accessKeyId: 'opensesame',
  secretKey: 'opensesame',
});`,
  },
  {
    name: 'ellipsis doc',
    path: 'lib/client.js',
    text: `/**
 * new Client({ sellerId: '...', accessKey: '...', secretKey: '...' })
 */`,
  },
  {
    name: 'factory',
    path: 'database/factories/StoreFactory.php',
    text: `<?php
class StoreFactory extends Factory
{
    public function definition()
    {
        return [
            'seller_id' => $this->faker->bothify('A#############'),
            'access_key' => Str::random(20),
            'secret_key' => Str::random(40),
        ];
    }
}`,
  },
  {
    name: 'newegg',
    path: 'config/newegg-mws.php',
    text: `<?php
return [
    'store1' => [
        'sellerId' => 'A2BX',
        'apiKey' => '6b3f1a2c-4d5e-4f60-8a7b-9c0d1e2f3a4b',
        'secretKey' => '0f1e2d3c-4b5a-4968-8778-695a4b3c2d1e',
        'neweggServiceUrl' => 'https://api.newegg.com/marketplace/',
    ],
    'store2' => [
        'sellerId' => 'A3CY',
        'apiKey' => '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
        'secretKey' => '9e8d7c6b-5a49-4837-a625-14f3e2d1c0b9',
        'neweggServiceUrl' => 'https://api.newegg.com/marketplace/',
    ],
];`,
  },
  {
    name: "a repricer's table of another marketplace's accounts, in a schema that also serves Amazon",
    path: 'schema.sql',
    text: `-- Amazon listings are repriced through the SP-API with the app's own keys (see amazon_sellers).
CREATE TABLE amazon_sellers (
  id              SERIAL PRIMARY KEY,
  seller_id       TEXT NOT NULL,
  refresh_token   TEXT NOT NULL
);
CREATE TABLE onbuy_accounts (
  id              SERIAL PRIMARY KEY,
  seller_id       TEXT NOT NULL,
  consumer_key    TEXT NOT NULL,
  secret_key      TEXT NOT NULL
);`,
  },
  {
    name: "a Windows service's own settings, members named as constants are",
    path: 'FeedSubmitService/Service1.cs',
    text: `public partial class Service1 : ServiceBase
{
    private readonly string SELLER_ID;
    private readonly string ACCESS_KEY_ID;
    private readonly string SECRET_KEY;
    private MarketplaceWebServiceClient client;

    public Service1()
    {
        var settings = SettingsFile.Read(ConfigurationManager.AppSettings["SettingsPath"]);
        SELLER_ID = settings["SELLER_ID"];
        ACCESS_KEY_ID = settings["ACCESS_KEY_ID"];
        SECRET_KEY = settings["SECRET_KEY"];
        client = new MarketplaceWebServiceClient(ACCESS_KEY_ID, SECRET_KEY, "FeedSubmit", "1.0", new MarketplaceWebServiceConfig());
    }
}`,
  },
  {
    name: "a seller's own script: keys and seller id from one constant of its own",
    path: 'fees/estimate.js',
    text: `const MWS_ACCOUNT = require('./mws-account.json');

function estimateParams(asin) {
  return {
    AWSAccessKeyId: MWS_ACCOUNT['ACCESS_KEY_ID'],
    Action: 'GetMyFeesEstimate',
    SellerId: MWS_ACCOUNT['SELLER_ID'],
    'FeesEstimateRequestList.FeesEstimateRequest.1.IdValue': asin,
    SignatureVersion: '2',
  };
}
module.exports = { estimateParams };`,
  },
  {
    name: "a Ruby gem's gateway checking its caller's options",
    path: 'lib/active_merchant/billing/amazon_gateway.rb',
    text: `class AmazonGateway < Gateway
  def initialize(options = {})
    requires!(options, :merchant_id, :aws_access_key_id, :aws_secret_access_key)
    super
  end
end`,
  },
  {
    name: "a Spree extension's fetcher: the one shop's payment-method preferences",
    path: 'lib/spree_amazon/order_fetcher.rb',
    text: `class OrderFetcher
  attr_accessor :merchant_id, :aws_access_key_id, :aws_secret_access_key

  def initialize
    @payment_method = Spree::PaymentMethod.find_by!(type: 'Spree::Gateway::AmazonMws')
    @merchant_id = @payment_method.preferred_merchant_id
    @aws_access_key_id = @payment_method.preferred_aws_access_key_id
    @aws_secret_access_key = @payment_method.preferred_aws_secret_access_key
  end
end`,
  },
  {
    name: "a platform module's settings class, in a namespace named for merchants",
    path: 'Amazon.MerchantModule.Web/Services/AmazonSettings.cs',
    text: `namespace Amazon.MerchantModule.Web.Services
{
    public class AmazonManagerSettings : IAmazonSettings
    {
        private readonly ISettingsManager _settingsManager;
        private readonly string _merchantIdName;
        private readonly string _accessKeyIdName;
        private readonly string _secretKeyName;

        public string MerchantId
        {
            get { return _settingsManager.GetValue<string>(_merchantIdName, string.Empty); }
        }

        public string AwsAccessKeyId
        {
            get { return _settingsManager.GetValue<string>(_accessKeyIdName, string.Empty); }
        }

        public string AwsSecretAccessKey
        {
            get { return _settingsManager.GetValue<string>(_secretKeyName, string.Empty); }
        }
    }
}`,
  },
  {
    name: 'a settings class reading each setting by its name',
    path: 'Amazon.MerchantModule.Web/Services/AmazonSettings.cs',
    text: `namespace Amazon.Feeds.Web.Services
{
    public class AmazonManagerSettings : IAmazonSettings
    {
        private readonly ISettingsManager _settingsManager;

        public string MerchantId
        {
            get { return _settingsManager.GetValue<string>("Amazon.Merchant.MerchantId", string.Empty); }
        }

        public string AwsAccessKeyId
        {
            get { return _settingsManager.GetValue<string>("Amazon.Merchant.AccessKeyId", string.Empty); }
        }

        public string AwsSecretAccessKey
        {
            get { return _settingsManager.GetValue<string>("Amazon.Merchant.SecretKey", string.Empty); }
        }
    }
}`,
  },
  {
    name: "a client's signed request from its own session's keys",
    path: 'addons/amazon/amazonerp_osv.py',
    text: `class ListOrders(Call):
    def Get(self, created_after):
        params = {
            'Action': 'ListOrders',
            'SellerId': self.Session.merchant_id,
            'AWSAccessKeyId': self.Session.access_key,
            'SignatureVersion': '2',
            'LastUpdatedAfter': created_after,
        }
        return self.MakeCall(params)`,
  },
  {
    name: "a shop's API settings: another marketplace's key, named for it, beside Amazon's seller id",
    path: 'Entity/ShopApiEntity.cs',
    text: `public class ShopApiEntity
{
    public string ShopId { get; set; }
    public string SellerId { get; set; }
    public string MWSAuthToken { get; set; }
    public string YahooAppId { get; set; }
    public string YahooSecretKey { get; set; }
}`,
  },
  {
    name: "a Next.js admin route saving the business's own SP-API app from the parsed body",
    path: 'src/app/api/amazon/credentials/route.ts',
    text: `export async function POST(request: NextRequest) {
  const { clientId, clientSecret, refreshToken } = await request.json();
  await admin.from('app_settings').upsert({ key: 'amazon_client_id', value: clientId }, { onConflict: 'key' });
  await admin.from('app_settings').upsert({ key: 'amazon_client_secret', value: clientSecret }, { onConflict: 'key' });
  await admin.from('app_settings').upsert({ key: 'amazon_refresh_token', value: refreshToken }, { onConflict: 'key' });
  return NextResponse.json({ success: true });
}`,
  },
  {
    name: "a user's Amazon Ads API app, the seller's id beside it (another API)",
    path: 'models/User.js',
    text: `const UserSchema = new mongoose.Schema({
  email: { type: String, required: true },
  amazonSellerId: { type: String },
  adsClientId: { type: String },
  adsClientSecret: { type: String },
  adsRefreshToken: { type: String },
});`,
  },
  {
    name: "an Amazon Ads token refresh from the account's Ads app (another API)",
    path: 'src/AmazonAdsAPI/Auth/AccessTokenFromRefreshToken/manager.js',
    text: `class manager {
    // returns a live Amazon Ads access token for the account document
    async get(accountDoc) {
        const account = accountDoc.data();
        const tokenDoc = await collectionManager.get(account.token.ads_token.ref);
        const token = tokenDoc.data();
        if (dayjs(token.expiration.toDate()) >= dayjs()) {
            return { ok: "ok", token };
        }

        const clientId = account.token.ads_token.client_id;
        const clientSecret = account.token.ads_token.client_secret;
        const refreshToken = account.token.ads_token.refresh_token;
        const res = await get(clientId, clientSecret, refreshToken);
        if (res.ok != "ok") {
            return res;
        }
        await fireStoreManager.updateRef(tokenDoc.ref, M_TokenManager.create(res.token));
        const fresh = await collectionManager.recache(tokenDoc);
        return { ok: "ok", token: fresh.data() };
    }
}`,
  },
  {
    name: 'two empty type B',
    path: 'test/http.test.ts',
    text: `const a = new HttpClient({ awsAccessKeyId: '', mwsAuthToken: '', secretKey: '', sellerId: '' });
const b = new HttpClient({ awsAccessKeyId: '', mwsAuthToken: '', secretKey: '', sellerId: '' });`,
  },
  {
    name: 'token later line',
    path: 'lib/orders.py',
    text: `url = ("https://mws.amazonservices.com/Orders/2013-09-01?AWSAccessKeyId=AKIA2OGYBAH6Q7KD4XZM"
       f"&Action=ListOrders&SellerId={seller_id}"
       f"&MWSAuthToken={token}&Signature=abc")`,
  },
  {
    name: 'fixed seller own keys',
    path: 'tools/report.log',
    text: `https://mws.amazonservices.com/Orders/2013-09-01?AWSAccessKeyId=AKIA2OGYBAH6Q7KD4XZM&Action=ListOrders&SellerId=A1B2C3D4E5F6G7&Signature=abc`,
  },
  {
    name: 'an SP-API SDK credential bag with a seller id',
    path: 'Sdk/AmazonCredential.cs',
    text: `public class AmazonCredential
{
    public string AccessKey { get; set; }
    public string SecretKey { get; set; }
    public string RoleArn { get; set; }
    public string ClientId { get; set; }
    public string ClientSecret { get; set; }
    public string RefreshToken { get; set; }
    public string SellerID { get; set; }
}`,
  },
  {
    name: 'a stored client secret keyed by a seller id: which of our own apps issued the token',
    path: 'database/migrations/2024_create_spapi_credentials_table.php',
    text: `<?php
Schema::create('spapi_credentials', function (Blueprint $table) {
    $table->string('selling_partner_id')->unique();
    $table->string('client_id')->nullable();
    $table->string('client_secret')->nullable();
    $table->string('refresh_token', 511);
});`,
  },
  {
    name: 'a Ruby library passing its caller options through instance variables',
    path: 'lib/mws/connection.rb',
    text: `module MWS
  class Connection
    def query_string(verb)
      QueryString.new(
        :verb              => verb,
        :access_key        => @access_key,
        :secret_access_key => @secret_access_key,
        :merchant_id       => @merchant_id
      )
    end
  end
end`,
  },
  {
    name: 'a test asserting on the request a library builds',
    path: 'tests/test_params.py',
    text: `def test_params(creds):
    params = client(**creds).default_params()
    assert params == {
        "AWSAccessKeyId": creds["access_key"],
        "SellerId": creds["account_id"],
        "SignatureVersion": "2",
    }
`,
  },
  {
    name: 'old per-shop keys commented out of a type-B record',
    path: 'shops/accounts.py',
    text: `shop1 = {
    "name": "NAM01",
    # "access_key": "AKIA4XD3ZS4EIEXUVOGR",
    # "secret_key": "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",
    "seller_id": "A2SHOPONE00001",
    "auth_token": "amzn.mws.44025a16-105d-45dc-a801-1be1d354d002",
}
shop2 = {
    "name": "NAM02",
    # "access_key": "AKIAGKENTHLQCFZPWV7O",
    # "secret_key": "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",
    "seller_id": "A2SHOPTWO00002",
    "auth_token": "amzn.mws.36d2d265-d6f2-4ff1-ae2f-72250e77fff7",
}
`,
  },
  {
    name: 'a client library signing with its own config, the token set when present',
    path: 'mws/client.go',
    text: `func (c Client) sign(params Values) Values {
	params.Set("SellerId", c.SellerId)
	if c.AuthToken != "" {
		params.Set("MWSAuthToken", c.AuthToken)
	}
	params.Set("AWSAccessKeyId", c.accessKey)
	return params
}`,
  },
  {
    name: 'razor type B',
    path: 'Views/Store/Connect.cshtml',
    text: `@model ConnectModel
@using (Html.BeginForm("Connect", "Store", FormMethod.Post))
{
    @Html.TextBoxFor(m => m.SellerId, new { @class = "form-control" })
    @Html.TextBoxFor(m => m.MwsAuthToken, new { @class = "form-control" })
}`,
  },
  {
    name: 'angular type B form',
    path: 'src/app/connect.component.ts',
    text: `export class ConnectComponent {
  form = this.fb.group({
    sellerId: ['', Validators.required],
    mwsAuthToken: ['', Validators.required],
  });
}`,
  },
  {
    name: 'client from own config',
    path: 'src/Mws/Client.php',
    text: `<?php
class Client {
  public function service() {
    return new MarketplaceWebService_Client($this->config['access_key'], $this->config['secret_key'], $this->serviceConfig, 'app', '1.0');
  }
}`,
  },
  {
    name: 'client from options',
    path: 'lib/client.js',
    text: `function createClient(options) {
  return new MwsClient(options.accessKeyId, options.secretKey, { merchantId: options.merchantId });
}`,
  },
  {
    name: 'spring config properties',
    path: 'src/main/java/com/acme/config/MwsProperties.java',
    text: `@ConfigurationProperties(prefix = "mws")
@Data
public class MwsProperties {
    private String accessKey;
    private String secretKey;
    private String sellerId;
    private String marketplaceId;
}`,
  },
  {
    name: 'go client lib config',
    path: 'mws/client.go',
    text: `package mws

type Config struct {
	SellerID  string
	AccessKey string
	SecretKey string
	Region    string
}

func NewClient(c Config) *Client { return &Client{config: c} }`,
  },
  {
    name: 'java lib client ctor',
    path: 'src/main/java/com/amazonservices/mws/client/MwsConnection.java',
    text: `public class MwsConnection {
    private String awsAccessKeyId;
    private String awsSecretKeyId;
    private String sellerId;
    public MwsConnection(String awsAccessKeyId, String awsSecretKeyId) {
        this.awsAccessKeyId = awsAccessKeyId;
        this.awsSecretKeyId = awsSecretKeyId;
    }
}`,
  },
  {
    name: 'wp options page',
    path: 'settings.php',
    text: `<?php
function amzn_settings_page() {
    echo '<form action="options.php" method="post">
    <input type="text" name="amzn_seller_id" value="' . esc_attr(get_option('amzn_seller_id')) . '" />
    <input type="text" name="amzn_access_key" value="' . esc_attr(get_option('amzn_access_key')) . '" />
    <input type="text" name="amzn_secret_key" value="' . esc_attr(get_option('amzn_secret_key')) . '" />
    <input type="hidden" name="page_options" value="amzn_seller_id,amzn_access_key,amzn_secret_key" />
    </form>';
}`,
  },
  {
    name: 'django modelform type B',
    path: 'app/forms.py',
    text: `class StoreForm(forms.ModelForm):
    class Meta:
        model = Store
        fields = ['name', 'seller_id', 'mws_auth_token']
`,
  },
  {
    name: 'laravel rules type B',
    path: 'app/Http/Requests/StoreRequest.php',
    text: `<?php
final class ConnectSellerRequest extends FormRequest
{
    public function rules(): array
    {
        return ['seller_id' => ['required', 'string'], 'mws_auth_token' => ['required', 'string']];
    }
}`,
  },
  {
    name: 'sql insert type B',
    path: 'app/db.py',
    text: `def save(conn, seller_id, token):
    conn.cursor().execute("INSERT INTO stores (seller_id, mws_auth_token) VALUES (%s, %s)", (seller_id, token))
`,
  },
  {
    name: 'python sdk settings fields list',
    path: 'sp_api/base/settings.py',
    text: `class CredentialProvider:
    fields = ('refresh_token', 'lwa_app_id', 'lwa_client_secret', 'aws_access_key', 'aws_secret_key', 'role_arn')
`,
  },
  {
    name: 'spree preferences',
    path: 'app/models/spree/amazon/configuration.rb',
    text: `module Spree
  class Amazon::Configuration < Spree::Preferences::Configuration
    preference :mws_merchant_id, :string
    preference :aws_access_key_id, :string
    preference :aws_secret_access_key, :string
  end
end`,
  },
  {
    name: 'ruby option name list',
    path: 'lib/carriers/amazon_fba.rb',
    text: `class AmazonFba < Carrier
  def requirements
    [:merchant_id, :aws_access_key_id, :aws_secret_access_key]
  end
end`,
  },
  {
    name: 'config page inputs',
    path: 'application/views/settings.php',
    text: `<form id="configForm" action="/config/update" method="POST">
  <input name="MERCHANT_ID" type="text" value="<?php echo $amzConfig['MERCHANT_ID'] ?>">
  <input name="AWS_ACCESS_KEY_ID" type="text" value="<?php echo $amzConfig['AWS_ACCESS_KEY_ID'] ?>">
  <input name="AWS_SECRET_ACCESS_KEY" type="text" value="<?php echo $amzConfig['AWS_SECRET_ACCESS_KEY'] ?>">
</form>`,
  },
  {
    name: 'a table keyed by kind names',
    path: 'src/explanations.ts',
    text: `const TYPE_B = 'Keep your own keys; per seller store only the SellerId and MWSAuthToken.';
export const EXPLANATIONS: Record<Kind, Explanation> = {
  'access-key-id': {
    what: 'An access key id.',
    pattern: TYPE_B,
  },
  'secret-key': {
    what: 'A secret key.',
    pattern: TYPE_B,
  },
  'mws-auth-token': {
    what: 'A token.',
  },
  'lwa-refresh-token': {
    what: 'A refresh token.',
  },
};`,
  },
  {
    name: 'a switch over kind names',
    path: 'src/spans.ts',
    text: `function span(finding: Finding): number | undefined {
  switch (finding.kind) {
    case 'access-key-id':
      return 1;
    case 'secret-key': {
      return 2;
    }
    case 'mws-auth-token':
    case 'lwa-refresh-token':
      return undefined;
  }
}`,
  },
  {
    name: 'status with the last four of a key',
    path: 'src/app/api/amazon/status/route.js',
    text: `export async function GET() {
  const a = seller.amazon;
  return Response.json({
    sellerId: a.sellerId,
    accessKeyLastFour: a.accessKeyLastFour,
    secretKeyStatus: a.secretKeyStatus,
  });
}`,
  },
  {
    name: 'fields in a block comment',
    path: 'src/main/java/com/acme/ShopAuth.java',
    text: `@TableName("t_shop_auth")
public class ShopAuth {
	@TableField("sellerid")
	private String sellerid;
	/*
	 * @TableField("secret_key") private String secretKey;
	 * @TableField("access_key") private String accessKey;
	 */
}`,
  },
  {
    name: 'py lib without token',
    path: 'amazonmws/connection.py',
    text: `class Connection:
    def __init__(self, access_key, secret_key, merchant_id):
        self.access_key = access_key
        self.secret_key = secret_key
        self.merchant_id = merchant_id

    def params(self):
        return {'AWSAccessKeyId': self.access_key, 'SellerId': self.merchant_id}
`,
  },
  {
    name: 'node lib request',
    path: 'lib/AmazonMwsResource.js',
    text: `function request(self, params) {
  params.AWSAccessKeyId = self._mws.getApiField('key');
  params.SellerId = params.SellerId || self._mws.getApiField('sellerId');
  const secret = self._mws.getApiField('secret');
  return sign(params, secret);
}`,
  },
  {
    name: 'py lib init',
    path: 'mws/mws.py',
    text: `class MWS(object):
    def __init__(self, access_key, secret_key, account_id, region='US', auth_token=''):
        self.access_key = access_key
        self.secret_key = secret_key
        self.account_id = account_id
        self.auth_token = auth_token

    def get_params(self):
        params = {
            'AWSAccessKeyId': self.access_key,
            'SellerId': self.account_id,
            'SignatureVersion': '2',
        }
        if self.auth_token:
            params['MWSAuthToken'] = self.auth_token
        return params
`,
  },
  {
    name: 'node lib ctor',
    path: 'lib/amazon-mws.js',
    text: `function AmazonMws(accessKey, accessSecret, options) {
  if (!(this instanceof AmazonMws)) return new AmazonMws(accessKey, accessSecret, options);
  this._api = { auth: null, host: 'mws.amazonservices.com' };
  this.setApiKey(accessKey, accessSecret);
}
AmazonMws.prototype.setApiKey = function (key, secret) {
  this._setApiField('key', key);
  this._setApiField('secret', secret);
};`,
  },
  {
    name: 'ts options interface',
    path: 'src/http.ts',
    text: `export interface MWSOptions {
  awsAccessKeyId: string
  mwsAuthToken?: string
  secretKey: string
  sellerId: string
}`,
  },
  {
    name: 'sp-api lib config',
    path: 'src/SellingPartnerApi.php',
    text: `<?php
class Configuration {
    public function __construct(array $options) {
        $this->lwaClientId = $options['lwaClientId'];
        $this->lwaClientSecret = $options['lwaClientSecret'];
        $this->lwaRefreshToken = $options['lwaRefreshToken'];
        $this->awsAccessKeyId = $options['awsAccessKeyId'];
        $this->awsSecretAccessKey = $options['awsSecretAccessKey'];
    }
}`,
  },
  {
    name: 'java sample',
    path: 'src/main/java/com/amazonservices/mws/orders/samples/OrdersConfig.java',
    text: `public class MarketplaceWebServiceOrdersSampleConfig {
    private static final String accessKey = "";
    private static final String secretKey = "";
    private static final String appName = "";
    private static final String sellerId = "";
    public static MarketplaceWebServiceOrdersAsyncClient getAsyncClient() {
        return new MarketplaceWebServiceOrdersAsyncClient(accessKey, secretKey, appName, appVersion, config, null);
    }
}`,
  },
  {
    name: 'test fixture env',
    path: 'tests/conftest.py',
    text: `@pytest.fixture
def credentials():
    return {
        'access_key': 'cred_access',
        'secret_key': 'cred_secret',
        'account_id': 'cred_account',
        'auth_token': 'cred_token',
    }
`,
  },
  {
    name: 'readme example',
    path: 'README.md',
    text: `\`\`\`js
const client = new MwsClient({
  sellerId: 'YOUR_SELLER_ID',
  accessKeyId: 'YOUR_ACCESS_KEY',
  secretKey: 'YOUR_SECRET',
});
\`\`\``,
  },
  {
    name: 'odoo settings config_parameter',
    path: 'models/res_config_settings.py',
    text: `class ResConfigSettings(models.TransientModel):
    _inherit = 'res.config.settings'
    amazon_merchant_id = fields.Char(config_parameter='amazon.merchant_id')
    amazon_access_key = fields.Char(config_parameter='amazon.access_key')
    amazon_secret_key = fields.Char(config_parameter='amazon.secret_key')
`,
  },
  {
    name: 'blank keys in a platform transform',
    path: 'src/export/platform.js',
    text: `function toPlatformRecord(row) {
  const platformRecord = {
    sellerId: row.sellerId,
    accessKey: '',
    secretKey: '',
  };
  return platformRecord;
}`,
  },
  {
    name: 'config object filled from a parameter array',
    path: 'src/ClientPool/PoolConfig.php',
    text: `<?php
class PoolConfig {
    public function __construct(array $parameterArray) {
        $this->accessKey = $parameterArray[self::PARAM_ACCESS_KEY];
        $this->secretKey = $parameterArray[self::PARAM_SECRET_KEY];
        $this->sellerId  = $parameterArray[self::PARAM_SELLER_ID];
        if (!empty($parameterArray[self::PARAM_AUTH_TOKEN])) {
            $this->authToken = $parameterArray[self::PARAM_AUTH_TOKEN];
        }
    }
}`,
  },
  {
    name: 'credentials built from faker values',
    path: 'tests/CredentialsTest.php',
    text: `<?php
class CredentialsTest extends TestCase
{
    private function randomCredentials()
    {
        $SellerId = $this->faker->uuid;
        $AccessKey = $this->faker->uuid;
        $SecretKey = $this->faker->sha1;
        return new Credentials($SellerId, $AccessKey, $SecretKey);
    }
}`,
  },
  {
    name: 'django migration: keys of a configuration model, a removed column, a type-B shop',
    path: 'shops/migrations/0007_keys.py',
    text: `from django.db import migrations, models


class Migration(migrations.Migration):

    operations = [
        migrations.AddField(
            model_name="mwsconfiguration",
            name="access_key",
            field=models.CharField(max_length=32, blank=True),
        ),
        migrations.AddField(
            model_name="mwsconfiguration",
            name="secret_key",
            field=models.CharField(max_length=64, blank=True),
        ),
        migrations.RemoveField(
            model_name="shop",
            name="secret_key",
        ),
        migrations.AddField(
            model_name="shop",
            name="seller_id",
            field=models.CharField(max_length=32, blank=True),
        ),
        migrations.AddField(
            model_name="shop",
            name="mws_auth_token",
            field=models.CharField(max_length=64, blank=True),
        ),
    ]`,
  },
  {
    name: 'entity framework: type-B shop mapping, keys of a developer settings row',
    path: 'Data/AppDbContext.cs',
    text: `using Microsoft.EntityFrameworkCore;

public class AppDbContext : DbContext
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Shop>(entity =>
        {
            entity.ToTable("shops");

            entity.Property(e => e.MerchantId)
                .HasColumnName("merchant_id")
                .HasMaxLength(32);

            entity.Property(e => e.MwsAuthToken)
                .HasColumnName("mws_auth_token")
                .HasMaxLength(64);
        });

        modelBuilder.Entity<DeveloperSetting>(entity =>
        {
            entity.Property(e => e.AwsAccessKeyId).HasColumnName("aws_access_key_id");
            entity.Property(e => e.AwsSecretAccessKey).HasColumnName("aws_secret_access_key");
        });
    }
}`,
  },
  {
    name: 'java setters: type-B account, client config from the environment',
    path: 'src/main/java/com/example/amazon/controller/AccountController.java',
    text: `package com.example.amazon.controller;

@RestController
@RequestMapping("/amazon/account")
public class AccountController {
    @Autowired
    private AmazonAccountRepository repository;

    @PostMapping
    public AmazonAccount save(@RequestBody AccountForm form) {
        AmazonAccount account = new AmazonAccount();
        account.setSellerId(form.getSellerId());
        account.setMwsAuthToken(form.getMwsAuthToken());
        return repository.save(account);
    }

    private MwsClientConfig clientConfig() {
        MwsClientConfig config = new MwsClientConfig();
        config.setAccessKey(System.getenv("MWS_ACCESS_KEY_ID"));
        config.setSecretKey(System.getenv("MWS_SECRET_KEY"));
        return config;
    }
}`,
  },
  {
    name: 'json blobs: developer keys from settings, the shop only its token',
    path: 'shops/mws_client.py',
    text: `import json
import os

from django.conf import settings
from mws import mws


def orders_client(shop):
    creds = json.loads(settings.MWS_DEVELOPER_CREDENTIALS)
    tokens = json.loads(shop.authorization)
    return mws.Orders(
        access_key=creds["access_key"],
        secret_key=creds["secret_key"],
        account_id=shop.seller_id,
        auth_token=tokens["mws_auth_token"],
        region="US",
    )`,
  },
  {
    name: 'environment reads through a conversion, a token per seller',
    path: 'Models/ApiRows.cs',
    text: `var row = new ApiParameters();
row.SellerId = account.SellerId.ToString();
row.AccessKeyId = Environment.GetEnvironmentVariable("MWS_ACCESS_KEY_ID").Trim();
row.SecretKey = Environment.GetEnvironmentVariable("MWS_SECRET_KEY").Trim();
row.MwsAuthToken = account.MwsAuthToken.ToString();`,
  },
  {
    name: "a single-tenant connect view: the operator's own app secret read through .strip() from the posted body, no seller",
    path: 'api/views.py',
    text: `class ConnectAmazonStoreView(View):
    def post(self, request):
        data = json.loads(request.body)
        client_id = data['appId'].strip()
        client_secret = data['clientSecret'].strip()
        refresh_token = data['refreshToken'].strip()
        save_credentials({'client_id': client_id, 'client_secret': client_secret, 'refresh_token': refresh_token})`,
  },
  {
    name: "two one-line CREATE TABLEs: the sellers table holds the token, the app's own settings table the keys",
    path: 'db/schema.sql',
    text: `CREATE TABLE sellers (id INT PRIMARY KEY, seller_id VARCHAR(20), mws_auth_token VARCHAR(64)); CREATE TABLE app_settings (aws_access_key_id VARCHAR(20), aws_secret_key VARCHAR(64));`,
  },
  {
    name: "a multi-platform field list: generic keys labelled as another marketplace's, Amazon's entry type B",
    path: 'src/config/platformFields.ts',
    text: `// The credentials each platform's store connection asks for: one row per store.
export const PLATFORM_FIELDS = {
  magalu: [
    { key: 'storeId', label: 'Seller ID' },
    { key: 'apiKey', label: 'API Key' },
    { key: 'apiSecret', label: 'API Secret', secret: true },
  ],
  amazon: [
    { key: 'storeId', label: 'Seller ID' },
    { key: 'accessToken', label: 'MWS Auth Token', secret: true },
  ],
};`,
  },
  {
    name: "a field list labelling generic keys as AWS keys, with no seller id entry (the installation's own)",
    path: 'src/config/settingsFields.ts',
    text: `// The one installation's own Amazon settings: nobody is asked for a seller's keys.
export const SETTINGS_FIELDS = [
  { key: 'apiKey', label: 'AWS Access Key ID' },
  { key: 'apiSecret', label: 'AWS Secret Access Key', secret: true },
  { key: 'area', label: 'Region' },
];`,
  },
  {
    name: "another marketplace's entry keeps its own label when Amazon's entry labels the same generic key",
    path: 'src/config/channelFields.ts',
    text: `// The store's own channel settings: Amazon's keys are the installation's, typed in once.
export const CHANNEL_FIELDS = {
  amazon: [
    { key: 'apiKey', label: 'MWS Access Key' },
    { key: 'apiSecret', label: 'MWS Secret Key', secret: true },
  ],
  magalu: [
    { key: 'storeId', label: 'Seller ID' },
    { key: 'apiSecret', label: 'API Secret', secret: true },
  ],
};`,
  },
  {
    name: "another marketplace's input keeps its own HTML label when Amazon's labels the same id as an MWS key",
    path: 'src/components/ChannelInputs.tsx',
    text: `// Channel inputs: Amazon's developer secret is the installation's own, typed once by the admin;
// Etsy asks each shop for its seller id and shared secret.
export function ChannelInputs({ channel, values, set }: Props) {
  if (channel === 'amazon')
    return (
      <>
        <label htmlFor="api_secret">MWS Secret Key</label>
        <input id="api_secret" type="password" value={values.api_secret} onChange={(e) => set('api_secret', e.target.value)} />
      </>
    );
  return (
    <>
      <label htmlFor="seller_id">Etsy Seller ID</label>
      <input id="seller_id" value={values.seller_id} onChange={(e) => set('seller_id', e.target.value)} />
      <label htmlFor="api_secret">Shared secret</label>
      <input id="api_secret" type="password" value={values.api_secret} onChange={(e) => set('api_secret', e.target.value)} />
    </>
  );
}`,
  },
  {
    name: "a seller's id and token beside keys copied from the marketplace's developer account ($developerAccount)",
    path: 'application/controllers/Feedback_setting.php',
    text: `<?php
// A seller saves its Seller ID and MWS Auth Token; calls are signed with its marketplace's developer account.
class Feedback_setting extends CI_Controller
{
    public function update()
    {
        global $store;
        $storeName = $this->input->post('store_name');
        $developerAccount = $this->admin_model->developer_account_for($this->input->post('marketplace_id'));
        $store[$storeName]['merchantId'] = $this->input->post('seller_id');
        $store[$storeName]['keyId'] = $developerAccount['access_key'];
        $store[$storeName]['secretKey'] = $developerAccount['secret_key'];
        $store[$storeName]['MWSAuthToken'] = $this->input->post('mws_auth_token');
    }
}`,
  },
  {
    name: 'generic keys taken from the request in a route whose folder names another marketplace (app/api/onbuy/…)',
    path: 'app/api/onbuy/connect/route.js',
    text: `// Connect a channel: the seller pastes the consumer key and secret key from its control panel.
export async function POST(request) {
  const user = await currentUser();
  const body = await request.json();
  const { consumerKey, secretKey, siteId = 1 } = body;
  if (!consumerKey || !secretKey) return Response.json({ error: 'both keys are required' }, { status: 400 });
  await db.from('channels').upsert({
    user_id: user.id,
    access_token: Buffer.from(\`\${consumerKey}:\${secretKey}\`).toString('base64'),
    shop_domain: String(siteId),
  });
  return Response.json({ ok: true });
}`,
  },
  {
    name: "a Rust client's options struct (pub secret_key: String beside an optional token): the language's String, no stored column",
    path: 'src/client.rs',
    text: `// What a caller hands the client: the seller it acts for, the token when a developer acts for it, the keys it signs with.
pub struct Account {
    pub seller_id: String,
    pub marketplace_id: String,
    pub access_key_id: String,
    pub secret_key: String,
    pub mws_auth_token: Option<String>,
}

impl Account {
    pub fn from_env() -> Self {
        Account {
            seller_id: std::env::var("SELLER_ID").unwrap(),
            marketplace_id: std::env::var("MARKETPLACE_ID").unwrap(),
            access_key_id: std::env::var("MWS_ACCESS_KEY_ID").unwrap(),
            secret_key: std::env::var("MWS_SECRET_KEY").unwrap(),
            mws_auth_token: std::env::var("MWS_AUTH_TOKEN").ok(),
        }
    }
}`,
  },
  {
    name: "tabs labelled like the fields they open ({ key: 'sellerTab', label: 'Seller ID' }): items, no fields",
    path: 'src/pages/AmazonSettings.tsx',
    text: `// Amazon seller settings page: its tabs, labelled like the fields they open.
const tabs = [
  { key: 'sellerTab', label: 'Seller ID' },
  { key: 'credentialsTab', label: 'Secret Key' },
];
export function AmazonSettings() {
  return <Tabs items={tabs} />;
}`,
  },
  {
    name: "a payment gateway's per-shop form whose HTML labels name a merchant id and secret key (no Amazon)",
    path: 'templates/gateway.html',
    text: `<!-- A payment gateway's settings for each shop: no marketplace's keys. -->
<form method="post" action="/shops/{{ shop.id }}/gateway">
  <label for="merchant_id">Merchant ID</label>
  <input id="merchant_id" name="merchant_id" value="{{ shop.merchant_id }}">
  <label for="api_secret">Secret Key</label>
  <input id="api_secret" name="api_secret" value="{{ shop.api_secret }}">
</form>`,
  },
  {
    name: "an SP-API OAuth callback setting the shop's seller id beside its refresh token: a stored row, no MWS request",
    path: 'src/main/java/shop/ShopAuthorizationService.java',
    text: `/** OAuth callback: trades the seller's one-time code for tokens and keeps them on its shop row. */
@Service
public class ShopAuthorizationService {
    public Long authorize(CallbackRequest request, Map<String, Object> token) {
        ShopRow shop = shops.findBySellerId(request.getSellingPartnerId());
        if (shop == null) {
            shop = new ShopRow();
            shop.setSellerId(request.getSellingPartnerId());
        }
        shop.setSellerRefreshToken(String.valueOf(token.get("refresh_token")));
        shops.save(shop);
        return shop.getId();
    }
}`,
  },
  {
    name: 'an SP-API client built from a seller id and a refresh token: no MWS client missing its token',
    path: 'app/api/products_sync.py',
    text: `# Lists a connected store's products through the SP-API: its seller id and refresh token only.
async def sync_products(seller):
    client = AmazonAPIClient(
        seller_id=seller.amazon_seller_id,
        marketplace_id=seller.marketplace_id,
        refresh_token=seller.lwa_refresh_token,
    )
    return await client.get_listings()`,
  },
  {
    name: "a script's signing helper called with the integrator's keys from the environment: its own keys",
    path: 'exec/fetch_orders.php',
    text: signingHelperScript("getenv('MWS_KEY')", "getenv('MWS_SECRET')"),
  },
  {
    name: "a helper under Maven's test tree (src/test/java) filling the SDK's credentials: test code, whatever its name",
    path: 'src/test/java/com/acme/spapi/SpApiTestUtil.java',
    text: `package com.acme.spapi;

public class SpApiTestUtil {
    /** The app's fixed credentials; only the store's refresh token varies. */
    public static CredentialInfoDTO credentials(String refreshToken, String sellerId) {
        CredentialConfigDTO dto = new CredentialConfigDTO();
        dto.setSellerId(sellerId);
        dto.setAccessKeyId(accessKeyId());
        dto.setSecretKey(secretKey());
        dto.setClientSecret(clientSecret());
        dto.setRefreshToken(refreshToken);
        return CredentialInfoDTO.of(dto);
    }
}`,
  },
  {
    name: 'a map of field name to its caption that is no form: captions are no keys',
    path: 'logic/captions.php',
    text: `<?php
// Amazon seller report: column captions
$captions = [
    "SellerID" => "Seller ID of the account",
    "SecretKey" => "Secret key on file",
];`,
  },
  {
    name: 'unassigned variables in a text that extracts no request: nothing says they were submitted',
    path: 'application/controllers/Channel.php',
    text: `<?php
// Amazon MWS marketplace credentials
class Channel extends CI_Controller
{
    public function addData()
    {
        $data['seller_id'] = isset($seller_id) ? $seller_id : '';
        $data['secret_key'] = isset($secret_key) ? $secret_key : '';
        $this->Data_model->Insert_data('of_marketplace_credential', $data);
    }
}`,
  },
  {
    name: "a signing helper called for the one seller a variable holds: a seller's own tool",
    path: 'exec/report.php',
    text: `<?php
// Amazon MWS report import
$AWS_ACCESS_KEY_ID = 'AKIAW7ZQ4NXK2PD5R3TM';
$SECRET_KEY = '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';
$MERCHANT_ID = 'A2EUQ1WTGCTBG2';
$r = call_mws($MERCHANT_ID, $AWS_ACCESS_KEY_ID, $SECRET_KEY, $par);

function call_mws($seller_id, $aws_access_key_id, $secret_key, $par) {
    $par['AWSAccessKeyId'] = $aws_access_key_id;
    $par['Merchant'] = $seller_id;
    $par['SignatureVersion'] = 2;
    return $par;
}`,
  },
  {
    name: "a commented-out call is no binding: the helper's one call passes the integrator's keys",
    path: 'exec/report.php',
    text: `<?php
// Amazon MWS report import
// $r = call_mws($merchant, 'AKIAW7ZQ4NXK2PD5R3TM', $secret, $par);
foreach ($merchants as $merchant) {
    $r = call_mws($merchant, getenv('MWS_KEY'), getenv('MWS_SECRET'), $par);
}

function call_mws($seller_id, $aws_access_key_id, $secret_key, $par) {
    $par['AWSAccessKeyId'] = $aws_access_key_id;
    $par['Merchant'] = $seller_id;
    $par['MWSAuthToken'] = token_of($seller_id);
    return $par;
}`,
  },
  {
    name: "a map of captions named `$fields` beside a seller id names no input (an export's column titles)",
    path: 'reports/columns.php',
    text: `<?php
// Amazon seller export
$fields = [
    'seller_id' => 'Seller ID',
    'secret_key' => 'Secret Key (masked)',
];`,
  },
  {
    name: "a WordPress settings page's inputs named with their hints: the site owner's own settings",
    path: 'admin/settings.php',
    text: `<?php
// Amazon MWS settings of this shop
register_setting('amazon_mws', 'amazon_mws_options');
$inputfields = [
    'seller_id' => 'Enter your seller ID',
    'secret_key' => 'Enter your secret key',
];`,
  },
  {
    name: "a setup wizard's prompt and a settings API's field: no form declared as data",
    path: 'setup/wizard.php',
    text: `<?php
// Amazon MWS setup of this installation
$seller = prompt_input('seller_id', 'Seller ID');
$secret = prompt_input('secret_key', 'AWS Secret Key');
add_settings_field('mws_secret_key', 'Secret Key', 'render_secret', 'amazon');`,
  },
  {
    name: "one app's SP-API settings class that records when it changed: not a stored row per seller",
    path: 'Services/AmazonSettings.cs',
    text: `public class AmazonSettings
{
    public string SellerId { get; set; }
    public string ClientId { get; set; }
    public string ClientSecret { get; set; }
    public string RefreshToken { get; set; }
    public string AccessKeyId { get; set; }
    public string SecretAccessKey { get; set; }
    public string RoleArn { get; set; }
    public DateTime? UpdatedAt { get; set; }
}`,
  },
  {
    name: "extract() in one method makes no other method's parameters submitted",
    path: 'application/libraries/Mws_lib.php',
    text: `<?php
// Amazon MWS helper library
class Mws_lib
{
    public function search()
    {
        extract($this->input->post());
        return $this->db->like('title', $q)->get('products')->result();
    }

    public function signed($action, $aws_access_key_id, $secret_key, $seller_id)
    {
        $par['AWSAccessKeyId'] = $aws_access_key_id;
        $par['SellerId'] = $seller_id;
        $par['MWSAuthToken'] = $this->token;
        return $par;
    }
}`,
  },
  {
    name: 'names declared global are no submitted fields, whatever extract() runs',
    path: 'admin/sync.php',
    text: `<?php
// Amazon MWS sync of this shop
extract($_POST);
function sync_orders() {
    global $aws_access_key_id, $secret_key, $merchant_id;
    $config = array('keyId' => $aws_access_key_id, 'secretKey' => $secret_key, 'merchantId' => $merchant_id);
    return new AmazonOrderList($config);
}`,
  },
  {
    name: "a signed parameter set for one seller a constant names, with a hard-coded key: a seller's own tool",
    path: 'exec/report.php',
    text: `<?php
// Amazon MWS report of our own account
define('MERCHANT_ID', 'A2EUQ1WTGCTBG2');
$par['AWSAccessKeyId'] = 'AKIAW7ZQ4NXK2PD5R3TM';
$par['Merchant'] = MERCHANT_ID;
$par['SignatureVersion'] = 2;`,
  },
  {
    name: "ColdFusion's application scope set at start-up: the program's own SP-API app",
    path: 'Application.cfc',
    text: `<cfcomponent output="true">
    <cffunction name="OnApplicationStart" access="public" output="false">
        <cfscript>
            // The shop's own Amazon SP-API app and IAM user
            application.accessKeyId = "";
            application.secretAccessKey = "";
            application.refresh_token = "";
            application.client_secret = "";
        </cfscript>
    </cffunction>
</cfcomponent>`,
  },
  {
    name: "a ColdFusion component copying the application scope, and one reading that config component: the program's own",
    path: 'components/oauth.cfc',
    text: `<cfcomponent name="oauth">
	<cfscript>
		// The shop's SP-API credentials, for the LWA token at https://api.amazon.com/auth/o2/token
		this.accessKeyId = application.accessKeyId;
		this.secretAccessKey = application.secretAccessKey;
		this.refresh_token = application.refresh_token;
		this.client_secret = application.client_secret;
		app = createObject("component", "config");
		accessKeyId = app.accessKeyId;
		secretAccessKey = app.secretAccessKey;
		refresh_token = app.refresh_token;
		client_secret = app.client_secret;
	</cfscript>
</cfcomponent>`,
  },
  {
    name: "a C++ client library signing with its private implementation's members (m_pimpl->m_AWSAccessKeyId): its caller's keys",
    path: 'lib/BasicClient.cpp',
    text: `// Amazon MWS client
long BasicClient::call(const char* call, paramMap_t& request) {
	request["AWSAccessKeyId"] = m_pimpl->m_AWSAccessKeyId;
	request["Action"] = call;
	request["SellerId"] = m_pimpl->m_Merchant;
	request["SignatureVersion"] = "2";
	return send(sign(request, m_pimpl->m_AWSSecretKey));
}`,
  },
  {
    name: "another platform's generic OAuth client beside Amazon's and Walmart's comments (Instacart): another API",
    path: 'model/config/Customers.kt',
    text: `@Entity
class Customers {
    @Column(name = "user_id")
    var userId: Long? = null

    // Amazon: only the consent code passes through the onboarding form.
    @Transient
    val token: String? = null

    // Instacart: the advertiser's own OAuth client.
    @Transient
    private val refreshToken: String? = null

    @Transient
    private val clientSecret: String? = null

    // Walmart
    @Transient
    private val walmartAdvertiserId: Long? = null
}`,
  },
  {
    name: "a request type of the program's own settings, keyed by no account: one app's configuration",
    path: 'api/settings/updateSettings.ts',
    text: `// What the settings page posts: the Amazon SP-API app of this installation
interface UpdateSettingsRequest {
  refreshToken: string;
  sellingPartnerAppClientSecret: string;
  awsAccessKeyId: string;
  awsSecretAccessKey: string;
}`,
  },
  {
    name: "a multichannel record's generic client secret under another platform's comment (eBay)",
    path: 'internal/domain/aggregate.go',
    text: channelCredentials('OAuth (eBay)'),
  },
  {
    name: "keys destructured from the environment: the program's own app (`const { LWA_CLIENT_SECRET } = process.env`)",
    path: 'backend/modules/auth/authService.js',
    text: `const TOKEN_URL = "https://api.amazon.com/auth/o2/token";
const { LWA_CLIENT_ID, LWA_CLIENT_SECRET, LWA_REFRESH_TOKEN } = process.env;

async function getAccessToken() {
  const form = new URLSearchParams({
    grant_type: "refresh_token",
    refresh_token: LWA_REFRESH_TOKEN,
    client_id: LWA_CLIENT_ID,
    client_secret: LWA_CLIENT_SECRET,
  });
  return axios.post(TOKEN_URL, form);
}`,
  },
  {
    name: "a condition's operand before its block's colon (Python `if access_key and secret_key:`): no field declared",
    path: 'amazon_api/mws.py',
    text: `class MWS(object):
    def __init__(self, access_key, secret_key, account_id, region='US', auth_token=""):
        if access_key and secret_key:
            self.access_key = access_key
            self.secret_key = secret_key
        elif not secret_key:
            raise MWSError("missing secret key")
        self.account_id = account_id
        self.auth_token = auth_token`,
  },
  {
    name: "a library's client given its caller's account (`lib/`, `@account = account`): the caller is judged",
    path: 'lib/amazon_mws_products/client.rb',
    text: `module AmazonMwsProducts
  class Client
    attr_reader :account, :action

    def initialize(account, action)
      @account = account
      @action = action
    end

    private

    def request_parameters(http_verb, additional_params)
      params = default_params.merge(additional_params)
      sign_params(http_verb, account.secret_access_key, params)
    end

    def default_params
      {
        'AWSAccessKeyId' => account.aws_access_key_id,
        'Action' => action,
        'SellerId' => account.seller_id,
        'MarketplaceId' => account.marketplace_id
      }
    end
  end
end`,
  },
  {
    name: "the integrator's own app table beside a per-merchant table with an owner column: each table's own columns",
    path: 'supabase/migrations/20260510112514_global_credentials.sql',
    text: `-- the platform's own app (super admin only)
CREATE TABLE public.amazon_global_credentials (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  lwa_client_id TEXT NOT NULL,
  lwa_client_secret TEXT NOT NULL,
  is_active BOOLEAN NOT NULL DEFAULT true
);

-- per merchant: only the seller's authorisation
CREATE TABLE public.amazon_connections (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  account_id UUID NOT NULL REFERENCES public.accounts(id) ON DELETE CASCADE,
  seller_id TEXT,
  refresh_token TEXT NOT NULL
);
`,
  },
  {
    name: "the installation's one Amazon settings row, read and written by a literal channel key and no owner",
    path: 'src/components/AmazonSettings.tsx',
    text: `export default function AmazonSettings() {
  const [credentials, setCredentials] = useState({ refresh_token: "", client_id: "", client_secret: "", selling_partner_id: "" });
  async function load() {
    const { data } = await supabase.from("channel_settings").select("*").eq("channel", "AMAZON").maybeSingle();
    if (data?.api_credentials) setCredentials({ ...data.api_credentials });
  }
  async function save() {
    await supabase.from("channel_settings").update({ api_credentials: credentials }).eq("channel", "AMAZON");
  }
  return <input value={credentials.client_secret} onChange={(e) => setCredentials({ ...credentials, client_secret: e.target.value })} />;
}`,
  },
  {
    name: "a worker's SP-API credentials read from a section of the program's configuration",
    path: 'em_celery/__init__.py',
    text: `def get_spapi():
    # one [spapi] section per machine
    section = get_config()["spapi"]
    credentials = {
        "refresh_token": section["lwa_refresh_token"],
        "lwa_app_id": section["lwa_client_id"],
        "lwa_client_secret": section["lwa_client_secret"],
    }
    return Spapi(credentials)
`,
  },
  {
    name: 'a Spring service whose keys and seller id the container injects from the configuration (`@Value`)',
    path: 'src/main/java/com/shop/MwsOrderService.java',
    text: `@Service
public class MwsOrderService {
    @Value("\${mws.secret-key}")
    private String mwsSecretAccessKey;

    @Value("\${mws.seller-id}")
    private String mwsMerchantId;

    @Value("\${mws.access-key}")
    private String mwsAccessKey;
}
`,
  },
  {
    name: "one literal seller's keys and MWS Auth Token written out in two handlers (one account, not several)",
    path: 'api/api.go',
    text: `func (api *API) syncOrders(w http.ResponseWriter, r *http.Request) {
	mws := services.NewClient(client)
	mws.AwsCreds = services.AwsCreds{
		AccessId:      "AKIAETLVVQOGBYFKEKUW",
		AccessKey:     "7Qy1+ZLmxrjeaFRXLZde7kq/hmdL0qIR3fAHwIGC",
		MerchantId:    "ARG1Y44FTURSYS",
		MWSAuthToken:  "amzn.mws.ecfe5e05-85bb-4373-a964-751102f50e46",
	}
}

func (api *API) syncStock(w http.ResponseWriter, r *http.Request) {
	creds := services.AwsCreds{
		AccessId:      "AKIAETLVVQOGBYFKEKUW",
		AccessKey:     "7Qy1+ZLmxrjeaFRXLZde7kq/hmdL0qIR3fAHwIGC",
		MerchantId:    "ARG1Y44FTURSYS",
		MWSAuthToken:  "amzn.mws.ecfe5e05-85bb-4373-a964-751102f50e46",
	}
}
`,
  },
  {
    name: "an account table keeping each account's AWS keys for Amazon SES (another AWS service)",
    path: 'db/migrate/20151015224826_create_accounts.rb',
    text: `class CreateAccounts < ActiveRecord::Migration
  def change
    create_table :accounts do |t|
      t.string :name, null: false
      t.string :email, null: false
      # Amazon SES sending keys
      t.string :aws_access_key_id
      t.string :aws_secret_access_key
      t.string :aws_region
      t.belongs_to :plan, null: false
    end
  end
end
`,
  },
  {
    name: "the site's one SP-API settings row seeded into its own table, beside another table's user_id",
    path: 'supabase/migrations/20251222_amazon_settings.sql',
    text: `-- The site's Amazon SP-API settings: one row, admins only.
CREATE TABLE public.amazon_settings (
    id UUID NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
    client_id TEXT NOT NULL,
    client_secret TEXT NOT NULL,
    refresh_token TEXT NOT NULL,
    marketplace TEXT NOT NULL DEFAULT 'NA'
);

CREATE TABLE public.listings (
    id UUID NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
    user_id UUID NOT NULL,
    asin TEXT
);

INSERT INTO public.amazon_settings (client_id, client_secret, refresh_token, marketplace)
VALUES ('YOUR_CLIENT_ID', 'YOUR_CLIENT_SECRET', 'YOUR_REFRESH_TOKEN', 'NA');
`,
  },
  {
    name: "an LWA token request from the program's config, beside another function's row of the same local name",
    path: 'src/lib/amazon.ts',
    text: `// Amazon SP-API access tokens for connected stores (our one LWA app).
export async function storeName(storeId: string) {
  const config = await prisma.storeConfig.findUnique({ where: { storeId } });
  return config?.displayName;
}

export async function accessToken(store: Store) {
  const config = loadConfig();
  const body = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: store.refreshToken,
    client_id: config.lwaClientId, client_secret: config.lwaClientSecret });
  return post('https://api.amazon.com/auth/o2/token', body);
}
`,
  },
  {
    name: "an Amazon account table holding the shop system's OAuth 1.0a integration (consumer key and secret, access token and its secret) beside the seller id",
    path: 'Setup/InstallSchema.php',
    text: `<?php
class InstallSchema implements InstallSchemaInterface
{
    private function accountTable($connection, $setup)
    {
        return $connection->newTable($setup->getTable('channel_amazon_account'))
            ->addColumn('seller_id', Table::TYPE_TEXT, 255, ['nullable' => false], 'Amazon Seller Id')
            ->addColumn('consumer_key', Table::TYPE_TEXT, 255, ['nullable' => false], 'Consumer Key')
            ->addColumn('consumer_secret', Table::TYPE_TEXT, 255, ['nullable' => false], 'Consumer Secret')
            ->addColumn('access_token', Table::TYPE_TEXT, 255, ['nullable' => false], 'Access Token')
            ->addColumn('access_secret', Table::TYPE_TEXT, 255, ['nullable' => false], 'Access Secret');
    }
}
`,
  },
  {
    name: 'Rails strong parameters permitting only the seller id and MWS Auth Token, the keys from the environment (type B)',
    path: 'app/controllers/accounts_controller.rb',
    text: `# Amazon MWS: sellers authorise our developer account
class AccountsController < ApplicationController
  def create
    account = current_user.accounts.create(account_params)
    MWS.orders(merchant_id: account.seller_id, auth_token: account.mws_auth_token,
               aws_access_key_id: ENV['MWS_ACCESS_KEY_ID'], aws_secret_access_key: ENV['MWS_SECRET_KEY'])
  end

  private

  def account_params
    params.require(:account).permit(:seller_id, :mws_auth_token, :marketplace_id)
  end
end
`,
  },
  {
    name: 'a list of symbols held in a local that a permit call names only as a symbol of the same name',
    path: 'app/controllers/accounts_controller.rb',
    text: `# Amazon MWS: sellers authorise our developer account
class AccountsController < ApplicationController
  REQUIRED_KEYS = [:aws_access_key_id, :secret_key]

  private

  def account_params
    required = [:aws_access_key_id, :secret_key]
    params.require(:account).permit(:merchant_id, :required)
  end
end
`,
  },
  {
    name: "a company's storage keys (DigitalOcean Spaces, S3) written beside its Amazon settings: another service's",
    path: 'Http/Controllers/Settings.php',
    text: `<?php
// Amazon sync settings of each company
class Settings extends Controller
{
    public function update(Request $request)
    {
        $settings = Setting::where('company_id', $request->get('company_id'))->first() ?: new Setting;
        // product images go to DigitalOcean Spaces
        $settings->do_access_key = $request->get('do_access_key');
        $settings->do_secret_key = $request->get('do_secret_key');
        $settings->s3_secret_key = $request->get('s3_secret_key');
        $settings->save();
    }
}
`,
  },
  {
    name: "Product Advertising API keys beside an associate tag per marketplace, no seller id: an affiliate's",
    path: 'Http/Controllers/Settings.php',
    text: `<?php
// Amazon settings of each company
class Settings extends Controller
{
    public function updatePaApiSettings(Request $request)
    {
        $settings = PaApiSetting::where('company_id', $request->get('company_id'))->first() ?: new PaApiSetting;
        $settings->api_key = $request->get('api_key');
        $settings->api_secret_key = $request->get('api_secret_key');
        $settings->associate_tag_uk = $request->get('associate_tag_uk');
        $settings->save();
    }
}
`,
  },
  {
    name: "developer keys read from the one row of a settings model (AppSettings.load()), the seller's id and token from the user (type B)",
    path: 'main/amazon_apis.py',
    text: `from .mws import mws
from .models import AppSettings

settings_row = AppSettings.load()


def get_api(user):
    # developer keys from the settings_row settings; the seller's id and MWS auth token from the user
    return mws.Products(
        access_key=settings_row.aws_access_key,
        secret_key=settings_row.aws_secret_key,
        account_id=user.seller_id,
        auth_token=user.mws_auth_token,
    )
`,
  },
  {
    name: "a WordPress settings page's sanitize callback and test-connection script reading the site's own LWA app",
    path: 'includes/admin/class-settings.php',
    text: `<?php
// Amazon SP-API (Multi-Channel Fulfillment) settings of this shop
class Amazon_MCF_Settings {
    public function register() {
        register_setting('amazon_mcf', 'amazon_mcf_settings', [$this, 'sanitize']);
    }

    public function sanitize(array $input): array {
        return [
            'lwa_client_id' => sanitize_text_field($input['lwa_client_id'] ?? ''),
            'lwa_client_secret' => sanitize_text_field($input['lwa_client_secret'] ?? ''),
            'refresh_token' => sanitize_text_field($input['refresh_token'] ?? ''),
        ];
    }

    public function page() {
        ?>
        <form action="options.php" method="post"><?php settings_fields('amazon_mcf'); ?></form>
        <script>
        jQuery('#test').on('click', function () {
            jQuery.post(ajaxurl, { settings: {
                lwa_client_secret: jQuery('#lwa_client_secret').val(),
                refresh_token: jQuery('#refresh_token').val()
            } });
        });
        </script>
        <?php
    }
}
`,
  },
  {
    name: 'an SP-API configuration built from the one row of a settings model the object loaded ($this->settings = AppSetting::first())',
    path: 'Http/Controllers/Amazon/SpApi.php',
    text: `<?php
// amazon sp-api
class SpApi {
  public function __construct() {
    $this->settings = AppSetting::first();
    $this->config = new Configuration([
      "lwaClientId" => $this->settings->client_id,
      "lwaClientSecret" => $this->settings->client_secret,
      "lwaRefreshToken" => $this->settings->eu_token,
    ]);
  }
}
`,
  },
  {
    name: "an LWA code exchange with the client secret of the app's own settings row",
    path: 'supabase/functions/amazon-callback/index.ts',
    text: `const { data: rows } = await supabase.from("app_settings").select("id, configuracoes").limit(1);
const config = rows[0].configuracoes as Record<string, string>;
const res = await fetch("https://api.amazon.com/auth/o2/token", {
  method: "POST",
  body: new URLSearchParams({
    grant_type: "authorization_code",
    code,
    client_id: config.amz_client_id,
    client_secret: config.amz_client_secret,
  }),
});
`,
  },
  {
    name: 'a settings page writing the submitted keys into the one row of the settings model (Laravel)',
    path: 'app/Http/Controllers/SettingsController.php',
    text: `<?php
// Amazon MWS settings
class SettingsController extends Controller {
  public function update(Request $request) {
    $setting = Setting::first();
    $setting->update([
      'seller_id' => $request->input('seller_id'),
      'mws_access_key' => $request->input('mws_access_key'),
      'mws_secret_key' => $request->input('mws_secret_key'),
    ]);
    return back();
  }
}
`,
  },
  {
    name: 'a settings page setting the submitted keys on the one settings row, then saving it (Laravel)',
    path: 'app/Http/Controllers/SettingsController.php',
    text: `<?php
// Amazon MWS settings
class SettingsController extends Controller {
  public function update(Request $request) {
    $setting = Setting::first();
    $setting->seller_id = $request->seller_id;
    $setting->mws_access_key = $request->mws_access_key;
    $setting->mws_secret_key = $request->mws_secret_key;
    $setting->save();
    return back();
  }
}
`,
  },
  {
    name: 'a settings page updating the one settings row with strong parameters (Rails)',
    path: 'app/controllers/settings_controller.rb',
    text: `# Amazon MWS settings of this shop
class SettingsController < ApplicationController
  def update
    Setting.instance.update(setting_params)
    redirect_to settings_path
  end

  private

  def setting_params
    params.require(:setting).permit(:seller_id, :aws_access_key_id, :secret_key)
  end
end
`,
  },
  {
    name: 'a settings page updating the one settings row with submitted keys (Rails)',
    path: 'app/controllers/settings_controller.rb',
    text: `# Amazon MWS settings of this shop
class SettingsController < ApplicationController
  def update
    setting = Setting.instance
    setting.update(seller_id: params[:seller_id], aws_access_key_id: params[:aws_access_key_id], secret_key: params[:secret_key])
    redirect_to settings_path
  end
end
`,
  },
  {
    name: 'a multichannel connection form whose LWA-looking client secret is in the MercadoLivre branch (the Amazon branch asks for a refresh token only)',
    path: 'src/components/admin/AddApiDialog.tsx',
    text: connectionForm({
      mercadoLivre: ['clientId', 'clientSecret', 'sellerId'],
      amazon: ['refreshToken', 'sellerId'],
      shopify: false,
    }),
  },
  {
    name: "one shop's settings per selling platform, the Amazon branch chosen by the platform row's own code",
    path: 'app/Http/Controllers/Admin/SellingPlatformController.php',
    text: `<?php
// Amazon, Flipkart and Meesho settings of this shop: one row per selling platform
class SellingPlatformController extends Controller {
    public function update(Request $request, SellingPlatform $platform) {
        $settings = $platform->settings ?? [];
        if ($platform->code === 'amazon') {
            $settings = array_merge($settings, [
                'seller_id' => $request->input('seller_id'),
                'client_secret' => $request->input('client_secret'),
                'refresh_token' => $request->input('refresh_token'),
            ]);
        } elseif ($platform->code === 'flipkart') {
            $settings = array_merge($settings, [
                'seller_id' => $request->input('seller_id'),
                'api_secret' => $request->input('api_secret'),
            ]);
        }
        $platform->update(['settings' => $settings]);
    }
}
`,
  },
  {
    name: "an MWS request for the seller id CakePHP's Configure::read gives (one fixed seller)",
    path: 'Model/ListOrder.php',
    text: `<?php
class ListOrder extends Order {
  public function __construct() {
    $this->request = new MarketplaceWebServiceOrders_Model_ListOrdersRequest();
    $this->request->setSellerId(Configure::read('Shop.MWS.SELLER_ID'));
    $this->request->setMarketplaceId('ATVPDKIKX0DER');
  }
}
`,
  },
  {
    name: "an MWS request for the seller id CodeIgniter's config gives (one fixed seller)",
    path: 'application/models/Orders_model.php',
    text: `<?php
class Orders_model extends CI_Model {
  public function list_orders() {
    $request = new MarketplaceWebServiceOrders_Model_ListOrdersRequest();
    $request->setSellerId($this->config->item('mws_seller_id'));
    return $this->service->listOrders($request);
  }
}
`,
  },
  {
    name: "an LWA app read from the one credentials row picked by a literal platform (MarketplaceCredential::where('platform', 'amazon'))",
    path: 'app/Services/SpApi.php',
    text: `<?php
class AmazonClientFactory {
    public function make() {
        $cred = MarketplaceCredential::where('platform', 'amazon')->first();
        return new SellingPartnerApi([
            'lwaClientId' => $cred->client_id,
            'lwaClientSecret' => $cred->client_secret,
            'lwaRefreshToken' => $cred->refresh_token,
        ]);
    }
}
`,
  },
  {
    name: 'the one sales-channel row picked by its code (SalesChannel.objects.get(code="amazon"))',
    path: 'channels/sp_api.py',
    text: `from sp_api.api import Orders
def client():
    channel = SalesChannel.objects.get(code="amazon")
    creds = channel.credentials
    return Orders(credentials=dict(
        refresh_token=creds["refresh_token"],
        lwa_app_id=creds["lwa_app_id"],
        lwa_client_secret=creds["lwa_client_secret"],
    ))
`,
  },
  {
    name: "a connection form whose branch for every platform but Amazon (p !== 'Amazon') asks for a client secret",
    path: 'src/fields.tsx',
    text: `const fieldsFor = (p: string): FieldSpec[] => {
  if (p !== 'Amazon') {
    return [
      { key: 'clientId', label: 'Client ID', type: 'password' },
      { key: 'clientSecret', label: 'Client Secret', type: 'password' },
      { key: 'sellerId', label: 'Seller ID', type: 'text' },
    ];
  }
  return [
    { key: 'refreshToken', label: 'Refresh Token', type: 'password' },
    { key: 'sellerId', label: 'Seller ID', type: 'text' },
  ];
};
// MercadoLivre, Shopify and AliExpress use the first form
export const save = (user, platform, credentials) =>
  supabase.from('api_connections').insert({ user_id: user.id, marketplace_name: platform, credentials });
`,
  },
  {
    name: 'a settings page updating the one settings row in place (Rails update!)',
    path: 'app/controllers/settings_controller.rb',
    text: `# Amazon MWS settings of this shop
class SettingsController < ApplicationController
  def update
    setting = Setting.first
    setting.update!(seller_id: params[:seller_id], aws_access_key_id: params[:aws_access_key_id], secret_key: params[:secret_key])
    redirect_to settings_path
  end
end
`,
  },
  {
    name: 'a settings page filling then saving the one settings row (AppSetting::find(1), fill)',
    path: 'app/Http/Controllers/SettingsController.php',
    text: `<?php
// Amazon MWS settings
class SettingsController extends Controller {
  public function update(Request $request) {
    $settings = AppSetting::find(1);
    $settings->fill([
      'seller_id' => $request->input('seller_id'),
      'mws_access_key' => $request->input('mws_access_key'),
      'mws_secret_key' => $request->input('mws_secret_key'),
    ]);
    $settings->save();
    return back();
  }
}
`,
  },
  {
    name: "keys read from a member of the program's settings (settings.AMAZON_MWS), one store's merchant id beside them",
    path: 'stores/clients.py',
    text: `from django.conf import settings
import mws

def client_for(store):
    creds = settings.AMAZON_MWS
    return mws.Orders(access_key=creds["access_key"], secret_key=creds["secret_key"], account_id=store.merchant_id)
`,
  },
  {
    name: "an app secret read out of a row of the installation's settings table (app_settings)",
    path: 'src/refresh.ts',
    text: rowTokenRefresh('app_settings', 'row', 'row.configuracoes'),
  },
  {
    name: "the program's app secret from the environment joined to a tenant's refresh token in one object, read back to build the client (type B)",
    path: 'ingest/sp_connection.py',
    text: `import os
from dataclasses import dataclass

@dataclass
class SpConnection:
    region: str
    client_id: str
    client_secret: str
    refresh_token: str

def load_sp_connection(conn, tenant_id):
    row = conn.execute("select region, refresh_token from amazon_connection where tenant_id = %s", (tenant_id,)).fetchone()
    app_id = os.environ.get("SPAPI_CLIENT_ID")
    app_secret = os.environ.get("SPAPI_CLIENT_SECRET")
    return SpConnection(row["region"], app_id, app_secret, row["refresh_token"])

def _default_client(connection: SpConnection) -> SpApiClient:
    creds = SpApiCredentials(connection.client_id, connection.client_secret, connection.refresh_token)
    return SpApiClient(creds, region=connection.region)
`,
  },
  {
    name: "keys read from a blob of the developer's own account, beside a store's merchant id and token",
    path: 'sync/clients.py',
    text: `# Amazon MWS orders sync
import mws

def client_for(store, developer_account):
    creds = developer_account.keys
    return mws.Orders(access_key=creds["access_key"], secret_key=creds["secret_key"], account_id=store.merchant_id, auth_token=store.mws_auth_token)
`,
  },
  {
    name: 'an app secret read out of the one row of an owner-named settings table picked by no owner (.limit(1))',
    path: 'src/refresh.ts',
    text: `// Amazon SP-API: the ERP's one company connects its Amazon seller account.
export async function refresh(state: string) {
  const { data: rows } = await supabase.from("account_config").select("*").limit(1);
  const cfg = rows[0];
  return fetch("https://api.amazon.com/auth/o2/token", { method: "POST", body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: cfg.refresh_token, client_id: cfg.amz_client_id, client_secret: cfg.amz_client_secret }) });
}
`,
  },
  {
    name: "a FastAPI update schema of the program's own settings (SettingsUpdate) on a single-tenant admin page",
    path: 'app/admin.py',
    text: `# Amazon SP-API dashboard for our one seller account (single tenant): admin updates the stored settings
from pydantic import BaseModel

class SettingsUpdate(BaseModel):
    seller_id: str
    lwa_client_id: str
    lwa_client_secret: str
    refresh_token: str

@router.put("/admin/settings")
def update_settings(body: SettingsUpdate, db=Depends(get_db)):
    row = db.query(AppSettings).get(1)
    for k, v in body.dict().items():
        setattr(row, k, v)
    db.commit()
`,
  },
  {
    name: "a settings form declared as data with no seller id entry (one shop's own keys)",
    path: 'src/forms/settingsFields.js',
    text: `// The one shop's own settings: no seller is ever asked for its keys.
export const settingsFields = [
  { name: 'awsAccessKeyId', label: 'AWS Access Key ID' },
  { name: 'awsSecretAccessKey', label: 'AWS Secret Access Key', type: 'password' },
  { name: 'region', label: 'Region' },
];`,
  },
  {
    name: "a config-named value class in a library's Models folder: developer keys, the client's seller id and token",
    path: 'src/MwsAccess/Models/MwsCredentials.cs',
    text: `namespace MwsAccess.Models
{
    public sealed class MwsCredentials
    {
        public string AccessKeyId { get; private set; }
        public string SecretAccessKey { get; private set; }
        public string SellerId { get; private set; }
        public string MwsAuthToken { get; private set; }
    }
}`,
  },
  {
    name: "a loop over regions: the developer's keys per region, the store's token",
    path: 'Services/Orders.cs',
    text: `public string DownloadAll(Dictionary<string, RegionKeys> regions, Store store)
{
    foreach (var region in regions.Values)
    {
        string secretKey = region.Secret_Key;
        string accessKey = region.AWS_Access_Key_ID;
        string authToken = store.auth_token;
        var client = new MarketplaceWebServiceOrdersClient(accessKey, secretKey, "app", "1.0", config);
    }
    return "S";
}`,
  },
  {
    name: "the seller id from the account row, the keys from another object (the app's credentials), with a token",
    path: 'app/models/product.rb',
    text: `class Product < ApplicationRecord
  def sync(user)
    acct = Account.find_by(user: user)
    sid = acct.seller_id
    skey = creds.secret_key
    akey = creds.aws_key
    client = MWS.orders(merchant_id: sid, aws_access_key_id: akey, aws_secret_access_key: skey, auth_token: acct.mws_auth_token)
    client.list_orders(created_after: 1.day.ago).parse
  end
end`,
  },
  {
    name: "a Postman collection's variables ({ key, value, type }) are no form",
    path: 'postman/MWS.postman_collection.json',
    text: `{
  "info": { "name": "MWS Orders" },
  "variable": [
    { "key": "sellerId", "value": "", "type": "string" },
    { "key": "accessKeyId", "value": "", "type": "string" },
    { "key": "secretKey", "value": "", "type": "secret" },
    { "key": "mwsAuthToken", "value": "", "type": "string" }
  ]
}`,
  },
  {
    name: "a Ruby client library's keyword parameters (def initialize(aws_access_key_id:, \u2026, auth_token: nil)) are parameters, not a record",
    path: 'lib/mws/client.rb',
    text: `module MWS
  class Client
    def initialize(aws_access_key_id:, aws_secret_access_key:, merchant_id:, auth_token: nil)
      @aws_access_key_id = aws_access_key_id
      @aws_secret_access_key = aws_secret_access_key
      @merchant_id = merchant_id
      @auth_token = auth_token
    end
  end
end`,
  },
  {
    name: "python-amazon-mws: the app's own keys, the profile's account id and MWS auth token",
    path: 'app/orders.py',
    text: `import mws

def fetch_orders(profile):
    orders_api = mws.Orders(access_key=ACCESS_KEY, secret_key=SECRET_KEY, account_id=profile.account_id, region="US", auth_token=profile.mws_auth_token)
    return orders_api.list_orders(marketplaceids=["ATVPDKIKX0DER"], created_after="2020-01-01")`,
  },
  {
    name: "a WordPress settings page posting the shop's own keys from its inputs (no seller id)",
    path: 'assets/js/settings.js',
    text: `jQuery(function ($) {
  $('#save-settings').on('click', function () {
    $.post(ajaxurl, {
      action: 'wpla_save_settings',
      aws_access_key: $('#aws_access_key').val(),
      aws_secret_key: $('#aws_secret_key').val(),
    });
  });
});`,
  },
  {
    name: "the installation's own keys from its config, the customer's merchant id and token looked up per customer",
    path: 'application/models/Amazon_model.php',
    text: `<?php
class Amazon_model extends CI_Model
{
    public function connection($customerId)
    {
        $params['MERCHANT_ID'] = $this->Settings_model->get('MERCHANT_ID', $customerId);
        $params['AWS_ACCESS_KEY_ID'] = $this->config->item('aws_access_key_id');
        $params['AWS_SECRET_ACCESS_KEY'] = $this->config->item('aws_secret_access_key');
        $params['MWSAuthToken'] = $this->Settings_model->get('MWS_AUTH_TOKEN', $customerId);
        return $params;
    }
}`,
  },
  {
    name: 'Go: the token set on the same parameters in a block of its own (if c.AuthToken != "" {\u2026})',
    path: 'mws/sign.go',
    text: `func (c *Config) sign(params map[string]string) string {
	params["AWSAccessKeyId"] = c.AccessKey
	params["SellerId"] = c.SellerID
	if c.AuthToken != "" { params["MWSAuthToken"] = c.AuthToken }
	return hmacSign(params, c.SecretKey)
}`,
  },
  {
    name: 'Python: the token set on the same parameters under an if',
    path: 'mws/sign.py',
    text: `def sign(c, params):
    params["AWSAccessKeyId"] = c.access_key
    params["SellerId"] = c.seller_id
    if c.auth_token:
        params["MWSAuthToken"] = c.auth_token
    return params`,
  },
  {
    name: 'a config-named Java record of a client (keys, seller id and token)',
    path: 'src/main/java/com/example/mws/MwsClientConfig.java',
    text: `package com.example.mws;

public record MwsClientConfig(String sellerId, String accessKey, String secretKey, String mwsAuthToken) {}`,
  },
  {
    name: "npm amazon-mws: the factory fed the app's own config, the seller's id and token per call",
    path: 'controllers/order.js',
    text: `const config = require('../config');

exports.getOrders = (req, res) => {
  const mws = require('amazon-mws')(config.mws.accessKey, config.mws.secretKey);
  mws.orders.search({ Version: '2013-09-01', Action: 'ListOrders', SellerId: req.user.sellerId, MWSAuthToken: req.user.mwsAuthToken }, (e, r) => res.json(r));
};`,
  },
  {
    name: "a factory method's parameters (no web action): a caller's keys",
    path: 'src/main/java/com/example/mws/MwsClientFactory.java',
    text: `public class MwsClientFactory {
    public MarketplaceWebServiceOrders create(String sellerId, String accessKey, String secretKey) {
        MarketplaceWebServiceOrdersConfig config = new MarketplaceWebServiceOrdersConfig();
        return new MarketplaceWebServiceOrdersClient(accessKey, secretKey, "app", "1.0", config);
    }
}`,
  },
  {
    name: "SP-API keys read from the deployment's own secrets (fetched for no owner)",
    path: 'src/utils/credentials.js',
    text: `async function amazonCredentials() {
  const creds = await loadDeploymentSecrets('amazon');
  return {
    accessKeyId: creds.accessKeyId,
    secretAccessKey: creds.secretAccessKey,
    sellerId: creds.sellerId,
    refreshToken: creds.refreshToken,
  };
}`,
  },
  {
    name: "a settings page's FormData with the shop's own keys and no seller id",
    path: 'public/js/settings.js',
    text: `function saveSettings(accessKeyId, secretKey) {
  const formData = new FormData();
  formData.append('action', 'save_amazon_settings');
  formData.append('aws_access_key_id', accessKeyId);
  formData.append('aws_secret_key', secretKey);
  return fetch(ajaxurl, { method: 'POST', body: formData });
}`,
  },
  {
    name: "a client library's options class with the same fields",
    path: 'src/main/java/com/example/mws/client/MwsClientOptions.java',
    text: `package com.example.mws.client;

public class MwsClientOptions {
    private String sellerId;
    private String mwsAuthToken;
    private String secretKey;
    private String accessKeyId;
}`,
  },
  {
    name: 'a list of columns with keys but no seller id',
    path: 'tools/report.py',
    text: `# The report's columns: which of the app's settings were checked.
columns = ["region", "aws_access_key_id", "aws_secret_access_key", "checked_at"]`,
  },
  {
    name: "a shop's own settings per marketplace platform, shown from the platform's settings (getSetting)",
    path: 'resources/views/admin/platforms/edit.blade.php',
    text: `<form method="POST" action="{{ route('admin.platforms.update', $platform) }}">
    @csrf
    <input type="text" name="seller_id" value="{{ old('seller_id', $platform->getSetting('seller_id')) }}">
    <input type="text" name="client_id" value="{{ old('client_id', $platform->getSetting('client_id')) }}">
    <input type="password" name="client_secret" value="{{ old('client_secret', $platform->getSetting('client_secret')) }}">
    <input type="password" name="refresh_token" value="{{ old('refresh_token', $platform->getSetting('refresh_token')) }}">
</form>`,
  },
  {
    name: "Rails: the developer's keys from the encrypted credentials (credentials.dig(:mws, :secret_access_key)), the shop's token",
    path: 'app/models/shop.rb',
    text: `class Shop < ApplicationRecord
  def mws_client
    MWS.orders(
      marketplace: marketplace_id,
      merchant_id: merchant_id,
      auth_token: mws_auth_token,
      aws_access_key_id: Rails.application.credentials.dig(:mws, :access_key_id),
      aws_secret_access_key: Rails.application.credentials.dig(:mws, :secret_access_key)
    )
  end
end`,
  },
  {
    name: "the developer's keys from the environment two levels inside a record with a seller id",
    path: 'models/appConfig.js',
    text: `const AppConfigSchema = new Schema({
  SellerId: { type: String, required: true },
  developer: { keys: { accessKey: process.env.MWS_ACCESS_KEY, secretKey: process.env.MWS_SECRET_KEY } },
  MWSAuthToken: { type: String, required: true },
});`,
  },
  {
    name: 'an SP-API bag read from an app fetched by its LWA client id (no owner)',
    path: 'src/sp-api/credentials.js',
    text: `async function spApiCredentials(clientId, refreshToken) {
  const app = await loadLwaApplication(clientId);
  return {
    accessKeyId: app.accessKeyId,
    secretAccessKey: app.secretAccessKey,
    sellerId: app.sellerId,
    refreshToken,
  };
}`,
  },
  {
    name: 'a skey column with no access key beside it (a sort key) is no secret',
    path: 'db/migrate/20171006000000_create_reports.rb',
    text: `class CreateReports < ActiveRecord::Migration[5.0]
  def change
    create_table :reports do |t|
      t.string :seller_id
      t.string :skey
      t.string :pkey
      t.timestamps
    end
  end
end`,
  },
  {
    name: "a zod schema validating the environment (SCREAMING_CASE names): the program's own app",
    path: 'src/lib/env.ts',
    text: `import { z } from 'zod';

const envSchema = z.object({
  SP_API_SELLER_ID: z.string().min(1),
  SP_API_CLIENT_ID: z.string().min(1),
  SP_API_CLIENT_SECRET: z.string().min(1),
  SP_API_REFRESH_TOKEN: z.string().min(1),
});

export const env = envSchema.parse(process.env);`,
  },
  {
    name: 'a test (tests/Unit/StoreTest.php) builds the store row it exercises: no type-A structure',
    path: 'tests/Unit/StoreTest.php',
    text: `<?php
class StoreTest extends TestCase
{
    public function test_it_builds_the_parameter_array()
    {
        $store = Store::factory()->create();
        $expected = [
            'client_id' => $store->client_id,
            'client_secret' => $store->client_secret,
            'refresh_token' => $store->refresh_token,
            'seller_id' => $store->seller_id,
        ];
        $this->assertEquals($expected, $store->lwaParameters());
    }
}`,
  },
  {
    name: "Amazon Pay (Login and Pay with Amazon): a shop's payment account keys are another API's",
    path: 'admin/controller/payment/amazon_login_pay.php',
    text: `<?php
// Login and Pay with Amazon: the shop's payment account
class ControllerPaymentAmazonLoginPay extends Controller
{
    public function index()
    {
        $data['amazon_login_pay_merchant_id'] = $this->request->post['amazon_login_pay_merchant_id'];
        $data['amazon_login_pay_access_key'] = $this->request->post['amazon_login_pay_access_key'];
        $data['amazon_login_pay_access_secret'] = $this->request->post['amazon_login_pay_access_secret'];
    }
}`,
  },
  {
    name: "a Drupal settings form with the site's own secret and no seller id",
    path: 'src/Form/SettingsForm.php',
    text: `<?php
class SettingsForm extends ConfigFormBase
{
    public function buildForm(array $form, FormStateInterface $form_state)
    {
        $form['secret_key'] = [
            '#type' => 'password',
            '#title' => $this->t('Secret key'),
        ];
        $form['region'] = [
            '#type' => 'select',
            '#title' => $this->t('Region'),
        ];
        return parent::buildForm($form, $form_state);
    }
}`,
  },
  {
    name: "Odoo fields declared store=False hold the assumed role's short-lived keys in memory, not the seller's",
    path: 'models/amazon_account.py',
    text: `class AmazonAccount(models.Model):
    _name = "amazon.account"

    seller_key = fields.Char(string="Merchant ID", required=True)
    auth_token = fields.Char(required=False)
    refresh_token = fields.Char(string="LWA Refresh Token")
    # Short-lived credentials of the assumed role, kept in memory only.
    aws_access_key = fields.Char(string="AWS Access Key", store=False)
    aws_secret_key = fields.Char(string="AWS Secret Key", store=False)`,
  },
  {
    name: "Kotlin: the app's client secret read by a property getter from the environment (get() = System.getenv(\u2026))",
    path: 'src/main/kotlin/AmazonAuthService.kt',
    text: `class AmazonAuthService(private val http: HttpClient) {
    private val clientId: String
        get() = System.getenv("AMAZON_CLIENT_ID") ?: error("AMAZON_CLIENT_ID")

    private val clientSecret: String
        get() = System.getenv("AMAZON_CLIENT_SECRET") ?: error("AMAZON_CLIENT_SECRET")

    suspend fun exchange(store: Store) = http.post("https://api.amazon.com/auth/o2/token") {
        setBody(mapOf("refresh_token" to store.refreshToken, "client_id" to clientId, "client_secret" to clientSecret, "selling_partner_id" to store.sellerId))
    }
}`,
  },
  {
    name: "ThinkPHP: the posted merchant id and token, the developer's keys from the config",
    path: 'application/index/controller/AmazonAccount.php',
    text: `<?php
class AmazonAccount extends Base
{
    public function saveToken(Request $request, $id)
    {
        $params = $request->param();
        $data['merchant_id'] = trim($params['merchant_id']);
        $data['auth_token'] = trim($params['auth_token']);
        $data['access_key_id'] = config('amazon.access_key_id');
        $data['secret_key'] = config('amazon.secret_key');
        Db::name('amazon_account')->where('id', $id)->update($data);
    }
}`,
  },
];

/** A value-kind case of issue 12 §4: the findings (kind, line, severity) it must give. */
export interface ValueShape {
  readonly name: string;
  readonly path: string;
  readonly text: string;
  readonly findings: readonly (readonly [kind: string, line: number, severity: 'error' | 'warning'])[];
}

const SK = 'Kq7Zr1nV0bXwP3yH8sL5tA2mD9fG4jC6eU/oI+Rw';
const HEX64 = '7d1e9c3a5b7f0e2d4c6a8b0f1e3d5c7a9b2e4f6d8c0a1b3e5f7d9c2a4b6e8f0d';
const LWA_ID = 'amzn1.application-oa2-client.4c1f0e2d3b5a69788796a5b4c3d2e1f0';
const AK = 'AKIA2OGYBAH6Q7KD4XZM';
const ATZA =
  'Atza|IwEBIKq3Vn8Zr2x_7hQmT5c-LpW4YdN1aFg6sJ0uK9eRbO3iXzC8vHlM2nA5tEo7wGyD4fPqU6jS1kB9rT5aB9cD3eF7gH1iJ2kL4mN6oP8qR0s';

export const VALUE_SHAPES: readonly ValueShape[] = [
  {
    name: 'a placeholder refresh token that says it is a dummy for testing',
    path: 'backend/add_admin_amazon.js',
    text: "await users.doc(id).update({ amazon_refresh_token: 'Atzr|IwEBIDummy_Admin_Refresh_Token_For_Testing' });\n",
    findings: [],
  },
  {
    name: 'a refresh token beside a word that only marks a placeholder elsewhere in its line',
    path: 'backend/seed.js',
    text: "// dummy admin, for testing\nconst token = 'Atzr|IwEBIKq3Vn8Zr2x_7hQmT5c-LpW4YdN1aFg6sJ0uK9eRbO3iXzC8vHlM2nA5tEo7wGyD4fPqU6jS1kB9';\n",
    findings: [['lwa-refresh-token', 2, 'error']],
  },
  {
    name: 'a bare 64-hex LWA secret under an LWA-named key',
    path: 'deploy/sp-api.env',
    text: `LWA_APP_ID=${LWA_ID}\nLWA_APP_SECRET=${HEX64}\n`,
    findings: [['lwa-client-secret', 2, 'error']],
  },
  {
    name: 'a bare 64-hex LWA secret passed right after its client id',
    path: 'jobs/orders.py',
    text: `api = SellingPartnerClient('${LWA_ID}', '${HEX64}', refresh_token)\n`,
    findings: [['lwa-client-secret', 1, 'error']],
  },
  {
    name: 'a bare 64-hex LWA secret in a builder step',
    path: 'src/main/java/com/acme/SpApi.java',
    text: `LwaCredentials c = LwaCredentials.builder()\n    .clientId("${LWA_ID}")\n    .clientSecret("${HEX64}")\n    .build();\n`,
    findings: [['lwa-client-secret', 3, 'error']],
  },
  {
    name: 'a bare 64-hex LWA secret in an object named for LWA',
    path: 'config/app.yml',
    text: `lwa:\n  client_id: \${LWA_CLIENT_ID}\n  client_secret: ${HEX64}\n`,
    findings: [['lwa-client-secret', 3, 'error']],
  },
  {
    name: 'a secret key entered under the access-key name, beside the key id entered under the secret name',
    path: 'tests/SellingPartnerClientTest.cs',
    text: 'var config = new Config() {\n    AccessKey = "Kq7Zr1nV0bXwP3yH8sL5tA2mD9fG4jC6eU/oI+Rw",\n    SecretKey = "AKIA2OGYBAH6Q7KD4XZM",\n};\n',
    findings: [
      ['secret-key', 2, 'error'],
      ['access-key-id', 3, 'error'],
    ],
  },
  {
    name: 'a bare 64-hex client secret in a file that calls the LWA token endpoint',
    path: 'src/amazon/token.ts',
    text: `const TOKEN_URL = 'https://api.amazon.com/auth/o2/token';\nconst clientId = process.env.CLIENT_ID;\nconst clientSecret = '${HEX64}';\n`,
    findings: [['lwa-client-secret', 3, 'error']],
  },
  {
    name: 'a bare 64-hex client secret beside a refresh token literal',
    path: 'scripts/orders.py',
    text: `refresh_token = 'Atzr|IwEBIKq3Vn8Zr2x_7hQmT5c-LpW4YdN1aFg6sJ0uK9eRbO3iXzC8vHlM2nA5tEo7wGyD4fPqU6jS1kB9'\nclient_secret = '${HEX64}'\n`,
    findings: [
      ['lwa-refresh-token', 1, 'error'],
      ['lwa-client-secret', 2, 'error'],
    ],
  },
  {
    name: 'a bare 64-hex client secret of another OAuth app, beside an SP-API word only in prose',
    path: 'src/github/oauth.ts',
    text: `// unlike the selling partner API, GitHub apps keep one secret\nconst clientSecret = '${HEX64}';\n`,
    findings: [],
  },
  {
    name: 'a sha256 digest beside an LWA client id is not its secret',
    path: 'scripts/verify.py',
    text: `CLIENT_ID = '${LWA_ID}'\nmanifest_sha256 = '${HEX64}'\nchecksum = '${HEX64}'\n`,
    findings: [],
  },
  {
    name: "another OAuth app's 64-hex client secret",
    path: 'config/oauth.yml',
    text: `github:\n  client_id: Iv1.8a61f9b3a7aba766\n  client_secret: ${HEX64}\n`,
    findings: [],
  },
  {
    name: 'a secret passed after an access key read from the environment',
    path: 'src/mws.js',
    text: `const amazonMws = new AmazonMws(process.env.MWS_ACCESS_KEY_ID, '${SK}');\n`,
    findings: [['secret-key', 1, 'error']],
  },
  {
    name: 'the amazon-mws factory with the key id from the environment',
    path: 'src/orders.js',
    text: `const amazonMws = require('amazon-mws')(process.env.MWS_KEY, '${SK}');\n`,
    findings: [['secret-key', 1, 'error']],
  },
  {
    name: 'a one-line object with the key id from the environment',
    path: 'src/client.js',
    text: `const client = new Client({ accessKeyId: process.env.MWS_ACCESS_KEY_ID, secretKey: '${SK}' });\n`,
    findings: [['secret-key', 1, 'error']],
  },
  {
    name: 'a one-line object, awsAccessKeyId / secretAccessKey',
    path: 'src/config.js',
    text: `module.exports = { awsAccessKeyId: process.env.AWS_KEY_ID, secretAccessKey: '${SK}' };\n`,
    findings: [['secret-key', 1, 'error']],
  },
  {
    name: 'an LWA access token is its own kind, a warning',
    path: 'docs/sp-api.md',
    text: `Call with the header \`x-amz-access-token: ${ATZA}\`.\n`,
    findings: [['lwa-access-token', 1, 'warning']],
  },
  {
    name: 'a SigV4 presigned URL names its key id: a warning',
    path: 'docs/reports.md',
    text: `curl "https://reports.s3.amazonaws.com/r.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${AK}%2F20240301%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Expires=300&X-Amz-Signature=0a1b2c"\n`,
    findings: [['access-key-id', 1, 'warning']],
  },
  {
    name: 'a SigV2 presigned URL names its key id: a warning',
    path: 'docs/download.md',
    text: `https://reports.s3.amazonaws.com/r.csv?AWSAccessKeyId=${AK}&Expires=1700000000&Signature=vjbyPxybdZaNmGa%2ByT272YEAiv4%3D\n`,
    findings: [['access-key-id', 1, 'warning']],
  },
];
