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
  /** Alphabetical sort keys per language (src/domain/collate.ts). */
  sort_kk: string;
  sort_ru: string;
  sort_en: string;
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
  sort_kk: string;
  sort_ru: string;
  sort_en: string;
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

// ------------------------------------------------------------ learning (0002, decision 0011)

/** A record owned by a centre: `centre_id` is an org unit of kind centre. */
interface CentreOwned extends RecordColumns {
  centre_id: string;
}

export interface CoursesTable extends RecordColumns {
  /** Owner: the root (KZ) for the national catalogue, or a centre for its own courses. */
  org_unit_id: string;
  code: string | null;
  name_kk: string;
  name_ru: string;
  name_en: string;
  description_kk: string | null;
  description_ru: string | null;
  description_en: string | null;
  category: string;
  planned_hours: number;
  languages: string;
  target_groups: string;
  level: string;
  /** Completion rule: at least this share (%) of the training's hours attended. */
  completion_percent: number;
  search_key: string;
}

export interface TrainingsTable extends CentreOwned {
  course_id: string;
  kind: string;
  place: string | null;
  start_date: string;
  end_date: string;
  capacity: number | null;
  language: string;
  /** JSON arrays of user ids. */
  trainers: string;
  volunteers: string;
  note: string | null;
}

export interface MeetingsTable extends CentreOwned {
  training_id: string;
  date: string;
  /** HH:MM, local time of the centre. */
  start_time: string;
  hours: number;
}

export interface LearnersTable extends CentreOwned {
  last_name: string;
  first_name: string;
  middle_name: string | null;
  sex: string;
  birth_date: string;
  /** E.164, +7XXXXXXXXXX. */
  phone: string | null;
  settlement_id: string | null;
  languages: string;
  education: string | null;
  employment_status: string | null;
  registered_unemployed: number;
  target_groups: string;
  iin: string | null;
  consent_date: string;
  consent_version: string;
  consent_recorded_by: string;
  guardian_name: string | null;
  user_id: string | null;
  /** nameSearchKey(...) = searchKey(nameKeys(...)): matched by `q` as a substring. */
  name_key: string;
  /** foldForSearch(last first middle): list order. */
  sort_key: string;
  merged_into: string | null;
}

export interface EnrolmentsTable extends CentreOwned {
  training_id: string;
  learner_id: string;
  status: string;
  waitlist_position: number | null;
  enrolled_on: string;
  completed_on: string | null;
  dropped_on: string | null;
  promoted_at: string | null;
  promotion_seen_at: string | null;
}

export interface AttendanceTable extends CentreOwned {
  meeting_id: string;
  enrolment_id: string;
  learner_id: string;
  present: number;
  hours: number;
}

export interface CertificatesTable extends CentreOwned {
  enrolment_id: string;
  learner_id: string;
  code: string;
  language: string;
  holder_name: string;
  hours: number;
  issued_on: string;
  revoked_at: string | null;
  revoke_reason: string | null;
  /** Frozen at issue in the certificate's language (migration 0006). */
  course_name: string;
  centre_name: string;
  start_date: string;
  end_date: string;
}

export interface VisitsTable extends CentreOwned {
  date: string;
  purpose: string;
  count: number;
  learner_id: string | null;
}

export interface OutcomesTable extends CentreOwned {
  learner_id: string;
  training_id: string | null;
  due_on: string | null;
  recorded_on: string | null;
  status: string | null;
  employer: string | null;
  evidence: string | null;
  note: string | null;
}

/** A learner also kept by another centre, after consent recorded there (0006, decision 0019). */
export interface LearnerLinksTable extends CentreOwned {
  learner_id: string;
  consent_date: string;
  consent_version: string;
  consent_recorded_by: string;
  guardian_name: string | null;
  token_id: string;
}

/** A merge of a duplicate learner into a survivor, with every row it changed (0006, decision 0019). */
export interface LearnerMergesTable extends CentreOwned {
  survivor_id: string;
  duplicate_id: string;
  merged_by: string;
  /** JSON: [{ table, id, version, before, after }] in the order written. */
  changes: string;
  /** JSON: rows moved per table. */
  summary: string;
  undone_at: string | null;
  undone_by: string | null;
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

/** An uploaded register between upload and commit (migrations 0008, 0009; not a record table). */
export interface ImportsTable {
  id: string;
  actor_id: string;
  kind: string;
  centre_id: string;
  /** Attendance imports: the training whose register it is. */
  training_id: string | null;
  status: string;
  format: string;
  encoding: string | null;
  delimiter: string | null;
  columns: string;
  row_count: number;
  rows: string | null;
  result: string | null;
  created_at: string;
  updated_at: string;
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
  courses: CoursesTable;
  trainings: TrainingsTable;
  meetings: MeetingsTable;
  learners: LearnersTable;
  enrolments: EnrolmentsTable;
  attendance: AttendanceTable;
  certificates: CertificatesTable;
  visits: VisitsTable;
  outcomes: OutcomesTable;
  learner_links: LearnerLinksTable;
  learner_merges: LearnerMergesTable;
  imports: ImportsTable;
}

/** Tables written through the one door (write.ts), with change feed and audit. */
export type RecordTable =
  | 'org_units' | 'centres' | 'partners' | 'partnerships' | 'users'
  | 'courses' | 'trainings' | 'meetings' | 'learners' | 'enrolments' | 'attendance' | 'certificates' | 'visits' | 'outcomes'
  | 'learner_links' | 'learner_merges';
