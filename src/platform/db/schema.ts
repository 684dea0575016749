/**
 * Row types of the platform's tables, as Kysely sees them. Modules declare their own tables in
 * their folders and extend `PlatformTables` where they query them.
 */
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { Area } from '../tenancy/area.ts';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
/** `date` columns are read as 'YYYY-MM-DD' strings on both databases. */
type LocalDateColumn = ColumnType<string, string, string>;

export type Language = 'id' | 'en';
export type TenantKind = 'kota' | 'kabupaten' | 'provinsi';
export type Branding = {
  displayName: string;
  logoUrl: string | null;
  primaryColor: string;
  accentColor: string;
};

export interface TenantsTable {
  id: string;
  slug: string;
  code: string;
  kind: TenantKind;
  name: string;
  time_zone: string;
  default_language: Language;
  branding: JSONColumnType<Branding>;
  /** GeoJSON Polygon or MultiPolygon (WGS84), validated by `tenancy/area.ts`; written as JSON text. */
  area: ColumnType<Area | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface TenantDomainsTable {
  domain: string;
  tenant_id: string;
}

export interface HostAliasesTable {
  host: string;
  tenant_id: string;
  app_code: string;
  path: string;
  created_at: CreatedAt;
}

export interface AppsTable {
  code: string;
  name: string;
  category: string;
  channels: string[];
  version: string;
  origin_tenant_id: string | null;
  description: JSONColumnType<{ id: string; en: string }>;
  has_module: boolean;
  updated_at: UpdatedAt;
}

export interface AgenciesTable {
  tenant_id: string;
  id: string;
  parent_id: string | null;
  code: string;
  name: string;
  kind: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface AgreementsTable {
  tenant_id: string;
  id: string;
  kind: 'mou' | 'pks';
  number: string;
  signed_on: LocalDateColumn;
  partner_tenant_id: string | null;
  signatories: JSONColumnType<Array<{ name: string; title: string; party: string }>>;
  document_key: string | null;
  created_at: CreatedAt;
}

export interface AdoptionsTable {
  tenant_id: string;
  app_code: string;
  channel: string;
  status: string;
  origin_tenant_id: string | null;
  mou_id: string | null;
  pks_id: string | null;
  live_since: LocalDateColumn | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface AdoptionEventsTable {
  tenant_id: string;
  id: string;
  app_code: string;
  channel: string;
  from_status: string | null;
  to_status: string;
  agreement_id: string | null;
  note: string | null;
  actor_user_id: string | null;
  at: CreatedAt;
}

export interface UsersTable {
  tenant_id: string;
  id: string;
  kind: 'citizen' | 'staff' | 'partner';
  display_name: string;
  email: string | null;
  phone: string | null;
  nik: string | null;
  nip: string | null;
  partner_kind: string | null;
  password_hash: string;
  disabled_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface RoleGrantsTable {
  tenant_id: string;
  id: string;
  user_id: string;
  role: string;
  agency_id: string | null;
  created_at: CreatedAt;
}

export interface SessionsTable {
  tenant_id: string;
  id: string;
  user_id: string;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: CreatedAt;
  expires_at: Date;
}

/** A password-reset link sent by mail or SMS: only its token's SHA-256 is kept; good once, until it expires. */
export interface PasswordResetsTable {
  tenant_id: string;
  id: string;
  user_id: string;
  token_hash: string;
  ip: string | null;
  created_at: CreatedAt;
  expires_at: Date;
  used_at: Date | null;
}

/** Failed sign-ins of one login from one client address, and the lock they earned (ADR 0005). */
export interface LoginThrottlesTable {
  tenant_id: string;
  /** SHA-256 of the normalised sign-in name (`loginKey`). */
  login_hash: string;
  ip: string;
  failures: number;
  last_failure_at: Date;
  locked_until: Date | null;
}

export interface ApiTokensTable {
  tenant_id: string;
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: CreatedAt;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface AuditLogTable {
  tenant_id: string;
  id: string;
  at: CreatedAt;
  actor_user_id: string | null;
  actor_label: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  request_id: string | null;
  ip: string | null;
}

export interface TenantHolidaysTable {
  tenant_id: string;
  date: LocalDateColumn;
  name: string;
  created_at: CreatedAt;
}

export type NotificationChannel = 'email' | 'sms' | 'whatsapp';
export type NotificationStatus = 'pending' | 'sent' | 'failed';

export interface NotificationOutboxTable {
  tenant_id: string;
  id: string;
  channel: NotificationChannel;
  recipient: string;
  /** Email only (and required there). */
  subject: string | null;
  body: string;
  status: ColumnType<NotificationStatus, NotificationStatus | undefined, NotificationStatus>;
  attempts: Generated<number>;
  last_error: string | null;
  /** A pending row is due from then on: after a failure, the backoff; while claimed, the lease. */
  next_attempt_at: ColumnType<Date, Date | string | undefined, Date | string>;
  /** The transport's id for the message (an SMTP Message-ID, a provider's reference). */
  provider_id: string | null;
  /** Email only: the one-click address that stops such messages (`List-Unsubscribe`). */
  unsubscribe_url: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
  sent_at: Date | null;
}

export interface DevMailboxTable {
  tenant_id: string;
  /** The outbox row's id, so a message delivered twice is stored once. */
  id: string;
  channel: NotificationChannel;
  sender: string;
  recipient: string;
  subject: string | null;
  body: string;
  received_at: CreatedAt;
}

export interface PlatformTables {
  tenants: TenantsTable;
  tenant_domains: TenantDomainsTable;
  host_aliases: HostAliasesTable;
  apps: AppsTable;
  agencies: AgenciesTable;
  agreements: AgreementsTable;
  adoptions: AdoptionsTable;
  adoption_events: AdoptionEventsTable;
  users: UsersTable;
  role_grants: RoleGrantsTable;
  sessions: SessionsTable;
  password_resets: PasswordResetsTable;
  login_throttles: LoginThrottlesTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  tenant_holidays: TenantHolidaysTable;
  notification_outbox: NotificationOutboxTable;
  dev_mailbox: DevMailboxTable;
}
