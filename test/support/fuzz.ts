/**
 * The hostile requests of the fuzz suite (test/fuzz.test.ts), generated from an operation of the
 * OpenAPI document: bad path and query values, and for a body, wrong types, missing and extra
 * fields, 1 MB strings, deep nesting, NUL and invalid UTF-8, injection strings, out-of-range
 * numbers and dates, and wrong content types. Deterministic: a seeded generator picks the values,
 * so a failure names a case that the same seed sends again.
 */

/** A JSON schema as the OpenAPI document states it (no `$ref`: TypeBox inlines every schema). */
export type Schema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  default?: unknown;
};

export type Parameter = {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
};

export type Operation = {
  method: string;
  /** The documented path, with `{name}` parameters. */
  path: string;
  parameters: Parameter[];
  /** The body's documented content types, and its JSON schema when it has one. */
  body?: { types: string[]; schema?: Schema };
};

/** One hostile request: what it tries, and what to send. */
export type FuzzCase = {
  name: string;
  url: string;
  payload?: string | Buffer;
  headers?: Record<string, string>;
};

/** A small seeded generator (mulberry32): the same seed, the same cases. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed of its own for each operation, so that adding a route leaves the others' cases as they were. */
export function seedOf(base: number, key: string): number {
  let h = base >>> 0;
  for (const c of key) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return h;
}

function pick<T>(random: () => number, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const chosen: T[] = [];
  while (chosen.length < count && pool.length > 0)
    chosen.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!);
  return chosen;
}

/** The router's longest path parameter (src/platform/http/framework-errors.ts) and one past it. */
const OVER_PARAM = 'x'.repeat(101);

/** Path segments, already percent-encoded as they travel. */
const PATH_VALUES = [
  '%00',
  'a%00b',
  '%zz',
  '%',
  '%ff%fe',
  '%ED%A0%80',
  '99999999999999999999',
  '-1',
  '0',
  '1.5',
  '2026-02-30',
  '99999-01-01',
  "'%20OR%201=1--",
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  '..%2F..%2Fetc%2Fpasswd',
  '%E2%80%AE',
  'null',
  OVER_PARAM,
  'x'.repeat(5000),
];

/** Query values, percent-encoded. */
const QUERY_VALUES = [
  '',
  '%00',
  'a%00b',
  '%zz',
  '%ff%fe',
  '99999999999999999999',
  '9223372036854775808',
  '2147483648',
  '-99999999999999999999',
  '1e309',
  'NaN',
  '-1',
  '1.5',
  '2026-02-30',
  '99999-01-01',
  '2026-13-45T99:99:99Z',
  "'%20OR%201=1--",
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  '%5C',
  '%25',
  'x'.repeat(8000),
];

/** Strings that reach any text field. */
const HOSTILE_STRINGS = [
  'a\u0000b',
  "' OR 1=1; --",
  "'); DROP TABLE tenants; --",
  '<script>alert(1)</script>',
  '{{7*7}}\u0024{7*7}',
  '../../../../etc/passwd',
  '\\',
  '%',
  '_',
  '\ud800',
  '\u202e\u200b\ufeff',
  '2026-02-30',
  '99999-01-01',
  '0000-00-00',
  '2026-02-30T25:61:00Z',
  '99999999999999999999',
  '-1',
  '',
  ' ',
  'x'.repeat(10_000),
];

/** Numbers out of any column's range, and not numbers at all. */
const HOSTILE_NUMBERS: unknown[] = [
  1e20,
  -1e20,
  2147483648,
  -2147483649,
  2 ** 63,
  1.5,
  -1,
  0,
  1e308,
  '12',
  'abc',
];

const ONE_MB = 'x'.repeat(1_000_000);
const DEEP = 10_000;
const deepArrays = () => `${'['.repeat(DEEP)}${']'.repeat(DEEP)}`;
/** Stands for the deep arrays inside a value: JSON.stringify cannot write them, the body's text can. */
const DEEP_MARK = '\u0001deep\u0001';

function typesOf(schema: Schema): string[] {
  if (schema.anyOf ?? schema.oneOf) return (schema.anyOf ?? schema.oneOf)!.flatMap(typesOf);
  if (schema.enum) return [typeof schema.enum[0]];
  if (schema.const !== undefined) return [typeof schema.const];
  if (Array.isArray(schema.type)) return schema.type;
  return schema.type ? [schema.type] : [];
}

/** A plausible value for `schema`: enough to pass the other fields so that one hostile field is seen. */
export function sample(schema: Schema | undefined): unknown {
  if (!schema) return 'x';
  if (schema.default !== undefined) return schema.default;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const variant = schema.anyOf?.find((s) => !typesOf(s).includes('null')) ?? schema.anyOf?.[0];
  if (variant) return sample(variant);
  const type = typesOf(schema)[0];
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(schema.properties ?? {})) {
        if (schema.required?.includes(key)) out[key] = sample(child);
      }
      return out;
    }
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => sample(schema.items));
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, Math.min(schema.maximum ?? 1, 1));
    case 'boolean':
      return false;
    case 'null':
      return null;
    default:
      if (schema.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
      if (schema.format === 'email') return 'fuzz@example.go.id';
      if (schema.format === 'date' || schema.pattern?.includes('\\d{4}-')) return '2026-03-02';
      return 'fuzz'.padEnd(Math.max(schema.minLength ?? 0, 4), 'z').slice(0, schema.maxLength ?? 1000);
  }
}

/** Values of the wrong type for `schema`, then hostile values of its own type. */
function hostileValues(schema: Schema, random: () => number): Array<[string, unknown]> {
  const types = typesOf(schema);
  const wrong: Array<[string, unknown]> = [
    ['null', null],
    ['object', { a: 1 }],
    ['array', ['x']],
    ['boolean', true],
    ['number', 12345],
    ['string', 'abc'],
  ];
  const out = wrong.filter(([type]) => !types.includes(type));
  out.push(['NUL', 'a\u0000b'], ['1 MB string', ONE_MB], ['deep arrays', DEEP_MARK]);
  if (types.includes('integer') || types.includes('number')) {
    for (const n of HOSTILE_NUMBERS) out.push([`number ${String(n)}`, n]);
  }
  const strings = pick(random, HOSTILE_STRINGS, 6);
  for (const s of strings) out.push([`string ${JSON.stringify(s.slice(0, 24))}`, s]);
  if (types.includes('array'))
    out.push(['10,000 items', Array.from({ length: 10_000 }, () => sample(schema.items))]);
  return out;
}

/** A body's fields as a form or multipart text: objects as JSON. */
function asText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function form(fields: Record<string, unknown>): string {
  return new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, asText(v)])).toString();
}

function multipart(fields: Record<string, unknown>): { payload: string; headers: Record<string, string> } {
  const boundary = '----fuzz';
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${asText(v)}\r\n`,
  );
  return {
    payload: `${parts.join('')}--${boundary}--\r\n`,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Bodies as a whole: not JSON, not an object, too deep, too large, poisoned, badly encoded, mislabelled. */
function wholeBodies(
  base: Record<string, unknown>,
  firstKey: string,
): Array<[string, string | Buffer, Record<string, string>]> {
  const json = { 'content-type': 'application/json' };
  const raw: Array<[string, string | Buffer, Record<string, string>]> = [
    ['empty JSON', '', json],
    ['truncated JSON', '{"a":', json],
    ['JSON null', 'null', json],
    ['JSON array', '[]', json],
    ['JSON string', '"x"', json],
    ['JSON 1e999', '1e999', json],
    ['10,000 nested arrays', deepArrays(), json],
    ['10,000 nested objects', `${'{"a":'.repeat(DEEP)}1${'}'.repeat(DEEP)}`, json],
    ['__proto__', '{"__proto__":{"polluted":1}}', json],
    ['constructor.prototype', '{"constructor":{"prototype":{"polluted":1}}}', json],
    ['raw NUL byte in JSON', Buffer.from(`{"${firstKey}":"a\u0000b"}`), json],
    [
      'invalid UTF-8 in JSON',
      Buffer.concat([
        Buffer.from(`{"${firstKey}":"a`),
        Buffer.from([0xff, 0xfe, 0xc0, 0x80]),
        Buffer.from('"}'),
      ]),
      json,
    ],
    [
      'JSON in UTF-16',
      Buffer.from(JSON.stringify(base), 'utf16le'),
      { 'content-type': 'application/json; charset=utf-16' },
    ],
    ['body over 1 MB', JSON.stringify({ ...base, [firstKey]: 'x'.repeat(1_100_000) }), json],
    ['text/plain', JSON.stringify(base), { 'content-type': 'text/plain' }],
    ['application/xml', '<a>&lt;</a>', { 'content-type': 'application/xml' }],
    ['no content type', JSON.stringify(base), {}],
    ['made-up content type', JSON.stringify(base), { 'content-type': 'application/x-fuzz' }],
    ['multipart without boundary', 'x', { 'content-type': 'multipart/form-data' }],
    [
      'broken multipart',
      '--b\r\nContent-Disposition: form-data; name="a"\r\n\r\nx',
      { 'content-type': 'multipart/form-data; boundary=b' },
    ],
    ['form', form(base), { 'content-type': 'application/x-www-form-urlencoded' }],
    [
      'form with NUL',
      form({ ...base, [firstKey]: 'a\u0000b' }),
      { 'content-type': 'application/x-www-form-urlencoded' },
    ],
    ['form with %zz', `${firstKey}=%zz&b=%ff`, { 'content-type': 'application/x-www-form-urlencoded' }],
  ];
  const mp = multipart({ ...base, [firstKey]: 'a\u0000b' });
  raw.push(['multipart with NUL', mp.payload, mp.headers]);
  const mpDates = multipart({ ...base, [firstKey]: '2026-02-30' });
  raw.push(['multipart with bad date', mpDates.payload, mpDates.headers]);
  return raw;
}

/**
 * The hostile requests for one operation. `filled` is its path with real ids (so that a case
 * reaches the handler), `query` the query string a valid call needs (with `?`, or empty).
 */
export function casesFor(op: Operation, filled: string, query: string, seed: number): FuzzCase[] {
  const random = seeded(seed);
  const cases: FuzzCase[] = [];
  const tplSegments = op.path.split('/');
  const realSegments = filled.split('/');
  const baseQuery = new URLSearchParams(query.replace(/^\?/, ''));
  const json = { 'content-type': 'application/json' };
  const withQuery = (path: string, q = query) => `${path}${q}`;

  // Path parameters, one at a time, the others real.
  for (const p of op.parameters.filter((x) => x.in === 'path')) {
    const at = tplSegments.findIndex((s) => s.includes(`{${p.name}}`));
    if (at < 0) continue;
    const values = p.name === 'tenant' ? ['%00', '%zz', OVER_PARAM, "kota'--"] : PATH_VALUES;
    for (const value of values) {
      const segments = [...realSegments];
      segments[at] = tplSegments[at]!.replace(`{${p.name}}`, value);
      cases.push({ name: `path ${p.name}=${value.slice(0, 24)}`, url: withQuery(segments.join('/')) });
    }
  }

  // Query parameters, one at a time, the others as a valid call has them.
  const queryWith = (name: string, raw: string) => {
    const rest = new URLSearchParams(baseQuery);
    rest.delete(name);
    const head = rest.toString();
    return `?${head ? `${head}&` : ''}${raw}`;
  };
  for (const p of op.parameters.filter((x) => x.in === 'query')) {
    for (const value of QUERY_VALUES) {
      cases.push({
        name: `query ${p.name}=${value.slice(0, 24)}`,
        url: withQuery(filled, queryWith(p.name, `${p.name}=${value}`)),
      });
    }
    cases.push({
      name: `query ${p.name} twice`,
      url: withQuery(filled, queryWith(p.name, `${p.name}=1&${p.name}=2`)),
    });
    cases.push({ name: `query ${p.name}[a]`, url: withQuery(filled, queryWith(p.name, `${p.name}[a]=1`)) });
  }
  for (const extra of ['zz_extra=1', 'a%00=1', '%zz=1', 'lang=%00', `q=${'x'.repeat(100_000)}`]) {
    cases.push({ name: `query ${extra.slice(0, 24)}`, url: withQuery(filled, queryWith('', extra)) });
  }

  if (op.method === 'GET' || op.method === 'HEAD') return cases;

  const url = withQuery(filled);
  const schema = op.body?.schema;
  const base = (schema ? sample(schema) : {}) as Record<string, unknown>;
  const keys = Object.keys(schema?.properties ?? {});
  const firstKey = keys[0] ?? 'name';
  for (const [name, payload, headers] of wholeBodies(base, firstKey)) {
    cases.push({ name: `body ${name}`, url, payload, headers });
  }
  if (!schema || typesOf(schema)[0] !== 'object') return cases;

  // Fields, one at a time: missing, of the wrong type, hostile; and one field too many.
  const send = (name: string, body: unknown) =>
    cases.push({
      name: `body ${name}`,
      url,
      payload: JSON.stringify(body).replace(JSON.stringify(DEEP_MARK), deepArrays()),
      headers: json,
    });
  send('as sampled', base);
  send('extra field', { ...base, zz_extra: 'x' });
  send('extra NUL key', { ...base, 'a\u0000b': 1 });
  for (const key of keys) {
    const child = schema.properties![key]!;
    if (schema.required?.includes(key)) {
      const { [key]: _dropped, ...rest } = base;
      send(`without ${key}`, rest);
    }
    for (const [what, value] of hostileValues(child, random))
      send(`${key}: ${what}`, { ...base, [key]: value });
    // One level down: an object's fields, or the first item of an array of objects.
    const inner = typesOf(child)[0] === 'array' ? child.items : child;
    if (inner && typesOf(inner)[0] === 'object') {
      const innerBase = sample(inner) as Record<string, unknown>;
      const wrap = (v: unknown) => (typesOf(child)[0] === 'array' ? [v] : v);
      for (const innerKey of Object.keys(inner.properties ?? {})) {
        for (const [what, value] of pick(random, hostileValues(inner.properties![innerKey]!, random), 5)) {
          send(`${key}.${innerKey}: ${what}`, { ...base, [key]: wrap({ ...innerBase, [innerKey]: value }) });
        }
      }
    }
  }
  return cases;
}

/** Every operation of an OpenAPI document. */
export function operationsOf(doc: {
  paths: Record<
    string,
    Record<
      string,
      { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema?: Schema }> } }
    >
  >;
}): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => {
      const content = op.requestBody?.content;
      return {
        method: method.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
        ...(content
          ? { body: { types: Object.keys(content), schema: content['application/json']?.schema } }
          : {}),
      };
    }),
  );
}

/** Integers in a request schema (parameters and body) without both bounds, by their path. */
export function unboundedIntegers(op: Operation): string[] {
  const found: string[] = [];
  const walk = (schema: Schema | undefined, at: string) => {
    if (!schema) return;
    if (typesOf(schema).includes('integer') && !schema.anyOf) {
      if (schema.minimum === undefined || schema.maximum === undefined) found.push(at);
    }
    for (const s of schema.anyOf ?? schema.oneOf ?? []) walk(s, at);
    for (const [k, s] of Object.entries(schema.properties ?? {})) walk(s, `${at}/${k}`);
    if (schema.items) walk(schema.items, `${at}/items`);
  };
  for (const p of op.parameters) walk(p.schema, `/${p.in}/${p.name}`);
  walk(op.body?.schema, '/body');
  return found;
}

/**
 * The hostile requests for a portal page (an HTML page, not in the OpenAPI document): bad values
 * of the query parameters pages read, and bad segments in place of and after the path's last one.
 */
export function pageCasesFor(path: string): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (const name of ['lang', 'next', 'q']) {
    for (const value of QUERY_VALUES)
      cases.push({ name: `query ${name}=${value.slice(0, 24)}`, url: `${path}?${name}=${value}` });
  }
  const segments = path.split('/');
  for (const value of PATH_VALUES) {
    cases.push({ name: `path last=${value.slice(0, 24)}`, url: [...segments.slice(0, -1), value].join('/') });
    cases.push({ name: `path after=${value.slice(0, 24)}`, url: `${path}/${value}` });
  }
  return cases;
}

/** The hostile form posts for a portal page that takes a form (`fields` names what it reads). */
export function formCasesFor(path: string, fields: readonly string[]): FuzzCase[] {
  const base = Object.fromEntries(fields.map((f) => [f, 'fuzz@example.go.id']));
  const cases = wholeBodies(base, fields[0] ?? 'name').map(([name, payload, headers]) => ({
    name: `form ${name}`,
    url: path,
    payload,
    headers,
  }));
  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  for (const field of fields) {
    for (const value of ['a%00b', '%zz', '%ff%fe', 'x'.repeat(100_000), '2026-02-30', "'%20OR%201=1--"]) {
      const rest = fields.filter((f) => f !== field).map((f) => `${f}=fuzz`);
      cases.push({
        name: `form ${field}=${value.slice(0, 24)}`,
        url: path,
        payload: [...rest, `${field}=${value}`].join('&'),
        headers: form,
      });
    }
    cases.push({ name: `form ${field} twice`, url: path, payload: `${field}=a&${field}=b`, headers: form });
  }
  return cases;
}
