import {
  classifyString,
  classifyValue,
  KINDS,
  mayHoldStringCredentials,
  nameRole,
  renderNotice,
  resolveLocale,
  suppressedLines,
} from '@mwsguard/core';
import { findVariable, getStaticValue } from '../util/eslint-utils.js';
import type { Finding, Kind } from '@mwsguard/core';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ALLOW_FINGERPRINTS_SCHEMA, compileAllowlist } from '../util/allowlist.js';
import { keyName, siblingsOf, slotOf, targetName } from '../util/ast.js';
import type { Slot } from '../util/ast.js';
import type { HardCodedKind, NoHardcodedCredentialsOptions } from '../options.js';
import { createRule } from '../util/create-rule.js';
import { textFacts } from '../util/file.js';
import { DEFAULT_LOCALE, LOCALE_DESCRIPTION, messageIn } from '../util/locale.js';
import { envNameFor, hasCredentialRole, isListedName } from '../util/names.js';
import { scanFile } from '../util/scan.js';

const HARD_CODED_KINDS = KINDS.filter((k): k is HardCodedKind => k !== 'shared-credentials');

const MESSAGE_ID: Readonly<Record<HardCodedKind, MessageIds>> = {
  'access-key-id': 'accessKeyId',
  'secret-key': 'secretKey',
  'mws-auth-token': 'mwsAuthToken',
  'lwa-client-secret': 'lwaClientSecret',
  'lwa-refresh-token': 'lwaRefreshToken',
  'lwa-access-token': 'lwaAccessToken',
};

// The environment variable a suggestion reads when the value has no binding name.
const DEFAULT_ENV: Readonly<Record<HardCodedKind, [aws: string, mws: string]>> = {
  'access-key-id': ['AWS_ACCESS_KEY_ID', 'MWS_ACCESS_KEY_ID'],
  'secret-key': ['AWS_SECRET_ACCESS_KEY', 'MWS_SECRET_KEY'],
  'mws-auth-token': ['MWS_AUTH_TOKEN', 'MWS_AUTH_TOKEN'],
  'lwa-client-secret': ['LWA_CLIENT_SECRET', 'LWA_CLIENT_SECRET'],
  'lwa-refresh-token': ['LWA_REFRESH_TOKEN', 'LWA_REFRESH_TOKEN'],
  'lwa-access-token': ['LWA_ACCESS_TOKEN', 'LWA_ACCESS_TOKEN'],
};

// Shortest value that can hold a credential (an access key id); longer than any sane value.
const MIN_LENGTH = 20;
const MAX_LENGTH = 4096;

export type Options = [NoHardcodedCredentialsOptions];
export type MessageIds =
  | 'accessKeyId'
  | 'secretKey'
  | 'mwsAuthToken'
  | 'lwaClientSecret'
  | 'lwaRefreshToken'
  | 'lwaAccessToken'
  | 'replaceWithEnv';

// Core renders every message (masked value included); the rule never rewords it.
const CORE_MESSAGE = '{{ message }}';

export default createRule<Options, MessageIds>({
  name: 'no-hardcoded-credentials',
  meta: {
    type: 'problem',
    // JavaScript and TypeScript, and config files through the `config-files` processor.
    languages: ['js/js'],
    docs: {
      description:
        'Disallow hard-coded Amazon MWS / SP-API credentials: access key IDs, secret keys, MWS Auth Tokens, LWA client secrets and refresh tokens',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      accessKeyId: CORE_MESSAGE,
      secretKey: CORE_MESSAGE,
      mwsAuthToken: CORE_MESSAGE,
      lwaClientSecret: CORE_MESSAGE,
      lwaRefreshToken: CORE_MESSAGE,
      lwaAccessToken: CORE_MESSAGE,
      // Worded by core's notice table in the rule's locale.
      replaceWithEnv: '{{ label }}',
    },
    schema: [
      {
        type: 'object',
        description: 'What to report and what to allow.',
        additionalProperties: false,
        properties: {
          kinds: {
            type: 'array',
            description: 'Credential kinds to report.',
            items: { type: 'string', enum: HARD_CODED_KINDS },
            uniqueItems: true,
          },
          allow: {
            type: 'array',
            description: 'Exact values that are never reported.',
            items: { type: 'string' },
            uniqueItems: true,
          },
          allowPatterns: {
            type: 'array',
            description:
              'Regular expressions (Unicode flag) matched against the raw value; matches are never reported.',
            items: { type: 'string' },
            uniqueItems: true,
          },
          allowFingerprints: ALLOW_FINGERPRINTS_SCHEMA,
          secretKeyNames: {
            type: 'array',
            description: 'Extra binding names whose values are secret keys.',
            items: { type: 'string' },
            uniqueItems: true,
          },
          accessKeyIdNames: {
            type: 'array',
            description: 'Extra binding names whose values are access key IDs.',
            items: { type: 'string' },
            uniqueItems: true,
          },
          locale: { type: 'string', description: LOCALE_DESCRIPTION },
        },
      },
    ],
    defaultOptions: [
      {
        kinds: [...HARD_CODED_KINDS],
        allow: [],
        allowPatterns: [],
        allowFingerprints: [],
        secretKeyNames: [],
        accessKeyIdNames: [],
        locale: DEFAULT_LOCALE,
      },
    ],
  },
  create(context, [options]) {
    const { sourceCode } = context;
    const allow = compileAllowlist({
      values: options.allow,
      patterns: options.allowPatterns,
      fingerprints: options.allowFingerprints,
    });
    const kinds = options.kinds;
    const locale = resolveLocale(options.locale);
    let facts: ReturnType<typeof textFacts> | undefined;
    let ignoredLines: ReadonlySet<number> | undefined;
    // Reported spans, by kind: the AST pass must not repeat what the text pass said.
    const reported: { kind: Kind; start: number; end: number }[] = [];

    const overlapsReport = (kind: Kind, start: number, end: number): boolean =>
      reported.some((r) => r.kind === kind && r.start < end && start < r.end);

    const report = (
      finding: Finding,
      loc: TSESTree.SourceLocation,
      replace: { node: TSESTree.Node; slot: Slot; name?: string | undefined } | undefined,
    ): void => {
      const kind = finding.kind as HardCodedKind;
      facts ??= textFacts(sourceCode.text);
      const envName = envNameFor(replace?.name ?? replace?.slot.name) ?? DEFAULT_ENV[kind][facts.hasMwsContext ? 1 : 0];
      context.report({
        loc,
        messageId: MESSAGE_ID[kind],
        data: { message: messageIn(finding, locale) },
        suggest: replace
          ? [
              {
                messageId: 'replaceWithEnv',
                data: { label: renderNotice('replace-with-env', envName, locale) },
                fix: (fixer: TSESLint.RuleFixer) =>
                  fixer.replaceText(
                    replace.node,
                    replace.slot.isJsxAttribute ? `{process.env.${envName}}` : `process.env.${envName}`,
                  ),
              },
            ]
          : [],
      });
    };

    /** The literal that is exactly the secret at `[start, end)`, when one may be replaced. */
    const replaceableLiteral = (start: number, end: number): { node: TSESTree.Node; slot: Slot } | undefined => {
      const node = sourceCode.getNodeByRangeIndex(start);
      if (!node) return undefined;
      const literal = node.type === 'TemplateElement' && node.parent.type === 'TemplateLiteral' ? node.parent : node;
      const isString =
        (literal.type === 'Literal' && typeof literal.value === 'string') ||
        (literal.type === 'TemplateLiteral' && literal.expressions.length === 0);
      // The secret must be the whole string: `'AKIA…'`, not `'user:AKIA…'`.
      if (!isString || literal.range[0] !== start - 1 || literal.range[1] !== end + 1) return undefined;
      const slot = slotOf(literal);
      return slot?.replaceable ? { node: literal, slot } : undefined;
    };

    /** Text pass: core decides, over the whole text, exactly as the CLI does. */
    const scanWholeText = (): void => {
      for (const finding of scanFile(context)) {
        if (!(kinds as readonly Kind[]).includes(finding.kind)) continue;
        if (allow.reasonFor({ finding, text: sourceCode.text })) continue;
        reported.push({ kind: finding.kind, start: finding.offset, end: finding.endOffset });
        report(
          finding,
          { start: sourceCode.getLocFromIndex(finding.offset), end: sourceCode.getLocFromIndex(finding.endOffset) },
          replaceableLiteral(finding.offset, finding.endOffset),
        );
      }
    };

    /** Ranges of the constants an expression reads, so a value reported where defined is not repeated where used. */
    const sourceRanges = (node: TSESTree.Node): TSESTree.Range[] => {
      const ranges: TSESTree.Range[] = [node.range];
      const scope = sourceCode.getScope(node);
      const visit = (n: TSESTree.Node, depth: number): void => {
        if (depth > 3) return;
        if (n.type === 'Identifier') {
          const def = findVariable(scope, n)?.defs[0]?.node;
          if (def?.type === 'VariableDeclarator' && def.init) ranges.push(def.init.range);
        } else if (n.type === 'MemberExpression') visit(n.object, depth + 1);
        else if (n.type === 'BinaryExpression') {
          visit(n.left, depth + 1);
          visit(n.right, depth + 1);
        } else if (n.type === 'TemplateLiteral') for (const e of n.expressions) visit(e, depth + 1);
      };
      visit(node, 0);
      return ranges;
    };

    const staticString = (node: TSESTree.Node): string | undefined => {
      const result = getStaticValue(node, sourceCode.getScope(node));
      return typeof result?.value === 'string' ? result.value : undefined;
    };

    const isPairedWithAccessKey = (slot: Slot, self: TSESTree.Node): boolean =>
      siblingsOf(slot).some(({ name, value }) => {
        if (value === self) return false;
        if (isListedName(name, options.accessKeyIdNames)) return true;
        const v = staticString(value);
        if (v !== undefined) return classifyString(v, { name }, { kinds: ['access-key-id'] }).length > 0;
        // A key id read from the environment still pairs with the secret beside it: moving the
        // key id out of the code (this rule's suggestion) must not hide its secret.
        return isEnvAccessKey(name, value);
      });

    const isEnvAccessKey = (name: string | undefined, value: TSESTree.Node): boolean => {
      const text = sourceCode.getText(value);
      if (classifyValue(text) !== 'env') return false;
      facts ??= textFacts(sourceCode.text);
      return (
        nameRole(name ?? '') === 'access-key' ||
        nameRole(text.split(/\W+/).filter(Boolean).at(-1) ?? '') === 'access-key' ||
        facts.hasMwsContext
      );
    };

    /** The name core should judge the value by: extra names map to core's canonical ones. */
    const effectiveName = (slot: Slot): string | undefined => {
      if (isListedName(slot.name, options.secretKeyNames)) return 'secretKey';
      if (isListedName(slot.name, options.accessKeyIdNames)) return 'accessKeyId';
      if (hasCredentialRole(slot.name) || slot.container === undefined) return slot.name;
      // `Creds.primary` in `const MwsSecrets = { primary: '…' }` or `enum AwsSecret { Primary = '…' }`.
      const qualified = `${slot.container}_${slot.name ?? ''}`;
      return hasCredentialRole(qualified) ? qualified : slot.name;
    };

    const isNamed = (name: string | undefined): boolean =>
      hasCredentialRole(name) ||
      isListedName(name, options.secretKeyNames) ||
      isListedName(name, options.accessKeyIdNames);

    /** AST pass: values plain text cannot see (concatenations, constants, interpolations). */
    const checkExpression = (node: TSESTree.Node, needsName: boolean): void => {
      const slot = slotOf(node);
      if (!slot) return;
      const name = effectiveName(slot);
      if (needsName && !hasCredentialRole(name)) return;
      const value = staticString(node);
      if (value === undefined || value.length < MIN_LENGTH || value.length > MAX_LENGTH) return;
      facts ??= textFacts(sourceCode.text);
      const findings = classifyString(
        value,
        {
          name,
          hasMwsContext: facts.hasMwsContext,
          hasLwaContext: facts.hasLwaContext,
          pairedWithAccessKey: value.length >= 40 && isPairedWithAccessKey(slot, node),
        },
        { kinds },
      );
      if (findings.length === 0) return;
      // The text pass got inline directives from core's scan; values only the AST sees follow
      // the same policy: inline directive first, then the allow options.
      ignoredLines ??= suppressedLines(sourceCode.text);
      if (ignoredLines.has(node.loc.start.line)) return;
      const ranges = sourceRanges(node);
      for (const finding of findings) {
        if (allow.reasonFor({ finding, reportedText: value.slice(finding.offset, finding.endOffset) })) continue;
        if (ranges.some(([s, e]) => overlapsReport(finding.kind, s, e))) continue;
        reported.push({ kind: finding.kind, start: node.range[0], end: node.range[1] });
        const isWhole = finding.offset === 0 && finding.endOffset === value.length;
        // A qualified name (`AwsSecrets_primary`) names the variable better than the member alone.
        const envSource = name?.startsWith(`${slot.container ?? '\u0000'}_`) === true ? name : slot.name;
        report(finding, node.loc, isWhole && slot.replaceable ? { node, slot, name: envSource } : undefined);
      }
    };

    // Values the AST pass can add all need a credential prefix in the text or a credential name
    // (core decides which: `mayHoldStringCredentials`), or a name given in the options: most files
    // have none and get the text pass only.
    const hasAstCandidates =
      mayHoldStringCredentials(sourceCode.text) || options.secretKeyNames.length + options.accessKeyIdNames.length > 0;
    if (!hasAstCandidates) return { Program: scanWholeText };

    /** A value bound where a credential name says what it is: `secretKey: SECRET`, `{ key: Keys.Main }`. */
    const checkNamedValue = (value: TSESTree.Node | null | undefined): void => {
      if (!value) return;
      let v = value;
      while (
        v.type === 'TSAsExpression' ||
        v.type === 'TSSatisfiesExpression' ||
        v.type === 'TSNonNullExpression' ||
        v.type === 'JSXExpressionContainer'
      ) {
        if (v.expression.type === 'JSXEmptyExpression') return;
        v = v.expression;
      }
      if (v.type === 'Identifier' || v.type === 'MemberExpression') checkExpression(v, true);
    };

    return {
      Program: scanWholeText,
      // Only values that are not one literal: text already shows literals to core.
      BinaryExpression(node) {
        if (node.operator === '+' && node.parent.type !== 'BinaryExpression') checkExpression(node, false);
      },
      TemplateLiteral(node) {
        if (node.expressions.length > 0 && node.parent.type !== 'TaggedTemplateExpression')
          checkExpression(node, false);
      },
      TaggedTemplateExpression(node) {
        checkExpression(node, false);
      },
      CallExpression(node) {
        const callee = node.callee;
        if (
          callee.type === 'MemberExpression' &&
          callee.property.type === 'Identifier' &&
          (callee.property.name === 'join' || callee.property.name === 'concat')
        )
          checkExpression(node, false);
        // `setSecretKey(SECRET)`, `define('AWS_SECRET_ACCESS_KEY', SECRET)`.
        if (node.arguments.length === 1) checkNamedValue(node.arguments[0]);
        node.arguments.forEach((arg, i) => {
          const previous = node.arguments[i - 1];
          if (previous?.type === 'Literal' && typeof previous.value === 'string') checkNamedValue(arg);
        });
      },
      // Constants read under a credential name. The name is checked first (a cached lookup), so
      // the value is only evaluated where a credential could be.
      VariableDeclarator(node) {
        if (node.id.type === 'Identifier' && isNamed(node.id.name)) checkNamedValue(node.init);
      },
      Property(node) {
        if (node.parent.type === 'ObjectExpression' && isNamed(keyName(node.key, node.computed)))
          checkNamedValue(node.value);
      },
      AssignmentExpression(node) {
        if (isNamed(targetName(node.left))) checkNamedValue(node.right);
      },
      AssignmentPattern(node) {
        if (isNamed(targetName(node.left))) checkNamedValue(node.right);
      },
      PropertyDefinition(node) {
        if (isNamed(keyName(node.key, node.computed))) checkNamedValue(node.value);
      },
      JSXAttribute(node) {
        const name = node.name.type === 'JSXIdentifier' ? node.name.name : node.name.name.name;
        if (isNamed(name)) checkNamedValue(node.value);
      },
      Literal(node) {
        if (typeof node.value !== 'string' || node.value.length < MIN_LENGTH) return;
        // Plain literals text cannot judge: a user-listed name, or a member whose record names it
        // (`enum MwsSecret { Primary = '…' }`, `const AwsSecrets = { primary: '…' } as const`).
        const slot = slotOf(node);
        if (slot && effectiveName(slot) !== slot.name) checkExpression(node, false);
      },
    };
  },
});
