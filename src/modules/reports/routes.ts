/** Routes of the reports app: thin — validate, establish who acts, call the service, shape the answer. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { Value } from 'typebox/value';
import { localDateOf } from '../../platform/calendar/working-days.ts';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { actorOf, requirePrincipal } from '../../platform/http/auth-hooks.ts';
import { translator } from '../../platform/i18n/index.ts';
import type { Principal } from '../../platform/people/auth.ts';
import type { Platform } from '../../platform/platform.ts';
import { validate } from '../../platform/validate.ts';
import { type Action, RULES } from './lifecycle.ts';
import { PERM } from './permissions.ts';
import { readForm, removePhotos, type StoredPhoto, storePhotos } from './photos.ts';
import {
  ActionParams,
  AgencyStats,
  Category,
  CategoryInput,
  type CategoryInputType,
  Filed,
  Filters,
  type FiltersInput,
  Messaging,
  type MessagingInput,
  NewReport,
  type NewReportInput,
  Rating,
  type RatingInput,
  ReportDetail,
  ReportPage,
  Settings,
  SettingsInput,
  type SettingsInputType,
  Similar,
  Summary,
  Transition,
  type TransitionInput,
} from './schemas.ts';
import type { Who } from './services/access.ts';
import { addInformation, addProgress, rateReport } from './services/additions.ts';
import { agencyTree, officersFor } from './services/agencies.ts';
import { REPORTS_TAG } from './services/cache-tags.ts';
import { loadConfig } from './services/config.ts';
import { getReport, photoOf } from './services/detail.ts';
import { type FiledReport, fileReport, type Intake } from './services/intake.ts';
import { listReports } from './services/lists.ts';
import { parseMessage } from './services/messaging.ts';
import { categoryView, putCategory, updateSettings } from './services/settings.ts';
import { similarReports } from './services/similar.ts';
import { agencyStats, summary } from './services/statistics.ts';
import { transition } from './services/transitions.ts';

const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const PhotoParams = Type.Object({
  id: Type.String({ maxLength: 64 }),
  photoId: Type.String({ maxLength: 64 }),
});
const SECRET_HEADER = 'x-report-secret';

function secretOf(request: FastifyRequest, bodySecret?: string): string | undefined {
  const header = request.headers[SECRET_HEADER];
  return typeof header === 'string' ? header : bodySecret;
}

function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const key = request.headers['idempotency-key'];
  if (key === undefined) return undefined;
  if (typeof key !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(key)) {
    throw invalid({ path: '/headers/idempotency-key', code: 'pattern' });
  }
  return key;
}

/** The agencies (with their sub-agencies) in which the principal holds `permission`; null = all. */
async function agenciesWith(
  platform: Platform,
  scope: TenantScope,
  principal: Principal,
  permission: string,
): Promise<string[] | null> {
  if (platform.permissions.allows(principal.grants, permission)) return null;
  if (!platform.permissions.allowsSomewhere(principal.grants, permission)) return [];
  const { ids, paths } = await agencyTree(platform, scope);
  return ids.filter((id) => platform.permissions.allows(principal.grants, permission, paths(id) ?? []));
}

/** Every role in which the caller may act on reports. */
async function whoAll(
  platform: Platform,
  scope: TenantScope,
  request: FastifyRequest,
  secret?: string,
): Promise<Who[]> {
  const p = request.principal;
  const out: Who[] = [{ role: 'reporter', userId: p?.user.id ?? null, secret }];
  if (!p) return out;
  if (platform.permissions.allows(p.grants, PERM.triage)) out.push({ role: 'operator', userId: p.user.id });
  if (platform.permissions.allowsSomewhere(p.grants, PERM.followUp)) {
    const { paths } = await agencyTree(platform, scope);
    out.push({
      role: 'agency',
      userId: p.user.id,
      mayActFor: (agencyId) => platform.permissions.allows(p.grants, PERM.followUp, paths(agencyId) ?? []),
    });
  }
  return out;
}

function filedView(f: FiledReport) {
  return {
    id: f.id,
    trackingNo: f.trackingNo,
    status: f.status,
    dueAt: f.dueAt?.toISOString() ?? null,
    ...(f.secret ? { secret: f.secret } : {}),
  };
}

/** Stores the photos, runs `fn`, and removes them again when it fails (or replays an earlier filing). */
export async function withPhotos<T extends { replayed?: boolean }>(
  platform: Platform,
  tenantId: string,
  files: readonly Buffer[],
  fn: (photos: StoredPhoto[]) => Promise<T>,
): Promise<T> {
  const photos = await storePhotos(platform.files, tenantId, files);
  try {
    const result = await fn(photos);
    if (result.replayed) await removePhotos(platform.files, photos);
    return result;
  } catch (error) {
    await removePhotos(platform.files, photos);
    throw error;
  }
}

/** A multipart form's fields: an empty field was not given, and numbers arrive as text. */
export function formToReport(fields: Record<string, string>): NewReportInput {
  const value: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) if (k !== '_csrf' && v.trim() !== '') value[k] = v;
  for (const k of ['lat', 'lng']) {
    if (typeof value[k] === 'string') value[k] = Number(value[k]);
  }
  return validate(NewReport, Value.Clean(NewReport, value) ?? value);
}

export function reportRoutes(app: FastifyInstance, platform: Platform) {
  const tags = ['reports'];

  app.get<{ Querystring: FiltersInput }>(
    '/api/v1/reports',
    {
      schema: {
        tags,
        summary: 'Public list of reports (reporter identity never shown), with full-text search',
        querystring: Filters,
        response: { 200: ReportPage },
      },
    },
    async (request) => {
      const tenant = request.tenant!;
      const key = `list:${request.lang}:${JSON.stringify(request.query)}`;
      return platform.cache.get(tenant.id, REPORTS_TAG, key, () =>
        platform.inTenant(tenant.id, actorOf(request), (scope) =>
          listReports(platform, scope, tenant, request.query, request.lang),
        ),
      );
    },
  );

  app.get<{ Querystring: FiltersInput }>(
    '/api/v1/reports/geojson',
    {
      schema: {
        tags,
        summary: 'Public reports as a GeoJSON FeatureCollection (reports with a map location)',
        querystring: Filters,
      },
    },
    async (request, reply) => {
      const tenant = request.tenant!;
      const key = `geojson:${request.lang}:${JSON.stringify(request.query)}`;
      const body = await platform.cache.get(tenant.id, REPORTS_TAG, key, async () => {
        const page = await platform.inTenant(tenant.id, actorOf(request), (scope) =>
          listReports(
            platform,
            scope,
            tenant,
            { ...request.query, limit: request.query.limit },
            request.lang,
          ),
        );
        return {
          type: 'FeatureCollection',
          features: page.items
            .filter((r) => r.lat !== null && r.lng !== null)
            .map((r) => ({
              type: 'Feature',
              id: r.id,
              geometry: { type: 'Point', coordinates: [r.lng, r.lat] },
              properties: {
                trackingNo: r.trackingNo,
                category: r.category.name,
                status: r.status,
                overdue: r.overdue,
                createdAt: r.createdAt,
              },
            })),
        };
      });
      return reply.type('application/geo+json').send(body);
    },
  );

  app.get(
    '/api/v1/reports/categories',
    { schema: { tags, summary: 'Report categories of the tenant', response: { 200: Type.Array(Category) } } },
    async (request) => {
      const tenant = request.tenant!;
      const config = await platform.inTenant(tenant.id, actorOf(request), (scope) =>
        loadConfig(platform, scope),
      );
      return [...config.categories.values()].filter((c) => c.active).map(categoryView);
    },
  );

  app.get<{ Querystring: { from?: string; to?: string } }>(
    '/api/v1/reports/stats/agencies',
    {
      schema: {
        tags,
        summary: 'Per-agency responsiveness: median working days to follow-up and share on time',
        querystring: Type.Object(
          {
            from: Type.Optional(Type.String({ format: 'date' })),
            to: Type.Optional(Type.String({ format: 'date' })),
            lang: Type.Optional(Type.String()),
          },
          { additionalProperties: false },
        ),
        response: { 200: AgencyStats },
      },
    },
    async (request) => {
      const tenant = request.tenant!;
      // Days are the tenant's: after 17:00 UTC it is already tomorrow in WIB.
      const now = new Date();
      const to = request.query.to ?? localDateOf(now, tenant.timeZone);
      const from =
        request.query.from ?? localDateOf(new Date(now.getTime() - 90 * 86_400_000), tenant.timeZone);
      if (from > to) throw invalid({ path: '/querystring/from', code: 'date_order' });
      return platform.cache.get(tenant.id, REPORTS_TAG, `stats:${from}:${to}`, () =>
        platform.inTenant(tenant.id, actorOf(request), (scope) =>
          agencyStats(platform, scope, tenant, { from, to }),
        ),
      );
    },
  );

  app.get(
    '/api/v1/reports/stats/summary',
    {
      schema: {
        tags,
        summary: 'Counts by status and category, overdue per agency',
        response: { 200: Summary },
      },
    },
    async (request) => {
      const tenant = request.tenant!;
      return platform.cache.get(tenant.id, REPORTS_TAG, 'summary', () =>
        platform.inTenant(tenant.id, actorOf(request), (scope) => summary(platform, scope)),
      );
    },
  );

  app.post<{ Body: NewReportInput }>(
    '/api/v1/reports',
    {
      schema: {
        tags,
        summary: 'File a report (JSON, or multipart with up to 5 `photo` files); honours Idempotency-Key',
        // A multipart form is read and validated by the handler (its numbers arrive as text).
        body: {
          content: {
            'application/json': { schema: NewReport },
            'multipart/form-data': { schema: { description: 'The fields of NewReport, and `photo` files' } },
          },
        },
        response: { 201: Filed },
      },
      config: { auth: 'optional', rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const tenant = request.tenant!;
      const idempotencyKey = idempotencyKeyOf(request);
      let input: NewReportInput;
      let files: Buffer[] = [];
      if (request.isMultipart()) {
        const form = await readForm(request);
        input = formToReport(form.fields);
        files = form.files;
      } else {
        input = request.body;
      }
      const intake: Omit<Intake, 'photos'> = {
        channel: 'web',
        reporterUserId: request.principal?.user.id ?? null,
        idempotencyKey,
      };
      const filed = await withPhotos(platform, tenant.id, files, (photos) =>
        platform.inTenant(tenant.id, actorOf(request), (scope) =>
          fileReport(platform, scope, tenant, input, { ...intake, photos }),
        ),
      );
      if (filed.replayed) reply.header('idempotent-replayed', 'true');
      reply.header('location', `/t/${tenant.slug}/api/v1/reports/${filed.trackingNo}`);
      return reply.status(201).send(filedView(filed));
    },
  );

  app.post<{ Body: MessagingInput }>(
    '/api/v1/reports/inbound/messaging',
    {
      schema: {
        tags,
        summary: 'Inbound webhook of a messaging provider: one message becomes one report',
        body: Messaging,
        response: { 201: Type.Object({ trackingNo: Type.String(), reply: Type.String() }) },
      },
      config: { permission: PERM.intake },
    },
    async (request, reply) => {
      const tenant = request.tenant!;
      const filed = await platform.inTenant(tenant.id, actorOf(request), async (scope) => {
        const { categories } = await loadConfig(platform, scope);
        const { input } = parseMessage(request.body, categories);
        return fileReport(platform, scope, tenant, input, {
          channel: 'messaging',
          reporterUserId: null,
          idempotencyKey: `messaging:${request.body.messageId}`,
          photos: [],
        });
      });
      const t = translator(tenant.defaultLanguage);
      const url = `/t/${tenant.slug}/api/v1/reports/${filed.trackingNo}`;
      return reply.status(201).send({
        trackingNo: filed.trackingNo,
        reply: t('reports.messaging.reply', { trackingNo: filed.trackingNo, url }),
      });
    },
  );

  app.get<{ Querystring: FiltersInput }>(
    '/api/v1/reports/inbox',
    {
      schema: {
        tags,
        summary: 'Staff work list: every report of the tenant, or of the caller’s agencies',
        querystring: Filters,
        response: { 200: ReportPage },
      },
      config: { permission: PERM.read, agencyScoped: true },
    },
    async (request) => {
      const tenant = request.tenant!;
      const principal = requirePrincipal(request);
      return platform.inTenant(tenant.id, actorOf(request), async (scope) => {
        const agencies = await agenciesWith(platform, scope, principal, PERM.read);
        return listReports(platform, scope, tenant, request.query, request.lang, {
          staffAgencies: agencies,
          includePrivate: true,
        });
      });
    },
  );

  app.get<{ Querystring: { agency: string } }>(
    '/api/v1/reports/officers',
    {
      schema: {
        tags,
        summary: 'Staff who may follow up an agency’s reports: the officers to assign one to',
        querystring: Type.Object(
          { agency: Type.String({ format: 'uuid' }), lang: Type.Optional(Type.String()) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })) }),
        },
      },
      config: { permission: PERM.read, agencyScoped: true },
    },
    async (request) => {
      const tenant = request.tenant!;
      const principal = requirePrincipal(request);
      return platform.inTenant(tenant.id, actorOf(request), async (scope) => {
        // Operators assign anywhere; agency staff only within their own agencies.
        if (!platform.permissions.allows(principal.grants, PERM.triage)) {
          const { paths } = await agencyTree(platform, scope);
          const path = paths(request.query.agency);
          if (!path || !platform.permissions.allows(principal.grants, PERM.followUp, path))
            throw new AppError('forbidden');
        }
        return { items: await officersFor(platform, scope, request.query.agency, PERM.followUp) };
      });
    },
  );

  app.get<{ Querystring: FiltersInput }>(
    '/api/v1/reports/mine',
    {
      schema: {
        tags,
        summary: 'The signed-in citizen’s own reports',
        querystring: Filters,
        response: { 200: ReportPage },
      },
      config: { auth: 'required' },
    },
    async (request) => {
      const tenant = request.tenant!;
      const principal = requirePrincipal(request);
      return platform.inTenant(tenant.id, actorOf(request), (scope) =>
        listReports(platform, scope, tenant, request.query, request.lang, {
          includePrivate: true,
          reporterUserId: principal.user.id,
        }),
      );
    },
  );

  app.get(
    '/api/v1/reports/settings',
    {
      schema: { tags, summary: 'The app’s settings for the tenant', response: { 200: Settings } },
      config: { permission: PERM.settings },
    },
    async (request) => {
      const tenant = request.tenant!;
      const { settings } = await platform.inTenant(tenant.id, actorOf(request), (scope) =>
        loadConfig(platform, scope),
      );
      return settings;
    },
  );

  app.patch<{ Body: SettingsInputType }>(
    '/api/v1/reports/settings',
    {
      schema: {
        tags,
        summary: 'Change deadlines, duplicate window, minimum sample, display name',
        body: SettingsInput,
        response: { 200: Settings },
      },
      config: { permission: PERM.settings },
    },
    async (request) => {
      const tenant = request.tenant!;
      await platform.inTenant(tenant.id, actorOf(request), (scope) => updateSettings(scope, request.body));
      const { settings } = await platform.inTenant(tenant.id, actorOf(request), (scope) =>
        loadConfig(platform, scope),
      );
      return settings;
    },
  );

  app.put<{ Params: { code: string }; Body: CategoryInputType }>(
    '/api/v1/reports/categories/:code',
    {
      schema: {
        tags,
        summary: 'Create or change a category (name, default agency, deadline overrides)',
        params: Type.Object({ code: Type.String({ maxLength: 40 }) }),
        body: CategoryInput,
        response: { 200: Category },
      },
      config: { permission: PERM.settings },
    },
    async (request) => {
      const tenant = request.tenant!;
      await platform.inTenant(tenant.id, actorOf(request), (scope) =>
        putCategory(scope, request.params.code, request.body),
      );
      const config = await platform.inTenant(tenant.id, actorOf(request), (scope) =>
        loadConfig(platform, scope),
      );
      return categoryView(config.categories.get(request.params.code)!);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/reports/:id',
    {
      schema: {
        tags,
        summary: 'One report with its history, by id or tracking number',
        params: IdParams,
        response: { 200: ReportDetail },
      },
      config: { auth: 'optional' },
    },
    async (request) => {
      const tenant = request.tenant!;
      const secret = secretOf(request);
      return platform.inTenant(tenant.id, actorOf(request), async (scope) => {
        const who = await whoAll(platform, scope, request, secret);
        const readers = request.principal
          ? await agenciesWith(platform, scope, request.principal, PERM.read)
          : [];
        const { detail } = await getReport(
          platform,
          scope,
          tenant,
          request.params.id,
          request.lang,
          who,
          (agencyId) => (readers === null ? true : agencyId !== null && readers.includes(agencyId)),
        );
        return detail;
      });
    },
  );

  app.get<{ Params: { id: string; photoId: string } }>(
    '/api/v1/reports/:id/photos/:photoId',
    {
      schema: { tags, summary: 'A photo of a report (location metadata removed)', params: PhotoParams },
      config: { auth: 'optional' },
    },
    async (request, reply) => {
      const tenant = request.tenant!;
      const staff = request.principal
        ? platform.permissions.allowsSomewhere(request.principal.grants, PERM.read)
        : false;
      const photo = await platform.inTenant(tenant.id, actorOf(request), (scope) =>
        photoOf(platform, scope, request.params.id, request.params.photoId, staff),
      );
      reply.header('cache-control', staff ? 'private, max-age=300' : 'public, max-age=86400');
      reply.header('x-content-type-options', 'nosniff');
      return reply.type(photo.mime).send(Buffer.from(photo.body));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/reports/:id/similar',
    {
      schema: {
        tags,
        summary: 'Possible duplicates: same category, nearby, within the time window',
        params: IdParams,
        response: { 200: Similar },
      },
      config: { permission: PERM.triage },
    },
    async (request) => {
      const tenant = request.tenant!;
      return platform.inTenant(tenant.id, actorOf(request), (scope) =>
        similarReports(platform, scope, request.params.id),
      );
    },
  );

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

  app.post<{ Params: { id: string } }>(
    '/api/v1/reports/:id/progress',
    {
      schema: {
        tags,
        summary: 'Officer’s progress note with proof photos (multipart: note, kind[], photo[])',
        params: IdParams,
        consumes: ['multipart/form-data', 'application/json'],
        response: { 204: Type.Null() },
      },
      config: { permission: PERM.followUp, agencyScoped: true },
    },
    async (request, reply) => {
      const tenant = request.tenant!;
      const form = request.isMultipart()
        ? await readForm(request)
        : { fields: (request.body ?? {}) as Record<string, string>, files: [] };
      const note = typeof form.fields.note === 'string' ? form.fields.note.trim() : '';
      if (note.length < 1 || note.length > 4000) throw invalid({ path: '/body/note', code: 'required' });
      const kinds = String(form.fields.kind ?? '')
        .split(',')
        .filter(Boolean);
      if (kinds.some((k) => k !== 'before' && k !== 'after' && k !== 'progress')) {
        throw invalid({ path: '/body/kind', code: 'enum', params: { allowed: 'before, after, progress' } });
      }
      await withPhotos(platform, tenant.id, form.files, async (photos) => {
        await platform.inTenant(tenant.id, actorOf(request), async (scope) => {
          const who = (await whoAll(platform, scope, request)).find((w) => w.role === 'agency');
          if (!who) throw new AppError('forbidden');
          await addProgress(
            platform,
            scope,
            tenant,
            request.params.id,
            { note, kinds: kinds as never },
            photos,
            who,
          );
        });
        return {};
      });
      return reply.status(204).send();
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/v1/reports/:id/info',
    {
      schema: {
        tags,
        summary: 'The reporter adds information (JSON {note, secret} or multipart with photos)',
        params: IdParams,
        consumes: ['multipart/form-data', 'application/json'],
        response: { 204: Type.Null() },
      },
      config: { auth: 'optional' },
    },
    async (request, reply) => {
      const tenant = request.tenant!;
      const form = request.isMultipart()
        ? await readForm(request)
        : { fields: (request.body ?? {}) as Record<string, string>, files: [] };
      const note = typeof form.fields.note === 'string' ? form.fields.note.trim() : '';
      if (note.length < 1 || note.length > 4000) throw invalid({ path: '/body/note', code: 'required' });
      const secret = secretOf(
        request,
        typeof form.fields.secret === 'string' ? form.fields.secret : undefined,
      );
      await withPhotos(platform, tenant.id, form.files, async (photos) => {
        await platform.inTenant(tenant.id, actorOf(request), (scope) =>
          addInformation(platform, scope, tenant, request.params.id, note, photos, {
            role: 'reporter',
            userId: request.principal?.user.id ?? null,
            secret,
          }),
        );
        return {};
      });
      return reply.status(204).send();
    },
  );

  app.post<{ Params: { id: string }; Body: RatingInput }>(
    '/api/v1/reports/:id/rating',
    {
      schema: {
        tags,
        summary: 'The reporter rates the resolution (1–5)',
        params: IdParams,
        body: Rating,
        response: { 204: Type.Null() },
      },
      config: { auth: 'optional' },
    },
    async (request, reply) => {
      const tenant = request.tenant!;
      await platform.inTenant(tenant.id, actorOf(request), (scope) =>
        rateReport(scope, request.params.id, request.body.rating, request.body.comment, {
          role: 'reporter',
          userId: request.principal?.user.id ?? null,
          secret: secretOf(request, request.body.secret),
        }),
      );
      return reply.status(204).send();
    },
  );
}
