/**
 * The catalogue's full-text search, as the reports' and the websites' (ADR 0012): a stored
 * `search` vector of each dataset's title, keywords (weight A) and description (weight B) in
 * Indonesian (the snowball stemmer: "kesehatan" and "sehat" meet), and one GIN index on
 * (tenant_id, search) — `btree_gin` holds the uuid beside the words, so a search reads the
 * tenant's postings of a word, not every tenant's. It replaces an ILIKE over the three columns
 * that read every published dataset of the tenant for each search.
 *
 * The harvester pages the published catalogue by name (`sort=id asc`, served as `name asc`): a
 * partial index of the published names, holding the id, lets a deep page skip its offset in the
 * index alone (an index-only scan) before the page's 100 rows are read. The `res_format` facet
 * reads each matching dataset's resource formats from an index holding them (index-only), not from
 * the resources' rows.
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../../../platform/sdk/index.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    'create extension if not exists btree_gin',
    `alter table open_data_datasets add column search tsvector generated always as (
      setweight(to_tsvector('indonesian', title), 'A')
      || setweight(jsonb_to_tsvector('indonesian', keywords, '["string"]'), 'A')
      || setweight(to_tsvector('indonesian', description), 'B')
    ) stored`,
    'create index open_data_datasets_search on open_data_datasets using gin (tenant_id, search)',
    `create index open_data_datasets_published_name on open_data_datasets (tenant_id, name) include (id)
      where state = 'published'`,
    'create index open_data_resources_formats on open_data_resources (tenant_id, dataset_id) include (format)',
  ]);
}
