/**
 * Live domain events. A service emits an event inside its transaction (`emitEvent`): it is a signal
 * (signals/), written with the transaction's COMMIT and delivered only if it commits, to every
 * process on the database, embedded or server. Each process's hub hands it to the subscribers of
 * that tenant (the Server-Sent Events streams).
 */
import type { TenantScope } from '../db/tenant-scope.ts';
import type { SignalBus } from '../signals/bus.ts';
import { signal } from '../signals/signal.ts';

/** The signal channel of live events. */
export const EVENTS_CHANNEL = 'event';

/** What travels: ids and a type, never personal data (signals are read by every process). */
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
  // Signals are short (ids); a larger event is a programming error, thrown here.
  await signal(scope, EVENTS_CHANNEL, JSON.stringify(payload));
}

type Subscriber = (event: DomainEvent) => void;

/** Fans events out to the subscribers of each tenant in this process. */
export class EventHub {
  readonly #byTenant = new Map<string, Set<Subscriber>>();
  #unsubscribe: (() => void) | undefined;

  /** Starts taking the events of the platform's signal bus. */
  start(signals: SignalBus): void {
    this.#unsubscribe = signals.on(EVENTS_CHANNEL, (tenantId, payload) => {
      const subscribers = this.#byTenant.get(tenantId);
      if (!subscribers) return;
      let event: DomainEvent;
      try {
        // The row's tenant is the one row-level security checked when it was written.
        event = { ...(JSON.parse(payload) as DomainEvent), tenantId };
      } catch {
        return;
      }
      for (const s of subscribers) s(event);
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

  stop(): void {
    this.#unsubscribe?.();
    this.#byTenant.clear();
  }
}
