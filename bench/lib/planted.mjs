// Plainly fake credentials, generated from a fixed seed and planted at recorded places.
//
// Every value is random but well shaped, so a scanner cannot tell it from a real one by its
// shape alone: AKIA + 16 of [A-Z2-7], 40-character mixed-case secrets bound to a secret-key
// name, amzn.mws.<uuid>, amzn1.oa2-cs.v1.<64 hex>, Atzr|IwEB + 300 characters. None of them was
// ever issued by Amazon. They are written only into the benchmark's cache folder, never into the
// repository.

/** mulberry32: a small seeded PRNG, so the same seed plants the same values in the same places. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const BASE32 = `${UPPER}234567`;
const HEX = '0123456789abcdef';
const SECRET_CHARS = `${UPPER}${LOWER}${DIGITS}/+`;
const TOKEN_CHARS = `${UPPER}${LOWER}${DIGITS}-_`;

// What a careful scanner treats as a placeholder rather than a key: never generate it.
const PLACEHOLDER_WORDS =
  /EXAMPLE|SAMPLE|PLACEHOLDER|REDACTED|CHANGE_?ME|REPLACE|YOUR|INSERT|TODO|FAKE|TEST|DUMMY|X{4}/i;

function hasRun(value, n) {
  let run = 1;
  for (let i = 1; i < value.length; i++) {
    run = value[i] === value[i - 1] ? run + 1 : 1;
    if (run >= n) return true;
  }
  return false;
}

function hasAscending(value, n) {
  let run = 1;
  for (let i = 1; i < value.length; i++) {
    run = value.charCodeAt(i) === value.charCodeAt(i - 1) + 1 ? run + 1 : 1;
    if (run >= n) return true;
  }
  return false;
}

function plausible(value) {
  return !PLACEHOLDER_WORDS.test(value) && !hasRun(value, 4) && !hasAscending(value, 6);
}

export function makeGenerator(seed) {
  const random = prng(seed);
  const pick = (chars, n) => {
    let out = '';
    for (let i = 0; i < n; i++) out += chars[Math.floor(random() * chars.length)];
    return out;
  };
  const until = (make, ok) => {
    for (;;) {
      const value = make();
      if (plausible(value) && ok(value)) return value;
    }
  };
  return {
    /** AKIA + 16 of [A-Z2-7], with at least two digits. */
    accessKeyId: () =>
      until(
        () => `AKIA${pick(BASE32, 16)}`,
        (v) => /\d.*\d/.test(v.slice(4)),
      ),
    /** 40 characters of [A-Za-z0-9/+] with every class present; `urlSafe` leaves out / and +. */
    secretKey: (urlSafe = false) =>
      until(
        () => pick(urlSafe ? `${UPPER}${LOWER}${DIGITS}` : SECRET_CHARS, 40),
        (v) => /[A-Z].*[A-Z].*[A-Z]/.test(v) && /[a-z].*[a-z].*[a-z]/.test(v) && /\d.*\d/.test(v),
      ),
    /** amzn.mws.<uuid v4>. */
    mwsAuthToken: () =>
      until(
        () =>
          `amzn.mws.${pick(HEX, 8)}-${pick(HEX, 4)}-4${pick(HEX, 3)}-${'89ab'[Math.floor(random() * 4)]}${pick(HEX, 3)}-${pick(HEX, 12)}`,
        () => true,
      ),
    /** amzn1.oa2-cs.v1.<64 hex>. */
    lwaClientSecret: () =>
      until(
        () => `amzn1.oa2-cs.v1.${pick(HEX, 64)}`,
        () => true,
      ),
    /** Atzr|IwEB + 300 characters of [A-Za-z0-9_-]. */
    lwaRefreshToken: () =>
      until(
        () => `Atzr|IwEB${pick(TOKEN_CHARS, 300)}`,
        () => true,
      ),
    /** A seller ID: A + 13 of [A-Z0-9] (not a secret; context for shared-credentials shapes). */
    sellerId: () =>
      until(
        () => `A${pick(`${UPPER}${DIGITS}`, 13)}`,
        () => true,
      ),
    /** An LWA client id (not a secret). */
    lwaClientId: () => `amzn1.application-oa2-client.${pick(HEX, 32)}`,
  };
}

/**
 * The planted files. Each template returns the file's text; `{kind:NAME}` marks where a fresh
 * credential of that kind goes, and is replaced by it (and its position recorded).
 * kinds: akid, secret, secretUrl (no / or +), mws, lwa, refresh; context: seller, client.
 */
const TEMPLATES = [
  [
    '.env',
    'NODE_ENV=production\nPORT=8080\nMWS_ACCESS_KEY_ID={akid}\nMWS_SECRET_KEY={secret}\nMWS_SELLER_ID={seller}\n',
  ],
  ['aws/credentials', '[default]\naws_access_key_id = {akid}\naws_secret_access_key = {secret}\nregion = us-east-1\n'],
  [
    'src/mws-client.js',
    "'use strict';\n\nconst { MwsClient } = require('./mws');\n\nmodule.exports = new MwsClient({\n  accessKeyId: '{akid}',\n  secretKey: '{secret}',\n  endpoint: 'https://mws.amazonservices.com',\n});\n",
  ],
  [
    'src/sp-api.ts',
    "import { SellingPartner } from './sp';\n\nexport const sp = new SellingPartner({\n  region: 'na',\n  refresh_token: '{refresh}',\n  credentials: {\n    SELLING_PARTNER_APP_CLIENT_ID: '{client}',\n    SELLING_PARTNER_APP_CLIENT_SECRET: '{lwa}',\n  },\n});\n",
  ],
  [
    'settings.py',
    'import os\n\nDEBUG = False\nAWS_ACCESS_KEY_ID = "{akid}"\nAWS_SECRET_ACCESS_KEY = "{secret}"\nMWS_ENDPOINT = "mws-eu.amazonservices.com"\n',
  ],
  ['config/mws.yaml', 'mws:\n  seller_id: {seller}\n  marketplace: ATVPDKIKX0DER\n  auth_token: {mws}\n'],
  [
    'appsettings.json',
    '{\n  "Logging": { "LogLevel": { "Default": "Information" } },\n  "Amazon": {\n    "MwsAuthToken": "{mws}",\n    "LwaClientSecret": "{lwa}"\n  }\n}\n',
  ],
  [
    'App.config',
    '<?xml version="1.0" encoding="utf-8"?>\n<configuration>\n  <appSettings>\n    <add key="AccessKeyId" value="{akid}" />\n    <add key="SecretKey" value="{secret}" />\n  </appSettings>\n</configuration>\n',
  ],
  ['application.properties', 'server.port=8080\namazon.mws.accessKeyId={akid}\namazon.mws.secretKey={secret}\n'],
  ['config.toml', '[lwa]\nclient_id = "{client}"\nrefresh_token = "{refresh}"\n'],
  [
    'scripts/deploy.sh',
    '#!/bin/sh\nset -eu\nexport AWS_ACCESS_KEY_ID={akid}\nexport AWS_SECRET_ACCESS_KEY={secret}\naws s3 sync ./dist s3://orders-dashboard\n',
  ],
  [
    'infra/main.tf',
    'provider "aws" {\n  region     = "us-east-1"\n  access_key = "{akid}"\n  secret_key = "{secret}"\n}\n',
  ],
  ['Dockerfile', 'FROM node:20-alpine\nWORKDIR /app\nENV MWS_AUTH_TOKEN={mws}\nCOPY . .\nCMD ["node", "index.js"]\n'],
  [
    'java/MwsConfig.java',
    'package com.example.orders;\n\npublic final class MwsConfig {\n  public static final String ACCESS_KEY_ID = "{akid}";\n  public static final String SECRET_KEY = "{secret}";\n}\n',
  ],
  [
    'dotnet/LwaSettings.cs',
    'namespace Orders;\n\npublic static class LwaSettings\n{\n    public const string ClientSecret = "{lwa}";\n    public const string RefreshToken = "{refresh}";\n}\n',
  ],
  ['go/client.go', 'package orders\n\nconst (\n\tmwsAuthToken = "{mws}"\n\trefreshToken = "{refresh}"\n)\n'],
  [
    'php/mws.php',
    "<?php\n\n$config = [\n    'AWS_ACCESS_KEY_ID' => '{akid}',\n    'AWS_SECRET_ACCESS_KEY' => '{secret}',\n];\n",
  ],
  ['ruby/sync.rb', "module Sync\n  MWS_AUTH_TOKEN = '{mws}'\n  SELLER_ID = '{seller}'\nend\n"],
  [
    'README.md',
    '# Orders sync\n\nRun it with:\n\n```sh\nexport AWS_ACCESS_KEY_ID={akid}\nexport AWS_SECRET_ACCESS_KEY={secret}\nnpm start\n```\n',
  ],
  [
    'logs/requests.log',
    '2024-03-14T09:26:53Z GET /Orders/2013-09-01?Action=ListOrders&AWSAccessKeyId={akid}&SellerId={seller} 200\n' +
      '2024-03-14T09:26:54Z GET /Orders/2013-09-01?Action=ListOrderItems&MWSAuthToken={mws}&SellerId={seller} 200\n',
  ],
  ['data/sellers.csv', 'seller_id,marketplace,mws_auth_token\n{seller},ATVPDKIKX0DER,{mws}\n'],
  [
    'db/seed.sql',
    "INSERT INTO lwa_apps (client_id, client_secret) VALUES ('{client}', '{lwa}');\nINSERT INTO lwa_tokens (refresh_token) VALUES ('{refresh}');\n",
  ],
  [
    'notebooks/orders.ipynb',
    '{\n "cells": [\n  {\n   "cell_type": "code",\n   "metadata": {},\n   "source": [\n    "import boto3\\n",\n    "aws_access_key_id = \'{akid}\'\\n",\n    "aws_secret_access_key = \'{secret}\'\\n"\n   ]\n  }\n ],\n "metadata": {},\n "nbformat": 4,\n "nbformat_minor": 5\n}\n',
  ],
  ['src/config.mjs', "export const LWA_CLIENT_ID = '{client}';\nexport const LWA_CLIENT_SECRET = '{lwa}';\n"],
  [
    'src/lambda.cjs',
    "exports.handler = async () => {\n  const key = process.env.AWS_ACCESS_KEY_ID || '{akid}';\n  return { statusCode: 200, body: key.length };\n};\n",
  ],
  [
    'deploy/docker-compose.yml',
    'services:\n  worker:\n    image: orders-worker\n    environment:\n      - LWA_REFRESH_TOKEN={refresh}\n',
  ],
  [
    'src/App.tsx',
    "export function App(): JSX.Element {\n  const token = '{mws}';\n  return <Orders token={token} />;\n}\n",
  ],
  ['config/lwa.ini', '[lwa]\nclient_id = {client}\nclient_secret = {lwa}\n'],
  // One long minified-looking line: the credential sits far to the right.
  [
    'dist/bundle.min.js',
    `!function(){${'var a=1,b=2;function c(d){return d+a+b}'.repeat(40)}var k="{akid}";c(k)}();\n`,
  ],
  ['src/orders.test.js', "const secretKey = '{secret}';\n\ntest('signs', () => expect(secretKey).toHaveLength(40));\n"],
];

/** Marker name → generator method. */
const MARKERS = {
  akid: ['access-key-id', (g) => g.accessKeyId()],
  secret: ['secret-key', (g) => g.secretKey()],
  mws: ['mws-auth-token', (g) => g.mwsAuthToken()],
  lwa: ['lwa-client-secret', (g) => g.lwaClientSecret()],
  refresh: ['lwa-refresh-token', (g) => g.lwaRefreshToken()],
  seller: [null, (g) => g.sellerId()],
  client: [null, (g) => g.lwaClientId()],
};

/**
 * One planted credential per line at most, so that "the tool reported something on its line" scores
 * every tool alike, whatever column it reports (the value, its name or its quote).
 *
 * The planted files: [{ path, text, encoding }] and the credentials: [{ kind, file, line, column }]
 * (1-based, column in UTF-16 code units of the decoded text, as editors count). `file` is relative
 * to the tree root (`planted/...`).
 */
export function plant(seed) {
  const g = makeGenerator(seed);
  const files = [];
  const credentials = [];
  const addFile = (path, template, encoding = 'utf8') => {
    let text = '';
    let rest = template;
    const found = [];
    for (;;) {
      const m = /\{(akid|secret|mws|lwa|refresh|seller|client)\}/.exec(rest);
      if (!m) break;
      text += rest.slice(0, m.index);
      const [kind, make] = MARKERS[m[1]];
      const value = make(g);
      if (kind) found.push({ kind, offset: text.length });
      text += value;
      rest = rest.slice(m.index + m[0].length);
    }
    text += rest;
    for (const { kind, offset } of found) {
      const before = text.slice(0, offset);
      const line = before.split('\n').length;
      const column = offset - (before.lastIndexOf('\n') + 1) + 1;
      credentials.push({ kind, file: `planted/${path}`, line, column });
    }
    files.push({ path: `planted/${path}`, text, encoding });
  };
  for (const [path, template] of TEMPLATES) addFile(path, template);
  // A Windows-edited file: UTF-16 LE with a byte order mark.
  addFile('windows/credentials.txt', 'aws_access_key_id={akid}\r\naws_secret_access_key={secret}\r\n', 'utf16le');
  return { files, credentials };
}

/** Bytes of a planted file as written to disk. */
export function encodePlanted(file) {
  if (file.encoding === 'utf16le') return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(file.text, 'utf16le')]);
  return Buffer.from(file.text, 'utf8');
}
