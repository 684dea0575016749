/**
 * Authentication: argon2id password hashes, cookie sessions with a CSRF token, API tokens scoped to
 * one tenant, and login lockout per (login, address) pair. Secrets are stored only as SHA-256
 * hashes (they are random and long, so a fast hash is enough); passwords only as argon2id hashes.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { recordAudit } from '../audit/audit.ts';
import { invalidate } from '../cache/tenant-cache.ts';
import type { Role } from '../catalogue/manifest.ts';
import type { UsersTable } from '../db/schema.ts';
import type { TenantScope } from '../db/tenant-scope.ts';
import { AppError } from '../errors.ts';
import { newId } from '../ids.ts';
import { normalizeEmail, normalizePhone } from './identity.ts';
import { clearPair, countFailure, lockedFor, serialisePair } from './login-throttle.ts';
import type { Grant } from './permissions.ts';

export type PrincipalUser = Readonly<{ id: string; kind: UsersTable['kind']; displayName: string }>;

/** The caller of a request, once identified. */
export type Principal = Readonly<{
  user: PrincipalUser;
  grants: readonly Grant[];
  via: 'session' | 'token';
  /** For sessions: the token a form or unsafe request must echo back. */
  csrfToken: string | null;
  sessionId: string | null;
  /** When the session or token stops being valid (null: a token without expiry). */
  expiresAt: Date | null;
}>;

/** Cache tag of sessions, tokens and grants: any change to them invalidates the tenant's principals. */
export const AUTH_TAG = 'auth';

export const MIN_PASSWORD_LENGTH = 10;
export const TOKEN_PREFIX = 'balai_';

/** Hashes a password with argon2id (the library's default algorithm). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verifying against this hash when the user does not exist keeps the timing of a failed login the
// same whether or not the account exists.
const DUMMY_HASH = hashPassword(randomBytes(16).toString('hex'));

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Compares two strings in constant time. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

async function grantsOf(scope: TenantScope, userId: string): Promise<Grant[]> {
  const rows = await scope.trx
    .selectFrom('role_grants')
    .select(['id', 'role', 'agency_id'])
    .where('tenant_id', '=', scope.tenantId)
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => ({ id: r.id, role: r.role as Role, agencyId: r.agency_id }));
}

/** A sign-in name as accounts store it: an email in lower case, a mobile number as +62…. */
export function loginKey(login: string): string {
  const email = normalizeEmail(login);
  if (email.ok) return email.value.toLowerCase();
  const phone = normalizePhone(login);
  return phone.ok ? phone.value : login.trim().toLowerCase();
}

/** The 429 of a locked (login, address) pair, with the seconds to wait. */
function lockedError(seconds: number): AppError {
  return new AppError('locked', { params: { minutes: Math.ceil(seconds / 60) }, retryAfter: seconds });
}

export type LoginInput = { login: string; password: string; ip: string | null; userAgent: string | null };
export type LoginLimits = { maxFailures: number; lockMinutes: number; sessionTtlHours: number };

export type LoginResult =
  | { ok: true; secret: string; principal: Principal; expiresAt: Date }
  | { ok: false; error: AppError };

/**
 * Checks a login (email or phone) and password; on success opens a session. Failures lock the
 * (login, address) pair out, never the account (see login-throttle.ts). Every attempt is audited.
 * A failure is returned, not thrown, so that its audit row and failure count commit.
 */
export async function login(
  scope: TenantScope,
  input: LoginInput,
  limits: LoginLimits,
): Promise<LoginResult> {
  const key = loginKey(input.login);
  const loginHash = sha256(key);
  const user = await scope.trx
    .selectFrom('users')
    .selectAll()
    .where('tenant_id', '=', scope.tenantId)
    .where((eb) => eb.or([eb('email', '=', key), eb('phone', '=', key)]))
    .executeTakeFirst();
  const now = new Date();
  // Unknown logins are audited with the login they tried, known ones under their account.
  const subject = user ? { entityId: user.id } : { after: { login: key } };
  await serialisePair(scope, loginHash, input.ip);
  const waiting = await lockedFor(scope, loginHash, input.ip, now);
  if (waiting > 0) {
    await recordAudit(scope, { action: 'auth.login_locked', entityType: 'user', ...subject });
    return { ok: false, error: lockedError(waiting) };
  }
  const passwordOk = await verify(user?.password_hash ?? (await DUMMY_HASH), input.password).catch(
    () => false,
  );
  if (!user || !passwordOk || user.disabled_at) {
    const counted = await countFailure(scope, loginHash, input.ip, limits, now);
    await recordAudit(scope, {
      action: counted.lockSeconds > 0 ? 'auth.locked' : 'auth.login_failed',
      entityType: 'user',
      ...(user
        ? { entityId: user.id, after: { failures: counted.failures } }
        : { after: { login: key, failures: counted.failures } }),
    });
    if (counted.lockSeconds > 0) return { ok: false, error: lockedError(counted.lockSeconds) };
    return { ok: false, error: new AppError('unauthenticated', { detailKey: 'bad_credentials' }) };
  }
  const secret = randomSecret();
  const sessionId = sha256(secret);
  const csrfToken = randomSecret(24);
  const expiresAt = new Date(now.getTime() + limits.sessionTtlHours * 3_600_000);
  await clearPair(scope, loginHash, input.ip);
  await scope.trx
    .insertInto('sessions')
    .values({
      tenant_id: scope.tenantId,
      id: sessionId,
      user_id: user.id,
      csrf_token: csrfToken,
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 300) ?? null,
      expires_at: expiresAt,
    })
    .execute();
  await recordAudit(scope, { action: 'auth.login', entityType: 'user', entityId: user.id });
  return {
    ok: true,
    secret,
    expiresAt,
    principal: {
      user: { id: user.id, kind: user.kind, displayName: user.display_name },
      grants: await grantsOf(scope, user.id),
      via: 'session',
      csrfToken,
      sessionId,
      expiresAt,
    },
  };
}

/** The principal of a session cookie's secret, or null when unknown or expired. */
export async function principalFromSession(scope: TenantScope, secret: string): Promise<Principal | null> {
  const row = await scope.trx
    .selectFrom('sessions')
    .innerJoin('users', (j) =>
      j.onRef('users.tenant_id', '=', 'sessions.tenant_id').onRef('users.id', '=', 'sessions.user_id'),
    )
    .select([
      'sessions.id',
      'sessions.csrf_token',
      'sessions.expires_at',
      'users.id as user_id',
      'users.kind',
      'users.display_name',
    ])
    .where('sessions.tenant_id', '=', scope.tenantId)
    .where('sessions.id', '=', sha256(secret))
    .where('sessions.expires_at', '>', new Date())
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  return {
    user: { id: row.user_id, kind: row.kind, displayName: row.display_name },
    grants: await grantsOf(scope, row.user_id),
    via: 'session',
    csrfToken: row.csrf_token,
    sessionId: row.id,
    expiresAt: row.expires_at,
  };
}

/** The principal of an API token, or null when unknown, revoked or expired. */
export async function principalFromToken(scope: TenantScope, token: string): Promise<Principal | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await scope.trx
    .selectFrom('api_tokens')
    .innerJoin('users', (j) =>
      j.onRef('users.tenant_id', '=', 'api_tokens.tenant_id').onRef('users.id', '=', 'api_tokens.user_id'),
    )
    .select([
      'api_tokens.id',
      'users.id as user_id',
      'users.kind',
      'users.display_name',
      'api_tokens.last_used_at',
      'api_tokens.expires_at',
    ])
    .where('api_tokens.tenant_id', '=', scope.tenantId)
    .where('api_tokens.token_hash', '=', sha256(token))
    .where('api_tokens.revoked_at', 'is', null)
    .where((eb) =>
      eb.or([eb('api_tokens.expires_at', 'is', null), eb('api_tokens.expires_at', '>', new Date())]),
    )
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  // Recording every use would turn each read into a write: once a minute is enough to see activity.
  if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > 60_000) {
    await scope.trx
      .updateTable('api_tokens')
      .set({ last_used_at: new Date() })
      .where('tenant_id', '=', scope.tenantId)
      .where('id', '=', row.id)
      .execute();
  }
  return {
    user: { id: row.user_id, kind: row.kind, displayName: row.display_name },
    grants: await grantsOf(scope, row.user_id),
    via: 'token',
    csrfToken: null,
    sessionId: null,
    expiresAt: row.expires_at,
  };
}

/** Ends a session. */
export async function logout(scope: TenantScope, sessionId: string): Promise<void> {
  await scope.trx
    .deleteFrom('sessions')
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', sessionId)
    .execute();
  await recordAudit(scope, { action: 'auth.logout', entityType: 'user', entityId: scope.actor.userId });
  await invalidate(scope, AUTH_TAG);
}

/** Issues an API token for a user; the clear token is returned once and never stored. */
export async function issueToken(
  scope: TenantScope,
  userId: string,
  name: string,
  expiresAt: Date | null,
): Promise<{ id: string; token: string }> {
  const token = `${TOKEN_PREFIX}${randomSecret()}`;
  const id = newId();
  await scope.trx
    .insertInto('api_tokens')
    .values({
      tenant_id: scope.tenantId,
      id,
      user_id: userId,
      name,
      token_hash: sha256(token),
      expires_at: expiresAt,
    })
    .execute();
  await recordAudit(scope, {
    action: 'token.issue',
    entityType: 'api_token',
    entityId: id,
    after: { name, userId },
  });
  return { id, token };
}

/** A user's own API tokens, newest first (never the secret: it is not stored). */
export async function listTokens(scope: TenantScope, userId: string) {
  const rows = await scope.trx
    .selectFrom('api_tokens')
    .select(['id', 'name', 'created_at', 'expires_at', 'last_used_at', 'revoked_at'])
    .where('tenant_id', '=', scope.tenantId)
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    createdAt: r.created_at.toISOString(),
    expiresAt: r.expires_at?.toISOString() ?? null,
    lastUsedAt: r.last_used_at?.toISOString() ?? null,
    revoked: r.revoked_at !== null,
  }));
}

/** Revokes one of a user's tokens; a 404 when it is not theirs or already revoked. */
export async function revokeToken(scope: TenantScope, userId: string, tokenId: string): Promise<void> {
  const row = await scope.trx
    .updateTable('api_tokens')
    .set({ revoked_at: new Date() })
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', tokenId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', { params: { entity: 'token' } });
  await recordAudit(scope, { action: 'token.revoke', entityType: 'api_token', entityId: tokenId });
  await invalidate(scope, AUTH_TAG);
}
