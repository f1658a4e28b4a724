import type { Field } from './structure.js';

/**
 * Fields a dependency-injection container fills from the program's own configuration: Spring's
 * `@Value("${mws.secret-key}")`, Camel's `@PropertyInject(…)`, MicroProfile's
 * `@ConfigProperty(name = …)`, Nacos' `@NacosValue(…)`, and the fields of a Spring
 * `@ConfigurationProperties(prefix = "mws")` class's own body. Their values are the environment's,
 * read once for the whole program: the integrator's own keys (type B), or one seller's own tool,
 * never a record of sellers' keys.
 */

// An injection annotation (`INJECTIONS` finds each one before a field), and one that binds a whole class.
const INJECTION = /@(?:Value|PropertyInject|ConfigProperty|NacosValue)\s{0,4}\(/;
const INJECTIONS = new RegExp(INJECTION.source, 'g');
const BOUND_CLASS = /@ConfigurationProperties\b/g;
// How far before a field its annotation may sit (two annotated lines).
const WINDOW = 240;
// How far a bound class's body is read, and how many bound classes.
const BODY_REACH = 20_000;
const MAX_CLASSES = 10;
// Quoted text, read as blank: an annotation's `"${mws.secret}"` holds braces.
const QUOTED = /"(?:[^"\\\n]|\\.){0,200}"|'(?:[^'\\\n]|\\.){0,200}'/g;

/** True when `text` may inject configuration into fields (cheap pre-check). */
export function mayInjectConfig(text: string): boolean {
  return text.includes('@') && (INJECTION.test(text) || text.includes('@ConfigurationProperties'));
}

/** A reader of which declared or blank fields of `text` are filled from configuration (see the module comment). */
export function configInjection(text: string): (f: Field) => boolean {
  const bodies = boundClassBodies(text);
  return (f) => {
    if (f.shape !== 'decl' && f.shape !== 'empty') return false;
    if (bodies.some(([start, end]) => f.start > start && f.start < end)) return true;
    const before = text.slice(Math.max(0, f.start - WINDOW), f.start).replace(QUOTED, '""');
    INJECTIONS.lastIndex = 0;
    let last = -1;
    for (let m = INJECTIONS.exec(before); m !== null; m = INJECTIONS.exec(before)) last = m.index;
    // (The annotation's own declaration: nothing between it and the field ends a statement or opens a block.)
    return last !== -1 && !/[;{}]/.test(before.slice(last));
  };
}

/** The bodies (`{` to its `}`) of the classes a `@ConfigurationProperties` annotation binds. */
function boundClassBodies(text: string): [number, number][] {
  const bodies: [number, number][] = [];
  BOUND_CLASS.lastIndex = 0;
  for (let m = BOUND_CLASS.exec(text); m !== null && bodies.length < MAX_CLASSES; m = BOUND_CLASS.exec(text)) {
    const open = text.indexOf('{', m.index);
    if (open === -1) break;
    let depth = 0;
    let end = Math.min(text.length, open + BODY_REACH);
    for (let i = open; i < end; i++) {
      const c = text.charAt(i);
      if (c === '{') depth++;
      else if (c === '}' && --depth === 0) end = i;
    }
    bodies.push([open, end]);
    BOUND_CLASS.lastIndex = Math.max(BOUND_CLASS.lastIndex, end);
  }
  return bodies;
}
