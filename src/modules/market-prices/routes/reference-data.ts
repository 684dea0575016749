/**
 * The staff's reference data routes: markets and their officers, commodities, the app's settings.
 */
import type { FastifyInstance } from 'fastify';
import { actorOf, type Platform, requestAccess } from '../../../platform/sdk/index.ts';
import { PERM } from '../permissions.ts';
import {
  CodeParams,
  Commodity,
  CommodityInput,
  type CommodityInputType,
  Market,
  MarketInput,
  type MarketInputType,
  Officers,
  OfficersInput,
  type OfficersInputType,
  Settings,
  SettingsInput,
  type SettingsInputType,
} from '../schemas.ts';
import {
  marketOfficers,
  putCommodity,
  putMarket,
  setMarketOfficers,
  settingsView,
  updateSettings,
} from '../services/reference-data.ts';
import { BASE, tags } from './api.ts';

/** Markets, their officers, commodities and settings (staff with the reference permission). */
export function referenceDataRoutes(app: FastifyInstance, platform: Platform) {
  app.put<{ Params: { code: string }; Body: MarketInputType }>(
    `${BASE}/markets/:code`,
    {
      schema: {
        tags,
        description:
          'Creates the market with this code, or changes it: name, agency, address, location, whether it is active.',
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
          await requestAccess(platform, scope, request, PERM.reference),
        ),
      );
    },
  );

  app.get<{ Params: { code: string } }>(
    `${BASE}/markets/:code/officers`,
    {
      schema: {
        tags,
        description: 'The staff assigned to enter this market’s prices.',
        summary: 'The officers who enter a market’s prices',
        params: CodeParams,
        response: { 200: Officers },
      },
      config: { permission: PERM.reference, agencyScoped: true },
    },
    async (request) => {
      const tenant = request.tenant!;
      return platform.inTenantRead(tenant.id, actorOf(request), async (scope) =>
        marketOfficers(
          platform,
          scope,
          request.params.code,
          await requestAccess(platform, scope, request, PERM.reference),
        ),
      );
    },
  );

  app.put<{ Params: { code: string }; Body: OfficersInputType }>(
    `${BASE}/markets/:code/officers`,
    {
      schema: {
        tags,
        description:
          'Replaces the list of officers of a market. Each must hold the entry permission; an unknown or ineligible account is refused with its position in the list.',
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
          await requestAccess(platform, scope, request, PERM.reference),
        ),
      );
    },
  );

  app.put<{ Params: { code: string }; Body: CommodityInputType }>(
    `${BASE}/commodities/:code`,
    {
      schema: {
        tags,
        description:
          'Creates the commodity with this code, or changes it. The plausible range makes entry refuse an implausible price.',
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
      schema: {
        tags,
        description:
          'The tenant’s market-price settings: when a verified day becomes public, the jump that flags a price for review and the rise that raises an alert.',
        summary: 'Publication time, jump and alert percentages',
        response: { 200: Settings },
      },
      config: { permission: PERM.reference },
    },
    async (request) => {
      const tenant = request.tenant!;
      return platform.inTenantRead(tenant.id, actorOf(request), (scope) => settingsView(platform, scope));
    },
  );

  app.patch<{ Body: SettingsInputType }>(
    `${BASE}/settings`,
    {
      schema: {
        tags,
        description: 'Changes the tenant’s market-price settings; only the fields sent change.',
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
}
