/**
 * The tenant directory: every tenant, its domains and its live apps, held in memory so that a
 * request's tenant and app gate are resolved without a query. It reloads on a `balai_directory`
 * notification, which any process sends after changing tenants, domains or adoptions.
 */
import type { Kysely } from 'kysely';
import type { Branding, Language, PlatformTables, TenantKind } from '../db/schema.ts';
import { readAcrossTenants } from '../db/tenant-scope.ts';

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
}>;

/** A tenant found in the directory for this request: the only kind of tenant route handlers get. */
export type VerifiedTenant = TenantInfo & { readonly [verified]: true };

export const DIRECTORY_CHANNEL = 'balai_directory';

export class TenantDirectory {
  readonly #db: Kysely<PlatformTables>;
  readonly #baseDomain: string;
  #bySlug = new Map<string, VerifiedTenant>();
  #byDomain = new Map<string, VerifiedTenant>();
  #liveApps = new Map<string, Set<string>>();
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
    const { tenants, domains, live } = await readAcrossTenants(this.#db, async (trx) => ({
      tenants: await trx.selectFrom('tenants').selectAll().execute(),
      domains: await trx.selectFrom('tenant_domains').selectAll().execute(),
      live: await trx
        .selectFrom('adoptions')
        .select(['tenant_id', 'app_code'])
        .where('status', '=', 'live')
        .execute(),
    }));
    const bySlug = new Map<string, VerifiedTenant>();
    const byId = new Map<string, VerifiedTenant>();
    const byDomain = new Map<string, VerifiedTenant>();
    for (const t of tenants) {
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
    this.#bySlug = bySlug;
    this.#byDomain = byDomain;
    this.#liveApps = liveApps;
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
}
