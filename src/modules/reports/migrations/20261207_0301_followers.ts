/**
 * Citizens who follow a report (its status messages) or an area (FixMyStreet-style alerts of new
 * public reports within a radius of a point). A follower is an email address; a visitor's address
 * is confirmed by a link sent to it before anything else is sent there, a signed-in citizen's is
 * their account's. `token` is the follower's capability: it is in every message's confirm and
 * one-click stop links, so it is kept (not only its hash) to write them again; it grants nothing
 * but confirming and stopping this one follow. `report_follow_alerts` records which reports an
 * area follower was told of, so that each is told once, even of a report made public late.
 */
import type { Kysely } from 'kysely';
import { enableTenantIsolation, runStatements } from '../../../platform/sdk/index.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table report_followers (
      tenant_id uuid not null references tenants (id),
      id uuid not null,
      report_id uuid,
      lat double precision check (lat between -90 and 90),
      lng double precision check (lng between -180 and 180),
      radius_m integer check (radius_m between 100 and 5000),
      email text not null check (length(email) between 3 and 254),
      user_id uuid,
      language text not null check (language in ('id', 'en')),
      token text not null check (length(token) >= 32),
      confirmed_at timestamptz,
      stopped_at timestamptz,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, report_id) references reports (tenant_id, id),
      foreign key (tenant_id, user_id) references users (tenant_id, id),
      check ((report_id is null) = (lat is not null)),
      check ((lat is null) = (lng is null) and (lat is null) = (radius_m is null))
    )`,
    // One live follow of a report per address; a stopped one may be started again.
    `create unique index report_followers_report on report_followers (tenant_id, report_id, lower(email))
      where report_id is not null and stopped_at is null`,
    `create index report_followers_area on report_followers (tenant_id, created_at)
      where report_id is null and stopped_at is null and confirmed_at is not null`,
    `create table report_follow_alerts (
      tenant_id uuid not null references tenants (id),
      follower_id uuid not null,
      report_id uuid not null,
      sent_at timestamptz not null default now(),
      primary key (tenant_id, follower_id, report_id),
      foreign key (tenant_id, follower_id) references report_followers (tenant_id, id),
      foreign key (tenant_id, report_id) references reports (tenant_id, id)
    )`,
  ]);
  for (const table of ['report_followers', 'report_follow_alerts']) {
    await enableTenantIsolation(db, table);
  }
}
