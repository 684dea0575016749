/**
 * A transaction's signals, collected in memory while it runs and written as one multi-row INSERT
 * right before its COMMIT, in the same round trip (db/transaction-hooks.ts). The statement is SQL
 * text without parameters: tenant ids are checked UUIDs, channels match a narrow pattern, batch ids
 * are digits this file makes, and payloads are escaped literals.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { isUuid } from '../ids.ts';

/** One thing a committed transaction tells every process: a channel, a tenant and a short text. */
export type Signal = Readonly<{ tenantId: string; channel: string; payload: string }>;

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

/**
 * A new batch id: 53 random bits (what a JS number holds exactly, as int8 columns are read here),
 * as digits. Only the few batches a process delivered in the last moments are compared with it.
 */
export function newBatchId(): string {
  return (randomBytes(8).readBigUInt64BE() >> 11n).toString();
}

/** The signals of one transaction, and the id its rows carry. */
export class SignalBatch {
  readonly id = newBatchId();
  readonly #signals: Signal[] = [];
  #sealed = false;

  add(signal: Signal): void {
    if (this.#sealed) throw new Error(`signal ${signal.channel}: its transaction has already ended`);
    this.#signals.push(signal);
  }

  get signals(): readonly Signal[] {
    return this.#signals;
  }

  /**
   * The statements that write the batch in a transaction bound to `boundTenant`, or null when it is
   * empty; no signal can be added afterwards.
   */
  seal(boundTenant: string): string | null {
    this.#sealed = true;
    return this.#signals.length === 0 ? null : insertStatements(this.id, this.#signals, boundTenant);
  }
}

/**
 * One INSERT per tenant (a transaction may act in a second tenant: `inOtherTenant`), each in the
 * tenant it belongs to, since row-level security lets a tenant scope write only its own rows.
 */
export function insertStatements(batchId: string, signals: readonly Signal[], boundTenant: string): string {
  if (!/^\d{1,16}$/.test(batchId)) throw new Error(`signal batch id "${batchId}" is not a bigint`);
  const byTenant = new Map<string, Signal[]>();
  for (const s of signals) {
    checkSignal(s.tenantId, s.channel, s.payload);
    const list = byTenant.get(s.tenantId) ?? [];
    list.push(s);
    byTenant.set(s.tenantId, list);
  }
  const statements: string[] = [];
  let bound = boundTenant;
  for (const [tenantId, list] of byTenant) {
    if (tenantId !== bound) {
      statements.push(`select set_config('app.tenant_id', '${tenantId}', true)`);
      bound = tenantId;
    }
    const rows = list.map(
      (s) => `('${tenantId}', ${batchId}, '${s.channel}', ${pg.escapeLiteral(s.payload)})`,
    );
    statements.push(
      `insert into platform_signals (tenant_id, batch, channel, payload) values ${rows.join(', ')}`,
    );
  }
  return statements.join('; ');
}

/** The batch of each scope whose transaction writes its signals at commit. */
const batches = new WeakMap<object, SignalBatch>();

export function attachBatch(scope: object, batch: SignalBatch): void {
  batches.set(scope, batch);
}

export function batchOf(scope: object): SignalBatch | undefined {
  return batches.get(scope);
}
