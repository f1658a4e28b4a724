#!/usr/bin/env node
// `pnpm eval [-- --list]`: precision and recall per kind on the real-world corpus
// (test/fixtures/realworld/, see its LABELING.md), for the `dev` and `holdout` splits separately,
// scanned by the built @mwsguard/core exactly as the CLI scans a file. `--list` also names the dev
// split's misses and false alarms; the holdout is only ever reported as figures.

import { scanText } from '@mwsguard/core';
import { formatSplit, loadFolders, scoreSplit } from './score.js';

const list = process.argv.includes('--list');
const folders = loadFolders();
/** @param {string} text @param {string} path */
const scan = (text, path) => scanText(text, { path }).map(({ kind, line, endLine }) => ({ kind, line, endLine }));

console.log(`real-world corpus: ${String(folders.length)} repositories`);
for (const split of ['dev', 'holdout']) {
  const s = scoreSplit(folders, scan, split);
  console.log(formatSplit(split, s));
  if (list && split === 'dev') {
    for (const m of s.misses) console.log(`  missed  ${m}`);
    for (const a of s.alarms) console.log(`  alarm   ${a}`);
  }
}
