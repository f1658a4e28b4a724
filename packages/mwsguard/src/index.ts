/**
 * mwsguard: the command-line scanner for hard-coded or shared Amazon MWS / SP-API credentials.
 * `run` is the whole CLI; the bin only wires it to the process.
 */
export { run } from './run.js';
export type { OutputStream, RunIO } from './io.js';
export { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK } from './exit-codes.js';
export type { ExitCode } from './exit-codes.js';
export { FORMATTERS, FORMAT_NAMES } from './formatters/index.js';
export type { FormatName, FormatOptions, Formatter } from './formatters/index.js';
export type { FileFinding, ScanResult } from './result.js';
