/** Routes for signing in and out, sign-up, users and their roles, and API tokens. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../errors.ts';
import { noContent } from '../http/answers.ts';
import { actorOf, requirePrincipal, SESSION_COOKIE } from '../http/auth-hooks.ts';
import { requireUuid } from '../http/params.ts';
import type { Platform } from '../platform.ts';
import { issueToken, listTokens, login, logout, type Principal, revokeToken } from './auth.ts';
import { confirmPasswordReset, portalBase, requestPasswordReset } from './passwords.ts';
import {
  CreateToken,
  type CreateTokenInput,
  CreateUser,
  type CreateUserInput,
  GrantRole,
  type GrantRoleInput,
  Login,
  type LoginInput,
  PasswordResetConfirm,
  type PasswordResetConfirmInput,
  PasswordResetRequest,
  type PasswordResetRequestInput,
  Register,
  type RegisterInput,
  SessionView,
  TokenView,
  tokenExample,
  UserView,
  userExample,
} from './schemas.ts';
import { createUser, getUser, grantRole, listUsers, registerCitizen, revokeGrant } from './service.ts';

/** The cookie lives under `/t/<slug>` when reached by path, at `/` on the tenant's own host. */
function cookiePath(request: FastifyRequest): string {
  return request.originalUrl.startsWith('/t/') ? `/t/${request.tenant!.slug}` : '/';
}

function sessionView(platform: Platform, p: Principal) {
  return {
    user: p.user,
    grants: p.grants.map((g) => ({ id: g.id, role: g.role, agencyId: g.agencyId })),
    permissions: platform.permissions.permissionsOf(p.grants),
    tenantPermissions: platform.permissions.permissionsOf(p.grants.filter((g) => g.agencyId === null)),
    csrfToken: p.csrfToken,
  };
}

const IdParams = Type.Object({ id: Type.String() });

/** The portal base that a reset link sent for this request starts with (see `portalBase`). */
export function resetBase(platform: Platform, request: FastifyRequest): string {
  return portalBase(platform.config, request.tenant!, {
    host: request.host,
    protocol: request.protocol,
    viaPath: request.originalUrl.startsWith('/t/'),
  });
}

export function peopleRoutes(app: FastifyInstance, platform: Platform) {
  const { config } = platform;

  app.post<{ Body: LoginInput }>(
    '/api/v1/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email or phone and password',
        description:
          'A wrong password or unknown login is a 401. LOGIN_MAX_FAILURES failures of one login from one address lock that address out of it: 429 `locked` with Retry-After, a minute, doubling with each further failure up to LOGIN_LOCK_MINUTES. Other addresses are not affected; a password reset unlocks every address. Unknown logins are answered alike.',
        body: Login,
        response: { 200: SessionView },
      },
      config: { rateLimit: { max: config.login.ratePerMinute, timeWindow: '1 minute' } },
    },
    async (request, reply: FastifyReply) => {
      const result = await platform.inTenant(request.tenant!.id, actorOf(request), (scope) =>
        login(
          scope,
          {
            login: request.body.login,
            password: request.body.password,
            ip: request.ip,
            userAgent: request.headers['user-agent'] ?? null,
          },
          { ...config.login, sessionTtlHours: config.sessionTtlHours },
        ),
      );
      if (!result.ok) throw result.error;
      reply.setCookie(SESSION_COOKIE, result.secret, {
        httpOnly: true,
        sameSite: 'lax',
        secure: config.secureCookies,
        path: cookiePath(request),
        expires: result.expiresAt,
      });
      return sessionView(platform, result.principal);
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      schema: {
        tags: ['auth'],
        description: 'Ends the caller’s session and clears its cookie.',
        summary: 'Sign out',
        response: { 204: noContent('Signed out; the session cookie is cleared') },
      },
      config: { auth: 'required' },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      if (principal.sessionId) {
        await platform.inTenant(request.tenant!.id, actorOf(request), (scope) =>
          logout(scope, principal.sessionId!),
        );
      }
      reply.clearCookie(SESSION_COOKIE, { path: cookiePath(request) });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/auth/session',
    {
      schema: {
        tags: ['auth'],
        description:
          'The signed-in caller: their account, their roles (with agencies) and, with a session, the CSRF token every write must send in `x-csrf-token`.',
        summary: 'Who am I',
        response: { 200: SessionView },
      },
      config: { auth: 'required' },
    },
    async (request) => sessionView(platform, requirePrincipal(request)),
  );

  app.post<{ Body: RegisterInput }>(
    '/api/v1/auth/register',
    {
      schema: {
        tags: ['auth'],
        description:
          'Creates a citizen account with an email or phone number and a password, and signs it in (sets the session cookie). Limited per client and minute.',
        summary: 'Citizen sign-up',
        body: Register,
        response: { 201: UserView },
      },
      config: { rateLimit: { max: config.login.ratePerMinute, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const tenant = request.tenant!;
      const user = await platform.inTenant(tenant.id, actorOf(request), async (scope) => {
        const id = await registerCitizen(scope, request.body, {
          language: request.lang,
          tenantName: tenant.name,
        });
        return getUser(scope, id);
      });
      return reply.status(201).send(user);
    },
  );

  app.post<{ Body: PasswordResetRequestInput }>(
    '/api/v1/auth/password-reset',
    {
      schema: {
        tags: ['auth'],
        summary: 'Ask for a password reset link (202 whether or not the account exists)',
        response: { 202: noContent('Accepted: a link is sent if the account exists') },
        description:
          'Sends a single-use link, valid for 60 minutes, to the email (or else the mobile number) of the account with this login. The answer is the same for an unknown login.',
        body: PasswordResetRequest,
      },
      config: { rateLimit: { max: config.login.ratePerMinute, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const tenant = request.tenant!;
      await platform.inTenant(tenant.id, actorOf(request), (scope) =>
        requestPasswordReset(scope, {
          login: request.body.login,
          ip: request.ip,
          language: request.lang,
          tenantName: tenant.name,
          base: resetBase(platform, request),
        }),
      );
      return reply.status(202).send();
    },
  );

  app.post<{ Body: PasswordResetConfirmInput }>(
    '/api/v1/auth/password-reset/confirm',
    {
      schema: {
        tags: ['auth'],
        description:
          'Sets the account’s new password with the token of a reset link (valid once, for a short time). Every session of the account ends; the caller signs in again.',
        summary: 'Set a new password with a reset link’s token; ends every session of the account',
        response: { 204: noContent('The password is changed; sign in again') },
        body: PasswordResetConfirm,
      },
      config: { rateLimit: { max: config.login.ratePerMinute, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const tenant = request.tenant!;
      await platform.inTenant(tenant.id, actorOf(request), (scope) =>
        confirmPasswordReset(scope, request.body, { language: request.lang, tenantName: tenant.name }),
      );
      return reply.status(204).send();
    },
  );

  app.get<{ Querystring: { kind?: string; q?: string; limit: number; offset: number } }>(
    '/api/v1/users',
    {
      schema: {
        tags: ['users'],
        description:
          'The tenant’s accounts, filtered by kind and searched by name, email or phone, with their roles.',
        summary: 'List users',
        querystring: Type.Object(
          {
            kind: Type.Optional(
              Type.Union([Type.Literal('citizen'), Type.Literal('staff'), Type.Literal('partner')]),
            ),
            q: Type.Optional(Type.String({ maxLength: 100 })),
            limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
            offset: Type.Integer({ minimum: 0, maximum: 10_000, default: 0 }),
            lang: Type.Optional(Type.String()),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(UserView) }, { examples: [{ items: [userExample] }] }),
        },
      },
      config: { permission: 'platform.user.read' },
    },
    async (request) => ({
      items: await platform.inTenantRead(request.tenant!.id, actorOf(request), (scope) =>
        listUsers(scope, {
          kind: request.query.kind,
          search: request.query.q,
          limit: request.query.limit,
          offset: request.query.offset,
        }),
      ),
    }),
  );

  app.post<{ Body: CreateUserInput }>(
    '/api/v1/users',
    {
      schema: {
        tags: ['users'],
        description:
          'Creates an account in the tenant. Staff are identified by their NIP; an email or phone is needed to sign in. The email and phone are unique in the tenant (409).',
        summary: 'Create a staff, partner or citizen account',
        body: CreateUser,
        response: { 201: UserView },
      },
      config: { permission: 'platform.user.manage' },
    },
    async (request, reply) => {
      const user = await platform.inTenant(request.tenant!.id, actorOf(request), async (scope) =>
        getUser(scope, await createUser(scope, request.body)),
      );
      return reply.status(201).send(user);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/users/:id',
    {
      schema: {
        tags: ['users'],
        description: 'One account of the tenant, with its roles and the agencies each role is held in.',
        summary: 'One user',
        params: IdParams,
        response: { 200: UserView },
      },
      config: { permission: 'platform.user.read' },
    },
    async (request) =>
      platform.inTenantRead(request.tenant!.id, actorOf(request), (scope) =>
        getUser(scope, requireUuid(request.params.id, 'user')),
      ),
  );

  app.post<{ Params: { id: string }; Body: GrantRoleInput }>(
    '/api/v1/users/:id/grants',
    {
      schema: {
        tags: ['users'],
        description:
          'Grants a role to an account, tenant-wide or in one agency (and its sub-agencies). The account’s sessions see the new role at once.',
        summary: 'Grant a role',
        params: IdParams,
        body: GrantRole,
        response: { 201: UserView },
      },
      config: { permission: 'platform.role.grant' },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      // Only platform administrators make platform administrators.
      if (
        request.body.role === 'platform_admin' &&
        !platform.permissions.allows(principal.grants, 'platform.tenant.create')
      ) {
        throw new AppError('forbidden');
      }
      const id = requireUuid(request.params.id, 'user');
      const user = await platform.inTenant(request.tenant!.id, actorOf(request), async (scope) => {
        await grantRole(scope, id, request.body);
        return getUser(scope, id);
      });
      return reply.status(201).send(user);
    },
  );

  app.delete<{ Params: { id: string; grantId: string } }>(
    '/api/v1/users/:id/grants/:grantId',
    {
      schema: {
        tags: ['users'],
        description: 'Takes one of an account’s roles away; its sessions and tokens lose it at once.',
        summary: 'Revoke a role',
        response: { 204: noContent('The role is revoked') },
        params: Type.Object({ id: Type.String(), grantId: Type.String() }),
      },
      config: { permission: 'platform.role.grant' },
    },
    async (request, reply) => {
      const userId = requireUuid(request.params.id, 'user');
      const grantId = requireUuid(request.params.grantId, 'user');
      await platform.inTenant(request.tenant!.id, actorOf(request), (scope) =>
        revokeGrant(scope, userId, grantId, {
          mayRevokePlatformAdmin: platform.permissions.allows(
            requirePrincipal(request).grants,
            'platform.tenant.create',
          ),
        }),
      );
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/api-tokens',
    {
      schema: {
        tags: ['auth'],
        description:
          'The caller’s API tokens: name, when issued, last used and expiry. A token’s secret is shown only once, when it is issued.',
        summary: 'My API tokens',
        response: {
          200: Type.Object({ items: Type.Array(TokenView) }, { examples: [{ items: [tokenExample] }] }),
        },
      },
      config: { auth: 'required' },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      return {
        items: await platform.inTenantRead(request.tenant!.id, actorOf(request), (scope) =>
          listTokens(scope, principal.user.id),
        ),
      };
    },
  );

  app.post<{ Body: CreateTokenInput }>(
    '/api/v1/api-tokens',
    {
      schema: {
        tags: ['auth'],
        description:
          'Issues a bearer token that acts as the caller in this tenant, for integrations. The secret is in this answer only; keep it safe.',
        summary: 'Issue an API token for this tenant (shown once)',
        body: CreateToken,
        response: {
          201: Type.Object(
            { id: Type.String(), token: Type.String({ description: 'Shown once: keep it' }) },
            {
              examples: [
                {
                  id: '01939b10-5a7e-7c02-8f3d-6b1e9a4c2d58',
                  token: 'balai_lQYCoUImFcuAezGZ2wiiuA7zJvuzvsCc3aFkKKmqP2A',
                },
              ],
            },
          ),
        },
      },
      config: { auth: 'required' },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const days = request.body.expiresInDays;
      const expiresAt = days ? new Date(Date.now() + days * 86_400_000) : null;
      const issued = await platform.inTenant(request.tenant!.id, actorOf(request), (scope) =>
        issueToken(scope, principal.user.id, request.body.name, expiresAt),
      );
      return reply.status(201).send(issued);
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/v1/api-tokens/:id',
    {
      schema: {
        tags: ['auth'],
        description: 'Revokes one of the caller’s tokens; requests with it are refused (401) from now on.',
        summary: 'Revoke one of my API tokens',
        response: { 204: noContent('The token is revoked') },
        params: IdParams,
      },
      config: { auth: 'required' },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const id = requireUuid(request.params.id, 'token');
      await platform.inTenant(request.tenant!.id, actorOf(request), (scope) =>
        revokeToken(scope, principal.user.id, id),
      );
      return reply.status(204).send();
    },
  );
}
