import { nameRole } from '@mwsguard/core';
import type { TSESTree } from '@typescript-eslint/utils';

/** Where an expression's value goes: the name it is bound to and whether it may be replaced. */
export interface Slot {
  /** The binding name: variable, property, key, parameter, class field, JSX attribute, setter. */
  readonly name: string | undefined;
  /** The name of the record around it: object variable, enum, class (for `Creds.secret`). */
  readonly container: string | undefined;
  /** The node holding the value (declarator, property, call...). */
  readonly holder: TSESTree.Node;
  /** A `process.env` read is valid code in place of the expression. */
  readonly replaceable: boolean;
  /** The value is a JSX attribute's string: a replacement needs braces. */
  readonly isJsxAttribute: boolean;
}

/** The static name of a property key (`secretKey`, `'secret_key'`, `["secretKey"]`, `#secretKey`). */
export function keyName(key: TSESTree.Node, computed: boolean): string | undefined {
  if (key.type === 'Identifier' && !computed) return key.name;
  if (key.type === 'PrivateIdentifier') return key.name;
  if (key.type === 'Literal' && typeof key.value === 'string') return key.value;
  if (key.type === 'TemplateLiteral' && key.expressions.length === 0) return key.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** The name written on the left of an assignment: `x`, `config.secretKey`, `env['SECRET_KEY']`. */
export function targetName(node: TSESTree.Node): string | undefined {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'MemberExpression') return keyName(node.property, node.computed);
  return undefined;
}

/** Expressions a value passes through unchanged on its way to its binding. */
function isTransparent(parent: TSESTree.Node, child: TSESTree.Node): boolean {
  switch (parent.type) {
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
    case 'TSNonNullExpression':
    case 'TSTypeAssertion':
    case 'AwaitExpression':
      return true;
    case 'LogicalExpression':
      return true;
    case 'ConditionalExpression':
      return parent.test !== child;
    case 'JSXExpressionContainer':
      return parent.parent.type === 'JSXAttribute';
    default:
      return false;
  }
}

function isConstAssertion(node: TSESTree.Node): boolean {
  return (
    node.type === 'TSAsExpression' &&
    node.typeAnnotation.type === 'TSTypeReference' &&
    node.typeAnnotation.typeName.type === 'Identifier' &&
    node.typeAnnotation.typeName.name === 'const'
  );
}

/** Name of the variable, property or class an object, class body or enum is bound to. */
function recordName(node: TSESTree.Node | undefined): string | undefined {
  let current = node;
  while (current?.parent && isTransparent(current.parent, current)) current = current.parent;
  const parent = current?.parent;
  if (!parent) return undefined;
  switch (parent.type) {
    case 'VariableDeclarator':
      return parent.id.type === 'Identifier' ? parent.id.name : undefined;
    case 'Property':
      return keyName(parent.key, parent.computed);
    case 'AssignmentExpression':
      return targetName(parent.left);
    case 'ClassDeclaration':
    case 'ClassExpression':
      return parent.id?.name;
    default:
      return undefined;
  }
}

/** The name an argument gets from its call: `setSecretKey(v)`, `define('SECRET_KEY', v)`, `params.set('X', v)`. */
function argumentName(call: TSESTree.CallExpression | TSESTree.NewExpression, arg: TSESTree.Node): string | undefined {
  const index = call.arguments.indexOf(arg as TSESTree.CallExpressionArgument);
  const previous = index > 0 ? call.arguments[index - 1] : undefined;
  // `define('AWS_SECRET_ACCESS_KEY', v)`: a name, not another value (`setApiKey('AKIA…', v)`).
  if (previous?.type === 'Literal' && typeof previous.value === 'string' && nameRole(previous.value) !== 'none')
    return previous.value;
  // A setter names its one argument: `setSecretKey(v)`, not `setApiKey(accessKey, secret)`.
  if (call.arguments.length !== 1) return undefined;
  const callee = call.callee.type === 'MemberExpression' ? call.callee.property : call.callee;
  const name = callee.type === 'Identifier' ? callee.name : undefined;
  const setter = name === undefined ? undefined : /^(?:set|with|put)_?([A-Za-z]\w*)$/.exec(name)?.[1];
  return setter;
}

/**
 * Finds where `node`'s value is bound, climbing through `as`, `satisfies`, `!`, `await`,
 * `a ?? b` and `c ? a : b`. `undefined` for positions that bind no value (a callee, a test).
 */
export function slotOf(node: TSESTree.Node): Slot | undefined {
  let child: TSESTree.Node = node;
  let replaceable = true;
  while (child.parent && isTransparent(child.parent, child)) {
    // `'…' as const` must stay a literal; `{ … } as const` around it is fine.
    if (child === node && isConstAssertion(child.parent)) replaceable = false;
    child = child.parent;
  }
  const holder = child.parent;
  if (!holder) return undefined;
  const slot = (name: string | undefined, container: string | undefined, canReplace = replaceable): Slot => ({
    name,
    container,
    holder,
    replaceable: canReplace,
    isJsxAttribute: holder.type === 'JSXAttribute',
  });
  switch (holder.type) {
    case 'VariableDeclarator':
      if (holder.init !== child) return undefined;
      return slot(holder.id.type === 'Identifier' ? holder.id.name : undefined, undefined);
    case 'Property':
      if (holder.value !== child || holder.parent.type !== 'ObjectExpression') return undefined;
      return slot(keyName(holder.key, holder.computed), recordName(holder.parent));
    case 'AssignmentExpression':
      return holder.right === child ? slot(targetName(holder.left), undefined) : undefined;
    case 'AssignmentPattern':
      return holder.right === child ? slot(targetName(holder.left), undefined) : undefined;
    case 'PropertyDefinition':
    case 'AccessorProperty':
      if (holder.value !== child) return undefined;
      return slot(keyName(holder.key, holder.computed), recordName(holder.parent.parent));
    case 'JSXAttribute':
      return slot(holder.name.type === 'JSXIdentifier' ? holder.name.name : holder.name.name.name, undefined);
    case 'CallExpression':
    case 'NewExpression':
      if (holder.callee === child) return undefined;
      return slot(argumentName(holder, child), undefined);
    case 'TSEnumMember':
      if (holder.initializer !== child) return undefined;
      // Enum initializers must be constants: no replacement.
      return slot(keyName(holder.id, false), holder.parent.parent.id.name, false);
    case 'ReturnStatement':
    case 'ArrayExpression':
    case 'TemplateLiteral':
      return slot(undefined, undefined);
    case 'ArrowFunctionExpression':
      return holder.body === child ? slot(undefined, undefined) : undefined;
    default:
      return undefined;
  }
}

/** Sibling values of a slot: other arguments of the call, other properties of the object. */
export function siblingsOf(slot: Slot): { name: string | undefined; value: TSESTree.Node }[] {
  const { holder } = slot;
  if (holder.type === 'CallExpression' || holder.type === 'NewExpression') {
    return holder.arguments.map((value) => ({ name: undefined, value }));
  }
  if (holder.type === 'Property' && holder.parent.type === 'ObjectExpression') {
    return holder.parent.properties.flatMap((p) =>
      p.type === 'Property' ? [{ name: keyName(p.key, p.computed), value: p.value }] : [],
    );
  }
  return [];
}
