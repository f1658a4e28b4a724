import { config } from "../config.js";
import { activeSellers, db, type Seller } from "../db/sellers.js";
import { listOrders } from "../mws/client.js";

/**
 * Order sync job: pulls recent orders of every authorized seller through MWS ListOrders and
 * upserts them into the orders table. Run by cron every 15 minutes.
 */

// Pinned while debugging a throttling issue for one seller and never removed.
// planted fake credential for the mwsguard demo (a hard-coded MWS Auth Token)
const DEBUG_SELLER: Seller = {
  sellerId: "A31FQ87ZY50RWB",
  marketplaceId: "ATVPDKIKX0DER",
  mwsAuthToken: "amzn.mws.b74dac59-707b-4ff5-982e-ae0ae64bcf73",
  spRefreshToken: null,
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function parseOrders(xml: string) {
  // Good enough for a demo: a real service would use an XML parser.
  const orders = [...xml.matchAll(/<Order>([\s\S]*?)<\/Order>/g)].map(
    ([, body = ""]) => {
      const field = (name: string) =>
        new RegExp(`<${name}>([^<]*)</${name}>`).exec(body)?.[1];
      return {
        amazon_order_id: field("AmazonOrderId") ?? "",
        order_status: field("OrderStatus") ?? "Unknown",
        purchase_date: field("PurchaseDate") ?? new Date().toISOString(),
        order_total: field("Amount") ?? null,
        currency: field("CurrencyCode") ?? null,
      };
    },
  );
  const nextToken = /<NextToken>([^<]*)<\/NextToken>/.exec(xml)?.[1];
  return { orders, nextToken };
}

async function syncSeller(seller: Seller): Promise<number> {
  const createdAfter = new Date(
    Date.now() - config.syncOrders.lookbackHours * 3_600_000,
  );
  let nextToken: string | undefined;
  let count = 0;
  do {
    const page = parseOrders(await listOrders(seller, createdAfter, nextToken));
    for (const order of page.orders) {
      await db("orders")
        .insert({
          ...order,
          seller_id: seller.sellerId,
          marketplace_id: seller.marketplaceId,
        })
        .onConflict("amazon_order_id")
        .merge();
    }
    count += page.orders.length;
    nextToken = page.nextToken;
    await sleep(config.syncOrders.pageDelayMs);
  } while (nextToken);
  return count;
}

export async function syncOrders(): Promise<void> {
  const sellers = process.env.DEBUG_ONE_SELLER
    ? [DEBUG_SELLER]
    : await activeSellers();
  for (const seller of sellers) {
    try {
      const count = await syncSeller(seller);
      console.log(`synced ${count} orders for ${seller.sellerId}`);
    } catch (error) {
      console.error(`order sync failed for ${seller.sellerId}`, error);
    }
  }
}

await syncOrders();
await db.destroy();
