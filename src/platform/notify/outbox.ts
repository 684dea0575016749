/**
 * The notification outbox. A service that wants a message sent writes an outbox row in its own
 * transaction (`enqueueNotification`): if the change rolls back, so does the message. The same
 * transaction signals the tenant's outbox (signals/), delivered only once it commits; the job
 * runner answers with a delivery job for that tenant, and a task every minute catches whatever a
 * wake-up missed (a retry that came due, a job runner that was down).
 *
 * Delivery (`deliverPending`) is at-least-once and idempotent per row:
 * - a short transaction claims due rows `for update skip locked`, counts the attempt and leases
 *   them (moves `next_attempt_at` ahead), so no other run takes them while they are being sent;
 * - each message is sent with no transaction open;
 * - a second short transaction marks it sent (only if still pending) or records the error and the
 *   next attempt, with exponential backoff, until `maxAttempts`, when it is marked failed.
 * A sent row is never claimed again. A crash between sending and marking leaves the row pending
 * under its lease, and it is sent again once the lease has passed: transports receive the row id
 * on every attempt (the SMTP Message-ID is built from it) so receivers can recognise the repeat.
 */
import { type Expression, type Kysely, sql } from 'kysely';
import { batchOf } from '../db/commit-batch.ts';
import type { NotificationChannel, PlatformTables } from '../db/schema.ts';
import { readAcrossTenants, type TenantScope } from '../db/tenant-scope.ts';
import { invalid } from '../errors.ts';
import { newId } from '../ids.ts';
import { signal } from '../signals/signal.ts';
import type { SendReceipt, Transports } from './transports.ts';

/** The signal channel a committed outbox row wakes the tenant's delivery job on. */
export const OUTBOX_CHANNEL = 'outbox';

export type NotificationInput =
  | Readonly<{
      channel: 'email';
      to: string;
      subject: string;
      body: string;
      /** An https (or, outside production, http) address that stops such messages in one click. */
      unsubscribeUrl?: string | undefined;
    }>
  | Readonly<{ channel: 'sms' | 'whatsapp'; to: string; body: string }>;

const MAX_BODY = 100_000;

/**
 * Queues a message in the caller's transaction; it is delivered after commit, never if the
 * transaction rolls back. Returns the outbox row's id. Not audited on its own: it is part of the
 * change that the caller records.
 */
export async function enqueueNotification(scope: TenantScope, input: NotificationInput): Promise<string> {
  const to = input.to.trim();
  if (to.length < 3 || to.length > 320 || /\s/.test(to) || (input.channel === 'email' && !to.includes('@'))) {
    throw invalid({ path: '/notification/to', code: input.channel === 'email' ? 'email' : 'phone' });
  }
  if (input.body.length === 0 || input.body.length > MAX_BODY) {
    throw invalid({ path: '/notification/body', code: 'maxLength', params: { limit: MAX_BODY } });
  }
  // A subject is one header line: line breaks would be folded by the mailer anyway.
  const subject = input.channel === 'email' ? input.subject.replace(/[\r\n]+/g, ' ').slice(0, 998) : null;
  const unsubscribeUrl = input.channel === 'email' ? (input.unsubscribeUrl ?? null) : null;
  if (unsubscribeUrl !== null && !/^https?:\/\/[^\s<>]{1,2000}$/.test(unsubscribeUrl)) {
    throw invalid({ path: '/notification/unsubscribeUrl', code: 'format' });
  }
  const id = newId();
  const row = {
    tenant_id: scope.tenantId,
    id,
    channel: input.channel,
    recipient: to,
    subject,
    body: input.body,
    unsubscribe_url: unsubscribeUrl,
  };
  // Nothing reads the row back before the commit: it is written with it (db/commit-batch.ts).
  const batch = batchOf(scope);
  if (batch) batch.add(scope.tenantId, 'notification_outbox', row);
  else await scope.trx.insertInto('notification_outbox').values(row).execute();
  await signal(scope, OUTBOX_CHANNEL, '');
  return id;
}

export type DeliveryOptions = Readonly<{
  /** Attempts before a message is marked failed. */
  maxAttempts: number;
  /** Delay after the first failed attempt; doubled after each further one (at most six hours). */
  retrySeconds: number;
  /** Rows claimed at a time (default 10). */
  batchSize?: number;
  /** How long a claim keeps other runs off a row (default 10 minutes): longer than a batch takes. */
  leaseSeconds?: number;
  /** The time the run acts at (default: the database's clock); rows due by then are sent. */
  now?: Date | undefined;
}>;

export type DeliveryReport = { sent: number; retrying: number; failed: number };

/** What a delivery run needs of its job: the tenant, its transactions, and a stop signal. */
export type DeliveryContext = Readonly<{
  tenantId: string;
  inTenant<T>(fn: (scope: TenantScope) => Promise<T>): Promise<T>;
  signal?: AbortSignal;
}>;

type Claimed = {
  id: string;
  channel: NotificationChannel;
  recipient: string;
  subject: string | null;
  body: string;
  unsubscribe_url: string | null;
  attempts: number;
};

const MAX_BACKOFF_SECONDS = 6 * 3600;

/** `seconds` after the given time, or after the database's `now()` (one clock for every process). */
function after(now: Date | undefined, seconds: number): Expression<Date> {
  return now
    ? sql<Date>`${new Date(now.getTime() + seconds * 1000)}::timestamptz`
    : sql<Date>`now() + make_interval(secs => ${seconds})`;
}

/** Delay before the attempt after `attempts` failed ones. */
export function backoffSeconds(attempts: number, retrySeconds: number): number {
  return Math.min(MAX_BACKOFF_SECONDS, retrySeconds * 2 ** Math.max(0, attempts - 1));
}

function errorText(error: unknown): string {
  const e = error as { message?: unknown; responseCode?: unknown; code?: unknown };
  const text = typeof e?.message === 'string' ? e.message : String(error);
  const code =
    typeof e?.responseCode === 'number' ? e.responseCode : typeof e?.code === 'string' ? e.code : '';
  return (code && !text.includes(String(code)) ? `${code} ${text}` : text).slice(0, 1000);
}

async function claim(
  ctx: DeliveryContext,
  now: Date | undefined,
  limit: number,
  leaseSeconds: number,
): Promise<Claimed[]> {
  return ctx.inTenant(async (scope) => {
    const due = await scope.trx
      .selectFrom('notification_outbox')
      .select('id')
      .where('tenant_id', '=', scope.tenantId)
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', after(now, 0))
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    if (due.length === 0) return [];
    return scope.trx
      .updateTable('notification_outbox')
      .set({
        attempts: sql`attempts + 1`,
        next_attempt_at: after(now, leaseSeconds),
      })
      .where('tenant_id', '=', scope.tenantId)
      .where(
        'id',
        'in',
        due.map((r) => r.id),
      )
      .returning(['id', 'channel', 'recipient', 'subject', 'body', 'unsubscribe_url', 'attempts'])
      .execute();
  });
}

async function send(transports: Transports, tenantId: string, row: Claimed): Promise<SendReceipt> {
  const meta = { tenantId, messageId: row.id };
  if (row.channel === 'email') {
    if (!transports.email) throw new Error('no transport for email');
    return transports.email.send(
      {
        to: row.recipient,
        subject: row.subject ?? '',
        text: row.body,
        ...(row.unsubscribe_url ? { unsubscribeUrl: row.unsubscribe_url } : {}),
      },
      meta,
    );
  }
  const provider = transports[row.channel];
  if (!provider) throw new Error(`no transport for ${row.channel}`);
  return provider.send(row.recipient, row.body, meta);
}

/**
 * Sends the tenant's due messages, batch by batch, until none is due or the signal aborts. A
 * message whose transport throws stays pending for a later run, or is marked failed after
 * `maxAttempts`; a channel with no transport fails its messages at once.
 */
export async function deliverPending(
  ctx: DeliveryContext,
  transports: Transports,
  options: DeliveryOptions,
): Promise<DeliveryReport> {
  const now = options.now;
  const batchSize = options.batchSize ?? 10;
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  while (!ctx.signal?.aborted) {
    const rows = await claim(ctx, now, batchSize, options.leaseSeconds ?? 600);
    if (rows.length === 0) break;
    for (const [index, row] of rows.entries()) {
      if (ctx.signal?.aborted) {
        await release(ctx, rows.slice(index), now);
        break;
      }
      let receipt: SendReceipt | undefined;
      let failure = '';
      const missing = !(row.channel === 'email' ? transports.email : transports[row.channel]);
      try {
        receipt = await send(transports, ctx.tenantId, row);
      } catch (error) {
        failure = errorText(error);
      }
      if (receipt) {
        await ctx.inTenant((scope) =>
          scope.trx
            .updateTable('notification_outbox')
            .set({ status: 'sent', sent_at: new Date(), provider_id: receipt.providerId, last_error: null })
            .where('tenant_id', '=', scope.tenantId)
            .where('id', '=', row.id)
            .where('status', '=', 'pending')
            .execute(),
        );
        report.sent += 1;
        continue;
      }
      const givingUp = missing || row.attempts >= options.maxAttempts;
      await ctx.inTenant((scope) =>
        scope.trx
          .updateTable('notification_outbox')
          .set({
            status: givingUp ? 'failed' : 'pending',
            last_error: failure,
            next_attempt_at: after(now, backoffSeconds(row.attempts, options.retrySeconds)),
          })
          .where('tenant_id', '=', scope.tenantId)
          .where('id', '=', row.id)
          .where('status', '=', 'pending')
          // Only the run holding this attempt's claim records its outcome.
          .where('attempts', '=', row.attempts)
          .execute(),
      );
      if (givingUp) report.failed += 1;
      else report.retrying += 1;
    }
  }
  return report;
}

/** Hands claimed but unsent rows back, as if the attempt had not started. */
async function release(ctx: DeliveryContext, rows: readonly Claimed[], now: Date | undefined): Promise<void> {
  for (const row of rows) {
    await ctx.inTenant((scope) =>
      scope.trx
        .updateTable('notification_outbox')
        .set({ attempts: row.attempts - 1, next_attempt_at: after(now, 0) })
        .where('tenant_id', '=', scope.tenantId)
        .where('id', '=', row.id)
        .where('status', '=', 'pending')
        .where('attempts', '=', row.attempts)
        .execute(),
    );
  }
}

/** The tenants with messages due by `now`: read across tenants by nature (the sweep). */
export async function tenantsWithDueNotificationsAcrossTenants(
  db: Kysely<PlatformTables>,
  now?: Date,
): Promise<string[]> {
  const rows = await readAcrossTenants(db, (trx) =>
    trx
      .selectFrom('notification_outbox')
      .select('tenant_id')
      .distinct()
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', after(now, 0))
      .execute(),
  );
  return rows.map((r) => r.tenant_id);
}
