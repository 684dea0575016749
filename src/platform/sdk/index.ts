/**
 * The kernel as an app sees it: the one module an app's server code imports from the platform
 * (with `portal.ts` for its citizen pages). A lint check (`npm run check`, src/cli/boundaries.ts)
 * refuses any other import of the kernel from `src/modules/<app>/`, and any import of another app.
 * What is here is the platform's promise to apps; what is not here may change under them.
 *
 * - declaring an app: `AppManifest` (`index.ts` default-exports one), `SetupItem` (its checklist), `defineTask`,
 *   `defineTenantTask`, `PermissionDef`, `Role`, migrations' `enableTenantIsolation`
 * - tenant scope: `TenantScope` (every query runs in one: `platform.inTenant`;
 *   `platform.inTenantGrouped` for a write many citizens make at once — filings of one tenant
 *   arriving together share a transaction;
 *   `platform.inTenantRead` for a handler that only reads — one round trip per statement; or
 *   `platform.inTenantReplica` for a public read that may trail a write by a moment — read-only, on
 *   the read replica when there is one), `Actor`, `SYSTEM_ACTOR`, `readAcrossTenants` (the named
 *   exception), `inOtherTenant` (a referral writes in another tenant); `reusableQuery` (a hot
 *   query built and compiled once per shape)
 * - access: `requirePrincipal`, `actorOf`, `principalFromToken`, `Principal`, and agency by agency
 *   `agencyAccess` / `requestAccess` (with a route's `agencyScoped: true`); a route's work in its
 *   tenant with that access: `inTenantAs`
 * - errors: `AppError`, `invalid`, `notFound`, `toAppError`; validation: `validate`
 * - calendar: `calendarForTenant`, `WorkingCalendar`, local dates and instants in the tenant's zone
 * - tenancy: `VerifiedTenant`, agencies (`listAgencies`, `agencyPaths`, `findAgencyIdByCode`),
 *   areas (`containsPoint`, `inBBox`), an app's own host names (`claimHost`, `releaseHost`,
 *   `hostParents`, `aliasPathOf`)
 * - the portal's parts apps fill: `WidgetDef` (widgets other apps' pages show), `HomeSection`
 * - what apps offer other apps through the kernel: `DataFeed` (aggregates for the open-data
 *   catalogue, read with `offeredDataFeeds`), `MapLayer` (layers for maps, `offeredMapLayers`)
 * - files: `FileStorage`, `newFileKey`, `readUpload` (and `readUploadForm`: the file name and text fields), `inspectUpload`, `normalizeImage`
 * - events, cache, audit, notifications: `emitEvent`, `invalidate` and the platform's cache
 *   tags, `cachedValueGrew` (bytes kept on a cached value after it was stored), `recordAudit`, `enqueueNotification` (with a one-click `unsubscribeUrl` for email),
 *   `portalLink` (an absolute link to the tenant's portal, for messages)
 * - words: `translator`, `pickLanguage`, `LOCALES`
 * - everything of `shared.ts` (pure: dates in a tenant's zone, locales), which browser code imports directly
 */
export { recordAudit } from '../audit/audit.ts';
export { cachedValueGrew } from '../cache/entry-size.ts';
export { invalidate } from '../cache/tenant-cache.ts';
export { CALENDAR_TAG, calendarForTenant } from '../calendar/service.ts';
export {
  DATA_COLUMN_TYPES,
  type DataColumn,
  type DataColumnType,
  type DataFeed,
  type DataRow,
  FEED_FREQUENCIES,
  type FeedFrequency,
  type OfferedDataFeed,
  offeredDataFeeds,
  type Words,
} from '../catalogue/data-feeds.ts';
export type {
  AppManifest,
  HomeSection,
  PermissionDef,
  Role,
  SetupItem,
  SetupState,
  WidgetDef,
} from '../catalogue/manifest.ts';
export {
  LAYER_PROPERTY_TYPES,
  type LayerExtent,
  type LayerFeature,
  type LayerPage,
  type LayerProperty,
  type LayerPropertyType,
  type LayerQuery,
  type LayerStyle,
  type MapLayer,
  type OfferedMapLayer,
  offeredMapLayers,
} from '../catalogue/map-layers.ts';
export type { Config } from '../config.ts';
export { reusableQuery, type Slots } from '../db/reusable-query.ts';
export { enableTenantIsolation, runStatements } from '../db/rls.ts';
export type { Language, PlatformTables } from '../db/schema.ts';
export {
  type Actor,
  inOtherTenant,
  readAcrossTenants,
  SYSTEM_ACTOR,
  type TenantScope,
} from '../db/tenant-scope.ts';
export { AppError, type FieldError, invalid, notFound } from '../errors.ts';
export { emitEvent } from '../events/hub.ts';
export { ImageRejectedError, inspectUpload, normalizeImage } from '../files/inspect.ts';
export { type FileStorage, newFileKey } from '../files/storage.ts';
export { fileAnswer, noContent } from '../http/answers.ts';
export { actorOf, requirePrincipal } from '../http/auth-hooks.ts';
export { encodedBody, type SharedBody } from '../http/compression.ts';
export { inTenantAs, tenantPath } from '../http/in-tenant-as.ts';
export { toAppError } from '../http/problem.ts';
export { readUpload, readUploadForm, type UploadForm } from '../http/uploads.ts';
export { pickLanguage, translator } from '../i18n/index.ts';
export { isUuid, newId } from '../ids.ts';
export { defineJob, defineTask, type JobDefinition, type ScheduledTask } from '../jobs/runner.ts';
export { defineTenantTask, type TenantTask } from '../jobs/tenant-task.ts';
export { portalLink } from '../notify/links.ts';
export { enqueueNotification } from '../notify/outbox.ts';
export {
  type AgencyAccess,
  agencyAccess,
  agencyTreeOf,
  requestAccess,
} from '../people/agency-access.ts';
export {
  AUTH_TAG,
  type Principal,
  principalFromToken,
  randomSecret,
  sameSecret,
  sha256,
} from '../people/auth.ts';
export { findUserIdByEmail } from '../people/service.ts';
export type { Platform } from '../platform.ts';
export { type Area, type BBox, containsPoint, inBBox } from '../tenancy/area.ts';
export type { VerifiedTenant } from '../tenancy/directory.ts';
export { aliasPathOf, claimHost, hostParents, releaseHost } from '../tenancy/host-aliases.ts';
export { AGENCIES_TAG, agencyPaths, findAgencyIdByCode, listAgencies } from '../tenancy/service.ts';
export { validate } from '../validate.ts';
export * from './shared.ts';
