import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { joinPath, relativePath } from '../../packages/mwsguard/src/join-path.js';

// joinPath and relativePath stand in for node:path's join and relative where a commit hook's run
// calls them (join-path.ts says why); they must give node:path's answer for every input, the
// ones they concatenate or slice and the ones they hand over alike.
const DIRS = [
  '/',
  '/a',
  '/a/b',
  '/repo/.git',
  '/a b/c',
  '/a/',
  '//a',
  '/a//b',
  '/a/./b',
  '/a/../b',
  '/a/.',
  '/a/..',
  '/..',
  '/.a/..b/...',
  'a',
  'a/b',
  '',
  '.',
  './a',
  '../a',
  'C:\\a',
  '/a\\b',
];
const TAILS = [
  'x',
  'x/y',
  '.git',
  'objects/ab/cdef',
  'x/',
  '/x',
  'x//y',
  './x',
  'x/./y',
  '../x',
  'x/..',
  '.',
  '..',
  '',
  '...',
  '.x/..y',
  'x\\y',
];

describe('joinPath and relativePath', () => {
  it("give path.join's answer for every directory and tail", () => {
    for (const dir of DIRS)
      for (const tail of TAILS) expect([dir, tail, joinPath(dir, tail)]).toEqual([dir, tail, join(dir, tail)]);
  });

  it("give path.relative's answer between every pair of paths", () => {
    const paths = [...DIRS, ...DIRS.flatMap((dir) => TAILS.map((tail) => join(dir, tail)))];
    for (const from of DIRS)
      for (const to of paths) expect([from, to, relativePath(from, to)]).toEqual([from, to, relative(from, to)]);
  });
});
