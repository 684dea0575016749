/**
 * Notifications: the outbox, written in the same transaction as the change it announces and
 * delivered by a job after commit, and the development mailbox that stands in for real transports
 * outside production.
 */
import type { Kysely } from 'kysely';
import { enableTenantIsolation, runStatements } from '../rls.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table notification_outbox (
      tenant_id uuid not null references tenants (id),
      id uuid not null,
      channel text not null check (channel in ('email', 'sms', 'whatsapp')),
      recipient text not null check (length(recipient) between 3 and 320),
      subject text check (length(subject) <= 998),
      body text not null,
      status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
      attempts integer not null default 0 check (attempts >= 0),
      last_error text,
      next_attempt_at timestamptz not null default now(),
      provider_id text,
      created_at timestamptz not null default now(),
      sent_at timestamptz,
      primary key (tenant_id, id),
      check ((channel = 'email') = (subject is not null)),
      check ((status = 'sent') = (sent_at is not null))
    )`,
    // What a delivery run claims, and what the sweep looks for across tenants: only pending rows.
    `create index notification_outbox_due on notification_outbox (tenant_id, next_attempt_at)
      where status = 'pending'`,
    `create table dev_mailbox (
      tenant_id uuid not null references tenants (id),
      id uuid not null,
      channel text not null check (channel in ('email', 'sms', 'whatsapp')),
      sender text not null,
      recipient text not null,
      subject text,
      body text not null,
      received_at timestamptz not null default now(),
      primary key (tenant_id, id)
    )`,
    'create index dev_mailbox_received on dev_mailbox (tenant_id, received_at desc)',
  ]);
  await enableTenantIsolation(db, 'notification_outbox');
  await enableTenantIsolation(db, 'dev_mailbox');
}
