/**
 * The officers' daily entry routes: their markets, a day's entry sheet, prices by form or CSV.
 */
import type { FastifyInstance } from 'fastify';
import {
  actorOf,
  type Platform,
  readUpload,
  requestAccess,
  requirePrincipal,
} from '../../../platform/sdk/index.ts';
import { PERM } from '../permissions.ts';
import {
  EntryInput,
  type EntryInputType,
  EntryParams,
  EntrySheet,
  ImportResult,
  MarketList,
} from '../schemas.ts';
import { importCsv } from '../services/csv-import.ts';
import { entrySheet, myMarkets, saveEntries } from '../services/entry.ts';
import { BASE, tags } from './api.ts';

/** The officers' markets, entry sheets and entries (CSV bodies are parsed by index.ts's parser). */
export function entryRoutes(app: FastifyInstance, platform: Platform) {
  app.get(
    `${BASE}/entry`,
    {
      schema: {
        tags,
        description:
          'The markets assigned to the signed-in officer, where they enter prices: their starting point in the console.',
        summary: 'The markets the caller enters prices for (assigned to them as an officer)',
        response: { 200: MarketList },
      },
      config: { auth: 'required' },
    },
    async (request) => {
      const tenant = request.tenant!;
      requirePrincipal(request);
      return platform.inTenantRead(tenant.id, actorOf(request), async (scope) =>
        myMarkets(platform, scope, await requestAccess(platform, scope, request, PERM.enter)),
      );
    },
  );

  app.get<{ Params: { market: string; day: string } }>(
    `${BASE}/entry/:market/:day`,
    {
      schema: {
        tags,
        description:
          'What an officer fills in for a market and day: every active commodity, the quotes entered so far and the last published price to compare with.',
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
      return platform.inTenantRead(tenant.id, actorOf(request), async (scope) =>
        entrySheet(
          platform,
          scope,
          request.params.market,
          request.params.day,
          await requestAccess(platform, scope, request, PERM.enter),
          await requestAccess(platform, scope, request, PERM.verify),
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
        description:
          'Saves the officer’s quotes for some commodities of the day (the average is the price). Prices outside the commodity’s plausible range are refused, naming the commodity.',
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
        const access = await requestAccess(platform, scope, request, PERM.enter);
        await saveEntries(platform, scope, tenant, market, day, request.body, access, request.lang);
        const verifier = await requestAccess(platform, scope, request, PERM.verify);
        return entrySheet(platform, scope, market, day, access, verifier, request.lang);
      });
    },
  );

  app.post<{ Params: { market: string; day: string }; Body: string }>(
    `${BASE}/entry/:market/:day/csv`,
    {
      schema: {
        tags,
        description:
          'Enters a whole day from a spreadsheet. Nothing is saved unless every row is valid; otherwise every bad cell is listed with its line and column.',
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
          await requestAccess(platform, scope, request, PERM.enter),
          request.lang,
        ),
      );
    },
  );
}
