/**
 * A filing retried with its Idempotency-Key gets its first answer back (services/replay.ts): the
 * answer, secret included, is kept sealed under the client's key for a bounded time
 * (`idempotency_answer` until `idempotency_expires_at`), and the key itself is kept only as its
 * SHA-256, so that the stored row alone opens nothing. Keys stored before are hashed here; their
 * reports have no kept answer (a replay of them names the report, with no secret).
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../../../platform/sdk/index.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    'alter table reports add column idempotency_answer text, add column idempotency_expires_at timestamptz',
    // The sweep (index.ts) looks for answers past their time, in every tenant.
    `create index reports_replay_expiry on reports (idempotency_expires_at)
      where idempotency_expires_at is not null`,
    // Row-level security is forced on the table, so its owner (the migrating user, unless it is a
    // superuser) sees none of its rows: lifted for the migration's own transaction, and put back.
    'alter table reports no force row level security',
    `update reports set idempotency_key = encode(sha256(convert_to(idempotency_key, 'UTF8')), 'hex')
      where idempotency_key is not null`,
    'alter table reports force row level security',
  ]);
}
