/**
 * The staff API of uploaded layers: list, show, upload, change, replace the data, delete. A file is
 * read and checked before the transaction opens, so a refused file leaves nothing behind.
 */
import type { FastifyInstance } from 'fastify';
import {
  actorOf,
  noContent,
  type Platform,
  readUploadForm,
  requestAccess,
  validate,
} from '../../../platform/sdk/index.ts';
import { PERM } from '../permissions.ts';
import {
  Layer,
  LayerChange,
  type LayerChangeType,
  LayerParams,
  Layers,
  UploadFields,
  uploadBody,
} from '../schemas.ts';
import { changeLayer, removeLayer } from '../services/edit.ts';
import { createLayer, readUploadedLayer, replaceLayerData } from '../services/upload.ts';
import { layersView, layerView, requireLayer } from '../services/view.ts';

const BASE = '/api/v1/maps/layers';
const tags = ['maps'];
type Id = { Params: { id: string } };

export function layerRoutes(app: FastifyInstance, platform: Platform) {
  app.get(
    BASE,
    {
      schema: {
        tags,
        summary: "The tenant's map layers",
        description:
          'Every uploaded layer, staff-only ones included, by title, with its style, visibility, feature count and extent.',
        response: { 200: Layers },
      },
      config: { permission: PERM.read },
    },
    async (request) =>
      platform.inTenantRead(request.tenant!.id, actorOf(request), (scope) => layersView(scope)),
  );

  app.get<Id>(
    `${BASE}/:id`,
    {
      schema: {
        tags,
        summary: 'One map layer',
        description:
          'A layer’s metadata, style, properties and extent (its features are served by the OGC API).',
        params: LayerParams,
        response: { 200: Layer },
      },
      config: { permission: PERM.read },
    },
    async (request) =>
      platform.inTenantRead(request.tenant!.id, actorOf(request), async (scope) =>
        layerView(await requireLayer(scope, request.params.id)),
      ),
  );

  app.post(
    BASE,
    {
      schema: {
        tags,
        summary: 'Uploads a layer',
        description:
          'A multipart form: text fields first, then the `file` (GeoJSON in CRS84). Every feature is checked before anything is stored; a broken one is refused with its number and nothing is written. A layer is staff-only until made public.',
        body: uploadBody,
        response: { 201: Layer },
      },
      config: { permission: PERM.manage, agencyScoped: true },
    },
    async (request, reply) => {
      const form = await readUploadForm(request, 'file');
      const fields = validate(UploadFields, form.fields);
      const file = await readUploadedLayer(form.bytes, form.fileName, fields.timeProperty ?? null);
      const layer = await platform.inTenant(request.tenant!.id, actorOf(request), async (scope) =>
        createLayer(scope, await requestAccess(platform, scope, request), fields, file),
      );
      return reply.status(201).send(layer);
    },
  );

  app.patch<Id & { Body: LayerChangeType }>(
    `${BASE}/:id`,
    {
      schema: {
        tags,
        summary: 'Changes a layer’s metadata, style or visibility',
        description:
          'Only the fields given change. A style by property must name a property the features carry; each value gets a colour and a legend label in both languages.',
        params: LayerParams,
        body: LayerChange,
        response: { 200: Layer },
      },
      config: { permission: PERM.manage, agencyScoped: true },
    },
    async (request) =>
      platform.inTenant(request.tenant!.id, actorOf(request), async (scope) =>
        changeLayer(scope, await requestAccess(platform, scope, request), request.params.id, request.body),
      ),
  );

  app.put<Id>(
    `${BASE}/:id/data`,
    {
      schema: {
        tags,
        summary: 'Replaces a layer’s features',
        description:
          'A multipart `file`, read and checked as an upload is; the layer keeps its id, name, metadata and style, and its features are the new file’s, numbered afresh.',
        params: LayerParams,
        body: uploadBody,
        response: { 200: Layer },
      },
      config: { permission: PERM.manage, agencyScoped: true },
    },
    async (request) => {
      const form = await readUploadForm(request, 'file');
      const id = request.params.id;
      const timeProperty = await platform.inTenant(
        request.tenant!.id,
        actorOf(request),
        async (scope) => (await requireLayer(scope, id)).time_property,
      );
      const file = await readUploadedLayer(form.bytes, form.fileName, timeProperty);
      return platform.inTenant(request.tenant!.id, actorOf(request), async (scope) =>
        replaceLayerData(scope, await requestAccess(platform, scope, request), id, file),
      );
    },
  );

  app.delete<Id>(
    `${BASE}/:id`,
    {
      schema: {
        tags,
        summary: 'Deletes a layer',
        description:
          'The layer and all its features go; the OGC API and the portal map stop showing it at once.',
        params: LayerParams,
        response: { 204: noContent('The layer is deleted') },
      },
      config: { permission: PERM.manage, agencyScoped: true },
    },
    async (request, reply) => {
      await platform.inTenant(request.tenant!.id, actorOf(request), async (scope) =>
        removeLayer(scope, await requestAccess(platform, scope, request), request.params.id),
      );
      return reply.status(204).send();
    },
  );
}
