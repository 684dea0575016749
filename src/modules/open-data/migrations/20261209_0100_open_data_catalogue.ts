/**
 * The Satu Data catalogue: themes (CKAN's groups), datasets per agency (the producer; none means
 * the region itself) with Satu Data Indonesia's and DCAT's metadata and their review state,
 * resources (an upload, versioned, or a link), and the datastore: the rows of each tabular version
 * as jsonb, one row per record, keyed by (tenant_id, version_id, row_no). A version's rows never
 * change once written, so paging by `row_no` is stable; equality filters use the GIN index, sorts
 * compare jsonb (numbers numerically, ISO dates and instants as text, which orders them). No table
 * is created per upload: one schema, one RLS policy, nothing for a hostile header to name.
 */
import type { Kysely } from 'kysely';
import { enableTenantIsolation, runStatements } from '../../../platform/sdk/index.ts';

const NAME = `~ '^[a-z0-9]+([-_][a-z0-9]+)*$'`;
const CODE = `~ '^[0-9A-Z]+([.][0-9A-Z]+)*$'`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table open_data_themes (
      tenant_id uuid not null references tenants (id),
      id uuid not null,
      name text not null check (name ${NAME} and length(name) between 2 and 100),
      title text not null check (length(title) between 2 and 200),
      description text check (length(description) <= 2000),
      sort integer not null default 0,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (tenant_id, id),
      unique (tenant_id, name)
    )`,
    `create table open_data_datasets (
      tenant_id uuid not null references tenants (id),
      id uuid not null,
      agency_id uuid,
      name text not null check (name ${NAME} and length(name) between 2 and 100),
      title text not null check (length(title) between 2 and 300),
      description text not null check (length(description) <= 10000),
      state text not null check (state in ('draft', 'submitted', 'returned', 'published', 'unpublished')),
      review_note text check (length(review_note) <= 2000),
      classification text not null check (classification in ('open', 'limited', 'closed')),
      affair_code text check (affair_code ${CODE} and length(affair_code) <= 20),
      sub_affair_code text check (sub_affair_code ${CODE} and length(sub_affair_code) <= 30),
      indicator text check (length(indicator) <= 300),
      unit text check (length(unit) <= 100),
      definition text check (length(definition) <= 4000),
      release_schedule text check (length(release_schedule) <= 300),
      data_standard text check (length(data_standard) <= 300),
      keywords jsonb not null default '[]' check (jsonb_typeof(keywords) = 'array'),
      license_id text not null check (length(license_id) <= 40),
      frequency text not null check (frequency in ('daily', 'weekly', 'monthly', 'quarterly', 'annual', 'irregular')),
      temporal_start date,
      temporal_end date,
      spatial_name text check (length(spatial_name) <= 200),
      spatial_bbox jsonb check (spatial_bbox is null or (jsonb_typeof(spatial_bbox) = 'array' and jsonb_array_length(spatial_bbox) = 4)),
      contact_name text not null check (length(contact_name) between 2 and 200),
      contact_email text check (length(contact_email) <= 254),
      feed text check (length(feed) <= 200),
      created_by uuid,
      created_at timestamptz not null default now(),
      modified_at timestamptz not null default now(),
      submitted_at timestamptz,
      reviewed_by uuid,
      reviewed_at timestamptz,
      first_published_at timestamptz,
      primary key (tenant_id, id),
      unique (tenant_id, name),
      unique (tenant_id, feed),
      foreign key (tenant_id, agency_id) references agencies (tenant_id, id),
      check (temporal_end is null or temporal_start is null or temporal_end >= temporal_start),
      check (state <> 'published' or first_published_at is not null)
    )`,
    'create index open_data_datasets_state on open_data_datasets (tenant_id, state, modified_at desc, id)',
    'create index open_data_datasets_agency on open_data_datasets (tenant_id, agency_id, modified_at desc)',
    'create index open_data_datasets_keywords on open_data_datasets using gin (keywords jsonb_path_ops)',
    `create table open_data_dataset_themes (
      tenant_id uuid not null references tenants (id),
      dataset_id uuid not null,
      theme_id uuid not null,
      primary key (tenant_id, dataset_id, theme_id),
      foreign key (tenant_id, dataset_id) references open_data_datasets (tenant_id, id) on delete cascade,
      foreign key (tenant_id, theme_id) references open_data_themes (tenant_id, id) on delete cascade
    )`,
    'create index open_data_dataset_themes_theme on open_data_dataset_themes (tenant_id, theme_id)',
    `create table open_data_resources (
      tenant_id uuid not null references tenants (id),
      id uuid not null,
      dataset_id uuid not null,
      name text not null check (length(name) between 2 and 200),
      description text check (length(description) <= 2000),
      kind text not null check (kind in ('upload', 'link')),
      format text not null check (length(format) between 1 and 40),
      media_type text check (length(media_type) <= 100),
      url text check (length(url) <= 2000),
      current_version integer,
      sort integer not null default 0,
      created_at timestamptz not null default now(),
      modified_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, dataset_id) references open_data_datasets (tenant_id, id) on delete cascade,
      check ((kind = 'link') = (url is not null))
    )`,
    'create index open_data_resources_dataset on open_data_resources (tenant_id, dataset_id, sort, created_at)',
    `create table open_data_resource_versions (
      tenant_id uuid not null references tenants (id),
      id uuid not null,
      resource_id uuid not null,
      version integer not null check (version between 1 and 1000000),
      file_key text not null,
      file_name text not null check (length(file_name) between 1 and 255),
      format text not null,
      media_type text not null,
      byte_size integer not null check (byte_size > 0),
      checksum text not null check (checksum ~ '^[0-9a-f]{64}$'),
      row_count integer check (row_count >= 0),
      columns jsonb check (columns is null or jsonb_typeof(columns) = 'array'),
      rows_hash text check (rows_hash ~ '^[0-9a-f]{64}$'),
      created_by uuid,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      unique (tenant_id, resource_id, version),
      foreign key (tenant_id, resource_id) references open_data_resources (tenant_id, id) on delete cascade,
      check ((row_count is null) = (columns is null))
    )`,
    `create table open_data_rows (
      tenant_id uuid not null references tenants (id),
      version_id uuid not null,
      row_no integer not null check (row_no >= 1),
      data jsonb not null check (jsonb_typeof(data) = 'object'),
      primary key (tenant_id, version_id, row_no),
      foreign key (tenant_id, version_id) references open_data_resource_versions (tenant_id, id) on delete cascade
    )`,
    'create index open_data_rows_data on open_data_rows using gin (data jsonb_path_ops)',
  ]);
  for (const table of [
    'open_data_themes',
    'open_data_datasets',
    'open_data_dataset_themes',
    'open_data_resources',
    'open_data_resource_versions',
    'open_data_rows',
  ]) {
    await enableTenantIsolation(db, table);
  }
}
