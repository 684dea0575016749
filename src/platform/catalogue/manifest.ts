/**
 * What an app of the catalogue declares about itself. A module's `index.ts` exports one manifest;
 * the platform registers its routes behind the adoption gate, runs its migrations in order, adds
 * its permissions to the roles and its messages to the translations.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ReactNode } from 'react';
import type { TenantScope } from '../db/tenant-scope.ts';
import type { JobDefinition, ScheduledTask } from '../jobs/runner.ts';
import type { Platform } from '../platform.ts';
import type { VerifiedTenant } from '../tenancy/directory.ts';
import type { DataFeed } from './data-feeds.ts';
import type { MapLayer } from './map-layers.ts';

export const CATEGORIES = [
  'e-government',
  'e-health',
  'e-education',
  'e-logistics',
  'e-procurement',
] as const;
export type Category = (typeof CATEGORIES)[number];
export const CHANNELS = ['web', 'android', 'webservice'] as const;
export type Channel = (typeof CHANNELS)[number];

export const ROLES = [
  'platform_admin',
  'tenant_admin',
  'agency_admin',
  'operator',
  'officer',
  'field_officer',
  'viewer',
  'auditor',
  /** A partner system's account (a messaging provider, the national complaint exchange). */
  'integration',
] as const;
export type Role = (typeof ROLES)[number];

/** A named permission `app.resource.action` and the roles that hold it. */
export type PermissionDef = Readonly<{ name: string; roles: readonly Role[] }>;

/** Where one item of an app's setup checklist stands for a tenant (see `AppManifest.setup`). */
export type SetupState = Readonly<{
  /** Whether the item is done: the app can be used as far as this item goes. */
  done: boolean;
  /** How many of the thing the tenant has (markets, categories), when counting says more than yes/no. */
  count?: number;
  /** How many still lack something (categories without an agency), when that is what blocks. */
  missing?: number;
}>;

/**
 * One thing an app needs from a tenant before it is useful (agencies, markets, an officer): its
 * check runs on the server in the tenant's scope; the console lists it with a link to its screen.
 */
export type SetupItem = Readonly<{
  /** Stable within the app (`markets`): tests and the console's anchors name it. */
  id: string;
  /** A message key of the app's words (`<code>.<key>`), said as a task: "Tambahkan pasar". */
  label: string;
  /** The console screen that does it, a path under `/konsol` (`/admin/price-markets`). */
  screen: string;
  check: (scope: TenantScope, platform: Platform) => Promise<SetupState>;
}>;

/**
 * A piece of an app's public content that other apps' pages may show (today's market prices, a
 * report button) without importing the app: a page's HTML holds `<div data-widget="<app>.<id>">`
 * and the portal draws the widget there (`expandWidgets` in the portal kit). The widget is drawn
 * for each request, so it keeps its own data fresh (its app's cache), whatever caches the page.
 */
export type WidgetDef = Readonly<{
  /** Unique within the app (`today`); pages name it `<app code>.<id>`. */
  id: string;
  /** A message key of the app's words: the widget's name in an editor's menu. */
  label: string;
  /** Draws the widget for this request (the portal context comes from it), or null for nothing. */
  render: (request: FastifyRequest, platform: Platform) => Promise<ReactNode | null>;
}>;

/** A section an app adds to the portal's home page (the latest news of the tenant's websites). */
export type HomeSection = Readonly<{
  id: string;
  /** Lower first; sections follow the apps' tiles. */
  order: number;
  /** Draws the section for this request, or null when it has nothing to show. */
  render: (request: FastifyRequest, platform: Platform) => Promise<ReactNode | null>;
}>;

/**
 * A host name a tenant's app serves besides the tenant's own (an agency's site on
 * `dinkes.<tenant domain>`): requests on it are served from the app's path under the tenant
 * (`/situs/dinkes`). Claimed and released by the app (`claimHost`, `releaseHost` in the SDK).
 */
export type HostAlias = Readonly<{ host: string; tenantId: string; app: string; path: string }>;

export type AppManifest = Readonly<{
  code: string;
  name: string;
  category: Category;
  channels: readonly Channel[];
  version: string;
  description: Readonly<{ id: string; en: string }>;
  permissions?: readonly PermissionDef[];
  /**
   * Path prefixes of the app's tenant routes that answer programs, not people (`/ogc` of the maps
   * app's OGC API): an error there, even one the router raises before any route runs (a malformed
   * percent-escape), is a problem document, never the portal's error page. `/api` is one already.
   */
  machinePaths?: readonly string[];
  /** Registers the app's tenant-scoped routes; paths are relative to `/t/<slug>`. */
  routes?: (app: FastifyInstance, platform: Platform) => Promise<void> | void;
  /**
   * Registers routes at the root (outside `/t/<slug>`), for protocols that name the tenant in a
   * parameter (Open311's `jurisdiction_id`). No adoption gate runs there: these routes resolve the
   * tenant and check that the app is live themselves. On a tenant's own host the same paths are
   * rewritten to the tenant's routes, so an app that has root routes usually mirrors them there.
   */
  rootRoutes?: (app: FastifyInstance, platform: Platform) => Promise<void> | void;
  /** Background jobs and scheduled tasks of the app, started with the server's job runner. */
  jobs?: readonly JobDefinition[];
  tasks?: readonly ScheduledTask[];
  /** Absolute path of the folder with the app's migrations. */
  migrationsDir?: string;
  /**
   * The tables its migrations create, each owned by one tenant (`tenant_id` first in every key,
   * row-level security on) and so distributed by `tenant_id` when the database is (Citus,
   * src/platform/db/placement.ts). test/schema.test.ts fails on a table nobody names.
   */
  tables?: readonly string[];
  messages?: Readonly<{ id: object; en: object }>;
  /**
   * Entries the module adds to the platform's shared groups (`detail`, `field`, `entity`), so that its
   * errors read like the platform's: `{ id: { field: { unknown_category: '…' } }, en: { … } }`.
   */
  sharedMessages?: Readonly<{ id: Record<string, object>; en: Record<string, object> }>;
  /**
   * The app's citizen-portal pages under `/t/<slug>/` (web/portal/kit.tsx): registered inside the
   * portal, behind the same adoption gate as `routes`, with HTML error pages.
   */
  portal?: (app: FastifyInstance, platform: Platform) => Promise<void> | void;
  /**
   * The app's tile on the portal's home page: where it leads (a path under `/t/<slug>`); `cta`, a
   * message key, makes the home page also show it first as a call to action; `links`, the app's
   * other pages a visitor looks for (label: a message key), listed on the tile with the app's
   * `accountLinks`. An app without `portalHome` has no tile: a tile is always a link.
   */
  portalHome?: Readonly<{
    path: string;
    cta?: string;
    links?: readonly Readonly<{ path: string; label: string }>[];
  }>;
  /** Links the signed-in citizen's account page shows where the app is live (message keys). */
  accountLinks?: readonly Readonly<{ path: string; label: string }>[];
  /**
   * What the app offers without a network: portal scripts the service worker keeps (entry names
   * of `portal/client/*.ts`), and pages with an offline copy (`offline`, served instead of `path`
   * when there is no network) that the offline page links to, `text` then `label` (message keys).
   */
  offline?: Readonly<{
    scripts?: readonly string[];
    pages?: readonly Readonly<{ path: string; offline: string; text: string; label: string }>[];
  }>;
  /**
   * Work done in the transaction that takes the app live for a tenant (and again when it comes back
   * from suspension): reference data the app needs from its first use is written here, never
   * lazily in a read. Must be idempotent.
   */
  onLive?: (platform: Platform, scope: TenantScope, tenant: VerifiedTenant) => Promise<void>;
  /**
   * The app's setup checklist: what a tenant must provide before the app is useful, in the order
   * to do it. `GET /api/v1/setup` runs the checks of every live app for the tenant's administrator.
   */
  setup?: readonly SetupItem[];
  /** Widgets the app offers to other apps' pages (see `WidgetDef`). */
  widgets?: readonly WidgetDef[];
  /** Sections the app adds to the portal's home page where it is live. */
  homeSections?: readonly HomeSection[];
  /** Aggregates the app publishes for the open-data catalogue (see `DataFeed`). */
  dataFeeds?: readonly DataFeed[];
  /** Layers the app offers to maps from its own data (see `MapLayer`). */
  mapLayers?: readonly MapLayer[];
  /** Writes the app's demo data for one tenant where the app is live (run by the demo seed). */
  seedDemo?: (platform: Platform, scope: TenantScope, tenant: VerifiedTenant) => Promise<void>;
}>;
