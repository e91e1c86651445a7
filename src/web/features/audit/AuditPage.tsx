// /audit — who changed what, newest first, with a before → after diff per
// entry. Filters live in the URL (?table=&action=&actor=&from=&to=&recordId=),
// so a centre page can link to its own history.
import '../../components/pageStyles';
import { Anchor, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback, useMediaQuery } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Empty, ErrorState, Loading } from '../../components/States';
import { apiGet, type Page } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { changes, DiffTable, recordLabel, useRecordName, type AuditEntry } from './diff';

const TABLES = ['org_units', 'centres', 'partners', 'partnerships', 'users'] as const;
const ACTIONS = ['create', 'update', 'archive', 'restore', 'password', 'login', 'logout'] as const;
const FILTERS = ['table', 'action', 'actor', 'from', 'to', 'recordId'] as const;
type Filter = (typeof FILTERS)[number];

const ACTION_COLOURS: Record<string, string> = {
  create: 'green', update: 'blue', archive: 'red', restore: 'teal', password: 'orange', login: 'gray', logout: 'gray',
};

/** Where a record of a table is shown in the app, if anywhere. */
function recordPath(entry: AuditEntry): string | null {
  const id = entry.recordId;
  const kind = entry.after?.kind ?? entry.before?.kind;
  if (entry.table === 'centres' || (entry.table === 'org_units' && kind === 'centre')) return `/centres/${id}`;
  if (entry.table === 'partners') return `/partners/${id}`;
  if (entry.table === 'org_units') return `/network/${id}`;
  return null;
}

/** Accounts are deactivated and activated, not archived and restored. */
function actionKey(entry: AuditEntry): string {
  if (entry.table === 'users' && entry.action === 'archive') return 'deactivate';
  if (entry.table === 'users' && entry.action === 'restore') return 'activate';
  return entry.action;
}

function RecordCell({ entry, known }: { entry: AuditEntry; known: string | null }) {
  const fetched = useRecordName(entry.table, entry.recordId, known === null);
  const label = known ?? fetched;
  const path = recordPath(entry);
  const short = `${entry.recordId.slice(0, 8)}…`;
  const text = label ?? short;
  return (
    <span className="kerege-wrap">
      {path ? <Anchor component={Link} to={path} size="sm">{text}</Anchor> : <Text span size="sm">{text}</Text>}
      {label && <Text span size="xs" c="gray.7" ff="monospace" title={entry.recordId}> {short}</Text>}
    </span>
  );
}

export default function AuditPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const isPhone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])) as Record<Filter, string>;
  const [actor, setActor] = useState(filters.actor);
  const [recordId, setRecordId] = useState(filters.recordId);
  const [open, setOpen] = useState<Set<string>>(() => new Set());
  const [showFilters, setShowFilters] = useState(false);

  const setFilter = (name: Filter, value: string | null) => {
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (value) next.set(name, value); else next.delete(name);
      return next;
    }, { replace: true });
  };
  const setTextFilter = useDebouncedCallback((name: Filter, value: string) => setFilter(name, value.trim()), 400);
  const badRange = !!(filters.from && filters.to && filters.from > filters.to);

  const audit = useInfiniteQuery({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam }) => apiGet<Page<AuditEntry>>('/api/audit', { ...filters, limit: 50, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: !badRange,
  });
  const entries = audit.data?.pages.flatMap((p) => p.items) ?? [];
  // An update records only what changed; the record's name often comes from another entry.
  const knownNames = new Map<string, string>();
  for (const e of entries) {
    const label = recordLabel(e, lang);
    if (label && !knownNames.has(e.recordId)) knownNames.set(e.recordId, label);
  }
  const activeFilters = FILTERS.filter((f) => filters[f]).length;
  const filtered = activeFilters > 0;

  const toggle = (id: string) => setOpen((prev) => {
    const next = new Set(prev);
    if (next.has(id)) next.delete(id); else next.add(id);
    return next;
  });
  const clear = () => {
    setActor('');
    setRecordId('');
    setParams(new URLSearchParams(), { replace: true });
  };
  const showHistory = (id: string) => {
    setRecordId(id);
    setFilter('recordId', id);
  };

  const who = (e: AuditEntry) => e.actor?.username ?? t('audit.system');
  const action = (e: AuditEntry) => (
    <Badge variant="light" tt="none" color={ACTION_COLOURS[e.action] ?? 'gray'}>{t(`audit.actions.${actionKey(e)}`, { defaultValue: e.action })}</Badge>
  );
  const record = (e: AuditEntry) => <RecordCell entry={e} known={recordLabel(e, lang) ?? knownNames.get(e.recordId) ?? null} />;
  const expander = (e: AuditEntry) => {
    const count = changes(e).length;
    const expanded = open.has(e.id);
    return (
      <Button
        size="compact-sm"
        variant="subtle"
        aria-expanded={expanded}
        aria-controls={expanded ? `audit-diff-${e.id}` : undefined}
        onClick={() => toggle(e.id)}
      >
        {expanded ? '▾ ' : '▸ '}{t('audit.changesCount', { count })}
      </Button>
    );
  };
  const details = (e: AuditEntry) => (
    <Stack gap="xs" id={`audit-diff-${e.id}`}>
      <DiffTable entry={e} compact={isPhone} />
      {filters.recordId !== e.recordId && (
        <Group>
          <Button size="compact-xs" variant="default" onClick={() => showHistory(e.recordId)}>{t('audit.recordHistory')}</Button>
        </Group>
      )}
    </Stack>
  );

  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">{t('audit.title')}</Title>
        <Text c="gray.7" size="sm">{t('audit.subtitle')}</Text>
      </div>

      {isPhone && (
        <Button
          variant="default"
          onClick={() => setShowFilters((v) => !v)}
          aria-expanded={showFilters}
          aria-controls="audit-filters"
          style={{ alignSelf: 'flex-start' }}
        >
          {showFilters ? '▾ ' : '▸ '}{t('audit.filtersButton')}
          {activeFilters > 0 && ` (${activeFilters})`}
        </Button>
      )}
      {(!isPhone || showFilters) && (
      <Paper withBorder p="sm" radius="md" component="section" aria-label={t('audit.filters')} id="audit-filters">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" verticalSpacing="xs">
          <Select
            label={t('audit.table')}
            placeholder={t('audit.allTables')}
            clearable
            data={TABLES.map((v) => ({ value: v, label: t(`audit.tables.${v}`) }))}
            value={filters.table || null}
            onChange={(v) => setFilter('table', v)}
          />
          <Select
            label={t('audit.action')}
            placeholder={t('audit.allActions')}
            clearable
            data={ACTIONS.map((v) => ({ value: v, label: t(`audit.actions.${v}`) }))}
            value={filters.action || null}
            onChange={(v) => setFilter('action', v)}
          />
          <TextInput
            label={t('audit.actor')}
            placeholder={t('audit.actorHint')}
            autoCapitalize="none"
            spellCheck={false}
            value={actor}
            onChange={(e) => { setActor(e.currentTarget.value); setTextFilter('actor', e.currentTarget.value); }}
          />
          <TextInput
            label={t('audit.from')}
            type="date"
            value={filters.from}
            max={filters.to || undefined}
            onChange={(e) => setFilter('from', e.currentTarget.value)}
          />
          <TextInput
            label={t('audit.to')}
            type="date"
            value={filters.to}
            min={filters.from || undefined}
            onChange={(e) => setFilter('to', e.currentTarget.value)}
            error={badRange ? t('audit.badRange') : undefined}
          />
          <TextInput
            label={t('audit.recordId')}
            spellCheck={false}
            value={recordId}
            onChange={(e) => { setRecordId(e.currentTarget.value); setTextFilter('recordId', e.currentTarget.value); }}
          />
        </SimpleGrid>
        {filtered && (
          <Group justify="flex-end" mt="xs">
            <Button size="compact-sm" variant="subtle" onClick={clear}>{t('common.clearFilters')}</Button>
          </Group>
        )}
      </Paper>
      )}

      {audit.isPending && !badRange && <Loading />}
      {audit.isError && <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />}
      {audit.isSuccess && entries.length === 0 && <Empty title={filtered ? t('audit.noneFound') : t('audit.none')} />}

      {entries.length > 0 && (isPhone ? (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('audit.title')}>
          {entries.map((e) => (
            <Paper key={e.id} component="li" withBorder p="sm" radius="md">
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <Text size="sm" fw={600}>{formatDateTime(e.at, lang)}</Text>
                {action(e)}
              </Group>
              <Text size="sm">{who(e)} · {t(`audit.tables.${e.table}`, { defaultValue: e.table })}</Text>
              <div>{record(e)}</div>
              <div>{expander(e)}</div>
              {open.has(e.id) && details(e)}
            </Paper>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="xs" highlightOnHover>
            <Table.Caption>{t('audit.shown', { count: entries.length })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('audit.when')}</Table.Th>
                <Table.Th scope="col">{t('audit.who')}</Table.Th>
                <Table.Th scope="col">{t('audit.action')}</Table.Th>
                <Table.Th scope="col">{t('audit.table')}</Table.Th>
                <Table.Th scope="col">{t('audit.record')}</Table.Th>
                <Table.Th scope="col">{t('audit.changes')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((e) => (
                <Fragment key={e.id}>
                  <Table.Tr>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time>
                    </Table.Td>
                    <Table.Td><Text size="sm" ff="monospace">{who(e)}</Text></Table.Td>
                    <Table.Td>{action(e)}</Table.Td>
                    <Table.Td>{t(`audit.tables.${e.table}`, { defaultValue: e.table })}</Table.Td>
                    <Table.Td>{record(e)}</Table.Td>
                    <Table.Td>{expander(e)}</Table.Td>
                  </Table.Tr>
                  {open.has(e.id) && (
                    <Table.Tr>
                      <Table.Td colSpan={6} bg="gray.0">{details(e)}</Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ))}

      {audit.hasNextPage && (
        <Group justify="center">
          <Button variant="default" loading={audit.isFetchingNextPage} onClick={() => void audit.fetchNextPage()}>{t('audit.more')}</Button>
        </Group>
      )}
    </Stack>
  );
}
