/** Datasets for their producers (agency-scoped) and their review by the walidata. */
import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import { agencyAccess, type Platform } from '../../../platform/sdk/index.ts';
import { PERM } from '../permissions.ts';
import {
  Dataset,
  DatasetInput,
  type DatasetInputType,
  DatasetQuery,
  type DatasetQueryType,
  Datasets,
  DatasetUpdate,
  type DatasetUpdateType,
  IdParams,
  OptionalNote,
  ReviewNote,
} from '../schemas.ts';
import { changeDataset, createDataset, datasetOf, datasetsOf } from '../services/datasets.ts';
import { publishDataset, returnDataset, submitDataset, unpublishDataset } from '../services/review.ts';
import { BASE, inTenantAs, tags } from './api.ts';

type Id = { Params: Static<typeof IdParams> };

export function datasetRoutes(app: FastifyInstance, platform: Platform) {
  const act = inTenantAs(platform);
  const write = { permission: PERM.write, agencyScoped: true };
  const review = { permission: PERM.review };

  app.get<{ Querystring: DatasetQueryType }>(
    `${BASE}/datasets`,
    {
      schema: {
        tags,
        summary: 'The datasets a producer may work on',
        description:
          'Datasets of the agencies the caller writes for (every agency, and the region’s own fed datasets, for a tenant-wide grant), newest change first, in any state; `state` narrows to one (the walidata’s queue is `state=submitted`).',
        querystring: DatasetQuery,
        response: { 200: Datasets },
      },
      config: write,
    },
    (request) => act(request, (scope, access, base) => datasetsOf(scope, request.query, access, base)),
  );

  app.post<{ Body: DatasetInputType }>(
    `${BASE}/datasets`,
    {
      schema: {
        tags,
        summary: 'Create a dataset (a draft)',
        description:
          'A new draft dataset of an agency the caller writes for, with Satu Data Indonesia’s metadata (affair codes, indicator, unit, definition, release schedule, data standard, classification) and DCAT’s (themes, keywords, licence from `license_list`, temporal and spatial coverage, frequency, contact). `name` is its address, unique in the region.',
        body: DatasetInput,
        response: { 201: Dataset },
      },
      config: write,
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await act(request, (scope, access, base) => createDataset(scope, request.body, access, base))),
  );

  app.get<Id>(
    `${BASE}/datasets/:id`,
    {
      schema: {
        tags,
        summary: 'A dataset, with its resources',
        description:
          'The dataset in any state, its review note, its resources with their current versions and columns. Producers of its agency and the walidata.',
        params: IdParams,
        response: { 200: Dataset },
      },
      config: write,
    },
    (request) => act(request, (scope, access, base) => datasetOf(scope, request.params.id, access, base)),
  );

  app.put<Id & { Body: DatasetUpdateType }>(
    `${BASE}/datasets/:id`,
    {
      schema: {
        tags,
        summary: 'Change a dataset’s metadata',
        description:
          'Replaces the metadata (every field; omitted optional ones are emptied). Refused (409) while the walidata checks it; a published dataset stays published with its change dated, but only the walidata changes its classification (400 on the field for anyone else). A fed dataset keeps its name.',
        params: IdParams,
        body: DatasetUpdate,
        response: { 200: Dataset },
      },
      config: write,
    },
    (request) =>
      act(request, async (scope, access, base) => {
        const custodian = await agencyAccess(platform, scope, request.principal, PERM.review);
        return changeDataset(scope, request.params.id, request.body, access, base, custodian.everywhere);
      }),
  );

  app.post<Id>(
    `${BASE}/datasets/:id/submit`,
    {
      schema: {
        tags,
        summary: 'Send a dataset to the walidata',
        description:
          'A draft, returned or unpublished dataset with at least one resource goes to the walidata’s check (state `submitted`); its metadata and data are then locked until they decide.',
        params: IdParams,
        response: { 200: Dataset },
      },
      config: write,
    },
    (request) => act(request, (scope, access, base) => submitDataset(scope, request.params.id, access, base)),
  );

  app.post<Id>(
    `${BASE}/datasets/:id/publish`,
    {
      schema: {
        tags,
        summary: 'Publish a submitted dataset (walidata)',
        description:
          'The walidata approves a submitted dataset: it enters the catalogue (CKAN API, DCAT, portal); its first publication is its `issued` date. Only `open` datasets show their data; `limited` and `closed` ones show their metadata.',
        params: IdParams,
        response: { 200: Dataset },
      },
      config: review,
    },
    (request) =>
      act(request, (scope, access, base) => publishDataset(scope, request.params.id, access, base)),
  );

  app.post<Id & { Body: Static<typeof ReviewNote> }>(
    `${BASE}/datasets/:id/return`,
    {
      schema: {
        tags,
        summary: 'Return a submitted dataset to its producer (walidata)',
        description:
          'The walidata sends a submitted dataset back with a note saying what to fix; the producer edits and submits again.',
        params: IdParams,
        body: ReviewNote,
        response: { 200: Dataset },
      },
      config: review,
    },
    (request) =>
      act(request, (scope, access, base) =>
        returnDataset(scope, request.params.id, request.body.note, access, base),
      ),
  );

  app.post<Id & { Body: Static<typeof OptionalNote> }>(
    `${BASE}/datasets/:id/unpublish`,
    {
      schema: {
        tags,
        summary: 'Take a dataset off the catalogue (walidata)',
        description:
          'A published dataset leaves the catalogue (harvesters see it gone); the note says why. Its producer may fix it and submit it again.',
        params: IdParams,
        body: OptionalNote,
        response: { 200: Dataset },
      },
      config: review,
      // The note is optional, and so is the body that carries it.
      preValidation: async (request) => {
        if (request.body === undefined || request.body === null) request.body = {};
      },
    },
    (request) =>
      act(request, (scope, access, base) =>
        unpublishDataset(scope, request.params.id, request.body?.note, access, base),
      ),
  );
}
