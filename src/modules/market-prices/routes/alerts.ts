/**
 * The staff's alert routes: price-rise alerts and their own subscription to alerts and the daily
 * summary.
 */
import type { FastifyInstance } from 'fastify';
import { AppError, actorOf, type Platform, requirePrincipal } from '../../../platform/sdk/index.ts';
import { PERM } from '../permissions.ts';
import {
  Alerts,
  AlertsQuery,
  type AlertsQueryType,
  Subscription,
  type SubscriptionType,
} from '../schemas.ts';
import { alertsView, setSubscription, subscriptionOf } from '../services/alerts.ts';
import { BASE, tags } from './api.ts';

/** Alerts and the caller's subscription (staff who read alerts). */
export function alertRoutes(app: FastifyInstance, platform: Platform) {
  app.get<{ Querystring: AlertsQueryType }>(
    `${BASE}/alerts`,
    {
      schema: {
        tags,
        description:
          'Commodities whose price rose more than the alert percentage, per day, market and city-wide.',
        summary:
          'Price-rise alerts, newest day first or (order=recent) newest raised first; a month back by default',
        querystring: AlertsQuery,
        response: { 200: Alerts },
      },
      config: { permission: PERM.alertRead, agencyScoped: true },
    },
    async (request) => {
      const tenant = request.tenant!;
      return platform.inTenantRead(tenant.id, actorOf(request), (scope) =>
        alertsView(platform, scope, tenant, request.query, request.lang),
      );
    },
  );

  app.get(
    `${BASE}/alerts/subscription`,
    {
      schema: {
        tags,
        description: 'The signed-in caller’s subscription to price-rise alerts and the daily summary.',
        summary: 'Whether the caller is sent alerts and the daily summary',
        response: { 200: Subscription },
      },
      config: { permission: PERM.alertRead, agencyScoped: true },
    },
    async (request) => {
      const tenant = request.tenant!;
      const principal = requirePrincipal(request);
      return platform.inTenantRead(tenant.id, actorOf(request), (scope) =>
        subscriptionOf(scope, principal.user.id),
      );
    },
  );

  app.put<{ Body: SubscriptionType }>(
    `${BASE}/alerts/subscription`,
    {
      schema: {
        tags,
        description: 'Sets the caller’s subscription; sent by email to their account’s address.',
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
