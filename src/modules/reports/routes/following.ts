/**
 * Following reports and areas by email, and stopping: a signed-in citizen follows with their
 * account's address at once; anyone else gives an address, which must be confirmed by the link
 * sent to it. Confirming and stopping need only the token of the links (no sign-in).
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { actorOf, type Language, type Platform } from '../../../platform/sdk/index.ts';
import { Lat, Lng } from '../schemas.ts';
import {
  AREA_RADII,
  confirmFollow,
  type Follower,
  followArea,
  followReport,
  stopFollow,
} from '../services/following.ts';

const tags = ['reports'];
const Email = Type.String({ format: 'email', maxLength: 254 });
const State = Type.Union([Type.Literal('following'), Type.Literal('confirm')], {
  description: '`following`: messages will come; `confirm`: a link to confirm was sent to the address',
});
const Token = Type.Object(
  { token: Type.String({ minLength: 40, maxLength: 110, description: "The token of a follow's links" }) },
  {
    additionalProperties: false,
    examples: [{ token: '01939a72-5e18-7c4b-9d03-6f2a8b1c4e57.Hk3vQ9mXp2Rt7LwZc8Nb4YdF1sJe6GaU' }],
  },
);
const FollowView = Type.Object({
  kind: Type.Union([Type.Literal('report'), Type.Literal('area')]),
  trackingNo: Type.Union([Type.String(), Type.Null()]),
  radiusM: Type.Union([Type.Integer(), Type.Null()]),
  lat: Type.Union([Type.Number(), Type.Null()]),
  lng: Type.Union([Type.Number(), Type.Null()]),
  following: Type.Boolean(),
});
const viewExample = {
  kind: 'report',
  trackingNo: '261207-AB3CD',
  radiusM: null,
  lat: null,
  lng: null,
  following: true,
};
const RATE = { max: 10, timeWindow: '1 minute' };

function follower(
  request: { principal: { user: { id: string } } | null; lang: string },
  email?: string,
): Follower {
  return { userId: request.principal?.user.id ?? null, email, language: request.lang as Language };
}

/** The follow routes, after the report's own routes (test/isolation.test.ts walks them in order). */
export function followingRoutes(app: FastifyInstance, platform: Platform) {
  app.post<{ Params: { id: string }; Body: { email?: string } }>(
    '/api/v1/reports/:id/followers',
    {
      schema: {
        tags,
        summary: 'Follow a public report by email',
        description:
          "Signed in, the account's email follows at once. Otherwise give `email`: a link to confirm is sent there, and nothing else until it is opened. Following again answers alike and sends nothing new.",
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        body: Type.Object(
          { email: Type.Optional(Email) },
          { additionalProperties: false, examples: [{ email: 'budi.santoso@example.id' }] },
        ),
        response: {
          201: Type.Object(
            { state: State, trackingNo: Type.String() },
            { examples: [{ state: 'confirm', trackingNo: '261207-AB3CD' }] },
          ),
        },
      },
      config: { auth: 'optional', rateLimit: RATE },
    },
    async (request, reply) => {
      const tenant = request.tenant!;
      const answer = await platform.inTenant(tenant.id, actorOf(request), (scope) =>
        followReport(platform, scope, tenant, request.params.id, follower(request, request.body.email)),
      );
      return reply.status(201).send(answer);
    },
  );

  app.post<{ Body: { lat: number; lng: number; radiusM: number; email?: string } }>(
    '/api/v1/reports/area-followers',
    {
      schema: {
        tags,
        summary: 'Follow new public reports near a point, by email',
        description:
          "Alerts of new public reports within `radiusM` metres of the point, in the tenant's area. Signed in, the account's email follows at once; otherwise a link to confirm is sent to `email`.",
        body: Type.Object(
          {
            lat: Lat,
            lng: Lng,
            radiusM: Type.Union(
              AREA_RADII.map((r) => Type.Literal(r)),
              { description: 'Metres from the point' },
            ),
            email: Type.Optional(Email),
          },
          {
            additionalProperties: false,
            examples: [{ lat: -6.1852, lng: 106.6821, radiusM: 1000, email: 'budi.santoso@example.id' }],
          },
        ),
        response: { 201: Type.Object({ state: State }, { examples: [{ state: 'confirm' }] }) },
      },
      config: { auth: 'optional', rateLimit: RATE },
    },
    async (request, reply) => {
      const tenant = request.tenant!;
      const { lat, lng, radiusM, email } = request.body;
      const answer = await platform.inTenant(tenant.id, actorOf(request), (scope) =>
        followArea(platform, scope, tenant, { lat, lng, radiusM }, follower(request, email)),
      );
      return reply.status(201).send(answer);
    },
  );

  app.post<{ Body: { token: string } }>(
    '/api/v1/reports/followers/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm a follow with the token of its confirmation link',
        description:
          'A follow stopped meanwhile stays stopped (`following: false`). An unknown token is a 404.',
        body: Token,
        response: { 200: Type.Object(FollowView.properties, { examples: [viewExample] }) },
      },
      config: { auth: 'optional', rateLimit: RATE },
    },
    async (request) => {
      const tenant = request.tenant!;
      return platform.inTenant(tenant.id, actorOf(request), (scope) =>
        confirmFollow(scope, request.body.token),
      );
    },
  );

  app.post<{ Body: { token: string } }>(
    '/api/v1/reports/followers/stop',
    {
      schema: {
        tags,
        summary: 'Stop a follow with the token of its stop link',
        description: 'Stopping again changes nothing. An unknown token is a 404.',
        body: Token,
        response: {
          200: Type.Object(FollowView.properties, { examples: [{ ...viewExample, following: false }] }),
        },
      },
      config: { auth: 'optional', rateLimit: RATE },
    },
    async (request) => {
      const tenant = request.tenant!;
      return platform.inTenant(tenant.id, actorOf(request), (scope) => stopFollow(scope, request.body.token));
    },
  );
}
