/**
 * The market prices app (SEGAR): settings, markets and their officers, commodities with grades and
 * plausible ranges, daily price entries (traders' quotes and their median), the publication of a
 * day, the city-wide rollup written at publication, alerts and who is told about them. Prices are
 * whole rupiah; days are dates in the tenant's own calendar (ADR 0015).
 */
import type { Kysely } from 'kysely';
import { enableTenantIsolation, runStatements } from '../../../platform/sdk/index.ts';

const CODE = `~ '^[a-z0-9]+(-[a-z0-9]+)*$'`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table market_settings (
      tenant_id uuid not null references tenants (id),
      publish_time text not null default '13:00' check (publish_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      jump_percent integer not null default 20 check (jump_percent between 1 and 1000),
      alert_percent integer not null default 10 check (alert_percent between 1 and 1000),
      summary_sent_on date,
      updated_at timestamptz not null default now(),
      primary key (tenant_id)
    )`,
    `create table markets (
      tenant_id uuid not null references tenants (id),
      id uuid not null,
      code text not null check (code ${CODE} and length(code) <= 40),
      name text not null check (length(name) between 2 and 120),
      address text,
      lat double precision check (lat between -90 and 90),
      lng double precision check (lng between -180 and 180),
      agency_id uuid,
      active boolean not null default true,
      sort integer not null default 0,
      updated_at timestamptz not null default now(),
      primary key (tenant_id, id),
      unique (tenant_id, code),
      foreign key (tenant_id, agency_id) references agencies (tenant_id, id),
      check ((lat is null) = (lng is null))
    )`,
    `create table commodities (
      tenant_id uuid not null references tenants (id),
      id uuid not null,
      code text not null check (code ${CODE} and length(code) <= 40),
      name jsonb not null,
      group_code text not null check (group_code ${CODE} and length(group_code) <= 40),
      grade text,
      unit text not null check (unit in ('kg', 'liter')),
      min_price integer not null check (min_price > 0),
      max_price integer not null check (max_price <= 100000000),
      active boolean not null default true,
      sort integer not null default 0,
      updated_at timestamptz not null default now(),
      primary key (tenant_id, id),
      unique (tenant_id, code),
      check (max_price > min_price)
    )`,
    `create table market_officers (
      tenant_id uuid not null references tenants (id),
      market_id uuid not null,
      user_id uuid not null,
      created_at timestamptz not null default now(),
      primary key (tenant_id, market_id, user_id),
      foreign key (tenant_id, market_id) references markets (tenant_id, id),
      foreign key (tenant_id, user_id) references users (tenant_id, id)
    )`,
    'create index market_officers_user on market_officers (tenant_id, user_id)',
    `create table price_entries (
      tenant_id uuid not null references tenants (id),
      commodity_id uuid not null,
      market_id uuid not null,
      day date not null,
      quotes jsonb not null check (jsonb_typeof(quotes) = 'array' and jsonb_array_length(quotes) between 1 and 5),
      price integer not null check (price > 0),
      status text not null check (status in ('draft', 'verified', 'published')),
      entered_by uuid,
      entered_at timestamptz not null default now(),
      verified_by uuid,
      verified_at timestamptz,
      published_at timestamptz,
      corrected_by uuid,
      corrected_at timestamptz,
      primary key (tenant_id, commodity_id, market_id, day),
      foreign key (tenant_id, commodity_id) references commodities (tenant_id, id),
      foreign key (tenant_id, market_id) references markets (tenant_id, id),
      foreign key (tenant_id, entered_by) references users (tenant_id, id),
      foreign key (tenant_id, verified_by) references users (tenant_id, id),
      foreign key (tenant_id, corrected_by) references users (tenant_id, id)
    )`,
    // The primary key answers a market's history of one commodity; this one a day's sheet and review.
    'create index price_entries_day on price_entries (tenant_id, day, market_id)',
    `create table price_days (
      tenant_id uuid not null references tenants (id),
      day date not null,
      status text not null check (status in ('verified', 'published')),
      verified_by uuid,
      verified_at timestamptz,
      published_by uuid,
      published_at timestamptz,
      public_from timestamptz,
      primary key (tenant_id, day),
      foreign key (tenant_id, verified_by) references users (tenant_id, id),
      foreign key (tenant_id, published_by) references users (tenant_id, id),
      check ((status = 'published') = (public_from is not null))
    )`,
    `create table price_rollups (
      tenant_id uuid not null references tenants (id),
      commodity_id uuid not null,
      day date not null,
      avg_price integer not null,
      min_price integer not null,
      max_price integer not null,
      markets integer not null check (markets > 0),
      cheapest_market_id uuid not null,
      primary key (tenant_id, commodity_id, day),
      foreign key (tenant_id, commodity_id) references commodities (tenant_id, id),
      foreign key (tenant_id, cheapest_market_id) references markets (tenant_id, id)
    )`,
    'create index price_rollups_day on price_rollups (tenant_id, day)',
    `create table price_alerts (
      tenant_id uuid not null references tenants (id),
      id uuid not null,
      day date not null,
      commodity_id uuid not null,
      market_id uuid,
      previous_day date not null,
      previous integer not null,
      current integer not null,
      percent double precision not null,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, commodity_id) references commodities (tenant_id, id),
      foreign key (tenant_id, market_id) references markets (tenant_id, id)
    )`,
    // One alert per day, commodity and place (a market, or the city when market_id is null).
    `create unique index price_alerts_once on price_alerts
      (tenant_id, day, commodity_id, coalesce(market_id, '00000000-0000-0000-0000-000000000000'::uuid))`,
    'create index price_alerts_recent on price_alerts (tenant_id, day desc)',
    `create table price_subscriptions (
      tenant_id uuid not null references tenants (id),
      user_id uuid not null,
      alerts boolean not null default false,
      daily_summary boolean not null default false,
      updated_at timestamptz not null default now(),
      primary key (tenant_id, user_id),
      foreign key (tenant_id, user_id) references users (tenant_id, id)
    )`,
  ]);
  for (const table of [
    'market_settings',
    'markets',
    'commodities',
    'market_officers',
    'price_entries',
    'price_days',
    'price_rollups',
    'price_alerts',
    'price_subscriptions',
  ]) {
    await enableTenantIsolation(db, table);
  }
}
