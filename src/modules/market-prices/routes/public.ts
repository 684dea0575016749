/**
 * The public routes: the active markets and commodities, a day's prices and a commodity's history
 * with their CSV downloads. Reads are cached per tenant and invalidated by every writer (ADR 0010,
 * ADR 0015), as JSON text and gzip made once — except a history with a window of its own, read
 * from the index each time. Published prices may trail a publication by a moment: they are read on
 * the read replica when there is one (`inTenantReplica`).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  actorOf,
  cachedValueGrew,
  encodedBody,
  fileAnswer,
  type Platform,
  type SharedBody,
  type TenantScope,
} from '../../../platform/sdk/index.ts';
import {
  CommodityList,
  History,
  HistoryQuery,
  type HistoryQueryType,
  MarketList,
  Today,
  TodayQuery,
  type TodayQueryType,
} from '../schemas.ts';
import { configOf } from '../services/config.ts';
import { historyCsv, historyView, todayCsv, todayView } from '../services/public-views.ts';
import { commodityView, marketView } from '../services/reference-data.ts';
import { BASE, tags } from './api.ts';
import { publicCache } from './public-cache.ts';

/**
 * A public view, with its JSON text and that text gzipped once a request has needed them; `shared`
 * when it sits in the cache for other requests too.
 */
type PublicView<T> = { view: T; shared: boolean; json?: string } & SharedBody;

/**
 * The cache key of a history, or null for one with a window of its own (`from` or `to`). The
 * default window, the last year, is what every visitor's chart asks for; explicit windows are as
 * many as there are days, and a client walking through them would fill the cache (a year of points
 * is ~65 kB with its JSON and gzip) with answers nobody asks for again, pushing out the hot ones.
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

/** The public reads: markets, commodities, a day's prices, a commodity's history (JSON and CSV). */
export function publicRoutes(app: FastifyInstance, platform: Platform) {
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
      view: await platform.inTenantReplica(request.tenant!.id, actorOf(request), load),
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
    if (read.json === undefined) {
      read.json = String(reply.serialize(read.view));
      if (read.shared) cachedValueGrew(read, Buffer.byteLength(read.json));
    }
    reply.type('application/json; charset=utf-8');
    return reply.send(encodedBody(request, reply, read.json, read.shared ? read : undefined));
  }

  app.get(
    `${BASE}/markets`,
    {
      schema: {
        tags,
        description: 'The markets whose prices the tenant publishes. Public.',
        summary: 'The tenant’s active markets',
        response: { 200: MarketList },
      },
    },
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
        description:
          'The commodities priced at the tenant’s markets, with their group, grade, unit and the plausible price range entry is checked against. Public.',
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
        description:
          'Prices as the public sees them: each commodity’s latest published price at each market on or before the day, and the city-wide figure, with their changes. Public; cached.',
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
    {
      schema: {
        tags,
        description:
          'The prices of `GET /api/v1/market-prices/today` as a CSV file (UTF-8, comma-separated, one row per market and commodity). Public.',
        summary: 'The same day’s prices as a CSV download',
        response: {
          200: fileAnswer(
            'The prices, city-wide rows first',
            ['text/csv'],
            'day,market,market_name,commodity,commodity_name,unit,price,min,max,cheapest_market,price_yesterday,price_last_week,price_last_month\n' +
              '2026-12-04,city,,beras-premium,Beras premium,kg,15200,14800,15600,PSR-BARU,15100,15000,14900\n',
          ),
        },
        querystring: TodayQuery,
      },
    },
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
        description:
          'One commodity’s daily prices over a period, city-wide or at one market, for a chart. Public; cached.',
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
    {
      schema: {
        tags,
        description:
          'The history of `GET /api/v1/market-prices/history` as a CSV file (UTF-8, one row per day). Public.',
        summary: 'The same history as a CSV download',
        response: {
          200: fileAnswer(
            'One row a day',
            ['text/csv'],
            'day,commodity,market,unit,price,min,max,markets\n2026-12-04,beras-premium,city,kg,15200,14800,15600,6\n',
          ),
        },
        querystring: HistoryQuery,
      },
    },
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
}
