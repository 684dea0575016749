/**
 * Deadlines of reports against the real 2026 national calendar, a tenant's local holiday and its
 * time zone, through the same service functions the API calls (with the clock given).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  bearerFor,
  DB_KIND,
  makeLive,
  makeStaff,
  makeTenant,
  startTest,
  type TestContext,
} from '../../../../test/support/harness.ts';
import { SYSTEM_ACTOR, type VerifiedTenant } from '../../../platform/sdk/index.ts';
import { reportsApp } from '../index.ts';
import { fileReport } from '../services/intake.ts';
import { putCategory } from '../services/settings.ts';
import { transition } from '../services/transitions.ts';
import { tx } from '../tables.ts';

describe(`report deadlines on the working-day calendar (${DB_KIND})`, () => {
  let t: TestContext;
  let wib: VerifiedTenant;
  let wita: VerifiedTenant;
  let operatorId: string;
  let agencyId: string;

  before(async () => {
    t = await startTest({ modules: [reportsApp] });
    wib = await makeTenant(t.platform, 'kota-wib');
    wita = await makeTenant(t.platform, 'kota-wita', { timeZone: 'Asia/Makassar' });
    for (const tenant of [wib, wita]) {
      await makeLive(t.platform, tenant.id, 'reports');
      await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, (scope) =>
        putCategory(scope, 'roads', { name: { id: 'Jalan', en: 'Roads' } }),
      );
    }
    const op = await makeStaff(t.platform, wib.id, ['operator', 'tenant_admin']);
    operatorId = op.id;
    const admin = await bearerFor(t.app, 'kota-wib', op.email);
    const res = await t.app.inject({
      method: 'POST',
      url: '/t/kota-wib/api/v1/agencies',
      headers: admin,
      payload: { code: 'DPUPR', name: 'Dinas PUPR', kind: 'dinas' },
    });
    agencyId = res.json().id;
    // A local holiday (the city's anniversary, say) on Wednesday 1 April 2026, added through the API.
    const holiday = await t.app.inject({
      method: 'POST',
      url: '/t/kota-wib/api/v1/calendar/holidays',
      headers: admin,
      payload: { date: '2026-04-01', name: 'Hari Jadi Kota' },
    });
    assert.equal(holiday.statusCode, 201, holiday.body);
  });
  after(() => t?.close());

  const file = (tenant: VerifiedTenant, now: Date) =>
    t.platform.inTenant(tenant.id, SYSTEM_ACTOR, (scope) =>
      fileReport(
        t.platform,
        scope,
        tenant,
        {
          type: 'complaint',
          category: 'roads',
          description: 'Jalan berlubang di depan pasar',
          address: 'Jl. Pasar',
        },
        { channel: 'web', reporterUserId: null, photos: [], now },
      ),
    );

  test('Idulfitri and cuti bersama push the triage deadline; the end of day is local', async () => {
    // Tuesday 17 March 2026, 10:00 WIB / 11:00 WITA. 18–24 March are Nyepi, Idulfitri and cuti bersama.
    const filed = new Date('2026-03-17T03:00:00Z');
    const a = await file(wib, filed);
    assert.equal(a.dueAt?.toISOString(), '2026-03-27T16:59:59.999Z', 'Friday 27 March, 23:59 WIB');
    const b = await file(wita, filed);
    assert.equal(b.dueAt?.toISOString(), '2026-03-27T15:59:59.999Z', 'Friday 27 March, 23:59 WITA');
  });

  test("the agency's five working days skip Good Friday and the tenant's local holiday", async () => {
    const a = await file(wib, new Date('2026-03-27T02:00:00Z'));
    const operator = { role: 'operator' as const, userId: operatorId };
    await t.platform.inTenant(wib.id, SYSTEM_ACTOR, async (scope) => {
      await transition(
        t.platform,
        scope,
        wib,
        a.id,
        'verify',
        {},
        operator,
        new Date('2026-03-30T02:00:00Z'),
      );
      // Disposed Tuesday 31 March: 1 April (local), 3 April (Good Friday) and the weekend do not count.
      await transition(
        t.platform,
        scope,
        wib,
        a.id,
        'dispose',
        { agencyId },
        operator,
        new Date('2026-03-31T02:00:00Z'),
      );
    });
    const row = await t.platform.inTenant(wib.id, SYSTEM_ACTOR, (scope) =>
      tx(scope)
        .selectFrom('reports')
        .select(['due_at', 'follow_up_due_at'])
        .where('tenant_id', '=', wib.id)
        .where('id', '=', a.id)
        .executeTakeFirstOrThrow(),
    );
    const { due_at, follow_up_due_at } = row;
    // 2 (Thu), 6 (Mon), 7, 8, 9 April → due Thursday 9 April.
    assert.equal(new Date(follow_up_due_at!).toISOString(), '2026-04-09T16:59:59.999Z');
    assert.equal(new Date(due_at!).toISOString(), '2026-04-09T16:59:59.999Z');
  });

  test('a category can shorten triage; a new local holiday takes effect at once', async () => {
    await t.platform.inTenant(wib.id, SYSTEM_ACTOR, (scope) =>
      putCategory(scope, 'roads', { name: { id: 'Jalan', en: 'Roads' }, verifyDays: 1 }),
    );
    // Monday 7 December 2026 → due Tuesday 8 December.
    assert.equal(
      (await file(wib, new Date('2026-12-07T02:00:00Z'))).dueAt?.toISOString(),
      '2026-12-08T16:59:59.999Z',
    );
    const admin = await bearerFor(
      t.app,
      'kota-wib',
      (await makeStaff(t.platform, wib.id, ['tenant_admin'])).email,
    );
    const res = await t.app.inject({
      method: 'POST',
      url: '/t/kota-wib/api/v1/calendar/holidays',
      headers: admin,
      payload: { date: '2026-12-08', name: 'Cuti daerah' },
    });
    assert.equal(res.statusCode, 201);
    assert.equal(
      (await file(wib, new Date('2026-12-07T02:00:00Z'))).dueAt?.toISOString(),
      '2026-12-09T16:59:59.999Z',
    );
  });
});
