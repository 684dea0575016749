/**
 * The catalogue and adoption: which apps exist, and which tenant uses which app on which channel,
 * backed by agreements (MoU, then PKS). The adoption lifecycle is a closed state machine; every
 * step is an adoption event and an audit row.
 */
import { type Kysely, sql } from 'kysely';
import { recordAudit } from '../audit/audit.ts';
import { isLocalDate, localDateOf, localInstant } from '../calendar/working-days.ts';
import type { PlatformTables } from '../db/schema.ts';
import { readAcrossTenants, type TenantScope } from '../db/tenant-scope.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import { emitEvent } from '../events/hub.ts';
import { inspectUpload } from '../files/inspect.ts';
import { type FileStorage, newFileKey } from '../files/storage.ts';
import { newId } from '../ids.ts';
import type { AppManifest } from './manifest.ts';
import { PORTFOLIO } from './portfolio.ts';
import type {
  AdoptionStatus,
  CreateAgreementInput,
  ProposeAdoptionInput,
  TransitionAdoptionInput,
} from './schemas.ts';

/** The only moves an adoption can make, and the agreement each one needs. */
export const ADOPTION_TRANSITIONS: Readonly<Record<AdoptionStatus, readonly AdoptionStatus[]>> = {
  proposed: ['mou_signed'],
  mou_signed: ['pks_signed'],
  pks_signed: ['onboarding'],
  onboarding: ['live'],
  live: ['suspended'],
  suspended: ['live'],
};
const NEEDS_AGREEMENT: Partial<Record<AdoptionStatus, 'mou' | 'pks'>> = {
  mou_signed: 'mou',
  pks_signed: 'pks',
};

/**
 * Writes the catalogue: every portfolio entry and every installed module (a module's manifest wins).
 * Runs as the owner at migration time; `originSlug` names the tenant the apps come from, if it exists.
 */
export async function syncCatalogue(
  db: Kysely<PlatformTables>,
  modules: readonly AppManifest[],
  originSlug = 'kota-tangerang',
) {
  const origin = await db
    .selectFrom('tenants')
    .select('id')
    .where('slug', '=', originSlug)
    .executeTakeFirst();
  const byCode = new Map<
    string,
    {
      name: string;
      category: string;
      channels: readonly string[];
      version: string;
      description: object;
      has_module: boolean;
    }
  >();
  for (const p of PORTFOLIO) byCode.set(p.code, { ...p, version: '0.0.0', has_module: false });
  for (const m of modules) byCode.set(m.code, { ...m, has_module: true });
  for (const [code, app] of byCode) {
    const row = {
      name: app.name,
      category: app.category,
      channels: [...app.channels],
      version: app.version,
      description: JSON.stringify(app.description),
      has_module: app.has_module,
      origin_tenant_id: origin?.id ?? null,
      updated_at: new Date(),
    };
    await db
      .insertInto('apps')
      .values({ code, ...row })
      .onConflict((oc) =>
        oc.column('code').doUpdateSet({
          ...row,
          // A sync that finds no origin (a node starting before the demo's first tenant exists,
          // while another seeds it) leaves the one set alone.
          origin_tenant_id: sql<string | null>`coalesce(excluded.origin_tenant_id, apps.origin_tenant_id)`,
        }),
      )
      .execute();
  }
}

/** The whole catalogue with each app's origin tenant. */
export async function listCatalogue(db: Kysely<PlatformTables>) {
  const rows = await db
    .selectFrom('apps')
    .leftJoin('tenants', 'tenants.id', 'apps.origin_tenant_id')
    .select([
      'apps.code',
      'apps.name',
      'apps.category',
      'apps.channels',
      'apps.version',
      'apps.description',
      'apps.has_module',
      'tenants.slug as origin',
    ])
    .orderBy('apps.code')
    .execute();
  return rows.map((r) => ({ ...r, hasModule: r.has_module }));
}

/** Every adoption of every tenant: the public network of who took what from whom. */
export function listNetworkAcrossTenants(
  db: Kysely<PlatformTables>,
  filter: { app?: string | undefined; status?: string | undefined },
) {
  return readAcrossTenants(db, async (trx) => {
    let q = trx
      .selectFrom('adoptions')
      .innerJoin('tenants as t', 't.id', 'adoptions.tenant_id')
      .innerJoin('apps', 'apps.code', 'adoptions.app_code')
      .leftJoin('tenants as o', 'o.id', 'adoptions.origin_tenant_id')
      .select([
        't.slug as tenant_slug',
        't.name as tenant_name',
        't.kind as tenant_kind',
        't.code as tenant_code',
        'apps.code as app_code',
        'apps.name as app_name',
        'adoptions.channel',
        'adoptions.status',
        'adoptions.live_since',
        'o.slug as origin_slug',
        'o.name as origin_name',
      ]);
    if (filter.app) q = q.where('adoptions.app_code', '=', filter.app);
    if (filter.status) q = q.where('adoptions.status', '=', filter.status);
    const rows = await q.orderBy('t.code').orderBy('apps.code').orderBy('adoptions.channel').execute();
    return rows.map((r) => ({
      tenant: { slug: r.tenant_slug, name: r.tenant_name, kind: r.tenant_kind, code: r.tenant_code },
      app: { code: r.app_code, name: r.app_name },
      channel: r.channel,
      status: r.status,
      since: r.live_since,
      origin: r.origin_slug ? { slug: r.origin_slug, name: r.origin_name ?? '' } : null,
    }));
  });
}

async function tenantIdBySlug(scope: TenantScope, slug: string, path: string): Promise<string> {
  const row = await scope.trx.selectFrom('tenants').select('id').where('slug', '=', slug).executeTakeFirst();
  if (!row) throw invalid({ path, code: 'unknown' });
  return row.id;
}

/** Records a signed agreement (MoU or PKS) of the scope's tenant. */
export async function createAgreement(scope: TenantScope, input: CreateAgreementInput): Promise<string> {
  if (!isLocalDate(input.signedOn)) throw invalid({ path: '/body/signedOn', code: 'date' });
  const partnerId = input.partner ? await tenantIdBySlug(scope, input.partner, '/body/partner') : null;
  const dup = await scope.trx
    .selectFrom('agreements')
    .select('id')
    .where('tenant_id', '=', scope.tenantId)
    .where('kind', '=', input.kind)
    .where('number', '=', input.number)
    .executeTakeFirst();
  if (dup) throw invalid({ path: '/body/number', code: 'taken' });
  const id = newId();
  const row = {
    tenant_id: scope.tenantId,
    id,
    kind: input.kind,
    number: input.number,
    signed_on: input.signedOn,
    partner_tenant_id: partnerId,
    signatories: JSON.stringify(input.signatories),
  };
  await scope.trx.insertInto('agreements').values(row).execute();
  await recordAudit(scope, {
    action: 'agreement.create',
    entityType: 'agreement',
    entityId: id,
    after: { ...input },
  });
  return id;
}

/** The tenant's agreements, newest first. */
export async function listAgreements(scope: TenantScope) {
  const rows = await scope.trx
    .selectFrom('agreements')
    .leftJoin('tenants', 'tenants.id', 'agreements.partner_tenant_id')
    .select([
      'agreements.id',
      'agreements.kind',
      'agreements.number',
      'agreements.signed_on',
      'agreements.signatories',
      'agreements.document_key',
      'tenants.slug as partner',
    ])
    .where('agreements.tenant_id', '=', scope.tenantId)
    .orderBy('agreements.signed_on', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    number: r.number,
    signedOn: r.signed_on,
    partner: r.partner,
    signatories: r.signatories,
    hasDocument: r.document_key !== null,
  }));
}

/** Proposes the adoption of an app on a channel. */
export async function proposeAdoption(scope: TenantScope, input: ProposeAdoptionInput): Promise<void> {
  const app = await scope.trx.selectFrom('apps').selectAll().where('code', '=', input.app).executeTakeFirst();
  if (!app) throw invalid({ path: '/body/app', code: 'unknown' });
  if (!app.channels.includes(input.channel)) {
    throw invalid({ path: '/body/channel', code: 'channel', params: { channel: input.channel } });
  }
  // An app is adopted from the tenant that built it: naming another origin (oneself, to skip the
  // agreements) is refused.
  const originId = input.origin
    ? await tenantIdBySlug(scope, input.origin, '/body/origin')
    : app.origin_tenant_id;
  if (originId !== app.origin_tenant_id) throw invalid({ path: '/body/origin', code: 'invalid' });
  const existing = await scope.trx
    .selectFrom('adoptions')
    .select('status')
    .where('tenant_id', '=', scope.tenantId)
    .where('app_code', '=', input.app)
    .where('channel', '=', input.channel)
    .executeTakeFirst();
  if (existing) throw new AppError('conflict', { detailKey: 'conflict' });
  await scope.trx
    .insertInto('adoptions')
    .values({
      tenant_id: scope.tenantId,
      app_code: input.app,
      channel: input.channel,
      status: 'proposed',
      origin_tenant_id: originId,
    })
    .execute();
  await scope.trx
    .insertInto('adoption_events')
    .values({
      tenant_id: scope.tenantId,
      id: newId(),
      app_code: input.app,
      channel: input.channel,
      from_status: null,
      to_status: 'proposed',
      note: input.note ?? null,
      actor_user_id: scope.actor.userId,
    })
    .execute();
  await recordAudit(scope, {
    action: 'adoption.propose',
    entityType: 'adoption',
    entityId: `${input.app}/${input.channel}`,
    after: { status: 'proposed', originId },
  });
}

/**
 * Moves an adoption one step along its lifecycle. Signing steps need an agreement of the right kind;
 * going live stamps the local date (in the tenant's time zone) unless `on` gives one, and runs the
 * app's go-live work (`onLive`, see go-live.ts) in the same transaction.
 * Returns whether the set of live apps changed (the caller then reloads the directory).
 */
export async function transitionAdoption(
  scope: TenantScope,
  timeZone: string,
  appCode: string,
  channel: string,
  input: TransitionAdoptionInput,
  onLive?: (appCode: string) => Promise<void>,
): Promise<{ liveChanged: boolean }> {
  const current = await scope.trx
    .selectFrom('adoptions')
    .selectAll()
    .where('tenant_id', '=', scope.tenantId)
    .where('app_code', '=', appCode)
    .where('channel', '=', channel)
    .executeTakeFirst();
  if (!current) throw notFound('adoption');
  if (input.on !== undefined && !isLocalDate(input.on)) throw invalid({ path: '/body/on', code: 'date' });
  const from = current.status as AdoptionStatus;
  // The tenant that built an app needs no agreement with itself: it goes from proposal to onboarding.
  const app = await scope.trx
    .selectFrom('apps')
    .select('origin_tenant_id')
    .where('code', '=', appCode)
    .executeTakeFirstOrThrow();
  const ownApp = app.origin_tenant_id === scope.tenantId && from === 'proposed' && input.to === 'onboarding';
  if (!ownApp && !ADOPTION_TRANSITIONS[from].includes(input.to)) {
    throw new AppError('invalid_transition', { params: { entity: 'adoption', from, to: input.to } });
  }
  const needed = NEEDS_AGREEMENT[input.to];
  let agreementId: string | null = null;
  if (needed) {
    const agreement = input.agreementId
      ? await scope.trx
          .selectFrom('agreements')
          .select(['id', 'kind'])
          .where('tenant_id', '=', scope.tenantId)
          .where('id', '=', input.agreementId)
          .executeTakeFirst()
      : undefined;
    if (!agreement || agreement.kind !== needed) {
      throw invalid({
        path: '/body/agreementId',
        code: 'agreement_missing',
        params: { kind: needed.toUpperCase() },
      });
    }
    agreementId = agreement.id;
  }
  const patch: Record<string, unknown> = { status: input.to, updated_at: new Date() };
  if (input.to === 'mou_signed') patch.mou_id = agreementId;
  if (input.to === 'pks_signed') patch.pks_id = agreementId;
  if (input.to === 'live' && !current.live_since)
    patch.live_since = input.on ?? localDateOf(new Date(), timeZone);
  await scope.trx
    .updateTable('adoptions')
    .set(patch)
    .where('tenant_id', '=', scope.tenantId)
    .where('app_code', '=', appCode)
    .where('channel', '=', channel)
    .execute();
  await scope.trx
    .insertInto('adoption_events')
    .values({
      tenant_id: scope.tenantId,
      id: newId(),
      app_code: appCode,
      channel,
      from_status: from,
      to_status: input.to,
      agreement_id: agreementId,
      note: input.note ?? null,
      actor_user_id: scope.actor.userId,
      // A back-dated step is stamped 09:00 on that day in the tenant's own time zone.
      ...(input.on ? { at: localInstant(input.on, '09:00', timeZone) } : {}),
    })
    .execute();
  await recordAudit(scope, {
    action: 'adoption.transition',
    entityType: 'adoption',
    entityId: `${appCode}/${channel}`,
    before: { status: from },
    after: { status: input.to, agreementId, note: input.note ?? null },
  });
  if (input.to === 'live') await onLive?.(appCode);
  await emitEvent(scope, {
    type: 'adoption.changed',
    entityType: 'adoption',
    entityId: `${appCode}/${channel}`,
    data: { from, to: input.to },
  });
  return { liveChanged: from === 'live' || input.to === 'live' };
}

/** The tenant's adoptions with their history. */
export async function listAdoptions(scope: TenantScope) {
  const rows = await scope.trx
    .selectFrom('adoptions')
    .leftJoin('tenants', 'tenants.id', 'adoptions.origin_tenant_id')
    .select(['app_code', 'channel', 'status', 'live_since', 'mou_id', 'pks_id', 'tenants.slug as origin'])
    .where('adoptions.tenant_id', '=', scope.tenantId)
    .orderBy('app_code')
    .orderBy('channel')
    .execute();
  const events = await scope.trx
    .selectFrom('adoption_events')
    .selectAll()
    .where('tenant_id', '=', scope.tenantId)
    // Ids are time-ordered at insertion; `at` may be a back-dated step of an old agreement.
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    app: r.app_code,
    channel: r.channel,
    status: r.status,
    since: r.live_since,
    origin: r.origin,
    mouId: r.mou_id,
    pksId: r.pks_id,
    history: events
      .filter((e) => e.app_code === r.app_code && e.channel === r.channel)
      .map((e) => ({
        from: e.from_status,
        to: e.to_status,
        at: e.at.toISOString(),
        agreementId: e.agreement_id,
        note: e.note,
      })),
  }));
}

const AGREEMENT_DOCUMENT = { maxBytes: 10 * 1024 * 1024, allowed: ['application/pdf'] } as const;

/**
 * Checks a signed agreement document (a PDF, by content) and stores it, outside any transaction so
 * that a slow disk or object store holds no database connection. Returns the new file's key.
 */
export async function storeAgreementDocument(storage: FileStorage, tenantId: string, bytes: Uint8Array) {
  const checked = await inspectUpload(bytes, AGREEMENT_DOCUMENT);
  if (!checked.ok) {
    if (checked.reason === 'too_large') throw new AppError('payload_too_large');
    throw new AppError('unsupported_media_type');
  }
  const key = newFileKey(tenantId, checked.ext);
  await storage.put(key, bytes, checked.mime);
  return key;
}

/** Whether the agreement exists in the scope's tenant (checked before a document is stored). */
export async function agreementExists(scope: TenantScope, agreementId: string): Promise<boolean> {
  const row = await scope.trx
    .selectFrom('agreements')
    .select('id')
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', agreementId)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Links a stored document to its agreement. The file is written before the row: if this fails, an
 * unlinked file remains, never a dangling link.
 */
export async function linkAgreementDocument(
  scope: TenantScope,
  agreementId: string,
  key: string,
  size: number,
) {
  const agreement = await scope.trx
    .selectFrom('agreements')
    .select(['id', 'document_key'])
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', agreementId)
    .forUpdate()
    .executeTakeFirst();
  if (!agreement) throw notFound('agreement');
  await scope.trx
    .updateTable('agreements')
    .set({ document_key: key })
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', agreementId)
    .execute();
  await recordAudit(scope, {
    action: 'agreement.document',
    entityType: 'agreement',
    entityId: agreementId,
    before: { documentKey: agreement.document_key },
    after: { documentKey: key, bytes: size },
  });
}

/** The signed document of an agreement, or a 404. */
export async function agreementDocument(scope: TenantScope, storage: FileStorage, agreementId: string) {
  const row = await scope.trx
    .selectFrom('agreements')
    .select(['document_key', 'number'])
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', agreementId)
    .executeTakeFirst();
  const file = row?.document_key ? await storage.get(row.document_key) : null;
  if (!row || !file) throw notFound('agreement');
  return { ...file, number: row.number };
}
