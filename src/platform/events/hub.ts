/**
 * Live domain events. A service emits an event inside its transaction (`emitEvent`); Postgres
 * delivers it with NOTIFY only if the transaction commits, to every process listening on the
 * database, embedded or server. Each process's hub hands it to the subscribers of that tenant
 * (the Server-Sent Events streams).
 */
import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import type { TenantScope } from '../db/tenant-scope.ts';

export const EVENTS_CHANNEL = 'balai_events';

/** What travels: ids and a type, never personal data (NOTIFY payloads are visible to listeners). */
export type DomainEvent = Readonly<{
  tenantId: string;
  type: string;
  entityType: string;
  entityId: string | null;
  at: string;
  data?: Record<string, string | number | boolean | null>;
}>;

/** Emits an event with the scope's transaction: delivered on commit, dropped on rollback. */
export async function emitEvent(
  scope: TenantScope,
  event: { type: string; entityType: string; entityId?: string | null; data?: DomainEvent['data'] },
): Promise<void> {
  const payload: DomainEvent = {
    tenantId: scope.tenantId,
    type: event.type,
    entityType: event.entityType,
    entityId: event.entityId ?? null,
    at: new Date().toISOString(),
    ...(event.data ? { data: event.data } : {}),
  };
  const text = JSON.stringify(payload);
  // NOTIFY payloads are limited to 8000 bytes; events carry ids, so this is a programming error.
  if (Buffer.byteLength(text) > 7900) throw new Error(`event ${event.type} is too large for NOTIFY`);
  await sql`select pg_notify(${EVENTS_CHANNEL}, ${text})`.execute(scope.trx);
}

type Subscriber = (event: DomainEvent) => void;

/** Fans events out to the subscribers of each tenant in this process. */
export class EventHub {
  readonly #byTenant = new Map<string, Set<Subscriber>>();
  #unlisten: (() => Promise<void>) | undefined;

  /** Starts listening on the database. */
  async start(database: Database): Promise<void> {
    this.#unlisten = await database.listen(EVENTS_CHANNEL, (payload) => {
      let event: DomainEvent;
      try {
        event = JSON.parse(payload) as DomainEvent;
      } catch {
        return;
      }
      for (const s of this.#byTenant.get(event.tenantId) ?? []) s(event);
    });
  }

  /** Subscribes to one tenant's events; returns the function that unsubscribes. */
  subscribe(tenantId: string, subscriber: Subscriber): () => void {
    const set = this.#byTenant.get(tenantId) ?? new Set<Subscriber>();
    set.add(subscriber);
    this.#byTenant.set(tenantId, set);
    return () => {
      set.delete(subscriber);
      if (set.size === 0) this.#byTenant.delete(tenantId);
    };
  }

  async stop(): Promise<void> {
    await this.#unlisten?.();
    this.#byTenant.clear();
  }
}
