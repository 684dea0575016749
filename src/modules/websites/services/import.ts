/**
 * Importing a WordPress export into a site, in the caller's one transaction: read the upload (the
 * bare WXR file, or a ZIP of it with the `wp-content/uploads/…` tree), plan every row, refuse the
 * whole import when a problem is fatal, else write everything and answer with the counts and the
 * warnings. Files of attachments are stored as they are planned; `stored` collects their keys so
 * that the caller removes them when the transaction does not commit.
 */
import {
  type AgencyAccess,
  AppError,
  emitEvent,
  type FieldError,
  type FileStorage,
  newFileKey,
  recordAudit,
  type TenantScope,
} from '../../../platform/sdk/index.ts';
import {
  importedAttachments,
  insertMedia,
  insertPosts,
  insertRedirects,
  insertTerms,
  setSiteMenu,
  sitePostKeys,
  siteTerms,
  staffByEmail,
} from '../repo/import.ts';
import { type FileSource, type ImportProblem, LIMITS, planImport, type SiteState } from './import-plan.ts';
import { invalidateSite } from './public-site.ts';
import { siteForStaff } from './sites.ts';
import { parseWxr, type Wxr, WxrError } from './wxr-parse.ts';
import { listZip, looksLikeZip, readZipEntry, ZipError } from './zip-reader.ts';

/** The largest upload (a ZIP with its files) and the largest WXR document in it, in bytes. */
export const UPLOAD_LIMIT = 500 * 1024 * 1024;
export const XML_LIMIT = 50 * 1024 * 1024;

export type ImportCounts = {
  news: number;
  pages: number;
  drafts: number;
  scheduled: number;
  categories: number;
  tags: number;
  media: number;
  redirects: number;
  menuEntries: number;
};
export type ImportResult = { counts: ImportCounts; problems: ImportProblem[] };

/** Problems as the answer's field errors: where (`/file/items/<wp id>`), what, and its title. */
export function problemFields(problems: ImportProblem[]): FieldError[] {
  return problems.map((p) => ({
    path: p.wpId !== null ? `/file/items/${p.wpId}` : '/file',
    code: p.code,
    params: {
      wpId: p.wpId,
      title: p.title ?? '',
      detail: p.detail ?? '',
      ...(p.line !== undefined ? { line: p.line, column: 1 } : {}),
    },
  }));
}

function refuse(problems: ImportProblem[]): AppError {
  return new AppError('validation', { detailKey: 'import_refused', fields: problemFields(problems) });
}
const fatal = (code: string, detail?: string, line?: number): ImportProblem => ({
  level: 'fatal',
  code,
  wpId: null,
  title: null,
  ...(detail !== undefined ? { detail } : {}),
  ...(line !== undefined ? { line } : {}),
});

/** The WXR document and the uploads of the bundle, from the uploaded bytes. */
function unpack(bytes: Buffer): { xml: Buffer; files: FileSource | null } {
  if (!looksLikeZip(bytes)) {
    if (bytes.length > XML_LIMIT) throw tooLarge(XML_LIMIT);
    return { xml: bytes, files: null };
  }
  let entries: ReturnType<typeof listZip>;
  try {
    entries = listZip(bytes);
  } catch (error) {
    if (error instanceof ZipError) throw refuse([fatal(`wxr_zip_${error.reason}`, error.message)]);
    throw error;
  }
  const xmlEntry = entries
    .filter(
      (e) => /\.xml$/i.test(e.name) && !e.name.includes('wp-content/') && !e.name.startsWith('__MACOSX/'),
    )
    .sort((a, b) => b.size - a.size)[0];
  if (!xmlEntry) throw refuse([fatal('wxr_zip_without_xml')]);
  if (xmlEntry.size > XML_LIMIT) throw tooLarge(XML_LIMIT);
  const uploads = new Map<string, (typeof entries)[number]>();
  for (const entry of entries) {
    const at = entry.name.indexOf('wp-content/uploads/');
    if (at >= 0) uploads.set(entry.name.slice(at + 'wp-content/uploads/'.length).toLowerCase(), entry);
  }
  try {
    const xml = readZipEntry(bytes, xmlEntry, XML_LIMIT);
    const files: FileSource = (path) => {
      const entry = uploads.get(path.toLowerCase());
      if (!entry) return null;
      if (entry.size > LIMITS.fileBytes) return 'too_large';
      try {
        return readZipEntry(bytes, entry, LIMITS.fileBytes);
      } catch {
        return null;
      }
    };
    return { xml, files };
  } catch (error) {
    if (error instanceof ZipError) throw refuse([fatal(`wxr_zip_${error.reason}`, error.message)]);
    throw error;
  }
}

/** The 413 of an upload or document over `limit` bytes. */
export function tooLarge(limit: number): AppError {
  return new AppError('payload_too_large', {
    detailKey: 'import_too_large',
    params: { limitMb: Math.round(limit / 1024 / 1024) },
  });
}

async function siteState(
  scope: TenantScope,
  siteId: string,
  wxr: Wxr,
  timeZone: string,
  menu: unknown[],
): Promise<SiteState> {
  const posts = await sitePostKeys(scope, siteId);
  const byId = new Map(posts.map((p) => [p.id, p]));
  const pathOf = (id: string, depth = 0): string => {
    const post = byId.get(id)!;
    return post.parent_id && byId.has(post.parent_id) && depth < 20
      ? `${pathOf(post.parent_id, depth + 1)}/${post.slug}`
      : post.slug;
  };
  const legacyPosts: SiteState['legacyPosts'] = new Map();
  for (const p of posts) {
    if (p.legacy_id !== null)
      legacyPosts.set(Number(p.legacy_id), { id: p.id, kind: p.kind, slug: p.slug, path: pathOf(p.id) });
  }
  const emails = [
    ...new Set(wxr.authors.map((a) => a.email).filter((e): e is string => !!e && e.length <= 254)),
  ];
  return {
    siteId,
    timeZone,
    legacyPosts,
    takenSlugs: new Set(posts.map((p) => `${p.kind}:${p.slug}`)),
    terms: new Map((await siteTerms(scope, siteId)).map((t) => [`${t.kind}:${t.slug}`, t.id])),
    legacyMedia: await importedAttachments(scope, siteId),
    staffByEmail: await staffByEmail(scope, emails),
    menuIsEmpty: menu.length === 0,
  };
}

/** Imports `upload` (WXR or a ZIP bundle) into the site `siteSlug`. */
export async function importWordPress(
  scope: TenantScope,
  io: { files: FileStorage; stored: string[]; timeZone: string },
  siteSlug: string,
  upload: Buffer,
  access: AgencyAccess,
): Promise<ImportResult> {
  const site = await siteForStaff(scope, siteSlug, access);
  const { xml, files } = unpack(upload);
  let wxr: Wxr;
  try {
    wxr = parseWxr(xml.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    if (error instanceof WxrError)
      throw refuse([fatal(`wxr_${error.reason}`, error.message, error.line ?? undefined)]);
    throw error;
  }
  const state = await siteState(scope, site.id, wxr, io.timeZone, site.menu);
  const plan = await planImport(wxr, state, files, async (bytes, ext, mime) => {
    const key = newFileKey(scope.tenantId, ext);
    io.stored.push(key);
    await io.files.put(key, bytes, mime);
    return key;
  });
  if (plan.problems.some((p) => p.level === 'fatal'))
    throw refuse(plan.problems.filter((p) => p.level === 'fatal'));

  await insertTerms(scope, site.id, plan.terms);
  await insertMedia(scope, site.id, plan.media, scope.actor.userId);
  await insertPosts(scope, site.id, plan.posts);
  const redirects = await insertRedirects(scope, site.id, plan.redirects);
  if (plan.menu) await setSiteMenu(scope, site.id, plan.menu);

  const counts: ImportCounts = {
    news: plan.posts.filter((p) => p.kind === 'news').length,
    pages: plan.posts.filter((p) => p.kind === 'page').length,
    drafts: plan.posts.filter((p) => p.status === 'draft').length,
    scheduled: plan.posts.filter((p) => p.status === 'scheduled').length,
    categories: plan.terms.filter((t) => t.kind === 'category').length,
    tags: plan.terms.filter((t) => t.kind === 'tag').length,
    media: plan.media.length,
    redirects,
    menuEntries: plan.menu ? plan.menu.reduce((n, e) => n + 1 + (e.children?.length ?? 0), 0) : 0,
  };
  await recordAudit(scope, {
    action: 'websites.site.import',
    entityType: 'websites.site',
    entityId: site.id,
    after: { source: wxr.link ?? wxr.title, counts, warnings: plan.problems.length },
  });
  // One event for the whole import: the console reloads its lists once.
  await emitEvent(scope, {
    type: 'websites.post.changed',
    entityType: 'websites.site',
    entityId: site.id,
    data: { imported: counts.news + counts.pages },
  });
  // The site's cached pages, feeds and menu now lack what was imported.
  await invalidateSite(scope, site.id);
  return { counts, problems: plan.problems };
}
