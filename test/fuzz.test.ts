/**
 * Fuzzing every operation of the OpenAPI document, the installed apps' included: each gets the
 * hostile requests of test/support/fuzz.ts (bad path and query values; for a body wrong types,
 * missing and extra fields, 1 MB strings, 10,000-deep nesting, NUL and invalid UTF-8, injection
 * strings, out-of-range numbers and dates, wrong content types), as the tenant's administrator (so
 * that no permission check hides a handler) and anonymously. The suite fails on any 5xx, on any
 * refusal that is not a problem document (Open311's routes answer the spec's error format, CKAN's
 * Action API CKAN's errors, the portal's pages an HTML page), and on any change of data by a refused request.
 *
 * Path ids are real: every installed app is live, and writes its data through its isolation
 * fixture (src/modules/<app>/test/isolation.ts), whose `fill` and `query` the suite uses too. A new
 * app is fuzzed without a line here. The cases are seeded (FUZZ_SEED, default below): a failure
 * prints the method, path and case, and the same seed sends the same requests.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import sharp from 'sharp';
import { MODULES } from '../src/platform/catalogue/installed.ts';
import { appFixtures } from './support/app-fixtures.ts';
import {
  casesFor,
  type FuzzCase,
  formCasesFor,
  type Operation,
  operationsOf,
  pageCasesFor,
  seedOf,
  unboundedIntegers,
} from './support/fuzz.ts';
import {
  bearerFor,
  DB_KIND,
  makeLive,
  makeStaff,
  makeTenant,
  multipartFile,
  startTest,
  type TestContext,
  tinyPdf,
} from './support/harness.ts';
import type { Ids, IsolationFixture } from './support/isolation.ts';
import type { PortalPage, PortalPagesFixture } from './support/portal-pages.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20261206);

const FIXTURES = [...(await appFixtures<IsolationFixture>('isolation')).values()];
const PAGE_FIXTURES = [...(await appFixtures<PortalPagesFixture>('portal-pages')).values()];

/** The portal shell's own pages; each app names its pages in its portal-pages fixture. */
const SHELL_PAGES: readonly PortalPage[] = [
  ['home', '/'],
  ['sign-in', '/masuk'],
  ['sign-up', '/daftar'],
  ['forgot password', '/lupa-sandi'],
  ['reset password', '/atur-sandi'],
  ['account', '/akun'],
  ['change password', '/akun/sandi'],
  ['sign-out', '/keluar'],
  ['network', '/jaringan'],
];

/** The tenant whose routes are fuzzed; its name is what the fixtures call tenant B. */
const SLUG = 'kota-fuzz';

/**
 * Routes whose accepted answer never ends (the event stream): the administrator's calls would
 * wait forever, so only the anonymous ones are sent; events.test.ts covers the stream itself.
 */
const ENDLESS = new Set(['GET /t/{tenant}/api/v1/events']);

/**
 * Writes a refused request may rightly make, left out of the data check. A failed sign-in and a
 * password change with the wrong current password are refused and meant to leave a trace: the
 * audit trail records them, and the (login, address) pair's failure count grows towards its lockout
 * (people/auth.ts, people/passwords.ts). An API token's use is stamped (at most once a minute) when
 * it authenticates a call, whatever the call's answer. Nothing else is left out.
 */
const REFUSAL_TRACES: Record<string, { where?: string; skip?: string[] }> = {
  api_tokens: { skip: ['last_used_at'] },
  audit_log: {
    where: `action not in ('auth.login_failed', 'auth.locked', 'auth.login_locked', 'auth.password_change_failed')`,
  },
  // The failures counted per (login, address) pair (people/login-throttle.ts).
  login_throttles: { where: 'false' },
};

/** What the suite sends its cases to: an operation of the API, or a portal page (`html`). */
type Target = { key: string; method: string; path: string; html?: boolean; cases: FuzzCase[] };

/** The fields each of the shell's forms reads; an app's page is posted the usual names of its forms. */
const SHELL_FORMS: Record<string, readonly string[]> = {
  '/masuk': ['login', 'password', 'next'],
  '/daftar': ['displayName', 'email', 'phone', 'nik', 'password', 'password2'],
  '/lupa-sandi': ['login'],
  '/atur-sandi': ['token', 'password', 'password2'],
  '/akun/sandi': ['current', 'password', 'password2'],
  '/keluar': ['_csrf'],
};
const APP_FORM_FIELDS = ['action', 'description', 'note', 'secret', 'rating', '_csrf'];

describe(`fuzzing every route (${DB_KIND}, seed ${SEED})`, () => {
  let t: TestContext;
  let admin: Record<string, string>;
  const ids: Record<string, string> = {};
  let ops: Operation[] = [];
  let liteFingerprint: () => Promise<Record<string, string>>;
  let nextXid: () => Promise<string>;
  let pages: PortalPage[] = [];
  let address = 0;

  before(async () => {
    t = await startTest({ modules: MODULES });
    const other = await makeTenant(t.platform, 'kota-lain');
    const tenant = await makeTenant(t.platform, SLUG);
    const staff = await makeStaff(t.platform, tenant.id, ['tenant_admin', 'platform_admin']);
    const otherStaff = await makeStaff(t.platform, other.id, ['tenant_admin', 'platform_admin']);
    admin = await bearerFor(t.app, SLUG, staff.email);
    const call = async (method: string, url: string, payload?: object, status = 201) => {
      const res = await t.app.inject({
        method: method as 'POST',
        url: `/t/${SLUG}${url}`,
        headers: admin,
        payload,
      });
      assert.equal(res.statusCode, status, `${method} ${url}: ${res.body}`);
      return res.body ? res.json() : undefined;
    };
    ids.B_AGENCY = (
      await call('POST', '/api/v1/agencies', { code: 'DINAS-FUZZ', name: 'Dinas Fuzz', kind: 'dinas' })
    ).id;
    // Another user, whose grant and token the fuzzed routes may revoke without locking the suite out.
    const victim = await makeStaff(t.platform, tenant.id, ['viewer']);
    ids.B_USER = victim.id;
    ids.B_GRANT = (await call('GET', `/api/v1/users/${victim.id}`, undefined, 200)).grants[0].id;
    ids.B_TOKEN = (await call('POST', '/api/v1/api-tokens', { name: 'korban' })).id;
    ids.B_AGREEMENT = (
      await call('POST', '/api/v1/agreements', {
        kind: 'mou',
        number: 'MOU/FUZZ/1',
        signedOn: '2026-01-01',
        signatories: [
          { name: 'Aa Bb', title: 'Bupati', party: 'Kota Fuzz' },
          { name: 'Cc Dd', title: 'Wali', party: 'Kota Lain' },
        ],
      })
    ).id;
    const doc = multipartFile('file', 'a.pdf', 'application/pdf', tinyPdf('fuzz'));
    const upload = await t.app.inject({
      method: 'PUT',
      url: `/t/${SLUG}/api/v1/agreements/${ids.B_AGREEMENT}/document`,
      headers: { ...admin, ...doc.headers },
      payload: doc.payload,
    });
    assert.equal(upload.statusCode, 204, upload.body);
    await call('POST', '/api/v1/calendar/holidays', { date: '2026-10-10', name: 'Hari Jadi' });
    const logo = multipartFile(
      'file',
      'logo.png',
      'image/png',
      await sharp({ create: { width: 8, height: 8, channels: 3, background: '#0b5cad' } })
        .png()
        .toBuffer(),
    );
    const logoUp = await t.app.inject({
      method: 'PUT',
      url: `/t/${SLUG}/api/v1/branding/logo`,
      headers: { ...admin, ...logo.headers },
      payload: logo.payload,
    });
    assert.equal(logoUp.statusCode, 200, logoUp.body);
    ids.B_LOGO = String(logoUp.json().logoUrl).split('/').pop()!;
    for (const app of MODULES) {
      await makeLive(t.platform, tenant.id, app.code);
      await makeLive(t.platform, other.id, app.code);
    }
    const otherAdmin = await bearerFor(t.app, 'kota-lain', otherStaff.email);
    for (const fixture of FIXTURES) {
      Object.assign(
        ids,
        await fixture.setup({
          t,
          a: { id: other.id, slug: 'kota-lain', admin: otherAdmin },
          b: { id: tenant.id, slug: SLUG, admin },
          ids: { ...ids },
        }),
      );
    }
    ops = operationsOf((await t.app.inject('/api/openapi.json')).json());
    pages = [...SHELL_PAGES];
    for (const fixture of PAGE_FIXTURES) {
      pages.push(...(await fixture.setup({ t, tenant: { id: tenant.id, slug: SLUG }, admin })));
    }

    // Every table's row count and newest row version (xmin) in one query: cheap enough to run after
    // every request, and any committed insert, update or delete moves it. A table of REFUSAL_TRACES
    // is read through its filter, and with skipped columns by a hash of the others.
    const db = t.platform.database.db;
    const columns = (
      await sql<{ table: string; column: string }>`
        select c.relname as table, a.attname as column from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
        where n.nspname = 'public' and c.relkind = 'r' order by c.relname, a.attnum`.execute(db)
    ).rows;
    const tables = [...new Set(columns.map((c) => c.table))];
    for (const [table, trace] of Object.entries(REFUSAL_TRACES)) {
      for (const column of trace.skip ?? []) {
        assert.ok(
          columns.some((c) => c.table === table && c.column === column),
          `no column ${table}.${column}`,
        );
      }
      assert.ok(tables.includes(table), `no table ${table}`);
    }
    const select = tables
      .map((table) => {
        const trace = REFUSAL_TRACES[table];
        const where = trace?.where ? ` where ${trace.where}` : '';
        const kept = columns.filter((c) => c.table === table && !trace?.skip?.includes(c.column));
        // A row's version (xmin) moves with any column: a table with skipped columns hashes the others.
        const version = trace?.skip
          ? `md5(coalesce(string_agg(md5(row(${kept.map((c) => `"${c.column}"`).join(', ')})::text), '' order by md5(row(${kept.map((c) => `"${c.column}"`).join(', ')})::text)), ''))`
          : 'coalesce(max(xmin::text::bigint), 0)::text';
        return `(select count(*)::text || ':' || ${version} from "${table}"${where}) as "${table}"`;
      })
      .join(', ');
    liteFingerprint = async () =>
      (await sql.raw<Record<string, string>>(`select ${select}`).execute(db)).rows[0]!;
    // The next transaction id to be handed out: it moves only when some transaction writes, so an
    // unchanged one spares the fingerprint. On a shared server other databases move it too; the
    // fingerprint then decides.
    nextXid = async () =>
      (await sql<{ x: string }>`select pg_snapshot_xmax(pg_current_snapshot())::text as x`.execute(db))
        .rows[0]!.x;
  });
  after(() => t.close());

  /** The path with real ids: the app's fixture fills its own paths, the kernel's are below. */
  function fill(path: string): string {
    const local = path.replace(/^\/t\/\{tenant\}/, '');
    const filled =
      FIXTURES.reduce<string | undefined>((found, f) => found ?? f.fill(local, ids as Ids), undefined) ??
      local
        .replace(
          '{id}',
          local.startsWith('/api/v1/users')
            ? ids.B_USER!
            : local.startsWith('/api/v1/api-tokens')
              ? ids.B_TOKEN!
              : local.startsWith('/api/v1/agreements')
                ? ids.B_AGREEMENT!
                : ids.B_AGENCY!,
        )
        .replace('{grantId}', ids.B_GRANT!)
        .replace('{app}', MODULES[0]?.code ?? 'none')
        .replace('{channel}', 'web')
        .replace('{date}', '2026-10-10')
        .replace('{slug}', 'kota-lain')
        .replace('{file}', ids.B_LOGO!);
    assert.ok(!/[{}]/.test(filled), `${path}: a parameter is left unfilled (${filled})`);
    return path.startsWith('/t/{tenant}') ? `/t/${SLUG}${filled}` : filled;
  }

  /** The query a valid call needs: the app's, else the kernel's. */
  function query(op: Operation): string {
    const local = op.path.replace(/^\/t\/\{tenant\}/, '');
    for (const f of FIXTURES) {
      const q = f.query?.(local, ids as Ids);
      if (q !== undefined) return q;
    }
    if (local.endsWith('/holidays') && op.method === 'GET') return '?year=2026';
    if (local.endsWith('/due')) return '?days=3';
    // A root route serving many tenants names one (Open311's `jurisdiction_id`).
    if (!op.path.startsWith('/t/') && op.parameters.some((p) => p.name === 'jurisdiction_id')) {
      return `?jurisdiction_id=${SLUG}`;
    }
    return '';
  }

  /**
   * Why an answer to a hostile request is wrong, or undefined when it is a success or a proper
   * refusal: a problem document; on Open311's routes the spec's error format; on a portal page
   * (`html`) the portal's error page.
   */
  function verdict(
    target: Target,
    res: { statusCode: number; headers: Record<string, unknown>; body: string },
  ): string | undefined {
    if (res.statusCode >= 500) return `server error: ${res.body.slice(0, 300)}`;
    if (res.statusCode < 400) return undefined;
    const type = String(res.headers['content-type'] ?? '');
    if (type.startsWith('application/problem+json')) {
      let body: { status?: number; code?: string; title?: string };
      try {
        body = JSON.parse(res.body);
      } catch {
        return 'a problem document that is not JSON';
      }
      if (body.status !== res.statusCode || !body.code || !body.title) {
        return `a malformed problem: ${res.body.slice(0, 200)}`;
      }
      return undefined;
    }
    // Open311's routes answer errors in the spec's format (src/modules/reports/open311/answers.ts).
    if (/\/open311\/v2\//.test(target.path)) {
      if (type.startsWith('application/json') && /^\[\{"code":\d+,"description":/.test(res.body)) {
        return undefined;
      }
      if (type.startsWith('text/xml') && res.body.includes('<errors>')) return undefined;
    }
    // CKAN's Action API answers CKAN's errors (src/modules/open-data/ckan/routes.ts): the envelope
    // with `success: false` and an `error.__type`, or CKAN's bare "Bad request - …" JSON string.
    if (/\/api\/(3\/)?action\//.test(target.path) && type.startsWith('application/json')) {
      try {
        const body = JSON.parse(res.body) as { success?: boolean; error?: { __type?: unknown } } | string;
        if (typeof body === 'string' && res.statusCode >= 400 && res.statusCode < 500) return undefined;
        if (typeof body === 'object' && body?.success === false && typeof body.error?.__type === 'string') {
          return undefined;
        }
      } catch {
        return 'a CKAN error that is not JSON';
      }
    }
    if (target.html && type.startsWith('text/html') && res.body.startsWith('<!doctype html>'))
      return undefined;
    return `a refusal that is not a problem document (${type}): ${res.body.slice(0, 200)}`;
  }

  /** Sends every case of every target, as the administrator and anonymously; returns what went wrong. */
  async function fuzz(targets: readonly Target[]) {
    const failures: string[] = [];
    let sent = 0;
    let fingerprints = 0;
    let last = await liteFingerprint();
    let lastXid = await nextXid();
    const started = Date.now();
    for (const target of targets) {
      for (const c of target.cases) {
        for (const who of ['admin', 'anonymous'] as const) {
          if (who === 'admin' && ENDLESS.has(target.key)) continue;
          address += 1;
          const res = await send(target.method, c, who === 'admin' ? admin : {}, address);
          sent += 1;
          const fail = (why: string) =>
            failures.push(`${target.key} [${c.name}] as ${who} → ${res.statusCode}: ${why}`);
          const why = verdict(target, res);
          if (why) fail(why);
          const xid = await nextXid();
          if (xid === lastXid) continue;
          lastXid = xid;
          fingerprints += 1;
          const now = await liteFingerprint();
          if (res.statusCode >= 400) {
            const changed = Object.keys(now).filter((table) => now[table] !== last[table]);
            if (changed.length > 0) fail(`refused, yet changed ${changed.join(', ')}`);
          }
          last = now;
        }
      }
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (process.env.FUZZ_VERBOSE) {
      console.log(
        `${sent} requests to ${targets.length} targets in ${seconds} s, ${fingerprints} fingerprints`,
      );
    }
    const report = failures.slice(0, 60).join('\n');
    return {
      failures,
      message: `${failures.length} of ${sent} hostile requests answered wrongly (seed ${SEED}):\n${report}`,
    };
  }

  test('every integer a request takes is bounded, so that none overflows a column', () => {
    const unbounded = ops.flatMap((op) => unboundedIntegers(op).map((at) => `${op.method} ${op.path} ${at}`));
    assert.deepEqual(unbounded, [], 'give each a minimum and a maximum that fit its column');
  });

  test('no hostile request to the API gets a 5xx, an answer that is not a problem, or changes data when refused', async () => {
    assert.ok(ops.length >= 50, `only ${ops.length} operations found`);
    const targets = ops.map((op) => {
      const key = `${op.method} ${op.path}`;
      return {
        key,
        method: op.method,
        path: op.path,
        cases: casesFor(op, fill(op.path), query(op), seedOf(SEED, key)),
      };
    });
    const { failures, message } = await fuzz(targets);
    assert.equal(failures.length, 0, message);
  });

  test('no hostile request to a portal page gets a 5xx, or an answer other than an error page or a problem', async () => {
    assert.ok(pages.length >= SHELL_PAGES.length, 'the portal pages are listed');
    const targets: Target[] = pages.flatMap(([name, path]) => [
      { key: `GET ${name}`, method: 'GET', path, html: true, cases: pageCasesFor(`/t/${SLUG}${path}`) },
      {
        key: `POST ${name}`,
        method: 'POST',
        path,
        html: true,
        cases: formCasesFor(`/t/${SLUG}${path}`, SHELL_FORMS[path] ?? APP_FORM_FIELDS),
      },
    ]);
    const { failures, message } = await fuzz(targets);
    assert.equal(failures.length, 0, message);
  });

  /** Sends one case from its own address, so that no rate limit hides the later cases. */
  function send(method: string, c: FuzzCase, headers: Record<string, string>, n: number) {
    return t.app.inject({
      method: method as 'GET',
      url: c.url,
      headers: { ...headers, ...c.headers },
      remoteAddress: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
      ...(c.payload !== undefined ? { payload: c.payload } : {}),
    });
  }
});
