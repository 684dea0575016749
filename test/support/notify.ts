/**
 * What the notification tests share: waiting for something to happen, the delivery context a job
 * would hand `deliverPending` for one tenant, an outbox row as stored, and the retry policy.
 */
import { SYSTEM_ACTOR } from '../../src/platform/db/tenant-scope.ts';
import type { DeliveryContext, DeliveryOptions } from '../../src/platform/notify/outbox.ts';
import type { Platform } from '../../src/platform/platform.ts';

/** Waits until `check` returns a value other than undefined, or fails after `ms`. */
export async function until<T>(
  check: () => Promise<T | undefined> | T | undefined,
  what: string,
  ms = 20_000,
) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** What a delivery job would hand `deliverPending` for one tenant. */
export function deliveryFor(platform: Platform, tenantId: string): DeliveryContext {
  return { tenantId, inTenant: (fn) => platform.inTenant(tenantId, SYSTEM_ACTOR, fn) };
}

export async function outboxRow(platform: Platform, tenantId: string, id: string) {
  return platform.inTenant(tenantId, SYSTEM_ACTOR, (scope) =>
    scope.trx
      .selectFrom('notification_outbox')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirstOrThrow(),
  );
}

export const RETRY: DeliveryOptions = { maxAttempts: 3, retrySeconds: 60 };
