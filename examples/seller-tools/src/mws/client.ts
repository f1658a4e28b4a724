import { createHmac } from "node:crypto";
import { config } from "../config.js";
import type { Seller } from "../db/sellers.js";

/**
 * Minimal MWS client (query API, Signature Version 2).
 *
 * Type B, the correct model: every request is signed with OUR developer keys (config.mws, from
 * the environment) and names the seller with SellerId + MWSAuthToken. The seller's own keys are
 * never needed.
 */

const encode = (value: string): string =>
  encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

function sign(
  method: string,
  host: string,
  path: string,
  query: string,
): string {
  const stringToSign = [method, host, path, query].join("\n");
  return createHmac("sha256", config.mws.secretKey)
    .update(stringToSign)
    .digest("base64");
}

export async function mwsRequest(
  seller: Seller,
  path: string,
  action: string,
  version: string,
  extra: Record<string, string> = {},
): Promise<string> {
  const params: Record<string, string> = {
    AWSAccessKeyId: config.mws.accessKeyId,
    Action: action,
    SellerId: seller.sellerId,
    MWSAuthToken: seller.mwsAuthToken,
    SignatureMethod: "HmacSHA256",
    SignatureVersion: "2",
    Timestamp: new Date().toISOString(),
    Version: version,
    ...extra,
  };

  const url = new URL(path, config.mws.endpoint);
  const query = Object.keys(params)
    .sort()
    .map((key) => `${encode(key)}=${encode(params[key] ?? "")}`)
    .join("&");
  const signature = sign("POST", url.host, url.pathname, query);

  const response = await fetch(url, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
    },
    body: `${query}&Signature=${encode(signature)}`,
  });
  if (!response.ok)
    throw new Error(
      `MWS ${action} failed for ${seller.sellerId}: HTTP ${response.status}`,
    );
  return response.text();
}

/** Orders API ListOrders, one page (the caller follows NextToken). */
export function listOrders(
  seller: Seller,
  createdAfter: Date,
  nextToken?: string,
): Promise<string> {
  const version = config.mws.ordersApiVersion;
  const path = `/Orders/${version}`;
  if (nextToken)
    return mwsRequest(seller, path, "ListOrdersByNextToken", version, {
      NextToken: nextToken,
    });
  return mwsRequest(seller, path, "ListOrders", version, {
    "MarketplaceId.Id.1": seller.marketplaceId,
    CreatedAfter: createdAfter.toISOString(),
  });
}
