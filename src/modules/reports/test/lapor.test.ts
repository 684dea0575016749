/**
 * The exchange with SP4N-LAPOR! against the fake national service, over real HTTP on loopback
 * (nothing leaves the machine): a verified report goes out once and both sides keep the id, its
 * progress follows, LAPOR!'s updates move or annotate it, reports filed at LAPOR! are filed here,
 * nothing is lost while LAPOR! is down, tenants stay apart, and the exchange is off unless turned on.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import {
  bearerFor,
  DB_KIND,
  type Json,
  makeLive,
  makeStaff,
  makeTenant,
  PASSWORD,
  startTest,
  type TestContext,
} from '../../../../test/support/harness.ts';
import { SYSTEM_ACTOR, type VerifiedTenant } from '../../../platform/sdk/index.ts';
import {
  ConfigError,
  createUser,
  grantRole,
  type JobRunner,
  loadConfig,
} from '../../../platform/sdk/testing.ts';
import { reportsApp } from '../index.ts';
import {
  createLaporGateway,
  exchangeAcrossTenants,
  exchangeWithLapor,
  laporExchangeTask,
} from '../lapor/exchange.ts';
import { type FakeLapor, startFakeLapor } from '../lapor/fake-service.ts';
import type { LaporGateway, LaporUpdate } from '../lapor/gateway.ts';
import { LaporError } from '../lapor/gateway.ts';
import { HttpLaporGateway } from '../lapor/http-gateway.ts';
import { tx } from '../tables.ts';

type Staff = { admin: Json; operator: Json; officer: Json };

describe(`SP4N-LAPOR! exchange (${DB_KIND})`, () => {
  let t: TestContext;
  let fake: FakeLapor;
  let gateway: LaporGateway;
  const tenants: Record<string, VerifiedTenant> = {};
  const staff: Record<string, Staff> = {};

  const call = async (slug: string, method: string, url: string, headers: Json = {}, payload?: unknown) => {
    const res = await t.app.inject({
      method: method as 'GET',
      url: `/t/${slug}/api/v1${url}`,
      headers,
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
    return { status: res.statusCode, body: res.body ? res.json() : null };
  };
  const act = async (slug: string, id: string, action: string, who: Json, body: Json = {}) => {
    const res = await call(slug, 'POST', `/reports/${id}/actions/${action}`, who, body);
    assert.equal(res.status, 200, `${action}: ${JSON.stringify(res.body)}`);
  };
  /** A citizen's report, verified by the operator unless told otherwise. */
  const report = async (slug: string, description: string, verify = true) => {
    const res = await call(
      slug,
      'POST',
      '/reports',
      {},
      {
        type: 'complaint',
        category: 'roads',
        description,
        lat: -6.18,
        lng: 106.63,
        email: 'warga@example.id',
      },
    );
    assert.equal(res.status, 201, JSON.stringify(res.body));
    if (verify) await act(slug, res.body.id, 'verify', staff[slug]!.operator);
    return res.body as { id: string; trackingNo: string };
  };
  const row = (slug: string, id: string) =>
    t.platform.inTenant(tenants[slug]!.id, SYSTEM_ACTOR, (scope) =>
      tx(scope)
        .selectFrom('reports')
        .selectAll()
        .where('tenant_id', '=', scope.tenantId)
        .where('id', '=', id)
        .executeTakeFirstOrThrow(),
    );
  const staffView = async (slug: string, id: string) =>
    (await call(slug, 'GET', `/reports/${id}`, staff[slug]!.operator)).body as Json;
  const enable = async (slug: string, on: boolean) => {
    const res = await call(slug, 'PATCH', '/reports/settings', staff[slug]!.admin, { laporEnabled: on });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.laporEnabled, on);
  };
  const run = (slug: string, via: LaporGateway = gateway) =>
    exchangeWithLapor(t.platform, tenants[slug]!, via);
  const submissions = () =>
    fake.requests.filter((r) => r.method === 'POST' && r.path === '/v1/reports').length;
  const atLapor = (trackingNo: string) => [...fake.reports.values()].find((r) => r.trackingNo === trackingNo);
  const audit = (slug: string, action: string) =>
    t.platform.inTenant(tenants[slug]!.id, SYSTEM_ACTOR, (scope) =>
      scope.trx
        .selectFrom('audit_log')
        .select(['action', 'entity_id', 'after'])
        .where('tenant_id', '=', scope.tenantId)
        .where('action', '=', action)
        .execute(),
    );

  before(async () => {
    fake = await startFakeLapor();
    t = await startTest({ modules: [reportsApp], env: { LAPOR_URL: fake.url, LAPOR_TOKEN: fake.token } });
    gateway = createLaporGateway(t.config)!;
    let nip = 500;
    for (const slug of ['kota-satu', 'kota-dua', 'kota-tiga']) {
      const tenant = await makeTenant(t.platform, slug);
      await makeLive(t.platform, tenant.id, 'reports');
      tenants[slug] = t.platform.directory.bySlug(slug)!;
      const adminUser = await makeStaff(t.platform, tenant.id, ['tenant_admin']);
      const admin = await bearerFor(t.app, slug, adminUser.email);
      const agency = await call(slug, 'POST', '/agencies', admin, {
        code: 'DPUPR',
        name: 'Dinas PUPR',
        kind: 'dinas',
      });
      assert.equal(agency.status, 201, JSON.stringify(agency.body));
      for (const [code, agencyId] of [
        ['roads', agency.body.id],
        ['other', null],
      ] as const) {
        const res = await call(slug, 'PUT', `/reports/categories/${code}`, admin, {
          name: { id: code === 'roads' ? 'Jalan' : 'Lainnya', en: code },
          agencyId,
        });
        assert.equal(res.status, 200, JSON.stringify(res.body));
      }
      const op = await makeStaff(t.platform, tenant.id, ['operator']);
      const email = `petugas-${slug}@example.go.id`;
      nip += 1;
      await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, async (scope) => {
        const id = await createUser(scope, {
          kind: 'staff',
          displayName: 'Petugas',
          email,
          nip: `199001012015031${nip}`,
          password: PASSWORD,
        });
        await grantRole(scope, id, { role: 'officer', agencyId: agency.body.id });
      });
      staff[slug] = {
        admin,
        operator: await bearerFor(t.app, slug, op.email),
        officer: await bearerFor(t.app, slug, email),
      };
    }
  });
  after(async () => {
    await t?.close();
    await fake?.close();
  });

  test('off unless the tenant turns it on: nothing is sent, nothing is asked', async () => {
    const settings = await call('kota-tiga', 'GET', '/reports/settings', staff['kota-tiga']!.admin);
    assert.equal(settings.body.laporEnabled, false);
    await report('kota-tiga', 'Lampu jalan mati di gang tiga sejak minggu lalu');
    const before = fake.requests.length;
    assert.equal(await run('kota-tiga'), null);
    assert.equal(fake.requests.length, before, 'no call to LAPOR! at all');
    // Nor from the scheduled task, which only visits tenants that turned it on.
    await exchangeAcrossTenants(t.platform, gateway);
    assert.equal(fake.requests.length, before);
  });

  test('a verified report goes to LAPOR! once; both sides keep the id', async () => {
    await enable('kota-satu', true);
    const unverified = await report('kota-satu', 'Saluran air tersumbat di depan pasar', false);
    const r = await report('kota-satu', 'Jalan berlubang besar di depan sekolah dasar');
    const first = await run('kota-satu');
    assert.equal(first?.submitted, 1, JSON.stringify(first));
    const there = atLapor(r.trackingNo);
    assert.ok(there, 'the fake national service holds the report');
    assert.match(there.laporId, /^LAPOR-\d{4}-\d{6}$/);
    assert.equal(there.region, tenants['kota-satu']!.code);
    assert.equal(there.status, 'Diverifikasi');
    assert.equal(there.submission?.classification, 'Pengaduan');
    assert.equal(there.submission?.category, 'Jalan');
    assert.equal(
      JSON.stringify(there.submission).includes('warga@example.id'),
      false,
      'no reporter identity leaves Balai',
    );
    assert.equal(atLapor(unverified.trackingNo), undefined, 'not verified: not sent');
    const mine = await row('kota-satu', r.id);
    assert.equal(mine.lapor_id, there.laporId);
    assert.equal(mine.lapor_sent_status, 'verified');
    assert.ok(mine.lapor_synced_at);
    assert.equal((await staffView('kota-satu', r.id)).laporId, there.laporId);
    // The public history says where the report went.
    const pub = (await call('kota-satu', 'GET', `/reports/${r.trackingNo}`)).body;
    const step = pub.history.find((h: Json) => h.kind === 'lapor');
    assert.equal(step?.data.laporId, there.laporId);

    const sent = submissions();
    const again = await run('kota-satu');
    assert.deepEqual({ submitted: again?.submitted, pushed: again?.pushed }, { submitted: 0, pushed: 0 });
    assert.equal(submissions(), sent, 'nothing is sent twice');
    // A repeat of the submission (a run that died before keeping the id) finds the same report.
    const { laporId } = await gateway.submit({
      ...there.submission!,
      status: 'Diverifikasi',
    });
    assert.equal(laporId, there.laporId);
    assert.equal([...fake.reports.values()].filter((x) => x.trackingNo === r.trackingNo).length, 1);
    assert.equal((await audit('kota-satu', 'report.lapor.submit')).length, 1);
  });

  test('its progress follows, with the notes the public may read', async () => {
    const r = await report('kota-satu', 'Trotoar rusak di jalan utama dekat taman');
    await run('kota-satu');
    const laporId = (await row('kota-satu', r.id)).lapor_id!;
    const { operator, officer } = staff['kota-satu']!;
    await act('kota-satu', r.id, 'dispose', operator, { note: 'Instruksi internal: segera survei' });
    let result = await run('kota-satu');
    assert.equal(result?.pushed, 1);
    assert.equal(fake.reports.get(laporId)?.status, 'Didisposisikan');
    assert.equal(fake.reports.get(laporId)?.history.at(-1)?.note, null, 'an internal instruction stays here');
    await act('kota-satu', r.id, 'complete', officer, { note: 'Trotoar sudah diperbaiki' });
    result = await run('kota-satu');
    assert.equal(result?.pushed, 1);
    const there = fake.reports.get(laporId)!;
    assert.equal(there.status, 'Ditindaklanjuti');
    assert.equal(there.history.at(-1)?.note, 'Trotoar sudah diperbaiki');
    assert.equal((await run('kota-satu'))?.pushed, 0, 'told once');
  });

  test('LAPOR! closes a followed-up report; a step it cannot take is kept as a note', async () => {
    const { operator, officer } = staff['kota-satu']!;
    const done = await report('kota-satu', 'Pohon tumbang menutup jalan kampung');
    await act('kota-satu', done.id, 'dispose', operator);
    await act('kota-satu', done.id, 'complete', officer, { note: 'Pohon sudah dipotong dan diangkut' });
    const waiting = await report('kota-satu', 'Parkir liar di bahu jalan protokol');
    await run('kota-satu');
    const doneId = (await row('kota-satu', done.id)).lapor_id!;
    const waitingId = (await row('kota-satu', waiting.id)).lapor_id!;
    const told = fake.requests.length;

    fake.postUpdate(doneId, 'Selesai', 'Pelapor menyatakan puas');
    fake.postUpdate(waitingId, 'Ditolak', 'Bukan kewenangan pemerintah daerah');
    fake.postUpdate(waitingId, 'Dialihkan', 'Status yang belum dikenal Balai');
    const result = await run('kota-satu');
    assert.equal(result?.updates, 3, JSON.stringify(result));
    assert.equal(result?.moved, 1);
    assert.equal((await row('kota-satu', done.id)).status, 'closed');
    assert.equal((await row('kota-satu', waiting.id)).status, 'verified', 'rejecting is the operator’s');
    assert.equal(result?.pushed, 0, 'LAPOR! is not told what it said itself');
    assert.equal(
      fake.requests.slice(told).filter((r) => r.path.includes('/status')).length,
      0,
      'no status pushed back',
    );
    const history = (await call('kota-satu', 'GET', `/reports/${waiting.trackingNo}`)).body.history as Json[];
    const notes = history.filter((h) => h.kind === 'lapor' && h.data.direction === 'in');
    assert.deepEqual(
      notes.map((h) => [h.data.laporStatus, h.note]),
      [
        ['Ditolak', 'Bukan kewenangan pemerintah daerah'],
        ['Dialihkan', 'Status yang belum dikenal Balai'],
      ],
    );
    const closed = (await call('kota-satu', 'GET', `/reports/${done.trackingNo}`)).body.history as Json[];
    assert.deepEqual(
      closed.slice(-2).map((h) => h.kind),
      ['lapor', 'auto_close'],
    );
    assert.equal((await audit('kota-satu', 'report.lapor.update')).length, 3);
    assert.equal((await run('kota-satu'))?.updates, 0, 'each update is taken once');
  });

  test('a report filed at LAPOR! about the region is filed here, channel lapor', async () => {
    const laporId = fake.fileNational(tenants['kota-satu']!.code, {
      classification: 'Aspirasi',
      category: 'jalan',
      description: 'Mohon dibangun jembatan penyeberangan di depan pasar baru',
      kelurahan: 'Cipondoh',
      reporterName: 'Siti',
    });
    const elsewhere = fake.fileNational(tenants['kota-dua']!.code, {
      description: 'Laporan untuk kota lain yang tidak boleh tercampur',
    });
    const result = await run('kota-satu');
    assert.equal(result?.filed, 1, JSON.stringify(result));
    const found = await t.platform.inTenant(tenants['kota-satu']!.id, SYSTEM_ACTOR, (scope) =>
      tx(scope)
        .selectFrom('reports')
        .selectAll()
        .where('tenant_id', '=', scope.tenantId)
        .where('lapor_id', 'in', [laporId, elsewhere])
        .execute(),
    );
    assert.equal(found.length, 1, 'only the region’s own');
    const filed = found[0]!;
    assert.equal(filed.lapor_id, laporId);
    assert.equal(filed.channel, 'lapor');
    assert.equal(filed.status, 'received');
    assert.equal(filed.type, 'aspiration');
    assert.equal(filed.category_code, 'roads', 'matched by the category’s name');
    assert.equal(filed.reporter_name, 'Siti');
    assert.ok(filed.address, 'filed without a map point, with a place to ask about');
    const view = await staffView('kota-satu', filed.id);
    assert.equal(view.channel, 'lapor');
    assert.equal(view.laporId, laporId);
    assert.equal((await run('kota-satu'))?.filed, 0, 'filed once');

    // The operator verifies it here; LAPOR! hears of it.
    await act('kota-satu', filed.id, 'verify', staff['kota-satu']!.operator);
    const sent = submissions();
    assert.equal((await run('kota-satu'))?.pushed, 1);
    assert.equal(fake.reports.get(laporId)?.status, 'Diverifikasi');
    assert.equal(submissions(), sent, 'pushed, not submitted again');
  });

  test('LAPOR! down: nothing is lost, the next run sends it', async () => {
    const r = await report('kota-satu', 'Banjir setinggi lutut di perumahan baru');
    fake.setDown(true);
    await assert.rejects(
      run('kota-satu'),
      (e: unknown) => e instanceof LaporError && e.failure === 'unavailable',
    );
    await assert.rejects(
      exchangeAcrossTenants(t.platform, gateway),
      (e: unknown) => e instanceof AggregateError && /503/.test(e.message),
    );
    assert.equal((await row('kota-satu', r.id)).lapor_id, null);
    assert.equal(atLapor(r.trackingNo), undefined);
    fake.setDown(false);
    const result = await run('kota-satu');
    assert.equal(result?.submitted, 1);
    assert.equal((await row('kota-satu', r.id)).lapor_id, atLapor(r.trackingNo)?.laporId);

    // Stopped altogether, or silent: the gateway says so plainly.
    const gone = await startFakeLapor();
    await gone.close();
    const unreachable = new HttpLaporGateway({ url: gone.url, token: 'x', timeoutMs: 2000 });
    const later = await report('kota-satu', 'Sampah menumpuk di tepi sungai kecil');
    await assert.rejects(run('kota-satu', unreachable), /cannot be reached/);
    const silent = createServer(() => {
      // Never answers.
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const slow = new HttpLaporGateway({
      url: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`,
      token: 'x',
      timeoutMs: 200,
    });
    await assert.rejects(slow.updatesSince('36.71', null), /no answer within 0.2 s/);
    silent.closeAllConnections();
    silent.close();
    const garbled = createServer((_req, res) => res.writeHead(200).end('<html>maintenance</html>'));
    await new Promise<void>((resolve) => garbled.listen(0, '127.0.0.1', resolve));
    const odd = new HttpLaporGateway({
      url: `http://127.0.0.1:${(garbled.address() as AddressInfo).port}`,
      token: 'x',
      timeoutMs: 2000,
    });
    await assert.rejects(
      odd.updatesSince('36.71', null),
      (e: unknown) => e instanceof LaporError && e.failure === 'protocol' && /not JSON/.test(e.message),
    );
    garbled.close();
    assert.equal((await run('kota-satu'))?.submitted, 1);
    assert.ok((await row('kota-satu', later.id)).lapor_id);
  });

  test('a report LAPOR! refuses keeps the refusal and is tried again once it changes', async () => {
    const r = await report('kota-satu', 'Papan reklame miring hampir roboh di perempatan');
    const refusing: LaporGateway = {
      submit: async (s) => {
        if (s.trackingNo === r.trackingNo) {
          throw new LaporError('refused', 'LAPOR! POST /v1/reports: 422: kategori tidak dikenal', {
            status: 422,
          });
        }
        return gateway.submit(s);
      },
      updatesSince: (region, cursor) => gateway.updatesSince(region, cursor),
      pushStatus: (...args) => gateway.pushStatus(...args),
    };
    assert.equal((await run('kota-satu', refusing))?.refused, 1);
    assert.match((await row('kota-satu', r.id)).lapor_error ?? '', /kategori tidak dikenal/);
    assert.match((await staffView('kota-satu', r.id)).laporError, /kategori tidak dikenal/);
    assert.equal((await run('kota-satu', refusing))?.refused, 0, 'not tried again unchanged');
    await act('kota-satu', r.id, 'dispose', staff['kota-satu']!.operator);
    assert.equal((await run('kota-satu'))?.submitted, 1);
    const after = await row('kota-satu', r.id);
    assert.equal(after.lapor_error, null);
    assert.equal(atLapor(r.trackingNo)?.status, 'Didisposisikan');
    assert.equal((await audit('kota-satu', 'report.lapor.refused')).length, 1);
    // A wrong token is no report's fault: the run stops, the report stays pending.
    const wrongToken = new HttpLaporGateway({ url: fake.url, token: 'salah', timeoutMs: 2000 });
    const pending = await report('kota-satu', 'Kabel listrik menjuntai di atas trotoar');
    await assert.rejects(
      run('kota-satu', wrongToken),
      (e: unknown) => e instanceof LaporError && e.failure === 'unauthorized' && e.status === 401,
    );
    assert.equal((await row('kota-satu', pending.id)).lapor_error, null);
    assert.equal((await run('kota-satu'))?.submitted, 1);
  });

  test('tenants stay apart: one tenant’s run sends only its reports and touches only its reports', async () => {
    await enable('kota-dua', true);
    const mine = await report('kota-dua', 'Lampu lalu lintas mati di simpang empat');
    await report('kota-satu', 'Jalan retak memanjang di kompleks perumahan');
    await run('kota-satu');
    assert.equal(atLapor(mine.trackingNo), undefined, 'kota-dua’s report did not go with kota-satu’s run');
    // kota-dua's own run sends it, under its own region.
    assert.equal((await run('kota-dua'))?.submitted, 1);
    const there = atLapor(mine.trackingNo)!;
    assert.equal(there.region, tenants['kota-dua']!.code);

    // An update naming kota-dua's report in kota-satu's feed changes nothing in kota-dua.
    const syncedBefore = (await row('kota-dua', mine.id)).lapor_synced_at;
    let strays = 1;
    const crossed: LaporGateway = {
      submit: (s) => gateway.submit(s),
      pushStatus: (...args) => gateway.pushStatus(...args),
      updatesSince: async (region, cursor) => {
        const page = await gateway.updatesSince(region, cursor);
        if (region !== tenants['kota-satu']!.code || strays-- <= 0) return page;
        const stray: LaporUpdate = {
          laporId: there.laporId,
          status: 'Selesai',
          note: 'bukan untuk kota-satu',
          at: new Date().toISOString(),
          trackingNo: mine.trackingNo,
        };
        return { updates: [...page.updates, stray], cursor: page.cursor ?? '0' };
      },
    };
    const result = await run('kota-satu', crossed);
    assert.equal(result?.ignored, 1);
    assert.equal(result?.updates, 0);
    const theirs = await row('kota-dua', mine.id);
    assert.equal(theirs.status, 'verified');
    assert.deepEqual(theirs.lapor_synced_at, syncedBefore);
    const history = (await call('kota-dua', 'GET', `/reports/${mine.trackingNo}`)).body.history as Json[];
    assert.equal(history.filter((h) => h.data?.direction === 'in').length, 0);
    assert.equal((await audit('kota-satu', 'report.lapor.ignored')).length, 1);
  });

  test('the scheduled task runs the exchange for every tenant that turned it on, and stops when turned off', async () => {
    const one = await report('kota-satu', 'Genangan air di terowongan jalan raya');
    const two = await report('kota-dua', 'Marka jalan pudar di depan kantor camat');
    const three = await report('kota-tiga', 'Pagar taman kota roboh diterjang angin');
    await laporExchangeTask.run({ platform: t.platform, runner: {} as JobRunner });
    assert.ok(atLapor(one.trackingNo));
    assert.ok(atLapor(two.trackingNo));
    assert.equal(atLapor(three.trackingNo), undefined, 'kota-tiga never turned it on');

    await enable('kota-dua', false);
    const four = await report('kota-dua', 'Halte bus rusak atapnya bocor saat hujan');
    await laporExchangeTask.run({ platform: t.platform, runner: {} as JobRunner });
    assert.equal(atLapor(four.trackingNo), undefined, 'turned off');
  });

  test('without LAPOR_URL the platform has no exchange', async () => {
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: 'memory://' });
    assert.equal(config.lapor, undefined);
    assert.equal(createLaporGateway(config), null);
  });
});

describe('LAPOR! configuration', () => {
  const problems = (env: Record<string, string>) => {
    try {
      loadConfig({ NODE_ENV: 'test', DATA_DIR: 'memory://', ...env });
      return [];
    } catch (error) {
      assert.ok(error instanceof ConfigError);
      return error.problems.filter((p) => p.startsWith('LAPOR'));
    }
  };

  test('a URL needs a token, a token needs a URL, production needs https', () => {
    assert.deepEqual(problems({ LAPOR_URL: 'https://lapor.example.go.id/api', LAPOR_TOKEN: 't' }), []);
    const config = loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: 'memory://',
      LAPOR_URL: 'https://lapor.example.go.id/api',
      LAPOR_TOKEN: 't',
      LAPOR_TIMEOUT_SECONDS: '5',
    });
    assert.deepEqual(config.lapor, { url: 'https://lapor.example.go.id/api', token: 't', timeoutMs: 5000 });
    assert.match(problems({ LAPOR_URL: 'https://lapor.example.go.id' })[0]!, /LAPOR_TOKEN must be set/);
    assert.match(problems({ LAPOR_TOKEN: 't' })[0]!, /LAPOR_URL is not/);
    assert.match(problems({ LAPOR_URL: 'lapor.go.id', LAPOR_TOKEN: 't' })[0]!, /https:\/\//);
    assert.match(problems({ LAPOR_URL: 'ftp://lapor.go.id', LAPOR_TOKEN: 't' })[0]!, /https:\/\//);
    assert.match(
      problems({ LAPOR_URL: 'https://lapor.go.id', LAPOR_TOKEN: 't', LAPOR_TIMEOUT_SECONDS: '0' })[0]!,
      /LAPOR_TIMEOUT_SECONDS/,
    );
    const production = (() => {
      try {
        loadConfig({
          NODE_ENV: 'production',
          DATA_DIR: 'memory://',
          SMTP_URL: 'smtp://mail.example.go.id:587',
          LAPOR_URL: 'http://lapor.go.id',
          LAPOR_TOKEN: 't',
        });
        return [];
      } catch (error) {
        return (error as ConfigError).problems;
      }
    })();
    assert.ok(production.some((p) => /LAPOR_URL must be an https/.test(p)));
  });
});
