/**
 * Two pieces the web faces stand on, through `app.inject()`: the officers an agency's report can be
 * assigned to (`GET …/reports/officers`), and the reporter's answers on the portal's report page
 * (confirm with a rating, reopen, add the information asked for) — signed in or with the secret
 * code, with errors beside the fields and nothing changed on failure.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  DB_KIND,
  type Json,
  makeLive,
  makeStaff,
  makeTenant,
  PASSWORD,
  signIn,
  startTest,
  type TestContext,
} from '../../../../test/support/harness.ts';
import { SYSTEM_ACTOR } from '../../../platform/sdk/index.ts';
import { createAgency, createUser, grantRole } from '../../../platform/sdk/testing.ts';
import { reportsApp } from '../index.ts';
import { putCategory } from '../services/settings.ts';

const SLUG = 'kota-jawab';
const api = `/t/${SLUG}/api/v1`;

describe(`officers and the reporter's answers (${DB_KIND})`, () => {
  let t: TestContext;
  let dpupr = '';
  let dlh = '';
  let operator: Record<string, string>;
  let officerDpupr = '';
  let officerDlh: Record<string, string>;

  before(async () => {
    t = await startTest({ modules: [reportsApp] });
    const tenant = await makeTenant(t.platform, SLUG);
    await makeLive(t.platform, tenant.id, 'reports');
    await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, async (scope) => {
      dpupr = (await createAgency(scope, { code: 'DPUPR', name: 'Dinas PUPR', kind: 'dinas' })).id;
      dlh = (await createAgency(scope, { code: 'DLH', name: 'Dinas LH', kind: 'dinas' })).id;
      await putCategory(scope, 'roads', { name: { id: 'Jalan rusak', en: 'Roads' }, agencyId: dpupr });
    });
    const op = await makeStaff(t.platform, tenant.id, ['operator']);
    operator = await signIn(t.app, SLUG, op.email);
    const a = await makeStaff(t.platform, tenant.id, []);
    officerDpupr = a.id;
    const b = await makeStaff(t.platform, tenant.id, []);
    await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, async (scope) => {
      await grantRole(scope, a.id, { role: 'field_officer', agencyId: dpupr });
      await grantRole(scope, b.id, { role: 'officer', agencyId: dlh });
    });
    officerDlh = await signIn(t.app, SLUG, b.email);
  });
  after(() => t?.close());

  async function file(headers: Record<string, string> = {}): Promise<Json> {
    const res = await t.app.inject({
      method: 'POST',
      url: `${api}/reports`,
      headers,
      payload: {
        type: 'complaint',
        category: 'roads',
        description: 'Jalan berlubang di depan pasar.',
        address: 'Jl. Pasar Baru 1',
      },
    });
    assert.equal(res.statusCode, 201, res.body);
    return res.json();
  }

  async function act(no: string, action: string, body: Json, headers: Record<string, string>) {
    const res = await t.app.inject({
      method: 'POST',
      url: `${api}/reports/${no}/actions/${action}`,
      headers,
      payload: body,
    });
    assert.equal(res.statusCode, 200, `${action}: ${res.body}`);
  }

  /** Takes a report to `done`: verified, assigned to DPUPR, completed by the operator's flow. */
  async function toDone(no: string) {
    await act(no, 'verify', {}, operator);
    await act(no, 'dispose', { agencyId: dpupr }, operator);
    const admin = await makeStaff(t.platform, t.platform.directory.bySlug(SLUG)!.id, []);
    await t.platform.inTenant(t.platform.directory.bySlug(SLUG)!.id, SYSTEM_ACTOR, (scope) =>
      grantRole(scope, admin.id, { role: 'officer', agencyId: dpupr }),
    );
    await act(no, 'complete', { note: 'Sudah ditambal.' }, await signIn(t.app, SLUG, admin.email));
  }

  test('an agency’s officers: operators see any agency’s, agency staff only their own', async () => {
    const list = await t.app.inject({ url: `${api}/reports/officers?agency=${dpupr}`, headers: operator });
    assert.equal(list.statusCode, 200, list.body);
    const ids = (list.json() as Json).items.map((o: Json) => o.id);
    assert.ok(ids.includes(officerDpupr), 'the DPUPR field officer is listed');
    assert.equal(ids.length, 1, 'nobody from another agency, and not the tenant-wide operator');
    const other = await t.app.inject({ url: `${api}/reports/officers?agency=${dpupr}`, headers: officerDlh });
    assert.equal(other.statusCode, 403);
    const own = await t.app.inject({ url: `${api}/reports/officers?agency=${dlh}`, headers: officerDlh });
    assert.equal(own.statusCode, 200);
    const bad = await t.app.inject({ url: `${api}/reports/officers?agency=nope`, headers: operator });
    assert.equal(bad.statusCode, 400);
    assert.equal((bad.json() as Json).errors[0].path, '/querystring/agency');
    const anonymous = await t.app.inject({ url: `${api}/reports/officers?agency=${dpupr}` });
    assert.equal(anonymous.statusCode, 401);

    // Assigning someone who may not follow up there is refused, beside the field, and changes nothing.
    const filed = await file();
    await act(filed.trackingNo, 'verify', {}, operator);
    const dlhOfficer = (
      await t.app.inject({ url: `${api}/reports/officers?agency=${dlh}`, headers: operator })
    ).json() as Json;
    const wrong = await t.app.inject({
      method: 'POST',
      url: `${api}/reports/${filed.trackingNo}/actions/dispose`,
      headers: operator,
      payload: { agencyId: dpupr, officerUserId: dlhOfficer.items[0].id },
    });
    assert.equal(wrong.statusCode, 400, wrong.body);
    assert.equal((wrong.json() as Json).errors[0].path, '/body/officerUserId');
    const still = (
      await t.app.inject({ url: `${api}/reports/${filed.trackingNo}`, headers: operator })
    ).json() as Json;
    assert.equal(still.status, 'verified');
    await act(filed.trackingNo, 'dispose', { agencyId: dpupr, officerUserId: officerDpupr }, operator);
    const assigned = (
      await t.app.inject({ url: `${api}/reports/${filed.trackingNo}`, headers: operator })
    ).json() as Json;
    assert.equal(assigned.officer.id, officerDpupr);
  });

  test('an anonymous reporter confirms with a rating using the secret code; a wrong code changes nothing', async () => {
    const filed = await file();
    await toDone(filed.trackingNo);
    const page = `/t/${SLUG}/laporan/${filed.trackingNo}`;
    const shown = await t.app.inject({ url: page });
    assert.match(shown.body, /Konfirmasi selesai/);
    assert.match(shown.body, /name="secret"/);

    const form = (fields: Record<string, string>) => ({
      method: 'POST' as const,
      url: `${page}/tanggapan`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    });
    const wrong = await t.app.inject(form({ action: 'confirm', rating: '4', secret: 'salah' }));
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /id="confirm-secret-error"[^>]*>Kode rahasia tidak cocok/);
    assert.match(wrong.body, /checked="" value="4"/, 'the rating chosen is kept');
    const noRating = await t.app.inject(form({ action: 'confirm', secret: filed.secret }));
    assert.equal(noRating.statusCode, 400);
    assert.match(noRating.body, /Pilih penilaian 1 sampai 5/);
    const still = await t.app.inject({ url: `${api}/reports/${filed.trackingNo}` });
    assert.equal((still.json() as Json).status, 'done', 'nothing changed');

    const ok = await t.app.inject(
      form({ action: 'confirm', rating: '4', comment: 'Cepat', secret: filed.secret }),
    );
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, `${page}?ok=confirm`);
    const after = (await t.app.inject({ url: `${api}/reports/${filed.trackingNo}` })).json() as Json;
    assert.equal(after.status, 'closed');
    assert.equal(after.rating, 4);
    // The answer's own address (a language switch after a refusal) leads back to the report.
    const back = await t.app.inject({ url: `${page}/tanggapan?lang=en` });
    assert.equal(back.statusCode, 303);
    assert.equal(back.headers.location, `${page}?lang=en`);
    const thanks = await t.app.inject({ url: `${page}?ok=confirm` });
    assert.match(thanks.body, /Terima kasih, laporan ditutup/);
  });

  test('a signed-in reporter reopens without a code; another citizen sees no forms and cannot answer', async () => {
    const tenantId = t.platform.directory.bySlug(SLUG)!.id;
    const make = (email: string) =>
      t.platform.inTenant(tenantId, SYSTEM_ACTOR, (scope) =>
        createUser(scope, { kind: 'citizen', displayName: 'Warga', email, password: PASSWORD }),
      );
    await make('pelapor@example.id');
    await make('tetangga@example.id');
    const reporter = await signIn(t.app, SLUG, 'pelapor@example.id');
    const filed = await file(reporter);
    await toDone(filed.trackingNo);
    const page = `/t/${SLUG}/laporan/${filed.trackingNo}`;

    const neighbour = await signIn(t.app, SLUG, 'tetangga@example.id');
    const seen = await t.app.inject({ url: page, headers: { cookie: neighbour.cookie } });
    assert.doesNotMatch(seen.body, /Buka kembali/);
    const tried = await t.app.inject({
      method: 'POST',
      url: `${page}/tanggapan`,
      headers: { cookie: neighbour.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        action: 'reopen',
        note: 'Belum',
        _csrf: neighbour['x-csrf-token']!,
      }).toString(),
    });
    assert.equal(tried.statusCode, 400);
    assert.equal(
      ((await t.app.inject({ url: `${api}/reports/${filed.trackingNo}` })).json() as Json).status,
      'done',
    );

    // Without the CSRF token a signed-in form is refused (and sends the visitor to sign in again).
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: `${page}/tanggapan`,
      headers: { cookie: reporter.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ action: 'reopen', note: 'Masih berlubang' }).toString(),
    });
    assert.equal(noCsrf.statusCode, 303);
    assert.match(noCsrf.headers.location ?? '', /\/masuk/);

    const mine = await t.app.inject({ url: page, headers: { cookie: reporter.cookie } });
    assert.match(mine.body, /Buka kembali/);
    assert.doesNotMatch(mine.body, /name="secret"/);
    const empty = await t.app.inject({
      method: 'POST',
      url: `${page}/tanggapan`,
      headers: { cookie: reporter.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        action: 'reopen',
        note: ' ',
        _csrf: reporter['x-csrf-token']!,
      }).toString(),
    });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /id="reopen-note-error"/);
    const reopened = await t.app.inject({
      method: 'POST',
      url: `${page}/tanggapan`,
      headers: { cookie: reporter.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        action: 'reopen',
        note: 'Masih berlubang di sisi kiri.',
        _csrf: reporter['x-csrf-token']!,
      }).toString(),
    });
    assert.equal(reopened.statusCode, 303, reopened.body);
    const after = (await t.app.inject({ url: `${api}/reports/${filed.trackingNo}` })).json() as Json;
    assert.equal(after.status, 'reopened');
  });
});
