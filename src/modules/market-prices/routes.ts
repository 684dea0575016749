/**
 * Routes of the market prices app: thin — validate, establish who acts (the agency checks of
 * agency-scoped grants), call the service in one tenant transaction, shape the answer. Public
 * reads are cached per tenant and invalidated by every writer (ADR 0010, ADR 0015), as JSON text and
 * gzip made once — except a history with a window of its own, read from the index each time.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf, requirePrincipal } from '../../platform/http/auth-hooks.ts';
import { encodedBody, type SharedBody } from '../../platform/http/compression.ts';
import { readUpload } from '../../platform/http/uploads.ts';
import type { Platform } from '../../platform/platform.ts';
import { validate } from '../../platform/validate.ts';
import { PERM } from './permissions.ts';
import {
  Alerts,
  AlertsQuery,
  type AlertsQueryType,
  CodeParams,
  Commodity,
  CommodityInput,
  type CommodityInputType,
  CommodityList,
  CorrectionInput,
  type CorrectionInputType,
  CorrectionResult,
  DayParams,
  DayResult,
  EntryInput,
  type EntryInputType,
  EntryParams,
  EntrySheet,
  History,
  HistoryQuery,
  type HistoryQueryType,
  ImportResult,
  Market,
  MarketInput,
  type MarketInputType,
  MarketList,
  Officers,
  OfficersInput,
  type OfficersInputType,
  Review,
  Settings,
  SettingsInput,
  type SettingsInputType,
  Subscription,
  type SubscriptionType,
  Today,
  TodayQuery,
  type TodayQueryType,
  VerifyInput,
} from './schemas.ts';
import { alertsView, setSubscription, subscriptionOf } from './services/alerts.ts';
import { type Access, agencyPathsOf, configOf, PRICES_TAG } from './services/config.ts';
import { correctEntry } from './services/corrections.ts';
import { importCsv } from './services/csv-import.ts';
import { entrySheet, myMarkets, saveEntries } from './services/entry.ts';
import { historyCsv, historyView, todayCsv, todayView, visibilityKey } from './services/public-views.ts';
import {
  commodityView,
  marketOfficers,
  marketView,
  putCommodity,
  putMarket,
  setMarketOfficers,
  settingsView,
  updateSettings,
} from './services/reference-data.ts';
import { publishDay, reviewDay, verifyDay } from './services/review.ts';
import { todayOf } from './services/today.ts';

const BASE = '/api/v1/market-prices';
/** A CSV upload's size limit: a day's sheet of a market is a few kilobytes. */
const CSV_LIMIT = 256 * 1024;

/** Whether the caller may act with `permission` for a market of an agency (agency-scoped grants too). */
async function accessFor(
  platform: Platform,
  scope: TenantScope,
  request: FastifyRequest,
  permission: string,
): Promise<Access> {
  const p = request.principal;
  if (!p) return { userId: null, may: () => false };
  const userId = p.user.id;
  if (platform.permissions.allows(p.grants, permission)) return { userId, may: () => true };
  if (!platform.permissions.allowsSomewhere(p.grants, permission)) return { userId, may: () => false };
  const paths = await agencyPathsOf(platform, scope);
  return {
    userId,
    may: (agencyId) =>
      agencyId !== null && platform.permissions.allows(p.grants, permission, paths(agencyId) ?? []),
  };
}

/**
 * A public view, with its JSON text and that text gzipped once a request has needed them; `shared`
 * when it sits in the cache for other requests too.
 */
type PublicView<T> = { view: T; shared: boolean; json?: string } & SharedBody;

/**
 * The cache key of a history, or null for one with a window of its own (`from` or `to`). The
 * default window, the last year, is what every visitor's chart asks for; explicit windows are as
 * many as there are days, and a client walking through them would fill the cache (bounded in
 * entries, not bytes: a year of points is ~70 kB with its JSON) with answers nobody asks for again.
 * Those are read from the index alone (ADR 0015, addendum).
 */
function historyKey(q: HistoryQueryType): string | null {
  return q.from === undefined && q.to === undefined ? `history:${JSON.stringify(q)}` : null;
}

function sendCsv(reply: FastifyReply, filename: string, body: string) {
  reply.header('content-disposition', `attachment; filename="${filename}"`);
  reply.header('cache-control', 'public, max-age=60');
  return reply.type('text/csv; charset=utf-8').send(body);
}

/**
 * The tenant's cache of public prices reads: values kept under the prices tag until a writer
 * changes them or a publication time passes; the key gets the language, the tenant's day and which
 * waiting publications are public. The API and the portal's pages share it.
 */
export function publicCache(platform: Platform, request: FastifyRequest, at?: Date) {
  const tenant = request.tenant!;
  const actor = actorOf(request);
  return async <T>(key: string, load: () => Promise<T>): Promise<T> => {
    // The moment the caller loads for, so that a load straddling a publication time is kept under
    // the key of the moment it read (not a later one).
    const now = at ?? new Date();
    const config = await configOf(platform, tenant.id, actor);
    const full = `${key}:${request.lang}:${todayOf(tenant, now)}:${visibilityKey(config, now)}`;
    // Every loader given here reads in a transaction of its own (publicRead, viewOf, the pages).
    return platform.cache.get(tenant.id, PRICES_TAG, full, load, { share: true });
  };
}

/** A public read through {@link publicCache}, loaded in one tenant transaction when not cached. */
export function publicRead<T>(
  platform: Platform,
  request: FastifyRequest,
  key: string,
  load: (scope: TenantScope) => Promise<T>,
  at?: Date,
): Promise<T> {
  return publicCache(
    platform,
    request,
    at,
  )(key, () => platform.inTenant(request.tenant!.id, actorOf(request), load));
}

export function marketPriceRoutes(app: FastifyInstance, platform: Platform) {
  const tags = ['market-prices'];
  // A day's prices may come as a CSV body (or as a multipart file, read by the handler).
  app.addContentTypeParser(
    ['text/csv', 'text/plain'],
    { parseAs: 'string', bodyLimit: CSV_LIMIT },
    (_r, body, done) => done(null, body),
  );

  /**
   * A public view through the app's cache ({@link publicCache}), or read from the database each
   * time when `key` is null.
   */
  async function viewOf<T>(
    request: FastifyRequest,
    key: string | null,
    load: (scope: TenantScope) => Promise<T>,
  ): Promise<PublicView<T>> {
    const read = async () => ({
      view: await platform.inTenant(request.tenant!.id, actorOf(request), load),
      shared: key !== null,
    });
    if (key === null) return read();
    return publicCache(platform, request)(key, read);
  }

  /**
   * Sends a view as the route's JSON, made once per cached view with the route's response schema
   * (as Fastify would make it), and gzipped once for the clients that accept it: a cache hit then
   * costs neither serialisation nor compression. A day of 6 markets × 30 commodities is 62 kB of
   * JSON and 6 kB gzipped; serialising it on every hit held "today" at ~1,500 req/s. A view read
   * for one request only is gzipped at the fastest level (a year of points: 26 kB → 3 kB in ~60 µs).
   */
  function sendJson<T>(request: FastifyRequest, reply: FastifyReply, read: PublicView<T>) {
    // The route's serializer (its response schema) makes a string; the type allows more.
    read.json ??= String(reply.serialize(read.view));
    reply.type('application/json; charset=utf-8');
    return reply.send(encodedBody(request, reply, read.json, read.shared ? read : undefined));
  }

  // ---------------------------------------------------------------------------------------------
  // Public

  app.get(
    `${BASE}/markets`,
    { schema: { tags, summary: 'The tenant’s active markets', response: { 200: MarketList } } },
    async (request) => {
      const config = await configOf(platform, request.tenant!.id, actorOf(request));
      return { items: config.markets.filter((m) => m.active).map(marketView) };
    },
  );

  app.get(
    `${BASE}/commodities`,
    {
      schema: {
        tags,
        summary: 'The tenant’s active commodities with grade, unit and plausible price range',
        response: { 200: CommodityList },
      },
    },
    async (request) => {
      const config = await configOf(platform, request.tenant!.id, actorOf(request));
      return { items: config.commodities.filter((c) => c.active).map(commodityView) };
    },
  );

  app.get<{ Querystring: TodayQueryType }>(
    `${BASE}/today`,
    {
      schema: {
        tags,
        summary:
          'Published prices of a day (the latest on or before `day`, today by default): per market and city-wide, change against yesterday, last week and last month, the cheapest market',
        querystring: TodayQuery,
        response: { 200: Today },
      },
    },
    async (request, reply) =>
      sendJson(
        request,
        reply,
        await viewOf(request, request.query.day === undefined ? 'today' : null, (scope) =>
          todayView(platform, scope, request.tenant!, request.query.day, request.lang),
        ),
      ),
  );

  app.get<{ Querystring: TodayQueryType }>(
    `${BASE}/today.csv`,
    { schema: { tags, summary: 'The same day’s prices as a CSV download', querystring: TodayQuery } },
    async (request, reply) => {
      const { view } = await viewOf(request, request.query.day === undefined ? 'today' : null, (scope) =>
        todayView(platform, scope, request.tenant!, request.query.day, request.lang),
      );
      return sendCsv(reply, `harga-${view.day ?? 'kosong'}.csv`, todayCsv(view));
    },
  );

  app.get<{ Querystring: HistoryQueryType }>(
    `${BASE}/history`,
    {
      schema: {
        tags,
        summary:
          'Daily published prices of a commodity: city-wide (from the rollup) or at one market; at most about two years per call',
        querystring: HistoryQuery,
        response: { 200: History },
      },
    },
    async (request, reply) =>
      sendJson(
        request,
        reply,
        await viewOf(request, historyKey(request.query), (scope) =>
          historyView(platform, scope, request.tenant!, request.query, request.lang),
        ),
      ),
  );

  app.get<{ Querystring: HistoryQueryType }>(
    `${BASE}/history.csv`,
    { schema: { tags, summary: 'The same history as a CSV download', querystring: HistoryQuery } },
    async (request, reply) => {
      const { view } = await viewOf(request, historyKey(request.query), (scope) =>
        historyView(platform, scope, request.tenant!, request.query, request.lang),
      );
      const where = view.market?.code ?? 'kota';
      return sendCsv(
        reply,
        `riwayat-${view.commodity.code}-${where}-${view.from}-${view.to}.csv`,
        historyCsv(view),
      );
    },
  );

  // ---------------------------------------------------------------------------------------------
  // Reference data and settings (staff)

  app.put<{ Params: { code: string }; Body: MarketInputType }>(
    `${BASE}/markets/:code`,
    {
      schema: {
        tags,
        summary: 'Create or change a market (an agency administrator: only their own agencies’ markets)',
        params: CodeParams,
        body: MarketInput,
        response: { 200: Market },
      },
      config: { permission: PERM.reference, agencyScoped: true },
    },
    async (request) => {
      const tenant = request.tenant!;
      return platform.inTenant(tenant.id, actorOf(request), async (scope) =>
        putMarket(
          platform,
          scope,
          request.params.code,
          request.body,
          await accessFor(platform, scope, request, PERM.reference),
        ),
      );
    },
  );

  app.get<{ Params: { code: string } }>(
    `${BASE}/markets/:code/officers`,
    {
      schema: {
        tags,
        summary: 'The officers who enter a market’s prices',
        params: CodeParams,
        response: { 200: Officers },
      },
      config: { permission: PERM.reference, agencyScoped: true },
    },
    async (request) => {
      const tenant = request.tenant!;
      return platform.inTenant(tenant.id, actorOf(request), async (scope) =>
        marketOfficers(
          platform,
          scope,
          request.params.code,
          await accessFor(platform, scope, request, PERM.reference),
        ),
      );
    },
  );

  app.put<{ Params: { code: string }; Body: OfficersInputType }>(
    `${BASE}/markets/:code/officers`,
    {
      schema: {
        tags,
        summary: 'Set who enters a market’s prices (staff holding the entry permission); replaces the list',
        params: CodeParams,
        body: OfficersInput,
        response: { 200: Officers },
      },
      config: { permission: PERM.reference, agencyScoped: true },
    },
    async (request) => {
      const tenant = request.tenant!;
      return platform.inTenant(tenant.id, actorOf(request), async (scope) =>
        setMarketOfficers(
          platform,
          scope,
          request.params.code,
          request.body.userIds,
          await accessFor(platform, scope, request, PERM.reference),
        ),
      );
    },
  );

  app.put<{ Params: { code: string }; Body: CommodityInputType }>(
    `${BASE}/commodities/:code`,
    {
      schema: {
        tags,
        summary: 'Create or change a commodity: names, group, grade, unit, plausible price range',
        params: CodeParams,
        body: CommodityInput,
        response: { 200: Commodity },
      },
      config: { permission: PERM.reference },
    },
    async (request) => {
      const tenant = request.tenant!;
      return platform.inTenant(tenant.id, actorOf(request), (scope) =>
        putCommodity(platform, scope, request.params.code, request.body),
      );
    },
  );

  app.get(
    `${BASE}/settings`,
    {
      schema: { tags, summary: 'Publication time, jump and alert percentages', response: { 200: Settings } },
      config: { permission: PERM.reference },
    },
    async (request) => {
      const tenant = request.tenant!;
      return platform.inTenant(tenant.id, actorOf(request), (scope) => settingsView(platform, scope));
    },
  );

  app.patch<{ Body: SettingsInputType }>(
    `${BASE}/settings`,
    {
      schema: {
        tags,
        summary: 'Change the publication time (HH:MM, tenant time), the jump and the alert percentages',
        body: SettingsInput,
        response: { 200: Settings },
      },
      config: { permission: PERM.reference },
    },
    async (request) => {
      const tenant = request.tenant!;
      return platform.inTenant(tenant.id, actorOf(request), (scope) =>
        updateSettings(platform, scope, request.body),
      );
    },
  );

  // ---------------------------------------------------------------------------------------------
  // Daily entry (officers)

  app.get(
    `${BASE}/entry`,
    {
      schema: {
        tags,
        summary: 'The markets the caller enters prices for (assigned to them as an officer)',
        response: { 200: MarketList },
      },
      config: { auth: 'required' },
    },
    async (request) => {
      const tenant = request.tenant!;
      requirePrincipal(request);
      return platform.inTenant(tenant.id, actorOf(request), async (scope) =>
        myMarkets(platform, scope, await accessFor(platform, scope, request, PERM.enter)),
      );
    },
  );

  app.get<{ Params: { market: string; day: string } }>(
    `${BASE}/entry/:market/:day`,
    {
      schema: {
        tags,
        summary:
          'A market’s entry sheet for a day: each commodity, its quotes so far, the previous published price',
        params: EntryParams,
        response: { 200: EntrySheet },
      },
      config: { auth: 'required' },
    },
    async (request) => {
      const tenant = request.tenant!;
      requirePrincipal(request);
      return platform.inTenant(tenant.id, actorOf(request), async (scope) =>
        entrySheet(
          platform,
          scope,
          request.params.market,
          request.params.day,
          await accessFor(platform, scope, request, PERM.enter),
          await accessFor(platform, scope, request, PERM.verify),
          request.lang,
        ),
      );
    },
  );

  app.put<{ Params: { market: string; day: string }; Body: EntryInputType }>(
    `${BASE}/entry/:market/:day`,
    {
      schema: {
        tags,
        summary:
          'The officer enters a day’s prices at their market (1–5 traders’ quotes per commodity; drafts until verified). A published day answers 409: use a correction',
        params: EntryParams,
        body: EntryInput,
        response: { 200: EntrySheet },
      },
      config: { permission: PERM.enter, agencyScoped: true },
    },
    async (request) => {
      const tenant = request.tenant!;
      const { market, day } = request.params;
      return platform.inTenant(tenant.id, actorOf(request), async (scope) => {
        const access = await accessFor(platform, scope, request, PERM.enter);
        await saveEntries(platform, scope, tenant, market, day, request.body, access, request.lang);
        const verifier = await accessFor(platform, scope, request, PERM.verify);
        return entrySheet(platform, scope, market, day, access, verifier, request.lang);
      });
    },
  );

  app.post<{ Params: { market: string; day: string }; Body: string }>(
    `${BASE}/entry/:market/:day/csv`,
    {
      schema: {
        tags,
        summary:
          'Bulk entry from CSV (header commodity,price1[,…price5]; text/csv body or a multipart `file`): all or nothing, every bad cell listed with line, column and reason',
        params: EntryParams,
        body: {
          content: {
            'text/csv': { schema: { type: 'string' } },
            'multipart/form-data': { schema: { description: 'A `file` field with the CSV' } },
          },
        },
        response: { 200: ImportResult },
      },
      config: { permission: PERM.enter, agencyScoped: true },
    },
    async (request) => {
      const tenant = request.tenant!;
      const text = request.isMultipart()
        ? (await readUpload(request, 'file')).toString('utf8')
        : typeof request.body === 'string'
          ? request.body
          : '';
      const { market, day } = request.params;
      return platform.inTenant(tenant.id, actorOf(request), async (scope) =>
        importCsv(
          platform,
          scope,
          tenant,
          market,
          day,
          text,
          await accessFor(platform, scope, request, PERM.enter),
          request.lang,
        ),
      );
    },
  );

  // ---------------------------------------------------------------------------------------------
  // Review, publication, corrections (supervisors)

  app.get<{ Params: { day: string } }>(
    `${BASE}/review/:day`,
    {
      schema: {
        tags,
        summary:
          'The supervisor’s review of a day: every market they verify, each price against the previous published one, jumps flagged',
        params: DayParams,
        response: { 200: Review },
      },
      config: { permission: PERM.verify, agencyScoped: true },
    },
    async (request) => {
      const tenant = request.tenant!;
      return platform.inTenant(tenant.id, actorOf(request), async (scope) =>
        reviewDay(
          platform,
          scope,
          request.params.day,
          await accessFor(platform, scope, request, PERM.verify),
          request.lang,
        ),
      );
    },
  );

  app.post<{ Params: { day: string }; Body: unknown }>(
    `${BASE}/review/:day/verify`,
    {
      schema: {
        tags,
        summary:
          'Verify a day’s drafts, in the markets given (body `{"markets": [codes]}`, optional) or every market the caller verifies',
        params: DayParams,
        response: { 200: DayResult },
      },
      config: { permission: PERM.verify, agencyScoped: true },
    },
    async (request) => {
      const tenant = request.tenant!;
      // The body may be left out altogether, which a declared body schema would refuse.
      const body = validate(VerifyInput, request.body ?? {});
      return platform.inTenant(tenant.id, actorOf(request), async (scope) =>
        verifyDay(
          platform,
          scope,
          tenant,
          request.params.day,
          body.markets,
          await accessFor(platform, scope, request, PERM.verify),
        ),
      );
    },
  );

  app.post<{ Params: { day: string } }>(
    `${BASE}/review/:day/publish`,
    {
      schema: {
        tags,
        summary:
          'Publish a verified day: public from the later of now and the day’s publication time; writes the city rollup and raises alerts',
        params: DayParams,
        response: { 200: DayResult },
      },
      config: { permission: PERM.verify, agencyScoped: true },
    },
    async (request) => {
      const tenant = request.tenant!;
      return platform.inTenant(tenant.id, actorOf(request), async (scope) =>
        publishDay(
          platform,
          scope,
          tenant,
          request.params.day,
          await accessFor(platform, scope, request, PERM.verify),
          request.lang,
        ),
      );
    },
  );

  app.post<{ Params: { market: string; day: string }; Body: CorrectionInputType }>(
    `${BASE}/corrections/:market/:day`,
    {
      schema: {
        tags,
        summary:
          'Correct a published price, with a reason (kept in the audit trail); the rollup is recomputed',
        params: EntryParams,
        body: CorrectionInput,
        response: { 200: CorrectionResult },
      },
      config: { permission: PERM.verify, agencyScoped: true },
    },
    async (request) => {
      const tenant = request.tenant!;
      const { market, day } = request.params;
      return platform.inTenant(tenant.id, actorOf(request), async (scope) =>
        correctEntry(
          platform,
          scope,
          tenant,
          market,
          day,
          request.body,
          await accessFor(platform, scope, request, PERM.verify),
          request.lang,
        ),
      );
    },
  );

  // ---------------------------------------------------------------------------------------------
  // Alerts (staff)

  app.get<{ Querystring: AlertsQueryType }>(
    `${BASE}/alerts`,
    {
      schema: {
        tags,
        summary:
          'Price-rise alerts, newest day first or (order=recent) newest raised first; a month back by default',
        querystring: AlertsQuery,
        response: { 200: Alerts },
      },
      config: { permission: PERM.alertRead, agencyScoped: true },
    },
    async (request) => {
      const tenant = request.tenant!;
      return platform.inTenant(tenant.id, actorOf(request), (scope) =>
        alertsView(platform, scope, tenant, request.query, request.lang),
      );
    },
  );

  app.get(
    `${BASE}/alerts/subscription`,
    {
      schema: {
        tags,
        summary: 'Whether the caller is sent alerts and the daily summary',
        response: { 200: Subscription },
      },
      config: { permission: PERM.alertRead, agencyScoped: true },
    },
    async (request) => {
      const tenant = request.tenant!;
      const principal = requirePrincipal(request);
      return platform.inTenant(tenant.id, actorOf(request), (scope) =>
        subscriptionOf(scope, principal.user.id),
      );
    },
  );

  app.put<{ Body: SubscriptionType }>(
    `${BASE}/alerts/subscription`,
    {
      schema: {
        tags,
        summary: 'Subscribe the caller to alerts and/or the daily summary (by email)',
        body: Subscription,
        response: { 200: Subscription },
      },
      config: { permission: PERM.alertRead, agencyScoped: true },
    },
    async (request) => {
      const tenant = request.tenant!;
      const principal = requirePrincipal(request);
      if (principal.user.kind !== 'staff') throw new AppError('forbidden');
      return platform.inTenant(tenant.id, actorOf(request), (scope) =>
        setSubscription(scope, principal.user.id, request.body.alerts, request.body.dailySummary),
      );
    },
  );
}
