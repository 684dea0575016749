/**
 * The tenant directory: every tenant, its domains, its area and its live apps, held in memory so
 * that a request's tenant and app gate are resolved without a query, and so are the tenants whose
 * area holds a place. It reloads on a `directory` signal, which any process sends after changing
 * tenants, domains or adoptions (`platform.directoryChanged`).
 */
import { type Kysely, sql } from 'kysely';
import type { Branding, Language, PlatformTables, TenantKind } from '../db/schema.ts';
import { readAcrossTenants } from '../db/tenant-scope.ts';
import { type Area, type BBox, checkArea, containsPoint, inBBox } from './area.ts';

declare const verified: unique symbol;

export type TenantInfo = Readonly<{
  id: string;
  slug: string;
  code: string;
  kind: TenantKind;
  name: string;
  timeZone: string;
  defaultLanguage: Language;
  branding: Branding;
  domains: readonly string[];
  /** The tenant's geographic area (GeoJSON, WGS84), or null when none is recorded. */
  area: Area | null;
  /** The area's bounding box [west, south, east, north], or null without an area. */
  areaBBox: BBox | null;
}>;

/** A tenant found in the directory for this request: the only kind of tenant route handlers get. */
export type VerifiedTenant = TenantInfo & { readonly [verified]: true };

/** The signal channel of directory changes (signals/). */
export const DIRECTORY_CHANNEL = 'directory';

/** A host name an app of a tenant serves (`host_aliases`): its requests go to `path` under the tenant. */
export type ServedAlias = Readonly<{ tenant: VerifiedTenant; app: string; path: string }>;

/** A tenant's area as last loaded, with the row version (`xmin`) it was read from. */
type LoadedArea = { version: string; area: Area | null; bbox: BBox | null };

export class TenantDirectory {
  readonly #db: Kysely<PlatformTables>;
  readonly #baseDomain: string;
  #bySlug = new Map<string, VerifiedTenant>();
  #byDomain = new Map<string, VerifiedTenant>();
  #aliases = new Map<string, ServedAlias>();
  #liveApps = new Map<string, Set<string>>();
  /** Tenants with an area, ordered by code: what `tenantsAt` walks. */
  #withArea: VerifiedTenant[] = [];
  #areas = new Map<string, LoadedArea>();
  #loading: Promise<void> | undefined;
  #next: Promise<void> | undefined;

  constructor(db: Kysely<PlatformTables>, baseDomain: string) {
    this.#db = db;
    this.#baseDomain = baseDomain;
  }

  /**
   * Loads (or reloads) the whole directory. A call made while a load runs gets a fresh load after
   * it (that load may have read before the caller's commit); calls made meanwhile share that one.
   */
  reload(): Promise<void> {
    if (this.#next) return this.#next;
    const start = () =>
      this.#loadAcrossTenants().finally(() => {
        this.#loading = undefined;
      });
    if (this.#loading) {
      const after = this.#loading
        .catch(() => undefined)
        .then(() => {
          this.#next = undefined;
          this.#loading = start();
          return this.#loading;
        });
      this.#next = after;
      return after;
    }
    this.#loading = start();
    return this.#loading;
  }

  async #loadAcrossTenants(): Promise<void> {
    const previous = this.#areas;
    const { tenants, domains, aliases, live, areas } = await readAcrossTenants(this.#db, async (trx) => {
      // Areas may be large (up to 20,000 positions each): each is read, parsed and checked again
      // only when its tenant's row changed, which its row version (`xmin`) tells.
      const tenants = await trx
        .selectFrom('tenants')
        .select(['id', 'slug', 'code', 'kind', 'name', 'time_zone', 'default_language', 'branding'])
        .select(sql<string>`xmin::text`.as('version'))
        .execute();
      const changed = tenants.filter((t) => previous.get(t.id)?.version !== t.version).map((t) => t.id);
      return {
        tenants,
        domains: await trx.selectFrom('tenant_domains').selectAll().execute(),
        aliases: await trx
          .selectFrom('host_aliases')
          .select(['host', 'tenant_id', 'app_code', 'path'])
          .execute(),
        live: await trx
          .selectFrom('adoptions')
          .select(['tenant_id', 'app_code'])
          .where('status', '=', 'live')
          .execute(),
        areas:
          changed.length === 0
            ? []
            : await trx
                .selectFrom('tenants')
                .select(['id', 'area'])
                // The version of the row the area comes from, which may be newer than the first read.
                .select(sql<string>`xmin::text`.as('version'))
                .where('id', 'in', changed)
                .execute(),
      };
    });
    const fresh = new Map(areas.map((a) => [a.id, a]));
    const loaded = new Map<string, LoadedArea>();
    const bySlug = new Map<string, VerifiedTenant>();
    const byId = new Map<string, VerifiedTenant>();
    const byDomain = new Map<string, VerifiedTenant>();
    for (const t of tenants) {
      const row = fresh.get(t.id);
      const area = row ? loadArea(t.slug, row.version, row.area) : previous.get(t.id);
      if (area) loaded.set(t.id, area);
      const info = Object.freeze({
        id: t.id,
        slug: t.slug,
        code: t.code,
        kind: t.kind,
        name: t.name,
        timeZone: t.time_zone,
        defaultLanguage: t.default_language,
        branding: t.branding,
        domains: Object.freeze(domains.filter((d) => d.tenant_id === t.id).map((d) => d.domain)),
        area: area?.area ?? null,
        areaBBox: area?.bbox ?? null,
      }) as VerifiedTenant;
      bySlug.set(t.slug, info);
      byId.set(t.id, info);
      for (const d of info.domains) byDomain.set(d, info);
    }
    const liveApps = new Map<string, Set<string>>();
    for (const row of live) {
      const set = liveApps.get(row.tenant_id) ?? new Set<string>();
      set.add(row.app_code);
      liveApps.set(row.tenant_id, set);
    }
    const served = new Map<string, ServedAlias>();
    for (const a of aliases) {
      const tenant = byId.get(a.tenant_id);
      if (tenant) served.set(a.host, Object.freeze({ tenant, app: a.app_code, path: a.path }));
    }
    this.#bySlug = bySlug;
    this.#byDomain = byDomain;
    this.#aliases = served;
    this.#liveApps = liveApps;
    this.#areas = loaded;
    this.#withArea = [...byId.values()].filter((t) => t.area).sort((a, b) => a.code.localeCompare(b.code));
  }

  /** The tenant with this slug, or undefined. */
  bySlug(slug: string): VerifiedTenant | undefined {
    return this.#bySlug.get(slug);
  }

  /** The tenant served on this Host (a custom domain or `<slug>.<base domain>`), or undefined. */
  byHost(host: string | undefined): VerifiedTenant | undefined {
    if (!host) return undefined;
    const name = host.toLowerCase().replace(/:\d+$/, '');
    // Under the base domain only `<slug>.<base>` counts, so a custom domain can never shadow a slug.
    const suffix = `.${this.#baseDomain}`;
    if (name === this.#baseDomain) return undefined;
    if (name.endsWith(suffix)) {
      const label = name.slice(0, -suffix.length);
      return label.includes('.') ? undefined : this.#bySlug.get(label);
    }
    return this.#byDomain.get(name);
  }

  /**
   * The app path served on this Host when it is an alias (an agency's website on its own name),
   * or undefined. A tenant's own domains and `<slug>.<base>` are `byHost`'s, never an alias.
   */
  aliasOf(host: string | undefined): ServedAlias | undefined {
    if (!host) return undefined;
    return this.#aliases.get(host.toLowerCase().replace(/:\d+$/, ''));
  }

  /** Whether `appCode` is live for the tenant on at least one channel. */
  isLive(tenantId: string, appCode: string): boolean {
    return this.#liveApps.get(tenantId)?.has(appCode) ?? false;
  }

  /** The codes of the apps live for the tenant, sorted. */
  liveApps(tenantId: string): string[] {
    return [...(this.#liveApps.get(tenantId) ?? [])].sort();
  }

  all(): VerifiedTenant[] {
    return [...this.#bySlug.values()];
  }

  /**
   * The tenants whose area holds the point (WGS84 degrees, latitude first; on a boundary counts as
   * inside), ordered by code: usually one, two on a shared border, none outside every recorded
   * area. Tenants without an area are never returned. Each area's bounding box is tried first.
   */
  tenantsAt(lat: number, lng: number): VerifiedTenant[] {
    const found: VerifiedTenant[] = [];
    for (const t of this.#withArea) {
      if (inBBox(t.areaBBox!, lat, lng) && containsPoint(t.area!, lat, lng)) found.push(t);
    }
    return found;
  }
}

/**
 * A stored area, checked again: one written around the tenancy service and not a valid area is
 * taken as no area (with a warning) rather than failing the whole directory or a later lookup.
 */
function loadArea(slug: string, version: string, stored: unknown): LoadedArea {
  if (stored === null || stored === undefined) return { version, area: null, bbox: null };
  const check = checkArea(stored);
  if (check.ok) return { version, area: check.area, bbox: check.bbox };
  process.emitWarning(`Tenant ${slug}: the stored area is not valid (${check.code}); it is ignored`, {
    code: 'BALAI_TENANT_AREA',
  });
  return { version, area: null, bbox: null };
}

/** The tenant slug a path names (`/t/<slug>/…`), if any: whether or not such a tenant exists. */
export function slugInPath(url: string): string | undefined {
  return /^\/t\/([a-z0-9-]{1,63})(\/|$)/.exec(url)?.[1];
}
