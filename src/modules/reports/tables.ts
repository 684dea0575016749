/** Row types of the reports app's tables, as Kysely sees them (beside the platform's). */
import type { ColumnType, JSONColumnType, Transaction } from 'kysely';
import type { PlatformTables, TenantScope } from '../../platform/sdk/index.ts';
import type { ReportType, Status, Track } from './lifecycle.ts';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Instant = ColumnType<Date, Date | string, Date | string>;

/** Deadlines in working days; a category may override verify and standard follow-up. */
export type Deadlines = {
  verifyDays: number;
  followUpDays: Record<Track, number>;
  /** Standard follow-up per report type, where it differs from `followUpDays.standard`. */
  typeFollowUpDays: Partial<Record<ReportType, number>>;
  /** Reporter's silence after the follow-up that closes the report. */
  autoCloseDays: number;
  /** How long after the follow-up or closing the reporter may reopen. */
  reopenDays: number;
};

export interface ReportSettingsTable {
  tenant_id: string;
  display_name: string | null;
  deadlines: JSONColumnType<Deadlines>;
  duplicate_radius_m: ColumnType<number, number | undefined, number>;
  duplicate_window_days: ColumnType<number, number | undefined, number>;
  min_stats_sample: ColumnType<number, number | undefined, number>;
  /** The exchange with SP4N-LAPOR! (lapor/exchange.ts): on, since when, and where its feed was left. */
  lapor_enabled: ColumnType<boolean, boolean | undefined, boolean>;
  lapor_enabled_at: Instant | null;
  lapor_cursor: string | null;
  /** Reports go public only once an operator verified them (`verified_at`). */
  verify_before_public: ColumnType<boolean, boolean | undefined, boolean>;
  /** The tenant's example for the form's address hint (a street of its own); null: a general hint. */
  address_example: string | null;
  updated_at: UpdatedAt;
}

export interface ReportCategoriesTable {
  tenant_id: string;
  code: string;
  name: JSONColumnType<{ id: string; en: string }>;
  agency_id: string | null;
  verify_days: number | null;
  follow_up_days: number | null;
  default_track: ColumnType<Track, Track | undefined, Track>;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  sort: ColumnType<number, number | undefined, number>;
  updated_at: UpdatedAt;
}

export interface ReportsTable {
  tenant_id: string;
  id: string;
  tracking_no: string;
  type: ReportType;
  category_code: string;
  description: string;
  status: Status;
  channel: 'web' | 'api' | 'messaging' | 'staff' | 'referral' | 'lapor';
  lat: number | null;
  lng: number | null;
  address: string | null;
  kelurahan: string | null;
  reporter_user_id: string | null;
  reporter_name: string | null;
  reporter_email: string | null;
  reporter_phone: string | null;
  reporter_secret_hash: string | null;
  public: ColumnType<boolean, boolean | undefined, boolean>;
  /** The reporter asked that the report never be public: only they and staff see it. */
  confidential: ColumnType<boolean, boolean | undefined, boolean>;
  /** The reporter's identity is hidden from staff. */
  anonymous: ColumnType<boolean, boolean | undefined, boolean>;
  agency_id: string | null;
  officer_user_id: string | null;
  track: ColumnType<Track, Track | undefined, Track>;
  duplicate_of: string | null;
  reject_reason: string | null;
  referred_to_tenant_id: string | null;
  referred_report_id: string | null;
  referred_tracking_no: string | null;
  referred_from_tenant_id: string | null;
  referred_from_tracking_no: string | null;
  due_at: Instant | null;
  escalated_at: Instant | null;
  verified_at: Instant | null;
  disposed_at: Instant | null;
  follow_up_due_at: Instant | null;
  done_at: Instant | null;
  first_done_at: Instant | null;
  closed_at: Instant | null;
  rating: number | null;
  rating_comment: string | null;
  lapor_id: string | null;
  lapor_synced_at: Instant | null;
  /** The status LAPOR! last heard of: the report is pending for LAPOR! while `status` differs. */
  lapor_sent_status: Status | null;
  /** LAPOR!'s last refusal; tried again once the report changes after `lapor_error_at`. */
  lapor_error: string | null;
  lapor_error_at: Instant | null;
  /** The SHA-256 of the Idempotency-Key the report was filed with, never the key itself. */
  idempotency_key: string | null;
  /** The fingerprint of the filing request (its fields and photos), compared by a replay. */
  idempotency_hash: string | null;
  /** The first answer, sealed under the client's key (services/replay.ts), until it expires. */
  idempotency_answer: string | null;
  idempotency_expires_at: Instant | null;
  search: ColumnType<string, never, never>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/**
 * Every column of `reports` but `search` and the kept replay answer: what reads select. The search
 * vector is derived from the text, larger than it, and never shown; `selectAll()` would send it
 * with every row. The replay answer is read by intake's replay alone.
 */
export const REPORT_COLUMNS = [
  'tenant_id',
  'id',
  'tracking_no',
  'type',
  'category_code',
  'description',
  'status',
  'channel',
  'lat',
  'lng',
  'address',
  'kelurahan',
  'reporter_user_id',
  'reporter_name',
  'reporter_email',
  'reporter_phone',
  'reporter_secret_hash',
  'public',
  'confidential',
  'anonymous',
  'agency_id',
  'officer_user_id',
  'track',
  'duplicate_of',
  'reject_reason',
  'referred_to_tenant_id',
  'referred_report_id',
  'referred_tracking_no',
  'referred_from_tenant_id',
  'referred_from_tracking_no',
  'due_at',
  'escalated_at',
  'verified_at',
  'disposed_at',
  'follow_up_due_at',
  'done_at',
  'first_done_at',
  'closed_at',
  'rating',
  'rating_comment',
  'lapor_id',
  'lapor_synced_at',
  'lapor_sent_status',
  'lapor_error',
  'lapor_error_at',
  'idempotency_key',
  'idempotency_hash',
  'created_at',
  'updated_at',
] as const satisfies readonly Exclude<keyof ReportsTable, 'search' | ReplayColumn>[];

/** The columns only a replay reads. */
export type ReplayColumn = 'idempotency_answer' | 'idempotency_expires_at';

// A column added to ReportsTable but not to REPORT_COLUMNS fails here.
type UnreadColumn = Exclude<keyof ReportsTable, 'search' | ReplayColumn | (typeof REPORT_COLUMNS)[number]>;
export const EVERY_COLUMN_READ: [UnreadColumn] extends [never] ? true : UnreadColumn = true;

export interface ReportEventsTable {
  tenant_id: string;
  id: string;
  report_id: string;
  at: CreatedAt;
  kind: string;
  from_status: string | null;
  to_status: string | null;
  actor_role: 'operator' | 'agency' | 'reporter' | 'system';
  actor_user_id: string | null;
  agency_id: string | null;
  note: string | null;
  public: boolean;
  data: JSONColumnType<Record<string, unknown>> | null;
}

export interface ReportPhotosTable {
  tenant_id: string;
  id: string;
  report_id: string;
  event_id: string | null;
  kind: 'report' | 'before' | 'after' | 'progress';
  file_key: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
  created_at: CreatedAt;
}

export interface ReportTables extends PlatformTables {
  report_settings: ReportSettingsTable;
  report_categories: ReportCategoriesTable;
  reports: ReportsTable;
  report_events: ReportEventsTable;
  report_photos: ReportPhotosTable;
}

/** The scope's transaction, seeing the reports app's tables too. */
export function tx(scope: TenantScope): Transaction<ReportTables> {
  return scope.trx as unknown as Transaction<ReportTables>;
}
