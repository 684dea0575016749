/**
 * The layers a tenant's staff upload, and their features. A feature keeps its geometry as GeoJSON
 * (CRS84) and its bounding box in four columns, so that a map's box query (OGC API Features'
 * `bbox`) is an index range, not a read of every geometry: PGlite has no PostGIS, and the boxes are
 * enough for "which features may be in view". Every key starts with `tenant_id`.
 */
import type { Kysely } from 'kysely';
import { enableTenantIsolation, runStatements } from '../../../platform/sdk/index.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table maps_layers (
      tenant_id uuid not null references tenants (id),
      id uuid not null,
      name text not null check (name ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
      title text not null check (length(title) between 2 and 200),
      description text check (length(description) <= 4000),
      attribution text check (length(attribution) <= 300),
      licence text check (length(licence) <= 200),
      color text not null check (color ~ '^#[0-9a-f]{6}$'),
      style_by jsonb,
      access text not null check (access in ('public', 'staff')),
      geometry_type text not null,
      time_property text check (length(time_property) <= 100),
      properties jsonb not null default '[]',
      feature_count integer not null default 0,
      minx double precision, miny double precision, maxx double precision, maxy double precision,
      time_min timestamptz, time_max timestamptz,
      agency_id uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (tenant_id, id),
      unique (tenant_id, name),
      foreign key (tenant_id, agency_id) references agencies (tenant_id, id)
    )`,
    `create table maps_features (
      tenant_id uuid not null,
      layer_id uuid not null,
      id integer not null check (id > 0),
      geometry jsonb not null,
      properties jsonb not null default '{}',
      minx double precision not null,
      miny double precision not null,
      maxx double precision not null,
      maxy double precision not null,
      at timestamptz,
      primary key (tenant_id, layer_id, id),
      foreign key (tenant_id, layer_id) references maps_layers (tenant_id, id) on delete cascade
    )`,
    // A box query ranges over minx and checks the other three in the index itself.
    `create index maps_features_bbox on maps_features (tenant_id, layer_id, minx, maxx, miny, maxy)`,
    `create index maps_features_at on maps_features (tenant_id, layer_id, at) where at is not null`,
  ]);
  await enableTenantIsolation(db, 'maps_layers');
  await enableTenantIsolation(db, 'maps_features');
}
