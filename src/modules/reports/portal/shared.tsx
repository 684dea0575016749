/** What the app's portal pages share: category choices, a status badge, photos, a report's public shape. */
import type { Platform, TenantScope } from '../../../platform/sdk/index.ts';
import type { PortalContext } from '../../../platform/sdk/portal.ts';
import { loadConfig } from '../services/config.ts';

/** The tenant's active categories in the visitor's language (from the app's cached configuration). */
export async function categoryOptions(platform: Platform, scope: TenantScope, ctx: PortalContext) {
  const { categories } = await loadConfig(platform, scope);
  return [...categories.values()]
    .filter((c) => c.active)
    .map((c) => ({ code: c.code, name: c.name[ctx.lang] }));
}

/**
 * What the report form needs of the app's configuration: the active categories, the address hint
 * in the tenant's own words (its example street, else a general hint), and the radius within which
 * a report near the pin may be the same problem.
 */
export async function formSettings(platform: Platform, scope: TenantScope, ctx: PortalContext) {
  const { settings } = await loadConfig(platform, scope);
  const example = settings.addressExample;
  return {
    categories: await categoryOptions(platform, scope, ctx),
    addressHint: example
      ? ctx.t('reports.portal.addressHint', { example })
      : ctx.t('reports.portal.addressHintGeneral'),
    nearbyRadiusM: settings.duplicateRadiusM,
  };
}

/** A tracking number: the filing day (YYMMDD) and five letters or digits. */
export const TRACKING_NO = /^\d{6}-[0-9A-Z]{5}$/;

export function StatusBadge({
  ctx,
  status,
  overdue,
}: {
  ctx: PortalContext;
  status: string;
  overdue?: boolean;
}) {
  return (
    <span className={overdue ? 'status overdue' : 'status'}>
      {ctx.t(`reports.status.${status}`)}
      {overdue ? ` · ${ctx.t('reports.portal.overdue')}` : ''}
    </span>
  );
}

export function PhotoList({ ctx, photos }: { ctx: PortalContext; photos: readonly PhotoView[] }) {
  if (photos.length === 0) return null;
  const { t } = ctx;
  return (
    <ul className="photos">
      {photos.map((p) => (
        <li key={p.id}>
          <img
            src={p.url}
            alt={t('reports.portal.photoAlt', {
              kind: t(`reports.portal.photoKind.${p.kind}`, { defaultValue: p.kind }),
            })}
            loading="lazy"
          />
        </li>
      ))}
    </ul>
  );
}

export type PhotoView = { id: string; kind: string; url: string };
/** A report as its public page shows it (`getReport` for a visitor or the reporter). */
export type PublicDetail = {
  trackingNo: string;
  rating: number | null;
  actions?: string[];
  status: string;
  overdue: boolean;
  category: { code: string; name: string };
  description: string;
  address: string | null;
  kelurahan: string | null;
  createdAt: string;
  dueAt: string | null;
  agency: { id: string; name: string } | null;
  duplicateOf: string | null;
  /** Whether the public sees it; when not, it is confidential or waits for verification. */
  public: boolean;
  confidential: boolean;
  photos: PhotoView[];
  history: Array<{
    at: string;
    kind: string;
    toStatus: string | null;
    note: string | null;
    agency: { name: string } | null;
    photos: PhotoView[];
  }>;
};
