/** The portal home's read of the websites: the latest public news of all the tenant's sites. */
import { sql } from 'kysely';
import type { TenantScope } from '../../../platform/sdk/index.ts';
import { tx } from '../tables.ts';

export type LatestPost = {
  kind: 'news' | 'announcement';
  slug: string;
  title: string;
  summary: string | null;
  published_at: Date;
  site_slug: string;
  site_name: string;
  site_host: string | null;
};

/** The tenant's latest published news and announcements, newest first, with their sites. */
export function latestNews(scope: TenantScope, limit: number): Promise<LatestPost[]> {
  return tx(scope)
    .selectFrom('websites_posts as p')
    .innerJoin('websites_sites as s', (j) =>
      j.onRef('s.tenant_id', '=', 'p.tenant_id').onRef('s.id', '=', 'p.site_id'),
    )
    .select([
      'p.kind',
      'p.slug',
      'p.title',
      'p.summary',
      'p.published_at',
      's.slug as site_slug',
      's.name as site_name',
      's.host as site_host',
    ])
    .where('p.tenant_id', '=', scope.tenantId)
    .where('p.status', '=', 'published')
    .where(sql<boolean>`p.ppid is distinct from 'dikecualikan'`)
    .where('p.kind', 'in', ['news', 'announcement'])
    .orderBy('p.published_at', 'desc')
    .orderBy('p.id', 'desc')
    .limit(limit)
    .execute() as Promise<LatestPost[]>;
}
