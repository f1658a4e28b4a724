import knex from "knex";
import { config } from "../config.js";

export const db = knex({ client: "pg", connection: config.databaseUrl });

/**
 * A seller that authorized our Developer ID (type B). No access key, no secret key: only the
 * Seller ID and the MWS Auth Token Seller Central gave the seller for us.
 */
export interface Seller {
  sellerId: string;
  marketplaceId: string;
  mwsAuthToken: string;
  spRefreshToken: string | null;
}

interface SellerRow {
  seller_id: string;
  marketplace_id: string;
  mws_auth_token: string;
  sp_refresh_token: string | null;
}

const toSeller = (row: SellerRow): Seller => ({
  sellerId: row.seller_id,
  marketplaceId: row.marketplace_id,
  mwsAuthToken: row.mws_auth_token,
  spRefreshToken: row.sp_refresh_token,
});

export async function activeSellers(): Promise<Seller[]> {
  const rows = await db<SellerRow>("sellers")
    .select("seller_id", "marketplace_id", "mws_auth_token", "sp_refresh_token")
    .whereNull("revoked_at");
  return rows.map(toSeller);
}

export async function sellersWithSpApi(): Promise<Seller[]> {
  return (await activeSellers()).filter(
    (seller) => seller.spRefreshToken !== null,
  );
}
