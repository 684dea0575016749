/**
 * The apps' data feeds kept as datasets: for each feed a live app offers the tenant
 * (`offeredDataFeeds`), one dataset with one datastore resource; each read whose rows differ from
 * the last version becomes a new version (with its CSV file), an identical read makes none.
 *
 * A fed dataset belongs to the region itself (no agency: the figures are the app's, across
 * agencies) and is created published, classified open: the feed's contract is that it gives only
 * aggregates that may be public, so the app vouches for it, and the walidata waiting on every
 * hourly refresh would hold the figures back. The walidata may still unpublish it (the refresh
 * then keeps versions without publishing again), and producers cannot change its data by hand.
 */
import {
  type DataColumn,
  type DataRow,
  emitEvent,
  type FeedFrequency,
  type FileStorage,
  newFileKey,
  newId,
  type OfferedDataFeed,
  offeredDataFeeds,
  type Platform,
  recordAudit,
  type TenantScope,
  type VerifiedTenant,
} from '../../../platform/sdk/index.ts';
import { LICENSES } from '../licenses.ts';
import { type DatasetRow, datasetNameTaken, findDatasetByFeed, insertDataset } from '../repo/datasets.ts';
import { insertResource, lockResource, resourcesOfDatasets } from '../repo/resources.ts';
import type { CellValue, StoredColumn } from '../tables.ts';
import { convert, fileChecksum, type Table, tableHash } from './tabular.ts';
import { keepVersion, latestVersion } from './versions.ts';

export type FeedOutcome = { feed: string; dataset: string; version: number | null; changed: boolean };

const FREQUENCY: Record<FeedFrequency, DatasetRow['frequency']> = {
  daily: 'daily',
  weekly: 'weekly',
  monthly: 'monthly',
};

/** A feed's read as a table, each value checked against its column's type (a feed's bug, not data). */
export function feedTable(feed: OfferedDataFeed, rows: readonly DataRow[], lang: 'id' | 'en'): Table {
  const columns: StoredColumn[] = feed.feed.columns.map((c: DataColumn) => ({
    name: c.name,
    type: c.type,
    label: c.label[lang],
    description: c.description?.[lang] ?? null,
    unit: c.unit ?? null,
  }));
  const typed = rows.map((row, i) => {
    const out: Record<string, CellValue> = {};
    for (const c of columns) {
      const value = convert(row[c.name] ?? null, c.type);
      if (value === undefined) {
        throw new Error(
          `feed ${feed.id}: row ${i + 1}, column ${c.name}: ${String(row[c.name])} is not ${c.type}`,
        );
      }
      out[c.name] = value;
    }
    return out;
  });
  return { columns, rows: typed };
}

/** The table as a CSV file (RFC 4180, UTF-8), the version's download. */
export function tableCsv(table: Table): Uint8Array {
  const cell = (v: CellValue) => {
    const s = v === null ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [
    table.columns.map((c) => cell(c.name)).join(','),
    ...table.rows.map((r) => table.columns.map((c) => cell(r[c.name] ?? null)).join(',')),
  ];
  return new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
}

/** A dataset name for the feed, free in the tenant (`reports.per-category` → `reports-per-category`). */
async function feedName(scope: TenantScope, id: string): Promise<string> {
  const base = id
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 90);
  let name = base;
  for (let n = 2; await datasetNameTaken(scope, name); n++) name = `${base}-${n}`;
  return name;
}

async function feedDataset(
  scope: TenantScope,
  feed: OfferedDataFeed,
  tenant: VerifiedTenant,
  lang: 'id' | 'en',
  now: Date,
): Promise<DatasetRow> {
  const found = await findDatasetByFeed(scope, feed.id);
  if (found) return found;
  const f = feed.feed;
  const row = await insertDataset(scope, {
    id: newId(),
    agency_id: null,
    name: await feedName(scope, feed.id),
    title: f.title[lang].slice(0, 300),
    description: f.description[lang].slice(0, 10000),
    state: 'published',
    classification: 'open',
    indicator: f.indicator?.[lang] ?? null,
    unit: f.unit ?? null,
    keywords: JSON.stringify([...new Set((f.keywords ?? []).map((k) => k.toLowerCase()))].slice(0, 30)),
    license_id: LICENSES[0]!.id,
    frequency: FREQUENCY[f.frequency],
    spatial_name: tenant.name,
    spatial_bbox: tenant.areaBBox ? JSON.stringify(tenant.areaBBox) : null,
    contact_name: tenant.name,
    feed: feed.id,
    created_at: now,
    modified_at: now,
    first_published_at: now,
  });
  await recordAudit(scope, {
    action: 'open-data.dataset.feed-create',
    entityType: 'open-data.dataset',
    entityId: row.id,
    after: { feed: feed.id, name: row.name },
  });
  return row;
}

/**
 * Reads every offered feed and keeps what changed. Files are stored as the reads go; if the
 * tenant's transaction fails, they are removed again.
 */
export async function refreshFeeds(
  platform: Platform,
  scope: TenantScope,
  tenant: VerifiedTenant,
  now: Date,
  files: FileStorage = platform.files,
): Promise<FeedOutcome[]> {
  const lang = tenant.defaultLanguage === 'en' ? 'en' : 'id';
  const stored: string[] = [];
  const outcomes: FeedOutcome[] = [];
  try {
    for (const feed of offeredDataFeeds(platform, tenant.id)) {
      const table = feedTable(feed, await feed.feed.rows(scope, platform, tenant), lang);
      const dataset = await feedDataset(scope, feed, tenant, lang, now);
      let [resource] = await resourcesOfDatasets(scope, [dataset.id]);
      if (!resource) {
        resource = await insertResource(scope, {
          id: newId(),
          dataset_id: dataset.id,
          name: dataset.title.slice(0, 200),
          description: null,
          kind: 'upload',
          format: 'CSV',
          media_type: 'text/csv',
          url: null,
          current_version: null,
          modified_at: now,
        });
      }
      const locked = (await lockResource(scope, resource.id))!;
      const last = await latestVersion(scope, locked.id);
      if (last?.rows_hash === tableHash(table.columns, table.rows)) {
        outcomes.push({ feed: feed.id, dataset: dataset.name, version: last.version, changed: false });
        continue;
      }
      const bytes = tableCsv(table);
      const key = newFileKey(tenant.id, 'csv', now);
      await files.put(key, bytes, 'text/csv');
      stored.push(key);
      const version = await keepVersion(
        scope,
        locked,
        {
          key,
          fileName: `${dataset.name}.csv`,
          format: 'CSV',
          mediaType: 'text/csv',
          byteSize: bytes.byteLength,
          checksum: fileChecksum(bytes),
          table,
        },
        now,
        // The feed's own words describe its columns each time (it may correct them).
        { inherit: false },
      );
      await emitEvent(scope, {
        type: 'open-data.resource.changed',
        entityType: 'open-data.resource',
        entityId: locked.id,
      });
      outcomes.push({ feed: feed.id, dataset: dataset.name, version: version.version, changed: true });
    }
  } catch (error) {
    await Promise.all(stored.map((key) => files.delete(key).catch(() => undefined)));
    throw error;
  }
  return outcomes;
}
