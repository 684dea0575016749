/** The code on websites_media outside the import: a site's media listed, one item, its changes and uses. */
import { type Selectable, sql } from 'kysely';
import type { TenantScope } from '../../../platform/sdk/index.ts';
import { type MediaTable, tx } from '../tables.ts';

export type MediaRow = Omit<Selectable<MediaTable>, 'tenant_id'>;

const MEDIA = [
  'id',
  'site_id',
  'kind',
  'file_key',
  'file_name',
  'mime',
  'size',
  'width',
  'height',
  'alt',
  'caption',
  'variants',
  'uploaded_by',
  'created_at',
] as const;

/** A site's media, newest first, after a cursor (created_at, id), of one kind if asked. */
export function listMedia(
  scope: TenantScope,
  siteId: string,
  query: { kind?: 'image' | 'file'; after?: { at: Date; id: string }; limit: number },
): Promise<MediaRow[]> {
  let q = tx(scope)
    .selectFrom('websites_media')
    .select(MEDIA)
    .where('tenant_id', '=', scope.tenantId)
    .where('site_id', '=', siteId);
  if (query.kind) q = q.where('kind', '=', query.kind);
  if (query.after) {
    const { at, id } = query.after;
    q = q.where((eb) =>
      eb.or([eb('created_at', '<', at), eb.and([eb('created_at', '=', at), eb('id', '<', id)])]),
    );
  }
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
}

export function findMedia(scope: TenantScope, siteId: string, id: string): Promise<MediaRow | undefined> {
  return tx(scope)
    .selectFrom('websites_media')
    .select(MEDIA)
    .where('tenant_id', '=', scope.tenantId)
    .where('site_id', '=', siteId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertMediaItem(
  scope: TenantScope,
  row: Omit<MediaRow, 'created_at'>,
): Promise<MediaRow> {
  return tx(scope)
    .insertInto('websites_media')
    .values({ tenant_id: scope.tenantId, ...row, variants: JSON.stringify(row.variants) })
    .returning(MEDIA)
    .executeTakeFirstOrThrow();
}

export function updateMedia(
  scope: TenantScope,
  id: string,
  patch: { alt?: string | null; caption?: string | null; file_name?: string },
): Promise<MediaRow> {
  return tx(scope)
    .updateTable('websites_media')
    .set(patch)
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', id)
    .returning(MEDIA)
    .executeTakeFirstOrThrow();
}

export async function deleteMedia(scope: TenantScope, id: string): Promise<void> {
  await tx(scope)
    .deleteFrom('websites_media')
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', id)
    .execute();
}

/**
 * The titles of the site's posts whose text uses the media item — the public copy, the head
 * revision being written or reviewed, or the one scheduled — as featured image, as a document's
 * file, in a gallery, or in the body (an image or a link to its address).
 */
export async function mediaUses(scope: TenantScope, siteId: string, id: string): Promise<string[]> {
  const items = JSON.stringify([{ mediaId: id }]);
  const rows = await tx(scope)
    .selectFrom('websites_posts as p')
    .select('p.title')
    .where('p.tenant_id', '=', scope.tenantId)
    .where('p.site_id', '=', siteId)
    .where((eb) =>
      eb.or([
        eb(sql`p.image->>'mediaId'`, '=', id),
        eb(sql`p.details->>'mediaId'`, '=', id),
        eb(sql<boolean>`p.details->'items' @> ${items}::jsonb`, '=', true),
        eb('p.body', 'like', `%/media/${id}%`),
        eb.exists(
          eb
            .selectFrom('websites_revisions as r')
            .select('r.number')
            .where('r.tenant_id', '=', scope.tenantId)
            .whereRef('r.post_id', '=', 'p.id')
            .where((w) =>
              w.or([
                w('r.number', '=', w.ref('p.head_revision')),
                w('r.number', '=', w.ref('p.scheduled_revision')),
              ]),
            )
            .where((w) =>
              w.or([
                w(sql`r.image->>'mediaId'`, '=', id),
                w(sql`r.details->>'mediaId'`, '=', id),
                w(sql<boolean>`r.details->'items' @> ${items}::jsonb`, '=', true),
                w('r.body', 'like', `%/media/${id}%`),
              ]),
            ),
        ),
      ]),
    )
    .orderBy('p.title')
    .limit(5)
    .execute();
  return rows.map((r) => r.title);
}
