import { classifyValue, nameRole, renderNotice, resolveLocale } from '@mwsguard/core';
import { findVariable } from '../util/eslint-utils.js';
import type { TSESTree } from '@typescript-eslint/utils';
import type { RequireMwsAuthTokenOptions } from '../options.js';
import { createRule } from '../util/create-rule.js';
import { keyName } from '../util/ast.js';
import { textFacts } from '../util/file.js';
import { DEFAULT_LOCALE, LOCALE_DESCRIPTION } from '../util/locale.js';
import { isListedName } from '../util/names.js';

// npm `amazon-mws` (index.d.ts): `amazonMws.<section>.<method>({ SellerId, MWSAuthToken, … })`.
const AMAZON_MWS_SECTIONS = new Set([
  'feeds',
  'finances',
  'fulfillmentInboundShipment',
  'fulfillmentInventory',
  'fulfillmentOutboundShipment',
  'merchantFulfillment',
  'orders',
  'products',
  'recommendations',
  'reports',
  'sellers',
  'subscriptions',
]);
const AMAZON_MWS_METHODS = new Set(['search', 'searchFor', 'submit', 'create', 'remove']);
// npm `mws-simple` / `@ericblade/mws-simple`: `require('mws-simple')({ accessKeyId, secretAccessKey,
// merchantId, authToken })`, `new MWSSimple({…})`; per request `mws.request({ path, query: { MWSAuthToken } })`.
const MWS_SIMPLE_MODULES = new Set(['mws-simple', '@ericblade/mws-simple']);
// npm `mws` (ScaleLeap) `lib/http.d.ts`: `new HttpClient({ marketplace, awsAccessKeyId, secretKey, sellerId, mwsAuthToken })`.
const SCALELEAP_CLIENT = 'HttpClient';
// Parameters that make an object a signed MWS request (Signature Version 2 query parameters).
const SIGNED_REQUEST_KEYS = new Set(['AWSAccessKeyId', 'SignatureVersion', 'SignatureMethod']);
// `params.append('SellerId', …)`, `v.Add("SellerId", …)`, `query.set('Merchant', …)`.
const PARAM_SETTERS = new Set(['append', 'set', 'add', 'Add', 'put', 'Set']);
// `?…&SellerId=…` in a URL string, with the parameter name captured for its position.
const QUERY_SELLER = /[?&](SellerId|Merchant)=/;
const MAX_DEPTH = 3;
// `SellerId`, `sellerId`, `Merchant`, `merchantId`, `MERCHANT_ID`, `seller_id`…
const SELLER_PREFILTER = /seller|merchant/i;

export type Options = [RequireMwsAuthTokenOptions];
export type MessageIds = 'missingAuthToken';

/** A piece of a string expression: static text at a source offset, or an interpolated expression. */
type Part = { kind: 'text'; text: string; start: number } | { kind: 'expression'; node: TSESTree.Node };

interface Param {
  readonly name: string;
  readonly key: TSESTree.Node;
  readonly value: TSESTree.Node;
}

function unwrap(node: TSESTree.Node): TSESTree.Node {
  let n = node;
  while (
    n.type === 'TSAsExpression' ||
    n.type === 'TSSatisfiesExpression' ||
    n.type === 'TSNonNullExpression' ||
    n.type === 'TSTypeAssertion'
  )
    n = n.expression;
  return n;
}

function memberName(node: TSESTree.Node): string | undefined {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'MemberExpression') return keyName(node.property, node.computed);
  return undefined;
}

function stringArgument(node: TSESTree.Node | undefined): string | undefined {
  return node?.type === 'Literal' && typeof node.value === 'string' ? node.value : undefined;
}

function isRequireOf(node: TSESTree.Node, modules: ReadonlySet<string>): boolean {
  return (
    node.type === 'CallExpression' &&
    node.callee.type === 'Identifier' &&
    node.callee.name === 'require' &&
    modules.has(stringArgument(node.arguments[0]) ?? '')
  );
}

export default createRule<Options, MessageIds>({
  name: 'require-mws-auth-token',
  meta: {
    type: 'problem',
    // JavaScript and TypeScript, and config files through the `config-files` processor.
    languages: ['js/js'],
    docs: {
      description: 'Require an MWS Auth Token on every MWS call made for a seller (SellerId, Merchant, merchantId)',
      recommended: 'recommended',
    },
    messages: {
      // Worded by core's notice table in the rule's locale.
      missingAuthToken: '{{ message }}',
    },
    schema: [
      {
        type: 'object',
        description: 'Which calls count as calls for another seller, and extra parameter names.',
        additionalProperties: false,
        properties: {
          allowOwnAccount: {
            type: 'boolean',
            description:
              'Do not report a seller id that is a literal or read from the environment or config (a single-tenant script for its own account).',
          },
          sellerIdNames: {
            type: 'array',
            description: 'Extra names of seller id parameters.',
            items: { type: 'string' },
            uniqueItems: true,
          },
          authTokenNames: {
            type: 'array',
            description: 'Extra names of MWS Auth Token parameters.',
            items: { type: 'string' },
            uniqueItems: true,
          },
          locale: { type: 'string', description: LOCALE_DESCRIPTION },
        },
      },
    ],
    defaultOptions: [{ allowOwnAccount: true, sellerIdNames: [], authTokenNames: [], locale: DEFAULT_LOCALE }],
  },
  create(context, [options]) {
    const { sourceCode } = context;
    const locale = resolveLocale(options.locale);
    const handled = new Set<TSESTree.Node>();
    const mwsSimpleClients = new Set<string>();
    const mwsSimpleFactories = new Set<string>();
    const mwsSimpleConstructors: Param[] = [];
    const setterCalls = new Map<string, { sellers: Param[]; hasToken: boolean }>();
    let requestsCarryToken = false;
    let hasMwsContext: boolean | undefined;

    const isSeller = (name: string): boolean =>
      nameRole(name) === 'seller-id' || isListedName(name, options.sellerIdNames);
    const isToken = (name: string): boolean =>
      nameRole(name) === 'auth-token' || isListedName(name, options.authTokenNames);
    const mwsContext = (): boolean => (hasMwsContext ??= textFacts(sourceCode.text).hasMwsContext);

    const variableInit = (node: TSESTree.Identifier): TSESTree.Node | undefined => {
      const def = findVariable(sourceCode.getScope(node), node)?.defs[0];
      return def?.node.type === 'VariableDeclarator' && def.node.init ? unwrap(def.node.init) : undefined;
    };

    /** The object literal a request argument is, or is bound to (`const params = {…}; call(params)`). */
    const resolveObject = (node: TSESTree.Node | undefined, depth = 0): TSESTree.ObjectExpression | undefined => {
      if (!node || depth > MAX_DEPTH) return undefined;
      const n = unwrap(node);
      if (n.type === 'ObjectExpression') return n;
      if (n.type === 'Identifier') return resolveObject(variableInit(n), depth + 1);
      return undefined;
    };

    /** Properties of an object, spreads of known objects included; `undefined` when a spread is unknown. */
    const paramsOf = (object: TSESTree.ObjectExpression, depth = 0): Param[] | undefined => {
      const params: Param[] = [];
      for (const p of object.properties) {
        if (p.type === 'SpreadElement') {
          const inner = depth < MAX_DEPTH ? resolveObject(p.argument) : undefined;
          const innerParams = inner && paramsOf(inner, depth + 1);
          if (!innerParams) return undefined;
          params.push(...innerParams);
          continue;
        }
        const name = keyName(p.key, p.computed);
        if (name !== undefined) params.push({ name, key: p.key, value: p.value });
      }
      return params;
    };

    const isEmpty = (node: TSESTree.Node): boolean => {
      const n = unwrap(node);
      if (n.type === 'Identifier' && n.name === 'undefined') return true;
      return classifyValue(sourceCode.getText(n)) === 'empty';
    };

    /** True for a seller id the program owns: a literal, or an environment or config read. */
    const isOwnAccount = (node: TSESTree.Node, depth = 0): boolean => {
      const n = unwrap(node);
      const shape = classifyValue(sourceCode.getText(n));
      if (shape === 'literal' || shape === 'env') return true;
      if (n.type === 'Literal') return true;
      if (n.type === 'TemplateLiteral' && n.expressions.length === 0) return true;
      if (n.type === 'Identifier' && depth < MAX_DEPTH) {
        const init = variableInit(n);
        return init !== undefined && isOwnAccount(init, depth + 1);
      }
      return false;
    };

    const describe = (node: TSESTree.Node): string => {
      const text = sourceCode.getText(unwrap(node)).replace(/\s+/g, ' ');
      return text.length > 40 ? `${text.slice(0, 39)}…` : text;
    };

    const report = (
      at: { node: TSESTree.Node } | { loc: TSESTree.SourceLocation },
      value: TSESTree.Node | string,
    ): void => {
      context.report({
        ...at,
        messageId: 'missingAuthToken',
        data: {
          message: renderNotice('missing-auth-token', typeof value === 'string' ? value : describe(value), locale),
        },
      });
    };

    /** Judges one set of request parameters: a seller without a token is reported at the seller key. */
    const checkParams = (object: TSESTree.ObjectExpression | undefined, sellerNames?: ReadonlySet<string>): void => {
      if (!object || handled.has(object)) return;
      handled.add(object);
      const params = paramsOf(object);
      if (!params) return;
      const seller = params.find((p) => (sellerNames ? sellerNames.has(p.name) : isSeller(p.name)));
      if (!seller || isEmpty(seller.value)) return;
      const token = params.find((p) => isToken(p.name));
      if (token && !isEmpty(token.value)) return;
      if (options.allowOwnAccount && isOwnAccount(seller.value)) return;
      report({ node: seller.key }, seller.value);
    };

    /** `mws-simple` clients: the token may come per request instead, as its README documents. */
    const checkMwsSimpleConstructor = (args: readonly TSESTree.Node[], binding: TSESTree.Node): void => {
      const object = resolveObject(args[0]);
      if (binding.type === 'VariableDeclarator' && binding.id.type === 'Identifier')
        mwsSimpleClients.add(binding.id.name);
      if (!object) return;
      handled.add(object);
      const params = paramsOf(object);
      if (!params) return;
      const seller = params.find((p) => isSeller(p.name));
      if (!seller || isEmpty(seller.value)) return;
      const token = params.find((p) => isToken(p.name));
      if (token && !isEmpty(token.value)) return;
      if (options.allowOwnAccount && isOwnAccount(seller.value)) return;
      mwsSimpleConstructors.push(seller);
    };

    const isMwsSimpleFactory = (callee: TSESTree.Node): boolean =>
      isRequireOf(callee, MWS_SIMPLE_MODULES) || (callee.type === 'Identifier' && mwsSimpleFactories.has(callee.name));

    /** URL strings and concatenations: `…?AWSAccessKeyId=…&SellerId=${seller.id}&…` without `MWSAuthToken=`. */
    const checkUrl = (node: TSESTree.Node, parts: readonly Part[]): void => {
      const whole = parts.map((p) => (p.kind === 'text' ? p.text : '\u0000')).join('');
      if (!QUERY_SELLER.test(whole) || whole.includes('MWSAuthToken=')) return;
      if (!/amazonservices|AWSAccessKeyId=|SignatureVersion=/.test(whole) && !mwsContext()) return;
      for (let i = 0; i < parts.length; i++) {
        const part = parts[i];
        if (part?.kind !== 'text') continue;
        const m = QUERY_SELLER.exec(part.text);
        if (!m) continue;
        handled.add(node);
        const start = part.start + m.index + 1;
        const loc = {
          start: sourceCode.getLocFromIndex(start),
          end: sourceCode.getLocFromIndex(start + (m[1] ?? '').length),
        };
        const valueText = part.text.slice(m.index + m[0].length);
        const next = parts[i + 1];
        if (valueText === '' && next?.kind === 'expression') {
          // The seller id is interpolated: `SellerId=${seller.sellerId}`.
          if (options.allowOwnAccount && isOwnAccount(next.node)) return;
          report({ loc }, next.node);
        } else {
          const literal = /^[^&#\s]*/.exec(valueText)?.[0] ?? '';
          if (literal === '' || options.allowOwnAccount) return;
          report({ loc }, literal);
        }
        return;
      }
    };

    /** Static pieces of a string expression, with their source offsets; other pieces as nodes. */
    const stringParts = (node: TSESTree.Node): Part[] | undefined => {
      if (node.type === 'Literal' && typeof node.value === 'string')
        return [
          { kind: 'text', text: sourceCode.text.slice(node.range[0] + 1, node.range[1] - 1), start: node.range[0] + 1 },
        ];
      if (node.type === 'TemplateLiteral') {
        const out: Part[] = [];
        node.quasis.forEach((q, i) => {
          const open = sourceCode.text.charAt(q.range[0]);
          const start = q.range[0] + (open === '`' || open === '}' ? 1 : 0);
          out.push({ kind: 'text', text: q.value.raw, start });
          const e = node.expressions[i];
          if (e) out.push({ kind: 'expression', node: e });
        });
        return out;
      }
      if (node.type === 'BinaryExpression' && node.operator === '+') {
        const left = stringParts(node.left) ?? [{ kind: 'expression', node: node.left }];
        const right = stringParts(node.right) ?? [{ kind: 'expression', node: node.right }];
        return [...left, ...right];
      }
      return undefined;
    };

    // Every shape needs a seller parameter: files that never name one are skipped whole.
    if (!SELLER_PREFILTER.test(sourceCode.text) && options.sellerIdNames.length === 0) return {};

    return {
      VariableDeclarator(node) {
        // `const mwsSimple = require('mws-simple')` / `import MWSSimple from '@ericblade/mws-simple'`.
        if (node.id.type === 'Identifier' && node.init && isRequireOf(node.init, MWS_SIMPLE_MODULES))
          mwsSimpleFactories.add(node.id.name);
      },
      ImportDeclaration(node) {
        if (!MWS_SIMPLE_MODULES.has(node.source.value)) return;
        for (const s of node.specifiers) mwsSimpleFactories.add(s.local.name);
      },
      CallExpression(node) {
        const { callee } = node;
        if (isMwsSimpleFactory(callee)) {
          checkMwsSimpleConstructor(node.arguments, node.parent);
          return;
        }
        if (callee.type !== 'MemberExpression') return;
        const method = memberName(callee);
        if (method === undefined) return;
        const section = callee.object.type === 'MemberExpression' ? memberName(callee.object) : undefined;
        if (AMAZON_MWS_METHODS.has(method) && section !== undefined && AMAZON_MWS_SECTIONS.has(section)) {
          checkParams(resolveObject(node.arguments[0]));
        } else if (method === 'request' && callee.object.type === 'Identifier') {
          if (!mwsSimpleClients.has(callee.object.name)) return;
          const request = resolveObject(node.arguments[0]);
          const query = request && paramsOf(request)?.find((p) => p.name === 'query');
          const queryObject = query && resolveObject(query.value);
          if (queryObject && paramsOf(queryObject)?.some((p) => isToken(p.name) && !isEmpty(p.value)))
            requestsCarryToken = true;
          checkParams(queryObject);
        } else if (PARAM_SETTERS.has(method)) {
          const name = stringArgument(node.arguments[0]);
          const value = node.arguments[1];
          if (name === undefined || value === undefined) return;
          const receiver = sourceCode.getText(callee.object);
          const entry = setterCalls.get(receiver) ?? { sellers: [], hasToken: false };
          if (name === 'SellerId' || name === 'Merchant' || isListedName(name, options.sellerIdNames))
            entry.sellers.push({ name, key: node.arguments[0] as TSESTree.Node, value });
          else if (isToken(name) && !isEmpty(value)) entry.hasToken = true;
          setterCalls.set(receiver, entry);
        }
      },
      NewExpression(node) {
        const name = memberName(node.callee);
        if (node.callee.type === 'Identifier' && mwsSimpleFactories.has(node.callee.name)) {
          checkMwsSimpleConstructor(node.arguments, node.parent);
        } else if (name === SCALELEAP_CLIENT) {
          checkParams(resolveObject(node.arguments[0]));
        }
      },
      ObjectExpression(node) {
        if (handled.has(node)) return;
        const names = new Set<string>();
        for (const p of node.properties)
          if (p.type === 'Property') {
            const n = keyName(p.key, p.computed);
            if (n !== undefined) names.add(n);
          }
        const isSigned = [...SIGNED_REQUEST_KEYS].some((k) => names.has(k));
        if (!isSigned && !(names.has('Action') && mwsContext())) return;
        const sellers = new Set(['SellerId', 'Merchant', ...options.sellerIdNames]);
        if ([...sellers].some((s) => names.has(s))) checkParams(node, sellers);
      },
      'Literal, TemplateLiteral, BinaryExpression'(
        node: TSESTree.Literal | TSESTree.TemplateLiteral | TSESTree.BinaryExpression,
      ) {
        if (node.parent.type === 'BinaryExpression' && node.parent.operator === '+') return;
        if (node.parent.type === 'TemplateLiteral') return;
        if (node.type === 'Literal' && typeof node.value !== 'string') return;
        if (node.type === 'BinaryExpression' && node.operator !== '+') return;
        const parts = stringParts(node);
        if (parts) checkUrl(node, parts);
      },
      'Program:exit'() {
        if (!requestsCarryToken) for (const seller of mwsSimpleConstructors) report({ node: seller.key }, seller.value);
        if (setterCalls.size === 0 || !mwsContext()) return;
        for (const { sellers, hasToken } of setterCalls.values()) {
          if (hasToken) continue;
          for (const seller of sellers) {
            if (isEmpty(seller.value) || (options.allowOwnAccount && isOwnAccount(seller.value))) continue;
            report({ node: seller.key }, seller.value);
          }
        }
      },
    };
  },
});
