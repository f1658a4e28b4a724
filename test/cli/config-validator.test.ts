import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validatorSource } from '../../packages/mwsguard/scripts/build-validator.js';

describe('the precompiled configuration validator', () => {
  it('is what scripts/build-validator.js makes of the schema now (rerun it after a schema change)', () => {
    const committed = readFileSync(
      new URL('../../packages/mwsguard/schema/mwsguard.config.validate.js', import.meta.url),
      'utf8',
    );
    expect(committed).toBe(validatorSource());
  });
});
