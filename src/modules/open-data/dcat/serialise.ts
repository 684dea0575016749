/**
 * The graph written as Turtle (N3.js's writer) and as JSON-LD. JSON-LD is written here from the
 * quads, flat (`@graph`, one object per subject, every value explicit: `@id`, `@value` with
 * `@language` or `@type`) with an inline `@context` of prefixes: a reader needs no remote context,
 * and the document says exactly the graph the Turtle says (the tests read both back and compare).
 */
import { type Quad, type Store, type Term, Writer } from 'n3';
import { NS } from './vocab.ts';

export const TURTLE = 'text/turtle';
export const JSON_LD = 'application/ld+json';

/** The prefixes both formats use: the vocabularies, and Satu Data's own namespace. */
export function prefixesFor(sdi: string): Record<string, string> {
  return { ...NS, sdi };
}

export function toTurtle(store: Store, prefixes: Record<string, string>): Promise<string> {
  const writer = new Writer({ prefixes });
  writer.addQuads(store.getQuads(null, null, null, null));
  return new Promise((resolve, reject) => {
    writer.end((error, result: string) => (error ? reject(error) : resolve(result)));
  });
}

export type JsonLdDocument = { '@context': Record<string, string>; '@graph': Record<string, unknown>[] };

export function toJsonLd(store: Store, prefixes: Record<string, string>): JsonLdDocument {
  const entries = Object.entries(prefixes).sort((a, b) => b[1].length - a[1].length);
  // Predicates, classes and datatypes are shortened (`dct:title`); node addresses are written
  // whole, so that a producer's link can never be mistaken for a prefixed name.
  const compact = (address: string) => {
    for (const [prefix, namespace] of entries) {
      const local = address.slice(namespace.length);
      if (address.startsWith(namespace) && /^[A-Za-z_][\w-]*$/.test(local)) return `${prefix}:${local}`;
    }
    return address;
  };
  const id = (term: Term) => (term.termType === 'BlankNode' ? `_:${term.value}` : term.value);
  const nodes = new Map<string, Record<string, unknown>>();
  for (const q of store.getQuads(null, null, null, null) as Quad[]) {
    const subject = id(q.subject);
    let node = nodes.get(subject);
    if (!node) {
      node = { '@id': subject };
      nodes.set(subject, node);
    }
    const isType = q.predicate.value === `${NS.rdf}type` && q.object.termType === 'NamedNode';
    const key = isType ? '@type' : compact(q.predicate.value);
    const values = (node[key] ?? []) as unknown[];
    values.push(isType ? compact(q.object.value) : jsonValue(q.object, compact, id));
    node[key] = values;
  }
  return { '@context': prefixes, '@graph': [...nodes.values()] };
}

function jsonValue(term: Term, compact: (address: string) => string, id: (term: Term) => string) {
  if (term.termType !== 'Literal') return { '@id': id(term) };
  const literal = term as Term & { language: string; datatype: { value: string } };
  if (literal.language) return { '@value': literal.value, '@language': literal.language };
  if (literal.datatype.value === `${NS.xsd}string`) return { '@value': literal.value };
  return { '@value': literal.value, '@type': compact(literal.datatype.value) };
}
