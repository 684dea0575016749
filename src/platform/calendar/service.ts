/**
 * A tenant's working-day calendar: weekends, the national holidays and cuti bersama shipped as data,
 * and the tenant's own local holidays from the database.
 */
import { recordAudit } from '../audit/audit.ts';
import { invalidate } from '../cache/tenant-cache.ts';
import type { TenantScope } from '../db/tenant-scope.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import { emitEvent } from '../events/hub.ts';
import { NATIONAL_HOLIDAYS } from './holidays.ts';
import { isLocalDate, nationalHolidayDates, WorkingCalendar } from './working-days.ts';

/** Cache tag of a tenant's calendar: every change to its local holidays invalidates it. */
export const CALENDAR_TAG = 'calendar';

/** The tenant's calendar, built from national data and its local holidays. */
export async function calendarForTenant(scope: TenantScope, timeZone: string): Promise<WorkingCalendar> {
  const local = await scope.trx
    .selectFrom('tenant_holidays')
    .select('date')
    .where('tenant_id', '=', scope.tenantId)
    .execute();
  return new WorkingCalendar({
    timeZone,
    holidays: [...nationalHolidayDates(), ...local.map((h) => h.date)],
  });
}

export type HolidayView = { date: string; kind: 'national' | 'cuti_bersama' | 'local'; name: string };

/** The holidays of one year, national and local, in date order, named in `lang`. */
export async function holidaysOfYear(
  scope: TenantScope,
  year: number,
  lang: 'id' | 'en',
): Promise<HolidayView[]> {
  const local = await scope.trx
    .selectFrom('tenant_holidays')
    .select(['date', 'name'])
    .where('tenant_id', '=', scope.tenantId)
    .where('date', '>=', `${year}-01-01`)
    .where('date', '<=', `${year}-12-31`)
    .execute();
  const national = NATIONAL_HOLIDAYS.filter((h) => h.date.startsWith(`${year}-`)).map((h) => ({
    date: h.date,
    kind: h.kind,
    name: h.name[lang],
  }));
  return [...national, ...local.map((h) => ({ date: h.date, kind: 'local' as const, name: h.name }))].sort(
    (a, b) => a.date.localeCompare(b.date),
  );
}

/** Adds a local holiday (a regional anniversary, a local decree). */
export async function addLocalHoliday(scope: TenantScope, date: string, name: string): Promise<void> {
  if (!isLocalDate(date)) throw invalid({ path: '/body/date', code: 'date' });
  const exists = await scope.trx
    .selectFrom('tenant_holidays')
    .select('date')
    .where('tenant_id', '=', scope.tenantId)
    .where('date', '=', date)
    .executeTakeFirst();
  if (exists) throw new AppError('conflict', { detailKey: 'conflict' });
  await scope.trx.insertInto('tenant_holidays').values({ tenant_id: scope.tenantId, date, name }).execute();
  await recordAudit(scope, {
    action: 'holiday.add',
    entityType: 'holiday',
    entityId: date,
    after: { date, name },
  });
  await emitEvent(scope, { type: 'calendar.changed', entityType: 'holiday', entityId: date });
  await invalidate(scope, CALENDAR_TAG);
}

/** Removes a local holiday. */
export async function removeLocalHoliday(scope: TenantScope, date: string): Promise<void> {
  if (!isLocalDate(date)) throw notFound('holiday');
  const row = await scope.trx
    .deleteFrom('tenant_holidays')
    .where('tenant_id', '=', scope.tenantId)
    .where('date', '=', date)
    .returning(['date', 'name'])
    .executeTakeFirst();
  if (!row) throw notFound('holiday');
  await recordAudit(scope, { action: 'holiday.remove', entityType: 'holiday', entityId: date, before: row });
  await emitEvent(scope, { type: 'calendar.changed', entityType: 'holiday', entityId: date });
  await invalidate(scope, CALENDAR_TAG);
}
