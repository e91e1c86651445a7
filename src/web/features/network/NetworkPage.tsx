// /network/:id — one unit of the hierarchy, its ancestors, its children; a
// search across the reader's whole scope; create, edit, move, archive.
import '../../components/pageStyles';
import { Anchor, Badge, Button, Group, Paper, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import { ArchiveButton } from '../../components/ArchiveButton';
import { PageHeader } from '../../components/PageHeader';
import { SearchInput } from '../../components/SearchInput';
import { Empty, ErrorState, Loading } from '../../components/States';
import { UnitBreadcrumb } from '../../components/UnitBreadcrumb';
import { useUser } from '../../lib/auth';
import { useFormat } from '../../lib/format';
import { localName } from '../../lib/names';
import { canWriteNetwork, ownUnitPath } from '../../lib/roles';
import type { OrgUnit } from '../../lib/types';
import { useArchiveOrgUnit, useOrgUnit, useOrgUnitList } from './api';
import { CHILD_KINDS, OrgUnitForm } from './OrgUnitForm';

export function unitPath(unit: Pick<OrgUnit, 'id' | 'kind'>): string {
  return unit.kind === 'centre' ? `/centres/${unit.id}` : `/network/${unit.id}`;
}

function UnitRow({ unit }: { unit: OrgUnit }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  return (
    <Paper component="li" withBorder p="sm" radius="sm">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Stack gap={2} miw={0} style={{ flex: '1 1 12rem' }}>
          <Anchor component={Link} to={unitPath(unit)} fw={600} className="kerege-wrap">
            {localName(unit.name, i18n.language)}
          </Anchor>
          <Text size="xs" c="dimmed" className="kerege-wrap">
            {unit.code}
            {typeof unit.childCount === 'number' && ` · ${t('orgUnits.childCount', { count: unit.childCount, formatted: fmt.number(unit.childCount) })}`}
          </Text>
        </Stack>
        <Group gap={6}>
          <Badge variant="light" color={unit.kind === 'centre' ? 'teal' : 'gray'}>{t(`orgUnits.kinds.${unit.kind}`)}</Badge>
          {unit.archivedAt && <Badge color="red" variant="outline">{t('common.archived')}</Badge>}
        </Group>
      </Group>
    </Paper>
  );
}

function UnitList({ parent, q, includeArchived }: { parent: string; q: string; includeArchived: boolean }) {
  const { t } = useTranslation();
  const list = useOrgUnitList({ parent, q, includeArchived });
  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data.pages.flatMap((p) => p.items);
  if (!items.length) return <Empty title={q ? t('common.nothingFound') : t('orgUnits.noChildren')} />;
  return (
    <Stack gap="xs">
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={q ? t('orgUnits.searchResults') : t('orgUnits.children')}>
        {items.map((u) => <UnitRow key={u.id} unit={u} />)}
      </Stack>
      {list.hasNextPage && (
        <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} style={{ alignSelf: 'center' }}>
          {t('common.loadMore')}
        </Button>
      )}
    </Stack>
  );
}

export default function NetworkPage() {
  const { id } = useParams();
  const user = useUser();
  if (!id) return <Navigate to={ownUnitPath(user)} replace />;
  return <NetworkUnit id={id} />;
}

function NetworkUnit({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const fmt = useFormat();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const includeArchived = params.get('archived') === '1';
  const unit = useOrgUnit(id);
  const archive = useArchiveOrgUnit();
  const [form, setForm] = useState<'create' | 'edit' | null>(null);

  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value); else next.delete(key);
    setParams(next, { replace: true });
  };

  if (unit.isPending) return <Loading />;
  if (unit.isError) return <ErrorState error={unit.error} onRetry={() => void unit.refetch()} />;
  const u = unit.data;
  if (u.kind === 'centre') return <Navigate to={`/centres/${u.id}`} replace />;
  const name = localName(u.name, i18n.language);
  const writer = canWriteNetwork(user);
  const canAddChild = writer && CHILD_KINDS[u.kind].length > 0 && !u.archivedAt;

  return (
    <Stack gap="md">
      <PageHeader
        above={<UnitBreadcrumb ancestors={u.ancestors} />}
        title={name}
        badge={
          <Group gap={6}>
            <Badge variant="light">{t(`orgUnits.kinds.${u.kind}`)}</Badge>
            {u.archivedAt && <Badge color="red" variant="outline">{t('common.archived')}</Badge>}
          </Group>
        }
        actions={writer && (
          <>
            {canAddChild && <Button onClick={() => setForm('create')}>{t('orgUnits.addChild')}</Button>}
            <Button variant="default" onClick={() => setForm('edit')}>{t('common.edit')}</Button>
            {u.id !== user.orgUnitId && u.kind !== 'country' && (
              <ArchiveButton
                record={u}
                name={name}
                run={(action, r) => archive.mutateAsync({ id: r.id, version: r.version, action })}
              />
            )}
          </>
        )}
      />
      <Text size="sm" c="dimmed" className="kerege-wrap">
        {t('orgUnits.code')}: {u.code}
        {typeof u.childCount === 'number' && ` · ${t('orgUnits.childCount', { count: u.childCount, formatted: fmt.number(u.childCount) })}`}
        {u.aliases?.length ? ` · ${t('orgUnits.aliases')}: ${u.aliases.join(', ')}` : ''}
      </Text>

      <Group align="flex-end" gap="md" wrap="wrap">
        <SearchInput
          label={t('orgUnits.search')}
          placeholder={t('orgUnits.searchPlaceholder')}
          value={q}
          onSearch={(value) => setParam('q', value)}
          w="min(100%, 26rem)"
        />
        <Switch
          label={t('common.showArchived')}
          checked={includeArchived}
          onChange={(e) => setParam('archived', e.currentTarget.checked ? '1' : '')}
          mb={8}
        />
      </Group>

      {q ? (
        <Text size="sm" fw={600}>{t('orgUnits.searchResults')}</Text>
      ) : (
        <Text size="sm" fw={600}>{t('orgUnits.children')}</Text>
      )}
      <UnitList parent={u.id} q={q} includeArchived={includeArchived} />

      <OrgUnitForm
        opened={form !== null}
        onClose={() => setForm(null)}
        unit={form === 'edit' ? u : undefined}
        parent={form === 'create' ? u : undefined}
        onReload={() => void unit.refetch()}
        onSaved={(saved) => {
          setForm(null);
          if (form === 'create') navigate(`/network/${saved.id}`);
        }}
      />
    </Stack>
  );
}
