/**
 * What happens when a tenant takes an app live: the app's `onLive` work, in the same transaction as
 * the adoption's step to `live`, so that a tenant never has the app live without what it needs.
 * And the one-go path: `takeLive` walks an adoption through every agreed state up to `live`, one
 * audited step each, as the individual steps would, in one transaction (all the steps or none).
 */
import type { TenantScope } from '../db/tenant-scope.ts';
import { AppError, invalid } from '../errors.ts';
import type { Platform } from '../platform.ts';
import type { VerifiedTenant } from '../tenancy/directory.ts';
import type { AdoptionStatus } from './schemas.ts';
import { ADOPTION_TRANSITIONS, proposeAdoption, transitionAdoption } from './service.ts';

/** Runs the installed app's `onLive` work for the tenant (nothing for an app without a module). */
export async function runOnLive(
  platform: Platform,
  scope: TenantScope,
  tenant: VerifiedTenant,
  appCode: string,
): Promise<void> {
  const app = platform.modules.find((m) => m.code === appCode);
  await app?.onLive?.(platform, scope, tenant);
}

/** The callback `transitionAdoption` calls when the app goes live, bound to this request's tenant. */
export function onLiveFor(platform: Platform, scope: TenantScope, tenant: VerifiedTenant) {
  return (appCode: string) => runOnLive(platform, scope, tenant, appCode);
}

export type TakeLiveInput = {
  app: string;
  channel: string;
  /** The MoU the `mou_signed` step names (needed unless the adoption is past it, or the app is the tenant's own). */
  mouId?: string | undefined;
  /** The PKS the `pks_signed` step names. */
  pksId?: string | undefined;
  /** The local date of the steps, when they are recorded after the fact. */
  on?: string | undefined;
  note?: string | undefined;
};

/** Which agreement a step names, and the field of `TakeLiveInput` that gives it. */
const AGREEMENT_OF: Partial<Record<AdoptionStatus, 'mouId' | 'pksId'>> = {
  mou_signed: 'mouId',
  pks_signed: 'pksId',
};

/**
 * Takes an adoption to `live` from wherever it is: proposes it when there is none yet, then makes
 * each next step of the lifecycle (`ADOPTION_TRANSITIONS`, the tenant's own app skipping the
 * agreements) with `transitionAdoption`, so each is checked, recorded and audited like a single
 * step. Run it inside one transaction: a refused step leaves the adoption as it was. Returns the
 * states it went through (empty when the app was live already) and whether the live apps changed.
 */
export async function takeLive(
  scope: TenantScope,
  tenant: Pick<VerifiedTenant, 'timeZone'>,
  input: TakeLiveInput,
  onLive?: (appCode: string) => Promise<void>,
): Promise<{ steps: AdoptionStatus[]; liveChanged: boolean }> {
  const { app, channel } = input;
  const read = () =>
    scope.trx
      .selectFrom('adoptions')
      .select('status')
      .where('tenant_id', '=', scope.tenantId)
      .where('app_code', '=', app)
      .where('channel', '=', channel)
      .executeTakeFirst();
  const steps: AdoptionStatus[] = [];
  if (!(await read())) {
    await proposeAdoption(scope, {
      app,
      channel: channel as 'web',
      ...(input.note ? { note: input.note } : {}),
    });
    steps.push('proposed');
  }
  const own = await scope.trx
    .selectFrom('apps')
    .select('origin_tenant_id')
    .where('code', '=', app)
    .executeTakeFirstOrThrow();
  let liveChanged = false;
  // The lifecycle has six states: more steps than that would be a loop.
  for (let guard = 0; guard < 6; guard++) {
    const status = (await read())!.status as AdoptionStatus;
    if (status === 'live') return { steps, liveChanged };
    const to: AdoptionStatus =
      status === 'proposed' && own.origin_tenant_id === scope.tenantId
        ? 'onboarding'
        : (ADOPTION_TRANSITIONS[status][0] as AdoptionStatus);
    const field = AGREEMENT_OF[to];
    const agreementId = field ? input[field] : undefined;
    try {
      const moved = await transitionAdoption(
        scope,
        tenant.timeZone,
        app,
        channel,
        {
          to,
          ...(agreementId ? { agreementId } : {}),
          ...(input.on ? { on: input.on } : {}),
          ...(input.note ? { note: input.note } : {}),
        },
        onLive,
      );
      liveChanged ||= moved.liveChanged;
    } catch (error) {
      // The step's agreement is this request's `mouId` or `pksId`: the refusal names that field.
      if (field && error instanceof AppError && error.fields.some((f) => f.path === '/body/agreementId')) {
        throw invalid(
          ...error.fields.map((f) => (f.path === '/body/agreementId' ? { ...f, path: `/body/${field}` } : f)),
        );
      }
      throw error;
    }
    steps.push(to);
  }
  throw new AppError('internal');
}
