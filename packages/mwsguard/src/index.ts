/**
 * mwsguard: the command-line scanner for hard-coded or shared Amazon MWS / SP-API credentials.
 * `run` is the whole CLI; the bin only wires it to the process.
 */
export { run } from './run.js';
export { parseCommand } from './args.js';
export type { Command } from './args.js';
export type { OutputStream, RunIO } from './io.js';
export { EXIT_ERROR, EXIT_FINDINGS, EXIT_INCOMPLETE, EXIT_OK } from './exit-codes.js';
export type { ExitCode } from './exit-codes.js';
export { FORMATTERS, FORMAT_NAMES, RENDERERS } from './formatters/index.js';
export type { FormatName, FormatOptions, Formatter, Renderer } from './formatters/index.js';
export type {
  CommitInfo,
  FileFinding,
  ReportSeverity,
  ScanResult,
  SkippedFile,
  SkipReason,
  SuppressedFinding,
  SuppressReason,
} from './result.js';
export { summarize } from './summary.js';
export type { Summary, ReusedSecret } from './summary.js';
export { EXPLANATIONS, explanationTexts, renderExplanation } from './explain.js';
export type { Explanation, ExplanationTexts } from './explain.js';
export { parseSize } from './config.js';
export { HOOK_MARKER } from './install-hook.js';
