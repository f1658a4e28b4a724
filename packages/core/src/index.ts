/**
 * @mwsguard/core: the detection engine for Amazon MWS and SP-API credentials. Pure functions,
 * no I/O: text in, findings out. Every mwsguard surface (CLI, ESLint plugin, secretlint rule)
 * calls these functions and only translates positions.
 */
export { scanText, scanTextForProject } from './scan.js';
export type { Finding, ProjectTextScan, ScanOptions } from './scan.js';
export { judgeProject, scanProject } from './project.js';
export type { ProjectFile, ProjectFinding, ProjectResult, ProjectText } from './project.js';
export { isMissingTokenFinding } from './missing-token.js';
export type { AuthTokenOptions } from './mws-requests.js';
export { classifyString, mayHoldStringCredentials } from './classify.js';
export { textFacts } from './context.js';
export { projectPath } from './project-path.js';
export type { TextFacts } from './context.js';
export type { StringBinding } from './classify.js';
export { KINDS, KIND_INFO, DOCS_BASE_URL, REPOSITORY_URL, isKind } from './kinds.js';
export type { Kind, KindInfo, Severity } from './kinds.js';
export { maskSecret } from './mask.js';
export { isCredentialText, redactText } from './redact.js';
export { fingerprint } from './fingerprint.js';
export { LineIndex } from './locate.js';
export type { Position } from './locate.js';
export {
  LOCALES,
  renderAdvice,
  renderFinding,
  renderMessage,
  renderNotice,
  renderRecommendation,
  resolveLocale,
  truncateMiddle,
} from './messages.js';
export type { AdviceStep, Locale, MessageFacts, NoticeId } from './messages.js';
export { describeContainer } from './containers.js';
export type { Container, ContainerType } from './containers.js';
export { nameRole, nameWords, normalizeName } from './names.js';
export type { NameRole } from './names.js';
export { extractFields, classifyValue } from './structure.js';
export type { Field, ValueShape } from './structure.js';
export { findSharedCredentialFields } from './detectors/shared-credentials.js';
export { DETECTORS, DETECTOR_BY_KIND } from './detectors/index.js';
export type { Detector, Sample } from './types.js';
export { DOCUMENTED_EXAMPLES, isPlaceholder } from './values.js';
export { suppressedLines } from './suppressions.js';
export { SUPPRESS_REASONS, compileAllow, scanWithAllow } from './allow.js';
export type {
  Allow,
  AllowOptions,
  AllowScan,
  AllowScanOptions,
  AllowSubject,
  SuppressReason,
  Suppressed,
} from './allow.js';
