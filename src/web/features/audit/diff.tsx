// Before → after of an audit entry, changed fields only, in words people read.
// The server records table columns (snake_case: name_kk, org_unit_id,
// deleted_at, JSON arrays as text, booleans as 0/1); camelCase keys work too.
import { Table, Text, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { localName, type Names } from '../../lib/names';

export interface AuditEntry {
  id: string;
  at: string;
  actor: { id: string; username: string } | null;
  action: string;
  table: string;
  recordId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const HIDDEN_KEYS = new Set(['id', 'version', 'created_at', 'updated_at', 'search_key', 'path', 'depth']);
const LANGUAGE_NAMES: Record<string, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };
const BOOLEAN_KEYS = new Set(['active', 'invented']);
const TIME_KEYS = new Set(['deleted_at', 'archived_at']);

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const isSecret = (key: string) => snake(key) === 'password_hash';

export interface Change { key: string; before: unknown; after: unknown }

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function empty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || value === '[]' || (Array.isArray(value) && value.length === 0);
}

/** The fields that changed; for a new record, the fields it was created with. */
export function changes(entry: AuditEntry): Change[] {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys
    .filter((key) => !HIDDEN_KEYS.has(snake(key)))
    // A new password is recorded as '[redacted]' on both sides: still a change.
    .filter((key) => isSecret(key) || !same(before[key], after[key]))
    .filter((key) => !(entry.before === null && empty(after[key])))
    .map((key) => ({ key, before: before[key], after: after[key] }));
}

function isNames(value: unknown): value is Names {
  return !!value && typeof value === 'object' && ('kk' in value || 'ru' in value || 'en' in value);
}

/** Coded values shown in words: the catalogue keys of the registry pages. */
function codedKey(table: string, key: string): string | null {
  if (key === 'connectivity') return 'centres.connectivity';
  if (key === 'type' && table === 'centres') return 'centres.types';
  if (key === 'kind' && table === 'partners') return 'partners.kinds';
  if (key === 'kind' && table === 'org_units') return 'orgUnits.kinds';
  return null;
}

export function formatValue(key: string, value: unknown, t: TFunction, lang: string, table = ''): string {
  const k = snake(key);
  const coded = codedKey(table, k);
  if (coded && typeof value === 'string' && value) return t(`${coded}.${value}`, { defaultValue: value });
  if (empty(value)) return '—';
  if (value === '[redacted]' || isSecret(k)) return t('audit.redacted');
  if (BOOLEAN_KEYS.has(k) || typeof value === 'boolean') return value === true || value === 1 || value === '1' ? t('audit.yes') : t('audit.no');
  if (TIME_KEYS.has(k) && typeof value === 'string') return formatDateTime(value, lang);
  if (k === 'role' && typeof value === 'string') return t(`roles.${value}`, { defaultValue: value });
  if (k === 'locale' && typeof value === 'string') return LANGUAGE_NAMES[value] ?? value;
  if (k === 'languages' && typeof value === 'string' && value.startsWith('[')) {
    try {
      return (JSON.parse(value) as string[]).map((code) => LANGUAGE_NAMES[code] ?? code).join(', ') || '—';
    } catch {
      return value;
    }
  }
  if (isNames(value)) return localName(value, lang);
  if (typeof value === 'string' && value.startsWith('[')) {
    try {
      const list = JSON.parse(value) as unknown;
      if (Array.isArray(list)) return list.map(String).join(', ') || '—';
    } catch {
      /* not JSON: show as it is */
    }
  }
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function fieldLabel(key: string, t: TFunction): string {
  return t(`audit.fields.${snake(key)}`, { defaultValue: key });
}

/** A readable name of the record, when the entry carries one. */
export function recordLabel(entry: AuditEntry, lang: string): string | null {
  const row = { ...(entry.before ?? {}), ...(entry.after ?? {}) } as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v ? v : '');
  const names = { kk: str(row.name_kk), ru: str(row.name_ru), en: str(row.name_en) };
  if (names.kk || names.ru || names.en) return localName(names, lang);
  if (isNames(row.name)) return localName(row.name, lang);
  if (entry.table === 'partnerships') return str(row.role) || null; // what the partner does, in words
  return str(row.display_name) || str(row.displayName) || str(row.username) || str(row.code) || null;
}

/** Where the current name of a record can be read, for entries that do not carry it. */
const RECORD_ENDPOINTS: Record<string, string> = {
  centres: '/api/centres', org_units: '/api/org-units', partners: '/api/partners', users: '/api/users',
};

/** The record's current name, fetched once (cached) when the entry itself has none. */
export function useRecordName(table: string, id: string, enabled: boolean): string | null {
  const { i18n } = useTranslation();
  const path = RECORD_ENDPOINTS[table];
  const record = useQuery({
    queryKey: [path, id],
    queryFn: () => apiGet<{ name?: Names; code?: string; displayName?: string }>(`${path}/${id}`),
    enabled: enabled && !!path,
    staleTime: 5 * 60_000,
    retry: false,
  });
  const data = record.data;
  if (!data) return null;
  return data.displayName ?? (data.name ? localName(data.name, i18n.language) : data.code ?? null);
}

const REFERENCES: Record<string, string> = {
  org_unit_id: '/api/org-units', parent_id: '/api/org-units', centre_id: '/api/org-units', partner_id: '/api/partners',
};

/** An id in a diff shown as the name of what it points to (fetched once, cached). */
function RefValue({ path, id }: { path: string; id: string }) {
  const { i18n } = useTranslation();
  const ref = useQuery({
    queryKey: [path, id],
    queryFn: () => apiGet<{ code?: string; name: Names }>(`${path}/${id}`),
    staleTime: 5 * 60_000,
    retry: false,
  });
  if (!ref.data) return <span title={id}>{`${id.slice(0, 8)}…`}</span>;
  const name = localName(ref.data.name, i18n.language);
  return <span title={id}>{ref.data.code ? `${name} (${ref.data.code})` : name}</span>;
}

function Value({ change, side, table }: { change: Change; side: 'before' | 'after'; table: string }) {
  const { t, i18n } = useTranslation();
  const value = change[side];
  const ref = REFERENCES[snake(change.key)];
  if (ref && typeof value === 'string' && value) return <RefValue path={ref} id={value} />;
  if (side === 'after' && isSecret(change.key) && !empty(value)) return <>{t('audit.redactedNew')}</>;
  return <>{formatValue(change.key, value, t, i18n.language, table)}</>;
}

function Before({ change, table }: { change: Change; table: string }) {
  if (empty(change.before) || isSecret(change.key)) return <Value change={change} side="before" table={table} />;
  return <del><Value change={change} side="before" table={table} /></del>;
}

/** Changed fields as a table, or as a list of "field: before → after" on a phone. */
export function DiffTable({ entry, compact = false }: { entry: AuditEntry; compact?: boolean }) {
  const { t } = useTranslation();
  const list = changes(entry);
  if (list.length === 0) return <Text size="sm" c="gray.7">{t('audit.noFieldChanges')}</Text>;
  const created = entry.before === null;
  if (compact) {
    return (
      <dl className="kerege-wrap" style={{ margin: 0, fontSize: 'var(--mantine-font-size-sm)' }}>
        {list.map((c) => (
          <div key={c.key} style={{ padding: '4px 0', borderTop: '1px solid var(--mantine-color-gray-3)' }}>
            <dt style={{ fontWeight: 600 }}>{fieldLabel(c.key, t)}</dt>
            <dd style={{ margin: 0 }}>
              {!created && <><Before change={c} table={entry.table} /> <span aria-hidden="true">→</span> <VisuallyHidden>{t('audit.after')}:</VisuallyHidden></>}
              <ins style={{ textDecoration: 'none' }}><Value change={c} side="after" table={entry.table} /></ins>
            </dd>
          </div>
        ))}
      </dl>
    );
  }
  return (
    <Table withTableBorder withColumnBorders verticalSpacing={4} horizontalSpacing={8} fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col" w="28%">{t('audit.field')}</Table.Th>
          <Table.Th scope="col" w="36%">{t('audit.before')}</Table.Th>
          <Table.Th scope="col" w="36%">{t('audit.after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {list.map((c) => (
          <Table.Tr key={c.key}>
            <Table.Th scope="row" fw={600}>{fieldLabel(c.key, t)}</Table.Th>
            <Table.Td className="kerege-wrap" c={created ? 'gray.7' : undefined}><Before change={c} table={entry.table} /></Table.Td>
            <Table.Td className="kerege-wrap">
              <ins style={{ textDecoration: 'none' }}><Value change={c} side="after" table={entry.table} /></ins>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
