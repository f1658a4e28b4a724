// The plaintext of the fake credentials planted in test/cli/fixtures/ (random, well-shaped, never
// issued by AWS or Amazon), so tests can check that no output ever shows one in full.

/** In fixtures/basic/. */
export const BASIC = {
  accessKeyId: 'AKIAKUOATB5M7GI4AJAW',
  secretKey: '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',
  mwsAuthToken: 'amzn.mws.867b8053-921c-4eda-83b5-7044bc37f871',
} as const;

/** In fixtures/gitignore/: the committed file, and the git-ignored ones the tests write. */
export const GITIGNORE = {
  kept: 'AKIAKJXEJCHCZTDU5HVA',
  ignored: 'AKIAMKBSL2FM3TXZ3QKN',
  coverage: 'AKIA4UWCC256ACTVDWUQ',
  nodeModules: 'AKIABYRYY3I4OWTUZZLB',
} as const;

/** In fixtures/encodings/, by file. */
export const ENCODINGS = {
  'utf16le.env': 'AKIAPB2RBUETFSNJDXGA',
  'utf16be.env': 'AKIAR3TMP43OAZJY2MIF',
  'utf8-bom.env': 'AKIASUZUT4Y6DY3FYAWB',
  'latin1.env': 'AKIADMOZ2CCFN5DTBNMZ',
  'image.bin': 'AKIADPLASL2L6PPNLBGK',
} as const;

/** Planted by the tests that build their own trees and repositories (test/cli/*.test.ts). */
export const KEYS = {
  a: 'AKIAR7TQ2MZK5XW3HJPD',
  b: 'AKIAV4NB6QJ2LX7TRZ5C',
  c: 'AKIAH3PZ8KD2WQ6MX4TN',
  d: 'AKIAW6YD3NQ8TKZ2RM7V',
  secret: 'wZ8kQ2vN5xR7tP3mL9cJ4hF6bD1sG0aYeU2iO8rT',
  mwsAuthToken: 'amzn.mws.9c2f4d1a-7b3e-4c8d-a5f6-1e0b2d3c4a5f',
  accessToken: 'Atza|IwEBIPz7Qk2mR9vXc4LhT8sWn3JdYb6FgKqE1uZo5aNyV0rCtMpHxBiDlGjSe',
} as const;

/** `AWS_ACCESS_KEY_ID=<key>` plus a newline: a line that always reports one access-key-id. */
export const keyLine = (key: string): string => `AWS_ACCESS_KEY_ID=${key}\n`;
