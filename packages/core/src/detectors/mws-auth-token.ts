import type { Detector, RawFinding, ScanContext } from '../types.js';
import { isPlaceholder } from '../values.js';

/**
 * MWS Auth Token: `amzn.mws.` + a UUID, shown to the seller in Seller Central when it authorizes
 * a developer. MWS Developer Guide, "The MWSAuthToken parameter". Fake sample:
 * amzn.mws.0b2a6c1e-7f3d-4e58-9a61-2c4d8e9f0a17.
 */
const AUTH_TOKEN =
  /(?<![A-Za-z0-9.])amzn\.mws\.[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![0-9A-Za-z])/g;

/** True when `value` holds an MWS Auth Token, as this detector reads one (placeholders included). */
export function holdsMwsAuthToken(value: string): boolean {
  AUTH_TOKEN.lastIndex = 0;
  return value.includes('amzn.mws.') && AUTH_TOKEN.test(value);
}

function find(ctx: ScanContext): RawFinding[] {
  const found: RawFinding[] = [];
  // `includes` finds the literal several times faster than the regex with its lookbehind.
  if (!ctx.includesAmzn('amzn.mws.')) return found;
  AUTH_TOKEN.lastIndex = 0;
  for (let m = AUTH_TOKEN.exec(ctx.text); m !== null; m = AUTH_TOKEN.exec(ctx.text)) {
    const value = m[0];
    if (isPlaceholder(value.slice(9).replaceAll('-', ''))) continue;
    found.push({
      kind: 'mws-auth-token',
      severity: 'error',
      start: m.index,
      end: m.index + value.length,
      secret: value,
    });
  }
  return found;
}

/** Detector for `mws-auth-token`. */
export const mwsAuthToken: Detector = Object.freeze({
  kind: 'mws-auth-token',
  keywords: ['amzn.mws.'],
  find,
  samples: {
    positive: [
      {
        text: "MWSAuthToken: 'amzn.mws.0b2a6c1e-7f3d-4e58-9a61-2c4d8e9f0a17'",
        value: 'amzn.mws.0b2a6c1e-7f3d-4e58-9a61-2c4d8e9f0a17',
        reason: 'token in code',
      },
      {
        text: '&MWSAuthToken=amzn.mws.9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f&SellerId=A1',
        value: 'amzn.mws.9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f',
        reason: 'token in a signed URL',
      },
    ],
    negative: [
      { text: 'MWSAuthToken=amzn.mws.4ea38b7b-f563-7709-4bae-87aeaEXAMPLE', reason: 'MWS documentation example' },
      { text: 'token: amzn.mws.00000000-0000-0000-0000-000000000000', reason: 'all-zero placeholder' },
      { text: 'token: amzn.mws.<your-token>', reason: 'placeholder' },
    ],
  },
});
