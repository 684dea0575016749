/**
 * The PPID's own messages: a new request reaches the handlers of its site's agency (not another
 * agency's, not the tenant's for an agency's site); each working morning they get one list of what
 * is due by the next working day or late, and nothing on a holiday or when nothing is due.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KIND, startTest, type TestContext } from '../../../../test/support/harness.ts';
import { calendarForTenant, SYSTEM_ACTOR } from '../../../platform/sdk/index.ts';
import app from '../index.ts';
import { fileRequest, type PpidCall } from '../services/ppid.ts';
import { remindHandlers } from '../services/ppid-staff-notices.ts';
import { makeRegion, type Region } from './support.ts';

const REQUEST = {
  name: 'Andi Wijaya',
  email: 'andi.wijaya@example.id',
  information: 'Daftar puskesmas yang melayani imunisasi campak beserta jadwalnya',
  purpose: 'Keperluan keluarga',
  delivery: 'email',
};

describe(`websites: the PPID's own messages (${DB_KIND})`, () => {
  let t: TestContext;
  let a: Region;
  let gone: string;
  const inA = <T>(work: Parameters<typeof t.platform.inTenant<T>>[2]) =>
    t.platform.inTenant(a.tenant.id, SYSTEM_ACTOR, work);
  const at = (iso: string): PpidCall => ({ platform: t.platform, tenant: a.tenant, now: new Date(iso) });
  /** Emails of the active accounts holding `role` at the agency (null: tenant-wide). */
  const holders = (role: string, agencyId: string | null) =>
    inA(async (scope) =>
      (
        await scope.trx
          .selectFrom('role_grants as g')
          .innerJoin('users as u', 'u.id', 'g.user_id')
          .select('u.email')
          .where('g.role', '=', role)
          .where('u.disabled_at', 'is', null)
          .where((eb) => (agencyId ? eb('g.agency_id', '=', agencyId) : eb('g.agency_id', 'is', null)))
          .execute()
      ).map((r) => String(r.email)),
    );
  const mails = (subject: string) =>
    inA((scope) =>
      scope.trx
        .selectFrom('notification_outbox')
        .select(['recipient', 'subject', 'body'])
        .where('subject', 'like', `%${subject}%`)
        .orderBy('recipient')
        .execute(),
    );

  before(async () => {
    t = await startTest({ modules: [app] });
    a = await makeRegion(t, 'kota-ppid');
    await a.staff('operator', a.dinkes.id);
    await a.staff('agency_admin', a.dinkes.id);
    await a.staff('operator', a.disdik.id);
    await a.staff('operator', null);
    // One who left: disabled, never told again.
    await a.staff('operator', a.dinkes.id);
    gone = await inA(async (scope) => {
      const u = await scope.trx
        .selectFrom('role_grants as g')
        .innerJoin('users as u', 'u.id', 'g.user_id')
        .select(['u.id', 'u.email'])
        .where('g.role', '=', 'operator')
        .where('g.agency_id', '=', a.dinkes.id)
        .orderBy('u.created_at', 'desc')
        .executeTakeFirstOrThrow();
      await scope.trx.updateTable('users').set({ disabled_at: new Date() }).where('id', '=', u.id).execute();
      return String(u.email);
    });
  });
  after(() => t.close());

  test("a new request reaches its site's handlers, and only them", async () => {
    const filed = await inA((scope) =>
      fileRequest(at('2026-08-14T03:00:00Z'), scope, 'dinkes', REQUEST, 'id'),
    );
    const sent = await mails(`Permohonan informasi baru ${filed.number}`);
    const dinkes = [
      ...(await holders('operator', a.dinkes.id)),
      ...(await holders('agency_admin', a.dinkes.id)),
    ];
    assert.deepEqual(sent.map((m) => m.recipient).sort(), dinkes.sort());
    assert.ok(!sent.some((m) => m.recipient === gone), 'a disabled account is not told');
    assert.match(sent[0]!.body, /Daftar puskesmas/);
    assert.match(sent[0]!.body, /2026-09-01/, 'the answer is due 10 working days later');
    assert.match(sent[0]!.body, /\/konsol\/ppid/);

    // The tenant's own site: its tenant-wide handlers.
    const main = await inA((scope) => fileRequest(at('2026-08-14T04:00:00Z'), scope, 'utama', REQUEST, 'id'));
    const tenantWide = [...(await holders('operator', null)), ...(await holders('tenant_admin', null))];
    assert.deepEqual((await mails(`baru ${main.number}`)).map((m) => m.recipient).sort(), tenantWide.sort());
  });

  test('each working morning: one list per handler and site of what is due by the next working day or late', async () => {
    const remind = (iso: string) =>
      inA(async (scope) =>
        remindHandlers(
          t.platform,
          scope,
          a.tenant,
          await calendarForTenant(scope, a.tenant.timeZone),
          new Date(iso),
        ),
      );
    assert.equal(await remind('2026-08-20T01:00:00Z'), 0, 'nothing due yet');
    assert.equal(await remind('2026-08-29T01:00:00Z'), 0, 'a Saturday');
    const handlers =
      (await holders('operator', a.dinkes.id)).length + (await holders('agency_admin', a.dinkes.id)).length;
    const tenantWide =
      (await holders('operator', null)).length + (await holders('tenant_admin', null)).length;
    // Monday 31 August: both requests (Dinkes', the tenant's) are due on Tuesday 1 September.
    assert.equal(await remind('2026-08-31T01:00:00Z'), handlers + tenantWide);
    const list = await mails('PPID Dinas Kesehatan: 1 permohonan');
    assert.equal(list.length, handlers);
    assert.match(list[0]!.body, /PPID-DINKES-2026-\d+ — tenggat 2026-09-01\n/);
    assert.equal(await remind('2026-09-02T01:00:00Z'), handlers + tenantWide);
    assert.match((await mails('PPID Dinas Kesehatan: 1 permohonan')).at(-1)!.body, /\(terlambat\)/);
  });
});
