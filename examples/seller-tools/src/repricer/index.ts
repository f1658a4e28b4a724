import SellingPartner from "amazon-sp-api";
import { config } from "../config.js";
import { db, sellersWithSpApi, type Seller } from "../db/sellers.js";

/**
 * Repricer: for every enabled rule, reads the competing offers through the SP-API Product
 * Pricing API and undercuts the lowest one, staying between the rule's min and max price.
 *
 * Each seller's LWA refresh token comes from the sellers table (the SP-API equivalent of type B).
 */

// The IAM user our SP-API app is registered with, hard-coded "just for the pilot".
// planted fake credential for the mwsguard demo (an AWS access key id and its secret key)
const SP_API_IAM_USER = {
  AWS_ACCESS_KEY_ID: "AKIAY4NIKKZBK5DNKHTD",
  AWS_SECRET_ACCESS_KEY: "3ZsmIo/qUtCO1ItZT0sL+K0mRDjrIwE7qc+iTyTY",
};
const SP_API_ROLE = "arn:aws:iam::201650751006:role/SellingPartnerApiRole";

interface RuleRow {
  sku: string;
  asin: string;
  min_price: string;
  max_price: string;
}

interface ItemOffers {
  Offers?: {
    ListingPrice: { Amount: number };
    Shipping?: { Amount: number };
  }[];
}

function spClient(refreshToken: string): SellingPartner {
  return new SellingPartner({
    region: "na",
    refresh_token: refreshToken,
    credentials: {
      SELLING_PARTNER_APP_CLIENT_ID: config.lwa.clientId,
      SELLING_PARTNER_APP_CLIENT_SECRET: config.lwa.clientSecret,
      ...SP_API_IAM_USER,
      AWS_SELLING_PARTNER_ROLE: SP_API_ROLE,
    },
  });
}

const clamp = (value: number, min: number, max: number) =>
  Math.min(max, Math.max(min, value));
const round2 = (value: number) => Math.round(value * 100) / 100;

async function repriceSeller(
  seller: Seller,
  refreshToken: string,
): Promise<void> {
  const sp = spClient(refreshToken);
  const rules = await db<RuleRow>("repricer_rules")
    .select("sku", "asin", "min_price", "max_price")
    .where({ seller_id: seller.sellerId, enabled: true });

  for (const rule of rules) {
    const offers = (await sp.callAPI({
      operation: "getItemOffers",
      endpoint: "productPricing",
      path: { Asin: rule.asin },
      query: { MarketplaceId: seller.marketplaceId, ItemCondition: "New" },
    })) as ItemOffers;

    const prices = (offers.Offers ?? []).map(
      (o) => o.ListingPrice.Amount + (o.Shipping?.Amount ?? 0),
    );
    if (prices.length === 0) continue;
    const target = clamp(
      round2(Math.min(...prices) - config.repricer.undercutBy),
      Number(rule.min_price),
      Number(rule.max_price),
    );

    await sp.callAPI({
      operation: "patchListingsItem",
      endpoint: "listingsItems",
      path: { sellerId: seller.sellerId, sku: rule.sku },
      query: { marketplaceIds: [seller.marketplaceId] },
      body: {
        productType: "PRODUCT",
        patches: [
          {
            op: "replace",
            path: "/attributes/purchasable_offer",
            value: [
              {
                marketplace_id: seller.marketplaceId,
                our_price: [{ schedule: [{ value_with_tax: target }] }],
              },
            ],
          },
        ],
      },
    });
  }
}

export async function repriceAll(): Promise<void> {
  for (const seller of await sellersWithSpApi()) {
    if (seller.spRefreshToken)
      await repriceSeller(seller, seller.spRefreshToken);
  }
}

setInterval(
  () => void repriceAll().catch(console.error),
  config.repricer.intervalMinutes * 60_000,
);
await repriceAll();
