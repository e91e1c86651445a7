// The database as Kysely sees it: one interface per table, snake_case columns.
// Timestamps are UTC ISO-8601 text on both engines; JSON arrays are text.
import type { Generated } from 'kysely';

/** Columns every record table carries (architecture.md, data rules). */
export interface RecordColumns {
  id: string;
  created_at: string;
  updated_at: string;
  version: string;
  deleted_at: string | null;
}

export interface OrgUnitsTable extends RecordColumns {
  code: string;
  kind: string;
  parent_id: string | null;
  /** '/<root id>/…/<own id>/': the subtree test is a prefix test. */
  path: string;
  depth: number;
  name_kk: string;
  name_ru: string;
  name_en: string;
  aliases: string;
  lat: number | null;
  lon: number | null;
  search_key: string;
}

export interface CentresTable extends RecordColumns {
  /** The centre's own org unit: scope of the row and of everything the centre owns. */
  org_unit_id: string;
  type: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  facilitators: string;
  opened_on: string | null;
  connectivity: string;
  computers: number | null;
  languages: string;
  opening_hours: string | null;
  invented: number;
}

export interface PartnersTable extends RecordColumns {
  org_unit_id: string;
  kind: string;
  name_kk: string;
  name_ru: string;
  name_en: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  note: string | null;
  search_key: string;
}

export interface PartnershipsTable extends RecordColumns {
  centre_id: string;
  partner_id: string;
  role: string;
  start_date: string;
  end_date: string | null;
  note: string | null;
}

export interface UsersTable extends RecordColumns {
  org_unit_id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  partner_id: string | null;
  locale: string;
  active: number;
  search_key: string;
}

export interface ChangesTable {
  seq: Generated<number>;
  table_name: string;
  row_id: string;
  scope_id: string;
  version: string;
  op: string;
  at: string;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_id: string | null;
  actor_username: string | null;
  action: string;
  table_name: string;
  row_id: string;
  scope_id: string;
  before: string | null;
  after: string | null;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface LoginAttemptsTable {
  key: string;
  failures: number;
  window_started_at: string;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface Database {
  org_units: OrgUnitsTable;
  centres: CentresTable;
  partners: PartnersTable;
  partnerships: PartnershipsTable;
  users: UsersTable;
  changes: ChangesTable;
  audit_log: AuditLogTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  settings: SettingsTable;
}

/** Tables written through the one door (write.ts), with change feed and audit. */
export type RecordTable = 'org_units' | 'centres' | 'partners' | 'partnerships' | 'users';
