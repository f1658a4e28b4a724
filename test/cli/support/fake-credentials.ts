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
