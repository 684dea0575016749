/**
 * Sign-in lockout per (login, client address) pair, as OWASP's Authentication and Credential
 * Stuffing cheat sheets advise. An account-wide lock hands anyone a denial of service: five wrong
 * passwords from anywhere would shut the owner out. Here failures from one address lock that
 * address out of that login only, for a delay that doubles with each further failure (from a minute
 * up to LOGIN_LOCK_MINUTES); the owner elsewhere signs in, a successful sign-in clears its pair, and
 * a password reset (the captcha-free unlock) clears every pair of the account. Unknown logins are
 * counted like known ones, so a lockout does not tell which accounts exist; the login is kept as a
 * SHA-256 only. Failures are forgotten a day after the last one.
 */
import { createHash } from 'node:crypto';
import { type RawBuilder, sql } from 'kysely';
import type { TenantScope } from '../db/tenant-scope.ts';
import { clientKey } from '../http/client-address.ts';

export const FAILURE_MEMORY_MS = 24 * 3_600_000;
/** The first lock, once LOGIN_MAX_FAILURES is reached; each further failure doubles it. */
export const FIRST_LOCK_SECONDS = 60;

export type ThrottleLimits = Readonly<{ maxFailures: number; lockMinutes: number }>;

/** The address recorded for a request without one (never the case over TCP). */
const UNKNOWN_ADDRESS = 'unknown';

/** The client as the lockout counts it: an IPv6 client is its /64 (http/client-address.ts). */
function addressOf(ip: string | null): string {
  return ip === null ? UNKNOWN_ADDRESS : clientKey(ip);
}

/**
 * Makes the sign-ins of one (login, address) pair take turns until the caller's transaction ends:
 * otherwise a burst of parallel guesses would all pass the lock check before any was counted.
 */
export async function serialisePair(scope: TenantScope, loginHash: string, ip: string | null): Promise<void> {
  const key = `${scope.tenantId}:${loginHash}:${addressOf(ip)}`;
  await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(scope.trx);
}

export function lockSeconds(failures: number, limits: ThrottleLimits): number {
  if (failures < limits.maxFailures) return 0;
  const doublings = Math.min(failures - limits.maxFailures, 30);
  return Math.min(limits.lockMinutes * 60, FIRST_LOCK_SECONDS * 2 ** doublings);
}

/** The hashes under which an account's logins (its email and phone) are counted. */
export function loginHashesOf(user: { email: string | null; phone: string | null }): string[] {
  return [user.email, user.phone].flatMap((login) =>
    login ? [createHash('sha256').update(login).digest('hex')] : [],
  );
}

/** `loginHashesOf`'s hash of a login column, computed by the database (null for a null login). */
export function loginHashSql(login: RawBuilder<unknown>) {
  // An empty login has no hash, as in `loginHashesOf`.
  return sql<string>`encode(sha256(convert_to(nullif(${login}, ''), 'UTF8')), 'hex')`;
}

/** Seconds that `ip` must still wait before trying `login` again (0: it may try now). */
export async function lockedFor(
  scope: TenantScope,
  loginHash: string,
  ip: string | null,
  now: Date,
): Promise<number> {
  const row = await scope.trx
    .selectFrom('login_throttles')
    .select('locked_until')
    .where('tenant_id', '=', scope.tenantId)
    .where('login_hash', '=', loginHash)
    .where('ip', '=', addressOf(ip))
    .executeTakeFirst();
  const until = row?.locked_until?.getTime() ?? 0;
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

/** Counts a failed sign-in of `login` from `ip`; returns the seconds of the lock it earned (0: none). */
export async function countFailure(
  scope: TenantScope,
  loginHash: string,
  ip: string | null,
  limits: ThrottleLimits,
  now: Date,
): Promise<{ failures: number; lockSeconds: number }> {
  const forgotten = new Date(now.getTime() - FAILURE_MEMORY_MS);
  // One statement, so parallel failures cannot overwrite each other's count.
  const { failures } = await scope.trx
    .insertInto('login_throttles')
    .values({
      tenant_id: scope.tenantId,
      login_hash: loginHash,
      ip: addressOf(ip),
      failures: 1,
      last_failure_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'login_hash', 'ip']).doUpdateSet({
        failures: sql<number>`case when login_throttles.last_failure_at < ${forgotten} then 1 else login_throttles.failures + 1 end`,
        last_failure_at: now,
      }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  const seconds = lockSeconds(failures, limits);
  if (seconds > 0) {
    await scope.trx
      .updateTable('login_throttles')
      .set({ locked_until: new Date(now.getTime() + seconds * 1000) })
      .where('tenant_id', '=', scope.tenantId)
      .where('login_hash', '=', loginHash)
      .where('ip', '=', addressOf(ip))
      .execute();
  }
  // Pairs whose failures are forgotten and whose lock is over: the table stays the size of a day's.
  await scope.trx
    .deleteFrom('login_throttles')
    .where('tenant_id', '=', scope.tenantId)
    .where('last_failure_at', '<', forgotten)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
    .execute();
  return { failures, lockSeconds: seconds };
}

/** Forgets the failures of `login` from `ip` (it signed in). */
export async function clearPair(scope: TenantScope, loginHash: string, ip: string | null): Promise<void> {
  await scope.trx
    .deleteFrom('login_throttles')
    .where('tenant_id', '=', scope.tenantId)
    .where('login_hash', '=', loginHash)
    .where('ip', '=', addressOf(ip))
    .execute();
}

/** Forgets the failures of every address for these logins (their account's password was reset). */
export async function clearLogins(scope: TenantScope, loginHashes: readonly string[]): Promise<void> {
  if (loginHashes.length === 0) return;
  await scope.trx
    .deleteFrom('login_throttles')
    .where('tenant_id', '=', scope.tenantId)
    .where('login_hash', 'in', loginHashes)
    .execute();
}
