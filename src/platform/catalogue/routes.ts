/** Routes of the catalogue, the adoption network, agreements and a tenant's adoptions. */

import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../errors.ts';
import { fileAnswer, noContent } from '../http/answers.ts';
import { actorOf } from '../http/auth-hooks.ts';
import { requireUuid } from '../http/params.ts';
import { readUpload } from '../http/uploads.ts';
import type { Platform } from '../platform.ts';
import { onLiveFor, takeLive } from './go-live.ts';
import {
  AdoptionView,
  AgreementView,
  AppView,
  ChannelName,
  CreateAgreement,
  type CreateAgreementInput,
  NetworkRow,
  ProposeAdoption,
  type ProposeAdoptionInput,
  StatusName,
  TakeLive,
  type TakeLiveInput,
  TransitionAdoption,
  type TransitionAdoptionInput,
} from './schemas.ts';
import {
  agreementDocument,
  agreementExists,
  createAgreement,
  linkAgreementDocument,
  listAdoptions,
  listAgreements,
  listCatalogue,
  listNetworkAcrossTenants,
  proposeAdoption,
  storeAgreementDocument,
  transitionAdoption,
} from './service.ts';

export function catalogueRootRoutes(app: FastifyInstance, platform: Platform) {
  app.get(
    '/api/v1/catalogue/apps',
    {
      schema: {
        tags: ['catalogue'],
        description:
          'Every app installed on this Balai, with its category and channels. Which tenant has taken which app live is in `GET /api/v1/network`. Public.',
        summary: 'The app catalogue',
        response: { 200: Type.Object({ items: Type.Array(AppView) }) },
      },
    },
    async () => ({ items: await listCatalogue(platform.database.db) }),
  );

  app.get<{ Querystring: { app?: string; status?: string } }>(
    '/api/v1/network',
    {
      schema: {
        tags: ['catalogue'],
        description:
          'The adoption network across tenants: for each app, the tenants where it is live, since when, and the tenant they took it from (replication). Public.',
        summary: 'Which tenants adopted which apps, when, and from whom',
        querystring: Type.Object({
          app: Type.Optional(Type.String({ pattern: '^[a-z0-9-]{2,40}$' })),
          status: Type.Optional(StatusName),
          lang: Type.Optional(Type.String()),
        }),
        response: { 200: Type.Object({ items: Type.Array(NetworkRow) }) },
      },
    },
    async (request) => ({ items: await listNetworkAcrossTenants(platform.database.db, request.query) }),
  );
}

const AdoptionParams = Type.Object({
  app: Type.String({ pattern: '^[a-z0-9-]{2,40}$' }),
  channel: ChannelName,
});

export function catalogueTenantRoutes(app: FastifyInstance, platform: Platform) {
  app.get(
    '/api/v1/adoptions',
    {
      schema: {
        tags: ['catalogue'],
        description:
          'Every app the tenant adopted or proposed, per channel, with its current state and each step it took (who, when, under which agreement).',
        summary: 'This tenant’s adoptions and their history',
        response: { 200: Type.Object({ items: Type.Array(AdoptionView) }) },
      },
    },
    async (request) => ({
      items: await platform.inTenantRead(request.tenant!.id, actorOf(request), listAdoptions),
    }),
  );

  app.post<{ Body: ProposeAdoptionInput }>(
    '/api/v1/adoptions',
    {
      schema: {
        tags: ['catalogue'],
        description:
          'Starts the adoption of a catalogue app on a channel (web, android, webservice) at the state `proposed`. Next steps go through the transitions route.',
        summary: 'Propose adopting an app on a channel',
        response: {
          201: Type.Object(
            { app: Type.String(), channel: Type.String(), status: Type.Literal('proposed') },
            {
              description: 'The adoption, proposed',
              examples: [{ app: 'reports', channel: 'web', status: 'proposed' }],
            },
          ),
        },
        body: ProposeAdoption,
      },
      config: { permission: 'platform.adoption.manage' },
    },
    async (request, reply) => {
      await platform.inTenant(request.tenant!.id, actorOf(request), (scope) =>
        proposeAdoption(scope, request.body),
      );
      return reply
        .status(201)
        .send({ app: request.body.app, channel: request.body.channel, status: 'proposed' });
    },
  );

  app.post<{
    Params: { app: string; channel: 'web' | 'android' | 'webservice' };
    Body: TransitionAdoptionInput;
  }>(
    '/api/v1/adoptions/:app/:channel/transitions',
    {
      schema: {
        tags: ['catalogue'],
        description:
          'Moves an adoption to its next state: proposed, mou_signed, pks_signed, onboarding, live, and between live and suspended. Signing states name the agreement; any other step answers 409.',
        summary: 'Move an adoption one step along its lifecycle',
        response: {
          200: Type.Object(
            { app: Type.String(), channel: Type.String(), status: Type.String() },
            {
              description: 'The adoption in its new state',
              examples: [{ app: 'reports', channel: 'web', status: 'mou_signed' }],
            },
          ),
        },
        params: AdoptionParams,
        body: TransitionAdoption,
      },
      config: { permission: 'platform.adoption.manage' },
    },
    async (request) => {
      const tenant = request.tenant!;
      const { liveChanged } = await platform.inTenant(tenant.id, actorOf(request), (scope) =>
        transitionAdoption(
          scope,
          tenant.timeZone,
          request.params.app,
          request.params.channel,
          request.body,
          onLiveFor(platform, scope, tenant),
        ),
      );
      if (liveChanged) await platform.directoryChanged();
      return { app: request.params.app, channel: request.params.channel, status: request.body.to };
    },
  );

  app.post<{ Params: { app: string; channel: 'web' | 'android' | 'webservice' }; Body: TakeLiveInput }>(
    '/api/v1/adoptions/:app/:channel/go-live',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Take an app live in one go, through every agreed state',
        description:
          'Proposes the adoption when there is none, then makes each next step up to `live` ' +
          '(proposed → mou_signed → pks_signed → onboarding → live; the tenant’s own app skips the ' +
          'agreements), each checked and audited as a single transition. `mouId` and `pksId` name ' +
          'the agreements of the signing steps; a suspended adoption goes back live. All steps or ' +
          'none: a refused step (400 on `mouId` or `pksId` when its agreement is missing or of the ' +
          'other kind, 400 on `app` or `channel` for an app not in the catalogue or not on that ' +
          'channel) leaves the adoption as it was. An app live already answers with no steps.',
        params: AdoptionParams,
        body: TakeLive,
        response: {
          200: Type.Object(
            {
              app: Type.String(),
              channel: Type.String(),
              status: Type.Literal('live'),
              steps: Type.Array(StatusName, { description: 'The states gone through, in order' }),
            },
            {
              examples: [
                {
                  app: 'reports',
                  channel: 'web',
                  status: 'live',
                  steps: ['proposed', 'mou_signed', 'pks_signed', 'onboarding', 'live'],
                },
              ],
            },
          ),
        },
      },
      config: { permission: 'platform.adoption.manage' },
    },
    async (request) => {
      const tenant = request.tenant!;
      const { steps, liveChanged } = await platform.inTenant(tenant.id, actorOf(request), (scope) =>
        takeLive(
          scope,
          tenant,
          { app: request.params.app, channel: request.params.channel, ...request.body },
          onLiveFor(platform, scope, tenant),
        ),
      );
      if (liveChanged) await platform.directoryChanged();
      return { app: request.params.app, channel: request.params.channel, status: 'live' as const, steps };
    },
  );

  app.get(
    '/api/v1/agreements',
    {
      schema: {
        tags: ['catalogue'],
        description:
          'The tenant’s signed agreements (memorandum of understanding, technical agreement) with their parties, dates and whether a PDF is attached.',
        summary: 'MoU and PKS records',
        response: { 200: Type.Object({ items: Type.Array(AgreementView) }) },
      },
      config: { permission: 'platform.adoption.manage' },
    },
    async (request) => ({
      items: await platform.inTenantRead(request.tenant!.id, actorOf(request), listAgreements),
    }),
  );

  app.post<{ Body: CreateAgreementInput }>(
    '/api/v1/agreements',
    {
      schema: {
        tags: ['catalogue'],
        description:
          'Records an agreement: its kind, number, parties and signing date. The signed PDF is uploaded with `PUT /api/v1/agreements/{id}/document`.',
        summary: 'Record a signed MoU or PKS',
        body: CreateAgreement,
        response: {
          201: Type.Object(
            { id: Type.String() },
            { examples: [{ id: '01939c02-8e4b-7a31-b6d5-0f2a9c7e1b44' }] },
          ),
        },
      },
      config: { permission: 'platform.adoption.manage' },
    },
    async (request, reply) => {
      const id = await platform.inTenant(request.tenant!.id, actorOf(request), (scope) =>
        createAgreement(scope, request.body),
      );
      return reply.status(201).send({ id });
    },
  );

  app.put<{ Params: { id: string } }>(
    '/api/v1/agreements/:id/document',
    {
      schema: {
        tags: ['catalogue'],
        description:
          'Stores the signed PDF of an agreement, replacing any earlier one. Only a PDF is accepted (checked by its content, not its name).',
        summary: 'Upload the signed agreement (PDF, multipart field "file", at most 10 MB)',
        response: { 204: noContent('The document is stored') },
        consumes: ['multipart/form-data'],
        params: Type.Object({ id: Type.String() }),
      },
      config: { permission: 'platform.adoption.manage' },
    },
    async (request, reply) => {
      const id = requireUuid(request.params.id, 'agreement');
      const bytes = await readUpload(request, 'file');
      const tenantId = request.tenant!.id;
      const actor = actorOf(request);
      if (!(await platform.inTenant(tenantId, actor, (scope) => agreementExists(scope, id)))) {
        throw new AppError('not_found', { params: { entity: 'agreement' } });
      }
      const key = await storeAgreementDocument(platform.files, tenantId, bytes);
      await platform.inTenant(tenantId, actor, (scope) =>
        linkAgreementDocument(scope, id, key, bytes.byteLength),
      );
      return reply.status(204).send();
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/agreements/:id/document',
    {
      schema: {
        tags: ['catalogue'],
        description: 'The agreement’s signed PDF, as it was uploaded.',
        summary: 'Download the signed agreement',
        response: { 200: fileAnswer('The signed agreement', ['application/pdf']) },
        params: Type.Object({ id: Type.String() }),
      },
      config: { permission: 'platform.adoption.manage' },
    },
    async (request, reply) => {
      const id = requireUuid(request.params.id, 'agreement');
      const doc = await platform.inTenantRead(request.tenant!.id, actorOf(request), (scope) =>
        agreementDocument(scope, platform.files, id),
      );
      const name = doc.number.replace(/[^A-Za-z0-9._-]+/g, '_');
      reply.header('content-disposition', `attachment; filename="${name}.pdf"`);
      reply.header('x-content-type-options', 'nosniff');
      return reply.type(doc.contentType).send(Buffer.from(doc.body));
    },
  );
}
