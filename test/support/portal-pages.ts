/**
 * What an app contributes to the portal's budget suite (test/portal-budget.test.ts): a file
 * `src/modules/<app>/test/portal-pages.ts` default-exporting a `PortalPagesFixture`, whose setup
 * writes what the app's citizen pages need and names them.
 */
import type { TestContext } from './harness.ts';

/** A page: its name, its path under the tenant (`/lapor`), and whether it ships a map. */
export type PortalPage = readonly [name: string, path: string, options?: Readonly<{ map?: boolean }>];

export type PortalPagesContext = Readonly<{
  t: TestContext;
  /** The tenant, with the app live. */
  tenant: Readonly<{ id: string; slug: string }>;
  /** Headers of the tenant's administrator. */
  admin: Record<string, string>;
}>;

export type PortalPagesFixture = Readonly<{
  setup(ctx: PortalPagesContext): Promise<readonly PortalPage[]>;
}>;
