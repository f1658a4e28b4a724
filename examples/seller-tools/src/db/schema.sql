-- seller-tools database schema (PostgreSQL).
--
-- Type B, the correct model: a seller authorizes our Developer ID in Seller Central and gives us
-- its Seller ID and MWS Auth Token. That is all we keep per seller. Requests are signed with our
-- own developer keys from the environment (src/config.ts), never with keys of the seller.

CREATE TABLE sellers (
  seller_id        TEXT PRIMARY KEY,            -- Seller ID / Merchant Token, e.g. A1B2C3D4E5F6G7
  marketplace_id   TEXT NOT NULL,               -- e.g. ATVPDKIKX0DER for amazon.com
  mws_auth_token   TEXT NOT NULL,               -- amzn.mws.<uuid>, shown to the seller in Seller Central
  sp_refresh_token TEXT,                        -- SP-API: LWA refresh token from the OAuth consent flow
  display_name     TEXT NOT NULL,
  created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
  revoked_at       TIMESTAMPTZ
);

CREATE TABLE orders (
  amazon_order_id  TEXT PRIMARY KEY,            -- e.g. 114-3941689-8772232
  seller_id        TEXT NOT NULL REFERENCES sellers (seller_id),
  marketplace_id   TEXT NOT NULL,
  order_status     TEXT NOT NULL,
  purchase_date    TIMESTAMPTZ NOT NULL,
  order_total      NUMERIC(12, 2),
  currency         CHAR(3),
  synced_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE repricer_rules (
  seller_id        TEXT NOT NULL REFERENCES sellers (seller_id),
  sku              TEXT NOT NULL,
  asin             TEXT NOT NULL,               -- e.g. B07PGL2ZSL
  min_price        NUMERIC(12, 2) NOT NULL,
  max_price        NUMERIC(12, 2) NOT NULL,
  enabled          BOOLEAN NOT NULL DEFAULT true,
  PRIMARY KEY (seller_id, sku)
);
