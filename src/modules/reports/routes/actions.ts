/**
 * Moving a report: the action names who may take it (lifecycle.ts), so the route checks the
 * caller's permission for that role before the service checks the report itself.
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { AppError, actorOf, type Platform, requirePrincipal } from '../../../platform/sdk/index.ts';
import { type Action, RULES } from '../lifecycle.ts';
import { PERM } from '../permissions.ts';
import { ActionParams, Transition, type TransitionInput } from '../schemas.ts';
import { transition } from '../services/transitions.ts';
import { secretOf, whoAll } from './caller.ts';

const tags = ['reports'];

/** POST /api/v1/reports/:id/actions/:action. */
export function actionRoute(app: FastifyInstance, platform: Platform) {
  app.post<{ Params: { id: string; action: Action }; Body: TransitionInput }>(
    '/api/v1/reports/:id/actions/:action',
    {
      schema: {
        tags,
        summary: 'Move a report: triage (operator), follow-up (agency), confirm or reopen (reporter)',
        params: ActionParams,
        body: Transition,
        response: { 200: Type.Object({ id: Type.String(), status: Type.String() }) },
      },
      config: { auth: 'optional' },
    },
    async (request) => {
      const tenant = request.tenant!;
      const { action } = request.params;
      const role = RULES[action].by;
      if (role === 'system') throw new AppError('forbidden');
      if (role !== 'reporter') {
        const principal = requirePrincipal(request);
        const permission = role === 'operator' ? PERM.triage : PERM.followUp;
        if (!platform.permissions.allowsSomewhere(principal.grants, permission))
          throw new AppError('forbidden');
      }
      return platform.inTenant(tenant.id, actorOf(request), async (scope) => {
        const who = (await whoAll(platform, scope, request, secretOf(request, request.body.secret))).find(
          (w) => w.role === role,
        );
        if (!who) throw new AppError('forbidden');
        return transition(platform, scope, tenant, request.params.id, action, request.body, who);
      });
    },
  );
}
