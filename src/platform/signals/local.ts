/**
 * The processes' own delivery: when a transaction commits, the signal buses on the same database
 * in this process (one per platform; tests may run two on one embedded database) get its batch at
 * once, before the writer's request answers — a caller reads its own writes. Other processes get
 * it from the table (bus.ts).
 */
import type { CommitBatch } from '../db/commit-batch.ts';
import { SIGNALS_TABLE, type Signal, signalsOf } from './batch.ts';

/** What takes a committed batch in this process: a signal bus. */
export interface Receiver {
  /**
   * The batch is being committed: a read that meets its rows before its commit is known here skips
   * them (the commit's answer and a read's may arrive in either order); `committed` delivers them.
   */
  expect(batchId: string): void;
  /** Its transaction failed: nothing of the batch will come. */
  forget(batchId: string): void;
  /** Delivers the batch here; resolves when its handlers' work has (rejects if one failed). */
  committed(batch: CommitBatch, signals: readonly Signal[]): Promise<void>;
}

/** Receivers by the database handle (a Kysely instance) their platform writes through. */
const receivers = new Map<object, Set<Receiver>>();

/** Registers a receiver for the transactions committed through `db`; returns the function that removes it. */
export function addReceiver(db: object, receiver: Receiver): () => void {
  const set = receivers.get(db) ?? new Set<Receiver>();
  set.add(receiver);
  receivers.set(db, set);
  return () => {
    set.delete(receiver);
    if (set.size === 0) receivers.delete(db);
  };
}

/** Tells this process's receivers for `db` that a batch with signals is about to commit. */
export function expectCommit(db: object, batch: CommitBatch): void {
  if (batch.rowsOf(SIGNALS_TABLE).length === 0) return;
  for (const r of receivers.get(db) ?? []) r.expect(batch.id);
}

/** Tells them its transaction failed after all. */
export function forgetBatch(db: object, batch: CommitBatch): void {
  for (const r of receivers.get(db) ?? []) r.forget(batch.id);
}

/** Hands the signals of a committed batch to this process's receivers for `db`. */
export function deliverCommitted(db: object, batch: CommitBatch): Promise<void> {
  const set = receivers.get(db);
  if (!set) return Promise.resolve();
  const signals = signalsOf(batch);
  if (signals.length === 0) return Promise.resolve();
  return Promise.all([...set].map((r) => r.committed(batch, signals))).then(() => undefined);
}
