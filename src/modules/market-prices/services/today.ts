/**
 * The tenant's today: the local date in its time zone, and the refusal of a day still to come.
 */

import { invalid, type VerifiedTenant } from '../../../platform/sdk/index.ts';
import { type LocalDate, localDateOf, localInstant } from '../../../platform/sdk/shared.ts';
import { addDays } from '../prices.ts';

/** Per time zone, the local day last asked for and the instants it spans: [from, until). */
const localDays = new Map<string, { day: LocalDate; from: number; until: number }>();

/**
 * Today's date in the tenant's time zone. The public reads ask on every request (their cache keys
 * hold the day), and the zone's calendar arithmetic (Intl) was an eighth of a cached "today"'s CPU:
 * the answer is kept for the rest of that local day, whose bounds are checked once.
 */
export function todayOf(tenant: VerifiedTenant, now: Date): LocalDate {
  const t = now.getTime();
  const zone = tenant.timeZone;
  const known = localDays.get(zone);
  if (known && t >= known.from && t < known.until) return known.day;
  const day = localDateOf(now, zone);
  const from = localInstant(day, '00:00', zone).getTime();
  const until = localInstant(addDays(day, 1), '00:00', zone).getTime();
  // Kept only when the bounds are that day's (always in Indonesia's zones, which have no DST).
  if (
    from <= t &&
    t < until &&
    localDateOf(new Date(from), zone) === day &&
    localDateOf(new Date(until - 1), zone) === day
  ) {
    localDays.set(zone, { day, from, until });
  }
  return day;
}

/** Refuses a day after the tenant's today: no market has prices for it yet to enter, verify or publish. */
export function refuseFuture(tenant: VerifiedTenant, day: LocalDate, now: Date) {
  if (day > todayOf(tenant, now)) throw invalid({ path: '/params/day', code: 'future_day' });
}
