/**
 * Worker thread of the scan pool (see scan-pool.ts): receives batches of paths, reads and scans
 * them strictly one after the other (one file's text in memory at a time), and posts one message
 * per batch. Only masked findings leave the worker.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { compileAllow } from '@mwsguard/core';
import type { SourceFile } from './discover.js';
import { scanOneFile } from './scan-one-file.js';
import type { FileScanOptions } from './scan-one-file.js';
import type { FileOutcome } from './scan-source.js';

const options = workerData as FileScanOptions;
const allow = compileAllow({ patterns: options.allowValueSources });
const port = parentPort;
let chain = Promise.resolve();

// One message per batch, not per file: on a tree of many small files, posting (and receiving)
// a message per file cost about as much as reading the files. The outcomes are in the order of
// the batch, so no paths travel back.
port?.on('message', (batch: SourceFile[]) => {
  chain = chain.then(async () => {
    const outcomes: FileOutcome[] = [];
    for (const file of batch) outcomes.push(await scanOneFile(file, options, allow));
    port.postMessage(outcomes);
  });
});
