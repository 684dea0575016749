/**
 * `signal(scope, channel, payload)`: what the kernel's writers call (emitEvent, invalidate,
 * enqueueNotification) to tell every process something once — and only if — the scope's transaction
 * commits. The signal waits in the transaction's batch and is written with its COMMIT.
 */
import { sql } from 'kysely';
import { batchOf, newBatchId } from '../db/commit-batch.ts';
import type { TenantScope } from '../db/tenant-scope.ts';
import { addSignal, checkSignal } from './batch.ts';

export async function signal(scope: TenantScope, channel: string, payload: string): Promise<void> {
  checkSignal(scope.tenantId, channel, payload);
  const batch = batchOf(scope);
  if (batch) {
    addSignal(batch, { tenantId: scope.tenantId, channel, payload });
    return;
  }
  // A transaction that `withTenant` did not open (`bindTenant`'s caller commits it) has no step
  // before its commit: the row is written now, and delivered by the signal readers.
  await sql`insert into platform_signals (tenant_id, batch, channel, payload)
    values (${scope.tenantId}, ${newBatchId()}, ${channel}, ${payload})`.execute(scope.trx);
}
