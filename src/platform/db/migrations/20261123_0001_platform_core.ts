/** The platform kernel: tenants, catalogue, adoption, people, sessions, audit, local holidays. */
import type { Kysely } from 'kysely';
import { enableTenantIsolation, runStatements } from '../rls.ts';

const TENANT_TABLES = [
  'agencies',
  'agreements',
  'adoptions',
  'adoption_events',
  'users',
  'role_grants',
  'sessions',
  'api_tokens',
  'audit_log',
  'tenant_holidays',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table tenants (
      id uuid primary key,
      slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 63),
      code text not null unique,
      kind text not null check (kind in ('kota', 'kabupaten', 'provinsi')),
      name text not null,
      time_zone text not null check (time_zone in ('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura')),
      default_language text not null default 'id' check (default_language in ('id', 'en')),
      branding jsonb not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    `create table tenant_domains (
      domain text primary key check (domain = lower(domain)),
      tenant_id uuid not null references tenants (id) on delete cascade
    )`,
    'create index tenant_domains_tenant on tenant_domains (tenant_id)',
    `create table apps (
      code text primary key check (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      name text not null,
      category text not null check (category in ('e-government', 'e-health', 'e-education', 'e-logistics', 'e-procurement')),
      channels text[] not null,
      version text not null,
      origin_tenant_id uuid references tenants (id),
      description jsonb not null,
      has_module boolean not null default false,
      updated_at timestamptz not null default now()
    )`,
    `create table agencies (
      tenant_id uuid not null references tenants (id),
      id uuid not null,
      parent_id uuid,
      code text not null,
      name text not null,
      kind text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (tenant_id, id),
      unique (tenant_id, code),
      foreign key (tenant_id, parent_id) references agencies (tenant_id, id)
    )`,
    `create table agreements (
      tenant_id uuid not null references tenants (id),
      id uuid not null,
      kind text not null check (kind in ('mou', 'pks')),
      number text not null,
      signed_on date not null,
      partner_tenant_id uuid references tenants (id),
      signatories jsonb not null,
      document_key text,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      unique (tenant_id, kind, number)
    )`,
    `create table adoptions (
      tenant_id uuid not null references tenants (id),
      app_code text not null references apps (code),
      channel text not null check (channel in ('web', 'android', 'webservice')),
      status text not null check (status in ('proposed', 'mou_signed', 'pks_signed', 'onboarding', 'live', 'suspended')),
      origin_tenant_id uuid references tenants (id),
      mou_id uuid,
      pks_id uuid,
      live_since date,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (tenant_id, app_code, channel),
      foreign key (tenant_id, mou_id) references agreements (tenant_id, id),
      foreign key (tenant_id, pks_id) references agreements (tenant_id, id)
    )`,
    `create table adoption_events (
      tenant_id uuid not null references tenants (id),
      id uuid not null,
      app_code text not null,
      channel text not null,
      from_status text,
      to_status text not null,
      agreement_id uuid,
      note text,
      actor_user_id uuid,
      at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, app_code, channel) references adoptions (tenant_id, app_code, channel),
      foreign key (tenant_id, agreement_id) references agreements (tenant_id, id)
    )`,
    `create table users (
      tenant_id uuid not null references tenants (id),
      id uuid not null,
      kind text not null check (kind in ('citizen', 'staff', 'partner')),
      display_name text not null,
      email text,
      phone text,
      nik text check (nik ~ '^[0-9]{16}$'),
      nip text check (nip ~ '^[0-9]{18}$'),
      partner_kind text,
      password_hash text not null,
      failed_logins integer not null default 0,
      locked_until timestamptz,
      disabled_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (tenant_id, id),
      unique (tenant_id, email),
      unique (tenant_id, phone),
      unique (tenant_id, nik),
      unique (tenant_id, nip),
      check (email is not null or phone is not null)
    )`,
    `create table role_grants (
      tenant_id uuid not null references tenants (id),
      id uuid not null,
      user_id uuid not null,
      role text not null,
      agency_id uuid,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      unique nulls not distinct (tenant_id, user_id, role, agency_id),
      foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade,
      foreign key (tenant_id, agency_id) references agencies (tenant_id, id)
    )`,
    `create table sessions (
      tenant_id uuid not null references tenants (id),
      id text not null,
      user_id uuid not null,
      csrf_token text not null,
      ip text,
      user_agent text,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      primary key (tenant_id, id),
      foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade
    )`,
    `create table api_tokens (
      tenant_id uuid not null references tenants (id),
      id uuid not null,
      user_id uuid not null,
      name text not null,
      token_hash text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz,
      last_used_at timestamptz,
      revoked_at timestamptz,
      primary key (tenant_id, id),
      unique (tenant_id, token_hash),
      foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade
    )`,
    `create table audit_log (
      tenant_id uuid not null references tenants (id),
      id uuid not null,
      at timestamptz not null default now(),
      actor_user_id uuid,
      actor_label text,
      action text not null,
      entity_type text not null,
      entity_id text,
      before jsonb,
      after jsonb,
      request_id text,
      ip text,
      primary key (tenant_id, id)
    )`,
    'create index audit_log_entity on audit_log (tenant_id, entity_type, entity_id, at)',
    'create index audit_log_at on audit_log (tenant_id, at desc)',
    // Append-only: no role may change or remove an audit row, the owner included.
    `create function audit_log_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_log is append-only' using errcode = '42501';
      end
    $$`,
    `create trigger audit_log_append_only before update or delete on audit_log
      for each row execute function audit_log_append_only()`,
    `create table tenant_holidays (
      tenant_id uuid not null references tenants (id),
      date date not null,
      name text not null,
      created_at timestamptz not null default now(),
      primary key (tenant_id, date)
    )`,
  ]);
  for (const table of TENANT_TABLES) await enableTenantIsolation(db, table);
}
