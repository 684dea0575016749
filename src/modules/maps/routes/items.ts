/** The items resource: a public list, and adding one for those who manage the app. */
import type { FastifyInstance } from 'fastify';
import { actorOf, type Platform } from '../../../platform/sdk/index.ts';
import { PERM } from '../permissions.ts';
import { Item, ItemInput, type ItemInputType, Items } from '../schemas.ts';
import { createItem, itemsView } from '../services/items.ts';

const BASE = '/api/v1/maps/items';
const tags = ['maps'];

export function itemRoutes(app: FastifyInstance, platform: Platform) {
  app.get(
    BASE,
    {
      schema: {
        tags,
        summary: "The tenant's latest items",
        description: 'The newest items first, for anyone: the public see what the tenant published.',
        response: { 200: Items },
      },
      config: { auth: 'optional' },
    },
    async (request) => platform.inTenant(request.tenant!.id, actorOf(request), (scope) => itemsView(scope)),
  );

  app.post<{ Body: ItemInputType }>(
    BASE,
    {
      schema: {
        tags,
        summary: 'Adds an item',
        description: 'Stores a new item of the tenant and answers it as the list will show it.',
        body: ItemInput,
        response: { 201: Item },
      },
      config: { permission: PERM.manage },
    },
    async (request, reply) => {
      const item = await platform.inTenant(request.tenant!.id, actorOf(request), (scope) =>
        createItem(scope, request.body),
      );
      return reply.status(201).send(item);
    },
  );
}
