/**
 * The first answer to a filing, kept for its retries (ADR 0011). A client that retries a filing
 * with its Idempotency-Key — a response lost on a bad network, a phone's draft sent again when the
 * network returns — gets the first answer back exactly, the anonymous reporter's secret included,
 * and nothing new is granted. The report keeps only the secret's hash, so the answer is kept beside
 * it for `REPLAY_LIFETIME_MS`, sealed (AES-256-GCM) under a key derived from the client's
 * Idempotency-Key, which the row holds only as its SHA-256: the stored row alone opens nothing. Past
 * its lifetime a replay ignores it and names the report with no secret, and the
 * `reports.replay-sweep` task erases it.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { type Platform, readAcrossTenants, sha256, type TenantScope } from '../../../platform/sdk/index.ts';
import type { Status } from '../lifecycle.ts';
import { expiredAnswerTenantIdsAcrossTenants, forgetReplayAnswers } from '../repo/reports.ts';

/** As long as the portal keeps an unsent report on the device (7 days), which it may send again. */
export const REPLAY_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/** What a filing answered, as kept for its replays. */
export type FirstAnswer = {
  id: string;
  trackingNo: string;
  status: Status;
  dueAt: string | null;
  secret?: string;
};

/** What the row keeps of an Idempotency-Key: its SHA-256, for lookups and uniqueness. */
export function idempotencyKeyHash(key: string): string {
  return sha256(key);
}

function sealingKey(idempotencyKey: string, tenantId: string, reportId: string): Buffer {
  return Buffer.from(
    hkdfSync('sha256', idempotencyKey, `${tenantId}/${reportId}`, 'balai reports: first answer', 32),
  );
}

/**
 * The sealing is only as strong as the client's key: a short one could be guessed from a copy of
 * the database. A key shorter than this keeps the answer without the secret (a UUID has 36).
 */
export const MIN_SEALING_KEY_LENGTH = 16;

/**
 * What of the first answer is kept: all of it, unless the secret would be sealed under a guessable
 * key, or the channel never hands the secret over (the messaging webhook answers the provider,
 * not the citizen).
 */
export function keptForReplay(answer: FirstAnswer, idempotencyKey: string, channel: string): FirstAnswer {
  if (answer.secret === undefined) return answer;
  if (idempotencyKey.length >= MIN_SEALING_KEY_LENGTH && channel !== 'messaging') return answer;
  const { secret: _withheld, ...rest } = answer;
  return rest;
}

/** The answer sealed under the client's key, bound to the tenant and the report. */
export function sealAnswer(answer: FirstAnswer, idempotencyKey: string, tenantId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(idempotencyKey, tenantId, answer.id), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(answer), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The sealed answer opened with the client's key, or null when it does not open (or is not one). */
export function openAnswer(
  sealed: string,
  idempotencyKey: string,
  tenantId: string,
  reportId: string,
): FirstAnswer | null {
  try {
    const bytes = Buffer.from(sealed, 'base64url');
    if (bytes.length < 29) return null;
    const decipher = createDecipheriv(
      'aes-256-gcm',
      sealingKey(idempotencyKey, tenantId, reportId),
      bytes.subarray(0, 12),
    );
    decipher.setAuthTag(bytes.subarray(12, 28));
    const text = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
    const answer = JSON.parse(text) as FirstAnswer;
    return answer.id === reportId ? answer : null;
  } catch {
    return null;
  }
}

/** Erases the kept answers that expired before `now` (the `reports.replay-sweep` task). */
export function forgetExpiredAnswers(scope: TenantScope, now: Date): Promise<number> {
  return forgetReplayAnswers(scope, now);
}

/** Tenants keeping an expired answer. Reads across tenants. */
export function tenantsWithExpiredAnswersAcrossTenants(platform: Platform, now: Date): Promise<string[]> {
  return readAcrossTenants(platform.database.db, (trx) => expiredAnswerTenantIdsAcrossTenants(trx, now));
}
