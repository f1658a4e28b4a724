import { describe, expect, it } from 'vitest';
import { scanText } from '../src/index.js';
import { TYPE_A_NEGATIVES, TYPE_A_SHAPES, VALUE_SHAPES } from './type-a-shapes.js';
import type { Shape } from './type-a-shapes.js';

const typeA = (s: Omit<Shape, 'line'>): number[] =>
  scanText(s.text, { path: s.path })
    .filter((f) => f.kind === 'shared-credentials')
    .map((f) => f.line);

describe('type-A shapes of real applications', () => {
  it.each(TYPE_A_SHAPES.map((s) => [s.name, s] as const))('%s', (_name, shape) => {
    expect(typeA(shape)).toEqual([shape.line]);
  });
});

describe('shapes that are not type A', () => {
  it.each(TYPE_A_NEGATIVES.map((s) => [s.name, s] as const))('%s', (_name, shape) => {
    expect(typeA(shape)).toEqual([]);
  });
});

describe('value kinds of issue 12 §4', () => {
  it.each(VALUE_SHAPES.map((s) => [s.name, s] as const))('%s', (_name, shape) => {
    const found = scanText(shape.text, { path: shape.path }).map((f) => [f.kind, f.line, f.severity]);
    expect(found).toEqual(shape.findings);
  });

  it('says why a presigned URL is only a warning', () => {
    const [finding] = scanText(VALUE_SHAPES.find((s) => s.name.includes('SigV4'))?.text ?? '', { path: 'a.md' });
    expect(finding?.message).toMatch(/presigned URL \(public by design/);
  });
});
