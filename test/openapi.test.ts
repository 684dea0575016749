/**
 * The API reference is complete and valid: every operation of `/api/openapi.json` (the installed
 * apps' included) says what it does, who may call it, what it answers on success (with an example
 * that fits its schema) and which errors it may answer. A failure names the operation and what it
 * lacks, so a route added without its documentation fails here.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { MODULES } from '../src/platform/catalogue/installed.ts';
import { DB_KIND, startTest, type TestContext } from './support/harness.ts';

type Json = Record<string, unknown>;
type Operation = Json & {
  summary?: string;
  description?: string;
  security?: Json[];
  parameters?: { name: string; in: string; required?: boolean; schema?: Json }[];
  requestBody?: { content: Record<string, { schema?: Json }> };
  responses?: Record<string, Json>;
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

describe(`OpenAPI document (${DB_KIND})`, () => {
  let t: TestContext;
  let doc: Json & { paths: Record<string, Record<string, Operation>>; components: Json };
  const operations: { name: string; path: string; method: string; op: Operation }[] = [];
  before(async () => {
    t = await startTest({ modules: MODULES });
    const res = await t.app.inject('/api/openapi.json');
    assert.equal(res.statusCode, 200);
    doc = res.json();
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        operations.push({ name: `${method.toUpperCase()} ${path}`, path, method, op });
      }
    }
  });
  after(() => t.close());

  /** The target of a local `$ref` (`#/components/...`), or the value itself. */
  function deref<T>(value: T): T {
    const ref = (value as Json | undefined)?.$ref;
    if (typeof ref !== 'string') return value;
    const found = ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((at, key) => (at as Json | undefined)?.[key], doc);
    assert.ok(found, `unresolved $ref ${ref}`);
    return deref(found as T);
  }

  /** Every error answer of an operation, with its status. */
  function problems(op: Operation): Map<number, Json> {
    return new Map(
      Object.entries(op.responses ?? {})
        .filter(([status]) => /^[45]\d\d$/.test(status))
        .map(([status, r]) => [Number(status), deref(r)]),
    );
  }

  const signedIn = (op: Operation) => (op.security ?? []).some((s) => Object.keys(s).length > 0);

  test('is a well-formed OpenAPI 3.1 document', () => {
    assert.equal(doc.openapi, '3.1.0');
    assert.ok((doc.info as Json).title && (doc.info as Json).version);
    assert.ok(operations.length >= 100, `only ${operations.length} operations`);
    const schemes = (doc.components.securitySchemes ?? {}) as Json;
    const ids = new Set<string>();
    for (const { name, path, method, op } of operations) {
      assert.ok(METHODS.includes(method), `${name}: not an HTTP method`);
      // Every `{name}` of the path is a required path parameter, and every path parameter is in the path.
      const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
      const declared = (op.parameters ?? []).filter((p) => p.in === 'path');
      assert.deepEqual(declared.map((p) => p.name).sort(), inPath, `${name}: path parameters`);
      for (const p of declared)
        assert.equal(p.required, true, `${name}: path parameter ${p.name} not required`);
      for (const p of op.parameters ?? []) {
        assert.ok(
          ['path', 'query', 'header', 'cookie'].includes(p.in),
          `${name}: parameter ${p.name} in ${p.in}`,
        );
      }
      for (const requirement of op.security ?? []) {
        for (const scheme of Object.keys(requirement))
          assert.ok(schemes[scheme], `${name}: no security scheme ${scheme}`);
      }
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        assert.match(status, /^([1-5]\d\d|default)$/, `${name}: response ${status}`);
        assert.ok(deref(response).description, `${name}: response ${status} has no description`);
      }
      if (typeof op.operationId === 'string') {
        assert.ok(!ids.has(op.operationId), `${name}: operationId ${op.operationId} used twice`);
        ids.add(op.operationId);
      }
    }
    // Every reference anywhere resolves.
    const walk = (value: unknown) => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') {
        deref(value);
        Object.values(value).forEach(walk);
      }
    };
    walk(doc);
  });

  test('every operation has a summary, a description and a security requirement', () => {
    const missing: string[] = [];
    for (const { name, op } of operations) {
      if (!op.summary?.trim()) missing.push(`${name}: no summary`);
      if (!op.description?.trim()) missing.push(`${name}: no description`);
      else if (op.description.trim() === op.summary?.trim())
        missing.push(`${name}: the description repeats the summary`);
      if (!Array.isArray(op.security))
        missing.push(`${name}: no security requirement (public: security: [])`);
    }
    assert.deepEqual(missing, []);
  });

  test('every operation has its success answer, with a schema', () => {
    const missing: string[] = [];
    for (const { name, op } of operations) {
      const successes = Object.entries(op.responses ?? {}).filter(([s]) => /^2\d\d$/.test(s));
      if (successes.length === 0) missing.push(`${name}: no success answer`);
      for (const [status, raw] of successes) {
        const response = deref(raw);
        // Fastify's placeholder when a route declares no success answer.
        if (status === '200' && response.description === 'Default Response' && !response.content)
          missing.push(`${name}: ${status} has no schema`);
        if (status === '204' || status === '202') continue;
        const content = (response.content ?? {}) as Record<string, Json>;
        if (Object.keys(content).length === 0) missing.push(`${name}: ${status} has no content`);
        for (const [type, media] of Object.entries(content)) {
          if (!media.schema) missing.push(`${name}: ${status} ${type} has no schema`);
        }
      }
    }
    assert.deepEqual(missing, []);
  });

  /**
   * Whether a body or an answer has an example: its own, or one made of its parts' (a list of an
   * item that has one; an object each of whose fields has one), as the reference page composes it.
   */
  function exampled(media: Json): boolean {
    if (media.example !== undefined) return true;
    if (media.examples && Object.keys(media.examples as Json).length > 0) return true;
    const whole = (schema: unknown): boolean => {
      const s = deref(schema as Json | undefined);
      if (!s) return false;
      if (Array.isArray(s.examples) && s.examples.length > 0) return true;
      if (s.type === 'array') return whole(s.items);
      const fields = Object.values((s.properties ?? {}) as Json);
      return s.type === 'object' && fields.length > 0 && fields.every(whole);
    };
    return whole(media.schema);
  }

  test('every operation has an example of its success answer and of its JSON body', () => {
    const missing: string[] = [];
    // Files are bytes; the rest (JSON, GeoJSON, CSV, an event stream) shows what it holds.
    const described = /json|csv|event-stream/;
    for (const { name, op } of operations) {
      for (const [type, media] of Object.entries(op.requestBody?.content ?? {})) {
        if (/json/.test(type) && !exampled(media as Json))
          missing.push(`${name}: body ${type} has no example`);
      }
      for (const [status, raw] of Object.entries(op.responses ?? {})) {
        if (!/^2\d\d$/.test(status)) continue;
        for (const [type, media] of Object.entries((deref(raw).content ?? {}) as Record<string, Json>)) {
          if (described.test(type) && !exampled(media))
            missing.push(`${name}: ${status} ${type} has no example`);
        }
      }
    }
    assert.deepEqual(missing, []);
  });

  test('every operation names the problem answers that apply to it', () => {
    const missing: string[] = [];
    for (const { name, path, method, op } of operations) {
      const has = problems(op);
      const need = [400, 503];
      if (path.startsWith('/t/{tenant}') || path.includes('{')) need.push(404);
      if (op.requestBody) need.push(413, 415);
      if (method !== 'get' && path.startsWith('/t/{tenant}')) need.push(403);
      for (const status of need) if (!has.has(status)) missing.push(`${name}: no ${status} answer`);
      // A caller who must sign in is refused without: 401, or 403 where a spec says so (Open311).
      const anonymous = (op.security ?? []).some((s) => Object.keys(s).length === 0);
      if (signedIn(op) && !anonymous && !has.has(401) && !has.has(403))
        missing.push(`${name}: no 401 answer`);
      for (const [status, response] of has) {
        if (!response.content) missing.push(`${name}: ${status} has no content`);
      }
    }
    assert.deepEqual(missing, []);
  });

  test('a signed-in write names its CSRF header; the CSRF and report-secret headers are documented', () => {
    const schemes = doc.components.securitySchemes as Record<string, Json>;
    assert.deepEqual(
      { in: schemes.csrf?.in, name: schemes.csrf?.name },
      { in: 'header', name: 'x-csrf-token' },
    );
    for (const { name, method, op } of operations) {
      if (method === 'get') continue;
      for (const requirement of op.security ?? []) {
        if ('session' in requirement)
          assert.ok('csrf' in requirement, `${name}: a session write without csrf`);
      }
    }
    const secret = operations.filter(({ op }) =>
      (op.parameters ?? []).some((p) => p.in === 'header' && p.name === 'x-report-secret'),
    );
    const names = secret.map((o) => o.name);
    // Every operation that reads the header (`secretOf` in src/modules/reports/routes/caller.ts).
    for (const expected of [
      'GET /t/{tenant}/api/v1/reports/{id}',
      'GET /t/{tenant}/api/v1/reports/{id}/photos/{photoId}',
      'POST /t/{tenant}/api/v1/reports/{id}/info',
      'POST /t/{tenant}/api/v1/reports/{id}/rating',
      'POST /t/{tenant}/api/v1/reports/{id}/actions/add_info',
      'POST /t/{tenant}/api/v1/reports/{id}/actions/confirm',
      'POST /t/{tenant}/api/v1/reports/{id}/actions/reopen',
    ]) {
      assert.ok(names.includes(expected), `${expected} does not document x-report-secret`);
    }
  });

  test('each report action has its own operation and its own body', () => {
    const actions = operations.filter((o) => o.path.startsWith('/t/{tenant}/api/v1/reports/{id}/actions/'));
    assert.ok(actions.length >= 15, `${actions.length} action operations`);
    assert.ok(!actions.some((o) => o.path.includes('{action}')), 'one loose operation for every action');
    const bodyOf = (action: string) =>
      actions.find((o) => o.path.endsWith(`/${action}`))?.op.requestBody?.content['application/json']
        ?.schema as Json | undefined;
    const fields = (action: string) => Object.keys((bodyOf(action)?.properties ?? {}) as Json).sort();
    assert.deepEqual(((bodyOf('reject')?.required ?? []) as string[]).sort(), ['note', 'reason']);
    assert.deepEqual(fields('verify'), ['note']);
    assert.deepEqual(fields('dispose'), ['agencyId', 'note', 'officerUserId', 'track']);
    assert.deepEqual(fields('confirm'), ['comment', 'note', 'rating', 'secret']);
    for (const { name, op } of actions) {
      assert.equal(op.requestBody?.content['application/json']?.schema?.additionalProperties, false, name);
    }
  });

  test('every example fits its schema', () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
    ajv.addSchema({ $id: 'doc', ...doc });
    const failures: string[] = [];
    const check = (name: string, schema: Json | undefined, example: unknown) => {
      if (!schema || example === undefined) return;
      const validate = ajv.compile({ $ref: `doc${refOf(schema)}` });
      if (!validate(example)) failures.push(`${name}: ${ajv.errorsText(validate.errors)}`);
    };
    // Schemas are compiled where they sit in the document, so `$ref`s inside them resolve.
    const refOf = (schema: Json) => (schema as { __at: string }).__at;
    const mark = (value: unknown, at: string) => {
      if (!value || typeof value !== 'object') return;
      if (!Array.isArray(value)) Object.defineProperty(value, '__at', { value: at, enumerable: false });
      for (const [k, v] of Object.entries(value))
        mark(v, `${at}/${encodeURIComponent(k.replaceAll('~', '~0').replaceAll('/', '~1'))}`);
    };
    mark(doc, '#');
    for (const { name, op } of operations) {
      const bodies = Object.entries(op.requestBody?.content ?? {});
      const answers = Object.entries(op.responses ?? {}).flatMap(([status, r]) =>
        Object.entries((deref(r).content ?? {}) as Record<string, Json>).map(
          ([type, media]) => [`${status} ${type}`, media] as const,
        ),
      );
      for (const [where, media] of [...bodies, ...answers] as [string, Json][]) {
        const schema = media.schema as Json | undefined;
        if (!schema || !/json/.test(where)) continue;
        check(`${name} ${where}`, schema, media.example);
        for (const e of Object.values((media.examples ?? {}) as Record<string, Json>))
          check(`${name} ${where}`, schema, e.value);
      }
    }
    // A schema's own examples, wherever it sits (a field's, an item's, a shared component's):
    // the composed examples of the reference page are made of them.
    const schemaExamples = (value: unknown, at: string) => {
      if (!value || typeof value !== 'object') return;
      const node = value as Json;
      if (Array.isArray(node.examples)) for (const e of node.examples) check(at, node, e);
      for (const [k, v] of Object.entries(node)) {
        // Examples and defaults are values, not schemas.
        if (!['examples', 'example', 'default', 'enum', 'const'].includes(k)) schemaExamples(v, `${at}/${k}`);
      }
    };
    schemaExamples(doc, '#');
    assert.deepEqual(failures, []);
  });
});
