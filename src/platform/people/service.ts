/**
 * People of a tenant: citizens who sign up, staff and partner accounts made by administrators, and
 * the roles granted to them. Identifiers (email, phone, NIK, NIP) are checked and normalised here.
 */
import { type Kysely, type SqlBool, sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { recordAudit } from '../audit/audit.ts';
import { invalidate } from '../cache/tenant-cache.ts';
import type { Role } from '../catalogue/manifest.ts';
import { reusableQuery } from '../db/reusable-query.ts';
import type { Language, PlatformTables, UsersTable } from '../db/schema.ts';
import type { TenantScope } from '../db/tenant-scope.ts';
import { AppError, type FieldError, invalid, notFound } from '../errors.ts';
import { translator } from '../i18n/index.ts';
import { newId } from '../ids.ts';
import { enqueueNotification } from '../notify/outbox.ts';
import { AUTH_TAG, hashPassword, loginKey, MIN_PASSWORD_LENGTH } from './auth.ts';
import { normalizeEmail, normalizePhone, parseNik, parseNip } from './identity.ts';
import { loginHashSql } from './login-throttle.ts';
import type { CreateUserInput, GrantRoleInput, RegisterInput } from './schemas.ts';

type Identity = { email: string | null; phone: string | null; nik: string | null; nip: string | null };

/** Checks and normalises the identifiers of a new account; throws one 400 listing every bad field. */
export function checkIdentity(input: {
  email?: string | undefined;
  phone?: string | undefined;
  nik?: string | undefined;
  nip?: string | undefined;
  password: string;
}): Identity {
  const fields: FieldError[] = [];
  const out: Identity = { email: null, phone: null, nik: null, nip: null };
  if (input.email) {
    const r = normalizeEmail(input.email);
    // Stored in lower case, as sign-in compares: mailbox names are case-blind in practice.
    if (r.ok) out.email = r.value.toLowerCase();
    else fields.push({ path: '/body/email', code: 'email' });
  }
  if (input.phone) {
    const r = normalizePhone(input.phone);
    if (r.ok) out.phone = r.value;
    else fields.push({ path: '/body/phone', code: 'phone' });
  }
  if (!input.email && !input.phone) fields.push({ path: '/body/email', code: 'required' });
  if (input.nik) {
    const r = parseNik(input.nik);
    if (r.ok) out.nik = r.value.nik;
    else fields.push({ path: '/body/nik', code: 'nik', params: { reason: r.reason } });
  }
  if (input.nip) {
    const r = parseNip(input.nip);
    if (r.ok) out.nip = r.value.nip;
    else fields.push({ path: '/body/nip', code: 'nip', params: { reason: r.reason } });
  }
  if (input.password.length < MIN_PASSWORD_LENGTH)
    fields.push({ path: '/body/password', code: 'password_weak' });
  if (fields.length > 0) throw invalid(...fields);
  return out;
}

async function assertIdentityFree(scope: TenantScope, id: Identity): Promise<void> {
  const fields: FieldError[] = [];
  for (const key of ['email', 'phone', 'nik', 'nip'] as const) {
    const value = id[key];
    if (!value) continue;
    const hit = await scope.trx
      .selectFrom('users')
      .select('id')
      .where('tenant_id', '=', scope.tenantId)
      .where(key, '=', value)
      .executeTakeFirst();
    if (hit) fields.push({ path: `/body/${key}`, code: 'taken' });
  }
  if (fields.length > 0) throw invalid(...fields);
}

/** Creates an account of any kind; `kind: 'citizen'` is what sign-up uses. */
export async function createUser(scope: TenantScope, input: CreateUserInput): Promise<string> {
  if (input.kind !== 'staff' && input.nip) throw invalid({ path: '/body/nip', code: 'invalid' });
  if (input.kind === 'staff' && !input.nip) throw invalid({ path: '/body/nip', code: 'required' });
  if (input.kind === 'partner' && !input.partnerKind)
    throw invalid({ path: '/body/partnerKind', code: 'required' });
  const identity = checkIdentity(input);
  await assertIdentityFree(scope, identity);
  const id = newId();
  const row = {
    tenant_id: scope.tenantId,
    id,
    kind: input.kind,
    display_name: input.displayName,
    ...identity,
    partner_kind: input.kind === 'partner' ? (input.partnerKind ?? null) : null,
    password_hash: await hashPassword(input.password),
  };
  await scope.trx.insertInto('users').values(row).execute();
  await recordAudit(scope, { action: 'user.create', entityType: 'user', entityId: id, after: row });
  return id;
}

/**
 * Citizen sign-up: the account, and, when an email was given, a welcome email in the caller's
 * language, queued in the same transaction (no account, no email).
 */
export async function registerCitizen(
  scope: TenantScope,
  input: RegisterInput,
  context: { language: Language; tenantName: string },
): Promise<string> {
  const id = await createUser(scope, { ...input, kind: 'citizen' });
  const user = await getUser(scope, id);
  if (user.email) {
    const t = translator(context.language);
    const values = { name: user.displayName, tenant: context.tenantName };
    await enqueueNotification(scope, {
      channel: 'email',
      to: user.email,
      subject: t('notify.welcome.subject', values),
      body: t('notify.welcome.body', values),
    });
  }
  return id;
}

type UsersValues = {
  tenantId: string;
  /** Sign-ins locked until after this are locked now. */
  now: Date;
  userId?: string | undefined;
  kind?: UsersTable['kind'] | undefined;
  /** An ILIKE pattern matched against the name and the email. */
  like?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
};

/**
 * The tenant's users with, in the same statement, their grants and whether a sign-in of theirs is
 * locked (login-throttle.ts: a login's hash computed by the database as `loginHashesOf` does):
 * one user, or a page in name order. Only the columns the view shows: never a password hash, and
 * less to send and parse. Built once per shape: it is the read behind every users list.
 */
const usersWithAccess = reusableQuery<UsersValues>()((db: Kysely<PlatformTables>, v) => {
  let query = db
    .selectFrom('users')
    .select([
      'users.id',
      'users.kind',
      'users.display_name',
      'users.email',
      'users.phone',
      'users.nip',
      'users.partner_kind',
    ])
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('role_grants as g')
          .select(['g.id', 'g.role', 'g.agency_id'])
          .where('g.tenant_id', '=', v.tenantId)
          .whereRef('g.user_id', '=', 'users.id')
          .orderBy('g.created_at')
          .orderBy('g.id'),
      ).as('grants'),
      eb
        .exists(
          eb
            .selectFrom('login_throttles as l')
            .select(sql`1`.as('one'))
            .where('l.tenant_id', '=', v.tenantId)
            .where((w) =>
              w.or([
                w('l.login_hash', '=', loginHashSql(sql.ref('users.email'))),
                w('l.login_hash', '=', loginHashSql(sql.ref('users.phone'))),
              ]),
            )
            .where('l.locked_until', '>', v.now),
        )
        .as('locked'),
    ])
    .where('users.tenant_id', '=', v.tenantId);
  if (v.userId) query = query.where('users.id', '=', v.userId);
  if (v.kind) query = query.where('users.kind', '=', v.kind);
  const like = v.like;
  if (like)
    query = query.where((eb) =>
      eb.or([eb('users.display_name', 'ilike', like), eb('users.email', 'ilike', like)]),
    );
  query = query.orderBy('users.display_name');
  if (v.limit) query = query.limit(v.limit);
  if (v.offset) query = query.offset(v.offset);
  return query;
});

/** One user with their grants, or a 404. */
export async function getUser(scope: TenantScope, id: string) {
  const [user] = await usersWithAccess.execute(scope.trx, {
    tenantId: scope.tenantId,
    now: new Date(),
    userId: id,
  });
  if (!user) throw notFound('user');
  return userView(user);
}

type UserRow = {
  id: string;
  kind: string;
  display_name: string;
  email: string | null;
  phone: string | null;
  nip: string | null;
  partner_kind: string | null;
  grants: Array<{ id: string; role: string; agency_id: string | null }>;
  locked: SqlBool;
};

function userView(u: UserRow) {
  return {
    id: u.id,
    kind: u.kind,
    displayName: u.display_name,
    email: u.email,
    phone: u.phone,
    nip: u.nip,
    partnerKind: u.partner_kind,
    grants: u.grants.map((g) => ({ id: g.id, role: g.role, agencyId: g.agency_id })),
    locked: u.locked === true || u.locked === 1,
  };
}

/**
 * Users of the tenant, optionally of one kind or matching a name/email fragment, with their grants
 * and locks: one statement.
 */
export async function listUsers(
  scope: TenantScope,
  q: { kind?: string | undefined; search?: string | undefined; limit: number; offset: number },
) {
  const users = await usersWithAccess.execute(scope.trx, {
    tenantId: scope.tenantId,
    now: new Date(),
    kind: q.kind as UsersTable['kind'] | undefined,
    like: q.search ? `%${q.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined,
    limit: q.limit,
    offset: q.offset,
  });
  return users.map(userView);
}

/** The id of the user with this email in the scope's tenant, or null. */
export async function findUserIdByEmail(scope: TenantScope, email: string): Promise<string | null> {
  const row = await scope.trx
    .selectFrom('users')
    .select('id')
    .where('tenant_id', '=', scope.tenantId)
    .where('email', '=', loginKey(email))
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Grants a role to a user, tenant-wide or in one agency. Staff only hold staff roles. */
export async function grantRole(scope: TenantScope, userId: string, input: GrantRoleInput): Promise<string> {
  const user = await getUser(scope, userId);
  if (user.kind !== 'staff') throw invalid({ path: '/body/role', code: 'invalid' });
  if (input.role === 'platform_admin' && input.agencyId)
    throw invalid({ path: '/body/agencyId', code: 'invalid' });
  if (input.agencyId) {
    const agency = await scope.trx
      .selectFrom('agencies')
      .select('id')
      .where('tenant_id', '=', scope.tenantId)
      .where('id', '=', input.agencyId)
      .executeTakeFirst();
    if (!agency) throw invalid({ path: '/body/agencyId', code: 'unknown' });
  }
  const agencyId = input.agencyId ?? null;
  if (user.grants.some((g) => g.role === input.role && g.agencyId === agencyId)) {
    throw new AppError('conflict', { detailKey: 'conflict' });
  }
  const id = newId();
  const row = {
    tenant_id: scope.tenantId,
    id,
    user_id: userId,
    role: input.role as Role,
    agency_id: agencyId,
  };
  await scope.trx.insertInto('role_grants').values(row).execute();
  await recordAudit(scope, { action: 'role.grant', entityType: 'user', entityId: userId, after: row });
  await invalidate(scope, AUTH_TAG);
  return id;
}

/** Removes one grant from a user. */
export async function revokeGrant(
  scope: TenantScope,
  userId: string,
  grantId: string,
  options: { mayRevokePlatformAdmin: boolean },
): Promise<void> {
  const row = await scope.trx
    .selectFrom('role_grants')
    .selectAll()
    .where('tenant_id', '=', scope.tenantId)
    .where('user_id', '=', userId)
    .where('id', '=', grantId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('user');
  // As only platform administrators make platform administrators, only they unmake them.
  if (row.role === 'platform_admin' && !options.mayRevokePlatformAdmin) throw new AppError('forbidden');
  if (row.role === 'tenant_admin' && row.agency_id === null) {
    const admins = await scope.trx
      .selectFrom('role_grants')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tenant_id', '=', scope.tenantId)
      .where('role', '=', 'tenant_admin')
      .where('agency_id', 'is', null)
      .executeTakeFirstOrThrow();
    if (Number(admins.n) <= 1) throw new AppError('conflict', { detailKey: 'last_admin' });
  }
  await scope.trx
    .deleteFrom('role_grants')
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', grantId)
    .execute();
  await recordAudit(scope, { action: 'role.revoke', entityType: 'user', entityId: userId, before: row });
  await invalidate(scope, AUTH_TAG);
}
