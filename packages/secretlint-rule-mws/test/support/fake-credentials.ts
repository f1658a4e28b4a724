// Random, well-shaped fake credentials (never issued by AWS or Amazon) for the tests that write
// their own files; the fixture folders under snapshots/ hold the same values in their inputs.

/** An AWS-format access key id: AKIA + 16 of [A-Z2-7]. */
export const ACCESS_KEY_ID = 'AKIAK7DMD5ABWY4OGN5V';
/** A 40-character secret key of [A-Za-z0-9/+]. */
export const SECRET_KEY = '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';
/** An MWS Auth Token: amzn.mws. + a UUID. */
export const MWS_AUTH_TOKEN = 'amzn.mws.db569d3f-965b-4e05-9a29-f223d0bd319e';
/** A second MWS Auth Token, for lines a test silences. */
export const MWS_AUTH_TOKEN_2 = 'amzn.mws.021dfd33-81a3-4afe-8def-181901cabc79';
/** An LWA client secret: amzn1.oa2-cs.v1. + 64 hex. */
export const LWA_CLIENT_SECRET = 'amzn1.oa2-cs.v1.2076047bc25b73ec44596faccc726c4d90ca50b56c6fe01f293e6538ed8f0a54';

/** Every plaintext above, for "never printed in full" checks. */
export const ALL = [ACCESS_KEY_ID, SECRET_KEY, MWS_AUTH_TOKEN, MWS_AUTH_TOKEN_2, LWA_CLIENT_SECRET] as const;
