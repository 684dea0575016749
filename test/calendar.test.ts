/** The calendar API: national and local holidays, and due dates in the tenant's time zone. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bearerFor, DB_KIND, makeStaff, makeTenant, startTest, type TestContext } from './support/harness.ts';

describe(`calendar API (${DB_KIND})`, () => {
  let t: TestContext;
  let auth: Record<string, string>;
  before(async () => {
    t = await startTest();
    const tenant = await makeTenant(t.platform, 'kota-kalender');
    await makeTenant(t.platform, 'kota-timur', { timeZone: 'Asia/Jayapura' });
    const admin = await makeStaff(t.platform, tenant.id, ['tenant_admin']);
    auth = await bearerFor(t.app, 'kota-kalender', admin.email);
  });
  after(() => t.close());

  const url = (path: string) => `/t/kota-kalender/api/v1${path}`;

  test('Idul Fitri 2026 and its cuti bersama are holidays, named in the caller’s language', async () => {
    const res = await t.app.inject(url('/calendar/holidays?year=2026&lang=en'));
    assert.equal(res.statusCode, 200);
    const march = res.json().items.filter((h: { date: string }) => h.date.startsWith('2026-03-'));
    assert.deepEqual(
      march.map((h: { date: string; kind: string }) => [h.date, h.kind]),
      [
        ['2026-03-18', 'cuti_bersama'],
        ['2026-03-19', 'national'],
        ['2026-03-20', 'cuti_bersama'],
        ['2026-03-21', 'national'],
        ['2026-03-22', 'national'],
        ['2026-03-23', 'cuti_bersama'],
        ['2026-03-24', 'cuti_bersama'],
      ],
    );
  });

  test('three working days from 17 March 2026 (09:00 WIB) fall on 27 March', async () => {
    const res = await t.app.inject(url('/calendar/due?from=2026-03-17T02:00:00Z&days=3'));
    assert.equal(res.statusCode, 200);
    // 18–24 March are holidays or weekend: 25, 26, 27 are the three working days.
    assert.equal(res.json().dueDate, '2026-03-27');
    assert.equal(res.json().dueAt, '2026-03-27T16:59:59.999Z');
  });

  test('a local holiday moves the due date, and only for its tenant', async () => {
    const add = await t.app.inject({
      method: 'POST',
      url: url('/calendar/holidays'),
      headers: auth,
      payload: { date: '2026-02-27', name: 'Hari Jadi Kota' },
    });
    assert.equal(add.statusCode, 201);
    // Thursday 26 Feb + 1 working day: Friday 27 is now a holiday, so Monday 2 March.
    const due = await t.app.inject(url('/calendar/due?from=2026-02-26T03:00:00Z&days=1'));
    assert.equal(due.json().dueDate, '2026-03-02');
    const elsewhere = await t.app.inject(
      '/t/kota-timur/api/v1/calendar/due?from=2026-02-26T03:00:00Z&days=1',
    );
    assert.equal(elsewhere.json().dueDate, '2026-02-27');
    const dup = await t.app.inject({
      method: 'POST',
      url: url('/calendar/holidays'),
      headers: auth,
      payload: { date: '2026-02-27', name: 'Lagi' },
    });
    assert.equal(dup.statusCode, 409);
    const bad = await t.app.inject({
      method: 'POST',
      url: url('/calendar/holidays'),
      headers: auth,
      payload: { date: '2026-02-30', name: 'Tidak ada' },
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().errors[0].path, '/body/date');
    const noSuchDay = await t.app.inject({
      method: 'DELETE',
      url: url('/calendar/holidays/2026-02-30'),
      headers: auth,
    });
    assert.equal(noSuchDay.statusCode, 404);
    const del = await t.app.inject({
      method: 'DELETE',
      url: url('/calendar/holidays/2026-02-27'),
      headers: auth,
    });
    assert.equal(del.statusCode, 204);
    assert.equal(
      (await t.app.inject(url('/calendar/due?from=2026-02-26T03:00:00Z&days=1'))).json().dueDate,
      '2026-02-27',
    );
  });

  test('the same instant is a different local day in Jayapura', async () => {
    // 2026-03-17T16:30Z is 23:30 WIB on the 17th but 01:30 WIT on the 18th (a cuti bersama day).
    const wib = await t.app.inject(url('/calendar/due?from=2026-03-17T16:30:00Z&days=1'));
    const wit = await t.app.inject('/t/kota-timur/api/v1/calendar/due?from=2026-03-17T16:30:00Z&days=1');
    assert.equal(wib.json().dueDate, '2026-03-25');
    assert.equal(wit.json().dueDate, '2026-03-25');
    assert.equal(wit.json().dueAt, '2026-03-25T14:59:59.999Z');
    const wib0 = await t.app.inject(url('/calendar/due?from=2026-03-17T16:30:00Z&days=0'));
    const wit0 = await t.app.inject('/t/kota-timur/api/v1/calendar/due?from=2026-03-17T16:30:00Z&days=0');
    assert.equal(wib0.json().dueDate, '2026-03-17');
    assert.equal(wit0.json().dueDate, '2026-03-25');
  });

  test('managing holidays needs the permission', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: url('/calendar/holidays'),
      payload: { date: '2026-06-01', name: 'X Y Z' },
    });
    assert.equal(res.statusCode, 401);
  });
});
