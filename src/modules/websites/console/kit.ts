/** What the websites screens share: the shapes they read, who may work on a site, the API paths. */
import type { ConsoleContext } from '../../../platform/sdk/console.ts';
import { PERM } from '../permissions.ts';
import type { SiteType } from '../schemas.ts';
import type { PostKind, Publication, ReviewState } from '../tables.ts';

export type PostSummary = {
  id: string;
  kind: PostKind;
  slug: string;
  title: string;
  status: Publication;
  reviewState: ReviewState;
  reviewStage: number;
  headRevision: number;
  publishedRevision: number | null;
  publishAt: string | null;
  publishedAt: string | null;
  author: string | null;
  updatedAt: string;
};
export type Posts = { items: PostSummary[]; next: string | null };

/** A site's API path (`/websites/sites/<slug>…`). */
export const sitePath = (site: string, rest = '') => `/websites/sites/${encodeURIComponent(site)}${rest}`;

/**
 * Whether the session works on a site: a tenant-wide grant of the app reaches every site, an
 * agency's grant its own agency's site (the server checks again; this only keeps lists short).
 */
export function worksOn(ctx: Pick<ConsoleContext, 'canTenantWide' | 'agencyIds'>, site: SiteType): boolean {
  if (Object.values(PERM).some((p) => ctx.canTenantWide(p))) return true;
  return site.agencyId !== null && ctx.agencyIds.includes(site.agencyId);
}

/** The zone's offset at an instant (`+07:00`): Indonesia keeps no daylight saving, but ask anyway. */
export function zoneOffset(timeZone: string, at = new Date()): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = /GMT([+-]\d{2}:\d{2})/.exec(name ?? '');
  return m ? m[1]! : '+00:00';
}

/** A `datetime-local` value (the tenant's wall clock) as an instant, or undefined when empty. */
export function instantOf(local: string, timeZone: string): string | undefined {
  if (!local) return undefined;
  const offset = zoneOffset(timeZone, new Date(`${local}:00Z`));
  return new Date(`${local}:00${offset}`).toISOString();
}

/** An instant as a `datetime-local` value on the tenant's wall clock. */
export function localOf(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '';
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}
