/**
 * Worker thread of one large file's scan (see isolated-scan.ts): decodes the bytes it was given,
 * scans them and posts the outcome. Only masked findings leave the worker.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { compileAllow } from '@mwsguard/core';
import type { IsolatedInput } from './isolated-scan.js';
import { decodeSource } from './read.js';
import { scanDecoded } from './scan-source.js';

const { bytes, file, options } = workerData as IsolatedInput;
const { allowValueSources, ...rest } = options;
const allow = compileAllow({ patterns: allowValueSources });
parentPort?.postMessage(scanDecoded(decodeSource(bytes), file, { ...rest, allow }));
