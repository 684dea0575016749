/**
 * The app's demo data for a tenant where it is live (written by the demo seed, once): the
 * tenant's own site and its first agency's, each with a profile in pages, news with pictures,
 * announcements, an agenda, regulations to download, a gallery, the PPID's classes, a draft
 * waiting for review, a menu and a footer (demo-content.ts).
 */
import sharp from 'sharp';
import {
  type FileStorage,
  listAgencies,
  newId,
  type Platform,
  type TenantScope,
  type VerifiedTenant,
} from '../../platform/sdk/index.ts';
import { agencySite, type DemoSite, mainSite } from './demo-content.ts';
import { insertPosts, insertTerms } from './repo/import.ts';
import { insertMediaItem } from './repo/media.ts';
import { countPosts } from './repo/posts.ts';
import { findSiteOfAgency, type SiteRow, updateSite } from './repo/sites.ts';
import type { PostRow } from './services/import-plan.ts';
import { prepareMedia, storePrepared } from './services/media-files.ts';
import { invalidateSite } from './services/public-site.ts';
import { createSite, ensureMainSite, siteBySlug } from './services/sites.ts';
import type { MenuEntry } from './tables.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export async function seedDemo(
  platform: Platform,
  scope: TenantScope,
  tenant: VerifiedTenant,
): Promise<void> {
  const main = await ensureMainSite(scope, tenant);
  const domain = tenant.domains[0] ?? `${tenant.slug}.go.id`;
  const head = tenant.kind === 'kabupaten' ? 'Bupati' : 'Wali Kota';
  await fillSite(platform.files, scope, main, mainSite({ name: tenant.name, head, domain }));

  const agencies = await listAgencies(scope);
  // The first agency of the tenant gets a site of its own.
  const agency = agencies.find((a) => a.parent_id === null && a.kind === 'dinas') ?? agencies[0];
  if (!agency) return;
  let site = await findSiteOfAgency(scope, agency.id);
  if (!site) {
    const slug =
      agency.code
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'opd';
    await createSite(scope, { slug, name: agency.name, agencyId: agency.id }, `/t/${tenant.slug}`);
    site = await siteBySlug(scope, slug);
  }
  await fillSite(platform.files, scope, site, agencySite(agency, { name: tenant.name, domain }));
}

/** Writes a site's demo content, unless it has posts already (a second seed writes nothing). */
async function fillSite(
  files: FileStorage,
  scope: TenantScope,
  site: SiteRow,
  content: DemoSite,
): Promise<void> {
  if ((await countPosts(scope, site.id)) > 0) return;
  const now = Date.now();
  const ago = (days: number) => new Date(now - days * DAY_MS);

  const terms = new Map(content.terms.map((t) => [t.key, newId()]));
  await insertTerms(
    scope,
    site.id,
    content.terms.map((t) => ({ id: terms.get(t.key)!, kind: t.kind, slug: t.key, name: t.name })),
  );

  const media = new Map<string, { id: string; alt: string; caption: string }>();
  for (const image of content.images) {
    const id = await storeMedia(
      files,
      scope,
      site.id,
      await picture(image.hue),
      `${image.key}.jpg`,
      image.alt,
      image.caption,
    );
    media.set(image.key, { id, alt: image.alt, caption: image.caption });
  }

  const ids = new Map(content.posts.map((p) => [p.key, newId()]));
  const rows: PostRow[] = [];
  for (const post of content.posts) {
    let details: Record<string, unknown> | undefined;
    if (post.agenda) {
      const start = new Date(now + post.agenda.inDays * DAY_MS);
      start.setUTCHours(post.agenda.hour - 7, 0, 0, 0);
      details = {
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + post.agenda.hours * 3_600_000).toISOString(),
        location: post.agenda.location,
      };
    } else if (post.document) {
      const mediaId = await storeMedia(
        files,
        scope,
        site.id,
        pdf(post.document.text),
        `${post.key}.pdf`,
        null,
        post.title,
      );
      details = {
        number: post.document.number,
        year: ago(post.daysAgo).getFullYear(),
        type: post.document.type,
        mediaId,
      };
    } else if (post.gallery) {
      details = {
        items: post.gallery.map((key) => ({ mediaId: media.get(key)!.id, caption: media.get(key)!.caption })),
      };
    }
    const image = post.image ? media.get(post.image) : undefined;
    const at = ago(post.daysAgo);
    rows.push({
      id: ids.get(post.key)!,
      kind: post.kind,
      parent_id: post.parent ? ids.get(post.parent)! : null,
      slug: post.key,
      title: post.title,
      summary: post.summary ?? null,
      body: post.body,
      body_text: post.body
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
      image: image ? { mediaId: image.id, alt: image.alt } : null,
      menu_order: post.menuOrder ?? 0,
      status: post.draft ? 'draft' : 'published',
      review_state: post.draft ? 'in_review' : 'approved',
      published_revision: post.draft ? null : 1,
      publish_at: null,
      published_at: post.draft ? null : at,
      author_id: null,
      author_name: 'Tim Redaksi',
      legacy_id: null,
      created_at: at,
      terms: (post.terms ?? []).map((key) => terms.get(key)!),
      details,
      ppid: post.ppid ?? null,
    });
  }
  await insertPosts(scope, site.id, rows, 'Isi contoh');

  const menu = (entries: DemoSite['menu']): MenuEntry[] =>
    entries.map((e) => ({
      label: e.label,
      ...(e.post ? { postId: ids.get(e.post)! } : {}),
      ...(e.href ? { href: e.href } : {}),
      ...(e.children ? { children: menu(e.children) } : {}),
    }));
  await updateSite(scope, site.id, {
    tagline: content.tagline,
    footer: content.footer,
    menu: menu(content.menu),
  });
  await invalidateSite(scope, site.id);
}

/** Stores an upload as the media API does (checked by content, an image with its variants). */
async function storeMedia(
  files: FileStorage,
  scope: TenantScope,
  siteId: string,
  bytes: Uint8Array,
  fileName: string,
  alt: string | null,
  caption: string,
): Promise<string> {
  const prepared = await prepareMedia(bytes);
  const { fileKey, variants } = await storePrepared(files, scope.tenantId, prepared, []);
  const row = await insertMediaItem(scope, {
    id: newId(),
    site_id: siteId,
    kind: prepared.kind,
    file_key: fileKey,
    file_name: fileName,
    mime: prepared.mime,
    size: prepared.bytes.byteLength,
    width: prepared.width,
    height: prepared.height,
    alt,
    caption,
    variants,
    uploaded_by: null,
  });
  return row.id;
}

/** A photo-sized picture (1600×1000) of soft light in the given hue: a demo has no photographs. */
function picture(hue: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1000">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
    <stop offset="0" stop-color="hsl(${hue},55%,72%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360},50%,38%)"/>
  </linearGradient></defs>
  <rect width="1600" height="1000" fill="url(#g)"/>
  <circle cx="1180" cy="320" r="210" fill="hsl(${hue},60%,85%)" opacity="0.45"/>
  <rect x="0" y="700" width="1600" height="300" fill="hsl(${(hue + 20) % 360},35%,28%)" opacity="0.5"/>
</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer();
}

/** A one-page PDF whose text is `text` (a demo regulation to download). */
export function pdf(text: string): Uint8Array {
  const safe = text.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, '-');
  const stream = `BT /F1 14 Tf 56 780 Td (${safe}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const at of offsets) out += `${String(at).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
