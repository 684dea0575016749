/**
 * Passwords a person sets themselves: a reset by a single-use link sent to the account's email (or,
 * without one, its mobile number), and a change while signed in. A reset request answers the same
 * whether or not the account exists; the link's token is random and only its SHA-256 is stored.
 * Setting a password by either way ends the account's other sessions and is audited.
 */
import { verify } from '@node-rs/argon2';
import { recordAudit } from '../audit/audit.ts';
import { invalidate } from '../cache/tenant-cache.ts';
import type { Config } from '../config.ts';
import type { Language, UsersTable } from '../db/schema.ts';
import type { TenantScope } from '../db/tenant-scope.ts';
import { type AppError, invalid } from '../errors.ts';
import { translator } from '../i18n/index.ts';
import { newId } from '../ids.ts';
import { enqueueNotification } from '../notify/outbox.ts';
import type { VerifiedTenant } from '../tenancy/directory.ts';
import { AUTH_TAG, hashPassword, loginKey, MIN_PASSWORD_LENGTH, randomSecret, sha256 } from './auth.ts';
import { clearLogins, loginHashesOf } from './login-throttle.ts';

/** How long a reset link works. */
export const RESET_TTL_MINUTES = 60;
/** Links one account may be sent in an hour; further requests are answered alike and send nothing. */
export const RESET_MAX_PER_HOUR = 3;
/** The portal page a reset link opens. */
export const RESET_PAGE = '/atur-sandi';

type Contact = { channel: 'email'; to: string } | { channel: 'sms'; to: string };

function contactOf(user: Pick<UsersTable, 'email' | 'phone'>): Contact | null {
  if (user.email) return { channel: 'email', to: user.email };
  if (user.phone) return { channel: 'sms', to: user.phone };
  return null;
}

async function notify(scope: TenantScope, contact: Contact, subject: string, body: string, sms: string) {
  await enqueueNotification(
    scope,
    contact.channel === 'email'
      ? { channel: 'email', to: contact.to, subject, body }
      : { channel: 'sms', to: contact.to, body: sms },
  );
}

/**
 * The origin and path prefix a link in a message to this tenant's people starts with. The request's
 * Host is used only when it is one of the deployment's own names for the tenant (its domains,
 * `<slug>.<BASE_DOMAIN>`, `BASE_DOMAIN` itself, or outside production a loopback name), so that a
 * forged Host header cannot make Balai mail a link to someone else's site.
 */
export function portalBase(
  config: Pick<Config, 'baseDomain' | 'env'>,
  tenant: Pick<VerifiedTenant, 'slug' | 'domains'>,
  request: { host: string; protocol: string; viaPath: boolean },
): string {
  const hostname = request.host.replace(/:\d+$/, '').toLowerCase();
  const own = tenant.domains.includes(hostname) || hostname === `${tenant.slug}.${config.baseDomain}`;
  const known =
    own ||
    hostname === config.baseDomain ||
    (config.env !== 'production' && ['localhost', '127.0.0.1', '[::1]'].includes(hostname));
  const protocol = config.env === 'production' ? 'https' : request.protocol === 'https' ? 'https' : 'http';
  if (known) return `${protocol}://${request.host}${own && !request.viaPath ? '' : `/t/${tenant.slug}`}`;
  const domain = tenant.domains[0];
  return domain ? `https://${domain}` : `https://${config.baseDomain}/t/${tenant.slug}`;
}

export type ResetRequest = Readonly<{
  login: string;
  ip: string | null;
  language: Language;
  tenantName: string;
  /** The portal base of links (see `portalBase`); the token is appended to `${base}/atur-sandi?token=`. */
  base: string;
}>;

/**
 * Sends a reset link to the account of `login` (email or mobile number), if there is one, it is
 * not disabled and it has not had `RESET_MAX_PER_HOUR` links in the last hour. Older unused links
 * stop working. Returns nothing either way: the caller answers alike.
 */
export async function requestPasswordReset(scope: TenantScope, input: ResetRequest): Promise<void> {
  const key = loginKey(input.login);
  const user = await scope.trx
    .selectFrom('users')
    .select(['id', 'display_name', 'email', 'phone', 'disabled_at'])
    .where('tenant_id', '=', scope.tenantId)
    .where((eb) => eb.or([eb('email', '=', key), eb('phone', '=', key)]))
    // One request at a time per account: the hourly count and "the newest supersedes" hold.
    .forUpdate()
    .executeTakeFirst();
  const contact = user && !user.disabled_at ? contactOf(user) : null;
  if (!user || !contact) {
    // The trail is append-only: it keeps a hash that matches repeated tries, never the address
    // of someone who has no account here.
    await recordAudit(scope, {
      action: 'auth.password_reset_unknown',
      entityType: 'user',
      after: { loginSha256: sha256(key) },
    });
    return;
  }
  const now = new Date();
  const recent = await scope.trx
    .selectFrom('password_resets')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', scope.tenantId)
    .where('user_id', '=', user.id)
    .where('created_at', '>', new Date(now.getTime() - 3_600_000))
    .executeTakeFirstOrThrow();
  if (Number(recent.n) >= RESET_MAX_PER_HOUR) {
    await recordAudit(scope, {
      action: 'auth.password_reset_limited',
      entityType: 'user',
      entityId: user.id,
    });
    return;
  }
  await scope.trx
    .updateTable('password_resets')
    .set({ used_at: now })
    .where('tenant_id', '=', scope.tenantId)
    .where('user_id', '=', user.id)
    .where('used_at', 'is', null)
    .execute();
  const token = randomSecret();
  const id = newId();
  const expiresAt = new Date(now.getTime() + RESET_TTL_MINUTES * 60_000);
  await scope.trx
    .insertInto('password_resets')
    .values({
      tenant_id: scope.tenantId,
      id,
      user_id: user.id,
      token_hash: sha256(token),
      ip: input.ip,
      expires_at: expiresAt,
    })
    .execute();
  const t = translator(input.language);
  const values = {
    name: user.display_name,
    tenant: input.tenantName,
    link: `${input.base}${RESET_PAGE}?token=${token}`,
    minutes: RESET_TTL_MINUTES,
  };
  await notify(
    scope,
    contact,
    t('notify.passwordReset.subject', values),
    t('notify.passwordReset.body', values),
    t('notify.passwordReset.sms', values),
  );
  await recordAudit(scope, {
    action: 'auth.password_reset_requested',
    entityType: 'user',
    entityId: user.id,
    after: { resetId: id, channel: contact.channel, expiresAt },
  });
}

/** How long the link a new account's first password is set with works: long enough to hand over. */
export const INVITE_TTL_HOURS = 72;

/**
 * A single-use link that sets the first password of a new account (its current password is random
 * and known to nobody), sent to the account's email or mobile number and returned once to the
 * administrator who made the account, to hand over when no message can be sent. It is a reset
 * link with a longer life: the same page and the same confirmation use it up.
 */
export async function issueInviteLink(
  scope: TenantScope,
  userId: string,
  context: { language: Language; tenantName: string; base: string; ip: string | null },
): Promise<{ link: string; expiresAt: Date }> {
  const user = await scope.trx
    .selectFrom('users')
    .select(['id', 'display_name', 'email', 'phone'])
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  const token = randomSecret();
  const id = newId();
  const expiresAt = new Date(Date.now() + INVITE_TTL_HOURS * 3_600_000);
  await scope.trx
    .insertInto('password_resets')
    .values({
      tenant_id: scope.tenantId,
      id,
      user_id: user.id,
      token_hash: sha256(token),
      ip: context.ip,
      expires_at: expiresAt,
    })
    .execute();
  const link = `${context.base}${RESET_PAGE}?token=${token}`;
  const contact = contactOf(user);
  if (contact) {
    const t = translator(context.language);
    const values = { name: user.display_name, tenant: context.tenantName, link, hours: INVITE_TTL_HOURS };
    await notify(
      scope,
      contact,
      t('notify.invite.subject', values),
      t('notify.invite.body', values),
      t('notify.invite.sms', values),
    );
  }
  await recordAudit(scope, {
    action: 'auth.invite_issued',
    entityType: 'user',
    entityId: user.id,
    after: { resetId: id, channel: contact?.channel ?? null, expiresAt },
  });
  return { link, expiresAt };
}

function checkNewPassword(password: string, path = '/body/password'): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw invalid({ path, code: 'password_weak' });
}

/** Sets a new password and ends every session of the user but `keepSessionId`; tells the user. */
async function setPassword(
  scope: TenantScope,
  user: { id: string; display_name: string; email: string | null; phone: string | null },
  password: string,
  context: { language: Language; tenantName: string; keepSessionId?: string | null | undefined },
): Promise<number> {
  await scope.trx
    .updateTable('users')
    .set({
      password_hash: await hashPassword(password),
      updated_at: new Date(),
    })
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', user.id)
    .execute();
  // Whoever holds the new password is the owner: every address that failures locked out is free.
  await clearLogins(scope, loginHashesOf(user));
  let ended = scope.trx
    .deleteFrom('sessions')
    .where('tenant_id', '=', scope.tenantId)
    .where('user_id', '=', user.id);
  if (context.keepSessionId) ended = ended.where('id', '!=', context.keepSessionId);
  const result = await ended.executeTakeFirst();
  await invalidate(scope, AUTH_TAG);
  const contact = contactOf(user);
  if (contact) {
    const t = translator(context.language);
    const values = { name: user.display_name, tenant: context.tenantName };
    await notify(
      scope,
      contact,
      t('notify.passwordChanged.subject', values),
      t('notify.passwordChanged.body', values),
      t('notify.passwordChanged.sms', values),
    );
  }
  return Number(result.numDeletedRows);
}

/**
 * Sets the password of the account a reset link was sent to: the token must be known, unused and
 * unexpired, and is used up in the same statement that checks it (two uses cannot both pass).
 * Ends all the account's sessions. A 400 on `/body/token` otherwise, the same for every reason.
 */
export async function confirmPasswordReset(
  scope: TenantScope,
  input: { token: string; password: string },
  context: { language: Language; tenantName: string },
): Promise<{ userId: string }> {
  checkNewPassword(input.password);
  const used = await scope.trx
    .updateTable('password_resets')
    .set({ used_at: new Date() })
    .where('tenant_id', '=', scope.tenantId)
    .where('token_hash', '=', sha256(input.token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date())
    .returning(['id', 'user_id'])
    .executeTakeFirst();
  const user = used
    ? await scope.trx
        .selectFrom('users')
        .select(['id', 'display_name', 'email', 'phone'])
        .where('tenant_id', '=', scope.tenantId)
        .where('id', '=', used.user_id)
        .where('disabled_at', 'is', null)
        .executeTakeFirst()
    : undefined;
  if (!used || !user) throw invalid({ path: '/body/token', code: 'reset_token' });
  const sessionsEnded = await setPassword(scope, user, input.password, context);
  // A reset is what someone does who may have lost control of the account: its API tokens end too.
  const tokens = await scope.trx
    .updateTable('api_tokens')
    .set({ revoked_at: new Date() })
    .where('tenant_id', '=', scope.tenantId)
    .where('user_id', '=', user.id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  await recordAudit(scope, {
    action: 'auth.password_reset',
    entityType: 'user',
    entityId: user.id,
    after: { resetId: used.id, sessionsEnded, tokensRevoked: Number(tokens.numUpdatedRows) },
  });
  return { userId: user.id };
}

/**
 * Changes a signed-in user's password after checking the current one; their other sessions end,
 * the one they are using stays. A wrong current password is returned (a 400 on `/body/current`),
 * not thrown, so that its audit row commits; a new password too short is thrown.
 */
export async function changePassword(
  scope: TenantScope,
  userId: string,
  input: { current: string; password: string },
  context: { language: Language; tenantName: string; keepSessionId: string | null },
): Promise<{ ok: true } | { ok: false; error: AppError }> {
  checkNewPassword(input.password);
  const user = await scope.trx
    .selectFrom('users')
    .select(['id', 'display_name', 'email', 'phone', 'password_hash'])
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  const ok = await verify(user.password_hash, input.current).catch(() => false);
  if (!ok) {
    await recordAudit(scope, { action: 'auth.password_change_failed', entityType: 'user', entityId: userId });
    return { ok: false, error: invalid({ path: '/body/current', code: 'password_wrong' }) };
  }
  const sessionsEnded = await setPassword(scope, user, input.password, context);
  await recordAudit(scope, {
    action: 'auth.password_change',
    entityType: 'user',
    entityId: userId,
    after: { sessionsEnded },
  });
  return { ok: true };
}

/** Whether a reset token is still good (known, unused, unexpired): the portal asks before showing its form. */
export async function resetTokenUsable(scope: TenantScope, token: string): Promise<boolean> {
  const row = await scope.trx
    .selectFrom('password_resets')
    .select('id')
    .where('tenant_id', '=', scope.tenantId)
    .where('token_hash', '=', sha256(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date())
    .executeTakeFirst();
  return row !== undefined;
}
