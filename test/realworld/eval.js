#!/usr/bin/env node
// `pnpm eval [-- --list] [-- --core <dist/index.js>] [-- --folders <a,b,...>] [-- --per-file]`: precision and recall per kind on the
// real-world corpus (test/fixtures/realworld/, see its LABELING.md), for the `dev` and `holdout`
// splits separately, scanned by the built @mwsguard/core exactly as the CLI scans a file. `--list`
// also names the dev split's misses and false alarms; the holdout is only ever reported as
// figures. `--core` scores another build of core (another commit's `dist/index.js`), for before and
// after figures of one corpus. `--folders` scores only the named repository folders (e.g. the
// repositories added since some commit, scored before the engine learned from them). Each folder is
// scanned as one project, as the CLI scans a directory (core's project pass, `scanProject`);
// `--per-file` scans each file alone, as an editor does.

import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { folderScanner, formatSplit, loadFolders, scoreSplit } from './score.js';

const argv = process.argv.slice(2);
const list = argv.includes('--list');
const coreAt = argv.indexOf('--core');
/** @type {typeof import('@mwsguard/core')} */
const core = await import(coreAt === -1 ? '@mwsguard/core' : pathToFileURL(resolve(argv[coreAt + 1] ?? '')).href);
const foldersAt = argv.indexOf('--folders');
const only = foldersAt === -1 ? undefined : new Set((argv[foldersAt + 1] ?? '').split(',').filter(Boolean));
const folders = loadFolders().filter((f) => only === undefined || only.has(f.name));
if (only !== undefined && folders.length !== only.size) {
  const known = new Set(folders.map((f) => f.name));
  console.error(`pnpm eval: no such repository folder: ${[...only].filter((n) => !known.has(n)).join(', ')}`);
  process.exit(2);
}
const scan = folderScanner(core, argv.includes('--per-file'));

console.log(`real-world corpus: ${String(folders.length)} repositories`);
for (const split of ['dev', 'holdout']) {
  const s = scoreSplit(folders, scan, split);
  console.log(formatSplit(split, s));
  if (list && split === 'dev') {
    for (const m of s.misses) console.log(`  missed  ${m}`);
    for (const a of s.alarms) console.log(`  alarm   ${a}`);
    for (const f of s.missedFiles) console.log(`  missed file  ${f}`);
  }
}
