/** What the app's portal pages share: their reader, their addresses, sizes, text and the not-found page. */
import type { FastifyRequest } from 'fastify';
import type { Platform } from '../../../platform/sdk/index.ts';
import { numberText, type PageContent, type PortalContext } from '../../../platform/sdk/portal.ts';
import { type ReaderFor, readerFor } from '../catalog/reader-for.ts';

/**
 * The catalogue reader for the portal's pages: its addresses (pages, downloads) are paths under
 * the tenant's portal (`/t/<slug>/…`), so that they work on whatever host the visitor came by.
 */
export function portalReader(platform: Platform): ReaderFor {
  return readerFor(platform, (request: FastifyRequest) => `/t/${request.tenant!.slug}`);
}

/** The app's words in the portal (`open-data.portal.<key>`). */
export function words(ctx: PortalContext) {
  return (key: string, params?: Record<string, unknown>) => ctx.t(`open-data.portal.${key}`, params ?? {});
}

export const paths = {
  catalogue: (ctx: PortalContext) => `${ctx.base}/open-data`,
  dataset: (ctx: PortalContext, name: string) => `${ctx.base}/open-data/dataset/${encodeURIComponent(name)}`,
  organization: (ctx: PortalContext, name: string) =>
    `${ctx.base}/open-data/organization/${encodeURIComponent(name)}`,
  group: (ctx: PortalContext, name: string) => `${ctx.base}/open-data/group/${encodeURIComponent(name)}`,
};

/** A name in a page's path: what a dataset's, organization's or theme's name may be (or a uuid). */
export const NAME_IN_PATH = /^[A-Za-z0-9_-]{1,100}$/;

/** A file's size in the visitor's language: 950 B, 12,4 KB, 3,1 MB. */
export function sizeText(ctx: PortalContext, bytes: number): string {
  if (bytes < 1024) return `${numberText(ctx, bytes)} B`;
  if (bytes < 1024 * 1024) return `${numberText(ctx, bytes / 1024, 1)} KB`;
  return `${numberText(ctx, bytes / (1024 * 1024), 1)} MB`;
}

/** The start of a text, cut at a word, for a list's summary. */
export function excerpt(text: string, max = 220): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 40))}…`;
}

/** Plain text as paragraphs (a blank line between them), its single line breaks kept. */
export function Paragraphs({ text }: { text: string }) {
  const blocks = text
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean);
  return (
    <>
      {blocks.map((block, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the text's paragraphs in their order
        <p key={i}>
          {block.split('\n').map((line, j) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the paragraph's lines in their order
            <span key={j}>
              {j > 0 ? <br /> : null}
              {line}
            </span>
          ))}
        </p>
      ))}
    </>
  );
}

/**
 * The page of a dataset, organization or theme that is not in the catalogue (unknown, another
 * region's, not published): a 404 that says so and leads back to the search.
 */
export function notFoundPage(ctx: PortalContext, kind: 'dataset' | 'organization' | 'group'): PageContent {
  const w = words(ctx);
  const title = w(`notFound.${kind}`);
  return {
    title,
    status: 404,
    body: (
      <>
        <h1>{title}</h1>
        <p>{w(`notFound.${kind}Body`, { tenant: ctx.tenant.name })}</p>
        <form method="get" action={paths.catalogue(ctx)} className="card filters">
          <div className="field">
            <label htmlFor="q">{w('search')}</label>
            <input type="search" id="q" name="q" maxLength={200} />
          </div>
          <div className="field">
            <button type="submit" className="cta">
              {w('submit')}
            </button>
          </div>
        </form>
        <p>
          <a href={paths.catalogue(ctx)}>{w('allDatasets')}</a>
        </p>
      </>
    ),
  };
}
