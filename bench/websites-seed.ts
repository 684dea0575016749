/**
 * Bench data for the websites app's rows: in every bench tenant the app goes live (its adoption
 * row, as the harness's `makeLive`), 10 sites (the tenant's `utama` and 9 agencies' `opd-1`…`opd-9`)
 * and 1,000 published articles per site (every tenth an announcement) with their first revision,
 * written set-based: per tenant one `INSERT … SELECT` over `generate_series` for the posts and
 * one for their revisions, in a tenant transaction (row-level security applies). Titles and
 * bodies are put together from Indonesian phrases, so that the search has real words to stem.
 */
import { sql } from 'kysely';
import { bootPlatform } from '../src/platform/boot.ts';
import type { Config } from '../src/platform/config.ts';
import { SYSTEM_ACTOR } from '../src/platform/db/tenant-scope.ts';

export const WEBSITES_ARTICLES = 1_000;
export const WEBSITES_SITES = 10;
/** Words the search row looks for: each is in some articles' text (stemmed: membangun ↔ pembangunan). */
export const WEBSITES_TERMS = [
  'membangun',
  'kesehatan',
  'sekolah',
  'banjir',
  'vaksinasi',
  'jalan',
  'pasar',
  'pelayanan',
];

export type WebsitesSeed = { posts: number; seconds: number };

const SUBJECTS = [
  'Pembangunan jalan lingkungan',
  'Layanan kesehatan keliling',
  'Renovasi gedung sekolah dasar',
  'Penanganan banjir di bantaran kali',
  'Vaksinasi anak sekolah',
  'Penataan pasar tradisional',
  'Peningkatan pelayanan perizinan',
  'Pelatihan kader posyandu',
];
const PLACES = [
  'Cibodas',
  'Karawaci',
  'Ciledug',
  'Periuk',
  'Neglasari',
  'Pinang',
  'Benda',
  'Jatiuwung',
  'Cipondoh',
];

export async function seedWebsites(config: Config, slugs: readonly string[]): Promise<WebsitesSeed> {
  const started = Date.now();
  const platform = await bootPlatform(config);
  let posts = 0;
  try {
    for (const slug of slugs) {
      const tenant = platform.directory.bySlug(slug);
      if (!tenant) throw new Error(`tenant ${slug} is not in the directory`);
      await platform.inTenant(tenant.id, SYSTEM_ACTOR, async (scope) => {
        const db = scope.trx;
        const t = tenant.id;
        await sql`insert into adoptions (tenant_id, app_code, channel, status, live_since)
          values (${t}, 'websites', 'web', 'live', '2026-01-05')
          on conflict (tenant_id, app_code, channel) do update set status = 'live'`.execute(db);
        await sql`insert into websites_sites (tenant_id, id, agency_id, slug, name)
          values (${t}, gen_random_uuid(), null, 'utama', ${`Pemerintah ${tenant.name}`.slice(0, 120)})
          on conflict do nothing`.execute(db);
        await sql`insert into websites_sites (tenant_id, id, agency_id, slug, name, tagline)
          select ${t}, gen_random_uuid(), a.id, 'opd-' || row_number() over (order by a.code), a.name, 'Melayani masyarakat'
          from (select id, code, name from agencies where tenant_id = ${t} order by code limit ${WEBSITES_SITES - 1}) a
          on conflict do nothing`.execute(db);
        const inserted =
          await sql`insert into websites_posts (tenant_id, id, site_id, kind, slug, title, summary,
            body, body_text, status, head_revision, published_revision, published_at, review_state, author_name,
            created_at, updated_at)
          select ${t}, gen_random_uuid(), s.id, case when g % 10 = 0 then 'announcement' else 'news' end,
            'berita-' || g, x.title, x.summary, '<p>' || x.body || '</p>', x.body, 'published', 1, 1,
            now() - g * interval '3 hours', 'approved', 'Humas', now() - g * interval '3 hours', now() - g * interval '3 hours'
          from websites_sites s
          cross join generate_series(1, ${WEBSITES_ARTICLES}) g
          cross join lateral (select
              (${SUBJECTS})::text[] as subjects, (${PLACES})::text[] as places) w
          cross join lateral (select
              w.subjects[1 + g % 8] || ' di ' || w.places[1 + g % 9] || ' ' || g as title,
              'Pemerintah daerah melanjutkan ' || lower(w.subjects[1 + (g / 8) % 8]) || ' tahun ini.' as summary,
              w.subjects[1 + g % 8] || ' di kelurahan ' || w.places[1 + (g / 3) % 9] ||
                ' berjalan sesuai rencana. Warga diminta mendukung kegiatan membangun kota bersama, ' ||
                'menjaga kebersihan lingkungan dan melaporkan kendala kepada petugas pelayanan.' as body) x
          where s.tenant_id = ${t}
          on conflict do nothing`.execute(db);
        posts += Number(inserted.numAffectedRows ?? 0);
        await sql`insert into websites_revisions (tenant_id, post_id, number, slug, title, summary, body, details,
            terms, author_name, created_at)
          select tenant_id, id, 1, slug, title, summary, body, details, '[]', author_name, created_at
          from websites_posts where tenant_id = ${t}
          on conflict do nothing`.execute(db);
      });
    }
    await sql`vacuum analyze websites_posts`.execute(platform.database.db);
  } finally {
    await platform.close();
  }
  return { posts, seconds: (Date.now() - started) / 1000 };
}
