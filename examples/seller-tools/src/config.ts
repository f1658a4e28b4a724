import { readFileSync } from "node:fs";
import { load } from "js-yaml";

/** Shape of config/default.yml (only the parts the app reads). */
interface FileConfig {
  mws: { region: string; endpoint: string; ordersApiVersion: string };
  marketplaces: { id: string; currency: string }[];
  lwa: { client_id: string; client_secret?: string };
  repricer: {
    intervalMinutes: number;
    minMarginPercent: number;
    undercutBy: number;
  };
  syncOrders: { lookbackHours: number; pageDelayMs: number };
}

const file = load(
  readFileSync(new URL("../config/default.yml", import.meta.url), "utf8"),
) as FileConfig;

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Missing environment variable ${name}`);
  return value;
}

/**
 * Application config.
 *
 * MWS (type B, the correct model): the access key and secret key below are OUR developer keys,
 * one pair for the NA region, read once from the environment. Sellers never give us keys; they
 * authorize our Developer ID in Seller Central and give us their Seller ID and MWS Auth Token,
 * which live in the sellers table (see src/db/schema.sql and src/mws/client.ts).
 */
export const config = {
  databaseUrl: requireEnv("DATABASE_URL"),
  mws: {
    developerId: requireEnv("MWS_DEVELOPER_ID"),
    accessKeyId: requireEnv("MWS_ACCESS_KEY_ID"),
    secretKey: requireEnv("MWS_SECRET_KEY"),
    endpoint: file.mws.endpoint,
    ordersApiVersion: file.mws.ordersApiVersion,
  },
  lwa: {
    clientId: process.env.LWA_CLIENT_ID ?? file.lwa.client_id,
    // Falls back to the YAML file, which is how the client secret ended up committed there.
    clientSecret: process.env.LWA_CLIENT_SECRET ?? file.lwa.client_secret ?? "",
  },
  marketplaces: file.marketplaces,
  repricer: file.repricer,
  syncOrders: file.syncOrders,
} as const;

export type Config = typeof config;
