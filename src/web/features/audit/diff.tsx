// Before → after of an audit entry, changed fields only, in words people read.
// The server records table columns (snake_case: name_kk, org_unit_id,
// deleted_at, JSON arrays as text, booleans as 0/1); camelCase keys work too.
import { Table, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
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
const BOOLEAN_KEYS = new Set(['active', 'invented']);
const TIME_KEYS = new Set(['deleted_at', 'archived_at']);

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

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
    .filter((key) => snake(key) === 'password_hash' || !same(before[key], after[key]))
    .filter((key) => !(entry.before === null && empty(after[key])))
    .map((key) => ({ key, before: before[key], after: after[key] }));
}

function isNames(value: unknown): value is Names {
  return !!value && typeof value === 'object' && ('kk' in value || 'ru' in value || 'en' in value);
}

export function formatValue(key: string, value: unknown, t: TFunction, lang: string): string {
  const k = snake(key);
  if (empty(value)) return '—';
  if (value === '[redacted]' || k === 'password_hash') return t('audit.redacted');
  if (BOOLEAN_KEYS.has(k) || typeof value === 'boolean') return value === true || value === 1 || value === '1' ? t('audit.yes') : t('audit.no');
  if (TIME_KEYS.has(k) && typeof value === 'string') return formatDateTime(value, lang);
  if (k === 'role' && typeof value === 'string') return t(`roles.${value}`, { defaultValue: value });
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
  return str(row.display_name) || str(row.displayName) || str(row.username) || str(row.code) || null;
}

export function DiffTable({ entry }: { entry: AuditEntry }) {
  const { t, i18n } = useTranslation();
  const list = changes(entry);
  if (list.length === 0) return <Text size="sm" c="gray.7">{t('audit.noFieldChanges')}</Text>;
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table withTableBorder withColumnBorders verticalSpacing={4} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('audit.field')}</Table.Th>
            <Table.Th scope="col">{t('audit.before')}</Table.Th>
            <Table.Th scope="col">{t('audit.after')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.map((c) => (
            <Table.Tr key={c.key}>
              <Table.Th scope="row" fw={600}>{fieldLabel(c.key, t)}</Table.Th>
              <Table.Td className="kerege-wrap" c={entry.before === null ? 'gray.7' : undefined}>
                <del style={{ textDecoration: empty(c.before) ? 'none' : undefined }}>{formatValue(c.key, c.before, t, i18n.language)}</del>
              </Table.Td>
              <Table.Td className="kerege-wrap">
                <ins style={{ textDecoration: 'none' }}>{formatValue(c.key, c.after, t, i18n.language)}</ins>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
