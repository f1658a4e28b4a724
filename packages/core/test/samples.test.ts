import { describe, expect, it } from 'vitest';
import { DETECTORS, scanText } from '@mwsguard/core';

// Every detector carries its own positive and negative samples; a pattern cannot change without
// its examples noticing.
describe.each(DETECTORS.map((d) => [d.kind, d] as const))('%s samples', (kind, detector) => {
  it.each(detector.samples.positive.map((s) => [s.reason, s] as const))('finds: %s', (_reason, sample) => {
    const findings = scanText(sample.text, { path: sample.path ?? 'sample.txt' }).filter((f) => f.kind === kind);
    const spans = findings.map((f) => sample.text.slice(f.offset, f.endOffset));
    expect(spans).toContain(sample.value);
  });
  it.each(detector.samples.negative.map((s) => [s.reason, s] as const))('ignores: %s', (_reason, sample) => {
    const findings = scanText(sample.text, { path: sample.path ?? 'sample.txt' }).filter((f) => f.kind === kind);
    expect(findings).toEqual([]);
  });
});
