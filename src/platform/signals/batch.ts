/**
 * Signals as rows: what one is, what it may hold, and the signals among a transaction's rows. They
 * are written with the transaction's other appended rows right before its COMMIT
 * (db/commit-batch.ts), so the statement is SQL text: tenant ids are checked UUIDs, channels match a
 * narrow pattern, payloads are escaped literals.
 */
import type { CommitBatch } from '../db/commit-batch.ts';
import { isUuid } from '../ids.ts';

/** One thing a committed transaction tells every process: a channel, a tenant and a short text. */
export type Signal = Readonly<{ tenantId: string; channel: string; payload: string }>;

/** The table signals are rows of. */
export const SIGNALS_TABLE = 'platform_signals';

/** The tenant of signals that concern no one tenant (the directory): the nil UUID. */
export const NO_TENANT = '00000000-0000-0000-0000-000000000000';

const CHANNEL = /^[a-z][a-z0-9_.-]{0,62}$/;

/** A payload's limit, in UTF-8 bytes: signals carry ids and short texts, as NOTIFY did (8000). */
export const MAX_PAYLOAD_BYTES = 7900;

/** Throws when a signal could not be written as it is; a programming error, told where it is made. */
export function checkSignal(tenantId: string, channel: string, payload: string): void {
  if (!isUuid(tenantId)) throw new Error(`signal: tenant id "${tenantId}" is not a UUID`);
  if (!CHANNEL.test(channel)) throw new Error(`signal: channel "${channel}" is not a channel name`);
  if (payload.includes('\0')) throw new Error(`signal ${channel}: the payload holds a NUL character`);
  if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) {
    throw new Error(`signal ${channel}: the payload is larger than ${MAX_PAYLOAD_BYTES} bytes`);
  }
}

/** Adds a signal to a transaction's rows; the batch's id names them for the process writing them. */
export function addSignal(batch: CommitBatch, signal: Signal): void {
  checkSignal(signal.tenantId, signal.channel, signal.payload);
  batch.add(signal.tenantId, SIGNALS_TABLE, {
    tenant_id: signal.tenantId,
    batch: Number(batch.id),
    channel: signal.channel,
    payload: signal.payload,
  });
}

/** The signals among a committed transaction's rows, in the order they were made. */
export function signalsOf(batch: CommitBatch): Signal[] {
  return batch.rowsOf(SIGNALS_TABLE).map((r) => ({
    tenantId: r.tenantId,
    channel: String(r.values.channel),
    payload: String(r.values.payload),
  }));
}
