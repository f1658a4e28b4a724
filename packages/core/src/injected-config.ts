import type { Field } from './structure.js';

/**
 * Fields a dependency-injection container fills from the program's own configuration: Spring's
 * `@Value("${mws.secret-key}")`, Camel's `@PropertyInject(…)`, MicroProfile's
 * `@ConfigProperty(name = …)`, Nacos' `@NacosValue(…)`, and every field of a Spring
 * `@ConfigurationProperties(prefix = "mws")` class. Their values are the environment's, read once
 * for the whole program: the integrator's own keys (type B), or one seller's own tool, never a
 * record of sellers' keys.
 */

// An injection annotation, and one that binds a whole class.
const INJECTION = /@(?:Value|PropertyInject|ConfigProperty|NacosValue)\s{0,4}\(/g;
const BOUND_CLASS = /@ConfigurationProperties\b/;
// How far before a field its annotation may sit (two annotated lines).
const WINDOW = 240;
// Quoted text, read as blank: an annotation's `"${mws.secret}"` holds braces.
const QUOTED = /"(?:[^"\\\n]|\\.){0,200}"|'(?:[^'\\\n]|\\.){0,200}'/g;

/** True when `text` may inject configuration into fields (cheap pre-check). */
export function mayInjectConfig(text: string): boolean {
  return text.includes('@') && (INJECTION.test(text) || BOUND_CLASS.test(text));
}

/** True when the declared or blank field at `f` is filled from configuration (see the module comment). */
export function injectedFromConfig(text: string, f: Field): boolean {
  if (f.shape !== 'decl' && f.shape !== 'empty') return false;
  if (BOUND_CLASS.test(text)) return true;
  const before = text.slice(Math.max(0, f.start - WINDOW), f.start).replace(QUOTED, '""');
  INJECTION.lastIndex = 0;
  let last = -1;
  for (let m = INJECTION.exec(before); m !== null; m = INJECTION.exec(before)) last = m.index;
  // (The annotation's own declaration: nothing between it and the field ends a statement or opens a block.)
  return last !== -1 && !/[;{}]/.test(before.slice(last));
}
