/**
 * Moving a report: one route per action (`/actions/verify`, `/actions/dispose`, …), each with its
 * own body (action-schemas.ts). The action names who may take it (lifecycle.ts), so the route
 * checks the caller's permission for that role before the service checks the report itself.
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { AppError, actorOf, type Platform, requirePrincipal } from '../../../platform/sdk/index.ts';
import { ACTION_BODIES, type ApiAction, fromWords, ROLE_WORDS } from '../action-schemas.ts';
import { RULES } from '../lifecycle.ts';
import { PERM } from '../permissions.ts';
import { IdParams, type TransitionInput } from '../schemas.ts';
import { transition } from '../services/transitions.ts';
import { ReporterHeaders, secretOf, whoAll } from './caller.ts';

const tags = ['reports'];

const Moved = Type.Object(
  {
    id: Type.String({ description: 'The report’s id' }),
    status: Type.String({ description: 'Its new status' }),
  },
  { examples: [{ id: '7d0c3f52-2b8e-4a61-9f0d-3c5e8a1b2d47', status: 'verified' }] },
);

/** POST /api/v1/reports/:id/actions/<action>, for each action a person takes. */
export function actionRoute(app: FastifyInstance, platform: Platform) {
  for (const [action, { body, does }] of Object.entries(ACTION_BODIES) as [
    ApiAction,
    (typeof ACTION_BODIES)[ApiAction],
  ][]) {
    const role = RULES[action].by;
    app.post<{ Params: { id: string }; Body: TransitionInput }>(
      `/api/v1/reports/:id/actions/${action}`,
      {
        schema: {
          tags,
          summary: `Report action \`${action}\`: ${does.split(/[:;.]/)[0]!.toLowerCase()}`,
          description:
            `${does} Taken by ${ROLE_WORDS[role]}, from the statuses ${fromWords(action)}; ` +
            `the report becomes \`${RULES[action].to}\`. The path names the report by id or tracking number. ` +
            'From another status the answer is 409.',
          params: IdParams,
          ...(role === 'reporter' ? { headers: ReporterHeaders } : {}),
          body,
          response: { 200: Moved },
        },
        // The reporter may have no account (the secret code); everyone else signs in.
        config: { auth: role === 'reporter' ? 'optional' : 'required' },
      },
      async (request) => {
        const tenant = request.tenant!;
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
}
