import express from "express";
import { config } from "../config.js";
import { db } from "../db/sellers.js";

/** Onboarding API: how a seller connects its Amazon account to seller-tools. */
export const router = express.Router();

const SELLER_ID = /^A[0-9A-Z]{9,15}$/;
const MWS_AUTH_TOKEN =
  /^amzn\.mws\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type Body = Record<string, string | undefined>;

/** Tells the seller which Developer ID to authorize in Seller Central. */
router.get("/onboarding", (_req, res) => {
  res.json({
    steps: [
      "Seller Central > Apps & Services > Manage Your Apps > Authorize new developer",
      `Developer name: Seller Tools, Developer ID: ${config.mws.developerId}`,
      "Paste the Seller ID and MWS Auth Token that Seller Central shows you.",
    ],
  });
});

/**
 * Type B, the correct model: the seller authorized our Developer ID and sends only its Seller ID
 * and MWS Auth Token. We sign its calls with our own developer keys (src/mws/client.ts).
 */
router.post("/onboarding/authorize", async (req, res) => {
  const body = req.body as Body;
  if (
    !SELLER_ID.test(body.sellerId ?? "") ||
    !MWS_AUTH_TOKEN.test(body.mwsAuthToken ?? "")
  ) {
    res.status(400).json({
      error: "Enter the Seller ID and MWS Auth Token shown in Seller Central.",
    });
    return;
  }
  await db("sellers")
    .insert({
      seller_id: body.sellerId,
      marketplace_id: body.marketplaceId ?? "ATVPDKIKX0DER",
      mws_auth_token: body.mwsAuthToken,
      display_name: body.displayName ?? body.sellerId,
    })
    .onConflict("seller_id")
    .merge();
  res.status(201).json({ ok: true });
});

/**
 * Legacy "connect with your MWS keys" flow, kept from v1 of the app (its seller_keys table
 * predates schema.sql).
 *
 * TYPE A ANTI-PATTERN, planted for the mwsguard demo: it asks each seller for its own Access Key
 * and Secret Key and stores them next to its Seller ID. Amazon forbids this (sellers must not share
 * their keys, developers must not ask for them) and resets the keys of apps that work this way.
 */
router.post("/onboarding/connect-keys", async (req, res) => {
  const body = req.body as Body;
  await db("seller_keys").insert({
    seller_id: body.sellerId,
    access_key_id: body.accessKeyId,
    secret_key: body.secretKey,
  });
  res.status(201).json({ ok: true });
});

const app = express();
app.use(express.json());
app.use(router);
app.listen(Number(process.env.PORT ?? 3000));
