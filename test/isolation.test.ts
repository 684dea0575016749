/**
 * Tenant isolation, route by route: every tenant route in the OpenAPI document is called on tenant
 * A with tenant B's credentials, and with A's credentials on B's object ids. Nothing of B may come
 * back, and nothing may change. A mutation without a sample fails the suite: the kernel's are
 * below, each app's are in its fixture `src/modules/<app>/test/isolation.ts` (see
 * test/support/isolation.ts), which also writes the app's data in both tenants and names what of B's
 * must never leak. An installed app with tenant routes and no fixture fails the suite too.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import sharp from 'sharp';
import { MODULES } from '../src/platform/catalogue/installed.ts';
import { SYSTEM_ACTOR } from '../src/platform/db/tenant-scope.ts';
import { appFixtures } from './support/app-fixtures.ts';
import {
  bearerFor,
  DB_KIND,
  makeLive,
  makeStaff,
  makeTenant,
  multipartFile,
  signIn,
  startTest,
  type TestContext,
  tinyPdf,
} from './support/harness.ts';
import type { Ids, IsolationFixture, Sample } from './support/isolation.ts';

/** A valid body for each of the kernel's mutations, so that the call gets past validation to the tenant checks. */
const KERNEL_SAMPLES: Record<string, Sample> = {
  'PUT /api/v1/agreements/{id}/document': 'pdf',
  // Not an image: refused for A's admin, after B's credentials were refused (the logo's own tests: onboarding.test.ts).
  'PUT /api/v1/branding/logo': 'pdf',
  // Writes the tenant it names, by design (platform administrators give a new tenant its
  // administrator: onboarding.test.ts); here it names no tenant, so only the refusals are seen.
  'POST /api/v1/platform/tenants/{slug}/administrators': {
    displayName: 'Admin Curian',
    email: 'curian@example.go.id',
    nip: '198503122010012099',
  },
  'POST /api/v1/adoptions/{app}/{channel}/go-live': { mouId: 'B_AGREEMENT', pksId: 'B_AGREEMENT' },
  'POST /api/v1/auth/login': { login: 'B_EMAIL', password: 'correct-horse-battery' },
  'POST /api/v1/auth/logout': undefined,
  'POST /api/v1/auth/register': {
    displayName: 'Warga Uji',
    email: 'warga-uji@example.go.id',
    password: 'rahasia-warga-1',
  },
  'POST /api/v1/auth/password-reset': { login: 'B_EMAIL' },
  'POST /api/v1/auth/password-reset/confirm': {
    token: 'B_RESET',
    password: 'rahasia-baru-curian-1',
  },
  'PATCH /api/v1/settings': { name: 'Nama Baru Sekali' },
  'POST /api/v1/platform/tenants': {
    slug: 'kota-baru',
    code: '36.74',
    kind: 'kota',
    name: 'Kota Baru',
    timeZone: 'Asia/Jakarta',
  },
  'POST /api/v1/agencies': { code: 'BARU', name: 'Dinas Baru', kind: 'dinas', parentId: 'B_AGENCY' },
  'PATCH /api/v1/agencies/{id}': { name: 'Dinas Diganti' },
  'POST /api/v1/users': {
    kind: 'citizen',
    displayName: 'Warga',
    email: 'w2@example.go.id',
    password: 'rahasia-warga-2',
  },
  'POST /api/v1/users/{id}/grants': { role: 'viewer' },
  'DELETE /api/v1/users/{id}/grants/{grantId}': undefined,
  'POST /api/v1/api-tokens': { name: 'coba' },
  'DELETE /api/v1/api-tokens/{id}': undefined,
  'POST /api/v1/adoptions': { app: 'jobs', channel: 'web' },
  'POST /api/v1/adoptions/{app}/{channel}/transitions': { to: 'mou_signed', agreementId: 'B_AGREEMENT' },
  'POST /api/v1/agreements': {
    kind: 'mou',
    number: 'MOU/X/1',
    signedOn: '2026-01-01',
    signatories: [
      { name: 'Aa Bb', title: 'Bupati', party: 'Kota X' },
      { name: 'Cc Dd', title: 'Wali', party: 'Kota Y' },
    ],
  },
  'POST /api/v1/calendar/holidays': { date: '2026-12-01', name: 'Hari Jadi' },
  'DELETE /api/v1/calendar/holidays/{date}': undefined,
};

/** Writes open to anyone by design: sign-in, sign-up and password reset. */
const PUBLIC_WRITES = new Set([
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/register',
  'POST /api/v1/auth/password-reset',
  'POST /api/v1/auth/password-reset/confirm',
]);

/** Reads of the kernel that need a signed-in caller: B's credentials are refused there. */
const SIGNED_IN_READS = (key: string) =>
  key.includes('/users') || key.includes('/audit') || key.includes('/api/v1/setup');

/**
 * Tables with tenant rows that calls on A may rightly change in B, left out of the fingerprint.
 * None today: run on both databases, every tenant table stays as it was, the sessions, audit
 * trail, notification outbox, development mailbox and adoption events included (B's credentials
 * tried on A touch only A's rows: A's audit trail records the attempt). Only the `last_used_at` of
 * a token or session is masked, should its use ever be stamped. Name a table here, with why, only
 * when a call on A must change B's rows.
 */
const CHANGING_TABLES = new Set<string>([]);

/** Each installed app's isolation fixture, by app code. */
const FIXTURES = await appFixtures<IsolationFixture>('isolation');
const APPS = [...FIXTURES.values()];

/** Every mutation's sample, the kernel's and the apps': one sample a route. */
const SAMPLES = new Map<string, Sample>(Object.entries(KERNEL_SAMPLES));
for (const [code, fixture] of FIXTURES) {
  for (const [key, sample] of Object.entries(fixture.samples)) {
    if (SAMPLES.has(key)) throw new Error(`${code}'s isolation fixture repeats the sample of ${key}`);
    SAMPLES.set(key, sample);
  }
}
const ANONYMOUS_WRITES = new Set(APPS.flatMap((f) => f.anonymousWrites ?? []));
const APP_SIGNED_IN_READS = new Set(APPS.flatMap((f) => f.signedInReads ?? []));
const POST_READS = new Set(APPS.flatMap((f) => f.postReads ?? []));

/** The app whose adoption B holds (taken live with the others) and A's calls name. */
const ADOPTED = MODULES[0]?.code ?? 'none';

describe(`tenant isolation on every route (${DB_KIND})`, () => {
  let t: TestContext;
  const b: Record<string, string> = {};
  let aAdmin: Record<string, string>;
  let bBearer: Record<string, string>;
  let bSession: Record<string, string>;
  let fingerprint: () => Promise<Record<string, string>>;
  // Used only as login input: A's audit trail rightly records what a caller typed at A.
  let bEmail = '';

  before(async () => {
    t = await startTest({ modules: MODULES });
    const a = await makeTenant(t.platform, 'kota-a');
    const tb = await makeTenant(t.platform, 'kota-b');
    const adminA = await makeStaff(t.platform, a.id, ['tenant_admin', 'platform_admin']);
    const adminB = await makeStaff(t.platform, tb.id, ['tenant_admin', 'platform_admin']);
    aAdmin = await bearerFor(t.app, 'kota-a', adminA.email);
    bBearer = await bearerFor(t.app, 'kota-b', adminB.email);
    bSession = await signIn(t.app, 'kota-b', adminB.email);
    bEmail = adminB.email;
    b.B_USER = adminB.id;
    const bh = bBearer;
    const agency = await t.app.inject({
      method: 'POST',
      url: '/t/kota-b/api/v1/agencies',
      headers: bh,
      payload: { code: 'RAHASIA-B', name: 'Dinas Rahasia B', kind: 'dinas' },
    });
    assert.equal(agency.statusCode, 201, agency.body);
    b.B_AGENCY = agency.json().id;
    const agreement = await t.app.inject({
      method: 'POST',
      url: '/t/kota-b/api/v1/agreements',
      headers: bh,
      payload: {
        kind: 'mou',
        number: 'MOU/B/1',
        signedOn: '2026-01-01',
        signatories: [
          { name: 'Aa Bb', title: 'Bupati', party: 'Kota B' },
          { name: 'Cc Dd', title: 'Wali', party: 'Kota Z' },
        ],
      },
    });
    assert.equal(agreement.statusCode, 201, agreement.body);
    b.B_AGREEMENT = agreement.json().id;
    const doc = multipartFile('file', 'b.pdf', 'application/pdf', tinyPdf('B-SECRET-PDF'));
    const upload = await t.app.inject({
      method: 'PUT',
      url: `/t/kota-b/api/v1/agreements/${b.B_AGREEMENT}/document`,
      headers: { ...bh, ...doc.headers },
      payload: doc.payload,
    });
    assert.equal(upload.statusCode, 204, upload.body);
    await t.app.inject({
      method: 'POST',
      url: '/t/kota-b/api/v1/adoptions',
      headers: bh,
      payload: { app: ADOPTED, channel: 'web' },
    });
    await t.app.inject({
      method: 'POST',
      url: '/t/kota-b/api/v1/calendar/holidays',
      headers: bh,
      payload: { date: '2026-10-10', name: 'Hari Jadi B' },
    });
    const logo = multipartFile(
      'file',
      'b.png',
      'image/png',
      await sharp({ create: { width: 8, height: 8, channels: 3, background: '#123456' } })
        .png()
        .toBuffer(),
    );
    const logoUp = await t.app.inject({
      method: 'PUT',
      url: '/t/kota-b/api/v1/branding/logo',
      headers: { ...bh, ...logo.headers },
      payload: logo.payload,
    });
    assert.equal(logoUp.statusCode, 200, logoUp.body);
    b.B_LOGO = String(logoUp.json().logoUrl).split('/').pop()!;
    const grant = await t.app.inject({ url: `/t/kota-b/api/v1/users/${adminB.id}`, headers: bh });
    b.B_GRANT = grant.json().grants[0].id;
    // A live password-reset link of B's admin: its token must do nothing on A.
    const reset = await t.app.inject({
      method: 'POST',
      url: '/t/kota-b/api/v1/auth/password-reset',
      payload: { login: adminB.email },
    });
    assert.equal(reset.statusCode, 202, reset.body);
    const mail = await t.platform.inTenant(tb.id, SYSTEM_ACTOR, (scope) =>
      scope.trx
        .selectFrom('notification_outbox')
        .select('body')
        .where('tenant_id', '=', tb.id)
        .where('recipient', '=', adminB.email)
        .executeTakeFirstOrThrow(),
    );
    b.B_RESET = /token=([A-Za-z0-9_-]+)/.exec(mail.body)![1]!;
    // Every installed app, live in both tenants, writes its data there (B's, that nothing on A may reach).
    for (const app of MODULES) {
      await makeLive(t.platform, a.id, app.code);
      await makeLive(t.platform, tb.id, app.code);
    }
    for (const [code, fixture] of FIXTURES) {
      const ids = await fixture.setup({
        t,
        a: { id: a.id, slug: 'kota-a', admin: aAdmin },
        b: { id: tb.id, slug: 'kota-b', admin: bh },
        ids: { ...b },
      });
      for (const [key, value] of Object.entries(ids)) {
        assert.match(key, /^B_[A-Z0-9]+$/, `${code}: B's ids are named B_<NAME>`);
        assert.ok(!(key in b), `${code}: ${key} is already taken`);
        b[key] = value;
      }
    }
    const tokens = await t.app.inject({ url: '/t/kota-b/api/v1/api-tokens', headers: bh });
    b.B_TOKEN = tokens.json().items[0].id;
    // Everything of B that a leak could show, and a fingerprint of B's rows to prove nothing changed.
    // The tables to watch: every table under row-level security with tenant rows, from the
    // database's catalogue, but those that B's credentials may rightly change (CHANGING_TABLES).
    const tables = (
      await sql<{ table: string }>`
        select c.relname as table from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r' and c.relrowsecurity
          and exists (select 1 from pg_attribute a
            where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
        order by c.relname`.execute(t.platform.database.db)
    ).rows.map((r) => r.table);
    for (const table of CHANGING_TABLES) assert.ok(tables.includes(table), `${table} is not a tenant table`);
    const watched = tables.filter((table) => !CHANGING_TABLES.has(table));
    fingerprint = () =>
      t.platform.inTenant(tb.id, SYSTEM_ACTOR, async (scope) => {
        const rows: Record<string, string> = {};
        for (const table of watched) {
          const found = await scope.trx
            .selectFrom(table as 'agencies')
            .selectAll()
            .where('tenant_id', '=', tb.id)
            .execute();
          rows[table] = JSON.stringify(found, (k, v) => (k === 'last_used_at' ? null : v));
        }
        const tenant = await scope.trx.selectFrom('tenants').selectAll().where('id', '=', tb.id).execute();
        rows.tenants = JSON.stringify(tenant);
        return rows;
      });
  });
  after(() => t.close());

  function routes(doc: { paths: Record<string, Record<string, unknown>> }) {
    return Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/t/{tenant}'))
      .flatMap(([path, ops]) =>
        Object.keys(ops).map((method) => ({
          method: method.toUpperCase(),
          path: path.slice('/t/{tenant}'.length),
        })),
      );
  }

  function idFor(path: string, ids: Ids): string {
    if (path.startsWith('/api/v1/users')) return ids.B_USER!;
    if (path.startsWith('/api/v1/api-tokens')) return ids.B_TOKEN!;
    if (path.startsWith('/api/v1/agreements')) return ids.B_AGREEMENT!;
    return ids.B_AGENCY!;
  }

  /** The path with its parameters filled with B's ids: by the app whose path it is, else the kernel's. */
  function fill(path: string, ids: Ids) {
    const filled =
      APPS.reduce<string | undefined>((found, f) => found ?? f.fill(path, ids), undefined) ??
      path
        .replace('{id}', idFor(path, ids))
        .replace('{grantId}', ids.B_GRANT!)
        .replace('{app}', ADOPTED)
        .replace('{channel}', 'web')
        .replace('{date}', '2026-10-10')
        .replace('{slug}', 'kota-tiada')
        .replace('{file}', ids.B_LOGO!);
    assert.ok(!/[{}]/.test(filled), `${path}: a parameter is left unfilled (${filled})`);
    return filled;
  }

  /** The query string a read needs: the app's, else the kernel's. */
  function query(method: string, path: string, ids: Ids): string {
    for (const f of APPS) {
      const q = f.query?.(path, ids);
      if (q !== undefined) return q;
    }
    if (path.endsWith('/holidays') && method === 'GET') return '?year=2026';
    if (path.endsWith('/due')) return '?days=3';
    return '';
  }

  function body(key: string): { payload?: object | Buffer; headers?: Record<string, string> } {
    const sample = SAMPLES.get(key);
    if (!sample) return {};
    if (sample === 'pdf') return multipartFile('file', 'a.pdf', 'application/pdf', tinyPdf('from A'));
    if (sample === 'csv') {
      return {
        payload: Buffer.from('commodity,price1\nberas-premium,99000\n'),
        headers: { 'content-type': 'text/csv' },
      };
    }
    const text = JSON.stringify(sample).replace(/B_[A-Z0-9]+/g, (m) =>
      m === 'B_EMAIL' ? bEmail : (b[m] ?? m),
    );
    return { payload: JSON.parse(text) };
  }

  /** Texts of B's that must never appear on A: the kernel's, then each app's. */
  const leaks = () => [
    ["B's agency name", 'Dinas Rahasia B'],
    ["B's holiday", 'Hari Jadi B'],
    ["B's document", 'B-SECRET-PDF'],
    ...[...FIXTURES].flatMap(([code, f]) =>
      f.leaks.map((text) => [`${code}'s ${JSON.stringify(text)}`, text]),
    ),
  ];

  function assertNoLeak(res: { body: string }, url: string, label: string) {
    // A problem document names the URL it answers (`instance`): that echo is the caller's own input.
    const body = res.body.replaceAll(JSON.stringify(url).slice(1, -1), '');
    for (const [key, value] of Object.entries(b)) {
      assert.ok(!body.includes(value), `${label} leaked ${key}`);
    }
    for (const [what, text] of leaks()) assert.ok(!body.includes(text!), `${label} leaked ${what}`);
  }

  test('every installed app with tenant routes has an isolation fixture', () => {
    for (const app of MODULES) {
      if (!app.routes) continue;
      assert.ok(
        FIXTURES.has(app.code),
        `no isolation fixture: add src/modules/${app.code}/test/isolation.ts`,
      );
    }
    for (const [code, f] of FIXTURES) assert.ok(f.leaks.length > 0, `${code}'s fixture names no leak`);
  });

  test('every tenant route has a sample or is a read, and every sample a route', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    const all = routes(doc);
    assert.ok(all.length >= 20, `only ${all.length} tenant routes found`);
    for (const r of all) {
      if (r.method === 'GET' || POST_READS.has(`${r.method} ${r.path}`)) continue;
      assert.ok(SAMPLES.has(`${r.method} ${r.path}`), `no isolation sample for ${r.method} ${r.path}`);
    }
    const keys = new Set(all.map((r) => `${r.method} ${r.path}`));
    for (const key of SAMPLES.keys()) assert.ok(keys.has(key), `an isolation sample for no route: ${key}`);
  });

  test('B’s credentials and B’s ids get nothing from A, and change nothing in B', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    const before = await fingerprint();
    for (const r of routes(doc)) {
      const key = `${r.method} ${r.path}`;
      const url = `/t/kota-a${fill(r.path, b)}${query(r.method, r.path, b)}`;
      const sample = body(key);
      for (const [who, headers] of [
        ['B bearer', bBearer],
        ['B session', bSession],
        ['A admin with B ids', aAdmin],
      ] as const) {
        // The event stream never ends for an accepted caller; events.test.ts checks which tenant's events it carries.
        if (key === 'GET /api/v1/events' && who === 'A admin with B ids') continue;
        const res = await t.app.inject({
          method: r.method as 'GET',
          url,
          headers: { ...headers, ...sample.headers },
          ...(sample.payload ? { payload: sample.payload } : {}),
        });
        const label = `${key} as ${who} → ${res.statusCode}`;
        assert.ok(res.statusCode < 500, label);
        if (process.env.DEBUG_ISOLATION) console.log(label, res.body.slice(0, 300));
        assertNoLeak(res, url, label);
        if (
          who !== 'A admin with B ids' &&
          ((r.method !== 'GET' && !POST_READS.has(key)) ||
            SIGNED_IN_READS(key) ||
            APP_SIGNED_IN_READS.has(key))
        ) {
          // B's credentials mean nothing on A: anything that needs a caller is refused.
          if (ANONYMOUS_WRITES.has(key)) {
            assert.ok([201, 401, 403, 404].includes(res.statusCode), label);
          } else if (PUBLIC_WRITES.has(key)) {
            // Anyone may call these; on A they reach only A's accounts (B's email is unknown there).
            assert.ok([201, 202, 400, 401, 429].includes(res.statusCode), label);
          } else {
            assert.ok([401, 403].includes(res.statusCode), label);
          }
        }
        if (who === 'A admin with B ids' && /\{(id|grantId|photoId)\}/.test(r.path)) {
          // 403: A's admin lacks the route's permission (an agency's follow-up), checked before any id.
          assert.ok([400, 403, 404].includes(res.statusCode), label);
        }
      }
    }
    const now = await fingerprint();
    const changed = Object.keys(before).filter((table) => now[table] !== before[table]);
    assert.deepEqual(changed, [], `B’s rows changed in ${changed.join(', ')}`);
  });
});
