/**
 * What SP4N-LAPOR! offers a reporter, and a tenant's choice to publish only verified reports:
 * a confidential report, and (in such a tenant) a report no operator verified yet, reach no public
 * route — the list and its search, the map, the report by id or tracking number, its photo, the
 * counts, Open311's requests, tokens and single request, the portal's pages — while the reporter
 * (secret or account) and staff see them; an anonymous reporter's identity never reaches staff.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KIND, type Json } from '../../../../test/support/harness.ts';
import { multipart, photoWithGps, type ReportsContext, startReports } from './reports-setup.ts';

describe(`confidential, anonymous and unverified reports (${DB_KIND})`, () => {
  let ctx: ReportsContext;
  const portal = '/t/kota-lapor';

  before(async () => {
    ctx = await startReports();
  });
  after(() => ctx?.t.close());

  /** Files a report with a photo through the multipart API; returns its keys and its photo's URL. */
  async function fileWithPhoto(fields: Record<string, string>, headers: Json = {}) {
    const form = multipart({ type: 'complaint', category: 'roads', address: 'Jl. Privasi 7', ...fields }, [
      { name: 'photo', bytes: await photoWithGps(), type: 'image/jpeg' },
    ]);
    const res = await ctx.t.app.inject({
      method: 'POST',
      url: `${ctx.base}/reports`,
      headers: { ...headers, ...form.headers },
      payload: form.payload,
    });
    assert.equal(res.statusCode, 201, res.body);
    const filed = res.json() as { id: string; trackingNo: string; secret?: string };
    const staff = await ctx.call('GET', `/reports/${filed.id}`, ctx.operator);
    assert.equal(staff.status, 200, JSON.stringify(staff.body));
    return { ...filed, photoUrl: staff.body.photos[0].url as string, staff: staff.body };
  }

  /** Every public route that could show the report: none may carry `words`, its id or number. */
  async function assertNowhereInPublic(
    r: { id: string; trackingNo: string; photoUrl: string },
    words: string,
  ) {
    const marks = [words, r.id, r.trackingNo];
    // A search by its last word (a page echoes what was searched: not the whole text).
    const q = encodeURIComponent(words.split(' ').at(-1)!);
    const hides = (label: string, body: string) => {
      for (const m of marks) assert.ok(!body.includes(m), `${label} shows ${m}`);
    };
    const get = (url: string) => ctx.t.app.inject({ url });
    for (const url of [
      `${ctx.base}/reports`,
      `${ctx.base}/reports?q=${q}`,
      `${ctx.base}/reports?category=roads&limit=100`,
      `${ctx.base}/reports/geojson`,
      `${ctx.base}/reports/geojson?limit=100`,
      `${portal}/open311/v2/requests.json`,
      `${portal}/open311/v2/requests.xml`,
      `/open311/v2/requests.json?jurisdiction_id=kota-lapor&service_request_id=${r.trackingNo}`,
      `${portal}/laporan`,
      `${portal}/laporan?q=${q}`,
    ]) {
      const res = await get(url);
      assert.equal(res.statusCode, 200, `${url}: ${res.statusCode}`);
      hides(url, res.body);
    }
    for (const url of [
      `${ctx.base}/reports/${r.id}`,
      `${ctx.base}/reports/${r.trackingNo}`,
      r.photoUrl,
      `${portal}/open311/v2/requests/${r.trackingNo}.json`,
      `${portal}/open311/v2/tokens/${r.id}.json`,
      `${portal}/laporan/${r.trackingNo}`,
    ]) {
      const res = await get(url);
      assert.equal(res.statusCode, 404, `${url}: ${res.statusCode}`);
      // (A problem document names the address asked for, id or number included.)
      assert.ok(!res.body.includes(words), `${url} shows the text`);
    }
    // The tracking page does not lead to it either.
    const track = await get(`${portal}/lacak?no=${r.trackingNo}`);
    assert.equal(track.statusCode, 404);
  }

  test('a confidential report reaches no public route; its reporter and staff see it', async () => {
    const before = (await ctx.call('GET', '/reports/stats/summary')).body;
    const words = 'Keluhan rahasia tentang pungutan liar';
    const r = await fileWithPhoto({ description: words, confidential: '1' });
    assert.equal(r.staff.confidential, true);
    assert.equal(r.staff.public, false);
    await assertNowhereInPublic(r, words);
    // The public counts do not count it; the command centre's do.
    const after = (await ctx.call('GET', '/reports/stats/summary')).body;
    assert.equal(after.total, before.total);
    const staffCounts = (await ctx.call('GET', '/reports/stats/summary', ctx.operator)).body;
    assert.equal(staffCounts.total, after.total + 1);

    // The reporter, by the secret: the report and its photo (never kept by a shared cache).
    const secret = { 'x-report-secret': r.secret! };
    const own = await ctx.call('GET', `/reports/${r.trackingNo}`, secret);
    assert.equal(own.status, 200);
    assert.equal(own.body.description, words);
    assert.deepEqual(own.body.actions, []);
    const photo = await ctx.t.app.inject({ url: r.photoUrl, headers: secret });
    assert.equal(photo.statusCode, 200);
    assert.match(String(photo.headers['cache-control']), /^private/);
    // Staff: the report in their work list, its photo.
    const inbox = await ctx.call('GET', '/reports/inbox?limit=100', ctx.operator);
    assert.ok(inbox.body.items.some((i: Json) => i.id === r.id && i.confidential === true));
    assert.equal((await ctx.t.app.inject({ url: r.photoUrl, headers: ctx.operator })).statusCode, 200);

    // Taken through its whole life, it stays private: verified, disposed, done.
    assert.equal((await ctx.act(r.id, 'verify', ctx.operator)).status, 200);
    assert.equal((await ctx.act(r.id, 'dispose', ctx.operator)).status, 200);
    assert.equal((await ctx.act(r.id, 'complete', ctx.officer, { note: 'Sudah ditindak' })).status, 200);
    await assertNowhereInPublic(r, words);
  });

  test('an ordinary report stays public (the control of the test above)', async () => {
    const words = 'Lampu jalan padam di gang tujuh';
    const r = await fileWithPhoto({ description: words });
    assert.equal(r.staff.public, true);
    const list = await ctx.call('GET', `/reports?q=${encodeURIComponent(words)}`);
    assert.ok(list.body.items.some((i: Json) => i.id === r.id));
    assert.equal((await ctx.t.app.inject({ url: r.photoUrl })).statusCode, 200);
    const open311 = await ctx.t.app.inject({ url: `${portal}/open311/v2/requests/${r.trackingNo}.json` });
    assert.equal(open311.statusCode, 200);
    assert.equal((await ctx.t.app.inject({ url: `${portal}/laporan/${r.trackingNo}` })).statusCode, 200);
  });

  test("an anonymous reporter's identity never reaches staff; the reporter still follows the report", async () => {
    const filed = await ctx.call('POST', '/reports', ctx.citizen, {
      type: 'complaint',
      category: 'roads',
      description: 'Pelapor ingin tetap anonim soal jalan ini',
      address: 'Jl. Anonim 3',
      phone: '081234567890',
      anonymous: true,
    });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    const id = filed.body.id as string;
    const staff = await ctx.call('GET', `/reports/${id}`, ctx.operator);
    assert.deepEqual(staff.body.reporter, {
      name: null,
      email: null,
      phone: null,
      userId: null,
      anonymous: true,
    });
    assert.equal(staff.body.history[0].actorName, null);
    const text = JSON.stringify(staff.body);
    for (const identity of ['warga@example.id', 'Warga Lapor', '081234567890']) {
      assert.ok(!text.includes(identity), `staff see ${identity}`);
    }
    // Anonymous is not confidential: the public sees the report, never anyone's identity.
    assert.equal((await ctx.call('GET', `/reports/${id}`)).status, 200);
    // The reporter still has it among their reports and may act on it.
    const mine = await ctx.call('GET', '/reports/mine', ctx.citizen);
    assert.ok(mine.body.items.some((i: Json) => i.id === id));
    // The control: a named report shows staff who filed it.
    const named = await ctx.call('POST', '/reports', ctx.citizen, {
      type: 'complaint',
      category: 'roads',
      description: 'Pelapor bernama melapor jalan rusak',
      address: 'Jl. Bernama 4',
    });
    const seen = await ctx.call('GET', `/reports/${named.body.id}`, ctx.operator);
    assert.equal(seen.body.reporter.email, 'warga@example.id');
    assert.equal(seen.body.reporter.anonymous, false);
  });

  test('a tenant may publish reports only once verified: hidden until then, and the setting applies at once', async () => {
    const set = await ctx.call('PATCH', '/reports/settings', ctx.admin, { verifyBeforePublic: true });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    assert.equal(set.body.verifyBeforePublic, true);
    try {
      const words = 'Saluran tersumbat menunggu verifikasi';
      const r = await fileWithPhoto({ description: words });
      assert.equal(r.staff.public, false);
      await assertNowhereInPublic(r, words);
      // Its reporter sees it, and that it is not public yet.
      const own = await ctx.call('GET', `/reports/${r.id}`, { 'x-report-secret': r.secret! });
      assert.equal(own.status, 200);
      assert.equal(own.body.public, false);
      // Rejected unverified, it stays hidden.
      const other = await fileWithPhoto({ description: 'Laporan ditolak sebelum verifikasi' });
      const rejected = await ctx.act(other.id, 'reject', ctx.operator, {
        reason: 'insufficient_information',
        note: 'Kurang jelas',
      });
      assert.equal(rejected.status, 200);
      await assertNowhereInPublic(other, 'Laporan ditolak sebelum verifikasi');

      // The operator verifies: public everywhere.
      assert.equal((await ctx.act(r.id, 'verify', ctx.operator)).status, 200);
      const list = await ctx.call('GET', `/reports?q=${encodeURIComponent(words)}`);
      assert.ok(list.body.items.some((i: Json) => i.id === r.id));
      assert.equal((await ctx.call('GET', `/reports/${r.trackingNo}`)).status, 200);
      assert.equal((await ctx.t.app.inject({ url: r.photoUrl })).statusCode, 200);
      const open311 = await ctx.t.app.inject({ url: `${portal}/open311/v2/requests/${r.trackingNo}.json` });
      assert.equal(open311.statusCode, 200);

      // Turned off, the waiting report is public at once.
      const waiting = await fileWithPhoto({ description: 'Trotoar retak menunggu verifikasi' });
      assert.equal((await ctx.call('GET', `/reports/${waiting.id}`)).status, 404);
      await ctx.call('PATCH', '/reports/settings', ctx.admin, { verifyBeforePublic: false });
      assert.equal((await ctx.call('GET', `/reports/${waiting.id}`)).status, 200);
    } finally {
      await ctx.call('PATCH', '/reports/settings', ctx.admin, { verifyBeforePublic: false });
    }
  });

  test('Open311 takes confidential and anonymous as attributes, and lists them in the definition', async () => {
    const definition = await ctx.t.app.inject({ url: `${portal}/open311/v2/services/roads.json` });
    const codes = (definition.json().attributes as Json[]).map((a) => a.code);
    assert.ok(codes.includes('confidential') && codes.includes('anonymous'), codes.join());
    const post = (attrs: Record<string, string>) =>
      ctx.t.app.inject({
        method: 'POST',
        url: `${portal}/open311/v2/requests.json`,
        headers: { ...ctx.citizen, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({
          service_code: 'roads',
          address_string: 'Jl. Open 311',
          description: 'Laporan rahasia lewat Open311',
          ...attrs,
        }).toString(),
      });
    const bad = await post({ 'attribute[confidential]': 'mungkin' });
    assert.equal(bad.statusCode, 400, bad.body);
    assert.match(bad.json()[0].description, /true/);
    const res = await post({ 'attribute[confidential]': 'true', 'attribute[anonymous]': 'TRUE' });
    assert.equal(res.statusCode, 201, res.body);
    const no = res.json()[0].service_request_id as string;
    const read = await ctx.t.app.inject({ url: `${portal}/open311/v2/requests/${no}.json` });
    assert.equal(read.statusCode, 404, 'Open311 does not read it to the public');
    const staff = await ctx.call('GET', `/reports/${no}`, ctx.operator);
    assert.equal(staff.body.confidential, true);
    assert.equal(staff.body.reporter.anonymous, true);
  });
});
